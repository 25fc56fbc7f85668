package probes

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/probes/oauth"
)

// pop3Cmd sends line (recorded as shown) and reads the status; -ERR becomes a *ReplyError.
func (s *Session) pop3Cmd(line, shown string) (pop3Status, error) {
	if err := s.SendSecret(line, shown); err != nil {
		return pop3Status{}, err
	}
	s.roundTrip()
	verb, _, _ := strings.Cut(shown, " ")
	return s.pop3Status(verb)
}

func (s *Session) pop3Status(verb string) (pop3Status, error) {
	l, err := s.ReadLine()
	if err != nil {
		return pop3Status{}, err
	}
	st, err := parsePOP3Status(l)
	if err != nil {
		return st, err
	}
	if !st.OK {
		return st, &ReplyError{Proto: POP3, Command: verb, Enhanced: st.Code, Lines: []string{l}}
	}
	return st, nil
}

// maxMultiline bounds a multi-line POP3 response; the transcript keeps only the first lines,
// and callers keep only what they need (a count, or a short capability list).
const (
	maxMultiline   = 1 << 20
	transcriptKeep = 20
)

// pop3Body reads a dot-terminated multi-line body (RFC 1939 3), handing each raw line (still
// dot-stuffed) to each, which may stop the read with an error. It returns the line count.
func (s *Session) pop3Body(each func(raw string) error) (int, error) {
	n := 0
	for {
		b, err := s.lr.readLine()
		if err != nil {
			if len(b) > 0 {
				s.record(Server, s.shown(b))
			}
			return n, fmt.Errorf("read: %w", err)
		}
		if string(b) == "." {
			if n > transcriptKeep {
				s.note("… %d more lines", n-transcriptKeep)
			}
			s.record(Server, ".")
			return n, nil
		}
		if n < transcriptKeep {
			s.record(Server, s.shown(b))
		}
		n++
		if n > maxMultiline {
			return n, fmt.Errorf("%w: multi-line response longer than %d lines", ErrMalformedReply, maxMultiline)
		}
		if each != nil {
			if err := each(string(b)); err != nil {
				return n, err
			}
		}
	}
}

// pop3Multi reads a short multi-line body (CAPA) into lines, dot-stuffing undone.
func (s *Session) pop3Multi() ([]string, error) {
	var out []string
	_, err := s.pop3Body(func(raw string) error {
		if len(out) >= maxReplyLines {
			return fmt.Errorf("%w: more than %d lines", ErrMalformedReply, maxReplyLines)
		}
		out = append(out, strings.TrimPrefix(raw, "."))
		return nil
	})
	return out, err
}

var apopRE = regexp.MustCompile(`<[^<>@\s]+@[^<>\s]+>`)

// pop3Script walks a POP3 server: greeting, CAPA, STLS, CAPA, login, STAT, LIST, UIDL, QUIT.
func pop3Script(s *Session) error {
	if err := s.Step(StepGreeting, func() error {
		if err := s.awaitGreeting(); err != nil { // plaintext to a TLS port: known after a short silence
			return err
		}
		s.roundTrip()
		st, err := s.pop3Status("")
		if err != nil {
			return err
		}
		if ts := apopRE.FindString(st.Text); ts != "" {
			s.Detail("%s", findings.SayAPOP.Format(ts))
		} else {
			s.Detail("%s", truncate(st.Text, 80))
		}
		return nil
	}); err != nil {
		return err
	}
	caps := s.pop3CAPA("capa")
	if s.ep.Security == STARTTLS {
		// An old server without CAPA (caps nil) may still know STLS: try it.
		if err := s.startTLSStep("stls", caps == nil || hasCap(caps, "STLS"), "", func() error {
			_, err := s.pop3Cmd("STLS", "STLS")
			return err
		}); err != nil {
			s.quit("QUIT")
			return err
		}
		// RFC 2595 4: capabilities may change after STLS; ask again.
		caps = s.pop3CAPA("capa-tls")
	}
	loggedIn := s.pop3Login(caps)
	s.res.loggedIn = loggedIn
	switch {
	case loggedIn && s.fetch != nil:
		if s.pop3FetchTest() {
			// The DELE counts only once the server has answered QUIT (RFC 1939 6, UPDATE).
			s.Step(StepQuit, func() error {
				_, err := s.pop3Cmd("QUIT", "QUIT")
				return err
			})
			return nil
		}
	case loggedIn:
		s.pop3Mailbox(hasCap(caps, "PIPELINING"))
	}
	s.quit("QUIT")
	return nil
}

// pop3CAPA asks for capabilities (RFC 2449 5); an old server's -ERR just means none known (nil).
func (s *Session) pop3CAPA(step string) []string {
	var caps []string
	s.Step(step, func() error {
		if _, err := s.pop3Cmd("CAPA", "CAPA"); err != nil {
			if _, ok := err.(*ReplyError); ok {
				s.Detail("%s", findings.SayNoCAPA.Format())
				return nil
			}
			return err
		}
		lines, err := s.pop3Multi()
		if err != nil {
			return err
		}
		caps = []string{}
		for _, l := range lines {
			if l = strings.TrimSpace(l); l != "" {
				caps = append(caps, strings.ToUpper(l))
			}
		}
		s.res.Caps = caps
		s.Detail("%s", strings.Join(caps, " "))
		return nil
	})
	return caps
}

// pop3Login logs in with AUTH PLAIN (RFC 5034) or USER/PASS; without a password, or on a clear
// connection where a password must not go, it learns what it can from USER alone.
func (s *Session) pop3Login(caps []string) bool {
	user := s.opts.User
	havePass := len(s.opts.Password) > 0 || len(s.opts.Token) > 0
	sendPass := havePass && (s.tls || s.opts.AllowPlaintextAuth)
	mechs := saslMechs(caps)
	// After TLS, a SASL list of OAuth2 mechanisms only is OAuth-only even beside USER: Dovecot
	// lists USER whatever its mechanisms (and takes the name, then refuses PASS), and a server
	// that took passwords would offer PLAIN as well.
	oauthOnly := s.tls && oauth.Only(mechs)
	loggedIn := false
	s.Step(StepAuth, func() error {
		if !sendPass {
			if havePass {
				s.note("%s not sent: the connection is not encrypted (use --allow-plaintext-auth to override)", s.secretName())
			}
			if s.tls {
				s.NotTried(findings.SayNotTried.EN, s.noSecret(), oauthOnlyNote(oauthOnly))
				return nil
			}
			if user == "" {
				switch {
				case caps == nil || hasCap(caps, "USER") || len(saslMechs(caps)) > 0:
					s.Find(findings.AuthPlaintextOffered, "login offered before TLS (CAPA: "+strings.Join(caps, " ")+")")
				case hasCap(caps, "STLS"):
					// RFC 2449 6.3/6.9: no USER and an empty SASL list is no login at all; the
					// server takes passwords only after STLS (Dovecot disable_plaintext_auth).
					s.Find(findings.TLSRequired, "CAPA offers no login before TLS (no USER, no SASL mechanism), only STLS: "+strings.Join(caps, " "))
				}
				return nil
			}
			// USER carries no secret; its answer tells whether login over plaintext is allowed.
			if _, err := s.pop3Cmd("USER "+user, "USER "+user); err != nil {
				return s.pop3AuthError(err, true)
			}
			s.Find(findings.AuthPlaintextOffered, "USER accepted before TLS")
			return nil
		}
		if len(s.opts.Token) > 0 {
			if !s.tls {
				s.Find(findings.AuthPlaintextOffered, "token sent without TLS (--allow-plaintext-auth)")
			}
			if err := s.oauthLogin(pop3Wire{s}, mechs); err != nil {
				return err
			}
			loggedIn = true
			return nil
		}
		ev := "after TLS the server offers only SASL " + strings.Join(mechs, " ") + " and no USER"
		if hasCap(caps, "USER") {
			ev = "after TLS the server offers only SASL " + strings.Join(mechs, " ") + " (its USER line is no password mechanism: Dovecot lists it always)"
		}
		if s.passwordRefusedByOAuth(oauthOnly, ev) {
			return errOAuthOnly
		}
		c := caps
		switch strings.ToUpper(s.opts.AuthMech) {
		case "LOGIN": // USER/PASS
			c = nil
		case "PLAIN":
			c = []string{"SASL PLAIN"}
		}
		cmds := pop3LoginCmds(c, user, s.opts.Password)
		for i, c := range cmds {
			last := i == len(cmds)-1
			if last && !s.tls { // recorded only once a password really goes out in clear
				s.Find(findings.AuthPlaintextOffered, "password sent without TLS (--allow-plaintext-auth)")
			}
			if _, err := s.pop3Cmd(c.line, c.shown); err != nil {
				return s.pop3AuthError(err, !last)
			}
		}
		loggedIn = true
		s.Detail("%s", findings.SayLoggedIn.Format(user))
		return nil
	})
	return loggedIn
}

// saslMechs are the mechanisms a CAPA SASL line offers; an empty "SASL" line offers none.
func saslMechs(caps []string) []string {
	for _, c := range caps {
		if f := strings.Fields(c); len(f) > 0 && f[0] == "SASL" {
			return f[1:]
		}
	}
	return nil
}

// command is a line to send and the form the transcript shows.
type command struct{ line, shown string }

// pop3LoginCmds are the commands that log in: AUTH PLAIN with an initial response (RFC 5034)
// when CAPA offers it, else USER then PASS (RFC 1939 7). The password is only in the last.
func pop3LoginCmds(caps []string, user string, pass []byte) []command {
	if hasCap(caps, "SASL", "PLAIN") {
		return []command{{"AUTH PLAIN " + saslPlain(user, pass), "AUTH PLAIN ***"}}
	}
	return []command{{"USER " + user, "USER " + user}, {"PASS " + string(pass), "PASS ***"}}
}

// hasCap reports whether a capability line starts with keyword, and has every given argument.
func hasCap(caps []string, keyword string, args ...string) bool {
	for _, c := range caps {
		f := strings.Fields(c)
		if len(f) == 0 || f[0] != keyword {
			continue
		}
		ok := true
		for _, a := range args {
			ok = ok && slices.Contains(f[1:], a)
		}
		if ok {
			return true
		}
	}
	return false
}

// pop3AuthError turns a refused login into its finding; RFC 2449/3206 codes come first.
func (s *Session) pop3AuthError(err error, userOnly bool) error {
	re, ok := err.(*ReplyError)
	if !ok {
		return err
	}
	switch strings.ToUpper(re.Enhanced) {
	case "IN-USE":
		s.Find(findings.POP3InUse, re.Text())
		return err
	case "LOGIN-DELAY":
		s.Find(findings.POP3LoginDelay, re.Text())
		return err
	case "SYS/TEMP":
		s.Find(findings.ServerBusy, re.Text())
		return err
	}
	if c, ok := matchReply(POP3, "auth", re.Lines); ok {
		s.Find(c, re.Text())
		return err
	}
	if userOnly && !s.tls {
		// A USER refused on a clear connection is the server demanding TLS first.
		s.Find(findings.TLSRequired, re.Text())
		return err
	}
	s.Find(findings.AuthFailed, re.Text())
	return err
}

// pop3Mailbox looks at the mailbox: STAT, LIST, UIDL (RFC 1939 5, RFC 2449 UIDL). When the
// server advertises PIPELINING (RFC 2449 6.6) the three go out together: one round trip.
func (s *Session) pop3Mailbox(pipeline bool) {
	cmds := []string{"STAT", "LIST", "UIDL"}
	sent := false
	ask := func(cmd string) (pop3Status, error) {
		switch {
		case pipeline && !sent:
			sent = true
			s.roundTrip()
			if err := s.sendBatch(cmds...); err != nil {
				return pop3Status{}, err
			}
		case !pipeline:
			s.roundTrip()
			if err := s.Send(cmd); err != nil {
				return pop3Status{}, err
			}
		}
		return s.pop3Status(cmd)
	}
	s.Step(StepStat, func() error {
		st, err := ask("STAT")
		if err != nil {
			return err
		}
		f := strings.Fields(st.Text)
		if len(f) < 2 {
			return fmt.Errorf("%w: STAT %q", ErrMalformedReply, st.Text)
		}
		n, err1 := strconv.Atoi(f[0])
		size, err2 := strconv.ParseInt(f[1], 10, 64)
		if err1 != nil || err2 != nil || n < 0 || size < 0 {
			return fmt.Errorf("%w: STAT %q", ErrMalformedReply, st.Text)
		}
		s.res.Mailbox = &Mailbox{Messages: n, Size: size}
		s.Detail("%s", findings.SayMaildrop.Format(n, size))
		return nil
	})
	for _, cmd := range cmds[1:] {
		s.Step(strings.ToLower(cmd), func() error {
			if _, err := ask(cmd); err != nil {
				return err
			}
			n, err := s.pop3Body(nil) // counted, not kept: a mailbox can be huge
			if err != nil {
				return err
			}
			s.Detail("%s", findings.SayEntries.Format(n))
			return nil
		})
	}
}
