package findings

import (
	"encoding/base64"
	"strings"
	"testing"
)

// TestOAuthTexts: pasted OAuth2 failures, including a base64 error challenge that is decoded
// so its status can be read, name the OAuth cause, not a password one.
func TestOAuthTexts(t *testing.T) {
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	for _, c := range []struct {
		text     string
		want     Code
		evidence string
	}{
		// Gmail's challenge (../shared/reference/oauth-and-discovery.md §1).
		{"334 eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==", AuthOAuthFailed, `"scope":"https://mail.google.com/"`},
		{"+ " + b64(`{"status":"insufficient_scope","schemes":"bearer","scope":"mail"}`), AuthOAuthWrongScope, "insufficient_scope"},
		{"A1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure) " + b64(`{"status":"403","scope":"https://mail.google.com/"}`), AuthOAuthWrongScope, `"status":"403"`},
		{"535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.", AuthSMTPAuthDisabled, ""},
		{"AADSTS500011: The resource principal named https://outlook.office365.com was not found in the tenant", AuthOAuthWrongAudience, ""},
		{"IDX10223: Lifetime validation failed. The token is expired.", AuthOAuthTokenExpired, ""},
		// MailKit #690: a generic refusal right after AUTHENTICATE XOAUTH2 is a refused token.
		{"C: B00000001 AUTHENTICATE XOAUTH2 <base64>\nS: B00000001 NO AUTHENTICATE failed.", AuthOAuthFailed, ""},
	} {
		ms := MatchText(c.text)
		if len(ms) == 0 || ms[0].Code != c.want {
			t.Errorf("%.60q: %v, want %s first", c.text, ms, c.want)
			continue
		}
		if !strings.Contains(ms[0].Evidence, c.evidence) {
			t.Errorf("%.60q: evidence %q lacks %q", c.text, ms[0].Evidence, c.evidence)
		}
	}
	// A server reply during the probe: the challenge is decoded there too.
	if code, ok := MatchReply("imap", "auth", []string{"+ " + b64(`{"status":"insufficient_scope"}`)}); !ok || code != AuthOAuthWrongScope {
		t.Errorf("MatchReply: %s %v", code, ok)
	}
	// Plain text that happens to contain eyJ is left alone.
	if got := expandBase64JSON("eyJ is not base64 JSON here"); got != "eyJ is not base64 JSON here" {
		t.Errorf("expanded %q", got)
	}
}
