package findings

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// englishFragments are the fixed parts of s's English with at least two words: what must not
// show in a Chinese report.
func englishFragments(s *Sentence) []string {
	var out []string
	for _, part := range verbRE.Split(s.EN, -1) {
		part = strings.Trim(part, " ,;:()")
		if regexp.MustCompile(`[A-Za-z]+ [A-Za-z]+`).MatchString(part) && !strings.HasPrefix(part, "--") {
			out = append(out, part)
		}
	}
	return out
}

// sampleArgs is one value for each of s's verbs.
func sampleArgs(s *Sentence) []any {
	var args []any
	for i, v := range verbRE.FindAllString(s.EN, -1) {
		if i+1 == s.step { // a step's name takes that place
			args = append(args, "greeting")
			continue
		}
		switch v[len(v)-1] {
		case 'd':
			args = append(args, 40+i)
		case 'w':
			args = append(args, fmt.Errorf("err%d", i))
		default:
			args = append(args, fmt.Sprintf("val%d.example", i))
		}
	}
	return args
}

// TestSentences: every sentence, with values, reads back in Chinese with the same values and
// none of its English words.
func TestSentences(t *testing.T) {
	for _, s := range Sentences() {
		args := sampleArgs(s)
		en := s.Format(args...)
		zh, ok := localize(en, s.inner)
		if !ok {
			t.Errorf("%q: not recognised", en)
			continue
		}
		for i, a := range args {
			if i+1 == s.step {
				a = StepName(fmt.Sprint(a), "zh")
			}
			if !strings.Contains(zh, fmt.Sprint(a)) {
				t.Errorf("%q → %q: value %v lost", en, zh, a)
			}
		}
		for _, f := range englishFragments(s) {
			if strings.Contains(zh, f) {
				t.Errorf("%q → %q: English %q left", en, zh, f)
			}
		}
		if got, _ := Localize(en, "en"); got != en {
			t.Errorf("English changed: %q → %q", en, got)
		}
	}
}

// TestLocalizeComposed: sentences inside sentences and "; " lists, the longer sentence before
// the one it extends, and server replies left alone, even when they look like an inner one.
func TestLocalizeComposed(t *testing.T) {
	labels := SayEndpointFrom.Format("imap", 993, "srv", "dns") + "; " + SayEndpointFrom.Format("smtp", 465, "srv", "dns")
	for _, tt := range []struct{ in, want string }{
		{SayForeignWithheld.Format("mail.test", labels, "victim.test"),
			"mail.test（imap:993，来自 srv，dns；smtp:465，来自 srv，dns）不在 victim.test 及服务商已知的主机之内：不会向它发送密码或令牌"},
		{SayExpectsTLSBadCert.Format(993, "TLS 1.3", "x509: certificate signed by unknown authority (possibly)"),
			"端口 993 上明文连接收不到欢迎信息，但 TLS 握手可以成功（TLS 1.3）；其证书无效：x509: certificate signed by unknown authority (possibly)"},
		{"https://a.test/x: redirect refused: " + SayNotHTTPS.Format("http://b.test/"),
			"https://a.test/x：拒绝跟随重定向：http://b.test/ 不是 HTTPS"},
		{SayRecordsCapped.Format("_imaps._tcp.x.test", 40, 4) + "; " + SayRecordsCapped.Format("_submissions._tcp.x.test", 9, 4),
			"_imaps._tcp.x.test：40 条记录，只保留前 4 条；_submissions._tcp.x.test：9 条记录，只保留前 4 条"},
		{SayAuthNotTried.Format("PLAIN LOGIN", SayNoPassword.EN, ""), "提供 AUTH PLAIN LOGIN；未提供密码，未尝试登录"},
		{SayNotTried.Format(SayWithheldToken.Format("mail.test"), SayOAuthOnly.EN),
			"mail.test 不在该地址的域名之内，因此没有发送令牌（--trust-discovered 可发送），未尝试登录（仅支持 OAuth2：密码无法在此登录）"},
		// What servers say stays verbatim.
		{"550 Sender is outside of domain", "550 Sender is outside of domain"},
		{"530 5.7.0 Must issue a STARTTLS command first", "530 5.7.0 Must issue a STARTTLS command first"},
		{"no password given", "no password given"},
	} {
		if got, _ := Localize(tt.in, "zh"); got != tt.want {
			t.Errorf("Localize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// FuzzLocalize: any text (evidence is mostly what a server said) is returned unchanged in
// English, and unchanged in Chinese unless it is one of ours; nothing panics.
func FuzzLocalize(f *testing.F) {
	for _, s := range Sentences() {
		f.Add(s.Format(sampleArgs(s)...))
	}
	f.Add("550 5.7.1 relay denied; try again: later")
	f.Add("; ; ;")
	f.Fuzz(func(t *testing.T, s string) {
		if got, ok := Localize(s, "en"); got != s || ok {
			t.Fatalf("English changed %q", s)
		}
		if got, ok := Localize(s, "zh"); !ok && got != s {
			t.Fatalf("not ours but changed: %q → %q", s, got)
		}
	})
}
