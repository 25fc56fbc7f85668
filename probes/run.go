package probes

import (
	"context"
	"crypto/x509"
	"fmt"
	"net"
	"net/netip"
	"slices"
	"strings"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// Dialer opens connections; tests may hand in their own.
type Dialer interface {
	DialContext(ctx context.Context, network, addr string) (net.Conn, error)
}

// Options are the knobs of one probe; the zero value probes without credentials.
type Options struct {
	Timeout  time.Duration // per network step; default 10s
	Resolver *Resolver     // nil: the system's resolver, through miekg/dns
	Dialer   Dialer        // nil: net.Dialer
	RootCAs  *x509.CertPool
	Insecure bool // continue past certificate errors (still reported)
	User     string
	Password []byte
	// Token is an OAuth2 access token: with it the login is XOAUTH2/OAUTHBEARER, never a password.
	Token []byte
	// AuthMech forces a mechanism: PLAIN or LOGIN for a password, XOAUTH2 or OAUTHBEARER for a
	// token; "" picks from what the server offers.
	AuthMech           string
	AllowPlaintextAuth bool
	EHLOName           string // default "mailcheck.invalid"
	// Provider is what the database knows of the endpoint's provider: its own fixes, and the
	// kind of password it wants, which sharpens a bare auth.failed. Nil: no provider known.
	Provider *ProviderFacts
	// Withheld, when set, says why no password or token is given to this endpoint (the plan
	// removed them: a foreign discovered host); the auth step shows it.
	Withheld string
	// NoModeDetect turns off the retry in the other TLS mode after a wrong-mode failure.
	NoModeDetect bool
	// tokenForms are the token's wire forms, for redaction (set per session).
	tokenForms []string
	// redact removes the password's and the token's forms from every text (set per session).
	redact *redactor
	// run is the read budget of the whole run (MaxRunRead); Run sets it, Probe when unset.
	run *runBudget

	// limits bounds the run's connections per address (set by probeAll).
	limits *addrLimits
}

// DefaultPort is the usual port of a protocol in a security mode.
func DefaultPort(p Proto, sec Security) int {
	tls := sec == ImplicitTLS
	switch p {
	case SMTP:
		if tls {
			return 465
		}
		return 587
	case POP3:
		if tls {
			return 995
		}
		return 110
	case IMAP:
		if tls {
			return 993
		}
		return 143
	}
	return 0
}

// ResolveSecurity picks the mode for Auto from the port (RFC 8314: 465/993/995 are implicit TLS).
func ResolveSecurity(sec Security, port int) Security {
	if sec != Auto && sec != "" {
		return sec
	}
	if ImplicitTLSPort(port) {
		return ImplicitTLS
	}
	return STARTTLS
}

// ImplicitTLSPort: a port that is TLS from the first byte (RFC 8314: 465, 993, 995).
func ImplicitTLSPort(port int) bool { return port == 465 || port == 993 || port == 995 }

// scripts maps a protocol to its walk after the connection (and implicit TLS) is up.
var scripts = map[Proto]func(*Session) error{
	SMTP: smtpScript,
	POP3: pop3Script,
	IMAP: imapScript,
}

// Probe walks one endpoint and returns everything it saw. It never returns an error: every
// failure is a step with a finding. When the configured mode fails the way a wrong mode fails,
// the other mode is tried and reported (port.expects-tls / port.expects-starttls).
func Probe(ctx context.Context, ep Endpoint, opts Options) Result {
	ep.Security = ResolveSecurity(ep.Security, ep.Port)
	if opts.run == nil {
		opts.run = &runBudget{}
	}
	res := probeOnce(ctx, ep, &opts)
	if opts.NoModeDetect || ctx.Err() != nil {
		return res
	}
	var alt Security
	switch {
	case ep.Security == ImplicitTLS && res.HasCode(findings.PortExpectsSTARTTLS):
		alt = STARTTLS
	case ep.Security != ImplicitTLS && res.HasCode(findings.ServerGreetingTimeout):
		alt = ImplicitTLS
	default:
		return res
	}
	aep := ep
	aep.Security = alt
	o := opts
	o.User, o.Password, o.Token = "", nil, nil // one login attempt per endpoint: no lockout loops
	other := probeOnce(ctx, aep, &o)
	// The other walk had no credentials, but a server that saw them in the first may echo them.
	redactFor(&other, ep, opts)
	// The other mode "works" as a mode when its handshake completed (implicit TLS) or a
	// greeting came (STARTTLS), even if something later fails there, such as an untrusted
	// certificate: that is reported on its own under works_with.
	if !(alt == ImplicitTLS && other.TLS != nil) && !(alt == STARTTLS && stepOK(other, StepGreeting)) {
		return res
	}
	if alt == ImplicitTLS {
		// The greeting timeout was the symptom; the cause is the mode.
		replaceFinding(&res, findings.ServerGreetingTimeout, findings.PortExpectsTLS,
			expectsTLS(ep.Port, other))
	} else {
		replaceFinding(&res, findings.PortExpectsSTARTTLS, findings.PortExpectsSTARTTLS,
			findings.SayExpectsSTARTTLS.Format(ep.Port, stepStatus(other, StepSTARTTLS, StepSTLS)))
	}
	res.Alt = &other
	return res
}

func stepOK(r Result, name string) bool {
	for _, s := range r.Steps {
		if s.Name == name {
			return s.Status == OK || s.Status == Warn
		}
	}
	return false
}

func stepStatus(r Result, names ...string) string {
	for _, s := range r.Steps {
		if slices.Contains(names, s.Name) {
			rest := s.Detail
			var codes []string
			for _, f := range s.Findings {
				codes = append(codes, string(f.Code))
			}
			// The codes are set apart from the detail so a report can still say the detail,
			// itself one of our sentences, in its language.
			switch {
			case len(codes) > 0 && rest != "":
				rest = findings.SayWithFindings.Format(rest, strings.Join(codes, ", "))
			case len(codes) > 0:
				rest = strings.Join(codes, ", ")
			}
			return findings.StepStatusText(string(s.Status), rest)
		}
	}
	return findings.SayStepNotReached.Format()
}

// expectsTLS is port.expects-tls's evidence: what the TLS walk on the port showed.
func expectsTLS(port int, r Result) string {
	if r.TLS != nil && !r.TLS.Verified {
		return findings.SayExpectsTLSBadCert.Format(port, tlsVersion(r), r.TLS.VerifyError)
	}
	return findings.SayExpectsTLS.Format(port, tlsVersion(r))
}

func tlsVersion(r Result) string {
	if r.TLS != nil {
		return r.TLS.Version
	}
	return "no TLS"
}

// replaceFinding swaps the first finding with code from for one with code to and new evidence,
// its fix fitted to the endpoint as every finding's is.
func replaceFinding(r *Result, from, to findings.Code, evidence string) {
	for i := range r.Steps {
		for j, f := range r.Steps[i].Findings {
			if f.Code == from {
				r.Steps[i].Findings[j] = findings.New(to, evidence).For(findingContext(r.Endpoint, ""))
				return
			}
		}
	}
}

func probeOnce(ctx context.Context, ep Endpoint, opts *Options) Result {
	s := newSession(ctx, ep, opts)
	s.guard(s.walk)
	s.close()
	s.res.Duration = time.Since(s.start)
	for _, st := range s.res.Steps {
		s.res.Status = Worse(s.res.Status, st.Status)
	}
	s.redactResult(s.res)
	return *s.res
}

// walk connects, starts implicit TLS when asked, then runs the protocol's script.
func (s *Session) walk() {
	if len(s.opts.Token) > 0 {
		s.tokenStep()
	}
	if s.connect() != nil {
		return
	}
	if s.ep.Security == ImplicitTLS && s.Step(StepTLS, s.upgradeTLS) != nil {
		return
	}
	script, ok := scripts[s.ep.Proto]
	if !ok {
		s.Step(StepProtocol, func() error { return fmt.Errorf("protocol %q not supported yet", s.ep.Proto) })
		return
	}
	script(s)
}

// connect resolves the host (A and AAAA through miekg/dns) and dials the addresses in turn.
func (s *Session) connect() error {
	var addrs []netip.Addr
	err := s.Step(StepResolve, func() error {
		r := s.opts.Resolver
		if r == nil {
			r = NewResolver("", s.stepTimeout())
		}
		var err error
		addrs, err = r.LookupHost(s.ctx, s.ep.Host)
		if err != nil {
			return err
		}
		s.Detail("%s → %v", s.ep.Host, addrs)
		return nil
	})
	if err != nil {
		return err
	}
	if l := s.opts.limits; l != nil && len(addrs) > 0 {
		release, err := l.acquire(s.ctx, netip.AddrPortFrom(addrs[0], uint16(s.ep.Port)).String())
		if err != nil {
			return s.Step(StepConnect, func() error { return err })
		}
		s.release = release
	}
	return s.Step(StepConnect, func() error {
		c, addr, err := s.dialRace(addrs)
		if err != nil {
			return err
		}
		s.setConn(c)
		s.res.Addr = addr
		s.Detail("%s", addr)
		return nil
	})
}

// joinErrs keeps the first error's identity for classify and lists the rest on one line.
func joinErrs(errs []error) error {
	if len(errs) == 1 {
		return errs[0]
	}
	msgs := make([]string, len(errs))
	for i, e := range errs {
		msgs[i] = e.Error()
	}
	return fmt.Errorf("%w (%s)", errs[0], strings.Join(msgs[1:], "; "))
}
