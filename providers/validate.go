package providers

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/mailcheck/mailcheck/probes"
)

var (
	keyRE   = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]*$`)
	hostRE  = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$`)
	mxRE    = regexp.MustCompile(`^[a-z0-9*]([a-z0-9*.-]*[a-z0-9])?$`)
	quirkRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

// Validate checks what the built-in file promises: every entry well-formed with both languages,
// ports 1..65535, known protocols and security, endpoints in client order, no domain, name or MX
// pattern claimed by two providers, closed entries naming an existing successor, and every
// active entry with at least one endpoint.
func Validate(db *DB) error {
	if db == nil {
		return errors.New("nil provider database")
	}
	var errs []error
	for _, p := range db.list {
		if err := checkEntry(p, true); err != nil {
			errs = append(errs, err)
		}
		if p.Status == Closed {
			s, ok := db.byKey(p.Successor)
			switch {
			case p.Successor == "":
				errs = append(errs, fmt.Errorf("provider %s: closed without a successor", p.Key))
			case !ok:
				errs = append(errs, fmt.Errorf("provider %s: successor %q is not in the database", p.Key, p.Successor))
			case s.Status == Closed:
				errs = append(errs, fmt.Errorf("provider %s: successor %q is closed too", p.Key, p.Successor))
			}
		}
	}
	if err := checkUnique(db.list); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

func (db *DB) byKey(key string) (*Provider, bool) {
	for _, p := range db.list {
		if p.Key == key {
			return p, true
		}
	}
	return nil, false
}

// checkText requires both languages when strict (the built-in file), one otherwise (company files).
func checkText(t findings.Text, strict bool) bool {
	en, zh := strings.TrimSpace(t.EN) != "", strings.TrimSpace(t.ZH) != ""
	if strict {
		return en && zh
	}
	return en || zh
}

// secRank orders security modes the way RFC 8314 asks clients to prefer them.
func secRank(s probes.Security) int {
	switch s {
	case probes.ImplicitTLS:
		return 0
	case probes.STARTTLS:
		return 1
	case probes.Plain:
		return 2
	}
	return -1
}

func protoRank(p probes.Proto) int {
	for i, q := range probes.Protos {
		if p == q {
			return i
		}
	}
	return -1
}

// checkEntry checks one entry on its own. strict adds the rules for our own file: both
// languages, sources-style metadata, endpoint order, endpoints for active entries.
func checkEntry(p *Provider, strict bool) error {
	var errs []error
	bad := func(format string, a ...any) {
		errs = append(errs, fmt.Errorf("provider %s: "+format, append([]any{p.Key}, a...)...))
	}
	if !keyRE.MatchString(p.Key) {
		bad("key must be lower-case letters, digits, dots or hyphens")
	}
	if !checkText(p.Name, strict) {
		bad("name needs English and Chinese text")
	}
	switch p.Status {
	case Active, Closed, Unverified:
	default:
		bad("status %q unknown (active, closed, unverified)", p.Status)
	}
	switch p.Username {
	case UserAddress, UserLocal:
	case "":
		if p.Status != Closed {
			bad("username form missing (address or local)")
		}
	default:
		bad("username form %q unknown (address or local)", p.Username)
	}
	switch p.Auth {
	case probes.AuthPassword, probes.AuthAppPassword, probes.AuthCode, probes.AuthOAuthOnly, probes.AuthOAuthOrAppPassword:
	case "":
		if p.Status != Closed {
			bad("auth kind missing")
		}
	default:
		bad("auth kind %q unknown", p.Auth)
	}
	if p.Successor != "" && p.Status != Closed {
		bad("successor set on an entry that is not closed")
	}
	if p.Successor == p.Key && p.Key != "" {
		bad("successor is itself")
	}
	for _, a := range p.Aliases {
		if normName(a) == "" {
			bad("empty alias")
		}
	}
	for _, d := range p.Domains {
		if !hostRE.MatchString(strings.TrimPrefix(d, "*.")) {
			bad("domain %q is not an ASCII (punycode) domain name", d)
		}
	}
	for _, m := range p.MX {
		if _, err := path.Match(m, ""); err != nil || !mxRE.MatchString(m) || !strings.Contains(m, ".") {
			bad("MX pattern %q invalid (letters, digits, '.', '-', '*')", m)
		}
	}
	primary := 0
	last := [2]int{-1, -1}
	for i, s := range p.Servers {
		where := fmt.Sprintf("endpoint %d (%s:%d)", i, s.Host, s.Port)
		if protoRank(s.Proto) < 0 {
			bad("%s: proto %q unknown (imap, pop3, smtp)", where, s.Proto)
		}
		if secRank(s.Security) < 0 {
			bad("%s: security %q unknown (tls, starttls, plain)", where, s.Security)
		}
		if s.Port < 1 || s.Port > 65535 {
			bad("%s: port out of range 1..65535", where)
		}
		// localhost and IP literals let company files (and tests) point at local servers.
		if !hostRE.MatchString(s.Host) && s.Host != "localhost" && net.ParseIP(s.Host) == nil {
			bad("%s: host is not a valid host name", where)
		}
		switch s.Username {
		case "", UserAddress, UserLocal:
		default:
			bad("%s: username form %q unknown", where, s.Username)
		}
		if s.Note != nil && !checkText(*s.Note, strict) {
			bad("%s: note needs English and Chinese text", where)
		}
		if s.Alt {
			continue
		}
		primary++
		// Primary endpoints must already be in the order clients try them: IMAP, POP3, SMTP;
		// implicit TLS before STARTTLS before plain (RFC 8314 3).
		cur := [2]int{protoRank(s.Proto), secRank(s.Security)}
		if strict && (cur[0] < last[0] || cur[0] == last[0] && cur[1] < last[1]) {
			bad("%s: out of order (IMAP, POP3, SMTP; tls before starttls before plain)", where)
		}
		last = cur
	}
	if p.Status != Closed && primary == 0 {
		bad("no primary endpoint")
	}
	seenQuirk := map[string]bool{}
	for _, q := range p.Quirks {
		if !quirkRE.MatchString(q.ID) {
			bad("quirk id %q must be lower-case words joined by hyphens", q.ID)
		}
		if seenQuirk[q.ID] {
			bad("quirk %q listed twice", q.ID)
		}
		seenQuirk[q.ID] = true
		if !checkText(q.Text, strict) {
			bad("quirk %s: text needs English and Chinese", q.ID)
		}
		if !checkText(q.Fix, strict) {
			bad("quirk %s: fix needs English and Chinese", q.ID)
		}
		if q.URL != "" {
			if u, err := url.Parse(q.URL); err != nil || u.Scheme != "https" || u.Host == "" {
				bad("quirk %s: url %q must be an https URL", q.ID, q.URL)
			}
		}
	}
	for i, n := range p.Notes {
		if !checkText(n, strict) {
			bad("note %d needs English and Chinese text", i)
		}
	}
	switch p.Confidence {
	case "A", "B", "C":
	case "":
		if strict {
			bad("confidence missing (A, B or C)")
		}
	default:
		bad("confidence %q unknown (A, B or C)", p.Confidence)
	}
	for _, d := range []struct{ name, v string }{{"verified", p.Verified}, {"closed", p.Closed}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d.v); err != nil {
			bad("%s date %q is not YYYY-MM-DD", d.name, d.v)
		}
	}
	if strict && (len(p.Sources) == 0 || p.Verified == "") {
		bad("sources and verified date required")
	}
	return errors.Join(errs...)
}

// checkUnique rejects keys, names, domains and MX patterns claimed by two providers, since a
// lookup must have one answer.
func checkUnique(list []*Provider) error {
	var errs []error
	keys := map[string]string{}
	names := map[string]string{}
	domains := map[string]string{}
	mx := map[string]string{}
	for _, p := range list {
		if o, dup := keys[p.Key]; dup {
			errs = append(errs, fmt.Errorf("provider key %q used twice (%s)", p.Key, o))
		}
		keys[p.Key] = p.Key
		for _, n := range p.names() {
			k := normName(n)
			if o, dup := names[k]; dup && o != p.Key && k != "" {
				errs = append(errs, fmt.Errorf("name or alias %q of %s already belongs to %s", n, p.Key, o))
			}
			names[k] = p.Key
		}
		for _, d := range p.Domains {
			if o, dup := domains[d]; dup && o != p.Key {
				errs = append(errs, fmt.Errorf("domain %q of %s already belongs to %s", d, p.Key, o))
			}
			domains[d] = p.Key
		}
		for _, m := range p.MX {
			if o, dup := mx[m]; dup && o != p.Key {
				errs = append(errs, fmt.Errorf("MX pattern %q of %s already belongs to %s", m, p.Key, o))
			}
			mx[m] = p.Key
		}
	}
	// A name spelled like another provider's domain would make Lookup's answer depend on order.
	for _, p := range list {
		for _, n := range p.names() {
			if o, ok := domains[normName(n)]; ok && o != p.Key {
				errs = append(errs, fmt.Errorf("name %q of %s is a domain of %s", n, p.Key, o))
			}
		}
	}
	return errors.Join(errs...)
}
