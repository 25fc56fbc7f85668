package cmd

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// displayWidth is a line's width in a terminal: wide (CJK) runes two columns, the ambiguous
// ones (box drawing, ✓) one, as in every terminal a helpdesk uses.
func displayWidth(s string) int {
	cond := runewidth.NewCondition()
	cond.EastAsianWidth = false
	return cond.StringWidth(s)
}

// TestListingsFitWidth: the listings (lab summary, lab list, providers, explain --list) fit
// an 80-column terminal in English and Chinese, and still show every row.
func TestListingsFitWidth(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want []string // in every language: a row's first cell, always whole
	}{
		{[]string{"lab"}, []string{"smtp-wrong-mode-tls-on-starttls-port", "tls.required"}},
		{[]string{"lab", "list"}, []string{"smtp-wrong-mode-tls-on-starttls-port", "healthy-pop3s"}},
		{[]string{"providers"}, []string{"smtp.exmail.qq.com:465", "imap.qq.com:993"}},
		{[]string{"explain", "--list"}, []string{"auth.authorization-code-required", "tls.cert-expired"}},
	} {
		for _, lang := range []string{"en", "zh"} {
			for _, cols := range []string{"80", "60"} {
				args := append(append([]string{}, tt.args...), "--lang", lang)
				code, out, errs := run(t, "", map[string]string{"COLUMNS": cols}, args...)
				if code != 0 {
					t.Fatalf("%v COLUMNS=%s: exit %d %s", args, cols, code, errs)
				}
				limit := map[string]int{"80": 80, "60": 60}[cols]
				for _, l := range strings.Split(out, "\n") {
					if w := displayWidth(l); w > limit {
						t.Errorf("%v COLUMNS=%s: a line is %d columns wide: %q", args, cols, w, l)
					}
				}
				for _, s := range tt.want {
					if !strings.Contains(out, s) {
						t.Errorf("%v COLUMNS=%s: %q missing (cut?):\n%s", args, cols, s, out)
					}
				}
			}
		}
	}
	// Wide enough, a listing stays a table; too narrow for its columns, one block per row.
	for cols, table := range map[string]bool{"250": true, "80": false} {
		_, out, _ := run(t, "", map[string]string{"COLUMNS": cols}, "providers")
		if strings.Contains(out, "┌") != table || !strings.Contains(out, "qq.com vip.qq.com") {
			t.Errorf("providers COLUMNS=%s: table %v, want %v:\n%s", cols, !table, table, out)
		}
	}
}
