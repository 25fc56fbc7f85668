package providers

import (
	"strings"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// Hints are an entry's clues for guessing the provider from pasted text.
type Hints struct {
	// Domains are host or MX names (and their subdomains) that name the provider but are not
	// address domains: exmail.qq.com, aspmx.l.google.com, aka.ms.
	Domains []string `json:"domains,omitempty"`
	// Brands are labels naming the provider under any country suffix (hotmail → hotmail.co.uk).
	Brands []string `json:"brands,omitempty"`
	// Wording are lower-case phrases only this provider's servers use.
	Wording []string `json:"wording,omitempty"`
	// MXPrefixes are "PREFIX*SUFFIX" host patterns on a shared suffix whose first label names
	// the provider (163mx*.mxmail.netease.com).
	MXPrefixes []string `json:"mx_prefixes,omitempty"`
}

// Hints returns what the matcher needs to guess a provider from pasted text, built from every
// entry's domains and hints, so each domain hints to its own entry.
func (db *DB) Hints() *findings.Hints {
	db.hintsOnce.Do(func() {
		h := &findings.Hints{Domains: map[string]string{}, Brands: map[string]string{}}
		for _, p := range db.list {
			for _, d := range p.Domains {
				h.Domains[strings.TrimPrefix(d, "*.")] = p.Key
			}
		}
		for _, p := range db.list {
			if p.Hints == nil {
				continue
			}
			for _, d := range p.Hints.Domains {
				if _, taken := h.Domains[d]; !taken { // an address domain belongs to its own entry
					h.Domains[d] = p.Key
				}
			}
			for _, b := range p.Hints.Brands {
				h.Brands[b] = p.Key
			}
			for _, w := range p.Hints.Wording {
				h.Wording = append(h.Wording, findings.Phrase{Phrase: w, Key: p.Key})
			}
			for _, m := range p.Hints.MXPrefixes {
				pre, suf, _ := strings.Cut(m, "*")
				h.LabelPrefixes = append(h.LabelPrefixes, findings.LabelPrefix{Suffix: suf, Prefix: pre, Key: p.Key})
			}
		}
		db.hints = h
	})
	return db.hints
}

// Facts are what the engine needs to know of p: its password kind, its own fixes (its
// family's where it has none of its own), whether it closed, and the endpoints it lists.
func (db *DB) Facts(p *Provider) *probes.ProviderFacts {
	if p == nil {
		return nil
	}
	f := &probes.ProviderFacts{Key: p.Key, Name: p.Name, Auth: p.Auth, Expected: p.Endpoints(),
		Fixes: findings.Fixes{}}
	if p.Status == Closed {
		f.Closed, f.Successor = p.Closed, db.successorName(p.Successor)
		if f.Closed == "" {
			f.Closed = "closed"
		}
	}
	for q, seen := p, map[string]bool{}; q != nil && !seen[q.Key]; {
		seen[q.Key] = true
		if f.OAuth == nil {
			f.OAuth = q.oauth // a family shares its tokens' profile too
		}
		for code, t := range q.Fixes {
			if _, ok := f.Fixes[code]; !ok {
				f.Fixes[code] = findings.Fix{Provider: q.Key, Text: t}
			}
		}
		if q.Family == "" {
			break
		}
		q, _ = db.byKey(q.Family)
	}
	return f
}

// FixesByCode lists every provider's own fix for each code, for the catalogue: code →
// provider key → fix.
func (db *DB) FixesByCode() map[findings.Code]map[string]findings.Text {
	out := map[findings.Code]map[string]findings.Text{}
	for _, p := range db.list {
		for code, t := range p.Fixes {
			if out[code] == nil {
				out[code] = map[string]findings.Text{}
			}
			out[code][p.Key] = t
		}
	}
	return out
}
