package probes_test

import (
	"bufio"
	"context"
	"net"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// pipeDialer hands the probe one end of an in-memory connection served by serve, so a whole
// session runs inside a synctest bubble on the fake clock.
type pipeDialer struct{ serve func(net.Conn) }

func (d pipeDialer) DialContext(context.Context, string, string) (net.Conn, error) {
	c, s := net.Pipe()
	go d.serve(s)
	return c, nil
}

// lineServer is a one-connection fake: it writes greeting, then answers each client line with
// what answer returns for its upper-cased first word; done ends the session after the reply.
func lineServer(greeting string, answer func(cmd string) (reply string, done bool)) pipeDialer {
	return pipeDialer{func(c net.Conn) {
		defer c.Close()
		r := bufio.NewReader(c)
		c.Write([]byte(greeting))
		for {
			l, err := r.ReadString('\n')
			if err != nil {
				return
			}
			reply, done := answer(strings.ToUpper(strings.Fields(l + " x")[0]))
			c.Write([]byte(reply))
			if done {
				return
			}
		}
	}}
}

// TestSlowLoginAnswer: Dovecot holds back the answer to a failed login (auth_failure_delay,
// up to 15 s after repeated failures). With a shorter --timeout the auth step times out after
// everything before it answered: that is auth.reply-delayed, never the "turn SSL on" advice of
// server.response-timeout.
func TestSlowLoginAnswer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		dialer := lineServer("+OK Dovecot ready.\r\n", func(cmd string) (string, bool) {
			switch cmd {
			case "CAPA":
				return "+OK\r\nUSER\r\nUIDL\r\n.\r\n", false
			case "USER":
				return "+OK\r\n", false
			case "PASS", "AUTH":
				time.Sleep(15 * time.Second) // the penalty: the answer comes after the client gave up
				return "-ERR [AUTH] Authentication failed.\r\n", false
			case "QUIT":
				return "+OK Logging out\r\n", true
			}
			return "-ERR Unknown command\r\n", false
		})
		start := time.Now()
		r := probes.Probe(context.Background(), probes.Endpoint{Proto: probes.POP3, Host: "127.0.0.1", Port: 110, Security: probes.Plain},
			probes.Options{Timeout: 4 * time.Second, Dialer: dialer, User: "alice", Password: []byte("wrong"),
				AllowPlaintextAuth: true, NoModeDetect: true})
		var auth *probes.Step
		for i := range r.Steps {
			if r.Steps[i].Name == probes.StepAuth {
				auth = &r.Steps[i]
			}
		}
		if auth == nil || auth.Status != probes.Fail || auth.Kind != probes.KindTimeout {
			t.Fatalf("auth step = %+v, want a failed step of kind timeout", auth)
		}
		if !r.HasCode(findings.AuthReplyDelayed) || r.HasCode(findings.ServerResponseTimeout) {
			t.Errorf("codes = %v, want auth.reply-delayed and not server.response-timeout", codesOf(r))
		}
		// Virtual time: the probe gave up at its step timeout, not at the server's 15 s.
		if d := time.Since(start); d < 4*time.Second || d >= 15*time.Second {
			t.Errorf("probe ended after %s of virtual time, want the 4s step timeout", d)
		}
		time.Sleep(15 * time.Second) // let the fake server wake, find the line closed and end
		synctest.Wait()
	})
}
