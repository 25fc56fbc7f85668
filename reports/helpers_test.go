package reports

import (
	"context"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/testservers"
)

// The reports under test come from real probes against the lab servers, so the tests see the
// transcripts, TLS details and redaction the engine really produces, not hand-made fixtures.

var (
	caOnce sync.Once
	labCA  *testservers.CA
	caErr  error
)

func testCA(t *testing.T) *testservers.CA {
	t.Helper()
	caOnce.Do(func() { labCA, caErr = testservers.NewCA() })
	if caErr != nil {
		t.Fatal(caErr)
	}
	return labCA
}

func scenario(t *testing.T, name string) testservers.Scenario {
	t.Helper()
	sc, ok := testservers.ScenarioByName(name)
	if !ok {
		t.Fatalf("no lab scenario %q", name)
	}
	return sc
}

// probeScenario starts sc's server and probes it as `mailcheck lab` does (cmd/lab.go labProbe).
// It returns the result and the server's port.
func probeScenario(t *testing.T, sc testservers.Scenario) (probes.Result, int) {
	t.Helper()
	ca := testCA(t)
	srv := testservers.StartScenario(t, sc, ca)
	timeout := sc.Timeout
	if timeout == 0 {
		timeout = 2 * time.Second
	}
	opts := probes.Options{Timeout: timeout, User: sc.User, Password: []byte(sc.Password),
		AllowPlaintextAuth: sc.AllowPlaintextAuth, Resolver: probes.NewResolver("127.0.0.1:1", timeout)}
	if sc.TrustCA {
		opts.RootCAs = ca.RootCAs()
	}
	ep := probes.Endpoint{Proto: probes.Proto(sc.Proto), Host: "localhost", Port: srv.Port,
		Security: probes.Security(sc.Security), Source: "lab:" + sc.Name}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return probes.Probe(ctx, ep, opts), srv.Port
}

// labReport probes the scenarios concurrently and gathers them in one report, in order.
func labReport(t *testing.T, input string, scs ...testservers.Scenario) (*probes.Report, []int) {
	t.Helper()
	rep := &probes.Report{Schema: probes.Schema, Command: "lab", Input: input, Started: time.Now(),
		Results: make([]probes.Result, len(scs))}
	ports := make([]int, len(scs))
	var wg sync.WaitGroup
	for i, sc := range scs {
		wg.Go(func() { rep.Results[i], ports[i] = probeScenario(t, sc) })
	}
	wg.Wait()
	rep.Elapsed = time.Since(rep.Started)
	for _, r := range rep.Results {
		rep.Status = probes.Worse(rep.Status, r.Status)
	}
	return rep, ports
}

// Golden files must not change from run to run, so normalise rewrites what varies: times,
// durations, the servers' random ports and the clients' ephemeral ones, dates that follow the
// clock (certificate validity, "current time" in x509 errors), APOP timestamps and UIDVALIDITY.
// Fixed dates (the lab's expired certificate) stay as they are.
var (
	fixedStart = time.Date(2030, 1, 1, 9, 0, 0, 0, time.UTC)
	dateRE     = regexp.MustCompile(`\b(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?\b`)
	numRE      = regexp.MustCompile(`\b\d{4,5}\b`)
	loopRE     = regexp.MustCompile(`(127\.0\.0\.1|\[::1\]):(\d+)`)
	apopRE     = regexp.MustCompile(`<\d+\.\d+@`)
	// The TLS 1.3 suite Go picks depends on AES hardware; goldens must not.
	cipherRE = regexp.MustCompile(`TLS_(AES_128_GCM_SHA256|AES_256_GCM_SHA384|CHACHA20_POLY1305_SHA256)`)
	uidvRE   = regexp.MustCompile(`(UIDVALIDITY) \d+`)
)

// firstPort is where the normalised ports start: the first server becomes 2525, the next 2526.
const firstPort = 2525

func normalise(rep *probes.Report, ports []int) {
	now := time.Now()
	portMap := map[string]string{}
	for i, p := range ports {
		portMap[strconv.Itoa(p)] = strconv.Itoa(firstPort + i)
	}
	fix := func(s string) string {
		s = apopRE.ReplaceAllString(s, "<1000.1@")
		s = cipherRE.ReplaceAllString(s, "TLS_AES_128_GCM_SHA256")
		s = uidvRE.ReplaceAllString(s, "$1 1")
		s = dateRE.ReplaceAllStringFunc(s, func(m string) string {
			d, err := time.Parse("2006-01-02", m[:10])
			if err != nil {
				return m
			}
			shifted, moved := shiftDate(d, now)
			if !moved {
				return m
			}
			if len(m) > 10 {
				return shifted.Format(time.RFC3339)
			}
			return shifted.Format("2006-01-02")
		})
		s = numRE.ReplaceAllStringFunc(s, func(m string) string {
			if p, ok := portMap[m]; ok {
				return p
			}
			return m
		})
		// What is left after a loopback address is a client's ephemeral port.
		return loopRE.ReplaceAllStringFunc(s, func(m string) string {
			sub := loopRE.FindStringSubmatch(m)
			if n, _ := strconv.Atoi(sub[2]); n >= firstPort && n < firstPort+len(ports) {
				return m
			}
			return sub[1] + ":40000"
		})
	}
	rep.Started, rep.Elapsed = fixedStart, 0
	rep.Input = fix(rep.Input)
	normSteps(rep.Discovery, fix)
	for i := range rep.Results {
		normResult(&rep.Results[i], fix, now)
	}
	for i := range rep.Findings {
		rep.Findings[i].Evidence = fix(rep.Findings[i].Evidence)
	}
}

func normResult(r *probes.Result, fix func(string) string, now time.Time) {
	r.Duration = 0
	if p, err := strconv.Atoi(fix(strconv.Itoa(r.Endpoint.Port))); err == nil {
		r.Endpoint.Port = p
	}
	r.Addr = fix(r.Addr)
	normSteps(r.Steps, fix)
	for i := range r.Caps {
		r.Caps[i] = fix(r.Caps[i])
	}
	if r.Mailbox != nil && r.Mailbox.UIDValidity != 0 {
		r.Mailbox.UIDValidity = 1
	}
	if r.TLS != nil {
		r.TLS.VerifyError = fix(r.TLS.VerifyError)
		r.TLS.Cipher = fix(r.TLS.Cipher)
		for i := range r.TLS.Chain {
			c := &r.TLS.Chain[i]
			c.NotBefore, _ = shiftDate(c.NotBefore, now)
			c.NotAfter, _ = shiftDate(c.NotAfter, now)
		}
	}
	if r.Alt != nil {
		normResult(r.Alt, fix, now)
	}
}

func normSteps(steps []probes.Step, fix func(string) string) {
	for i := range steps {
		s := &steps[i]
		s.Start, s.Duration = 0, 0
		s.Detail, s.Error = fix(s.Detail), fix(s.Error)
		for j := range s.Lines {
			s.Lines[j].At = 0
			s.Lines[j].Text = fix(s.Lines[j].Text)
		}
		for j := range s.Findings {
			s.Findings[j].Evidence = fix(s.Findings[j].Evidence)
		}
	}
}

// shiftDate moves a date near now (within about two years: certificates made for the run, the
// clock in an x509 error) to the same distance in days from fixedStart, at midnight UTC.
func shiftDate(t, now time.Time) (time.Time, bool) {
	today := now.UTC().Truncate(24 * time.Hour)
	days := int(t.UTC().Truncate(24*time.Hour).Sub(today).Hours() / 24)
	if days < -800 || days > 800 {
		return t, false
	}
	return fixedStart.Truncate(24*time.Hour).AddDate(0, 0, days), true
}
