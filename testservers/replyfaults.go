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

// CloseOn (Faults.CloseOn) makes the server hang up, with a FIN and no reply, when that verb
// arrives: what a client sees when a server drops a login it refuses outright, or a proxy or
// antivirus in between ends the session ("SMTPServerDisconnected: Connection unexpectedly
// closed" out of smtplib's login()).

// cannedReply is the Replies entry for verb, if any; closeIt reports a CloseOn verb.
func (f *Faults) cannedReply(verb string) (reply string, closeIt, ok bool) {
	if f.CloseOn != "" && f.CloseOn == verb {
		return "", true, true
	}
	r, ok := f.Replies[verb]
	return r, false, ok
}

// smtpCanned answers an SMTP command from Replies or CloseOn: handled reports whether it did,
// alive whether the connection is still up.
func (s *smtpSession) smtpCanned(verb string) (handled, alive bool) {
	r, closeIt, ok := s.srv.cfg.Faults.cannedReply(verb)
	switch {
	case !ok:
		return false, true
	case closeIt:
		return true, false
	}
	return true, s.reply(splitReply(r)...) == nil
}

// pop3Canned is smtpCanned for POP3.
func (s *pop3Session) pop3Canned(verb string) (handled, alive bool) {
	r, closeIt, ok := s.srv.cfg.Faults.cannedReply(verb)
	switch {
	case !ok:
		return false, true
	case closeIt:
		return true, false
	}
	return true, s.reply(splitReply(r)...) == nil
}

// imapCanned is smtpCanned for a tagged IMAP command (the reply follows the tag).
func (s *imapSession) imapCanned(tag, name string) (handled, alive bool) {
	r, closeIt, ok := s.srv.cfg.Faults.cannedReply(name)
	switch {
	case !ok:
		return false, true
	case closeIt:
		return true, false
	}
	return true, s.reply(tag+" "+r) == nil
}
