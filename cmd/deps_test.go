package cmd

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestDependencyRule enforces DESIGN.md's layering with the go tool itself: the engine and the
// knowledge base import nothing of ours above them, providers and reports use the engine for
// types only and not each other, and testservers imports nothing of ours, so a fake cannot share
// (and hide) the prober's bugs.
func TestDependencyRule(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go tool on PATH")
	}
	const mod = "github.com/mailcheck/mailcheck"
	rules := []struct {
		pkg string
		// ours are the packages of this module it may depend on (transitively); others are
		// the non-standard packages it may import directly (prefixes).
		ours, others []string
	}{
		{"probes/findings", nil, []string{"golang.org/x/text/"}},
		{"probes/oauth", []string{"probes/findings"}, nil},
		{"probes", []string{"probes/findings", "probes/oauth"}, []string{"github.com/miekg/dns"}},
		{"providers", []string{"probes", "probes/findings", "probes/oauth"}, []string{"golang.org/x/net/", "golang.org/x/text/"}},
		{"reports", []string{"probes", "probes/findings", "probes/oauth"}, []string{"github.com/fatih/color", "github.com/olekukonko/tablewriter", "github.com/schollz/progressbar/"}},
		{"testservers", nil, []string{"github.com/miekg/dns"}},
		// serve gets its plans from cmd through a Planner, so it never reaches providers itself.
		{"cmd/serve", []string{"cmd/serve/store", "probes", "probes/findings", "probes/oauth", "reports"},
			[]string{"github.com/prometheus/client_golang/", "gopkg.in/yaml.v3", "golang.org/x/time/", "golang.org/x/text/"}},
		{"cmd/serve/store", []string{"probes", "probes/findings", "probes/oauth"}, []string{"modernc.org/sqlite"}},
	}
	for _, r := range rules {
		deps := goList(t, "{{join .Deps \"\\n\"}}", mod+"/"+r.pkg)
		for _, d := range deps {
			rel, ours := strings.CutPrefix(d, mod+"/")
			if ours && !slices.Contains(r.ours, rel) {
				t.Errorf("%s depends on %s, which the dependency rule forbids", r.pkg, rel)
			}
		}
		for _, imp := range goList(t, "{{join .Imports \"\\n\"}}", mod+"/"+r.pkg) {
			if !strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") || strings.HasPrefix(imp, mod+"/") {
				continue // the standard library, or ours (checked above)
			}
			ok := false
			for _, o := range r.others {
				ok = ok || imp == o || strings.HasPrefix(imp, o)
			}
			if !ok {
				t.Errorf("%s imports %s; the dependency rule allows only %v outside the standard library", r.pkg, imp, r.others)
			}
		}
	}
}

func goList(t *testing.T, format, pkg string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-f", format, pkg).Output()
	if err != nil {
		t.Fatalf("go list %s: %v", pkg, err)
	}
	return strings.Fields(string(out))
}
