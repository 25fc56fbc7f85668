package probes

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"
)

// Session owns one connection to one endpoint and records every step of the walk. It is the
// only place where timing, deadlines and transcript code live; protocol scripts call into it.
type Session struct {
	ctx   context.Context
	ep    Endpoint
	opts  *Options
	res   *Result
	start time.Time

	conn  net.Conn
	lr    *lineReader
	tls   bool
	stop  func() bool // undoes the context.AfterFunc that unblocks reads on cancel
	lines []Line
	cur   *Step
	// imapTag numbers IMAP command tags.
	imapTag int
}

func newSession(ctx context.Context, ep Endpoint, opts *Options) *Session {
	return &Session{ctx: ctx, ep: ep, opts: opts, start: time.Now(), res: &Result{Endpoint: ep}}
}

// setConn installs a (new) connection: after connect and after a TLS upgrade.
func (s *Session) setConn(c net.Conn) {
	if s.stop != nil {
		s.stop()
	}
	s.conn = c
	s.lr = newLineReader(c)
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
	st := Step{Name: name, Start: time.Since(s.start)}
	s.cur = &st
	mark := len(s.lines)
	if s.conn != nil {
		s.conn.SetDeadline(s.deadline())
	}
	var err error
	if cerr := s.ctx.Err(); cerr != nil {
		err = cerr
	} else {
		err = body()
	}
	st.Duration = time.Since(s.start) - st.Start
	st.Lines = append([]Line(nil), s.lines[mark:]...)
	if err != nil {
		if s.ctx.Err() != nil && errors.Is(s.ctx.Err(), context.Canceled) {
			err = fmt.Errorf("%s: %w", name, context.Canceled)
		}
		st.Kind = classify(err)
		st.Error = redactEvidence(err.Error(), s.opts)
		if len(st.Findings) == 0 {
			st.Findings = append(st.Findings, s.findingFor(name, err))
		}
		st.Status = Fail
	}
	for _, f := range st.Findings {
		switch f.Severity {
		case SevError:
			st.Status = Worse(st.Status, Fail)
		case SevWarning:
			st.Status = Worse(st.Status, Warn)
		}
	}
	if st.Status == "" {
		st.Status = OK
	}
	s.cur = nil
	s.res.Steps = append(s.res.Steps, st)
	return err
}

// Skip records a step that was not run, with the reason.
func (s *Session) Skip(name, why string) {
	s.res.Steps = append(s.res.Steps, Step{Name: name, Status: Skip, Start: time.Since(s.start), Detail: why})
}

// Detail sets the one-line summary of the current step.
func (s *Session) Detail(format string, args ...any) {
	if s.cur != nil {
		s.cur.Detail = redactEvidence(fmt.Sprintf(format, args...), s.opts)
	}
}

// Find attaches a finding to the current step (or to the last step when none is running).
func (s *Session) Find(code Code, evidence string) {
	f := s.finding(code, evidence)
	switch {
	case s.cur != nil:
		s.cur.Findings = append(s.cur.Findings, f)
	case len(s.res.Steps) > 0:
		last := &s.res.Steps[len(s.res.Steps)-1]
		last.Findings = append(last.Findings, f)
		if f.Severity == SevError {
			last.Status = Worse(last.Status, Fail)
		} else if f.Severity == SevWarning {
			last.Status = Worse(last.Status, Warn)
		}
	}
}

// finding builds a finding with redacted evidence and the provider's fix. A bare auth.failed is
// sharpened by what the provider wants instead of the web password: a login refused by QQ is
// auth.authorization-code-required, not a generic failure.
func (s *Session) finding(code Code, evidence string) Finding {
	if code == CodeAuthFailed {
		switch s.opts.AuthKind {
		case "authorization-code":
			code = CodeAuthAuthCodeRequired
		case "app-password", "oauth-or-app-password":
			code = CodeAuthAppPasswordRequired
		case "oauth-only":
			code = CodeAuthBasicDisabled
		}
	}
	return NewFinding(code, redactEvidence(evidence, s.opts), s.opts.Provider)
}

// note adds a line of our own to the transcript (not sent on the wire).
func (s *Session) note(format string, args ...any) {
	s.record(Note, fmt.Sprintf(format, args...))
}

func (s *Session) record(d Dir, text string) {
	// Redact at record time, server lines too: a server may echo the password back.
	s.lines = append(s.lines, Line{At: time.Since(s.start), Dir: d, TLS: s.tls, Text: redactEvidence(text, s.opts)})
}

// Send writes one command line; the transcript shows it as is.
func (s *Session) Send(line string) error { return s.SendSecret(line, line) }

// SendSecret writes line but records only shown (e.g. "AUTH PLAIN ***"), so no transcript,
// report or log can carry the secret.
func (s *Session) SendSecret(line, shown string) error {
	s.record(Client, shown)
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
	if _, err := s.conn.Write(b); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// ReadLine reads one server line and records it, made printable.
func (s *Session) ReadLine() (string, error) {
	b, err := s.lr.readLine()
	if len(b) > 0 || err == nil {
		s.record(Server, safeText(b))
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

// redactEvidence removes the password (and its base64 forms) from any evidence text.
func redactEvidence(e string, o *Options) string {
	if o == nil || len(o.Password) == 0 {
		return e
	}
	for _, sec := range secretForms(o.User, o.Password) {
		e = strings.ReplaceAll(e, sec, "***")
	}
	return e
}

// quit sends the protocol's goodbye without waiting for the reply: nothing depends on it, and
// a server that already hung up is not a failure of the walk.
func (s *Session) quit(cmd string) {
	s.Step("quit", func() error {
		if err := s.Send(cmd); err != nil {
			s.note("%v", err)
		}
		return nil
	})
}
