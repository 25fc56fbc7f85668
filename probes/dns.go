package probes

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/miekg/dns"
)

// DNS errors that callers branch on.
var (
	ErrNXDomain  = errors.New("no such domain")    // NXDOMAIN: the name does not exist
	ErrNoRecords = errors.New("no records")        // the name exists but has no record of that type
	ErrDNSFailed = errors.New("dns server failed") // SERVFAIL, REFUSED, timeout: not the user's settings
	// ErrOwnerMismatch marks an answer whose records are all for another name than the one
	// asked (and not reached through a CNAME chain from it): a broken or hostile resolver. It
	// is joined to ErrDNSFailed, as the answer says nothing about the name.
	ErrOwnerMismatch = errors.New("answer for another name")
	// ErrFDExhausted: no socket could be opened, this process is out of file descriptors
	// (EMFILE/ENFILE). A local fault, never the DNS server's or the name's.
	ErrFDExhausted = errors.New("out of file descriptors")
)

// DNSError describes one failed lookup; it wraps one of the sentinels above.
type DNSError struct {
	Name   string
	Type   string
	Server string
	Err    error  // ErrNXDomain, ErrNoRecords, ErrDNSFailed or ErrFDExhausted
	Detail string // rcode name or transport error
	// Cause, when set, is a second reason errors.Is finds (ErrOwnerMismatch).
	Cause error
}

func (e *DNSError) Error() string {
	s := fmt.Sprintf("lookup %s %s", e.Type, e.Name)
	if e.Server != "" {
		s += " on " + e.Server
	}
	s += ": " + e.Err.Error()
	if e.Detail != "" {
		s += " (" + e.Detail + ")"
	}
	return s
}

func (e *DNSError) Unwrap() []error {
	if e.Cause != nil {
		return []error{e.Err, e.Cause}
	}
	return []error{e.Err}
}

// DNSTransportError is the error of an exchange that got no answer: out of file descriptors
// (ErrFDExhausted, a local fault), or a server failure (ErrDNSFailed).
func DNSTransportError(name, qtype, server string, err error) *DNSError {
	e := &DNSError{Name: name, Type: qtype, Server: server, Err: ErrDNSFailed, Detail: err.Error()}
	if fdExhausted(err) {
		e.Err = ErrFDExhausted
	}
	return e
}

// fdExhausted reports whether err says no file descriptor was left (per process or system).
func fdExhausted(err error) bool {
	return errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE)
}

// Resolver does every lookup of a run through miekg/dns, against one server, so --resolver
// reaches MX, SRV and the A/AAAA of every host.
type Resolver struct {
	// Server is HOST:PORT; empty means the nameservers of /etc/resolv.conf, in order.
	Server string
	// Servers, when set, are tried in order (what resolv.conf gives when Server is empty).
	Servers []string
	// Timeout bounds each exchange with one server (default 5s).
	Timeout time.Duration

	once    sync.Once
	srvs    []string
	err     error
	trustAD bool // resolv.conf says "options trust-ad"
}

// NewResolver returns a resolver for server ("" = system configuration).
func NewResolver(server string, timeout time.Duration) *Resolver {
	return &Resolver{Server: server, Timeout: timeout}
}

func (r *Resolver) servers() ([]string, error) {
	r.once.Do(func() {
		switch {
		case len(r.Servers) > 0:
			r.srvs = r.Servers
		case r.Server != "":
			r.srvs = []string{r.Server}
		default:
			cfg, err := dns.ClientConfigFromFile("/etc/resolv.conf")
			if err != nil || len(cfg.Servers) == 0 {
				r.err = fmt.Errorf("no system resolver (use --resolver HOST:PORT): %v", err)
				return
			}
			for _, s := range cfg.Servers {
				r.srvs = append(r.srvs, net.JoinHostPort(s, cfg.Port))
			}
			r.trustAD = resolvConfTrustAD("/etc/resolv.conf")
		}
	})
	return r.srvs, r.err
}

// exchange asks one question, server by server until one answers (a failing first nameserver
// must not look like a failing domain), retrying over TCP when a UDP answer is truncated.
func (r *Resolver) exchange(ctx context.Context, name string, qtype uint16) ([]dns.RR, error) {
	rrs, _, err := r.exchangeAD(ctx, name, qtype)
	return rrs, err
}

// exchangeAD is exchange that also says whether the answer is DNSSEC-validated: the resolver
// set the AD bit (asked for with AD in the query, RFC 6840 5.7) and the path to it can be
// trusted (authenticated).
func (r *Resolver) exchangeAD(ctx context.Context, name string, qtype uint16) ([]dns.RR, bool, error) {
	tname := dns.TypeToString[qtype]
	srvs, err := r.servers()
	if err != nil {
		return nil, false, &DNSError{Name: name, Type: tname, Err: ErrDNSFailed, Detail: err.Error()}
	}
	var last error
	for _, srv := range srvs {
		rrs, ad, err := r.exchangeWith(ctx, srv, name, qtype)
		if err == nil || !errors.Is(err, ErrDNSFailed) || ctx.Err() != nil {
			return rrs, ad && r.authenticated(srv), err
		}
		last = err
	}
	return nil, false, last
}

// authenticated reports whether an AD bit from srv can be believed. The bit travels in the
// clear: only a resolver on this machine, or one the system's resolv.conf vouches for with
// "options trust-ad" (as glibc requires), is a path nobody in between can forge (RFC 4035
// 4.9.3, RFC 6840 5.7). A remote --resolver's AD bit is ignored.
func (r *Resolver) authenticated(srv string) bool {
	if r.trustAD {
		return true
	}
	host, _, err := net.SplitHostPort(srv)
	if err != nil {
		return false
	}
	a, err := netip.ParseAddr(host)
	return err == nil && a.IsLoopback()
}

// resolvConfTrustAD reports whether the resolv.conf at path has "options … trust-ad".
func resolvConfTrustAD(path string) bool {
	data, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) > 1 && f[0] == "options" && slices.Contains(f[1:], "trust-ad") {
			return true
		}
	}
	return false
}

func (r *Resolver) exchangeWith(ctx context.Context, srv, name string, qtype uint16) ([]dns.RR, bool, error) {
	tname := dns.TypeToString[qtype]
	timeout := r.Timeout
	if timeout <= 0 {
		timeout = 5 * time.Second
	}
	m := new(dns.Msg)
	m.SetQuestion(dns.Fqdn(name), qtype)
	m.SetEdns0(1232, false)
	m.AuthenticatedData = true // ask a validating resolver to say whether it validated
	c := &dns.Client{Timeout: timeout}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	in, _, err := c.ExchangeContext(ctx, m, srv)
	if err == nil && in.Truncated {
		c.Net = "tcp"
		in, _, err = c.ExchangeContext(ctx, m, srv)
	}
	if err != nil {
		return nil, false, DNSTransportError(name, tname, srv, err)
	}
	switch in.Rcode {
	case dns.RcodeSuccess:
	case dns.RcodeNameError:
		return nil, false, &DNSError{Name: name, Type: tname, Server: srv, Err: ErrNXDomain, Detail: "NXDOMAIN"}
	default:
		return nil, false, &DNSError{Name: name, Type: tname, Server: srv, Err: ErrDNSFailed, Detail: dns.RcodeToString[in.Rcode]}
	}
	out, foreign := answersFor(in.Answer, name, qtype)
	if len(out) == 0 {
		if foreign != "" {
			return nil, false, &DNSError{Name: name, Type: tname, Server: srv, Err: ErrDNSFailed, Cause: ErrOwnerMismatch,
				Detail: "records for " + foreign + " ignored"}
		}
		return nil, false, &DNSError{Name: name, Type: tname, Server: srv, Err: ErrNoRecords}
	}
	return out, in.AuthenticatedData, nil
}

// maxCNAMEChain bounds the CNAME hops followed inside one answer.
const maxCNAMEChain = 8

// answersFor keeps the answer's records of qtype whose owner is name or a name reached from it
// through the answer's CNAME chain (RFC 1034 4.3.2), and names one foreign owner when records
// of qtype were dropped.
func answersFor(answer []dns.RR, name string, qtype uint16) (out []dns.RR, foreign string) {
	owners := map[string]bool{strings.ToLower(dns.Fqdn(name)): true}
	cur := strings.ToLower(dns.Fqdn(name))
	for range maxCNAMEChain {
		next := ""
		for _, rr := range answer {
			if c, ok := rr.(*dns.CNAME); ok && strings.EqualFold(c.Hdr.Name, cur) {
				next = strings.ToLower(dns.Fqdn(c.Target))
				break
			}
		}
		if next == "" || owners[next] {
			break
		}
		owners[next], cur = true, next
	}
	for _, rr := range answer {
		if rr.Header().Rrtype != qtype {
			continue
		}
		if owners[strings.ToLower(rr.Header().Name)] {
			out = append(out, rr)
		} else if foreign == "" {
			foreign = rr.Header().Name
		}
	}
	return out, foreign
}

// LookupHost returns the IPv4 and IPv6 addresses of host, asking for A and AAAA in parallel.
// IP literals and "localhost" (RFC 6761 6.3) are answered without a query.
func (r *Resolver) LookupHost(ctx context.Context, host string) ([]netip.Addr, error) {
	if a, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		return []netip.Addr{a}, nil
	}
	if strings.EqualFold(strings.TrimSuffix(host, "."), "localhost") {
		return []netip.Addr{netip.MustParseAddr("127.0.0.1"), netip.MustParseAddr("::1")}, nil
	}
	var (
		wg     sync.WaitGroup
		v4, v6 []dns.RR
		e4, e6 error
	)
	wg.Add(2)
	go func() { defer wg.Done(); v4, e4 = r.exchange(ctx, host, dns.TypeA) }()
	go func() { defer wg.Done(); v6, e6 = r.exchange(ctx, host, dns.TypeAAAA) }()
	wg.Wait()
	var out []netip.Addr
	for _, rr := range append(v4, v6...) {
		switch rr := rr.(type) {
		case *dns.A:
			if a, ok := netip.AddrFromSlice(rr.A.To4()); ok {
				out = append(out, a)
			}
		case *dns.AAAA:
			if a, ok := netip.AddrFromSlice(rr.AAAA); ok {
				out = append(out, a)
			}
		}
	}
	if len(out) > 0 {
		return out, nil
	}
	// Both failed: report the more telling error. NXDOMAIN says the name is wrong; a resolver
	// failure says nothing about the name, so it beats "no records" (which may be just one family).
	for _, want := range []error{ErrNXDomain, ErrDNSFailed} {
		for _, e := range []error{e4, e6} {
			if errors.Is(e, want) {
				return nil, e
			}
		}
	}
	if e4 != nil {
		return nil, e4
	}
	return nil, &DNSError{Name: host, Type: "A", Err: ErrNoRecords}
}

// LookupMX returns the MX records of domain sorted by preference. A null MX (RFC 7505) is
// returned as a single record with host ".".
func (r *Resolver) LookupMX(ctx context.Context, domain string) ([]*net.MX, error) {
	rrs, err := r.exchange(ctx, domain, dns.TypeMX)
	if err != nil {
		return nil, err
	}
	var out []*net.MX
	for _, rr := range rrs {
		mx := rr.(*dns.MX)
		out = append(out, &net.MX{Host: mx.Mx, Pref: mx.Preference})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pref < out[j].Pref })
	return out, nil
}

// LookupSRV returns the SRV records at name (e.g. "_submission._tcp.example.com") sorted by
// priority, then weight descending. A target of "." means the service is not offered (RFC 2782).
func (r *Resolver) LookupSRV(ctx context.Context, name string) ([]*net.SRV, error) {
	out, _, err := r.LookupSRVAD(ctx, name)
	return out, err
}

// LookupSRVAD is LookupSRV that also says whether the answer was DNSSEC-validated by a
// resolver whose word can be trusted (see authenticated).
func (r *Resolver) LookupSRVAD(ctx context.Context, name string) ([]*net.SRV, bool, error) {
	rrs, ad, err := r.exchangeAD(ctx, name, dns.TypeSRV)
	if err != nil {
		return nil, false, err
	}
	var out []*net.SRV
	for _, rr := range rrs {
		s := rr.(*dns.SRV)
		out = append(out, &net.SRV{Target: s.Target, Port: s.Port, Priority: s.Priority, Weight: s.Weight})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Priority != out[j].Priority {
			return out[i].Priority < out[j].Priority
		}
		return out[i].Weight > out[j].Weight
	})
	return out, ad, nil
}
