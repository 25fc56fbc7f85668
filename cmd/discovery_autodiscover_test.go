package cmd

import (
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/mailcheck/mailcheck/testservers"
)

// TestAccountAutodiscover: through the binary, a domain published by Exchange Autodiscover
// (POX on autodiscover.DOMAIN, reached through the hidden --https-port test hook) and one
// published through _autodiscover._tcp SRV are discovered and probed; the endpoints keep their
// source and trust, the step names the URL, and without the hook Autodiscover answers nothing.
// The domain is mail.test, the name testservers' certificates carry.
func TestAccountAutodiscover(t *testing.T) {
	ca, caFile := testCA(t)
	imaps := testservers.StartT(t, testservers.Config{Proto: "imap", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	sub := testservers.StartT(t, testservers.Config{Proto: "smtp"}, ca)
	cert, err := ca.Cert(testservers.Valid, "autodiscover.mail.test", "exch.mail.test")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	asked := map[string]string{} // host → request body
	web := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(r.Host); err == nil {
			host = h
		}
		if r.Method != http.MethodPost || r.URL.Path != "/autodiscover/autodiscover.xml" {
			http.NotFound(w, r)
			return
		}
		b, _ := io.ReadAll(io.LimitReader(r.Body, 1<<16))
		mu.Lock()
		asked[host] = string(b)
		mu.Unlock()
		fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"><Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
<Account><AccountType>email</AccountType><Action>settings</Action>
<Protocol><Type>IMAP</Type><Server>mail.test</Server><Port>%d</Port><SSL>on</SSL><LoginName>bob</LoginName></Protocol>
<Protocol><Type>SMTP</Type><Server>mail.test</Server><Port>%d</Port><Encryption>TLS</Encryption></Protocol>
<Protocol><Type>EXCH</Type><Server>ex.mail.test</Server></Protocol>
</Account></Response></Autodiscover>`, imaps.Port, sub.Port)
	}))
	web.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	web.StartTLS()
	t.Cleanup(web.Close)
	_, webPort, _ := net.SplitHostPort(web.Listener.Addr().String())
	port, _ := strconv.Atoi(webPort)
	byName := testservers.StartDNST(t, testservers.Zone{
		A: map[string][]string{"autodiscover.mail.test": {"127.0.0.1"}, "mail.test": {"127.0.0.1"}}})
	bySRV := testservers.StartDNST(t, testservers.Zone{
		A:   map[string][]string{"exch.mail.test": {"127.0.0.1"}, "mail.test": {"127.0.0.1"}},
		SRV: map[string][]testservers.SRV{"_autodiscover._tcp.mail.test": {{Target: "exch.mail.test", Port: uint16(port)}}},
	})
	base := []string{"--ca-file", caFile, "--no-ispdb", "--any-port", "--format", "json", "--timeout", "3s"}
	imapAt, smtpAt := "imap mail.test:"+strconv.Itoa(imaps.Port)+" tls", "smtp mail.test:"+strconv.Itoa(sub.Port)+" starttls"

	tests := []struct {
		name, resolver, asked, trust, detail string
		hook                                 bool
	}{
		{"autodiscover.DOMAIN", byName.Addr, "autodiscover.mail.test", "https", "https://autodiscover.mail.test/autodiscover/autodiscover.xml: " + imapAt + ", " + smtpAt, true},
		// The SRV target names its port itself: no hook needed; plain DNS chose the server.
		{"SRV", bySRV.Addr, "exch.mail.test", "dns", "SRV _autodiscover._tcp.mail.test → https://exch.mail.test:" + webPort + "/autodiscover/autodiscover.xml: " + imapAt + ", " + smtpAt, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"account", "bob@mail.test", "--resolver", tt.resolver}, base...)
			if tt.hook {
				args = append(args, "--https-port", webPort)
			}
			code, out, errs := run(t, "", nil, args...)
			if code != ExitOK {
				t.Fatalf("exit %d\n%s\n%s", code, errs, out)
			}
			r := parseReport(t, out)
			var trust struct {
				Results []struct{ Endpoint struct{ Trust string } }
			}
			if err := json.Unmarshal([]byte(out), &trust); err != nil {
				t.Fatal(err)
			}
			if len(r.Results) != 2 {
				t.Fatalf("%d endpoints probed, want IMAP and SMTP from Autodiscover\n%s", len(r.Results), out)
			}
			for i, res := range r.Results {
				if res.Endpoint.Source != "autodiscover" || res.Status != "ok" || trust.Results[i].Endpoint.Trust != tt.trust {
					t.Errorf("%s %s:%d source %q trust %q status %s, want ok from autodiscover, trust %s", res.Endpoint.Proto, res.Endpoint.Host,
						res.Endpoint.Port, res.Endpoint.Source, trust.Results[i].Endpoint.Trust, res.Status, tt.trust)
				}
			}
			for _, s := range r.Discovery {
				if s.Name == "autodiscover" && (s.Status != "ok" || !strings.Contains(s.Detail, tt.detail)) {
					t.Errorf("autodiscover step %s %q, want ok containing %q", s.Status, s.Detail, tt.detail)
				}
			}
			mu.Lock()
			body := asked[tt.asked]
			mu.Unlock()
			if !strings.Contains(body, "<EMailAddress>bob@mail.test</EMailAddress>") {
				t.Errorf("%s was asked %q", tt.asked, body)
			}
		})
	}

	// Without the hook autodiscover.mail.test:443 answers nothing (only the guesses find
	// mail.test then).
	_, out, _ := run(t, "", nil, append([]string{"account", "bob@mail.test", "--resolver", byName.Addr}, base...)...)
	r := parseReport(t, out)
	for _, res := range r.Results {
		if res.Endpoint.Source == "autodiscover" {
			t.Errorf("no hook: %s:%d from autodiscover", res.Endpoint.Host, res.Endpoint.Port)
		}
	}
	for _, s := range r.Discovery {
		if s.Name == "autodiscover" && s.Status == "ok" {
			t.Errorf("no hook: autodiscover step ok: %s", s.Detail)
		}
	}
}
