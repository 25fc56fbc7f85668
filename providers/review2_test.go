package providers

import (
	"slices"
	"testing"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// TestLookupReviewNames: names people type that found nothing before.
func TestLookupReviewNames(t *testing.T) {
	db := Builtin()
	for _, tt := range []struct{ in, want string }{
		{"网易163", "163"},
		{"网易126", "126"},
		{"Outlook邮箱", "outlook"},
		{"Gmail邮箱", "gmail"},
		{"微软", "outlook"},
		{"阿里云企业邮箱", "aliyun-qiye"},
		{"移动邮箱", "139"},
		{"exmail.qq.com", "exmail"},
		{"qiye.163.com", "netease-qiye"},
		{"qiye.aliyun.com", "aliyun-qiye"},
		{"sina.net", "sina-qiye"},
		{"苹果", "icloud"},
		// A known name with a generic "mail" word after it.
		{"Yahoo邮箱", "yahoo"},
		{"iCloud Mail", "icloud"},
		{"zoho email", "zoho"},
	} {
		p, ok := db.Lookup(tt.in)
		if got := "<none>"; !ok || p.Key != tt.want {
			if ok {
				got = p.Key
			}
			t.Errorf("Lookup(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	// The suffix rule must not turn a bare generic word into a provider.
	for _, in := range []string{"邮箱", "mail", "email", "企业邮箱"} {
		if p, ok := db.Lookup(in); ok {
			t.Errorf("Lookup(%q) = %s, want none", in, p.Key)
		}
	}
	if err := Validate(db); err != nil {
		t.Errorf("the built-in file no longer validates: %v", err)
	}
}

// TestSuggestShortAndPrefix: a two-character Chinese query is two edits from every other
// two-character name, so it must not suggest them all; a shared prefix ranks before a near
// domain.
func TestSuggestShortAndPrefix(t *testing.T) {
	db := Builtin()
	keyOf := func(s string) string {
		if p, ok := db.Lookup(s); ok {
			return p.Key
		}
		return "<none>"
	}
	for _, tt := range []struct {
		in   string
		want []string // provider keys, in order, of the first suggestions
		not  []string // provider keys that must not be suggested
	}{
		{"腾讯", []string{"qq", "exmail"}, []string{"163", "sina"}},
		{"阿里", []string{"aliyun", "aliyun-qiye"}, []string{"qq", "163", "sina"}},
		{"苹果手机", []string{"icloud"}, []string{"qq", "163", "sina"}},
		{"百度", nil, []string{"qq", "163", "sina", "sohu"}},
		{"yahoo.co.jp", []string{"yahoo"}, nil},
		{"搜虎", []string{"sohu"}, nil},
		{"gmial", []string{"gmail"}, nil},
		{"163.con", []string{"163"}, nil},
	} {
		got := db.Suggest(tt.in, 3)
		var keys []string
		for _, s := range got {
			keys = append(keys, keyOf(s))
		}
		if len(keys) < len(tt.want) || !slices.Equal(keys[:len(tt.want)], tt.want) {
			t.Errorf("Suggest(%q) = %q (%v), want first %v", tt.in, got, keys, tt.want)
		}
		for _, k := range tt.not {
			if slices.Contains(keys, k) {
				t.Errorf("Suggest(%q) = %q suggests %s", tt.in, got, k)
			}
		}
	}
	if got := db.Suggest("yahoo.co.jp", 3); len(got) > 0 && got[0] == "yahoo.co.uk" {
		t.Errorf("Suggest(yahoo.co.jp) offers yahoo.co.uk first: %q", got)
	}
	if got := db.Suggest("163.con", 1); len(got) != 1 || got[0] != "163.com" {
		t.Errorf("Suggest(163.con) = %q, want the one-slip domain 163.com", got)
	}
}

// TestAltEndpointsMarked: alternatives say so in their source, and AltNotes explains them in
// both languages.
func TestAltEndpointsMarked(t *testing.T) {
	ex, _ := Builtin().Lookup("exmail")
	alts := ex.AltEndpoints()
	if len(alts) == 0 {
		t.Fatal("exmail has no alternative endpoints")
	}
	for _, e := range alts {
		if e.Source != "builtin:exmail" || !e.Alt {
			t.Errorf("%s: source %q, alt %v; want builtin:exmail, alternative", e.Host, e.Source, e.Alt)
		}
	}
	notes := ex.AltNotes()
	want := findings.Text{EN: "Alternative servers hwimap.exmail.qq.com:993, hwsmtp.exmail.qq.com:465: overseas node.",
		ZH: "备用服务器 hwimap.exmail.qq.com:993、hwsmtp.exmail.qq.com:465：海外节点。"}
	if len(notes) != 1 || notes[0] != want {
		t.Errorf("exmail AltNotes = %+v, want %+v", notes, want)
	}
	if qq, _ := Builtin().Lookup("qq"); len(qq.AltNotes()) != 0 {
		t.Errorf("qq has no alternatives, but AltNotes = %+v", qq.AltNotes())
	}
}
