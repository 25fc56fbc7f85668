package testservers

import (
	"bytes"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"strconv"
	"strings"
	"syscall"
	"testing"
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
	c.c.SetReadDeadline(time.Now().Add(2 * time.Second))
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
	c.c.SetReadDeadline(time.Now().Add(2 * time.Second))
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

func TestHugeLine(t *testing.T) {
	s := StartT(t, Config{Proto: "smtp", Faults: Faults{HugeLine: true}}, testCA(t))
	c := dial(t, s.Addr)
	c.c.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
	got, _ := io.ReadAll(c.r) // the server keeps the connection open: the deadline ends the read
	if len(got) != hugeLineSize || bytes.ContainsAny(got, "\r\n") {
		t.Errorf("read %d bytes (line end: %v), want %d without a line end", len(got), bytes.ContainsAny(got, "\r\n"), hugeLineSize)
	}
}

func TestDripGreeting(t *testing.T) {
	s := StartT(t, Config{Proto: "smtp", Faults: Faults{DripGreeting: true}}, testCA(t))
	c := dial(t, s.Addr)
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
	if d := time.Since(start); d < 2*dripInterval-50*time.Millisecond {
		t.Errorf("3 bytes took %v, want about %v", d, 2*dripInterval)
	}
	want(t, "dripped bytes", string(got), "220")
	c.c.Close()
	closed := make(chan struct{})
	go func() { s.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(2 * time.Second):
		t.Fatal("Close did not stop the drip")
	}
}

func TestEndlessMultiline(t *testing.T) {
	s := StartT(t, Config{Proto: "smtp", Faults: Faults{EndlessMultiline: true}}, testCA(t))
	c := dial(t, s.Addr)
	c.line()
	c.send("EHLO a")
	c.c.SetReadDeadline(time.Now().Add(10 * time.Second))
	n, err := io.Copy(io.Discard, c.r)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	if n < endlessLimit || n > endlessLimit+1<<20 {
		t.Errorf("read %d bytes, want about %d, then EOF", n, endlessLimit)
	}
}

func TestStallTLS(t *testing.T) {
	ca := testCA(t)
	s := StartT(t, Config{Proto: "smtp", Faults: Faults{ImplicitTLS: true, StallTLS: true}}, ca)
	c := dial(t, s.Addr)
	tc := tls.Client(c.c, tlsConfig(ca))
	tc.SetDeadline(time.Now().Add(300 * time.Millisecond))
	err := tc.Handshake()
	var ne net.Error
	if !errors.As(err, &ne) || !ne.Timeout() {
		t.Errorf("handshake error = %v, want a timeout", err)
	}
}

func TestGreetingDelayAndLatency(t *testing.T) {
	s := StartT(t, Config{Proto: "smtp", Faults: Faults{GreetingDelay: 150 * time.Millisecond}, Latency: 50 * time.Millisecond}, testCA(t))
	c := dial(t, s.Addr)
	start := time.Now()
	c.line()
	if d := time.Since(start); d < 200*time.Millisecond {
		t.Errorf("greeting after %v, want >= 200ms (delay + latency)", d)
	}
	start = time.Now()
	c.cmd("NOOP")
	if d := time.Since(start); d < 50*time.Millisecond {
		t.Errorf("NOOP reply after %v, want >= 50ms latency", d)
	}
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

// TestCloseWithOpenConns checks Close ends sessions that are blocked reading or sleeping.
func TestCloseWithOpenConns(t *testing.T) {
	ca := testCA(t)
	var servers []*Server
	for _, f := range []Faults{{}, {StallTLS: true}, {GreetingDelay: time.Hour}, {HugeLine: true}, {ImplicitTLS: true}} {
		s := StartT(t, Config{Proto: "pop3", Faults: f}, ca)
		dial(t, s.Addr)
		servers = append(servers, s)
	}
	time.Sleep(50 * time.Millisecond) // let the handlers block
	start := time.Now()
	for _, s := range servers {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		s.Close() // idempotent
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Close took %v", d)
	}
	if _, err := net.DialTimeout("tcp", servers[0].Addr, time.Second); err == nil {
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
