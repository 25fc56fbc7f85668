package providers

import (
	"errors"
	"fmt"
	"maps"
	"net"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/mailcheck/mailcheck/probes"
)

var (
	keyRE   = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]*$`)
	hostRE  = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$`)
	mxRE    = regexp.MustCompile(`^[a-z0-9*]([a-z0-9*.-]*[a-z0-9])?$`)
	quirkRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	labelRE = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)
	// mxPrefixRE is a hint's "PREFIX*SUFFIX": a first-label prefix, one '*', a domain suffix.
	mxPrefixRE = regexp.MustCompile(`^([a-z0-9][a-z0-9-]*)\*\.(.+)$`)
)

// Validate checks what the built-in file promises: every entry well-formed with both languages,
// ports 1..65535, known protocols and security, endpoints in client order, no domain, name, MX
// pattern or hint claimed by two providers, closed entries naming an existing successor, every
// active entry with at least one endpoint, families that name an entry without going round in
// a circle, and fixes for catalogue codes with real Chinese text.
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
		if err := db.checkFamily(p); err != nil {
			errs = append(errs, err)
		}
	}
	if err := checkUnique(db.list); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// checkFamily requires p's family to name another entry, and following families from p to end
// rather than come back round (Facts would stop at the loop, with an arbitrary set of fixes).
// Only the built-in file is checked: a company entry may name a built-in family.
func (db *DB) checkFamily(p *Provider) error {
	if p.Family == "" || p.Family == p.Key {
		return nil // no family, or itself (checkEntry says so)
	}
	seen := []string{p.Key}
	for q := p; q.Family != ""; {
		next, ok := db.byKey(q.Family)
		if !ok {
			return fmt.Errorf("provider %s: family %q is not in the database", q.Key, q.Family)
		}
		if slices.Contains(seen, next.Key) {
			if next.Key != p.Key {
				return nil // a loop further on, reported for the entries on it
			}
			return fmt.Errorf("provider %s: families go round in a circle: %s → %s", p.Key, strings.Join(seen, " → "), next.Key)
		}
		seen = append(seen, next.Key)
		q = next
	}
	return nil
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
	if p.Family != "" && !keyRE.MatchString(p.Family) {
		bad("family %q is not a provider key", p.Family)
	}
	if p.AutodiscoverV2 != "" {
		// It is sent the user's address: HTTPS only, like every discovery fetch.
		if u, err := url.Parse(p.AutodiscoverV2); err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil || u.RawQuery != "" {
			bad("autodiscover_v2 %q: want an https:// base URL without query", truncate(p.AutodiscoverV2, 80))
		}
	}
	if p.Family == p.Key && p.Key != "" {
		bad("family is itself")
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
	checkHints(p.Hints, bad)
	for _, code := range slices.Sorted(maps.Keys(p.Fixes)) {
		t := p.Fixes[code]
		if _, ok := findings.Lookup(code); !ok {
			bad("fix for %q: not a finding code of the catalogue", code)
		}
		if !checkText(t, strict) {
			bad("fix for %s needs English and Chinese text", code)
		} else if strict && !hasHan(t.ZH) {
			bad("fix for %s: the Chinese text has no Chinese in it", code)
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

// hasHan reports whether s has a Chinese character: a "zh" text without one was pasted in English.
func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// checkHints checks an entry's hints on their own: the matcher lower-cases the text and
// splits it into domain names and labels, so a hint that is not lower case, not a name, or not
// one label would never match.
func checkHints(h *Hints, bad func(format string, a ...any)) {
	if h == nil {
		return
	}
	for _, d := range h.Domains {
		switch {
		case d != strings.ToLower(d):
			bad("hint domain %q must be lower case", d)
		case !hostRE.MatchString(d):
			bad("hint domain %q is not an ASCII (punycode) domain name", d)
		}
	}
	for _, b := range h.Brands {
		switch {
		case b != strings.ToLower(b):
			bad("hint brand %q must be lower case", b)
		case !labelRE.MatchString(b):
			bad("hint brand %q is not a single domain label (letters, digits, '-')", b)
		}
	}
	for _, w := range h.Wording {
		switch {
		case strings.TrimSpace(w) == "":
			bad("hint wording is empty")
		case w != strings.ToLower(w):
			bad("hint wording %q must be lower case", w)
		}
	}
	for _, m := range h.MXPrefixes {
		sub := mxPrefixRE.FindStringSubmatch(m)
		if strings.Count(m, "*") != 1 || sub == nil || !hostRE.MatchString(sub[2]) {
			bad("hint MX prefix %q must be PREFIX*.DOMAIN: a non-empty lower-case prefix, one '*', then '.' and a domain", m)
		}
	}
}

// checkUnique rejects keys, names, domains, MX patterns and hints claimed by two providers,
// since a lookup must have one answer.
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
	errs = append(errs, checkUniqueHints(list, domains)...)
	return errors.Join(errs...)
}

// checkUniqueHints rejects hints that would give the matcher two answers: a hint domain that is
// an address domain (that one always wins, so the hint is dead or wrong), or a hint domain,
// brand, MX prefix or wording phrase of two entries. A phrase inside another entry's phrase is
// claimed by both, since the matcher looks for phrases anywhere in the text. domains maps each
// address domain to its entry.
func checkUniqueHints(list []*Provider, domains map[string]string) []error {
	var errs []error
	address := map[string]string{}
	for d, key := range domains {
		address[strings.TrimPrefix(d, "*.")] = key
	}
	type claim struct{ kind, v, key string }
	var claims, wording []claim
	for _, p := range list {
		if p.Hints == nil {
			continue
		}
		for _, d := range p.Hints.Domains {
			switch o, ok := address[d]; {
			case ok && o == p.Key:
				errs = append(errs, fmt.Errorf("provider %s: hint domain %q is already its address domain", p.Key, d))
			case ok:
				errs = append(errs, fmt.Errorf("provider %s: hint domain %q is an address domain of %s", p.Key, d, o))
			}
			claims = append(claims, claim{"hint domain", d, p.Key})
		}
		for _, b := range p.Hints.Brands {
			claims = append(claims, claim{"hint brand", b, p.Key})
		}
		for _, m := range p.Hints.MXPrefixes {
			claims = append(claims, claim{"hint MX prefix", m, p.Key})
		}
		for _, w := range p.Hints.Wording {
			claims = append(claims, claim{"hint wording", w, p.Key})
			wording = append(wording, claim{"hint wording", w, p.Key})
		}
	}
	owner := map[[2]string]string{}
	for _, c := range claims {
		k := [2]string{c.kind, c.v}
		if o, dup := owner[k]; dup && o != c.key {
			errs = append(errs, fmt.Errorf("%s %q of %s already belongs to %s", c.kind, c.v, c.key, o))
			continue
		}
		owner[k] = c.key
	}
	for _, a := range wording {
		for _, b := range wording {
			if a.key != b.key && a.v != b.v && strings.TrimSpace(b.v) != "" && strings.Contains(a.v, b.v) {
				errs = append(errs, fmt.Errorf("hint wording %q of %s contains %q of %s", a.v, a.key, b.v, b.key))
			}
		}
	}
	return errs
}

// MaxListedErrors bounds the problems of a provider file listed at once: a file with
// thousands of duplicate names gets the first ones and a count, not thousands of lines.
const MaxListedErrors = 20

// summarize lists at most MaxListedErrors of err's problems (errors.Join, nested too), then
// "… and K more".
func summarize(err error) error {
	errs := flattenErrors(err)
	if len(errs) <= MaxListedErrors {
		return err
	}
	return fmt.Errorf("%w\n… and %d more problems", errors.Join(errs[:MaxListedErrors]...), len(errs)-MaxListedErrors)
}

func flattenErrors(err error) []error {
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		if err == nil {
			return nil
		}
		return []error{err}
	}
	var out []error
	for _, e := range j.Unwrap() {
		out = append(out, flattenErrors(e)...)
	}
	return out
}
