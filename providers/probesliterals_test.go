package providers

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestNoProviderDomainsInProbes: the engine knows no provider; every provider fact comes from
// providers.json (issue 13 item 3). No string literal in the non-test Go code under ../probes
// (probes/findings included) names an address domain or hint domain of the database, matched
// case-insensitively as a whole domain on label boundaries ("smtp.qq.com" names qq.com,
// "myqq.com" does not).
func TestNoProviderDomainsInProbes(t *testing.T) {
	owner := map[string]string{} // domain → provider key
	for _, p := range Builtin().All() {
		for _, d := range p.Domains {
			owner[strings.TrimPrefix(d, "*.")] = p.Key
		}
		if p.Hints != nil {
			for _, d := range p.Hints.Domains {
				owner[d] = p.Key
			}
		}
	}
	if len(owner) < 100 {
		t.Fatalf("only %d provider domains; the database did not load", len(owner))
	}
	domains := make([]string, 0, len(owner))
	for d := range owner {
		domains = append(domains, d)
	}
	sort.Strings(domains)

	files := 0
	err := filepath.WalkDir(filepath.Join("..", "probes"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		files++
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Errorf("%s: cannot unquote %s: %v", fset.Position(lit.Pos()), lit.Value, err)
				return true
			}
			for _, d := range domainsIn(strings.ToLower(s), domains) {
				t.Errorf("%s: string literal names %s (provider %s); provider facts belong in providers.json: %s",
					fset.Position(lit.Pos()), d, owner[d], truncate(s, 120))
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 10 {
		t.Fatalf("read only %d Go files under ../probes", files)
	}
}

// domainsIn returns the domains of list that s names as whole domains: not preceded by a
// label character (a '.' is fine: smtp.qq.com names qq.com) and not followed by one or by a
// further label (qq.com.cn is another name).
func domainsIn(s string, list []string) []string {
	isLabel := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' }
	var out []string
	for _, d := range list {
		for i := 0; ; {
			j := strings.Index(s[i:], d)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(d)
			i = start + 1
			if start > 0 && isLabel(s[start-1]) {
				continue
			}
			if end < len(s) && (isLabel(s[end]) || s[end] == '.' && end+1 < len(s) && isLabel(s[end+1])) {
				continue
			}
			out = append(out, d)
			break
		}
	}
	return out
}

func TestDomainsIn(t *testing.T) {
	list := []string{"163.com", "mail.ru", "qq.com"}
	for s, want := range map[string]string{
		"qq.com":                  "qq.com",
		"smtp.qq.com:465":         "qq.com",
		"alice@qq.com.":           "qq.com",
		"myqq.com":                "",
		"qq.com.cn":               "",
		"qq.community":            "",
		"x-qq.com":                "",
		"gmail.ru, mail.ru":       "mail.ru",
		"see qq.com and 163.com":  "163.com qq.com",
		"qq.comqq.com qq.com-x.y": "",
		"myqq.com, then qq.com":   "qq.com",
	} {
		if got := strings.Join(domainsIn(s, list), " "); got != want {
			t.Errorf("domainsIn(%q) = %q, want %q", s, got, want)
		}
	}
}
