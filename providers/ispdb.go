package providers

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// DefaultISPDB is Thunderbird's ISPDB (https://github.com/thunderbird/autoconfig), asked as
// BASE + DOMAIN the way Thunderbird does.
const DefaultISPDB = "https://autoconfig.thunderbird.net/v1.1/"

// ispdbBase is the ISPDB base URL in use, ending in "/".
func (d *Discoverer) ispdbBase() string {
	b := d.ISPDB
	if b == "" {
		b = DefaultISPDB
	}
	if !strings.HasSuffix(b, "/") {
		b += "/"
	}
	return b
}

// CheckISPDBURL validates a user-given ISPDB base URL: HTTPS only, so settings are never
// taken from an unauthenticated answer.
func CheckISPDBURL(u string) error {
	p, err := url.Parse(u)
	if err != nil || p.Scheme != "https" || p.Host == "" || p.User != nil {
		return fmt.Errorf("ISPDB URL %q: want https://HOST/PATH/", u)
	}
	return nil
}

// clientConfigAt fetches and parses one clientConfig document (autoconfig or ISPDB format).
// A DTD or an oversized document is refused with a finding.
func (r *run) clientConfigAt(ctx context.Context, u, local, domain, source string) (*autoconfig, []findings.Finding, error) {
	// Redirects stay within the document server's own registrable domain (the ISPDB's, the
	// MX base domain's), by the one redirect rule.
	host := ""
	if p, perr := url.Parse(u); perr == nil {
		host = p.Hostname()
	}
	data, err := fetch(ctx, r.d.httpClient(r.dns, host), u)
	if err != nil {
		if errors.Is(err, errTooLarge) {
			return nil, []findings.Finding{findings.New(findings.DiscoveryBadDocument, fmt.Sprintf("%s: %v", u, err))}, err
		}
		return nil, nil, err
	}
	if err := checkXML(data); err != nil {
		return nil, []findings.Finding{findings.New(findings.DiscoveryBadDocument, fmt.Sprintf("%s: %v", u, err))}, err
	}
	ac, err := parseAutoconfig(data, local, domain)
	if err != nil {
		return nil, []findings.Finding{findings.New(findings.DiscoveryBadDocument, fmt.Sprintf("%s: %v", u, err))}, err
	}
	for i := range ac.Endpoints {
		ac.Endpoints[i].Source = source
	}
	return ac, nil, nil
}

// ispdb asks Thunderbird's ISPDB for the domain.
func (r *run) ispdb(ctx context.Context, s *probes.Step, domain string) *autoconfig {
	u := r.d.ispdbBase() + url.PathEscape(domain)
	ac, fs, err := r.clientConfigAt(ctx, u, r.local, r.disc.Domain, "ispdb")
	s.Findings = append(s.Findings, fs...)
	if err != nil {
		s.Detail = fmt.Sprintf("%s: %v", u, err)
		if !errors.Is(err, errNotPublished) {
			s.Status = probes.Warn
		}
		return nil
	}
	s.Status = probes.OK
	s.Detail = findings.SayServers.Format(u, len(ac.Endpoints))
	return ac
}

// mxBase asks the MX host's base domain the way Thunderbird does: its own autoconfig, then the
// ISPDB. It finds the settings of a hosting provider whose name the domain does not carry
// (a domain whose MX is mx.hoster.example gets hoster.example's settings). The user's address
// is not sent to the MX base domain: only the domain is named, in the path.
func (r *run) mxBase(ctx context.Context, s *probes.Step, base string) *autoconfig {
	urls := []struct{ u, source string }{
		{"https://autoconfig." + base + "/mail/config-v1.1.xml", stepMXBase + ":autoconfig:" + base},
		{"https://" + base + "/.well-known/autoconfig/mail/config-v1.1.xml", stepMXBase + ":autoconfig:" + base},
	}
	if !r.d.NoISPDB {
		urls = append(urls, struct{ u, source string }{r.d.ispdbBase() + url.PathEscape(base), stepMXBase + ":ispdb:" + base})
	}
	var notes []string
	broken := false
	for _, c := range urls {
		ac, fs, err := r.clientConfigAt(ctx, c.u, r.local, r.disc.Domain, c.source)
		s.Findings = append(s.Findings, fs...)
		if err == nil {
			s.Status = probes.OK
			s.Detail = fmt.Sprintf("MX base domain %s: %s: %d servers", base, c.u, len(ac.Endpoints))
			return ac
		}
		if !errors.Is(err, errNotPublished) {
			broken = true
		}
		notes = append(notes, fmt.Sprintf("%s: %v", c.u, err))
	}
	s.Detail = fmt.Sprintf("MX base domain %s: none: %s", base, strings.Join(notes, "; "))
	if broken {
		s.Status = probes.Warn
	}
	return nil
}
