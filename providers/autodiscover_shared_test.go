package providers

import (
	"slices"
	"testing"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// TestAutodiscoverOneReading: discovery (parseAutodiscover) and `config FILE`
// (ParseClientConfig) read every <Protocol> the same way — one interpreter of SSL, Encryption,
// Port, LoginName and SPA — and config adds only its lint.
func TestAutodiscoverOneReading(t *testing.T) {
	type server struct {
		proto probes.Proto
		host  string
		port  int
		sec   probes.Security
	}
	tests := []struct {
		name  string
		proto string
		want  []server
		user  string // LoginName of the first server
		codes []findings.Code
	}{
		{"SSL on 143 is STARTTLS", adProto("IMAP", "i.x.test", 143, "<SSL>on</SSL><LoginName>bob</LoginName>"),
			[]server{{probes.IMAP, "i.x.test", 143, probes.STARTTLS}}, "bob", []findings.Code{findings.ConfigSslMeansSTARTTLS}},
		{"SSL by default on 587 is STARTTLS", adProto("SMTP", "s.x.test", 587, ""),
			[]server{{probes.SMTP, "s.x.test", 587, probes.STARTTLS}}, "", []findings.Code{findings.ConfigSslMeansSTARTTLS}},
		{"SSL on 993", adProto("IMAP", "i.x.test", 993, "<SSL>on</SSL>"),
			[]server{{probes.IMAP, "i.x.test", 993, probes.ImplicitTLS}}, "", nil},
		{"SSL off", adProto("POP3", "p.x.test", 110, "<SSL>off</SSL>"),
			[]server{{probes.POP3, "p.x.test", 110, probes.Plain}}, "", []findings.Code{findings.ConfigPlaintextPassword}},
		{"Encryption wins", adProto("SMTP", "s.x.test", 465, "<SSL>off</SSL><Encryption>SSL</Encryption>"),
			[]server{{probes.SMTP, "s.x.test", 465, probes.ImplicitTLS}}, "", nil},
		{"Encryption TLS", adProto("SMTP", "s.x.test", 587, "<Encryption>TLS</Encryption>"),
			[]server{{probes.SMTP, "s.x.test", 587, probes.STARTTLS}}, "", nil},
		{"Auto by the port", adProto("IMAP", "i.x.test", 2143, "<Encryption>Auto</Encryption>"),
			[]server{{probes.IMAP, "i.x.test", 2143, probes.STARTTLS}}, "", nil},
		{"unknown Encryption: SSL decides", adProto("IMAP", "i.x.test", 993, "<Encryption>Maybe</Encryption>"),
			[]server{{probes.IMAP, "i.x.test", 993, probes.ImplicitTLS}}, "", []findings.Code{findings.ConfigUnknownKey}},
		{"POP is POP3", adProto("POP", "p.x.test", 995, ""),
			[]server{{probes.POP3, "p.x.test", 995, probes.ImplicitTLS}}, "", nil},
		{"no port: the registered one", "<Protocol><Type>IMAP</Type><Server>I.X.TEST.</Server></Protocol>",
			[]server{{probes.IMAP, "i.x.test", 993, probes.ImplicitTLS}}, "", []findings.Code{findings.ConfigMissingPort}},
		{"SPA", adProto("IMAP", "i.x.test", 993, "<SPA>on</SPA>"),
			[]server{{probes.IMAP, "i.x.test", 993, probes.ImplicitTLS}}, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := adSettings(tt.proto, adProto("SMTP", "out.x.test", 465, ""), adProto("IMAP", "in.x.test", 993, ""))
			res, err := parseAutodiscover([]byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			cc, err := ParseClientConfig([]byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			var disc, conf []server
			for _, e := range res.Endpoints[:len(res.Endpoints)-2] {
				disc = append(disc, server{e.Proto, e.Host, e.Port, e.Security})
			}
			for _, s := range cc.Servers[:len(cc.Servers)-2] {
				conf = append(conf, server{s.Proto, s.Host, s.Port, s.Security})
			}
			if !slices.Equal(disc, tt.want) || !slices.Equal(conf, tt.want) {
				t.Errorf("discovery %v, config %v, want %v", disc, conf, tt.want)
			}
			if got := res.Usernames[tt.want[0].proto]; got != tt.user {
				t.Errorf("discovery username %q, want %q", got, tt.user)
			}
			if got := cc.Servers[0].Username; got != tt.user {
				t.Errorf("config username %q, want %q", got, tt.user)
			}
			if spa := tt.name == "SPA"; (len(res.Notes) == 1) != spa || (cc.Servers[0].Auth == "SPA") != spa {
				t.Errorf("SPA: notes %v, auth %q", res.Notes, cc.Servers[0].Auth)
			}
			got := findingCodes(cc.Findings)
			for _, c := range tt.codes {
				if !slices.Contains(got, c) {
					t.Errorf("config codes %v lack %s", got, c)
				}
			}
			if len(tt.codes) == 0 && len(got) > 0 {
				t.Errorf("config codes %v, want none (%v)", got, cc.Findings)
			}
		})
	}
}
