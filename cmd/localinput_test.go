package cmd

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/mailcheck/mailcheck/providers"
	"github.com/mailcheck/mailcheck/testservers"
)

// TestLocalInputCaps: --ca-file and --providers read at most their cap, from a device that
// never ends or a file that is too big, and exit 2 saying so.
func TestLocalInputCaps(t *testing.T) {
	sparse := func(size int64) string { // refused from its size, never read
		p := filepath.Join(t.TempDir(), "big")
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big, bigp := sparse(maxCAFile+1), sparse(providers.MaxFile+1)
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"ca-file-big", []string{"probe", "smtp", "127.0.0.1:1", "--ca-file", big}, "--ca-file " + big + ": file too large: 4194305 bytes, more than 4 MiB"},
		{"providers-big", []string{"providers", "--providers", bigp}, "--providers " + bigp + ": file too large: 8388609 bytes, more than 8 MiB"},
	}
	if runtime.GOOS == "linux" {
		cases = append(cases,
			struct {
				name string
				args []string
				want string
			}{"ca-file-dev-zero", []string{"probe", "smtp", "127.0.0.1:1", "--ca-file", "/dev/zero"}, "--ca-file /dev/zero: file too large: more than 4 MiB"},
			struct {
				name string
				args []string
				want string
			}{"providers-dev-zero", []string{"providers", "--providers", "/dev/zero"}, "--providers /dev/zero: file too large: more than 8 MiB"},
		)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := run(t, "", nil, tc.args...)
			if code != ExitUsage || !strings.Contains(errs, tc.want) || strings.Count(errs, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, tc.want)
			}
		})
	}
}

// TestLocalInputInterrupt: a --ca-file or --providers FIFO nobody writes to (open blocks) or
// that never ends (read blocks) gives way to an interrupt: exit 130, not a hang.
func TestLocalInputInterrupt(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("mkfifo")
	}
	for _, tc := range []struct {
		name   string
		writer bool // someone holds the FIFO open for writing and never writes
		args   func(fifo string) []string
	}{
		{"ca-file-open-blocks", false, func(p string) []string { return []string{"probe", "smtp", "127.0.0.1:1", "--ca-file", p} }},
		{"ca-file-read-blocks", true, func(p string) []string { return []string{"probe", "smtp", "127.0.0.1:1", "--ca-file", p} }},
		{"providers-read-blocks", true, func(p string) []string { return []string{"providers", "--providers", p} }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fifo := filepath.Join(t.TempDir(), "fifo")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Skip(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			io_, _, errb := TestIO("", nil)
			done := make(chan int)
			go func() { done <- Run(ctx, tc.args(fifo), io_) }()
			if tc.writer {
				w, err := os.OpenFile(fifo, os.O_WRONLY, 0) // returns once the command has opened it
				if err != nil {
					t.Fatal(err)
				}
				defer w.Close()
			}
			cancel()
			if code := <-done; code != ExitInterrupted {
				t.Errorf("exit %d, want %d; stderr %q", code, ExitInterrupted, errb.String())
			}
		})
	}
}

// TestProvidersFileSummary: thousands of duplicate names make a short list and a count, and
// the control characters in the names never reach the terminal raw.
func TestProvidersFileSummary(t *testing.T) {
	type ep struct {
		Proto    string `json:"proto"`
		Host     string `json:"host"`
		Port     int    `json:"port"`
		Security string `json:"security"`
	}
	type entry struct {
		Key       string            `json:"key"`
		Name      map[string]string `json:"name"`
		Status    string            `json:"status"`
		Username  string            `json:"username"`
		Auth      string            `json:"auth"`
		Domains   []string          `json:"domains"`
		Endpoints []ep              `json:"endpoints"`
	}
	const n = 3000
	var list []entry
	for i := range n {
		list = append(list, entry{Key: fmt.Sprintf("dup%d", i), Name: map[string]string{"en": "Same\x1b]0;pwned\x07\u202eName\x9b"},
			Status: "active", Username: "address", Auth: "password", Domains: []string{fmt.Sprintf("d%d.example", i)},
			Endpoints: []ep{{"smtp", fmt.Sprintf("smtp.d%d.example", i), 465, "tls"}}})
	}
	b, err := json.Marshal(map[string]any{"version": 1, "providers": list})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "dups.json")
	if err := writeFile(file, b); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"providers"}, {"provider", "qq", "--offline"}} {
		code, _, errs := run(t, "", nil, append(args, "--providers", file)...)
		if code != ExitUsage {
			t.Fatalf("%v: exit %d", args, code)
		}
		if lines := strings.Count(errs, "\n"); lines > providers.MaxListedErrors+2 {
			t.Errorf("%v: %d lines on stderr, want at most %d", args, lines, providers.MaxListedErrors+2)
		}
		if want := fmt.Sprintf("and %d more problems", n-1-providers.MaxListedErrors); !strings.Contains(errs, want) {
			t.Errorf("%v: stderr lacks %q:\n%s", args, want, errs)
		}
		if strings.ContainsAny(errs, "\x1b\x07\u202e\u009b") {
			t.Errorf("%v: raw control characters on stderr: %q", args, errs)
		}
	}
}

// TestPasswordStdinPipe: the password is the first line of standard input, read without
// waiting for the end of a pipe that stays open, and a pipe that sends nothing gives way to
// an interrupt.
func TestPasswordStdinPipe(t *testing.T) {
	srv, caFile := startScenario(t, "healthy-smtps")
	args := []string{"probe", "smtp", "127.0.0.1:" + itoa(srv.Port), "--security", "tls", "--ca-file", caFile,
		"--user", testservers.DefaultUser, "--password-stdin", "--format", "json"}
	for _, tc := range []struct {
		name  string
		write string // written to the pipe, which then stays open until the command ends
		want  int
	}{
		{"first-line-then-open", testservers.DefaultPassword + "\nmore that never ends", ExitOK},
		{"nothing", "", ExitInterrupted},
		{"no-line-end-yet", testservers.DefaultPassword, ExitInterrupted},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pr, pw := io.Pipe()
			defer pw.Close()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			io_, out, errb := TestIO("", nil)
			io_.In = pr
			done := make(chan int)
			go func() { done <- Run(ctx, args, io_) }()
			if tc.write != "" {
				if _, err := pw.Write([]byte(tc.write)); err != nil {
					t.Fatal(err)
				}
			}
			if tc.want == ExitInterrupted {
				cancel()
			}
			if code := <-done; code != tc.want {
				t.Errorf("exit %d, want %d; stderr %q", code, tc.want, errb.String())
			}
			if tc.want == ExitOK && !strings.Contains(out.String(), `"status": "ok"`) {
				t.Errorf("output: %.300s", out.String())
			}
		})
	}
}

// TestExplainStdinInterrupt: `explain -` on a pipe that sends nothing gives way to an
// interrupt, and one that never ends stops at its cap.
func TestExplainStdinInterrupt(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	io_, _, errb := TestIO("", nil)
	io_.In = pr
	done := make(chan int)
	go func() { done <- Run(ctx, []string{"explain", "-"}, io_) }()
	pw.Write([]byte("535 5.7.8 "))
	cancel()
	if code := <-done; code != ExitInterrupted {
		t.Errorf("exit %d, want %d; stderr %q", code, ExitInterrupted, errb.String())
	}
	io_, _, errb = TestIO("", nil)
	io_.In = endlessLines{}
	if code := Run(context.Background(), []string{"explain", "-"}, io_); code != ExitUsage || !strings.Contains(errb.String(), "larger than 4 MiB") {
		t.Errorf("endless stdin: exit %d, stderr %q", code, errb.String())
	}
}
