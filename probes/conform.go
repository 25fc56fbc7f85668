package probes

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// Level is the requirement level of an RFC clause (RFC 2119).
type Level string

const (
	// LevelMust is an absolute requirement: a failed MUST check is an error finding (exit 1).
	LevelMust Level = "MUST"
	// LevelShould is a recommendation: a failed SHOULD check is a warning finding.
	LevelShould Level = "SHOULD"
	// LevelMay is optional behaviour: its verdict is shown, never a finding.
	LevelMay Level = "MAY"
)

// Verdict is the outcome of one conformance check.
type Verdict string

const (
	VerdictPass Verdict = "pass" // the server did what the clause asks
	VerdictFail Verdict = "fail" // it did not; Evidence shows the line that proves it
	VerdictWarn Verdict = "warn" // allowed by the letter of the RFC, but a client will notice (e.g. 454 to an advertised STARTTLS)
	VerdictSkip Verdict = "skip" // not checked; Reason says why
)

// rank orders verdicts: a check observed several times keeps its worst verdict.
func (v Verdict) rank() int {
	switch v {
	case VerdictFail:
		return 3
	case VerdictWarn:
		return 2
	case VerdictPass:
		return 1
	}
	return 0
}

// Check is the verdict on one RFC clause, with the evidence line that decided it.
type Check struct {
	ID       string  `json:"id"`      // "smtp.starttls.no-pipelined-data"
	RFC      string  `json:"rfc"`     // "RFC 3207"
	Section  string  `json:"section"` // "4.2"
	Level    Level   `json:"level"`
	Title    string  `json:"title"`
	Verdict  Verdict `json:"verdict"`
	Reason   string  `json:"reason,omitempty"`   // why it failed, warned or was skipped
	Evidence string  `json:"evidence,omitempty"` // the server's line(s), printable and redacted
	Step     string  `json:"step,omitempty"`     // the step whose transcript holds the evidence
}

// CheckDef describes a check: which clause it verifies and how strongly the RFC asks for it.
type CheckDef struct {
	ID      string
	RFC     string
	Section string
	Level   Level
	Title   findings.Text
}

// suites lists each protocol's checks in walk order.
var suites = map[Proto][]CheckDef{
	SMTP: smtpChecks,
	POP3: pop3Checks,
	IMAP: imapChecks,
}

// conformWalks maps a protocol to its conformance walk after connect (and implicit TLS).
var conformWalks = map[Proto]func(*conformer){
	SMTP: conformSMTP,
	POP3: conformPOP3,
	IMAP: conformIMAP,
}

// Suite returns the checks of protocol p in the order the walk runs them.
func Suite(p Proto) []CheckDef { return append([]CheckDef(nil), suites[p]...) }

// LookupCheck returns the definition of check id.
func LookupCheck(id string) (CheckDef, bool) {
	for _, defs := range suites {
		for _, d := range defs {
			if d.ID == id {
				return d, true
			}
		}
	}
	return CheckDef{}, false
}

// Conform walks one endpoint as a conformance tester: every check of the protocol's suite gets
// a verdict, and the walk is recorded as steps exactly as Probe records it. A failed MUST adds a
// conform.must-failed finding (error) to the step that saw it, a failed SHOULD a
// conform.should-failed warning. It never sends DATA, and sends a password only when
// opts.Password is set and the connection is encrypted (or AllowPlaintextAuth).
func Conform(ctx context.Context, ep Endpoint, opts Options) (Result, []Check) {
	ep.Security = ResolveSecurity(ep.Security, ep.Port)
	if opts.run == nil {
		opts.run = &runBudget{}
	}
	s := newSession(ctx, ep, &opts)
	c := newConformer(s, suites[ep.Proto])
	walk, ok := conformWalks[ep.Proto]
	if len(opts.Token) > 0 {
		s.tokenStep()
	}
	s.guard(func() {
		switch {
		case !ok:
			s.Step(StepProtocol, func() error { return fmt.Errorf("protocol %q has no conformance suite", ep.Proto) })
		case s.connect() != nil:
			c.stopped = "not reached: could not connect"
		case ep.Security == ImplicitTLS && !c.step(StepTLS, s.upgradeTLS):
		default:
			walk(c)
		}
	})
	s.close()
	s.res.Duration = time.Since(s.start)
	for _, st := range s.res.Steps {
		s.res.Status = Worse(s.res.Status, st.Status)
	}
	checks := c.finish()
	s.redactResult(s.res)
	s.redactResult(checks)
	return *s.res, checks
}

// conformer records verdicts for one Conform walk.
type conformer struct {
	s       *Session
	defs    []CheckDef
	checks  map[string]*Check
	seen    map[string]int // observations of aggregate checks (reply syntax and the like)
	stopped string         // why the walk ended early: the reason of every unreached check
	skips   map[string]string
	esc     bool // SMTP: ENHANCEDSTATUSCODES is in force (the last EHLO offered it)
}

func newConformer(s *Session, defs []CheckDef) *conformer {
	return &conformer{s: s, defs: defs, checks: map[string]*Check{}, seen: map[string]int{}, skips: map[string]string{}}
}

// step runs body as a session step; false means the walk must stop (the step failed, or the
// body called halt).
func (c *conformer) step(name string, body func() error) bool {
	if c.stopped != "" {
		return false
	}
	if err := c.s.Step(name, body); err != nil {
		if c.stopped == "" {
			c.stopped = fmt.Sprintf("not reached: step %q failed (%s)", name, classify(err))
		}
		return false
	}
	return c.stopped == ""
}

// halt ends the walk after the current step; unreached checks are skipped with reason.
func (c *conformer) halt(reason string) {
	if c.stopped == "" {
		c.stopped = reason
	}
}

// set records a verdict. A check observed more than once keeps its worst verdict, so an
// aggregate check (every reply well-formed) passes until one observation fails it. The first
// fail of a MUST or SHOULD check adds its finding to the current step.
func (c *conformer) set(id string, v Verdict, evidence, reason string) {
	def, ok := LookupCheck(id)
	if !ok {
		def = CheckDef{ID: id, RFC: "?", Level: LevelMay, Title: findings.Text{EN: id, ZH: id}}
	}
	evidence = c.clean(evidence)
	reason = c.clean(reason)
	ck := c.checks[id]
	if ck != nil && v.rank() <= ck.Verdict.rank() {
		if ck.Verdict == v && ck.Evidence == "" {
			ck.Evidence = evidence
		}
		return
	}
	ck = &Check{ID: id, RFC: def.RFC, Section: def.Section, Level: def.Level, Title: def.Title.EN,
		Verdict: v, Reason: reason, Evidence: evidence}
	if c.s.cur != nil {
		ck.Step = c.s.cur.Name
	}
	c.checks[id] = ck
	if v != VerdictFail {
		return
	}
	what := fmt.Sprintf("%s (%s %s, %s)", id, def.RFC, def.Section, def.Level)
	if reason != "" {
		what += ": " + reason
	}
	if evidence != "" {
		what += ": " + evidence
	}
	code := findings.ConformShouldFailed
	switch def.Level {
	case LevelMust:
		code = findings.ConformMustFailed
	case LevelShould:
	default:
		return // a failed MAY is a verdict, not a finding
	}
	f := c.s.finding(code, what)
	f.Check = id // scripts key on the check id, not on the evidence text
	c.s.attach(f)
}

func (c *conformer) pass(id, evidence string)         { c.set(id, VerdictPass, evidence, "") }
func (c *conformer) fail(id, evidence, reason string) { c.set(id, VerdictFail, evidence, reason) }
func (c *conformer) warn(id, evidence, reason string) { c.set(id, VerdictWarn, evidence, reason) }

// observe counts one observation of an aggregate check and passes it unless it already failed.
func (c *conformer) observe(id string) {
	c.seen[id]++
	c.set(id, VerdictPass, "", "")
}

// skip notes why ids cannot be checked; a verdict recorded later (or earlier) wins.
func (c *conformer) skip(reason string, ids ...string) {
	for _, id := range ids {
		if _, ok := c.skips[id]; !ok {
			c.skips[id] = c.clean(reason)
		}
	}
}

// finish returns every check of the suite in order: unreached ones skipped with the reason.
func (c *conformer) finish() []Check {
	out := make([]Check, 0, len(c.defs))
	for _, d := range c.defs {
		if ck, ok := c.checks[d.ID]; ok {
			if ck.Verdict == VerdictPass && ck.Evidence == "" && c.seen[d.ID] > 0 {
				ck.Evidence = fmt.Sprintf("%d observed, all conforming", c.seen[d.ID])
			}
			out = append(out, *ck)
			continue
		}
		reason := c.skips[d.ID]
		switch {
		case reason != "":
		case c.stopped != "":
			reason = c.stopped
		default:
			reason = "not reached"
		}
		out = append(out, Check{ID: d.ID, RFC: d.RFC, Section: d.Section, Level: d.Level, Title: d.Title.EN,
			Verdict: VerdictSkip, Reason: reason})
	}
	return out
}

// clean makes server text safe for evidence: printable, bounded and without the password.
func (c *conformer) clean(s string) string {
	return truncate(c.s.shown([]byte(s)), 240)
}

// canLogin reports whether a password may be sent now, and if not, why.
func (c *conformer) canLogin() (bool, string) {
	switch {
	case len(c.s.opts.Password) == 0 && len(c.s.opts.Token) == 0:
		return false, "no password given (--password-stdin or --password-env): login not tried"
	case !c.s.tls && !c.s.opts.AllowPlaintextAuth:
		return false, "the connection is not encrypted: password not sent (--allow-plaintext-auth overrides)"
	}
	return true, ""
}

// Wire helpers the conformance walks need beyond the probe's. They add no reader of their own:
// all of them work on the session's bounded line reader and its connection.

// pending returns bytes that arrived unasked: already buffered, or arriving within wait. It
// restores the step deadline afterwards.
func (s *Session) pending(wait time.Duration) []byte {
	if n := s.lr.buffered(); n > 0 {
		b, _ := s.lr.br.Peek(n)
		return append([]byte(nil), b...)
	}
	s.conn.SetReadDeadline(time.Now().Add(wait))
	_, err := s.lr.br.Peek(1)
	s.restoreDeadline()
	if err != nil {
		return nil
	}
	b, _ := s.lr.br.Peek(s.lr.buffered())
	return append([]byte(nil), b...)
}

// restoreDeadline puts the step deadline back after a shorter wait; after a cancel it keeps
// the connection unblocked, as the context.AfterFunc of setConn left it.
func (s *Session) restoreDeadline() {
	if s.ctx.Err() != nil {
		s.conn.SetDeadline(time.Unix(1, 0))
		return
	}
	s.conn.SetDeadline(s.stepDeadline)
}

// closedWithin reports whether the server closes the connection within wait (after QUIT or
// LOGOUT). extra is whatever it sent instead.
func (s *Session) closedWithin(wait time.Duration) (closed bool, extra []byte) {
	if n := s.lr.buffered(); n > 0 {
		b, _ := s.lr.br.Peek(n)
		return false, append([]byte(nil), b...)
	}
	s.conn.SetReadDeadline(time.Now().Add(wait))
	_, err := s.lr.br.Peek(1)
	s.restoreDeadline()
	switch {
	case err == nil:
		b, _ := s.lr.br.Peek(s.lr.buffered())
		return false, append([]byte(nil), b...)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET):
		return true, nil
	case errors.Is(err, os.ErrDeadlineExceeded):
		return false, nil
	}
	return true, nil // any other read error: the connection is gone
}

// shortWait bounds waits for things that should come at once (a pipelined reply, a close).
func (s *Session) shortWait() time.Duration { return min(s.stepTimeout(), 2*time.Second) }

// isTimeout reports a read that ran into its deadline.
func isTimeout(err error) bool { return classify(err) == KindTimeout }

// injected checks the bytes after a STARTTLS/STLS "ready" reply (before the handshake): a server
// or a man in the middle that sends anything there can have it read as a reply inside TLS
// (CVE-2021-22947 class). It returns false when the session must be abandoned.
func (c *conformer) injected(id string) bool {
	b := c.s.pending(50 * time.Millisecond)
	if len(b) == 0 {
		c.pass(id, "nothing arrived between the ready reply and the TLS handshake")
		return true
	}
	c.s.note("%d bytes arrived before the TLS handshake and were discarded: %q", len(b), truncate(string(b), 60))
	c.fail(id, fmt.Sprintf("%d bytes after the ready reply: %q", len(b), truncate(string(b), 60)),
		"the server sent data before the TLS handshake; a client could read it as a reply inside TLS")
	c.halt("not reached: the session was abandoned after data injected before the TLS handshake")
	return false
}

// joinLines shows a multi-line reply on one line.
func joinLines(lines []string) string { return strings.Join(lines, " / ") }

// tlsAnswer is a server's answer to STARTTLS/STLS as the conformance walk judges it.
type tlsAnswer struct {
	evidence string
	ok, temp bool   // accepted; refused for now (454, [SYS/TEMP], [UNAVAILABLE])
	refusal  string // the reason when refused for good
}

// startTLS is the conformance STARTTLS/STLS step of every protocol: ask sends the command and
// reads its answer; ids are the accepted, no-pipelined-data and after-TLS checks. It reports
// whether the connection was upgraded, and false for cont when the walk must stop.
func (c *conformer) startTLS(name string, ids []string, ask func() (tlsAnswer, error)) (upgraded, cont bool) {
	cont = c.step(name, func() error {
		a, err := ask()
		if err != nil {
			return err
		}
		refused := strings.ToUpper(name) + " was refused"
		switch {
		case a.ok:
			c.pass(ids[0], a.evidence)
		case a.temp:
			c.warn(ids[0], a.evidence, strings.ToUpper(name)+" is advertised but temporarily unavailable")
			c.skip(refused, ids[1:]...)
			return nil
		default:
			c.fail(ids[0], a.evidence, a.refusal)
			c.skip(refused, ids[1:]...)
			return nil
		}
		if !c.injected(ids[1]) {
			return nil
		}
		if err := c.s.upgradeTLS(); err != nil {
			return err
		}
		upgraded = true
		return nil
	})
	return upgraded, cont
}

// tx is a check title in both languages.
func tx(en, zh string) findings.Text { return findings.Text{EN: en, ZH: zh} }
