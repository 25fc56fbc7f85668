package probes

import (
	"encoding/base64"
	"fmt"
	"slices"
	"strings"

	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/probes/oauth"
)

// readSMTPLines reads the lines of one reply, bounded in count and length; the conformance
// walk parses them leniently, smtpRead strictly.
func (s *Session) readSMTPLines() ([]string, error) {
	var lines []string
	for {
		l, err := s.ReadLine()
		if err != nil {
			return lines, err
		}
		lines = append(lines, l)
		if !smtpContinues(l) {
			return lines, nil
		}
		if len(lines) >= maxReplyLines {
			return lines, fmt.Errorf("%w: reply longer than %d lines", ErrMalformedReply, maxReplyLines)
		}
	}
}

// smtpRead reads one complete reply and refuses any syntax deviation.
func (s *Session) smtpRead() (*smtpReply, error) {
	lines, err := s.readSMTPLines()
	if err != nil {
		return nil, err
	}
	return parseSMTPReply(lines)
}

// smtpCmd sends line (shown as shown in the transcript) and reads the reply; a code outside
// want becomes a *ReplyError.
func (s *Session) smtpCmd(line, shown string, want ...int) (*smtpReply, error) {
	if err := s.SendSecret(line, shown); err != nil {
		return nil, err
	}
	s.roundTrip()
	verb, _, _ := strings.Cut(shown, " ")
	r, err := s.smtpRead()
	if err != nil {
		return nil, err
	}
	if !slices.Contains(want, r.Code) {
		return r, &ReplyError{Proto: SMTP, Command: verb, Code: r.Code, Enhanced: r.Enhanced, Lines: r.Lines}
	}
	return r, nil
}

// smtpScript walks a submission or relay server: greeting, EHLO, STARTTLS, EHLO, AUTH, QUIT.
func smtpScript(s *Session) error {
	if err := s.Step(StepGreeting, func() error {
		if err := s.awaitGreeting(); err != nil { // plaintext to a TLS port: known after a short silence
			return err
		}
		s.roundTrip()
		r, err := s.smtpRead()
		if err != nil {
			return err
		}
		if r.Code != 220 {
			// RFC 5321 3.1: 554 or 421 instead of 220 refuses service.
			return &ReplyError{Proto: SMTP, Code: r.Code, Enhanced: r.Enhanced, Lines: r.Lines}
		}
		s.Detail("%s", truncate(r.Lines[0], 80))
		return nil
	}); err != nil {
		return err
	}
	ext, err := s.smtpEHLO("ehlo")
	if err != nil {
		return err
	}
	if s.ep.Security == STARTTLS {
		_, offered := ext["STARTTLS"]
		if err := s.startTLSStep("starttls", offered, strippedSTARTTLS(ext), func() error {
			_, err := s.smtpCmd("STARTTLS", "STARTTLS", 220)
			return err
		}); err != nil {
			s.smtpQuit()
			return err
		}
		// RFC 3207 4.2: the client MUST discard what it knew and send EHLO again.
		if ext, err = s.smtpEHLO("ehlo-tls"); err != nil {
			return err
		}
	}
	s.res.loggedIn = s.smtpAuth(ext)
	if s.res.loggedIn && s.submit != nil {
		s.smtpSubmit(ext)
	}
	s.smtpQuit()
	return nil
}

// recordExtensions parses an EHLO reply's keyword lines and records them as the result's
// capabilities and the step's detail; the probe and the conformance walk both call it.
func (s *Session) recordExtensions(texts []string) map[string]string {
	ext := smtpExtensions(texts)
	keys := make([]string, 0, len(ext))
	for k := range ext {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	s.res.Caps = keys
	s.Detail("%s", findings.SayExtensions.Format(len(keys), strings.Join(keys, " ")))
	return ext
}

// strippedSTARTTLS recognises a firewall's SMTP fixup that overwrites STARTTLS in the EHLO
// reply with X's (Cisco "XXXXXXXA"), returning the evidence, or "".
func strippedSTARTTLS(ext map[string]string) string {
	for k := range ext {
		if len(k) >= 6 && strings.Trim(k, "X") == "" || len(k) == 8 && strings.Trim(k[:7], "X") == "" {
			return "EHLO lists " + k + " where STARTTLS should be: a firewall rewrote it"
		}
	}
	return ""
}

// smtpEHLO sends EHLO (HELO on 500/502, RFC 5321 4.1.1.1) and returns the extensions.
func (s *Session) smtpEHLO(step string) (map[string]string, error) {
	var ext map[string]string
	err := s.Step(step, func() error {
		name := s.opts.EHLOName
		if name == "" {
			name = "mailcheck.invalid"
		}
		r, err := s.smtpCmd("EHLO "+name, "EHLO "+name, 250)
		if err != nil {
			re, ok := err.(*ReplyError)
			if !ok || (re.Code != 500 && re.Code != 502) {
				return err
			}
			s.note("EHLO refused, falling back to HELO")
			if _, err := s.smtpCmd("HELO "+name, "HELO "+name, 250); err != nil {
				return err
			}
			ext = map[string]string{}
			s.Detail("%s", findings.SayHELOOnly.Format())
			return nil
		}
		ext = s.recordExtensions(r.Texts)
		if step != "ehlo" || s.ep.Security != STARTTLS { // the EHLO the client goes on with
			s.smtpLimits(ext)
		}
		return nil
	})
	return ext, err
}

// smtpAuth walks AUTH: with a password over TLS (or when plaintext is allowed) it logs in;
// otherwise it asks, without any credential, whether the server would take one.
func (s *Session) smtpAuth(ext map[string]string) (loggedIn bool) {
	mechs := strings.Fields(strings.ToUpper(ext["AUTH"]))
	hasAuth := len(mechs) > 0 // an AUTH keyword with no mechanism offers no login (RFC 4954 3)
	_, hasTLS := ext["STARTTLS"]
	submission := s.ep.Port != 25
	havePass := len(s.opts.Password) > 0 || len(s.opts.Token) > 0
	sendPass := havePass && (s.tls || s.opts.AllowPlaintextAuth)

	s.Step(StepAuth, func() error {
		if havePass && !sendPass {
			s.note("%s not sent: the connection is not encrypted (use --allow-plaintext-auth to override)", s.secretName())
		}
		switch {
		case !hasAuth && s.tls:
			return s.smtpNoAuth(submission)
		case !hasAuth:
			return s.smtpAuthProbe(hasTLS, submission)
		case sendPass:
			if !s.tls {
				s.Find(findings.AuthPlaintextOffered, s.secretName()+" sent without TLS (--allow-plaintext-auth)")
			}
			if len(s.opts.Token) > 0 {
				err := s.oauthLogin(smtpWire{s}, mechs)
				loggedIn = err == nil
				return err
			}
			if s.passwordRefusedByOAuth(s.tls && oauth.Only(mechs), "after TLS the server offers only AUTH "+strings.Join(mechs, " ")) {
				return errOAuthOnly
			}
			err := s.smtpLogin(mechs)
			loggedIn = err == nil
			return err
		case s.tls:
			s.NotTried(findings.SayAuthNotTried.EN, strings.Join(mechs, " "), s.noSecret(), oauthOnlyNote(oauth.Only(mechs)))
			return nil
		}
		s.Find(findings.AuthPlaintextOffered, "AUTH "+strings.Join(mechs, " ")+" offered before TLS")
		return nil
	})
	return loggedIn
}

// smtpAuthProbe asks a clear connection that advertises no AUTH whether it would take one,
// with a credential-free AUTH LOGIN: that draws the real "530 Must issue a STARTTLS command
// first" where TLS is required, and gives nothing away.
func (s *Session) smtpAuthProbe(hasTLS, submission bool) error {
	r, err := s.smtpCmd("AUTH LOGIN", "AUTH LOGIN", 334)
	if err == nil {
		s.smtpCmd("*", "*", 501) // RFC 4954 4: "*" cancels the exchange
		s.Find(findings.AuthPlaintextOffered, "AUTH LOGIN accepted before TLS: "+r.Lines[0])
		return nil
	}
	re, ok := err.(*ReplyError)
	if !ok {
		return err
	}
	if c, ok := matchReply(SMTP, "auth", re.Lines); ok && c == findings.TLSRequired || re.Code == 530 || re.Code == 538 {
		s.Find(findings.TLSRequired, re.Text())
		return err
	}
	if hasTLS {
		s.Find(findings.SMTPAuthNotOffered, "no AUTH before STARTTLS; "+re.Text())
		return err
	}
	return s.smtpNoAuth(submission)
}

// smtpNoAuth reports a server that offers no AUTH at all: fatal for submission, normal for MX.
func (s *Session) smtpNoAuth(submission bool) error {
	if submission {
		s.Find(findings.SMTPAuthNotOffered, "EHLO lists no AUTH on submission port "+fmt.Sprint(s.ep.Port))
		return fmt.Errorf("auth: server offers no AUTH")
	}
	s.Find(findings.SMTPPort25Submission, "port 25 offers no AUTH: it is for server-to-server mail")
	return nil
}

// smtpLogin sends the password with AUTH PLAIN (initial response, RFC 4954 4) or AUTH LOGIN.
func (s *Session) smtpLogin(mechs []string) error {
	user := s.opts.User
	if m := strings.ToUpper(s.opts.AuthMech); m != "" {
		mechs = []string{m} // forced: tried whether offered or not
	}
	switch {
	case slices.Contains(mechs, "PLAIN"):
		_, err := s.smtpCmd("AUTH PLAIN "+saslPlain(user, s.opts.Password), "AUTH PLAIN ***", 235)
		if err == nil {
			s.Detail("%s", findings.SayLoggedInMech.Format(user, "PLAIN"))
		}
		return err
	case slices.Contains(mechs, "LOGIN"):
		if _, err := s.smtpCmd("AUTH LOGIN", "AUTH LOGIN", 334); err != nil {
			return err
		}
		u := base64.StdEncoding.EncodeToString([]byte(user))
		if _, err := s.smtpCmd(u, u, 334); err != nil {
			return err
		}
		if _, err := s.smtpCmd(base64.StdEncoding.EncodeToString(s.opts.Password), "***", 235); err != nil {
			return err
		}
		s.Detail("%s", findings.SayLoggedInMech.Format(user, "LOGIN"))
		return nil
	}
	s.Find(findings.AuthMechanismUnsupported, "AUTH "+strings.Join(mechs, " "))
	return fmt.Errorf("auth: no supported mechanism in %v", mechs)
}

// smtpQuit ends the session without waiting for 221: nothing depends on it.
func (s *Session) smtpQuit() {
	s.quit("QUIT")
}
