package testservers

import (
	"testing"
	"testing/synctest"
)

// TestReplies: a Replies entry answers its verb (whatever the arguments) and, for SMTP, the end
// of DATA; other commands keep their normal answers, and a refused MAIL opens no transaction.
func TestReplies(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newT(t, Config{Proto: "smtp", Faults: Faults{Replies: map[string]string{
			"RCPT": "552 5.2.1 <user@mail.test>: Recipient address rejected: User disabled",
			".":    "500 5.0.0: Line too long",
		}}}, testCA(t))
		c := dialPipe(t, s)
		c.line()
		c.cmd("EHLO client.test")
		want(t, "MAIL", c.cmd("MAIL FROM:<user@mail.test> SIZE=10"), "250 2.1.0 Ok")
		want(t, "RCPT", c.cmd("RCPT TO:<someone@mail.test>"), "552 5.2.1 <user@mail.test>: Recipient address rejected: User disabled")
		want(t, "DATA", c.cmd("DATA"), "503 5.5.1 Error: need RCPT command") // the refused RCPT added no recipient
	})
	synctest.Test(t, func(t *testing.T) {
		s := newT(t, Config{Proto: "smtp", Faults: Faults{Replies: map[string]string{".": "500 5.0.0: Line too long"}}}, testCA(t))
		c := dialPipe(t, s)
		c.line()
		c.cmd("EHLO client.test")
		c.cmd("MAIL FROM:<user@mail.test>")
		c.cmd("RCPT TO:<user@mail.test>")
		wantPrefix(t, "DATA", c.cmd("DATA"), "354 ")
		c.send("Subject: x")
		c.send("")
		c.send("body")
		want(t, "end of data", c.cmd("."), "500 5.0.0: Line too long")
	})
	synctest.Test(t, func(t *testing.T) {
		s := newT(t, Config{Proto: "pop3", Faults: Faults{Replies: map[string]string{"USER": "-ERR [SYS/PERM] Mailbox is read-only"}}}, testCA(t))
		c := dialPipe(t, s)
		c.line()
		c.send("USER user@mail.test")
		want(t, "USER", c.line(), "-ERR [SYS/PERM] Mailbox is read-only")
		c.send("CAPA")
		wantPrefix(t, "CAPA", c.line(), "+OK")
	})
	synctest.Test(t, func(t *testing.T) {
		s := newT(t, Config{Proto: "imap", Faults: Faults{Replies: map[string]string{"EXAMINE": "NO [NONEXISTENT] Mailbox doesn't exist: INBOX"}}}, testCA(t))
		c := dialPipe(t, s)
		c.line()
		c.send(`a1 EXAMINE INBOX`)
		want(t, "EXAMINE", c.line(), "a1 NO [NONEXISTENT] Mailbox doesn't exist: INBOX")
		c.send(`a2 NOOP`)
		wantPrefix(t, "NOOP", c.line(), "a2 OK")
	})
}
