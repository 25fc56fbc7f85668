package cmd

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/testservers"
)

// TestOfflineTouchesNoNetwork: --offline asks no DNS question, even with a resolver given.
func TestOfflineTouchesNoNetwork(t *testing.T) {
	dns := testservers.StartDNST(t, testservers.Zone{A: map[string][]string{"imap.qq.com": {"127.0.0.1"}}})
	for _, args := range [][]string{
		{"provider", "qq", "--offline", "--resolver", dns.Addr},
		{"account", "you@qq.com", "--offline", "--resolver", dns.Addr},
		{"provider", "gmail", "--offline", "--resolver", dns.Addr, "--format", "html"},
	} {
		if code, out, errs := run(t, "", nil, args...); code != ExitOK {
			t.Errorf("%v: exit %d\n%s%s", args, code, out, errs)
		}
	}
	if n := dns.Queries(); n != 0 {
		t.Errorf("--offline sent %d DNS queries, want 0", n)
	}
}

// TestOfflineVerdict: an offline report checked nothing, so it says so (exit 0) instead of
// "no problems found", on the line after the command.
func TestOfflineVerdict(t *testing.T) {
	for _, tt := range []struct {
		args       []string
		title, say string
	}{
		{[]string{"provider", "qq", "--offline"}, "mailcheck provider qq",
			"– settings only — not checked live (run without --offline to test them)"},
		{[]string{"account", "you@qq.com", "--offline", "--lang", "zh"}, "mailcheck account you@qq.com",
			"– 仅显示设置，未实际检测（去掉 --offline 即可检测）"},
		{[]string{"provider", "qq", "--offline", "--format", "markdown"}, "# mailcheck provider qq",
			"**Verdict: ⏭️ settings only — not checked live (run without --offline to test them)**"},
	} {
		code, out, errs := run(t, "", nil, tt.args...)
		if code != ExitOK {
			t.Errorf("%v: exit %d\n%s", tt.args, code, errs)
		}
		if lines := strings.Split(out, "\n"); len(lines) < 3 || lines[0] != tt.title || !strings.Contains(out, tt.say) {
			t.Errorf("%v: want %q then %q:\n%s", tt.args, tt.title, tt.say, out)
		}
		if strings.Contains(out, "no problems found") || strings.Contains(out, "未发现问题") {
			t.Errorf("%v claims no problems:\n%s", tt.args, out)
		}
	}
}

// TestProgress: a terminal gets one updating status line per endpoint on stderr; a pipe or
// --quiet gets none.
func TestProgress(t *testing.T) {
	ca, caFile := testCA(t)
	srv := testservers.StartT(t, testservers.Config{Proto: "pop3", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	file := t.TempDir() + "/p.json"
	writeFile(file, []byte(`{"version": 1, "providers": [{"key": "acme", "name": {"en": "ACME", "zh": "ACME"},
  "domains": ["acme.test"], "endpoints": [{"proto": "pop3", "host": "localhost", "port": `+itoa(srv.Port)+`, "security": "tls"}],
  "username": "address", "auth": "password", "status": "active"}]}`))
	for _, tt := range []struct {
		tty, quiet bool
		want       bool
	}{{true, false, true}, {false, false, false}, {true, true, false}} {
		io_, _, errb := TestIO("", nil)
		io_.ErrTTY = tt.tty
		args := []string{"provider", "acme", "--providers", file, "--ca-file", caFile}
		if tt.quiet {
			args = append(args, "--quiet")
		}
		Run(t.Context(), args, io_)
		// From the start the line says how many endpoints run; each finished one follows; the
		// line is cleared before the report.
		got := strings.Contains(errb.String(), "[checking 1 endpoint, 0 s]") &&
			strings.Contains(errb.String(), "[1/1 done, 0 running, ") && strings.Contains(errb.String(), "] POP3 localhost:") &&
			strings.HasSuffix(errb.String(), "\r\033[K")
		if got != tt.want {
			t.Errorf("tty=%v quiet=%v: progress shown %v, want %v (stderr %q)", tt.tty, tt.quiet, got, tt.want, errb.String())
		}
		if !tt.want && bytes.Contains(errb.Bytes(), []byte("\r")) {
			t.Errorf("tty=%v quiet=%v: control characters on stderr: %q", tt.tty, tt.quiet, errb.String())
		}
	}
}

// TestAccountOfflineClosedProvider: account --offline says a closed provider is closed.
func TestAccountOfflineClosedProvider(t *testing.T) {
	code, out, _ := run(t, "", nil, "account", "someone@yahoo.com.cn", "--offline")
	if code != ExitFindings || !strings.Contains(out, "provider.closed") {
		t.Errorf("exit %d\n%s", code, out)
	}
}
