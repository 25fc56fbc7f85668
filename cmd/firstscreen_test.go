package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// TestOutputFormatFromExtension: -o FILE without --format writes the format the extension
// names; a --format that contradicts it is exit 2 and writes nothing.
func TestOutputFormatFromExtension(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		file  string
		check func(string) bool
	}{
		{"r.html", func(s string) bool { return strings.HasPrefix(s, "<!DOCTYPE html>") }},
		{"r.HTM", func(s string) bool { return strings.HasPrefix(s, "<!DOCTYPE html>") }},
		{"r.json", func(s string) bool { return json.Valid([]byte(s)) }},
		{"r.md", func(s string) bool { return strings.HasPrefix(s, "# mailcheck provider qq") }},
		{"r.txt", func(s string) bool { return strings.HasPrefix(s, "mailcheck provider qq\n") }},
	} {
		path := filepath.Join(dir, tt.file)
		code, _, errs := run(t, "", nil, "provider", "qq", "--offline", "-o", path)
		b, _ := os.ReadFile(path)
		if code != ExitOK || !tt.check(string(b)) {
			t.Errorf("-o %s: exit %d (%s), file starts %q", tt.file, code, errs, string(b[:min(40, len(b))]))
		}
	}
	// Agreeing flags are fine; a conflict is a usage error, and no file is left behind.
	if code, _, errs := run(t, "", nil, "provider", "qq", "--offline", "--format", "html", "-o", filepath.Join(dir, "ok.html")); code != ExitOK {
		t.Errorf("--format html -o ok.html: exit %d %s", code, errs)
	}
	bad := filepath.Join(dir, "bad.html")
	code, _, errs := run(t, "", nil, "provider", "qq", "--offline", "--format", "json", "-o", bad)
	if code != ExitUsage || !strings.Contains(errs, "conflicts") {
		t.Errorf("--format json -o bad.html: exit %d %q, want %d and a conflict", code, errs, ExitUsage)
	}
	if _, err := os.Stat(bad); err == nil {
		t.Error("the conflicting run left bad.html behind")
	}
}

// TestResolverFlag: --resolver takes an IP address with an optional port, IPv4 or IPv6; a host
// name or a bad port is exit 2 before anything is looked up.
func TestResolverFlag(t *testing.T) {
	for _, tt := range []struct {
		arg  string
		want string // "" = accepted
	}{
		{"127.0.0.53", ""},
		{"127.0.0.1:5353", ""},
		{"::1", ""},
		{"[::1]", ""},
		{"[::1]:5353", ""},
		{"dns.google", "not an IP address"},
		{"localhost:53", "not an IP address"},
		{"127.0.0.1:dns", "bad port"},
		{"127.0.0.1:99999", "bad port"},
		{"[::1]:0", "bad port"},
	} {
		code, _, errs := run(t, "", nil, "provider", "qq", "--offline", "--resolver", tt.arg)
		switch {
		case tt.want == "" && code != ExitOK:
			t.Errorf("--resolver %s: exit %d %s", tt.arg, code, errs)
		case tt.want != "" && (code != ExitUsage || !strings.Contains(errs, tt.want)):
			t.Errorf("--resolver %s: exit %d %q, want %d %q", tt.arg, code, errs, ExitUsage, tt.want)
		}
	}
	if a, err := resolverAddr("::1"); err != nil || a != "[::1]:53" {
		t.Errorf("resolverAddr(::1) = %q, %v", a, err)
	}
}

// TestTableWidthFromColumns: the table is laid out for COLUMNS when set, 80 when unknown.
func TestTableWidthFromColumns(t *testing.T) {
	cond := runewidth.NewCondition()
	cond.EastAsianWidth = false
	for _, tt := range []struct {
		cols string
		max  int
	}{{"", 80}, {"60", 60}, {"120", 120}, {"junk", 80}} {
		for _, lang := range []string{"en", "zh"} {
			_, out, _ := run(t, "", map[string]string{"COLUMNS": tt.cols}, "provider", "exmail", "--offline", "--lang", lang)
			widest := 0
			for _, l := range strings.Split(out, "\n") {
				widest = max(widest, cond.StringWidth(l))
			}
			if widest > tt.max {
				t.Errorf("COLUMNS=%q %s: a line is %d columns, want at most %d:\n%s", tt.cols, lang, widest, tt.max, out)
			}
		}
	}
}

// TestBriefAndReply: --brief is one short screen, --format reply a reply to the user.
func TestBriefAndReply(t *testing.T) {
	code, out, errs := run(t, "", nil, "lab", "smtp-qq-authcode", "--brief")
	if code != ExitFindings || strings.Contains(out, "┌") || strings.Count(out, "\n") > 24 ||
		!strings.Contains(out, "authorization code") {
		t.Errorf("lab smtp-qq-authcode --brief: exit %d %s:\n%s", code, errs, out)
	}
	code, out, _ = run(t, "", nil, "lab", "smtp-qq-authcode", "--format", "reply", "--lang", "zh")
	if code != ExitFindings || !strings.HasPrefix(out, "您好，") || strings.Contains(out, "auth.") || !strings.Contains(out, "授权码") {
		t.Errorf("lab --format reply --lang zh: exit %d:\n%s", code, out)
	}
}

// TestExplainCodeAndFile: `explain CODE` prints that catalogue entry; `--file PATH` reads a
// log; binary input is exit 2 "not text".
func TestExplainCodeAndFile(t *testing.T) {
	code, out, errs := run(t, "", nil, "explain", "tls.cert-expired")
	if code != ExitOK || !strings.HasPrefix(out, "✗ error tls.cert-expired\nCertificate expired\n") || !strings.Contains(out, "Fix: ") {
		t.Errorf("explain tls.cert-expired: exit %d %s:\n%s", code, errs, out)
	}
	_, out, _ = run(t, "", nil, "explain", "auth.authorization-code-required", "--lang", "zh")
	if !strings.Contains(out, "授权码") || !strings.Contains(out, "针对 qq 的解决办法") {
		t.Errorf("explain auth.authorization-code-required --lang zh lacks the code and QQ's own fix:\n%s", out)
	}
	_, out, _ = run(t, "", nil, "explain", "tls.cert-expired", "--format", "json")
	var doc struct {
		Catalogue []struct{ Code string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Catalogue) != 1 || doc.Catalogue[0].Code != "tls.cert-expired" {
		t.Errorf("explain CODE --format json: %v\n%s", err, out)
	}

	dir := t.TempDir()
	log := filepath.Join(dir, "mail.log")
	os.WriteFile(log, []byte("Dec  4 01:00:00 app[1]: smtp: 530 5.7.0 Must issue a STARTTLS command first\n"), 0o644)
	code, out, _ = run(t, "", nil, "explain", "--file", log)
	if code != ExitFindings || !strings.Contains(out, "tls.required") {
		t.Errorf("explain --file: exit %d:\n%s", code, out)
	}
	bin := filepath.Join(dir, "a.out")
	os.WriteFile(bin, []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00530 5.7.0 Must issue"), 0o644)
	for _, tt := range []struct {
		stdin string
		args  []string
		want  string
	}{
		{"", []string{"explain", "--file", bin}, "not text"},
		{"\x00\x01\x02\x03binary", []string{"explain", "-"}, "not text"},
		{"", []string{"explain", "--file", filepath.Join(dir, "missing.log")}, "--file"},
		{"", []string{"explain", "--file", log, "530 hello"}, "not both"},
	} {
		code, _, errs := run(t, tt.stdin, nil, tt.args...)
		if code != ExitUsage || !strings.Contains(errs, tt.want) || strings.Contains(errs, "goroutine") {
			t.Errorf("%v: exit %d %q, want %d %q", tt.args, code, errs, ExitUsage, tt.want)
		}
	}
}
