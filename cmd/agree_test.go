package cmd

import (
	"encoding/json"
	"fmt"
	"html"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/probes"
)

// TestFormatsAgree: for every command, the JSON status, the table's verdict line, the Markdown
// and HTML verdicts and the exit code tell the same story, because they all read the one status
// Run set. (Plain "lab" is left out on purpose: its exit status says whether every scenario
// produced its expected findings, and its table is the scenario summary.)
func TestFormatsAgree(t *testing.T) {
	healthy, caFile := startScenario(t, "healthy-smtps")
	broken, _ := startScenario(t, "smtp-tls-required")
	cases := []struct {
		name string
		args []string
		want probes.Status
	}{
		{"provider offline", []string{"provider", "qq", "--offline"}, probes.Skip},
		{"account offline", []string{"account", "you@qq.com", "--offline"}, probes.Skip},
		{"account offline closed", []string{"account", "someone@yahoo.com.cn", "--offline"}, probes.Fail},
		{"explain match", []string{"explain", "530 5.7.0 Must issue a STARTTLS command first"}, probes.Fail},
		{"explain no match", []string{"explain", "hello there"}, probes.Skip},
		{"explain pasted reply", []string{"explain", "-ERR [LOGIN-DELAY] wait"}, probes.Fail},
		{"probe ok", []string{"probe", "smtp", fmt.Sprintf("localhost:%d", healthy.Port), "--security", "tls", "--ca-file", caFile}, probes.OK},
		{"probe fail", []string{"probe", "smtp", fmt.Sprintf("localhost:%d", broken.Port), "--security", "starttls", "--ca-file", caFile}, probes.Fail},
		{"conform", []string{"conform", "smtp", fmt.Sprintf("localhost:%d", healthy.Port), "--security", "tls", "--ca-file", caFile}, ""},
		{"lab one", []string{"lab", "smtp-tls-required"}, probes.Fail},
		{"lab warn", []string{"lab", "smtp-plaintext-auth-offered"}, probes.Warn},
		{"config offline warn", []string{"config", tempFile(t, "p.mobileconfig", cfgMobileconfig), "--offline"}, probes.Warn},
		{"config offline fail", []string{"config", tempFile(t, "prefs.js", cfgPrefsPlain), "--offline"}, probes.Fail},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// Flags before the arguments: explain takes everything from a pasted "-ERR" on as text.
			with := func(flags ...string) []string {
				return append(append([]string{c.args[0]}, flags...), c.args[1:]...)
			}
			code, out, errs := run(t, "", nil, with("--format", "json", "--timeout", "5s")...)
			var rep probes.Report
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("JSON: %v (exit %d, %s)\n%s", err, code, errs, out)
			}
			if c.want != "" && rep.Status != c.want {
				t.Errorf("status %s, want %s", rep.Status, c.want)
			}
			if wantCode := map[bool]int{true: ExitFindings, false: ExitOK}[rep.Status == probes.Fail]; code != wantCode {
				t.Errorf("exit %d with status %s, want %d", code, rep.Status, wantCode)
			}
			for _, lang := range []string{"en", "zh"} {
				// The verdict sentence as the JSON in lang carries it (the findings' texts are
				// resolved there, so a decoded report cannot rebuild it).
				_, jout, _ := run(t, "", nil, with("--format", "json", "--lang", lang, "--timeout", "5s")...)
				var doc struct {
					Status  probes.Status
					Verdict string
				}
				if err := json.Unmarshal([]byte(jout), &doc); err != nil {
					t.Fatal(err)
				}
				st, sentence := doc.Status, doc.Verdict
				if st != rep.Status || sentence == "" {
					t.Errorf("Verdict status %s %q, report status %s", st, sentence, rep.Status)
				}
				for _, f := range []struct{ format, want string }{
					{"table", sentence},
					{"markdown", sentence + "**"},
					{"html", fmt.Sprintf(`class="verdict %s"`, rep.Status)},
					{"html", sentence},
				} {
					fcode, fout, _ := run(t, "", nil, with("--format", f.format, "--lang", lang, "--timeout", "5s")...)
					got, want := fout, f.want
					switch f.format {
					case "table": // the verdict wraps at the terminal width
						got, want = strings.Join(strings.Fields(got), ""), strings.Join(strings.Fields(want), "")
					case "html":
						got = html.UnescapeString(got)
					}
					if !strings.Contains(got, want) {
						t.Errorf("%s/%s lacks %q:\n%s", f.format, lang, f.want, fout)
					}
					if fcode != code {
						t.Errorf("%s/%s exit %d, json exit %d", f.format, lang, fcode, code)
					}
				}
			}
		})
	}
}
