package probes

import (
	"context"
	"time"
)

// Step names: what a report shows for each protocol action, and what the engine's own logic
// (classify, wrong-mode detection, conclusions) keys on, so a rename cannot break it silently.
const (
	StepToken      = "token"      // the OAuth2 token read offline, before any connection
	StepResolve    = "resolve"    // A/AAAA lookup of the server host
	StepConnect    = "connect"    // TCP connection (RFC 8305 race over the addresses)
	StepTLS        = "tls"        // implicit-TLS handshake
	StepGreeting   = "greeting"   // the server's first reply
	StepEHLO       = "ehlo"       // SMTP EHLO (RFC 5321 4.1.1.1)
	StepHELO       = "helo"       // SMTP HELO fallback
	StepSTARTTLS   = "starttls"   // SMTP/IMAP STARTTLS upgrade
	StepSTLS       = "stls"       // POP3 STLS upgrade (RFC 2595)
	StepCAPA       = "capa"       // POP3 CAPA (RFC 2449)
	StepCapability = "capability" // IMAP CAPABILITY
	StepAuth       = "auth"       // login
	StepStat       = "stat"       // POP3 STAT/LIST/UIDL after login
	StepList       = "list"       // POP3 LIST
	StepUIDL       = "uidl"       // POP3 UIDL
	StepTop        = "top"        // POP3 TOP
	StepExamine    = "examine"    // IMAP EXAMINE INBOX
	StepQuota      = "quota"      // IMAP GETQUOTAROOT (RFC 9208)
	StepFolders    = "folders"    // IMAP LIST, special-use folders (RFC 6154)
	StepID         = "id"         // IMAP ID (RFC 2971)
	StepQuit       = "quit"       // SMTP/POP3 QUIT
	StepLogout     = "logout"     // IMAP LOGOUT
	StepProtocol   = "protocol"   // an unsupported protocol
	StepPipelining = "pipelining" // SMTP/POP3 pipelining check
	StepInternal   = "internal"   // a walk stopped by an internal error (a recovered panic)
)

// TimedStep records a step that belongs to no connection (a discovery method, a provider
// check): named, timed from the run's start, bounded by timeout. fn fills the status, detail
// and findings; a step fn leaves untouched is a skip. Session.Step is the connection-bound
// counterpart; both are the engine's step recorders, so no other package keeps its own.
func TimedStep(ctx context.Context, runStart time.Time, name string, timeout time.Duration, fn func(ctx context.Context, s *Step)) Step {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	begin := time.Now()
	s := Step{Name: name, Status: Skip, Start: begin.Sub(runStart)}
	fn(ctx, &s)
	s.Duration = time.Since(begin)
	return s
}
