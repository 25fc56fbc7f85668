package testservers

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// imapSession is the in-house IMAP4rev1 engine (a subset of RFC 3501 / RFC 9051). go-imap/v2's
// imapserver was the first choice, but its replies are fixed strings (no [PRIVACYREQUIRED] text,
// no NetEase "Unsafe Login"), LOGINDISABLED and the capability list follow its own rules, and,
// as with go-smtp, once TLS is up the fault layer only sees ciphertext. Owning the few commands
// a mail client needs to log in and read INBOX is simpler than wrapping it.
type imapSession struct {
	*wire
	authed   bool   // authenticated state (RFC 9051 3.2)
	selected bool   // selected state
	box      string // the selected folder
	readOnly bool   // EXAMINE rather than SELECT
	sentID   bool   // the client sent ID in this session (IMAPIDRequired)
	msgs     []message
	seen     []bool // \Seen per message, for this session only
}

// imapUnsafeLogin is NetEase's (Coremail's) refusal of SELECT/EXAMINE for a client that did not
// send ID (providers.md 1.11 and I7); the same text is used for EXAMINE, as the brief asks.
const imapUnsafeLogin = "NO SELECT Unsafe Login. Please contact kefu@188.com for help"

// imapPrivacyRequired answers LOGIN/AUTHENTICATE before TLS under RequireTLSForAuth (RFC 5530 3).
const imapPrivacyRequired = "NO [PRIVACYREQUIRED] Plaintext authentication disallowed"

// imapLoginDisabled answers LOGIN under OnlyOAuth, which advertises LOGINDISABLED (RFC 9051 6.2.3).
const imapLoginDisabled = "NO [CANNOT] LOGIN is disabled, use AUTHENTICATE XOAUTH2 or OAUTHBEARER."

// imapInternalDate is every message's INTERNALDATE: fixed, so FETCH output is reproducible.
const imapInternalDate = `"01-Jan-2024 10:00:00 +0000"`

// maxCommand bounds one command with all its literals.
const maxCommand = 64 << 10

var errLiteralTooBig = errors.New("literal too big")

// imapCaps is the capability list for a connection in the given state. Before TLS under
// RequireTLSForAuth it says LOGINDISABLED and leaves out AUTH=PLAIN, as Dovecot does and as the
// SMTP and POP3 engines leave out AUTH and USER (RFC 9051 6.2.3).
func (s *Server) imapCaps(tls, authed bool) string {
	return s.imapCapsStale(tls, authed, false)
}

// imapCapsStale is imapCaps; stale keeps STARTTLS on the list after an upgrade (the
// NoResetAfterSTARTTLS fault).
func (s *Server) imapCapsStale(tls, authed, stale bool) string {
	f := s.cfg.Faults
	caps := []string{"IMAP4rev1"}
	if f.IMAPNoRev1 {
		caps = caps[:0]
	}
	if !authed {
		if (!tls || stale) && !f.NoSTARTTLS && !f.StripSTARTTLS {
			caps = append(caps, "STARTTLS")
		}
		switch {
		case !tls && f.RequireTLSForAuth:
			caps = append(caps, "LOGINDISABLED")
		case s.passwordsOff(): // outlook.office365.com in 2026: OAuth only, even on TLS
			for _, m := range s.oauthMechs() {
				caps = append(caps, "AUTH="+m)
			}
			caps = append(caps, "LOGINDISABLED")
		default:
			for _, m := range s.saslMechs(false) {
				caps = append(caps, "AUTH="+m)
			}
		}
	}
	caps = append(caps, "SASL-IR", "ID", "LITERAL+", "IDLE", "NAMESPACE")
	if authed && s.cfg.Store != nil {
		// Dovecot too adds these after login (RFC 9051 7.1), QUOTA only with the quota plugin.
		caps = append(caps, "UIDPLUS", "SPECIAL-USE")
		if _, limit := s.mbox.quota(); limit > 0 {
			caps = append(caps, "QUOTA")
		}
	}
	if f.ExtraCapability != "" {
		caps = append(caps, f.ExtraCapability)
	}
	return strings.Join(caps, " ")
}

func (s *imapSession) serve() {
	for {
		cmd, ok, err := s.readCmd()
		if err != nil {
			if errors.Is(err, errLiteralTooBig) {
				s.reply("* BYE Literal too big.")
			} else {
				s.goodbye(err, farewells{"* BYE Line too long.", "* BYE Disconnected for inactivity."})
			}
			return
		}
		if !ok {
			continue
		}
		p := &imapParser{s: cmd}
		tag, ok := p.tag()
		if !ok {
			if !s.bad("* BAD Invalid tag.") {
				return
			}
			continue
		}
		name, ok := "", p.sp()
		if ok {
			name, ok = p.atom()
		}
		if !ok {
			if !s.bad(tag + " BAD Missing command.") {
				return
			}
			continue
		}
		p.sp() // the arguments follow
		if handled, alive := s.canned(strings.ToUpper(name), tag+" "); handled {
			if !alive {
				return
			}
			continue
		}
		if !s.command(tag, strings.ToUpper(name), p) {
			return
		}
	}
}

// readCmd reads one command with its literals (RFC 9051 4.3): "+ Ready" before the bytes of a
// synchronizing literal {n}, none for a LITERAL+ one {n+} (RFC 7888). ok is false when the
// command was already answered (a refused literal). Lines answered count as commands, so a
// synchronizing literal costs two.
func (s *imapSession) readCmd() (cmd string, ok bool, err error) {
	line, err := s.readCommand()
	if err != nil {
		return "", false, err
	}
	var b strings.Builder
	for {
		b.WriteString(line)
		n, plus, isLit := literalMarker(line)
		if !isLit {
			return b.String(), true, nil
		}
		if n > maxLine || b.Len()+n > maxCommand {
			if plus {
				return "", false, errLiteralTooBig // the bytes are already on their way
			}
			tag, _, _ := strings.Cut(b.String(), " ")
			return "", false, s.reply(tag + " BAD Literal too big.") // RFC 9051 4.3: no "+", so the client sends nothing
		}
		if !plus {
			if err := s.reply("+ Ready"); err != nil {
				return "", false, err
			}
		}
		buf := make([]byte, n)
		s.c.SetReadDeadline(time.Now().Add(idleTimeout))
		if _, err := io.ReadFull(s.r, buf); err != nil {
			return "", false, err
		}
		b.WriteString("\r\n")
		b.Write(buf)
		if line, err = s.readLine(); err != nil {
			return "", false, err
		}
		if !plus {
			s.srv.nCmds.Add(1)
		}
	}
}

// literalMarker reports whether line ends with a literal marker {n} or {n+}.
func literalMarker(line string) (n int, plus, ok bool) {
	if !strings.HasSuffix(line, "}") {
		return 0, false, false
	}
	i := strings.LastIndexByte(line, '{')
	if i < 0 {
		return 0, false, false
	}
	digits := line[i+1 : len(line)-1]
	digits, plus = strings.CutSuffix(digits, "+")
	if digits == "" || len(digits) > 9 || strings.Trim(digits, "0123456789") != "" {
		return 0, false, false
	}
	n, _ = strconv.Atoi(digits)
	return n, plus, true
}

// bad answers a protocol error; false means the session is over (too many errors).
func (s *imapSession) bad(line string) bool {
	if s.badCommand(line) {
		s.reply("* BYE Too many invalid commands.")
		return false
	}
	return true
}

// command runs one parsed command; false means the session is over.
func (s *imapSession) command(tag, name string, p *imapParser) bool {
	f := s.srv.cfg.Faults
	wrongState := func() bool { return s.bad(tag + " BAD Command not valid in this state.") }
	invalid := func() bool { return s.bad(tag + " BAD Invalid arguments.") }
	ok := func(text string) bool { return s.reply(tag+" OK "+text) == nil }

	switch name {
	case "CAPABILITY":
		if !p.eof() {
			return invalid()
		}
		caps := "* CAPABILITY " + s.srv.imapCapsStale(s.tls, s.authed, f.NoResetAfterSTARTTLS && s.upgraded)
		if f.EndlessMultiline {
			s.endless(caps)
			return false
		}
		if f.IMAPLiteralFlood > 0 || f.IMAPZeroLiterals {
			return s.literalFlood(tag)
		}
		if f.IMAPTaggedNoStatus {
			return s.reply(caps, tag+" Capability completed.") == nil
		}
		return s.reply(caps, tag+" OK Capability completed.") == nil
	case "NOOP":
		return ok("NOOP completed.")
	case "LOGOUT":
		if f.IMAPNoBYEOnLogout {
			s.reply(tag + " OK Logout completed.")
			return false
		}
		s.reply("* BYE Logging out", tag+" OK Logout completed.") // RFC 9051 6.1.3
		return false
	case "ID": // RFC 2971: allowed in every state
		v, valid := p.value()
		if !valid || !p.eof() {
			return invalid()
		}
		if str, isStr := v.(string); isStr && !strings.EqualFold(str, "NIL") {
			return invalid()
		}
		s.sentID = true
		if f.IMAPIDNoResponse {
			return s.reply(tag+" OK ID completed.") == nil
		}
		return s.reply(`* ID ("name" "mailcheck-testserver")`, tag+" OK ID completed.") == nil
	case "STARTTLS":
		switch {
		case !p.eof():
			return invalid()
		case s.authed:
			return wrongState()
		case s.tls:
			return s.bad(tag + " BAD TLS is already active.")
		case f.NoSTARTTLS || f.StripSTARTTLS:
			return s.bad(tag + " BAD Unknown command.")
		case f.STARTTLSFails:
			return s.reply(tag+" NO [UNAVAILABLE] TLS not available") == nil
		}
		// startTLS discards plaintext pipelined after the command (RFC 9051 6.2.1).
		return s.startTLS(tag+" OK Begin TLS negotiation now.") == nil
	case "LOGIN":
		if s.authed {
			return wrongState()
		}
		user, ok1 := p.astring()
		ok2 := p.sp()
		pass, ok3 := p.astring()
		if !ok1 || !ok2 || !ok3 || !p.eof() {
			return invalid()
		}
		if s.srv.passwordsOff() {
			return s.reply(tag+" "+imapLoginDisabled) == nil
		}
		if !s.plaintextOK() {
			return s.reply(tag+" "+imapPrivacyRequired) == nil
		}
		return s.login(tag, user, pass)
	case "AUTHENTICATE":
		if s.authed {
			return wrongState()
		}
		return s.authenticate(tag, p)
	case "SELECT", "EXAMINE":
		if !s.authed {
			return wrongState()
		}
		box, valid := p.astring()
		if valid && p.sp() { // select parameters such as (CONDSTORE) are accepted and ignored
			_, valid = p.value()
		}
		if !valid || !p.eof() {
			return invalid()
		}
		return s.selectBox(tag, name, box)
	case "LIST":
		if !s.authed {
			return wrongState()
		}
		ref, ok1 := p.astring()
		ok2 := p.sp()
		pat, ok3 := p.astring()
		uses := false
		if ok1 && ok2 && ok3 && p.sp() { // RFC 6154 5.1: LIST "" "*" RETURN (SPECIAL-USE)
			kw, ok4 := p.atom()
			opts, ok5 := any(nil), p.sp()
			if ok4 && ok5 {
				opts, ok5 = p.value()
			}
			list, isList := opts.([]any)
			ok3 = ok4 && ok5 && isList && strings.EqualFold(kw, "RETURN")
			for _, o := range list {
				str, _ := o.(string)
				uses = uses || strings.EqualFold(str, "SPECIAL-USE")
			}
		}
		if !ok1 || !ok2 || !ok3 || !p.eof() {
			return invalid()
		}
		uses = uses && s.srv.cfg.Store != nil
		var lines []string
		switch {
		case pat == "": // RFC 9051 6.3.9: the hierarchy delimiter
			lines = append(lines, `* LIST (\Noselect) "/" ""`)
		default:
			// A real account has its standard folders; the probe's folders check looks for them.
			for _, fo := range s.srv.mbox.list() {
				if wildMatch(strings.ToUpper(ref+pat), strings.ToUpper(fo[0])) {
					attrs := `\HasNoChildren`
					if uses && fo[1] != "" {
						attrs += " " + fo[1]
					}
					lines = append(lines, `* LIST (`+attrs+`) "/" `+imapQuote(fo[0]))
				}
			}
		}
		return s.reply(append(lines, tag+" OK List completed.")...) == nil
	case "NAMESPACE": // RFC 2342
		if !s.authed {
			return wrongState()
		}
		return s.reply(`* NAMESPACE (("" "/")) NIL NIL`, tag+" OK Namespace completed.") == nil
	case "FETCH":
		if !s.selected {
			return s.bad(tag + " BAD No mailbox selected.")
		}
		return s.fetch(tag, p, false)
	case "SEARCH", "STORE", "EXPUNGE":
		if !s.selected {
			return s.bad(tag + " BAD No mailbox selected.")
		}
		return s.mailCommand(tag, name, p, false)
	case "UID":
		if !s.selected {
			return s.bad(tag + " BAD No mailbox selected.")
		}
		sub, valid := p.atom()
		sub = strings.ToUpper(sub)
		switch {
		case valid && sub == "FETCH" && p.sp():
			return s.fetch(tag, p, true)
		case valid && (sub == "SEARCH" || sub == "STORE") && p.sp(),
			valid && sub == "EXPUNGE" && s.srv.cfg.Store != nil && p.sp(): // UIDPLUS, RFC 4315 2.1
			return s.mailCommand(tag, sub, p, true)
		}
		return s.bad(tag + " BAD Unsupported UID command.")
	case "GETQUOTAROOT", "GETQUOTA": // RFC 9208 4.1
		used, limit := s.srv.mbox.quota()
		if !s.authed || limit == 0 {
			return s.bad(tag + " BAD Unknown command.")
		}
		arg, valid := p.astring()
		if !valid || !p.eof() {
			return invalid()
		}
		q := fmt.Sprintf(`* QUOTA "" (STORAGE %d %d)`, used, limit)
		if name == "GETQUOTA" {
			if arg != "" {
				return s.reply(tag+" NO [NONEXISTENT] No such quota root.") == nil
			}
			return s.reply(q, tag+" OK Getquota completed.") == nil
		}
		if !s.srv.mbox.has(arg) {
			return s.reply(tag+" NO [NONEXISTENT] Mailbox doesn't exist.") == nil
		}
		return s.reply(`* QUOTAROOT `+imapQuote(arg)+` ""`, q, tag+" OK Getquotaroot completed.") == nil
	case "CLOSE":
		if !s.selected {
			return s.bad(tag + " BAD No mailbox selected.")
		}
		if !s.readOnly {
			s.srv.mbox.expunge(s.box, nil) // RFC 9051 6.4.1: silently
		}
		s.selected = false
		return ok("Close completed.")
	case "IDLE": // RFC 2177
		if !s.authed {
			return wrongState()
		}
		if s.reply("+ idling") != nil {
			return false
		}
		line, err := s.readCommand()
		if err != nil {
			return false
		}
		if !strings.EqualFold(line, "DONE") {
			return s.bad(tag + " BAD Expected DONE.")
		}
		return ok("Idle completed.")
	}
	if f.IMAPUnknownCommandNO {
		return s.reply(tag+" NO Unknown command.") == nil
	}
	return s.bad(tag + " BAD Unknown command.")
}

// plaintextOK reports whether a password may be sent now (RequireTLSForAuth).
func (s *imapSession) plaintextOK() bool {
	return s.tls || !s.srv.cfg.Faults.RequireTLSForAuth
}

// login checks credentials and enters the authenticated state; false means the session is over.
func (s *imapSession) login(tag, user, pass string) bool {
	f := s.srv.cfg.Faults
	switch {
	case f.AuthReject != "":
		return s.authReject(tag)
	case !s.srv.checkLogin(user, pass):
		return s.bad(tag + " NO [AUTHENTICATIONFAILED] Authentication failed.") // RFC 5530 3
	}
	return s.enter(tag)
}

// authReject sends the AuthReject fault's reply: the last line is the tagged reply; lines
// before it go out as they are (untagged).
func (s *imapSession) authReject(tag string) bool {
	lines := splitReply(s.srv.cfg.Faults.AuthReject)
	lines[len(lines)-1] = tag + " " + lines[len(lines)-1]
	return s.reply(lines...) == nil
}

// enter is the authenticated state after a correct login; false means the session is over.
func (s *imapSession) enter(tag string) bool {
	s.authed = true
	return s.reply(tag+" OK [CAPABILITY "+s.srv.imapCaps(s.tls, true)+"] Logged in") == nil
}

// authenticate runs AUTHENTICATE PLAIN, XOAUTH2 or OAUTHBEARER (RFC 9051 6.2.2), with a
// SASL-IR initial response (RFC 4959) or after an empty continuation; false means the session
// is over.
func (s *imapSession) authenticate(tag string, p *imapParser) bool {
	mech, valid := p.atom()
	resp, hasIR := "", false
	if valid && p.sp() {
		resp, valid = p.atom()
		hasIR = true
	}
	if !valid || !p.eof() {
		return s.bad(tag + " BAD Invalid arguments.")
	}
	oauthMech, isOAuth := s.srv.oauthMech(mech)
	if (!strings.EqualFold(mech, "PLAIN") || s.srv.passwordsOff()) && !isOAuth {
		return s.reply(tag+" NO [CANNOT] Unsupported authentication mechanism.") == nil
	}
	if !s.plaintextOK() {
		return s.reply(tag+" "+imapPrivacyRequired) == nil
	}
	if !hasIR {
		if s.reply("+ ") != nil {
			return false
		}
		var err error
		if resp, err = s.readCommand(); err != nil {
			return false
		}
	}
	switch resp {
	case "*":
		return s.reply(tag+" BAD Authentication aborted by client.") == nil // RFC 9051 6.2.2
	case "=": // RFC 4959: an empty initial response
		resp = ""
	}
	b, err := base64.StdEncoding.DecodeString(resp)
	if err != nil {
		return s.bad(tag + " BAD Invalid base64 data.")
	}
	if isOAuth {
		return s.oauth(tag, oauthMech, string(b))
	}
	user, pass, ok := parsePlain(string(b))
	if !ok {
		return s.bad(tag + " BAD Invalid PLAIN response.")
	}
	return s.login(tag, user, pass)
}

// oauth finishes AUTHENTICATE XOAUTH2 / OAUTHBEARER with the decoded client message: a good
// token logs in; a refused one gets the "+ B64" error challenge, the client's one answer, then
// Gmail's NO [AUTHENTICATIONFAILED]. False means the session is over.
func (s *imapSession) oauth(tag, mech, msg string) bool {
	if s.srv.cfg.Faults.AuthReject != "" {
		return s.authReject(tag)
	}
	_, res := s.oauthExchange(mech, msg, func(b64 string) string { return "+ " + b64 })
	switch res {
	case oauthSyntax:
		return s.bad(tag + " BAD Invalid " + mech + " response.")
	case oauthAccepted:
		return s.enter(tag)
	case oauthCancelled:
		return s.reply(tag+" BAD Authentication aborted by client.") == nil // RFC 9051 6.2.2
	case oauthFailed:
		return s.bad(tag + " NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)")
	}
	return false
}

// selectBox runs SELECT or EXAMINE of one of the Store's folders (INBOX in any case, RFC 9051
// 5.1).
func (s *imapSession) selectBox(tag, name, box string) bool {
	s.selected = false // RFC 9051 6.3.2: a failed SELECT leaves no mailbox selected
	if s.srv.cfg.Faults.IMAPIDRequired && !s.sentID {
		return s.reply(tag+" "+imapUnsafeLogin) == nil
	}
	if !s.srv.mbox.has(box) {
		return s.reply(tag+" NO [NONEXISTENT] Mailbox doesn't exist.") == nil
	}
	s.selected, s.readOnly, s.box = true, name == "EXAMINE", box
	s.msgs = s.srv.mbox.snapshot(box)
	s.seen = make([]bool, len(s.msgs))
	next := 1
	for _, m := range s.msgs {
		next = max(next, m.imapUID+1)
	}
	perm, mode, done := `\Answered \Flagged \Deleted \Seen \Draft \*`, "READ-WRITE", "Select completed."
	if s.readOnly {
		perm, mode, done = "", "READ-ONLY", "Examine completed."
	}
	lines := []string{
		`* FLAGS (\Answered \Flagged \Deleted \Seen \Draft)`,
		fmt.Sprintf("* %d EXISTS", len(s.msgs)),
		"* 0 RECENT",
		"* OK [PERMANENTFLAGS (" + perm + ")] Flags permitted.",
		"* OK [UIDVALIDITY 1] UIDs valid",
		fmt.Sprintf("* OK [UIDNEXT %d] Predicted next UID", next),
		tag + " OK [" + mode + "] " + done,
	}
	if s.srv.cfg.Faults.IMAPNoUIDVALIDITY {
		lines = slices.Delete(lines, 4, 5)
	}
	return s.reply(lines...) == nil
}

// fetchItems are the FETCH attributes served, with the name the response uses.
var fetchItems = map[string]string{
	"UID": "UID", "FLAGS": "FLAGS", "RFC822.SIZE": "RFC822.SIZE", "INTERNALDATE": "INTERNALDATE",
	"RFC822": "RFC822", "BODY[]": "BODY[]", "BODY.PEEK[]": "BODY[]",
	"RFC822.HEADER": "RFC822.HEADER", "BODY[HEADER]": "BODY[HEADER]", "BODY.PEEK[HEADER]": "BODY[HEADER]",
	"RFC822.TEXT": "RFC822.TEXT", "BODY[TEXT]": "BODY[TEXT]", "BODY.PEEK[TEXT]": "BODY[TEXT]",
}

// fetch runs FETCH or UID FETCH (RFC 9051 6.4.5, 6.4.9); UIDs are the message numbers, since
// nothing is ever expunged. False means the session is over.
func (s *imapSession) fetch(tag string, p *imapParser, uid bool) bool {
	set, valid := p.atom()
	valid = valid && p.sp()
	var items []string
	if valid {
		var v any
		if v, valid = p.value(); valid {
			switch v := v.(type) {
			case string:
				items = []string{v}
			case []any:
				for _, it := range v {
					str, isStr := it.(string)
					valid = valid && isStr
					items = append(items, str)
				}
			}
		}
	}
	if !valid || !p.eof() || len(items) == 0 {
		return s.bad(tag + " BAD Invalid arguments.")
	}
	var want []string
	for _, it := range items {
		it = strings.ToUpper(it)
		if it == "FAST" { // RFC 9051 6.4.5 macro
			want = append(want, "FLAGS", "INTERNALDATE", "RFC822.SIZE")
			continue
		}
		if _, ok := fetchItems[it]; !ok && headerFields(it) == nil {
			return s.bad(tag + " BAD Unsupported fetch item " + it + ".")
		}
		want = append(want, it)
	}
	if uid && !slices.Contains(want, "UID") {
		want = append([]string{"UID"}, want...) // RFC 9051 6.4.9
	}
	nums, ok := s.numbers(set, uid)
	if !ok {
		return s.bad(tag + " BAD Invalid messageset.")
	}
	var out []byte
	for _, n := range nums {
		out = append(out, s.fetchOne(n, want)...)
	}
	what := "Fetch completed."
	if uid {
		what = "UID Fetch completed."
	}
	return s.send(append(out, tag+" OK "+what+"\r\n"...)) == nil
}

// fetchOne renders one "* n FETCH (...)" response with its literals.
func (s *imapSession) fetchOne(n int, items []string) []byte {
	text := s.msgs[n-1].text
	header, body := text, ""
	if i := strings.Index(text, "\r\n\r\n"); i >= 0 {
		header, body = text[:i+4], text[i+4:]
	}
	// RFC 9051 6.4.5: a non-PEEK body fetch sets \Seen, and a changed flag is reported.
	sets := false
	for _, it := range items {
		sets = sets || it == "RFC822" || it == "RFC822.TEXT" || strings.HasPrefix(it, "BODY[")
	}
	if sets && !s.readOnly && !s.seen[n-1] {
		s.seen[n-1] = true
		if !slices.Contains(items, "FLAGS") {
			items = append(items, "FLAGS")
		}
	}
	b := fmt.Appendf(nil, "* %d FETCH (", n)
	for i, it := range items {
		if i > 0 {
			b = append(b, ' ')
		}
		if hf := headerFields(it); hf != nil {
			b = append(b, strings.Replace(it, ".PEEK", "", 1)...)
			part := pickHeaders(header, hf)
			b = fmt.Appendf(b, " {%d}\r\n%s", len(part), part)
			continue
		}
		b = append(b, fetchItems[it]...)
		b = append(b, ' ')
		switch it {
		case "UID":
			b = strconv.AppendInt(b, int64(s.msgs[n-1].imapUID), 10)
		case "FLAGS":
			var fl []string
			if s.seen[n-1] {
				fl = append(fl, `\Seen`)
			}
			if s.msgs[n-1].deleted {
				fl = append(fl, `\Deleted`)
			}
			b = append(b, "("+strings.Join(fl, " ")+")"...)
		case "RFC822.SIZE":
			b = strconv.AppendInt(b, int64(len(text)), 10)
		case "INTERNALDATE":
			b = append(b, imapInternalDate...)
		default:
			part := text
			switch {
			case strings.Contains(it, "HEADER"):
				part = header
			case strings.Contains(it, "TEXT"):
				part = body
			}
			b = fmt.Appendf(b, "{%d}\r\n%s", len(part), part)
		}
	}
	return append(b, ")\r\n"...)
}

// seqSet expands a sequence set such as "1,3:*" (RFC 9051 9, sequence-set) into sorted,
// distinct message numbers. Message numbers past the mailbox are an error; UIDs past it are
// left out (RFC 9051 6.4.9).
func seqSet(set string, last int, uid bool) ([]int, bool) {
	num := func(s string) (int, bool) {
		if s == "*" {
			return last, true
		}
		n, err := strconv.Atoi(s)
		return n, err == nil && n > 0 && s[0] != '+'
	}
	var out []int
	for _, r := range strings.Split(set, ",") {
		a, b, isRange := strings.Cut(r, ":")
		if !isRange {
			b = a
		}
		lo, ok1 := num(a)
		hi, ok2 := num(b)
		if !ok1 || !ok2 {
			return nil, false
		}
		if lo > hi {
			lo, hi = hi, lo
		}
		if uid {
			hi = min(hi, last)
		} else if hi > last || last == 0 {
			return nil, false
		}
		for n := max(lo, 1); n <= hi; n++ {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), true
}

// wildMatch matches an upper-cased LIST pattern: "*" matches anything, "%" anything but the
// hierarchy delimiter "/" (RFC 9051 6.3.9).
func wildMatch(pat, name string) bool {
	if pat == "" {
		return name == ""
	}
	switch pat[0] {
	case '*', '%':
		for i := 0; i <= len(name); i++ {
			if wildMatch(pat[1:], name[i:]) {
				return true
			}
			if i < len(name) && pat[0] == '%' && name[i] == '/' {
				return false
			}
		}
		return false
	}
	return name != "" && pat[0] == name[0] && wildMatch(pat[1:], name[1:])
}

// endless is the EndlessMultiline fault for IMAP: untagged responses that never reach the
// tagged completion, cut after 10 MiB.
func (s *imapSession) endless(first string) {
	var chunk strings.Builder
	for i := 0; chunk.Len() < 64<<10; i++ {
		fmt.Fprintf(&chunk, "* OK X-ENDLESS-%06d %s\r\n", i, strings.Repeat("z", 60))
	}
	buf := []byte(chunk.String())
	if s.send([]byte(first+"\r\n")) != nil {
		return
	}
	for sent := 0; sent < endlessLimit; sent += len(buf) {
		if s.writeRaw(buf) != nil {
			return
		}
	}
}

// literalFlood is the IMAPLiteralFlood and IMAPZeroLiterals faults: literals a client must
// read to find the end of the response, far more than any CAPABILITY needs.
func (s *imapSession) literalFlood(tag string) bool {
	f := s.srv.cfg.Faults
	if f.IMAPZeroLiterals {
		chunk := []byte(strings.Repeat(" X{0}\r\n", 8<<10))
		if s.send([]byte("* CAPABILITY IMAP4rev1 {0}\r\n")) != nil {
			return false
		}
		for sent := 0; sent < endlessLimit; sent += len(chunk) {
			if s.writeRaw(chunk) != nil {
				return false
			}
		}
		return false
	}
	size := f.IMAPLiteralSize
	if size <= 0 {
		size = 1<<20 - 64
	}
	body := []byte(strings.Repeat("x", size))
	for range f.IMAPLiteralFlood {
		if s.writeRaw(fmt.Appendf(nil, "* CAPABILITY IMAP4rev1 {%d}\r\n", size)) != nil ||
			s.writeRaw(body) != nil || s.writeRaw([]byte("\r\n")) != nil {
			return false
		}
	}
	return s.reply(tag+" OK Capability completed.") == nil
}

// imapParser reads the arguments of one command, literals included (RFC 9051 9, the parts of
// the grammar the engine needs).
type imapParser struct {
	s   string
	pos int
}

func (p *imapParser) eof() bool { return p.pos >= len(p.s) }

// sp consumes exactly one space.
func (p *imapParser) sp() bool {
	if p.pos < len(p.s) && p.s[p.pos] == ' ' {
		p.pos++
		return true
	}
	return false
}

// tag reads a command tag: ASTRING-CHARs except "+" (RFC 9051 9, tag).
func (p *imapParser) tag() (string, bool) {
	start := p.pos
	for p.pos < len(p.s) && atomChar(p.s[p.pos]) && !strings.ContainsRune("+%*", rune(p.s[p.pos])) {
		p.pos++
	}
	return p.s[start:p.pos], p.pos > start
}

// atomChar is ATOM-CHAR plus "%", "*" and "]", which list patterns and fetch sections use.
func atomChar(c byte) bool {
	return c > ' ' && c < 0x7f && !strings.ContainsRune(`(){"\`, rune(c))
}

// atom reads an atom; a "[" takes everything to its "]" along, spaces included, so
// BODY.PEEK[HEADER.FIELDS (FROM)] is one item.
func (p *imapParser) atom() (string, bool) {
	start := p.pos
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		if c == '[' {
			end := strings.IndexByte(p.s[p.pos:], ']')
			if end < 0 {
				return "", false
			}
			p.pos += end + 1
			continue
		}
		if !atomChar(c) {
			break
		}
		p.pos++
	}
	return p.s[start:p.pos], p.pos > start
}

// astring reads an atom, a quoted string or a literal.
func (p *imapParser) astring() (string, bool) {
	if p.eof() {
		return "", false
	}
	switch p.s[p.pos] {
	case '"':
		return p.quoted()
	case '{':
		return p.literal()
	}
	return p.atom()
}

// quoted reads a quoted string; only \\ and \" are escapes (RFC 9051 4.3).
func (p *imapParser) quoted() (string, bool) {
	var b strings.Builder
	for i := p.pos + 1; i < len(p.s); i++ {
		switch c := p.s[i]; c {
		case '"':
			p.pos = i + 1
			return b.String(), true
		case '\\':
			if i+1 >= len(p.s) || (p.s[i+1] != '\\' && p.s[i+1] != '"') {
				return "", false
			}
			i++
			b.WriteByte(p.s[i])
		case '\r', '\n', 0:
			return "", false
		default:
			b.WriteByte(c)
		}
	}
	return "", false
}

// literal reads "{n}" or "{n+}", CRLF and n bytes, as readCmd assembled them.
func (p *imapParser) literal() (string, bool) {
	end := strings.Index(p.s[p.pos:], "}\r\n")
	if end < 0 {
		return "", false
	}
	n, _, ok := literalMarker(p.s[p.pos : p.pos+end+1])
	start := p.pos + end + 3
	if !ok || start+n > len(p.s) {
		return "", false
	}
	p.pos = start + n
	return p.s[start:p.pos], true
}

// value reads NIL, a string, an atom or a parenthesized list of values (ID, FETCH items).
func (p *imapParser) value() (any, bool) {
	if p.eof() || p.s[p.pos] != '(' {
		return p.astring()
	}
	p.pos++
	list := []any{}
	for {
		if p.pos < len(p.s) && p.s[p.pos] == ')' {
			p.pos++
			return list, true
		}
		if len(list) > 0 && !p.sp() {
			return nil, false
		}
		v, ok := p.value()
		if !ok {
			return nil, false
		}
		list = append(list, v)
	}
}

// imapQuote is a mailbox name as LIST and QUOTAROOT send it: an atom when it is one, else quoted.
func imapQuote(name string) string {
	if name != "" && !strings.ContainsAny(name, ` "\\(){%*`) {
		return name
	}
	return `"` + strings.NewReplacer(`\\`, `\\\\`, `"`, `\\"`).Replace(name) + `"`
}

// numbers turns a sequence set of message numbers, or of UIDs, into message numbers.
func (s *imapSession) numbers(set string, uid bool) ([]int, bool) {
	if !uid {
		return seqSet(set, len(s.msgs), false)
	}
	top := 0
	for _, m := range s.msgs {
		top = max(top, m.imapUID)
	}
	uids, ok := seqSet(set, top, true)
	if !ok {
		return nil, false
	}
	var out []int
	for i, m := range s.msgs {
		if slices.Contains(uids, m.imapUID) {
			out = append(out, i+1)
		}
	}
	return out, true
}

// headerFields is the field list of BODY[HEADER.FIELDS (A B)] / BODY.PEEK[...], upper-cased;
// nil for any other item.
func headerFields(item string) []string {
	rest, ok := strings.CutPrefix(item, "BODY.PEEK[HEADER.FIELDS (")
	if !ok {
		if rest, ok = strings.CutPrefix(item, "BODY[HEADER.FIELDS ("); !ok {
			return nil
		}
	}
	list, ok := strings.CutSuffix(rest, ")]")
	if f := strings.Fields(list); ok && len(f) > 0 {
		return f
	}
	return nil
}

// pickHeaders keeps the named header fields (with their folded lines) and the blank line that
// ends a header (RFC 9051 6.4.5).
func pickHeaders(header string, names []string) string {
	var b strings.Builder
	keep := false
	for _, l := range strings.SplitAfter(header, "\r\n") {
		if l == "\r\n" || l == "" {
			break
		}
		if l[0] != ' ' && l[0] != '\t' {
			name, _, _ := strings.Cut(l, ":")
			keep = slices.Contains(names, strings.ToUpper(strings.TrimSpace(name)))
		}
		if keep {
			b.WriteString(l)
		}
	}
	return b.String() + "\r\n"
}

// mailCommand runs SEARCH, STORE and EXPUNGE, or their UID forms (RFC 9051 6.4.4, 6.4.6,
// 6.4.3; UID EXPUNGE RFC 4315 2.1): the subset a mail client and the round trip use. SEARCH
// knows ALL, HEADER field string and UID set; STORE sets or clears \Deleted and \Seen.
// False means the session is over.
func (s *imapSession) mailCommand(tag, name string, p *imapParser, uid bool) bool {
	done := name + " completed."
	if uid {
		done = "UID " + done
	}
	invalid := func() bool { return s.bad(tag + " BAD Invalid arguments.") }
	switch name {
	case "SEARCH":
		key, valid := p.atom()
		var hits []int
		switch k := strings.ToUpper(key); {
		case valid && k == "ALL" && p.eof():
			for i := range s.msgs {
				hits = append(hits, i+1)
			}
		case valid && k == "HEADER" && p.sp():
			field, ok1 := p.astring()
			ok2 := p.sp()
			val, ok3 := p.astring()
			if !ok1 || !ok2 || !ok3 || !p.eof() {
				return invalid()
			}
			for i, m := range s.msgs {
				hdr, _, _ := strings.Cut(m.text, "\r\n\r\n")
				if headerHas(hdr+"\r\n", field, val) {
					hits = append(hits, i+1)
				}
			}
		case valid && k == "UID" && p.sp():
			set, ok := p.atom()
			if !ok || !p.eof() {
				return invalid()
			}
			if hits, ok = s.numbers(set, true); !ok {
				return s.bad(tag + " BAD Invalid messageset.")
			}
		default:
			return s.bad(tag + " BAD Unsupported search key.")
		}
		line := "* SEARCH"
		for _, n := range hits {
			v := n
			if uid {
				v = s.msgs[n-1].imapUID
			}
			line += " " + strconv.Itoa(v)
		}
		return s.reply(line, tag+" OK "+done) == nil
	case "STORE":
		if s.readOnly {
			return s.reply(tag+" NO [READ-ONLY] Mailbox is read-only.") == nil
		}
		set, ok1 := p.atom()
		ok2 := p.sp()
		op, ok3 := p.atom()
		ok4 := p.sp()
		// Flags start with "\", which atoms exclude: read the rest as "(flag ...)" or "flag".
		rest := p.s[p.pos:]
		p.pos = len(p.s)
		if r, ok := strings.CutPrefix(rest, "("); ok {
			rest, ok4 = strings.CutSuffix(r, ")")
			ok4 = ok4 && ok1
		}
		flags := strings.Fields(rest)
		op = strings.ToUpper(op)
		add := strings.HasPrefix(op, "+")
		if !ok1 || !ok2 || !ok3 || !ok4 || len(flags) == 0 || (!add && !strings.HasPrefix(op, "-")) {
			return invalid()
		}
		nums, ok := s.numbers(set, uid)
		if !ok {
			return s.bad(tag + " BAD Invalid messageset.")
		}
		var uids []int
		for _, n := range nums {
			uids = append(uids, s.msgs[n-1].imapUID)
		}
		var out []string
		for _, fl := range flags {
			switch strings.ToUpper(fl) {
			case `\DELETED`:
				s.srv.mbox.setDeleted(s.box, uids, add)
				for _, n := range nums {
					s.msgs[n-1].deleted = add
				}
			case `\SEEN`:
				for _, n := range nums {
					s.seen[n-1] = add
				}
			}
		}
		if !strings.Contains(op, ".SILENT") {
			for _, n := range nums {
				out = append(out, strings.TrimSuffix(string(s.fetchOne(n, []string{"UID", "FLAGS"})), "\r\n"))
			}
		}
		return s.reply(append(out, tag+" OK "+done)...) == nil
	case "EXPUNGE":
		if s.readOnly {
			return s.reply(tag+" NO [READ-ONLY] Mailbox is read-only.") == nil
		}
		var only []int
		if uid {
			set, ok := p.atom()
			if !ok || !p.eof() {
				return invalid()
			}
			nums, ok := s.numbers(set, true)
			if !ok {
				return s.bad(tag + " BAD Invalid messageset.")
			}
			only = []int{}
			for _, n := range nums {
				only = append(only, s.msgs[n-1].imapUID)
			}
		} else if !p.eof() {
			return invalid()
		}
		gone := s.srv.mbox.expunge(s.box, only)
		var out []string
		// RFC 9051 7.5.1: each EXPUNGE renumbers the messages after it, so report high to low.
		for i := len(s.msgs) - 1; i >= 0; i-- {
			if slices.Contains(gone, s.msgs[i].imapUID) {
				out = append(out, fmt.Sprintf("* %d EXPUNGE", i+1))
				s.msgs = slices.Delete(s.msgs, i, i+1)
				s.seen = slices.Delete(s.seen, i, i+1)
			}
		}
		return s.reply(append(out, tag+" OK "+done)...) == nil
	}
	return s.bad(tag + " BAD Unknown command.")
}

// headerHas reports whether a header field of that name contains val, case-insensitively
// (RFC 9051 6.4.4 SEARCH HEADER).
func headerHas(header, field, val string) bool {
	for _, l := range strings.Split(header, "\r\n") {
		name, v, ok := strings.Cut(l, ":")
		if ok && strings.EqualFold(strings.TrimSpace(name), field) && strings.Contains(strings.ToUpper(v), strings.ToUpper(val)) {
			return true
		}
	}
	return false
}
