package cmd

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/testservers"
)

// TestAccountForeignSRV is the stranger's-server attack (issue 20 item 5): a hostile zone for
// victim.test whose SRV records point at mail.test, another domain, where testservers answer
// with a certificate the test CA made valid for that name. Without --trust-discovered (or a
// DNSSEC-validated answer) neither the password nor the token may reach those servers; the
// servers themselves say what they were offered.
func TestAccountForeignSRV(t *testing.T) {
	key := []byte("foreign-test-key-0123456789abcdef")
	ca, caFile := testCA(t)
	now := time.Now()
	token := testservers.MintToken(key, map[string]any{"sub": testservers.DefaultUser, "email": testservers.DefaultUser,
		"iat": now.Add(-time.Minute).Unix(), "exp": now.Add(time.Hour).Unix(), "scope": "mail"})
	tests := []struct {
		name    string
		secret  string // "password" or "token"
		flags   []string
		secure  bool // the resolver validated the SRV answers (AD bit)
		sent    bool // the servers may see the secret
		code    string
		exit    int
		wantSrc string // in the table output
	}{
		{"password withheld", "password", nil, false, false, "discovery.foreign-host", ExitOK, "no credentials sent"},
		{"token withheld", "token", nil, false, false, "discovery.foreign-host", ExitOK, "no credentials sent"},
		{"password, --trust-discovered", "password", []string{"--trust-discovered"}, false, true, "discovery.foreign-host-trusted", ExitOK, "foreign host trusted"},
		{"token, --trust-discovered", "token", []string{"--trust-discovered"}, false, true, "discovery.foreign-host-trusted", ExitOK, "foreign host trusted"},
		{"password, DNSSEC-validated", "password", nil, true, true, "discovery.foreign-host-trusted", ExitOK, "dnssec"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			oauth := &testservers.OAuthConfig{Key: key, Scope: "mail"}
			imaps := testservers.StartT(t, testservers.Config{Proto: "imap", Faults: testservers.Faults{ImplicitTLS: true}, OAuth: oauth}, ca)
			smtps := testservers.StartT(t, testservers.Config{Proto: "smtp", Faults: testservers.Faults{ImplicitTLS: true}, OAuth: oauth}, ca)
			z := testservers.Zone{
				A:  map[string][]string{"mail.test": {"127.0.0.1"}, "mx.victim.test": {"127.0.0.1"}},
				MX: map[string][]testservers.MX{"victim.test": {{Host: "mx.victim.test", Pref: 10}}},
				SRV: map[string][]testservers.SRV{
					"_imaps._tcp.victim.test":       {{Target: "mail.test", Port: uint16(imaps.Port), Weight: 1}},
					"_submissions._tcp.victim.test": {{Target: "mail.test", Port: uint16(smtps.Port), Weight: 1}},
				},
			}
			if tt.secure {
				z.Secure = []string{"_imaps._tcp.victim.test", "_submissions._tcp.victim.test"}
			}
			dns := testservers.StartDNST(t, z)
			secret := testservers.DefaultPassword
			env := map[string]string{"PW": secret}
			args := []string{"account", "user@victim.test", "--resolver", dns.Addr, "--ca-file", caFile, "--user", testservers.DefaultUser,
				"--timeout", "3s", "--any-port"}
			if tt.secret == "token" {
				secret = token
				env = map[string]string{"TOK": token}
				args = append(args, "--oauth-token-env", "TOK")
			} else {
				args = append(args, "--password-env", "PW")
			}
			args = append(args, tt.flags...)

			code, out, errs := run(t, "", env, append(args, "--format", "json")...)
			if code != tt.exit {
				t.Fatalf("exit = %d, want %d\n%s\n%s", code, tt.exit, errs, out)
			}
			seen := append(imaps.Presented(), smtps.Presented()...)
			if got := slices.Contains(seen, secret); got != tt.sent {
				t.Errorf("the servers saw the %s: %v, want %v (%d secrets offered)", tt.secret, got, tt.sent, len(seen))
			}
			if !tt.sent && len(seen) != 0 {
				t.Errorf("%d secrets offered to the stranger's servers, want none", len(seen))
			}
			r := parseReport(t, out)
			if c := r.codes(); !contains(c, tt.code) {
				t.Errorf("codes %v, want %s", c, tt.code)
			}
			var raw struct {
				Status  string
				Results []struct {
					Endpoint struct {
						Host, Trust string
						Foreign     bool
						Withheld    bool `json:"credentials_withheld"`
					}
					Steps []struct{ Name, Detail string }
				}
			}
			if err := json.Unmarshal([]byte(out), &raw); err != nil {
				t.Fatal(err)
			}
			if len(raw.Results) != 2 {
				t.Fatalf("%d results, want IMAP and SMTP", len(raw.Results))
			}
			wantTrust := "dns"
			if tt.secure {
				wantTrust = "dnssec"
			}
			for _, res := range raw.Results {
				e := res.Endpoint
				if e.Host != "mail.test" || e.Trust != wantTrust || !e.Foreign || e.Withheld == tt.sent {
					t.Errorf("endpoint %+v, want mail.test, trust %s, foreign, withheld %v", e, wantTrust, !tt.sent)
				}
				if !tt.sent {
					i := slices.IndexFunc(res.Steps, func(s struct{ Name, Detail string }) bool { return s.Name == "auth" })
					if i < 0 || !strings.Contains(res.Steps[i].Detail, "outside the address's domain, so the "+tt.secret+" was not sent") {
						t.Errorf("auth step does not say why no login was tried: %+v", res.Steps)
					}
				}
			}
			if !tt.sent && raw.Status != "warn" {
				t.Errorf("status %s, want warn", raw.Status)
			}
			if strings.Contains(out+errs, secret) {
				t.Errorf("the %s shows in the output", tt.secret)
			}
			// The table shows the trust level and what happened to the credentials.
			_, tab, _ := run(t, "", env, args...)
			if !strings.Contains(tab, tt.wantSrc) {
				t.Errorf("table lacks %q:\n%s", tt.wantSrc, tab)
			}
		})
	}
}

// TestAccountDiscoverySafetyFlags: --deadline is validated; a discovered non-mail port is
// dropped (not contacted) without --any-port, and said so.
func TestAccountDiscoverySafetyFlags(t *testing.T) {
	if code, _, errs := run(t, "", nil, "account", "u@x.test", "--deadline", "0s"); code != ExitUsage || !strings.Contains(errs, "--deadline") {
		t.Errorf("--deadline 0s: exit %d, %q", code, errs)
	}
	if code, _, errs := run(t, "", nil, "batch", "-", "--deadline", "-1s"); code != ExitUsage || !strings.Contains(errs, "--deadline") {
		t.Errorf("batch --deadline -1s: exit %d, %q", code, errs)
	}
	ca, caFile := testCA(t)
	imaps := testservers.StartT(t, testservers.Config{Proto: "imap", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	dns := testservers.StartDNST(t, testservers.Zone{
		A:   map[string][]string{"mail.test": {"127.0.0.1"}},
		SRV: map[string][]testservers.SRV{"_imaps._tcp.mail.test": {{Target: "mail.test", Port: uint16(imaps.Port), Weight: 1}}},
	})
	code, out, errs := run(t, "", nil, "account", "user@mail.test", "--resolver", dns.Addr, "--ca-file", caFile, "--format", "json", "--timeout", "2s")
	r := parseReport(t, out)
	if c := r.codes(); !contains(c, "discovery.port-refused") {
		t.Errorf("codes %v, want discovery.port-refused\n%s", c, errs)
	}
	for _, res := range r.Results {
		if res.Endpoint.Port == imaps.Port {
			t.Errorf("the non-mail port %d was probed (exit %d)", imaps.Port, code)
		}
	}
	if imaps.Conns() != 0 {
		t.Errorf("%d connections to the dropped endpoint", imaps.Conns())
	}
}

// TestAccountDeadline: --deadline bounds the whole account run; a tarpit server that would hold
// every step for its full --timeout is cut short and reported as run.deadline (exit 1). Wherever
// the deadline falls (discovery or probe), the finding is the same, so load does not matter.
func TestAccountDeadline(t *testing.T) {
	ca, caFile := testCA(t)
	tarpit := testservers.StartT(t, testservers.Config{Proto: "imap", Faults: testservers.Faults{ImplicitTLS: true, GreetingDelay: time.Hour}}, ca)
	dns := testservers.StartDNST(t, testservers.Zone{
		A:   map[string][]string{"mail.test": {"127.0.0.1"}},
		SRV: map[string][]testservers.SRV{"_imaps._tcp.mail.test": {{Target: "mail.test", Port: uint16(tarpit.Port), Weight: 1}}},
	})
	start := time.Now()
	code, out, errs := run(t, "", nil, "account", "user@mail.test", "--resolver", dns.Addr, "--ca-file", caFile, "--format", "json",
		"--timeout", "1h", "--deadline", "1s", "--any-port")
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1\n%s%s", code, errs, out)
	}
	if c := parseReport(t, out).codes(); !contains(c, "run.deadline") || contains(c, "server.greeting-timeout") {
		t.Errorf("codes %v, want run.deadline and no server timeout", c)
	}
	// Generous: the point is that --timeout 1h did not apply.
	if d := time.Since(start); d > time.Minute {
		t.Errorf("took %s", d)
	}
}
