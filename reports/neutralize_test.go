package reports

import "testing"

func TestNeutralize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text, 中文", "plain text, 中文"},
		{"two\nlines", "two\nlines"},
		{"esc\x1b[31mred\a", `esc\x1b[31mred\x07`},
		{"cr\rtab\tdel\x7f", `cr\x0dtab\x09del\x7f`},
		{"c1 \u009b bidi \u202e iso \u2066", `c1 \u009b bidi \u202e iso \u2066`},
		{"bad utf8 \xff\xfe", `bad utf8 \xff\xfe`},
	} {
		if got := Neutralize(tc.in); got != tc.want {
			t.Errorf("Neutralize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
