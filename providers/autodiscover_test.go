package providers

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// adSettings is a POX response with the given <Protocol> entries.
func adSettings(protocols ...string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
  <Response xmlns="` + adResponseNS + `">
    <Account><AccountType>email</AccountType><Action>settings</Action>` + strings.Join(protocols, "") + `</Account>
  </Response>
</Autodiscover>`
}

func adProto(typ, server string, port int, extra string) string {
	return fmt.Sprintf("<Protocol><Type>%s</Type><Server>%s</Server><Port>%d</Port>%s</Protocol>", typ, server, port, extra)
}

func adRedirectDoc(action, target string) string {
	el := "RedirectAddr"
	if action == "redirectUrl" {
		el = "RedirectUrl"
	}
	return `<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"><Response xmlns="` + adResponseNS +
		`"><Account><Action>` + action + `</Action><` + el + `>` + target + `</` + el + `></Account></Response></Autodiscover>`
}

// billionLaughs is the classic XML bomb: a kilobyte that expands to gigabytes.
const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<Autodiscover><Response><Account><Action>settings</Action><Protocol><Type>IMAP</Type><Server>&lol9;</Server></Protocol></Account></Response></Autodiscover>`

// adZone: which discovery source answers for which test domain.
var adZone = []string{
	// Found only by Autodiscover on autodiscover.DOMAIN (its MX is a relay elsewhere).
	"ad.test. MX 10 relay.filter.test.",
	"relay.filter.test. A 127.0.0.1",
	"autodiscover.ad.test. A 127.0.0.1",
	// Found only through _autodiscover._tcp SRV.
	"adsrv.test. MX 10 relay.filter.test.",
	"_autodiscover._tcp.adsrv.test. SRV 0 0 443 exch.adsrv.test.",
	"exch.adsrv.test. A 127.0.0.1",
	// redirectAddr → redirectUrl → settings: two redirects.
	"chain.test. MX 10 relay.filter.test.",
	"autodiscover.chain.test. A 127.0.0.1",
	"autodiscover.eu.chain.test. A 127.0.0.1",
	"mail.chain.test. A 127.0.0.1",
	// Three redirects: one too many.
	"loop.test. MX 10 relay.filter.test.",
	"autodiscover.loop.test. A 127.0.0.1",
	"autodiscover.a.loop.test. A 127.0.0.1",
	"autodiscover.b.loop.test. A 127.0.0.1",
	"autodiscover.c.loop.test. A 127.0.0.1",
	// A redirect to another domain, which answers too if asked.
	"cross.test. MX 10 relay.filter.test.",
	"autodiscover.cross.test. A 127.0.0.1",
	"autodiscover.evil.test. A 127.0.0.1",
	"urlx.test. MX 10 relay.filter.test.",
	"autodiscover.urlx.test. A 127.0.0.1",
	// An XML bomb and an oversized answer.
	"bomb.test. MX 10 relay.filter.test.",
	"autodiscover.bomb.test. A 127.0.0.1",
	"huge.test. MX 10 relay.filter.test.",
	"autodiscover.huge.test. A 127.0.0.1",
	// Exchange that wants a login.
	"exch.test. MX 10 relay.filter.test.",
	"autodiscover.exch.test. A 127.0.0.1",
	// Only the http:// host answers, with a redirect to HTTPS on the same domain.
	"plainhttp.test. MX 10 relay.filter.test.",
	"autodiscover.plainhttp.test. A 127.0.0.1",
	"secure.plainhttp.test. A 127.0.0.1",
	// http:// redirect to another domain.
	"plainx.test. MX 10 relay.filter.test.",
	"autodiscover.plainx.test. A 127.0.0.1",
	// ISPDB knows the domain; and a domain hosted at a hoster the ISPDB knows by MX base domain.
	"ispdb.example. A 127.0.0.1",
	"cdn.ispdb.example. A 127.0.0.1",
	"moved.test. MX 10 relay.filter.test.",
	"away.test. MX 10 relay.filter.test.",
	"isp.test. MX 10 relay.filter.test.",
	"hosted.test. MX 10 mx01.hoster.test.",
	"mx01.hoster.test. A 127.0.0.1",
	// Microsoft 365 behind a filtering MX.
	"tenant.test. MX 10 relay.filter.test.",
	"outlook.office365.com. A 127.0.0.1",
	// Autoconfig and Autodiscover disagree (for --all-sources).
	"both.test. MX 10 relay.filter.test.",
	"autoconfig.both.test. A 127.0.0.1",
	"autodiscover.both.test. A 127.0.0.1",
}

// adServer is the loopback HTTPS (and HTTP) side of adZone; it records every request.
type adServer struct {
	mu   sync.Mutex
	seen []string // "METHOD host/path"
	body map[string]string
	ct   map[string]string
}

func (a *adServer) hit(r *http.Request) (host string, body []byte) {
	host, _, _ = strings.Cut(r.Host, ":")
	body, _ = io.ReadAll(io.LimitReader(r.Body, 1<<16))
	a.mu.Lock()
	defer a.mu.Unlock()
	a.seen = append(a.seen, r.Method+" "+host+r.URL.Path)
	if r.Method == http.MethodPost {
		a.body[host] = string(body)
		a.ct[host] = r.Header.Get("Content-Type")
	}
	return host, body
}

// asked says whether a request since mark named host.
func (a *adServer) asked(host string, mark int) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return slices.ContainsFunc(a.seen[mark:], func(s string) bool { return strings.Contains(s, host) })
}

func (a *adServer) mark() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.seen)
}

func (a *adServer) serveHTTPS(w http.ResponseWriter, r *http.Request) {
	host, _ := a.hit(r)
	isAD := r.Method == http.MethodPost && r.URL.Path == adPath
	switch {
	case host == "autodiscover.ad.test" && isAD:
		fmt.Fprint(w, adSettings(
			adProto("IMAP", "imap.ad.test", 993, "<SSL>on</SSL><LoginName>bob</LoginName>"),
			adProto("SMTP", "smtp.ad.test", 587, "<SSL>on</SSL><SPA>off</SPA>"),
			adProto("EXCH", "ex.ad.test", 443, ""),
		))
	case host == "exch.adsrv.test" && isAD:
		fmt.Fprint(w, adSettings(
			adProto("POP3", "pop.adsrv.test", 995, "<Encryption>SSL</Encryption><DomainRequired>on</DomainRequired>"),
			adProto("SMTP", "smtp.adsrv.test", 465, ""),
		))
	case host == "autodiscover.chain.test" && isAD:
		fmt.Fprint(w, adRedirectDoc("redirectAddr", "bob@eu.chain.test"))
	case host == "autodiscover.eu.chain.test" && isAD:
		fmt.Fprint(w, adRedirectDoc("redirectUrl", "https://mail.chain.test/autodiscover/autodiscover.xml"))
	case host == "mail.chain.test" && isAD:
		fmt.Fprint(w, adSettings(adProto("IMAP", "imap.eu.chain.test", 143, "<Encryption>TLS</Encryption>")))
	case host == "autodiscover.loop.test" && isAD:
		fmt.Fprint(w, adRedirectDoc("redirectAddr", "bob@a.loop.test"))
	case host == "autodiscover.a.loop.test" && isAD:
		fmt.Fprint(w, adRedirectDoc("redirectAddr", "bob@b.loop.test"))
	case host == "autodiscover.b.loop.test" && isAD:
		fmt.Fprint(w, adRedirectDoc("redirectAddr", "bob@c.loop.test"))
	case host == "autodiscover.c.loop.test" && isAD:
		fmt.Fprint(w, adSettings(adProto("IMAP", "imap.loop.test", 993, "")))
	case host == "autodiscover.cross.test" && isAD:
		fmt.Fprint(w, adRedirectDoc("redirectAddr", "bob@evil.test"))
	case host == "autodiscover.urlx.test" && isAD:
		fmt.Fprint(w, adRedirectDoc("redirectUrl", "https://autodiscover.evil.test/autodiscover/autodiscover.xml"))
	case host == "autodiscover.evil.test" && isAD:
		fmt.Fprint(w, adSettings(adProto("IMAP", "imap.evil.test", 993, "")))
	case host == "autodiscover.bomb.test" && isAD:
		fmt.Fprint(w, billionLaughs)
	case host == "autodiscover.huge.test" && isAD:
		fmt.Fprint(w, "<Autodiscover>"+strings.Repeat("<!-- padding -->", 70000)+"</Autodiscover>")
	case host == "autodiscover.exch.test" && isAD:
		w.Header().Set("WWW-Authenticate", `Basic realm="autodiscover.exch.test"`)
		http.Error(w, "401 Unauthorized", http.StatusUnauthorized)
	case host == "secure.plainhttp.test" && isAD:
		fmt.Fprint(w, adSettings(adProto("IMAP", "imap.plainhttp.test", 993, "")))
	case host == "ispdb.example" && r.URL.Path == "/v1.1/moved.test":
		http.Redirect(w, r, "https://cdn.ispdb.example/v1.1/moved.test", http.StatusFound)
	case host == "cdn.ispdb.example" && r.URL.Path == "/v1.1/moved.test":
		fmt.Fprint(w, autoDoc("moved.test"))
	case host == "ispdb.example" && r.URL.Path == "/v1.1/away.test":
		http.Redirect(w, r, "https://autodiscover.evil.test/v1.1/away.test", http.StatusFound)
	case host == "ispdb.example" && r.URL.Path == "/v1.1/isp.test":
		fmt.Fprint(w, autoDoc("isp.test"))
	case host == "ispdb.example" && r.URL.Path == "/v1.1/hoster.test":
		fmt.Fprint(w, strings.ReplaceAll(autoDoc("hoster.test"), "imap.%EMAILDOMAIN%", "imap.hoster.test"))
	case host == "outlook.office365.com" && strings.HasPrefix(r.URL.Path, "/autodiscover/autodiscover.json/v1.0/"):
		if strings.TrimPrefix(r.URL.Path, "/autodiscover/autodiscover.json/v1.0/") == "bob@tenant.test" && r.URL.Query().Get("Protocol") == "AutodiscoverV1" {
			fmt.Fprint(w, `{"Protocol":"AutodiscoverV1","Url":"https://outlook.office365.com/autodiscover/autodiscover.xml"}`)
			return
		}
		http.Redirect(w, r, "https://autodiscover-s.outlook.com/autodiscover/autodiscover.json", http.StatusFound)
	case host == "autoconfig.both.test":
		fmt.Fprint(w, autoDoc("both.test"))
	case host == "autodiscover.both.test" && isAD:
		fmt.Fprint(w, adSettings(adProto("IMAP", "exchange.both.test", 993, "")))
	default:
		http.NotFound(w, r)
	}
}

func (a *adServer) serveHTTP(w http.ResponseWriter, r *http.Request) {
	host, _ := a.hit(r)
	switch host {
	case "autodiscover.plainhttp.test":
		http.Redirect(w, r, "https://secure.plainhttp.test/autodiscover/autodiscover.xml", http.StatusFound)
	case "autodiscover.plainx.test":
		http.Redirect(w, r, "https://autodiscover.elsewhere.test/autodiscover/autodiscover.xml", http.StatusFound)
	default:
		http.NotFound(w, r)
	}
}

func portOf(t *testing.T, addr net.Addr) int {
	t.Helper()
	_, p, _ := net.SplitHostPort(addr.String())
	n, err := strconv.Atoi(p)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// newADDiscoverer starts the loopback DNS, HTTPS and HTTP servers of adZone and a Discoverer
// that reaches them only through its hooks (resolver, ports, CA, ISPDB base).
func newADDiscoverer(t *testing.T) (*Discoverer, *adServer) {
	t.Helper()
	a := &adServer{body: map[string]string{}, ct: map[string]string{}}
	var names []string
	for _, line := range adZone {
		if n, _, ok := strings.Cut(line, ". A "); ok {
			names = append(names, n)
		}
	}
	pool, cert := testCA(t, names...)
	hs := httptest.NewUnstartedServer(http.HandlerFunc(a.serveHTTPS))
	hs.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	hs.StartTLS()
	t.Cleanup(hs.Close)
	h := httptest.NewServer(http.HandlerFunc(a.serveHTTP))
	t.Cleanup(h.Close)
	addr := startDNS(t, adZone)
	return &Discoverer{
		DNS:       probes.NewResolver(addr, 2*time.Second),
		RootCAs:   pool,
		HTTPSPort: portOf(t, hs.Listener.Addr()),
		HTTPPort:  portOf(t, h.Listener.Addr()),
		ISPDB:     "https://ispdb.example/v1.1/",
		Guess:     true,
		Timeout:   5 * time.Second,
	}, a
}

func TestDiscoverAutodiscover(t *testing.T) {
	d, srv := newADDiscoverer(t)
	const (
		I, P, S       = probes.IMAP, probes.POP3, probes.SMTP
		TLS, STARTTLS = probes.ImplicitTLS, probes.STARTTLS
		OK, Warn, Skp = probes.OK, probes.Warn, probes.Skip
	)
	tests := []struct {
		name      string
		addr      string
		all, m365 bool
		noISPDB   bool
		provider  string
		endpoints []probes.Endpoint // nil = not checked
		status    map[string]probes.Status
		codes     map[string][]findings.Code
		detail    map[string]string // substring of the step detail
		users     map[probes.Proto]string
		conflicts int
		notAsked  string // a host the run must never contact
		trust     probes.Trust
	}{
		{
			name: "only Autodiscover on autodiscover.DOMAIN", addr: "bob@ad.test",
			endpoints: []probes.Endpoint{
				ep(I, "imap.ad.test", 993, TLS, "autodiscover"),
				ep(S, "smtp.ad.test", 587, STARTTLS, "autodiscover"), // SSL=on on 587 is STARTTLS
			},
			status: map[string]probes.Status{"autoconfig": Skp, "ispdb": Skp, "autodiscover": OK, "guess": Skp},
			users:  map[probes.Proto]string{I: "bob"},
		},
		{
			name: "only Autodiscover through SRV", addr: "bob@adsrv.test",
			endpoints: []probes.Endpoint{
				ep(P, "pop.adsrv.test", 995, TLS, "autodiscover"),
				ep(S, "smtp.adsrv.test", 465, TLS, "autodiscover"),
			},
			status: map[string]probes.Status{"autodiscover": OK},
			trust:  probes.TrustDNS, // plain DNS chose the Autodiscover server
			detail: map[string]string{"autodiscover": "SRV _autodiscover._tcp.adsrv.test → https://exch.adsrv.test/autodiscover/autodiscover.xml"},
		},
		{
			name: "redirectAddr then redirectUrl", addr: "bob@chain.test",
			endpoints: []probes.Endpoint{ep(I, "imap.eu.chain.test", 143, STARTTLS, "autodiscover")},
			status:    map[string]probes.Status{"autodiscover": OK},
			detail:    map[string]string{"autodiscover": "redirectAddr → bob@eu.chain.test"},
		},
		{
			name: "three redirects stop", addr: "bob@loop.test",
			endpoints: []probes.Endpoint{},
			status:    map[string]probes.Status{"autodiscover": Warn},
			detail:    map[string]string{"autodiscover": "more than 2 redirects"},
			notAsked:  "autodiscover.c.loop.test",
		},
		{
			name: "redirect to another domain flagged, not followed", addr: "bob@cross.test",
			endpoints: []probes.Endpoint{},
			status:    map[string]probes.Status{"autodiscover": Warn},
			codes:     map[string][]findings.Code{"autodiscover": {findings.DiscoveryRedirectRefused}},
			detail:    map[string]string{"autodiscover": "evil.test"},
			notAsked:  "evil.test",
		},
		{
			name: "redirectUrl to another domain flagged, not followed", addr: "bob@urlx.test",
			endpoints: []probes.Endpoint{},
			status:    map[string]probes.Status{"autodiscover": Warn},
			codes:     map[string][]findings.Code{"autodiscover": {findings.DiscoveryRedirectRefused}},
			detail:    map[string]string{"autodiscover": "outside urlx.test"},
			notAsked:  "evil.test",
		},
		{
			name: "XML bomb refused", addr: "bob@bomb.test",
			endpoints: []probes.Endpoint{},
			status:    map[string]probes.Status{"autodiscover": Warn},
			codes:     map[string][]findings.Code{"autodiscover": {findings.DiscoveryBadDocument}},
			detail:    map[string]string{"autodiscover": "DOCTYPE"},
		},
		{
			name: "oversized body refused", addr: "bob@huge.test",
			endpoints: []probes.Endpoint{},
			status:    map[string]probes.Status{"autodiscover": Warn},
			codes:     map[string][]findings.Code{"autodiscover": {findings.DiscoveryBadDocument}},
			detail:    map[string]string{"autodiscover": "larger than"},
		},
		{
			name: "401 means Exchange is there", addr: "bob@exch.test",
			endpoints: []probes.Endpoint{},
			status:    map[string]probes.Status{"autodiscover": OK},
			detail:    map[string]string{"autodiscover": "HTTP 401: an Exchange server answers"},
		},
		{
			name: "http redirect to HTTPS on the same domain", addr: "bob@plainhttp.test",
			endpoints: []probes.Endpoint{ep(I, "imap.plainhttp.test", 993, TLS, "autodiscover")},
			detail:    map[string]string{"autodiscover": "http://autodiscover.plainhttp.test/autodiscover/autodiscover.xml → https://secure.plainhttp.test"},
		},
		{
			name: "http redirect to another domain refused", addr: "bob@plainx.test",
			endpoints: []probes.Endpoint{},
			codes:     map[string][]findings.Code{"autodiscover": {findings.DiscoveryRedirectRefused}},
			notAsked:  "elsewhere.test",
		},
		{
			name: "ISPDB by domain", addr: "bob@isp.test",
			endpoints: []probes.Endpoint{
				ep(I, "imap.isp.test", 993, TLS, "ispdb"),
				ep(P, "pop.isp.test", 110, STARTTLS, "ispdb"),
				ep(S, "smtp.isp.test", 587, STARTTLS, "ispdb"),
			},
			status: map[string]probes.Status{"ispdb": OK, "autodiscover": Skp, "guess": Skp},
			users:  map[probes.Proto]string{I: "bob", S: "bob@isp.test"},
		},
		{
			name: "ISPDB redirect within its own domain followed", addr: "bob@moved.test",
			status: map[string]probes.Status{"ispdb": OK},
			detail: map[string]string{"ispdb": "3 servers"},
		},
		{
			name: "ISPDB redirect elsewhere refused", addr: "bob@away.test",
			endpoints: []probes.Endpoint{},
			status:    map[string]probes.Status{"ispdb": Warn},
			notAsked:  "evil.test",
		},
		{
			name: "--no-ispdb", addr: "bob@isp.test", noISPDB: true,
			endpoints: []probes.Endpoint{},
			status:    map[string]probes.Status{"ispdb": Skp},
			detail:    map[string]string{"ispdb": "--no-ispdb"},
			notAsked:  "ispdb.example",
		},
		{
			name: "ISPDB by the MX base domain", addr: "bob@hosted.test",
			endpoints: []probes.Endpoint{
				ep(I, "imap.hoster.test", 993, TLS, "mx-base:ispdb:hoster.test"),
				ep(P, "pop.hoster.test", 110, STARTTLS, "mx-base:ispdb:hoster.test"),
				ep(S, "smtp.hoster.test", 587, STARTTLS, "mx-base:ispdb:hoster.test"),
			},
			// The hoster's servers are outside hosted.test: used, but no password goes there
			// unless trusted (the discovery safety rule).
			status: map[string]probes.Status{"ispdb": Skp, "mx-base": Warn, "autodiscover": Skp},
			codes:  map[string][]findings.Code{"mx-base": {findings.DiscoveryForeignHost, findings.DiscoveryForeignHost, findings.DiscoveryForeignHost}}, // one per host
			detail: map[string]string{"mx-base": "MX base domain hoster.test: https://ispdb.example/v1.1/hoster.test"},
		},
		{
			name: "--no-ispdb also for the MX base domain", addr: "bob@hosted.test", noISPDB: true,
			endpoints: []probes.Endpoint{},
			status:    map[string]probes.Status{"ispdb": Skp, "mx-base": Skp},
			notAsked:  "ispdb.example",
		},
		{
			name: "Microsoft 365 behind a filtering MX", addr: "bob@tenant.test", m365: true, provider: "microsoft365",
			status: map[string]probes.Status{"m365": OK, "autodiscover": Skp},
			detail: map[string]string{"m365": "OAuth2 only"},
		},
		{
			name: "not a Microsoft 365 mailbox", addr: "bob@ad.test", m365: true,
			status: map[string]probes.Status{"m365": OK, "autodiscover": OK},
			detail: map[string]string{"m365": "is not a Microsoft 365"},
		},
		{
			name: "all sources compared, conflict with both values", addr: "bob@both.test", all: true,
			// The first sources step is IMAP's, where the two disagree.
			status:    map[string]probes.Status{"autoconfig": OK, "autodiscover": Warn, "sources": Warn},
			detail:    map[string]string{"sources": "IMAP: autoconfig imap.both.test:993 tls; autodiscover exchange.both.test:993 tls"},
			conflicts: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dd := *d
			dd.All, dd.M365, dd.NoISPDB = tt.all, tt.m365, tt.noISPDB
			mark := srv.mark()
			got, err := dd.Discover(context.Background(), tt.addr)
			if err != nil {
				t.Fatal(err)
			}
			key := ""
			if got.Provider != nil {
				key = got.Provider.Key
			}
			if key != tt.provider {
				t.Errorf("provider = %q, want %q", key, tt.provider)
			}
			if tt.endpoints != nil {
				var eps []probes.Endpoint
				for _, e := range got.Endpoints {
					if want := tt.trust; want != "" && e.Trust != want || want == "" && e.Trust != probes.TrustHTTPS && e.Trust != probes.TrustDB {
						t.Errorf("%v: trust %q, want %q (https or db when empty)", e, e.Trust, want)
					}
					e.Trust, e.Foreign, e.Withheld = "", false, false // the safety rules have their own tests
					eps = append(eps, e)
				}
				if len(eps) != len(tt.endpoints) || len(eps) > 0 && !slices.Equal(eps, tt.endpoints) {
					t.Errorf("endpoints =\n%v\nwant\n%v", got.Endpoints, tt.endpoints)
				}
			}
			for name, want := range tt.status {
				if s := stepOf(got, name); s.Status != want {
					t.Errorf("step %s = %s (%s), want %s", name, s.Status, s.Detail, want)
				}
			}
			gotCodes := codesOf(got)
			for name, want := range tt.codes {
				if !slices.Equal(gotCodes[name], want) {
					t.Errorf("step %s codes = %v, want %v (%s)", name, gotCodes[name], want, stepOf(got, name).Detail)
				}
			}
			for name, want := range tt.detail {
				if s := stepOf(got, name); !strings.Contains(s.Detail, want) {
					t.Errorf("step %s detail = %q, want it to contain %q", name, s.Detail, want)
				}
			}
			for p, want := range tt.users {
				if got.Usernames[p] != want {
					t.Errorf("username %s = %q, want %q", p, got.Usernames[p], want)
				}
			}
			if len(got.Conflicts) != tt.conflicts {
				t.Errorf("conflicts = %q, want %d", got.Conflicts, tt.conflicts)
			}
			if tt.notAsked != "" && srv.asked(tt.notAsked, mark) {
				t.Errorf("%s was contacted: %v", tt.notAsked, srv.seen)
			}
		})
	}
}

// TestAutodiscoverRequest: the POX request is what Exchange and outlook.com accept, and no
// credential goes anywhere.
func TestAutodiscoverRequest(t *testing.T) {
	d, srv := newADDiscoverer(t)
	if _, err := d.Discover(context.Background(), "bob@ad.test"); err != nil {
		t.Fatal(err)
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	body, ct := srv.body["autodiscover.ad.test"], srv.ct["autodiscover.ad.test"]
	if ct != "text/xml; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	for _, want := range []string{"<EMailAddress>bob@ad.test</EMailAddress>", adRequestNS, adResponseNS} {
		if !strings.Contains(body, want) {
			t.Errorf("request body %q lacks %q", body, want)
		}
	}
	if !slices.Contains(srv.seen, "POST autodiscover.ad.test"+adPath) {
		t.Errorf("requests %v lack the POST", srv.seen)
	}
}

func TestParseAutodiscover(t *testing.T) {
	tests := []struct {
		name    string
		doc     string
		eps     []probes.Endpoint
		notes   int
		action  string
		wantErr string
	}{
		{"SSL on cleartext ports is STARTTLS", adSettings(adProto("IMAP", "i.x.test", 143, "<SSL>on</SSL>"), adProto("POP3", "p.x.test", 110, "")),
			[]probes.Endpoint{ep(probes.IMAP, "i.x.test", 143, probes.STARTTLS, "autodiscover"), ep(probes.POP3, "p.x.test", 110, probes.STARTTLS, "autodiscover")}, 0, "settings", ""},
		{"SSL off is plain", adSettings(adProto("SMTP", "s.x.test", 25, "<SSL>off</SSL>")),
			[]probes.Endpoint{ep(probes.SMTP, "s.x.test", 25, probes.Plain, "autodiscover")}, 0, "settings", ""},
		{"Encryption wins over SSL", adSettings(adProto("SMTP", "s.x.test", 465, "<SSL>off</SSL><Encryption>SSL</Encryption>")),
			[]probes.Endpoint{ep(probes.SMTP, "s.x.test", 465, probes.ImplicitTLS, "autodiscover")}, 0, "settings", ""},
		{"SPA and DomainRequired are noted", adSettings(adProto("IMAP", "i.x.test", 993, "<SPA>on</SPA><DomainRequired>on</DomainRequired>")),
			[]probes.Endpoint{ep(probes.IMAP, "i.x.test", 993, probes.ImplicitTLS, "autodiscover")}, 2, "settings", ""},
		{"no port: the default", adSettings("<Protocol><Type>IMAP</Type><Server>I.X.TEST.</Server></Protocol>"),
			[]probes.Endpoint{ep(probes.IMAP, "i.x.test", 993, probes.ImplicitTLS, "autodiscover")}, 0, "settings", ""},
		{"redirectAddr", adRedirectDoc("redirectAddr", "a@b.test"), nil, 0, "redirectAddr", ""},
		{"bad server only", adSettings(adProto("IMAP", "not a host", 993, "")), nil, 0, "", "not a host name"},
		{"bad port", adSettings("<Protocol><Type>IMAP</Type><Server>i.x.test</Server><Port>99999</Port></Protocol>"), nil, 0, "", "bad port"},
		{"bomb", billionLaughs, nil, 0, "", "DOCTYPE"},
		{"entity without DOCTYPE", `<Autodiscover>&lol;</Autodiscover>`, nil, 0, "", "XML"},
		{"error response", `<Autodiscover><Response><Error><ErrorCode>600</ErrorCode><Message>Invalid Request</Message></Error></Response></Autodiscover>`, nil, 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := parseAutodiscover([]byte(tt.doc))
			if err == nil {
				for i := range res.Endpoints {
					if res.Endpoints[i].Trust != probes.TrustHTTPS {
						t.Errorf("trust %q, want https", res.Endpoints[i].Trust)
					}
					res.Endpoints[i].Trust = ""
				}
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(res.Endpoints, tt.eps) || len(res.Notes) != tt.notes || res.Action != tt.action {
				t.Errorf("got %+v", res)
			}
		})
	}
}

func TestGuessHosts(t *testing.T) {
	got := guessHosts("x.test", []string{"mx1.x.test.", "mx.other.test", "mail.x.test", "mx2.x.test", "mx3.x.test"})
	var hosts []string
	for _, g := range got {
		hosts = append(hosts, g.host)
	}
	want := []string{"imap.x.test", "pop.x.test", "pop3.x.test", "smtp.x.test", "mail.x.test", "x.test", "mx1.x.test", "mx2.x.test"}
	if !slices.Equal(hosts, want) {
		t.Errorf("guessHosts = %v, want %v", hosts, want)
	}
}

// TestDiscoverCancelsLowerTiers: once SRV (the first tier) has named servers, the slower
// methods are cancelled rather than waited for, and shown skipped. The HTTPS side never
// answers and the client has no timeout of its own, so without the cancellation Discover
// would wait out the hour-long method timeout (the two-minute safety net fails the test).
func TestDiscoverCancelsLowerTiers(t *testing.T) {
	release := make(chan struct{})
	pool, cert := testCA(t, "autodiscover.slow.test", "autoconfig.slow.test", "slow.test", "ispdb.slow.test")
	hs := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select { // a tarpit: answers nothing until the test ends
		case <-r.Context().Done():
		case <-release:
		}
	}))
	hs.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	hs.StartTLS()
	t.Cleanup(hs.Close)
	t.Cleanup(func() { close(release) }) // runs first: frees the handlers so Close returns
	addr := startDNS(t, []string{
		"slow.test. MX 10 mx.slow.test.",
		"mx.slow.test. A 127.0.0.1",
		"slow.test. A 127.0.0.1",
		"_imaps._tcp.slow.test. SRV 0 1 993 mail.slow.test.",
	})
	// Every HTTP request goes to the tarpit, whatever the host; no client-side timeout.
	target := hs.Listener.Addr().String()
	client := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, network, target)
		},
		TLSClientConfig: &tls.Config{RootCAs: pool},
	}}
	d := &Discoverer{DNS: probes.NewResolver(addr, 2*time.Second), HTTP: client,
		ISPDB: "https://ispdb.slow.test/", Guess: true, Timeout: time.Hour}
	type result struct {
		d   *Discovery
		err error
	}
	done := make(chan result, 1)
	go func() {
		got, err := d.Discover(context.Background(), "bob@slow.test")
		done <- result{got, err}
	}()
	var res result
	select {
	case res = <-done:
	case <-time.After(2 * time.Minute): // only a safety net: the cancellation is what ends it
		t.Fatal("Discover still waiting for the lower tiers after SRV answered")
	}
	if res.err != nil {
		t.Fatal(res.err)
	}
	if len(res.d.Endpoints) != 1 || res.d.Endpoints[0].Source != "srv:_imaps._tcp" {
		t.Errorf("endpoints = %v, want the SRV one only", res.d.Endpoints)
	}
	for _, n := range []string{stepAutoconfig, stepISPDB, stepMXBase, stepAutodiscover, stepGuess} {
		if s := stepOf(res.d, n); s.Status != probes.Skip {
			t.Errorf("step %s = %s (%s), want skip", n, s.Status, s.Detail)
		}
	}
}

func TestAutodiscoverV2URLChecked(t *testing.T) {
	for _, u := range []string{"http://outlook.office365.com/autodiscover/autodiscover.json/v1.0/", "https://x.test/?a=b", "https://user@x.test/", "not a url"} {
		f := `{"version":1,"providers":[{"key":"x","name":{"en":"X","zh":"X"},"domains":["x.test"],"endpoints":[{"proto":"imap","host":"imap.x.test","port":993,"security":"tls"}],"username":"address","auth":"password","status":"active","autodiscover_v2":"` + u + `"}]}`
		if _, err := Load(strings.NewReader(f)); err == nil || !strings.Contains(err.Error(), "autodiscover_v2") {
			t.Errorf("autodiscover_v2 %q: err = %v, want it refused", u, err)
		}
	}
}

// TestAllSourcesSteps: --all-sources adds one comparison step per protocol; only the protocol
// whose sources disagree is a warning.
func TestAllSourcesSteps(t *testing.T) {
	d, _ := newADDiscoverer(t)
	d.All = true
	got, err := d.Discover(context.Background(), "bob@both.test")
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, s := range got.Steps {
		if s.Name == stepSources {
			rows = append(rows, string(s.Status)+" "+s.Detail)
		}
	}
	want := []string{
		"warn IMAP: autoconfig imap.both.test:993 tls; autodiscover exchange.both.test:993 tls",
		"ok POP3: autoconfig pop.both.test:110 starttls",
		"ok SMTP: autoconfig smtp.both.test:587 starttls",
	}
	if !slices.Equal(rows, want) {
		t.Errorf("sources steps =\n%q\nwant\n%q", rows, want)
	}
	if len(got.Conflicts) != 1 || !strings.Contains(got.Conflicts[0], "exchange.both.test:993") || !strings.Contains(got.Conflicts[0], "imap.both.test:993") {
		t.Errorf("conflicts = %q, want both values", got.Conflicts)
	}
}
