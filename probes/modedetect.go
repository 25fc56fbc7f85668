package probes

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"os"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// greetingSilence is how long a plaintext-first walk waits for the greeting before it checks,
// on a second connection, whether the port answers TLS instead. A client speaking plaintext to
// an implicit-TLS port (465/993/995) gets no greeting at all: without this it would wait out the
// whole --timeout before learning what a TLS handshake tells in milliseconds.
const greetingSilence = 2 * time.Second

// errTLSPort is the greeting step's error when the port answered a TLS handshake during the
// silence: a timeout (the greeting did not come), so the walk reports server.greeting-timeout,
// which Probe turns into port.expects-tls after its walk in implicit TLS confirms it.
var errTLSPort = findings.SayTLSPortSilent.Errorf(greetingSilence, os.ErrDeadlineExceeded)

// awaitGreeting starts a greeting step on a plaintext connection: it waits up to
// greetingSilence for the first byte and, if none came, asks the port for a TLS handshake on a
// second connection. A handshake ends the step at once (errTLSPort); anything else (a greeting,
// an error, or no TLS either) leaves the step to read the greeting within its own deadline, so a
// slow but plaintext server (a tarpit) is judged as before.
func (s *Session) awaitGreeting() error {
	if s.tls || s.opts.NoModeDetect || s.conn == nil || s.lr == nil || s.res.Addr == "" {
		return nil
	}
	silence := min(greetingSilence, s.stepTimeout()/2)
	wait := time.Now().Add(silence)
	if !wait.Before(s.stepDeadline) {
		return nil
	}
	s.conn.SetReadDeadline(wait)
	_, err := s.lr.br.Peek(1)
	if s.ctx.Err() != nil {
		return nil // canceled: setConn's AfterFunc has expired the deadline, the read fails at once
	}
	s.conn.SetReadDeadline(s.stepDeadline)
	if s.ctx.Err() != nil {
		s.conn.SetReadDeadline(time.Unix(1, 0)) // canceled while the deadline was being reset
		return nil
	}
	var ne net.Error
	if err == nil || !errors.As(err, &ne) || !ne.Timeout() {
		return nil
	}
	if s.tlsAnswers(silence) {
		s.note("no greeting after %s; a TLS handshake on a second connection to %s succeeded", silence, s.res.Addr)
		return errTLSPort
	}
	return nil
}

// tlsAnswers reports whether the endpoint's address completes a TLS handshake within wait,
// and before the step's deadline (so the step still ends on its own deadline, as without the
// check). Nothing is sent over it and nothing from it is trusted: the certificate is not
// checked here, because the walk in implicit TLS that follows checks it as always.
func (s *Session) tlsAnswers(wait time.Duration) bool {
	d := s.opts.Dialer
	if d == nil {
		d = &net.Dialer{}
	}
	end := time.Now().Add(wait)
	if !end.Before(s.stepDeadline) {
		end = s.stepDeadline.Add(-time.Millisecond)
	}
	ctx, cancel := context.WithDeadline(s.ctx, end)
	defer cancel()
	c, err := d.DialContext(ctx, "tcp", s.res.Addr)
	if err != nil {
		return false
	}
	defer c.Close()
	c.SetDeadline(end)
	tc := tls.Client(c, &tls.Config{ServerName: s.ep.Host, InsecureSkipVerify: true, MinVersion: tls.VersionTLS10}) //nolint:gosec // detection only, see above
	return tc.HandshakeContext(ctx) == nil
}
