package providers

import (
	"slices"
	"testing"

	"github.com/mailcheck/mailcheck/probes"
)

// TestSourceDrift: one finding per protocol whose servers differ, naming the source and both
// lists; an entry alternative matches when the source lists it and is no drift when it does
// not; a protocol the source leaves out is not compared.
func TestSourceDrift(t *testing.T) {
	p := &Provider{Key: "x", Servers: []Server{
		{Proto: probes.IMAP, Host: "imap.x.test", Port: 993, Security: probes.ImplicitTLS},
		{Proto: probes.IMAP, Host: "imap2.x.test", Port: 993, Security: probes.ImplicitTLS, Alt: true},
		{Proto: probes.SMTP, Host: "smtp.x.test", Port: 465, Security: probes.ImplicitTLS},
		{Proto: probes.POP3, Host: "pop.x.test", Port: 995, Security: probes.ImplicitTLS},
	}}
	e := func(proto probes.Proto, host string, port int, sec probes.Security) probes.Endpoint {
		return probes.Endpoint{Proto: proto, Host: host, Port: port, Security: sec}
	}
	tests := []struct {
		name   string
		source string
		eps    []probes.Endpoint
		want   []string
	}{
		{"same", VerifyAutoconfig, []probes.Endpoint{e(probes.IMAP, "imap.x.test", 993, probes.ImplicitTLS), e(probes.SMTP, "smtp.x.test", 465, probes.ImplicitTLS)}, nil},
		{"alternative listed too", VerifyISPDB, []probes.Endpoint{e(probes.IMAP, "imap.x.test", 993, probes.ImplicitTLS), e(probes.IMAP, "imap2.x.test", 993, probes.ImplicitTLS)}, nil},
		{"other mode", VerifyAutodiscover, []probes.Endpoint{e(probes.SMTP, "smtp.x.test", 587, probes.STARTTLS)},
			[]string{"smtp: the provider's Autodiscover lists smtp.x.test:587 starttls; the entry lists smtp.x.test:465 tls"}},
		{"extra server", VerifyISPDB, []probes.Endpoint{e(probes.IMAP, "imap.x.test", 993, probes.ImplicitTLS), e(probes.IMAP, "imap.x.test", 143, probes.STARTTLS)},
			[]string{"imap: the ISPDB lists imap.x.test:993 tls, imap.x.test:143 starttls; the entry lists imap.x.test:993 tls"}},
		{"two protocols", VerifyAutoconfig, []probes.Endpoint{e(probes.IMAP, "mail.x.test", 993, probes.ImplicitTLS), e(probes.POP3, "mail.x.test", 995, probes.ImplicitTLS)},
			[]string{"imap: the provider's autoconfig lists mail.x.test:993 tls; the entry lists imap.x.test:993 tls",
				"pop3: the provider's autoconfig lists mail.x.test:995 tls; the entry lists pop.x.test:995 tls"}},
		{"nothing published", VerifyAutoconfig, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := SourceCheck{Source: tt.source, Step: probes.Step{Status: probes.OK}, eps: tt.eps}
			var got []string
			for _, f := range s.drift(p) {
				got = append(got, f.Evidence)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("drift\n got %q\nwant %q", got, tt.want)
			}
			if want := map[bool]probes.Status{true: probes.Warn, false: probes.OK}[len(tt.want) > 0]; s.Step.Status != want {
				t.Errorf("step status %s, want %s", s.Step.Status, want)
			}
		})
	}
}
