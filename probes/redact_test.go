package probes

import (
	"encoding/base64"
	"net/url"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/probes/findings"
)

func TestRedactor(t *testing.T) {
	const user = "user@mail.test"
	b64 := base64.StdEncoding.EncodeToString
	plain := b64([]byte("\x00" + user + "\x00" + "Tr0ub4dor&3-horse"))
	gb := findings.CharsetForms("密码Pa55word")[0] // GB18030
	big5 := findings.CharsetForms("密碼Pa55word")[1]
	latin := findings.CharsetForms("géhéimPa55word")
	for _, tc := range []struct {
		name, pass, in, want string
	}{
		{"raw", "Tr0ub4dor&3-horse", "535 bad Tr0ub4dor&3-horse here", "535 bad *** here"},
		{"upper-cased capability", "Tr0ub4dor&3-horse", "X-TR0UB4DOR&3-HORSE", "X-***"},
		{"mixed case", "Tr0ub4dor&3-horse", "tR0UB4DOR&3-hOrSe", "***"},
		{"unicode upper", "straße-geheim-1", "STRASSE-GEHEIM-1", "***"},
		{"imap quoted", `a"b\c-long-pass`, `LOGIN u "a\"b\\c-long-pass"`, `LOGIN u "***"`},
		{"percent-encoded", "p@ss/w0rd+long", "url " + url.QueryEscape("p@ss/w0rd+long"), "url ***"},
		{"path-encoded", "p@ss w0rd long", "x " + url.PathEscape("p@ss w0rd long"), "x ***"},
		{"gbk bytes", "密码Pa55word", "-ERR " + gb, "-ERR ***"},
		{"big5 bytes", "密碼Pa55word", "-ERR " + big5, "-ERR ***"},
		{"windows-1252 bytes", "géhéimPa55word", "-ERR " + latin[len(latin)-1], "-ERR ***"},
		{"plain payload", "Tr0ub4dor&3-horse", "334 " + plain, "334 ***"},
		{"plain split in halves", "Tr0ub4dor&3-horse", "535-" + plain[:28] + "\n535 " + plain[28:], "***\n535 ***"},                         // the word with the code goes whole
		{"plain split after the name", "Tr0ub4dor&3-horse", "535 " + plain[:20] + "\n535 " + plain[20:], "535 " + plain[:20] + "\n535 ***"}, // the first half is the name alone
		{"plain split glued", "Tr0ub4dor&3-horse", "x:" + plain[:30] + " / y" + plain[30:], "*** / ***"},
		{"password split, longer half", "Tr0ub4dor&3-horse", "bad Tr0ub4 / dor&3-horse", "bad Tr0ub4 / ***"},
		{"short whole token", "mail", "pass mail here", "pass *** here"},
		{"short inside a word stays", "mail", "mail.test mailbox", "***.test mailbox"},
		{"short case-folded", "Mail", "MAIL FROM", "*** FROM"},
		{"user name alone stays", "Tr0ub4dor&3-horse", "334 " + b64([]byte(user)), "334 " + b64([]byte(user))},
		{"no secret", "", "anything goes", "anything goes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRedactor(user, []byte(tc.pass), nil)
			if got := r.apply(tc.in); got != tc.want {
				t.Errorf("apply(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestRedactResult: the last sweep reaches capabilities, folder names and certificate
// names, and leaves step names, codes and catalogue texts alone.
func TestRedactResult(t *testing.T) {
	pass := "Tr0ub4dor&3-horse"
	s := newSession(t.Context(), Endpoint{Proto: SMTP, Host: "mail.test", Port: 587}, &Options{User: "u", Password: []byte(pass)})
	s.Step("auth", func() error { s.Detail("echo %s", strings.ToUpper(pass)); return nil })
	s.res.Caps = []string{"X-" + strings.ToUpper(pass)}
	s.res.Mailbox = &Mailbox{Folders: map[string]string{"Sent": "INBOX." + pass}}
	s.res.TLS = &TLSInfo{Chain: []CertInfo{{Subject: "CN=" + pass}}}
	s.Find("auth.failed", "535 "+pass)
	s.redactResult(s.res)
	r := s.res
	for _, got := range []string{r.Caps[0], r.Mailbox.Folders["Sent"], r.TLS.Chain[0].Subject, r.Steps[0].Detail, r.Steps[0].Findings[0].Evidence} {
		if strings.Contains(strings.ToLower(got), strings.ToLower(pass)) || !strings.Contains(got, "***") {
			t.Errorf("not redacted: %q", got)
		}
	}
	if r.Steps[0].Name != "auth" || r.Steps[0].Findings[0].Title.EN == "" {
		t.Errorf("the sweep touched our own text: %+v", r.Steps[0])
	}
}

// FuzzRedact: whatever surrounds it, a derived form of a password of 8 bytes or more never
// survives, in any ASCII case.
func FuzzRedact(f *testing.F) {
	f.Add("Tr0ub4dor&3-horse", "535 5.7.8 ", " failed", 0, false)
	f.Add(`a"b\c-long-pass`, "* OK ", "", 3, true)
	f.Add("密码Pa55word", "-ERR ", "\r\n", 2, false)
	f.Fuzz(func(t *testing.T, pass, pre, post string, which int, upper bool) {
		if len(pass) < 8 || strings.Contains(pass, "*") || len(pre)+len(post) > 4096 {
			t.Skip()
		}
		user := "user@mail.test"
		forms := []string{pass, strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(pass), url.QueryEscape(pass),
			base64.StdEncoding.EncodeToString([]byte(pass)), base64.StdEncoding.EncodeToString([]byte("\x00" + user + "\x00" + pass))}
		form := forms[(which%len(forms)+len(forms))%len(forms)]
		if upper {
			form = strings.ToUpper(form)
		}
		out := newRedactor(user, []byte(pass), nil).apply(pre + form + post)
		if strings.Contains(foldASCII(out), foldASCII(form)) {
			t.Errorf("%q survives in %q", form, out)
		}
	})
}
