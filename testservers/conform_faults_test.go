package testservers

import (
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// The conformance faults, checked on the wire with a raw client (independent of the prober):
// each one changes exactly the bytes it promises.

// rawLines sends line (unless empty) and reads n lines exactly as received, line ends included.
func (c *client) rawLines(line string, n int) string {
	c.t.Helper()
	if line != "" {
		c.send(line)
	}
	var b strings.Builder
	for range n {
		c.c.SetReadDeadline(time.Now().Add(5 * time.Second))
		l, err := c.r.ReadString('\n')
		if err != nil {
			c.t.Fatalf("after %q: read: %v (got %q)", line, err, b.String()+l)
		}
		b.WriteString(l)
	}
	return b.String()
}

type rawStep struct {
	send string // "" reads only
	want string // the lines joined by "|", CRLF removed; a trailing "*" means prefix
	n    int    // lines to read; 0 means the count of "|"-separated parts of want
	tls  bool   // upgrade after the reply
	bare bool   // the lines must end in a bare LF (BareLF), not CRLF
}

func runRaw(t *testing.T, c *client, ca *CA, steps []rawStep) {
	t.Helper()
	for i, st := range steps {
		n := st.n
		if n == 0 {
			n = strings.Count(strings.TrimSuffix(st.want, "*"), "|") + 1
		}
		raw := c.rawLines(st.send, n)
		eol := "\r\n"
		if st.bare {
			eol = "\n"
			if strings.Contains(raw, "\r") {
				t.Errorf("step %d %q: %q has a CR, want bare LF", i, st.send, raw)
			}
		}
		got := strings.Join(strings.Split(strings.TrimSuffix(raw, eol), eol), "|")
		if p, ok := strings.CutSuffix(st.want, "*"); ok {
			wantPrefix(t, "step "+st.send, got, p)
		} else {
			want(t, "step "+st.send, got, st.want)
		}
		if st.tls {
			c.upgrade(ca)
		}
	}
}

func TestConformFaults(t *testing.T) {
	ca := testCA(t)
	authLine := "AUTH PLAIN " + plainIR
	tests := []struct {
		name   string
		proto  string
		faults Faults
		steps  []rawStep
	}{
		{"greeting", "smtp", Faults{Greeting: "250 mail.test nope"}, []rawStep{{want: "250 mail.test nope"}}},
		{"bare LF", "smtp", Faults{BareLF: true}, []rawStep{{want: greet, bare: true}, {send: "NOOP", want: "250 2.0.0 Ok", bare: true}}},
		{"mixed codes", "smtp", Faults{SMTPMixedCodes: true}, []rawStep{{want: greet},
			{send: "EHLO client.test", want: "250-mail.test Hello client.test|251-PIPELINING*", n: 8}}},
		{"HELO without space", "smtp", Faults{SMTPBadSeparator: true}, []rawStep{{want: greet}, {send: "HELO client.test", want: "250mail.test"}}},
		{"long NOOP reply", "smtp", Faults{SMTPLongReply: true}, []rawStep{{want: greet}, {send: "NOOP", want: "250 2.0.0 Ok " + strings.Repeat("x", 600)}}},
		{"no EHLO", "smtp", Faults{SMTPNoEHLO: true}, []rawStep{{want: greet}, {send: "EHLO client.test", want: "502 5.5.2 Error: command not recognized"},
			{send: "HELO client.test", want: "250 mail.test"}}},
		{"no HELO", "smtp", Faults{SMTPNoHELO: true}, []rawStep{{want: greet}, {send: "HELO client.test", want: "502 5.5.2 Error: command not recognized"}}},
		{"bad EHLO keyword", "smtp", Faults{SMTPBadEHLOKeyword: true}, []rawStep{{want: greet},
			{send: "EHLO client.test", want: ehloHead + "|250-STARTTLS|250-AUTH PLAIN LOGIN|250-X_BAD_KEYWORD|250 SMTPUTF8"}}},
		{"no enhanced codes", "smtp", Faults{SMTPNoEnhancedCodes: true}, []rawStep{{want: greet}, {send: "NOOP", want: "250 Ok"}}},
		{"reply override", "smtp", Faults{SMTPReplies: map[string]string{"RSET": "500 5.5.2 nope"}}, []rawStep{{want: greet},
			{send: "RSET", want: "500 5.5.2 nope"}, {send: "NOOP", want: "250 2.0.0 Ok"}}},
		{"unknown command code", "smtp", Faults{UnknownCommandCode: 250}, []rawStep{{want: greet}, {send: "XYZZY", want: "250 2.0.0 Ok"}}},
		{"QUIT code", "smtp", Faults{QuitCode: 250}, []rawStep{{want: greet}, {send: "QUIT", want: "250 2.0.0 Bye"}}},
		{"line limit", "smtp", Faults{SMTPLineLimit: 100}, []rawStep{{want: greet},
			{send: "NOOP " + strings.Repeat("x", 100), want: "500 5.5.2 Error: line too long"}, {send: "NOOP", want: "250 2.0.0 Ok"}}},
		{"plain challenge, cancel code", "smtp", Faults{SMTPPlainChallenge: true, AuthCancelCode: 535}, []rawStep{{want: greet},
			{send: "EHLO client.test", want: "250-*", n: 8}, {send: "AUTH LOGIN", want: "334 Username:"}, {send: "*", want: "535 5.7.0 Authentication cancelled"}}},
		{"auth success code", "smtp", Faults{SMTPAuthSuccessCode: 250}, []rawStep{{want: greet},
			{send: "EHLO client.test", want: "250-*", n: 8}, {send: authLine, want: "250 2.7.0 Authentication successful"}}},
		{"STARTTLS offered again, EHLO refused after TLS", "smtp", Faults{NoResetAfterSTARTTLS: true, SMTPNoEHLOAfterTLS: true}, []rawStep{{want: greet},
			{send: "EHLO client.test", want: "250-*", n: 8}, {send: "STARTTLS", want: "220 2.0.0 Ready to start TLS", tls: true},
			{send: "EHLO client.test", want: "503 5.5.1 Error: duplicate EHLO"}}},
		{"STARTTLS offered again", "smtp", Faults{NoResetAfterSTARTTLS: true, RequireTLSForAuth: true}, []rawStep{{want: greet},
			{send: "EHLO client.test", want: "250-*", n: 7}, {send: "STARTTLS", want: "220 2.0.0 Ready to start TLS", tls: true},
			{send: "EHLO client.test", want: ehloHead + "|250-STARTTLS|250-AUTH PLAIN LOGIN|250 SMTPUTF8"}}},

		{"pop3 greeting", "pop3", Faults{Greeting: "POP3 ready"}, []rawStep{{want: "POP3 ready"}}},
		{"CAPA without terminator", "pop3", Faults{BadCAPATerminator: true}, []rawStep{{want: "+OK POP3 server ready*"},
			{send: "CAPA", want: "+OK Capability list follows|TOP|UIDL|USER|SASL PLAIN|RESP-CODES|AUTH-RESP-CODE|PIPELINING|STLS|IMPLEMENTATION mailcheck-testservers"},
			{send: "XYZZY", want: "-ERR Unknown command."}}},
		{"wrong state, unknown command, quit", "pop3", Faults{POP3WrongStateOK: true, UnknownCommandCode: 1, QuitCode: 1}, []rawStep{{want: "+OK*"},
			{send: "STAT", want: "+OK 0 0"}, {send: "XYZZY", want: "+OK"}, {send: "QUIT", want: "-ERR Quit failed."}}},
		{"status without space, AUTH cancel", "pop3", Faults{POP3StatusNoSpace: true, AuthCancelCode: 1}, []rawStep{{want: "+OK*"},
			{send: "AUTH PLAIN", want: "+ "}, {send: "*", want: "+OK Authentication cancelled."}, {send: "QUIT", want: "+OKLogging out."}}},
		{"mailbox faults", "pop3", Faults{POP3BadSTAT: true, POP3BadLIST: true, DuplicateUIDL: true, POP3NoDotStuff: true}, []rawStep{{want: "+OK*"},
			{send: authLine, want: "+OK Logged in."}, {send: "STAT", want: "+OK 2 messages"},
			{send: "LIST", want: "+OK 2 messages (338 octets)|1|2|."}, {send: "UIDL", want: "+OK|1 uid0001-e347ef32|2 uid0001-e347ef32|."},
			{send: "TOP 2 3", want: "+OK 174 octets|From: Bob <bob@mail.test>|To: user@mail.test|Subject: Second|" +
				"Date: Tue, 02 Jan 2024 11:00:00 +0000|Message-ID: <2@mail.test>||Line one.|.leading dot line|Last line.|."}}},
		{"long UIDL", "pop3", Faults{POP3LongUIDL: true}, []rawStep{{want: "+OK*"}, {send: authLine, want: "+OK Logged in."},
			{send: "UIDL 1", want: "+OK 1 uid0001-e347ef32" + strings.Repeat("x", 55)}}},
		{"STLS still offered after TLS", "pop3", Faults{NoResetAfterSTARTTLS: true}, []rawStep{{want: "+OK*"},
			{send: "STLS", want: "+OK Begin TLS negotiation now.", tls: true},
			{send: "CAPA", want: "+OK Capability list follows|TOP|UIDL|USER|SASL PLAIN|RESP-CODES|AUTH-RESP-CODE|PIPELINING|STLS|IMPLEMENTATION mailcheck-testservers|."}}},

		{"no IMAP4rev1, tagged without status", "imap", Faults{IMAPNoRev1: true, IMAPTaggedNoStatus: true}, []rawStep{
			{want: "* OK [CAPABILITY STARTTLS AUTH=PLAIN SASL-IR ID LITERAL+ IDLE NAMESPACE] mailcheck testserver ready"},
			{send: "a1 CAPABILITY", want: "* CAPABILITY STARTTLS AUTH=PLAIN SASL-IR ID LITERAL+ IDLE NAMESPACE|a1 Capability completed."}}},
		{"unknown NO, ID and LOGOUT bare", "imap", Faults{IMAPUnknownCommandNO: true, IMAPIDNoResponse: true, IMAPNoBYEOnLogout: true}, []rawStep{{want: "* OK*"},
			{send: "a1 XYZZY", want: "a1 NO Unknown command."}, {send: "a2 ID NIL", want: "a2 OK ID completed."},
			{send: "a3 LOGOUT", want: "a3 OK Logout completed."}}},
		{"EXAMINE without UIDVALIDITY", "imap", Faults{IMAPNoUIDVALIDITY: true}, []rawStep{{want: "* OK*"},
			{send: "a1 LOGIN " + DefaultUser + " " + DefaultPassword, want: "a1 OK*"},
			{send: "a2 EXAMINE INBOX", want: `* FLAGS (\Answered \Flagged \Deleted \Seen \Draft)|* 2 EXISTS|* 0 RECENT|* OK [PERMANENTFLAGS ()] Flags permitted.|* OK [UIDNEXT 3] Predicted next UID|a2 OK [READ-ONLY] Examine completed.`}}},
		{"STARTTLS still offered after TLS", "imap", Faults{NoResetAfterSTARTTLS: true}, []rawStep{{want: "* OK*"},
			{send: "a1 STARTTLS", want: "a1 OK Begin TLS negotiation now.", tls: true},
			{send: "a2 CAPABILITY", want: "* CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN SASL-IR ID LITERAL+ IDLE NAMESPACE|a2 OK Capability completed."}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := StartT(t, Config{Proto: tt.proto, Faults: tt.faults}, ca)
			runRaw(t, dial(t, srv.Addr), ca, tt.steps)
		})
	}
}

// TestBrokenPipelining: input that arrives with a command is lost under SMTPBrokenPipelining,
// and kept (both commands answered) without it. In a synctest bubble over a Pipe, "no answer"
// is a 300ms deadline on the fake clock, and a kept command's answer always beats it.
func TestBrokenPipelining(t *testing.T) {
	ca := testCA(t)
	for _, broken := range []bool{false, true} {
		synctest.Test(t, func(t *testing.T) {
			c := dialPipe(t, newT(t, Config{Proto: "smtp", Faults: Faults{SMTPBrokenPipelining: broken}}, ca))
			c.reply()
			c.c.Write([]byte("RSET\r\nNOOP\r\n"))
			want(t, "RSET", strings.Join(c.reply(), "|"), "250 2.0.0 Ok")
			c.c.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
			l, err := c.r.ReadString('\n')
			if broken && err == nil {
				t.Errorf("broken pipelining: NOOP answered %q, want nothing", l)
			}
			if !broken && l != "250 2.0.0 Ok\r\n" {
				t.Errorf("NOOP = %q, %v; want 250 2.0.0 Ok", l, err)
			}
		})
	}
}
