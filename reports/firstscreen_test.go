package reports

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/testservers"
)

// The first screen is what a helpdesk technician sees in an 80-column terminal before scrolling:
// the verdict naming the problem and its fix, then what to do. The goldens under
// testdata/first-screen hold the first screenLines lines of the table for the common tickets,
// made by real probes against loopback servers, in English and Chinese.
const screenLines = 24

// blackhole is a network that drops every connection attempt: the dial waits until the step's
// deadline, as a firewall that drops SYNs makes it wait.
type blackhole struct{}

func (blackhole) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	<-ctx.Done()
	return nil, &net.OpError{Op: "dial", Net: network, Err: ctx.Err()}
}

// ticketSettings is what a provider entry gives for domain: the four usual endpoints.
func ticketSettings(domain string) *probes.Settings {
	eps := []probes.Endpoint{
		{Proto: probes.IMAP, Host: "imap." + domain, Port: 993, Security: probes.ImplicitTLS, Source: "builtin:example"},
		{Proto: probes.POP3, Host: "pop." + domain, Port: 995, Security: probes.ImplicitTLS, Source: "builtin:example"},
		{Proto: probes.SMTP, Host: "smtp." + domain, Port: 465, Security: probes.ImplicitTLS, Source: "builtin:example"},
		{Proto: probes.SMTP, Host: "smtp." + domain, Port: 587, Security: probes.STARTTLS, Source: "builtin:example"},
	}
	return &probes.Settings{Provider: "example", Name: findings.Text{EN: "Example Mail", ZH: "示例邮箱"}, Endpoints: eps,
		Usernames: map[probes.Proto]string{probes.IMAP: "bob@" + domain, probes.POP3: "bob@" + domain, probes.SMTP: "bob@" + domain}}
}

// ticketReport runs `mailcheck account bob@DOMAIN` as the engine does, against a loopback DNS
// server answering zone, over dialer.
func ticketReport(t *testing.T, domain string, zone testservers.Zone, dialer probes.Dialer) *probes.Report {
	t.Helper()
	dns := testservers.StartDNST(t, zone)
	s := ticketSettings(domain)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	rep := probes.Run(ctx, probes.Plan{Command: "account", Input: "bob@" + domain, Endpoints: s.Endpoints, Settings: s,
		Options: probes.Options{Timeout: 200 * time.Millisecond, Dialer: dialer, Resolver: probes.NewResolver(dns.Addr, 2*time.Second)}})
	normalise(&rep, nil)
	return &rep
}

type screenCase struct {
	name string
	rep  func(t *testing.T) *probes.Report
	// want is what the first screen must say, whatever the golden holds: the top problem's code
	// in the verdict's place, and the grouping.
	want []string
}

var screenCases = []screenCase{
	{"all-ports-blocked", func(t *testing.T) *probes.Report {
		a := []string{"127.0.0.1"}
		return ticketReport(t, "blocked.test", testservers.Zone{A: map[string][]string{
			"imap.blocked.test": a, "pop.blocked.test": a, "smtp.blocked.test": a}}, blackhole{})
	}, []string{"net.mail-ports-blocked", "4 endpoints"}},
	{"dns-failure", func(t *testing.T) *probes.Report {
		return ticketReport(t, "nxdomain.test", testservers.Zone{A: map[string][]string{"other.test": {"127.0.0.1"}}}, blackhole{})
	}, []string{"dns.nxdomain", "4 endpoints"}},
	{"wrong-tls-mode", func(t *testing.T) *probes.Report {
		return goldenReport(t, goldenCase{name: "wrong-tls-mode", scenarios: []string{"smtp-wrong-mode-tls-on-starttls-port"}})
	}, []string{"port.expects-starttls"}},
	{"auth-code", func(t *testing.T) *probes.Report {
		return goldenReport(t, goldenCase{name: "auth-code", scenarios: []string{"smtp-qq-authcode"}})
	}, []string{"auth.authorization-code-required"}},
	{"tls-required", func(t *testing.T) *probes.Report {
		return goldenReport(t, goldenCase{name: "tls-required", scenarios: []string{"smtp-tls-required"}})
	}, []string{"tls.required"}},
	{"healthy", func(t *testing.T) *probes.Report {
		return goldenReport(t, goldenCase{name: "healthy", scenarios: []string{"healthy-imaps", "healthy-smtps"}})
	}, []string{"✓"}},
}

// TestFirstScreen: for each common ticket, the first screen at 80 columns names the problem in
// the verdict (line 2), groups what repeats, and matches its golden; every line of the whole
// table fits 80 columns.
func TestFirstScreen(t *testing.T) {
	for _, c := range screenCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			rep := c.rep(t)
			for _, lang := range []string{"en", "zh"} {
				out := renderString(t, rep, Table, Options{Lang: lang, Width: 80})
				checkWidth(t, c.name+"/"+lang, out, 80)
				lines := strings.Split(out, "\n")
				screen := strings.Join(lines[:min(screenLines, len(lines))], "\n") + "\n"
				for _, w := range c.want {
					if lang == "zh" {
						w = strings.Replace(w, "4 endpoints", "4 个服务器", 1)
					}
					if !strings.Contains(screen, w) {
						t.Errorf("%s: the first screen lacks %q:\n%s", lang, w, screen)
					}
				}
				// The verdict names the top problem: its title is on line 2.
				if ps := problemsOf(ptr(toJSON(rep, lang))); len(ps) > 0 && ps[0].Severity.Class == "fail" {
					if !strings.HasPrefix(lines[1], "✗ ") || !strings.Contains(strings.Join(lines[1:4], ""), firstWords(ps[0].Title)) {
						t.Errorf("%s: the verdict does not name %s:\n%s", lang, ps[0].Code, screen)
					}
					// Each problem is listed once.
					for _, p := range ps {
						if n := strings.Count(out, p.Severity.Text+" "+p.Code+": "); n != 1 {
							t.Errorf("%s: %s listed %d times, want once:\n%s", lang, p.Code, n, out)
						}
					}
				}
				checkGolden(t, filepath.Join("testdata", "first-screen", c.name+"."+lang+".txt"), []byte(screen))
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

// firstWords is the start of a title, enough to find it in a wrapped line.
func firstWords(s string) string {
	r := []rune(s)
	return string(r[:min(12, len(r))])
}

// checkWidth fails if any line of out is wider than width terminal columns, measured the way a
// terminal draws it: wide (CJK) runes two columns, box drawing and other ambiguous-width runes one.
func checkWidth(t *testing.T, name, out string, width int) {
	t.Helper()
	cond := runewidth.NewCondition()
	cond.EastAsianWidth = false
	var boxW int
	for i, l := range strings.Split(out, "\n") {
		l = stripANSI(l)
		if w := cond.StringWidth(l); w > width {
			t.Errorf("%s: line %d is %d columns wide, more than %d:\n%s", name, i+1, w, width, l)
		}
		// Box lines of one table are all equally wide, or the borders do not line up.
		if strings.HasPrefix(l, "┌") {
			boxW = cond.StringWidth(l)
		} else if boxW > 0 && strings.ContainsAny(l[:min(4, len(l))], "│├└") {
			if w := cond.StringWidth(l); w != boxW {
				t.Errorf("%s: line %d of a table is %d columns, its top border %d:\n%s", name, i+1, w, boxW, l)
			}
		}
	}
}

func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// TestTableWidths: the same report fits every terminal width from 40 to 200 columns, in both
// languages, with every table's borders aligned.
func TestTableWidths(t *testing.T) {
	rep := goldenReport(t, goldenCase{name: "account", scenarios: []string{"healthy-smtp-starttls",
		"smtp-wrong-mode-tls-on-starttls-port", "pop3-in-use"}, extra: withDiscovery})
	for _, w := range []int{40, 60, 80, 100, 132, 200} {
		for _, lang := range []string{"en", "zh"} {
			out := renderString(t, rep, Table, Options{Lang: lang, Width: w, Transcript: true})
			checkWidth(t, lang+"/"+strconv.Itoa(w), out, w)
		}
	}
}

// TestZhLocaleBorders: under LANG=zh_CN.UTF-8 with a console TERM — where tablewriter would
// guess East-Asian widths and widen every border — the borders stay aligned. The environment is
// read when the package starts, so the check runs in a child test process.
func TestZhLocaleBorders(t *testing.T) {
	if os.Getenv("MAILCHECK_ZH_CHILD") == "1" {
		rep := goldenReport(t, goldenCase{name: "pop3-in-use.zh", scenarios: []string{"pop3-in-use"}})
		checkWidth(t, "zh child", renderString(t, rep, Table, Options{Lang: "zh", Width: 80}), 80)
		return
	}
	for _, term := range []string{"linux", "dumb", "xterm-256color", ""} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestZhLocaleBorders$", "-test.count=1")
		cmd.Env = append(os.Environ(), "MAILCHECK_ZH_CHILD=1", "LANG=zh_CN.UTF-8", "LC_ALL=zh_CN.UTF-8", "TERM="+term)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("TERM=%q: %v\n%s", term, err, out)
		}
	}
}

// TestTrustNoteChinese: the trust words follow the report's language.
func TestTrustNoteChinese(t *testing.T) {
	ep := probes.Endpoint{Source: "srv:_imaps._tcp", Trust: probes.TrustDNS, Withheld: true}
	if got := withTrust(SourceLabel(ep.Source, "zh"), ep, "zh"); got != "DNS SRV 记录 _imaps._tcp · DNS 未验证 · 未发送密码或令牌" {
		t.Errorf("zh trust note %q", got)
	}
	if got := withTrust(SourceLabel(ep.Source, "en"), ep, "en"); got != "DNS SRV record _imaps._tcp · dns · no credentials sent" {
		t.Errorf("en trust note %q", got)
	}
}
