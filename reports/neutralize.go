package reports

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Neutralize makes text that may echo local input (a provider file's names, a path) safe for
// a terminal: control and bidi characters become \xNN / \u escapes; line breaks stay, so a
// list of errors still reads as one per line.
func Neutralize(s string) string {
	clean := true
	for _, r := range s {
		if r != '\n' && unsafeRune(r) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i, w := 0, 0; i < len(s); i += w {
		r, n := utf8.DecodeRuneInString(s[i:])
		w = n
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteByte('\n')
		case r < 0x80 && unsafeRune(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
