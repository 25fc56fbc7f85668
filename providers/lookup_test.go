package providers

import "testing"

func TestLookup(t *testing.T) {
	db := Builtin()
	tests := []struct {
		in, want string
	}{
		{"qq", "qq"},
		{"QQ", "qq"},
		{"  qq  ", "qq"},
		{"QQ邮箱", "qq"},
		{"ＱＱ邮箱", "qq"}, // full-width letters from a Chinese input method
		{"foxmail", "qq"},
		{"foxmail.com", "qq"},
		{"user@qq.com", "qq"},
		{"user@VIP.QQ.COM", "qq"},
		{"网易", "163"},
		{"163", "163"},
		{"163.com", "163"},
		{"新浪", "sina"},
		{"搜狐", "sohu"},
		{"腾讯企业邮", "exmail"},
		{"阿里邮箱", "aliyun"},
		{"阿里企业邮箱", "aliyun-qiye"},
		{"yahoo.com.cn", "yahoo-cn"},
		{"雅虎中国", "yahoo-cn"},
		{"Google Mail", "gmail"},
		{"googlemail.com", "gmail"},
		{"Google Workspace", "google-workspace"},
		{"google-workspace", "google-workspace"},
		{"hotmail.co.uk", "outlook"},
		{"Office 365", "microsoft365"},
		{"contoso.onmicrosoft.com", "microsoft365"},
		{"ymail.com", "yahoo"},
		{"yahoo.co.uk", "yahoo"},
		{"rocketmail.com", "yahoo"},
		{"me.com", "icloud"},
		{"mail.ru", "mail.ru"},
		{"inbox.ru", "mail.ru"},
		{"gmx.de", "gmx"},
		{"zoho", "zoho"},
		{"netease-qiye", "netease-qiye"},
		{"网易企业邮箱", "netease-qiye"},
	}
	for _, tt := range tests {
		p, ok := db.Lookup(tt.in)
		if !ok || p.Key != tt.want {
			got := "<none>"
			if p != nil {
				got = p.Key
			}
			t.Errorf("Lookup(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	for _, in := range []string{"", "nosuchprovider", "example.com", "user@", "yahoo.co.jp"} {
		if p, ok := db.Lookup(in); ok {
			t.Errorf("Lookup(%q) = %s, want none", in, p.Key)
		}
	}
}

// TestLookupTypedNames: names people type that once found nothing: a provider with "邮箱" or
// "mail" after it, company and parent names, web-mail hosts.
func TestLookupTypedNames(t *testing.T) {
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
}
