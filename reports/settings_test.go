package reports

import (
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/probes"
)

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
		{Table, "en", []string{"Incoming (IMAP) — alternative", "built-in (qq)"}},
		{Table, "zh", []string{"收信 (IMAP) — 备用"}},
		{Markdown, "en", []string{"| IMAP | hwimap.qq.test | 993 | SSL/TLS | full address | built-in (qq) | ⏭️ alternative, not checked |"}},
		{Markdown, "zh", []string{"备用地址，未检查"}},
		{HTML, "en", []string{`<tr class="alt">`, "alternative, not checked", ".settings tr.alt td"}},
	} {
		// Wide enough that the role is on one line (at 80 columns the role column wraps).
		out := renderString(t, rep, tt.f, Options{Lang: tt.lang, Width: 120})
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
