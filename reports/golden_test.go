package reports

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/testservers"
)

// go test ./reports -update rewrites testdata/*; review the diff before committing it.
var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// goldenFormats maps each format to its file extension.
var goldenFormats = []struct {
	f   Format
	ext string
}{
	{Table, "table.txt"},
	{JSON, "json"},
	{Markdown, "md"},
	{HTML, "html"},
}

type goldenCase struct {
	name      string
	scenarios []string
	lang      string
	// extra adds what lab scenarios never produce (discovery steps, cross-endpoint findings).
	extra func(*probes.Report)
}

var goldenCases = []goldenCase{
	{name: "healthy-smtp-starttls", scenarios: []string{"healthy-smtp-starttls"}},
	{name: "smtp-tls-required", scenarios: []string{"smtp-tls-required"}},
	{name: "smtp-wrong-mode-tls-on-starttls-port", scenarios: []string{"smtp-wrong-mode-tls-on-starttls-port"}},
	{name: "pop3-in-use", scenarios: []string{"pop3-in-use"}},
	{name: "smtp-cert-expired", scenarios: []string{"smtp-cert-expired"}},
	{name: "smtp-cert-expired.zh", scenarios: []string{"smtp-cert-expired"}, lang: "zh"},
	{name: "pop3-in-use.zh", scenarios: []string{"pop3-in-use"}, lang: "zh"},
	{name: "account", scenarios: []string{"healthy-smtp-starttls", "smtp-wrong-mode-tls-on-starttls-port", "pop3-in-use"},
		extra: withDiscovery},
	{name: "provider-offline", extra: asOfflineProvider},
	{name: "provider-offline.zh", lang: "zh", extra: asOfflineProvider},
}

// asOfflineProvider makes the report `mailcheck provider qq --offline` gives: settings only,
// nothing probed.
func asOfflineProvider(rep *probes.Report) {
	off := settingsOnly()
	off.Settings.Notes = []probes.Quirk{{Text: findings.Text{EN: "IMAP/SMTP is off until switched on.", ZH: "IMAP/SMTP 服务默认关闭。"},
		Fix: findings.Text{EN: "Turn it on in the web settings.", ZH: "在网页设置中开启。"}, URL: "https://mail.qq.com/"}}
	// An alternative endpoint (an overseas node, say): listed after the primary ones, not probed.
	off.Settings.Endpoints = append(off.Settings.Endpoints, probes.Endpoint{Proto: probes.SMTP, Host: "smtp-alt.qq.com",
		Port: 465, Security: probes.ImplicitTLS, Source: "builtin:qq", Alt: true})
	rep.Command, rep.Input, rep.Provider, rep.Settings, rep.Status = off.Command, off.Input, off.Provider, off.Settings, off.Status
}

// withDiscovery makes a report look like `mailcheck account`: discovery steps before the
// endpoints and a conclusion across them.
func withDiscovery(rep *probes.Report) {
	rep.Command, rep.Input = "account", "user@mail.test"
	rep.Discovery = []probes.Step{
		{Name: "mx mail.test", Status: probes.Warn, Detail: "no MX record",
			Lines: []probes.Line{
				{Dir: probes.Client, Text: "MX? mail.test"},
				{Dir: probes.Server, Text: "NOERROR, 0 answers"},
			},
			Findings: []findings.Finding{findings.New(findings.DNSNoMX, "mail.test: no MX record")}},
		{Name: "srv _submission._tcp.mail.test", Status: probes.OK, Detail: "localhost:2525",
			Lines: []probes.Line{
				{Dir: probes.Client, Text: "SRV? _submission._tcp.mail.test"},
				{Dir: probes.Server, Text: "0 1 2525 localhost."},
			}},
		{Name: "autoconfig", Status: probes.Skip, Detail: "not tried (offline)"},
	}
	rep.Findings = []findings.Finding{findings.New(findings.TCPPort25Blocked,
		"mail.test:25 timed out while 465/587 connected")}
}

// goldenReport builds a case's normalised report from real probes.
func goldenReport(t *testing.T, c goldenCase) *probes.Report {
	t.Helper()
	var scs []testservers.Scenario
	for _, n := range c.scenarios {
		scs = append(scs, scenario(t, n))
	}
	rep, ports := labReport(t, c.name, scs...)
	if len(scs) == 1 {
		rep.Input = scs[0].Name
	}
	if c.extra != nil {
		c.extra(rep)
	}
	normalise(rep, ports)
	return rep
}

func render(t *testing.T, rep *probes.Report, f Format, lang string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, rep, f, Options{Lang: lang, Transcript: true}); err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			// Two independent runs must agree, or the normalisation misses something.
			checkGoldens(t, c.name, c.lang, goldenReport(t, c), goldenReport(t, c))
		})
	}
}

// checkGoldens compares a's rendering in every format with testdata/<name>.<ext>, after checking
// that b, the same report built a second time, renders the same.
func checkGoldens(t *testing.T, name, lang string, a, b *probes.Report) {
	t.Helper()
	for _, gf := range goldenFormats {
		got := render(t, a, gf.f, lang)
		if again := render(t, b, gf.f, lang); !bytes.Equal(got, again) {
			t.Errorf("%s: two runs differ:\n%s", gf.f, firstDiff(string(got), string(again)))
			continue
		}
		if gf.f == HTML {
			var css string
			got, css = splitStyles(t, got)
			checkGolden(t, cssGolden, []byte(css))
		}
		checkGolden(t, filepath.Join("testdata", name+"."+gf.ext), got)
	}
}

// checkGolden compares got with the file at path, or with -update writes it there.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		goldenMu.Lock()
		defer goldenMu.Unlock()
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run: go test ./reports -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test ./reports -update rewrites it):\n%s", path, firstDiff(string(want), string(got)))
	}
}

// goldenMu keeps parallel -update runs from writing the shared stylesheet golden at once.
var goldenMu sync.Mutex

// The HTML page carries its stylesheet inline, the same in every report. The .html goldens hold
// the page with each <style> element's content replaced by cssPlaceholder, and cssGolden holds
// that content once, so a change to the page or to the CSS shows up in one reviewable file.
const (
	cssGolden      = "testdata/report.css"
	cssPlaceholder = "/* testdata/report.css */"
	// cssSeparator divides the content of one <style> element from the next in cssGolden.
	cssSeparator = "/* ---- next <style> element ---- */\n"
)

var styleRE = regexp.MustCompile(`(?s)(<style[^>]*>)(.*?)(</style>)`)

// splitStyles returns page with every <style> element's content replaced by cssPlaceholder, and
// that content, the elements joined by cssSeparator. A page without inline CSS is an error: the
// report must stay one self-contained file.
func splitStyles(t *testing.T, page []byte) ([]byte, string) {
	t.Helper()
	var css []string
	out := styleRE.ReplaceAllFunc(page, func(m []byte) []byte {
		sub := styleRE.FindSubmatch(m)
		css = append(css, string(sub[2]))
		return []byte(string(sub[1]) + cssPlaceholder + string(sub[3]))
	})
	if len(css) == 0 || strings.TrimSpace(css[0]) == "" {
		t.Fatal("the HTML page has no inline stylesheet")
	}
	return out, strings.Join(css, cssSeparator)
}

// firstDiff shows the first differing line with a little context.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return "(no line differs)"
}
