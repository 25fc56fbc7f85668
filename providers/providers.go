// Package providers knows how mail providers want clients to connect: an embedded database of
// our own researched entries (providers.json) plus discovery for domains it does not list (MX
// hosting inference, RFC 6186 SRV, Thunderbird autoconfig, guessing).
package providers

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/mailcheck/mailcheck/probes/findings"

	"golang.org/x/net/idna"
	"golang.org/x/text/width"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/oauth"
)

//go:embed providers.json
var builtinJSON []byte

// Username is the login-name form a provider expects: the engine's own type.
type Username = probes.UsernameForm

// The two forms, under the names the data file's readers know.
const (
	UserAddress = probes.FormAddress // the full address ("alice@qq.com")
	UserLocal   = probes.FormLocal   // the part before "@" ("alice")
)

// Auth is what a client must present as its password: the engine's own type, so the data
// and the prober cannot disagree on a spelling.
type Auth = probes.AuthKind

// Status says whether a provider still runs the service.
type Status string

const (
	// Active is a running service whose settings we believe.
	Active Status = "active"
	// Closed is a discontinued service; Successor names where users went.
	Closed Status = "closed"
	// Unverified is an entry from weak sources: use it, but keep discovering.
	Unverified Status = "unverified"
)

// Quirk IDs that code may branch on; the file may use others in the same style.
const (
	QuirkEnableService  = "enable-service"     // POP3/IMAP/SMTP must be switched on in web settings
	QuirkAuthCode       = "authorization-code" // generate a 授权码 and use it instead of the password
	QuirkAppPassword    = "app-password"       // generate an app password (needs 2-step verification)
	QuirkOAuthOnly      = "oauth-only"         // passwords are refused; OAuth2 only
	QuirkIMAPID         = "imap-id"            // RFC 2971 ID must be sent after LOGIN (NetEase "Unsafe Login")
	QuirkSMTPAuthTenant = "smtp-auth-tenant"   // Microsoft 365 SMTP AUTH switch per tenant/mailbox
	QuirkAdminAllow     = "admin-allow"        // an administrator must allow client access
	QuirkSenderMatch    = "sender-must-match"  // the envelope sender must equal the login
	QuirkClosed         = "closed"             // the service no longer exists
)

// Server is one endpoint as stored in the file.
type Server struct {
	Proto    probes.Proto    `json:"proto"`
	Host     string          `json:"host"`
	Port     int             `json:"port"`
	Security probes.Security `json:"security"`
	// Username overrides Provider.Username for this server (iCloud IMAP wants the local part).
	Username Username `json:"username,omitempty"`
	// Alt marks a fallback (overseas node, legacy host): listed, but not probed by default.
	Alt  bool           `json:"alt,omitempty"`
	Note *findings.Text `json:"note,omitempty"`
}

// Quirk is something a user must do or know before a client works, with where to do it.
type Quirk struct {
	ID   string        `json:"id"`
	Text findings.Text `json:"text"`
	// Fix says where to click, in both languages.
	Fix findings.Text `json:"fix"`
	URL string        `json:"url,omitempty"`
}

// Provider is one entry of the database; it mirrors providers.json.
type Provider struct {
	Key  string        `json:"key"`
	Name findings.Text `json:"name"`
	// Family is the key of an entry whose login rules and fixes this one shares (188 → 163).
	Family  string   `json:"family,omitempty"`
	Aliases []string `json:"aliases,omitempty"`
	// Domains are address domains; "*.example.com" matches every subdomain.
	Domains []string `json:"domains,omitempty"`
	// MX are host patterns of the provider's inbound servers ("*.qq.com", "163mx*.mxmail.netease.com");
	// "*" matches any characters, and the pattern with the most literal characters wins.
	MX       []string        `json:"mx,omitempty"`
	Servers  []Server        `json:"endpoints,omitempty"`
	Username Username        `json:"username,omitempty"`
	Auth     Auth            `json:"auth,omitempty"`
	Quirks   []Quirk         `json:"quirks,omitempty"`
	Notes    []findings.Text `json:"notes,omitempty"`
	// Hints let pasted text name this provider: hosts that are not address domains, brand
	// labels under any country suffix, wording only its servers use, MX host patterns.
	Hints *Hints `json:"hints,omitempty"`
	// Fixes are this provider's own fixes, by finding code, in place of the catalogue's.
	Fixes map[findings.Code]findings.Text `json:"fixes,omitempty"`
	// Sources are keys of reference/providers.md §0 (S1…S27) or https URLs of public pages.
	Sources []string `json:"sources,omitempty"`
	// Verified is the date (YYYY-MM-DD) the entry was last checked against its sources.
	Verified   string `json:"verified,omitempty"`
	Status     Status `json:"status"`
	Closed     string `json:"closed,omitempty"` // date the service ended
	Successor  string `json:"successor,omitempty"`
	Confidence string `json:"confidence,omitempty"` // A official/ISPDB, B several databases agree, C single source
	// OAuth names the profile (oauth_profiles) of what the provider's OAuth2 tokens carry.
	OAuth string `json:"oauth,omitempty"`
	// AutodiscoverV2 is the provider's unauthenticated Autodiscover v2 base URL: asked
	// BASE/ADDRESS?Protocol=AutodiscoverV1, 200 means the mailbox is the provider's.
	AutodiscoverV2 string `json:"autodiscover_v2,omitempty"`
	oauth          *oauth.Profile
	// fromFile: the entry comes from a --providers or user-config file (Merge), so its
	// endpoints say "file:KEY", not "builtin:KEY".
	fromFile bool
}

// Endpoints returns the primary endpoints in the order a client should try them, with Source
// "builtin:KEY" ("file:KEY" for an entry from a providers file).
func (p *Provider) Endpoints() []probes.Endpoint { return p.endpoints(p.source(), false) }

// AltEndpoints returns the fallback endpoints (overseas nodes, legacy hosts), marked Alt so a
// report can tell them from the primary ones. They are shown with the settings but not probed.
func (p *Provider) AltEndpoints() []probes.Endpoint {
	return p.endpoints(p.source(), true)
}

func (p *Provider) source() string {
	if p.fromFile {
		return "file:" + p.Key
	}
	return "builtin:" + p.Key
}

// AltNotes describes the alternative endpoints that carry a note, one line per note text:
// "Alternative servers hwimap.exmail.qq.com:993, hwsmtp.exmail.qq.com:465: overseas node.".
func (p *Provider) AltNotes() []findings.Text {
	var out []findings.Text
	idx := map[findings.Text]int{}
	var hosts [][]string
	for _, s := range p.Servers {
		if !s.Alt || s.Note == nil {
			continue
		}
		i, ok := idx[*s.Note]
		if !ok {
			i = len(out)
			idx[*s.Note] = i
			out = append(out, *s.Note)
			hosts = append(hosts, nil)
		}
		hosts[i] = append(hosts[i], fmt.Sprintf("%s:%d", s.Host, s.Port))
	}
	for i, n := range out {
		en, zh := n.EN, n.ZH
		if en == "" {
			en = zh
		}
		if zh == "" {
			zh = en
		}
		out[i] = findings.Text{
			EN: fmt.Sprintf("Alternative servers %s: %s.", strings.Join(hosts[i], ", "), en),
			ZH: fmt.Sprintf("备用服务器 %s：%s。", strings.Join(hosts[i], "、"), zh),
		}
	}
	return out
}

func (p *Provider) endpoints(source string, alt bool) []probes.Endpoint {
	var out []probes.Endpoint
	for _, s := range p.Servers {
		if s.Alt == alt {
			out = append(out, probes.Endpoint{Proto: s.Proto, Host: s.Host, Port: s.Port, Security: s.Security, Source: source, Alt: alt,
				Trust: probes.TrustDB})
		}
	}
	return out
}

// Form returns the login-name form proto wants, honouring per-server overrides.
func (p *Provider) Form(proto probes.Proto) Username {
	for _, s := range p.Servers {
		if s.Proto == proto && !s.Alt && s.Username != "" {
			return s.Username
		}
	}
	if p.Username == "" {
		return UserAddress
	}
	return p.Username
}

// Login returns the login name for proto given an address's parts, honouring per-server overrides.
func (p *Provider) Login(proto probes.Proto, local, domain string) string {
	if p.Form(proto) == UserLocal {
		return local
	}
	return local + "@" + domain
}

// Quirk returns the quirk with id, if the provider has it.
func (p *Provider) Quirk(id string) (Quirk, bool) {
	for _, q := range p.Quirks {
		if q.ID == id {
			return q, true
		}
	}
	return Quirk{}, false
}

// DB is a set of providers with lookup indexes; it is read-only once built.
type DB struct {
	list    []*Provider
	names   map[string]*Provider // normalized key, alias and names
	domains map[string]*Provider // exact domains
	wild    []wildDomain         // "*.x" domains, longest first

	hintsOnce sync.Once
	hints     *findings.Hints
}

type wildDomain struct {
	suffix string // ".x"
	p      *Provider
}

type file struct {
	Version int `json:"version"`
	// OAuthProfiles are what each provider family's OAuth2 tokens carry, by name; a provider
	// names its profile in "oauth".
	OAuthProfiles map[string]*oauth.Profile `json:"oauth_profiles,omitempty"`
	Providers     []*Provider               `json:"providers"`
}

// builtinProfiles are the built-in file's OAuth2 profiles, which a company file may name too.
var builtinProfiles = sync.OnceValue(func() map[string]*oauth.Profile {
	var f struct {
		OAuthProfiles map[string]*oauth.Profile `json:"oauth_profiles"`
	}
	json.Unmarshal(builtinJSON, &f)
	return f.OAuthProfiles
})

var builtin = sync.OnceValues(func() (*DB, error) { return Load(bytes.NewReader(builtinJSON)) })

// Builtin returns the embedded database, parsed once. A broken file (caught by the tests)
// yields an empty database rather than a panic.
func Builtin() *DB {
	db, err := builtin()
	if err != nil {
		return newDB(nil, nil)
	}
	return db
}

// MaxFile bounds a provider file (--providers, the config-dir file); ours is ~60 KiB.
const MaxFile = 8 << 20

// Load reads a provider file (the schema of providers.json), as used by --providers FILE and
// the user config file. It checks each entry's structure; Validate adds the cross-entry and
// bilingual rules the built-in file must meet.
func Load(r io.Reader) (*DB, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFile+1))
	if err != nil {
		return nil, fmt.Errorf("read provider file: %w", err)
	}
	if len(data) > MaxFile {
		return nil, fmt.Errorf("provider file larger than %d bytes", MaxFile)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields() // a misspelt field in a company file should not be silently ignored
	var f file
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("parse provider file: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("parse provider file: trailing data after the JSON object")
	}
	if f.Version != 1 {
		return nil, fmt.Errorf("provider file: version %d not supported (want 1)", f.Version)
	}
	for i, p := range f.Providers {
		if p == nil {
			return nil, fmt.Errorf("provider file: entry %d is null", i)
		}
		if p.OAuth != "" {
			if p.oauth = f.OAuthProfiles[p.OAuth]; p.oauth == nil {
				p.oauth = builtinProfiles()[p.OAuth]
			}
			if p.oauth == nil {
				return nil, fmt.Errorf("provider %s: oauth profile %q is not in the file's oauth_profiles", p.Key, p.OAuth)
			}
		}
		normalizeProvider(p)
		if err := checkEntry(p, false); err != nil {
			return nil, err
		}
	}
	db := newDB(f.Providers, nil)
	if err := checkUnique(db.list); err != nil {
		return nil, summarize(err)
	}
	return db, nil
}

// normalizeProvider lower-cases the fields matched case-insensitively so lookups stay simple.
func normalizeProvider(p *Provider) {
	p.Key = strings.TrimSpace(p.Key)
	for i, d := range p.Domains {
		p.Domains[i] = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(d), "."))
	}
	for i, m := range p.MX {
		p.MX[i] = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(m), "."))
	}
	for i := range p.Servers {
		p.Servers[i].Host = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(p.Servers[i].Host), "."))
	}
}

// newDB indexes list. Entries in preferred are indexed first, so after a merge a company
// alias wins over a built-in name spelled the same way.
func newDB(list []*Provider, preferred map[*Provider]bool) *DB {
	db := &DB{list: list, names: map[string]*Provider{}, domains: map[string]*Provider{}}
	order := make([]*Provider, 0, len(list))
	for _, pass := range []bool{true, false} {
		for _, p := range list {
			if preferred[p] == pass {
				order = append(order, p)
			}
		}
	}
	for _, p := range order {
		for _, n := range p.names() {
			if k := normName(n); k != "" {
				if _, dup := db.names[k]; !dup {
					db.names[k] = p
				}
			}
		}
		for _, d := range p.Domains {
			if s, ok := strings.CutPrefix(d, "*."); ok {
				db.wild = append(db.wild, wildDomain{"." + s, p})
			} else if _, dup := db.domains[d]; !dup {
				db.domains[d] = p
			}
		}
	}
	sort.SliceStable(db.wild, func(i, j int) bool { return len(db.wild[i].suffix) > len(db.wild[j].suffix) })
	return db
}

// names is everything Lookup matches by name: key, both names, aliases.
func (p *Provider) names() []string {
	return append([]string{p.Key, p.Name.EN, p.Name.ZH}, p.Aliases...)
}

// normName folds case, full-width forms (ＱＱ邮箱) and inner spacing so "QQ Mail", "qqmail" and
// "ｑｑ mail" meet.
func normName(s string) string {
	s = strings.ToLower(width.Fold.String(strings.TrimSpace(s)))
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '-', '_', '\u3000':
			return -1
		}
		return r
	}, s)
}

// Merge returns a database with other's entries added; an entry with the same key replaces ours
// in place, and domains, aliases and MX patterns other claims are taken from our entries, so a
// company file can re-point a domain without duplicates.
func (db *DB) Merge(other *DB) *DB {
	if other == nil || len(other.list) == 0 {
		return db
	}
	taken := map[string]bool{}
	for _, p := range other.list {
		for _, n := range p.names() {
			taken["n:"+normName(n)] = true
		}
		for _, d := range p.Domains {
			taken["d:"+d] = true
		}
		for _, m := range p.MX {
			taken["m:"+m] = true
		}
	}
	keep := func(prefix string, in []string, norm func(string) string) []string {
		var out []string
		for _, s := range in {
			if !taken[prefix+norm(s)] {
				out = append(out, s)
			}
		}
		return out
	}
	same := func(s string) string { return s }
	byKey := map[string]*Provider{}
	for _, p := range other.list {
		p.fromFile = true
		byKey[p.Key] = p
	}
	var list []*Provider
	preferred := map[*Provider]bool{}
	for _, p := range other.list {
		preferred[p] = true
	}
	for _, p := range db.list {
		if o, ok := byKey[p.Key]; ok {
			list = append(list, o)
			delete(byKey, p.Key)
			continue
		}
		c := *p
		c.Aliases = keep("n:", p.Aliases, normName)
		c.Domains = keep("d:", p.Domains, same)
		c.MX = keep("m:", p.MX, same)
		list = append(list, &c)
	}
	for _, p := range other.list {
		if _, ok := byKey[p.Key]; ok {
			list = append(list, p)
		}
	}
	return newDB(list, preferred)
}

// All returns every provider in file order (built-in first, then added company entries).
func (db *DB) All() []*Provider { return append([]*Provider(nil), db.list...) }

// Lookup finds a provider by key, English or Chinese name, alias, domain or address
// ("qq", "QQ邮箱", "网易", "yahoo.com.cn", "user@qq.com"), ignoring case and spacing.
func (db *DB) Lookup(name string) (*Provider, bool) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, false
	}
	if i := strings.LastIndexAny(name, "@＠"); i >= 0 {
		_, size := utf8.DecodeRuneInString(name[i:])
		return db.ByDomain(name[i+size:])
	}
	n := normName(name)
	if p, ok := db.names[n]; ok {
		return p, true
	}
	if p, ok := db.ByDomain(name); ok {
		return p, true
	}
	// "Outlook邮箱", "icloudmail": a known name with a generic "mailbox" word after it.
	for _, suffix := range []string{"邮箱", "邮件", "email", "mail"} {
		if base, ok := strings.CutSuffix(n, suffix); ok && base != "" {
			if p, ok := db.names[base]; ok {
				return p, true
			}
		}
	}
	return nil, false
}

// ByKey returns the provider with exactly this key (a closed entry's Successor, say).
func (db *DB) ByKey(key string) (*Provider, bool) { return db.byKey(key) }

// ByDomain finds the provider for an address domain (Unicode or punycode); "*.x" entries match
// subdomains.
func (db *DB) ByDomain(domain string) (*Provider, bool) {
	d := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(domain), "."))
	if a, err := idna.Lookup.ToASCII(d); err == nil {
		d = a
	}
	if d == "" {
		return nil, false
	}
	if p, ok := db.domains[d]; ok {
		return p, true
	}
	for _, w := range db.wild {
		if strings.HasSuffix(d, w.suffix) {
			return w.p, true
		}
	}
	return nil, false
}

// ByMX finds the provider hosting a domain from one of its MX hosts. When several patterns
// match, the most specific (most literal characters) wins: mxbiz1.qq.com is Exmail, not QQ.
func (db *DB) ByMX(mxHost string) (*Provider, bool) {
	h := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(mxHost), "."))
	if h == "" {
		return nil, false
	}
	var best *Provider
	bestScore := -1
	for _, p := range db.list {
		for _, m := range p.MX {
			if ok, _ := path.Match(m, h); ok {
				if s := len(m) - strings.Count(m, "*"); s > bestScore {
					best, bestScore = p, s
				}
			}
		}
	}
	return best, best != nil
}

// Suggest returns up to n names (keys, aliases, domains) close to name, one per provider, for
// "unknown provider: did you mean …" messages. A name one edit away ("gmail" for gmial), that
// starts the query or that the query starts ("yahoo" for yahoo.co.jp, "腾讯邮箱" for 腾讯) ranks
// first; then one found inside the query or containing it; then names within a small edit
// distance. The distance allowed grows with the query, but a query under four runes gets one
// edit: two Chinese characters are two edits from every other two-character name.
func (db *DB) Suggest(name string, n int) []string {
	q := normName(name)
	if i := strings.LastIndexAny(q, "@＠"); i >= 0 {
		q = q[i+1:]
	}
	if q == "" || n <= 0 {
		return nil
	}
	qn := utf8.RuneCountInString(q)
	limit := max(2, qn/3)
	if qn < 4 {
		limit = 1
	}
	type cand struct {
		s     string
		tier  int // 0 one edit or a prefix, 1 a substring, 2 within the edit limit
		score int // the edit distance, or the length difference for a prefix or substring
		rank  int
	}
	better := func(a, b cand) bool {
		if a.tier != b.tier {
			return a.tier < b.tier
		}
		if a.score != b.score {
			return a.score < b.score
		}
		return a.rank < b.rank
	}
	best := map[*Provider]cand{}
	for rank, p := range db.list {
		for _, s := range append(p.names(), p.Domains...) {
			if strings.HasPrefix(s, "*.") {
				continue
			}
			c := normName(s)
			cn := utf8.RuneCountInString(c)
			if c == "" {
				continue
			}
			diff := max(cn-qn, qn-cn)
			d := osaDistance(q, c)
			k := cand{s: s, rank: rank}
			switch {
			case d <= 1: // one slip ("gmial", "163.con") is as good as a prefix
				k.tier, k.score = 0, d
			case min(cn, qn) >= 2 && (strings.HasPrefix(c, q) || strings.HasPrefix(q, c)):
				k.tier, k.score = 0, diff
			case min(cn, qn) >= 2 && (strings.Contains(c, q) || strings.Contains(q, c)):
				k.tier, k.score = 1, diff
			case d <= limit:
				k.tier, k.score = 2, d
			default:
				continue
			}
			if b, ok := best[p]; !ok || better(k, b) {
				best[p] = k
			}
		}
	}
	cs := make([]cand, 0, len(best))
	for _, c := range best {
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool { return better(cs[i], cs[j]) })
	var out []string
	for _, c := range cs {
		if len(out) == n {
			break
		}
		out = append(out, c.s)
	}
	return out
}

// osaDistance is the optimal-string-alignment edit distance over runes: a swapped pair of
// letters ("gmial") costs one edit, the commonest typing slip.
func osaDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// ConfigPath returns the user's provider file, $XDG_CONFIG_HOME/mailcheck/providers.json
// (os.UserConfigDir), or "" when there is no config dir.
func ConfigPath() string {
	dir, err := os.UserConfigDir()
	if err != nil || dir == "" {
		return ""
	}
	return filepath.Join(dir, "mailcheck", "providers.json")
}
