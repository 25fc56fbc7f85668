package serve

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/probes"
)

// refusingPlanner turns every request into a usage error: the fuzz target stays off the network
// and exercises everything before planning.
type refusingPlanner struct{}

func (refusingPlanner) Plan(context.Context, Request, probes.Options) (probes.Plan, error) {
	return probes.Plan{}, &UsageError{"planner reached"}
}

// FuzzCheckBody: whatever the body, the API answers a 4xx with a JSON reason, never a panic or a 5xx.
func FuzzCheckBody(f *testing.F) {
	for _, s := range []string{`{"address":"a@b.c"}`, `{"protocol":"smtp","target":"10.0.0.1:25"}`, `{"protocol":"imap","target":"[::1]:993","password":"x"}`,
		`{"provider":"qq","user":"u","token":"t"}`, `{"address":"a@b.c","lang":"zh"}`, `[]`, `{"target":"\u0000"}`, `{"protocol":"smtp","target":"[fe80::1%25eth0]:25"}`} {
		f.Add(s)
	}
	s, err := New(Config{Planner: refusingPlanner{}, Guard: &Guard{}, RatePerMinute: 1e9, Burst: 1 << 30})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest("POST", "/api/v1/check", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code < 400 || w.Code >= 500 {
			t.Fatalf("body %q: status %d", body, w.Code)
		}
		var e struct{ Error, Reason string }
		if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error == "" || e.Reason == "" {
			t.Fatalf("body %q: answer %q", body, w.Body.String())
		}
	})
}

func TestPageLang(t *testing.T) {
	cases := map[string]string{"": "en", "zh-CN,zh;q=0.9": "zh", "en-US,zh;q=0.8": "en", "fr-FR,zh-TW;q=0.5": "zh",
		"de,fr": "en", "zh-Hant-TW": "zh", "en;q=0.1,zh;q=0.9": "zh", "garbage;;;q=x": "en"}
	for al, want := range cases {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Language", al)
		if got := pageLang(r); got != want {
			t.Errorf("Accept-Language %q: %s, want %s", al, got, want)
		}
	}
	r := httptest.NewRequest("GET", "/?lang=zh", nil)
	r.Header.Set("Accept-Language", "en")
	if pageLang(r) != "zh" {
		t.Error("?lang=zh did not override")
	}
}
