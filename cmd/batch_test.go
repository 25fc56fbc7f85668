package cmd

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/testservers"
)

func TestParseTarget(t *testing.T) {
	tests := []struct {
		in, proto, host, sec, address string
		port                          int
		wantErr                       bool
	}{
		{in: "smtps://mail.test", proto: "smtp", host: "mail.test", port: 465, sec: "tls"},
		{in: "submission://mail.test", proto: "smtp", host: "mail.test", port: 587, sec: "starttls"},
		{in: "smtp://mail.test:2525?security=plain", proto: "smtp", host: "mail.test", port: 2525, sec: "plain"},
		{in: "imaps://[::1]:9993", proto: "imap", host: "::1", port: 9993, sec: "tls"},
		{in: "pop3://127.0.0.1", proto: "pop3", host: "127.0.0.1", port: 110, sec: "starttls"},
		{in: "you@qq.com", address: "you@qq.com"},
		{in: "example.com", address: "postmaster@example.com"},
		{in: "gopher://x", wantErr: true},
		{in: "smtps://x:99999", wantErr: true},
		{in: "smtps://x?security=rot13", wantErr: true},
	}
	for _, tt := range tests {
		ep, addr, err := parseTarget(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("parseTarget(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if err != nil {
			continue
		}
		if tt.address != "" {
			if addr != tt.address || ep != nil {
				t.Errorf("parseTarget(%q) = %v, %q; want address %q", tt.in, ep, addr, tt.address)
			}
			continue
		}
		if ep == nil || string(ep.Proto) != tt.proto || ep.Host != tt.host || ep.Port != tt.port || string(ep.Security) != tt.sec {
			t.Errorf("parseTarget(%q) = %+v, want %s %s:%d %s", tt.in, ep, tt.proto, tt.host, tt.port, tt.sec)
		}
	}
}

// TestBatch streams JSON Lines for endpoints, an address found through loopback DNS and a bad
// line, and exits 1 because one target has an error-level finding.
func TestBatch(t *testing.T) {
	ca, caFile := testCA(t)
	smtps := testservers.StartT(t, testservers.Config{Proto: "smtp", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	imaps := testservers.StartT(t, testservers.Config{Proto: "imap", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	busy := testservers.StartT(t, testservers.Config{Proto: "pop3", Faults: testservers.Faults{BusyGreeting: true}}, ca)
	dns := testservers.StartDNST(t, testservers.Zone{
		A: map[string][]string{"mail.test": {"127.0.0.1"}},
		SRV: map[string][]testservers.SRV{
			"_submissions._tcp.mail.test": {{Target: "mail.test", Port: uint16(smtps.Port), Weight: 1}},
		},
	})
	input := fmt.Sprintf("# targets\nsmtps://localhost:%d\n\nimaps://127.0.0.1:%d\npop3://localhost:%d\ngopher://nope\nuser@mail.test\n",
		smtps.Port, imaps.Port, busy.Port)
	code, out, errs := run(t, input, nil, "batch", "-", "--ca-file", caFile, "--resolver", dns.Addr, "--timeout", "2s", "-c", "3",
		"--any-port") // the SRV target is a testserver on a random port
	if code != ExitFindings {
		t.Fatalf("exit = %d, want 1\n%s\n%s", code, out, errs)
	}
	got := batchJSON(t, out)
	if len(got) != 5 {
		t.Fatalf("%d JSON lines, want 5:\n%s", len(got), out)
	}
	if l := got[2]; l.Report == nil || l.Report.Status != "ok" {
		t.Errorf("smtps line: %+v", l)
	}
	if l := got[4]; l.Report == nil || l.Report.Status != "ok" {
		t.Errorf("imaps line: %+v", l)
	}
	if l := got[5]; l.Report == nil || !l.Report.Results[0].HasCode("server.busy") {
		t.Errorf("busy pop3 line: %+v", l)
	}
	if l := got[6]; l.Error == "" || !strings.Contains(l.Error, "unknown scheme") {
		t.Errorf("bad line: %+v", l)
	}
	if l := got[7]; l.Report == nil || len(l.Report.Results) != 1 || l.Report.Results[0].Endpoint.Source != "srv:_submissions._tcp" {
		t.Errorf("address line: %+v", l)
	}
	if !strings.Contains(errs, "5 targets") || !strings.Contains(errs, "server.busy") {
		t.Errorf("summary on stderr: %q", errs)
	}
	// A missing file is bad input.
	if code, _, errs := run(t, "", nil, "batch", "/nonexistent/targets.txt"); code != ExitUsage {
		t.Errorf("missing file: exit %d, %q", code, errs)
	}
}

// batchLine is one JSON Lines record as a script reads it.
type batchLine struct {
	Line   int            `json:"line"`
	Input  string         `json:"input"`
	Error  string         `json:"error"`
	Note   string         `json:"note"`
	Report *probes.Report `json:"report"`
}

// batchJSON decodes batch's JSON Lines by line number.
func batchJSON(t *testing.T, out string) map[int]batchLine {
	t.Helper()
	got := map[int]batchLine{}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l batchLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		got[l.Line] = l
	}
	return got
}

// TestBatchUnreadable: a file where no line is a target is bad input (exit 2, one line on
// stderr, the JSON lines still written); a file with some unreadable lines among good ones
// exits 1, and the summary counts them.
func TestBatchUnreadable(t *testing.T) {
	input := "# nothing here is a target\n\ngopher://nope\nsmtps://x:99999\n  \nsmtp://x?security=rot13\n"
	code, out, errs := run(t, input, nil, "batch", "-", "--timeout", "1s")
	if code != ExitUsage {
		t.Errorf("all lines unreadable: exit %d, want %d\n%s", code, ExitUsage, errs)
	}
	if strings.Count(strings.TrimSpace(errs), "\n") > 0 || !strings.Contains(errs, "none of the 3 target line(s) could be read") ||
		!strings.Contains(errs, `line 3 "gopher://nope"`) {
		t.Errorf("stderr is not one clear line: %q", errs)
	}
	got := batchJSON(t, out)
	if len(got) != 3 || got[3].Error == "" || got[4].Error == "" || got[6].Error == "" {
		t.Errorf("want an error record for lines 3, 4 and 6:\n%s", out)
	}

	ca, caFile := testCA(t)
	smtps := testservers.StartT(t, testservers.Config{Proto: "smtp", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	input = fmt.Sprintf("smtps://localhost:%d\ngopher://nope\n", smtps.Port)
	code, out, errs = run(t, input, nil, "batch", "-", "--ca-file", caFile, "--timeout", "2s")
	if code != ExitFindings {
		t.Errorf("one good, one unreadable line: exit %d, want %d\n%s\n%s", code, ExitFindings, out, errs)
	}
	got = batchJSON(t, out)
	if l := got[1]; l.Report == nil || l.Report.Status != "ok" {
		t.Errorf("good line: %+v", l)
	}
	if l := got[2]; l.Error == "" {
		t.Errorf("bad line: %+v", l)
	}
	if !strings.Contains(errs, "2 targets") || !strings.Contains(errs, "1 ok") || !strings.Contains(errs, "1 unreadable lines") {
		t.Errorf("summary: %q", errs)
	}
	// Only good lines: exit 0.
	if code, out, errs := run(t, input[:strings.Index(input, "\n")+1], nil, "batch", "-", "--ca-file", caFile); code != ExitOK {
		t.Errorf("good line only: exit %d\n%s\n%s", code, out, errs)
	}
}

// TestBatchNeverEchoesCredentials: batch never echoes credentials from a target URL.
func TestBatchNeverEchoesCredentials(t *testing.T) {
	code, out, errs := run(t, "imaps://alice:hunter2@127.0.0.1:1\n", nil, "batch", "-")
	if strings.Contains(out+errs, "hunter2") {
		t.Errorf("credentials echoed:\n%s%s", out, errs)
	}
	if code != ExitUsage || !strings.Contains(out, "credentials in the URL") {
		t.Errorf("exit %d, want 2 with the reason\n%s%s", code, out, errs)
	}
}

// TestBatchRefusesFormat: batch refuses a format it cannot write.
func TestBatchRefusesFormat(t *testing.T) {
	if code, _, errs := run(t, "", nil, "batch", "-", "--format", "html"); code != ExitUsage {
		t.Errorf("exit %d (%q), want 2", code, errs)
	}
}
