package reports

import (
	"strings"
	"testing"
)

// TestTableHeader: the command line and the verdict are two lines, not one run-on line.
func TestTableHeader(t *testing.T) {
	for _, tt := range []struct{ lang, verdict string }{{"en", "✗ "}, {"zh", "✗ "}} {
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
