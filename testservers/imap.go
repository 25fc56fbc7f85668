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
	authed   bool // authenticated state (RFC 9051 3.2)
	selected bool // selected state; INBOX is the only mailbox
	readOnly bool // EXAMINE rather than SELECT
	sentID   bool // the client sent ID in this session (IMAPIDRequired)
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
		if !ok1 || !ok2 || !ok3 || !p.eof() {
			return invalid()
		}
		var lines []string
		switch {
		case pat == "": // RFC 9051 6.3.9: the hierarchy delimiter
			lines = append(lines, `* LIST (\Noselect) "/" ""`)
		default:
			// A real account has its standard folders; the probe's folders check looks for them.
			for _, f := range append([]string{"INBOX"}, standardFolders...) {
				if wildMatch(strings.ToUpper(ref+pat), strings.ToUpper(f)) {
					lines = append(lines, `* LIST (\HasNoChildren) "/" `+f)
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
	case "UID":
		if !s.selected {
			return s.bad(tag + " BAD No mailbox selected.")
		}
		sub, valid := p.atom()
		if !valid || !strings.EqualFold(sub, "FETCH") || !p.sp() {
			return s.bad(tag + " BAD Unsupported UID command.")
		}
		return s.fetch(tag, p, true)
	case "CLOSE":
		if !s.selected {
			return s.bad(tag + " BAD No mailbox selected.")
		}
		s.selected = false // nothing is ever \Deleted, so there is nothing to expunge
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

// selectBox runs SELECT or EXAMINE; INBOX (any case, RFC 9051 5.1) is the only mailbox.
// standardFolders exist (empty) beside INBOX, as on a real account.
var standardFolders = []string{"Sent", "Drafts", "Trash", "Junk"}

func (s *imapSession) selectBox(tag, name, box string) bool {
	s.selected = false // RFC 9051 6.3.2: a failed SELECT leaves no mailbox selected
	if s.srv.cfg.Faults.IMAPIDRequired && !s.sentID {
		return s.reply(tag+" "+imapUnsafeLogin) == nil
	}
	inbox := strings.EqualFold(box, "INBOX")
	if !inbox && !slices.Contains(standardFolders, box) {
		return s.reply(tag+" NO [NONEXISTENT] Mailbox doesn't exist.") == nil
	}
	s.selected, s.readOnly = true, name == "EXAMINE"
	s.msgs = nil // the standard folders are empty
	if inbox {
		s.msgs = s.srv.mbox.snapshot()
	}
	s.seen = make([]bool, len(s.msgs))
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
		fmt.Sprintf("* OK [UIDNEXT %d] Predicted next UID", len(s.msgs)+1),
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
		if _, ok := fetchItems[it]; !ok {
			return s.bad(tag + " BAD Unsupported fetch item " + it + ".")
		}
		want = append(want, it)
	}
	if uid && !slices.Contains(want, "UID") {
		want = append([]string{"UID"}, want...) // RFC 9051 6.4.9
	}
	nums, ok := seqSet(set, len(s.msgs), uid)
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
		b = append(b, fetchItems[it]...)
		b = append(b, ' ')
		switch it {
		case "UID":
			b = strconv.AppendInt(b, int64(n), 10)
		case "FLAGS":
			if s.seen[n-1] {
				b = append(b, `(\Seen)`...)
			} else {
				b = append(b, "()"...)
			}
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
func (s *imapSession) endless(first string) { s.endlessLines(first, "* OK X-ENDLESS-") }

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
