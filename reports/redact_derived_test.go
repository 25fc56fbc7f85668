package reports

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/testservers"
)

// derivedPassword has what each transformation changes: letters of both cases (upper-casing of
// capabilities), `"` and `\` (the IMAP quoted form), '+', '/' and '=' (percent-encoding, base64
// look-alikes) and non-ASCII letters (a GBK echo, Unicode case mapping).
const derivedPassword = `Sé"cr\et-密码-Pa55+/=q`

func gbk(s string) string {
	b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	return b
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b[1 : len(b)-1])
}

// derivedForms: every form of the password a server could reflect or mailcheck could derive.
func derivedForms(user, pass string) []string {
	quoted := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(pass)
	forms := []string{pass, strings.ToUpper(pass), strings.ToLower(pass), quoted, url.QueryEscape(pass), url.PathEscape(pass),
		gbk(pass), jsonString(pass), jsonString(strings.ToUpper(pass))}
	for _, p := range []string{pass, "\x00" + user + "\x00" + pass, user + "\x00" + user + "\x00" + pass} {
		forms = append(forms, base64.StdEncoding.EncodeToString([]byte(p)), base64.RawStdEncoding.EncodeToString([]byte(p)))
	}
	return forms
}

// findFolded reports the first form found in any view of out, ignoring ASCII case.
func findFolded(out string, forms []string) string {
	for _, v := range append(views(out), jsonUnescape(out)) {
		lv := strings.ToLower(v)
		for _, f := range forms {
			if i := strings.Index(lv, strings.ToLower(f)); i >= 0 {
				return f + " in …" + v[max(0, i-60):min(len(v), i+len(f)+30)] + "…"
			}
		}
	}
	return ""
}

// jsonUnescape undoes JSON string escapes (\" \\ \u003c), so an escaped secret is still seen.
func jsonUnescape(out string) string {
	r := strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\u003c`, "<", `\u003e`, ">", `\u0026`, "&")
	return r.Replace(out)
}

// echoCases are servers that reflect the password in every place a transformation sits
// between the wire and the report. split is a form the server sends in two halves; each half
// must be gone too.
func echoCases() []struct {
	sc    testservers.Scenario
	split string
} {
	user, pass := testservers.DefaultUser, derivedPassword
	plain := base64.StdEncoding.EncodeToString([]byte("\x00" + user + "\x00" + pass))
	login := base64.StdEncoding.EncodeToString([]byte(pass))
	h1, h2 := plain[:len(plain)/2], plain[len(plain)/2:]
	l1, l2 := login[:len(login)/3], login[len(login)/3:]
	quoted := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(pass)
	mk := func(base, name string, f func(*testservers.Faults)) testservers.Scenario {
		sc, _ := testservers.ScenarioByName(base)
		sc.Name, sc.Password = name, pass
		sc.Config.Users = map[string]string{user: pass}
		f(&sc.Config.Faults)
		return sc
	}
	type c = struct {
		sc    testservers.Scenario
		split string
	}
	return []c{
		{mk("healthy-smtp-starttls", "smtp-ehlo-keyword", func(f *testservers.Faults) { f.ExtraCapability = "X-" + pass }), ""},
		{mk("healthy-smtps", "smtp-ehlo-keyword-lower", func(f *testservers.Faults) { f.ExtraCapability = strings.ToLower(pass) }), ""},
		{mk("healthy-imaps", "imap-capability", func(f *testservers.Faults) { f.ExtraCapability = pass }), ""},
		{mk("healthy-imap-starttls", "imap-capability-quoted", func(f *testservers.Faults) { f.ExtraCapability = `"` + quoted + `"` }), ""},
		{mk("healthy-pop3s", "pop3-capa", func(f *testservers.Faults) { f.ExtraCapability = "X-" + strings.ToUpper(pass) }), ""},
		{mk("healthy-smtps", "smtp-error-forms", func(f *testservers.Faults) {
			f.AuthReject = "535-5.7.8 quoted " + quoted + " url " + url.QueryEscape(pass) + "\r\n535 5.7.8 gbk " + gbk("密码错误 "+pass)
		}), ""},
		{mk("healthy-smtps", "smtp-error-plain-split", func(f *testservers.Faults) {
			f.AuthReject = "535-5.7.8 Authentication failed for " + h1 + "\r\n535 5.7.8 " + h2
		}), plain},
		{mk("healthy-imaps", "imap-error-split", func(f *testservers.Faults) {
			f.AuthReject = "* NO " + h1 + "\r\nNO [AUTHENTICATIONFAILED] " + h2 + " " + strings.ToUpper(pass)
		}), plain},
		{mk("healthy-pop3s", "pop3-error-gbk-split", func(f *testservers.Faults) {
			f.AuthReject = "-ERR " + gbk("密码错误 "+pass) + " " + l1 + " / " + l2
		}), login},
	}
}

// TestRedactionDerivedForms: a password reflected in an EHLO keyword, IMAP CAPABILITY, POP3
// CAPA or an error reply, in any case, quoted, percent-encoded, in GBK or as base64 split over
// two lines, appears in no format, language or transcript (issue 20 item 6).
func TestRedactionDerivedForms(t *testing.T) {
	user := testservers.DefaultUser
	forms := derivedForms(user, derivedPassword)
	for _, tc := range echoCases() {
		t.Run(tc.sc.Name, func(t *testing.T) {
			t.Parallel()
			rep, _ := labReport(t, tc.sc.Name, tc.sc)
			if !redactedServerLine(rep) {
				t.Fatalf("no server line was redacted: the server did not reflect the password\n%+v", rep.Results[0].Steps)
			}
			// The password's ASCII stretches: what a mangled echo (GBK shown as U+FFFD) still shows.
			check := append([]string{`cr\et-`, "-Pa55+/=q"}, forms...)
			if tc.split != "" {
				n := len(tc.split)
				check = append(check, tc.split[:n/3], tc.split[n/3:2*n/3], tc.split[2*n/3:])
			}
			for _, lang := range []string{"en", "zh"} {
				for _, f := range Formats {
					var b bytes.Buffer
					if err := Write(&b, rep, f, Options{Lang: lang, Transcript: true}); err != nil {
						t.Fatal(err)
					}
					if leak := findFolded(b.String(), check); leak != "" {
						t.Errorf("%s/%s leaks the password: %s", f, lang, leak)
					}
				}
			}
		})
	}
}

func redactedServerLine(rep *probes.Report) bool {
	for _, r := range rep.Results {
		for _, st := range r.Steps {
			for _, l := range st.Lines {
				if l.Dir == probes.Server && strings.Contains(l.Text, "***") {
					return true
				}
			}
		}
	}
	return false
}
