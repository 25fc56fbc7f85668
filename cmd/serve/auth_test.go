package serve

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestParseAuth(t *testing.T) {
	a, err := ParseAuth(strings.NewReader("# helpdesk\nbearer 0123456789abcdefXYZ\nagent:correct horse\nbasic ops:pw:with:colons\nABCDEFGHIJKLMNOPQRST\n"))
	if err != nil {
		t.Fatal(err)
	}
	req := func(set func(*http.Request)) *http.Request {
		r := httptest.NewRequest("GET", "/", nil)
		if set != nil {
			set(r)
		}
		return r
	}
	cases := []struct {
		name string
		r    *http.Request
		ok   bool
	}{
		{"none", req(nil), false},
		{"bearer", req(func(r *http.Request) { r.Header.Set("Authorization", "Bearer 0123456789abcdefXYZ") }), true},
		{"bare token", req(func(r *http.Request) { r.Header.Set("Authorization", "Bearer ABCDEFGHIJKLMNOPQRST") }), true},
		{"wrong bearer", req(func(r *http.Request) { r.Header.Set("Authorization", "Bearer 0123456789abcdefXY") }), false},
		{"basic", req(func(r *http.Request) { r.SetBasicAuth("agent", "correct horse") }), true},
		{"basic colons", req(func(r *http.Request) { r.SetBasicAuth("ops", "pw:with:colons") }), true},
		{"basic wrong", req(func(r *http.Request) { r.SetBasicAuth("agent", "wrong") }), false},
		{"token as basic", req(func(r *http.Request) { r.SetBasicAuth("0123456789abcdefXYZ", "") }), false},
		{"basic as bearer", req(func(r *http.Request) { r.Header.Set("Authorization", "Bearer agent:correct horse") }), false},
	}
	for _, c := range cases {
		if got := a.ok(c.r); got != c.ok {
			t.Errorf("%s: ok=%v, want %v", c.name, got, c.ok)
		}
	}
	for _, bad := range []string{"", "# only a comment\n", "short\n", "bearer\n", ":nouser\n"} {
		if _, err := ParseAuth(strings.NewReader(bad)); err == nil {
			t.Errorf("ParseAuth(%q): no error", bad)
		}
	}
}

func TestClientLimiter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := newClientLimiter(6, 2) // one token every 10s, burst 2
	l.now = func() time.Time { return now }
	for i := range 2 {
		if _, ok := l.allow("a"); !ok {
			t.Fatalf("burst request %d refused", i)
		}
	}
	wait, ok := l.allow("a")
	if ok || wait <= 0 || wait > 10*time.Second {
		t.Fatalf("third request: ok=%v wait=%s, want refused with a wait up to 10s", ok, wait)
	}
	if _, ok := l.allow("b"); !ok {
		t.Fatal("another client was limited by a's requests")
	}
	now = now.Add(10 * time.Second)
	if _, ok := l.allow("a"); !ok {
		t.Fatal("after 10s a new token should be there")
	}
	if _, ok := l.allow("a"); ok {
		t.Fatal("only one token refills in 10s")
	}
}

func TestClientLimiterBounded(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := newClientLimiter(60, 1)
	l.now = func() time.Time { return now }
	for i := range maxClients {
		l.allow(strings.Repeat("x", i%7) + string(rune('a'+i%26)) + time.Duration(i).String())
	}
	if len(l.clients) > maxClients {
		t.Fatalf("%d clients tracked, bound is %d", len(l.clients), maxClients)
	}
	if _, ok := l.allow("new"); ok {
		t.Fatal("a full table admitted a new client before any went idle")
	}
	now = now.Add(time.Hour) // everyone idle: dropped, the newcomer gets a bucket
	if _, ok := l.allow("new"); !ok {
		t.Fatal("idle clients were not dropped")
	}
	if len(l.clients) != 1 {
		t.Fatalf("%d clients after pruning, want 1", len(l.clients))
	}
}

func TestCSRF(t *testing.T) {
	k, _ := newCSRFKey()
	w := httptest.NewRecorder()
	field := k.token(w, httptest.NewRequest("GET", "/", nil))
	cookies := w.Result().Cookies()
	if len(cookies) != 1 || cookies[0].Name != csrfCookie || !cookies[0].HttpOnly || cookies[0].SameSite != http.SameSiteStrictMode {
		t.Fatalf("cookie = %+v", cookies)
	}
	post := func(c *http.Cookie, f string) bool {
		r := httptest.NewRequest("POST", "/check", nil)
		if c != nil {
			r.AddCookie(c)
		}
		return k.valid(r, f)
	}
	if !post(cookies[0], field) {
		t.Fatal("the page's own token was refused")
	}
	if post(nil, field) {
		t.Fatal("token without cookie accepted")
	}
	// Another last character, whatever the token's is (a fixed "A" equals it 1 time in 64).
	last := "A"
	if strings.HasSuffix(field, "A") {
		last = "B"
	}
	if post(cookies[0], "") || post(cookies[0], field[:len(field)-1]+last) {
		t.Fatal("wrong field accepted")
	}
	other, _ := newCSRFKey()
	if other.valid(func() *http.Request {
		r := httptest.NewRequest("POST", "/check", nil)
		r.AddCookie(cookies[0])
		return r
	}(), field) {
		t.Fatal("a token signed by another server's key accepted")
	}
}
