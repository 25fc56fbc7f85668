package cmd

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/testservers"
)

// jsonReport is the slice of the JSON contract these tests read.
type jsonReport struct {
	Schema   string
	Provider string
	Settings *struct {
		Endpoints []struct {
			Proto, Host, Security, Source string
			Port                          int
			Alt                           bool
		}
		Auth string
	}
	Discovery []struct {
		Name, Status, Detail string
		Findings             []struct{ Code string }
	}
	Results []struct {
		Endpoint struct {
			Proto, Host, Source string
			Port                int
		}
		Status  string
		Mailbox *struct{ Messages int }
		Steps   []struct {
			Name, Status, Detail string
			Findings             []struct{ Code string }
		}
	}
	Findings []struct{ Code string }
}

func parseReport(t *testing.T, out string) jsonReport {
	t.Helper()
	var r jsonReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("JSON: %v\n%s", err, out)
	}
	return r
}

func (r jsonReport) codes() []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Code)
	}
	for _, s := range r.Discovery {
		for _, f := range s.Findings {
			out = append(out, f.Code)
		}
	}
	for _, res := range r.Results {
		for _, s := range res.Steps {
			for _, f := range s.Findings {
				out = append(out, f.Code)
			}
		}
	}
	return out
}

// TestAccountSRV runs the whole chain offline: a loopback DNS server serving SRV records for a
// company domain, and testservers as the endpoints, logged into with a password from the env.
// The SRV targets are the address's own domain, mail.test (the name the testservers'
// certificates carry), so the password may go there; they are on the
// testservers' random ports, which only --any-port lets discovery keep.
func TestAccountSRV(t *testing.T) {
	ca, caFile := testCA(t)
	smtp := testservers.StartT(t, testservers.Config{Proto: "smtp", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	pop3 := testservers.StartT(t, testservers.Config{Proto: "pop3", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	imap := testservers.StartT(t, testservers.Config{Proto: "imap", Faults: testservers.Faults{RequireTLSForAuth: true}}, ca)
	dns := testservers.StartDNST(t, testservers.Zone{
		A:  map[string][]string{"mail.test": {"127.0.0.1"}, "mx.mail.test": {"127.0.0.1"}},
		MX: map[string][]testservers.MX{"mail.test": {{Host: "mx.mail.test", Pref: 10}}},
		SRV: map[string][]testservers.SRV{
			"_submissions._tcp.mail.test": {{Target: "mail.test", Port: uint16(smtp.Port), Priority: 0, Weight: 1}},
			"_pop3s._tcp.mail.test":       {{Target: "mail.test", Port: uint16(pop3.Port), Priority: 0, Weight: 1}},
			"_imaps._tcp.mail.test":       {{Target: ".", Port: 0}},
			"_imap._tcp.mail.test":        {{Target: "mail.test", Port: uint16(imap.Port), Priority: 0, Weight: 1}},
		},
	})
	code, out, errs := run(t, "", map[string]string{"PW": testservers.DefaultPassword},
		"account", "user@mail.test", "--resolver", dns.Addr, "--ca-file", caFile,
		"--user", testservers.DefaultUser, "--password-env", "PW", "--format", "json", "--timeout", "3s", "--any-port")
	if code != ExitOK {
		t.Fatalf("exit = %d\n%s\n%s", code, errs, out)
	}
	r := parseReport(t, out)
	srcs := map[string]int{}
	for _, res := range r.Results {
		srcs[res.Endpoint.Source] = res.Endpoint.Port
		if res.Status != "ok" {
			t.Errorf("%s %s:%d status %s", res.Endpoint.Proto, res.Endpoint.Host, res.Endpoint.Port, res.Status)
		}
		if res.Endpoint.Proto != "smtp" && (res.Mailbox == nil || res.Mailbox.Messages == 0) {
			t.Errorf("%s mailbox not seen: %+v", res.Endpoint.Proto, res.Mailbox)
		}
	}
	if srcs["srv:_submissions._tcp"] != smtp.Port || srcs["srv:_pop3s._tcp"] != pop3.Port || srcs["srv:_imap._tcp"] != imap.Port {
		t.Errorf("endpoint sources = %v, want the three SRV records", srcs)
	}
	if len(r.Results) != 3 || r.Results[0].Endpoint.Proto != "imap" {
		t.Errorf("%d endpoints probed, want IMAP, POP3 and SMTP in that order (the _imaps target is '.')", len(r.Results))
	}
	if strings.Contains(out, testservers.DefaultPassword) {
		t.Error("password in the report")
	}
}

func TestAccountNXDomain(t *testing.T) {
	dns := testservers.StartDNST(t, testservers.Zone{A: map[string][]string{"other.test": {"127.0.0.1"}}})
	code, out, errs := run(t, "", nil, "account", "user@nowhere.test", "--resolver", dns.Addr, "--format", "json", "--timeout", "2s")
	if code != ExitFindings {
		t.Fatalf("exit = %d, want 1\n%s%s", code, errs, out)
	}
	c := parseReport(t, out).codes()
	if !contains(c, "dns.nxdomain") || !contains(c, "discovery.no-endpoints") {
		t.Errorf("codes = %v, want dns.nxdomain and discovery.no-endpoints", c)
	}
}

// TestProviderLive checks a provider's endpoints live, offline: a --providers file points a
// company entry at loopback testservers, one of them on the wrong TLS mode.
func TestProviderLive(t *testing.T) {
	ca, caFile := testCA(t)
	smtps := testservers.StartT(t, testservers.Config{Proto: "smtp", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	pop3s := testservers.StartT(t, testservers.Config{Proto: "pop3", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	file := t.TempDir() + "/providers.json"
	os.WriteFile(file, []byte(fmt.Sprintf(`{"version": 1, "providers": [{
  "key": "acme", "name": {"en": "ACME Mail", "zh": "ACME 邮箱"}, "domains": ["acme.test"],
  "endpoints": [
    {"proto": "pop3", "host": "localhost", "port": %d, "security": "tls"},
    {"proto": "smtp", "host": "localhost", "port": %d, "security": "starttls"}
  ],
  "username": "address", "auth": "password", "status": "active", "verified": "2026-11-27",
  "sources": ["test"], "confidence": "A"}]}`, pop3s.Port, smtps.Port)), 0o600)
	code, out, errs := run(t, "", nil, "provider", "acme", "--providers", file, "--ca-file", caFile, "--format", "json", "--timeout", "500ms")
	if code != ExitFindings {
		t.Fatalf("exit = %d, want 1 (the SMTP entry has the wrong mode)\n%s%s", code, errs, out)
	}
	r := parseReport(t, out)
	if len(r.Results) != 2 || r.Results[0].Status != "ok" {
		t.Fatalf("results = %+v", r.Results)
	}
	c := r.codes()
	if !contains(c, "port.expects-tls") || !contains(c, "provider.settings-drift") {
		t.Errorf("codes = %v, want port.expects-tls and provider.settings-drift", c)
	}
}

func TestProviderOffline(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want []string
	}{
		{[]string{"provider", "qq", "--offline"}, ExitOK, []string{"授权码", "SSL/TLS", "465", "993", "995"}},
		{[]string{"provider", "QQ邮箱", "--offline", "--lang", "zh"}, ExitOK, []string{"授权码", "993"}},
		{[]string{"provider", "gmail", "--offline"}, ExitOK, []string{"app", "OAuth"}},
		{[]string{"provider", "yahoo.com.cn", "--offline"}, ExitFindings, []string{"provider.closed", "aliyun"}},
		{[]string{"provider", "网易", "--offline"}, ExitOK, []string{"imap.163.com"}},
		{[]string{"providers"}, ExitOK, []string{"qq", "gmail", "outlook", "139"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errs := run(t, "", nil, tt.args...)
			if code != tt.code {
				t.Fatalf("exit = %d, want %d\n%s%s", code, tt.code, errs, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
	code, _, errs := run(t, "", nil, "provider", "gmial")
	if code != ExitUsage || !strings.Contains(errs, "gmail") {
		t.Errorf("unknown provider: exit %d, stderr %q; want 2 with a gmail suggestion", code, errs)
	}
}

// TestAccountConflict: when MX names a hosted provider and SRV records name other servers, the
// report says so (discovery.conflict). The provider's own hosts do not exist in the loopback
// zone, so nothing is contacted beyond 127.0.0.1.
func TestAccountConflict(t *testing.T) {
	dns := testservers.StartDNST(t, testservers.Zone{
		A:   map[string][]string{"mail.test": {"127.0.0.1"}},
		MX:  map[string][]testservers.MX{"conflict.test": {{Host: "aspmx.l.google.com", Pref: 1}}},
		SRV: map[string][]testservers.SRV{"_submission._tcp.conflict.test": {{Target: "mail.test", Port: 1, Weight: 1}}},
	})
	_, out, errs := run(t, "", nil, "account", "user@conflict.test", "--resolver", dns.Addr, "--format", "json", "--timeout", "1s")
	if c := parseReport(t, out).codes(); !contains(c, "discovery.conflict") {
		t.Errorf("codes %v, want discovery.conflict\n%s", c, errs)
	}
}
