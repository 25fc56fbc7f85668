package cmd

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/testservers"
)

func run(t *testing.T, stdin string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	io_, out, errb := TestIO(stdin, env)
	code := Run(context.Background(), args, io_)
	return code, out.String(), errb.String()
}

// TestBadInput: every kind of bad input exits 2 with one clear line and no stack trace.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		want  string
		stdin string
		env   map[string]string
	}{
		{"unknown protocol", []string{"probe", "xmpp", "localhost"}, "unknown protocol", "", nil},
		{"port zero", []string{"probe", "smtp", "localhost:0"}, "out of range", "", nil},
		{"port too big", []string{"probe", "smtp", "localhost:70000"}, "out of range", "", nil},
		{"port not a number", []string{"probe", "smtp", "localhost:smtp"}, "not a number", "", nil},
		{"empty host", []string{"probe", "smtp", ""}, "empty host", "", nil},
		{"bad host chars", []string{"probe", "smtp", "smtp qq.com"}, "contains", "", nil},
		{"double dot", []string{"probe", "smtp", "smtp..qq.com"}, "empty label", "", nil},
		{"unclosed bracket", []string{"probe", "smtp", "[::1:25"}, "missing", "", nil},
		{"missing host", []string{"probe", "smtp"}, "needs a protocol and a host", "", nil},
		{"bad security", []string{"probe", "smtp", "localhost", "--security", "ssl3"}, "--security", "", nil},
		{"bad format", []string{"probe", "smtp", "localhost", "--format", "xml"}, "--format", "", nil},
		{"bad lang", []string{"probe", "smtp", "localhost", "--lang", "fr"}, "--lang", "", nil},
		{"bad timeout", []string{"probe", "smtp", "localhost", "--timeout", "-1s"}, "--timeout", "", nil},
		{"unknown flag", []string{"probe", "smtp", "localhost", "--password", "x"}, "unknown flag", "", nil},
		{"unreadable ca file", []string{"probe", "smtp", "localhost:1", "--ca-file", "/nonexistent/ca.pem"}, "--ca-file", "", nil},
		{"bad resolver", []string{"probe", "smtp", "localhost", "--resolver", "1.2.3.4:99999"}, "--resolver", "", nil},
		{"empty stdin password", []string{"probe", "smtp", "localhost:1", "--password-stdin"}, "standard input is empty", "", nil},
		{"both password sources", []string{"probe", "smtp", "localhost:1", "--password-stdin", "--password-env", "X"}, "cannot be used together", "", nil},
		{"unset password env", []string{"probe", "smtp", "localhost:1", "--password-env", "NOPE"}, "not set", "", nil},
		{"unknown lab scenario", []string{"lab", "no-such"}, "unknown lab scenario", "", nil},
		{"unknown command", []string{"frobnicate"}, "unknown command", "", nil},
		{"address with two @", []string{"account", "you@@qq.com"}, "2 @ signs", "", nil},
		{"address without domain dot", []string{"account", "you@qq"}, "no dot", "", nil},
		{"address with a space", []string{"account", "you@exa mple.com"}, "space", "", nil},
		{"mixed-script domain", []string{"account", "you@аpple.com"}, "mixes Cyrillic and Latin", "", nil},
		{"nothing before @", []string{"account", "@qq.com"}, "nothing before the @", "", nil},
		{"unknown provider", []string{"provider", "nosuchmail"}, "unknown provider", "", nil},
		{"bad batch concurrency", []string{"batch", "-", "-c", "0"}, "--concurrency", "", nil},
		{"explain empty", []string{"explain", "  "}, "empty", "", nil},
		// A CR, LF or NUL in the login name or password would inject protocol commands.
		{"password with CR from stdin", []string{"probe", "smtp", "127.0.0.1:1", "--user", "u", "--password-stdin"},
			"the password contains a line break", "secret\rRSET\n", nil},
		{"password with LF from env", []string{"probe", "smtp", "127.0.0.1:1", "--user", "u", "--password-env", "PW"},
			"the password contains a line break", "", map[string]string{"PW": "secret\nQUIT"}},
		{"password with CRLF from MAILCHECK_PASSWORD", []string{"probe", "imap", "127.0.0.1:1", "--user", "u"},
			"the password contains a line break", "", map[string]string{"MAILCHECK_PASSWORD": "secret\r\na2 LOGOUT"}},
		{"password with NUL", []string{"probe", "pop3", "127.0.0.1:1", "--user", "u", "--password-stdin"},
			"the password contains a NUL", "sec\x00ret\n", nil},
		{"user with CRLF", []string{"probe", "smtp", "127.0.0.1:1", "--user", "u@x.test\r\nQUIT"}, "--user contains a line break", "", nil},
		{"user with LF", []string{"account", "you@qq.com", "--offline", "--user", "you\n"}, "--user contains a line break", "", nil},
		{"user with NUL", []string{"conform", "smtp", "127.0.0.1:1", "--user", "u\x00"}, "--user contains a NUL", "", nil},
		{"output in a missing directory", []string{"explain", "530 5.7.0 Must issue a STARTTLS command first", "--output", "/nonexistent/dir/r.html"},
			"--output", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, tt.stdin, tt.env, tt.args...)
			if code != ExitUsage {
				t.Errorf("exit = %d, want %d; stderr %q", code, ExitUsage, errs)
			}
			if !strings.Contains(errs, tt.want) {
				t.Errorf("stderr = %q, want it to contain %q", errs, tt.want)
			}
			if strings.Count(strings.TrimSpace(errs), "\n") > 0 || strings.Contains(errs, "goroutine") {
				t.Errorf("stderr is not one clear line: %q", errs)
			}
			if out != "" {
				t.Errorf("stdout = %q, want nothing", out)
			}
		})
	}
}

// startScenario starts a lab scenario's server and writes the test CA to a file.
func startScenario(t *testing.T, name string) (*testservers.Server, string) {
	t.Helper()
	ca, caFile := testCA(t)
	sc, ok := testservers.ScenarioByName(name)
	if !ok {
		t.Fatalf("no scenario %s", name)
	}
	srv := testservers.StartT(t, sc.Config, ca)
	return srv, caFile
}

func TestProbeExitCodes(t *testing.T) {
	srv, caFile := startScenario(t, "healthy-smtps")
	addr := "localhost:" + itoa(srv.Port)
	code, out, errs := run(t, "secret-pass\n", nil, "probe", "smtp", addr, "--security", "tls", "--ca-file", caFile,
		"--user", "user@mail.test", "--password-stdin")
	if code != ExitOK {
		t.Fatalf("healthy probe exit = %d, want 0\n%s%s", code, out, errs)
	}
	if !strings.Contains(out, "logged in as user@mail.test") {
		t.Errorf("output lacks the login:\n%s", out)
	}
	if strings.Contains(out, "secret-pass") {
		t.Errorf("password in output")
	}
	// The same server without its CA: untrusted certificate, exit 1.
	code, out, _ = run(t, "", nil, "probe", "smtp", addr, "--security", "tls", "--format", "json")
	if code != ExitFindings {
		t.Fatalf("untrusted probe exit = %d, want 1\n%s", code, out)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("JSON: %v\n%s", err, out)
	}
	if rep["schema"] != "mailcheck/v1" {
		t.Errorf("schema = %v", rep["schema"])
	}
	codes := checkReportJSON(t, rep)
	if !contains(codes, "tls.cert-untrusted") {
		t.Errorf("codes = %v, want tls.cert-untrusted", codes)
	}
	// --insecure goes on past the certificate, loudly.
	code, out, errs = run(t, "", nil, "probe", "smtp", addr, "--security", "tls", "--insecure")
	if !strings.Contains(errs, "WARNING: --insecure") {
		t.Errorf("no --insecure warning on stderr: %q", errs)
	}
	if code != ExitFindings || !strings.Contains(out, "tls.cert-untrusted") {
		t.Errorf("insecure probe exit %d, output:\n%s", code, out)
	}
}

// checkReportJSON holds a decoded JSON report to the CLI.md contract (reportJSONProblems) and
// returns its finding codes.
func checkReportJSON(t *testing.T, rep map[string]any) []string {
	t.Helper()
	codes, problems := reportJSONProblems(rep)
	for _, p := range problems {
		t.Error(p)
	}
	return codes
}

// reportJSONProblems checks that every finding object, wherever it is, has a non-empty code,
// severity, title, explanation, fix and evidence, and that every step (of an endpoint, its
// works_with probe or discovery) has name, status, duration_ms and a transcript array, empty or
// not. It returns the finding codes and what is wrong; a report without findings or steps is
// wrong too, since then nothing was checked.
func reportJSONProblems(rep map[string]any) (codes, problems []string) {
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	array := func(path string, v any) []any {
		a, ok := v.([]any)
		if !ok && v != nil {
			bad("%s is %T, want an array", path, v)
		}
		return a
	}
	steps := 0
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				switch k {
				case "findings":
					for i, f := range array(path+".findings", x) {
						p := fmt.Sprintf("%s.findings[%d]", path, i)
						obj, ok := f.(map[string]any)
						if !ok {
							bad("%s is %T, want an object", p, f)
							continue
						}
						for _, key := range []string{"code", "severity", "title", "explanation", "fix", "evidence"} {
							if s, _ := obj[key].(string); s == "" {
								bad("%s (%v): %q is missing or empty", p, obj["code"], key)
							}
						}
						if c, ok := obj["code"].(string); ok {
							codes = append(codes, c)
						}
					}
				case "steps", "discovery":
					for i, st := range array(path+"."+k, x) {
						p := fmt.Sprintf("%s.%s[%d]", path, k, i)
						obj, ok := st.(map[string]any)
						if !ok {
							bad("%s is %T, want an object", p, st)
							continue
						}
						steps++
						for _, key := range []string{"name", "status"} {
							if s, _ := obj[key].(string); s == "" {
								bad("%s (%v): %q is missing or empty", p, obj["name"], key)
							}
						}
						if _, ok := obj["duration_ms"].(float64); !ok {
							bad("%s (%v): duration_ms is missing or not a number: %v", p, obj["name"], obj["duration_ms"])
						}
						if tr, ok := obj["transcript"]; !ok {
							bad("%s (%v): no transcript key", p, obj["name"])
						} else if _, ok := tr.([]any); !ok {
							bad("%s (%v): transcript is %T, want an array", p, obj["name"], tr)
						}
					}
				}
				walk(path+"."+k, x)
			}
		case []any:
			for i, x := range v {
				walk(fmt.Sprintf("%s[%d]", path, i), x)
			}
		}
	}
	walk("$", rep)
	if len(codes) == 0 || steps == 0 {
		bad("the report has %d findings and %d steps: nothing to check", len(codes), steps)
	}
	sort.Strings(problems)
	return codes, problems
}

// TestReportJSONProblems: the contract check itself catches each missing key.
func TestReportJSONProblems(t *testing.T) {
	good := `{"results": [{"steps": [{"name": "connect", "status": "ok", "duration_ms": 0, "transcript": [],
	  "findings": [{"code": "a.b", "severity": "error", "title": "T", "explanation": "E", "fix": "F", "evidence": "V"}]}],
	  "works_with": {"steps": [{"name": "greeting", "status": "ok", "duration_ms": 1, "transcript": [{"dir": "server"}]}]}}],
	  "discovery": [{"name": "mx", "status": "skip", "duration_ms": 0, "transcript": []}], "findings": []}`
	decode := func(s string) map[string]any {
		var m map[string]any
		if err := json.Unmarshal([]byte(s), &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	if codes, problems := reportJSONProblems(decode(good)); len(problems) > 0 || len(codes) != 1 {
		t.Fatalf("good report: codes %v, problems %v", codes, problems)
	}
	for _, tt := range []struct{ from, to, want string }{
		{`"evidence": "V"`, `"evidence": ""`, `"evidence" is missing or empty`},
		{`, "fix": "F"`, ``, `"fix" is missing or empty`},
		{`"explanation": "E"`, `"explanation": null`, `"explanation" is missing or empty`},
		{`"title": "T", `, ``, `"title" is missing or empty`},
		{`"severity": "error"`, `"severity": ""`, `"severity" is missing or empty`},
		{`"duration_ms": 1, `, ``, `duration_ms is missing`},
		{`"transcript": [{"dir": "server"}]`, `"transcript": null`, `transcript is <nil>, want an array`},
		{`"skip", "duration_ms": 0, "transcript": []`, `"skip", "duration_ms": 0`, `(mx): no transcript key`},
		{`"status": "ok", "duration_ms": 0`, `"duration_ms": 0`, `(connect): "status" is missing or empty`},
		{`"name": "greeting", `, ``, `"name" is missing or empty`},
	} {
		broken := strings.Replace(good, tt.from, tt.to, 1)
		if broken == good {
			t.Fatalf("%q is not in the good report", tt.from)
		}
		_, problems := reportJSONProblems(decode(broken))
		if !strings.Contains(strings.Join(problems, "\n"), tt.want) {
			t.Errorf("%q → %q: problems %q, want %q", tt.from, tt.to, problems, tt.want)
		}
	}
}

func TestProbeTLSRequired(t *testing.T) {
	srv, _ := startScenario(t, "smtp-tls-required")
	addr := "localhost:" + itoa(srv.Port)
	code, out, _ := run(t, "", map[string]string{"MAILCHECK_PASSWORD": "secret-pass"},
		"probe", "smtp", addr, "--security", "plain", "--user", "user@mail.test")
	if code != ExitFindings {
		t.Fatalf("exit = %d, want 1\n%s", code, out)
	}
	for _, want := range []string{"tls.required", "530 5.7.0 Must issue a STARTTLS command first", "587 with STARTTLS", "465 with SSL/TLS", "SMTP authentication"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "secret-pass") {
		t.Error("password in output")
	}
	code, out, _ = run(t, "", nil, "probe", "smtp", addr, "--security", "plain", "--format", "json")
	if code != ExitFindings || !strings.Contains(out, `"code": "tls.required"`) || !strings.Contains(out, "587") {
		t.Errorf("JSON exit %d lacks tls.required with the 587/465 fix:\n%s", code, out)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("JSON: %v\n%s", err, out)
	}
	checkReportJSON(t, rep)
}

func TestLab(t *testing.T) {
	code, out, errs := run(t, "", nil, "lab")
	if code != ExitOK {
		t.Fatalf("lab exit = %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(out, "Every scenario produced exactly its expected findings") {
		t.Errorf("lab summary:\n%s", out)
	}
	code, out, _ = run(t, "", nil, "lab", "smtp-tls-required")
	if code != ExitFindings || !strings.Contains(out, "tls.required") {
		t.Errorf("lab smtp-tls-required exit %d:\n%s", code, out)
	}
	code, out, _ = run(t, "", nil, "lab", "list")
	if code != ExitOK || !strings.Contains(out, "healthy-smtps") {
		t.Errorf("lab list exit %d:\n%s", code, out)
	}
}
