package cmd

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/testservers"
)

// TestDeadlineEveryCommand: --deadline is the one flag of account and batch, and provider,
// probe and conform take it too. Against a tarpit that would hold every step for its full
// --timeout 1h, each command ends at its deadline with run.deadline (exit 1) and no server
// timeout; a deadline that is not positive is a usage error. Wherever the deadline falls
// (connect, handshake, greeting), the finding is the same, so load does not matter.
func TestDeadlineEveryCommand(t *testing.T) {
	ca, caFile := testCA(t)
	tarpit := testservers.StartT(t, testservers.Config{Proto: "imap", Faults: testservers.Faults{ImplicitTLS: true, GreetingDelay: time.Hour}}, ca)
	file := t.TempDir() + "/providers.json"
	if err := writeFile(file, fmt.Appendf(nil, `{"version": 1, "providers": [{
  "key": "acme", "name": {"en": "ACME Mail", "zh": "ACME 邮箱"}, "domains": ["acme.test"],
  "endpoints": [{"proto": "imap", "host": "127.0.0.1", "port": %d, "security": "tls"}],
  "username": "address", "auth": "password", "status": "active", "verified": "2026-12-04",
  "sources": ["test"], "confidence": "A"}]}`, tarpit.Port)); err != nil {
		t.Fatal(err)
	}
	target := fmt.Sprintf("127.0.0.1:%d", tarpit.Port)
	tests := []struct {
		name string
		args []string
	}{
		{"probe", []string{"probe", "imap", target, "--security", "tls"}},
		{"conform", []string{"conform", "imap", target, "--security", "tls"}},
		{"provider", []string{"provider", "acme", "--providers", file}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, bad := range []string{"0s", "-1s"} {
				if code, _, errs := run(t, "", nil, append(tt.args, "--deadline", bad)...); code != ExitUsage || !strings.Contains(errs, "--deadline") {
					t.Errorf("--deadline %s: exit %d, %q; want 2 naming --deadline", bad, code, errs)
				}
			}
			start := time.Now()
			code, out, errs := run(t, "", nil, append(tt.args, "--ca-file", caFile, "--format", "json", "--timeout", "1h", "--deadline", "1s")...)
			if code != ExitFindings {
				t.Fatalf("exit %d, want 1\n%s%s", code, errs, out)
			}
			if c := parseReport(t, out).codes(); !contains(c, "run.deadline") || contains(c, "server.greeting-timeout") || contains(c, "tls.handshake-failed") {
				t.Errorf("codes %v, want run.deadline and no server fault", c)
			}
			// Generous: the point is that --timeout 1h did not apply.
			if d := time.Since(start); d > time.Minute {
				t.Errorf("took %s", d)
			}
		})
	}
	// The flag is defined once: the same help text shape on every command that has it.
	for _, c := range []string{"probe", "conform", "provider", "account", "batch"} {
		code, out, _ := run(t, "", nil, c, "--help")
		if code != ExitOK || !strings.Contains(out, "--deadline duration") || !strings.Contains(out, "(default 5m0s)") {
			t.Errorf("%s --help (exit %d) does not show --deadline with its 5m default", c, code)
		}
	}
}
