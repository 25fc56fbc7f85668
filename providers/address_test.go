package providers

import (
	"strings"
	"testing"
)

func TestParseAddress(t *testing.T) {
	good := []struct {
		in, local, domain string
	}{
		{"alice@qq.com", "alice", "qq.com"},
		{"  Alice.Smith+tag@Gmail.COM  ", "Alice.Smith+tag", "gmail.com"},
		{"o'brien@example.co.uk", "o'brien", "example.co.uk"},
		{"user@sub-domain.example.com", "user", "sub-domain.example.com"},
		{"用户@例子.测试", "用户", "xn--fsqu00a.xn--0zwm56d"},
		{"user@bücher.example", "user", "xn--bcher-kva.example"},
		{"user@BÜCHER.example", "user", "xn--bcher-kva.example"},
		{"user@xn--bcher-kva.example", "user", "xn--bcher-kva.example"},
		{"user@例子。测试", "user", "xn--fsqu00a.xn--0zwm56d"}, // ideographic full stop (UTS 46)
		{"user@ｑｑ.com", "user", "qq.com"},                 // full-width letters map (UTS 46)
		{"13800138000@139.com", "13800138000", "139.com"},
		{"a@b.co", "a", "b.co"},
	}
	for _, tt := range good {
		local, domain, err := ParseAddress(tt.in)
		if err != nil || local != tt.local || domain != tt.domain {
			t.Errorf("ParseAddress(%q) = %q, %q, %v, want %q, %q", tt.in, local, domain, err, tt.local, tt.domain)
		}
	}
	bad := []struct {
		in, want string // want: a word the error must contain
	}{
		{"", "empty"},
		{"   ", "empty"},
		{"alice.qq.com", "no @"},
		{"alice@@qq.com", "2 @"},
		{"a@b@qq.com", "2 @"},
		{"@qq.com", "before the @"},
		{"alice@", "after the @"},
		{"alice@qqcom", "no dot"},
		{"alice @qq.com", "space"},
		{"alice@qq .com", "space"},
		{"alice＠qq.com", "full-width"},
		{"alice@.qq.com", "dot"},
		{"alice@qq.com.", "dot"},
		{"alice@qq..com", "two dots"},
		{"alice@-qq.com", "hyphen"},
		{"alice@qq-.com", "hyphen"},
		{"alice@qq_mail.com", "cannot use"},
		{"alice@qq,com", "cannot use"},
		{"alice@" + strings.Repeat("a", 64) + ".com", "63"},
		{"alice@" + strings.Repeat("abcdefghi.", 26) + "com", "253"},
		{".alice@qq.com", "dot"},
		{"alice.@qq.com", "dot"},
		{"al..ice@qq.com", "two dots"},
		{"al(ice)@qq.com", "cannot use"},
		{`"al ice"@qq.com`, "space"},
		{"al,ice@qq.com", "cannot use"},
		{strings.Repeat("a", 65) + "@qq.com", "64"},
		{"alice@192.168.1.1", "IP"},
		{"alice@[127.0.0.1]", "IP"},
		{"alice@qq.123", "number"},
		{"alice@pаypal.com", "mixes"}, // Cyrillic а among Latin letters
		{"alice@xn--.com", "hyphen"},
		{"alice@xn--a.com", "valid"},
	}
	for _, tt := range bad {
		_, _, err := ParseAddress(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseAddress(%q) error = %v, want one mentioning %q", tt.in, err, tt.want)
		}
	}
}
