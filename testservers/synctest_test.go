package testservers

import (
	"bufio"
	"crypto/tls"
	"net"
	"testing"
	"testing/synctest"
	"time"
)

// TestServeConnSynctest shows the server works over net.Pipe inside a synctest bubble, as the
// prober's scenario tests use it: delays run on the fake clock and nothing deadlocks.
func TestServeConnSynctest(t *testing.T) {
	ca := testCA(t)
	synctest.Test(t, func(t *testing.T) {
		s, err := New(Config{Proto: "smtp", Faults: Faults{GreetingDelay: 2 * time.Second, InjectAfterSTARTTLS: []byte("250 injected\r\n")}, Latency: 100 * time.Millisecond}, ca)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		cc, sc := net.Pipe()
		go s.ServeConn(sc)
		c := &client{t: t, c: cc, r: bufio.NewReader(cc)}

		start := time.Now()
		want(t, "greeting", c.line(), greet)
		if d := time.Since(start); d != 2100*time.Millisecond {
			t.Errorf("greeting after %v, want exactly 2.1s of fake time", d)
		}
		c.cmd("EHLO client.test")
		want(t, "STARTTLS", c.line2("STARTTLS"), "220 2.0.0 Ready to start TLS")
		if c.r.Buffered() == 0 {
			t.Fatalf("the injected bytes did not arrive with the ready reply")
		}
		want(t, "injected", c.line(), "250 injected")
		c.upgrade(ca)
		want(t, "EHLO in TLS", c.cmd("EHLO client.test")[:32], "250-mail.test Hello client.test|")
		want(t, "QUIT", c.cmd("QUIT"), "221 2.0.0 Bye")
		if s.Conns() != 1 || s.Commands() != 4 {
			t.Errorf("Conns, Commands = %d, %d; want 1, 4", s.Conns(), s.Commands())
		}
	})
}

// TestImplicitTLSSynctest runs an implicit-TLS POP3 session over net.Pipe in a bubble.
func TestImplicitTLSSynctest(t *testing.T) {
	ca := testCA(t)
	synctest.Test(t, func(t *testing.T) {
		s, err := New(Config{Proto: "pop3", Faults: Faults{ImplicitTLS: true}}, ca)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		cc, sc := net.Pipe()
		go s.ServeConn(sc)
		tc := tls.Client(cc, tlsConfig(ca))
		c := &client{t: t, c: tc, r: bufio.NewReader(tc)}
		wantPrefix(t, "greeting", c.line(), "+OK POP3 server ready <")
		want(t, "USER", c.cmd("USER "+DefaultUser), "+OK")
		want(t, "PASS", c.cmd("PASS "+DefaultPassword), "+OK Logged in.")
	})
}

// line2 sends a line and reads one line back.
func (c *client) line2(send string) string {
	c.t.Helper()
	c.send(send)
	return c.line()
}
