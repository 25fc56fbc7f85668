package providers

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"golang.org/x/net/publicsuffix"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// Discovery safety (issue 20 items 4, 5, 11): what DNS or a discovery document says is data
// from whoever answered, so every discovery method's endpoints pass the same rules here before
// anything connects to them or logs in. Other methods (Autodiscover, ISPDB) call these too.

// maxEndpoints caps the endpoints one discovery keeps, across all methods, and one autoconfig
// document's servers: no client tries more, and a hostile zone must not set the fan-out.
const maxEndpoints = 32

// maxPerService caps the targets kept from one SRV service (_imaps._tcp …), in the order of
// priority and weight (RFC 2782); real domains publish one or two.
const maxPerService = 4

// MailPorts are the ports a discovered endpoint may name without --any-port: SMTP 25, 465,
// 587 and the common alternative 2525; POP3 110, 995; IMAP 143, 993 (RFC 8314 7, RFC 6186).
var MailPorts = []int{25, 465, 587, 2525, 110, 995, 143, 993}

// mailPort reports whether port is one of MailPorts.
func mailPort(port int) bool { return slices.Contains(MailPorts, port) }

// baseDomain is the registrable domain of host (public suffix + 1 label): "imap.mail.qq.com"
// → "qq.com", "a.b.example.co.uk" → "example.co.uk". A name that is itself a public suffix
// is its own base.
func baseDomain(host string) string {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if b, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return b
	}
	return host
}

// sameBase reports whether host lies in the address domain's registrable domain. An IP
// literal is never inside a domain.
func sameBase(addrDomain, host string) bool {
	if isAddr(host) {
		return false
	}
	return baseDomain(addrDomain) == baseDomain(host)
}

// isAddr: an IP literal, bracketed or not.
func isAddr(host string) bool {
	_, err := netip.ParseAddr(strings.Trim(host, "[]"))
	return err == nil
}

// knownHost reports whether host is one of the database's listed server names (any provider:
// a stranger cannot answer on imap.gmail.com), or lies under the registrable domain of a
// listed server of p, the provider this address was matched to (nil: none).
func (db *DB) knownHost(p *Provider, host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	// An address or localhost names no one: a database entry that lists one (Proton Bridge's
	// 127.0.0.1) must not make every discovered IP literal a known host.
	if host == "localhost" || isAddr(host) {
		return false
	}
	if p != nil {
		for _, s := range p.Servers {
			if sameBase(s.Host, host) {
				return true
			}
		}
	}
	for _, q := range db.list {
		for _, s := range q.Servers {
			if strings.EqualFold(s.Host, host) {
				return true
			}
		}
	}
	return false
}

// foreign reports whether a discovered host is outside the address's domain and the known
// hosts of the database (p: the address's provider, or nil).
func (db *DB) foreign(p *Provider, addrDomain, host string) bool {
	return !sameBase(addrDomain, host) && !db.knownHost(p, host)
}

// credentialAllowed is the credential rule for a discovered endpoint: a password or token goes
// only to a host inside the address's domain or known to the database, unless the user said
// --trust-discovered or the resolver validated the answer that named it (DNSSEC).
func (db *DB) credentialAllowed(p *Provider, addrDomain, host string, trust probes.Trust, trustDiscovered bool) bool {
	return trust == probes.TrustDB || trust == probes.TrustDNSSEC || trustDiscovered || !db.foreign(p, addrDomain, host)
}

// endpointLabel names an endpoint in evidence: "imap mail.example.net:993 (srv:_imaps._tcp, dns)".
func endpointLabel(e probes.Endpoint) string {
	s := fmt.Sprintf("%s %s:%d", e.Proto, e.Host, e.Port)
	switch {
	case e.Source != "" && e.Trust != "":
		s += fmt.Sprintf(" (%s, %s)", e.Source, e.Trust)
	case e.Source != "":
		s += " (" + e.Source + ")"
	}
	return s
}

// guard applies the discovery rules to the ranked endpoints of one run: endpoints named by
// discovery on other than mail ports are dropped (unless AnyPort), at most maxEndpoints are
// kept, and hosts outside the address's domain are marked Foreign, with the credentials
// Withheld unless trusted. Each rule that acted is a finding on the step of the method that
// named the endpoint.
func (r *run) guard(eps []probes.Endpoint) []probes.Endpoint {
	out := make([]probes.Endpoint, 0, len(eps))
	for _, e := range eps {
		if e.Trust != probes.TrustDB && !r.d.AnyPort && !mailPort(e.Port) {
			r.find(e.Source, findings.DiscoveryPortRefused,
				findings.SayNotMailPort.Format(endpointLabel(e), e.Port, MailPortList()))
			continue
		}
		out = append(out, e)
	}
	if len(out) > maxEndpoints {
		r.find(out[maxEndpoints].Source, findings.DiscoveryTooManyRecords,
			findings.SayEndpointsCapped.Format(len(out), maxEndpoints))
		out = out[:maxEndpoints]
	}
	type hostNote struct {
		source        string // the first method that named the host: where the finding goes
		held, trusted []string
	}
	notes := map[string]*hostNote{}
	var order []string
	for i := range out {
		e := &out[i]
		if e.Trust == probes.TrustDB || !r.db.foreign(r.disc.Provider, r.disc.Domain, e.Host) {
			continue
		}
		e.Foreign = true
		e.Withheld = !r.db.credentialAllowed(r.disc.Provider, r.disc.Domain, e.Host, e.Trust, r.d.TrustDiscovered)
		n := notes[e.Host]
		if n == nil {
			n = &hostNote{source: e.Source}
			notes[e.Host] = n
			order = append(order, e.Host)
		}
		label := findings.SayEndpointFrom.Format(e.Proto, e.Port, sourceLabel(e.Source), e.Trust)
		if e.Withheld {
			n.held = append(n.held, label)
		} else {
			n.trusted = append(n.trusted, label)
		}
	}
	base := baseDomain(r.disc.Domain)
	for _, host := range order {
		n := notes[host]
		if len(n.held) > 0 {
			r.find(n.source, findings.DiscoveryForeignHost, findings.SayForeignWithheld.Format(host, strings.Join(n.held, "; "), base))
		}
		if len(n.trusted) > 0 {
			why := findings.SayForeignDNSSEC
			if r.d.TrustDiscovered {
				why = findings.SayForeignFlag
			}
			r.find(n.source, findings.DiscoveryForeignHostTrusted, why.Format(host, strings.Join(n.trusted, "; "), base))
		}
	}
	return out
}

// find adds a finding to the step of the method that produced source ("srv:_imaps._tcp" →
// "srv"), or to the last step when no step has that name, and makes that step at least a
// warning when the finding is one.
func (r *run) find(source string, code findings.Code, evidence string) {
	steps := r.disc.Steps
	if len(steps) == 0 {
		return
	}
	name, _, _ := strings.Cut(source, ":")
	at := len(steps) - 1
	for i := range steps {
		if steps[i].Name == name {
			at = i
			break
		}
	}
	f := findings.New(code, evidence)
	s := &steps[at]
	s.Findings = append(s.Findings, f)
	if f.Severity == findings.SevWarning || f.Severity == findings.SevError {
		s.Status = probes.Worse(s.Status, probes.Warn)
	}
}

// MailPortList is MailPorts as text: "25, 465, 587, …".
func MailPortList() string {
	var b strings.Builder
	for i, p := range MailPorts {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprint(&b, p)
	}
	return b.String()
}
