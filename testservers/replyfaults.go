package testservers

// Replies (Faults.Replies) makes the server answer chosen commands the way a real server refuses
// them, instead of its own handling: the key is the command verb in upper case ("EHLO", "MAIL",
// "RCPT", "USER", "STAT", "SELECT", …), or "." for the SMTP reply to the end of DATA; the value is
// the reply as the real server words it (SMTP and POP3: lines separated by CRLF; IMAP: the text
// after the tag). The state machine does not move for a command answered this way, as it would
// not on the real server after a refusal. Tests name the real server each reply comes from.
//
// SMTPReplies (server.go) matches an exact command line; Replies matches the verb, so it also
// answers commands whose arguments the client chooses (MAIL FROM:<…> SIZE=n, RCPT TO:<…>).

// cannedReply is the Replies entry for verb, if any.
func (f *Faults) cannedReply(verb string) (string, bool) {
	r, ok := f.Replies[verb]
	return r, ok
}

// smtpCanned answers an SMTP command from Replies; it reports whether it did.
func (s *smtpSession) smtpCanned(verb string) bool {
	r, ok := s.srv.cfg.Faults.cannedReply(verb)
	if ok {
		s.reply(splitReply(r)...)
	}
	return ok
}

// pop3Canned answers a POP3 command from Replies; it reports whether it did.
func (s *pop3Session) pop3Canned(verb string) bool {
	r, ok := s.srv.cfg.Faults.cannedReply(verb)
	if ok {
		s.reply(splitReply(r)...)
	}
	return ok
}

// imapCanned answers a tagged IMAP command from Replies; handled reports whether it did, alive
// whether the connection is still up.
func (s *imapSession) imapCanned(tag, name string) (handled, alive bool) {
	r, ok := s.srv.cfg.Faults.cannedReply(name)
	if !ok {
		return false, true
	}
	return true, s.reply(tag+" "+r) == nil
}
