package providers

import (
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// validEntry is a built-in-quality entry with a family-free key, every hint kind and a fix.
func validEntry(key string) *Provider {
	return &Provider{Key: key, Name: findings.Text{EN: strings.ToUpper(key), ZH: key + "邮箱"},
		Domains: []string{key + ".test"},
		Servers: []Server{{Proto: probes.IMAP, Host: "imap." + key + ".test", Port: 993, Security: probes.ImplicitTLS}},
		Hints: &Hints{Domains: []string{"mx." + key + "-host.test"}, Brands: []string{key + "brand"},
			Wording: []string{"only " + key + " says this"}, MXPrefixes: []string{key + "mx*.shared.test"}},
		Fixes:    map[findings.Code]findings.Text{findings.AuthFailed: {EN: "Use the " + key + " code.", ZH: "请使用" + key + "授权码。"}},
		Username: UserAddress, Auth: probes.AuthPassword, Status: Active, Sources: []string{"S1"}, Verified: "2026-01-01", Confidence: "A"}
}

// TestValidateNewFields: each rule for family, hints and fixes rejects an entry that breaks it,
// in a database of two otherwise valid entries, x and y.
func TestValidateNewFields(t *testing.T) {
	if err := Validate(newDB([]*Provider{validEntry("x"), validEntry("y")}, nil)); err != nil {
		t.Fatalf("Validate(valid x, y) = %v", err)
	}
	chain := func(x, y *Provider) { x.Family = "y" } // x → y is fine
	tests := []struct {
		name   string
		mutate func(x, y *Provider)
		want   string
	}{
		// fixes
		{"fix unknown code", func(x, _ *Provider) {
			x.Fixes["auth.no-such-code"] = findings.Text{EN: "a", ZH: "中文"}
		}, `fix for "auth.no-such-code": not a finding code`},
		{"fix empty code", func(x, _ *Provider) { x.Fixes[""] = findings.Text{EN: "a", ZH: "中文"} }, "not a finding code"},
		{"fix no zh", func(x, _ *Provider) { x.Fixes[findings.TLSRequired] = findings.Text{EN: "Use TLS."} }, "fix for tls.required needs English and Chinese"},
		{"fix no en", func(x, _ *Provider) { x.Fixes[findings.TLSRequired] = findings.Text{ZH: "请开启加密。"} }, "fix for tls.required needs English and Chinese"},
		{"fix blank zh", func(x, _ *Provider) { x.Fixes[findings.TLSRequired] = findings.Text{EN: "Use TLS.", ZH: "  "} }, "needs English and Chinese"},
		{"fix zh in English", func(x, _ *Provider) {
			x.Fixes[findings.TLSRequired] = findings.Text{EN: "Use TLS.", ZH: "Use TLS (port 993)."}
		}, "fix for tls.required: the Chinese text has no Chinese"},
		// family
		{"family unknown", func(x, _ *Provider) { x.Family = "nope" }, `provider x: family "nope" is not in the database`},
		{"family itself", func(x, _ *Provider) { x.Family = "x" }, "provider x: family is itself"},
		{"family not a key", func(x, _ *Provider) { x.Family = "Not A Key" }, "not a provider key"},
		{"family cycle", func(x, y *Provider) { x.Family, y.Family = "y", "x" }, "circle: x → y → x"},
		{"family cycle of y", func(x, y *Provider) { x.Family, y.Family = "y", "x" }, "circle: y → x → y"},
		{"family chain into a dead end", func(x, y *Provider) { x.Family, y.Family = "y", "gone" }, `provider y: family "gone"`},
		// hint domains
		{"hint domain upper case", func(x, _ *Provider) { x.Hints.Domains = []string{"MX.X-Host.test"} }, `hint domain "MX.X-Host.test" must be lower case`},
		{"hint domain not a name", func(x, _ *Provider) { x.Hints.Domains = []string{"mx x.test"} }, "not an ASCII (punycode) domain name"},
		{"hint domain one label", func(x, _ *Provider) { x.Hints.Domains = []string{"localhost"} }, "not an ASCII (punycode) domain name"},
		{"hint domain empty", func(x, _ *Provider) { x.Hints.Domains = []string{""} }, "not an ASCII (punycode) domain name"},
		{"hint domain trailing dot", func(x, _ *Provider) { x.Hints.Domains = []string{"mx.x-host.test."} }, "not an ASCII"},
		{"hint domain is another's address domain", func(x, _ *Provider) { x.Hints.Domains = []string{"y.test"} },
			`hint domain "y.test" is an address domain of y`},
		{"hint domain is another's wildcard domain", func(x, y *Provider) {
			y.Domains = []string{"*.y.test"}
			x.Hints.Domains = []string{"y.test"}
		}, `hint domain "y.test" is an address domain of y`},
		{"hint domain is its own address domain", func(x, _ *Provider) { x.Hints.Domains = []string{"x.test"} }, "already its address domain"},
		{"hint domain of two entries", func(x, y *Provider) {
			x.Hints.Domains, y.Hints.Domains = []string{"shared.test"}, []string{"shared.test"}
		},
			`hint domain "shared.test" of y already belongs to x`},
		// brands
		{"brand two labels", func(x, _ *Provider) { x.Hints.Brands = []string{"xbrand.co"} }, `hint brand "xbrand.co" is not a single domain label`},
		{"brand empty", func(x, _ *Provider) { x.Hints.Brands = []string{""} }, "not a single domain label"},
		{"brand with a space", func(x, _ *Provider) { x.Hints.Brands = []string{"x brand"} }, "not a single domain label"},
		{"brand upper case", func(x, _ *Provider) { x.Hints.Brands = []string{"XBrand"} }, "must be lower case"},
		{"brand of two entries", func(x, y *Provider) { x.Hints.Brands, y.Hints.Brands = []string{"same"}, []string{"same"} },
			`hint brand "same" of y already belongs to x`},
		// wording
		{"wording empty", func(x, _ *Provider) { x.Hints.Wording = []string{""} }, "hint wording is empty"},
		{"wording blank", func(x, _ *Provider) { x.Hints.Wording = []string{"   "} }, "hint wording is empty"},
		{"wording upper case", func(x, _ *Provider) { x.Hints.Wording = []string{"Unsafe Login"} }, `hint wording "Unsafe Login" must be lower case`},
		{"wording of two entries", func(x, y *Provider) {
			x.Hints.Wording, y.Hints.Wording = []string{"same words"}, []string{"same words"}
		},
			`hint wording "same words" of y already belongs to x`},
		{"wording inside another's", func(x, y *Provider) {
			x.Hints.Wording, y.Hints.Wording = []string{"unsafe login"}, []string{"unsafe login. please contact kefu"}
		}, `hint wording "unsafe login. please contact kefu" of y contains "unsafe login" of x`},
		// MX prefixes
		{"mx prefix no star", func(x, _ *Provider) { x.Hints.MXPrefixes = []string{"xmx.shared.test"} }, `hint MX prefix "xmx.shared.test" must be PREFIX*.DOMAIN`},
		{"mx prefix two stars", func(x, _ *Provider) { x.Hints.MXPrefixes = []string{"x*mx*.shared.test"} }, "must be PREFIX*.DOMAIN"},
		{"mx prefix star in suffix", func(x, _ *Provider) { x.Hints.MXPrefixes = []string{"xmx*.*.test"} }, "must be PREFIX*.DOMAIN"},
		{"mx prefix empty prefix", func(x, _ *Provider) { x.Hints.MXPrefixes = []string{"*.shared.test"} }, "must be PREFIX*.DOMAIN"},
		{"mx prefix suffix without dot", func(x, _ *Provider) { x.Hints.MXPrefixes = []string{"xmx*shared.test"} }, "must be PREFIX*.DOMAIN"},
		{"mx prefix suffix only a dot", func(x, _ *Provider) { x.Hints.MXPrefixes = []string{"xmx*."} }, "must be PREFIX*.DOMAIN"},
		{"mx prefix upper case", func(x, _ *Provider) { x.Hints.MXPrefixes = []string{"XMX*.shared.test"} }, "must be PREFIX*.DOMAIN"},
		{"mx prefix of two entries", func(x, y *Provider) {
			x.Hints.MXPrefixes, y.Hints.MXPrefixes = []string{"m*.s.test"}, []string{"m*.s.test"}
		},
			`hint MX prefix "m*.s.test" of y already belongs to x`},
	}
	for _, tt := range tests {
		x, y := validEntry("x"), validEntry("y")
		tt.mutate(x, y)
		err := Validate(newDB([]*Provider{x, y}, nil))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Validate = %v, want an error containing %q", tt.name, err, tt.want)
		}
	}
	x, y := validEntry("x"), validEntry("y")
	chain(x, y)
	x.Fixes = nil // a family member takes its family's fixes
	if err := Validate(newDB([]*Provider{x, y}, nil)); err != nil {
		t.Errorf("Validate(x in family y) = %v", err)
	}
}

// TestLoadNewFields: a company file's entries get the same per-entry and within-file rules
// (one language is enough there), but may name a built-in family Load cannot see.
func TestLoadNewFields(t *testing.T) {
	file := func(extra ...string) string {
		var entries []string
		for i, e := range extra {
			k := string(rune('a' + i))
			entries = append(entries, `{"key":"`+k+`","name":{"en":"A"},"domains":["`+k+`.test"],`+
				`"endpoints":[{"proto":"imap","host":"imap.`+k+`.test","port":993,"security":"tls"}],`+
				`"username":"address","auth":"password","status":"active"`+e+`}`)
		}
		return `{"version":1,"providers":[` + strings.Join(entries, ",") + `]}`
	}
	good := []string{
		file(`,"fixes":{"auth.failed":{"en":"Use the company password."}}`),
		file(`,"fixes":{"auth.failed":{"zh":"请使用公司密码。"}}`),
		file(`,"family":"163"`),
		file(`,"hints":{"domains":["mx.a-host.test"],"brands":["acme"],"wording":["acme says no"],"mx_prefixes":["acmemx*.shared.test"]}`),
	}
	for _, in := range good {
		if _, err := Load(strings.NewReader(in)); err != nil {
			t.Errorf("Load(%s) = %v", in, err)
		}
	}
	tests := []struct{ name, in, want string }{
		{"unknown fix code", file(`,"fixes":{"auth.nope":{"en":"x"}}`), "not a finding code"},
		{"empty fix", file(`,"fixes":{"auth.failed":{}}`), "fix for auth.failed needs"},
		{"family itself", file(`,"family":"a"`), "family is itself"},
		{"upper-case hint domain", file(`,"hints":{"domains":["MX.a-host.test"]}`), "lower case"},
		{"brand with dots", file(`,"hints":{"brands":["acme.co"]}`), "single domain label"},
		{"empty wording", file(`,"hints":{"wording":[""]}`), "wording is empty"},
		{"bad mx prefix", file(`,"hints":{"mx_prefixes":["acme.shared.test"]}`), "PREFIX*.DOMAIN"},
		{"unknown hint field", file(`,"hints":{"brand":["acme"]}`), "unknown field"},
		{"hint domain is an address domain", file(`,"hints":{"domains":["b.test"]}`, ``), "address domain of b"},
		{"brand twice", file(`,"hints":{"brands":["acme"]}`, `,"hints":{"brands":["acme"]}`), `hint brand "acme" of b already belongs to a`},
	}
	for _, tt := range tests {
		_, err := Load(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Load = %v, want an error containing %q", tt.name, err, tt.want)
		}
	}
}

func TestValidateCatches(t *testing.T) {
	good := func() *Provider {
		return &Provider{Key: "x", Name: findings.Text{EN: "X", ZH: "X邮箱"}, Domains: []string{"x.test"},
			Servers:  []Server{{Proto: probes.IMAP, Host: "imap.x.test", Port: 993, Security: probes.ImplicitTLS}},
			Username: UserAddress, Auth: probes.AuthPassword, Status: Active, Sources: []string{"S1"}, Verified: "2026-01-01", Confidence: "A"}
	}
	if err := Validate(newDB([]*Provider{good()}, nil)); err != nil {
		t.Fatalf("Validate(good) = %v", err)
	}
	tests := []struct {
		name   string
		mutate func(p *Provider)
		want   string
	}{
		{"no zh name", func(p *Provider) { p.Name.ZH = "" }, "name"},
		{"quirk no zh", func(p *Provider) {
			p.Quirks = []Quirk{{ID: "enable-service", Text: findings.Text{EN: "a", ZH: "b"}, Fix: findings.Text{EN: "c"}}}
		}, "fix"},
		{"note no en", func(p *Provider) { p.Notes = []findings.Text{{ZH: "说明"}} }, "note"},
		{"quirk http url", func(p *Provider) {
			p.Quirks = []Quirk{{ID: "x", Text: findings.Text{EN: "a", ZH: "b"}, Fix: findings.Text{EN: "c", ZH: "d"}, URL: "http://x.test/"}}
		}, "https"},
		{"closed no successor", func(p *Provider) { p.Status = Closed; p.Servers = nil }, "successor"},
		{"closed unknown successor", func(p *Provider) { p.Status = Closed; p.Successor = "nope" }, "successor"},
		{"active no endpoint", func(p *Provider) { p.Servers = nil }, "endpoint"},
		{"only alt endpoint", func(p *Provider) { p.Servers[0].Alt = true }, "endpoint"},
		{"order", func(p *Provider) {
			p.Servers = append([]Server{{Proto: probes.SMTP, Host: "smtp.x.test", Port: 465, Security: probes.ImplicitTLS}}, p.Servers...)
		}, "order"},
		{"starttls before tls", func(p *Provider) {
			p.Servers = []Server{{Proto: probes.IMAP, Host: "imap.x.test", Port: 143, Security: probes.STARTTLS}, p.Servers[0]}
		}, "order"},
		{"auto security", func(p *Provider) { p.Servers[0].Security = probes.Auto }, "security"},
		{"no sources", func(p *Provider) { p.Sources = nil }, "sources"},
		{"bad date", func(p *Provider) { p.Verified = "27/11/2026" }, "date"},
		{"bad confidence", func(p *Provider) { p.Confidence = "D" }, "confidence"},
		{"bad mx", func(p *Provider) { p.MX = []string{"mx[.x.test"} }, "MX"},
		{"bad username", func(p *Provider) { p.Username = "email" }, "username"},
		{"bad auth", func(p *Provider) { p.Auth = "magic" }, "auth"},
	}
	for _, tt := range tests {
		p := good()
		tt.mutate(p)
		err := Validate(newDB([]*Provider{p}, nil))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Validate = %v, want error containing %q", tt.name, err, tt.want)
		}
	}
	// Cross-entry: a second provider claiming the same domain or MX pattern.
	a, b := good(), good()
	b.Key, b.Name.EN, b.Name.ZH = "y", "Y", "Y邮箱"
	a.MX, b.MX = []string{"*.mx.test"}, []string{"*.mx.test"}
	err := Validate(newDB([]*Provider{a, b}, nil))
	if err == nil || !strings.Contains(err.Error(), "domain") || !strings.Contains(err.Error(), "MX pattern") {
		t.Errorf("Validate(duplicates) = %v, want domain and MX errors", err)
	}
	if Validate(nil) == nil {
		t.Errorf("Validate(nil) = nil")
	}
}
