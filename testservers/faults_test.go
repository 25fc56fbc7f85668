package testservers

import (
	"bytes"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"testing/synctest"
	"time"
)

func TestBusyGreeting(t *testing.T) {
	for proto, w := range map[string]string{
		"smtp": "421 4.7.0 Too many connections, try again later",
		"pop3": "-ERR [SYS/TEMP] Too many connections",
		"imap": "* BYE Too many connections",
	} {
		s := StartT(t, Config{Proto: proto, Faults: Faults{BusyGreeting: true}}, testCA(t))
		c := dial(t, s.Addr)
		want(t, proto+" greeting", c.line(), w)
		c.expectEOF()
	}
}

func TestCloseAfterConnect(t *testing.T) {
	s := StartT(t, Config{Proto: "smtp", Faults: Faults{CloseAfterConnect: true}}, testCA(t))
	c := dial(t, s.Addr)
	c.c.SetReadDeadline(time.Now().Add(30 * time.Second)) // only bounds a hang
	if n, err := c.r.Read(make([]byte, 1)); err != io.EOF {
		t.Errorf("Read = %d, %v; want EOF", n, err)
	}
	if s.Conns() != 1 {
		t.Errorf("Conns() = %d, want 1", s.Conns())
	}
}

func TestResetMidReply(t *testing.T) {
	s := StartT(t, Config{Proto: "smtp", Faults: Faults{ResetMidReply: true}}, testCA(t))
	c := dial(t, s.Addr)
	c.c.SetReadDeadline(time.Now().Add(30 * time.Second)) // only bounds a hang
	got, err := io.ReadAll(c.r)
	if !errors.Is(err, syscall.ECONNRESET) {
		t.Errorf("read error = %v, want ECONNRESET", err)
	}
	if !strings.HasPrefix(greet, string(got)) || bytes.Contains(got, []byte("\n")) {
		t.Errorf("read %q before the reset, want a prefix of the greeting without line end", got)
	}
}

func TestGarbageGreeting(t *testing.T) {
	s := StartT(t, Config{Proto: "pop3", Faults: Faults{Garbage: true}}, testCA(t))
	c := dial(t, s.Addr)
	l := c.line()
	if !strings.Contains(l, "\x00") {
		t.Errorf("garbage greeting %q has no NUL byte", l)
	}
}

// The timed faults run in testing/synctest bubbles over Pipe: their delays and the clients'
// deadlines use the fake clock, so the durations below are exact, whatever the machine's load.

func TestHugeLine(t *testing.T) {
	ca := testCA(t)
	synctest.Test(t, func(t *testing.T) {
		c := dialPipe(t, newT(t, Config{Proto: "smtp", Faults: Faults{HugeLine: true}}, ca))
		c.c.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
		got, err := io.ReadAll(c.r) // the server keeps the connection open: the deadline ends the read
		if len(got) != hugeLineSize || bytes.ContainsAny(got, "\r\n") {
			t.Errorf("read %d bytes (line end: %v), want %d without a line end", len(got), bytes.ContainsAny(got, "\r\n"), hugeLineSize)
		}
		if !errors.Is(err, os.ErrDeadlineExceeded) {
			t.Errorf("read error = %v, want the deadline (the server holds the connection open)", err)
		}
	})
}

func TestDripGreeting(t *testing.T) {
	ca := testCA(t)
	synctest.Test(t, func(t *testing.T) {
		s := newT(t, Config{Proto: "smtp", Faults: Faults{DripGreeting: true}}, ca)
		c := dialPipe(t, s)
		start := time.Now()
		buf := make([]byte, 8)
		var got []byte
		for len(got) < 3 {
			c.c.SetReadDeadline(time.Now().Add(2 * time.Second))
			n, err := c.c.Read(buf)
			if err != nil {
				t.Fatal(err)
			}
			if n != 1 {
				t.Errorf("read %d bytes at once, want 1", n)
			}
			got = append(got, buf[:n]...)
		}
		if d := time.Since(start); d != 2*dripInterval {
			t.Errorf("3 bytes took %v, want %v (one byte per interval)", d, 2*dripInterval)
		}
		want(t, "dripped bytes", string(got), "220")
		// The drip is still going (the client stays connected); Close must end it at once,
		// not after the next interval or the rest of the greeting.
		start = time.Now()
		s.Close()
		if d := time.Since(start); d != 0 {
			t.Errorf("Close returned after %v of fake time, want at once", d)
		}
	})
}

func TestEndlessMultiline(t *testing.T) {
	ca := testCA(t)
	for _, tt := range []struct{ proto, cmd, first string }{
		{"smtp", "EHLO a", "250-mail.test Hello a"},
		{"pop3", "CAPA", "+OK Capability list follows"},
	} {
		t.Run(tt.proto, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				c := dialPipe(t, newT(t, Config{Proto: tt.proto, Faults: Faults{EndlessMultiline: true}}, ca))
				c.line()
				c.send(tt.cmd)
				c.c.SetReadDeadline(time.Now().Add(10 * time.Second))
				if l := c.line(); l != tt.first {
					t.Errorf("first line %q, want %q", l, tt.first)
				}
				rest, err := io.ReadAll(c.r)
				if err != nil {
					t.Fatalf("read: %v", err)
				}
				if n := len(rest); n < endlessLimit || n > endlessLimit+1<<20 {
					t.Errorf("read %d bytes, want about %d, then EOF", n, endlessLimit)
				}
				if bytes.Contains(rest, []byte("\r\n.\r\n")) || bytes.Contains(rest, []byte("\r\n250 ")) {
					t.Errorf("the endless response ends")
				}
			})
		})
	}
}

func TestStallTLS(t *testing.T) {
	ca := testCA(t)
	synctest.Test(t, func(t *testing.T) {
		c := dialPipe(t, newT(t, Config{Proto: "smtp", Faults: Faults{ImplicitTLS: true, StallTLS: true}}, ca))
		tc := tls.Client(c.c, tlsConfig(ca))
		tc.SetDeadline(time.Now().Add(300 * time.Millisecond))
		err := tc.Handshake()
		var ne net.Error
		if !errors.As(err, &ne) || !ne.Timeout() {
			t.Errorf("handshake error = %v, want a timeout", err)
		}
	})
}

func TestGreetingDelayAndLatency(t *testing.T) {
	ca := testCA(t)
	synctest.Test(t, func(t *testing.T) {
		c := dialPipe(t, newT(t, Config{Proto: "smtp", Faults: Faults{GreetingDelay: 150 * time.Millisecond}, Latency: 50 * time.Millisecond}, ca))
		start := time.Now()
		c.line()
		if d := time.Since(start); d != 200*time.Millisecond {
			t.Errorf("greeting after %v, want 200ms (delay + latency)", d)
		}
		start = time.Now()
		c.cmd("NOOP")
		if d := time.Since(start); d != 50*time.Millisecond {
			t.Errorf("NOOP reply after %v, want 50ms latency", d)
		}
	})
}

func TestInjectAfterSTARTTLS(t *testing.T) {
	for proto, cmd := range map[string]string{"smtp": "STARTTLS", "pop3": "STLS"} {
		s := StartT(t, Config{Proto: proto, Faults: Faults{InjectAfterSTARTTLS: []byte("250 injected\r\n")}}, testCA(t))
		c := dial(t, s.Addr)
		c.line()
		c.send(cmd)
		wantPrefix(t, proto+" ready reply", c.line(), map[string]string{"smtp": "220 ", "pop3": "+OK"}[proto])
		want(t, proto+" injected line", c.line(), "250 injected")
	}
}

// TestCloseWithOpenConns checks Close ends sessions that are blocked reading, writing or
// sleeping at once, not when their own timeouts (up to an hour here) run out.
func TestCloseWithOpenConns(t *testing.T) {
	ca := testCA(t)
	synctest.Test(t, func(t *testing.T) {
		var servers []*Server
		for _, f := range []Faults{{}, {StallTLS: true}, {GreetingDelay: time.Hour}, {HugeLine: true}, {ImplicitTLS: true}} {
			s := newT(t, Config{Proto: "pop3", Faults: f}, ca)
			dialPipe(t, s)
			servers = append(servers, s)
		}
		synctest.Wait() // every handler is blocked now
		start := time.Now()
		for _, s := range servers {
			if err := s.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
			s.Close() // idempotent
		}
		if d := time.Since(start); d != 0 {
			t.Errorf("Close took %v of fake time, want none: a handler waited out a timeout", d)
		}
	})

	// On a real listener too, Close with a client connected returns and stops listening.
	s := StartT(t, Config{Proto: "pop3"}, ca)
	dial(t, s.Addr).line()
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if _, err := net.DialTimeout("tcp", s.Addr, 10*time.Second); err == nil {
		t.Errorf("dial after Close succeeded")
	}
}

func TestStartErrors(t *testing.T) {
	for _, cfg := range []Config{{Proto: "gopher"}, {Proto: "imap", Faults: Faults{Cert: "bogus"}}, {Proto: "smtp", Faults: Faults{Cert: "bogus"}}} {
		if s, err := Start(cfg, testCA(t)); err == nil {
			s.Close()
			t.Errorf("Start(%+v) succeeded, want an error", cfg)
		}
	}
	s, err := Start(Config{Proto: "SMTP"}, nil) // nil CA: the server makes its own
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.CA() == nil || s.Proto != "smtp" || s.Host != "127.0.0.1" || s.Port == 0 || s.Addr != net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) {
		t.Errorf("server fields: %+v", s)
	}
}
