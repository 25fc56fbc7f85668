package reports

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

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

// TestEmptyReport: a run that found nothing to probe still renders in every format.
func TestEmptyReport(t *testing.T) {
	for _, f := range Formats {
		for _, lang := range []string{"en", "zh"} {
			var b bytes.Buffer
			rep := &probes.Report{Schema: probes.Schema, Command: "account", Input: "x@example.com"}
			if err := Write(&b, rep, f, Options{Lang: lang}); err != nil {
				t.Errorf("%s/%s: %v", f, lang, err)
			}
			if b.Len() == 0 {
				t.Errorf("%s/%s: empty output", f, lang)
			}
		}
	}
}

// TestLabels: every heading exists in both languages, so a zh report has no English holes.
func TestLabels(t *testing.T) {
	for k, l := range labels {
		if l.EN == "" || l.ZH == "" {
			t.Errorf("label %q lacks a language: %+v", k, l)
		}
	}
}

// TestChineseReport: with Lang "zh" the headings and finding texts are Chinese.
func TestChineseReport(t *testing.T) {
	sc := scenario(t, "pop3-in-use")
	rep, _ := labReport(t, sc.Name, sc)
	for _, f := range []Format{Markdown, HTML} {
		var b bytes.Buffer
		if err := Write(&b, rep, f, Options{Lang: "zh"}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, key := range []string{"settings", "verdict", "findings", "transcript", "endpoints"} {
			if !strings.Contains(out, labels[key].ZH) {
				t.Errorf("%s: no %q heading %q", f, key, labels[key].ZH)
			}
		}
		e, _ := findings.Lookup(findings.POP3InUse)
		if e.Title.ZH != "" && !strings.Contains(out, e.Title.ZH) {
			t.Errorf("%s: the finding title is not in Chinese (%q)", f, e.Title.ZH)
		}
		if strings.Contains(out, labels["settings"].EN) {
			t.Errorf("%s: English heading in a zh report", f)
		}
	}
}
