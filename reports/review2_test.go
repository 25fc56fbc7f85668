package reports

import (
	"strings"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/mailcheck/mailcheck/probes"
)

// hostileBytes are what a server can put in its text to mislead a reader: an ANSI colour
// escape, a bell, a C1 control, and the Unicode bidi overrides, isolates and marks that can make
// "evil.example" display as "elpmaxe.live".
var hostileBytes = []string{"\x1b", "\a", "\u009b", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
	"\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f"}

const hostileText = "\x1b[31mRED\x1b[0m \a\u009b \u202eevil.example\u202c \u2066x\u2069 \u2067y\u2068 \u202a\u202b\u202d \u200e\u200f end"

// hostileFieldsReport puts hostileText into every string a server, DNS or an autoconfig file
// can supply.
func hostileFieldsReport() *probes.Report {
	h := hostileText
	ep := probes.Endpoint{Proto: probes.SMTP, Host: "mail" + h, Port: 465, Security: probes.ImplicitTLS, Source: "autoconfig" + h}
	line := func(d probes.Dir) probes.Line { return probes.Line{Dir: d, Text: "220 " + h} }
	step := probes.Step{Name: "greeting" + h, Status: probes.Fail, Detail: "220 " + h, Error: "read: " + h,
		Lines:    []probes.Line{line(probes.Server), line(probes.Client)},
		Findings: []findings.Finding{findings.New(findings.TLSRequired, "530 "+h)}}
	return &probes.Report{Schema: probes.Schema, Command: "account", Input: "user@" + h, Status: probes.Fail,
		Started: time.Date(2030, 1, 1, 9, 0, 0, 0, time.UTC),
		Settings: &probes.Settings{Name: findings.Text{EN: "Corp" + h, ZH: "Corp" + h}, Endpoints: []probes.Endpoint{ep},
			Usernames: map[probes.Proto]string{probes.SMTP: "user" + h}, Status: "closed", Successor: "next" + h,
			Notes: []probes.Quirk{{Text: findings.Text{EN: "note" + h, ZH: "note" + h}, URL: "https://x.test/" + h}}},
		Discovery: []probes.Step{step},
		Results: []probes.Result{{Endpoint: ep, Status: probes.Fail, Addr: "127.0.0.1:465" + h, Caps: []string{"AUTH" + h},
			Steps: []probes.Step{step},
			TLS: &probes.TLSInfo{Version: "TLS 1.3", Cipher: "TLS_AES_128_GCM_SHA256", ServerName: "mail" + h,
				VerifyError: "x509: " + h,
				Chain: []probes.CertInfo{{Subject: "CN=" + h, Issuer: "CN=issuer" + h, SANs: []string{"a" + h, "b" + h},
					NotAfter: time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC)}}}}},
		Findings: []findings.Finding{findings.New(findings.TCPPort25Blocked, "25 "+h)},
	}
}

// TestNoControlOrBidiBytes: no human format passes a control or bidi character from the server
// through, wherever the text sits (step detail, error, evidence, certificate names, transcript,
// settings). JSON keeps the data as it came; its encoder escapes the controls.
func TestNoControlOrBidiBytes(t *testing.T) {
	for _, f := range []Format{Table, Markdown, HTML} {
		for _, lang := range []string{"en", "zh"} {
			out := renderString(t, hostileFieldsReport(), f, Options{Lang: lang, Transcript: true})
			for _, b := range hostileBytes {
				if i := strings.Index(out, b); i >= 0 {
					t.Errorf("%s/%s: %q passed through near %q", f, lang, b, out[max(0, i-40):min(len(out), i+40)])
				}
			}
			if !strings.Contains(out, "evil.example") || !strings.Contains(out, "[31mRED") {
				t.Errorf("%s/%s: the server's text itself was lost instead of cleaned", f, lang)
			}
		}
	}
}

// TestHostileGreetingFromServer: a real lab server whose greeting carries an ANSI escape and a
// right-to-left override; the step detail and transcript of every human format come out clean.
func TestHostileGreetingFromServer(t *testing.T) {
	sc := scenario(t, "healthy-smtps")
	sc.Name = "hostile-greeting"
	sc.Config.Faults.Greeting = "220 mail.test \x1b[31mESMTP\x1b[0m \u202eevil\u202c ready"
	rep, _ := labReport(t, sc.Name, sc)
	raw := false
	for _, s := range rep.Results[0].Steps {
		raw = raw || strings.Contains(s.Detail, "\x1b[31m") && strings.Contains(s.Detail, "\u202e")
	}
	if !raw {
		t.Fatalf("no step detail holds the greeting's raw bytes: %+v", rep.Results[0].Steps)
	}
	for _, f := range []Format{Table, Markdown, HTML} {
		out := renderString(t, rep, f, Options{Lang: "en", Transcript: true})
		for _, b := range []string{"\x1b", "\u202e", "\u202c"} {
			if strings.Contains(out, b) {
				t.Errorf("%s: %q from the greeting passed through", f, b)
			}
		}
		if !strings.Contains(out, "ESMTP?") || !strings.Contains(out, "?evil? ready") {
			t.Errorf("%s: the cleaned greeting is not shown:\n%s", f, out)
		}
	}
}

// TestCleanKeepsLineBreaksInView: the view keeps a line break for the renderer to turn into
// " ⏎ " (Markdown) or white space (HTML), while the table's one-line clean replaces it.
func TestCleanKeepsLineBreaksInView(t *testing.T) {
	if got := cleanText("a\r\nb\rc\nd\x1b\u202e"); got != "a\nb\nc\nd??" {
		t.Errorf("cleanText = %q", got)
	}
	if got := clean("a\nb\u2066c\u200f"); got != "a?b?c?" {
		t.Errorf("clean = %q", got)
	}
	if got := mdText("two\r\nlines\u202e"); got != "two ⏎ lines?" {
		t.Errorf("mdText = %q", got)
	}
}

// TestExplainNoMatchVerdict: explain that recognised nothing has checked nothing, so it does
// not say "no problems found"; it says so neutrally, in both languages.
func TestExplainNoMatchVerdict(t *testing.T) {
	rep := &probes.Report{Schema: probes.Schema, Command: "explain", Input: "hello", Status: probes.Skip,
		Findings: []findings.Finding{findings.New(findings.ExplainNoMatch, "no known signature matched")}}
	for _, tt := range []struct{ lang, want string }{
		{"en", "no known problem recognised in the text"},
		{"zh", "未在文字中识别出已知问题"},
	} {
		st, text := Verdict(rep, tt.lang)
		if st != probes.Skip || text != tt.want {
			t.Errorf("%s: Verdict = %s %q, want skip %q", tt.lang, st, text, tt.want)
		}
		table := renderString(t, rep, Table, Options{Lang: tt.lang})
		if !strings.Contains(table, label("verdict", tt.lang)+": "+tt.want) || strings.Contains(table, label("ok", tt.lang)) {
			t.Errorf("%s table verdict:\n%s", tt.lang, table)
		}
		if html := renderString(t, rep, HTML, Options{Lang: tt.lang}); !strings.Contains(html, `<section class="verdict skip"`) {
			t.Errorf("%s html: the verdict is not in the neutral style", tt.lang)
		}
	}
	// A recognised line keeps its verdict.
	rep.Findings = []findings.Finding{findings.New(findings.TLSRequired, "530 5.7.0 Must issue a STARTTLS command first")}
	rep.Status = probes.StatusOf(rep)
	if st, _ := Verdict(rep, "en"); st != probes.Fail {
		t.Errorf("recognised error: verdict %s, want fail", st)
	}
}

// TestAlternativeSettings: alternative endpoints follow the primary ones and every format says
// they are alternatives, not checked.
func TestAlternativeSettings(t *testing.T) {
	rep := settingsOnly()
	rep.Settings.Endpoints = append(rep.Settings.Endpoints,
		probes.Endpoint{Proto: probes.IMAP, Host: "hwimap.qq.test", Port: 993, Security: probes.ImplicitTLS, Source: "builtin:qq", Alt: true})
	for _, tt := range []struct {
		f    Format
		lang string
		want []string
	}{
		{Table, "en", []string{"Incoming (IMAP) — alternative", "builtin:qq"}},
		{Table, "zh", []string{"收信 (IMAP) — 备用"}},
		{Markdown, "en", []string{"| IMAP | hwimap.qq.test | 993 | SSL/TLS | full address | builtin:qq | ⏭️ alternative, not checked |"}},
		{Markdown, "zh", []string{"备用地址，未检查"}},
		{HTML, "en", []string{`<tr class="alt">`, "alternative, not checked", ".settings tr.alt td"}},
	} {
		out := renderString(t, rep, tt.f, Options{Lang: tt.lang})
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s/%s lacks %q:\n%s", tt.f, tt.lang, w, out)
			}
		}
		if strings.Index(out, "hwimap.qq.test") < strings.Index(out, "smtp.qq.com") {
			t.Errorf("%s/%s: the alternative comes before a primary endpoint", tt.f, tt.lang)
		}
	}
	if rep.Settings.Endpoints[0].Alt || !rep.Settings.Endpoints[2].Alt {
		t.Error("Alt misjudged")
	}
}
