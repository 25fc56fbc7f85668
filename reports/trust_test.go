package reports

import (
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/probes"
)

func TestTrustNote(t *testing.T) {
	withheld := probes.Endpoint{Source: "srv:_imaps._tcp", Trust: probes.TrustDNS, Foreign: true, Withheld: true}
	tests := []struct {
		ep       probes.Endpoint
		want, zh string
	}{
		{probes.Endpoint{Source: "builtin:qq", Trust: probes.TrustDB}, "builtin:qq", "builtin:qq"},
		{probes.Endpoint{Source: "flag"}, "flag", "flag"},
		{probes.Endpoint{Source: "guess", Trust: probes.TrustGuess}, "guess", "guess"},
		{probes.Endpoint{Source: "autoconfig", Trust: probes.TrustHTTPS}, "autoconfig · https", "autoconfig · HTTPS 已验证"},
		{withheld, "srv:_imaps._tcp · dns · no credentials sent", "srv:_imaps._tcp · DNS 未验证 · 未发送密码或令牌"},
		{probes.Endpoint{Source: "srv:_imaps._tcp", Trust: probes.TrustDNSSEC, Foreign: true}, "srv:_imaps._tcp · dnssec · foreign host trusted",
			"srv:_imaps._tcp · DNSSEC 已验证 · 已信任域外主机"},
		{probes.Endpoint{Source: "mx", Trust: probes.TrustGuess}, "mx · guess", "mx · 猜测"},
		{probes.Endpoint{Trust: probes.TrustDNS}, "dns", "DNS 未验证"},
		{probes.Endpoint{Trust: "future-level"}, "future-level", "future-level"},
	}
	for _, tt := range tests {
		if got := withTrust(tt.ep.Source, tt.ep, "en"); got != tt.want {
			t.Errorf("withTrust(%+v, en) = %q, want %q", tt.ep, got, tt.want)
		}
		if got := withTrust(tt.ep.Source, tt.ep, "zh"); got != tt.zh {
			t.Errorf("withTrust(%+v, zh) = %q, want %q", tt.ep, got, tt.zh)
		}
	}

	// In a whole report the note is in the report's language in every human format: the
	// endpoint heading and the settings table alike.
	rep := stepsReport()
	rep.Results[0].Endpoint = probes.Endpoint{Proto: probes.IMAP, Host: "imap.stranger.test", Port: 993, Security: probes.ImplicitTLS,
		Source: withheld.Source, Trust: withheld.Trust, Foreign: true, Withheld: true}
	rep.Settings = &probes.Settings{Endpoints: []probes.Endpoint{rep.Results[0].Endpoint}}
	for _, f := range []Format{Table, Markdown, HTML} {
		// Wide, so the table does not wrap the note inside its cell.
		zh := renderString(t, rep, f, Options{Lang: "zh", Width: 200})
		en := renderString(t, rep, f, Options{Lang: "en", Width: 200})
		if !strings.Contains(zh, "DNS 未验证 · 未发送密码或令牌") || strings.Contains(zh, "no credentials sent") || strings.Contains(zh, " · dns") {
			t.Errorf("zh %s: the trust note is not in Chinese:\n%s", f, zh)
		}
		if !strings.Contains(en, "dns · no credentials sent") {
			t.Errorf("en %s: no trust note:\n%s", f, en)
		}
	}
}
