package probes_test

import (
	"context"
	"fmt"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/testservers"
)

// TestHostileServers: against every hostile server the probe ends within its step timeouts,
// reports a finding, never panics, keeps its transcript bounded and never sends the password
// anywhere it should not go. Each case runs in a synctest bubble over an in-memory pipe, so
// the timeouts cost no wall time and the time the probe took is exact fake time.
func TestHostileServers(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	const step = 400 * time.Millisecond
	tests := []struct {
		name     string
		proto    string
		security string
		faults   testservers.Faults
		user     string
		password string
		want     findings.Code
		status   probes.Status
	}{
		{"drip greeting", "smtp", "starttls", testservers.Faults{DripGreeting: true}, "", "", findings.ServerGreetingTimeout, probes.Fail},
		{"endless multi-line", "smtp", "plain", testservers.Faults{EndlessMultiline: true}, "", "", findings.ServerProtocolError, probes.Fail},
		{"1 MiB line", "smtp", "starttls", testservers.Faults{HugeLine: true}, "", "", findings.ServerProtocolError, probes.Fail},
		{"1 MiB line pop3", "pop3", "starttls", testservers.Faults{HugeLine: true}, "", "", findings.ServerProtocolError, probes.Fail},
		{"binary garbage", "smtp", "starttls", testservers.Faults{Garbage: true}, "", "", findings.ServerProtocolError, probes.Fail},
		{"binary garbage pop3", "pop3", "starttls", testservers.Faults{Garbage: true}, "", "", findings.ServerProtocolError, probes.Fail},
		{"reset mid-reply", "smtp", "starttls", testservers.Faults{ResetMidReply: true}, "", "", findings.TCPReset, probes.Fail},
		{"TLS handshake stalls", "smtp", "tls", testservers.Faults{ImplicitTLS: true, StallTLS: true}, "", "", findings.TLSHandshakeFailed, probes.Fail},
		{"data after STARTTLS ready", "smtp", "starttls", testservers.Faults{InjectAfterSTARTTLS: []byte("250 injected\r\n")},
			testservers.DefaultUser, testservers.DefaultPassword, findings.TLSSTARTTLSInjection, probes.Fail},
		{"data after STLS ready", "pop3", "starttls", testservers.Faults{InjectAfterSTARTTLS: []byte("+OK injected\r\n")},
			testservers.DefaultUser, testservers.DefaultPassword, findings.TLSSTARTTLSInjection, probes.Fail},
		{"STARTTLS stripped", "smtp", "starttls", testservers.Faults{StripSTARTTLS: true},
			testservers.DefaultUser, testservers.DefaultPassword, findings.TLSSTARTTLSUnavailable, probes.Fail},
		{"STLS stripped", "pop3", "starttls", testservers.Faults{StripSTARTTLS: true},
			testservers.DefaultUser, testservers.DefaultPassword, findings.TLSSTARTTLSUnavailable, probes.Fail},
		{"certificate for another name", "smtp", "tls", testservers.Faults{ImplicitTLS: true, Cert: testservers.WrongHost},
			testservers.DefaultUser, testservers.DefaultPassword, findings.TLSCertHostnameMismatch, probes.Fail},
		{"any password accepted", "smtp", "tls", testservers.Faults{ImplicitTLS: true, AcceptAnyPassword: true},
			testservers.DefaultUser, "not-the-password", "", probes.OK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				srv, err := testservers.New(testservers.Config{Proto: tt.proto, Faults: tt.faults}, ca)
				if err != nil {
					t.Fatal(err)
				}
				defer srv.Close()
				sec := probes.Security(tt.security)
				opts := probes.Options{Timeout: step, RootCAs: ca.RootCAs(), User: tt.user, Password: []byte(tt.password), Dialer: srv}
				ep := probes.Endpoint{Proto: probes.Proto(tt.proto), Host: "localhost", Port: probes.DefaultPort(probes.Proto(tt.proto), sec), Security: sec}
				start := time.Now()
				r := probes.Probe(context.Background(), ep, opts)
				took := time.Since(start) // fake time: the timeouts waited out, exactly
				// Two walks (the configured mode and the other) of a handful of steps each.
				if limit := 16 * step; took > limit {
					t.Errorf("probe took %s of fake time, want under %s", took, limit)
				}
				if r.Status != tt.status {
					t.Errorf("status = %s, want %s\n%s", r.Status, tt.status, dump(r))
				}
				if tt.name == "any password accepted" && !strings.Contains(stepDetail(r, probes.StepAuth), "logged in as") {
					t.Errorf("a server that takes any password must be reported as having logged in\n%s", dump(r))
				}
				if tt.want != "" && !r.HasCode(tt.want) {
					t.Errorf("codes = %v, want %s\n%s", codesOf(r), tt.want, dump(r))
				}
				size := 0
				for _, rr := range []*probes.Result{&r, r.Alt} {
					if rr == nil {
						continue
					}
					for _, s := range rr.Steps {
						for _, l := range s.Lines {
							size += len(l.Text)
							if tt.password != "" && strings.Contains(l.Text, tt.password) {
								t.Errorf("password in transcript: %q", l.Text)
							}
							if l.Dir == probes.Client && !l.TLS && strings.HasPrefix(l.Text, "AUTH PLAIN") {
								t.Errorf("AUTH sent without TLS: %q", l.Text)
							}
						}
					}
				}
				if size > 256<<10 {
					t.Errorf("transcript holds %d bytes, want it bounded under 256 KiB", size)
				}
				if tt.password != "" {
					checkNoSecret(t, r, tt.password)
				}
			})
		})
	}
}

// TestCancel: cancelling the context (Ctrl-C) ends a blocked read at once, not at the deadline.
func TestCancel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv, err := testservers.New(testservers.Config{Proto: "smtp", Faults: testservers.Faults{GreetingDelay: time.Hour}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer srv.Close()
		ctx, cancel := context.WithCancel(context.Background())
		const after = 100 * time.Millisecond
		time.AfterFunc(after, cancel)
		start := time.Now()
		r := probes.Probe(ctx, probes.Endpoint{Proto: probes.SMTP, Host: "127.0.0.1", Port: 587, Security: probes.STARTTLS},
			probes.Options{Timeout: time.Minute, Dialer: srv})
		// Fake time: the probe ends when the cancel comes, not at the one-minute step deadline.
		if took := time.Since(start); took != after {
			t.Errorf("the probe ended %s after it started, want %s (the cancel)", took, after)
		}
		if !r.HasCode(findings.ProbeCanceled) {
			t.Errorf("codes = %v, want %s\n%s", codesOf(r), findings.ProbeCanceled, dump(r))
		}
	})
}

// TestAuthChallengeFlood: a server that answers AUTH with an endless stream of 334 challenges
// gets at most one answer per mechanism step, and the probe ends with a finding.
func TestAuthChallengeFlood(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var lines atomic.Int64
		authed := false
		d := scripted(t, "220 flood.test ESMTP\r\n", func(l string, w net.Conn) bool {
			switch {
			case strings.HasPrefix(strings.ToUpper(l), "EHLO"):
				fmt.Fprintf(w, "250-flood.test\r\n250 AUTH LOGIN\r\n")
			case !authed: // AUTH LOGIN: flood, while counting what the client still answers
				authed = true
				go func() {
					for i := 0; i < 100000; i++ { // bounded flood
						if _, err := fmt.Fprintf(w, "334 VXNlcm5hbWU6\r\n"); err != nil {
							return
						}
					}
				}()
			default:
				lines.Add(1)
			}
			return true
		})
		start := time.Now()
		r := probeLocal(d, probes.SMTP, probes.Plain,
			probes.Options{User: "u@flood.test", Password: []byte("flood-secret"), AllowPlaintextAuth: true})
		if took := time.Since(start); took != 0 {
			t.Errorf("probe took %s of fake time, want none: the flood must not be waited out", took)
		}
		if r.Status != probes.Fail || !stepFailed(r, probes.StepAuth) {
			t.Errorf("status %s, want the auth step to fail\n%s", r.Status, dump(r))
		}
		d.wait() // the server has read every line the probe sent
		if n := lines.Load(); n > 3 {
			t.Errorf("client answered %d challenges, want at most 3 (user, password, QUIT)", n)
		}
		for _, s := range r.Steps {
			for _, l := range s.Lines {
				if strings.Contains(l.Text, "flood-secret") {
					t.Errorf("password in transcript: %q", l.Text)
				}
			}
		}
	})
}

func stepDetail(r probes.Result, name string) string {
	for _, s := range r.Steps {
		if s.Name == name {
			return s.Detail
		}
	}
	return ""
}

func stepFailed(r probes.Result, name string) bool {
	for _, s := range r.Steps {
		if s.Name == name {
			return s.Status == probes.Fail
		}
	}
	return false
}
