package providers

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/testservers"
)

func TestMailPort(t *testing.T) {
	for _, p := range []int{25, 465, 587, 2525, 110, 995, 143, 993} {
		if !mailPort(p) {
			t.Errorf("mailPort(%d) = false", p)
		}
	}
	for _, p := range []int{0, 22, 80, 443, 6379, 8443, 65535, -1} {
		if mailPort(p) {
			t.Errorf("mailPort(%d) = true", p)
		}
	}
}

// TestCredentialAllowed is the credential rule's table: the address's registrable domain, the
// database's hosts, the provider's base domains, and the two ways to trust a stranger.
func TestCredentialAllowed(t *testing.T) {
	db := Builtin()
	qq, _ := db.ByKey("qq")
	tests := []struct {
		name    string
		p       *Provider
		domain  string
		host    string
		trust   probes.Trust
		trustFl bool
		foreign bool
		allowed bool
	}{
		{"same domain", nil, "example.com", "mail.example.com", probes.TrustDNS, false, false, true},
		{"the domain itself", nil, "example.com", "example.com", probes.TrustDNS, false, false, true},
		{"same base from a subdomain address", nil, "corp.example.co.uk", "imap.example.co.uk", probes.TrustDNS, false, false, true},
		{"public suffix is not a base", nil, "a.co.uk", "b.co.uk", probes.TrustDNS, false, true, false},
		{"private suffix (PSL): another user's site", nil, "alice.github.io", "mail.bob.github.io", probes.TrustDNS, false, true, false},
		{"private suffix (PSL): own site", nil, "alice.github.io", "mail.alice.github.io", probes.TrustDNS, false, false, true},
		{"case and trailing dot", nil, "Example.COM", "MAIL.example.com.", probes.TrustDNS, false, false, true},
		{"lookalike", nil, "example.com", "mail.example.com.evil.test", probes.TrustDNS, false, true, false},
		{"suffix trick", nil, "example.com", "badexample.com", probes.TrustDNS, false, true, false},
		{"stranger", nil, "example.com", "mail.evil.test", probes.TrustDNS, false, true, false},
		{"stranger over https autoconfig", nil, "example.com", "mail.evil.test", probes.TrustHTTPS, false, true, false},
		{"stranger, --trust-discovered", nil, "example.com", "mail.evil.test", probes.TrustDNS, true, true, true},
		{"stranger, DNSSEC", nil, "example.com", "mail.evil.test", probes.TrustDNSSEC, false, true, true},
		{"IP literal", nil, "example.com", "127.0.0.1", probes.TrustDNS, false, true, false},
		{"a database host of any provider", nil, "example.com", "imap.gmail.com", probes.TrustDNS, false, false, true},
		{"under the provider's base domain", qq, "example.com", "imap2.qq.com", probes.TrustDNS, false, false, true},
		{"another provider's base is not enough", nil, "example.com", "imap2.qq.com", probes.TrustDNS, false, true, false},
		{"database endpoint", nil, "example.com", "anything.test", probes.TrustDB, false, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := db.foreign(tt.p, tt.domain, tt.host); got != tt.foreign {
				t.Errorf("foreign = %v, want %v", got, tt.foreign)
			}
			if got := db.credentialAllowed(tt.p, tt.domain, tt.host, tt.trust, tt.trustFl); got != tt.allowed {
				t.Errorf("credentialAllowed = %v, want %v", got, tt.allowed)
			}
		})
	}
}

// TestCheckRedirect: only HTTPS on 443 to a host name in the address's registrable domain.
func TestCheckRedirect(t *testing.T) {
	check := checkRedirect("example.com")
	tests := []struct {
		to   string
		via  int
		want string // "" = followed, else part of the refusal
	}{
		{"https://www.example.com/mail/config-v1.1.xml", 1, ""},
		{"https://example.com:443/x", 1, ""},
		{"https://autoconfig.mail.example.com/x", 4, ""},
		{"https://www.example.com/x", 5, "more than 5"},
		{"http://www.example.com/x", 1, "not HTTPS"},
		{"https://www.example.com:8443/x", 1, "port 443"},
		{"https://127.0.0.1/x", 1, "IP address"},
		{"https://[::1]/x", 1, "IP address"},
		{"https://10.0.0.1:443/x", 1, "IP address"},
		{"https://attacker.test/x", 1, "outside example.com"},
		{"https://example.com.attacker.test/x", 1, "outside example.com"},
		{"ftp://www.example.com/x", 1, "not HTTPS"},
	}
	for _, tt := range tests {
		u, _ := url.Parse(tt.to)
		err := check(&http.Request{URL: u}, make([]*http.Request, tt.via))
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: refused: %v", tt.to, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: err = %v, want %q", tt.to, err, tt.want)
		}
	}
}

// safetyRig is a loopback DNS zone (testservers, AD bit where Secure) and a loopback HTTPS
// autoconfig server reached through the HTTPSPort hook.
type safetyRig struct {
	d      *Discoverer
	served chan string // host+path of every autoconfig request
}

func newSafetyRig(t *testing.T, z testservers.Zone, docs map[string]func(w http.ResponseWriter, r *http.Request)) *safetyRig {
	t.Helper()
	dns := testservers.StartDNST(t, z)
	names := []string{"unused.test"}
	for h := range docs {
		names = append(names, h)
	}
	pool, cert := testCA(t, names...)
	rig := &safetyRig{served: make(chan string, 64)}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case rig.served <- r.Host + r.URL.Path:
		default:
		}
		if f, ok := docs[r.Host]; ok {
			f(w, r)
			return
		}
		http.NotFound(w, r)
	})
	srv := httptest.NewUnstartedServer(h)
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	n, _ := strconv.Atoi(port)
	rig.d = &Discoverer{DNS: probes.NewResolver(dns.Addr, 2*time.Second), RootCAs: pool, HTTPSPort: n, Timeout: 5 * time.Second}
	return rig
}

func (r *safetyRig) requests() []string {
	var out []string
	for {
		select {
		case s := <-r.served:
			out = append(out, s)
		default:
			return out
		}
	}
}

func findingsOf(d *Discovery, code findings.Code) []findings.Finding {
	var out []findings.Finding
	for _, s := range d.Steps {
		for _, f := range s.Findings {
			if f.Code == code {
				out = append(out, f)
			}
		}
	}
	return out
}

// TestDiscoverSafety: hostile zones against the discovery rules — fan-out caps, mail ports,
// foreign hosts (withheld, trusted by flag, trusted by DNSSEC).
func TestDiscoverSafety(t *testing.T) {
	many := func(n int, target string, port uint16) []testservers.SRV {
		var out []testservers.SRV
		for i := range n {
			out = append(out, testservers.SRV{Target: fmt.Sprintf("m%d.%s", i, target), Port: port, Priority: uint16(i), Weight: 1})
		}
		return out
	}
	a := map[string][]string{}
	z := testservers.Zone{
		A: a,
		SRV: map[string][]testservers.SRV{
			// 200 records for one service, every service filled past its cap.
			"_imaps._tcp.flood.test":       many(200, "flood.test", 993),
			"_imap._tcp.flood.test":        many(10, "flood.test", 143),
			"_pop3s._tcp.flood.test":       many(10, "flood.test", 995),
			"_pop3._tcp.flood.test":        many(10, "flood.test", 110),
			"_submissions._tcp.flood.test": many(10, "flood.test", 465),
			"_submission._tcp.flood.test":  many(10, "flood.test", 587),
			// Non-mail ports next to a good one.
			"_imaps._tcp.ports.test":      {{Target: "mail.ports.test", Port: 22, Weight: 1}, {Target: "mail.ports.test", Port: 993, Weight: 1, Priority: 1}},
			"_submission._tcp.ports.test": {{Target: "mail.ports.test", Port: 6379, Weight: 1}},
			// A stranger's host, in plain DNS and in a signed answer.
			"_imaps._tcp.victim.test":       {{Target: "mail.evil.test", Port: 993, Weight: 1}},
			"_submissions._tcp.victim.test": {{Target: "mail.evil.test", Port: 465, Weight: 1}, {Target: "mail.victim.test", Port: 465, Weight: 1, Priority: 1}},
			"_imaps._tcp.signed.test":       {{Target: "mail.evil.test", Port: 993, Weight: 1}},
		},
		MX: map[string][]testservers.MX{
			"flood.test": {{Host: "mx.flood.test", Pref: 1}}, "ports.test": {{Host: "mx.ports.test", Pref: 1}},
			"victim.test": {{Host: "mx.victim.test", Pref: 1}}, "signed.test": {{Host: "mx.signed.test", Pref: 1}},
		},
		Secure: []string{"_imaps._tcp.signed.test"},
	}
	for _, h := range []string{"mx.flood.test", "mx.ports.test", "mx.victim.test", "mx.signed.test", "mail.ports.test", "mail.evil.test", "mail.victim.test"} {
		a[h] = []string{"127.0.0.1"}
	}
	rig := newSafetyRig(t, z, nil)
	ctx := context.Background()

	t.Run("SRV flood capped per service", func(t *testing.T) {
		disc, err := rig.d.Discover(ctx, "u@flood.test")
		if err != nil {
			t.Fatal(err)
		}
		perSvc := map[string]int{}
		for _, e := range disc.Endpoints {
			perSvc[e.Source]++
		}
		if len(perSvc) != 6 {
			t.Errorf("services = %v, want all six", perSvc)
		}
		for src, n := range perSvc {
			if n != maxPerService {
				t.Errorf("%s: %d endpoints kept, want %d", src, n, maxPerService)
			}
		}
		// The first by priority are the ones kept.
		if disc.Endpoints[0].Host != "m0.flood.test" {
			t.Errorf("first endpoint %s, want m0.flood.test (priority 0)", disc.Endpoints[0].Host)
		}
		f := findingsOf(disc, findings.DiscoveryTooManyRecords)
		if len(f) != 1 || !strings.Contains(f[0].Evidence, "_imaps._tcp.flood.test: 200 records, first 4 kept") {
			t.Errorf("too-many-records = %+v", f)
		}
		if s := stepOf(disc, "srv"); s.Status != probes.Warn {
			t.Errorf("srv step %s, want warn", s.Status)
		}
	})

	t.Run("non-mail ports dropped unless --any-port", func(t *testing.T) {
		disc, _ := rig.d.Discover(ctx, "u@ports.test")
		if len(disc.Endpoints) != 1 || disc.Endpoints[0].Port != 993 {
			t.Errorf("endpoints = %v, want only :993", disc.Endpoints)
		}
		f := findingsOf(disc, findings.DiscoveryPortRefused)
		if len(f) != 2 || !strings.Contains(f[0].Evidence+f[1].Evidence, "port 22") || !strings.Contains(f[0].Evidence+f[1].Evidence, "port 6379") {
			t.Errorf("port-refused = %+v", f)
		}
		d := *rig.d
		d.AnyPort = true
		disc, _ = d.Discover(ctx, "u@ports.test")
		if len(disc.Endpoints) != 3 || len(findingsOf(disc, findings.DiscoveryPortRefused)) != 0 {
			t.Errorf("--any-port: endpoints = %v", disc.Endpoints)
		}
	})

	foreignOf := func(disc *Discovery) (held, trusted []string) {
		for _, e := range disc.Endpoints {
			switch {
			case e.Foreign && e.Withheld:
				held = append(held, fmt.Sprintf("%s:%d", e.Host, e.Port))
			case e.Foreign:
				trusted = append(trusted, fmt.Sprintf("%s:%d", e.Host, e.Port))
			case e.Withheld:
				t.Errorf("%v withheld but not foreign", e)
			}
		}
		return held, trusted
	}
	t.Run("foreign host: credentials withheld", func(t *testing.T) {
		disc, _ := rig.d.Discover(ctx, "u@victim.test")
		held, trusted := foreignOf(disc)
		if !slices.Equal(held, []string{"mail.evil.test:993", "mail.evil.test:465"}) || len(trusted) != 0 {
			t.Errorf("held %v trusted %v", held, trusted)
		}
		f := findingsOf(disc, findings.DiscoveryForeignHost)
		if len(f) != 1 || f[0].Severity != findings.SevWarning || !strings.Contains(f[0].Evidence, "mail.evil.test") ||
			!strings.Contains(f[0].Evidence, "outside victim.test") {
			t.Errorf("foreign-host = %+v", f)
		}
		for _, e := range disc.Endpoints {
			if e.Trust != probes.TrustDNS {
				t.Errorf("%s trust %q, want dns", e.Host, e.Trust)
			}
		}
	})
	t.Run("foreign host: --trust-discovered", func(t *testing.T) {
		d := *rig.d
		d.TrustDiscovered = true
		disc, _ := d.Discover(ctx, "u@victim.test")
		held, trusted := foreignOf(disc)
		if len(held) != 0 || len(trusted) != 2 {
			t.Errorf("held %v trusted %v", held, trusted)
		}
		f := findingsOf(disc, findings.DiscoveryForeignHostTrusted)
		if len(f) != 1 || f[0].Severity != findings.SevInfo || !strings.Contains(f[0].Evidence, "--trust-discovered") {
			t.Errorf("foreign-host-trusted = %+v", f)
		}
		if len(findingsOf(disc, findings.DiscoveryForeignHost)) != 0 {
			t.Error("foreign-host warning despite --trust-discovered")
		}
	})
	t.Run("foreign host: DNSSEC-validated answer", func(t *testing.T) {
		disc, _ := rig.d.Discover(ctx, "u@signed.test")
		if len(disc.Endpoints) != 1 || disc.Endpoints[0].Trust != probes.TrustDNSSEC {
			t.Fatalf("endpoints = %+v, want one with trust dnssec", disc.Endpoints)
		}
		held, trusted := foreignOf(disc)
		if len(held) != 0 || len(trusted) != 1 {
			t.Errorf("held %v trusted %v", held, trusted)
		}
		f := findingsOf(disc, findings.DiscoveryForeignHostTrusted)
		if len(f) != 1 || !strings.Contains(f[0].Evidence, "DNSSEC") {
			t.Errorf("foreign-host-trusted = %+v", f)
		}
	})
}

// autoDocN is a clientConfig listing n IMAP servers on host (port per server).
func autoDocN(n int, host string, port int) string {
	var b strings.Builder
	b.WriteString("<clientConfig><emailProvider>")
	for i := range n {
		fmt.Fprintf(&b, `<incomingServer type="imap"><hostname>i%d.%s</hostname><port>%d</port><socketType>SSL</socketType></incomingServer>`, i, host, port)
	}
	b.WriteString("</emailProvider></clientConfig>")
	return b.String()
}

// TestAutoconfigSafety: redirects inside the base domain are followed through the HTTPSPort
// hook; to another domain, an IP, another port or plain HTTP they are refused and reported;
// the document's servers obey the mail-port and foreign-host rules; a document of 40 servers
// keeps 32.
func TestAutoconfigSafety(t *testing.T) {
	z := testservers.Zone{A: map[string][]string{}, MX: map[string][]testservers.MX{}}
	names := []string{"good", "far", "ip", "port", "plain", "wrongport", "stranger", "big"}
	for _, n := range names {
		dom := n + ".test"
		z.MX[dom] = []testservers.MX{{Host: "mx." + dom, Pref: 1}}
		z.A["mx."+dom] = []string{"127.0.0.1"}
		z.A["autoconfig."+dom] = []string{"127.0.0.1"}
		z.A["www."+dom] = []string{"127.0.0.1"}
	}
	z.A["autoconfig.attacker.test"] = []string{"127.0.0.1"}
	redirect := func(to string) func(http.ResponseWriter, *http.Request) {
		return func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, to, http.StatusFound) }
	}
	doc := func(body string) func(http.ResponseWriter, *http.Request) {
		return func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, body) }
	}
	rig := newSafetyRig(t, z, map[string]func(http.ResponseWriter, *http.Request){
		"autoconfig.good.test":      redirect("https://www.good.test/mail/config-v1.1.xml"),
		"www.good.test":             doc(autoDocN(1, "good.test", 993)),
		"autoconfig.far.test":       redirect("https://autoconfig.attacker.test/mail/config-v1.1.xml"),
		"autoconfig.attacker.test":  doc(autoDocN(1, "attacker.test", 993)),
		"autoconfig.ip.test":        redirect("https://127.0.0.1/mail/config-v1.1.xml"),
		"autoconfig.port.test":      redirect("https://www.port.test:8443/mail/config-v1.1.xml"),
		"autoconfig.plain.test":     redirect("http://www.plain.test/mail/config-v1.1.xml"),
		"autoconfig.wrongport.test": doc(autoDocN(2, "wrongport.test", 6379)),
		"autoconfig.stranger.test":  doc(autoDocN(1, "attacker.test", 993)),
		"autoconfig.big.test":       doc(autoDocN(40, "big.test", 993)),
	})
	ctx := context.Background()

	disc, _ := rig.d.Discover(ctx, "u@good.test")
	if len(disc.Endpoints) != 1 || disc.Endpoints[0].Host != "i0.good.test" || disc.Endpoints[0].Trust != probes.TrustHTTPS {
		t.Errorf("same-domain redirect: endpoints %+v", disc.Endpoints)
	}
	rig.requests()

	for _, n := range []string{"far", "ip", "port", "plain"} {
		disc, _ := rig.d.Discover(ctx, "u@"+n+".test")
		if len(disc.Endpoints) != 0 {
			t.Errorf("%s: endpoints %v from a refused redirect", n, disc.Endpoints)
		}
		if f := findingsOf(disc, findings.DiscoveryRedirectRefused); len(f) == 0 {
			t.Errorf("%s: no discovery.redirect-refused; autoconfig step: %+v", n, stepOf(disc, "autoconfig"))
		}
		for _, req := range rig.requests() {
			if !strings.HasPrefix(req, "autoconfig."+n+".test") && !strings.HasPrefix(req, n+".test") {
				t.Errorf("%s: redirect followed to %s", n, req)
			}
		}
	}

	disc, _ = rig.d.Discover(ctx, "u@wrongport.test")
	if len(disc.Endpoints) != 0 || len(findingsOf(disc, findings.DiscoveryPortRefused)) != 2 {
		t.Errorf("autoconfig on port 6379: endpoints %v, findings %v", disc.Endpoints, codesOf(disc))
	}

	disc, _ = rig.d.Discover(ctx, "u@stranger.test")
	if len(disc.Endpoints) != 1 || !disc.Endpoints[0].Withheld || len(findingsOf(disc, findings.DiscoveryForeignHost)) != 1 {
		t.Errorf("autoconfig naming a stranger: %+v %v", disc.Endpoints, codesOf(disc))
	}

	disc, _ = rig.d.Discover(ctx, "u@big.test")
	f := findingsOf(disc, findings.DiscoveryTooManyRecords)
	if len(disc.Endpoints) != maxEndpoints || len(f) != 1 || !strings.Contains(f[0].Evidence, "lists 40 servers, first 32 kept") {
		t.Errorf("40-server document: %d endpoints, findings %+v", len(disc.Endpoints), f)
	}
}

// TestDiscoverTotalCap: SRV (6 services × 4) and autoconfig (32) together, with All, stay
// within maxEndpoints and say so.
func TestDiscoverTotalCap(t *testing.T) {
	srv := map[string][]testservers.SRV{}
	for _, svc := range srvServices {
		var recs []testservers.SRV
		for i := range 4 {
			recs = append(recs, testservers.SRV{Target: fmt.Sprintf("s%d.total.test", i), Port: uint16(defaultPort(svc.proto, svc.sec)), Weight: 1})
		}
		srv[svc.name+".total.test"] = recs
	}
	z := testservers.Zone{SRV: srv, MX: map[string][]testservers.MX{"total.test": {{Host: "mx.total.test", Pref: 1}}},
		A: map[string][]string{"mx.total.test": {"127.0.0.1"}, "autoconfig.total.test": {"127.0.0.1"}}}
	rig := newSafetyRig(t, z, map[string]func(http.ResponseWriter, *http.Request){
		"autoconfig.total.test": func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, autoDocN(32, "total.test", 993)) },
	})
	rig.d.All = true
	disc, _ := rig.d.Discover(context.Background(), "u@total.test")
	f := findingsOf(disc, findings.DiscoveryTooManyRecords)
	if len(disc.Endpoints) != maxEndpoints || len(f) != 1 || !strings.Contains(f[0].Evidence, "56 endpoints discovered, first 32 kept") {
		t.Errorf("%d endpoints, findings %+v", len(disc.Endpoints), f)
	}
}
