package cmd

import (
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/testservers"
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

// TestBriefOneScreen: --brief fits one 24-line screen (23 lines and the command line) at 80
// columns for the common providers and every lab scenario, in English and Chinese; what is left
// out is counted on the last line, and the settings are never left out.
func TestBriefOneScreen(t *testing.T) {
	var cases [][]string
	for _, p := range []string{"qq", "163", "126", "exmail", "gmail", "outlook", "icloud", "aliyun"} {
		cases = append(cases, []string{"provider", p, "--offline"})
	}
	for _, sc := range testservers.Scenarios() {
		cases = append(cases, []string{"lab", sc.Name})
	}
	for _, args := range cases {
		for _, lang := range []string{"en", "zh"} {
			a := append(append([]string{}, args...), "--brief", "--lang", lang)
			_, out, errs := run(t, "", map[string]string{"COLUMNS": "80"}, a...)
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) > 23 || out == "" {
				t.Errorf("%v: %d lines, want at most 23 %s:\n%s", a, len(lines), errs, out)
			}
			for _, l := range lines {
				if w := displayWidth(l); w > 80 {
					t.Errorf("%v: a line is %d columns: %q", a, w, l)
				}
			}
			if args[0] == "provider" && !strings.Contains(out, "993") {
				t.Errorf("%v: the settings are missing:\n%s", a, out)
			}
		}
	}
	// QQ's notes do not all fit: the first ones are shown, the rest counted.
	_, out, _ := run(t, "", map[string]string{"COLUMNS": "80"}, "provider", "qq", "--offline", "--brief")
	if !strings.Contains(out, "authorization code") || !strings.Contains(out, "more in the full report (run without --brief)") {
		t.Errorf("provider qq --brief: notes not cut as expected:\n%s", out)
	}
}
