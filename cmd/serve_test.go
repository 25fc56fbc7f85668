package cmd

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/miekg/dns"

	"github.com/mailcheck/mailcheck/cmd/serve"
	"github.com/mailcheck/mailcheck/cmd/serve/store"
	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/providers"
	"github.com/mailcheck/mailcheck/testservers"
)

// serveEnv is a serve handler on the real planner, with the test CA trusted and, unless a
// test says otherwise, loopback permitted (the test servers live there).
type serveEnv struct {
	log    *syncBuffer // the access log
	t      *testing.T
	ca     *testservers.CA
	ts     *httptest.Server
	store  *store.Store
	dbPath string
}

func newServeEnv(t *testing.T, dns string, edit func(*serve.Config, *servePlanner)) *serveEnv {
	t.Helper()
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(t.TempDir(), "history.sqlite")
	st, err := store.Open(dbPath, store.Keep{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	g := &globalOpts{timeout: 5 * time.Second, lang: "en", format: "table"}
	pl := &servePlanner{g: g, db: providers.Builtin()}
	cfg := serve.Config{Planner: pl, Store: st, Guard: &serve.Guard{AllowPrivate: true},
		Resolver: probes.NewResolver(dns, 5*time.Second), RootCAs: ca.RootCAs(), Timeout: 5 * time.Second,
		CheckTimeout: 30 * time.Second, RatePerMinute: 600, Burst: 100, MaxConcurrent: 8}
	logBuf := &syncBuffer{}
	cfg.Log = log.New(logBuf, "", 0)
	if dns == "" {
		// No test DNS: a resolver that cannot reach anything, so no test asks the system's.
		cfg.Resolver = probes.NewResolver("127.0.0.1:1", time.Second)
	}
	if edit != nil {
		edit(&cfg, pl)
	}
	h, err := serve.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return &serveEnv{t: t, ca: ca, ts: ts, store: st, dbPath: dbPath, log: logBuf}
}

func (e *serveEnv) postJSON(path string, body any, hdr ...string) (*http.Response, []byte) {
	e.t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", e.ts.URL+path, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return e.do(req)
}

func (e *serveEnv) do(req *http.Request) (*http.Response, []byte) {
	e.t.Helper()
	resp, err := e.ts.Client().Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func (e *serveEnv) get(path string, hdr ...string) (*http.Response, []byte) {
	e.t.Helper()
	req, _ := http.NewRequest("GET", e.ts.URL+path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return e.do(req)
}

type apiErr struct {
	Error   string   `json:"error"`
	Reason  string   `json:"reason"`
	Refused []string `json:"refused"`
}

func decodeErr(t *testing.T, b []byte) apiErr {
	t.Helper()
	var e apiErr
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatalf("error body %q: %v", b, err)
	}
	return e
}

// serveReport is the part of the Report JSON (CLI.md) the tests read.
type serveReport struct {
	Schema  string `json:"schema"`
	Command string `json:"command"`
	Input   string `json:"input"`
	Status  string `json:"status"`
	Results []struct {
		Status string `json:"status"`
		Steps  []struct {
			Name   string `json:"name"`
			Status string `json:"status"`
		} `json:"steps"`
	} `json:"results"`
	Findings []struct {
		Code string `json:"code"`
	} `json:"findings"`
}

func scenarioServer(t *testing.T, name string, ca *testservers.CA) (*testservers.Server, testservers.Scenario) {
	t.Helper()
	sc, ok := testservers.ScenarioByName(name)
	if !ok {
		t.Fatalf("no scenario %s", name)
	}
	return testservers.StartT(t, sc.Config, ca), sc
}

func TestServeAPICheckAndPermalink(t *testing.T) {
	e := newServeEnv(t, "", nil)
	srv, _ := scenarioServer(t, "healthy-smtp-starttls", e.ca)
	resp, body := e.postJSON("/api/v1/check", map[string]string{"protocol": "smtp", "target": srv.Addr, "security": "starttls",
		"user": testservers.DefaultUser, "password": testservers.DefaultPassword})
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var rep serveReport
	if err := json.Unmarshal(body, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Schema != probes.Schema || rep.Command != "probe" || rep.Status != "ok" || len(rep.Results) != 1 {
		t.Fatalf("report: %+v", rep)
	}
	auth := ""
	for _, s := range rep.Results[0].Steps {
		if s.Name == probes.StepAuth {
			auth = s.Status
		}
	}
	if auth != "ok" {
		t.Fatalf("auth step %q, want ok: %s", auth, body)
	}
	loc := resp.Header.Get("Location")
	if !regexp.MustCompile(`^/api/v1/reports/[0-9a-f]{32}$`).MatchString(loc) {
		t.Fatalf("Location %q", loc)
	}
	r2, b2 := e.get(loc)
	var rep2 serveReport
	if r2.StatusCode != 200 || json.Unmarshal(b2, &rep2) != nil || rep2.Input != rep.Input || rep2.Status != "ok" {
		t.Fatalf("permalink: %d %s", r2.StatusCode, b2)
	}
	r3, b3 := e.get(resp.Header.Get("X-Mailcheck-Report"), "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
	if r3.StatusCode != 200 || !strings.Contains(r3.Header.Get("Content-Type"), "text/html") || !strings.Contains(string(b3), `lang="zh-CN"`) {
		t.Fatalf("HTML permalink: %d %.300s", r3.StatusCode, b3)
	}
	for _, b := range [][]byte{body, b2, b3} {
		if bytes.Contains(b, []byte(testservers.DefaultPassword)) {
			t.Fatal("the password is in a response")
		}
	}
	// The password was sent (AUTH PLAIN, base64) and the login succeeded: neither form of it is
	// in the database file or its write-ahead log.
	plain := base64.StdEncoding.EncodeToString([]byte("\x00" + testservers.DefaultUser + "\x00" + testservers.DefaultPassword))
	raw, _ := os.ReadFile(e.dbPath)
	wal, _ := os.ReadFile(e.dbPath + "-wal")
	all := append(raw, wal...)
	if !bytes.Contains(all, []byte(srv.Addr)) {
		t.Fatal("the report is not in the database files: the grep below would prove nothing")
	}
	for _, sec := range []string{testservers.DefaultPassword, plain} {
		if bytes.Contains(all, []byte(sec)) {
			t.Fatalf("%q is in the database file", sec)
		}
		if strings.Contains(e.log.String(), sec) {
			t.Fatalf("%q is in the access log", sec)
		}
	}
	if r, _ := e.get("/api/v1/reports/0123456789abcdef0123456789abcdef"); r.StatusCode != 404 {
		t.Fatalf("unknown id: %d", r.StatusCode)
	}
	// The list, filtered by the endpoint's host and by a code it does not have.
	_, lb := e.get("/api/v1/reports?domain=127.0.0.1")
	if !strings.Contains(string(lb), strings.TrimPrefix(loc, "/api/v1/reports/")) {
		t.Fatalf("list by domain misses the report: %s", lb)
	}
	_, lb = e.get("/api/v1/reports?code=tls.required")
	if strings.Contains(string(lb), strings.TrimPrefix(loc, "/api/v1/reports/")) {
		t.Fatalf("list by code tls.required shows a healthy report: %s", lb)
	}
}

// TestServeSSRF: every refused range, as a literal target and as a name resolving to it, gets
// 403 with the reason; an address whose discovery leads to a private server is refused at
// the dial (no pre-check can see it), and so is an autoconfig redirect to a private address.
func TestServeSSRF(t *testing.T) {
	dns := testservers.StartDNST(t, testservers.Zone{
		A: map[string][]string{
			"private.evil.test": {"10.0.0.5"}, "meta.evil.test": {"169.254.169.254"}, "loop.evil.test": {"127.0.0.1"},
			"mixed.evil.test": {"192.0.2.1", "192.168.7.7"},
			"mx.evil.test":    {"10.0.0.7"}, "mail.evil.test": {"10.0.0.7"},
		},
		MX:  map[string][]testservers.MX{"evil.test": {{Host: "mx.evil.test", Pref: 10}}},
		SRV: map[string][]testservers.SRV{"_submission._tcp.evil.test": {{Target: "mail.evil.test", Port: 587}}},
	})
	e := newServeEnv(t, dns.Addr, func(c *serve.Config, _ *servePlanner) { c.Guard = &serve.Guard{} })
	cases := []struct{ target, want string }{
		{"127.0.0.1:25", "loopback"}, {"[::1]:25", "loopback"}, {"10.1.2.3:25", "private"}, {"172.20.0.1:587", "private"},
		{"192.168.1.1:993", "private"}, {"[fd00::1]:993", "private"}, {"169.254.3.4:25", "link-local"}, {"[fe80::1]:25", "link-local"},
		{"100.64.1.1:25", "cgnat"}, {"224.0.0.1:25", "multicast"}, {"[ff02::1]:25", "multicast"},
		{"169.254.169.254:80", "cloud-metadata"}, {"[fd00:ec2::254]:80", "cloud-metadata"}, {"100.100.100.200:80", "cloud-metadata"},
		{"0.0.0.0:25", "unspecified"}, {"[::ffff:10.0.0.1]:25", "private"},
		{"private.evil.test:25", "private.evil.test (10.0.0.5)"}, {"meta.evil.test:25", "cloud-metadata"},
		{"loop.evil.test:25", "loopback"}, {"mixed.evil.test:25", "192.168.7.7"},
	}
	for _, c := range cases {
		resp, body := e.postJSON("/api/v1/check", map[string]string{"protocol": "smtp", "target": c.target})
		er := decodeErr(t, body)
		if resp.StatusCode != 403 || er.Reason != "ssrf" || !strings.Contains(strings.Join(er.Refused, ";"), c.want) {
			t.Errorf("%s: %d %s, want 403 naming %q", c.target, resp.StatusCode, body, c.want)
		}
	}
	// Discovery: MX and SRV lead to 10.0.0.7; refused where it is dialed.
	resp, body := e.postJSON("/api/v1/check", map[string]string{"address": "user@evil.test"})
	er := decodeErr(t, body)
	if resp.StatusCode != 403 || !strings.Contains(strings.Join(er.Refused, ";"), "10.0.0.7") {
		t.Fatalf("address leading to a private server: %d %s", resp.StatusCode, body)
	}
	n, _ := e.store.Count(context.Background())
	if n != 0 {
		t.Fatalf("%d refused checks were stored", n)
	}
}

func TestServeSSRFAutoconfigRedirect(t *testing.T) {
	ca, _ := testservers.NewCA()
	cert, err := ca.Cert(testservers.Valid, "autoconfig.redir.test", "internal.redir.test")
	if err != nil {
		t.Fatal(err)
	}
	web := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://internal.redir.test/mail/config-v1.1.xml", http.StatusFound)
	}))
	web.TLS = tlsConfig(cert)
	web.StartTLS()
	defer web.Close()
	port := web.Listener.Addr().(*net.TCPAddr).Port
	dns := testservers.StartDNST(t, testservers.Zone{A: map[string][]string{
		"autoconfig.redir.test": {"127.0.0.1"}, "redir.test": {"127.0.0.1"}, "internal.redir.test": {"127.0.0.2"}}})
	e := newServeEnv(t, dns.Addr, func(c *serve.Config, pl *servePlanner) {
		c.Guard = &serve.Guard{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}}
		c.RootCAs = ca.RootCAs()
		pl.httpsPort = port
	})
	resp, body := e.postJSON("/api/v1/check", map[string]string{"address": "user@redir.test"})
	er := decodeErr(t, body)
	if resp.StatusCode != 403 || !strings.Contains(strings.Join(er.Refused, ";"), "127.0.0.2") {
		t.Fatalf("autoconfig redirect to 127.0.0.2: %d %s", resp.StatusCode, body)
	}
}

func TestServeRefusals(t *testing.T) {
	e := newServeEnv(t, "", func(c *serve.Config, _ *servePlanner) { c.Guard = &serve.Guard{} })
	post := func(ct, body, query string) (*http.Response, apiErr) {
		req, _ := http.NewRequest("POST", e.ts.URL+"/api/v1/check"+query, strings.NewReader(body))
		if ct != "" {
			req.Header.Set("Content-Type", ct)
		}
		resp, b := e.do(req)
		return resp, decodeErr(t, b)
	}
	cases := []struct {
		name, ct, body, query string
		code                  int
		reason                string
	}{
		{"form type", "application/x-www-form-urlencoded", "target=x", "", 415, "body"},
		{"no type", "", `{"address":"a@b.c"}`, "", 415, "body"},
		{"too big", "application/json", `{"address":"` + strings.Repeat("a", 70<<10) + `"}`, "", 413, "body"},
		{"unknown field", "application/json", `{"address":"a@b.c","pasword":"x"}`, "", 400, "body"},
		{"two values", "application/json", `{"address":"a@b.c"} {}`, "", 400, "body"},
		{"query", "application/json", `{"address":"a@b.c"}`, "?password=x", 400, "query"},
		{"nothing", "application/json", `{}`, "", 400, "input"},
		{"two inputs", "application/json", `{"address":"a@b.c","provider":"qq"}`, "", 400, "input"},
		{"pw and token", "application/json", `{"address":"a@b.c","password":"x","token":"y"}`, "", 400, "input"},
		{"bad lang", "application/json", `{"address":"a@b.c","lang":"fr"}`, "", 400, "input"},
		{"newline", "application/json", `{"address":"a@b.c\r\nRCPT"}`, "", 400, "input"},
		{"bad address", "application/json", `{"address":"not-an-address"}`, "", 400, "input"},
		{"bad protocol", "application/json", `{"protocol":"ftp","target":"1.2.3.4"}`, "", 400, "input"},
		{"unknown provider", "application/json", `{"provider":"qqq-nonexistent"}`, "", 400, "input"},
	}
	for _, c := range cases {
		resp, er := post(c.ct, c.body, c.query)
		if resp.StatusCode != c.code || er.Reason != c.reason || er.Error == "" {
			t.Errorf("%s: %d %+v, want %d %s", c.name, resp.StatusCode, er, c.code, c.reason)
		}
	}
	// No CORS: a preflight is refused without Access-Control-Allow-*, and so is every answer.
	req, _ := http.NewRequest("OPTIONS", e.ts.URL+"/api/v1/check", nil)
	req.Header.Set("Origin", "https://evil.example")
	req.Header.Set("Access-Control-Request-Method", "POST")
	resp, _ := e.do(req)
	if resp.StatusCode != 405 || resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Fatalf("preflight: %d %v", resp.StatusCode, resp.Header)
	}
	resp, _ = e.get("/", "Origin", "https://evil.example")
	for k := range resp.Header {
		if strings.HasPrefix(k, "Access-Control-") {
			t.Fatalf("CORS header %s on a page", k)
		}
	}
	if resp.Header.Get("Content-Security-Policy") == "" || resp.Header.Get("X-Frame-Options") != "DENY" {
		t.Fatalf("security headers missing: %v", resp.Header)
	}
}

func TestServeAuth(t *testing.T) {
	auth, err := serve.ParseAuth(strings.NewReader("bearer s3cret-token-0123456789\nagent:pw-of-agent\n"))
	if err != nil {
		t.Fatal(err)
	}
	e := newServeEnv(t, "", func(c *serve.Config, _ *servePlanner) { c.Auth = auth })
	for _, p := range []string{"/", "/api/v1/reports", "/metrics", "/probe?target=x&module=y", "/reports"} {
		resp, body := e.get(p)
		if resp.StatusCode != 401 || decodeErr(t, body).Reason != "auth" || !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Basic") {
			t.Errorf("%s without credentials: %d %s", p, resp.StatusCode, body)
		}
		if resp, _ := e.get(p, "Authorization", "Bearer wrong-token-0123456789"); resp.StatusCode != 401 {
			t.Errorf("%s with a wrong token: %d", p, resp.StatusCode)
		}
	}
	if resp, _ := e.get("/api/v1/reports", "Authorization", "Bearer s3cret-token-0123456789"); resp.StatusCode != 200 {
		t.Fatalf("bearer: %d", resp.StatusCode)
	}
	req, _ := http.NewRequest("GET", e.ts.URL+"/", nil)
	req.SetBasicAuth("agent", "pw-of-agent")
	if resp, _ := e.do(req); resp.StatusCode != 200 {
		t.Fatalf("basic: %d", resp.StatusCode)
	}
	if resp, _ := e.get("/healthz"); resp.StatusCode != 200 {
		t.Fatalf("healthz: %d", resp.StatusCode)
	}
}

func TestServeRateLimit(t *testing.T) {
	e := newServeEnv(t, "", func(c *serve.Config, _ *servePlanner) {
		c.Guard, c.RatePerMinute, c.Burst = &serve.Guard{}, 1, 2
	})
	body := map[string]string{"protocol": "smtp", "target": "10.0.0.1:25"} // refused at once: no network
	for i := range 2 {
		if resp, b := e.postJSON("/api/v1/check", body); resp.StatusCode != 403 {
			t.Fatalf("request %d: %d %s", i, resp.StatusCode, b)
		}
	}
	resp, b := e.postJSON("/api/v1/check", body)
	if resp.StatusCode != 429 || decodeErr(t, b).Reason != "rate-limit" || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("third request: %d %s %v", resp.StatusCode, b, resp.Header)
	}
	// Bad input is refused before the limiter and costs no token; metrics count the refusals.
	_, m := e.get("/metrics")
	if !strings.Contains(string(m), `mailcheck_serve_refusals_total{reason="rate-limit"} 1`) {
		t.Fatalf("metrics: %s", m)
	}
}

// TestServeConcurrencyCap holds one check at a server that accepts and says nothing, then sees
// a second refused with 429 "busy"; releasing the first lets checks through again.
func TestServeConcurrencyCap(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	accepted := make(chan net.Conn, 4)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			accepted <- c
		}
	}()
	e := newServeEnv(t, "", func(c *serve.Config, _ *servePlanner) { c.MaxConcurrent = 1 })
	first := make(chan int, 1)
	go func() {
		b, _ := json.Marshal(map[string]string{"protocol": "smtp", "target": ln.Addr().String(), "security": "plain"})
		req, _ := http.NewRequest("POST", e.ts.URL+"/api/v1/check", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		resp, err := e.ts.Client().Do(req)
		if err != nil {
			first <- -1
			return
		}
		resp.Body.Close()
		first <- resp.StatusCode
	}()
	held := <-accepted // the first check is connected and waiting for a greeting
	resp, b := e.postJSON("/api/v1/check", map[string]string{"protocol": "smtp", "target": ln.Addr().String()})
	if resp.StatusCode != 429 || decodeErr(t, b).Reason != "busy" {
		t.Fatalf("second check while one runs: %d %s", resp.StatusCode, b)
	}
	held.Close() // the greeting step fails at once
	if code := <-first; code != 200 {
		t.Fatalf("first check: %d", code)
	}
}

// TestServeForm walks the page as a browser without JavaScript does: GET the form, POST it
// with the CSRF token, read the streamed progress, follow the permalink.
func TestServeForm(t *testing.T) {
	e := newServeEnv(t, "", nil)
	srv, _ := scenarioServer(t, "smtp-tls-required", e.ca)
	resp, page := e.get("/", "Accept-Language", "zh-CN,zh;q=0.9")
	if resp.StatusCode != 200 || !strings.Contains(string(page), "邮箱地址") {
		t.Fatalf("form: %d %.200s", resp.StatusCode, page)
	}
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(page)
	if m == nil {
		t.Fatal("no CSRF field")
	}
	cookie := resp.Cookies()
	form := url.Values{"csrf": {string(m[1])}, "protocol": {"smtp"}, "target": {srv.Addr}, "security": {"plain"},
		"user": {testservers.DefaultUser}, "password": {"form-secret-123"}}
	post := func(f url.Values, withCookie bool) (*http.Response, []byte) {
		req, _ := http.NewRequest("POST", e.ts.URL+"/check", strings.NewReader(f.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if withCookie {
			for _, c := range cookie {
				req.AddCookie(c)
			}
		}
		return e.do(req)
	}
	if resp, b := post(form, false); resp.StatusCode != 403 || decodeErr(t, b).Reason != "csrf" {
		t.Fatalf("form without the cookie: %d %s", resp.StatusCode, b)
	}
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("csrf", "forged")
	if resp, _ := post(bad, true); resp.StatusCode != 403 {
		t.Fatalf("forged token: %d", resp.StatusCode)
	}
	big := url.Values{"csrf": form["csrf"], "address": {strings.Repeat("x", 70<<10)}}
	if resp, _ := post(big, true); resp.StatusCode != 413 {
		t.Fatalf("oversized form: %d", resp.StatusCode)
	}
	resp, out := post(form, true)
	if resp.StatusCode != 200 {
		t.Fatalf("form check: %d %s", resp.StatusCode, out)
	}
	s := string(out)
	if !strings.Contains(s, `<li class="fail">smtp `+srv.Addr) || !strings.Contains(s, `id="verdict"`) {
		t.Fatalf("no progress line or verdict: %s", s)
	}
	link := regexp.MustCompile(`href="(/reports/[0-9a-f]{32})"`).FindStringSubmatch(s)
	if link == nil || !strings.Contains(s, `http-equiv="refresh" content="0;url=`+link[1]) {
		t.Fatalf("no permalink/refresh: %s", s)
	}
	r2, rep := e.get(link[1], "Accept-Language", "zh-CN")
	if r2.StatusCode != 200 || !strings.Contains(string(rep), "tls.required") {
		t.Fatalf("report page: %d %.300s", r2.StatusCode, rep)
	}
	_, list := e.get("/reports?code=tls.required")
	if !strings.Contains(string(list), link[1]) {
		t.Fatalf("history filtered by code misses the report: %s", list)
	}
	if bytes.Contains(out, []byte("form-secret-123")) || bytes.Contains(rep, []byte("form-secret-123")) {
		t.Fatal("the form's password is in a page")
	}
	if l := e.log.String(); !strings.Contains(l, "POST /check 200") || strings.Contains(l, "form-secret-123") {
		t.Fatalf("access log lacks the check or holds the password:\n%s", l)
	}
	raw, _ := os.ReadFile(e.dbPath)
	wal, _ := os.ReadFile(e.dbPath + "-wal")
	if bytes.Contains(append(raw, wal...), []byte("form-secret-123")) {
		t.Fatal("the password is in the database file")
	}
}

// syncBuffer is a log destination the handlers write to concurrently.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func tlsConfig(cert tls.Certificate) *tls.Config {
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
}

func TestServeExporter(t *testing.T) {
	pwFile := filepath.Join(t.TempDir(), "pw")
	os.WriteFile(pwFile, []byte(testservers.DefaultPassword+"\n"), 0o600)
	mods, err := serve.ParseModules([]byte(`modules:
  imaps:
    protocol: imap
    security: tls
    timeout: 5s
    user: ` + testservers.DefaultUser + `
    password_file: ` + pwFile + `
  smtp_plain:
    protocol: smtp
    security: plain
    user: ` + testservers.DefaultUser + `
    password_file: ` + pwFile + `
`))
	if err != nil {
		t.Fatal(err)
	}
	e := newServeEnv(t, "", func(c *serve.Config, _ *servePlanner) { c.Modules = mods })
	imaps, _ := scenarioServer(t, "healthy-imaps", e.ca)
	smtp, _ := scenarioServer(t, "smtp-tls-required", e.ca)
	scrape := func(target, module string) string {
		t.Helper()
		resp, b := e.get("/probe?" + url.Values{"target": {target}, "module": {module}}.Encode())
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
			t.Fatalf("probe %s %s: %d %s", module, target, resp.StatusCode, b)
		}
		return string(b)
	}
	has := func(out string, re ...string) {
		t.Helper()
		for _, r := range re {
			if !regexp.MustCompile(`(?m)^` + r + `$`).MatchString(out) {
				t.Errorf("no line matching %q in:\n%s", r, out)
			}
		}
	}
	ok := scrape(imaps.Addr, "imaps")
	has(ok, `probe_success 1`, `probe_duration_seconds [0-9.e+-]+`, `mailcheck_login_success 1`,
		`mailcheck_step_duration_seconds\{step="tls"\} [0-9.e+-]+`, `mailcheck_step_duration_seconds\{step="auth"\} [0-9.e+-]+`,
		`probe_tls_version_info\{version="TLS 1\.[23]"\} 1`, `probe_ssl_earliest_cert_expiry [0-9.e+]+`, `mailcheck_round_trips [1-9][0-9]*`)
	if strings.Contains(ok, `mailcheck_finding{`) && strings.Contains(ok, `severity="error"`) {
		t.Errorf("healthy server has an error finding:\n%s", ok)
	}
	bad := scrape(smtp.Addr, "smtp_plain")
	has(bad, `probe_success 0`, `mailcheck_finding\{code="tls.required",severity="error"\} 1`)
	if strings.Contains(ok+bad, testservers.DefaultPassword) {
		t.Fatal("the module's password is in the metrics")
	}
	for _, q := range []string{"target=" + smtp.Addr + "&module=nope", "module=imaps", "target=" + smtp.Addr + "&module=imaps&password=x"} {
		if resp, b := e.get("/probe?" + q); resp.StatusCode != 400 {
			t.Errorf("/probe?%s: %d %s", q, resp.StatusCode, b)
		}
	}
	// The guard applies to the exporter too.
	e2 := newServeEnv(t, "", func(c *serve.Config, _ *servePlanner) { c.Modules, c.Guard = mods, &serve.Guard{} })
	if resp, b := e2.get("/probe?target=" + imaps.Addr + "&module=imaps"); resp.StatusCode != 403 {
		t.Fatalf("exporter to loopback without --allow-private: %d %s", resp.StatusCode, b)
	}
	_, m := e.get("/metrics")
	has(string(m), `mailcheck_serve_checks_total\{outcome="(ok|warn)",via="probe"\} 1`, `go_goroutines [0-9]+`)
}

// TestServeUsage: every bad start is exit 2 with one clear line, before anything listens.
func TestServeUsage(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.sqlite")
	os.WriteFile(garbage, bytes.Repeat([]byte("not sqlite "), 500), 0o600)
	badYAML := filepath.Join(dir, "bad.yml")
	os.WriteFile(badYAML, []byte("modules:\n  a:\n    protocol: ftp\n"), 0o600)
	shortAuth := filepath.Join(dir, "auth")
	os.WriteFile(shortAuth, []byte("short\n"), 0o600)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--listen", "0.0.0.0:8780"}, "--allow-remote"},
		{[]string{"--listen", "0.0.0.0:8780", "--allow-remote"}, "--auth-file is required"},
		{[]string{"--listen", ":8780", "--allow-remote"}, "--auth-file is required"},
		{[]string{"--listen", "localhost"}, "want ADDR:PORT"},
		{[]string{"--listen", "mail.example.com:80"}, "IP address"},
		{[]string{"--listen", "127.0.0.1:99999"}, "bad port"},
		{[]string{"--auth-file", filepath.Join(dir, "missing")}, "--auth-file"},
		{[]string{"--auth-file", shortAuth}, "too easy to guess"},
		{[]string{"--allow-cidr", "10.0.0.0/99"}, "--allow-cidr"},
		{[]string{"--keep", "forever"}, "--keep"},
		{[]string{"--config", badYAML}, "protocol"},
		{[]string{"--db", garbage}, garbage},
		{[]string{"--rate", "0"}, "must be positive"},
		{[]string{"--user", "a@b.c"}, "credentials per check"},
	}
	for _, c := range cases {
		code, _, errOut := run(t, "", nil, append([]string{"serve", "--resolver", "127.0.0.1:1"}, c.args...)...)
		if code != ExitUsage || !strings.Contains(errOut, c.want) || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
			t.Errorf("serve %v: exit %d, stderr %q; want 2 and %q on one line", c.args, code, errOut, c.want)
		}
	}
}

func TestParseKeep(t *testing.T) {
	cases := map[string]store.Keep{
		"30d": {MaxAge: 30 * 24 * time.Hour}, "720h": {MaxAge: 720 * time.Hour}, "10000": {MaxCount: 10000},
		"30d,500": {MaxAge: 30 * 24 * time.Hour, MaxCount: 500}, "0": {}, "": {},
	}
	for in, want := range cases {
		got, err := parseKeep(in)
		if err != nil || got != want {
			t.Errorf("parseKeep(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, bad := range []string{"-1", "xd", "0d", "soon", "-5m"} {
		if _, err := parseKeep(bad); err == nil {
			t.Errorf("parseKeep(%q): no error", bad)
		}
	}
}

// TestServeSSRFRebinding: a name answers a public address to the pre-check and a private one
// to the engine's own lookup (DNS rebinding). The dial is refused because the guard looks at
// the address dialed. The guard's base dialer refuses anything but loopback, so even a broken
// guard could not send a packet off this machine.
func TestServeSSRFRebinding(t *testing.T) {
	var mu sync.Mutex
	queries := 0
	h := dns.HandlerFunc(func(w dns.ResponseWriter, r *dns.Msg) {
		m := new(dns.Msg)
		m.SetReply(r)
		if q := r.Question[0]; q.Qtype == dns.TypeA {
			mu.Lock()
			queries++
			ip := "10.0.0.9"
			if queries == 1 {
				ip = "192.0.2.1" // public for the guard (documentation range)
			}
			mu.Unlock()
			rr, _ := dns.NewRR(q.Name + " 0 IN A " + ip)
			m.Answer = append(m.Answer, rr)
		}
		w.WriteMsg(m)
	})
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ds := &dns.Server{PacketConn: pc, Handler: h}
	go ds.ActivateAndServe()
	defer ds.Shutdown()
	var offHost []string
	var offMu sync.Mutex
	base := dialFunc(func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, _ := net.SplitHostPort(addr)
		if a, err := netip.ParseAddr(host); err != nil || !a.IsLoopback() {
			offMu.Lock()
			offHost = append(offHost, addr)
			offMu.Unlock()
			return nil, errors.New("test safety: only loopback is dialed")
		}
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	})
	e := newServeEnv(t, pc.LocalAddr().String(), func(c *serve.Config, _ *servePlanner) { c.Guard = &serve.Guard{Base: base} })
	resp, body := e.postJSON("/api/v1/check", map[string]string{"protocol": "smtp", "target": "rebind.evil.test:25"})
	er := decodeErr(t, body)
	// The pre-check saw 192.0.2.1 and let it pass; the refusal is the dial's ("10.0.0.9", not
	// the pre-check's "rebind.evil.test (10.0.0.9)").
	if resp.StatusCode != 403 || len(er.Refused) != 1 || !strings.HasPrefix(er.Refused[0], "refused to connect to 10.0.0.9:") && !strings.HasPrefix(er.Refused[0], "refused to connect to 10.0.0.9 ") {
		t.Fatalf("rebinding name: %d %s (%d A queries)", resp.StatusCode, body, queries)
	}
	if len(offHost) > 0 {
		t.Fatalf("the guard let a dial to %v through", offHost)
	}
}

type dialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

func (f dialFunc) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	return f(ctx, network, addr)
}

func TestServeTLSListener(t *testing.T) {
	ca, _ := testservers.NewCA()
	cert, err := ca.Cert(testservers.Valid)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	key, err := x509.MarshalPKCS8PrivateKey(cert.PrivateKey)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Certificate[0]}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: key}), 0o600)
	ln, err := serveListener(&serveOptions{listen: "127.0.0.1:0", tlsCert: certFile, tlsKey: keyFile})
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.TLS == nil {
			t.Error("request without TLS")
		}
		w.Write([]byte("over tls"))
	})}
	go hs.Serve(ln)
	defer hs.Close()
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: ca.RootCAs()}}}
	resp, err := c.Get("https://" + ln.Addr().String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(b) != "over tls" {
		t.Fatalf("got %q", b)
	}
	// Plain HTTP to the TLS port gets no page.
	if resp, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(b) == "over tls" {
			t.Fatal("plain HTTP served the page")
		}
	}
	for _, args := range [][]string{{"--tls-cert", certFile}, {"--tls-key", keyFile}, {"--tls-cert", keyFile, "--tls-key", certFile}} {
		code, _, errOut := run(t, "", nil, append([]string{"serve", "--listen", "127.0.0.1:0", "--resolver", "127.0.0.1:1"}, args...)...)
		if code != ExitUsage || !strings.Contains(errOut, "--tls-") {
			t.Errorf("serve %v: exit %d %q", args, code, errOut)
		}
	}
}

// TestServeExporterScrapeTimeout: a server that accepts and never greets, scraped with a 2s
// Prometheus timeout: the answer comes in time, says probe_success 0 and names the run's
// deadline as the reason.
func TestServeExporterScrapeTimeout(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		var held []net.Conn
		defer func() {
			for _, c := range held {
				c.Close()
			}
		}()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			held = append(held, c)
		}
	}()
	mods, _ := serve.ParseModules([]byte("modules:\n  smtp:\n    protocol: smtp\n    security: plain\n    timeout: 1m\n"))
	e := newServeEnv(t, "", func(c *serve.Config, _ *servePlanner) { c.Modules = mods })
	resp, b := e.get("/probe?target="+ln.Addr().String()+"&module=smtp", "X-Prometheus-Scrape-Timeout-Seconds", "2")
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, b)
	}
	out := string(b)
	for _, want := range []string{"probe_success 0", `mailcheck_finding{code="run.deadline"`} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
}

// TestServeFormRefusedMidStream: discovery finds a server at a private address; the refusal
// comes at the probe's dial, after the progress began, so the page ends with it: no link, and
// nothing stored.
func TestServeFormRefusedMidStream(t *testing.T) {
	dns := testservers.StartDNST(t, testservers.Zone{
		A:  map[string][]string{"mx.evil.test": {"10.0.0.7"}},
		MX: map[string][]testservers.MX{"evil.test": {{Host: "mx.evil.test", Pref: 10}}},
	})
	e := newServeEnv(t, dns.Addr, func(c *serve.Config, _ *servePlanner) { c.Guard = &serve.Guard{} })
	resp, page := e.get("/")
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(page)
	if m == nil {
		t.Fatal("no CSRF field")
	}
	form := url.Values{"csrf": {string(m[1])}, "address": {"user@evil.test"}}
	req, _ := http.NewRequest("POST", e.ts.URL+"/check", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, c := range resp.Cookies() {
		req.AddCookie(c)
	}
	r2, out := e.do(req)
	s := string(out)
	if r2.StatusCode != 200 || !strings.Contains(s, `<p class="fail" id="verdict">Refused: `) || !strings.Contains(s, "10.0.0.7") ||
		strings.Contains(s, "/reports/") && strings.Contains(s, `id="report"`) {
		t.Fatalf("%d %s", r2.StatusCode, s)
	}
	if n, _ := e.store.Count(context.Background()); n != 0 {
		t.Fatalf("%d reports stored after a refusal", n)
	}
}
