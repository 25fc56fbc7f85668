package providers

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/probes"
)

// requiredKeys are the entries the issue promises, with exactly these keys.
var requiredKeys = []string{"qq", "exmail", "163", "126", "yeah", "188", "netease", "netease-qiye",
	"sina", "sina-vip", "sina-qiye", "sohu", "139", "189", "aliyun", "aliyun-qiye", "tom", "yahoo-cn",
	"gmail", "google-workspace", "outlook", "microsoft365", "yahoo", "aol", "icloud", "yandex",
	"mail.ru", "gmx", "zoho"}

func TestBuiltinValid(t *testing.T) {
	if _, err := builtin(); err != nil {
		t.Fatalf("embedded providers.json does not load: %v", err)
	}
	db := Builtin()
	if err := Validate(db); err != nil {
		t.Fatalf("Validate(Builtin()) = %v", err)
	}
	for _, k := range requiredKeys {
		if _, ok := db.byKey(k); !ok {
			t.Errorf("required provider %q missing", k)
		}
	}
	// Sources name reference/providers.md §0, or are the https URL of the public page an entry
	// added later was taken from (its date is the entry's "verified").
	srcRE := regexp.MustCompile(`^S([1-9]|1[0-9]|2[0-7])[a-c]?$`)
	for _, p := range db.All() {
		for _, s := range p.Sources {
			if !srcRE.MatchString(s) && !strings.HasPrefix(s, "https://") {
				t.Errorf("%s: source %q is not a providers.md key", p.Key, s)
			}
		}
		if p.Name.EN == "" || p.Name.ZH == "" {
			t.Errorf("%s: name needs both languages", p.Key)
		}
		for _, q := range p.Quirks {
			if q.Text.EN == "" || q.Text.ZH == "" || q.Fix.EN == "" || q.Fix.ZH == "" {
				t.Errorf("%s: quirk %s lacks a language", p.Key, q.ID)
			}
		}
	}
	if got := len(db.All()); got < len(requiredKeys) {
		t.Errorf("len(All()) = %d, want >= %d", got, len(requiredKeys))
	}
}

func TestYahooChinaClosed(t *testing.T) {
	db := Builtin()
	for _, in := range []string{"yahoo.com.cn", "yahoo.cn", "someone@yahoo.com.cn"} {
		p, ok := db.Lookup(in)
		if !ok {
			t.Fatalf("Lookup(%q) found nothing", in)
		}
		if p.Status != Closed || p.Successor != "aliyun" || p.Closed == "" {
			t.Errorf("Lookup(%q) = status %s successor %q closed %q, want closed → aliyun with a date", in, p.Status, p.Successor, p.Closed)
		}
		if len(p.Endpoints()) != 0 {
			t.Errorf("%s: closed entry lists endpoints %v", p.Key, p.Endpoints())
		}
		if _, ok := p.Quirk(QuirkClosed); !ok {
			t.Errorf("%s: no %q quirk telling the user", p.Key, QuirkClosed)
		}
		if s, ok := db.Lookup(p.Successor); !ok || s.Status != Active {
			t.Errorf("successor %q not an active entry", p.Successor)
		}
	}
}

func TestByMX(t *testing.T) {
	db := Builtin()
	tests := []struct{ mx, want string }{
		{"aspmx.l.google.com.", "google-workspace"},
		{"ALT1.ASPMX.L.GOOGLE.COM", "google-workspace"},
		{"aspmx2.googlemail.com", "google-workspace"},
		{"smtp.google.com", "google-workspace"},
		{"gmail-smtp-in.l.google.com", "gmail"},
		{"alt2.gmail-smtp-in.l.google.com", "gmail"},
		{"contoso-com.mail.protection.outlook.com", "microsoft365"},
		{"contoso-com.l-v1.mx.microsoft", "microsoft365"},
		{"eur.olc.protection.outlook.com", "outlook"},
		{"mx1.qq.com", "qq"},
		{"mxbiz1.qq.com", "exmail"},
		{"mx.exmail.qq.com", "exmail"},
		{"163mx01.mxmail.netease.com", "163"},
		{"126mx00.mxmail.netease.com", "126"},
		{"qiye163mx01.mxmail.netease.com", "netease-qiye"},
		{"vip163mx01.mxmail.netease.com", "vip163"},
		{"mxw.mxhichina.com", "aliyun-qiye"},
		{"mx1.qiye.aliyun.com", "aliyun-qiye"},
		{"mx1.mail.aliyun.com", "aliyun"},
		{"mx.zoho.com", "zoho"},
		{"mx.zoho.eu", "zoho-eu"},
		{"mta5.am0.yahoodns.net", "yahoo"},
		{"mx-aol.mail.gm0.yahoodns.net", "aol"},
		{"mx01.mail.icloud.com", "icloud"},
		{"mx.yandex.net", "yandex"},
		{"mxs.mail.ru", "mail.ru"},
		{"freemx1.sinamail.sina.com.cn", "sina"},
		{"mx.sinanet.com", "sina-qiye"},
		{"sohumx1.sohu.com", "sohu"},
		{"mx1.mail.139.com", "139"},
		{"mx1.hostinger.com", "hostinger"},
	}
	for _, tt := range tests {
		p, ok := db.ByMX(tt.mx)
		if !ok || p.Key != tt.want {
			got := "<none>"
			if p != nil {
				got = p.Key
			}
			t.Errorf("ByMX(%q) = %s, want %s", tt.mx, got, tt.want)
		}
	}
	for _, mx := range []string{"", ".", "mx.example.com", "google.com.evil.test", "notqq.com"} {
		if p, ok := db.ByMX(mx); ok {
			t.Errorf("ByMX(%q) = %s, want none", mx, p.Key)
		}
	}
}

func TestEndpointsOrderAndSource(t *testing.T) {
	db := Builtin()
	qq, _ := db.Lookup("qq")
	want := []probes.Endpoint{
		{Proto: probes.IMAP, Host: "imap.qq.com", Port: 993, Security: probes.ImplicitTLS, Source: "builtin:qq", Trust: probes.TrustDB},
		{Proto: probes.POP3, Host: "pop.qq.com", Port: 995, Security: probes.ImplicitTLS, Source: "builtin:qq", Trust: probes.TrustDB},
		{Proto: probes.SMTP, Host: "smtp.qq.com", Port: 465, Security: probes.ImplicitTLS, Source: "builtin:qq", Trust: probes.TrustDB},
		{Proto: probes.SMTP, Host: "smtp.qq.com", Port: 587, Security: probes.STARTTLS, Source: "builtin:qq", Trust: probes.TrustDB},
	}
	if got := qq.Endpoints(); !slices.Equal(got, want) {
		t.Errorf("qq.Endpoints() = %v, want %v", got, want)
	}
	ex, _ := db.Lookup("exmail")
	for _, e := range ex.Endpoints() {
		if strings.HasPrefix(e.Host, "hw") {
			t.Errorf("exmail primary endpoints include overseas node %s", e.Host)
		}
	}
	if len(ex.AltEndpoints()) == 0 {
		t.Errorf("exmail has no alternate endpoints")
	}
	ic, _ := db.Lookup("icloud")
	if got := ic.Login(probes.IMAP, "alice", "icloud.com"); got != "alice" {
		t.Errorf("icloud IMAP login = %q, want local part", got)
	}
	if got := ic.Login(probes.SMTP, "alice", "icloud.com"); got != "alice@icloud.com" {
		t.Errorf("icloud SMTP login = %q, want the address", got)
	}
	for _, k := range []string{"163", "126", "yeah"} {
		p, _ := db.Lookup(k)
		if _, ok := p.Quirk(QuirkIMAPID); !ok {
			t.Errorf("%s: missing %s quirk", k, QuirkIMAPID)
		}
		if p.Auth != probes.AuthCode {
			t.Errorf("%s: auth = %s, want %s", k, p.Auth, probes.AuthCode)
		}
	}
	m, _ := db.Lookup("microsoft365")
	if _, ok := m.Quirk(QuirkSMTPAuthTenant); !ok || m.Auth != probes.AuthOAuthOnly {
		t.Errorf("microsoft365: want %s quirk and oauth-only", QuirkSMTPAuthTenant)
	}
}

const companyFile = `{
  "version": 1,
  "providers": [
    {
      "key": "acme",
      "name": {"en": "ACME Corp mail"},
      "aliases": ["acme mail"],
      "domains": ["acme.test", "foxmail.com"],
      "mx": ["*.mx.acme.test"],
      "endpoints": [
        {"proto": "imap", "host": "mail.acme.test", "port": 993, "security": "tls"},
        {"proto": "smtp", "host": "mail.acme.test", "port": 587, "security": "starttls"}
      ],
      "username": "local",
      "auth": "password",
      "notes": [{"en": "VPN required"}],
      "status": "active"
    },
    {
      "key": "gmail",
      "name": {"en": "Gmail via company proxy"},
      "domains": ["gmail.com"],
      "endpoints": [{"proto": "imap", "host": "imap-proxy.acme.test", "port": 993, "security": "tls"}],
      "username": "address",
      "auth": "password",
      "status": "active"
    }
  ]
}`

func TestLoadMerge(t *testing.T) {
	company, err := Load(strings.NewReader(companyFile))
	if err != nil {
		t.Fatalf("Load(company) = %v", err)
	}
	base := Builtin()
	db := base.Merge(company)
	if p, ok := db.Lookup("user@acme.test"); !ok || p.Key != "acme" {
		t.Errorf("merged Lookup(acme.test) = %v, want acme", p)
	}
	if p, ok := db.Lookup("acme mail"); !ok || p.Key != "acme" {
		t.Errorf("merged Lookup(acme mail) failed")
	}
	// The company took foxmail.com from qq; qq keeps its other domains.
	if p, _ := db.ByDomain("foxmail.com"); p == nil || p.Key != "acme" {
		t.Errorf("merged ByDomain(foxmail.com) = %v, want acme", p)
	}
	if p, _ := db.ByDomain("qq.com"); p == nil || p.Key != "qq" {
		t.Errorf("merged ByDomain(qq.com) = %v, want qq", p)
	}
	if p, _ := db.ByMX("a.mx.acme.test"); p == nil || p.Key != "acme" {
		t.Errorf("merged ByMX = %v, want acme", p)
	}
	// Same key replaces in place and keeps the built-in order.
	g, _ := db.Lookup("gmail")
	if g.Servers[0].Host != "imap-proxy.acme.test" {
		t.Errorf("gmail not overridden: %v", g.Servers)
	}
	if idx(db.All(), "gmail") != idx(base.All(), "gmail") {
		t.Errorf("overridden gmail moved from %d to %d", idx(base.All(), "gmail"), idx(db.All(), "gmail"))
	}
	if got, want := len(db.All()), len(base.All())+1; got != want {
		t.Errorf("len(merged) = %d, want %d", got, want)
	}
	if err := checkUnique(db.list); err != nil {
		t.Errorf("merged DB has duplicates: %v", err)
	}
	// The built-in DB is untouched.
	if p, _ := base.ByDomain("foxmail.com"); p == nil || p.Key != "qq" {
		t.Errorf("Merge modified the built-in DB")
	}
	if base.Merge(nil) != base {
		t.Errorf("Merge(nil) should return the receiver")
	}
	// A company alias spelled like a built-in name wins the lookup.
	corp, err := Load(strings.NewReader(`{"version":1,"providers":[{"key":"corp","name":{"en":"Corp"},"aliases":["QQ Mail"],
		"endpoints":[{"proto":"imap","host":"imap.corp.test","port":993,"security":"tls"}],"username":"address","auth":"password","status":"active"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := base.Merge(corp).Lookup("qq mail"); p == nil || p.Key != "corp" {
		t.Errorf("merged Lookup(qq mail) = %v, want corp", p)
	}
	// A company file with English only loads, but is not up to the built-in standard.
	if err := Validate(company); err == nil {
		t.Errorf("Validate(company with English only) = nil, want an error")
	}
}

func idx(list []*Provider, key string) int {
	for i, p := range list {
		if p.Key == key {
			return i
		}
	}
	return -1
}

func TestLoadErrors(t *testing.T) {
	entry := func(endpoint string) string {
		return `{"version":1,"providers":[{"key":"x","name":{"en":"X"},"domains":["x.test"],"endpoints":[` +
			endpoint + `],"username":"address","auth":"password","status":"active"}]}`
	}
	tests := []struct{ name, in, want string }{
		{"not json", `{`, "parse"},
		{"version", `{"version":2,"providers":[]}`, "version"},
		{"unknown field", `{"version":1,"providers":[{"key":"x","nmae":{}}]}`, "unknown field"},
		{"trailing", `{"version":1,"providers":[]} {}`, "trailing"},
		{"null entry", `{"version":1,"providers":[null]}`, "null"},
		{"port 0", entry(`{"proto":"imap","host":"a.x.test","port":0,"security":"tls"}`), "port"},
		{"port 70000", entry(`{"proto":"imap","host":"a.x.test","port":70000,"security":"tls"}`), "port"},
		{"security", entry(`{"proto":"imap","host":"a.x.test","port":993,"security":"ssl"}`), "security"},
		{"proto", entry(`{"proto":"jmap","host":"a.x.test","port":993,"security":"tls"}`), "proto"},
		{"host", entry(`{"proto":"imap","host":"bad host","port":993,"security":"tls"}`), "host"},
		{"no endpoint", `{"version":1,"providers":[{"key":"x","name":{"en":"X"},"username":"address","auth":"password","status":"active"}]}`, "endpoint"},
		{"status", `{"version":1,"providers":[{"key":"x","name":{"en":"X"},"status":"gone"}]}`, "status"},
		{"dup domain", `{"version":1,"providers":[
			{"key":"a","name":{"en":"A"},"domains":["d.test"],"endpoints":[{"proto":"imap","host":"i.d.test","port":993,"security":"tls"}],"username":"address","auth":"password","status":"active"},
			{"key":"b","name":{"en":"B"},"domains":["D.test"],"endpoints":[{"proto":"imap","host":"i.d.test","port":993,"security":"tls"}],"username":"address","auth":"password","status":"active"}]}`, "domain"},
		{"dup alias", `{"version":1,"providers":[
			{"key":"a","name":{"en":"A"},"aliases":["Same Name"],"endpoints":[{"proto":"imap","host":"i.d.test","port":993,"security":"tls"}],"username":"address","auth":"password","status":"active"},
			{"key":"b","name":{"en":"B"},"aliases":["same-name"],"endpoints":[{"proto":"imap","host":"i.d.test","port":993,"security":"tls"}],"username":"address","auth":"password","status":"active"}]}`, "alias"},
	}
	for _, tt := range tests {
		_, err := Load(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Load = %v, want error containing %q", tt.name, err, tt.want)
		}
	}
}

func TestConfigPath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("HOME", dir)
	got := ConfigPath()
	if !strings.HasSuffix(got, filepath.Join("mailcheck", "providers.json")) || !strings.HasPrefix(got, dir) {
		t.Errorf("ConfigPath() = %q, want under %s", got, dir)
	}
}
