package findings

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/mailcheck/mailcheck/probes/findings/gen/codegen"
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
	}
}

func TestFindingsMDCodesExist(t *testing.T) {
	for _, c := range findingsMDCodes {
		if _, ok := Lookup(c); !ok {
			t.Errorf("FINDINGS.md code %s missing from the catalogue", c)
		}
	}
}

// TestCodesGenerated: codes.go is what gen makes of catalogue.json, so every constant has an
// entry and every entry a constant (run go generate ./probes/findings after editing the data).
func TestCodesGenerated(t *testing.T) {
	want, err := codegen.Source(catalogueJSON)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("codes.go")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Error("codes.go is stale: run go generate ./probes/findings")
	}
}

func TestParseRejects(t *testing.T) {
	for name, in := range map[string]string{
		"no code":                        `[{"severity":"error"}]`,
		"twice":                          `[{"code":"a.b","severity":"info","title":{"en":"x","zh":"x"},"explain":{"en":"x","zh":"x"},"fix":{"en":"x","zh":"x"}},{"code":"a.b","severity":"info","title":{"en":"x","zh":"x"},"explain":{"en":"x","zh":"x"},"fix":{"en":"x","zh":"x"}}]`,
		"severity":                       `[{"code":"a.b","severity":"fatal","title":{"en":"x","zh":"x"},"explain":{"en":"x","zh":"x"},"fix":{"en":"x","zh":"x"}}]`,
		"no zh fix":                      `[{"code":"a.b","severity":"info","title":{"en":"x","zh":"x"},"explain":{"en":"x","zh":"x"},"fix":{"en":"x"}}]`,
		"not json":                       `{`,
		"placeholder in the general fix": `[{"code":"a.b","severity":"info","title":{"en":"x","zh":"x"},"explain":{"en":"x","zh":"x"},"fix":{"en":"port {port}","zh":"x"}}]`,
		"bad fix_for key":                `[{"code":"a.b","severity":"info","title":{"en":"x","zh":"x"},"explain":{"en":"x","zh":"x"},"fix":{"en":"x","zh":"x"},"fix_for":{"smtp:abc":{"en":"x","zh":"x"}}}]`,
		"unknown placeholder":            `[{"code":"a.b","severity":"info","title":{"en":"x","zh":"x"},"explain":{"en":"x","zh":"x"},"fix":{"en":"x","zh":"x"},"fix_for":{"pop3":{"en":"{user}","zh":"x"}}}]`,
	} {
		if _, err := parse([]byte(in)); err == nil {
			t.Errorf("%s: parse accepted %s", name, in)
		}
	}
}

func TestFixesApply(t *testing.T) {
	fx := Fixes{AuthFailed: {Provider: "163", Text: Text{EN: "use the code", ZH: "用授权码"}}}
	f := fx.Apply(New(AuthFailed, "535"))
	if f.Provider != "163" || f.Fix.EN != "use the code" {
		t.Errorf("Apply: %+v", f)
	}
	if f := fx.Apply(New(TLSRequired, "")); f.Provider != "" {
		t.Errorf("Apply used a fix of another code: %+v", f)
	}
	if f := Fixes(nil).Apply(New(AuthFailed, "")); f.Provider != "" {
		t.Errorf("nil Fixes: %+v", f)
	}
}

func TestSeverities(t *testing.T) {
	want := map[Code]Severity{
		AuthPlaintextOffered: SevWarning, TLSVerificationSkipped: SevWarning, TLSCertExpiresSoon: SevWarning,
		TLSSTARTTLSStripped: SevError, TLSSTARTTLSInjection: SevError, TLSIntercepted: SevError, AuthNotAttempted: SevInfo, AuthFailed: SevError, TLSRequired: SevError,
		ProbeCanceled: SevInfo,
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
