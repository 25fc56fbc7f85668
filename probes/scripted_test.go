package probes_test

import (
	"bufio"
	"context"
	"net"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/testservers"
)

// script is a fake server for wire shapes our testservers deliberately do not produce: it
// writes the greeting, then hands each client line to answer, until answer says stop. It is
// the Dialer the probe is given, and serves each connection over an in-memory
// testservers.Pipe, so the tests that use it run inside a testing/synctest bubble.
type script struct {
	greeting string
	answer   func(line string, w net.Conn) bool
	wg       sync.WaitGroup
}

// scripted makes a script; t.Cleanup waits for its connections to end.
func scripted(t *testing.T, greeting string, answer func(line string, w net.Conn) bool) *script {
	t.Helper()
	s := &script{greeting: greeting, answer: answer}
	t.Cleanup(s.wait)
	return s
}

func (s *script) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	client, c := testservers.Pipe()
	s.wg.Go(func() {
		defer c.Close()
		c.SetDeadline(time.Now().Add(10 * time.Second))
		c.Write([]byte(s.greeting))
		r := bufio.NewReader(c)
		for {
			l, err := r.ReadString('\n')
			if err != nil || !s.answer(strings.TrimRight(l, "\r\n"), c) {
				return
			}
		}
	})
	return client, nil
}

// wait returns once every connection's handler is done: the probe closed its end, or answer
// ended the session. After it, what answer recorded is complete.
func (s *script) wait() { s.wg.Wait() }

// probeLocal probes the script on the usual port of the mode, without mode detection.
func probeLocal(d probes.Dialer, proto probes.Proto, sec probes.Security, o probes.Options) probes.Result {
	if o.Timeout == 0 {
		o.Timeout = time.Second
	}
	o.NoModeDetect = true
	o.Dialer = d
	return probes.Probe(context.Background(), probes.Endpoint{Proto: proto, Host: "127.0.0.1", Port: probes.DefaultPort(proto, sec), Security: sec}, o)
}

// TestLateInjection: plaintext that arrives after the STARTTLS "ready" reply, too late to be
// seen as buffered, reaches the handshake; it is injection, not "this port wants STARTTLS".
func TestLateInjection(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d := scripted(t, "220 late.test ESMTP\r\n", func(l string, w net.Conn) bool {
			switch strings.ToUpper(strings.Fields(l + " x")[0]) {
			case "EHLO":
				w.Write([]byte("250-late.test\r\n250 STARTTLS\r\n"))
			case "STARTTLS":
				w.Write([]byte("220 ready\r\n"))
				synctest.Wait() // the client took the reply and now waits in the handshake
				w.Write([]byte("250 injected\r\n"))
			}
			return true
		})
		r := probeLocal(d, probes.SMTP, probes.STARTTLS, probes.Options{})
		if !r.HasCode(findings.TLSSTARTTLSInjection) || r.HasCode(findings.PortExpectsSTARTTLS) {
			t.Errorf("codes %v, want tls.starttls-injection and not port.expects-starttls\n%s", codesOf(r), dump(r))
		}
	})
}

// TestStrippedSTARTTLS: a firewall that overwrote STARTTLS with X's is named, and no password
// goes out on the clear connection.
func TestStrippedSTARTTLS(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var got []string
		d := scripted(t, "220 fw.test ESMTP\r\n", func(l string, w net.Conn) bool {
			got = append(got, l)
			if strings.HasPrefix(strings.ToUpper(l), "EHLO") {
				w.Write([]byte("250-fw.test\r\n250-XXXXXXXA\r\n250 AUTH PLAIN LOGIN\r\n"))
			}
			return true
		})
		r := probeLocal(d, probes.SMTP, probes.STARTTLS, probes.Options{User: "u", Password: []byte("stripped-secret")})
		if !r.HasCode(findings.TLSSTARTTLSStripped) || r.Status != probes.Fail {
			t.Errorf("codes %v status %s, want tls.starttls-stripped, fail\n%s", codesOf(r), r.Status, dump(r))
		}
		d.wait() // the server has read every line the probe sent
		for _, l := range got {
			if strings.HasPrefix(strings.ToUpper(l), "AUTH") {
				t.Errorf("AUTH sent after STARTTLS was stripped: %q", l)
			}
		}
	})
}

// TestFailNeverLooksFine: a step that fails with only a warning noted on the way (a password
// sent in clear, then refused) still carries an error finding, so the exit status is 1.
func TestFailNeverLooksFine(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d := scripted(t, "220 plain.test ESMTP\r\n", func(l string, w net.Conn) bool {
			switch strings.ToUpper(strings.Fields(l + " x")[0]) {
			case "EHLO":
				w.Write([]byte("250-plain.test\r\n250 AUTH PLAIN\r\n"))
			case "AUTH":
				w.Write([]byte("535 5.7.8 Authentication credentials invalid\r\n"))
			}
			return true
		})
		r := probeLocal(d, probes.SMTP, probes.Plain, probes.Options{User: "u", Password: []byte("wrong-secret"), AllowPlaintextAuth: true})
		rep := probes.Report{Results: []probes.Result{r}}
		if !rep.HasError() || !r.HasCode(findings.AuthFailed) || !r.HasCode(findings.AuthPlaintextOffered) {
			t.Errorf("codes %v, HasError %v; want auth.failed (error) beside auth.plaintext-offered\n%s", codesOf(r), rep.HasError(), dump(r))
		}
	})
}

// TestBrokenSessionSkips: once the server goes silent mid-session, the remaining steps are
// skipped, not each timed out; the silence is server.response-timeout.
func TestBrokenSessionSkips(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d := scripted(t, "+OK pop ready\r\n", func(l string, w net.Conn) bool {
			switch strings.ToUpper(strings.Fields(l + " x")[0]) {
			case "CAPA":
				w.Write([]byte("+OK\r\nUSER\r\n.\r\n"))
			case "USER", "PASS":
				w.Write([]byte("+OK\r\n"))
			}
			return true // STAT and the rest: silence
		})
		const step = 300 * time.Millisecond
		start := time.Now()
		r := probeLocal(d, probes.POP3, probes.Plain, probes.Options{Timeout: step, User: "u", Password: []byte("pw-123456"), AllowPlaintextAuth: true})
		// Fake time: exactly the timeouts waited out. The silent STAT costs one; the skipped
		// steps after it cost none.
		if took := time.Since(start); took != step {
			t.Errorf("took %s of fake time, want %s: later steps waited out their own timeouts", took, step)
		}
		var skipped int
		for _, s := range r.Steps {
			if s.Status == probes.Skip {
				skipped++
			}
		}
		if !r.HasCode(findings.ServerResponseTimeout) || skipped < 2 {
			t.Errorf("codes %v, %d skipped steps; want server.response-timeout and list/uidl skipped\n%s", codesOf(r), skipped, dump(r))
		}
	})
}

// TestIMAPLiteralFlood: a response that keeps announcing literals is cut at a bound.
func TestIMAPLiteralFlood(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d := scripted(t, "* OK [CAPABILITY IMAP4rev1] ready\r\n", func(l string, w net.Conn) bool {
			if strings.Contains(strings.ToUpper(l), "LOGIN") || strings.Contains(strings.ToUpper(l), "AUTHENTICATE") {
				chunk := strings.Repeat("x", 1<<16)
				w.Write([]byte("* FLOOD {65536}\r\n"))
				for i := 0; i < 64; i++ {
					if _, err := w.Write([]byte(chunk + " {65536}\r\n")); err != nil {
						return false
					}
				}
			}
			return true
		})
		r := probeLocal(d, probes.IMAP, probes.Plain, probes.Options{Timeout: 2 * time.Second, User: "u", Password: []byte("pw-123456"), AllowPlaintextAuth: true})
		if !r.HasCode(findings.ServerProtocolError) {
			t.Errorf("codes %v, want server.protocol-error for the literal flood\n%s", codesOf(r), dump(r))
		}
	})
}

// TestUnexpectedContinuation: "+ " to AUTHENTICATE with an initial response is not a login.
func TestUnexpectedContinuation(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d := scripted(t, "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\r\n", func(l string, w net.Conn) bool {
			if strings.Contains(strings.ToUpper(l), "AUTHENTICATE") {
				w.Write([]byte("+ \r\n"))
			}
			return true
		})
		r := probeLocal(d, probes.IMAP, probes.Plain, probes.Options{User: "u", Password: []byte("pw-123456"), AllowPlaintextAuth: true})
		for _, s := range r.Steps {
			if s.Name == probes.StepAuth && s.Status != probes.Fail {
				t.Errorf("auth step %s (%s), want fail\n%s", s.Status, s.Detail, dump(r))
			}
			if s.Name == probes.StepExamine && s.Status != probes.Skip {
				t.Errorf("examine ran after a failed login\n%s", dump(r))
			}
		}
	})
}

// TestEngineFindings: findings the engine draws from exchanges the testservers do not stage.
func TestEngineFindings(t *testing.T) {
	t.Run("PREAUTH on a clear connection", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			d := scripted(t, "* PREAUTH [CAPABILITY IMAP4rev1] logged in already\r\n", func(l string, w net.Conn) bool {
				tag := strings.Fields(l + " x")[0]
				if strings.Contains(strings.ToUpper(l), "EXAMINE") {
					w.Write([]byte("* 0 EXISTS\r\n" + tag + " OK [READ-ONLY] done\r\n"))
				}
				return true
			})
			r := probeLocal(d, probes.IMAP, probes.Plain, probes.Options{})
			if !r.HasCode(findings.IMAPPreauthPlaintext) {
				t.Errorf("codes %v, want imap.preauth-plaintext\n%s", codesOf(r), dump(r))
			}
		})
	})
	t.Run("port 25 without AUTH is an MX, not submission", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			d := scripted(t, "220 mx.test ESMTP\r\n", func(l string, w net.Conn) bool {
				switch strings.ToUpper(strings.Fields(l + " x")[0]) {
				case "EHLO":
					w.Write([]byte("250-mx.test\r\n250 8BITMIME\r\n"))
				case "AUTH":
					w.Write([]byte("502 5.5.1 Unrecognized command\r\n"))
				}
				return true
			})
			o := probes.Options{Timeout: time.Second, NoModeDetect: true, Dialer: d}
			r := probes.Probe(context.Background(), probes.Endpoint{Proto: probes.SMTP, Host: "127.0.0.1", Port: 25, Security: probes.Plain}, o)
			if !r.HasCode(findings.SMTPPort25Submission) || r.HasCode(findings.SMTPAuthNotOffered) {
				t.Errorf("codes %v, want smtp.port25-submission and not smtp.auth-not-offered\n%s", codesOf(r), dump(r))
			}
		})
	})
}
