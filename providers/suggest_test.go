package providers

import (
	"slices"
	"testing"
)

func TestSuggest(t *testing.T) {
	db := Builtin()
	tests := []struct {
		in   string
		want string // first suggestion
	}{
		{"gmial", "gmail"},
		{"qqq", "qq"},
		{"hotmial", "hotmail"},
		{"yaho", "yahoo"},
		{"sian", "sina"},
		{"gmial.com", "gmail.com"},
		{"user@gmial.com", "gmail.com"},
		{"outlok", "outlook"},
	}
	for _, tt := range tests {
		got := db.Suggest(tt.in, 3)
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("Suggest(%q, 3) = %q, want first %q", tt.in, got, tt.want)
		}
		if len(got) > 3 {
			t.Errorf("Suggest(%q, 3) returned %d names", tt.in, len(got))
		}
		if p, ok := db.Lookup(got[0]); !ok || p == nil {
			t.Errorf("Suggest(%q)[0] = %q does not look up", tt.in, got[0])
		}
	}
	if got := db.Suggest("completely-unrelated-words", 3); len(got) != 0 {
		t.Errorf("Suggest(unrelated) = %q, want none", got)
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

func TestOSADistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"gmail", "gmail", 0}, {"gmial", "gmail", 1}, {"qqq", "qq", 1},
		{"163", "126", 2}, {"网易", "网易邮箱", 2}, {"abc", "", 3},
	}
	for _, tt := range tests {
		if got := osaDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("osaDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
