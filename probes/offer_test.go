package probes_test

import (
	"context"
	"strings"
	"testing"
	"testing/synctest"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// TestPOP3PlaintextOffer: what a POP3 server offers before TLS is judged from its CAPA as it is.
// Dovecot with disable_plaintext_auth=yes lists STLS, an empty SASL line and no USER: no login
// is offered at all, so a plaintext probe is tls.required (exit 1), not "works, with a warning".
func TestPOP3PlaintextOffer(t *testing.T) {
	for _, tt := range []struct {
		name   string
		capa   []string
		want   findings.Code
		status probes.Status
	}{
		{"dovecot strict: empty SASL, no USER", []string{"CAPA", "TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "STLS", "SASL"}, findings.TLSRequired, probes.Fail},
		{"USER offered", []string{"UIDL", "USER", "STLS", "SASL"}, findings.AuthPlaintextOffered, probes.Warn},
		{"SASL PLAIN offered", []string{"UIDL", "STLS", "SASL PLAIN LOGIN"}, findings.AuthPlaintextOffered, probes.Warn},
	} {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				dialer := lineServer("+OK Dovecot ready.\r\n", func(cmd string) (string, bool) {
					switch cmd {
					case "CAPA":
						return "+OK\r\n" + strings.Join(tt.capa, "\r\n") + "\r\n.\r\n", false
					case "QUIT":
						return "+OK Logging out\r\n", true
					}
					return "-ERR Unknown command\r\n", false
				})
				r := probes.Probe(context.Background(), probes.Endpoint{Proto: probes.POP3, Host: "127.0.0.1", Port: 110, Security: probes.Plain},
					probes.Options{Dialer: dialer, NoModeDetect: true})
				if !r.HasCode(tt.want) || r.Status != tt.status {
					t.Errorf("codes %v, status %s; want %s and %s", codesOf(r), r.Status, tt.want, tt.status)
				}
				if tt.want == findings.TLSRequired && r.HasCode(findings.AuthPlaintextOffered) {
					t.Errorf("plaintext login reported as offered: %v", codesOf(r))
				}
			})
		})
	}
}

// TestSMTPEmptyAuthOffer: an EHLO "AUTH" keyword with no mechanism offers no login; before
// STARTTLS the credential-free probe draws the server's real answer instead.
func TestSMTPEmptyAuthOffer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		dialer := lineServer("220 mx.test ESMTP\r\n", func(cmd string) (string, bool) {
			switch cmd {
			case "EHLO":
				return "250-mx.test\r\n250-AUTH\r\n250 STARTTLS\r\n", false
			case "AUTH":
				return "530 5.7.0 Must issue a STARTTLS command first\r\n", false
			case "QUIT":
				return "221 bye\r\n", true
			}
			return "502 5.5.2 unknown\r\n", false
		})
		r := probes.Probe(context.Background(), probes.Endpoint{Proto: probes.SMTP, Host: "127.0.0.1", Port: 587, Security: probes.Plain},
			probes.Options{Dialer: dialer, NoModeDetect: true})
		if r.HasCode(findings.AuthPlaintextOffered) || !r.HasCode(findings.TLSRequired) {
			t.Errorf("codes %v; want tls.required and no auth.plaintext-offered", codesOf(r))
		}
	})
}

// TestPlanLoginWithoutPassword: Run gives each endpoint its protocol's login name even without
// a password, so a plaintext POP3 probe asks USER (no secret) and learns whether the server
// takes logins before TLS, as account always did.
func TestPlanLoginWithoutPassword(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		dialer := lineServer("+OK ready\r\n", func(cmd string) (string, bool) {
			switch cmd {
			case "CAPA":
				return "+OK\r\nUSER\r\nSTLS\r\n.\r\n", false
			case "USER":
				return "+OK send PASS\r\n", false
			case "QUIT":
				return "+OK bye\r\n", true
			}
			return "-ERR unknown\r\n", false
		})
		rep := probes.Run(context.Background(), probes.Plan{Command: probes.CmdAccount,
			Endpoints: []probes.Endpoint{{Proto: probes.POP3, Host: "127.0.0.1", Port: 110, Security: probes.Plain}},
			Options:   probes.Options{Dialer: dialer, NoModeDetect: true},
			Logins:    map[probes.Proto]string{probes.POP3: "alice@corp.test"}})
		r := rep.Results[0]
		sent := false
		for _, s := range r.Steps {
			for _, l := range s.Lines {
				sent = sent || (l.Dir == probes.Client && l.Text == "USER alice@corp.test")
			}
		}
		if !sent {
			t.Errorf("USER with the plan's login was not sent: %+v", r.Steps)
		}
		found := false
		for _, f := range r.Findings() {
			found = found || (f.Code == findings.AuthPlaintextOffered && strings.Contains(f.Evidence, "USER accepted before TLS"))
		}
		if !found {
			t.Errorf("codes %v: want auth.plaintext-offered from the USER answer", codesOf(r))
		}
	})
}
