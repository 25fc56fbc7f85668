package providers

import (
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// TestProviderFixesForKeyCodes: the providers users meet most have their own fix for the
// codes they are known for (ported from probes/findings_test.go, now that the fixes live in
// providers.json).
func TestProviderFixesForKeyCodes(t *testing.T) {
	db := Builtin()
	want := map[findings.Code][]string{
		findings.AuthAuthorizationCodeRequired: {"qq", "163", "126", "yeah", "sina", "sohu", "139", "aliyun", "exmail", "netease-qiye"},
		findings.AuthAppPasswordRequired:       {"gmail", "yahoo", "icloud", "aol", "yandex", "mail.ru", "zoho"},
		findings.AuthBasicDisabled:             {"outlook", "microsoft365"},
		findings.AuthServiceDisabled:           {"qq", "163", "gmail", "microsoft365", "exmail"},
		findings.TLSRequired:                   {"qq"},
		findings.IMAPIDRequired:                {"163", "126", "yeah"},
	}
	for code, keys := range want {
		for _, k := range keys {
			p, ok := db.ByKey(k)
			if !ok {
				t.Errorf("%s: no provider %q", code, k)
				continue
			}
			fx, ok := db.Facts(p).Fixes[code]
			switch {
			case !ok:
				t.Errorf("%s: no fix for %s", code, k)
			case fx.Provider != k:
				t.Errorf("%s: %s's fix comes from %q, want its own", code, k, fx.Provider)
			case fx.Text.EN == "" || fx.Text.ZH == "":
				t.Errorf("%s: %s's fix lacks a language: %+v", code, k, fx.Text)
			}
		}
	}
	// Applying the facts puts the provider's text in place of the catalogue's.
	qq, _ := db.ByKey("qq")
	f := db.Facts(qq).Fixes.Apply(findings.New(findings.AuthAuthorizationCodeRequired, "535 ..."))
	if f.Provider != "qq" || !strings.Contains(f.Fix.ZH, "授权码") || !strings.Contains(f.Fix.EN, "mail.qq.com") {
		t.Errorf("qq's fix applied: %+v", f)
	}
	if db.Facts(nil) != nil {
		t.Errorf("Facts(nil) = %+v, want nil", db.Facts(nil))
	}
}

// TestFamilyFixes: an entry with a family and no fix of its own gets its family's, marked as
// the family's (a 188.com user is given NetEase's 163 fix).
func TestFamilyFixes(t *testing.T) {
	db := Builtin()
	for _, tt := range []struct {
		member, family string
		code           findings.Code
	}{
		{"188", "163", findings.AuthAuthorizationCodeRequired},
		{"vip163", "163", findings.AuthAuthorizationCodeRequired},
		{"netease", "163", findings.AuthAuthorizationCodeRequired},
		{"188", "163", findings.IMAPIDRequired},
		{"sina-vip", "sina", findings.AuthAuthorizationCodeRequired},
		{"sina-qiye", "sina", findings.AuthAuthorizationCodeRequired},
		{"gmx-com", "gmx", findings.AuthAppPasswordRequired},
		{"zoho-eu", "zoho", findings.AuthAppPasswordRequired},
		{"aliyun-qiye", "aliyun", findings.AuthAuthorizationCodeRequired},
	} {
		m, ok1 := db.ByKey(tt.member)
		fam, ok2 := db.ByKey(tt.family)
		if !ok1 || !ok2 {
			t.Errorf("%s or %s missing", tt.member, tt.family)
			continue
		}
		if m.Family != tt.family {
			t.Errorf("%s: family %q, want %q", tt.member, m.Family, tt.family)
		}
		fx, ok := db.Facts(m).Fixes[tt.code]
		if !ok {
			t.Errorf("%s: no %s fix from family %s", tt.member, tt.code, tt.family)
			continue
		}
		if fx.Provider != tt.family || fx.Text != fam.Fixes[tt.code] {
			t.Errorf("%s: %s fix = %+v, want %s's own %+v", tt.member, tt.code, fx, tt.family, fam.Fixes[tt.code])
		}
	}
}

// TestFamilyOwnFixWins: a member's own fix replaces its family's for that code only, and a
// loop of families (which Validate rejects) does not hang Facts.
func TestFamilyOwnFixWins(t *testing.T) {
	fam, m := validEntry("fam"), validEntry("member")
	fam.Fixes[findings.TLSRequired] = findings.Text{EN: "Family TLS.", ZH: "家族加密。"}
	m.Family = "fam"
	db := newDB([]*Provider{fam, m}, nil)
	got := db.Facts(m).Fixes
	if fx := got[findings.AuthFailed]; fx.Provider != "member" || fx.Text != m.Fixes[findings.AuthFailed] {
		t.Errorf("member's own auth.failed fix = %+v", fx)
	}
	if fx := got[findings.TLSRequired]; fx.Provider != "fam" || fx.Text.EN != "Family TLS." {
		t.Errorf("member's tls.required fix = %+v, want the family's", fx)
	}
	fam.Family = "member" // a loop
	if fx := newDB([]*Provider{fam, m}, nil).Facts(m).Fixes[findings.TLSRequired]; fx.Provider != "fam" {
		t.Errorf("with a family loop, tls.required fix = %+v", fx)
	}
}

// TestFixesByCode: the catalogue listing has each entry's own fixes, not its family's.
func TestFixesByCode(t *testing.T) {
	by := Builtin().FixesByCode()
	if _, ok := by[findings.AuthAuthorizationCodeRequired]["163"]; !ok {
		t.Errorf("FixesByCode lacks 163's authorization-code fix")
	}
	if _, ok := by[findings.AuthAuthorizationCodeRequired]["188"]; ok {
		t.Errorf("FixesByCode lists 188, which only borrows 163's fix")
	}
	for code, byKey := range by {
		if _, ok := findings.Lookup(code); !ok {
			t.Errorf("FixesByCode lists unknown code %s", code)
		}
		if len(byKey) == 0 {
			t.Errorf("FixesByCode lists %s with no provider", code)
		}
	}
}
