package providers

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// maxMXGuessed bounds how many MX host names are guessed as mail servers.
const maxMXGuessed = 2

// guessHost is one guessed host name and what it may serve.
type guessHost struct {
	host   string
	protos []probes.Proto
}

var allProtos = []probes.Proto{probes.IMAP, probes.POP3, probes.SMTP}

// guessHosts are the names guessed for domain: imap./pop./pop3./smtp./mail., the bare domain
// (small hosts run everything on it) and the domain's own MX hosts (a self-hosted server is
// often its own MX). MX hosts under another base domain are a hoster's inbound relays, not
// mailbox servers, and are left out.
func guessHosts(domain string, mxHosts []string) []guessHost {
	var out []guessHost
	seen := map[string]bool{}
	add := func(h string, protos []probes.Proto) {
		if !seen[h] && hostRE.MatchString(h) {
			seen[h] = true
			out = append(out, guessHost{h, protos})
		}
	}
	for _, g := range guessNames {
		add(g.prefix+domain, g.protos)
	}
	add(domain, allProtos)
	n := 0
	for _, mx := range mxHosts {
		mx = strings.ToLower(strings.TrimSuffix(mx, "."))
		if n == maxMXGuessed || !sameBase(mx, domain) || seen[mx] {
			continue
		}
		add(mx, allProtos)
		n++
	}
	return out
}

// guess resolves the guessed names in parallel and keeps those that exist; the TCP probe then
// decides which ports answer. It reports what it found; whether finding nothing is a failure
// depends on the other methods (Discover decides).
func (r *run) guess(ctx context.Context, s *probes.Step, domain string, mxHosts []string) []probes.Endpoint {
	hosts := guessHosts(domain, mxHosts)
	exists := make([]bool, len(hosts))
	var wg sync.WaitGroup
	for i, g := range hosts {
		wg.Go(func() {
			addrs, err := r.dns.LookupHost(ctx, g.host)
			exists[i] = err == nil && len(addrs) > 0
		})
	}
	wg.Wait()
	var eps []probes.Endpoint
	var found, tried []string
	for i, g := range hosts {
		tried = append(tried, g.host)
		if !exists[i] {
			continue
		}
		found = append(found, g.host)
		for _, p := range g.protos {
			for _, sec := range []probes.Security{probes.ImplicitTLS, probes.STARTTLS} {
				eps = append(eps, probes.Endpoint{Proto: p, Host: g.host, Port: defaultPort(p, sec), Security: sec, Source: "guess", Trust: probes.TrustGuess})
			}
		}
	}
	if len(found) == 0 {
		s.Detail = findings.SayNoneExists.Format(strings.Join(tried, ", "))
		return nil
	}
	s.Status = probes.OK
	s.Detail = findings.SayFound.Format(strings.Join(slices.Clip(found), ", "))
	return eps
}
