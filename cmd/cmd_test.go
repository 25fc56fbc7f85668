package cmd

import (
	"context"
	"encoding/json"
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
		name string
		args []string
		want string
	}{
		{"unknown protocol", []string{"probe", "xmpp", "localhost"}, "unknown protocol"},
		{"port zero", []string{"probe", "smtp", "localhost:0"}, "out of range"},
		{"port too big", []string{"probe", "smtp", "localhost:70000"}, "out of range"},
		{"port not a number", []string{"probe", "smtp", "localhost:smtp"}, "not a number"},
		{"empty host", []string{"probe", "smtp", ""}, "empty host"},
		{"bad host chars", []string{"probe", "smtp", "smtp qq.com"}, "contains"},
		{"double dot", []string{"probe", "smtp", "smtp..qq.com"}, "empty label"},
		{"unclosed bracket", []string{"probe", "smtp", "[::1:25"}, "missing"},
		{"missing host", []string{"probe", "smtp"}, "needs a protocol and a host"},
		{"bad security", []string{"probe", "smtp", "localhost", "--security", "ssl3"}, "--security"},
		{"bad format", []string{"probe", "smtp", "localhost", "--format", "xml"}, "--format"},
		{"bad lang", []string{"probe", "smtp", "localhost", "--lang", "fr"}, "--lang"},
		{"bad timeout", []string{"probe", "smtp", "localhost", "--timeout", "-1s"}, "--timeout"},
		{"unknown flag", []string{"probe", "smtp", "localhost", "--password", "x"}, "unknown flag"},
		{"unreadable ca file", []string{"probe", "smtp", "localhost:1", "--ca-file", "/nonexistent/ca.pem"}, "--ca-file"},
		{"bad resolver", []string{"probe", "smtp", "localhost", "--resolver", "1.2.3.4:99999"}, "--resolver"},
		{"empty stdin password", []string{"probe", "smtp", "localhost:1", "--password-stdin"}, "standard input is empty"},
		{"both password sources", []string{"probe", "smtp", "localhost:1", "--password-stdin", "--password-env", "X"}, "cannot be used together"},
		{"unset password env", []string{"probe", "smtp", "localhost:1", "--password-env", "NOPE"}, "not set"},
		{"unknown lab scenario", []string{"lab", "no-such"}, "unknown lab scenario"},
		{"unknown command", []string{"frobnicate"}, "unknown command"},
		{"address with two @", []string{"account", "you@@qq.com"}, "2 @ signs"},
		{"address without domain dot", []string{"account", "you@qq"}, "no dot"},
		{"address with a space", []string{"account", "you@exa mple.com"}, "space"},
		{"mixed-script domain", []string{"account", "you@аpple.com"}, "mixes Cyrillic and Latin"},
		{"nothing before @", []string{"account", "@qq.com"}, "nothing before the @"},
		{"unknown provider", []string{"provider", "nosuchmail"}, "unknown provider"},
		{"bad batch concurrency", []string{"batch", "-", "-c", "0"}, "--concurrency"},
		{"explain empty", []string{"explain", "  "}, "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, "", nil, tt.args...)
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
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	sc, ok := testservers.ScenarioByName(name)
	if !ok {
		t.Fatalf("no scenario %s", name)
	}
	srv := testservers.StartT(t, sc.Config, ca)
	caFile := t.TempDir() + "/ca.pem"
	if err := writeFile(caFile, ca.PEM()); err != nil {
		t.Fatal(err)
	}
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
	var rep struct {
		Schema  string
		Results []struct {
			Steps []struct {
				Name       string
				Status     string
				DurationMS *int64 `json:"duration_ms"`
				Findings   []struct{ Code, Severity, Title, Explanation, Fix, Evidence string }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("JSON: %v\n%s", err, out)
	}
	if rep.Schema != "mailcheck/v1" {
		t.Errorf("schema = %q", rep.Schema)
	}
	var codes []string
	for _, s := range rep.Results[0].Steps {
		if s.DurationMS == nil {
			t.Errorf("step %s has no duration_ms", s.Name)
		}
		for _, f := range s.Findings {
			codes = append(codes, f.Code)
		}
	}
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

func TestProbeTLSRequired(t *testing.T) {
	srv, _ := startScenario(t, "smtp-tls-required")
	addr := "localhost:" + itoa(srv.Port)
	code, out, _ := run(t, "", map[string]string{"MAILCHECK_PASSWORD": "secret-pass"},
		"probe", "smtp", addr, "--security", "plain", "--user", "user@mail.test")
	if code != ExitFindings {
		t.Fatalf("exit = %d, want 1\n%s", code, out)
	}
	for _, want := range []string{"tls.required", "530 5.7.0 Must issue a STARTTLS command first", "587", "465"} {
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
