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

// TestProgress: a terminal gets one updating status line per endpoint on stderr; a pipe or
// --quiet gets none.
func TestProgress(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	srv := testservers.StartT(t, testservers.Config{Proto: "pop3", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	file := t.TempDir() + "/p.json"
	writeFile(file, []byte(`{"version": 1, "providers": [{"key": "acme", "name": {"en": "ACME", "zh": "ACME"},
  "domains": ["acme.test"], "endpoints": [{"proto": "pop3", "host": "localhost", "port": `+itoa(srv.Port)+`, "security": "tls"}],
  "username": "address", "auth": "password", "status": "active"}]}`))
	caFile := t.TempDir() + "/ca.pem"
	writeFile(caFile, ca.PEM())
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
		got := strings.Contains(errb.String(), "[1/1] POP3 localhost:")
		if got != tt.want {
			t.Errorf("tty=%v quiet=%v: progress shown %v, want %v (stderr %q)", tt.tty, tt.quiet, got, tt.want, errb.String())
		}
		if !tt.want && bytes.Contains(errb.Bytes(), []byte("\r")) {
			t.Errorf("tty=%v quiet=%v: control characters on stderr: %q", tt.tty, tt.quiet, errb.String())
		}
	}
}
