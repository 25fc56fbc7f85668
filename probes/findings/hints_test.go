package findings

import "testing"

// testHints are a few providers' hints, enough to test the guessing logic; the database's own
// hints are tested against every entry in package providers.
var testHints = &Hints{
	Domains:       map[string]string{"qq.com": "qq", "exmail.qq.com": "exmail", "163.com": "163"},
	Brands:        map[string]string{"hotmail": "outlook"},
	Wording:       []Phrase{{Phrase: "enter your authorization code", Key: "qq"}, {Phrase: "unsafe login", Key: "163"}},
	LabelPrefixes: []LabelPrefix{{Suffix: ".mxmail.netease.com", Prefix: "163mx", Key: "163"}},
}

func TestHintsProvider(t *testing.T) {
	cases := map[string]string{
		"alice@qq.com":                             "qq",
		"smtp.exmail.qq.com":                       "exmail",
		"163mx00.mxmail.netease.com":               "163",
		"x@hotmail.co.uk":                          "outlook",
		"x@hotmail.example.org":                    "",
		"smtp.qq.com said no to alice@163.com":     "163", // an address beats a host named earlier
		"535 Please enter your authorization code": "qq",
		"mail.example.com":                         "",
		"":                                         "",
	}
	for in, want := range cases {
		if got := testHints.Provider(in); got != want {
			t.Errorf("Provider(%q) = %q, want %q", in, got, want)
		}
	}
	var none *Hints
	if got := none.Provider("alice@qq.com"); got != "" {
		t.Errorf("nil Hints: %q", got)
	}
}
