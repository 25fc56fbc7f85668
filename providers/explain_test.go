package providers

import (
	"context"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// TestExplainClosedYahooChina is issue 13's headline bug: a failed login pasted with a
// yahoo.com.cn address was told to make a Yahoo app password, for a service closed in 2013.
// Built the way the CLI builds it: plan from the database, then probes.Run.
func TestExplainClosedYahooChina(t *testing.T) {
	db := Builtin()
	plan, err := db.PlanExplain("535 Error: authentication failed alice@yahoo.com.cn", "")
	if err != nil {
		t.Fatalf("PlanExplain: %v", err)
	}
	if plan.Provider == nil || plan.Provider.Key != "yahoo-cn" {
		t.Fatalf("plan.Provider = %+v, want yahoo-cn", plan.Provider)
	}
	rep := probes.Run(context.Background(), plan)
	all := rep.AllFindings()
	closed := false
	for _, f := range all {
		if f.Code == findings.ProviderClosed {
			closed = true
		}
		text := strings.ToLower(f.Fix.EN + "\n" + f.Fix.ZH)
		if strings.Contains(text, "app password") || strings.Contains(text, "应用专用密码") || f.Provider == "yahoo" {
			t.Errorf("finding %s offers a Yahoo app password (provider %q): %+v", f.Code, f.Provider, f.Fix)
		}
	}
	if !closed {
		var codes []findings.Code
		for _, f := range all {
			codes = append(codes, f.Code)
		}
		t.Errorf("findings %v, want %s", codes, findings.ProviderClosed)
	}
}

// TestClosedProvidersOwnPasswordFixes: the catalogue's general fixes for login trouble send
// people to app passwords and authorization codes, which a closed service cannot give. Every
// closed entry has its own fix for each such code, so explaining a pasted error about one of
// its addresses never gives that advice.
func TestClosedProvidersOwnPasswordFixes(t *testing.T) {
	var codes []findings.Code
	for _, e := range findings.Catalogue() {
		texts := []findings.Text{e.Fix}
		for _, t := range e.FixFor {
			texts = append(texts, t)
		}
		for _, tx := range texts {
			s := strings.ToLower(tx.EN + "\n" + tx.ZH)
			if strings.Contains(s, "app password") || strings.Contains(s, "应用专用密码") || strings.Contains(s, "授权码") {
				codes = append(codes, e.Code)
				break
			}
		}
	}
	if len(codes) == 0 {
		t.Fatal("no catalogue fix names app passwords or authorization codes; the scan is broken")
	}
	db := Builtin()
	for _, p := range db.All() {
		if p.Status != Closed {
			continue
		}
		f := db.Facts(p)
		for _, c := range codes {
			fx, ok := f.Fixes[c]
			if !ok {
				t.Errorf("closed %s has no fix of its own for %s, so users get the general password advice", p.Key, c)
				continue
			}
			if s := strings.ToLower(fx.Text.EN + fx.Text.ZH); strings.Contains(s, "app password") || strings.Contains(s, "应用专用密码") {
				t.Errorf("closed %s: its %s fix still names app passwords: %+v", p.Key, c, fx.Text)
			}
		}
	}
}
