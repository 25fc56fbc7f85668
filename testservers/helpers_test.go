package testservers

import (
	"bufio"
	"context"
	"crypto/tls"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	testCAOnce sync.Once
	testCAVal  *CA
)

// testCA is one CA for the whole test binary, as the prober tests will use it.
func testCA(t testing.TB) *CA {
	t.Helper()
	testCAOnce.Do(func() {
		var err error
		if testCAVal, err = NewCA(); err != nil {
			panic(err)
		}
	})
	return testCAVal
}

// client is a raw line client for asserting exact server bytes.
type client struct {
	t testing.TB
	c net.Conn
	r *bufio.Reader
}

func dial(t testing.TB, addr string) *client {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		t.Fatalf("dial %s: %v", addr, err)
	}
	t.Cleanup(func() { c.Close() })
	return &client{t: t, c: c, r: bufio.NewReader(c)}
}

// newT is New for tests, closed in t.Cleanup. Inside a testing/synctest bubble (where the
// cleanups run too) the server runs on the bubble's fake clock.
func newT(t testing.TB, cfg Config, ca *CA) *Server {
	t.Helper()
	s, err := New(cfg, ca)
	if err != nil {
		t.Fatalf("New(%s): %v", cfg.Proto, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// dialPipe connects to s over a Pipe (s.DialContext) instead of the network.
func dialPipe(t testing.TB, s *Server) *client {
	t.Helper()
	c, err := s.DialContext(context.Background(), "tcp", "127.0.0.1:25")
	if err != nil {
		t.Fatalf("DialContext: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	return &client{t: t, c: c, r: bufio.NewReader(c)}
}

func tlsConfig(ca *CA) *tls.Config {
	return &tls.Config{RootCAs: ca.RootCAs(), ServerName: "mail.test"}
}

func dialTLS(t testing.TB, addr string, ca *CA) *client {
	t.Helper()
	c := dial(t, addr)
	c.upgrade(ca)
	return c
}

func (c *client) upgrade(ca *CA) {
	c.t.Helper()
	if n := c.r.Buffered(); n > 0 {
		b, _ := c.r.Peek(n)
		c.t.Fatalf("%d plaintext bytes buffered before TLS: %q", n, b)
	}
	tc := tls.Client(c.c, tlsConfig(ca))
	tc.SetDeadline(time.Now().Add(5 * time.Second))
	if err := tc.Handshake(); err != nil {
		c.t.Fatalf("TLS handshake: %v", err)
	}
	tc.SetDeadline(time.Time{})
	c.c, c.r = tc, bufio.NewReader(tc)
}

func (c *client) send(line string) {
	c.t.Helper()
	c.c.SetWriteDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.c.Write([]byte(line + "\r\n")); err != nil {
		c.t.Fatalf("send %q: %v", line, err)
	}
}

// line reads one line, without CRLF; it fails the test on error.
func (c *client) line() string {
	c.t.Helper()
	l, err := c.tryLine()
	if err != nil {
		c.t.Fatalf("read line: %v", err)
	}
	return l
}

func (c *client) tryLine() (string, error) {
	c.c.SetReadDeadline(time.Now().Add(5 * time.Second))
	l, err := c.r.ReadString('\n')
	if err != nil {
		return l, err
	}
	if !strings.HasSuffix(l, "\r\n") {
		c.t.Fatalf("line %q does not end in CRLF", l)
	}
	return strings.TrimSuffix(l, "\r\n"), nil
}

// reply reads one SMTP reply, all lines.
func (c *client) reply() []string {
	c.t.Helper()
	var lines []string
	for {
		l := c.line()
		lines = append(lines, l)
		if len(l) < 4 || l[3] != '-' {
			return lines
		}
	}
}

// cmd sends an SMTP command and returns its reply joined by "|".
func (c *client) cmd(line string) string {
	c.t.Helper()
	c.send(line)
	return strings.Join(c.reply(), "|")
}

// multi reads a POP3 multi-line body up to the lone dot, undoing dot-stuffing.
func (c *client) multi() []string {
	c.t.Helper()
	var out []string
	for {
		l := c.line()
		if l == "." {
			return out
		}
		out = append(out, strings.TrimPrefix(l, "."))
	}
}

// expectEOF checks the server closed the connection.
func (c *client) expectEOF() {
	c.t.Helper()
	if l, err := c.tryLine(); err == nil {
		c.t.Fatalf("got line %q, want the connection closed", l)
	}
}

func want(t testing.TB, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}

func wantPrefix(t testing.TB, what, got, prefix string) {
	t.Helper()
	if !strings.HasPrefix(got, prefix) {
		t.Errorf("%s = %q, want prefix %q", what, got, prefix)
	}
}
