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

// TestPOP3OAuthOnlyWithUSER: Dovecot with only OAuth2 mechanisms still lists USER in CAPA
// (realservers' oauth instance on 995 does). The SASL list is the evidence: the password is
// held back (auth.basic-disabled), neither USER nor PASS goes out, as IMAP and SMTP do it. A
// server that also offers SASL PLAIN still gets the password.
func TestPOP3OAuthOnlyWithUSER(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name     string
		only     bool
		heldBack bool
	}{
		{"oauth only, USER listed", true, true},
		{"PLAIN offered too", false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				srv, err := testservers.New(testservers.Config{Proto: "pop3", OAuth: &testservers.OAuthConfig{Key: oauthKey, OnlyOAuth: tt.only},
					Faults: testservers.Faults{ImplicitTLS: true, POP3OAuthUSER: true}}, ca)
				if err != nil {
					t.Fatal(err)
				}
				defer srv.Close()
				opts := probes.Options{Timeout: 5 * time.Second, RootCAs: ca.RootCAs(), User: testservers.DefaultUser,
					Password: []byte(testservers.DefaultPassword), Dialer: srv}
				r := probes.Probe(context.Background(), tlsEndpoint(probes.POP3), opts)
				if !strings.Contains(strings.Join(r.Caps, " "), "USER") {
					t.Fatalf("the server did not list USER: %v", r.Caps)
				}
				sent := ""
				for _, s := range r.Steps {
					for _, l := range s.Lines {
						if l.Dir == probes.Client {
							sent += l.Text + "\n"
						}
					}
				}
				if tt.heldBack {
					if !r.HasCode(findings.AuthBasicDisabled) || strings.Contains(sent, "PASS") || strings.Contains(sent, "USER") || strings.Contains(sent, "AUTH PLAIN") {
						t.Errorf("codes %v, client sent:\n%s", codesOf(r), sent)
					}
					if !strings.Contains(dump(r), "auth.basic-disabled") {
						t.Errorf("no finding in the report\n%s", dump(r))
					}
				} else if r.HasCode(findings.AuthBasicDisabled) || !strings.Contains(sent, "AUTH PLAIN") {
					t.Errorf("codes %v, client sent:\n%s", codesOf(r), sent)
				}
			})
		})
	}
}
