package cmd

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestExplain(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
		want  []string
	}{
		{"starttls required", "", []string{"explain", "530 5.7.0 Must issue a STARTTLS command first"}, ExitFindings,
			[]string{"tls.required", "587", "465", "STARTTLS"}},
		{"qq authorization code in Chinese", "", []string{"explain", "--lang", "zh", "535 Login Fail. Please enter your authorization code to login"},
			ExitFindings, []string{"auth.authorization-code-required", "授权码", "mail.qq.com", "解决办法"}},
		{"provider flag sharpens the fix", "", []string{"explain", "--provider", "gmail", "535-5.7.8 Username and Password not accepted"},
			ExitFindings, []string{"app"}},
		{"multi-line log from stdin", "connecting\n-ERR [IN-USE] Mailbox is locked\nx509: certificate signed by unknown authority\n",
			[]string{"explain", "-"}, ExitFindings, []string{"pop3.in-use", "tls.cert-untrusted", "-ERR [IN-USE] Mailbox is locked"}},
		{"unknown text, honest", "", []string{"explain", "550 something odd happened"}, ExitOK,
			[]string{"explain.no-match", "550"}},
		{"catalogue", "", []string{"explain", "--list"}, ExitOK, []string{"tls.required", "pop3.in-use", "imap.id-required"}},
		{"catalogue markdown", "", []string{"explain", "--list", "--format", "markdown"}, ExitOK, []string{"## `tls.required`", "| code |"}},
		{"catalogue html", "", []string{"explain", "--list", "--format", "html", "--lang", "zh"}, ExitOK, []string{"<!doctype html>", "auth.authorization-code-required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, tt.stdin, nil, tt.args...)
			if code != tt.code {
				t.Fatalf("exit = %d, want %d\n%s%s", code, tt.code, out, errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
	for _, args := range [][]string{{"explain"}, {"explain", "-"}, {"explain", "--list", "x"}, {"explain", "--provider", "nope", "535 x"}} {
		if code, _, errs := run(t, "", nil, args...); code != ExitUsage {
			t.Errorf("%v: exit %d (%q), want 2", args, code, errs)
		}
	}
	// JSON: every code in FINDINGS.md is in the catalogue with both languages.
	_, out, _ := run(t, "", nil, "explain", "--list", "--format", "json")
	var cat struct {
		Catalogue []struct {
			Code        string
			Title       struct{ EN, ZH string }
			Explanation struct{ EN, ZH string }
			Fix         struct{ EN, ZH string }
		}
	}
	if err := json.Unmarshal([]byte(out), &cat); err != nil {
		t.Fatal(err)
	}
	if len(cat.Catalogue) < 60 {
		t.Errorf("catalogue has %d codes, want 60+", len(cat.Catalogue))
	}
	for _, e := range cat.Catalogue {
		if e.Title.ZH == "" || e.Fix.EN == "" || e.Explanation.ZH == "" {
			t.Errorf("%s lacks text: %+v", e.Code, e)
		}
	}
}

// TestExplainPastedERRIsText: explain takes a pasted -ERR reply as text.
func TestExplainPastedERRIsText(t *testing.T) {
	code, out, errs := run(t, "", nil, "explain", "-ERR [IN-USE] Mailbox is already locked")
	if code != ExitFindings || !strings.Contains(out, "pop3.in-use") {
		t.Errorf("exit %d, stderr %q\n%s", code, errs, out)
	}
}

// TestExplainFamilyFix: a 188.com user gets NetEase's authorization-code steps.
func TestExplainFamilyFix(t *testing.T) {
	_, out, _ := run(t, "", nil, "explain", "--provider", "188", "--format", "json", "535 Error: authentication failed")
	if !strings.Contains(out, `"provider": "163"`) {
		t.Errorf("the NetEase (163) fix was not chosen for 188:\n%s", out)
	}
}

// TestExplainNoMatchWording: text with no known signature is not "no problems found".
func TestExplainNoMatchWording(t *testing.T) {
	for _, tt := range []struct{ lang, want string }{
		{"en", "– no known problem recognised in the text"},
		{"zh", "– 未在文字中识别出已知问题"},
	} {
		code, out, _ := run(t, "", nil, "explain", "--lang", tt.lang, "the weather is nice today")
		if code != ExitOK || !strings.Contains(out, tt.want) || strings.Contains(out, "no problems found") || strings.Contains(out, "未发现问题") {
			t.Errorf("%s: exit %d:\n%s", tt.lang, code, out)
		}
	}
}

// TestExplainWordModelFallback: a failure no signature holds is read by its words (findings.Guess),
// and the evidence says it is a best guess, in both languages; a text that reads as no failure
// stays explain.no-match.
func TestExplainWordModelFallback(t *testing.T) {
	const text = "sync error: the certificate chain of the imap host could not be verified"
	code, out, _ := run(t, "", nil, "explain", "--format", "json", text)
	var rep struct {
		Findings []struct{ Code, Evidence string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Findings) != 1 {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	f := rep.Findings[0]
	if code != ExitFindings || f.Code != "tls.cert-untrusted" || f.Evidence != text+" (no signature matched; a best guess from known cases worded alike)" {
		t.Errorf("exit %d, finding %+v", code, f)
	}
	if _, out, _ := run(t, "", nil, "explain", "--lang", "zh", text); !strings.Contains(out, "按措辞相近的已知案例推测") {
		t.Errorf("zh report does not say it is a guess:\n%s", out)
	}
}

// TestExplainFlagsAfterPastedReply: every POP3 error starts with "-", yet flags after such a
// text still count, unknown "--words" stay text, and "explain -- TEXT" takes TEXT whole.
func TestExplainFlagsAfterPastedReply(t *testing.T) {
	code, out, errs := run(t, "", nil, "explain", "-ERR [AUTH] Authentication failed.", "--lang", "zh", "--format", "json")
	var rep struct {
		Lang, Input string
		Findings    []struct{ Code string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON (exit %d, %s): %v\n%s", code, errs, err, out)
	}
	if rep.Lang != "zh" || rep.Input != "-ERR [AUTH] Authentication failed." || len(rep.Findings) == 0 || rep.Findings[0].Code != "auth.failed" {
		t.Errorf("got %+v", rep)
	}
	_, out, _ = run(t, "", nil, "explain", "--format=json", "-ERR", "[IN-USE]", "locked", "--by-another", "--lang=en")
	if !strings.Contains(out, `"input": "-ERR [IN-USE] locked --by-another"`) || !strings.Contains(out, `"lang": "en"`) {
		t.Errorf("unknown --word lost or flag not taken:\n%s", out)
	}
	_, out, _ = run(t, "", nil, "explain", "--format", "json", "--", "-ERR [SYS/TEMP] try later")
	if !strings.Contains(out, `"code": "server.busy"`) {
		t.Errorf("explain -- TEXT:\n%s", out)
	}
}
