package cmd

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/testservers"
)

// TestFormatHonoured: --format is never silently ignored by providers and lab.
func TestFormatHonoured(t *testing.T) {
	code, out, _ := run(t, "", nil, "providers", "--format", "markdown")
	if code != ExitOK || !strings.HasPrefix(out, "# ") || !strings.Contains(out, "\n| qq | QQ Mail | qq.com vip.qq.com foxmail.com |") ||
		strings.Contains(out, "┌") {
		t.Errorf("providers --format markdown (exit %d):\n%s", code, out)
	}
	code, out, _ = run(t, "", nil, "providers", "--format", "html", "--lang", "zh")
	if code != ExitOK || !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, "<td>qq</td><td>QQ邮箱</td>") ||
		!strings.Contains(out, `<html lang="zh-CN">`) || strings.Contains(out, "┌") {
		t.Errorf("providers --format html (exit %d):\n%s", code, out)
	}
	code, out, _ = run(t, "", nil, "lab", "list", "--format", "json")
	var list struct {
		Scenarios []struct {
			Name, Title, Proto, Security string
			ExpectedCodes                []string `json:"expected_codes"`
			ExpectedStatus               string   `json:"expected_status"`
		}
	}
	if err := json.Unmarshal([]byte(out), &list); code != ExitOK || err != nil || len(list.Scenarios) != len(testservers.Scenarios()) {
		t.Fatalf("lab list --format json: exit %d, %v\n%s", code, err, out)
	}
	for _, sc := range list.Scenarios {
		if sc.Name == "smtp-tls-required" && (sc.Proto != "smtp" || sc.Security == "" || sc.Title == "" ||
			fmt.Sprint(sc.ExpectedCodes) != "[tls.required]" || sc.ExpectedStatus != "fail") {
			t.Errorf("lab list entry: %+v", sc)
		}
	}
	if code, out, _ := run(t, "", nil, "lab", "list", "--format", "markdown"); code != ExitOK || !strings.Contains(out, "| healthy-smtps | smtp |") {
		t.Errorf("lab list --format markdown (exit %d):\n%s", code, out)
	}
	// Every scenario misbehaves with a 1ns step timeout: each format must say so with exit 1.
	for _, f := range []string{"json", "markdown", "html", "table"} {
		code, out, errs := run(t, "", nil, "lab", "--format", f, "--timeout", "1ns")
		if code != ExitFindings {
			t.Errorf("lab --format %s with every scenario failing: exit %d, want 1\n%s", f, code, errs)
		}
		if f != "table" && (!strings.Contains(errs, "did not produce their expected findings") || out == "") {
			t.Errorf("lab --format %s: stderr %q, %d bytes of report", f, errs, len(out))
		}
	}
	if code, _, errs := run(t, "", nil, "lab", "--format", "json"); code != ExitOK {
		t.Errorf("lab --format json with every scenario as expected: exit %d\n%s", code, errs)
	}
}
