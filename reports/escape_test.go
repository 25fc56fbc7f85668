package reports

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/mailcheck/mailcheck/probes"
)

// hostileReply is a login rejection written to break out of every format: HTML tags and event
// handlers, table pipes, code spans and fences, links, images, mentions, issue references,
// strikethrough, maths, entities and emphasis.
const hostileReply = "535 5.7.8 <script>alert(1)</script> <img src=x onerror=alert(2)> | col | `tick` ``` fence " +
	"[link](http://evil.example/) ![img](http://evil.example/i.png) @team #1 ~~strike~~ $x^2$ &lt; *bold* _em_ \\ end"

// hostileReport probes a real server that answers the login with hostileReply.
func hostileReport(t *testing.T) *probes.Report {
	t.Helper()
	sc := scenario(t, "healthy-smtps")
	sc.Name = "hostile-reply"
	sc.Config.Faults.AuthReject = hostileReply
	rep, _ := labReport(t, sc.Name, sc)
	if !strings.Contains(fmt.Sprintf("%+v", rep.Results[0].Steps), "<script>") {
		t.Fatalf("the hostile reply did not reach the report: %+v", rep.Results[0].Steps)
	}
	return rep
}

func TestHTMLEscapesServerText(t *testing.T) {
	rep := hostileReport(t)
	var b bytes.Buffer
	if err := Write(&b, rep, HTML, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	out := strings.ToLower(b.String())
	for _, bad := range []string{"<script", "<img", "<a href=\"http://evil", "javascript:"} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML holds %q from the server unescaped", bad)
		}
	}
	if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("HTML lost the server's text instead of escaping it")
	}
}

var unescapedPipe = regexp.MustCompile(`(^|[^\\])\|`)

// TestMarkdownStructureSurvivesServerText checks the structure a hostile reply would break:
// every table row keeps its header's column count, and every fenced block closes where it
// should.
func TestMarkdownStructureSurvivesServerText(t *testing.T) {
	rep := hostileReport(t)
	var b bytes.Buffer
	if err := Write(&b, rep, Markdown, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	want := -1
	for i, l := range lines {
		if !strings.HasPrefix(l, "|") {
			want = -1
			continue
		}
		// Count the pipes that delimit cells; "\|" is a literal pipe.
		n := len(unescapedPipe.FindAllStringIndex(strings.ReplaceAll(l, "||", "| |"), -1))
		if want < 0 {
			want = n
			continue
		}
		if n != want {
			t.Errorf("line %d has %d cell delimiters, its table %d: %s", i+1, n, want, l)
		}
	}
	// Fences: an opening fence is closed by the next line that is exactly the same fence.
	var open string
	for i, l := range lines {
		switch {
		case open == "" && strings.HasPrefix(l, "```"):
			open = strings.TrimRight(l, "abcdefghijklmnopqrstuvwxyz")
		case open != "" && l == open:
			open = ""
		case open != "" && strings.HasPrefix(strings.TrimSpace(l), open):
			t.Errorf("line %d would close the fence early: %s", i+1, l)
		}
	}
	if open != "" {
		t.Errorf("a fenced block is never closed")
	}
}

func TestMdText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain text 1.2", "plain text 1.2"},
		{"a|b", `a\|b`},
		{"<script>", `\<script>`},
		{"> quote", `\> quote`},
		{"a > b", "a > b"},
		{"*x* _y_ snake_case", `\*x\* \_y\_ snake_case`},
		{"`code`", "\\`code\\`"},
		{"[l](http://x)", `\[l](http://x)`},
		{"![i](x)", `!\[i](x)`},
		{"@team user@mail.test", `\@team user@mail.test`},
		{"#1 a#1", `\#1 a#1`},
		{"~~s~~ $x$", `\~\~s\~\~ \$x\$`},
		{"&lt; & b", `\&lt; & b`},
		{`back\slash`, `back\\slash`},
		{"two\r\nlines", "two ⏎ lines"},
		{"bell\a", "bell?"},
	} {
		if got := mdText(c.in); got != c.want {
			t.Errorf("mdText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMdCode(t *testing.T) {
	for _, c := range []struct {
		in      string
		inTable bool
		want    string
	}{
		{"250 OK", false, "`250 OK`"},
		{"a`b", false, "``a`b``"},
		{"`x`", false, "`` `x` ``"},
		{"a``b", false, "```a``b```"},
		{"a|b", false, "`a|b`"},
		{"a|b", true, "`a\\|b`"},
		{"", false, ""},
		{"l1\nl2", false, "`l1 ⏎ l2`"},
	} {
		if got := mdCode(c.in, c.inTable); got != c.want {
			t.Errorf("mdCode(%q, %v) = %q, want %q", c.in, c.inTable, got, c.want)
		}
	}
}

func TestMdFence(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"a\n", "```text\na\n```\n"},
		{"```\nx", "````text\n```\nx\n````\n"},
	} {
		if got := mdFence(c.in, "text"); got != c.want {
			t.Errorf("mdFence(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

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
