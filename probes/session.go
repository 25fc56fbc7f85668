package probes

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/probes/oauth"
)

// Session owns one connection to one endpoint and records every step of the walk. It is the
// only place where timing, deadlines and transcript code live; protocol scripts call into it.
type Session struct {
	ctx   context.Context
	ep    Endpoint
	opts  *Options
	res   *Result
	start time.Time

	conn net.Conn
	lr   *lineReader
	tls  bool
	// certNames is what the server's certificate is issued for, as its fixes name it.
	certNames string
	stop      func() bool // undoes the context.AfterFunc that unblocks reads on cancel
	release   func()      // gives back the per-address connection slot
	lines     []Line
	cur       *Step
	// stepDeadline is the running step's deadline; a TLS upgrade inside the step keeps it.
	stepDeadline time.Time
	// broken is set once the connection can no longer carry the walk (timeout, reset,
	// garbage, TLS failure): later steps are recorded as skipped instead of each waiting out
	// its own timeout and repeating the same error.
	broken string
	// curNotTried: the running step did not try what it is for (NotTried).
	curNotTried bool
	// imapTag numbers IMAP command tags.
	imapTag int
	// tokenCause is the first problem the token check found: the cause when the server
	// refuses the token. tokenAppOnly: the token is an application's own, with no user.
	tokenCause   findings.Code
	tokenAppOnly bool
	// imapAuthCaps are the capabilities a tagged OK [CAPABILITY …] announced last (after login).
	imapAuthCaps []string
	// submit and fetch are the round trip's message to send after login (SMTP) and to look
	// for (IMAP); nil in every other run.
	submit *submission
	fetch  *fetchTest
	// Bytes read for the running command and for the endpoint (budgetReader); transcript
	// lines and bytes kept in the running step and the endpoint, and what the caps cut.
	cmdRead, epRead                        int64
	stepLines, stepBytes, epLines, epBytes int
	cutLines                               int
	cutBytes                               int64
}

func newSession(ctx context.Context, ep Endpoint, opts *Options) *Session {
	if opts.User == "" && len(opts.Token) > 0 {
		// XOAUTH2 names the user: the token's own account is the one it can log in as.
		if _, c, err := oauth.Parse(opts.Token); err == nil && c.User() != "" {
			o := *opts
			o.User = c.User()
			opts = &o
		}
	}
	if len(opts.Token) > 0 {
		o := *opts
		o.tokenForms = oauth.SecretForms(o.User, ep.Host, ep.Port, o.Token)
		opts = &o
	}
	if opts.User == "" && len(opts.Password) > 0 {
		// A password without a login name cannot log in; an empty name would only draw a
		// misleading auth.failed.
		o := *opts
		o.Password = nil
		opts = &o
	}
	o := *opts
	o.redact = newRedactor(o.User, o.Password, o.tokenForms)
	return &Session{ctx: ctx, ep: ep, opts: &o, start: time.Now(), res: &Result{Endpoint: ep}}
}

// setConn installs a (new) connection: after connect and after a TLS upgrade.
func (s *Session) setConn(c net.Conn) {
	if s.stop != nil {
		s.stop()
	}
	s.conn = c
	s.lr = newLineReader(&budgetReader{r: c, s: s})
	// Ctrl-C (ctx cancel) must end a blocked read at once, not at the step deadline.
	s.stop = context.AfterFunc(s.ctx, func() { c.SetDeadline(time.Unix(1, 0)) })
}

func (s *Session) close() {
	if s.stop != nil {
		s.stop()
	}
	if s.conn != nil {
		s.conn.Close()
	}
	if s.release != nil {
		s.release()
		s.release = nil
	}
}

// stepTimeout is the per-step budget.
func (s *Session) stepTimeout() time.Duration {
	if s.opts.Timeout > 0 {
		return s.opts.Timeout
	}
	return 10 * time.Second
}

// deadline is the earlier of the ctx deadline and now+step timeout (RFC 5321 4.5.3.2 asks for
// per-command timeouts; miekg/dns calls this "earliest wins").
func (s *Session) deadline() time.Time {
	d := time.Now().Add(s.stepTimeout())
	if cd, ok := s.ctx.Deadline(); ok && cd.Before(d) {
		d = cd
	}
	return d
}

// Step runs body as one named step: it sets the deadline, times it, keeps the transcript slice,
// classifies a failure and, when the body attached no finding, derives one from the error.
func (s *Session) Step(name string, body func() error) error {
	if s.broken != "" {
		s.Skip(name, findings.SayNotRun.Format(s.broken))
		return errBroken
	}
	st := Step{Name: name, Start: time.Since(s.start)}
	s.cur = &st
	s.curNotTried = false
	mark := len(s.lines)
	s.stepLines, s.stepBytes = 0, 0
	s.stepDeadline = s.deadline()
	if s.conn != nil {
		s.conn.SetDeadline(s.stepDeadline)
	}
	var err error
	if cerr := s.ctx.Err(); cerr != nil {
		err = cerr
	} else {
		err = runGuarded(body)
	}
	st.Duration = time.Since(s.start) - st.Start
	s.cutNote()
	st.Lines = append([]Line(nil), s.lines[mark:]...)
	if err != nil {
		if s.ctx.Err() != nil && errors.Is(s.ctx.Err(), context.Canceled) {
			err = fmt.Errorf("%s: %w", name, context.Canceled)
		} else if s.runDeadlineHit(err) {
			// The run's deadline cut the step short: no timeout of the server's.
			err = fmt.Errorf("%s: %w", name, ErrRunDeadline) // findings.SayStepDeadline
		}
		st.Kind = classify(err)
		st.Error = capText(redactEvidence(err.Error(), s.opts))
		// A failed step always carries an error-level finding: a warning noted on the way
		// (say, a password sent in clear) must not make a failure look like "works".
		if !hasSeverity(st.Findings, findings.SevError) {
			if f := s.findingFor(name, err); !hasCode(st.Findings, f.Code) {
				st.Findings = append(st.Findings, f)
			}
		}
		st.Status = Fail
		if breaks(st.Kind, err) {
			s.broken = findings.SayStepFailed.Format(name, st.Kind)
		}
	}
	for _, f := range st.Findings {
		switch f.Severity {
		case findings.SevError:
			st.Status = Worse(st.Status, Fail)
		case findings.SevWarning:
			st.Status = Worse(st.Status, Warn)
		}
	}
	if st.Status == "" && s.curNotTried {
		st.Status = Skip // nothing was tried (no password): not a pass
	}
	if st.Status == "" {
		st.Status = OK
	}
	s.cur = nil
	s.res.Steps = append(s.res.Steps, st)
	return err
}

// runDeadlineHit reports whether err is the run's deadline rather than the step's: the context
// has expired, or the step's deadline was the context's and it has passed (a read deadline
// can fire before the context notices).
func (s *Session) runDeadlineHit(err error) bool {
	if errors.Is(err, ErrRunDeadline) {
		return false // already said
	}
	if errors.Is(s.ctx.Err(), context.DeadlineExceeded) {
		return true
	}
	cd, ok := s.ctx.Deadline()
	return ok && !s.stepDeadline.Before(cd) && !time.Now().Before(cd) && classify(err) == KindTimeout
}

// ErrUnsafeLine: a command would carry CR, LF or NUL (from a user name or password) and so
// inject a second command; it is never sent.
var ErrUnsafeLine = errors.New("refusing to send a command containing CR, LF or NUL")

// errBroken is returned by steps skipped because the connection broke earlier.
var errBroken = errors.New("connection unusable after an earlier failure")

// breaks reports whether a failure leaves the connection unusable for further commands.
func breaks(k Kind, err error) bool {
	switch k {
	case KindTimeout, KindClosed, KindTLS, KindCert, KindCanceled, KindRefused, KindUnreachable, KindDNS, KindLocal:
		return true
	case KindProtocol:
		return errors.Is(err, ErrMalformedReply) || errors.Is(err, ErrLineTooLong) || errors.Is(err, ErrSTARTTLSInjection) ||
			errors.Is(err, ErrTooMuchData) || errors.Is(err, errInternal)
	}
	return false
}

func hasSeverity(fs []findings.Finding, sev findings.Severity) bool {
	for _, f := range fs {
		if f.Severity == sev {
			return true
		}
	}
	return false
}

func hasCode(fs []findings.Finding, c findings.Code) bool {
	for _, f := range fs {
		if f.Code == c {
			return true
		}
	}
	return false
}

// Skip records a step that was not run, with the reason.
func (s *Session) Skip(name, why string) {
	s.res.Steps = append(s.res.Steps, Step{Name: name, Status: Skip, Start: time.Since(s.start), Detail: why})
}

// NotTried sets the current step's summary and marks it skipped when nothing fails in it:
// "no password given, login not tried" is a SKIP, not an OK.
func (s *Session) NotTried(format string, args ...any) {
	s.Detail(format, args...)
	s.curNotTried = true
}

// Detail sets the one-line summary of the current step.
func (s *Session) Detail(format string, args ...any) {
	if s.cur != nil {
		s.cur.Detail = redactEvidence(fmt.Sprintf(format, args...), s.opts)
	}
}

// Find attaches a finding to the current step (or to the last step when none is running).
func (s *Session) Find(code findings.Code, evidence string) { s.attach(s.finding(code, evidence)) }

// attach adds f to the current step (or to the last step when none is running).
func (s *Session) attach(f findings.Finding) {
	switch {
	case s.cur != nil:
		s.cur.Findings = append(s.cur.Findings, f)
	case len(s.res.Steps) > 0:
		last := &s.res.Steps[len(s.res.Steps)-1]
		last.Findings = append(last.Findings, f)
		if f.Severity == findings.SevError {
			last.Status = Worse(last.Status, Fail)
		} else if f.Severity == findings.SevWarning {
			last.Status = Worse(last.Status, Warn)
		}
	}
}

// finding builds a finding with redacted evidence and the provider's fix. A bare auth.failed is
// sharpened by what the provider wants instead of the web password: a login refused by QQ is
// auth.authorization-code-required, not a generic failure.
func (s *Session) finding(code findings.Code, evidence string) findings.Finding {
	if code == findings.AuthFailed {
		switch s.opts.Provider.auth() {
		case AuthCode:
			code = findings.AuthAuthorizationCodeRequired
		case AuthAppPassword, AuthOAuthOrAppPassword:
			code = findings.AuthAppPasswordRequired
		case AuthOAuthOnly:
			code = findings.AuthBasicDisabled
		}
	}
	return findings.New(code, capText(redactEvidence(evidence, s.opts))).For(findingContext(s.ep, s.certNames))
}

// findingContext is what a fix may name of the endpoint: its protocol, host, port, the
// protocol's other usual port (465 for SMTP on 587; 587/465 on 25) and the names its
// certificate is issued for ("" before TLS).
func findingContext(ep Endpoint, certNames string) findings.Context {
	tlsPort, plainPort := DefaultPort(ep.Proto, ImplicitTLS), DefaultPort(ep.Proto, STARTTLS)
	alt := fmt.Sprintf("%d/%d", plainPort, tlsPort)
	switch ep.Port {
	case tlsPort:
		alt = fmt.Sprint(plainPort)
	case plainPort:
		alt = fmt.Sprint(tlsPort)
	}
	return findings.Context{Proto: string(ep.Proto), Host: ep.Host, Port: ep.Port, AltPort: alt, CertNames: certNames}
}

// note adds a line of our own to the transcript (not sent on the wire).
func (s *Session) note(format string, args ...any) {
	s.record(Note, fmt.Sprintf(format, args...))
}

func (s *Session) record(d Dir, text string) {
	// Redact at record time, server lines too: a server may echo the password back.
	if !s.keep(len(text)) {
		return
	}
	s.lines = append(s.lines, Line{At: time.Since(s.start), Dir: d, TLS: s.tls, Text: redactEvidence(text, s.opts)})
}

// Send writes one command line; the transcript shows it as is.
func (s *Session) Send(line string) error { return s.SendSecret(line, line) }

// SendSecret writes line but records only shown (e.g. "AUTH PLAIN ***"), so no transcript,
// report or log can carry the secret.
func (s *Session) SendSecret(line, shown string) error {
	if strings.ContainsAny(line, "\r\n\x00") {
		// A user name or password with a line break would smuggle in a second command.
		s.note("not sent: %s carries CR, LF or NUL", strings.Fields(shown + " ?")[0])
		return ErrUnsafeLine
	}
	s.record(Client, shown)
	s.cmdRead = 0 // a new command: its answer has a fresh budget
	if _, err := s.conn.Write([]byte(line + "\r\n")); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// sendBatch writes several command lines in one write, as a pipelining client does (RFC 2920).
func (s *Session) sendBatch(lines ...string) error {
	var b []byte
	for _, l := range lines {
		s.record(Client, l)
		b = append(append(b, l...), '\r', '\n')
	}
	s.cmdRead = 0
	if _, err := s.conn.Write(b); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// ReadLine reads one server line and records it, made printable.
func (s *Session) ReadLine() (string, error) {
	b, err := s.lr.readLine()
	if len(b) > 0 || err == nil {
		s.record(Server, s.shown(b))
	}
	if err != nil {
		if errors.Is(err, ErrLineTooLong) {
			s.note("line longer than %d bytes, abandoned", MaxLine)
		}
		return string(b), fmt.Errorf("read: %w", err)
	}
	return string(b), nil
}

// roundTrip counts an exchange that waits for the server (for the round-trip figures).
func (s *Session) roundTrip() { s.res.RoundTrips++ }

// shown is how a server line enters the transcript: redacted while still raw (escaping first
// would turn a tab in an echoed password into a space and defeat the match), then printable.
func (s *Session) shown(b []byte) string {
	// Once more after decoding: a GBK echo of a non-ASCII password is UTF-8 only now.
	return redactEvidence(safeText([]byte(redactEvidence(string(b), s.opts))), s.opts)
}

// quit sends the protocol's goodbye without waiting for the reply: nothing depends on it, and
// a server that already hung up is not a failure of the walk.
func (s *Session) quit(cmd string) {
	s.Step(StepQuit, func() error {
		if err := s.Send(cmd); err != nil {
			s.note("%v", err)
		}
		return nil
	})
}
