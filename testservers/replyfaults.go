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

// canned answers the command verb from Faults.Replies or Faults.CloseOn; prefix goes before the
// reply (an IMAP tag and a space; "" for SMTP and POP3). handled reports whether it answered,
// alive whether the connection is still up.
func (w *wire) canned(verb, prefix string) (handled, alive bool) {
	f := &w.srv.cfg.Faults
	if f.CloseOn != "" && f.CloseOn == verb {
		return true, false
	}
	r, ok := f.Replies[verb]
	if !ok {
		return false, true
	}
	return true, w.reply(splitReply(prefix+r)...) == nil
}
