package cmd

import (
	"crypto/tls"
	"encoding/json"
	"fmt"
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
		Drift             []struct{ Code, Evidence string }
	}
}

// TestProvidersVerify runs verify against loopback only: a providers file whose entries point
// at testservers, a loopback DNS server and a loopback HTTPS server publishing the drifting
// entry's autoconfig with another SMTP port.
func TestProvidersVerify(t *testing.T) {
	ca, caFile := testCA(t)
	imaps := testservers.StartT(t, testservers.Config{Proto: "imap", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	sub := testservers.StartT(t, testservers.Config{Proto: "smtp"}, ca)
	wrongName := testservers.StartT(t, testservers.Config{Proto: "pop3", Faults: testservers.Faults{ImplicitTLS: true, Cert: testservers.WrongHost}}, ca)

	cert, err := ca.Cert(testservers.Valid, "autoconfig.drift.test")
	if err != nil {
		t.Fatal(err)
	}
	doc := fmt.Sprintf(`<clientConfig version="1.1"><emailProvider id="drift.test"><domain>drift.test</domain>
<incomingServer type="imap"><hostname>mail.test</hostname><port>%d</port><socketType>SSL</socketType></incomingServer>
<outgoingServer type="smtp"><hostname>mail.test</hostname><port>2465</port><socketType>SSL</socketType></outgoingServer>
</emailProvider></clientConfig>`, imaps.Port)
	web := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.Host, "autoconfig.drift.test") && r.URL.Path == "/mail/config-v1.1.xml" {
			fmt.Fprint(w, doc)
			return
		}
		http.NotFound(w, r)
	}))
	web.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	web.StartTLS()
	t.Cleanup(web.Close)
	_, webPort, _ := net.SplitHostPort(web.Listener.Addr().String())
	dns := testservers.StartDNST(t, testservers.Zone{A: map[string][]string{"autoconfig.drift.test": {"127.0.0.1"}, "mail.test": {"127.0.0.1"}}})

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
		"--https-port", webPort, "--timeout", "3s"}

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
		"lists smtp mail.test:2465 tls; the entry does not",
		"the entry lists smtp mail.test:" + strconv.Itoa(sub.Port) + " tls; the provider's autoconfig does not",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("drift lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "imap mail.test") {
		t.Errorf("the IMAP endpoint matches its autoconfig and answers, but drifted:\n%s", all)
	}
	if p := v.Providers[1]; p.AutoconfigServers != 2 || !strings.HasPrefix(p.AutoconfigURL, "https://autoconfig.drift.test/mail/config-v1.1.xml") {
		t.Errorf("drift autoconfig: %q, %d servers", p.AutoconfigURL, p.AutoconfigServers)
	}
	if a := v.Providers[1].Autoconfig; a.Status != "warn" || !strings.Contains(a.Detail, "autoconfig.drift.test") {
		t.Errorf("drift autoconfig step: %+v", a)
	}

	// The table names the drift too.
	_, out, _ = run(t, "", nil, append(args, "drift")...)
	if !strings.Contains(out, "port.expects-starttls") || !strings.Contains(out, "warn: 2 servers") {
		t.Errorf("table:\n%s", out)
	}
	// Bad input is exit 2.
	for _, bad := range [][]string{{"nosuch"}, {"good", "--password-env", "PW"}} {
		if code, _, errs := run(t, "", map[string]string{"PW": "x"}, append(args, bad...)...); code != ExitUsage {
			t.Errorf("%v: exit %d (%s)", bad, code, errs)
		}
	}
}
