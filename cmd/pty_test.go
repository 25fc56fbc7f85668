package cmd

import (
	"bytes"
	"errors"
	"net"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestPTYHelperProcess is not a test: run by TestProgressOnPTY as a child process, it is the
// mailcheck binary (Main, with its own signal handling), on the pseudo-terminal it was given.
func TestPTYHelperProcess(t *testing.T) {
	if os.Getenv("MAILCHECK_PTY_HELPER") != "1" {
		t.Skip("run by TestProgressOnPTY")
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	os.Args = append([]string{"mailcheck"}, args...)
	os.Exit(Main())
}

// ptyRun starts mailcheck with args on a new pseudo-terminal (stdin, stdout and stderr), and
// collects everything it writes.
type ptyRun struct {
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  bytes.Buffer
	done chan struct{}
}

func startPTY(t *testing.T, args ...string) *ptyRun {
	t.Helper()
	c := exec.Command(os.Args[0], append([]string{"-test.run=^TestPTYHelperProcess$", "--"}, args...)...)
	c.Env = append(os.Environ(), "MAILCHECK_PTY_HELPER=1", "COLUMNS=80", "NO_COLOR=1", "LANG=C.UTF-8")
	f, err := pty.StartWithSize(c, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	r := &ptyRun{cmd: c, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		buf := make([]byte, 4096)
		for {
			n, err := f.Read(buf)
			r.mu.Lock()
			r.out.Write(buf[:n])
			r.mu.Unlock()
			if err != nil { // EIO once the child has exited and closed the terminal
				return
			}
		}
	}()
	t.Cleanup(func() {
		_ = c.Process.Kill()
		_ = f.Close()
	})
	return r
}

func (r *ptyRun) text() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.out.String()
}

// waitFor waits until the output contains s. The bound only keeps a broken run from hanging
// the suite; nothing is measured against it.
func (r *ptyRun) waitFor(t *testing.T, s string) {
	t.Helper()
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if strings.Contains(r.text(), s) {
			return
		}
	}
	t.Fatalf("never saw %q on the terminal:\n%q", s, r.text())
}

// wait waits for the child to exit and returns its status.
func (r *ptyRun) wait(t *testing.T) int {
	t.Helper()
	err := r.cmd.Wait()
	<-r.done
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0
}

// silentServer accepts connections on loopback and says nothing until closeAll.
type silentServer struct {
	ln    net.Listener
	mu    sync.Mutex
	conns []net.Conn
	seen  chan struct{}
}

func newSilentServer(t *testing.T) *silentServer {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &silentServer{ln: ln, seen: make(chan struct{}, 16)}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s.mu.Lock()
			s.conns = append(s.conns, c)
			s.mu.Unlock()
			s.seen <- struct{}{}
		}
	}()
	t.Cleanup(func() { ln.Close(); s.closeAll() })
	return s
}

func (s *silentServer) closeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.conns {
		c.Close()
	}
	s.conns = nil
}

// TestProgressOnPTY: on a real terminal, a silent server shows the live counter before
// anything else, the counter's line is cleared before the report starts, and Ctrl-C shows
// "canceled" (not a failure) and exits 130.
func TestProgressOnPTY(t *testing.T) {
	const clear = "\r\x1b[K"
	t.Run("report", func(t *testing.T) {
		srv := newSilentServer(t)
		r := startPTY(t, "probe", "smtp", srv.ln.Addr().String(), "--security", "plain", "--timeout", "5m")
		r.waitFor(t, "[checking 1 endpoint")
		<-srv.seen
		srv.closeAll() // the server hangs up: the probe ends with a report, not a timeout
		code := r.wait(t)
		out := r.text()
		head, report, ok := strings.Cut(out, "mailcheck probe smtp")
		if !ok || code != ExitFindings {
			t.Fatalf("exit %d, want %d, and a report:\n%q", code, ExitFindings, out)
		}
		if !strings.HasPrefix(head, clear+"[checking 1 endpoint") {
			t.Errorf("the counter is not the first thing on the terminal:\n%q", head)
		}
		if !strings.HasSuffix(head, clear) {
			t.Errorf("the counter's line is not cleared before the report:\n%q", head)
		}
		if strings.Contains(report, "[checking") || strings.Contains(report, "running,") {
			t.Errorf("the counter is drawn into the report:\n%q", report)
		}
	})
	for lang, canceled := range map[string]string{"en": ": canceled", "zh": ": 已取消"} {
		t.Run("ctrl-c-"+lang, func(t *testing.T) {
			srv := newSilentServer(t)
			r := startPTY(t, "probe", "smtp", srv.ln.Addr().String(), "--security", "plain", "--timeout", "5m", "--lang", lang)
			<-srv.seen
			r.waitFor(t, "[")
			if err := r.cmd.Process.Signal(syscall.SIGINT); err != nil {
				t.Fatal(err)
			}
			code := r.wait(t)
			out := r.text()
			if code != ExitInterrupted {
				t.Errorf("exit %d after SIGINT, want %d:\n%q", code, ExitInterrupted, out)
			}
			if !strings.Contains(out, "SMTP "+srv.ln.Addr().String()) || !strings.Contains(out, canceled) {
				t.Errorf("the endpoint is not shown as %q:\n%q", canceled, out)
			}
			for _, failed := range []string{": fail", ": FAIL", "：失败"} {
				if strings.Contains(out, failed) {
					t.Errorf("an interrupted probe is shown as failed:\n%q", out)
				}
			}
			if !strings.Contains(out, clear+"mailcheck: interrupted") {
				t.Errorf("the line is not cleared before 'interrupted':\n%q", out)
			}
		})
	}
}
