package reports

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzWrapText: whatever text a server sends, wrapping keeps every character (but the spaces it
// breaks at) in order and no line is wider than asked.
func FuzzWrapText(f *testing.F) {
	for _, s := range []string{"", "530 5.7.0 Must issue a STARTTLS command first", "服务器要求先加密再登录，请开启 SSL。",
		strings.Repeat("x", 300), "a  b   c", "混合 mixed 文字text，标点。", "\u200b\u00ad", "tab\there"} {
		f.Add(s, 20)
		f.Add(s, 80)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\n\r\x1b") || width < 4 || width > 300 {
			return
		}
		s = clean(s)
		lines := wrapText(s, width)
		for _, l := range lines {
			if w := textWidth(l); w > width && utf8.RuneCountInString(l) > 1 {
				t.Fatalf("line %q is %d wide, more than %d", l, w, width)
			}
		}
		squash := func(x string) string { return strings.ReplaceAll(x, " ", "") }
		if got, want := squash(strings.Join(lines, "")), squash(s); got != want {
			t.Fatalf("wrapping changed the text:\n got %q\nwant %q", got, want)
		}
	})
}

// TestDetailPatterns: each Chinese detail pattern matches the sentence the probes or the
// discovery write, and keeps its arguments.
func TestDetailPatterns(t *testing.T) {
	for _, tt := range []struct{ en, zh string }{
		{"TLS 1.3, certificate valid until 2031-01-01", "TLS 1.3，证书有效期至 2031-01-01"},
		{"6 extensions: 8BITMIME AUTH SIZE", "6 个扩展：8BITMIME AUTH SIZE"},
		{"logged in as user@mail.test (PLAIN)", "已登录：user@mail.test（PLAIN）"},
		{"AUTH PLAIN LOGIN offered; no password given, login not tried", "提供 AUTH PLAIN LOGIN；未提供密码，未尝试登录"},
		{"not run: connect failed (timeout)", "未运行：连接 步骤失败（timeout）"},
		{`5 folders; Sent "Sent", Drafts "Drafts", Trash "Trash", Junk "Junk"`, `5 个文件夹；已发送 "Sent"，草稿 "Drafts"，已删除 "Trash"，垃圾邮件 "Junk"`},
		{"3 messages, 1200 bytes", "3 封邮件，共 1200 字节"},
		{"EHLO refused (502)", "EHLO 被拒绝（502）"},
		{"no built-in entry for corp.test", "内置数据库中没有 corp.test"},
		{"corp.test publishes no MX and no address: it receives no mail", "corp.test 既没有 MX 也没有地址：无法接收邮件"},
		{"MX mx1.corp.test, mx2.corp.test (no known provider)", "MX mx1.corp.test, mx2.corp.test（不是已知的服务商）"},
		{"220 mail.test ESMTP ready", "220 mail.test ESMTP ready"}, // a server's own words stay
	} {
		if got := detailIn(tt.en, "zh"); got != tt.zh {
			t.Errorf("detailIn(%q) = %q, want %q", tt.en, got, tt.zh)
		}
		if got := detailIn(tt.en, "en"); got != tt.en {
			t.Errorf("detailIn(%q, en) = %q", tt.en, got)
		}
	}
}
