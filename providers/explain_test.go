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
// closed entry has one closure fix of its own (provider.closed), and the pipeline gives it to
// every finding of a run about that provider, so no such advice reaches its users.
func TestClosedProvidersOwnPasswordFixes(t *testing.T) {
	db := Builtin()
	texts := []string{
		"535 Error: authentication failed",
		"530 5.7.0 Must issue a STARTTLS command first",
		"554 5.7.1 Relay access denied",
		"-ERR [AUTH] Authentication failed.",
		"a1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)",
	}
	for _, p := range db.All() {
		if p.Status != Closed {
			continue
		}
		f := db.Facts(p)
		own, ok := f.Fixes[findings.ProviderClosed]
		if !ok || own.Provider != p.Key {
			t.Errorf("closed %s has no provider.closed fix of its own", p.Key)
			continue
		}
		for _, text := range texts {
			rep := probes.Run(context.Background(), probes.Plan{Command: probes.CmdExplain, Text: text, Provider: f})
			for _, fd := range rep.AllFindings() {
				if fd.Fix != own.Text {
					t.Errorf("closed %s, %q: %s carries another fix: %s", p.Key, text, fd.Code, fd.Fix.EN)
				}
				if s := strings.ToLower(fd.Fix.EN + fd.Fix.ZH); strings.Contains(s, "app password") || strings.Contains(s, "应用专用密码") {
					t.Errorf("closed %s: %s names app passwords", p.Key, fd.Code)
				}
			}
		}
	}
}
