package probes

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// Command names a run's kind; reports and exit codes do not depend on it, the title does.
type Command string

const (
	CmdProbe    Command = "probe"
	CmdConform  Command = "conform"
	CmdAccount  Command = "account"
	CmdProvider Command = "provider"
	CmdLab      Command = "lab"
	CmdBatch    Command = "batch"
	CmdExplain  Command = "explain"
	CmdConfig   Command = "config"
	CmdVerify   Command = "providers verify"
)

// Plan is everything one run needs, as plain data: cmd fills it from flags, providers fills
// the discovery, settings and provider facts, and Run turns it into the Report.
type Plan struct {
	Command Command
	Input   string
	// Endpoints are probed concurrently, in this order in the report.
	Endpoints []Endpoint
	// Options are the knobs of every probe. EndpointOptions, when set, has one entry per
	// endpoint and replaces Options for it (lab: each scenario has its own login and CA).
	Options         Options
	EndpointOptions []Options
	// Logins is the login name per protocol when Options.User is empty (the provider's rule).
	Logins map[Proto]string
	// Conform walks the conformance suite of the one endpoint instead of the probe.
	Conform bool
	// Text is what explain classifies: a pasted reply, error or log.
	Text string
	// Discovery holds the steps that found the endpoints; when discovery ran and found none,
	// that is a finding.
	Discovery []Step
	// Conflicts are disagreements between discovery methods.
	Conflicts []string
	// Findings are known before any probe: what reading the input found (a client
	// configuration file's lint, its drift from the database).
	Findings []findings.Finding
	Settings *Settings
	// Provider is what the database knows of the provider the run is about, or nil.
	Provider *ProviderFacts
	// Progress, if set, is called as each endpoint finishes (from one goroutine at a time).
	Progress func(Endpoint, Result)
	// SendTest, when set, adds the opt-in round trip after the probes: a message from the
	// account to itself over the SMTP endpoint that logged in, looked for over Receive (or the
	// IMAP endpoint that logged in), then deleted.
	SendTest *SendTest
	Receive  *Endpoint
	// Deadline, when set, bounds the whole run (--deadline); what it cuts short is reported as
	// run.deadline, never as a timeout of the server.
	Deadline time.Time
}

// Run is the one diagnosis pipeline: it probes the plan's endpoints (or walks the conformance
// suite, or classifies the pasted text), draws the cross-endpoint conclusions, checks the
// provider's settings for drift, puts the provider's own fixes in, and sets the status. Every
// Report comes from here.
func Run(ctx context.Context, p Plan) Report {
	started := time.Now()
	parent := ctx
	if !p.Deadline.IsZero() {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, p.Deadline)
		defer cancel()
	}
	rep := Report{Schema: Schema, Command: string(p.Command), Input: p.Input, Started: started,
		Discovery: p.Discovery, Settings: p.Settings}
	if p.Provider != nil {
		rep.Provider = p.Provider.Key
	}
	rep.Findings = append(rep.Findings, p.Findings...)
	for _, c := range p.Conflicts {
		rep.Findings = append(rep.Findings, findings.New(findings.DiscoveryConflict, c))
	}
	if len(p.Discovery) > 0 && len(p.Endpoints) == 0 {
		rep.Findings = append(rep.Findings, findings.New(findings.DiscoveryNoEndpoints,
			fmt.Sprintf("no built-in entry, MX match, SRV record, autoconfig file, ISPDB entry, Autodiscover answer or common host name for %s", domainOf(p.Input))))
	}
	if f, ok := closedFinding(p.Provider, rep.Discovery); ok {
		rep.Findings = append(rep.Findings, f)
	}
	// One read budget for every endpoint of the run (MaxRunRead).
	p.Options.run = &runBudget{}
	p.EndpointOptions = slices.Clone(p.EndpointOptions)
	for i := range p.EndpointOptions {
		p.EndpointOptions[i].run = p.Options.run
	}
	switch {
	case p.Command == CmdExplain:
		rep.Findings = append(rep.Findings, explain(p.Text)...)
	case p.Conform && len(p.Endpoints) == 1:
		res, checks := Conform(ctx, p.Endpoints[0], p.optionsFor(0))
		rep.Results, rep.Checks = []Result{res}, checks
	case len(p.Endpoints) > 0:
		var progress func(int, Result)
		if p.Progress != nil {
			progress = func(i int, r Result) { p.Progress(p.Endpoints[i], r) }
		}
		rep.Results = probeAll(ctx, p.Endpoints, p.optionsFor, progress)
		if p.SendTest != nil {
			rep.Results = append(rep.Results, p.sendTest(ctx, rep.Results))
		}
		rep.Findings = append(rep.Findings, Conclude(rep.Results)...)
		rep.Findings = append(rep.Findings, drift(p.Provider, rep.Results)...)
	}
	// The clock, not ctx.Err(): a step's own deadline timer and the context's fire at the same
	// instant, and the step may be seen to end first.
	if !p.Deadline.IsZero() && !time.Now().Before(p.Deadline) && parent.Err() == nil {
		cut := 0
		for _, r := range rep.Results {
			if r.Status == Skip || r.HasCode(findings.RunDeadline) {
				cut++
			}
		}
		rep.Findings = append(rep.Findings, findings.New(findings.RunDeadline,
			fmt.Sprintf("the run's deadline passed; %d of %d endpoints not finished", cut, len(p.Endpoints))))
	}
	if p.Provider != nil {
		rep.eachFinding(func(f *findings.Finding) { *f = p.Provider.Fixes.Apply(*f) })
		if p.Provider.Closed != "" {
			// A closed service cannot be fixed with a password, a code or a port: every
			// finding's fix is the closure's (move to the successor).
			closed := p.Provider.Fixes.Apply(findings.New(findings.ProviderClosed, ""))
			rep.eachFinding(func(f *findings.Finding) { f.Fix, f.Provider = closed.Fix, closed.Provider })
		}
	}
	rep.Status = StatusOf(&rep)
	rep.Elapsed = time.Since(started)
	return rep
}

// optionsFor is endpoint i's options, with the provider's facts and the login its protocol wants.
func (p *Plan) optionsFor(i int) Options {
	o := p.Options
	if i < len(p.EndpointOptions) {
		o = p.EndpointOptions[i]
	}
	if o.Provider == nil {
		o.Provider = p.Provider
	}
	if ep := p.Endpoints[i]; ep.Withheld {
		// The one place the credential rule for discovered hosts is enforced: whatever the
		// caller put in Options, no secret reaches this endpoint.
		what := ""
		switch {
		case len(o.Token) > 0:
			what = "token"
		case len(o.Password) > 0:
			what = "password"
		}
		o.Password, o.Token = nil, nil
		switch what {
		case "token":
			o.Withheld = findings.SayWithheldToken.Format(ep.Host)
		case "password":
			o.Withheld = findings.SayWithheldPassword.Format(ep.Host)
		}
	}
	if o.User == "" {
		// Even without a password: POP3's USER carries no secret and shows whether the server
		// takes logins before TLS.
		o.User = p.Logins[p.Endpoints[i].Proto]
	}
	return o
}

// sendTest runs the round trip over the first SMTP endpoint that logged in and the receiving
// endpoint (Receive, else the first IMAP endpoint that logged in, which sees Junk too, else
// the first POP3 one).
func (p *Plan) sendTest(ctx context.Context, results []Result) Result {
	smtpAt, recvAt, popAt := -1, -1, -1
	for i, r := range results {
		if !r.loggedIn {
			continue
		}
		switch {
		case r.Endpoint.Proto == SMTP && smtpAt < 0:
			smtpAt = i
		case r.Endpoint.Proto == IMAP && recvAt < 0:
			recvAt = i
		case r.Endpoint.Proto == POP3 && popAt < 0:
			popAt = i
		}
	}
	if recvAt < 0 {
		recvAt = popAt
	}
	skipped := func(why string) Result {
		ep := Endpoint{Proto: SMTP, Source: "send-test"}
		if smtpAt >= 0 {
			ep = results[smtpAt].Endpoint
			ep.Source = "send-test"
		}
		return Result{Endpoint: ep, Status: Skip, Steps: []Step{{Name: StepArrive, Status: Skip, Detail: "send test not run: " + why}}}
	}
	if smtpAt < 0 {
		return skipped("no SMTP endpoint logged in (give the password or token, and fix the login first)")
	}
	recv, ropts := Endpoint{}, Options{}
	switch {
	case p.Receive != nil:
		recv, ropts = *p.Receive, p.optionsFor(smtpAt) // the same account and secret
	case recvAt >= 0:
		recv, ropts = results[recvAt].Endpoint, p.optionsFor(recvAt)
	default:
		return skipped("no IMAP or POP3 endpoint logged in to look for the message")
	}
	sopts := p.optionsFor(smtpAt)
	st := *p.SendTest
	if st.From == "" && p.Command == CmdAccount && strings.Contains(p.Input, "@") {
		st.From = p.Input // the address the user gave, as their mail client sends it
	}
	if from := cmp.Or(st.From, sopts.User); !strings.Contains(from, "@") {
		return skipped(fmt.Sprintf("the SMTP login name %q is not an address to send from", from))
	}
	return roundTrip(ctx, results[smtpAt].Endpoint, sopts, recv, ropts, st)
}

func domainOf(input string) string {
	if i := strings.LastIndexByte(input, '@'); i >= 0 {
		return input[i+1:]
	}
	return input
}

// closedFinding says a discontinued provider is closed, unless discovery already said so.
func closedFinding(p *ProviderFacts, discovery []Step) (findings.Finding, bool) {
	if p == nil || p.Closed == "" {
		return findings.Finding{}, false
	}
	for _, s := range discovery {
		if slices.ContainsFunc(s.Findings, func(f findings.Finding) bool { return f.Code == findings.ProviderClosed }) {
			return findings.Finding{}, false
		}
	}
	return findings.New(findings.ProviderClosed, fmt.Sprintf("%s closed %s; successor: %s", p.Name.EN, p.Closed, p.Successor)), true
}

// explain classifies pasted text: every code a signature finds; when none holds, the cause whose
// known texts its failure line is worded like (said so in the evidence); else explain.no-match
// with the closest reply class.
func explain(text string) []findings.Finding {
	var out []findings.Finding
	for _, m := range findings.MatchText(text) {
		out = append(out, findings.New(m.Code, m.Evidence))
	}
	if len(out) == 0 {
		if g, ok := findings.Guess(text); ok {
			out = append(out, findings.New(g.Code, findings.SayGuessed.Format(g.Evidence)))
		}
	}
	if len(out) == 0 {
		ev := "no known signature matched"
		if class := findings.ReplyClass(text); class != "" {
			ev += "; closest class: " + class
		}
		out = append(out, findings.New(findings.ExplainNoMatch, ev))
	}
	return out
}

// driftCodes are what a listed endpoint shows when the database no longer describes it: the
// host is gone, the port is closed, or the port speaks the other TLS mode.
var driftCodes = []findings.Code{findings.DNSNXDomain, findings.TCPRefused, findings.PortExpectsTLS, findings.PortExpectsSTARTTLS}

// drift flags the provider's listed endpoints that no longer look as the database says.
func drift(p *ProviderFacts, results []Result) []findings.Finding {
	if p == nil {
		return nil
	}
	var out []findings.Finding
	for _, r := range results {
		e := r.Endpoint
		if !slices.ContainsFunc(p.Expected, func(x Endpoint) bool { return x.Proto == e.Proto && x.Host == e.Host && x.Port == e.Port }) {
			continue
		}
		for _, c := range driftCodes {
			if r.HasCode(c) {
				out = append(out, findings.New(findings.ProviderSettingsDrift,
					fmt.Sprintf("%s %s:%d %s: %s", e.Proto, e.Host, e.Port, e.Security, c)))
				break
			}
		}
	}
	return out
}

// eachFinding calls fn on every finding of the report, works_with results included.
func (r *Report) eachFinding(fn func(*findings.Finding)) {
	each := func(fs []findings.Finding) {
		for i := range fs {
			fn(&fs[i])
		}
	}
	each(r.Findings)
	for i := range r.Discovery {
		each(r.Discovery[i].Findings)
	}
	var result func(*Result)
	result = func(res *Result) {
		for i := range res.Steps {
			each(res.Steps[i].Findings)
		}
		if res.Alt != nil {
			result(res.Alt)
		}
	}
	for i := range r.Results {
		result(&r.Results[i])
	}
}

// StatusOf is the one status rule: fail on any error-level finding or failed endpoint, warn on
// any warning, skip when nothing was checked (settings only, or text no signature knows),
// else ok. The exit code, the JSON status and every format's verdict all read it.
func StatusOf(r *Report) Status {
	st := OK
	for _, res := range r.Results {
		if res.Status == Fail || res.Status == Warn {
			st = Worse(st, res.Status)
		}
	}
	noMatch := false
	for _, f := range r.AllFindings() {
		switch f.Severity {
		case findings.SevError:
			st = Fail
		case findings.SevWarning:
			st = Worse(st, Warn)
		}
		noMatch = noMatch || f.Code == findings.ExplainNoMatch
	}
	if st == OK && len(r.Results) == 0 && len(r.Checks) == 0 && (r.Settings != nil || noMatch) {
		return Skip
	}
	return st
}
