package testservers

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// Capability lists the engine must announce in each state.
const (
	capsPlain    = "IMAP4rev1 STARTTLS AUTH=PLAIN SASL-IR ID LITERAL+ IDLE NAMESPACE"
	capsDisabled = "IMAP4rev1 STARTTLS LOGINDISABLED SASL-IR ID LITERAL+ IDLE NAMESPACE"
	capsTLS      = "IMAP4rev1 AUTH=PLAIN SASL-IR ID LITERAL+ IDLE NAMESPACE"
	capsAuthed   = "IMAP4rev1 SASL-IR ID LITERAL+ IDLE NAMESPACE"
	imapLoggedIn = " OK [CAPABILITY " + capsAuthed + "] Logged in"
	imapLogin    = `LOGIN "` + DefaultUser + `" "` + DefaultPassword + `"`
)

func imapGreeting(caps string) string {
	return "* OK [CAPABILITY " + caps + "] mailcheck testserver ready"
}

// selectReply is the full answer to SELECT/EXAMINE INBOX with n messages.
func selectReply(tag string, n int, examine bool) string {
	perm, done := `\Answered \Flagged \Deleted \Seen \Draft \*`, "[READ-WRITE] Select completed."
	if examine {
		perm, done = "", "[READ-ONLY] Examine completed."
	}
	return strings.Join([]string{
		`* FLAGS (\Answered \Flagged \Deleted \Seen \Draft)`,
		fmt.Sprintf("* %d EXISTS", n),
		"* 0 RECENT",
		"* OK [PERMANENTFLAGS (" + perm + ")] Flags permitted.",
		"* OK [UIDVALIDITY 1] UIDs valid",
		fmt.Sprintf("* OK [UIDNEXT %d] Predicted next UID", n+1),
		tag + " OK " + done,
	}, "|")
}

// iline reads one IMAP response line with its literals inlined as sent ("{n}" CRLF bytes).
func (c *client) iline() string {
	c.t.Helper()
	l := c.line()
	for {
		n, _, ok := literalMarker(l)
		if !ok {
			return l
		}
		buf := make([]byte, n)
		c.c.SetReadDeadline(time.Now().Add(5 * time.Second))
		if _, err := io.ReadFull(c.r, buf); err != nil {
			c.t.Fatalf("read literal: %v", err)
		}
		l += "\r\n" + string(buf) + c.line()
	}
}

// iresp reads responses up to the first line that is not untagged ("* ..."), the tagged
// completion or a continuation, or up to an untagged BAD (a line without a usable tag). It
// returns them joined by "|".
func (c *client) iresp() string {
	c.t.Helper()
	var lines []string
	for {
		l := c.iline()
		lines = append(lines, l)
		if !strings.HasPrefix(l, "* ") || strings.HasPrefix(l, "* BAD ") {
			return strings.Join(lines, "|")
		}
	}
}

// icmd sends one line and returns iresp.
func (c *client) icmd(line string) string {
	c.t.Helper()
	c.send(line)
	return c.iresp()
}

// runIMAP plays steps like runSMTP: a line sent (none for readOnly), the responses joined by "|"
// checked exactly or by prefix ("*" at the end), then a TLS upgrade when asked.
func runIMAP(t *testing.T, c *client, steps []step, ca *CA) {
	t.Helper()
	for i, st := range steps {
		var got string
		if st.send == readOnly {
			got = c.iline()
		} else {
			got = c.icmd(st.send)
		}
		what := fmt.Sprintf("step %d %q", i, st.send)
		if p, ok := strings.CutSuffix(st.want, "*"); ok {
			wantPrefix(t, what, got, p)
		} else {
			want(t, what, got, st.want)
		}
		if st.tls {
			c.upgrade(ca)
		}
	}
}

func TestIMAPDialogues(t *testing.T) {
	ca := testCA(t)
	msgs := DefaultMessages()
	size1, size2 := len(msgs[0]), len(msgs[1])
	hdr2, body2, _ := strings.Cut(msgs[1], "\r\n\r\n")
	hdr2 += "\r\n\r\n"
	privacy := " NO [PRIVACYREQUIRED] Plaintext authentication disallowed"
	wrongIR := b64("\x00" + DefaultUser + "\x00" + WrongPassword)

	tests := []struct {
		name   string
		faults Faults
		steps  []step
	}{
		{"starttls then login", Faults{RequireTLSForAuth: true}, []step{
			{readOnly, imapGreeting(capsDisabled), false},
			{"a1 CAPABILITY", "* CAPABILITY " + capsDisabled + "|a1 OK Capability completed.", false},
			{"a2 " + imapLogin, "a2" + privacy, false},
			{"a3 AUTHENTICATE PLAIN " + plainIR, "a3" + privacy, false},
			{"a4 AUTHENTICATE PLAIN", "a4" + privacy, false}, // refused before the continuation
			{"a5 SELECT INBOX", "a5 BAD Command not valid in this state.", false},
			{"a6 FETCH 1 FLAGS", "a6 BAD No mailbox selected.", false},
			{"a7 STARTTLS", "a7 OK Begin TLS negotiation now.", true},
			{"a8 CAPABILITY", "* CAPABILITY " + capsTLS + "|a8 OK Capability completed.", false},
			{"a9 STARTTLS", "a9 BAD TLS is already active.", false},
			{"b1 LOGIN " + DefaultUser + " " + WrongPassword, "b1 NO [AUTHENTICATIONFAILED] Authentication failed.", false},
			{"b2 " + imapLogin, "b2" + imapLoggedIn, false},
			{"b3 LOGIN x y", "b3 BAD Command not valid in this state.", false},
			{"b4 STARTTLS", "b4 BAD Command not valid in this state.", false},
			{"b5 CAPABILITY", "* CAPABILITY " + capsAuthed + "|b5 OK Capability completed.", false},
		}},
		// A separate session: maxErrors bad commands would end one session.
		{"mailbox commands", Faults{ImplicitTLS: true}, []step{
			{readOnly, imapGreeting(capsTLS), false},
			{"b2 " + imapLogin, "b2" + imapLoggedIn, false},
			{"b6 NAMESPACE", `* NAMESPACE (("" "/")) NIL NIL|b6 OK Namespace completed.`, false},
			{`b7 LIST "" "*"`, `* LIST (\HasNoChildren) "/" INBOX|* LIST (\HasNoChildren) "/" Sent|* LIST (\HasNoChildren) "/" Drafts|* LIST (\HasNoChildren) "/" Trash|* LIST (\HasNoChildren) "/" Junk|b7 OK List completed.`, false},
			{`b8 LIST "" ""`, `* LIST (\Noselect) "/" ""|b8 OK List completed.`, false},
			{`b9 LIST "" Sent*`, `* LIST (\HasNoChildren) "/" Sent|b9 OK List completed.`, false},
			{`c1 LIST "" J%`, `* LIST (\HasNoChildren) "/" Junk|c1 OK List completed.`, false},
			{"c2 SELECT Archive", "c2 NO [NONEXISTENT] Mailbox doesn't exist.", false},
			{"c3 FETCH 1 FLAGS", "c3 BAD No mailbox selected.", false},
			{`c4 SELECT "inbox"`, selectReply("c4", 2, false), false},
			{"c5 FETCH 1 (FLAGS RFC822.SIZE)", fmt.Sprintf("* 1 FETCH (FLAGS () RFC822.SIZE %d)|c5 OK Fetch completed.", size1), false},
			{"c6 FETCH 1 BODY[]", fmt.Sprintf("* 1 FETCH (BODY[] {%d}\r\n%s FLAGS (\\Seen))|c6 OK Fetch completed.", size1, msgs[0]), false},
			{"c7 FETCH 1:* FLAGS", `* 1 FETCH (FLAGS (\Seen))|* 2 FETCH (FLAGS ())|c7 OK Fetch completed.`, false},
			{"c8 UID FETCH 2:9 (RFC822.SIZE BODY.PEEK[HEADER])",
				fmt.Sprintf("* 2 FETCH (UID 2 RFC822.SIZE %d BODY[HEADER] {%d}\r\n%s)|c8 OK UID Fetch completed.", size2, len(hdr2), hdr2), false},
			{"c9 UID FETCH 5:* FLAGS", "* 2 FETCH (UID 2 FLAGS ())|c9 OK UID Fetch completed.", false},
			{"d1 FETCH 3 FLAGS", "d1 BAD Invalid messageset.", false},
			{"d2 FETCH 1 ENVELOPE", "d2 BAD Unsupported fetch item ENVELOPE.", false},
			{"d3 FETCH 2 FAST", fmt.Sprintf("* 2 FETCH (FLAGS () INTERNALDATE %s RFC822.SIZE %d)|d3 OK Fetch completed.", imapInternalDate, size2), false},
			{"d4 UID MOVE 1 Trash", "d4 BAD Unsupported UID command.", false},
			{"d5 CLOSE", "d5 OK Close completed.", false},
			{"d6 CLOSE", "d6 BAD No mailbox selected.", false},
			{"d7 EXAMINE INBOX", selectReply("d7", 2, true), false},
			{"d8 FETCH 2 RFC822.TEXT", fmt.Sprintf("* 2 FETCH (RFC822.TEXT {%d}\r\n%s)|d8 OK Fetch completed.", len(body2), body2), false}, // read-only: no \Seen
			{"d9 IDLE", "+ idling", false},
			{"DONE", "d9 OK Idle completed.", false},
			{"e1 NOOP", "e1 OK NOOP completed.", false},
			{"e2 XYZZY", "e2 BAD Unknown command.", false},
			{"e3 LOGOUT", "* BYE Logging out|e3 OK Logout completed.", false},
		}},
		{"implicit tls, authenticate plain", Faults{ImplicitTLS: true}, []step{
			{readOnly, imapGreeting(capsTLS), false},
			{"a1 AUTHENTICATE CRAM-MD5", "a1 NO [CANNOT] Unsupported authentication mechanism.", false},
			{"a2 AUTHENTICATE PLAIN", "+ ", false},
			{"*", "a2 BAD Authentication aborted by client.", false},
			{"a3 AUTHENTICATE PLAIN", "+ ", false},
			{"!!!", "a3 BAD Invalid base64 data.", false},
			{"a4 AUTHENTICATE PLAIN =", "a4 BAD Invalid PLAIN response.", false},
			{"a5 AUTHENTICATE PLAIN " + wrongIR, "a5 NO [AUTHENTICATIONFAILED] Authentication failed.", false},
			{"a6 AUTHENTICATE PLAIN", "+ ", false},
			{plainIR, "a6" + imapLoggedIn, false},
			{"a7 AUTHENTICATE PLAIN " + plainIR, "a7 BAD Command not valid in this state.", false},
			{"a8 EXAMINE INBOX", selectReply("a8", 2, true), false},
		}},
		{"plaintext login allowed", Faults{}, []step{
			{readOnly, imapGreeting(capsPlain), false},
			{"a1 LOGIN " + DefaultUser + " " + DefaultPassword, "a1" + imapLoggedIn, false},
		}},
		{"no starttls", Faults{NoSTARTTLS: true}, []step{
			{readOnly, imapGreeting("IMAP4rev1 AUTH=PLAIN SASL-IR ID LITERAL+ IDLE NAMESPACE"), false},
			{"a1 STARTTLS", "a1 BAD Unknown command.", false},
		}},
		{"strip starttls", Faults{StripSTARTTLS: true, RequireTLSForAuth: true}, []step{
			{readOnly, imapGreeting("IMAP4rev1 LOGINDISABLED SASL-IR ID LITERAL+ IDLE NAMESPACE"), false},
			{"a1 CAPABILITY", "* CAPABILITY IMAP4rev1 LOGINDISABLED SASL-IR ID LITERAL+ IDLE NAMESPACE|a1 OK Capability completed.", false},
			{"a2 STARTTLS", "a2 BAD Unknown command.", false},
		}},
		{"starttls fails", Faults{STARTTLSFails: true, RequireTLSForAuth: true}, []step{
			{readOnly, imapGreeting(capsDisabled), false},
			{"a1 STARTTLS", "a1 NO [UNAVAILABLE] TLS not available", false},
		}},
		{"id required", Faults{ImplicitTLS: true, IMAPIDRequired: true}, []step{
			{readOnly, imapGreeting(capsTLS), false},
			{"a1 " + imapLogin, "a1" + imapLoggedIn, false},
			{"a2 EXAMINE INBOX", "a2 " + imapUnsafeLogin, false},
			{"a3 SELECT INBOX", "a3 " + imapUnsafeLogin, false},
			{"a4 ID", "a4 BAD Invalid arguments.", false},
			{"a5 ID name", "a5 BAD Invalid arguments.", false},
			{`a6 ID ("name" "mailcheck" "version" "1")`, `* ID ("name" "mailcheck-testserver")|a6 OK ID completed.`, false},
			{"a7 EXAMINE INBOX", selectReply("a7", 2, true), false},
		}},
		{"id before login", Faults{ImplicitTLS: true, IMAPIDRequired: true}, []step{
			{readOnly, "* OK*", false},
			{"a1 ID NIL", `* ID ("name" "mailcheck-testserver")|a1 OK ID completed.`, false},
			{"a2 " + imapLogin, "a2" + imapLoggedIn, false},
			{"a3 SELECT INBOX", selectReply("a3", 2, false), false},
		}},
		{"auth reject, multi-line", Faults{ImplicitTLS: true, AuthReject: "* NO [WEBALERT https://accounts.google.com/x] Web login required\r\nNO [ALERT] Please log in via your web browser"}, []step{
			{readOnly, "* OK*", false},
			{"a1 " + imapLogin, "* NO [WEBALERT https://accounts.google.com/x] Web login required|a1 NO [ALERT] Please log in via your web browser", false},
			{"a2 AUTHENTICATE PLAIN " + plainIR, "* NO [WEBALERT*", false},
		}},
		{"accept any password", Faults{ImplicitTLS: true, AcceptAnyPassword: true}, []step{
			{readOnly, "* OK*", false},
			{"a1 LOGIN nobody anything", "a1" + imapLoggedIn, false},
		}},
		{"syntax errors", Faults{}, []step{
			{readOnly, "* OK*", false},
			{"", "* BAD Invalid tag.", false},
			{"+x NOOP", "* BAD Invalid tag.", false},
			{"a1", "a1 BAD Missing command.", false},
			{`a2 LOGIN "unterminated`, "a2 BAD Invalid arguments.", false},
			{"a3 LOGIN a b c", "a3 BAD Invalid arguments.", false},
			{`a4 LOGIN "a\x" b`, "a4 BAD Invalid arguments.", false},
			{"a5 CAPABILITY now", "a5 BAD Invalid arguments.", false},
			{`a6 LOGIN "` + DefaultUser + `" "secret-pass`, "a6 BAD Invalid arguments.", false},
			{"a7 NOOP", "a7 OK NOOP completed.", false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := StartT(t, Config{Proto: "imap", Faults: tt.faults}, ca)
			var c *client
			if tt.faults.ImplicitTLS {
				c = dialTLS(t, s.Addr, ca)
			} else {
				c = dial(t, s.Addr)
			}
			runIMAP(t, c, tt.steps, ca)
		})
	}
}

func TestIMAPLogout(t *testing.T) {
	s := StartT(t, Config{Proto: "imap"}, testCA(t))
	c := dial(t, s.Addr)
	c.line()
	want(t, "LOGOUT", c.icmd("a1 LOGOUT"), "* BYE Logging out|a1 OK Logout completed.")
	c.expectEOF()
}

// TestIMAPLiterals logs in with synchronizing literals (RFC 9051 4.3) and LITERAL+ ones (RFC
// 7888), and checks a literal carries what a quoted string cannot.
func TestIMAPLiterals(t *testing.T) {
	ca := testCA(t)
	odd := "p\"a\\ss\r\nword"
	s := StartT(t, Config{Proto: "imap", Faults: Faults{ImplicitTLS: true},
		Users: map[string]string{DefaultUser: DefaultPassword, "odd": odd}}, ca)

	t.Run("synchronizing", func(t *testing.T) {
		c := dialTLS(t, s.Addr, ca)
		c.line()
		before := s.Commands()
		want(t, "LOGIN line", c.icmd(fmt.Sprintf("a1 LOGIN {%d}", len(DefaultUser))), "+ Ready")
		want(t, "user literal", c.icmd(fmt.Sprintf("%s {%d}", DefaultUser, len(DefaultPassword))), "+ Ready")
		want(t, "password literal", c.icmd(DefaultPassword), "a1"+imapLoggedIn)
		if got := s.Commands() - before; got != 3 {
			t.Errorf("Commands() grew by %d, want 3 (each answered line)", got)
		}
	})
	t.Run("literal+", func(t *testing.T) {
		c := dialTLS(t, s.Addr, ca)
		c.line()
		before := s.Commands()
		c.send(fmt.Sprintf("a1 LOGIN odd {%d+}\r\n%s", len(odd), odd))
		want(t, "LOGIN", c.iresp(), "a1"+imapLoggedIn)
		if got := s.Commands() - before; got != 1 {
			t.Errorf("Commands() grew by %d, want 1", got)
		}
	})
	t.Run("wrong password in a literal", func(t *testing.T) {
		c := dialTLS(t, s.Addr, ca)
		c.line()
		c.send("a1 LOGIN odd {5+}\r\nwrong")
		want(t, "LOGIN", c.iresp(), "a1 NO [AUTHENTICATIONFAILED] Authentication failed.")
	})
	t.Run("synchronizing literal too big", func(t *testing.T) {
		c := dialTLS(t, s.Addr, ca)
		c.line()
		want(t, "LOGIN", c.icmd("a1 LOGIN odd {99999}"), "a1 BAD Literal too big.")
		want(t, "NOOP", c.icmd("a2 NOOP"), "a2 OK NOOP completed.")
	})
	t.Run("literal+ too big", func(t *testing.T) {
		c := dialTLS(t, s.Addr, ca)
		c.line()
		c.send("a1 LOGIN odd {99999+}")
		want(t, "LOGIN", c.line(), "* BYE Literal too big.")
		c.expectEOF()
	})
}

// TestIMAPSTARTTLSDiscardsPipelined checks plaintext sent after STARTTLS in the same packet is
// never executed (RFC 9051 6.2.1, the CVE-2011-0411 class).
func TestIMAPSTARTTLSDiscardsPipelined(t *testing.T) {
	ca := testCA(t)
	s := StartT(t, Config{Proto: "imap"}, ca)
	c := dial(t, s.Addr)
	c.line()
	c.send("a1 STARTTLS\r\na2 LOGIN " + DefaultUser + " " + DefaultPassword)
	want(t, "STARTTLS", c.iresp(), "a1 OK Begin TLS negotiation now.")
	c.upgrade(ca)
	want(t, "NOOP", c.icmd("a3 NOOP"), "a3 OK NOOP completed.")
	want(t, "SELECT", c.icmd("a4 SELECT INBOX"), "a4 BAD Command not valid in this state.")
}

func TestIMAPInjectAfterSTARTTLS(t *testing.T) {
	s := StartT(t, Config{Proto: "imap", Faults: Faults{InjectAfterSTARTTLS: []byte("* OK injected\r\n")}}, testCA(t))
	c := dial(t, s.Addr)
	c.line()
	c.send("a1 STARTTLS")
	want(t, "ready", c.line(), "a1 OK Begin TLS negotiation now.")
	want(t, "injected", c.line(), "* OK injected")
}

func TestIMAPTooManyErrors(t *testing.T) {
	s := StartT(t, Config{Proto: "imap"}, testCA(t))
	c := dial(t, s.Addr)
	c.line()
	for i := 1; i < maxErrors; i++ {
		want(t, "bad", c.icmd(fmt.Sprintf("a%d FOO", i)), fmt.Sprintf("a%d BAD Unknown command.", i))
	}
	c.send("z FOO")
	want(t, "last bad", c.line(), "z BAD Unknown command.")
	want(t, "bye", c.line(), "* BYE Too many invalid commands.")
	c.expectEOF()
}

func TestIMAPEndlessCapability(t *testing.T) {
	ca := testCA(t)
	synctest.Test(t, func(t *testing.T) { // over a Pipe: the 10 MiB take no deadline race
		c := dialPipe(t, newT(t, Config{Proto: "imap", Faults: Faults{EndlessMultiline: true}}, ca))
		c.line()
		c.send("a1 CAPABILITY")
		want(t, "first line", c.line(), "* CAPABILITY "+capsPlain)
		c.c.SetReadDeadline(time.Now().Add(10 * time.Second))
		n, err := io.Copy(io.Discard, c.r)
		if err != nil {
			t.Fatalf("read: %v", err)
		}
		if n < endlessLimit || n > endlessLimit+1<<20 {
			t.Errorf("read %d bytes, want about %d, then EOF", n, endlessLimit)
		}
	})
}

// TestIMAPSynctest runs a STARTTLS session with a synchronizing literal over net.Pipe in a
// bubble: the continuation must not deadlock the synchronous pipe and delays use fake time.
func TestIMAPSynctest(t *testing.T) {
	ca := testCA(t)
	synctest.Test(t, func(t *testing.T) {
		s, err := New(Config{Proto: "imap", Faults: Faults{RequireTLSForAuth: true, GreetingDelay: time.Second}, Latency: 100 * time.Millisecond}, ca)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		cc, sc := net.Pipe()
		go s.ServeConn(sc)
		c := &client{t: t, c: cc, r: bufio.NewReader(cc)}
		start := time.Now()
		want(t, "greeting", c.line(), imapGreeting(capsDisabled))
		if d := time.Since(start); d != 1100*time.Millisecond {
			t.Errorf("greeting after %v, want exactly 1.1s of fake time", d)
		}
		want(t, "STARTTLS", c.icmd("a1 STARTTLS"), "a1 OK Begin TLS negotiation now.")
		c.upgrade(ca)
		want(t, "LOGIN", c.icmd(fmt.Sprintf("a2 LOGIN %s {%d}", DefaultUser, len(DefaultPassword))), "+ Ready")
		want(t, "literal", c.icmd(DefaultPassword), "a2"+imapLoggedIn)
		want(t, "EXAMINE", c.icmd("a3 EXAMINE INBOX"), selectReply("a3", 2, true))
		want(t, "LOGOUT", c.icmd("a4 LOGOUT"), "* BYE Logging out|a4 OK Logout completed.")
		if s.Conns() != 1 || s.Commands() != 5 {
			t.Errorf("Conns, Commands = %d, %d; want 1, 5", s.Conns(), s.Commands())
		}
	})
}

func TestSeqSet(t *testing.T) {
	tests := []struct {
		set  string
		last int
		uid  bool
		want string // "" for an error
	}{
		{"1", 2, false, "[1]"},
		{"2:1", 2, false, "[1 2]"},
		{"1,1:*", 2, false, "[1 2]"},
		{"*", 2, false, "[2]"},
		{"3", 2, false, ""},
		{"0", 2, false, ""},
		{"*", 0, false, ""},
		{"x", 2, false, ""},
		{"+1", 2, false, ""},
		{"3:9", 2, true, "[]"},
		{"2:9", 2, true, "[2]"},
		{"*", 0, true, "[]"},
	}
	for _, tt := range tests {
		got, ok := seqSet(tt.set, tt.last, tt.uid)
		g := fmt.Sprint(got)
		if got == nil {
			g = "[]"
		}
		if !ok {
			g = ""
		}
		if g != tt.want {
			t.Errorf("seqSet(%q, %d, %v) = %q, want %q", tt.set, tt.last, tt.uid, g, tt.want)
		}
	}
}

func TestWildMatch(t *testing.T) {
	for _, tt := range []struct {
		pat  string
		want bool
	}{{"*", true}, {"%", true}, {"INBOX", true}, {"IN*", true}, {"I%X", true}, {"*/%", false}, {"SENT", false}, {"", false}, {"INBOX*", true}} {
		if got := wildMatch(tt.pat, "INBOX"); got != tt.want {
			t.Errorf("wildMatch(%q, INBOX) = %v, want %v", tt.pat, got, tt.want)
		}
	}
}
