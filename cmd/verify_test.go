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
	"testing"

	"github.com/mailcheck/mailcheck/testservers"
)

type verifyOut struct {
	Providers []struct {
		Key       string
		Status    string
		Endpoints []struct {
			Port   int
			Status string
			Codes  []string
		}
		Autoconfig        struct{ Status, Detail string }
		AutoconfigURL     string `json:"autoconfig_url"`
		AutoconfigServers int    `json:"autoconfig_servers"`
		Sources           []struct {
			Source, URL string
			Servers     int
			Off         bool
			Step        struct{ Status, Detail string }
		}
		Drift []struct{ Code, Evidence string }
	}
}

// TestProvidersVerify runs verify against loopback only: a providers file whose entries point
// at testservers, a loopback DNS server, a loopback HTTPS server publishing the drifting
// entry's autoconfig with another SMTP port and its Autodiscover answer with SMTP on 587
// (SSL on 587 is STARTTLS), and a loopback ISPDB listing its IMAP on 143.
func TestProvidersVerify(t *testing.T) {
	ca, caFile := testCA(t)
	imaps := testservers.StartT(t, testservers.Config{Proto: "imap", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	sub := testservers.StartT(t, testservers.Config{Proto: "smtp"}, ca)
	wrongName := testservers.StartT(t, testservers.Config{Proto: "pop3", Faults: testservers.Faults{ImplicitTLS: true, Cert: testservers.WrongHost}}, ca)

	cert, err := ca.Cert(testservers.Valid, "autoconfig.drift.test")
	if err != nil {
		t.Fatal(err)
	}
	adCert, err := ca.Cert(testservers.Valid, "autodiscover.drift.test")
	if err != nil {
		t.Fatal(err)
	}
	ispCert, err := ca.Cert(testservers.Valid, "ispdb.test")
	if err != nil {
		t.Fatal(err)
	}
	adDoc := fmt.Sprintf(`<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"><Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
<Account><AccountType>email</AccountType><Action>settings</Action>
<Protocol><Type>IMAP</Type><Server>mail.test</Server><Port>%d</Port><SSL>on</SSL></Protocol>
<Protocol><Type>SMTP</Type><Server>mail.test</Server><Port>587</Port><SSL>on</SSL></Protocol>
</Account></Response></Autodiscover>`, imaps.Port)
	ispDoc := `<clientConfig version="1.1"><emailProvider id="drift.test"><domain>drift.test</domain>
<incomingServer type="imap"><hostname>mail.test</hostname><port>143</port><socketType>STARTTLS</socketType></incomingServer>
</emailProvider></clientConfig>`
	ispAsked := make(chan string, 16)
	isp := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ispAsked <- r.URL.Path
		if r.URL.Path == "/v1.1/drift.test" {
			fmt.Fprint(w, ispDoc)
			return
		}
		http.NotFound(w, r)
	}))
	isp.TLS = &tls.Config{Certificates: []tls.Certificate{ispCert}}
	isp.StartTLS()
	t.Cleanup(isp.Close)
	_, ispPort, _ := net.SplitHostPort(isp.Listener.Addr().String())
	doc := fmt.Sprintf(`<clientConfig version="1.1"><emailProvider id="drift.test"><domain>drift.test</domain>
<incomingServer type="imap"><hostname>mail.test</hostname><port>%d</port><socketType>SSL</socketType></incomingServer>
<outgoingServer type="smtp"><hostname>mail.test</hostname><port>2465</port><socketType>SSL</socketType></outgoingServer>
</emailProvider></clientConfig>`, imaps.Port)
	web := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.Host, "autoconfig.drift.test") && r.URL.Path == "/mail/config-v1.1.xml" {
			fmt.Fprint(w, doc)
			return
		}
		if strings.HasPrefix(r.Host, "autodiscover.drift.test") && r.URL.Path == "/autodiscover/autodiscover.xml" && r.Method == http.MethodPost {
			if b, _ := io.ReadAll(r.Body); !strings.Contains(string(b), "<EMailAddress>verify@drift.test</EMailAddress>") {
				t.Errorf("Autodiscover request %s", b)
			}
			fmt.Fprint(w, adDoc)
			return
		}
		http.NotFound(w, r)
	}))
	web.TLS = &tls.Config{Certificates: []tls.Certificate{cert, adCert}}
	web.StartTLS()
	t.Cleanup(web.Close)
	_, webPort, _ := net.SplitHostPort(web.Listener.Addr().String())
	dns := testservers.StartDNST(t, testservers.Zone{A: map[string][]string{"autoconfig.drift.test": {"127.0.0.1"},
		"autodiscover.drift.test": {"127.0.0.1"}, "mail.test": {"127.0.0.1"}, "ispdb.test": {"127.0.0.1"}}})

	entry := func(key, domain string, eps ...string) string {
		return fmt.Sprintf(`{"key": %q, "name": {"en": %q, "zh": %q}, "domains": [%q], "endpoints": [%s],
  "username": "address", "auth": "password", "status": "active"}`, key, key, key, domain, strings.Join(eps, ", "))
	}
	ep := func(proto string, port int, sec string) string {
		return fmt.Sprintf(`{"proto": %q, "host": "mail.test", "port": %d, "security": %q}`, proto, port, sec)
	}
	prov := tempFile(t, "providers.json", `{"version": 1, "providers": [`+
		entry("good", "good.test", ep("imap", imaps.Port, "tls"), ep("smtp", sub.Port, "starttls"))+", "+
		// drift: SMTP listed as implicit TLS on a STARTTLS server, a certificate for another
		// name, and an autoconfig that lists SMTP on 2465.
		entry("drift", "drift.test", ep("imap", imaps.Port, "tls"), ep("pop3", wrongName.Port, "tls"), ep("smtp", sub.Port, "tls"))+`]}`)
	args := []string{"providers", "verify", "--providers", prov, "--resolver", dns.Addr, "--ca-file", caFile,
		"--https-port", webPort, "--timeout", "3s", "--ispdb-url", "https://ispdb.test:" + ispPort + "/v1.1/"}

	code, out, errs := run(t, "", nil, append(args, "good", "--format", "json")...)
	if code != ExitOK {
		t.Fatalf("good: exit %d\n%s%s", code, errs, out)
	}
	var v verifyOut
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(v.Providers) != 1 || v.Providers[0].Status != "ok" || len(v.Providers[0].Endpoints) != 2 || len(v.Providers[0].Drift) != 0 {
		t.Errorf("good: %+v", v)
	}
	if a := v.Providers[0].Autoconfig; a.Status != "skip" || !strings.Contains(a.Detail, "not published") {
		t.Errorf("good autoconfig: %+v", a)
	}
	if s := v.Providers[0].Sources; len(s) != 3 || s[0].Source != "autoconfig" || s[1].Source != "autodiscover" || s[2].Source != "ispdb" {
		t.Errorf("good sources: %+v", s)
	} else {
		for _, x := range s {
			if x.URL != "" || x.Step.Status != "skip" {
				t.Errorf("good %s: %+v, want skipped (not published)", x.Source, x)
			}
		}
	}

	code, out, errs = run(t, "", nil, append(args, "good", "drift", "--format", "json")...)
	if code != ExitFindings {
		t.Fatalf("drift: exit %d, want 1\n%s%s", code, errs, out)
	}
	v = verifyOut{}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(v.Providers) != 2 || v.Providers[1].Key != "drift" || v.Providers[1].Status != "drift" {
		t.Fatalf("drift: %+v", v)
	}
	var ev []string
	for _, d := range v.Providers[1].Drift {
		if d.Code != "verify.drift" {
			t.Errorf("drift code %q", d.Code)
		}
		ev = append(ev, d.Evidence)
	}
	all := strings.Join(ev, "\n")
	for _, want := range []string{
		"pop3 mail.test:" + strconv.Itoa(wrongName.Port) + " tls: tls.cert-hostname-mismatch",
		"smtp mail.test:" + strconv.Itoa(sub.Port) + " tls: port.expects-starttls",
		"smtp: the provider's autoconfig lists mail.test:2465 tls; the entry lists mail.test:" + strconv.Itoa(sub.Port) + " tls",
		"smtp: the provider's Autodiscover lists mail.test:587 starttls; the entry lists mail.test:" + strconv.Itoa(sub.Port) + " tls",
		"imap: the ISPDB lists mail.test:143 starttls; the entry lists mail.test:" + strconv.Itoa(imaps.Port) + " tls",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("drift lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "imap mail.test") || strings.Contains(all, "imap: the provider's") {
		t.Errorf("the IMAP endpoint matches its autoconfig and Autodiscover and answers, but drifted:\n%s", all)
	}
	if len(ev) != 5 {
		t.Errorf("%d drift findings, want 5 (2 from the probe, 1 per source):\n%s", len(ev), all)
	}
	src := map[string]int{}
	for _, x := range v.Providers[1].Sources {
		src[x.Source] = x.Servers
		if x.Step.Status != "warn" {
			t.Errorf("drift %s step %+v, want warn", x.Source, x.Step)
		}
	}
	if src["autoconfig"] != 2 || src["autodiscover"] != 2 || src["ispdb"] != 1 {
		t.Errorf("drift sources servers %v, want autoconfig 2, autodiscover 2, ispdb 1", src)
	}
	if p := v.Providers[1]; p.AutoconfigServers != 2 || !strings.HasPrefix(p.AutoconfigURL, "https://autoconfig.drift.test/mail/config-v1.1.xml") {
		t.Errorf("drift autoconfig: %q, %d servers", p.AutoconfigURL, p.AutoconfigServers)
	}
	if a := v.Providers[1].Autoconfig; a.Status != "warn" || !strings.Contains(a.Detail, "autoconfig.drift.test") {
		t.Errorf("drift autoconfig step: %+v", a)
	}

	// The table names the drift too.
	_, out, _ = run(t, "", map[string]string{"COLUMNS": "250"}, append(args, "drift")...) // wide: a cell wraps at 80
	if !strings.Contains(out, "port.expects-starttls") || !strings.Contains(out, "warn: 2 servers") {
		t.Errorf("table:\n%s", out)
	}
	// --no-ispdb: the ISPDB is not asked, its source is off, the other drift remains.
	for len(ispAsked) > 0 {
		<-ispAsked
	}
	code, out, errs = run(t, "", nil, append(args, "drift", "--no-ispdb", "--format", "json")...)
	if code != ExitFindings {
		t.Fatalf("--no-ispdb: exit %d\n%s%s", code, errs, out)
	}
	if len(ispAsked) > 0 {
		t.Errorf("--no-ispdb still asked the ISPDB: %s", <-ispAsked)
	}
	v = verifyOut{}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if s := v.Providers[0].Sources; len(s) != 3 || !s[2].Off || len(v.Providers[0].Drift) != 4 {
		t.Errorf("--no-ispdb: sources %+v, %d drift", s, len(v.Providers[0].Drift))
	}
	_, out, _ = run(t, "", map[string]string{"COLUMNS": "250"}, append(args, "drift", "--no-ispdb")...)
	if !strings.Contains(out, "ispdb off") || !strings.Contains(out, "autodiscover warn: 2 servers") {
		t.Errorf("--no-ispdb table:\n%s", out)
	}
	// Bad input is exit 2.
	for _, bad := range [][]string{{"nosuch"}, {"good", "--password-env", "PW"}, {"good", "--ispdb-url", "http://ispdb.test/v1.1/"}} {
		if code, _, errs := run(t, "", map[string]string{"PW": "x"}, append(args, bad...)...); code != ExitUsage {
			t.Errorf("%v: exit %d (%s)", bad, code, errs)
		}
	}
}
