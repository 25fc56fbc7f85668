package providers

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/miekg/dns"

	"github.com/mailcheck/mailcheck/probes"
)

// startDNS serves records (zone-file lines) on 127.0.0.1 UDP. Names not in the zone are
// NXDOMAIN (names with records of another type, or with records below them, are NOERROR/empty),
// and any name at or under a servfail domain gets SERVFAIL.
func startDNS(t *testing.T, records []string, servfail ...string) string {
	t.Helper()
	rrs := map[string][]dns.RR{}
	for _, line := range records {
		rr, err := dns.NewRR(line)
		if err != nil {
			t.Fatalf("bad test record %q: %v", line, err)
		}
		name := strings.ToLower(rr.Header().Name)
		rrs[name] = append(rrs[name], rr)
	}
	handler := dns.HandlerFunc(func(w dns.ResponseWriter, req *dns.Msg) {
		m := new(dns.Msg)
		m.SetReply(req)
		m.Authoritative = true
		q := req.Question[0]
		name := strings.ToLower(q.Name)
		for _, sf := range servfail {
			if name == dns.Fqdn(sf) || strings.HasSuffix(name, "."+dns.Fqdn(sf)) {
				m.Rcode = dns.RcodeServerFailure
				_ = w.WriteMsg(m)
				return
			}
		}
		exists := false
		for n := range rrs {
			if n == name || strings.HasSuffix(n, "."+name) {
				exists = true
			}
		}
		if !exists {
			m.Rcode = dns.RcodeNameError
		}
		for _, rr := range rrs[name] {
			if rr.Header().Rrtype == q.Qtype {
				m.Answer = append(m.Answer, rr)
			}
		}
		_ = w.WriteMsg(m)
	})
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	started := make(chan struct{})
	srv := &dns.Server{PacketConn: pc, Handler: handler, NotifyStartedFunc: func() { close(started) }}
	go func() { _ = srv.ActivateAndServe() }()
	<-started
	t.Cleanup(func() { _ = srv.Shutdown() })
	return pc.LocalAddr().String()
}

// testCA makes an ECDSA CA and a server certificate for names, valid for an hour.
func testCA(t *testing.T, names ...string) (*x509.CertPool, tls.Certificate) {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	caTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "mailcheck test CA"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	leafTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: names[0]}, DNSNames: names,
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	leafDER, err := x509.CreateCertificate(rand.Reader, leafTmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(ca)
	return pool, tls.Certificate{Certificate: [][]byte{leafDER, caDER}, PrivateKey: key}
}

const autoXML = `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="%s">
    <domain>%s</domain>
    <incomingServer type="imap">
      <hostname>imap.%%EMAILDOMAIN%%</hostname>
      <port>993</port>
      <socketType>SSL</socketType>
      <username>%%EMAILLOCALPART%%</username>
      <authentication>password-cleartext</authentication>
    </incomingServer>
    <incomingServer type="pop3">
      <hostname>pop.%s</hostname>
      <port>110</port>
      <socketType>STARTTLS</socketType>
      <username>%%EMAILADDRESS%%</username>
    </incomingServer>
    <incomingServer type="exchange">
      <hostname>ews.%s</hostname>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.%s</hostname>
      <port>587</port>
      <socketType>STARTTLS</socketType>
      <username>%%EMAILADDRESS%%</username>
    </outgoingServer>
  </emailProvider>
</clientConfig>`

func autoDoc(domain string) string {
	return fmt.Sprintf(autoXML, domain, domain, domain, domain, domain)
}

// startAutoconfig serves autoconfig documents per host over HTTPS on a loopback port.
func startAutoconfig(t *testing.T, cert tls.Certificate) int {
	t.Helper()
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		switch {
		case host == "autoconfig.auto.test" && r.URL.Path == "/mail/config-v1.1.xml":
			if got := r.URL.Query().Get("emailaddress"); got != "alice@auto.test" {
				http.Error(w, "emailaddress = "+got, http.StatusBadRequest)
				return
			}
			fmt.Fprint(w, autoDoc("auto.test"))
		case host == "wk.test" && r.URL.Path == "/.well-known/autoconfig/mail/config-v1.1.xml":
			fmt.Fprint(w, autoDoc("wk.test"))
		case host == "autoconfig.bad.test":
			fmt.Fprint(w, "<clientConfig><emailProvider><incomingServer type=\"imap\"><hostname>")
		case host == "autoconfig.big.test":
			fmt.Fprint(w, "<clientConfig>"+strings.Repeat("<!-- padding -->", 70000)+"</clientConfig>")
		case host == "autoconfig.redir.test":
			http.Redirect(w, r, "http://redir.test/x.xml", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	})
	srv := httptest.NewUnstartedServer(h)
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	n, _ := strconv.Atoi(port)
	return n
}

// noDNS fails the test if discovery asks anything: a built-in hit must not touch the network.
type noDNS struct{ t *testing.T }

func (n noDNS) LookupMX(context.Context, string) ([]*net.MX, error) {
	n.t.Error("unexpected MX lookup")
	return nil, probes.ErrDNSFailed
}
func (n noDNS) LookupSRV(context.Context, string) ([]*net.SRV, error) {
	n.t.Error("unexpected SRV lookup")
	return nil, probes.ErrDNSFailed
}
func (n noDNS) LookupHost(context.Context, string) ([]netip.Addr, error) {
	n.t.Error("unexpected host lookup")
	return nil, probes.ErrDNSFailed
}

var testZone = []string{
	// A custom domain on Google Workspace.
	"custom.test. MX 10 aspmx.l.google.com.",
	"custom.test. MX 20 alt1.aspmx.l.google.com.",
	// Self-hosted with RFC 6186 SRV; POP3 explicitly not offered.
	"some-company.test. MX 10 mx.some-company.test.",
	"mx.some-company.test. A 127.0.0.1",
	"_imaps._tcp.some-company.test. SRV 0 1 993 mail.some-company.test.",
	"_submissions._tcp.some-company.test. SRV 0 1 465 mail.some-company.test.",
	"_submission._tcp.some-company.test. SRV 0 1 587 mail.some-company.test.",
	"_pop3s._tcp.some-company.test. SRV 0 0 0 .",
	// On Google by MX, but its SRV points elsewhere.
	"conflict.test. MX 10 aspmx.l.google.com.",
	"_submission._tcp.conflict.test. SRV 0 1 587 smtp.conflict.test.",
	// No MX at all, but guessable host names.
	"nomx.test. A 127.0.0.1",
	"imap.nomx.test. A 127.0.0.1",
	"smtp.nomx.test. AAAA ::1",
	// Null MX (RFC 7505).
	"nullmx.test. MX 0 .",
	// Autoconfig on autoconfig.DOMAIN and on the well-known path.
	"auto.test. MX 10 mx.auto.test.",
	"mx.auto.test. A 127.0.0.1",
	"autoconfig.auto.test. A 127.0.0.1",
	"wk.test. MX 10 mx.wk.test.",
	"mx.wk.test. A 127.0.0.1",
	"wk.test. A 127.0.0.1",
	"bad.test. MX 10 mx.bad.test.",
	"mx.bad.test. A 127.0.0.1",
	"autoconfig.bad.test. A 127.0.0.1",
	"big.test. MX 10 mx.big.test.",
	"mx.big.test. A 127.0.0.1",
	"autoconfig.big.test. A 127.0.0.1",
	"redir.test. MX 10 mx.redir.test.",
	"mx.redir.test. A 127.0.0.1",
	"autoconfig.redir.test. A 127.0.0.1",
	// MX to names that do not exist (NXDOMAIN) or have no address: the domain receives no mail.
	"dead-mx.test. MX 10 mail.nowhere.test.",
	"dead-mx.test. MX 20 mx2.dead-mx.test.",
	"mx2.dead-mx.test. TXT \"no address here\"",
	"half-mx.test. MX 10 mail.nowhere.test.",
	"half-mx.test. MX 20 mx.half-mx.test.",
	"mx.half-mx.test. A 127.0.0.1",
	// Built-in domains, for the All and closed/unverified paths.
	"qq.com. MX 10 mx1.qq.com.",
	"_submission._tcp.qq.com. SRV 0 1 587 smtp.other.test.",
	"yahoo.com.cn. MX 10 mx1.mail.aliyun.com.",
	"netease.com. MX 10 qiye163mx01.mxmail.netease.com.",
	// An IDN domain: 例子.测试.
	"xn--fsqu00a.xn--0zwm56d. MX 10 mxbiz1.qq.com.",
}

func newTestDiscoverer(t *testing.T) *Discoverer {
	t.Helper()
	addr := startDNS(t, testZone, "broken.test")
	pool, cert := testCA(t, "autoconfig.auto.test", "wk.test", "autoconfig.bad.test", "autoconfig.big.test", "autoconfig.redir.test", "nomx.test")
	port := startAutoconfig(t, cert)
	return &Discoverer{
		DNS:       probes.NewResolver(addr, 2*time.Second),
		RootCAs:   pool,
		HTTPSPort: port,
		Guess:     true,
		Timeout:   5 * time.Second,
	}
}

// ep is an expected endpoint; its trust level is the one its kind of source earns (issue 16).
func ep(proto probes.Proto, host string, port int, sec probes.Security, src string) probes.Endpoint {
	return probes.Endpoint{Proto: proto, Host: host, Port: port, Security: sec, Source: src, Trust: trustOf(src)}
}

func trustOf(src string) probes.Trust {
	switch {
	case strings.HasPrefix(src, "builtin:"), strings.HasPrefix(src, "mx:"):
		return probes.TrustDB
	case strings.HasPrefix(src, "srv:"):
		return probes.TrustDNS
	case src == "autoconfig":
		return probes.TrustHTTPS
	case src == "guess":
		return probes.TrustGuess
	}
	return ""
}

func ptr(e probes.Endpoint) *probes.Endpoint { return &e }

func stepOf(d *Discovery, name string) probes.Step {
	for _, s := range d.Steps {
		if s.Name == name {
			return s
		}
	}
	return probes.Step{}
}

func codesOf(d *Discovery) map[string][]findings.Code {
	out := map[string][]findings.Code{}
	for _, s := range d.Steps {
		for _, f := range s.Findings {
			out[s.Name] = append(out[s.Name], f.Code)
		}
	}
	return out
}

func TestDiscover(t *testing.T) {
	d := newTestDiscoverer(t)
	const (
		I, P, S        = probes.IMAP, probes.POP3, probes.SMTP
		TLS, STARTTLS  = probes.ImplicitTLS, probes.STARTTLS
		OK, Warn, Fail = probes.OK, probes.Warn, probes.Fail
		Skp            = probes.Skip
	)
	tests := []struct {
		name      string
		addr      string
		all       bool
		provider  string
		endpoints []probes.Endpoint // nil = don't check the whole list
		first     *probes.Endpoint  // check only the first endpoint
		status    map[string]probes.Status
		codes     map[string][]findings.Code
		conflicts int
		users     map[probes.Proto]string
	}{
		{
			name: "custom domain on Google by MX", addr: "bob@custom.test", provider: "google-workspace",
			first:  ptr(ep(I, "imap.gmail.com", 993, TLS, "mx:google-workspace")),
			status: map[string]probes.Status{"builtin": Skp, "mx": OK, "srv": Skp, "autoconfig": Skp, "guess": Skp},
			users:  map[probes.Proto]string{I: "bob@custom.test", S: "bob@custom.test"},
		},
		{
			name: "RFC 6186 SRV", addr: "carol@some-company.test",
			endpoints: []probes.Endpoint{
				ep(I, "mail.some-company.test", 993, TLS, "srv:_imaps._tcp"),
				ep(S, "mail.some-company.test", 465, TLS, "srv:_submissions._tcp"),
				ep(S, "mail.some-company.test", 587, STARTTLS, "srv:_submission._tcp"),
			},
			status: map[string]probes.Status{"builtin": Skp, "mx": OK, "srv": OK, "autoconfig": Skp, "guess": Skp},
		},
		{
			name: "SRV disagrees with MX provider", addr: "dan@conflict.test", provider: "google-workspace",
			status:    map[string]probes.Status{"mx": OK, "srv": Warn},
			conflicts: 1,
		},
		{
			name: "NXDOMAIN", addr: "eve@nx.test",
			endpoints: []probes.Endpoint{},
			status:    map[string]probes.Status{"builtin": Skp, "mx": Fail, "srv": Skp, "autoconfig": Skp, "guess": Skp},
			codes:     map[string][]findings.Code{"mx": {findings.DNSNXDomain}},
		},
		{
			name: "SERVFAIL", addr: "frank@broken.test",
			endpoints: []probes.Endpoint{},
			status:    map[string]probes.Status{"mx": Fail, "srv": Warn, "autoconfig": Warn, "guess": Fail},
			codes:     map[string][]findings.Code{"mx": {findings.DNSFailure}, "srv": {findings.DNSFailure}},
		},
		{
			// The bare domain has an address too: it is guessed for every protocol.
			name: "no MX, guessed names", addr: "gina@nomx.test",
			endpoints: []probes.Endpoint{
				ep(I, "imap.nomx.test", 993, TLS, "guess"),
				ep(I, "nomx.test", 993, TLS, "guess"),
				ep(I, "imap.nomx.test", 143, STARTTLS, "guess"),
				ep(I, "nomx.test", 143, STARTTLS, "guess"),
				ep(P, "nomx.test", 995, TLS, "guess"),
				ep(P, "nomx.test", 110, STARTTLS, "guess"),
				ep(S, "smtp.nomx.test", 465, TLS, "guess"),
				ep(S, "nomx.test", 465, TLS, "guess"),
				ep(S, "smtp.nomx.test", 587, STARTTLS, "guess"),
				ep(S, "nomx.test", 587, STARTTLS, "guess"),
			},
			status: map[string]probes.Status{"mx": Warn, "srv": Skp, "autoconfig": Skp, "guess": OK},
			codes:  map[string][]findings.Code{"mx": {findings.DNSImplicitMX}},
		},
		{
			name: "MX to names without an address", addr: "ann@dead-mx.test",
			status: map[string]probes.Status{"mx": Fail},
			codes:  map[string][]findings.Code{"mx": {findings.DNSMXNoAddress}},
		},
		{
			name: "one MX of two without an address", addr: "bo@half-mx.test",
			status: map[string]probes.Status{"mx": OK},
		},
		{
			name: "null MX", addr: "hal@nullmx.test",
			status: map[string]probes.Status{"mx": Warn, "guess": Fail},
			codes:  map[string][]findings.Code{"mx": {findings.DNSNoMX}},
		},
		{
			name: "autoconfig.DOMAIN", addr: "alice@auto.test",
			endpoints: []probes.Endpoint{
				ep(I, "imap.auto.test", 993, TLS, "autoconfig"),
				ep(P, "pop.auto.test", 110, STARTTLS, "autoconfig"),
				ep(S, "smtp.auto.test", 587, STARTTLS, "autoconfig"),
			},
			status: map[string]probes.Status{"mx": OK, "srv": Skp, "autoconfig": OK, "guess": Skp},
			users:  map[probes.Proto]string{I: "alice", P: "alice@auto.test", S: "alice@auto.test"},
		},
		{
			name: "well-known autoconfig", addr: "ivan@wk.test",
			first:  ptr(ep(I, "imap.wk.test", 993, TLS, "autoconfig")),
			status: map[string]probes.Status{"autoconfig": OK},
		},
		{
			// Its MX host, under the domain itself, is the guess that remains.
			name: "broken autoconfig XML", addr: "judy@bad.test",
			first:  &probes.Endpoint{Proto: I, Host: "mx.bad.test", Port: 993, Security: TLS, Source: "guess", Trust: probes.TrustGuess},
			status: map[string]probes.Status{"autoconfig": Warn, "guess": OK},
		},
		{
			name: "autoconfig over 1 MiB", addr: "ken@big.test",
			status: map[string]probes.Status{"autoconfig": Warn},
		},
		{
			name: "autoconfig redirect to http refused", addr: "liz@redir.test",
			status: map[string]probes.Status{"autoconfig": Warn},
		},
		{
			name: "built-in with All surfaces SRV conflict", addr: "mike@qq.com", all: true, provider: "qq",
			first:     ptr(ep(I, "imap.qq.com", 993, TLS, "builtin:qq")),
			status:    map[string]probes.Status{"builtin": OK, "mx": OK, "srv": Warn, "autoconfig": Skp, "guess": Skp},
			conflicts: 1,
		},
		{
			name: "closed provider falls through to MX", addr: "old@yahoo.com.cn", provider: "yahoo-cn",
			first:  ptr(ep(I, "imap.aliyun.com", 993, TLS, "mx:aliyun")),
			status: map[string]probes.Status{"builtin": Warn, "mx": OK},
			codes:  map[string][]findings.Code{"builtin": {findings.ProviderClosed}},
		},
		{
			name: "unverified entry checks MX too", addr: "staff@netease.com", provider: "netease",
			status:    map[string]probes.Status{"builtin": Warn, "mx": Warn},
			conflicts: 1,
		},
		{
			name: "IDN domain on Exmail", addr: "用户@例子.测试", provider: "exmail",
			first: ptr(ep(I, "imap.exmail.qq.com", 993, TLS, "mx:exmail")),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dd := *d
			dd.All = tt.all
			got, err := dd.Discover(context.Background(), tt.addr)
			if err != nil {
				t.Fatalf("Discover(%q) error: %v", tt.addr, err)
			}
			var names []string
			for _, s := range got.Steps {
				names = append(names, s.Name)
			}
			want := append([]string{"builtin"}, methodNames...)
			if tt.all { // one comparison step per protocol named
				for len(names) > len(want) && names[len(want)] == stepSources {
					want = append(want, stepSources)
				}
			}
			if !slices.Equal(names, want) {
				t.Errorf("steps = %v, want %v", names, want)
			}
			key := ""
			if got.Provider != nil {
				key = got.Provider.Key
			}
			if key != tt.provider {
				t.Errorf("provider = %q, want %q", key, tt.provider)
			}
			if tt.endpoints != nil && !slices.Equal(got.Endpoints, tt.endpoints) {
				t.Errorf("endpoints =\n%v\nwant\n%v", got.Endpoints, tt.endpoints)
			}
			if tt.first != nil && (len(got.Endpoints) == 0 || got.Endpoints[0] != *tt.first) {
				t.Errorf("endpoints = %v, want first %v", got.Endpoints, *tt.first)
			}
			for name, want := range tt.status {
				if s := stepOf(got, name); s.Status != want {
					t.Errorf("step %s = %s (%s), want %s", name, s.Status, s.Detail, want)
				}
			}
			gotCodes := codesOf(got)
			for name, want := range tt.codes {
				if !slices.Equal(gotCodes[name], want) {
					t.Errorf("step %s codes = %v, want %v", name, gotCodes[name], want)
				}
			}
			if len(got.Conflicts) != tt.conflicts {
				t.Errorf("conflicts = %q, want %d", got.Conflicts, tt.conflicts)
			}
			for p, want := range tt.users {
				if got.Usernames[p] != want {
					t.Errorf("username %s = %q, want %q", p, got.Usernames[p], want)
				}
			}
			for _, s := range got.Steps {
				if s.Status != probes.Skip && s.Detail == "" {
					t.Errorf("step %s (%s) has no detail", s.Name, s.Status)
				}
			}
		})
	}
}

func TestDiscoverConflictText(t *testing.T) {
	d := newTestDiscoverer(t)
	d.All = true
	got, err := d.Discover(context.Background(), "mike@qq.com")
	if err != nil {
		t.Fatal(err)
	}
	want := "SRV _submission._tcp says smtp.other.test:587, builtin says smtp.qq.com:465"
	if len(got.Conflicts) != 1 || got.Conflicts[0] != want {
		t.Errorf("conflicts = %q, want [%q]", got.Conflicts, want)
	}
	if s := stepOf(got, "mx"); s.Detail != "MX mx1.qq.com → qq" {
		t.Errorf("mx detail = %q", s.Detail)
	}
}

func TestDiscoverBuiltinSkipsNetwork(t *testing.T) {
	d := &Discoverer{DNS: noDNS{t}, Guess: true}
	got, err := d.Discover(context.Background(), "Someone@Foxmail.com")
	if err != nil {
		t.Fatal(err)
	}
	if got.Provider == nil || got.Provider.Key != "qq" {
		t.Fatalf("provider = %v, want qq", got.Provider)
	}
	if got.Address != "Someone@foxmail.com" || got.Domain != "foxmail.com" {
		t.Errorf("address, domain = %q, %q", got.Address, got.Domain)
	}
	for _, s := range got.Steps[1:] {
		if s.Status != probes.Skip || s.Detail != "built-in entry used" {
			t.Errorf("step %s = %s %q, want skip \"built-in entry used\"", s.Name, s.Status, s.Detail)
		}
	}
	qq, _ := Builtin().Lookup("qq")
	if !slices.Equal(got.Endpoints, qq.Endpoints()) {
		t.Errorf("endpoints = %v, want %v", got.Endpoints, qq.Endpoints())
	}
}

func TestDiscoverBadInput(t *testing.T) {
	d := &Discoverer{DNS: noDNS{t}}
	for _, in := range []string{"", "no-at-sign", "a@b", "a@@b.com", "a b@c.com"} {
		if got, err := d.Discover(context.Background(), in); err == nil {
			t.Errorf("Discover(%q) = %+v, want an error", in, got)
		}
	}
}

func TestRankEndpoints(t *testing.T) {
	in := []probes.Endpoint{
		ep(probes.SMTP, "smtp.x", 25, probes.Plain, "guess"),
		ep(probes.SMTP, "smtp.x", 587, probes.STARTTLS, "srv:_submission._tcp"),
		ep(probes.IMAP, "imap.x", 143, probes.STARTTLS, "srv:_imap._tcp"),
		ep(probes.SMTP, "SMTP.x", 587, probes.STARTTLS, "autoconfig"), // duplicate, later method
		ep(probes.POP3, "pop.x", 995, probes.ImplicitTLS, "guess"),
		ep(probes.IMAP, "imap.x", 993, probes.ImplicitTLS, "autoconfig"),
		ep(probes.SMTP, "smtp.x", 465, probes.ImplicitTLS, "autoconfig"),
	}
	want := []probes.Endpoint{
		ep(probes.IMAP, "imap.x", 993, probes.ImplicitTLS, "autoconfig"),
		ep(probes.IMAP, "imap.x", 143, probes.STARTTLS, "srv:_imap._tcp"),
		ep(probes.POP3, "pop.x", 995, probes.ImplicitTLS, "guess"),
		ep(probes.SMTP, "smtp.x", 465, probes.ImplicitTLS, "autoconfig"),
		ep(probes.SMTP, "smtp.x", 587, probes.STARTTLS, "srv:_submission._tcp"),
		ep(probes.SMTP, "smtp.x", 25, probes.Plain, "guess"),
	}
	if got := rankEndpoints(in); !slices.Equal(got, want) {
		t.Errorf("rankEndpoints =\n%v\nwant\n%v", got, want)
	}
}

func TestParseAutoconfig(t *testing.T) {
	ac, err := parseAutoconfig([]byte(autoDoc("example.test")), "bob", "example.test")
	if err != nil {
		t.Fatal(err)
	}
	want := []probes.Endpoint{
		ep(probes.IMAP, "imap.example.test", 993, probes.ImplicitTLS, "autoconfig"),
		ep(probes.POP3, "pop.example.test", 110, probes.STARTTLS, "autoconfig"),
		ep(probes.SMTP, "smtp.example.test", 587, probes.STARTTLS, "autoconfig"),
	}
	if !slices.Equal(ac.Endpoints, want) {
		t.Errorf("endpoints = %v, want %v", ac.Endpoints, want)
	}
	if ac.Usernames[probes.IMAP] != "bob" || ac.Usernames[probes.SMTP] != "bob@example.test" {
		t.Errorf("usernames = %v", ac.Usernames)
	}
	bad := []struct{ name, doc, want string }{
		{"not xml", "hello", "XML"},
		{"wrong root", "<html><body/></html>", "XML"},
		{"no servers", "<clientConfig><emailProvider/></clientConfig>", "no IMAP"},
		{"only exchange", `<clientConfig><emailProvider><incomingServer type="exchange"><hostname>x.test</hostname></incomingServer></emailProvider></clientConfig>`, "no IMAP"},
		{"bad port", `<clientConfig><emailProvider><incomingServer type="imap"><hostname>i.x.test</hostname><port>99999</port><socketType>SSL</socketType></incomingServer></emailProvider></clientConfig>`, "bad port"},
		{"bad socket", `<clientConfig><emailProvider><incomingServer type="imap"><hostname>i.x.test</hostname><port>993</port><socketType>QUIC</socketType></incomingServer></emailProvider></clientConfig>`, "socketType"},
		{"bad host", `<clientConfig><emailProvider><incomingServer type="imap"><hostname>i x;rm</hostname></incomingServer></emailProvider></clientConfig>`, "host name"},
		{"charset", `<?xml version="1.0" encoding="EBCDIC"?><clientConfig/>`, "charset"},
	}
	for _, tt := range bad {
		if _, err := parseAutoconfig([]byte(tt.doc), "bob", "x.test"); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: parseAutoconfig error = %v, want %q", tt.name, err, tt.want)
		}
	}
	// Missing port and socketType fall back to the registered ports.
	ac, err = parseAutoconfig([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><clientConfig><emailProvider>
		<incomingServer type="IMAP"><hostname>I.X.TEST.</hostname><socketType>SSL</socketType></incomingServer>
		<outgoingServer type="smtp"><hostname>s.x.test</hostname><port>465</port></outgoingServer>
		</emailProvider></clientConfig>`), "bob", "x.test")
	if err != nil {
		t.Fatal(err)
	}
	want = []probes.Endpoint{
		ep(probes.IMAP, "i.x.test", 993, probes.ImplicitTLS, "autoconfig"),
		ep(probes.SMTP, "s.x.test", 465, probes.ImplicitTLS, "autoconfig"),
	}
	if !slices.Equal(ac.Endpoints, want) {
		t.Errorf("defaults: endpoints = %v, want %v", ac.Endpoints, want)
	}
}

func TestAutoconfigUntrustedCert(t *testing.T) {
	d := newTestDiscoverer(t)
	d.RootCAs = nil // system roots do not know the test CA
	got, err := d.Discover(context.Background(), "alice@auto.test")
	if err != nil {
		t.Fatal(err)
	}
	s := stepOf(got, "autoconfig")
	if s.Status != probes.Warn || !strings.Contains(s.Detail, "certificate") {
		t.Errorf("autoconfig = %s %q, want warn about the certificate", s.Status, s.Detail)
	}
	for _, e := range got.Endpoints {
		if e.Source != "guess" { // only the MX host guess may remain
			t.Errorf("endpoint from an untrusted autoconfig: %v", e)
		}
	}
}

// TestDiscoverSRVEdges: a "." beside real SRV targets is noise, not "not offered"; one failed
// SRV question among six is noted but is no dns.failure finding.
func TestDiscoverSRVEdges(t *testing.T) {
	addr := startDNS(t, []string{
		"mixed.test. 300 IN MX 10 mx.mixed.test.",
		"_imaps._tcp.mixed.test. 300 IN SRV 0 0 0 .",
		"_imaps._tcp.mixed.test. 300 IN SRV 10 1 993 imap.mixed.test.",
		"_submission._tcp.mixed.test. 300 IN SRV 0 1 587 smtp.mixed.test.",
	}, "_pop3._tcp.mixed.test")
	d := &Discoverer{DB: Builtin(), DNS: probes.NewResolver(addr, time.Second), Timeout: 2 * time.Second}
	disc, err := d.Discover(context.Background(), "u@mixed.test")
	if err != nil {
		t.Fatal(err)
	}
	var imaps bool
	for _, e := range disc.Endpoints {
		imaps = imaps || (e.Host == "imap.mixed.test" && e.Port == 993)
	}
	if !imaps {
		t.Errorf("endpoints %v lack imap.mixed.test:993 (a '.' record beside it must not hide it)", disc.Endpoints)
	}
	srv := stepOf(disc, "srv")
	if len(srv.Findings) != 0 || srv.Status != probes.Warn || !strings.Contains(srv.Detail, "_pop3._tcp lookup failed") {
		t.Errorf("srv step = %s %q %v; want warn, the failed lookup noted, no finding", srv.Status, srv.Detail, srv.Findings)
	}
}
