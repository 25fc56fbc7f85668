package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseModules(t *testing.T) {
	m, err := ParseModules([]byte(`
modules:
  imaps:
    protocol: imap
    security: tls
    timeout: 5s
    user: monitor@example.com
    password_file: /etc/mailcheck/imap.pw
  smtp_submission:
    protocol: smtp
    security: starttls
`))
	if err != nil {
		t.Fatal(err)
	}
	if m["imaps"].Timeout != 5*time.Second || m["imaps"].PasswordFile == "" || m["smtp_submission"].Protocol != "smtp" {
		t.Fatalf("%+v", m)
	}
	bad := map[string]string{
		"empty":          ``,
		"no modules":     "modules: {}\n",
		"unknown key":    "modules:\n  a:\n    protocol: smtp\n    password: hunter2\n",
		"protocol":       "modules:\n  a:\n    protocol: ftp\n",
		"security":       "modules:\n  a:\n    protocol: smtp\n    security: maybe\n",
		"timeout":        "modules:\n  a:\n    protocol: smtp\n    timeout: 1h\n",
		"two secrets":    "modules:\n  a:\n    protocol: smtp\n    user: u\n    password_env: A\n    token_env: B\n",
		"secret no user": "modules:\n  a:\n    protocol: smtp\n    password_env: A\n",
		"name":           "modules:\n  \"a b{\":\n    protocol: smtp\n",
		"not yaml":       "modules: [",
	}
	for name, y := range bad {
		if _, err := ParseModules([]byte(y)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestModuleSecret(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pw")
	os.WriteFile(p, []byte("s3cret\r\nignored\n"), 0o600)
	pw, tok, err := Module{PasswordFile: p}.secret()
	if err != nil || string(pw) != "s3cret" || tok != nil {
		t.Fatalf("file: %q %q %v", pw, tok, err)
	}
	t.Setenv("MC_TEST_TOKEN", "tok-value")
	pw, tok, err = Module{TokenEnv: "MC_TEST_TOKEN"}.secret()
	if err != nil || pw != nil || string(tok) != "tok-value" {
		t.Fatalf("env: %q %q %v", pw, tok, err)
	}
	if _, _, err := (Module{PasswordEnv: "MC_TEST_UNSET_VAR"}).secret(); err == nil || !strings.Contains(err.Error(), "MC_TEST_UNSET_VAR") {
		t.Fatalf("unset env: %v", err)
	}
}

func FuzzParseModules(f *testing.F) {
	f.Add([]byte("modules:\n  a:\n    protocol: smtp\n    timeout: 5s\n"))
	f.Add([]byte("modules:\n  b:\n    protocol: imap\n    user: u\n    token_file: /x\n"))
	f.Add([]byte("modules: &a [*a]"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseModules(b)
		if err == nil && len(m) == 0 {
			t.Fatal("no error and no modules")
		}
	})
}

func FuzzParseAuth(f *testing.F) {
	f.Add("bearer 0123456789abcdef\nagent:pw\n")
	f.Add("# c\nbasic a:b:c\n")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseAuth(strings.NewReader(s))
		if err == nil && len(a.tokens)+len(a.basic) == 0 {
			t.Fatal("no error and no credential")
		}
	})
}

// TestShippedModules keeps the example module file valid.
func TestShippedModules(t *testing.T) {
	m, err := LoadModules("../../scripts/prometheus/mailcheck.yml")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"imaps", "submission", "m365_imap_oauth"} {
		if _, ok := m[name]; !ok {
			t.Errorf("example module %s missing", name)
		}
	}
}
