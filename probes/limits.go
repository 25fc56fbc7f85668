package probes

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// Read caps: how many bytes a server may send us, counted on the wire after TLS. A command's
// budget starts when the command is sent (the greeting has its own); nothing a client asks
// needs a fraction of it, and a flood ends in server.too-much-data instead of filling memory
// or the step timeout.
const (
	MaxCommandBytes  = 16 << 20
	MaxEndpointRead  = 32 << 20
	MaxRunRead       = 128 << 20
	maxEvidenceBytes = 4 << 10 // an error or evidence text; a 512-line reply of 8 KiB lines is cut
)

// ErrTooMuchData: the server sent more than a cap allows (a literal flood, an endless reply).
var ErrTooMuchData = errors.New("too much data")

// errInternal marks a panic inside the engine, turned into a finding for that endpoint only.
var errInternal = errors.New("internal error")

// runBudget is the read budget shared by every endpoint of one Run.
type runBudget struct{ read atomic.Int64 }

// budgetReader counts what the server sends and refuses to read past a cap. It checks before
// each read, so it overshoots by at most one read buffer.
type budgetReader struct {
	r io.Reader
	s *Session
}

func (b *budgetReader) Read(p []byte) (int, error) {
	s := b.s
	switch {
	case s.cmdRead > MaxCommandBytes:
		return 0, fmt.Errorf("%w: the server sent more than %d MiB in answer to one command", ErrTooMuchData, MaxCommandBytes>>20)
	case s.epRead > MaxEndpointRead:
		return 0, fmt.Errorf("%w: the server sent more than %d MiB over the whole check", ErrTooMuchData, MaxEndpointRead>>20)
	case s.opts.run != nil && s.opts.run.read.Load() > MaxRunRead:
		return 0, fmt.Errorf("%w: the servers of this run sent more than %d MiB together", ErrTooMuchData, MaxRunRead>>20)
	}
	n, err := b.r.Read(p)
	s.cmdRead += int64(n)
	s.epRead += int64(n)
	if s.opts.run != nil {
		s.opts.run.read.Add(int64(n))
	}
	return n, err
}

// runGuarded runs body and turns a panic into an error: no input may crash the program, and
// one hostile endpoint must not take the other endpoints' results with it.
func runGuarded(body func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: %v", errInternal, p)
			if debugPanics {
				err = fmt.Errorf("%w\n%s", err, debug.Stack())
			}
		}
	}()
	return body()
}

// debugPanics adds the stack to an internal error (tests set it to see where it came from).
var debugPanics = false

// guard runs a whole walk; a panic outside any step becomes a failed step of its own.
func (s *Session) guard(walk func()) {
	err := runGuarded(func() error { walk(); return nil })
	if err == nil {
		return
	}
	s.cur = nil
	s.res.Steps = append(s.res.Steps, Step{Name: StepInternal, Status: Fail, Kind: KindProtocol,
		Error:    redactEvidence(err.Error(), s.opts),
		Findings: []findings.Finding{s.finding(findings.ProbeInternalError, err.Error())}})
}

// cutNote is the transcript line that says what a cap left out of a step.
func (s *Session) cutNote() {
	if s.cutLines == 0 {
		return
	}
	s.lines = append(s.lines, Line{At: time.Since(s.start), Dir: Note, TLS: s.tls,
		Text: fmt.Sprintf("… %d more lines (%d bytes) not kept: a step keeps %d lines and %d KiB, an endpoint %d lines and %d KiB",
			s.cutLines, s.cutBytes, MaxStepLines, MaxStepBytes>>10, MaxEndpointLines, MaxEndpointBytes>>10)})
	s.cutLines, s.cutBytes = 0, 0
}

// keep reports whether one more transcript line of n bytes fits the step's and the
// endpoint's caps, counting it either way.
func (s *Session) keep(n int) bool {
	if s.stepLines >= MaxStepLines || s.stepBytes+n > MaxStepBytes ||
		s.epLines >= MaxEndpointLines || s.epBytes+n > MaxEndpointBytes {
		s.cutLines++
		s.cutBytes += int64(n)
		return false
	}
	s.stepLines++
	s.epLines++
	s.stepBytes += n
	s.epBytes += n
	return true
}

// capText cuts an error or evidence text to maxEvidenceBytes, after redaction.
func capText(t string) string {
	if len(t) <= maxEvidenceBytes {
		return t
	}
	return strings.ToValidUTF8(t[:maxEvidenceBytes], "") + "…"
}
