package reports

import (
	"bytes"
	"context"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/testservers"
)

// findChromium returns Debian's chromium, or "" when it is not installed.
func findChromium() string {
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return ""
}

// chromiumFlags keep a headless run offline, quiet and independent of any user profile: the
// page is a local file, no host name resolves and every web request goes to a closed loopback
// port, so nothing leaves the machine even if the page or the browser tried. The sandbox needs
// user namespaces that containers and root often lack.
func chromiumFlags(profile string) []string {
	return []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
		"--user-data-dir=" + profile}
}

// TestHTMLInChromium renders a report with several failing endpoints in a real browser and reads
// back the DOM it built: the page must parse into the verdict and every finding, and the secret
// must not appear even after the browser decoded every entity.
func TestHTMLInChromium(t *testing.T) {
	bin := findChromium()
	if bin == "" {
		t.Skip("chromium not installed: apt-get install chromium")
	}
	if testing.Short() {
		t.Skip("starts a browser")
	}
	var scs []testservers.Scenario
	for _, n := range []string{"healthy-smtp-starttls", "smtp-wrong-mode-tls-on-starttls-port", "pop3-in-use",
		"smtp-cert-expired", "smtp-auth-failed", "smtp-qq-authcode", "smtp-plaintext-auth-offered"} {
		scs = append(scs, scenario(t, n))
	}
	hostile := scenario(t, "healthy-smtps")
	hostile.Name = "hostile-reply"
	hostile.Config.Faults.AuthReject = hostileReply
	scs = append(scs, hostile)
	rep, _ := labReport(t, "chromium", scs...)
	withDiscovery(rep)

	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			dir := t.TempDir()
			page := filepath.Join(dir, "report.html")
			var b bytes.Buffer
			if err := Write(&b, rep, HTML, Options{Lang: lang}); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(page, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, append(chromiumFlags(filepath.Join(dir, "profile")),
				"--dump-dom", "file://"+page)...)
			cmd.Env = append(os.Environ(), "HOME="+dir)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			dom, err := cmd.Output()
			if err != nil || len(dom) == 0 {
				t.Fatalf("chromium: %v\n%s", err, tail(stderr.String(), 2000))
			}
			text := html.UnescapeString(string(dom))

			_, verdict := Verdict(rep, lang)
			if !strings.Contains(text, verdict) {
				t.Errorf("rendered page lacks the verdict %q", verdict)
			}
			for _, f := range rep.AllFindings() {
				if !strings.Contains(text, string(f.Code)) {
					t.Errorf("rendered page lacks finding %s", f.Code)
				}
			}
			for _, sc := range scs {
				if leak := findSecret(string(dom), sc.User, sc.Password); sc.Password != "" && leak != "" {
					t.Errorf("rendered page leaks the password: %s", leak)
				}
			}
			// The hostile reply is text on the page, not an element in it.
			lower := strings.ToLower(string(dom))
			for _, bad := range []string{"<script", "<img"} {
				if strings.Contains(lower, bad) {
					t.Errorf("the browser built a %s element from server text", bad)
				}
			}
			if !strings.Contains(text, "<script>alert(1)</script>") {
				t.Errorf("the hostile reply is not shown as text")
			}
		})
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// TestScreenshot writes a screenshot for a person to look at when MAILCHECK_SCREENSHOT names a
// directory: go test ./reports -run Screenshot with MAILCHECK_SCREENSHOT=/tmp.
func TestScreenshot(t *testing.T) {
	out := os.Getenv("MAILCHECK_SCREENSHOT")
	bin := findChromium()
	if out == "" || bin == "" {
		t.Skip("set MAILCHECK_SCREENSHOT=DIR (and install chromium) to take screenshots")
	}
	c := goldenCases[len(goldenCases)-1]
	rep := goldenReport(t, c)
	for _, lang := range []string{"en", "zh"} {
		page := filepath.Join(out, "report-"+lang+".html")
		var b bytes.Buffer
		if err := Write(&b, rep, HTML, Options{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(page, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, size := range []string{"1200,1600", "420,2400"} {
			png := filepath.Join(out, "report-"+lang+"-"+strings.Split(size, ",")[0]+".png")
			ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
			cmd := exec.CommandContext(ctx, bin, append(chromiumFlags(t.TempDir()),
				"--screenshot="+png, "--window-size="+size, "file://"+page)...)
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("screenshot %s: %v\n%s", png, err, tail(string(b), 2000))
			}
			cancel()
		}
	}
}
