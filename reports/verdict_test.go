package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/mailcheck/mailcheck/probes"
)

// settingsOnly is what `mailcheck provider qq --offline` reports: settings, nothing probed.
func settingsOnly() *probes.Report {
	return &probes.Report{Schema: probes.Schema, Command: "provider", Input: "qq", Provider: "qq", Status: probes.Skip,
		Settings: &probes.Settings{Provider: "qq", Name: findings.Text{EN: "QQ Mail", ZH: "QQ邮箱"}, Auth: "authorization-code",
			Endpoints: []probes.Endpoint{
				{Proto: probes.IMAP, Host: "imap.qq.com", Port: 993, Security: probes.ImplicitTLS, Source: "builtin:qq"},
				{Proto: probes.SMTP, Host: "smtp.qq.com", Port: 465, Security: probes.ImplicitTLS, Source: "builtin:qq"},
			},
			Forms: map[probes.Proto]probes.UsernameForm{probes.IMAP: probes.FormAddress, probes.SMTP: probes.FormAddress}}}
}

// stepsReport has one endpoint with a step in every status.
func stepsReport() *probes.Report {
	return &probes.Report{Schema: probes.Schema, Command: "probe", Input: "smtp mail.test", Status: probes.Fail,
		Results: []probes.Result{{
			Endpoint: probes.Endpoint{Proto: probes.SMTP, Host: "mail.test", Port: 587, Security: probes.STARTTLS},
			Status:   probes.Fail,
			Addr:     "127.0.0.1:587", RoundTrips: 3,
			Steps: []probes.Step{
				{Name: "connect", Status: probes.OK, Detail: "connected"},
				{Name: "greeting", Status: probes.Warn, Detail: "slow greeting"},
				{Name: "starttls", Status: probes.Fail, Error: "handshake failed",
					Findings: []findings.Finding{findings.New(findings.TLSRequired, "530 5.7.0 Must issue a STARTTLS command first")}},
				{Name: "auth", Status: probes.Skip, Detail: "no password"},
			},
		}}}
}

func renderString(t *testing.T, rep *probes.Report, f Format, o Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, rep, f, o); err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	return b.String()
}

// TestTableHeader: the command line and the verdict are two lines, not one run-on line.
func TestTableHeader(t *testing.T) {
	for _, tt := range []struct{ lang, verdict string }{{"en", "Verdict: "}, {"zh", "结论: "}} {
		out := renderString(t, stepsReport(), Table, Options{Lang: tt.lang})
		lines := strings.SplitN(out, "\n", 3)
		if len(lines) < 3 || lines[0] != "mailcheck probe smtp mail.test" || !strings.HasPrefix(lines[1], tt.verdict) {
			t.Errorf("%s: table header:\n%s", tt.lang, strings.Join(lines[:min(2, len(lines))], "\n"))
		}
	}
	// No input (mailcheck lab): no trailing space on the title line.
	rep := stepsReport()
	rep.Command, rep.Input = "lab", ""
	if first, _, _ := strings.Cut(renderString(t, rep, Table, Options{}), "\n"); first != "mailcheck lab" {
		t.Errorf("title line %q, want %q", first, "mailcheck lab")
	}
}

// TestSettingsOnlyVerdict: an offline report has checked nothing, so no format may say "no
// problems found"; it says settings only, in the neutral skip style.
func TestSettingsOnlyVerdict(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		want := label("offline", lang)
		st, text := Verdict(settingsOnly(), lang)
		if st != probes.Skip || text != want {
			t.Errorf("%s: Verdict = %s %q, want skip %q", lang, st, text, want)
		}
		for _, f := range []Format{Table, Markdown, HTML} {
			out := renderString(t, settingsOnly(), f, Options{Lang: lang, Color: f == Table})
			if strings.Contains(out, label("ok", lang)) {
				t.Errorf("%s %s claims %q:\n%s", lang, f, label("ok", lang), out)
			}
			var style string
			switch f {
			case Table:
				style = newPalette(true).skip.Sprint(want) // grey, not green
			case Markdown:
				style = "**" + label("verdict", lang) + ": ⏭️ " + mdText(want) + "**"
			case HTML:
				style = `<section class="verdict skip" role="status">`
				if !strings.Contains(out, ".verdict.skip {") {
					t.Errorf("%s html: no CSS for the skip verdict", lang)
				}
			}
			if !strings.Contains(out, style) {
				t.Errorf("%s %s lacks %q:\n%s", lang, f, style, out)
			}
		}
	}
	// Anything found, or anything probed, decides the verdict as before.
	rep := settingsOnly()
	rep.Findings = []findings.Finding{findings.New(findings.ProviderClosed, "closed")}
	rep.Status = probes.StatusOf(rep)
	if st, _ := Verdict(rep, "en"); st != probes.Fail {
		t.Errorf("settings with an error finding: verdict %s, want fail", st)
	}
	rep = settingsOnly()
	rep.Results = []probes.Result{{Endpoint: rep.Settings.Endpoints[0], Status: probes.OK}}
	rep.Status = probes.StatusOf(rep)
	if st, text := Verdict(rep, "en"); st != probes.OK || text != label("ok", "en") {
		t.Errorf("settings with a probed endpoint: verdict %s %q, want ok", st, text)
	}
}

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

// TestSettingsWording: the password kinds read naturally, and the table's settings columns use
// the same words as the Markdown and HTML settings table.
func TestSettingsWording(t *testing.T) {
	if got, want := AuthLabel("authorization-code", "zh"), "客户端授权码（不是网页登录密码）"; got != want {
		t.Errorf("zh authorization-code = %q, want %q", got, want)
	}
	for k, tx := range authText {
		if tx.EN == "" || tx.ZH == "" || !hasHan(tx.ZH) {
			t.Errorf("authText[%s] = %+v: want both languages", k, tx)
		}
	}
	for _, pair := range [][2]string{{"server", "host"}, {"source", "source"}, {"port", "port"}, {"security", "security"}} {
		for _, lang := range []string{"en", "zh"} {
			if a, b := slabel(pair[0], lang), label(pair[1], lang); a != b {
				t.Errorf("%s: table column %q, Markdown/HTML column %q", lang, a, b)
			}
		}
	}
}
