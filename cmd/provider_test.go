package cmd

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// refusedProviderFile is a company entry whose endpoints are a closed loopback port, plus an
// alternative endpoint that must never be probed.
func refusedProviderFile(t *testing.T) string {
	t.Helper()
	file := t.TempDir() + "/providers.json"
	writeFile(file, []byte(`{"version": 1, "providers": [{"key": "acme", "name": {"en": "ACME", "zh": "ACME"},
  "domains": ["acme.test"], "endpoints": [
    {"proto": "imap", "host": "127.0.0.1", "port": 1, "security": "tls"},
    {"proto": "imap", "host": "127.0.0.2", "port": 1, "security": "tls", "alt": true, "note": {"en": "backup node", "zh": "备用节点"}}],
  "username": "address", "auth": "password", "status": "active"}]}`))
	return file
}

// TestProviderPasswordNeedsUser: a password without --user would log in as "" on every
// endpoint; it is a usage error, whichever way the password came.
func TestProviderPasswordNeedsUser(t *testing.T) {
	file := refusedProviderFile(t)
	const msg = "provider: a password needs --user (the login name, usually your full address)"
	for _, tt := range []struct {
		name  string
		stdin string
		env   map[string]string
		args  []string
	}{
		{"MAILCHECK_PASSWORD", "", map[string]string{"MAILCHECK_PASSWORD": "secret"}, nil},
		{"--password-env", "", map[string]string{"PW": "secret"}, []string{"--password-env", "PW"}},
		{"--password-stdin", "secret\n", nil, []string{"--password-stdin"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"provider", "acme", "--providers", file, "--timeout", "1s"}, tt.args...)
			code, out, errs := run(t, tt.stdin, tt.env, args...)
			if code != ExitUsage || !strings.Contains(errs, msg) {
				t.Errorf("exit %d, stderr %q, want 2 and %q\n%s", code, errs, msg, out)
			}
			if out != "" {
				t.Errorf("a usage error printed a report:\n%s", out)
			}
		})
	}
	// With --user, or with no password at all, the endpoints are probed as before.
	for _, args := range [][]string{
		{"provider", "acme", "--providers", file, "--timeout", "1s", "--user", "me@acme.test", "--password-env", "PW"},
		{"provider", "acme", "--providers", file, "--timeout", "1s"},
	} {
		if code, out, errs := run(t, "", map[string]string{"PW": "secret"}, args...); code != ExitFindings {
			t.Errorf("%v: exit %d, want 1 (port refused)\n%s%s", args, code, errs, out)
		}
	}
}

// TestAlternativeEndpointsShown: alternatives appear after the primary endpoints, marked, in
// provider and account settings, and are not probed.
func TestAlternativeEndpointsShown(t *testing.T) {
	code, out, errs := run(t, "", nil, "provider", "exmail", "--offline", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	r := parseReport(t, out)
	var srcs []string
	for _, e := range r.Settings.Endpoints {
		srcs = append(srcs, fmt.Sprintf("%s %s alt=%v", e.Host, e.Source, e.Alt))
	}
	want := []string{"imap.exmail.qq.com builtin:exmail alt=false", "pop.exmail.qq.com builtin:exmail alt=false", "smtp.exmail.qq.com builtin:exmail alt=false",
		"hwimap.exmail.qq.com builtin:exmail alt=true", "hwsmtp.exmail.qq.com builtin:exmail alt=true"}
	if strings.Join(srcs, "\n") != strings.Join(want, "\n") {
		t.Errorf("exmail settings endpoints:\n%s\nwant:\n%s", strings.Join(srcs, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range []struct{ format, want string }{
		{"table", "alternative"}, // the role "Incoming (IMAP) — alternative", wrapped at 80 columns
		{"markdown", "alternative, not checked"},
		{"html", `<tr class="alt">`},
	} {
		_, out, _ := run(t, "", nil, "provider", "exmail", "--offline", "--format", f.format)
		if !strings.Contains(out, f.want) || !strings.Contains(out, "overseas node") {
			t.Errorf("%s lacks %q and the overseas-node note:\n%s", f.format, f.want, out)
		}
	}
	// account --offline shows them too (163's alternate SSL port).
	_, out, _ = run(t, "", nil, "account", "you@163.com", "--offline", "--format", "json")
	if r := parseReport(t, out); !slices.ContainsFunc(r.Settings.Endpoints, func(e struct {
		Proto, Host, Security, Source string
		Port                          int
		Alt                           bool
	}) bool {
		return e.Alt && e.Source == "builtin:163"
	}) {
		t.Errorf("account --offline lacks 163's alternative endpoint:\n%s", out)
	}
	// Live: only the primary endpoint is probed.
	_, out, _ = run(t, "", nil, "provider", "acme", "--providers", refusedProviderFile(t), "--timeout", "1s", "--format", "json")
	r = parseReport(t, out)
	if len(r.Results) != 1 || r.Results[0].Endpoint.Host != "127.0.0.1" {
		t.Errorf("probed %+v, want only the primary endpoint", r.Results)
	}
	if n := len(r.Settings.Endpoints); n != 2 || !r.Settings.Endpoints[1].Alt {
		t.Errorf("settings endpoints %+v, want the primary then the alternative", r.Settings.Endpoints)
	}
}

// TestClosedProviderNamesSuccessor: the closed line names the successor, not just its key.
func TestClosedProviderNamesSuccessor(t *testing.T) {
	_, out, _ := run(t, "", nil, "provider", "yahoo.com.cn", "--offline")
	if !strings.Contains(out, "This service is closed; use Aliyun Mail (personal) / 阿里邮箱（个人版） (aliyun) instead.") {
		t.Errorf("closed line:\n%s", out)
	}
	_, out, _ = run(t, "", nil, "account", "me@yahoo.com.cn", "--offline", "--lang", "zh")
	if !strings.Contains(out, "该服务已关闭，请改用 Aliyun Mail (personal) / 阿里邮箱（个人版） (aliyun)。") {
		t.Errorf("account closed line:\n%s", out)
	}
}

// TestProviderNamesLookUp: the names people type find their provider from the command line.
func TestProviderNamesLookUp(t *testing.T) {
	for name, host := range map[string]string{"网易163": "imap.163.com", "微软": "outlook.office365.com",
		"exmail.qq.com": "imap.exmail.qq.com", "sina.net": "imap.sina.net", "移动邮箱": "imap.139.com"} {
		if code, out, errs := run(t, "", nil, "provider", name, "--offline"); code != ExitOK || !strings.Contains(out, host) {
			t.Errorf("provider %s: exit %d, want %s\n%s%s", name, code, host, errs, out)
		}
	}
	if code, _, errs := run(t, "", nil, "provider", "腾讯"); code != ExitUsage || !strings.Contains(errs, "腾讯邮箱") || strings.Contains(errs, "网易") {
		t.Errorf("provider 腾讯: exit %d, stderr %q", code, errs)
	}
}

// TestNewProvidersListedAndShown: the entries added for issue 16's second pass (21CN,
// Hostinger, 沃邮箱) are in `providers` with their domains and MX patterns, and `provider NAME
// --offline` shows each one's servers, ports and notes, by key, address domain or Chinese name.
func TestNewProvidersListedAndShown(t *testing.T) {
	code, out, errs := run(t, "", nil, "providers", "--format", "json")
	if code != ExitOK {
		t.Fatalf("providers --format json: exit %d\n%s", code, errs)
	}
	type entry struct {
		Key     string   `json:"key"`
		Domains []string `json:"domains"`
		MX      []string `json:"mx"`
		Status  string   `json:"status"`
	}
	var list struct {
		Providers []entry `json:"providers"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("providers --format json: %v\n%s", err, out)
	}
	for _, want := range []struct {
		key, domain, mx, status string
	}{
		{"21cn", "21cn.com", "", "active"},
		{"hostinger", "", "*.hostinger.com", "active"},
		{"wo.cn", "wo.cn", "", "unverified"},
	} {
		i := slices.IndexFunc(list.Providers, func(p entry) bool { return p.Key == want.key })
		if i < 0 {
			t.Errorf("providers lacks %s", want.key)
			continue
		}
		p := list.Providers[i]
		if want.domain != "" && !slices.Contains(p.Domains, want.domain) {
			t.Errorf("%s: domains %v lack %s", want.key, p.Domains, want.domain)
		}
		if want.mx != "" && !slices.Contains(p.MX, want.mx) {
			t.Errorf("%s: MX patterns %v lack %s", want.key, p.MX, want.mx)
		}
		if p.Status != want.status {
			t.Errorf("%s: status %q, want %q", want.key, p.Status, want.status)
		}
	}
	if code, out, _ := run(t, "", nil, "providers"); code != ExitOK || !strings.Contains(out, "21cn.com") || !strings.Contains(out, "hostinger") || !strings.Contains(out, "wo.cn") {
		t.Errorf("providers table: exit %d, lacks 21cn.com, hostinger or wo.cn:\n%s", code, out)
	}

	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"provider", "21cn", "--offline"}, []string{"imap.21cn.com", "smtp.21cn.com", "993", "465", "SSL/TLS", "full address", "no authorization code"}},
		{[]string{"provider", "21cn邮箱", "--offline", "--lang", "zh"}, []string{"imap.21cn.com", "smtp.21cn.com", "无需授权码"}},
		{[]string{"provider", "hostinger", "--offline"}, []string{"imap.hostinger.com", "smtp.hostinger.com", "993", "465", "full address"}},
		{[]string{"provider", "wo.cn", "--offline"}, []string{"imap.wo.cn", "smtp.wo.cn", "993", "465", "not confirmed"}},
		{[]string{"provider", "沃邮箱", "--offline", "--lang", "zh"}, []string{"imap.wo.cn", "smtp.wo.cn", "尚未确认"}},
		{[]string{"account", "someone@21cn.com", "--offline"}, []string{"imap.21cn.com", "someone@21cn.com"}},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errs := run(t, "", nil, tt.args...)
			if code != ExitOK {
				t.Fatalf("exit %d, want 0\n%s%s", code, errs, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}
