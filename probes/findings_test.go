package probes

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// findingsMDCodes is the stable core of /work/shared/FINDINGS.md: these names and meanings
// are a public contract.
var findingsMDCodes = []Code{
	"dns.nxdomain", "dns.no-mx", "dns.failure",
	"tcp.refused", "tcp.timeout", "tcp.port25-blocked", "tcp.reset",
	"port.expects-starttls", "port.expects-tls",
	"tls.required", "tls.starttls-unavailable", "tls.cert-untrusted", "tls.cert-hostname-mismatch",
	"tls.cert-expired", "tls.version-too-old", "tls.intercepted", "tls.starttls-injection",
	"server.greeting-timeout", "server.busy",
	"smtp.auth-not-offered", "smtp.relay-denied", "smtp.sender-mismatch",
	"auth.failed", "auth.app-password-required", "auth.authorization-code-required", "auth.basic-disabled",
	"auth.web-login-required", "auth.service-disabled", "auth.rate-limited", "auth.plaintext-offered",
	"pop3.in-use", "pop3.login-delay",
	"imap.id-required",
}

var codeStyle = regexp.MustCompile(`^[a-z0-9]+\.[a-z0-9]+(-[a-z0-9]+)*$`)

func hasCJK(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func TestCatalogueComplete(t *testing.T) {
	if n := len(catalogue); n < 60 {
		t.Errorf("catalogue has %d codes, want at least 60", n)
	}
	keys := map[string]bool{}
	for _, k := range ProviderKeys {
		keys[k] = true
	}
	for code, e := range catalogue {
		if !codeStyle.MatchString(string(code)) {
			t.Errorf("%s: not in area.name-with-hyphens style", code)
		}
		if e.Code != code {
			t.Errorf("%s: entry carries code %q", code, e.Code)
		}
		switch e.Severity {
		case SevError, SevWarning, SevInfo:
		default:
			t.Errorf("%s: severity %q", code, e.Severity)
		}
		for name, tx := range map[string]Text{"title": e.Title, "explanation": e.Explain, "fix": e.Fix} {
			if strings.TrimSpace(tx.EN) == "" || strings.TrimSpace(tx.ZH) == "" {
				t.Errorf("%s: %s lacks a language: %+v", code, name, tx)
			}
			if !hasCJK(tx.ZH) {
				t.Errorf("%s: %s ZH has no Chinese: %q", code, name, tx.ZH)
			}
			if hasCJK(tx.EN) && name == "title" {
				t.Errorf("%s: %s EN is Chinese: %q", code, name, tx.EN)
			}
		}
		if strings.TrimSpace(e.Ref) == "" {
			t.Errorf("%s: no Ref", code)
		} else if !strings.HasPrefix(e.Ref, "RFC ") && !strings.HasPrefix(e.Ref, "https://") && !strings.HasPrefix(e.Ref, "http://") {
			t.Errorf("%s: Ref %q is neither an RFC section nor a URL", code, e.Ref)
		}
		for p, tx := range e.ProviderFix {
			if !keys[p] {
				t.Errorf("%s: unknown provider key %q", code, p)
			}
			if strings.TrimSpace(tx.EN) == "" || !hasCJK(tx.ZH) {
				t.Errorf("%s/%s: provider fix lacks a language: %+v", code, p, tx)
			}
		}
	}
}

func TestFindingsMDCodesExist(t *testing.T) {
	for _, c := range findingsMDCodes {
		if _, ok := Lookup(c); !ok {
			t.Errorf("FINDINGS.md code %s missing from the catalogue", c)
		}
	}
}

// TestCodeConstantsInCatalogue parses every non-test file of the package and checks that each
// Code constant (codes.go, findings.go and any other) has a catalogue entry.
func TestCodeConstantsInCatalogue(t *testing.T) {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, e.Name(), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	n := 0
	{
		for _, f := range files {
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Tok != token.CONST {
					continue
				}
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					id, ok := vs.Type.(*ast.Ident)
					if !ok || id.Name != "Code" {
						continue
					}
					for _, v := range vs.Values {
						lit, ok := v.(*ast.BasicLit)
						if !ok {
							continue
						}
						code := Code(strings.Trim(lit.Value, "\"`"))
						n++
						if _, ok := Lookup(code); !ok {
							t.Errorf("constant %s (%s) has no catalogue entry", code, fset.Position(lit.Pos()))
						}
					}
				}
			}
		}
	}
	if n < 48 {
		t.Errorf("found only %d Code constants; parsing missed some", n)
	}
}

func TestProviderFixesForKeyCodes(t *testing.T) {
	want := map[Code][]string{
		CodeAuthAuthCodeRequired:    {"qq", "163", "126", "yeah", "sina", "sohu", "139", "aliyun", "exmail", "netease-qiye"},
		CodeAuthAppPasswordRequired: {"gmail", "yahoo", "icloud", "aol", "yandex", "mail.ru", "zoho"},
		CodeAuthBasicDisabled:       {"outlook", "microsoft365"},
		CodeAuthServiceDisabled:     {"qq", "163", "gmail", "microsoft365", "exmail"},
		CodeTLSRequired:             {"qq"},
		CodeIMAPIDRequired:          {"163", "126", "yeah"},
	}
	for code, ps := range want {
		e, _ := Lookup(code)
		for _, p := range ps {
			if _, ok := e.ProviderFix[p]; !ok {
				t.Errorf("%s: no provider fix for %s", code, p)
			}
		}
	}
	// NewFinding picks the provider text.
	f := NewFinding(CodeAuthAuthCodeRequired, "535 ...", "qq")
	if f.Provider != "qq" || !strings.Contains(f.Fix.ZH, "授权码") || !strings.Contains(f.Fix.EN, "mail.qq.com") {
		t.Errorf("NewFinding qq: %+v", f)
	}
	if f := NewFinding(CodeAuthAuthCodeRequired, "", "nosuch"); f.Provider != "" {
		t.Errorf("unknown provider used: %+v", f)
	}
}

func TestSeverities(t *testing.T) {
	want := map[Code]Severity{
		CodeAuthPlaintextOffered: SevWarning, CodeTLSInsecureSkipped: SevWarning, CodeTLSCertExpiresSoon: SevWarning,
		CodeSTARTTLSStripped: SevError, CodeTLSSTARTTLSInjection: SevError, CodeTLSIntercepted: SevError, CodeAuthSkipped: SevInfo, CodeAuthFailed: SevError, CodeTLSRequired: SevError,
		CodeProbeCanceled: SevInfo,
	}
	for c, s := range want {
		if e, _ := Lookup(c); e.Severity != s {
			t.Errorf("%s: severity %s, want %s", c, e.Severity, s)
		}
	}
}

// TestMatcherCodesInCatalogue: every code a signature can produce is documented.
func TestMatcherCodesInCatalogue(t *testing.T) {
	for _, s := range signatures() {
		if _, ok := Lookup(s.code); !ok {
			t.Errorf("signature %s yields %s, which is not in the catalogue", s.id, s.code)
		}
	}
}
