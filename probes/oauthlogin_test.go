package probes_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/probes/oauth"
	"github.com/mailcheck/mailcheck/testservers"
)

var oauthKey = []byte("mailcheck-test-hs256-key-0123456789")

// claims is a valid token's body at now for user.
func claims(now time.Time, user string, kv ...any) map[string]any {
	c := map[string]any{"iss": "mailcheck-test", "sub": user, "email": user,
		"iat": now.Add(-time.Minute).Unix(), "exp": now.Add(time.Hour).Unix(), "scope": "mail"}
	for i := 0; i < len(kv); i += 2 {
		if kv[i+1] == nil {
			delete(c, kv[i].(string))
		} else {
			c[kv[i].(string)] = kv[i+1]
		}
	}
	return c
}

// probeOAuth runs one probe of proto (implicit TLS) against a testservers server with cfg's
// OAuth settings, logging in with the token tok made by mint at the bubble's start.
func probeOAuth(t *testing.T, ca *testservers.CA, proto string, oc testservers.OAuthConfig, mech string, prov *probes.ProviderFacts,
	mint func(now time.Time) string, password string) (probes.Result, *testservers.Server, string) {
	t.Helper()
	srv, err := testservers.New(testservers.Config{Proto: proto, OAuth: &oc, Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	opts := probes.Options{Timeout: 5 * time.Second, RootCAs: ca.RootCAs(), User: testservers.DefaultUser,
		Dialer: srv, AuthMech: mech, Provider: prov}
	tok := ""
	if mint != nil {
		tok = mint(time.Now())
		opts.Token = []byte(tok)
	}
	if password != "" {
		opts.Password = []byte(password)
	}
	ep := probes.Endpoint{Proto: probes.Proto(proto), Host: "localhost", Port: probes.DefaultPort(probes.Proto(proto), probes.ImplicitTLS), Security: probes.ImplicitTLS}
	return probes.Probe(context.Background(), ep, opts), srv, tok
}

// TestOAuthLogin: a token logs in over SMTP, IMAP and POP3 with either mechanism; a refused one
// ends, after the server's error challenge and the client's RFC 7628 answer, with the finding
// that names why, within the step timeout; the token never shows in the result.
func TestOAuthLogin(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	user := testservers.DefaultUser
	valid := func(now time.Time) string { return testservers.MintToken(oauthKey, claims(now, user)) }
	base := testservers.OAuthConfig{Key: oauthKey, Issuer: "mailcheck-test", Scope: "mail"}
	ms := &probes.ProviderFacts{Key: "microsoft365", OAuth: &oauth.Profile{
		Audiences: []string{"https://outlook.office.com"},
		Scopes:    map[string][]string{"imap": {"IMAP.AccessAsUser.All"}, "pop3": {"POP.AccessAsUser.All"}, "smtp": {"SMTP.Send"}},
		AppRoles:  map[string][]string{"imap": {"IMAP.AccessAsApp"}, "pop3": {"POP.AccessAsApp"}, "smtp": {"SMTP.SendAsApp"}}}}
	tests := []struct {
		name   string
		oc     func(testservers.OAuthConfig) testservers.OAuthConfig
		mech   string
		prov   *probes.ProviderFacts
		mint   func(time.Time) string
		want   findings.Code // "" = logged in
		answer bool          // the server's error challenge was answered
	}{
		{name: "valid, OAUTHBEARER picked", mint: valid},
		{name: "valid, XOAUTH2 forced", mech: "XOAUTH2", mint: valid},
		{name: "valid, only XOAUTH2 offered", oc: func(o testservers.OAuthConfig) testservers.OAuthConfig { o.Mechs = []string{"XOAUTH2"}; return o }, mint: valid},
		{name: "expired", mint: func(now time.Time) string {
			return testservers.MintToken(oauthKey, claims(now, user, "iat", now.Add(-2*time.Hour).Unix(), "exp", now.Add(-time.Hour).Unix()))
		}, want: findings.AuthOAuthTokenExpired, answer: true},
		{name: "signed with another key", mint: func(now time.Time) string {
			return testservers.MintToken([]byte("another-key"), claims(now, user))
		}, want: findings.AuthOAuthFailed, answer: true},
		{name: "another user's token", mint: func(now time.Time) string {
			return testservers.MintToken(oauthKey, claims(now, "bob@mail.test"))
		}, want: findings.AuthOAuthWrongUser, answer: true},
		{name: "scope missing, said by the challenge", oc: func(o testservers.OAuthConfig) testservers.OAuthConfig {
			o.RequiredScope = "mail.full"
			return o
		}, mint: valid, want: findings.AuthOAuthWrongScope, answer: true},
		{name: "Gmail-style numeric status, XOAUTH2", mech: "XOAUTH2", oc: func(o testservers.OAuthConfig) testservers.OAuthConfig {
			o.NumericStatus = true
			return o
		}, mint: func(now time.Time) string { return testservers.MintToken([]byte("x"), claims(now, user)) }, want: findings.AuthOAuthFailed, answer: true},
		{name: "app-only token refused", prov: ms, mint: func(now time.Time) string {
			return testservers.MintToken([]byte("x"), claims(now, user, "email", nil, "sub", "app-object-id", "scope", nil, "roles", []string{"IMAP.AccessAsApp", "POP.AccessAsApp", "SMTP.SendAsApp"}, "aud", "https://outlook.office.com"))
		}, want: findings.AuthOAuthAppPermission, answer: true},
		{name: "a Microsoft Graph token", prov: ms, mint: func(now time.Time) string {
			return testservers.MintToken([]byte("graph-key"), claims(now, user, "aud", "00000003-0000-0000-c000-000000000000", "scp", "Mail.Read Mail.Send"))
		}, want: findings.AuthOAuthWrongAudience, answer: true},
		{name: "server offers no OAuth", oc: func(o testservers.OAuthConfig) testservers.OAuthConfig { o.Mechs = []string{}; return o }, mint: valid,
			want: findings.AuthMechanismUnsupported},
	}
	for _, proto := range []string{"smtp", "imap", "pop3"} {
		for _, tt := range tests {
			t.Run(proto+"/"+tt.name, func(t *testing.T) {
				synctest.Test(t, func(t *testing.T) {
					oc := base
					if tt.oc != nil {
						oc = tt.oc(oc)
					}
					start := time.Now()
					r, srv, tok := probeOAuth(t, ca, proto, oc, tt.mech, tt.prov, tt.mint, "")
					if took := time.Since(start); took > 5*time.Second {
						t.Errorf("took %s of fake time: the exchange waited for a timeout", took)
					}
					auth := stepDetail(r, probes.StepAuth)
					if tt.want == "" {
						if r.Status != probes.OK || !strings.Contains(auth, "logged in as "+user) {
							t.Fatalf("status %s, auth %q, want logged in\n%s", r.Status, auth, dump(r))
						}
					} else if !r.HasCode(tt.want) || r.Status != probes.Fail {
						t.Fatalf("codes %v status %s, want %s\n%s", codesOf(r), r.Status, tt.want, dump(r))
					}
					if tt.answer {
						got, want := srv.LastOAuthAnswer(), "AQ=="
						if tt.mech == "XOAUTH2" || len(oc.Mechs) == 1 {
							want = ""
						}
						if got != want {
							t.Errorf("answer to the error challenge %q, want %q", got, want)
						}
						if !strings.Contains(dump(r), "error challenge") {
							t.Errorf("the decoded challenge is not in the evidence\n%s", dump(r))
						}
					}
					js, _ := json.Marshal(r)
					for _, form := range []string{tok, base64.StdEncoding.EncodeToString([]byte(tok)), "auth=Bearer"} {
						if form != "" && strings.Contains(string(js)+dump(r), form) {
							t.Errorf("the token shows in the result (%.20q…)", form)
						}
					}
				})
			})
		}
	}
}

// TestOAuthOnlyServer: with a password, a server that takes only OAuth2 after TLS (SMTP AUTH
// lists only XOAUTH2/OAUTHBEARER, POP3 no USER, IMAP LOGINDISABLED on TLS) is told apart and
// the password is never sent: auth.basic-disabled. The same comes from the database alone.
func TestOAuthOnlyServer(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	only := testservers.OAuthConfig{Key: oauthKey, OnlyOAuth: true}
	msOnly := &probes.ProviderFacts{Key: "outlook", Auth: probes.AuthOAuthOnly}
	for _, proto := range []string{"smtp", "imap", "pop3"} {
		for _, c := range []struct {
			name string
			oc   testservers.OAuthConfig
			prov *probes.ProviderFacts
		}{
			{"server says", only, nil},
			{"database says", testservers.OAuthConfig{Key: oauthKey}, msOnly},
		} {
			t.Run(proto+"/"+c.name, func(t *testing.T) {
				synctest.Test(t, func(t *testing.T) {
					r, _, _ := probeOAuth(t, ca, proto, c.oc, "", c.prov, nil, testservers.DefaultPassword)
					if !r.HasCode(findings.AuthBasicDisabled) || r.Status != probes.Fail {
						t.Fatalf("codes %v status %s, want auth.basic-disabled\n%s", codesOf(r), r.Status, dump(r))
					}
					for _, s := range r.Steps {
						for _, l := range s.Lines {
							up := strings.ToUpper(l.Text)
							if l.Dir == probes.Client && (strings.Contains(up, "AUTH PLAIN") || strings.Contains(up, "AUTH LOGIN") ||
								strings.Contains(up, " LOGIN ") || strings.HasPrefix(up, "PASS") || strings.Contains(up, "AUTHENTICATE PLAIN")) {
								t.Errorf("a password login was sent: %q", l.Text)
							}
						}
					}
				})
			})
		}
	}
}

// TestOAuthConform: conform logs in with the token through the same exchange as probe, and
// a refused token is named there too.
func TestOAuthConform(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	for _, proto := range []string{"smtp", "imap", "pop3"} {
		for _, expired := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/expired=%v", proto, expired), func(t *testing.T) {
				synctest.Test(t, func(t *testing.T) {
					srv, err := testservers.New(testservers.Config{Proto: proto, OAuth: &testservers.OAuthConfig{Key: oauthKey},
						Faults: testservers.Faults{ImplicitTLS: true}}, ca)
					if err != nil {
						t.Fatal(err)
					}
					defer srv.Close()
					now := time.Now()
					c := claims(now, testservers.DefaultUser)
					if expired {
						c["exp"] = now.Add(-time.Minute).Unix()
					}
					opts := probes.Options{Timeout: 5 * time.Second, RootCAs: ca.RootCAs(), User: testservers.DefaultUser,
						Dialer: srv, Token: []byte(testservers.MintToken(oauthKey, c))}
					ep := probes.Endpoint{Proto: probes.Proto(proto), Host: "localhost", Port: probes.DefaultPort(probes.Proto(proto), probes.ImplicitTLS), Security: probes.ImplicitTLS}
					r, _ := probes.Conform(context.Background(), ep, opts)
					logged := strings.Contains(stepDetail(r, probes.StepAuth), "logged in")
					if expired {
						if !r.HasCode(findings.AuthOAuthTokenExpired) || logged {
							t.Errorf("codes %v, want auth.oauth-token-expired and no login\n%s", codesOf(r), dump(r))
						}
					} else if !logged || r.HasCode(findings.AuthOAuthFailed) {
						t.Errorf("conform did not log in with the token\n%s", dump(r))
					}
				})
			})
		}
	}
}

// TestOAuthSMTPAuthDisabled: Microsoft's "SmtpClientAuthentication is disabled" refusal of a
// token is auth.smtp-auth-disabled, not a refused token: no token would help.
func TestOAuthSMTPAuthDisabled(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	synctest.Test(t, func(t *testing.T) {
		srv, err := testservers.New(testservers.Config{Proto: "smtp", OAuth: &testservers.OAuthConfig{Key: oauthKey},
			Faults: testservers.Faults{ImplicitTLS: true, AuthReject: "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information."}}, ca)
		if err != nil {
			t.Fatal(err)
		}
		defer srv.Close()
		opts := probes.Options{Timeout: 5 * time.Second, RootCAs: ca.RootCAs(), User: testservers.DefaultUser, Dialer: srv,
			Token: []byte(testservers.MintToken(oauthKey, claims(time.Now(), testservers.DefaultUser)))}
		r := probes.Probe(context.Background(), probes.Endpoint{Proto: probes.SMTP, Host: "localhost", Port: 465, Security: probes.ImplicitTLS}, opts)
		if !r.HasCode(findings.AuthSMTPAuthDisabled) || r.HasCode(findings.AuthOAuthFailed) {
			t.Errorf("codes %v, want auth.smtp-auth-disabled only\n%s", codesOf(r), dump(r))
		}
	})
}
