package integration

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/cmd"
)

// The OAuth2-only configuration on 127.0.0.4 (scripts/realservers.sh): Dovecot offers XOAUTH2
// and OAUTHBEARER and nothing else (IMAP says LOGINDISABLED even over TLS), and validates
// HS256 tokens locally with the key the script wrote to the env file; Postfix 587/465 asks
// that Dovecot, so it advertises "AUTH XOAUTH2 OAUTHBEARER" after STARTTLS. Dovecot answers
// every refused token with the same error challenge (XOAUTH2:
// {"status":"401","schemes":"bearer","scope":"mail"}, OAUTHBEARER: {"status":"invalid_token"})
// and then "NO [AUTHENTICATIONFAILED]" / "-ERR [AUTH] Authentication failed." / "535 5.7.8",
// so why a token was refused (expired, another account's) is for mailcheck to work out from
// the token itself. The oauth Dovecot has no auth penalty, so these tests may fail logins in
// any order; each refusal still takes Dovecot's 2s failure delay.

// tokenVar is the in-process variable the CLI reads the token from (--oauth-token-env).
const tokenVar = "MAILCHECK_RS_TEST_TOKEN"

// oauthServers is load, insisting on the oauth configuration.
func oauthServers(t *testing.T) *servers {
	t.Helper()
	s := load(t)
	if s.OAuth == "" || len(s.OAuthKey) == 0 || s.OAuthIssuer == "" {
		t.Fatalf("the env file has no oauth configuration (MAILCHECK_RS_OAUTH_HOST/KEY/ISSUER): rerun scripts/realservers.sh")
	}
	return s
}

// mint signs claims as an HS256 JWT with key, the way the script's Dovecot expects it.
func mint(t *testing.T, key []byte, claims map[string]any) string {
	t.Helper()
	seg := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return base64.RawURLEncoding.EncodeToString(b)
	}
	signed := seg(map[string]string{"alg": "HS256", "typ": "JWT"}) + "." + seg(claims)
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(signed))
	return signed + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// claims are a valid token's claims for email, expiring at exp.
func (s *servers) claims(email string, exp time.Time) map[string]any {
	now := time.Now()
	return map[string]any{"iss": s.OAuthIssuer, "sub": email, "email": email,
		"iat": now.Add(-time.Minute).Unix(), "nbf": now.Add(-time.Minute).Unix(), "exp": exp.Unix()}
}

// Tokens the tests log in with.
func (s *servers) validToken(t *testing.T) string {
	return mint(t, s.OAuthKey, s.claims(s.User, time.Now().Add(time.Hour)))
}

func (s *servers) expiredToken(t *testing.T) string {
	c := s.claims(s.User, time.Now().Add(-time.Hour))
	c["iat"], c["nbf"] = time.Now().Add(-2*time.Hour).Unix(), time.Now().Add(-2*time.Hour).Unix()
	return mint(t, s.OAuthKey, c)
}

func (s *servers) otherKeyToken(t *testing.T) string {
	other := make([]byte, len(s.OAuthKey))
	if _, err := rand.Read(other); err != nil {
		t.Fatal(err)
	}
	return mint(t, other, s.claims(s.User, time.Now().Add(time.Hour)))
}

func (s *servers) otherUserToken(t *testing.T) string {
	return mint(t, s.OAuthKey, s.claims("bob@"+s.Domain, time.Now().Add(time.Hour)))
}

// tokenForms are the ways tok could leak: itself, its signature, and its base64 inside any
// SASL message (the std and URL base64 of every 3-byte-aligned stretch of it, so a message
// that puts the token at any offset is covered).
func tokenForms(tok string) []string {
	forms := []string{tok, tok[strings.LastIndexByte(tok, '.')+1:]}
	for shift := 0; shift < 3; shift++ {
		chunk := tok[shift:]
		chunk = chunk[:len(chunk)/3*3]
		forms = append(forms, base64.StdEncoding.EncodeToString([]byte(chunk)), base64.URLEncoding.EncodeToString([]byte(chunk)))
	}
	return forms
}

// noToken fails t when any form of tok is in what (named by where).
func noToken(t *testing.T, tok, where, what string) {
	t.Helper()
	for _, f := range tokenForms(tok) {
		if strings.Contains(what, f) {
			t.Errorf("the token (or a base64 form of it, %.12q…) appears in the %s", f, where)
			return
		}
	}
}

// runEnv is run with any in-process environment.
func runEnv(env map[string]string, args ...string) (int, string, string) {
	io, out, errb := cmd.TestIO("", env)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	code := cmd.Run(ctx, args, io)
	return code, out.String(), errb.String()
}

// probeToken runs `mailcheck probe PROTO 127.0.0.4:PORT --user USER --oauth-token-env VAR` with
// tok in the in-process environment only: once as JSON (returned, parsed), once as a table
// with the transcript. Neither output nor stderr may show the token; both exit alike.
func (s *servers) probeToken(t *testing.T, proto string, port int, security, tok string, extra ...string) (int, *Result) {
	t.Helper()
	if ip := net.ParseIP(s.OAuth); ip == nil || !ip.IsLoopback() {
		t.Fatalf("oauth host %q is not loopback", s.OAuth)
	}
	args := []string{"probe", proto, net.JoinHostPort(s.OAuth, strconv.Itoa(port)), "--user", s.User,
		"--oauth-token-env", tokenVar, "--security", security, "--ca-file", s.CAFile, "--timeout", "15s"}
	args = append(args, extra...)
	env := map[string]string{tokenVar: tok}
	if slices.Contains(args, tok) {
		t.Fatal("the token is in argv")
	}
	code, out, errs := runEnv(env, append(args, "--format", "json")...)
	noToken(t, tok, "JSON output", out)
	noToken(t, tok, "stderr (json run)", errs)
	r := parse(t, out, errs)
	if len(r.Results) != 1 {
		t.Fatalf("%d results, want 1\n%s", len(r.Results), out)
	}
	tcode, tout, terrs := runEnv(env, append(args, "--format", "table", "--transcript")...)
	noToken(t, tok, "table output", tout)
	noToken(t, tok, "stderr (table run)", terrs)
	if tcode != code {
		t.Errorf("exit %d as a table, %d as JSON", tcode, code)
	}
	return code, &r.Results[0]
}

// serverLines returns what the server said in step name.
func (r *Result) serverLines(name string) []string {
	var out []string
	if st := r.step(name); st != nil {
		for _, l := range st.Transcript {
			if l.Dir == "server" {
				out = append(out, l.Text)
			}
		}
	}
	return out
}

// TestOAuthLogin: a valid token logs in on every port of the oauth configuration, in the mode
// the port expects, picking OAUTHBEARER (or XOAUTH2 when forced), and reaches the mailbox.
func TestOAuthLogin(t *testing.T) {
	s := oauthServers(t)
	tests := []struct {
		name, proto string
		port        int
		security    string
		mech        string // --auth-mech; "" = mailcheck picks
		sent        string // the client's auth command starts so
	}{
		{"imap 993 tls", "imap", s.IMAPS, "tls", "", "AUTHENTICATE OAUTHBEARER"},
		{"imap 993 tls xoauth2", "imap", s.IMAPS, "tls", "XOAUTH2", "AUTHENTICATE XOAUTH2"},
		{"imap 143 starttls", "imap", s.IMAP, "starttls", "", "AUTHENTICATE OAUTHBEARER"},
		{"pop3 995 tls", "pop3", s.POP3S, "tls", "", "AUTH OAUTHBEARER"},
		{"pop3 995 tls xoauth2", "pop3", s.POP3S, "tls", "XOAUTH2", "AUTH XOAUTH2"},
		{"pop3 110 starttls", "pop3", s.POP3, "starttls", "", "AUTH OAUTHBEARER"},
		{"smtp 587 starttls", "smtp", s.Submission, "starttls", "", "AUTH OAUTHBEARER"},
		{"smtp 587 starttls xoauth2", "smtp", s.Submission, "starttls", "XOAUTH2", "AUTH XOAUTH2"},
		{"smtp 465 tls", "smtp", s.Submissions, "tls", "", "AUTH OAUTHBEARER"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var extra []string
			if tt.mech != "" {
				extra = []string{"--auth-mech", tt.mech}
			}
			code, r := s.probeToken(t, tt.proto, tt.port, tt.security, s.validToken(t), extra...)
			defer func() {
				if t.Failed() {
					t.Logf("report:\n%s", r.summary())
				}
			}()
			if code != cmd.ExitOK || r.Status != "ok" {
				t.Errorf("exit %d, status %s; want 0, ok (findings %v)", code, r.Status, r.codes())
			}
			a := r.step("auth")
			if a == nil || a.Status != "ok" || !strings.Contains(a.Detail, "logged in as "+s.User) {
				t.Fatalf("auth step %+v, want ok and logged in as %s", a, s.User)
			}
			if !slices.ContainsFunc(r.clientLines(), func(l string) bool { return strings.Contains(l, tt.sent) }) {
				t.Errorf("no client line with %q: %q", tt.sent, r.clientLines())
			}
			if r.TLS == nil || !r.TLS.Verified {
				t.Errorf("TLS not verified with --ca-file: %+v", r.TLS)
			}
			if tt.proto != "smtp" && (r.Mailbox == nil || r.Mailbox.Messages != s.Messages) {
				t.Errorf("mailbox = %+v, want %d messages", r.Mailbox, s.Messages)
			}
		})
	}
}

// TestOAuthRefused: tokens Dovecot refuses, each with the finding that names why, in the auth
// step. The server says only "invalid token" (the error challenge) and then its usual refusal,
// which must be in the auth step's transcript; the reason comes from the token: expired, signed
// with another key (so not the server's: oauth-failed), or issued to bob while logging in as
// alice. The token step (the offline look at the token) may name the reason first.
func TestOAuthRefused(t *testing.T) {
	s := oauthServers(t)
	trio := []string{"auth.oauth-token-expired", "auth.oauth-failed", "auth.oauth-wrong-user"}
	tokens := []struct {
		name string
		tok  func(*testing.T) string
		code string
	}{
		{"expired", s.expiredToken, "auth.oauth-token-expired"},
		{"another key", s.otherKeyToken, "auth.oauth-failed"},
		{"another user", s.otherUserToken, "auth.oauth-wrong-user"},
	}
	ports := []struct {
		name, proto string
		port        int
		security    string
		refusal     string // the server's final answer
	}{
		{"imap 993", "imap", s.IMAPS, "tls", "NO [AUTHENTICATIONFAILED] Authentication failed."},
		{"pop3 995", "pop3", s.POP3S, "tls", "-ERR [AUTH] Authentication failed."},
		{"smtp 587", "smtp", s.Submission, "starttls", "535 5.7.8 Error: authentication failed"},
	}
	for _, tk := range tokens {
		for _, p := range ports {
			t.Run(tk.name+"/"+p.name, func(t *testing.T) {
				t.Parallel()
				code, r := s.probeToken(t, p.proto, p.port, p.security, tk.tok(t))
				defer func() {
					if t.Failed() {
						t.Logf("report:\n%s", r.summary())
					}
				}()
				if code != cmd.ExitFindings || r.Status != "fail" {
					t.Errorf("exit %d, status %s; want 1, fail", code, r.Status)
				}
				// The token step may say so before connecting; the auth step, where the
				// server refused the token, must.
				var f *Finding
				if a := r.step("auth"); a != nil {
					for i := range a.Findings {
						if a.Findings[i].Code == tk.code {
							f = &a.Findings[i]
						}
					}
				}
				if f == nil {
					t.Fatalf("no %s in the auth step; findings %v", tk.code, r.codes())
				}
				if f.Severity != "error" {
					t.Errorf("%s is %s, want error", tk.code, f.Severity)
				}
				for _, other := range append(trio, "auth.failed") {
					if other != tk.code {
						if g, _ := r.finding(other); g != nil {
							t.Errorf("also %s (%q): a second, contradicting reason", other, g.Evidence)
						}
					}
				}
				// What the real server said: an error challenge, then its refusal.
				said := r.serverLines("auth")
				challenged := slices.ContainsFunc(said, func(l string) bool {
					l = strings.TrimPrefix(strings.TrimPrefix(l, "+ "), "334 ")
					b, err := base64.StdEncoding.DecodeString(l)
					var js map[string]any
					return err == nil && json.Unmarshal(b, &js) == nil && js["status"] != nil
				})
				if !challenged {
					t.Errorf("no error challenge (base64 JSON with a status) in the auth transcript: %q", said)
				}
				if !slices.ContainsFunc(said, func(l string) bool { return strings.Contains(l, p.refusal) }) {
					t.Errorf("the server's %q is not in the auth transcript: %q", p.refusal, said)
				}
			})
		}
	}
}

// TestOAuthOnlyWithPassword: a client with a password against the OAuth-only server. IMAP on
// 993 says LOGINDISABLED and AUTH=XOAUTH2 AUTH=OAUTHBEARER only; SMTP after STARTTLS offers
// "AUTH XOAUTH2 OAUTHBEARER"; POP3 on 995 "SASL XOAUTH2 OAUTHBEARER" (beside USER). mailcheck must not send the password (no LOGIN, no AUTH PLAIN /
// LOGIN) and must say that password login is switched off here: auth.basic-disabled.
func TestOAuthOnlyWithPassword(t *testing.T) {
	s := oauthServers(t)
	tests := []struct {
		name, proto string
		port        int
		security    string
	}{
		{"imap 993", "imap", s.IMAPS, "tls"},
		{"smtp 587", "smtp", s.Submission, "starttls"},
		// Dovecot lists USER in CAPA although no password mechanism exists; SASL XOAUTH2
		// OAUTHBEARER alone is the evidence, and neither USER nor PASS may go out (#18).
		{"pop3 995", "pop3", s.POP3S, "tls"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, r, _ := s.probe(t, tt.proto, s.OAuth, tt.port, s.Password,
				"--security", tt.security, "--ca-file", s.CAFile, "--timeout", "15s")
			defer func() {
				if t.Failed() {
					t.Logf("report:\n%s", r.summary())
				}
			}()
			for _, l := range r.clientLines() {
				u := strings.ToUpper(l)
				if strings.Contains(u, "AUTHENTICATE PLAIN") || strings.Contains(u, "AUTHENTICATE LOGIN") ||
					strings.Contains(u, " LOGIN ") || strings.HasPrefix(u, "AUTH PLAIN") || strings.HasPrefix(u, "AUTH LOGIN") ||
					strings.HasPrefix(u, "PASS") || strings.HasPrefix(u, "USER ") {
					t.Errorf("the password was offered to an OAuth-only server: %q", l)
				}
			}
			if code != cmd.ExitFindings || r.Status != "fail" {
				t.Errorf("exit %d, status %s; want 1, fail", code, r.Status)
			}
			f, step := r.finding("auth.basic-disabled")
			if f == nil {
				t.Fatalf("no auth.basic-disabled; findings %v", r.codes())
			}
			if step != "auth" {
				t.Errorf("auth.basic-disabled in step %q, want auth", step)
			}
			if !strings.Contains(f.Evidence, "XOAUTH2") && !strings.Contains(f.Evidence, "OAUTHBEARER") {
				t.Errorf("evidence %q does not show what the server offers instead (XOAUTH2/OAUTHBEARER)", f.Evidence)
			}
			if g, _ := r.finding("auth.failed"); g != nil {
				t.Errorf("auth.failed (%q): no password was tried, so none failed", g.Evidence)
			}
		})
	}
}
