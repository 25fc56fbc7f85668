package probes_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/testservers"
)

// TestCertCompound: a certificate with several problems reports every one of them, each as its
// own finding on the TLS step, with evidence taken from the certificate itself. Real handshakes
// with testservers certificates, inside a synctest bubble (its clock says 2000-01-01).
func TestCertCompound(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	leaf := func(kind testservers.CertKind) string { // the NotBefore of kind, as the evidence names it
		c, err := ca.Cert(kind)
		if err != nil {
			t.Fatal(err)
		}
		return c.Leaf.NotBefore.UTC().Format(time.RFC3339)
	}
	const expiredEnd = "1999-12-30T00:00:00Z"
	const (
		untrusted = findings.TLSCertUntrusted
		mismatch  = findings.TLSCertHostnameMismatch
		expired   = findings.TLSCertExpired
		notYet    = findings.TLSCertNotYetValid
		skipped   = findings.TLSVerificationSkipped
	)
	tests := []struct {
		name     string
		proto    string
		security string
		cert     testservers.CertKind
		noTrust  bool // the probe does not trust the test CA
		insecure bool
		want     []findings.Code
		// evidence: per code, strings its finding's evidence must contain.
		evidence map[findings.Code][]string
		authOK   bool // the walk went on to a successful login
	}{
		{name: "snakeoil: self-signed for another name", proto: "smtp", security: "tls", cert: testservers.SnakeOil,
			want: []findings.Code{untrusted, mismatch},
			evidence: map[findings.Code][]string{
				untrusted: {"self-signed", "CN=mx1.snakeoil.example"},
				mismatch:  {"mx1.snakeoil.example", "no subject alternative names", "not localhost"},
			}},
		{name: "snakeoil over POP3 STLS", proto: "pop3", security: "starttls", cert: testservers.SnakeOil,
			want: []findings.Code{untrusted, mismatch},
			evidence: map[findings.Code][]string{
				untrusted: {"self-signed", "CN=mx1.snakeoil.example"},
				mismatch:  {"mx1.snakeoil.example"},
			}},
		{name: "snakeoil over IMAP STARTTLS", proto: "imap", security: "starttls", cert: testservers.SnakeOil,
			want: []findings.Code{untrusted, mismatch}},
		{name: "expired and for another name", proto: "smtp", security: "tls", cert: testservers.ExpiredWrongHost,
			want: []findings.Code{mismatch, expired},
			evidence: map[findings.Code][]string{
				mismatch: {"certificate is for wrong.example, not localhost"},
				expired:  {"expired at " + expiredEnd, "clock says 2000-01-01T00:00:00Z"},
			}},
		{name: "untrusted, expired and for another name", proto: "smtp", security: "tls", cert: testservers.ExpiredWrongHost,
			noTrust: true, want: []findings.Code{untrusted, mismatch, expired},
			evidence: map[findings.Code][]string{
				untrusted: {"CN=mailcheck test CA", "not self-signed"},
				mismatch:  {"wrong.example"},
				expired:   {expiredEnd},
			}},
		{name: "not yet valid", proto: "smtp", security: "tls", cert: testservers.NotYetValid,
			want: []findings.Code{notYet},
			evidence: map[findings.Code][]string{
				notYet: {"not valid until " + leaf(testservers.NotYetValid), "clock says 2000-01-01T00:00:00Z"},
			}},
		{name: "not yet valid and untrusted", proto: "imap", security: "tls", cert: testservers.NotYetValid, noTrust: true,
			want: []findings.Code{untrusted, notYet}},
		{name: "self-signed, right name", proto: "smtp", security: "tls", cert: testservers.SelfSigned,
			want:     []findings.Code{untrusted},
			evidence: map[findings.Code][]string{untrusted: {"self-signed", "CN=mail.test"}}},
		{name: "expired only", proto: "smtp", security: "tls", cert: testservers.Expired,
			want:     []findings.Code{expired},
			evidence: map[findings.Code][]string{expired: {"expired at " + expiredEnd}}},
		{name: "another name only", proto: "smtp", security: "tls", cert: testservers.WrongHost,
			want:     []findings.Code{mismatch},
			evidence: map[findings.Code][]string{mismatch: {"certificate is for wrong.example, not localhost"}}},
		{name: "private CA only", proto: "pop3", security: "tls", cert: testservers.Valid, noTrust: true,
			want:     []findings.Code{untrusted},
			evidence: map[findings.Code][]string{untrusted: {"CN=mailcheck test CA", "not self-signed"}}},
		{name: "valid", proto: "smtp", security: "tls", cert: testservers.Valid, authOK: true},
		{name: "snakeoil with --insecure: every problem, then the walk goes on", proto: "smtp", security: "starttls",
			cert: testservers.SnakeOil, insecure: true, want: []findings.Code{untrusted, mismatch, skipped}, authOK: true,
			evidence: map[findings.Code][]string{skipped: {"self-signed", "mx1.snakeoil.example"}}},
		{name: "expired for another name with --insecure", proto: "pop3", security: "tls",
			cert: testservers.ExpiredWrongHost, insecure: true, want: []findings.Code{mismatch, expired, skipped}, authOK: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				f := testservers.Faults{Cert: tt.cert, RequireTLSForAuth: true}
				if tt.security == "tls" {
					f = testservers.Faults{Cert: tt.cert, ImplicitTLS: true}
				}
				srv, err := testservers.New(testservers.Config{Proto: tt.proto, Faults: f}, ca)
				if err != nil {
					t.Fatal(err)
				}
				defer srv.Close()
				opts := probes.Options{Timeout: 2 * time.Second, Dialer: srv, Insecure: tt.insecure,
					User: testservers.DefaultUser, Password: []byte(testservers.DefaultPassword)}
				if !tt.noTrust {
					opts.RootCAs = ca.RootCAs()
				}
				sec := probes.Security(tt.security)
				proto := probes.Proto(tt.proto)
				ep := probes.Endpoint{Proto: proto, Host: "localhost", Port: probes.DefaultPort(proto, sec), Security: sec}
				r := probes.Probe(context.Background(), ep, opts)

				want := make([]string, len(tt.want))
				for i, c := range tt.want {
					want[i] = string(c)
				}
				slices.Sort(want)
				if got := codesOf(r); !slices.Equal(got, want) {
					t.Fatalf("codes = %v, want %v\n%s", got, want, dump(r))
				}
				if r.TLS == nil {
					t.Fatalf("no TLS info\n%s", dump(r))
				}
				if len(tt.want) == 0 {
					if !r.TLS.Verified || r.TLS.VerifyError != "" {
						t.Errorf("verified %v, error %q; want a verified chain", r.TLS.Verified, r.TLS.VerifyError)
					}
				} else if r.TLS.Verified {
					t.Errorf("TLS.Verified with problems %v", tt.want)
				}
				// Every certificate finding is on the TLS step, and VerifyError lists each.
				tlsStep := tlsStepOf(r)
				if tlsStep == nil {
					t.Fatalf("no TLS step\n%s", dump(r))
				}
				for _, c := range tt.want {
					f, ok := findingOn(tlsStep, c)
					if !ok {
						t.Errorf("%s is not on step %s\n%s", c, tlsStep.Name, dump(r))
						continue
					}
					if c != skipped && !strings.Contains(r.TLS.VerifyError, f.Evidence) {
						t.Errorf("VerifyError %q does not list %s's %q", r.TLS.VerifyError, c, f.Evidence)
					}
					for _, sub := range tt.evidence[c] {
						if !strings.Contains(f.Evidence, sub) {
							t.Errorf("%s evidence %q does not contain %q", c, f.Evidence, sub)
						}
					}
				}
				if got := stepOK(r, probes.StepAuth); got != tt.authOK {
					t.Errorf("login succeeded: %v, want %v\n%s", got, tt.authOK, dump(r))
				}
			})
		})
	}
}

// TestCertCompoundWrongMode: the wrong-mode note names every certificate problem the other
// mode showed (certNote reads TLSInfo.VerifyError).
func TestCertCompoundWrongMode(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	synctest.Test(t, func(t *testing.T) {
		srv, err := testservers.New(testservers.Config{Proto: "smtp", Faults: testservers.Faults{ImplicitTLS: true, Cert: testservers.SnakeOil}}, ca)
		if err != nil {
			t.Fatal(err)
		}
		defer srv.Close()
		opts := probes.Options{Timeout: 300 * time.Millisecond, Dialer: srv, RootCAs: ca.RootCAs(),
			User: testservers.DefaultUser, Password: []byte(testservers.DefaultPassword)}
		ep := probes.Endpoint{Proto: probes.SMTP, Host: "localhost", Port: 587, Security: probes.STARTTLS}
		r := probes.Probe(context.Background(), ep, opts)
		if got := codesOf(r); !slices.Equal(got, []string{string(findings.PortExpectsTLS)}) {
			t.Fatalf("codes = %v, want [port.expects-tls]\n%s", got, dump(r))
		}
		var ev string
		for _, f := range r.Findings() {
			if f.Code == findings.PortExpectsTLS {
				ev = f.Evidence
			}
		}
		for _, sub := range []string{"its certificate is not valid", "self-signed", "mx1.snakeoil.example"} {
			if !strings.Contains(ev, sub) {
				t.Errorf("port.expects-tls evidence %q does not contain %q", ev, sub)
			}
		}
		if r.Alt == nil || !r.Alt.HasCode(findings.TLSCertUntrusted) || !r.Alt.HasCode(findings.TLSCertHostnameMismatch) {
			t.Errorf("works_with does not carry both certificate findings\n%s", dump(r))
		}
	})
}

func tlsStepOf(r probes.Result) *probes.Step {
	for i := range r.Steps {
		switch r.Steps[i].Name {
		case probes.StepTLS, probes.StepSTARTTLS, probes.StepSTLS:
			return &r.Steps[i]
		}
	}
	return nil
}

func findingOn(s *probes.Step, c findings.Code) (findings.Finding, bool) {
	for _, f := range s.Findings {
		if f.Code == c {
			return f, true
		}
	}
	return findings.Finding{}, false
}

func stepOK(r probes.Result, name string) bool {
	for _, s := range r.Steps {
		if s.Name == name {
			return s.Status == probes.OK
		}
	}
	return false
}
