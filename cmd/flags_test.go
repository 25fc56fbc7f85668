package cmd

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputCheckedFirst: an --output that cannot be created fails first, as bad usage,
// before any connection: the server counts the connections it accepted, and must see none (no
// wall-clock bound: the count is the proof).
func TestOutputCheckedFirst(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	accepted := make(chan int)
	go func() {
		n := 0
		for {
			c, err := ln.Accept()
			if err != nil {
				accepted <- n
				return
			}
			n++
			defer c.Close()
		}
	}()
	port := ln.Addr().(*net.TCPAddr).Port
	for _, bad := range []string{"/nonexistent/dir/r.html", t.TempDir()} { // a missing directory; a directory
		code, out, errs := run(t, "", nil, "probe", "smtp", fmt.Sprintf("127.0.0.1:%d", port), "--security", "plain",
			"--timeout", "1s", "--output", bad)
		if code != ExitUsage || !strings.Contains(errs, "--output") || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
			t.Errorf("--output %s: exit %d, stderr %q; want 2 and one --output line", bad, code, errs)
		}
		if out != "" {
			t.Errorf("--output %s: stdout %q", bad, out)
		}
	}
	ln.Close()
	if n := <-accepted; n != 0 {
		t.Errorf("the probe connected %d time(s) before refusing --output", n)
	}
}

// TestOutputFile: the report goes to --output; a run that ends before writing one leaves no
// new file behind and an existing file untouched.
func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "r.md")
	code, out, errs := run(t, "", nil, "explain", "530 5.7.0 Must issue a STARTTLS command first", "--format", "markdown", "--output", file)
	if code != ExitFindings || out != "" || !strings.Contains(errs, "report written to "+file) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if b, err := os.ReadFile(file); err != nil || !strings.Contains(string(b), "tls.required") {
		t.Errorf("report file: %v\n%s", err, b)
	}
	// Bad input after the flags were checked: no empty file left behind.
	fresh := filepath.Join(dir, "fresh.html")
	if code, _, errs := run(t, "", nil, "probe", "smtp", "smtp qq.com", "--output", fresh); code != ExitUsage {
		t.Fatalf("bad host: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(fresh); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a run that wrote no report left %s behind (%v)", fresh, err)
	}
	// An existing file is not truncated by a run that writes no report.
	old := filepath.Join(dir, "old.html")
	if err := os.WriteFile(old, []byte("yesterday's report"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "", nil, "probe", "smtp", "smtp qq.com", "--output", old); code != ExitUsage {
		t.Fatalf("bad host: exit %d, %q", code, errs)
	}
	if b, _ := os.ReadFile(old); string(b) != "yesterday's report" {
		t.Errorf("existing file changed to %q", b)
	}
}

// TestPasswordPromptLineBreak: a password typed at the prompt is held to the same rule as the
// other sources.
func TestPasswordPromptLineBreak(t *testing.T) {
	for _, pw := range []string{"sec\rret", "sec\x00ret"} {
		io_, out, errb := TestIO("", nil)
		io_.InTTY = true
		io_.ReadPassword = func() ([]byte, error) { return []byte(pw), nil }
		code := Run(context.Background(), []string{"probe", "smtp", "127.0.0.1:1", "--user", "u"}, io_)
		errs := errb.String()
		if code != ExitUsage || !strings.Contains(errs, "mailcheck: the password contains a") {
			t.Errorf("prompt %q: exit %d, stderr %q", pw, code, errs)
		}
		if out.Len() > 0 || strings.Contains(errs, "sec") {
			t.Errorf("prompt %q: stdout %q, stderr %q (the password must not be echoed)", pw, out, errs)
		}
	}
}

// TestLabServeInterrupted: Ctrl-C is the only way out of lab serve, and an interrupted run
// exits 130.
func TestLabServeInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	io_, out, errb := TestIO("", nil)
	if code := Run(ctx, []string{"lab", "serve"}, io_); code != ExitInterrupted {
		t.Errorf("lab serve interrupted: exit %d, want %d\n%s%s", code, ExitInterrupted, out, errb)
	}
	if !strings.Contains(errb.String(), "mailcheck: interrupted") || !strings.Contains(out.String(), "Press Ctrl-C to stop") {
		t.Errorf("stdout %q, stderr %q", out, errb)
	}
}

// TestExitCode: an interrupted run is 130 whatever the command returned on the way out.
func TestExitCode(t *testing.T) {
	done, cancel := context.WithCancel(context.Background())
	cancel()
	bg := context.Background()
	for _, tt := range []struct {
		ctx  context.Context
		err  error
		want int
	}{
		{bg, nil, ExitOK},
		{bg, errFindings, ExitFindings},
		{bg, fmt.Errorf("writing: %w", errFindings), ExitFindings},
		{bg, usagef("bad"), ExitUsage},
		{bg, errors.New("other"), ExitUsage},
		{bg, fmt.Errorf("probe: %w", context.Canceled), ExitInterrupted},
		{done, done.Err(), ExitInterrupted},
		{done, errFindings, ExitInterrupted},
		{done, usagef("bad"), ExitInterrupted},
	} {
		if got := exitCode(tt.ctx, tt.err); got != tt.want {
			t.Errorf("exitCode(ctx err %v, %v) = %d, want %d", tt.ctx.Err(), tt.err, got, tt.want)
		}
	}
}
