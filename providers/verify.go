package providers

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// Verify is how the database stays true: each entry's endpoints are probed through the normal
// pipeline (DNS, connect, TLS mode, certificate name, capabilities, no login), and the entry is
// compared with the provider's own autoconfig document. Any difference is a verify.drift
// finding. todo: compare with ISPDB and Autodiscover too once h16a's lookups are on main.

// Verification is one entry's live check.
type Verification struct {
	Key string `json:"key"`
	// Report is the probe of the entry's primary endpoints.
	Report probes.Report `json:"report"`
	// Autoconfig is the fetch of the provider's own autoconfig document; AutoconfigURL is
	// where it was found ("" when none was) and AutoconfigServers how many servers it lists.
	Autoconfig        probes.Step `json:"autoconfig"`
	AutoconfigURL     string      `json:"autoconfig_url,omitempty"`
	AutoconfigServers int         `json:"autoconfig_servers,omitempty"`
	// Drift has one verify.drift finding per difference.
	Drift []findings.Finding `json:"drift"`
}

// Drifted says whether anything differs.
func (v *Verification) Drifted() bool { return len(v.Drift) > 0 }

// verifyCodes are what an endpoint shows when the entry no longer describes it. Login
// findings do not count: verify sends no credentials.
var verifyCodes = []findings.Code{findings.DNSNXDomain, findings.TCPRefused, findings.TCPTimeout,
	findings.PortExpectsTLS, findings.PortExpectsSTARTTLS, findings.TLSSTARTTLSUnavailable,
	findings.TLSCertHostnameMismatch, findings.TLSCertExpired, findings.TLSCertUntrusted,
	findings.TLSVersionTooOld, findings.ServerGreetingTimeout, findings.SMTPAuthNotOffered}

// Verify checks entry p live with opts (resolver, CAs, timeout; no password).
func (d *Discoverer) Verify(ctx context.Context, p *Provider, opts probes.Options) Verification {
	db := d.DB
	if db == nil {
		db = Builtin()
	}
	v := Verification{Key: p.Key}
	plan := db.PlanProvider(p, p.Key, false)
	plan.Command = probes.CmdVerify
	opts.Password, opts.Token = nil, nil
	plan.Options = opts
	v.Report = probes.Run(ctx, plan)
	for _, r := range v.Report.Results {
		e := r.Endpoint
		for _, c := range verifyCodes {
			if r.HasCode(c) {
				v.Drift = append(v.Drift, findings.New(findings.VerifyDrift,
					fmt.Sprintf("%s %s:%d %s: %s", e.Proto, e.Host, e.Port, e.Security, c)))
			}
		}
	}
	v.Autoconfig = d.verifyAutoconfig(ctx, p, &v)
	return v
}

// verifyAutoconfig fetches the provider's autoconfig for its first domain and records each
// server it lists that the entry does not (and each entry endpoint of a protocol it lists
// that it leaves out).
func (d *Discoverer) verifyAutoconfig(ctx context.Context, p *Provider, v *Verification) probes.Step {
	s := probes.Step{Name: "autoconfig", Status: probes.Skip}
	domain := ""
	for _, x := range p.Domains {
		if !strings.HasPrefix(x, "*.") {
			domain = x
			break
		}
	}
	if domain == "" {
		s.Detail = "the entry has no address domain"
		return s
	}
	ctx, cancel := context.WithTimeout(ctx, d.timeout())
	defer cancel()
	dns := d.DNS
	if dns == nil {
		dns = probes.NewResolver("", d.timeout())
	}
	// todo: call d.httpClient(dns, domain) directly once h20d's redirect rule (which adds the
	// domain parameter) is on main; until then this compiles against either signature.
	var client *http.Client
	switch hc := any(d.httpClient).(type) {
	case func(DNS) *http.Client:
		client = hc(dns)
	case func(DNS, string) *http.Client:
		client = hc(dns, domain)
	}
	var notes []string
	for _, u := range autoconfigURLs("verify@"+domain, domain) {
		data, err := fetch(ctx, client, u)
		if err == nil {
			var ac *autoconfig
			if ac, err = parseAutoconfig(data, "verify", domain); err == nil {
				s.Status, s.Detail = probes.OK, fmt.Sprintf("%s: %d servers", u, len(ac.Endpoints))
				v.AutoconfigURL, v.AutoconfigServers = u, len(ac.Endpoints)
				before := len(v.Drift)
				v.Drift = append(v.Drift, autoconfigDrift(p, ac.Endpoints)...)
				if len(v.Drift) > before {
					s.Status = probes.Warn
				}
				return s
			}
		}
		if !errors.Is(err, errNotPublished) {
			s.Status = probes.Warn
		}
		notes = append(notes, fmt.Sprintf("%s: %v", u, err))
	}
	s.Detail = "none: " + strings.Join(notes, "; ")
	return s
}

// autoconfigDrift compares the entry with the document's servers (the step names the URL).
func autoconfigDrift(p *Provider, eps []probes.Endpoint) []findings.Finding {
	same := func(a probes.Endpoint, b Server) bool {
		return a.Proto == b.Proto && a.Host == b.Host && a.Port == b.Port && a.Security == b.Security
	}
	var out []findings.Finding
	protos := map[probes.Proto]bool{}
	for _, e := range eps {
		protos[e.Proto] = true
		if !slices.ContainsFunc(p.Servers, func(s Server) bool { return same(e, s) }) {
			out = append(out, findings.New(findings.VerifyDrift, fmt.Sprintf(
				"the provider's autoconfig lists %s %s:%d %s; the entry does not", e.Proto, e.Host, e.Port, e.Security)))
		}
	}
	for _, s := range p.Servers {
		if s.Alt || !protos[s.Proto] {
			continue
		}
		if !slices.ContainsFunc(eps, func(e probes.Endpoint) bool { return same(e, s) }) {
			out = append(out, findings.New(findings.VerifyDrift, fmt.Sprintf(
				"the entry lists %s %s:%d %s; the provider's autoconfig does not", s.Proto, s.Host, s.Port, s.Security)))
		}
	}
	return out
}
