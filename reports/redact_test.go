package reports

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/testservers"
)

// specialPassword has characters each format escapes (HTML, Markdown, base64 "+/="), so the
// check below also looks through the escaping: an escaped secret is still a leaked secret.
const specialPassword = "Pa<&>+/=|'*_s~`x9"

// secretForms is every shape of the password a transcript, evidence or error could carry.
func secretForms(user, pass string) []string {
	b64 := base64.StdEncoding.EncodeToString
	raw := base64.RawStdEncoding.EncodeToString
	return []string{
		pass,
		b64([]byte(pass)), raw([]byte(pass)),
		b64([]byte("\x00" + user + "\x00" + pass)), raw([]byte("\x00" + user + "\x00" + pass)), // AUTH PLAIN
		b64([]byte(user + "\x00" + user + "\x00" + pass)), // AUTH PLAIN with an authzid
	}
}

var mdEscapeRE = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])`)

// views are the ways a secret could hide in an output: as written, HTML-unescaped, and with
// Markdown's backslash escapes removed.
func views(out string) []string {
	return []string{out, html.UnescapeString(out), mdEscapeRE.ReplaceAllString(out, "$1")}
}

// findSecret returns where out holds a form of the password, or "".
func findSecret(out, user, pass string) string {
	for _, v := range views(out) {
		for _, s := range secretForms(user, pass) {
			if i := strings.Index(v, s); i >= 0 {
				return fmt.Sprintf("%q in …%s…", s, v[max(0, i-80):min(len(v), i+len(s)+40)])
			}
		}
	}
	return ""
}

// redactionCases: every lab scenario with its own credentials, plus servers that make leaks
// likely: a password with markup characters, login over plaintext, and replies that echo the
// password and the AUTH PLAIN payload back.
func redactionCases() []testservers.Scenario {
	scs := testservers.Scenarios()
	echo := "535 5.7.8 bad credentials " + strings.Join(secretForms(testservers.DefaultUser, testservers.DefaultPassword), " ")
	healthy, _ := testservers.ScenarioByName("healthy-smtp-starttls")
	pop3s, _ := testservers.ScenarioByName("healthy-pop3s")

	special := healthy
	special.Name, special.Password = "special-password", specialPassword
	special.Config.Users = map[string]string{testservers.DefaultUser: specialPassword}

	plain := healthy
	plain.Name, plain.Security, plain.AllowPlaintextAuth = "plaintext-login", "plain", true
	plain.Config.Faults = testservers.Faults{}

	smtpEcho := healthy
	smtpEcho.Name = "smtp-echoes-secret"
	smtpEcho.Config.Faults.AuthReject = echo

	popEcho := pop3s
	popEcho.Name = "pop3-echoes-secret"
	popEcho.Config.Faults.AuthReject = "-ERR [AUTH] bad credentials " + strings.Join(secretForms(testservers.DefaultUser, testservers.DefaultPassword), " ")

	return append(scs, special, plain, smtpEcho, popEcho)
}

// TestRedaction is the guarantee users rely on when they paste a report into a ticket: no
// format, in no language, carries the password in any form.
func TestRedaction(t *testing.T) {
	for _, sc := range redactionCases() {
		t.Run(sc.Name, func(t *testing.T) {
			t.Parallel()
			if sc.Password == "" {
				t.Skip("the scenario logs in without a password")
			}
			rep, _ := labReport(t, sc.Name, sc)
			for _, lang := range []string{"en", "zh"} {
				for _, f := range Formats {
					var b bytes.Buffer
					if err := Write(&b, rep, f, Options{Lang: lang, Transcript: true, Color: true}); err != nil {
						t.Fatal(err)
					}
					if leak := findSecret(b.String(), sc.User, sc.Password); leak != "" {
						t.Errorf("%s/%s leaks the password: %s", f, lang, leak)
					}
				}
			}
		})
	}
}

// TestRedactionChecker makes sure the check itself sees a password through each escaping.
func TestRedactionChecker(t *testing.T) {
	user, pass := testservers.DefaultUser, specialPassword
	for _, c := range []struct{ name, out string }{
		{"raw", "x " + pass + " y"},
		{"html", html.EscapeString(pass)},
		{"markdown", mdText(pass)},
		{"markdown-code-in-table", mdCode(pass, true)},
		{"plain-payload", "~> AUTH PLAIN " + secretForms(user, pass)[3]},
	} {
		if findSecret(c.out, user, pass) == "" {
			t.Errorf("%s: the check missed the password in %q", c.name, c.out)
		}
	}
}
