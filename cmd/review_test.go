package cmd

import (
	"strings"
	"testing"
)

// TestReviewFixes: behaviour found missing in review, one case each.
func TestReviewFixes(t *testing.T) {
	t.Run("explain takes a pasted -ERR reply as text", func(t *testing.T) {
		code, out, errs := run(t, "", nil, "explain", "-ERR [IN-USE] Mailbox is already locked")
		if code != ExitFindings || !strings.Contains(out, "pop3.in-use") {
			t.Errorf("exit %d, stderr %q\n%s", code, errs, out)
		}
	})
	t.Run("account --offline says a closed provider is closed", func(t *testing.T) {
		code, out, _ := run(t, "", nil, "account", "someone@yahoo.com.cn", "--offline")
		if code != ExitFindings || !strings.Contains(out, "provider.closed") {
			t.Errorf("exit %d\n%s", code, out)
		}
	})
	t.Run("a 188.com user gets NetEase's authorization-code steps", func(t *testing.T) {
		_, out, _ := run(t, "", nil, "explain", "--provider", "188", "--format", "json", "535 Error: authentication failed")
		if !strings.Contains(out, `"provider": "163"`) {
			t.Errorf("the NetEase (163) fix was not chosen for 188:\n%s", out)
		}
	})
	t.Run("IDN server names are converted, not refused", func(t *testing.T) {
		host, port, err := splitHostPort("邮件.例子.测试:993", 0)
		if err != nil || !strings.HasPrefix(host, "xn--") || port != 993 {
			t.Errorf("splitHostPort = %q, %d, %v; want the punycode form", host, port, err)
		}
	})
	t.Run("batch never echoes credentials from a target URL", func(t *testing.T) {
		code, out, errs := run(t, "imaps://alice:hunter2@127.0.0.1:1\n", nil, "batch", "-")
		if strings.Contains(out+errs, "hunter2") {
			t.Errorf("credentials echoed:\n%s%s", out, errs)
		}
		if code != ExitUsage || !strings.Contains(out, "credentials in the URL") {
			t.Errorf("exit %d, want 2 with the reason\n%s%s", code, out, errs)
		}
	})
	t.Run("batch refuses a format it cannot write", func(t *testing.T) {
		if code, _, errs := run(t, "", nil, "batch", "-", "--format", "html"); code != ExitUsage {
			t.Errorf("exit %d (%q), want 2", code, errs)
		}
	})
}
