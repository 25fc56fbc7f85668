package testservers

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
)

// pstep sends a line (none if send is readOnly) and checks the status line (exact, or prefix when
// want ends in "*"); body, if non-nil, is the multi-line body after it.
type pstep struct {
	send, want string
	body       []string
	tls        bool
}

func runPOP3(t *testing.T, c *client, steps []pstep, ca *CA) {
	t.Helper()
	for i, st := range steps {
		if st.send != readOnly {
			c.send(st.send)
		}
		got := c.line()
		what := fmt.Sprintf("step %d %q", i, st.send)
		if p, ok := strings.CutSuffix(st.want, "*"); ok {
			wantPrefix(t, what, got, p)
		} else {
			want(t, what, got, st.want)
		}
		if st.body != nil {
			want(t, what+" body", strings.Join(c.multi(), "|"), strings.Join(st.body, "|"))
		}
		if st.tls {
			c.upgrade(ca)
		}
	}
}

func TestPOP3Dialogues(t *testing.T) {
	ca := testCA(t)
	msgs := DefaultMessages()
	size1, size2 := len(msgs[0]), len(msgs[1])
	mb := NewStore(StoreConfig{Messages: msgs}).snapshot("INBOX")
	uid1, uid2 := mb[0].uid, mb[1].uid
	capaAll := []string{"TOP", "UIDL", "USER", "SASL PLAIN", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING"}
	lines2 := strings.Split(strings.TrimSuffix(msgs[1], "\r\n"), "\r\n")
	pass := "PASS " + DefaultPassword

	tests := []struct {
		name   string
		faults Faults
		steps  []pstep
	}{
		{"stls then login", Faults{RequireTLSForAuth: true}, []pstep{
			{readOnly, "+OK POP3 server ready <*", nil, false},
			{"CAPA", "+OK Capability list follows", []string{"TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "STLS", "IMPLEMENTATION mailcheck-testservers"}, false},
			{"USER " + DefaultUser, pop3Plaintext, nil, false},
			{pass, pop3Plaintext, nil, false},
			{"AUTH PLAIN " + plainIR, pop3Plaintext, nil, false},
			{"STAT", "-ERR Command not valid in this state.", nil, false},
			{"STLS", "+OK Begin TLS negotiation now.", nil, true},
			{"CAPA", "+OK Capability list follows", append(capaAll, "IMPLEMENTATION mailcheck-testservers"), false},
			{"STLS", "-ERR Command not permitted when TLS active.", nil, false},
			{"PASS x", "-ERR No username given.", nil, false},
			{"USER " + DefaultUser, "+OK", nil, false},
			{"PASS " + WrongPassword, "-ERR [AUTH] Authentication failed.", nil, false},
			{pass, "-ERR No username given.", nil, false},
			{"USER " + DefaultUser, "+OK", nil, false},
			{pass, "+OK Logged in.", nil, false},
			{"STAT", fmt.Sprintf("+OK 2 %d", size1+size2), nil, false},
			{"LIST", fmt.Sprintf("+OK 2 messages (%d octets)", size1+size2), []string{fmt.Sprintf("1 %d", size1), fmt.Sprintf("2 %d", size2)}, false},
			{"LIST 2", fmt.Sprintf("+OK 2 %d", size2), nil, false},
			{"LIST 3", "-ERR There's no message 3.", nil, false},
			{"LIST x", "-ERR Invalid message number.", nil, false},
			{"UIDL", "+OK", []string{"1 " + uid1, "2 " + uid2}, false},
			{"UIDL 1", "+OK 1 " + uid1, nil, false},
			{"RETR 2", fmt.Sprintf("+OK %d octets", size2), lines2, false},
			{"TOP 2 1", "+OK*", lines2[:7], false},
			{"TOP 2 0", "+OK*", lines2[:6], false},
			{"DELE 1", "+OK Marked to be deleted.", nil, false},
			{"DELE 1", "-ERR Message is deleted.", nil, false},
			{"RETR 1", "-ERR Message is deleted.", nil, false},
			{"STAT", fmt.Sprintf("+OK 1 %d", size2), nil, false},
			{"RSET", "+OK", nil, false},
			{"STAT", fmt.Sprintf("+OK 2 %d", size1+size2), nil, false},
			{"USER x", "-ERR Command not valid in this state.", nil, false},
			{"NOOP", "+OK", nil, false},
			{"XTND", "-ERR Unknown command.", nil, false},
			{"QUIT", "+OK Logging out.", nil, false},
		}},
		{"implicit tls, auth plain", Faults{ImplicitTLS: true}, []pstep{
			{readOnly, "+OK*", nil, false},
			{"CAPA", "+OK Capability list follows", append(capaAll, "IMPLEMENTATION mailcheck-testservers"), false},
			{"AUTH", "+OK", []string{"PLAIN"}, false},
			{"AUTH CRAM-MD5", "-ERR Unsupported authentication mechanism.", nil, false},
			{"AUTH PLAIN", "+ ", nil, false},
			{"*", "-ERR Authentication cancelled.", nil, false},
			{"AUTH PLAIN", "+ ", nil, false},
			{plainIR, "+OK Logged in.", nil, false},
			{"QUIT", "+OK Logging out.", nil, false},
		}},
		{"plaintext allowed", Faults{}, []pstep{
			{readOnly, "+OK*", nil, false},
			{"CAPA", "+OK Capability list follows", append(capaAll, "STLS", "IMPLEMENTATION mailcheck-testservers"), false},
			{"AUTH PLAIN " + plainIR, "+OK Logged in.", nil, false},
		}},
		{"in use", Faults{InUse: true}, []pstep{
			{readOnly, "+OK*", nil, false},
			{"USER " + DefaultUser, "+OK", nil, false},
			{"PASS " + WrongPassword, "-ERR [AUTH] Authentication failed.", nil, false},
			{"USER " + DefaultUser, "+OK", nil, false},
			{pass, "-ERR [IN-USE] Mailbox is locked by another POP3 session", nil, false},
			{"STAT", "-ERR Command not valid in this state.", nil, false},
		}},
		{"auth reject", Faults{AuthReject: "-ERR Please using authorized code to login."}, []pstep{
			{readOnly, "+OK*", nil, false},
			{"USER " + DefaultUser, "+OK", nil, false},
			{pass, "-ERR Please using authorized code to login.", nil, false},
		}},
		{"no stls", Faults{NoSTARTTLS: true}, []pstep{
			{readOnly, "+OK*", nil, false},
			{"CAPA", "+OK Capability list follows", append(capaAll, "IMPLEMENTATION mailcheck-testservers"), false},
			{"STLS", "-ERR Unknown command.", nil, false},
		}},
		{"stls fails", Faults{STARTTLSFails: true}, []pstep{
			{readOnly, "+OK*", nil, false},
			{"STLS", "-ERR TLS not available", nil, false},
		}},
		{"strip stls", Faults{StripSTARTTLS: true, RequireTLSForAuth: true}, []pstep{
			{readOnly, "+OK*", nil, false},
			{"CAPA", "+OK Capability list follows", []string{"TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "IMPLEMENTATION mailcheck-testservers"}, false},
			{"STLS", "-ERR Unknown command.", nil, false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := StartT(t, Config{Proto: "pop3", Faults: tt.faults}, ca)
			var c *client
			if tt.faults.ImplicitTLS {
				c = dialTLS(t, s.Addr, ca)
			} else {
				c = dial(t, s.Addr)
			}
			runPOP3(t, c, tt.steps, ca)
		})
	}
}

func TestPOP3APOP(t *testing.T) {
	s := StartT(t, Config{Proto: "pop3"}, testCA(t))
	c := dial(t, s.Addr)
	g := c.line()
	stamp := g[strings.Index(g, "<"):]
	sum := md5.Sum([]byte(stamp + DefaultPassword))
	want(t, "APOP wrong", c.cmd("APOP "+DefaultUser+" 00000000000000000000000000000000"), "-ERR [AUTH] Authentication failed.")
	want(t, "APOP", c.cmd("APOP "+DefaultUser+" "+hex.EncodeToString(sum[:])), "+OK Logged in.")

	c2 := dial(t, s.Addr)
	if g2 := c2.line(); g2 == g {
		t.Errorf("two greetings share the APOP timestamp %q", g)
	}
}

// TestPOP3DeletePersists checks QUIT commits deletions (RFC 1939 6) and a dropped session does not.
func TestPOP3DeletePersists(t *testing.T) {
	s := StartT(t, Config{Proto: "pop3", Messages: []string{"Subject: a\n\nA\n", "Subject: b\n\nB\n", "Subject: c\n\nC\n"}}, testCA(t))
	login := func() *client {
		c := dial(t, s.Addr)
		c.line()
		c.cmd("USER " + DefaultUser)
		want(t, "PASS", c.cmd("PASS "+DefaultPassword), "+OK Logged in.")
		return c
	}
	c := login()
	c.cmd("DELE 1")
	c.c.Close() // no QUIT: nothing is deleted
	c = login()
	wantPrefix(t, "STAT after drop", c.cmd("STAT"), "+OK 3 ")
	c.cmd("DELE 2")
	want(t, "QUIT", c.cmd("QUIT"), "+OK Logging out.")
	c = login()
	want(t, "STAT after QUIT", c.cmd("STAT"), "+OK 2 34")
	c.send("RETR 2")
	c.line()
	want(t, "RETR 2 after delete", strings.Join(c.multi(), "|"), "Subject: c||C")
}

func TestPOP3PassWithSpaces(t *testing.T) {
	s := StartT(t, Config{Proto: "pop3", Users: map[string]string{"u": "pass with spaces"}}, testCA(t))
	c := dial(t, s.Addr)
	c.line()
	c.cmd("USER u")
	want(t, "PASS", c.cmd("PASS pass with spaces"), "+OK Logged in.")
}
