package providers

import (
	"context"
	"fmt"
	"slices"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// The providers package fills a probes.Plan with what it knows: the endpoints, how they were
// found, what to type into a client, and the provider's facts. cmd adds the flags; probes.Run
// does the rest.

// PlanProvider plans the check of a provider's listed endpoints (none when offline).
func (db *DB) PlanProvider(p *Provider, input string, offline bool) probes.Plan {
	eps := p.Endpoints()
	pl := probes.Plan{Command: probes.CmdProvider, Input: input, Provider: db.Facts(p),
		Settings: db.Settings(p, eps, "", "")}
	if !offline {
		pl.Endpoints = eps
	}
	return pl
}

// PlanAccountOffline plans the settings of an address from the database alone; ok is false
// when the database has no entry for the domain.
func (db *DB) PlanAccountOffline(address string) (probes.Plan, bool, error) {
	local, domain, err := ParseAddress(address)
	if err != nil {
		return probes.Plan{}, false, err
	}
	p, ok := db.ByDomain(domain)
	if !ok {
		return probes.Plan{}, false, nil
	}
	return probes.Plan{Command: probes.CmdAccount, Input: address, Provider: db.Facts(p),
		Settings: db.Settings(p, p.Endpoints(), local, domain)}, true, nil
}

// PlanAccount discovers the settings of an address (d.DB is the database) and plans the check
// of every endpoint found, with the login name each protocol wants.
func (d *Discoverer) PlanAccount(ctx context.Context, cmd probes.Command, address string) (probes.Plan, error) {
	local, domain, err := ParseAddress(address)
	if err != nil {
		return probes.Plan{}, err
	}
	disc, err := d.Discover(ctx, local+"@"+domain)
	if err != nil {
		return probes.Plan{}, err
	}
	s := d.DB.Settings(disc.Provider, disc.Endpoints, local, domain)
	for proto, u := range disc.Usernames {
		s.Usernames[proto] = u
	}
	logins := map[probes.Proto]string{}
	for _, proto := range probes.Protos {
		logins[proto] = s.Usernames[proto]
		if logins[proto] == "" {
			logins[proto] = local + "@" + domain
		}
	}
	return probes.Plan{Command: cmd, Input: address, Endpoints: disc.Endpoints, Discovery: disc.Steps,
		Conflicts: disc.Conflicts, Settings: s, Provider: d.DB.Facts(disc.Provider),
		Logins: logins}, nil
}

// PlanExplain plans the classification of pasted text; the provider is named (by key, alias
// or domain) or guessed from the text. An unknown name is an error.
func (db *DB) PlanExplain(text, provider string) (probes.Plan, error) {
	var p *Provider
	if provider != "" {
		var ok bool
		if p, ok = db.Lookup(provider); !ok {
			return probes.Plan{}, fmt.Errorf("unknown provider %q", provider)
		}
	} else if key := db.Hints().Provider(text); key != "" {
		p, _ = db.ByKey(key)
	}
	return probes.Plan{Command: probes.CmdExplain, Text: text, Provider: db.Facts(p)}, nil
}

// Settings describes what to type into a client for p (local and domain fill the login names;
// empty for a provider looked up by name): eps (the endpoints probed), then p's alternative
// endpoints (overseas nodes, legacy hosts), shown but not probed.
func (db *DB) Settings(p *Provider, eps []probes.Endpoint, local, domain string) *probes.Settings {
	s := &probes.Settings{Name: findings.Text{EN: "unknown provider", ZH: "未知服务商"}, Endpoints: eps,
		Usernames: map[probes.Proto]string{}}
	if p == nil {
		return s
	}
	s.Endpoints = slices.Clip(eps)
	for _, alt := range p.AltEndpoints() {
		if !slices.ContainsFunc(s.Endpoints, func(e probes.Endpoint) bool {
			return e.Proto == alt.Proto && e.Host == alt.Host && e.Port == alt.Port
		}) {
			s.Endpoints = append(s.Endpoints, alt)
		}
	}
	s.Provider, s.Name, s.Status = p.Key, p.Name, string(p.Status)
	if p.Successor != "" {
		s.Successor = db.successorName(p.Successor)
	}
	s.Auth, s.Sources, s.Verified = p.Auth, p.Sources, p.Verified
	for _, proto := range probes.Protos {
		if local != "" {
			s.Usernames[proto] = p.Login(proto, local, domain)
		} else {
			if s.Forms == nil {
				s.Forms = map[probes.Proto]probes.UsernameForm{}
			}
			s.Forms[proto] = p.Form(proto)
		}
	}
	for _, q := range p.Quirks {
		s.Notes = append(s.Notes, probes.Quirk{Text: q.Text, Fix: q.Fix, URL: q.URL})
	}
	for _, n := range p.Notes {
		s.Notes = append(s.Notes, probes.Quirk{Text: n})
	}
	for _, n := range p.AltNotes() {
		s.Notes = append(s.Notes, probes.Quirk{Text: n})
	}
	return s
}

// successorName names a closed provider's successor the way a person looks for it, in both
// languages with the key to type: "Aliyun Mail (personal) / 阿里邮箱（个人版） (aliyun)".
func (db *DB) successorName(key string) string {
	p, ok := db.ByKey(key)
	if !ok {
		return key
	}
	name := p.Name.EN
	switch {
	case name == "":
		name = p.Name.ZH
	case p.Name.ZH != "" && p.Name.ZH != name:
		name += " / " + p.Name.ZH
	}
	return fmt.Sprintf("%s (%s)", name, key)
}
