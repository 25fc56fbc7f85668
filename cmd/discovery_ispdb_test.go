package cmd

import (
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/mailcheck/mailcheck/testservers"
)

// TestAccountISPDB: a domain known only to the ISPDB (served on loopback through --ispdb-url)
// is discovered, probed, and its endpoints carry the source; --no-ispdb turns the lookup off;
// a non-HTTPS ISPDB URL is a usage error.
func TestAccountISPDB(t *testing.T) {
	ca, caFile := testCA(t)
	imap := testservers.StartT(t, testservers.Config{Proto: "imap", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	smtp := testservers.StartT(t, testservers.Config{Proto: "smtp", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	cert, err := ca.Cert(testservers.Valid, "ispdb.test")
	if err != nil {
		t.Fatal(err)
	}
	asked := make(chan string, 16)
	isp := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked <- r.Host + r.URL.Path
		if r.URL.Path != "/v1.1/isp.test" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprintf(w, `<clientConfig version="1.1"><emailProvider id="isp.test">
<incomingServer type="imap"><hostname>mail.test</hostname><port>%d</port><socketType>SSL</socketType><username>%%EMAILADDRESS%%</username></incomingServer>
<outgoingServer type="smtp"><hostname>mail.test</hostname><port>%d</port><socketType>SSL</socketType></outgoingServer>
</emailProvider></clientConfig>`, imap.Port, smtp.Port)
	}))
	isp.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	isp.StartTLS()
	t.Cleanup(isp.Close)
	_, port, _ := net.SplitHostPort(isp.Listener.Addr().String())
	dns := testservers.StartDNST(t, testservers.Zone{
		A:  map[string][]string{"mail.test": {"127.0.0.1"}, "ispdb.test": {"127.0.0.1"}, "relay.filter.test": {"127.0.0.1"}},
		MX: map[string][]testservers.MX{"isp.test": {{Host: "relay.filter.test", Pref: 10}}},
	})
	base := "https://ispdb.test:" + port + "/v1.1/"

	code, out, errs := run(t, "", nil, "account", "user@isp.test", "--resolver", dns.Addr, "--ca-file", caFile,
		"--ispdb-url", base, "--any-port", "--format", "json", "--timeout", "3s")
	if code != ExitOK {
		t.Fatalf("exit = %d\n%s\n%s", code, errs, out)
	}
	r := parseReport(t, out)
	if len(r.Results) != 2 {
		t.Fatalf("%d endpoints probed, want IMAP and SMTP from the ISPDB\n%s", len(r.Results), out)
	}
	for _, res := range r.Results {
		if res.Endpoint.Source != "ispdb" || res.Status != "ok" || res.Endpoint.Host != "mail.test" {
			t.Errorf("%s %s:%d source %q status %s, want ok from ispdb", res.Endpoint.Proto, res.Endpoint.Host, res.Endpoint.Port, res.Endpoint.Source, res.Status)
		}
	}
	steps := map[string]string{}
	for _, s := range r.Discovery {
		steps[s.Name] = s.Status
	}
	// mail.test is outside isp.test: the ISPDB's servers are used but flagged (no password
	// would go there without --trust-discovered).
	if steps["ispdb"] != "warn" || steps["autodiscover"] != "skip" || steps["m365"] == "" {
		t.Errorf("discovery steps = %v, want ispdb warn, autodiscover skipped, an m365 step", steps)
	}
	if c := r.codes(); !contains(c, "discovery.foreign-host") {
		t.Errorf("codes = %v, want discovery.foreign-host for mail.test", c)
	}

	for len(asked) > 0 {
		<-asked
	}
	code, out, errs = run(t, "", map[string]string{"MAILCHECK_ISPDB_URL": base}, "account", "user@isp.test",
		"--resolver", dns.Addr, "--ca-file", caFile, "--no-ispdb", "--any-port", "--format", "json", "--timeout", "3s")
	if code != ExitFindings {
		t.Fatalf("--no-ispdb: exit = %d, want 1 (nothing found)\n%s\n%s", code, errs, out)
	}
	if c := parseReport(t, out).codes(); !contains(c, "discovery.no-endpoints") {
		t.Errorf("--no-ispdb codes = %v, want discovery.no-endpoints", c)
	}
	if len(asked) > 0 {
		t.Errorf("--no-ispdb still asked the ISPDB: %s", <-asked)
	}

	code, _, errs = run(t, "", nil, "account", "user@isp.test", "--resolver", dns.Addr, "--ispdb-url", "http://ispdb.test/v1.1/")
	if code != ExitUsage {
		t.Errorf("http ISPDB URL: exit = %d, want %d\n%s", code, ExitUsage, errs)
	}
}
