package probes_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"net"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/reports"
	"github.com/mailcheck/mailcheck/testservers"
)

// TestHostileLimits: the families of issue 20 — lengths that overflow, literal floods, endless
// {0} chains — end in a finding for the endpoint, within the byte and transcript caps, without
// a panic, in the probe and in the conformance walk alike.
func TestHostileLimits(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	const step = 400 * time.Millisecond
	tests := []struct {
		name     string
		proto    string
		security string
		faults   testservers.Faults
		want     findings.Code
	}{
		{"IMAP literal length at the int64 limit", "imap", "starttls",
			testservers.Faults{Greeting: "* OK {9223372036854775807}"}, findings.ServerProtocolError},
		{"IMAP literal length past the int64 limit", "imap", "starttls",
			testservers.Faults{Greeting: "* OK {99999999999999999999999}"}, findings.ServerProtocolError},
		{"IMAP literal length just under the int limit", "imap", "starttls",
			testservers.Faults{Greeting: "* OK {9223372036854775000}"}, findings.ServerProtocolError},
		{"2,100 literals of 1 MiB answering CAPABILITY", "imap", "starttls",
			testservers.Faults{IMAPLiteralFlood: 2100}, findings.ServerTooMuchData},
		{"endless chain of {0} literals", "imap", "starttls",
			testservers.Faults{IMAPZeroLiterals: true}, findings.ServerTooMuchData},
		{"endless EHLO reply", "smtp", "starttls",
			testservers.Faults{EndlessMultiline: true}, findings.ServerProtocolError},
		{"endless untagged IMAP lines (over the step's line cap)", "imap", "starttls",
			testservers.Faults{EndlessMultiline: true}, findings.ServerProtocolError},
		{"endless CAPA list", "pop3", "starttls",
			testservers.Faults{EndlessMultiline: true}, findings.ServerProtocolError},
		{"IMAP literal length at the int64 limit after TLS", "imap", "tls",
			testservers.Faults{ImplicitTLS: true, Greeting: "* OK {9223372036854775807}"}, findings.ServerProtocolError},
	}
	for _, tt := range tests {
		for _, conform := range []bool{false, true} {
			name := tt.name + "/probe"
			if conform {
				name = tt.name + "/conform"
			}
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				synctest.Test(t, func(t *testing.T) {
					srv, err := testservers.New(testservers.Config{Proto: tt.proto, Faults: tt.faults}, ca)
					if err != nil {
						t.Fatal(err)
					}
					defer srv.Close()
					sec := probes.Security(tt.security)
					opts := probes.Options{Timeout: step, RootCAs: ca.RootCAs(), Dialer: srv, NoModeDetect: true,
						User: testservers.DefaultUser, Password: []byte(testservers.DefaultPassword)}
					ep := probes.Endpoint{Proto: probes.Proto(tt.proto), Host: "localhost", Port: probes.DefaultPort(probes.Proto(tt.proto), sec), Security: sec}
					var r probes.Result
					start := time.Now()
					if conform {
						r, _ = probes.Conform(context.Background(), ep, opts)
					} else {
						r = probes.Probe(context.Background(), ep, opts)
					}
					// Fake time: a flood is read at once and cut by a cap, never waited out.
					if took := time.Since(start); took > 2*step {
						t.Errorf("took %s of fake time, want the cap to end it within %s", took, 2*step)
					}
					checkNoSecret(t, r, testservers.DefaultPassword)
					if r.Status != probes.Fail || !r.HasCode(tt.want) {
						t.Errorf("status %s, codes %v; want fail with %s\n%s", r.Status, codesOf(r), tt.want, dumpShort(r))
					}
					if r.HasCode(findings.ProbeInternalError) {
						t.Errorf("an internal error, want the server's fault named\n%s", dumpShort(r))
					}
					checkTranscriptCaps(t, r)
					if strings.Contains(tt.name, "line cap") && !strings.Contains(transcript(r), "more lines") {
						t.Errorf("no note of the lines cut\n%s", dumpShort(r))
					}
				})
			})
		}
	}
}

// checkNoSecret renders r in every format, transcript included, and fails if the password or
// its base64 forms show in any of them.
func checkNoSecret(t *testing.T, r probes.Result, secret string) {
	t.Helper()
	rep := probes.Report{Schema: probes.Schema, Command: "probe", Input: "hostile", Results: []probes.Result{r}}
	rep.Status = probes.StatusOf(&rep)
	forms := []string{secret, base64.StdEncoding.EncodeToString([]byte(secret)), base64.RawStdEncoding.EncodeToString([]byte(secret))}
	for _, f := range []reports.Format{reports.JSON, reports.Table, reports.Markdown, reports.HTML} {
		var b bytes.Buffer
		if err := reports.Write(&b, &rep, f, reports.Options{Lang: "en", Transcript: true}); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, form := range forms {
			if strings.Contains(b.String(), form) {
				t.Errorf("the password (as %q) shows in the %s report", form, f)
			}
		}
	}
}

// checkTranscriptCaps asserts the per-step and per-endpoint transcript caps.
func checkTranscriptCaps(t *testing.T, r probes.Result) {
	t.Helper()
	lines, size := 0, 0
	for _, s := range r.Steps {
		sl, ss := 0, 0
		for _, l := range s.Lines {
			sl++
			ss += len(l.Text)
		}
		if sl > probes.MaxStepLines+1 || ss > probes.MaxStepBytes+256 {
			t.Errorf("step %s keeps %d lines, %d bytes; want at most %d lines, %d bytes", s.Name, sl, ss, probes.MaxStepLines, probes.MaxStepBytes)
		}
		lines += sl
		size += ss
	}
	if lines > probes.MaxEndpointLines+len(r.Steps) || size > probes.MaxEndpointBytes+256*len(r.Steps) {
		t.Errorf("endpoint keeps %d lines, %d bytes; want at most %d lines, %d bytes", lines, size, probes.MaxEndpointLines, probes.MaxEndpointBytes)
	}
}

// transcript joins every kept line of r.
func transcript(r probes.Result) string {
	var b strings.Builder
	for _, s := range r.Steps {
		for _, l := range s.Lines {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// dumpShort is dump without more than a few transcript lines per step.
func dumpShort(r probes.Result) string {
	var b strings.Builder
	for _, s := range r.Steps {
		b.WriteString(s.Name + " " + string(s.Status) + " " + s.Error + "\n")
		for i, l := range s.Lines {
			if i > 5 {
				b.WriteString("  …\n")
				break
			}
			b.WriteString("  " + truncateTest(l.Text, 100) + "\n")
		}
	}
	return b.String()
}

func truncateTest(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// panicDialer hands out connections whose Read panics for one address, and the test server's
// for the others: a defect that crashes on some input must cost only that endpoint.
type panicDialer struct {
	srv  *testservers.Server
	boom string
}

func (d panicDialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	if addr == d.boom {
		c, s := testservers.Pipe()
		go func() { s.Write([]byte("* OK hello\r\n")); s.Close() }()
		return panicConn{c}, nil
	}
	return d.srv.DialContext(ctx, network, addr)
}

type panicConn struct{ net.Conn }

func (panicConn) Read([]byte) (int, error) { panic("boom: index out of range") }

// TestPanicIsAFinding: a panic inside a probe becomes probe.internal-error on that endpoint
// only; the run's other endpoints keep their results, and nothing reaches the caller.
func TestPanicIsAFinding(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv, err := testservers.New(testservers.Config{Proto: "imap"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer srv.Close()
		eps := []probes.Endpoint{
			{Proto: probes.IMAP, Host: "127.0.0.1", Port: 143, Security: probes.Plain},
			{Proto: probes.IMAP, Host: "127.0.0.2", Port: 143, Security: probes.Plain},
		}
		for _, conform := range []bool{false, true} {
			plan := probes.Plan{Command: probes.CmdProbe, Endpoints: eps, Conform: conform,
				Options: probes.Options{Timeout: time.Second, NoModeDetect: true, Dialer: panicDialer{srv, "127.0.0.2:143"}}}
			if conform {
				plan.Endpoints = eps[1:]
			}
			rep := probes.Run(context.Background(), plan)
			bad := rep.Results[len(rep.Results)-1]
			if !bad.HasCode(findings.ProbeInternalError) || bad.Status != probes.Fail {
				t.Errorf("conform %v: panicking endpoint: status %s, codes %v; want probe.internal-error\n%s", conform, bad.Status, codesOf(bad), dumpShort(bad))
			}
			if !conform && (rep.Results[0].Status != probes.Warn || rep.Results[0].HasCode(findings.ProbeInternalError)) {
				t.Errorf("the healthy endpoint lost its result: %s %v", rep.Results[0].Status, codesOf(rep.Results[0]))
			}
		}
	})
}
