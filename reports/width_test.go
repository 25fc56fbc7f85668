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
