package testservers

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

var plainIR = b64("\x00" + DefaultUser + "\x00" + DefaultPassword)

const readOnly = "<read only>"

// step sends a line (none if send is readOnly) and checks the reply joined by "|": exact, or a prefix
// when want ends in "*". tls upgrades the connection after the reply.
type step struct {
	send, want string
	tls        bool
}

const (
	ehloHead = "250-mail.test Hello client.test|250-PIPELINING|250-SIZE 10485760|250-8BITMIME|250-ENHANCEDSTATUSCODES"
	greet    = "220 mail.test ESMTP mailcheck testserver ready"
)

func runSMTP(t *testing.T, c *client, steps []step, ca *CA) {
	t.Helper()
	for i, st := range steps {
		var got string
		if st.send == readOnly {
			got = strings.Join(c.reply(), "|")
		} else {
			got = c.cmd(st.send)
		}
		if p, ok := strings.CutSuffix(st.want, "*"); ok {
			wantPrefix(t, fmt.Sprintf("step %d %q", i, st.send), got, p)
		} else {
			want(t, fmt.Sprintf("step %d %q", i, st.send), got, st.want)
		}
		if st.tls {
			c.upgrade(ca)
		}
	}
}

func TestSMTPDialogues(t *testing.T) {
	ca := testCA(t)
	tests := []struct {
		name   string
		faults Faults
		steps  []step
	}{
		{"starttls then auth", Faults{RequireTLSForAuth: true}, []step{
			{readOnly, greet, false},
			{"EHLO client.test", ehloHead + "|250-STARTTLS|250 SMTPUTF8", false},
			{"AUTH PLAIN " + plainIR, "530 5.7.0 Must issue a STARTTLS command first", false},
			{"MAIL FROM:<user@mail.test>", "530 5.7.0 Must issue a STARTTLS command first", false},
			{"STARTTLS", "220 2.0.0 Ready to start TLS", true},
			{"MAIL FROM:<user@mail.test>", "503 5.5.1 Error: send HELO/EHLO first", false},
			{"EHLO client.test", ehloHead + "|250-AUTH PLAIN LOGIN|250 SMTPUTF8", false},
			{"STARTTLS", "503 5.5.1 Error: TLS already active", false},
			{"AUTH PLAIN " + plainIR, "235 2.7.0 Authentication successful", false},
			{"AUTH PLAIN " + plainIR, "503 5.5.1 Error: already authenticated", false},
			{"MAIL FROM:<user@mail.test> SIZE=100", "250 2.1.0 Ok", false},
			{"RCPT TO:<someone@example.com>", "250 2.1.5 Ok", false},
			{"DATA", "354 End data with <CR><LF>.<CR><LF>", false},
			{"Subject: hi\r\n\r\n..dot\r\nbody\r\n.", "250 2.0.0 Ok: accepted and discarded by the test server", false},
			{"QUIT", "221 2.0.0 Bye", false},
		}},
		{"plaintext auth offered", Faults{}, []step{
			{readOnly, greet, false},
			{"EHLO client.test", ehloHead + "|250-STARTTLS|250-AUTH PLAIN LOGIN|250 SMTPUTF8", false},
			{"AUTH PLAIN", "334 ", false},
			{plainIR, "235 2.7.0 Authentication successful", false},
		}},
		{"auth login", Faults{ImplicitTLS: true}, []step{
			{readOnly, greet, false},
			{"EHLO client.test", ehloHead + "|250-AUTH PLAIN LOGIN|250 SMTPUTF8", false},
			{"AUTH LOGIN", "334 VXNlcm5hbWU6", false},
			{b64(DefaultUser), "334 UGFzc3dvcmQ6", false},
			{b64(WrongPassword), "535 5.7.8 Error: authentication failed", false},
			{"AUTH LOGIN " + b64(DefaultUser), "334 UGFzc3dvcmQ6", false},
			{"*", "501 5.7.0 Authentication cancelled", false},
			{"AUTH PLAIN", "334 ", false},
			{"*", "501 5.7.0 Authentication cancelled", false},
			{"AUTH PLAIN !!!", "501 5.5.2 Error: invalid base64 data", false},
			{"AUTH PLAIN " + b64("nonul"), "501 5.5.2 Error: malformed PLAIN response", false},
			{"AUTH CRAM-MD5", "504 5.5.4 Unrecognized authentication type", false},
			{"AUTH LOGIN " + b64(DefaultUser), "334 UGFzc3dvcmQ6", false},
			{b64(DefaultPassword), "235 2.7.0 Authentication successful", false},
		}},
		{"no starttls", Faults{NoSTARTTLS: true}, []step{
			{readOnly, greet, false},
			{"EHLO client.test", ehloHead + "|250-AUTH PLAIN LOGIN|250 SMTPUTF8", false},
			{"STARTTLS", "502 5.5.1 Unrecognized command", false},
		}},
		{"starttls fails", Faults{STARTTLSFails: true, RequireTLSForAuth: true}, []step{
			{readOnly, greet, false},
			{"EHLO client.test", ehloHead + "|250-STARTTLS|250 SMTPUTF8", false},
			{"STARTTLS", "454 4.7.0 TLS not available due to local problem", false},
			{"NOOP", "250 2.0.0 Ok", false},
		}},
		{"strip starttls", Faults{StripSTARTTLS: true, RequireTLSForAuth: true}, []step{
			{readOnly, greet, false},
			{"EHLO client.test", ehloHead + "|250 SMTPUTF8", false},
			{"STARTTLS", "502 5.5.1 Unrecognized command", false},
		}},
		{"no auth", Faults{NoSTARTTLS: true, NoAuth: true}, []step{
			{readOnly, greet, false},
			{"EHLO client.test", ehloHead + "|250 SMTPUTF8", false},
			{"AUTH PLAIN " + plainIR, "503 5.5.1 Error: authentication not enabled", false},
			{"MAIL FROM:<>", "250 2.1.0 Ok", false},
			{"RCPT TO:<user@mail.test>", "250 2.1.5 Ok", false},
			{"RCPT TO:<x@example.com>", "554 5.7.1 <x@example.com>: Relay access denied", false},
		}},
		{"gmail app password", Faults{ImplicitTLS: true, AuthReject: gmailAppPasswd}, []step{
			{readOnly, greet, false},
			{"EHLO client.test", "*", false},
			{"AUTH PLAIN " + plainIR, "534-5.7.9 Application-specific password required. Learn more at|534 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor", false},
		}},
		{"qq auth code", Faults{ImplicitTLS: true, AuthReject: qqAuthCode}, []step{
			{readOnly, greet, false},
			{"EHLO client.test", "*", false},
			{"AUTH LOGIN " + b64(DefaultUser), "334 UGFzc3dvcmQ6", false},
			{b64(DefaultPassword), qqAuthCode, false},
		}},
		{"accept any password", Faults{AcceptAnyPassword: true}, []step{
			{readOnly, greet, false},
			{"HELO client.test", "250 mail.test", false},
			{"AUTH PLAIN " + b64("\x00anyone\x00anything"), "235 2.7.0 Authentication successful", false},
		}},
		{"sequencing", Faults{}, []step{
			{readOnly, greet, false},
			{"MAIL FROM:<a@mail.test>", "503 5.5.1 Error: send HELO/EHLO first", false},
			{"AUTH PLAIN " + plainIR, "503 5.5.1 Error: send HELO/EHLO first", false},
			{"EHLO", "501 5.5.4 Syntax: EHLO hostname", false},
			{"ehlo client.test", "*", false},
			{"RCPT TO:<user@mail.test>", "503 5.5.1 Error: need MAIL command", false},
			{"DATA", "503 5.5.1 Error: need RCPT command", false},
			{"MAIL TO:<a@mail.test>", "501 5.5.4 Syntax: MAIL FROM:<address>", false},
			{"MAIL FROM:<a@mail.test>", "250 2.1.0 Ok", false},
			{"MAIL FROM:<a@mail.test>", "503 5.5.1 Error: nested MAIL command", false},
			{"AUTH PLAIN " + plainIR, "503 5.5.1 Error: MAIL transaction in progress", false},
			{"DATA", "503 5.5.1 Error: need RCPT command", false},
			{"RSET", "250 2.0.0 Ok", false},
			{"RCPT TO:<user@mail.test>", "503 5.5.1 Error: need MAIL command", false},
			{"VRFY user", "252 2.0.0 Cannot VRFY user, but will accept message", false},
			{"NOOP", "250 2.0.0 Ok", false},
			{"BDAT 10 LAST", "502 5.5.2 Error: command not recognized", false},
			{"", "500 5.5.2 Error: bad syntax", false},
			{"quit", "221 2.0.0 Bye", false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := StartT(t, Config{Proto: "smtp", Faults: tt.faults}, ca)
			var c *client
			if tt.faults.ImplicitTLS {
				c = dialTLS(t, s.Addr, ca)
			} else {
				c = dial(t, s.Addr)
			}
			runSMTP(t, c, tt.steps, ca)
		})
	}
}

func TestSMTPTooManyErrors(t *testing.T) {
	s := StartT(t, Config{Proto: "smtp"}, testCA(t))
	c := dial(t, s.Addr)
	c.line()
	for range maxErrors - 1 {
		wantPrefix(t, "reply", c.cmd("XYZZY"), "502 ")
	}
	want(t, "last reply", c.cmd("XYZZY"), "502 5.5.2 Error: command not recognized")
	want(t, "hang-up", c.line(), "421 4.7.0 mail.test Error: too many errors")
	c.expectEOF()
}

func TestSMTPLineTooLong(t *testing.T) {
	s := StartT(t, Config{Proto: "smtp"}, testCA(t))
	c := dial(t, s.Addr)
	c.line()
	want(t, "reply", c.cmd("NOOP "+strings.Repeat("a", maxLine+10)), "500 5.5.2 Error: line too long")
	c.expectEOF()
}

// TestSMTPPipelining checks replies come back in order when commands arrive in one packet.
func TestSMTPPipelining(t *testing.T) {
	s := StartT(t, Config{Proto: "smtp"}, testCA(t))
	c := dial(t, s.Addr)
	c.line()
	c.send("EHLO a\r\nMAIL FROM:<a@mail.test>\r\nRCPT TO:<user@mail.test>\r\nRSET\r\nNOOP")
	c.reply()
	for _, w := range []string{"250 2.1.0 Ok", "250 2.1.5 Ok", "250 2.0.0 Ok", "250 2.0.0 Ok"} {
		want(t, "pipelined reply", c.line(), w)
	}
	if got := s.Commands(); got != 5 {
		t.Errorf("Commands() = %d, want 5", got)
	}
}

// TestSMTPStartTLSDiscardsPipelined checks that plaintext sent after STARTTLS is not executed
// inside TLS (the server-side command injection, CVE-2011-0411).
func TestSMTPStartTLSDiscardsPipelined(t *testing.T) {
	ca := testCA(t)
	s := StartT(t, Config{Proto: "smtp"}, ca)
	c := dial(t, s.Addr)
	c.line()
	c.cmd("EHLO a")
	c.send("STARTTLS\r\nRSET")
	want(t, "STARTTLS reply", c.line(), "220 2.0.0 Ready to start TLS")
	c.upgrade(ca)
	want(t, "first reply inside TLS", c.cmd("NOOP"), "250 2.0.0 Ok")
}

// TestGoSMTPClient runs emersion/go-smtp's client against the server: an independent client
// implementation agrees with ours about STARTTLS, AUTH PLAIN and a whole transaction.
func TestGoSMTPClient(t *testing.T) {
	ca := testCA(t)
	for _, implicit := range []bool{false, true} {
		s := StartT(t, Config{Proto: "smtp", Faults: Faults{ImplicitTLS: implicit, RequireTLSForAuth: !implicit}}, ca)
		var c *smtp.Client
		var err error
		if implicit {
			c, err = smtp.DialTLS(s.Addr, tlsConfig(ca))
		} else {
			c, err = smtp.DialStartTLS(s.Addr, tlsConfig(ca))
		}
		if err != nil {
			t.Fatalf("dial (implicit %v): %v", implicit, err)
		}
		if err := c.Auth(sasl.NewPlainClient("", DefaultUser, DefaultPassword)); err != nil {
			t.Fatalf("Auth: %v", err)
		}
		if err := c.SendMail(DefaultUser, []string{"rcpt@example.com"}, strings.NewReader("Subject: x\r\n\r\nbody\r\n")); err != nil {
			t.Fatalf("SendMail: %v", err)
		}
		if err := c.Quit(); err != nil {
			t.Fatalf("Quit: %v", err)
		}
	}
	s := StartT(t, Config{Proto: "smtp", Faults: Faults{ImplicitTLS: true}}, ca)
	c, err := smtp.DialTLS(s.Addr, tlsConfig(ca))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	err = c.Auth(sasl.NewPlainClient("", DefaultUser, WrongPassword))
	if e, ok := err.(*smtp.SMTPError); !ok || e.Code != 535 || e.EnhancedCode != (smtp.EnhancedCode{5, 7, 8}) {
		t.Errorf("Auth with wrong password: %v, want 535 5.7.8", err)
	}
}
