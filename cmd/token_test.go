package cmd

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/testservers"
)

// TestTokenBadInput: a token only from stdin or the environment, never with a password, and a
// mechanism that fits the secret; every mistake exits 2 with one line.
func TestTokenBadInput(t *testing.T) {
	tok := map[string]string{"T": "abc.def.ghi"}
	for _, tt := range []struct {
		name, stdin string
		env         map[string]string
		args        []string
		want        string
	}{
		{"token on argv", "", nil, []string{"probe", "smtp", "localhost:1", "--oauth-token", "x"}, "unknown flag"},
		{"both token sources", "t\n", tok, []string{"probe", "smtp", "localhost:1", "--oauth-token-stdin", "--oauth-token-env", "T"}, "cannot be used together"},
		{"token and password on stdin", "t\n", nil, []string{"probe", "smtp", "localhost:1", "--oauth-token-stdin", "--password-stdin"}, "cannot both read standard input"},
		{"unset token env", "", nil, []string{"probe", "imap", "localhost:1", "--oauth-token-env", "NOPE"}, "not set"},
		{"empty token stdin", "", nil, []string{"probe", "imap", "localhost:1", "--oauth-token-stdin"}, "standard input is empty"},
		{"token with a line break", "", map[string]string{"T": "abc\nA1 LOGOUT"}, []string{"probe", "imap", "localhost:1", "--oauth-token-env", "T"}, "line break"},
		{"token too long", strings.Repeat("a", 70<<10), nil, []string{"probe", "imap", "localhost:1", "--oauth-token-stdin"}, "KiB"},
		{"password too long (< /dev/zero)", strings.Repeat("\x00", 70<<10), nil, []string{"probe", "imap", "localhost:1", "--user", "u", "--password-stdin"}, "KiB"},
		{"token and password", "", map[string]string{"T": "abc", "P": "pw"}, []string{"probe", "imap", "localhost:1", "--oauth-token-env", "T", "--password-env", "P"}, "not both"},
		{"unknown mechanism", "", tok, []string{"probe", "imap", "localhost:1", "--oauth-token-env", "T", "--auth-mech", "CRAM-MD5"}, "use PLAIN, LOGIN, XOAUTH2 or OAUTHBEARER"},
		{"oauth mechanism without token", "", map[string]string{"P": "pw"}, []string{"probe", "imap", "localhost:1", "--password-env", "P", "--auth-mech", "xoauth2"}, "logs in with an OAuth2 token"},
		{"password mechanism with token", "", tok, []string{"probe", "imap", "localhost:1", "--oauth-token-env", "T", "--auth-mech", "PLAIN"}, "use XOAUTH2 or OAUTHBEARER"},
		{"batch with a token", "localhost:1\n", tok, []string{"batch", "-", "--oauth-token-env", "T"}, "batch does not log in"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, tt.stdin, tt.env, tt.args...)
			if code != ExitUsage || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d stderr %q, want 2 and %q", code, errs, tt.want)
			}
			if strings.Count(strings.TrimSpace(errs), "\n") > 0 || out != "" {
				t.Errorf("want one line on stderr and nothing on stdout: %q %q", errs, out)
			}
		})
	}
}

// TestTokenLogin: the CLI logs in with a token from the environment or stdin over a real
// loopback server, says why an expired one is refused, and no format in either language
// carries the token or its base64 forms.
func TestTokenLogin(t *testing.T) {
	key := []byte("cmd-test-key-0123456789abcdef")
	ca, caFile := testCA(t)
	srv := testservers.StartT(t, testservers.Config{Proto: "imap", Faults: testservers.Faults{ImplicitTLS: true},
		OAuth: &testservers.OAuthConfig{Key: key, Scope: "mail"}}, ca)
	addr := "localhost:" + itoa(srv.Port)
	now := time.Now()
	mint := func(exp time.Time) string {
		return testservers.MintToken(key, map[string]any{"sub": testservers.DefaultUser, "email": testservers.DefaultUser,
			"iat": now.Add(-2 * time.Hour).Unix(), "exp": exp.Unix()})
	}
	good, expired := mint(now.Add(time.Hour)), mint(now.Add(-time.Hour))

	code, out, errs := run(t, "Bearer "+good+"\n", nil, "probe", "imap", addr, "--security", "tls", "--ca-file", caFile, "--oauth-token-stdin")
	if code != ExitOK || !strings.Contains(out, "logged in as "+testservers.DefaultUser) {
		t.Fatalf("valid token from stdin (user from the token): exit %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(errs, `"Bearer "`) {
		t.Errorf("stderr does not say the Bearer prefix was removed: %q", errs)
	}
	for _, format := range []string{"table", "json", "markdown", "html"} {
		for _, lang := range []string{"en", "zh"} {
			code, out, errs := run(t, "", map[string]string{"TOK": expired}, "probe", "imap", addr, "--security", "tls", "--ca-file", caFile,
				"--user", testservers.DefaultUser, "--oauth-token-env", "TOK", "--format", format, "--lang", lang, "--transcript")
			if code != ExitFindings || !strings.Contains(out, "auth.oauth-token-expired") {
				t.Errorf("%s/%s: expired token exit %d, want 1 with auth.oauth-token-expired\n%s", format, lang, code, out)
			}
			for _, form := range []string{expired, base64.StdEncoding.EncodeToString([]byte(expired)),
				base64.StdEncoding.EncodeToString([]byte("n,a=" + testservers.DefaultUser + ",\x01host=localhost\x01port=" + itoa(srv.Port) + "\x01auth=Bearer " + expired + "\x01\x01")),
				expired[:40]} {
				if strings.Contains(out+errs, form) {
					t.Errorf("%s/%s: the token shows in the output (%.24s…)", format, lang, form)
				}
			}
			if format == "json" {
				var rep map[string]any
				if err := json.Unmarshal([]byte(out), &rep); err != nil {
					t.Fatalf("JSON: %v", err)
				}
				checkReportJSON(t, rep)
			}
		}
	}
}

// TestExplainChallenge: a pasted base64 error challenge is decoded and explained.
func TestExplainChallenge(t *testing.T) {
	ch := base64.StdEncoding.EncodeToString([]byte(`{"status":"insufficient_scope","schemes":"bearer","scope":"https://mail.google.com/"}`))
	code, out, errs := run(t, "", nil, "explain", "334 "+ch, "--format", "json")
	if code != ExitFindings || !strings.Contains(out, "auth.oauth-wrong-scope") || !strings.Contains(out, `insufficient_scope`) {
		t.Errorf("exit %d, want 1 with auth.oauth-wrong-scope and the decoded status\n%s%s", code, out, errs)
	}
}
