package providers

import (
	"strings"
	"testing"
)

// TestHintsFromText: the provider guessed from pasted text, with the database's hints.
func TestHintsFromText(t *testing.T) {
	cases := map[string]string{
		"alice@qq.com":                   "qq",
		"bob@foxmail.com":                "qq",
		"smtp.exmail.qq.com":             "exmail",
		"user@vip.qq.com":                "qq",
		"connect to smtp.163.com:465":    "163",
		"imap.126.com":                   "126",
		"x@yeah.net":                     "yeah",
		"imaphz.qiye.163.com":            "netease-qiye",
		"qiye163mx01.mxmail.netease.com": "netease-qiye",
		"163mx00.mxmail.netease.com":     "163",
		"Unsafe Login. Please contact kefu@188.com for help": "188",
		"imap.sina.com":        "sina",
		"x@sina.cn":            "sina",
		"pop3.sohu.com":        "sohu",
		"13800000000@139.com":  "139",
		"smtp.189.cn":          "189",
		"smtp.qiye.aliyun.com": "aliyun",
		"smtp.mxhichina.com":   "aliyun",
		"pop.tom.com":          "tom",
		"see https://support.google.com/mail/?p=BadCredentials": "gmail",
		"someone@googlemail.com":                                "gmail",
		"aspmx.l.google.com":                                    "google-workspace",
		"x@hotmail.co.uk":                                       "outlook",
		"x@outlook.de":                                          "outlook",
		"smtp-mail.outlook.com":                                 "outlook",
		"smtp.office365.com":                                    "microsoft365",
		"contoso-com.mail.protection.outlook.com":               "microsoft365",
		"Visit https://aka.ms/smtp_auth_disabled":               "microsoft365",
		"x@yahoo.co.jp":                                         "yahoo",
		"smtp.mail.yahoo.com":                                   "yahoo",
		"mx-aol.mail.gm0.yahoodns.net":                          "aol",
		"x@aol.com":                                             "aol",
		"smtp.mail.me.com":                                      "icloud",
		"x@icloud.com":                                          "icloud",
		"x@yandex.ru":                                           "yandex",
		"x@ya.ru":                                               "yandex",
		"smtp.mail.ru":                                          "mail.ru",
		"x@bk.ru":                                               "mail.ru",
		"x@gmx.at":                                              "gmx",
		"mail.gmx.net":                                          "gmx",
		"smtp.zoho.eu":                                          "zoho-eu",
		"x@zohomail.in":                                         "zoho-in", // its data centre has its own entry (ISPDB zoho.in)
		// An address beats a host named earlier.
		"smtp.qq.com said no to alice@163.com": "163",
		"live.example.com":                     "",
		"mail.example.com":                     "",
		"5.7.8":                                "",
		"":                                     "",
		"not a domain at all":                  "",
		"gmail":                                "",
	}
	h := Builtin().Hints()
	for in, want := range cases {
		if got := h.Provider(in); got != want {
			t.Errorf("Hints().Provider(%q) = %q, want %q", in, got, want)
		}
	}
	// Every key a hint can return is a database entry.
	db := Builtin()
	for d, p := range h.Domains {
		if _, ok := db.ByKey(p); !ok {
			t.Errorf("hint domain %s maps to unknown key %s", d, p)
		}
	}
	for b, p := range h.Brands {
		if _, ok := db.ByKey(p); !ok {
			t.Errorf("brand %s maps to unknown key %s", b, p)
		}
	}
}

// TestHintsWholeDatabase walks every entry: each address domain (as an address and bare),
// each hint domain (and a host under it), each MX prefix and each brand (as an address under .co.uk) hints to its own entry. A brand
// whose .co.uk name is another entry's address domain hints there instead (gmx.co.uk is GMX.com's).
func TestHintsWholeDatabase(t *testing.T) {
	db := Builtin()
	h := db.Hints()
	check := func(in, want string) {
		t.Helper()
		if got := h.Provider(in); got != want {
			t.Errorf("Hints().Provider(%q) = %q, want %q", in, got, want)
		}
	}
	n := 0
	for _, p := range db.All() {
		for _, d := range p.Domains {
			if s, ok := strings.CutPrefix(d, "*."); ok {
				d = "tenant." + s
			}
			check("user@"+d, p.Key)
			check(d, p.Key)
			n++
		}
		if p.Hints == nil {
			continue
		}
		for _, d := range p.Hints.Domains {
			check(d, p.Key)
			check("connect to host9."+d+":465 failed", p.Key) // and its subdomains
		}
		for _, m := range p.Hints.MXPrefixes {
			check(strings.Replace(m, "*", "01", 1), p.Key)
		}
		for _, b := range p.Hints.Brands {
			want := p.Key
			if o, ok := db.ByDomain(b + ".co.uk"); ok {
				want = o.Key
			}
			check("x@"+b+".co.uk", want)
		}
	}
	if n < 100 {
		t.Errorf("walked only %d address domains", n)
	}
}
