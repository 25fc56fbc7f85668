package providers

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/mailcheck/mailcheck/probes"
)

// DNS is the resolver discovery needs; *probes.Resolver satisfies it.
type DNS interface {
	LookupMX(ctx context.Context, domain string) ([]*net.MX, error)
	LookupSRV(ctx context.Context, name string) ([]*net.SRV, error)
	LookupHost(ctx context.Context, host string) ([]netip.Addr, error)
}

// ADResolver is a DNS that also says whether an SRV answer was DNSSEC-validated by the
// resolver (the AD bit, over a path that can be trusted); *probes.Resolver satisfies it.
type ADResolver interface {
	LookupSRVAD(ctx context.Context, name string) ([]*net.SRV, bool, error)
}

// Discoverer finds the servers for an address: built-in DB, then at once MX hosting inference,
// RFC 6186 SRV, Microsoft 365 (Autodiscover v2), Thunderbird autoconfig, ISPDB, the MX base
// domain, Exchange Autodiscover and guessing, recording each method as a Step (sources.go).
type Discoverer struct {
	DB  *DB // nil = Builtin()
	DNS DNS // nil = the system resolver configuration (probes.Resolver)
	// HTTP fetches autoconfig; nil = a client that resolves names through DNS, trusts
	// RootCAs and times out after 10s. A caller's client is used as is (RootCAs and
	// HTTPSPort then do not apply).
	HTTP *http.Client
	// Dialer, when set, opens autoconfig's connections (to resolved addresses), so a caller's
	// policy on where to connect (serve's SSRF guard) covers discovery too; nil = net.Dialer.
	Dialer probes.Dialer
	// RootCAs replaces the system roots for autoconfig HTTPS (nil = system roots).
	RootCAs *x509.CertPool
	// HTTPSPort redirects autoconfig's port 443 (tests serve on a loopback port); 0 = 443.
	HTTPSPort int
	// Guess tries imap./pop./pop3./smtp./mail.DOMAIN when nothing else found anything.
	Guess bool
	// All runs every method even after the built-in DB answered, to surface conflicts.
	All bool
	// Timeout bounds each method (default 10s).
	Timeout time.Duration
	// ISPDB is Thunderbird's ISPDB base URL (DefaultISPDB when empty; tests use loopback);
	// NoISPDB turns the lookup off (--no-ispdb).
	ISPDB   string
	NoISPDB bool
	// M365 asks Microsoft's Autodiscover v2 whether the address is an Exchange Online mailbox.
	// It can enumerate mailboxes: set it only for the user's own address (account).
	M365 bool
	// HTTPPort redirects port 80 (the http://autodiscover.DOMAIN redirect) like HTTPSPort.
	HTTPPort int
	// AnyPort keeps discovered endpoints on any port; by default only MailPorts are kept
	// (--any-port).
	AnyPort bool
	// TrustDiscovered lets the password or token go to discovered hosts outside the address's
	// domain and the database's known hosts (--trust-discovered).
	TrustDiscovered bool
}

// Discovery is what discovery found for one address and how.
type Discovery struct {
	Address string `json:"address"`
	// Domain is the ASCII (punycode) form.
	Domain   string    `json:"domain"`
	Provider *Provider `json:"provider,omitempty"`
	// Endpoints are deduplicated and ranked: IMAP, POP3, SMTP; within each, implicit TLS
	// before STARTTLS before plain; ties keep the order of the method that found them.
	Endpoints []probes.Endpoint `json:"endpoints"`
	// Usernames is the login name per protocol (provider rule or autoconfig; else the address).
	Usernames map[probes.Proto]string `json:"usernames,omitempty"`
	// Steps has one step per method: builtin, mx, srv, autoconfig, guess.
	Steps []probes.Step `json:"steps"`
	// Conflicts are disagreements between methods ("SRV _submission._tcp says …, builtin says …").
	Conflicts []string `json:"conflicts,omitempty"`
}

// srvServices are the RFC 6186/8314 services mox checks, in client preference order.
var srvServices = []struct {
	name  string
	proto probes.Proto
	sec   probes.Security
}{
	{"_imaps._tcp", probes.IMAP, probes.ImplicitTLS},
	{"_imap._tcp", probes.IMAP, probes.STARTTLS},
	{"_pop3s._tcp", probes.POP3, probes.ImplicitTLS},
	{"_pop3._tcp", probes.POP3, probes.STARTTLS},
	{"_submissions._tcp", probes.SMTP, probes.ImplicitTLS}, // RFC 8314 5.1
	{"_submission._tcp", probes.SMTP, probes.STARTTLS},
}

// guessNames are the host names guessed under the domain, with what each usually serves.
var guessNames = []struct {
	prefix string
	protos []probes.Proto
}{
	{"imap.", []probes.Proto{probes.IMAP}},
	{"pop.", []probes.Proto{probes.POP3}},
	{"pop3.", []probes.Proto{probes.POP3}},
	{"smtp.", []probes.Proto{probes.SMTP}},
	{"mail.", []probes.Proto{probes.IMAP, probes.POP3, probes.SMTP}},
}

func (d *Discoverer) timeout() time.Duration {
	if d.Timeout > 0 {
		return d.Timeout
	}
	return 10 * time.Second
}

// run is one discovery method's bookkeeping.
type run struct {
	d         *Discoverer
	db        *DB
	disc      *Discovery
	dns       DNS
	local     string
	start     time.Time
	eps       []probes.Endpoint
	provEPs   []probes.Endpoint // the provider's endpoints, to detect conflicts
	provLabel string
}

// timed runs one method under its own timeout and returns its step (Skip unless fn says more).
func (r *run) timed(ctx context.Context, name string, fn func(ctx context.Context, s *probes.Step)) probes.Step {
	return probes.TimedStep(ctx, r.start, name, r.d.timeout(), fn)
}

// step runs a method and appends its step.
func (r *run) step(ctx context.Context, name string, fn func(ctx context.Context, s *probes.Step)) {
	r.disc.Steps = append(r.disc.Steps, r.timed(ctx, name, fn))
}

func skip(name, detail string) probes.Step {
	return probes.Step{Name: name, Status: probes.Skip, Detail: detail}
}

// Discover finds the endpoints for address. It returns an error only for a malformed address;
// DNS and HTTP problems become steps and findings.
func (d *Discoverer) Discover(ctx context.Context, address string) (*Discovery, error) {
	local, domain, err := ParseAddress(address)
	if err != nil {
		return nil, err
	}
	db := d.DB
	if db == nil {
		db = Builtin()
	}
	dns := d.DNS
	if dns == nil {
		dns = probes.NewResolver("", d.timeout())
	}
	disc := &Discovery{Address: local + "@" + domain, Domain: domain}
	r := &run{d: d, db: db, disc: disc, dns: dns, local: local, start: time.Now()}

	// 1. Built-in DB by domain. An active entry answers alone; closed and unverified ones let
	// the DNS methods run too.
	var rest string
	r.step(ctx, "builtin", func(_ context.Context, s *probes.Step) {
		p, ok := db.ByDomain(domain)
		if !ok {
			s.Detail = findings.SayNoBuiltIn.Format(domain)
			return
		}
		disc.Provider = p
		switch p.Status {
		case Closed:
			s.Status = probes.Warn
			s.Detail = findings.SayServiceClosed.Format(domain, p.Key, p.Closed, p.Successor)
			s.Findings = append(s.Findings, findings.New(findings.ProviderClosed, fmt.Sprintf("%s (%s) closed %s; successor: %s", p.Name.EN, domain, p.Closed, p.Successor)))
			return
		case Unverified:
			s.Status = probes.Warn
			s.Detail = findings.SayUnverified.Format(domain, p.Key, p.Confidence)
		default:
			s.Status = probes.OK
			s.Detail = fmt.Sprintf("%s → %s", domain, p.Key)
			if !d.All {
				rest = "built-in entry used"
			}
		}
		r.eps = append(r.eps, p.Endpoints()...)
		r.provEPs, r.provLabel = p.Endpoints(), "builtin"
	})
	if rest != "" {
		for _, n := range methodNames {
			disc.Steps = append(disc.Steps, skip(n, rest))
		}
		return r.finish(), nil
	}

	// 2. Every other method at once (Thunderbird asks its sources in parallel too); the MX
	// base domain and the guesses start as soon as the MX answer is in.
	return r.concurrent(ctx, domain), nil
}

// mx looks up the domain's MX and maps it to a hosting provider.
func (r *run) mx(ctx context.Context, s *probes.Step, domain string) (*Provider, []probes.Endpoint, []string, bool) {
	mxs, err := r.dns.LookupMX(ctx, domain)
	switch {
	case errors.Is(err, probes.ErrNXDomain):
		s.Status, s.Error, s.Kind = probes.Fail, err.Error(), probes.KindDNS
		s.Detail = findings.SayNXDOMAIN.Format(domain)
		s.Findings = append(s.Findings, findings.New(findings.DNSNXDomain, err.Error()))
		return nil, nil, nil, true
	case errors.Is(err, probes.ErrNoRecords):
		s.Status = probes.Warn
		// RFC 5321 5.1: without MX records the domain's own address acts as an implicit MX.
		if addrs, aerr := r.dns.LookupHost(ctx, domain); aerr == nil && len(addrs) > 0 {
			s.Detail = findings.SayImplicitMX.Format(domain)
			s.Findings = append(s.Findings, findings.New(findings.DNSImplicitMX, fmt.Sprintf("%s; %s has address %s", err.Error(), domain, addrs[0])))
			return nil, nil, nil, false
		}
		s.Detail = findings.SayNoMXNoAddress.Format(domain)
		s.Findings = append(s.Findings, findings.New(findings.DNSNoMX, err.Error()))
		return nil, nil, nil, false
	case err != nil:
		s.Status, s.Error, s.Kind = probes.Fail, err.Error(), probes.KindDNS
		s.Detail = findings.SayMXFailed.Format()
		s.Findings = append(s.Findings, findings.New(findings.DNSFailure, err.Error()))
		return nil, nil, nil, false
	}
	var hosts []string
	for _, m := range mxs {
		if h := strings.TrimSuffix(m.Host, "."); h != "" {
			hosts = append(hosts, h)
		}
	}
	if len(hosts) == 0 { // RFC 7505 null MX "MX 0 ."
		s.Status, s.Detail = probes.Warn, findings.SayNullMX.Format(domain)
		s.Findings = append(s.Findings, findings.New(findings.DNSNoMX, "MX 0 . (RFC 7505 null MX)"))
		return nil, nil, nil, false
	}
	s.Status = probes.OK
	for _, h := range hosts {
		if p, ok := r.db.ByMX(h); ok && p.Status != Closed {
			s.Detail = fmt.Sprintf("MX %s → %s", h, p.Key)
			return p, p.endpoints("mx:"+p.Key, false), hosts, false
		}
	}
	s.Detail = findings.SayMXUnknown.Format(strings.Join(hosts, ", "))
	if missing := r.mxWithoutAddress(ctx, hosts); len(missing) == len(hosts) {
		// RFC 5321 5.1: mail goes to the MX hosts' addresses; with none, nothing arrives.
		s.Status = probes.Fail
		s.Detail = findings.SayMXNoServer.Format(strings.Join(hosts, ", "), domain)
		s.Findings = append(s.Findings, findings.New(findings.DNSMXNoAddress, strings.Join(missing, "; ")))
	} else if len(missing) > 0 {
		s.Detail += "; without an address: " + strings.Join(missing, "; ")
	}
	return nil, nil, hosts, false
}

// maxMXChecked bounds the address lookups of the MX step: a domain may list many MX hosts.
const maxMXChecked = 5

// mxWithoutAddress looks up the first MX hosts' addresses in parallel and returns, for each that
// has none (the name does not exist, or has no A/AAAA), "HOST: error". A failed lookup
// (SERVFAIL, timeout) proves nothing and is not listed.
func (r *run) mxWithoutAddress(ctx context.Context, hosts []string) []string {
	hosts = hosts[:min(len(hosts), maxMXChecked)]
	out := make([]string, len(hosts))
	var wg sync.WaitGroup
	for i, h := range hosts {
		wg.Go(func() {
			if _, err := r.dns.LookupHost(ctx, h); errors.Is(err, probes.ErrNXDomain) || errors.Is(err, probes.ErrNoRecords) {
				out[i] = h + ": " + err.Error()
			}
		})
	}
	wg.Wait()
	return slices.DeleteFunc(out, func(s string) bool { return s == "" })
}

// srv asks the six RFC 6186/8314 names in parallel; a target of "." means "not offered".
func (r *run) srv(ctx context.Context, s *probes.Step, domain string) []probes.Endpoint {
	type answer struct {
		recs []*net.SRV
		ad   bool
		err  error
	}
	answers := make([]answer, len(srvServices))
	var wg sync.WaitGroup
	for i, svc := range srvServices {
		wg.Go(func() {
			name := svc.name + "." + domain
			if ad, ok := r.dns.(ADResolver); ok {
				recs, sec, err := ad.LookupSRVAD(ctx, name)
				answers[i] = answer{recs, sec, err}
				return
			}
			recs, err := r.dns.LookupSRV(ctx, name)
			answers[i] = answer{recs, false, err}
		})
	}
	wg.Wait()
	var eps []probes.Endpoint
	var found, notOffered, failed, capped []string
	var firstFail error
	for i, svc := range srvServices {
		a := answers[i]
		trust := probes.TrustDNS
		if a.ad {
			trust = probes.TrustDNSSEC
		}
		kept, seen := 0, 0
		if a.err != nil {
			if !errors.Is(a.err, probes.ErrNXDomain) && !errors.Is(a.err, probes.ErrNoRecords) {
				failed = append(failed, svc.name)
				if firstFail == nil {
					firstFail = a.err
				}
			}
			continue
		}
		for _, rec := range a.recs {
			t := strings.ToLower(strings.TrimSuffix(rec.Target, "."))
			if t == "" {
				// RFC 2782: a lone "." means the service is decidedly not available; beside
				// real targets it is only noise.
				if len(a.recs) == 1 {
					notOffered = append(notOffered, svc.name)
				}
				continue
			}
			if rec.Port == 0 || !hostRE.MatchString(t) {
				continue
			}
			// The records come sorted by priority and weight: the first ones are what a
			// client would try; the rest are a zone's mistake or a fan-out attack.
			if seen++; kept == maxPerService {
				continue
			}
			kept++
			eps = append(eps, probes.Endpoint{Proto: svc.proto, Host: t, Port: int(rec.Port), Security: svc.sec,
				Source: "srv:" + svc.name, Trust: trust})
			found = append(found, fmt.Sprintf("%s → %s:%d", svc.name, t, rec.Port))
		}
		if seen > kept {
			capped = append(capped, findings.SayRecordsCapped.Format(svc.name+"."+domain, seen, kept))
		}
	}
	if len(capped) > 0 {
		s.Findings = append(s.Findings, findings.New(findings.DiscoveryTooManyRecords, strings.Join(capped, "; ")))
	}
	var parts []string
	if len(found) > 0 {
		s.Status = probes.OK
		parts = append(parts, strings.Join(found, ", "))
	}
	if len(notOffered) > 0 {
		parts = append(parts, strings.Join(notOffered, ", ")+" not offered (target .)")
	}
	if len(failed) > 0 {
		s.Status = probes.Worse(s.Status, probes.Warn)
		parts = append(parts, strings.Join(failed, ", ")+" lookup failed")
		// Only a resolver that fails every question is a finding; one bad answer among six
		// is noted, and the endpoints found elsewhere speak for themselves.
		if len(failed) == len(srvServices) {
			s.Findings = append(s.Findings, findings.New(findings.DNSFailure, firstFail.Error()))
		}
	}
	if len(capped) > 0 {
		s.Status = probes.Worse(s.Status, probes.Warn)
		parts = append(parts, strings.Join(capped, "; "))
	}
	if len(parts) == 0 {
		parts = append(parts, "no SRV records")
	}
	s.Detail = strings.Join(parts, "; ")
	return eps
}

// autoconfig tries the domain's own Thunderbird autoconfig URLs, first hit wins; it returns
// the URL that answered ("" when none did).
func (r *run) autoconfig(ctx context.Context, s *probes.Step, domain string) string {
	client := r.d.httpClient(r.dns, domain)
	var notes []string
	broken := false
	for _, u := range autoconfigURLs(r.disc.Address, domain) {
		data, err := fetch(ctx, client, u)
		if err == nil {
			var ac *autoconfig
			ac, err = parseAutoconfig(data, r.local, domain)
			if err == nil {
				s.Status = probes.OK
				s.Detail = findings.SayServers.Format(u, len(ac.Endpoints))
				if ac.Seen > len(ac.Endpoints) {
					s.Status = probes.Warn
					s.Detail += fmt.Sprintf(" (of %d listed)", ac.Seen)
					s.Findings = append(s.Findings, findings.New(findings.DiscoveryTooManyRecords,
						fmt.Sprintf("%s lists %d servers, first %d kept", u, ac.Seen, len(ac.Endpoints))))
				}
				if c := r.conflicts(ac.Endpoints); len(c) > 0 {
					r.disc.Conflicts = append(r.disc.Conflicts, c...)
					s.Status = probes.Warn
				}
				r.eps = append(r.eps, ac.Endpoints...)
				if r.disc.Provider == nil {
					r.disc.Usernames = ac.Usernames
				}
				return u
			}
		}
		if errors.Is(err, errRedirectRefused) {
			// "URL: redirect refused: why" (findings.SayRedirectRefused: err says the rest).
			s.Findings = append(s.Findings, findings.New(findings.DiscoveryRedirectRefused, fmt.Sprintf("%s: %v", u, err)))
		}
		if !errors.Is(err, errNotPublished) {
			broken = true
		}
		notes = append(notes, fmt.Sprintf("%s: %v", u, err))
	}
	s.Detail = findings.SayNoneFound.Format(strings.Join(notes, "; "))
	if broken {
		// The domain publishes something, but it is unusable: worth telling its admin.
		s.Status = probes.Warn
	}
	return ""
}

// conflicts compares another method's endpoints with the provider's, per source and protocol:
// a protocol where they share no host:port is a disagreement worth showing.
func (r *run) conflicts(other []probes.Endpoint) []string {
	if len(r.provEPs) == 0 {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, o := range other {
		k := o.Source + "|" + string(o.Proto)
		if seen[k] {
			continue
		}
		seen[k] = true
		var mine, theirs []probes.Endpoint
		for _, p := range r.provEPs {
			if p.Proto == o.Proto {
				mine = append(mine, p)
			}
		}
		for _, t := range other {
			if t.Source == o.Source && t.Proto == o.Proto {
				theirs = append(theirs, t)
			}
		}
		if len(mine) == 0 || overlap(mine, theirs) {
			continue
		}
		out = append(out, fmt.Sprintf("%s says %s:%d, %s says %s:%d",
			sourceLabel(o.Source), o.Host, o.Port, r.provLabel, mine[0].Host, mine[0].Port))
	}
	return out
}

func overlap(a, b []probes.Endpoint) bool {
	for _, x := range a {
		for _, y := range b {
			if strings.EqualFold(x.Host, y.Host) && x.Port == y.Port {
				return true
			}
		}
	}
	return false
}

// sourceLabel turns "srv:_submission._tcp" into "SRV _submission._tcp" for messages.
func sourceLabel(src string) string {
	if n, ok := strings.CutPrefix(src, "srv:"); ok {
		return "SRV " + n
	}
	return src
}

// finish ranks and deduplicates the endpoints and fills in the login names.
func (r *run) finish() *Discovery {
	disc := r.disc
	disc.Endpoints = r.guard(rankEndpoints(r.eps))
	if disc.Usernames == nil {
		disc.Usernames = map[probes.Proto]string{}
	}
	for _, e := range disc.Endpoints {
		if _, ok := disc.Usernames[e.Proto]; ok {
			continue
		}
		if p := disc.Provider; p != nil && p.Status != Closed {
			disc.Usernames[e.Proto] = p.Login(e.Proto, r.local, disc.Domain)
		} else {
			disc.Usernames[e.Proto] = disc.Address
		}
	}
	return disc
}

// rankEndpoints orders by protocol (IMAP, POP3, SMTP), then implicit TLS, STARTTLS, plain
// (RFC 8314 prefers implicit TLS), keeping discovery order otherwise; the first copy of a
// duplicate wins so the earliest method keeps the credit.
func rankEndpoints(in []probes.Endpoint) []probes.Endpoint {
	out := make([]probes.Endpoint, 0, len(in))
	seen := map[string]bool{}
	for _, e := range in {
		k := fmt.Sprintf("%s|%s|%d|%s", e.Proto, strings.ToLower(e.Host), e.Port, e.Security)
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if pa, pb := protoRank(a.Proto), protoRank(b.Proto); pa != pb {
			return pa < pb
		}
		return secRank(a.Security) < secRank(b.Security)
	})
	return out
}
