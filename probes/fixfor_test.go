package probes_test

import (
	"strings"
	"testing"
	"testing/synctest"

	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/testservers"
)

// TestFixFitsTheEndpoint: a fix names the ports of the protocol that failed. tls.required on
// POP3 110 sends the user to 995, not to "port 587 for sending"; on SMTP it names 587/465 and
// SMTP authentication.
func TestFixFitsTheEndpoint(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		scenario      string
		code          findings.Code
		want, notWant []string
	}{
		{"pop3-tls-required", findings.TLSRequired, []string{"995"}, []string{"587", "SMTP"}},
		{"imap-logindisabled", findings.TLSRequired, []string{"993"}, []string{"587", "SMTP"}},
		{"smtp-tls-required", findings.TLSRequired, []string{"587", "465", "SMTP authentication"}, []string{"993", "995"}},
	} {
		t.Run(tt.scenario, func(t *testing.T) {
			sc, ok := testservers.ScenarioByName(tt.scenario)
			if !ok {
				t.Fatalf("no scenario %s", tt.scenario)
			}
			synctest.Test(t, func(t *testing.T) {
				r := runScenario(t, ca, sc)
				var f *findings.Finding
				for _, x := range r.Findings() {
					if x.Code == tt.code {
						f = &x
					}
				}
				if f == nil {
					t.Fatalf("no %s in %v", tt.code, codesOf(r))
				}
				for _, lang := range []string{"en", "zh"} {
					fix := f.Fix.In(lang)
					for _, w := range tt.want {
						if lang == "zh" && strings.Contains(w, " ") {
							continue // words, not port numbers: checked in English
						}
						if !strings.Contains(fix, w) {
							t.Errorf("%s fix lacks %q: %s", lang, w, fix)
						}
					}
					for _, w := range tt.notWant {
						if strings.Contains(fix, w) {
							t.Errorf("%s fix names %q, which does not fit %s: %s", lang, w, r.Endpoint.Proto, fix)
						}
					}
				}
			})
		})
	}
}

// TestFixForFillsPlaceholders: the catalogue's per-endpoint fixes name the endpoint itself.
func TestFixForFillsPlaceholders(t *testing.T) {
	for _, tt := range []struct {
		c    findings.Context
		want []string
	}{
		{findings.Context{Proto: "smtp", Host: "smtp.example.test", Port: 587, AltPort: "465"}, []string{"smtp.example.test", "587", "port 465"}},
		{findings.Context{Proto: "smtp", Host: "mx.example.test", Port: 25, AltPort: "587/465"}, []string{"port 25", "587/465", "block outgoing port 25"}},
		{findings.Context{Proto: "imap", Host: "imap.example.test", Port: 993, AltPort: "143"}, []string{"imap.example.test", "993", "port 143"}},
	} {
		f := findings.New(findings.TCPTimeout, "dial tcp: i/o timeout").For(tt.c)
		for _, w := range tt.want {
			if !strings.Contains(f.Fix.EN, w) {
				t.Errorf("%+v: fix lacks %q: %s", tt.c, w, f.Fix.EN)
			}
		}
		if strings.ContainsAny(f.Fix.EN+f.Fix.ZH, "{}") {
			t.Errorf("%+v: unfilled placeholder: %s", tt.c, f.Fix.EN)
		}
	}
	// Without an endpoint (explain) the general fix stands, with no placeholder in it.
	if f := findings.New(findings.TCPTimeout, "").For(findings.Context{}); strings.ContainsAny(f.Fix.EN, "{}") {
		t.Errorf("general fix has a placeholder: %s", f.Fix.EN)
	}
}

// TestHostnameFixNamesTheCertificate: the wrong-host fix names what the certificate is really
// issued for and the name the user typed, not an example provider host.
func TestHostnameFixNamesTheCertificate(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ scenario, certName string }{
		{"smtp-cert-wrong-host", ""},                   // its first SAN, read from the chain below
		{"smtp-cert-snakeoil", "mx1.snakeoil.example"}, // no SAN: the common name
	} {
		t.Run(tt.scenario, func(t *testing.T) {
			sc, _ := testservers.ScenarioByName(tt.scenario)
			synctest.Test(t, func(t *testing.T) {
				r := runScenario(t, ca, sc)
				var fix findings.Text
				for _, f := range r.Findings() {
					if f.Code == findings.TLSCertHostnameMismatch {
						fix = f.Fix
					}
				}
				if r.TLS == nil || len(r.TLS.Chain) == 0 || fix.EN == "" {
					t.Fatalf("no certificate or no mismatch finding: %v", codesOf(r))
				}
				want := tt.certName
				if want == "" {
					if len(r.TLS.Chain[0].SANs) == 0 {
						t.Fatal("the wrong-host certificate has no SAN to look for")
					}
					want = r.TLS.Chain[0].SANs[0]
				}
				for _, text := range []string{fix.EN, fix.ZH} {
					if !strings.Contains(text, want) || !strings.Contains(text, "localhost") || strings.Contains(text, "exmail") {
						t.Errorf("fix %q: want the certificate's name %q and the typed host, no example provider", text, want)
					}
				}
			})
		})
	}
}
