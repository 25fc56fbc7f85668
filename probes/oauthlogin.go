package probes

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/probes/oauth"
)

// saslReply is a server's answer inside a SASL exchange: a continuation ("334 …", "+ …") with
// its base64 challenge, or the final success (a final refusal is a *ReplyError).
type saslReply struct {
	cont      bool
	challenge string
}

// saslWire is how one protocol carries a SASL exchange; the exchange itself (oauthLogin) is
// written once for all three.
type saslWire interface {
	// start sends the command for mech with the initial response ir (never shown).
	start(mech, ir string) (saslReply, error)
	// answer sends one line in reply to a continuation.
	answer(line, shown string) (saslReply, error)
}

// tokenStep reads the OAuth2 token before any connection: expiry, audience, scope and user
// against what the provider's servers take. Its problems stay as findings of this step, and
// the first one names the cause when the server refuses the token (tokenCause).
func (s *Session) tokenStep() {
	s.Step(StepToken, func() error {
		var prof *oauth.Profile
		if s.opts.Provider != nil {
			prof = s.opts.Provider.OAuth
		}
		v := oauth.Check(s.opts.Token, prof, string(s.ep.Proto), s.opts.User, time.Now())
		s.tokenAppOnly = v.Claims.AppOnly()
		for _, n := range v.Notes {
			s.note("%s", n)
		}
		if v.Summary != "" {
			s.Detail("%s", v.Summary)
		} else if len(v.Notes) > 0 {
			s.Detail("%s", v.Notes[0])
		}
		for _, p := range v.Problems {
			s.Find(p.Code, p.Evidence)
		}
		if len(v.Problems) > 0 {
			s.tokenCause = v.Problems[0].Code
			return fmt.Errorf("token: %s", v.Problems[0].Evidence)
		}
		return nil
	})
}

// oauthLogin logs in with the token over w: OAUTHBEARER when offered, else XOAUTH2 (or the
// forced --auth-mech). On an error challenge it decodes the server's JSON, ends the exchange
// as RFC 7628 3.2.3 says, and reads the final refusal: it never waits for more.
func (s *Session) oauthLogin(w saslWire, offered []string) error {
	user := s.opts.User
	mech := oauth.Pick(offered, s.opts.AuthMech)
	if mech == "" {
		s.Find(findings.AuthMechanismUnsupported, "a token was given, but the server offers no OAuth2 mechanism (XOAUTH2, OAUTHBEARER); it offers "+orNothing(offered))
		return fmt.Errorf("auth: no OAuth2 mechanism offered")
	}
	if !oauth.IsOAuth(mech) {
		return fmt.Errorf("auth: --auth-mech %s does not carry a token", mech)
	}
	ir := oauth.InitialResponse(mech, user, s.ep.Host, s.ep.Port, s.opts.Token)
	r, err := w.start(mech, ir)
	if err != nil {
		return s.oauthRefused(err, nil)
	}
	if !r.cont {
		s.Detail("%s", findings.SayLoggedInMech.Format(user, mech))
		return nil
	}
	var ch *oauth.Challenge
	if c, perr := oauth.ParseChallenge(r.challenge); perr == nil {
		ch = &c
		s.note("the server's error challenge, decoded: %s", c)
	} else {
		s.note("the server sent a challenge that is not an OAuth2 error (%v)", perr)
	}
	ans := oauth.ErrorAnswer(mech)
	shown := ans
	if shown == "" {
		shown = "(empty line)"
	}
	r, err = w.answer(ans, shown)
	switch {
	case err != nil:
		return s.oauthRefused(err, ch)
	case r.cont:
		return fmt.Errorf("%w: a second challenge after the error challenge", ErrMalformedReply)
	}
	// The server accepted after all (RFC 7628 lets it send an informational challenge).
	s.Detail("%s", findings.SayLoggedInMech.Format(user, mech))
	return nil
}

// oauthCodes are the reply codes that stay what the matcher says during an OAuth2 login; any
// other (a password-flavoured auth.failed or app-password hint) is a refused token.
var oauthCodes = []findings.Code{findings.AuthSMTPAuthDisabled, findings.AuthServiceDisabled,
	findings.AuthRateLimited, findings.ServerBusy, findings.TLSRequired, findings.AuthWebLoginRequired,
	findings.AuthOAuthWrongScope, findings.AuthOAuthWrongAudience, findings.AuthOAuthTokenExpired,
	findings.AuthBasicDisabled, findings.AuthMechanismUnsupported}

// oauthRefused names why the server refused the token: what its reply says outright, else
// what the token check found, else the challenge's status, else (an app-only token) the
// mailbox permission, else auth.oauth-failed.
func (s *Session) oauthRefused(err error, ch *oauth.Challenge) error {
	var re *ReplyError
	if !errors.As(err, &re) {
		return err
	}
	ev := re.Text()
	if ch != nil {
		ev += "; error challenge: " + ch.String()
	}
	code := findings.AuthOAuthFailed
	c, ok := matchReply(s.ep.Proto, "auth", re.Lines)
	switch {
	case ok && slices.Contains(oauthCodes, c):
		code = c
	case s.tokenCause != "":
		code = s.tokenCause
	case ch != nil && ch.InsufficientScope():
		code = findings.AuthOAuthWrongScope
	case s.tokenAppOnly:
		code = findings.AuthOAuthAppPermission
	}
	s.Find(code, ev)
	return err
}

// passwordRefusedByOAuth reports, with a password and no token, a server or provider that
// takes only OAuth2: then the password is not sent at all (a refused password counts towards
// lockouts), and the finding says what to do instead. only says the server's advertisement
// shows it, with evidence; else the provider database may.
func (s *Session) passwordRefusedByOAuth(only bool, evidence string) bool {
	if len(s.opts.Password) == 0 || len(s.opts.Token) > 0 {
		return false
	}
	ev := ""
	switch {
	case only:
		ev = evidence
	case s.opts.Provider.auth() == AuthOAuthOnly:
		ev = "the provider database: " + s.opts.Provider.Name.EN + " accepts only OAuth2 sign-in"
	default:
		return false
	}
	s.note("password not sent: the server takes only OAuth2 tokens (give one with --oauth-token-env or --oauth-token-stdin)")
	s.Find(findings.AuthBasicDisabled, ev+"; the password was not sent")
	return true
}

// errOAuthOnly ends an auth step whose password was kept back from an OAuth2-only server.
var errOAuthOnly = errors.New("auth: the server takes only OAuth2; password not sent")

// secretName is what the login would send: "password" or "token", for notes and evidence.
func (s *Session) secretName() string {
	if len(s.opts.Token) > 0 {
		return "token"
	}
	return "password"
}

// noSecret is why a login is not tried: no secret was given, or the plan withheld it.
func (s *Session) noSecret() string {
	if s.opts.Withheld != "" {
		return s.opts.Withheld
	}
	return findings.SayNoPassword.EN
}

// oauthOnlyNote tells, in a step's detail, that only OAuth2 mechanisms are offered.
func oauthOnlyNote(only bool) string {
	if only {
		return findings.SayOAuthOnly.EN
	}
	return ""
}

func orNothing(l []string) string {
	if len(l) == 0 {
		return "nothing"
	}
	return strings.Join(l, " ")
}

// ---- the three wires ----

type smtpWire struct{ s *Session }

func (w smtpWire) reply(r *smtpReply, err error) (saslReply, error) {
	if err != nil {
		return saslReply{}, err
	}
	if r.Code == 334 {
		return saslReply{cont: true, challenge: strings.Join(r.Texts, "")}, nil
	}
	return saslReply{}, nil
}

func (w smtpWire) start(mech, ir string) (saslReply, error) {
	return w.reply(w.s.smtpCmd("AUTH "+mech+" "+ir, "AUTH "+mech+" ***", 235, 334))
}

func (w smtpWire) answer(line, shown string) (saslReply, error) {
	return w.reply(w.s.smtpCmd(line, shown, 235, 334))
}

type imapWire struct {
	s      *Session
	tag    string
	saslIR bool
}

func (w *imapWire) read() (saslReply, error) {
	w.s.roundTrip()
	_, r, err := w.s.imapUntil(w.tag, "AUTHENTICATE", true)
	if err != nil {
		return saslReply{}, err
	}
	if r.Tag == "+" {
		return saslReply{cont: true, challenge: strings.TrimSpace(r.Text)}, nil
	}
	return saslReply{}, nil
}

func (w *imapWire) start(mech, ir string) (saslReply, error) {
	w.tag = w.s.imapNextTag()
	if w.saslIR { // RFC 4959
		if err := w.s.SendSecret(w.tag+" AUTHENTICATE "+mech+" "+ir, w.tag+" AUTHENTICATE "+mech+" ***"); err != nil {
			return saslReply{}, err
		}
		return w.read()
	}
	if err := w.s.Send(w.tag + " AUTHENTICATE " + mech); err != nil {
		return saslReply{}, err
	}
	r, err := w.read()
	if err != nil || !r.cont {
		if err == nil {
			err = fmt.Errorf("%w: AUTHENTICATE completed before the initial response", ErrMalformedReply)
		}
		return r, err
	}
	return w.answer(ir, "***")
}

func (w *imapWire) answer(line, shown string) (saslReply, error) {
	if err := w.s.SendSecret(line, shown); err != nil {
		return saslReply{}, err
	}
	return w.read()
}

type pop3Wire struct{ s *Session }

// read takes one POP3 line: "+ challenge" is a continuation (RFC 5034 4), else a status.
func (w pop3Wire) read() (saslReply, error) {
	w.s.roundTrip()
	l, err := w.s.ReadLine()
	if err != nil {
		return saslReply{}, err
	}
	if l == "+" || strings.HasPrefix(l, "+ ") {
		return saslReply{cont: true, challenge: strings.TrimSpace(strings.TrimPrefix(l, "+"))}, nil
	}
	st, err := parsePOP3Status(l)
	if err != nil {
		return saslReply{}, err
	}
	if !st.OK {
		return saslReply{}, &ReplyError{Proto: POP3, Command: "AUTH", Enhanced: st.Code, Lines: []string{l}}
	}
	return saslReply{}, nil
}

func (w pop3Wire) start(mech, ir string) (saslReply, error) {
	if err := w.s.SendSecret("AUTH "+mech+" "+ir, "AUTH "+mech+" ***"); err != nil {
		return saslReply{}, err
	}
	return w.read()
}

func (w pop3Wire) answer(line, shown string) (saslReply, error) {
	if err := w.s.SendSecret(line, shown); err != nil {
		return saslReply{}, err
	}
	return w.read()
}
