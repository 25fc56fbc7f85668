package probes_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/testservers"
)

// runScenario serves the scenario from a testservers.Server over an in-memory pipe (the
// server is the dialer) and probes it the way `mailcheck lab` does. Call it inside a
// testing/synctest bubble: every timeout then runs on the fake clock.
func runScenario(t *testing.T, ca *testservers.CA, sc testservers.Scenario) probes.Result {
	t.Helper()
	srv, err := testservers.New(sc.Config, ca)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if sc.Refused {
		srv.Close() // its dialer now refuses, as a port nobody listens on
	}
	opts := probes.Options{Timeout: stepTimeout(sc), User: sc.User, Password: []byte(sc.Password),
		AllowPlaintextAuth: sc.AllowPlaintextAuth, Dialer: srv}
	if sc.Token != nil {
		opts.User, opts.Token = sc.Token.User, []byte(sc.MintToken(time.Now()))
	}
	if sc.TrustCA {
		opts.RootCAs = ca.RootCAs()
	}
	// "localhost" needs no DNS query; the port is the usual one for the mode.
	sec := probes.Security(sc.Security)
	ep := probes.Endpoint{Proto: probes.Proto(sc.Proto), Host: "localhost", Port: probes.DefaultPort(probes.Proto(sc.Proto), sec), Security: sec}
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
// Each runs in its own synctest bubble, so a scenario about a timeout takes no wall time and
// its duration is exact.
func TestScenarios(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range testservers.Scenarios() {
		t.Run(sc.Name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				start := time.Now()
				r := runScenario(t, ca, sc)
				took := time.Since(start) // fake time: the sum of the timeouts waited out
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
				if limit := 20 * stepTimeout(sc); took > limit {
					t.Errorf("probe took %s of fake time, more than %s", took, limit)
				}
			})
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
