package testservers

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// smtpSession is the in-house SMTP engine. It is a submission server that never relays or
// delivers: messages are read and dropped. go-smtp was the first choice, but its replies are
// fixed strings (523 for AUTH before TLS, "TLS not supported") and, once TLS is up, the fault
// layer only sees ciphertext, so command counting and several faults could not be done cleanly.
type smtpSession struct {
	*wire
	helo  string // "" until HELO/EHLO; reset by STARTTLS (RFC 3207 4.2)
	user  string // authenticated user
	inTx  bool   // MAIL accepted
	rcpts int
	from  string   // MAIL FROM of the transaction
	local []string // recipients that are the Store's account
	// staleHelo is set when the SMTPNoEHLOAfterTLS fault kept the pre-TLS HELO/EHLO across STARTTLS.
	staleHelo bool
}

const smtpMaxMessage = 10 << 20

func (s *smtpSession) serve() {
	f := s.srv.cfg.Faults
	for {
		line, err := s.readCommand()
		if err != nil {
			s.goodbye(err, farewells{"500 5.5.2 Error: line too long", "421 4.4.2 mail.test Error: timeout exceeded"})
			return
		}
		if f.SMTPLineLimit > 0 && len(line)+2 > f.SMTPLineLimit {
			s.reply("500 5.5.2 Error: line too long")
			continue
		}
		if f.SMTPBrokenPipelining {
			s.r.Discard(s.r.Buffered()) // the RFC 2920 3.2 violation: pipelined input is lost
		}
		if r, ok := f.SMTPReplies[strings.ToUpper(line)]; ok {
			s.reply(splitReply(r)...)
			continue
		}
		v, arg := verb(line)
		if handled, alive := s.canned(v, ""); handled {
			if !alive {
				return
			}
			continue
		}
		switch v {
		case "EHLO", "HELO":
			switch {
			case arg == "":
				s.reply("501 5.5.4 Syntax: " + v + " hostname")
				continue
			case v == "EHLO" && f.SMTPNoEHLO, v == "HELO" && f.SMTPNoHELO:
				if s.badCommand("502 5.5.2 Error: command not recognized") {
					s.tooManyErrors()
					return
				}
				continue
			case v == "EHLO" && s.staleHelo:
				s.reply("503 5.5.1 Error: duplicate EHLO")
				continue
			}
			s.helo = arg
			s.resetTx() // RFC 5321 4.1.4: EHLO resets like RSET
			if v == "HELO" {
				if f.SMTPBadSeparator {
					s.reply("250mail.test")
				} else {
					s.reply("250 mail.test")
				}
				continue
			}
			if f.EndlessMultiline {
				s.endless()
				return
			}
			lines := multiline("250", s.ehloLines()...)
			if f.SMTPMixedCodes {
				for i := 1; i < len(lines); i++ {
					lines[i] = "251" + lines[i][3:]
				}
			}
			s.reply(lines...)
		case "STARTTLS":
			switch {
			case arg != "":
				s.reply("501 5.5.4 Syntax: STARTTLS")
			case s.tls:
				s.reply("503 5.5.1 Error: TLS already active")
			case f.NoSTARTTLS || f.StripSTARTTLS:
				if s.badCommand("502 5.5.1 Unrecognized command") {
					s.tooManyErrors()
					return
				}
			case f.STARTTLSFails:
				s.reply("454 4.7.0 TLS not available due to local problem")
			default:
				if s.startTLS("220 2.0.0 Ready to start TLS") != nil {
					return
				}
				// RFC 3207 4.2: forget everything learnt before TLS.
				if f.SMTPNoEHLOAfterTLS {
					s.staleHelo = true
				} else {
					s.helo = ""
				}
				s.user = ""
				s.resetTx()
			}
		case "AUTH":
			switch {
			case f.NoAuth:
				s.reply("503 5.5.1 Error: authentication not enabled")
			case s.helo == "":
				s.reply("503 5.5.1 Error: send HELO/EHLO first")
			case !s.tls && f.RequireTLSForAuth:
				s.reply("530 5.7.0 Must issue a STARTTLS command first")
			case s.user != "":
				s.reply("503 5.5.1 Error: already authenticated") // RFC 4954 4
			case s.inTx:
				s.reply("503 5.5.1 Error: MAIL transaction in progress") // RFC 4954 4
			default:
				if !s.auth(arg) {
					return
				}
			}
		case "MAIL":
			from, ok := pathArg(arg, "FROM:")
			switch {
			case s.helo == "":
				s.reply("503 5.5.1 Error: send HELO/EHLO first")
			case !s.tls && f.RequireTLSForAuth:
				s.reply("530 5.7.0 Must issue a STARTTLS command first")
			case s.inTx:
				s.reply("503 5.5.1 Error: nested MAIL command")
			case !ok:
				s.reply("501 5.5.4 Syntax: MAIL FROM:<address>")
			default:
				s.inTx, s.from = true, from
				s.reply("250 2.1.0 Ok")
			}
		case "RCPT":
			addr, ok := pathArg(arg, "TO:")
			switch {
			case !s.inTx:
				s.reply("503 5.5.1 Error: need MAIL command")
			case !ok || addr == "":
				s.reply("501 5.5.4 Syntax: RCPT TO:<address>")
			case s.rcpts >= 100:
				s.reply("452 4.5.3 Error: too many recipients")
			case s.user == "" && !strings.EqualFold(domainOf(addr), "mail.test"):
				s.reply("554 5.7.1 <" + addr + ">: Relay access denied")
			case f.SMTPSenderLogin && s.user != "" && !strings.EqualFold(s.from, s.user):
				// Postfix reject_sender_login_mismatch, which smtpd_delay_reject moves to RCPT.
				s.reply("553 5.7.1 <" + s.from + ">: Sender address rejected: not owned by user " + s.user)
			default:
				if st := s.srv.cfg.Store; st != nil && strings.EqualFold(addr, st.Address()) {
					s.local = append(s.local, addr)
				}
				s.rcpts++
				s.reply("250 2.1.5 Ok")
			}
		case "DATA":
			switch {
			case arg != "":
				s.reply("501 5.5.4 Syntax: DATA")
			case !s.inTx || s.rcpts == 0:
				s.reply("503 5.5.1 Error: need RCPT command")
			default:
				if !s.data() {
					return
				}
			}
		case "RSET":
			s.resetTx()
			s.reply("250 2.0.0 Ok")
		case "NOOP":
			switch {
			case f.SMTPLongReply:
				s.reply("250 2.0.0 Ok " + strings.Repeat("x", 600))
			case f.SMTPNoEnhancedCodes:
				s.reply("250 Ok")
			default:
				s.reply("250 2.0.0 Ok")
			}
		case "VRFY":
			s.reply("252 2.0.0 Cannot VRFY user, but will accept message")
		case "QUIT":
			if f.QuitCode != 0 {
				s.reply(fmt.Sprintf("%d %d.0.0 Bye", f.QuitCode, f.QuitCode/100))
				return
			}
			s.reply("221 2.0.0 Bye")
			return
		case "":
			if s.badCommand("500 5.5.2 Error: bad syntax") {
				s.tooManyErrors()
				return
			}
		default:
			if c := f.UnknownCommandCode; c != 0 {
				s.reply(fmt.Sprintf("%d %d.0.0 Ok", c, c/100))
				continue
			}
			if s.badCommand("502 5.5.2 Error: command not recognized") {
				s.tooManyErrors()
				return
			}
		}
	}
}

func (s *smtpSession) tooManyErrors() { s.reply("421 4.7.0 mail.test Error: too many errors") }

func (s *smtpSession) resetTx() { s.inTx, s.rcpts, s.from, s.local = false, 0, "", nil }

func (s *smtpSession) ehloLines() []string {
	f := s.srv.cfg.Faults
	lines := []string{"mail.test Hello " + s.helo, "PIPELINING", fmt.Sprintf("SIZE %d", smtpMaxMessage), "8BITMIME", "ENHANCEDSTATUSCODES"}
	if (!s.tls || (f.NoResetAfterSTARTTLS && s.upgraded)) && !f.NoSTARTTLS && !f.StripSTARTTLS {
		lines = append(lines, "STARTTLS")
	}
	if !f.NoAuth && (s.tls || !f.RequireTLSForAuth) {
		lines = append(lines, "AUTH "+strings.Join(s.srv.saslMechs(true), " "))
	}
	if f.SMTPBadEHLOKeyword {
		lines = append(lines, "X_BAD_KEYWORD")
	}
	if f.ExtraCapability != "" {
		lines = append(lines, f.ExtraCapability)
	}
	return append(lines, "SMTPUTF8")
}

// multiline formats an SMTP reply: "code-text" on every line but the last (RFC 5321 4.2.1).
func multiline(code string, texts ...string) []string {
	out := make([]string, len(texts))
	for i, t := range texts {
		sep := "-"
		if i == len(texts)-1 {
			sep = " "
		}
		out[i] = code + sep + t
	}
	return out
}

// endless is the EndlessMultiline fault: an EHLO reply that never ends, cut after 10 MiB.
func (s *smtpSession) endless() {
	var chunk strings.Builder
	for i := 0; chunk.Len() < 64<<10; i++ {
		fmt.Fprintf(&chunk, "250-X-ENDLESS-%06d %s\r\n", i, strings.Repeat("z", 60))
	}
	buf := []byte(chunk.String())
	if s.send([]byte("250-mail.test Hello "+s.helo+"\r\n")) != nil {
		return
	}
	for sent := 0; sent < endlessLimit; sent += len(buf) {
		if s.writeRaw(buf) != nil {
			return
		}
	}
}

// auth runs one AUTH exchange (RFC 4954); it returns false when the connection is gone.
func (s *smtpSession) auth(arg string) bool {
	fields := strings.Fields(arg)
	if len(fields) == 0 || len(fields) > 2 {
		s.reply("501 5.5.4 Syntax: AUTH mechanism [initial-response]")
		return true
	}
	mech := strings.ToUpper(fields[0])
	ir, hasIR := "", len(fields) == 2
	if hasIR {
		ir = fields[1]
	}
	// next returns the client's next SASL response, decoded; ok is false if the exchange ended.
	next := func(challenge string) (resp string, ok, alive bool) {
		if s.reply("334 "+challenge) != nil {
			return "", false, false
		}
		line, err := s.readCommand()
		if err != nil {
			return "", false, false
		}
		return s.decode(line)
	}
	if m, ok := s.srv.oauthMech(mech); ok {
		return s.oauth(m, ir, hasIR)
	}
	var user, pass string
	switch mech {
	case "PLAIN", "LOGIN":
		if s.srv.passwordsOff() {
			s.reply("504 5.5.4 Unrecognized authentication type") // not advertised under OnlyOAuth
			return true
		}
	}
	switch mech {
	case "PLAIN":
		resp, ok, alive := "", true, true
		if hasIR {
			resp, ok, alive = s.decode(ir)
		} else {
			resp, ok, alive = next("")
		}
		if !ok {
			return alive
		}
		var valid bool
		if user, pass, valid = parsePlain(resp); !valid {
			s.reply("501 5.5.2 Error: malformed PLAIN response")
			return true
		}
	case "LOGIN":
		ok, alive := true, true
		if hasIR {
			user, ok, alive = s.decode(ir)
		} else {
			user, ok, alive = next(s.challenge("VXNlcm5hbWU6", "Username:"))
		}
		if !ok {
			return alive
		}
		if pass, ok, alive = next(s.challenge("UGFzc3dvcmQ6", "Password:")); !ok {
			return alive
		}
	default:
		s.reply("504 5.5.4 Unrecognized authentication type")
		return true
	}
	f := s.srv.cfg.Faults
	switch {
	case f.AuthReject != "":
		s.reply(splitReply(f.AuthReject)...)
	case s.srv.checkLogin(user, pass):
		s.authenticated(user)
	default:
		if s.badCommand("535 5.7.8 Error: authentication failed") {
			s.tooManyErrors()
			return false
		}
	}
	return true
}

// authenticated logs user in and says so (235, or SMTPAuthSuccessCode).
func (s *smtpSession) authenticated(user string) {
	s.user = user
	code := 235
	if c := s.srv.cfg.Faults.SMTPAuthSuccessCode; c != 0 {
		code = c
	}
	s.reply(fmt.Sprintf("%d 2.7.0 Authentication successful", code))
}

// oauth runs AUTH XOAUTH2 / OAUTHBEARER: the initial response, or an empty "334 " challenge
// and the client's message; on a refused token the base64 JSON error challenge, the client's
// one answer ("" or "AQ==") and 535 as Gmail sends it. False means the connection is gone.
func (s *smtpSession) oauth(mech, ir string, hasIR bool) bool {
	line := ir
	if !hasIR {
		if s.reply("334 ") != nil {
			return false
		}
		var err error
		if line, err = s.readCommand(); err != nil {
			return false
		}
	}
	msg, ok, alive := s.decode(line)
	if !ok {
		return alive
	}
	f := s.srv.cfg.Faults
	if f.AuthReject != "" {
		return s.reply(splitReply(f.AuthReject)...) == nil
	}
	user, res := s.oauthExchange(mech, msg, func(b64 string) string { return "334 " + b64 })
	switch res {
	case oauthSyntax:
		return s.reply("501 5.5.2 Error: malformed "+mech+" response") == nil
	case oauthAccepted:
		s.authenticated(user)
	case oauthCancelled:
		_, _, alive := s.decode("*")
		return alive
	case oauthFailed:
		if s.badCommand("535 5.7.8 Username and Password not accepted") {
			s.tooManyErrors()
			return false
		}
	case oauthGone:
		return false
	}
	return true
}

// challenge is a LOGIN challenge: base64 as RFC 4954 4 requires, or plain text under SMTPPlainChallenge.
func (s *smtpSession) challenge(b64, plain string) string {
	if s.srv.cfg.Faults.SMTPPlainChallenge {
		return plain
	}
	return b64
}

// decode decodes one SASL response line; it answers the error itself when ok is false.
func (s *smtpSession) decode(line string) (resp string, ok, alive bool) {
	switch line {
	case "*":
		if c := s.srv.cfg.Faults.AuthCancelCode; c != 0 {
			return "", false, s.reply(fmt.Sprintf("%d %d.7.0 Authentication cancelled", c, c/100)) == nil
		}
		return "", false, s.reply("501 5.7.0 Authentication cancelled") == nil // RFC 4954 4
	case "=":
		return "", true, true
	}
	b, err := base64.StdEncoding.DecodeString(line)
	if err != nil {
		return "", false, s.reply("501 5.5.2 Error: invalid base64 data") == nil
	}
	return string(b), true, true
}

// data reads a message body up to the lone dot; it delivers it into the Store when a
// recipient is the Store's account, else drops it. False means the connection is gone.
func (s *smtpSession) data() bool {
	if s.reply("354 End data with <CR><LF>.<CR><LF>") != nil {
		return false
	}
	size := 0
	keep := s.srv.cfg.Store != nil && len(s.local) > 0
	var body strings.Builder
	for {
		line, err := s.readLine()
		if err != nil {
			return false
		}
		if line == "." {
			break
		}
		size += len(line) + 2
		if keep && size <= smtpMaxMessage {
			body.WriteString(strings.TrimPrefix(line, ".") + "\r\n") // RFC 5321 4.5.2
		}
	}
	s.srv.nCmds.Add(1)
	from, helo := s.from, s.helo
	s.resetTx()
	if handled, alive := s.canned(".", ""); handled {
		return alive
	}
	if size > smtpMaxMessage {
		return s.reply("552 5.3.4 Error: message file too big") == nil
	}
	if keep {
		qid, ok := s.srv.cfg.Store.Deliver(from, helo, body.String())
		if !ok { // over quota: refused as servers that check quota before accepting do (Dovecot lmtp_rcpt_check_quota)
			return s.reply("552 5.2.2 <"+s.srv.cfg.Store.Address()+">: Recipient address rejected: Mailbox full") == nil
		}
		return s.reply("250 2.0.0 Ok: queued as "+qid) == nil
	}
	return s.reply("250 2.0.0 Ok: accepted and discarded by the test server") == nil
}

// pathArg parses "FROM:<addr> [params]" / "TO:<addr> [params]".
func pathArg(arg, prefix string) (string, bool) {
	if len(arg) < len(prefix) || !strings.EqualFold(arg[:len(prefix)], prefix) {
		return "", false
	}
	rest := strings.TrimSpace(arg[len(prefix):])
	if !strings.HasPrefix(rest, "<") {
		return "", false
	}
	addr, _, ok := strings.Cut(rest[1:], ">")
	return addr, ok
}

func domainOf(addr string) string {
	_, d, _ := strings.Cut(addr, "@")
	return d
}

// parsePlain splits a SASL PLAIN message "authzid NUL authcid NUL passwd" (RFC 4616 2).
func parsePlain(msg string) (user, pass string, ok bool) {
	parts := strings.Split(msg, "\x00")
	if len(parts) != 3 || parts[1] == "" {
		return "", "", false
	}
	if parts[0] != "" && parts[0] != parts[1] {
		return "", "", false // acting as another user is not supported
	}
	return parts[1], parts[2], true
}

// checkLogin reports whether the credentials are accepted.
func (s *Server) checkLogin(user, pass string) bool {
	s.present(pass)
	if s.cfg.Faults.AcceptAnyPassword {
		return true
	}
	want, ok := s.cfg.Users[user]
	return ok && want == pass
}
