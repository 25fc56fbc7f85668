package cmd

import (
	"encoding/base64"
	"html"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/testservers"
)

// TestCLIRedactsEchoes: through the whole command (stdout and stderr, every format), a
// password the server reflects in EHLO, upper-cased, quoted or base64-split never shows.
func TestCLIRedactsEchoes(t *testing.T) {
	const pass = `Hunter"2\Tr0ub4dor`
	user := testservers.DefaultUser
	plain := base64.StdEncoding.EncodeToString([]byte("\x00" + user + "\x00" + pass))
	quoted := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(pass)
	ca, caFile := testCA(t)
	srv := testservers.StartT(t, testservers.Config{Proto: "smtp", Users: map[string]string{user: pass},
		Faults: testservers.Faults{ImplicitTLS: true, ExtraCapability: "X-" + strings.ToUpper(pass),
			AuthReject: "535-5.7.8 " + quoted + " " + plain[:len(plain)/2] + "\r\n535 5.7.8 " + plain[len(plain)/2:]}}, ca)
	forms := []string{pass, quoted, plain, plain[:len(plain)/2], plain[len(plain)/2:], `Hunter\"2\\Tr0ub4dor`}
	for _, f := range []string{"table", "json", "markdown", "html"} {
		t.Run(f, func(t *testing.T) {
			code, out, errs := run(t, pass+"\n", nil, "probe", "smtp", "127.0.0.1:"+itoa(srv.Port), "--security", "tls",
				"--ca-file", caFile, "--user", user, "--password-stdin", "--format", f, "--transcript")
			if code != ExitFindings {
				t.Fatalf("exit %d, want 1 (login refused)\n%s", code, errs)
			}
			all := strings.ToLower(out + errs + html.UnescapeString(out))
			for _, s := range forms {
				if strings.Contains(all, strings.ToLower(s)) {
					t.Errorf("%s output carries %q", f, s)
				}
			}
			if !strings.Contains(all, "x-***") {
				t.Errorf("the reflected keyword is not there, redacted:\n%s", out)
			}
		})
	}
}
