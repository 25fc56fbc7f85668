package probes

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// imapResp is one parsed IMAP response line (RFC 9051 7, 2.2.2).
type imapResp struct {
	Tag    string // "*" untagged, "+" continuation, or the command tag
	Status string // OK, NO, BAD, BYE, PREAUTH; "" for data responses
	Code   string // response code name in brackets, upper case: "CAPABILITY", "ALERT", "UIDVALIDITY"
	Args   string // the code's arguments
	Text   string // human-readable text (or the data after the tag for data responses)
}

// parseIMAPLine parses one response line. Data responses ("* 3 EXISTS", "* CAPABILITY ...")
// keep everything after the tag in Text.
func parseIMAPLine(line string) (imapResp, error) {
	var r imapResp
	tag, rest, ok := strings.Cut(line, " ")
	if tag == "" {
		return r, fmt.Errorf("%w: IMAP response without tag %q", ErrMalformedReply, truncate(line, 80))
	}
	r.Tag = tag
	if tag == "+" {
		r.Text = rest
		return r, nil
	}
	if !ok {
		return r, fmt.Errorf("%w: IMAP response %q has no content", ErrMalformedReply, truncate(line, 80))
	}
	word, after, _ := strings.Cut(rest, " ")
	switch st := strings.ToUpper(word); st {
	case "OK", "NO", "BAD", "BYE", "PREAUTH":
		r.Status = st
		rest = after
	default:
		if tag != "*" {
			return r, fmt.Errorf("%w: tagged response without status %q", ErrMalformedReply, truncate(line, 80))
		}
		r.Text = rest
		return r, nil
	}
	if strings.HasPrefix(rest, "[") {
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			return r, fmt.Errorf("%w: unterminated response code %q", ErrMalformedReply, truncate(line, 80))
		}
		code := rest[1:end]
		name, args, _ := strings.Cut(code, " ")
		r.Code, r.Args = strings.ToUpper(name), args
		rest = strings.TrimPrefix(rest[end+1:], " ")
	}
	r.Text = rest
	return r, nil
}

// literalLen returns n when line ends with an IMAP literal marker {n} or {n+} (RFC 7888). A
// length too big for an int64 is returned as -1, so the caller refuses it as too large rather
// than reading the line as one without a literal.
func literalLen(line string) (int64, bool) {
	if !strings.HasSuffix(line, "}") {
		return 0, false
	}
	i := strings.LastIndexByte(line, '{')
	if i < 0 {
		return 0, false
	}
	digits := strings.TrimSuffix(line[i+1:len(line)-1], "+")
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return -1, true // out of range
	}
	return n, true
}

// maxResponse bounds one response line with all its literals, counted on the wire: none of
// our commands needs a big one. maxLiterals bounds the literals of one response (an endless
// {0} chain); keptLiteral is the most of one literal's contents kept, quoted, in the line (a
// literal's contents are never needed, so a flood of them grows no memory).
const (
	maxResponse = 1 << 20
	maxLiterals = 256
	keptLiteral = 256
)

// imapReadLine reads one logical response line, folding in any literals it carries.
func (s *Session) imapReadLine() (string, error) {
	line, err := s.ReadLine()
	if err != nil {
		return line, err
	}
	var b strings.Builder
	wire := int64(0) // bytes of the response on the wire, literals included
	for lits := 0; ; lits++ {
		b.WriteString(line)
		wire += int64(len(line)) + 2
		n, ok := literalLen(line)
		if !ok {
			return b.String(), nil
		}
		// Compare without adding to n: a length near the int64 limit must not overflow.
		if n < 0 || n > maxResponse-wire {
			return b.String(), fmt.Errorf("%w: literal of %s bytes, over the %d-byte limit of one response", ErrMalformedReply, truncate(literalDigits(line), 24), maxResponse)
		}
		if lits >= maxLiterals {
			return b.String(), fmt.Errorf("%w: more than %d literals in one response", ErrTooMuchData, maxLiterals)
		}
		wire += n
		kept := min(n, keptLiteral)
		buf := make([]byte, kept)
		if _, err := io.ReadFull(s.lr.br, buf); err != nil {
			return b.String(), fmt.Errorf("read literal: %w", err)
		}
		if _, err := io.CopyN(io.Discard, s.lr.br, n-kept); err != nil {
			return b.String(), fmt.Errorf("read literal: %w", err)
		}
		s.note("literal of %d bytes", n)
		b.WriteString(quoteIMAP(string(buf)))
		if kept < n {
			fmt.Fprintf(&b, "…(%d bytes not kept)", n-kept)
		}
		if line, err = s.ReadLine(); err != nil {
			return b.String(), err
		}
	}
}

// literalDigits is the length of the literal marker that ends line, as the server wrote it.
func literalDigits(line string) string {
	return strings.TrimSuffix(line[strings.LastIndexByte(line, '{')+1:len(line)-1], "+")
}

// imapCmd sends a tagged command and collects responses up to its completion.
// It returns the untagged responses and the tagged one; NO/BAD become a *ReplyError.
func (s *Session) imapCmd(cmd, shown string) ([]imapResp, imapResp, error) {
	s.imapTag++
	tag := fmt.Sprintf("a%d", s.imapTag)
	if err := s.SendSecret(tag+" "+cmd, tag+" "+shown); err != nil {
		return nil, imapResp{}, err
	}
	s.roundTrip()
	return s.imapUntil(tag, shown, false)
}

// imapUntil reads responses until the tagged completion for tag, bounded in count.
func (s *Session) imapUntil(tag, shown string, wantCont bool) ([]imapResp, imapResp, error) {
	var untagged []imapResp
	kept := 0 // bytes of the untagged responses kept for the caller
	for i := 0; ; i++ {
		if i > maxReplyLines*4 {
			return untagged, imapResp{}, fmt.Errorf("%w: more than %d responses to one command", ErrMalformedReply, maxReplyLines*4)
		}
		line, err := s.imapReadLine()
		if err != nil {
			return untagged, imapResp{}, err
		}
		if kept += len(line); kept > maxResponse {
			return untagged, imapResp{}, fmt.Errorf("%w: more than %d bytes of responses to one command", ErrTooMuchData, maxResponse)
		}
		r, err := parseIMAPLine(line)
		if err != nil {
			return untagged, imapResp{}, err
		}
		switch {
		case r.Tag == tag:
			if r.Status == "OK" && r.Code == "CAPABILITY" {
				s.imapAuthCaps = strings.Fields(strings.ToUpper(r.Args))
			}
			if r.Status != "OK" {
				verb, _, _ := strings.Cut(shown, " ")
				return untagged, r, &ReplyError{Proto: IMAP, Command: verb, Enhanced: r.Code, Lines: []string{line}}
			}
			return untagged, r, nil
		case r.Tag == "*" && r.Status == "BYE":
			return untagged, r, &ReplyError{Proto: IMAP, Command: "BYE", Enhanced: r.Code, Lines: []string{line}}
		case r.Tag == "+" && wantCont:
			return untagged, r, nil
		case r.Tag == "+":
			// A continuation nobody asked for (say, to AUTHENTICATE with an initial
			// response) must not pass for success.
			return untagged, r, fmt.Errorf("%w: unexpected continuation request %q", ErrMalformedReply, truncate(line, 80))
		}
		untagged = append(untagged, r)
		if r.Tag == "*" && strings.EqualFold(r.Code, "ALERT") {
			s.Find(findings.IMAPAlert, line) // RFC 9051 7.1: its text must reach the user
		}
	}
}

// quoteIMAP makes an IMAP quoted string (RFC 9051 4.3), or reports that a literal is needed.
func quoteIMAP(v string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(v) + `"`
}

// needsLiteral reports whether v cannot travel as a quoted string (CR, LF, NUL or 8-bit).
func needsLiteral(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c == '\r' || c == '\n' || c == 0 || c >= 0x80 {
			return true
		}
	}
	return false
}

func capsHave(caps []string, c string) bool {
	for _, x := range caps {
		if strings.EqualFold(x, c) {
			return true
		}
	}
	return false
}

// imapScript walks an IMAP server: greeting, CAPABILITY, STARTTLS, CAPABILITY, LOGIN, EXAMINE
// (with ID when the server demands it), LOGOUT.
func imapScript(s *Session) error {
	var caps []string
	preauth := false
	if err := s.Step(StepGreeting, func() error {
		if err := s.awaitGreeting(); err != nil { // plaintext to a TLS port: known after a short silence
			return err
		}
		s.roundTrip()
		line, err := s.imapReadLine()
		if err != nil {
			return err
		}
		r, err := parseIMAPLine(line)
		if err != nil {
			return err
		}
		if r.Tag != "*" {
			return fmt.Errorf("%w: greeting is not untagged: %q", ErrMalformedReply, truncate(line, 80))
		}
		switch r.Status {
		case "OK":
		case "PREAUTH":
			preauth = true
			if !s.tls {
				s.Find(findings.IMAPPreauthPlaintext, line)
			}
		case "BYE":
			s.Find(findings.ServerBusy, line)
			return &ReplyError{Proto: IMAP, Enhanced: r.Code, Lines: []string{line}}
		default:
			return fmt.Errorf("%w: greeting %q", ErrMalformedReply, truncate(line, 80))
		}
		if r.Code == "CAPABILITY" {
			caps = strings.Fields(strings.ToUpper(r.Args))
		}
		s.Detail("%s", truncate(r.Text, 80))
		return nil
	}); err != nil {
		return err
	}
	if caps == nil {
		caps = s.imapCapability("capability")
	} else {
		s.res.Caps = caps
	}
	if s.ep.Security == STARTTLS && !preauth {
		if err := s.startTLSStep("starttls", capsHave(caps, "STARTTLS"), "", func() error {
			_, _, err := s.imapCmd("STARTTLS", "STARTTLS")
			return err
		}); err != nil {
			s.quit(s.imapNextTag() + " LOGOUT")
			return err
		}
		// RFC 9051 6.2.1: capabilities learned before STARTTLS must be discarded.
		caps = s.imapCapability("capability-tls")
	}
	loggedIn := preauth
	if !preauth {
		loggedIn = s.imapLogin(caps)
	}
	s.res.loggedIn = loggedIn
	switch {
	case loggedIn && s.fetch != nil:
		s.imapFetchTest(caps)
	case loggedIn:
		s.imapExamine(caps)
		s.imapHealth(caps)
	}
	s.quit(s.imapNextTag() + " LOGOUT")
	return nil
}

func (s *Session) imapNextTag() string {
	s.imapTag++
	return fmt.Sprintf("a%d", s.imapTag)
}

func (s *Session) imapCapability(step string) []string {
	var caps []string
	s.Step(step, func() error {
		untagged, tagged, err := s.imapCmd("CAPABILITY", "CAPABILITY")
		if err != nil {
			return err
		}
		for _, u := range untagged {
			if f := strings.Fields(u.Text); len(f) > 0 && strings.EqualFold(f[0], "CAPABILITY") {
				caps = append(caps, strings.Fields(strings.ToUpper(strings.Join(f[1:], " ")))...)
			}
		}
		if caps == nil && tagged.Code == "CAPABILITY" {
			caps = strings.Fields(strings.ToUpper(tagged.Args))
		}
		s.res.Caps = caps
		s.Detail("%s", truncate(strings.Join(caps, " "), 120))
		return nil
	})
	return caps
}

// imapLogin logs in with AUTHENTICATE PLAIN (SASL-IR when offered) or LOGIN.
func (s *Session) imapLogin(caps []string) bool {
	user := s.opts.User
	havePass := len(s.opts.Password) > 0 || len(s.opts.Token) > 0
	disabled := capsHave(caps, "LOGINDISABLED")
	mechs := imapMechs(caps)
	// On an encrypted connection LOGINDISABLED with no AUTH=PLAIN leaves only OAuth2
	// (outlook.office365.com in 2026: "AUTH=XOAUTH2 LOGINDISABLED").
	oauthOnly := s.tls && disabled && !slices.Contains(mechs, "PLAIN") && !slices.Contains(mechs, "LOGIN")
	loggedIn := false
	s.Step(StepAuth, func() error {
		if !s.tls {
			if disabled {
				if havePass || user != "" {
					s.Find(findings.TLSRequired, "CAPABILITY lists LOGINDISABLED on an unencrypted connection")
					return fmt.Errorf("login: LOGINDISABLED before TLS")
				}
				s.Detail("%s", findings.SayLoginDisabled.Format())
				return nil
			}
			if !havePass || !s.opts.AllowPlaintextAuth {
				if havePass {
					s.note("%s not sent: the connection is not encrypted (use --allow-plaintext-auth to override)", s.secretName())
				}
				s.Find(findings.AuthPlaintextOffered, "LOGIN allowed before TLS (no LOGINDISABLED)")
				return nil
			}
			s.Find(findings.AuthPlaintextOffered, s.secretName()+" sent without TLS (--allow-plaintext-auth)")
		} else if !havePass {
			s.NotTried(findings.SayNotTried.EN, s.noSecret(), oauthOnlyNote(oauthOnly))
			return nil
		}
		if len(s.opts.Token) > 0 {
			if err := s.oauthLogin(&imapWire{s: s, saslIR: capsHave(caps, "SASL-IR")}, mechs); err != nil {
				return err
			}
			loggedIn = true
			return nil
		}
		if s.passwordRefusedByOAuth(oauthOnly, "after TLS the server lists LOGINDISABLED and offers only AUTH="+strings.Join(mechs, " AUTH=")) {
			return errOAuthOnly
		}
		switch strings.ToUpper(s.opts.AuthMech) {
		case "LOGIN": // the LOGIN command, not AUTHENTICATE PLAIN
			caps = slices.DeleteFunc(slices.Clone(caps), func(c string) bool { return c == "AUTH=PLAIN" })
		case "PLAIN":
			caps = append(slices.Clone(caps), "AUTH=PLAIN", "SASL-IR")
		}
		var err error
		if cmd, literal := imapLoginCmd(caps, user, s.opts.Password); literal {
			err = s.imapLoginLiteral(caps)
		} else {
			_, _, err = s.imapCmd(cmd.line, cmd.shown)
		}
		if err != nil {
			return s.imapAuthError(err)
		}
		loggedIn = true
		s.Detail("%s", findings.SayLoggedIn.Format(user))
		return nil
	})
	return loggedIn
}

// imapMechs are the SASL mechanisms a capability list offers (AUTH=…), upper case.
func imapMechs(caps []string) []string {
	var out []string
	for _, c := range caps {
		if m, ok := strings.CutPrefix(c, "AUTH="); ok && m != "" {
			out = append(out, strings.ToUpper(m))
		}
	}
	return out
}

// imapLoginCmd is the command that logs in: AUTHENTICATE PLAIN with SASL-IR (RFC 4959) when
// offered, else LOGIN with quoted strings; literal reports that LOGIN needs literals instead.
func imapLoginCmd(caps []string, user string, pass []byte) (c command, literal bool) {
	switch {
	case capsHave(caps, "AUTH=PLAIN") && capsHave(caps, "SASL-IR"):
		return command{"AUTHENTICATE PLAIN " + saslPlain(user, pass), "AUTHENTICATE PLAIN ***"}, false
	case needsLiteral(user) || needsLiteral(string(pass)):
		return command{}, true
	}
	return command{"LOGIN " + quoteIMAP(user) + " " + quoteIMAP(string(pass)), "LOGIN " + quoteIMAP(user) + " ***"}, false
}

// imapLoginLiteral sends LOGIN with the password as a literal (RFC 9051 4.3), waiting for the
// continuation unless LITERAL+ lets us send it straight away.
func (s *Session) imapLoginLiteral(caps []string) error {
	pw := s.opts.Password
	plus := capsHave(caps, "LITERAL+")
	marker := fmt.Sprintf("{%d}", len(pw))
	if plus {
		marker = fmt.Sprintf("{%d+}", len(pw))
	}
	user := quoteIMAP(s.opts.User)
	if needsLiteral(s.opts.User) {
		user = quoteIMAP(strings.ToValidUTF8(s.opts.User, "?"))
	}
	tag := s.imapNextTag()
	if err := s.Send(tag + " LOGIN " + user + " " + marker); err != nil {
		return err
	}
	if !plus {
		s.roundTrip()
		_, r, err := s.imapUntil(tag, "LOGIN", true)
		if err != nil {
			return err
		}
		if r.Tag != "+" {
			return fmt.Errorf("%w: no continuation for the literal", ErrMalformedReply)
		}
	}
	s.record(Client, "***")
	if _, err := s.conn.Write(append(append([]byte(nil), pw...), '\r', '\n')); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	s.roundTrip()
	_, _, err := s.imapUntil(tag, "LOGIN", false)
	return err
}

// imapAuthError maps a refused login to its finding; RFC 5530 codes first, then text patterns.
func (s *Session) imapAuthError(err error) error {
	re, ok := err.(*ReplyError)
	if !ok {
		return err
	}
	switch strings.ToUpper(re.Enhanced) {
	case "PRIVACYREQUIRED":
		s.Find(findings.TLSRequired, re.Text())
		return err
	case "UNAVAILABLE", "LIMIT", "INUSE":
		s.Find(findings.ServerBusy, re.Text())
		return err
	}
	if c, ok := matchReply(IMAP, "auth", re.Lines); ok {
		s.Find(c, re.Text())
		return err
	}
	s.Find(findings.AuthFailed, re.Text())
	return err
}

// imapExamine opens INBOX read-only; a NetEase-style "Unsafe Login" refusal is retried after ID.
func (s *Session) imapExamine(caps []string) {
	examine := func() ([]imapResp, error) {
		u, _, err := s.imapCmd("EXAMINE INBOX", "EXAMINE INBOX")
		return u, err
	}
	s.Step(StepExamine, func() error {
		u, err := examine()
		if err != nil {
			re, ok := err.(*ReplyError)
			if !ok || !unsafeLogin(re) {
				return err
			}
			s.Find(findings.IMAPIDRequired, re.Text())
			// RFC 2971: identify ourselves, as Thunderbird and Foxmail do, then try again.
			if _, _, err := s.imapCmd(`ID ("name" "mailcheck" "version" "1")`, `ID ("name" "mailcheck" "version" "1")`); err != nil {
				return err
			}
			if u, err = examine(); err != nil {
				return err
			}
			s.note("EXAMINE works after ID: the mail client must send the IMAP ID command")
		}
		mb := &Mailbox{}
		for _, r := range u {
			if f := strings.Fields(r.Text); len(f) == 2 && strings.EqualFold(f[1], "EXISTS") {
				mb.Messages, _ = strconv.Atoi(f[0])
			}
			if r.Code == "UIDVALIDITY" {
				v, _ := strconv.ParseUint(strings.TrimSpace(r.Args), 10, 32)
				mb.UIDValidity = uint32(v)
			}
		}
		s.res.Mailbox = mb
		s.Detail("%s", findings.SayInbox.Format(mb.Messages, mb.UIDValidity))
		return nil
	})
}

// unsafeLogin recognises the Coremail refusal that demands IMAP ID (S16 in providers.md).
func unsafeLogin(re *ReplyError) bool {
	if c, ok := matchReply(IMAP, "select", re.Lines); ok && c == findings.IMAPIDRequired {
		return true
	}
	return strings.Contains(strings.ToLower(re.Text()), "unsafe login")
}
