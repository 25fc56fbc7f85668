package integration

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"gopkg.in/yaml.v3"

	"github.com/mailcheck/mailcheck/testservers"
)

// serveVar turns on TestServeRealComponents (scripts/serve-it.sh sets it): the mailcheck binary's
// serve, a real Prometheus (Debian's prometheus package) scraping it with the shipped example
// config, promtool, and headless Chromium submitting the form. Everything listens on 127.0.0.1.
const serveVar = "MAILCHECK_SERVE_IT"

func TestServeRealComponents(t *testing.T) {
	if os.Getenv(serveVar) == "" {
		t.Skipf("set %s=1 (scripts/serve-it.sh) to run serve against real Prometheus and Chromium", serveVar)
	}
	for _, b := range []string{"prometheus", "promtool", "chromium"} {
		if _, err := exec.LookPath(b); err != nil {
			t.Fatalf("%s not installed (apt-get install prometheus chromium): %v", b, err)
		}
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "mailcheck")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/mailcheck/mailcheck/cmd/mailcheck").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	caFile := filepath.Join(dir, "ca.pem")
	os.WriteFile(caFile, ca.PEM(), 0o600)
	start := func(name string) *testservers.Server {
		sc, ok := testservers.ScenarioByName(name)
		if !ok {
			t.Fatalf("no scenario %s", name)
		}
		return testservers.StartT(t, sc.Config, ca)
	}
	imaps, noTLS := start("healthy-imaps"), start("smtp-starttls-unavailable")
	held := startHeld(t, ca)

	pwFile := filepath.Join(dir, "monitor.pw")
	os.WriteFile(pwFile, []byte(testservers.DefaultPassword+"\n"), 0o600)
	mods := filepath.Join(dir, "mailcheck.yml")
	os.WriteFile(mods, []byte(fmt.Sprintf(`modules:
  imaps:
    protocol: imap
    security: tls
    user: %s
    password_file: %s
  submission:
    protocol: smtp
    security: starttls
`, testservers.DefaultUser, pwFile)), 0o600)

	// mailcheck serve on a free loopback port; it prints where it listens.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := exec.CommandContext(ctx, bin, "serve", "--listen", "127.0.0.1:0", "--resolver", "127.0.0.1:1",
		"--allow-cidr", "127.0.0.0/8", "--ca-file", caFile, "--config", mods, "--db", filepath.Join(dir, "history.sqlite"),
		"--timeout", "30s", "--rate", "600", "--burst", "50")
	srv.Env = append(os.Environ(), "HOME="+dir)
	out, _ := srv.StdoutPipe()
	srv.Stderr = os.Stderr
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { srv.Process.Signal(os.Interrupt); srv.Wait() }()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("serve printed nothing: %v", err)
	}
	base := strings.Fields(strings.TrimPrefix(line, "mailcheck serve on "))[0]
	base = strings.TrimSuffix(base, "/")
	serveAddr := strings.TrimPrefix(base, "http://")
	t.Logf("serve at %s", base)

	// promtool: the exporter's answer is valid exposition format, the shipped files are valid.
	metrics := httpGet(t, base+"/probe?"+url.Values{"target": {noTLS.Addr}, "module": {"submission"}}.Encode())
	promtool(t, bytes.NewReader(metrics), "check", "metrics")
	if !bytes.Contains(metrics, []byte(`mailcheck_finding{code="tls.starttls-unavailable",severity="error"} 1`)) {
		t.Fatalf("/probe lacks the finding:\n%s", metrics)
	}
	examples, _ := filepath.Abs("../scripts/prometheus")
	promtool(t, nil, "check", "config", filepath.Join(examples, "prometheus.yml"))
	promtool(t, nil, "check", "rules", filepath.Join(examples, "rules.yml"))
	promtool(t, nil, "test", "rules", filepath.Join(examples, "rules_test.yml"))

	// Prometheus with the example config, pointed at this serve and these servers.
	promAddr := freePort(t)
	cfg := exampleConfig(t, filepath.Join(examples, "prometheus.yml"), serveAddr, map[string]string{
		"mailcheck_imaps": imaps.Addr, "mailcheck_submission": noTLS.Addr})
	cfgFile := filepath.Join(dir, "prometheus.yml")
	os.WriteFile(cfgFile, cfg, 0o600)
	promtool(t, nil, "check", "config", cfgFile)
	prom := exec.CommandContext(ctx, "prometheus", "--config.file="+cfgFile, "--storage.tsdb.path="+filepath.Join(dir, "tsdb"),
		"--web.listen-address="+promAddr, "--log.level=warn")
	var promLog bytes.Buffer
	prom.Stdout, prom.Stderr = &promLog, &promLog
	if err := prom.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { prom.Process.Signal(os.Interrupt); prom.Wait() }()
	want := map[string]string{
		`probe_success{job="mailcheck_imaps"}`:                                          "1",
		`probe_success{job="mailcheck_submission"}`:                                     "0",
		`mailcheck_finding{job="mailcheck_submission",code="tls.starttls-unavailable"}`: "1",
		`mailcheck_login_success{job="mailcheck_imaps"}`:                                "1",
		`mailcheck_serve_checks_total{job="mailcheck_serve",via="probe"} > 0`:           "",
	}
	deadline := time.Now().Add(90 * time.Second)
	for q, v := range want {
		for {
			got, inst := promQuery(t, promAddr, q)
			if got != "" && (v == "" || got == v) {
				t.Logf("prometheus: %s = %s (instance %s)", q, got, inst)
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("prometheus never showed %s = %q (last %q)\n%s", q, v, got, promLog.String())
			}
			time.Sleep(500 * time.Millisecond)
		}
	}
	// The relabeling made the target the instance, as blackbox does.
	if _, inst := promQuery(t, promAddr, `probe_success{job="mailcheck_imaps"}`); inst != imaps.Addr {
		t.Errorf("instance label %q, want the target %s", inst, imaps.Addr)
	}
	var rules struct {
		Data struct {
			Groups []struct {
				Rules []struct{ Name string } `json:"rules"`
			} `json:"groups"`
		} `json:"data"`
	}
	json.Unmarshal(httpGet(t, "http://"+promAddr+"/api/v1/rules"), &rules)
	if len(rules.Data.Groups) != 1 || len(rules.Data.Groups[0].Rules) != 4 {
		t.Errorf("prometheus loaded rules %+v, want the example's 4", rules.Data.Groups)
	}

	// Headless Chromium: the form, progress while the server holds the probe, the report.
	browse(t, base, held, dir)
}

// heldSMTP accepts connections and hands each to a healthy SMTP server only when the test
// releases it, so the browser can be seen showing progress while the probe waits.
type heldSMTP struct {
	addr    string
	accept  chan struct{} // one value per accepted connection
	release chan struct{}
}

func startHeld(t *testing.T, ca *testservers.CA) *heldSMTP {
	sc, _ := testservers.ScenarioByName("healthy-smtp-starttls")
	srv, err := testservers.New(sc.Config, ca)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	h := &heldSMTP{addr: ln.Addr().String(), accept: make(chan struct{}, 8), release: make(chan struct{}, 8)}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			h.accept <- struct{}{}
			go func() { <-h.release; srv.ServeConn(c) }()
		}
	}()
	return h
}

func browse(t *testing.T, base string, held *heldSMTP, dir string) {
	chromium, _ := exec.LookPath("chromium")
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.NoSandbox,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(filepath.Join(dir, "chromium")),
		// Nothing leaves the machine: no name resolves, every request but loopback goes to a
		// closed port.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"), chromedp.ProxyServer("127.0.0.1:9"),
		chromedp.Flag("proxy-bypass-list", "127.0.0.1"))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	for _, c := range []struct {
		name          string
		width, height int64
		mobile        bool
		lang, label   string
	}{
		{"desktop", 1280, 900, false, "en-US,en;q=0.9", "E-mail address"},
		{"phone", 390, 844, true, "zh-CN,zh;q=0.9", "邮箱地址"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(actx)
			defer cancel()
			ctx, cancel = context.WithTimeout(ctx, 120*time.Second)
			defer cancel()
			emulate := chromedp.EmulateViewport(c.width, c.height)
			if c.mobile {
				emulate = chromedp.EmulateViewport(c.width, c.height, chromedp.EmulateMobile, chromedp.EmulateScale(3))
			}
			lang := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
					return err
				}
				_, err := cdp.Call(ctx, tg, network.SetExtraHTTPHeaders,
					network.SetExtraHTTPHeadersParams{Headers: network.Headers{"Accept-Language": c.lang}})
				return err
			})
			must := func(what string, err error) {
				t.Helper()
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
			}
			must("open the form", chromedp.Do(ctx, emulate, lang, chromedp.Navigate(base+"/"),
				chromedp.WaitVisible(chromedp.CSS("#target"))))
			formText, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("body")))
			must("read the form", err)
			formWidth, err := chromedp.Run(ctx, chromedp.Evaluate[int64](`document.documentElement.scrollWidth`))
			must("measure the form", err)
			if !strings.Contains(formText, c.label) {
				t.Errorf("form in %s lacks %q: %s", c.lang, c.label, formText)
			}
			if formWidth > c.width {
				t.Errorf("form is %dpx wide on a %dpx screen", formWidth, c.width)
			}
			shot(t, ctx, c.name+"-form")
			must("fill and submit", chromedp.Do(ctx,
				chromedp.SetValue(chromedp.CSS("#protocol"), "smtp"),
				chromedp.SendKeys(chromedp.CSS("#target"), held.addr),
				chromedp.SetValue(chromedp.CSS("#security"), "starttls"),
				chromedp.Click(chromedp.CSS("button[type=submit]"))))
			<-held.accept // the probe is connected; its greeting waits for us
			must("progress", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#progress li"))))
			progress, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#progress")))
			must("read the progress", err)
			if !strings.Contains(progress, ": 1") {
				t.Errorf("progress shows %q, want the endpoint count", progress)
			}
			shot(t, ctx, c.name+"-progress")
			held.release <- struct{}{}
			must("report", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("section.verdict"))))
			verdict, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("section.verdict")))
			must("read the verdict", err)
			loc, err := chromedp.Run(ctx, chromedp.Location())
			must("location", err)
			htmlLang, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("html"), "lang"))
			must("lang", err)
			reportWidth, err := chromedp.Run(ctx, chromedp.Evaluate[int64](`document.documentElement.scrollWidth`))
			must("measure the report", err)
			t.Logf("%s: progress %q, verdict %q at %s", c.name, progress, verdict, loc)
			if !strings.Contains(loc, "/reports/") || strings.TrimSpace(verdict) == "" {
				t.Errorf("report page %s, verdict %q", loc, verdict)
			}
			if want := map[bool]string{true: "zh-CN", false: "en"}[c.mobile]; htmlLang.Value != want {
				t.Errorf("report language %q for Accept-Language %s, want %s", htmlLang.Value, c.lang, want)
			}
			if reportWidth > c.width {
				t.Errorf("report is %dpx wide on a %dpx screen", reportWidth, c.width)
			}
			shot(t, ctx, c.name+"-report")
		})
	}
}

// shot saves a screenshot for a person to look at when MAILCHECK_SCREENSHOT names a directory.
func shot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("MAILCHECK_SCREENSHOT")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	os.WriteFile(filepath.Join(dir, "serve-"+name+".png"), png, 0o644)
}

// exampleConfig is the shipped prometheus.yml with its targets replaced by the test's: the
// relabeling under test is the example's own. The fleet job (file_sd over other hosts) is
// dropped; intervals are shortened so the test does not wait a minute.
func exampleConfig(t *testing.T, path, serveAddr string, targets map[string]string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cfg map[string]any
	if err := yaml.Unmarshal(b, &cfg); err != nil {
		t.Fatal(err)
	}
	cfg["global"] = map[string]any{"scrape_interval": "2s", "evaluation_interval": "2s"}
	rules, _ := filepath.Abs(filepath.Join(filepath.Dir(path), "rules.yml"))
	cfg["rule_files"] = []any{rules}
	var jobs []any
	for _, j := range cfg["scrape_configs"].([]any) {
		job := j.(map[string]any)
		name := job["job_name"].(string)
		delete(job, "scrape_interval")
		job["scrape_timeout"] = "2s"
		switch {
		case name == "mailcheck_serve":
			job["static_configs"] = []any{map[string]any{"targets": []any{serveAddr}}}
		case targets[name] != "":
			job["static_configs"] = []any{map[string]any{"targets": []any{targets[name]}}}
			for _, r := range job["relabel_configs"].([]any) {
				rc := r.(map[string]any)
				if rc["target_label"] == "__address__" {
					rc["replacement"] = serveAddr
				}
			}
		default:
			continue
		}
		jobs = append(jobs, job)
	}
	cfg["scrape_configs"] = jobs
	out, err := yaml.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func promtool(t *testing.T, stdin io.Reader, args ...string) {
	t.Helper()
	cmd := exec.Command("promtool", args...)
	cmd.Stdin = stdin
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("promtool %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func promQuery(t *testing.T, addr, q string) (value, instance string) {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/api/v1/query?" + url.Values{"query": {q}}.Encode())
	if err != nil {
		return "", "" // not up yet
	}
	defer resp.Body.Close()
	var r struct {
		Data struct {
			Result []struct {
				Metric map[string]string `json:"metric"`
				Value  []any             `json:"value"`
			} `json:"result"`
		} `json:"data"`
	}
	if json.NewDecoder(resp.Body).Decode(&r) != nil || len(r.Data.Result) == 0 || len(r.Data.Result[0].Value) != 2 {
		return "", ""
	}
	v, _ := r.Data.Result[0].Value[1].(string)
	return v, r.Data.Result[0].Metric["instance"]
}

func httpGet(t *testing.T, u string) []byte {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", u, resp.StatusCode, b)
	}
	return b
}

func freePort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
