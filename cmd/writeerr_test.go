package cmd

import (
	"context"
	"errors"
	"os"
	"runtime"
	"strings"
	"testing"
)

// failWriter refuses every write, as a full disk does.
type failWriter struct{ n int }

var errDiskFull = errors.New("no space left on device (test)")

func (f *failWriter) Write(p []byte) (int, error) { f.n++; return 0, errDiskFull }

// writeCases are the commands that print something, each in every format it takes. stdin is
// fed to the command; every case also runs with a working writer, which must not exit 2, so
// the failing-writer run proves the write error (and not the input) made the exit status.
func writeCases(t *testing.T) []struct {
	name, stdin string
	args        []string
} {
	srv, caFile := startScenario(t, "healthy-smtps")
	ep := "smtps://127.0.0.1:" + itoa(srv.Port)
	type c = struct {
		name, stdin string
		args        []string
	}
	var cs []c
	for _, f := range []string{"table", "json", "markdown", "html"} {
		cs = append(cs,
			c{"explain-list-" + f, "", []string{"explain", "--list", "--format", f}},
			c{"explain-" + f, "", []string{"explain", "--format", f, "530 5.7.0 Must issue a STARTTLS command first"}},
			c{"providers-" + f, "", []string{"providers", "--format", f}},
			c{"provider-offline-" + f, "", []string{"provider", "qq", "--offline", "--format", f}},
			c{"probe-" + f, "", []string{"probe", "smtp", "127.0.0.1:" + itoa(srv.Port), "--security", "tls", "--ca-file", caFile, "--format", f}},
		)
	}
	for _, f := range []string{"table", "json"} {
		cs = append(cs, c{"batch-" + f, ep + "\n", []string{"batch", "-", "--ca-file", caFile, "--format", f, "--quiet"}})
	}
	return append(cs,
		c{"lab-list", "", []string{"lab", "list"}},
		c{"lab-one", "", []string{"lab", "healthy-smtps", "--format", "json"}},
		c{"help", "", []string{"--help"}},
		c{"version", "", []string{"--version"}},
	)
}

// TestWriteErrors: when standard output cannot be written, every command and format exits 2
// with a message that says so, instead of 0 and a report nobody will see.
func TestWriteErrors(t *testing.T) {
	for _, tc := range writeCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, tc.stdin, nil, tc.args...)
			if code == ExitUsage || out == "" {
				t.Fatalf("with a working output: exit %d, %d bytes out\n%s", code, len(out), errs)
			}
			io_, _, errb := TestIO(tc.stdin, nil)
			fw := &failWriter{}
			io_.Out = fw
			code = Run(context.Background(), tc.args, io_)
			if code != ExitUsage {
				t.Errorf("exit %d with a failing output, want %d; stderr %q", code, ExitUsage, errb.String())
			}
			if fw.n == 0 {
				t.Errorf("nothing was written")
			}
			if msg := errb.String(); !strings.Contains(msg, "no space left on device (test)") || strings.Contains(msg, "report written") {
				t.Errorf("stderr = %q, want the write error", msg)
			}
		})
	}
}

// TestWriteErrorsDevFull: the real thing on Linux, --output /dev/full and stdout on /dev/full.
func TestWriteErrorsDevFull(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/dev/full is Linux's")
	}
	for _, args := range [][]string{
		{"explain", "--list"},
		{"providers"},
		{"provider", "qq", "--offline", "--format", "markdown"},
		{"lab", "list"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, _, errs := run(t, "", nil, append(args, "--output", "/dev/full")...)
			if code != ExitUsage || !strings.Contains(errs, "/dev/full") || strings.Contains(errs, "report written") {
				t.Errorf("--output /dev/full: exit %d, stderr %q", code, errs)
			}
			full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
			if err != nil {
				t.Skip(err)
			}
			defer full.Close()
			io_, _, errb := TestIO("", nil)
			io_.Out = full
			if code := Run(context.Background(), args, io_); code != ExitUsage || !strings.Contains(errb.String(), "no space left") {
				t.Errorf("> /dev/full: exit %d, stderr %q", code, errb.String())
			}
		})
	}
}

// endlessLines is a target list that never ends.
type endlessLines struct{}

func (endlessLines) Read(p []byte) (int, error) {
	const line = "not-a-target://\n"
	for i := range p {
		p[i] = line[i%len(line)] // a short read may cut a line: the next read starts a new one
	}
	return len(p), nil
}

// TestBatchStopsOnWriteError: a batch whose output fails stops reading and probing (an
// endless target list ends) and exits 2 with the write error.
func TestBatchStopsOnWriteError(t *testing.T) {
	io_, _, errb := TestIO("", nil)
	io_.In = endlessLines{}
	io_.Out = &failWriter{}
	if code := Run(context.Background(), []string{"batch", "-", "--quiet"}, io_); code != ExitUsage ||
		!strings.Contains(errb.String(), "writing results") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}

// TestLabServeWriteError: `lab serve` whose port list cannot be written ends at once (exit 2)
// instead of serving servers nobody can find.
func TestLabServeWriteError(t *testing.T) {
	io_, _, errb := TestIO("", nil)
	io_.Out = &failWriter{}
	if code := Run(context.Background(), []string{"lab", "serve"}, io_); code != ExitUsage || !strings.Contains(errb.String(), "writing the output to standard output") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}
