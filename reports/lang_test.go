package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// TestStatusWords: the step and endpoint status is in the report's language in every format,
// and keeps its colour in the table.
func TestStatusWords(t *testing.T) {
	p := newPalette(true)
	zh := map[string]string{"ok": "正常", "warn": "警告", "fail": "失败", "skip": "跳过"}
	for _, lang := range []string{"en", "zh"} {
		table := renderString(t, stepsReport(), Table, Options{Lang: lang, Color: true})
		md := renderString(t, stepsReport(), Markdown, Options{Lang: lang})
		html := renderString(t, stepsReport(), HTML, Options{Lang: lang})
		for _, c := range []struct {
			st  probes.Status
			col interface{ Sprint(...any) string }
		}{{probes.OK, p.ok}, {probes.Warn, p.warn}, {probes.Fail, p.fail}, {probes.Skip, p.skip}} {
			word := label("st."+string(c.st), lang)
			if lang == "zh" && word != zh[string(c.st)] {
				t.Errorf("zh %s is %q, want %q", c.st, word, zh[string(c.st)])
			}
			if colored := c.col.Sprint(word); !strings.Contains(table, colored) {
				t.Errorf("%s table lacks %q for %s:\n%s", lang, colored, c.st, table)
			}
			if !strings.Contains(md, mdIcon(string(c.st))+" "+word) {
				t.Errorf("%s markdown lacks the %s badge %q", lang, c.st, word)
			}
			if !strings.Contains(html, statusBadge(c.st, lang).Icon+" "+word+"</span>") {
				t.Errorf("%s html lacks the %s badge %q", lang, c.st, word)
			}
		}
		if lang == "zh" {
			if !strings.Contains(table, p.fail.Sprint("✗ 错误")) || !strings.Contains(table, "3 次往返") {
				t.Errorf("zh table: want the severity and round trips in Chinese:\n%s", table)
			}
			for _, en := range []string{"OK", "WARN", "FAIL", "SKIP", "✗ error", "round trips"} {
				for f, out := range map[Format]string{Table: table, Markdown: md, HTML: html} {
					if strings.Contains(out, en) {
						t.Errorf("zh %s still says %s:\n%s", f, en, out)
					}
				}
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

// TestChineseWrongModeEvidence: port.expects-starttls's evidence (the other mode's step) is
// all Chinese in a zh report: no "ok, TLS 1.3, certificate valid until …" in any format; the
// handshake error has our prefix in Chinese and Go's text verbatim.
func TestChineseWrongModeEvidence(t *testing.T) {
	rep := goldenReport(t, goldenCase{name: "wrong-tls-mode", scenarios: []string{"smtp-wrong-mode-tls-on-starttls-port"}})
	for _, f := range []Format{Table, Markdown, HTML} {
		out := renderString(t, rep, f, Options{Lang: "zh", Width: 200})
		if !strings.Contains(out, "在该端口使用 STARTTLS：正常，TLS 1.3，证书有效期至 ") {
			t.Errorf("zh %s: the evidence is not in Chinese:\n%s", f, out)
		}
		if !strings.Contains(out, "TLS 握手：tls: first record does not look like a") {
			t.Errorf("zh %s: the handshake error lacks our Chinese prefix or Go's words:\n%s", f, out)
		}
		for _, en := range []string{"certificate valid until", "ok, TLS", "not reached", "STARTTLS there", "tls handshake:"} {
			if strings.Contains(out, en) {
				t.Errorf("zh %s still says %q", f, en)
			}
		}
	}
}
