package probes_test

import (
	"context"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/testservers"
)

// TestWrongModeFast: plaintext (STARTTLS mode) spoken to an implicit-TLS port is known after
// the short greeting silence, not after the whole --timeout: on the fake clock the probe,
// including its walk in the other mode, ends well before the 30 s step timeout, and reports
// port.expects-tls with the working mode under works_with. A plaintext server that greets late
// (a tarpit) is still given its whole timeout and judged server.greeting-timeout.
func TestWrongModeFast(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []probes.Proto{probes.SMTP, probes.POP3, probes.IMAP} {
		t.Run(string(p), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				srv, err := testservers.New(testservers.Config{Proto: string(p), Faults: testservers.Faults{ImplicitTLS: true}}, ca)
				if err != nil {
					t.Fatal(err)
				}
				defer srv.Close()
				start := time.Now()
				r := probes.Probe(context.Background(), probes.Endpoint{Proto: p, Host: "127.0.0.1", Port: probes.DefaultPort(p, probes.ImplicitTLS),
					Security: probes.STARTTLS}, probes.Options{Timeout: 30 * time.Second, Dialer: srv, RootCAs: ca.RootCAs()})
				took := time.Since(start)
				if !r.HasCode(findings.PortExpectsTLS) || r.Alt == nil || r.Alt.Status != probes.OK {
					t.Errorf("%s: want port.expects-tls and a working TLS walk, got status %s, findings %v", p, r.Status, codes(r))
				}
				if took > 3*time.Second {
					t.Errorf("%s: wrong mode took %s of fake time, want about the %s greeting silence, not the 30 s timeout", p, took, "2s")
				}
			})
		})
	}
	t.Run("tarpit", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			srv, err := testservers.New(testservers.Config{Proto: "smtp", Faults: testservers.Faults{GreetingDelay: 20 * time.Second}}, ca)
			if err != nil {
				t.Fatal(err)
			}
			defer srv.Close()
			start := time.Now()
			r := probes.Probe(context.Background(), probes.Endpoint{Proto: probes.SMTP, Host: "127.0.0.1", Port: 587, Security: probes.STARTTLS},
				probes.Options{Timeout: 10 * time.Second, Dialer: srv, RootCAs: ca.RootCAs()})
			if took := time.Since(start); took < 10*time.Second {
				t.Errorf("a slow plaintext server was given %s, want its whole 10 s timeout", took)
			}
			if !r.HasCode(findings.ServerGreetingTimeout) || r.HasCode(findings.PortExpectsTLS) {
				t.Errorf("tarpit: findings %v, want server.greeting-timeout only", codes(r))
			}
		})
	})
}

func codes(r probes.Result) string {
	var out []string
	for _, f := range r.Findings() {
		out = append(out, string(f.Code))
	}
	return strings.Join(out, " ")
}
