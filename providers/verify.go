package providers

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// Verify is how the database stays true: each entry's endpoints are probed through the normal
// pipeline (DNS, connect, TLS mode, certificate name, capabilities, no login), and the entry is
// compared with what the provider publishes elsewhere — its own autoconfig, its Exchange
// Autodiscover (POX) answer and Thunderbird's ISPDB — through discovery's own lookups. Any
// difference is a verify.drift finding naming the source and both values.

// Sources verify compares an entry with, in this order.
const (
	VerifyAutoconfig   = stepAutoconfig
	VerifyAutodiscover = stepAutodiscover
	VerifyISPDB        = stepISPDB
)

// SourceCheck is the comparison of an entry with one published document.
type SourceCheck struct {
	Source string `json:"source"` // autoconfig, autodiscover, ispdb
	// URL is where the document was found ("" when none was; the step says why). Servers is
	// how many IMAP/POP3/SMTP servers it lists.
	URL     string      `json:"url,omitempty"`
	Servers int         `json:"servers,omitempty"`
	Step    probes.Step `json:"step"`
	// Off: the source was turned off (--no-ispdb).
	Off bool `json:"off,omitempty"`
	eps []probes.Endpoint
}

// Found says whether the source published a usable document.
func (s SourceCheck) Found() bool { return s.URL != "" }

// Verification is one entry's live check.
type Verification struct {
	Key string `json:"key"`
	// Report is the probe of the entry's primary endpoints.
	Report probes.Report `json:"report"`
	// Sources has one comparison per published source, in VerifyAutoconfig, VerifyAutodiscover,
	// VerifyISPDB order.
	Sources []SourceCheck `json:"sources"`
	// Drift has one verify.drift finding per difference.
	Drift []findings.Finding `json:"drift"`
}

// Drifted says whether anything differs.
func (v *Verification) Drifted() bool { return len(v.Drift) > 0 }

// Source returns the comparison with one source (zero when it was not run).
func (v *Verification) Source(name string) SourceCheck {
	for _, s := range v.Sources {
		if s.Source == name {
			return s
		}
	}
	return SourceCheck{Source: name}
}

// verifyCodes are what an endpoint shows when the entry no longer describes it. Login
// findings do not count: verify sends no credentials.
var verifyCodes = []findings.Code{findings.DNSNXDomain, findings.TCPRefused, findings.TCPTimeout,
	findings.PortExpectsTLS, findings.PortExpectsSTARTTLS, findings.TLSSTARTTLSUnavailable,
	findings.TLSCertHostnameMismatch, findings.TLSCertExpired, findings.TLSCertUntrusted,
	findings.TLSVersionTooOld, findings.ServerGreetingTimeout, findings.SMTPAuthNotOffered}

// verifyLocal is the local part of the address the documents are asked for: no real user's
// address is sent to anyone.
const verifyLocal = "verify"

// Verify checks entry p live with opts (resolver, CAs, timeout; no password). The probe and the
// three documents run concurrently; d's ISPDB, NoISPDB, HTTPSPort and RootCAs apply.
func (d *Discoverer) Verify(ctx context.Context, p *Provider, opts probes.Options) Verification {
	db := d.DB
	if db == nil {
		db = Builtin()
	}
	v := Verification{Key: p.Key}
	var wg sync.WaitGroup
	wg.Go(func() {
		plan := db.PlanProvider(p, p.Key, false)
		plan.Command = probes.CmdVerify
		opts.Password, opts.Token = nil, nil
		plan.Options = opts
		v.Report = probes.Run(ctx, plan)
	})
	v.Sources = d.verifySources(ctx, db, p)
	wg.Wait()
	for _, r := range v.Report.Results {
		e := r.Endpoint
		for _, c := range verifyCodes {
			if r.HasCode(c) {
				v.Drift = append(v.Drift, findings.New(findings.VerifyDrift,
					fmt.Sprintf("%s %s:%d %s: %s", e.Proto, e.Host, e.Port, e.Security, c)))
			}
		}
	}
	for i := range v.Sources {
		v.Drift = append(v.Drift, v.Sources[i].drift(p)...)
	}
	return v
}

// verifySources asks the three sources for the entry's first address domain concurrently,
// each through the same lookup discovery uses, as the step discovery records.
func (d *Discoverer) verifySources(ctx context.Context, db *DB, p *Provider) []SourceCheck {
	domain := ""
	for _, x := range p.Domains {
		if !strings.HasPrefix(x, "*.") {
			domain = x
			break
		}
	}
	names := []string{VerifyAutoconfig, VerifyAutodiscover, VerifyISPDB}
	out := make([]SourceCheck, len(names))
	if domain == "" {
		for i, n := range names {
			out[i] = SourceCheck{Source: n, Step: skip(n, "the entry has no address domain")}
		}
		return out
	}
	dns := d.DNS
	if dns == nil {
		dns = probes.NewResolver("", d.timeout())
	}
	address := verifyLocal + "@" + domain
	r := &run{d: d, db: db, disc: &Discovery{Address: address, Domain: domain}, dns: dns, local: verifyLocal, start: time.Now()}
	var wg sync.WaitGroup
	for i, n := range names {
		out[i].Source = n
		c := &out[i]
		if n == VerifyISPDB && d.NoISPDB {
			c.Step, c.Off = skip(n, "ISPDB lookup off (--no-ispdb)"), true
			continue
		}
		wg.Go(func() {
			f := r.fork()
			c.Step = f.timed(ctx, n, func(ctx context.Context, s *probes.Step) {
				switch n {
				case VerifyAutoconfig:
					c.URL = f.autoconfig(ctx, s, domain)
					c.eps = f.eps
				case VerifyAutodiscover:
					c.eps, _, c.URL = f.autodiscover(ctx, s, address, domain)
				case VerifyISPDB:
					if ac := f.ispdb(ctx, s, domain); ac != nil {
						c.URL, c.eps = d.ispdbBase()+url.PathEscape(domain), ac.Endpoints
					}
				}
			})
		})
	}
	wg.Wait()
	for i := range out {
		out[i].Servers = len(out[i].eps)
	}
	return out
}

// sourceLabels name each source in drift evidence.
var sourceLabels = map[string]string{
	VerifyAutoconfig:   "the provider's autoconfig",
	VerifyAutodiscover: "the provider's Autodiscover",
	VerifyISPDB:        "the ISPDB",
}

// drift compares the entry with the document, per protocol the document lists: one finding
// per protocol whose servers differ, with both lists. A document server that is one of the
// entry's alternatives matches; an entry alternative the document leaves out is no drift.
func (s *SourceCheck) drift(p *Provider) []findings.Finding {
	var out []findings.Finding
	same := func(e probes.Endpoint, x Server) bool {
		return e.Proto == x.Proto && e.Host == x.Host && e.Port == x.Port && e.Security == x.Security
	}
	for _, proto := range []probes.Proto{probes.IMAP, probes.POP3, probes.SMTP} {
		var doc []probes.Endpoint
		for _, e := range s.eps {
			if e.Proto == proto {
				doc = append(doc, e)
			}
		}
		if len(doc) == 0 {
			continue
		}
		var mine []Server
		for _, x := range p.Servers {
			if x.Proto == proto && !x.Alt {
				mine = append(mine, x)
			}
		}
		differs := false
		for _, e := range doc {
			if !slices.ContainsFunc(p.Servers, func(x Server) bool { return same(e, x) }) {
				differs = true
			}
		}
		for _, x := range mine {
			if !slices.ContainsFunc(doc, func(e probes.Endpoint) bool { return same(e, x) }) {
				differs = true
			}
		}
		if !differs {
			continue
		}
		var theirs, ours []string
		for _, e := range doc {
			theirs = append(theirs, fmt.Sprintf("%s:%d %s", e.Host, e.Port, e.Security))
		}
		for _, x := range mine {
			ours = append(ours, fmt.Sprintf("%s:%d %s", x.Host, x.Port, x.Security))
		}
		if len(ours) == 0 {
			ours = []string{"none"}
		}
		out = append(out, findings.New(findings.VerifyDrift, fmt.Sprintf("%s: %s lists %s; the entry lists %s",
			proto, sourceLabels[s.Source], strings.Join(theirs, ", "), strings.Join(ours, ", "))))
	}
	if len(out) > 0 {
		s.Step.Status = probes.Worse(s.Step.Status, probes.Warn)
	}
	return out
}
