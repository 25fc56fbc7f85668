package probes

import (
	"strings"
	"testing"
)

// BenchmarkRedactLine: the redactor on a full 8 KiB server line with a token and a password
// set (every recorded line pays this).
func BenchmarkRedactLine(b *testing.B) {
	r := newRedactor("user@mail.test", []byte("Tr0ub4dor&3-horse"), []string{strings.Repeat("eyJhbGciOiJSUzI1NiJ9", 60)})
	line := strings.Repeat("250-SOMEKEYWORD value ", MaxLine/22)
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		r.apply(line)
	}
}
