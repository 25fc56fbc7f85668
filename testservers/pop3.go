package testservers

import (
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// DefaultMessages returns the mailbox used when Config.Messages is nil. The second message has a
// body line starting with a dot, so dot-stuffing (RFC 1939 3) is exercised by every RETR.
func DefaultMessages() []string {
	return []string{
		"From: Alice <alice@mail.test>\r\nTo: user@mail.test\r\nSubject: Hello\r\nDate: Mon, 01 Jan 2024 10:00:00 +0000\r\nMessage-ID: <1@mail.test>\r\n\r\nHello from the test server.\r\n",
		"From: Bob <bob@mail.test>\r\nTo: user@mail.test\r\nSubject: Second\r\nDate: Tue, 02 Jan 2024 11:00:00 +0000\r\nMessage-ID: <2@mail.test>\r\n\r\nLine one.\r\n.leading dot line\r\nLast line.\r\n",
	}
}

type message struct {
	uid     string // POP3 unique-id
	imapUID int
	text    string // CRLF line ends, ends with CRLF
	deleted bool   // \Deleted (IMAP)
}

// pop3Session is the in-house POP3 engine (RFC 1939, 2449 CAPA, 2595 STLS, 5034 AUTH, 3206
// response codes); no maintained Go POP3 server library exists.
type pop3Session struct {
	*wire
	user    string // from USER, until PASS
	authed  bool   // TRANSACTION state
	msgs    []message
	deleted []bool
}

const pop3Plaintext = "-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections."

// pop3NoPassword answers USER, PASS and APOP under OnlyOAuth.
const pop3NoPassword = "-ERR [AUTH] Password authentication is disabled, use AUTH XOAUTH2 or OAUTHBEARER."

func (s *pop3Session) serve() {
	f := s.srv.cfg.Faults
	for {
		line, err := s.readCommand()
		if err != nil {
			s.goodbye(err, farewells{"-ERR Line too long.", "-ERR Disconnected for inactivity."})
			return
		}
		v, arg := verb(line)
		if handled, alive := s.canned(v, ""); handled {
			if !alive {
				return
			}
			continue
		}
		if s.authed {
			if !s.transaction(v, arg) {
				return
			}
			continue
		}
		switch v {
		case "CAPA":
			s.reply(s.capa()...)
		case "QUIT":
			s.reply(s.quitReply())
			return
		case "STLS":
			switch {
			case s.tls:
				s.reply("-ERR Command not permitted when TLS active.")
			case f.NoSTARTTLS || f.StripSTARTTLS:
				if s.badCommand("-ERR Unknown command.") {
					return
				}
			case f.STARTTLSFails:
				s.reply("-ERR TLS not available")
			default:
				if s.startTLS("+OK Begin TLS negotiation now.") != nil {
					return
				}
				s.user = "" // RFC 2595 4: start over after TLS
			}
		case "USER":
			switch {
			case s.srv.passwordsOff() && f.POP3OAuthUSER && arg != "":
				s.user = arg
				s.reply("+OK")
			case s.srv.passwordsOff():
				s.reply(pop3NoPassword)
			case !s.plaintextOK():
				s.reply(pop3Plaintext)
			case arg == "":
				s.reply("-ERR No username given.")
			default:
				s.user = arg
				s.reply("+OK")
			}
		case "PASS":
			_, pass, _ := strings.Cut(line, " ") // the password may contain spaces (RFC 1939 7)
			switch {
			case s.srv.passwordsOff() && f.POP3OAuthUSER && s.user != "":
				s.user = ""
				if s.badCommand("-ERR [AUTH] Authentication failed.") {
					return
				}
			case s.srv.passwordsOff():
				s.reply(pop3NoPassword)
			case !s.plaintextOK():
				s.reply(pop3Plaintext)
			case s.user == "":
				s.reply("-ERR No username given.")
			default:
				if !s.login(s.user, pass) {
					return
				}
			}
		case "APOP":
			fields := strings.Fields(arg)
			switch {
			case s.srv.passwordsOff():
				s.reply(pop3NoPassword)
				continue
			case len(fields) != 2:
				s.reply("-ERR Syntax: APOP name digest")
				continue
			}
			want, ok := s.srv.cfg.Users[fields[0]]
			sum := md5.Sum([]byte(s.stamp + want))
			pass := want
			if !ok || !strings.EqualFold(hex.EncodeToString(sum[:]), fields[1]) {
				pass = "\x00invalid" // never matches; AcceptAnyPassword still accepts it
			}
			if !s.login(fields[0], pass) {
				return
			}
		case "AUTH":
			if !s.authCmd(arg) {
				return
			}
		case "STAT", "LIST", "RETR", "DELE", "NOOP", "RSET", "TOP", "UIDL":
			if f.POP3WrongStateOK {
				s.reply("+OK 0 0")
				continue
			}
			if s.badCommand("-ERR Command not valid in this state.") {
				return
			}
		default:
			if f.UnknownCommandCode != 0 {
				s.reply("+OK")
				continue
			}
			if s.badCommand("-ERR Unknown command.") {
				return
			}
		}
	}
}

// quitReply answers QUIT (RFC 1939 6), or breaks it under QuitCode / POP3StatusNoSpace.
func (s *pop3Session) quitReply() string {
	f := s.srv.cfg.Faults
	switch {
	case f.QuitCode != 0:
		return "-ERR Quit failed."
	case f.POP3StatusNoSpace:
		return "+OKLogging out."
	}
	return "+OK Logging out."
}

// plaintextOK reports whether a password may be sent now (RequireTLSForAuth, RFC 2595 4).
func (s *pop3Session) plaintextOK() bool {
	return s.tls || !s.srv.cfg.Faults.RequireTLSForAuth
}

// capa lists capabilities (RFC 2449 5); USER and SASL PLAIN are omitted while they would be refused.
func (s *pop3Session) capa() []string {
	f := s.srv.cfg.Faults
	lines := []string{"+OK Capability list follows", "TOP", "UIDL"}
	if !s.authed && s.plaintextOK() {
		if !s.srv.passwordsOff() || f.POP3OAuthUSER {
			lines = append(lines, "USER")
		}
		lines = append(lines, "SASL "+strings.Join(s.srv.saslMechs(false), " "))
	}
	lines = append(lines, "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING")
	if !s.authed && (!s.tls || (f.NoResetAfterSTARTTLS && s.upgraded)) && !f.NoSTARTTLS && !f.StripSTARTTLS {
		lines = append(lines, "STLS")
	}
	lines = append(lines, "IMPLEMENTATION mailcheck-testservers")
	if f.ExtraCapability != "" {
		lines = append(lines, f.ExtraCapability)
	}
	if f.BadCAPATerminator {
		return lines
	}
	return append(lines, ".")
}

// authCmd runs AUTH (RFC 5034); false means the connection is gone.
func (s *pop3Session) authCmd(arg string) bool {
	fields := strings.Fields(arg)
	if len(fields) == 0 {
		return s.reply(append(append([]string{"+OK"}, s.srv.saslMechs(false)...), ".")...) == nil // de facto mechanism list
	}
	mech, isOAuth := s.srv.oauthMech(fields[0])
	plain := strings.EqualFold(fields[0], "PLAIN") && !s.srv.passwordsOff()
	if (!plain && !isOAuth) || len(fields) > 2 {
		return s.reply("-ERR Unsupported authentication mechanism.") == nil
	}
	if !s.plaintextOK() {
		return s.reply(pop3Plaintext) == nil
	}
	resp := ""
	if len(fields) == 2 {
		resp = fields[1]
	} else {
		if s.reply("+ ") != nil {
			return false
		}
		var err error
		if resp, err = s.readCommand(); err != nil {
			return false
		}
	}
	if resp == "*" {
		if s.srv.cfg.Faults.AuthCancelCode != 0 {
			return s.reply("+OK Authentication cancelled.") == nil
		}
		return s.reply("-ERR Authentication cancelled.") == nil // RFC 5034 4
	}
	if resp == "=" {
		resp = ""
	}
	b, err := base64.StdEncoding.DecodeString(resp)
	if err != nil {
		return s.reply("-ERR Invalid base64 data.") == nil
	}
	if isOAuth {
		return s.oauth(mech, string(b))
	}
	user, pass, ok := parsePlain(string(b))
	if !ok {
		return s.reply("-ERR [AUTH] Invalid PLAIN response.") == nil
	}
	return s.login(user, pass)
}

// login checks credentials and enters TRANSACTION state; false means the connection is gone.
func (s *pop3Session) login(user, pass string) bool {
	f := s.srv.cfg.Faults
	s.user = ""
	switch {
	case f.AuthReject != "":
		return s.reply(splitReply(f.AuthReject)...) == nil
	case !s.srv.checkLogin(user, pass):
		return !s.badCommand("-ERR [AUTH] Authentication failed.")
	}
	return s.enter()
}

// enter opens the maildrop after a correct login, or refuses it under InUse; false means the
// connection is gone.
func (s *pop3Session) enter() bool {
	if s.srv.cfg.Faults.InUse {
		return s.reply("-ERR [IN-USE] Mailbox is locked by another POP3 session") == nil
	}
	s.authed = true
	s.msgs = s.srv.mbox.snapshot("INBOX")
	s.deleted = make([]bool, len(s.msgs))
	return s.reply("+OK Logged in.") == nil
}

// oauth finishes AUTH XOAUTH2 / OAUTHBEARER with the decoded client message: a good token
// logs in; a refused one gets the "+ B64" error challenge, the client's one answer, then
// -ERR. False means the connection is gone.
func (s *pop3Session) oauth(mech, msg string) bool {
	s.user = ""
	f := s.srv.cfg.Faults
	if f.AuthReject != "" {
		return s.reply(splitReply(f.AuthReject)...) == nil
	}
	_, res := s.oauthExchange(mech, msg, func(b64 string) string { return "+ " + b64 })
	switch res {
	case oauthSyntax:
		return s.reply("-ERR [AUTH] Invalid "+mech+" response.") == nil
	case oauthAccepted:
		return s.enter()
	case oauthCancelled:
		if f.AuthCancelCode != 0 {
			return s.reply("+OK Authentication cancelled.") == nil
		}
		return s.reply("-ERR Authentication cancelled.") == nil
	case oauthFailed:
		return !s.badCommand("-ERR [AUTH] Invalid credentials")
	}
	return false
}

// transaction handles a command in TRANSACTION state; false means the session is over.
func (s *pop3Session) transaction(v, arg string) bool {
	f := s.srv.cfg.Faults
	switch v {
	case "CAPA":
		s.reply(s.capa()...)
	case "QUIT":
		gone := map[string]bool{}
		for i, d := range s.deleted {
			if d {
				gone[s.msgs[i].uid] = true
			}
		}
		s.srv.mbox.remove(gone) // RFC 1939 6: UPDATE state
		s.reply(s.quitReply())
		return false
	case "NOOP":
		s.reply("+OK")
	case "STAT":
		n, size := s.stat()
		if f.POP3BadSTAT {
			s.reply(fmt.Sprintf("+OK %d messages", n))
			break
		}
		s.reply(fmt.Sprintf("+OK %d %d", n, size))
	case "LIST", "UIDL":
		field := func(i int) string {
			if v == "LIST" {
				return strconv.Itoa(len(s.msgs[i].text))
			}
			return s.uid(i)
		}
		if arg != "" {
			if i, ok := s.msg(arg); ok {
				s.reply(fmt.Sprintf("+OK %d %s", i+1, field(i)))
			}
			break
		}
		n, size := s.stat()
		lines := []string{fmt.Sprintf("+OK %d messages (%d octets)", n, size)}
		if v == "UIDL" {
			lines[0] = "+OK"
		}
		for i := range s.msgs {
			switch {
			case s.deleted[i]:
			case v == "LIST" && f.POP3BadLIST:
				lines = append(lines, strconv.Itoa(i+1))
			default:
				lines = append(lines, fmt.Sprintf("%d %s", i+1, field(i)))
			}
		}
		s.reply(append(lines, ".")...)
	case "RETR", "TOP":
		fields := strings.Fields(arg)
		if (v == "RETR" && len(fields) != 1) || (v == "TOP" && len(fields) != 2) {
			s.reply("-ERR Syntax: " + map[string]string{"RETR": "RETR msg", "TOP": "TOP msg n"}[v])
			break
		}
		i, ok := s.msg(fields[0])
		if !ok {
			break
		}
		text := s.msgs[i].text
		body := -1
		if v == "TOP" {
			n, err := strconv.Atoi(fields[1])
			if err != nil || n < 0 {
				s.reply("-ERR Invalid number of lines.")
				break
			}
			body = n
		}
		s.reply(append([]string{fmt.Sprintf("+OK %d octets", len(text))}, stuffed(text, body, !f.POP3NoDotStuff)...)...)
	case "DELE":
		if i, ok := s.msg(arg); ok {
			s.deleted[i] = true
			s.reply("+OK Marked to be deleted.")
		}
	case "RSET":
		for i := range s.deleted {
			s.deleted[i] = false
		}
		s.reply("+OK")
	case "USER", "PASS", "APOP", "AUTH", "STLS":
		if s.badCommand("-ERR Command not valid in this state.") {
			return false
		}
	default:
		if s.badCommand("-ERR Unknown command.") {
			return false
		}
	}
	return true
}

// uid is message i's unique-id (RFC 1939 7), or a broken one under DuplicateUIDL / POP3LongUIDL.
func (s *pop3Session) uid(i int) string {
	f := s.srv.cfg.Faults
	uid := s.msgs[i].uid
	if f.DuplicateUIDL {
		uid = s.msgs[0].uid
	}
	if f.POP3LongUIDL {
		uid += strings.Repeat("x", max(0, 71-len(uid)))
	}
	return uid
}

func (s *pop3Session) stat() (n, size int) {
	for i, m := range s.msgs {
		if !s.deleted[i] {
			n++
			size += len(m.text)
		}
	}
	return n, size
}

// msg parses a message number and answers the error itself when it is not usable.
func (s *pop3Session) msg(arg string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(arg))
	switch {
	case err != nil:
		s.reply("-ERR Invalid message number.")
	case n < 1 || n > len(s.msgs):
		s.reply(fmt.Sprintf("-ERR There's no message %d.", n))
	case s.deleted[n-1]:
		s.reply("-ERR Message is deleted.")
	default:
		return n - 1, true
	}
	return 0, false
}

// stuffed returns the message as dot-stuffed lines plus the terminating "." (RFC 1939 3); with
// bodyLines >= 0 only the header and that many body lines (TOP). stuff false leaves lines that
// start with a dot as they are (the POP3NoDotStuff fault).
func stuffed(text string, bodyLines int, stuff bool) []string {
	lines := strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n")
	out := make([]string, 0, len(lines)+1)
	inBody := false
	for _, l := range lines {
		if inBody && bodyLines >= 0 {
			if bodyLines == 0 {
				break
			}
			bodyLines--
		}
		if l == "" {
			inBody = true
		}
		if stuff && strings.HasPrefix(l, ".") {
			l = "." + l
		}
		out = append(out, l)
	}
	return append(out, ".")
}
