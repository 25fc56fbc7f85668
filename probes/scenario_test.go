package probes_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/testservers"
)

// runScenario starts the scenario's server and probes it the way `mailcheck lab` does.
func runScenario(t *testing.T, ca *testservers.CA, sc testservers.Scenario) probes.Result {
	t.Helper()
	srv := testservers.StartT(t, sc.Config, ca)
	port := srv.Port
	if sc.Refused {
		srv.Close()
	}
	timeout := sc.Timeout
	if timeout == 0 {
		timeout = 2 * time.Second
	}
	opts := probes.Options{Timeout: timeout, User: sc.User, Password: []byte(sc.Password),
		AllowPlaintextAuth: sc.AllowPlaintextAuth}
	if sc.TrustCA {
		opts.RootCAs = ca.RootCAs()
	}
	ep := probes.Endpoint{Proto: probes.Proto(sc.Proto), Host: "localhost", Port: port, Security: probes.Security(sc.Security)}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return probes.Probe(ctx, ep, opts)
}

func codesOf(r probes.Result) []string {
	var out []string
	for _, f := range r.Findings() {
		if f.Severity == findings.SevError || f.Severity == findings.SevWarning {
			out = append(out, string(f.Code))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestScenarios asserts, for every named scenario, the finding codes and the worst status.
func TestScenarios(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range testservers.Scenarios() {
		t.Run(sc.Name, func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			r := runScenario(t, ca, sc)
			got := codesOf(r)
			want := append([]string(nil), sc.Want...)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("codes = %v, want %v\n%s", got, want, dump(r))
			}
			if string(r.Status) != sc.WantStatus {
				t.Errorf("status = %s, want %s\n%s", r.Status, sc.WantStatus, dump(r))
			}
			// No probe runs past its steps' timeouts (two walks at most, a few steps each).
			if limit := 20 * stepTimeout(sc); time.Since(start) > limit {
				t.Errorf("probe took %s, more than %s", time.Since(start), limit)
			}
		})
	}
}

func stepTimeout(sc testservers.Scenario) time.Duration {
	if sc.Timeout > 0 {
		return sc.Timeout
	}
	return 2 * time.Second
}

func dump(r probes.Result) string {
	var b strings.Builder
	for _, s := range r.Steps {
		b.WriteString("  step " + s.Name + " " + string(s.Status) + " " + s.Error + "\n")
		for _, l := range s.Lines {
			b.WriteString("     " + string(l.Dir) + ": " + l.Text + "\n")
		}
		for _, f := range s.Findings {
			b.WriteString("     finding " + string(f.Code) + ": " + f.Evidence + "\n")
		}
	}
	if r.Alt != nil {
		b.WriteString(" alt:\n" + dump(*r.Alt))
	}
	return b.String()
}
