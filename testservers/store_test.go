package testservers

import (
	"encoding/base64"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// imapDo sends one tagged IMAP command and returns every line up to its tagged reply, "|"-joined.
func (c *client) imapDo(tag, cmd string) string {
	c.t.Helper()
	c.send(tag + " " + cmd)
	var lines []string
	for {
		l := c.line()
		lines = append(lines, l)
		if strings.HasPrefix(l, tag+" ") {
			return strings.Join(lines, "|")
		}
	}
}

// submit logs in over SMTP and sends one message from→to; it returns the replies to RCPT and
// to the end of DATA.
func submit(t *testing.T, s *Server, from, to, msgID string) (rcpt, data string) {
	t.Helper()
	c := dialPipe(t, s)
	c.line()
	c.cmd("EHLO client.test")
	wantPrefix(t, "AUTH", c.cmd("AUTH PLAIN "+base64.StdEncoding.EncodeToString([]byte("\x00"+DefaultUser+"\x00"+DefaultPassword))), "235 ")
	wantPrefix(t, "MAIL", c.cmd("MAIL FROM:<"+from+">"), "250 ")
	if rcpt = c.cmd("RCPT TO:<" + to + ">"); !strings.HasPrefix(rcpt, "250") {
		return rcpt, ""
	}
	wantPrefix(t, "DATA", c.cmd("DATA"), "354 ")
	c.send("From: <" + from + ">\r\nSubject: round trip\r\nMessage-ID: " + msgID + "\r\n\r\n..dot line\r\nbody")
	return rcpt, c.cmd(".")
}

func imapLoginPipe(t *testing.T, s *Server) *client {
	t.Helper()
	c := dialPipe(t, s)
	c.line()
	wantPrefix(t, "LOGIN", c.imapDo("a", "LOGIN "+DefaultUser+" "+DefaultPassword), "a OK [CAPABILITY ")
	return c
}

// TestStoreRoundTrip: a message the SMTP server accepts lands in the shared store, after the
// delivery delay (fake time), where IMAP finds, reads and expunges exactly it and POP3 sees it.
func TestStoreRoundTrip(t *testing.T) {
	ca := testCA(t)
	synctest.Test(t, func(t *testing.T) {
		st := NewStore(StoreConfig{QuotaKiB: 100, QuotaUsedKiB: 80, Delivery: DeliveryFaults{Delay: 5 * time.Second}})
		smtp := newT(t, Config{Proto: "smtp", Store: st}, ca)
		imap := newT(t, Config{Proto: "imap", Store: st}, ca)
		pop := newT(t, Config{Proto: "pop3", Store: st}, ca)

		_, data := submit(t, smtp, DefaultUser, DefaultUser, "<t1@mail.test>")
		want(t, "DATA", data, "250 2.0.0 Ok: queued as 4ZTEST0001")

		c := imapLoginPipe(t, imap)
		caps := c.imapDo("b", "CAPABILITY")
		for _, cp := range []string{"UIDPLUS", "SPECIAL-USE", "QUOTA"} {
			if !strings.Contains(caps, " "+cp) {
				t.Errorf("CAPABILITY after login lacks %s: %s", cp, caps)
			}
		}
		wantPrefix(t, "EXAMINE before", c.imapDo("c", "EXAMINE INBOX"), "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)|* 2 EXISTS")
		want(t, "SEARCH before", c.imapDo("d", `UID SEARCH HEADER Message-ID "<t1@mail.test>"`), "* SEARCH|d OK UID SEARCH completed.")

		time.Sleep(5 * time.Second) // the delivery delay, on the bubble's clock
		wantPrefix(t, "EXAMINE after", c.imapDo("e", "EXAMINE INBOX"), "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)|* 3 EXISTS")
		want(t, "SEARCH after", c.imapDo("f", `UID SEARCH HEADER MESSAGE-ID "<t1@mail.test>"`), "* SEARCH 3|f OK UID SEARCH completed.")
		hdr := c.imapDo("g", "UID FETCH 3 (BODY.PEEK[HEADER.FIELDS (RECEIVED AUTHENTICATION-RESULTS)])")
		for _, w := range []string{"* 3 FETCH (UID 3 BODY[HEADER.FIELDS (RECEIVED AUTHENTICATION-RESULTS)] {", "Authentication-Results: mail.test; spf=none", "Received: from client.test by mail.test with ESMTPSA id 4ZTEST0001"} {
			if !strings.Contains(hdr, w) {
				t.Errorf("header fetch lacks %q: %q", w, hdr)
			}
		}
		if strings.Contains(hdr, "Subject") {
			t.Errorf("HEADER.FIELDS returned other fields: %q", hdr)
		}
		wantPrefix(t, "QUOTAROOT", c.imapDo("h", "GETQUOTAROOT INBOX"), `* QUOTAROOT INBOX ""|* QUOTA "" (STORAGE 81 100)|h OK`)
		want(t, "LIST special-use", c.imapDo("i", `LIST "" "*" RETURN (SPECIAL-USE)`),
			`* LIST (\HasNoChildren) "/" INBOX|* LIST (\HasNoChildren \Sent) "/" Sent|* LIST (\HasNoChildren \Drafts) "/" Drafts|* LIST (\HasNoChildren \Trash) "/" Trash|* LIST (\HasNoChildren \Junk) "/" Junk|i OK List completed.`)
		want(t, "STORE read-only", c.imapDo("j", `UID STORE 3 +FLAGS.SILENT (\Deleted)`), "j NO [READ-ONLY] Mailbox is read-only.")
		wantPrefix(t, "SELECT", c.imapDo("k", "SELECT INBOX"), "* FLAGS")
		want(t, "STORE", c.imapDo("l", `UID STORE 3 +FLAGS.SILENT (\Deleted)`), "l OK UID STORE completed.")
		want(t, "UID EXPUNGE", c.imapDo("m", "UID EXPUNGE 3"), "* 3 EXPUNGE|m OK UID EXPUNGE completed.")
		want(t, "SEARCH gone", c.imapDo("n", `UID SEARCH HEADER Message-ID "<t1@mail.test>"`), "* SEARCH|n OK UID SEARCH completed.")
		if n := st.Count(); n != 2 {
			t.Errorf("store holds %d messages after the expunge, want the 2 it started with", n)
		}

		// POP3 serves the same INBOX: a second message is visible at the next login.
		submit(t, smtp, DefaultUser, DefaultUser, "<t2@mail.test>")
		time.Sleep(5 * time.Second)
		p := dialPipe(t, pop)
		p.line()
		p.cmd("USER " + DefaultUser)
		wantPrefix(t, "PASS", p.cmd("PASS "+DefaultPassword), "+OK")
		wantPrefix(t, "STAT", p.cmd("STAT"), "+OK 3 ")
		want(t, "UIDL 3", p.cmd("UIDL 3"), "+OK 3 dlv000002")
	})
}

// TestStoreDeliveryFaults: never delivered, delivered to Junk, no special-use folders, and
// Postfix's sender-login check.
func TestStoreDeliveryFaults(t *testing.T) {
	ca := testCA(t)
	for _, tt := range []struct {
		name        string
		cfg         StoreConfig
		faults      Faults
		from        string
		rcpt, data  string // reply prefixes
		inbox, junk int
		list        string
	}{
		{"never delivered", StoreConfig{Delivery: DeliveryFaults{Never: true}}, Faults{}, DefaultUser, "250 ", "250 2.0.0 Ok: queued as", 2, 0, ""},
		{"to junk", StoreConfig{Delivery: DeliveryFaults{Folder: "Junk"}}, Faults{}, DefaultUser, "250 ", "250 2.0.0 Ok: queued as", 2, 1, ""},
		{"no folders", StoreConfig{Folders: []Folder{}}, Faults{}, DefaultUser, "250 ", "250 ", 3, -1, `* LIST (\HasNoChildren) "/" INBOX|x OK List completed.`},
		{"sender login", StoreConfig{}, Faults{SMTPSenderLogin: true}, "boss@mail.test", "553 5.7.1 <boss@mail.test>: Sender address rejected: not owned by user " + DefaultUser, "", 2, 0, ""},
		{"foreign recipient dropped", StoreConfig{}, Faults{}, DefaultUser, "250 ", "250 2.0.0 Ok: accepted and discarded", 2, 0, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				st := NewStore(tt.cfg)
				smtp := newT(t, Config{Proto: "smtp", Store: st, Faults: tt.faults}, ca)
				imap := newT(t, Config{Proto: "imap", Store: st}, ca)
				to := DefaultUser
				if tt.name == "foreign recipient dropped" {
					to = "other@mail.test"
				}
				rcpt, data := submit(t, smtp, tt.from, to, "<f@mail.test>")
				wantPrefix(t, "RCPT", rcpt, tt.rcpt)
				wantPrefix(t, "DATA", data, tt.data)
				time.Sleep(time.Hour)
				if got := len(st.Messages("INBOX")); got != tt.inbox {
					t.Errorf("INBOX holds %d, want %d", got, tt.inbox)
				}
				if tt.junk >= 0 {
					if got := len(st.Messages("Junk")); got != tt.junk {
						t.Errorf("Junk holds %d, want %d", got, tt.junk)
					}
				}
				if tt.list != "" {
					c := imapLoginPipe(t, imap)
					want(t, "LIST", c.imapDo("x", `LIST "" "*" RETURN (SPECIAL-USE)`), tt.list)
					want(t, "SELECT Sent", c.imapDo("y", "SELECT Sent"), "y NO [NONEXISTENT] Mailbox doesn't exist.")
					if caps := c.imapDo("z", "CAPABILITY"); strings.Contains(caps, "QUOTA") {
						t.Errorf("QUOTA offered without a quota: %s", caps)
					}
				}
			})
		})
	}
}

// FuzzIMAPMailCommands: whatever a client sends after login to a store-backed IMAP server
// (SEARCH, STORE, EXPUNGE, FETCH of header fields, LIST RETURN, GETQUOTAROOT), the server
// answers with a tagged reply or hangs up; it never panics and never loses the store's lock.
func FuzzIMAPMailCommands(f *testing.F) {
	for _, seed := range []string{
		`UID SEARCH HEADER Message-ID "<1@mail.test>"`, `UID STORE 1:* +FLAGS.SILENT (\Deleted)`, `UID EXPUNGE 1,2`,
		`STORE 2 -FLAGS (\Seen \Deleted)`, `UID FETCH 1 (BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)])`, `LIST "" "*" RETURN (SPECIAL-USE)`,
		`GETQUOTAROOT INBOX`, `GETQUOTA ""`, `SEARCH UID 2:*`, `EXPUNGE`, `STORE 1 +FLAGS (`, `UID STORE`, `FETCH 1 (BODY[HEADER.FIELDS ()])`,
	} {
		f.Add(seed)
	}
	ca, err := NewCA()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, cmd string) {
		if strings.ContainsAny(cmd, "\r\n{") {
			return // one line, no literal: the line reader and literals have their own tests
		}
		st := NewStore(StoreConfig{QuotaKiB: 10})
		s := newT(t, Config{Proto: "imap", Store: st}, ca)
		c := imapLoginPipe(t, s)
		wantPrefix(t, "SELECT", c.imapDo("b", "SELECT INBOX"), "* FLAGS")
		c.send("c " + cmd)
		for {
			l, err := c.tryLine()
			if err != nil || strings.HasPrefix(l, "c ") || strings.HasPrefix(l, "* BYE") {
				break
			}
		}
		st.Count() // the store's lock is free again
	})
}
