package cmd

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/mailcheck/mailcheck/testservers"
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

// TestLabServePortBase: lab serve --port-base N listens on N, N+1, …; each "try:" line carries
// the test login (the password in the environment, not on the command line) and works as printed.
func TestLabServePortBase(t *testing.T) {
	base := freePortRange(t, 6)
	io_, out, errb := TestIO("", nil)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- Run(ctx, []string{"lab", "serve", "--port-base", strconv.Itoa(base)}, io_) }()
	// Wait for the last server's port (the servers start in order), then greet the first.
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.Dial("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(base+5)))
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("lab serve did not listen on %d: %v", base+5, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	c, err := net.Dial("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(base)))
	if err != nil {
		t.Fatal(err)
	}
	c.SetDeadline(time.Now().Add(10 * time.Second))
	greet := make([]byte, 3)
	_, err = io.ReadFull(c, greet)
	c.Close()
	if err != nil || string(greet) != "220" {
		t.Errorf("port %d greeted %q, %v; want an SMTP 220", base, greet, err)
	}
	cancel()
	if code := <-done; code != ExitInterrupted {
		t.Errorf("lab serve: exit %d, want %d (%s)", code, ExitInterrupted, errb)
	}
	want := "try: MAILCHECK_PASSWORD=secret-pass mailcheck probe smtp localhost:" + strconv.Itoa(base) + " --security starttls --user user@mail.test --ca-file "
	if !strings.Contains(out.String(), want) {
		t.Errorf("lab serve output lacks %q:\n%s", want, out)
	}
	if code, _, errs := run(t, "", nil, "lab", "serve", "--port-base", "70000"); code != ExitUsage {
		t.Errorf("--port-base 70000: exit %d %s", code, errs)
	}
}

// freePortRange finds n consecutive free loopback ports.
func freePortRange(t *testing.T, n int) int {
	t.Helper()
	for range 50 {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		base := ln.Addr().(*net.TCPAddr).Port
		ln.Close()
		if base+n > 65535 {
			continue
		}
		ok := true
		var lns []net.Listener
		for i := range n {
			l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(base+i)))
			if err != nil {
				ok = false
				break
			}
			lns = append(lns, l)
		}
		for _, l := range lns {
			l.Close()
		}
		if ok {
			return base
		}
	}
	t.Skip("no free range of loopback ports")
	return 0
}

// TestBatchRows: batch --format csv and --format table write one row per target (line, input,
// status, codes, verdict) as each finishes; with neither it stays JSON Lines.
func TestBatchRows(t *testing.T) {
	ca, caFile := testCA(t)
	smtps := testservers.StartT(t, testservers.Config{Proto: "smtp", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	busy := testservers.StartT(t, testservers.Config{Proto: "pop3", Faults: testservers.Faults{BusyGreeting: true}}, ca)
	input := fmt.Sprintf("smtps://localhost:%d\npop3://localhost:%d\ngopher://nope\n", smtps.Port, busy.Port)
	args := []string{"batch", "-", "--ca-file", caFile, "--resolver", "127.0.0.1:1", "--timeout", "2s"}
	code, out, errs := run(t, input, nil, append(args, "--format", "csv")...)
	if code != ExitFindings {
		t.Fatalf("csv: exit %d %s", code, errs)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) != 4 {
		t.Fatalf("csv: %v, %d records:\n%s", err, len(recs), out)
	}
	byLine := map[string][]string{}
	for _, r := range recs[1:] {
		byLine[r[0]] = r
	}
	if r := byLine["1"]; r[2] != "ok" {
		t.Errorf("csv smtps row %q", r)
	}
	if r := byLine["2"]; r[2] != "fail" || !strings.Contains(r[3], "server.busy") || r[4] == "" {
		t.Errorf("csv busy row %q", r)
	}
	if r := byLine["3"]; r[2] != "error" || r[4] == "" {
		t.Errorf("csv bad row %q", r)
	}
	code, out, _ = run(t, input, nil, append(args, "--format", "table")...)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != ExitFindings || len(lines) != 4 || !strings.Contains(out, "[server.busy]") || strings.HasPrefix(out, "{") {
		t.Errorf("table: exit %d:\n%s", code, out)
	}
	for _, l := range lines {
		if runewidth.StringWidth(l) > 80 {
			t.Errorf("table row wider than 80: %q", l)
		}
	}
	if _, out, _ = run(t, input, nil, args...); !strings.HasPrefix(out, "{") {
		t.Errorf("no --format: want JSON Lines, got:\n%s", out)
	}
}

// TestCompletion: shell completion offers provider names, lab scenarios, protocols and the
// values of --format, --security and --lang (cobra's __complete is what the shell scripts call).
func TestCompletion(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", "provider", "q"}, []string{"qq\n"}},
		{[]string{"__complete", "lab", "smtp-tls"}, []string{"smtp-tls-required\n"}},
		{[]string{"__complete", "lab", ""}, []string{"serve\n", "list\n", "healthy-imaps\n"}},
		{[]string{"__complete", "probe", ""}, []string{"smtp\n", "pop3\n", "imap\n"}},
		{[]string{"__complete", "conform", "imap", "--security", ""}, []string{"starttls\n", "plain\n"}},
		{[]string{"__complete", "account", "x", "--format", ""}, []string{"html\n", "reply\n"}},
		{[]string{"__complete", "explain", "--lang", ""}, []string{"en\n", "zh\n"}},
	} {
		code, out, errs := run(t, "", nil, tt.args...)
		for _, w := range tt.want {
			if code != ExitOK || !strings.Contains(out, w) {
				t.Errorf("%v: exit %d, lacks %q:\n%s%s", tt.args, code, w, out, errs)
			}
		}
	}
	if code, out, _ := run(t, "", nil, "completion", "bash"); code != ExitOK || !strings.Contains(out, "bash completion") {
		t.Errorf("completion bash: exit %d:\n%.200s", code, out)
	}
}

// TestSourceWords: a report says in words where each endpoint came from: the command line, the
// built-in database, or the user's --providers file.
func TestSourceWords(t *testing.T) {
	file := filepath.Join(t.TempDir(), "p.json")
	os.WriteFile(file, []byte(`{"version": 1, "providers": [{"key": "acme", "name": {"en": "", "zh": "艾克美邮箱"},
  "domains": ["acme.test"], "endpoints": [{"proto": "imap", "host": "imap.acme.test", "port": 993, "security": "tls"}],
  "username": "address", "auth": "password", "status": "active"}]}`), 0o644)
	_, out, errs := run(t, "", map[string]string{"COLUMNS": "120"}, "provider", "acme", "--providers", file, "--offline")
	if !strings.Contains(out, "your providers file (acme)") || strings.Contains(out, "builtin:") {
		t.Errorf("--providers entry: want its source said as the user's file:\n%s%s", out, errs)
	}
	// A company known only by its Chinese name shows that name in English output.
	if !strings.Contains(out, "艾克美邮箱") {
		t.Errorf("the Chinese-only name is missing from the English report:\n%s", out)
	}
	_, out, _ = run(t, "", nil, "provider", "qq", "--offline", "--lang", "zh")
	if !strings.Contains(out, "内置（qq）") {
		t.Errorf("zh: the built-in source is not said in Chinese:\n%s", out)
	}
	_, out, _ = run(t, "", nil, "probe", "smtp", "127.0.0.1:1", "--timeout", "1s", "--format", "markdown")
	if !strings.Contains(out, "given on the command line") || strings.Contains(out, "[flag]") {
		t.Errorf("probe: the endpoint's source is not 'given on the command line':\n%s", out)
	}
}

// TestHelpLangDefault: --help shows the real default of --lang, taken from LC_ALL/LANG.
func TestHelpLangDefault(t *testing.T) {
	for _, tt := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"LANG": "zh_CN.UTF-8"}, `(default "zh")`},
		{map[string]string{"LANG": "en_US.UTF-8"}, `(default "en")`},
		{map[string]string{"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, `(default "zh")`},
		{nil, `(default "en")`},
	} {
		_, out, _ := run(t, "", tt.env, "probe", "--help")
		var line string
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, "--lang") {
				line = l
			}
		}
		if !strings.Contains(line, tt.want) {
			t.Errorf("env %v: --lang help line %q, want %s", tt.env, line, tt.want)
		}
	}
}
