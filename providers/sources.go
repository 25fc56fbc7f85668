package providers

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/mailcheck/mailcheck/probes"
)

// Discovery steps after builtin, in the order they are reported and their endpoints ranked
// (Thunderbird's order: the domain's own answers, ISPDB, the MX base domain, Exchange
// Autodiscover, guessing).
const (
	stepMX           = "mx"
	stepSRV          = "srv"
	stepM365         = "m365"
	stepAutoconfig   = "autoconfig"
	stepISPDB        = "ispdb"
	stepMXBase       = "mx-base"
	stepAutodiscover = "autodiscover"
	stepGuess        = "guess"
	// stepSources is the --all-sources comparison: which source said what.
	stepSources = "sources"
)

// methodNames are the steps after builtin, in report order.
var methodNames = []string{stepMX, stepSRV, stepM365, stepAutoconfig, stepISPDB, stepMXBase, stepAutodiscover, stepGuess}

// methodTier ranks the methods: without All, only the endpoints of the best tier that found any
// are used and the later tiers' steps are reported as skipped (and cancelled early).
var methodTier = map[string]int{
	stepMX: 1, stepSRV: 1, stepM365: 1,
	stepAutoconfig: 2, stepISPDB: 2,
	stepMXBase:       3,
	stepAutodiscover: 4,
	stepGuess:        5,
}

// outcome is one method's step and what it found.
type outcome struct {
	step  probes.Step
	eps   []probes.Endpoint
	users map[probes.Proto]string
}

// fork is a run for one concurrent method: its own endpoint list and Discovery scratch, so the
// methods share nothing but the read-only inputs.
func (r *run) fork() *run {
	c := *r
	c.eps, c.provEPs, c.provLabel = nil, nil, ""
	c.disc = &Discovery{Address: r.disc.Address, Domain: r.disc.Domain}
	return &c
}

// concurrent runs every method after builtin at once, each a recorded step bounded by the
// method timeout and ctx (the run deadline), and merges what they found in methodNames order.
func (r *run) concurrent(ctx context.Context, domain string) *Discovery {
	d, disc := r.d, r.disc
	outs := make(map[string]*outcome, len(methodNames))
	for _, n := range methodNames {
		outs[n] = &outcome{}
	}
	// Methods after the first tier stop as soon as the first tier has answered (unless All).
	low, cancelLow := context.WithCancel(ctx)
	defer cancelLow()
	if len(r.eps) > 0 && !d.All {
		cancelLow() // an unverified builtin entry: only the DNS methods run beside it
	}

	var mxProv, m365Prov *Provider
	var mxHosts []string
	var nx bool
	var all, tier1 sync.WaitGroup
	tier1.Add(3)
	run := func(c context.Context, name string, fn func(ctx context.Context, s *probes.Step, o *outcome)) {
		o := outs[name]
		o.step = r.timed(c, name, func(ctx context.Context, s *probes.Step) { fn(ctx, s, o) })
	}
	all.Go(func() {
		run(ctx, stepMX, func(ctx context.Context, s *probes.Step, o *outcome) {
			mxProv, o.eps, mxHosts, nx = r.fork().mx(ctx, s, domain)
		})
		tier1.Done()
		var wg sync.WaitGroup
		wg.Go(func() {
			base := ""
			if len(mxHosts) > 0 {
				base = baseDomain(mxHosts[0])
			}
			switch {
			case nx:
				outs[stepMXBase].step = skip(stepMXBase, "domain does not exist")
			case mxProv != nil:
				outs[stepMXBase].step = skip(stepMXBase, "the MX names a known provider")
			case base == "":
				outs[stepMXBase].step = skip(stepMXBase, "no MX host")
			case base == baseDomain(domain):
				outs[stepMXBase].step = skip(stepMXBase, "the MX is under the domain itself ("+base+")")
			default:
				run(low, stepMXBase, func(ctx context.Context, s *probes.Step, o *outcome) {
					if ac := r.fork().mxBase(ctx, s, base); ac != nil {
						o.eps, o.users = ac.Endpoints, ac.Usernames
					}
				})
			}
		})
		wg.Go(func() {
			if !d.Guess {
				outs[stepGuess].step = skip(stepGuess, "guessing off")
				return
			}
			run(low, stepGuess, func(ctx context.Context, s *probes.Step, o *outcome) {
				o.eps = r.fork().guess(ctx, s, domain, mxHosts)
			})
		})
		wg.Wait()
	})
	all.Go(func() {
		run(ctx, stepSRV, func(ctx context.Context, s *probes.Step, o *outcome) { o.eps = r.fork().srv(ctx, s, domain) })
		tier1.Done()
	})
	all.Go(func() {
		defer tier1.Done()
		switch {
		case !d.M365:
			outs[stepM365].step = skip(stepM365, "only for the user's own address (account)")
		case disc.Provider != nil && disc.Provider.OAuth == "microsoft":
			outs[stepM365].step = skip(stepM365, "already a Microsoft provider")
		default:
			run(ctx, stepM365, func(ctx context.Context, s *probes.Step, o *outcome) {
				if m365Prov = r.fork().m365(ctx, s, disc.Address); m365Prov != nil {
					o.eps = m365Prov.endpoints(stepM365+":"+m365Prov.Key, false)
				}
			})
		}
	})
	all.Go(func() {
		run(low, stepAutoconfig, func(ctx context.Context, s *probes.Step, o *outcome) {
			f := r.fork()
			f.autoconfig(ctx, s, domain)
			o.eps, o.users = f.eps, f.disc.Usernames
		})
	})
	all.Go(func() {
		if d.NoISPDB {
			outs[stepISPDB].step = skip(stepISPDB, "ISPDB lookup off (--no-ispdb)")
			return
		}
		run(low, stepISPDB, func(ctx context.Context, s *probes.Step, o *outcome) {
			if ac := r.fork().ispdb(ctx, s, domain); ac != nil {
				o.eps, o.users = ac.Endpoints, ac.Usernames
			}
		})
	})
	all.Go(func() {
		run(low, stepAutodiscover, func(ctx context.Context, s *probes.Step, o *outcome) {
			o.eps, o.users, _ = r.fork().autodiscover(ctx, s, disc.Address, domain)
		})
	})
	if !d.All {
		all.Go(func() {
			tier1.Wait()
			if nx || len(outs[stepMX].eps)+len(outs[stepSRV].eps)+len(outs[stepM365].eps) > 0 {
				cancelLow()
			}
		})
	}
	all.Wait()
	return r.merge(outs, mxProv, m365Prov, nx)
}

// merge settles the provider, picks the endpoints (the best tier's, or all with All), reports
// conflicts with both values and, with All, the comparison of every source.
func (r *run) merge(outs map[string]*outcome, mxProv, m365Prov *Provider, nx bool) *Discovery {
	disc := r.disc
	mxStep := &outs[stepMX].step
	for _, c := range []struct {
		p             *Provider
		label, source string
		step          *probes.Step
	}{{mxProv, "MX", "mx:", mxStep}, {m365Prov, "Autodiscover v2", stepM365 + ":", &outs[stepM365].step}} {
		if c.p == nil {
			continue
		}
		switch {
		case disc.Provider == nil || disc.Provider.Status == Closed:
			if disc.Provider == nil {
				disc.Provider = c.p
			}
			r.provEPs, r.provLabel = c.p.endpoints(c.source+c.p.Key, false), c.label+" ("+c.p.Key+")"
		case disc.Provider != c.p:
			disc.Conflicts = append(disc.Conflicts, fmt.Sprintf("%s says %s, %s says %s", c.label, c.p.Key, r.provLabel, disc.Provider.Key))
			c.step.Status = probes.Worse(c.step.Status, probes.Warn)
		}
	}
	if nx {
		for _, n := range methodNames[1:] {
			if n == stepSRV && len(outs[n].eps) > 0 {
				continue
			}
			outs[n].step = skip(n, "domain does not exist")
			outs[n].eps = nil
		}
	}
	best := 0
	for _, n := range methodNames {
		if t := methodTier[n]; len(outs[n].eps) > 0 && (best == 0 || t < best) {
			best = t
		}
	}
	if len(r.eps) > 0 && !r.d.All {
		best = 1 // an unverified builtin entry answers beside the DNS methods only
	}
	var compared []probes.Endpoint
	compared = append(compared, r.eps...)
	for _, n := range methodNames {
		o := outs[n]
		if !r.d.All && best != 0 && methodTier[n] > best {
			o.step, o.eps = skip(n, "endpoints already found"), nil
		}
		if n != stepMX && n != stepM365 && n != stepGuess {
			if c := r.conflicts(o.eps); len(c) > 0 {
				disc.Conflicts = append(disc.Conflicts, c...)
				o.step.Status = probes.Worse(o.step.Status, probes.Warn)
			}
		}
		if n == stepGuess && r.d.Guess && !nx && best == 0 && len(r.eps) == 0 {
			o.step.Status = probes.Fail // the last resort found nothing either
		}
		if len(r.provEPs) == 0 && len(o.eps) > 0 && n != stepGuess {
			// No provider to compare with: the first source that named servers is the
			// reference, so two sources that disagree are reported with both values.
			r.provEPs, r.provLabel = o.eps, sourceLabel(o.eps[0].Source)
		}
		if disc.Provider == nil && disc.Usernames == nil && len(o.users) > 0 && len(o.eps) > 0 {
			disc.Usernames = o.users
		}
		r.eps = append(r.eps, o.eps...)
		if n != stepGuess {
			compared = append(compared, o.eps...)
		}
		disc.Steps = append(disc.Steps, o.step)
	}
	if r.d.All {
		disc.Steps = append(disc.Steps, compareSources(compared)...)
	}
	return r.finish()
}

// compareSources is the --all-sources table as steps, one per protocol: which source said
// which server; a protocol whose sources share no server is a warning. Guesses are not claims
// and are left out.
func compareSources(eps []probes.Endpoint) []probes.Step {
	var out []probes.Step
	for _, p := range allProtos {
		var said, order []string
		seen := map[string]bool{}
		bySource := map[string][]probes.Endpoint{}
		for _, e := range eps {
			if e.Proto != p {
				continue
			}
			if _, ok := bySource[e.Source]; !ok {
				order = append(order, e.Source)
			}
			bySource[e.Source] = append(bySource[e.Source], e)
			k := fmt.Sprintf("%s %s:%d %s", sourceLabel(e.Source), e.Host, e.Port, e.Security)
			if !seen[k] {
				seen[k] = true
				said = append(said, k)
			}
		}
		if len(said) == 0 {
			continue
		}
		s := probes.Step{Name: stepSources, Status: probes.OK, Detail: strings.ToUpper(string(p)) + ": " + strings.Join(said, "; ")}
		for _, src := range order[1:] {
			if !overlap(bySource[order[0]], bySource[src]) {
				s.Status = probes.Warn
			}
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		out = append(out, probes.Step{Name: stepSources, Status: probes.Skip, Detail: "no source named a server"})
	}
	return out
}
