package cmd

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/testservers"
)

const cfgMobileconfig = `<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
  <key>PayloadContent</key><array><dict>
    <key>EmailAccountType</key><string>EmailTypeIMAP</string>
    <key>EmailAddress</key><string>bob@gmail.com</string>
    <key>IncomingMailServerHostName</key><string>imap.gmail.com</string>
    <key>IncomingMailServerPortNumber</key><integer>993</integer>
    <key>IncomingMailServerUseSSL</key><true/>
    <key>IncomingPassword</key><string>hunter2-s3cret</string>
    <key>OutgoingMailServerHostName</key><string>smtp.gmail.com</string>
    <key>OutgoingMailServerPortNumber</key><integer>465</integer>
    <key>OutgoingMailServerUseSSL</key><true/>
    <key>OutgoingPassword</key><string>hunter2-s3cret</string>
    <key>PayloadType</key><string>com.apple.mail.managed</string>
  </dict></array>
  <key>PayloadType</key><string>Configuration</string>
</dict></plist>`

const cfgPrefsPlain = `user_pref("mail.server.server1.hostname", "imap.163.com");
user_pref("mail.server.server1.type", "imap");
user_pref("mail.server.server1.socketType", 0);
user_pref("mail.smtpserver.smtp1.hostname", "smtp.163.com");
user_pref("mail.smtpserver.smtp1.port", 465);
user_pref("mail.smtpserver.smtp1.try_ssl", 3);
`

func tempFile(t *testing.T, name, content string) string {
	t.Helper()
	p := t.TempDir() + "/" + name
	if err := writeFile(p, []byte(content)); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestConfigOffline: lint and database comparison without a network; the exit status follows
// the findings, and a bad file is exit 2 with one line.
func TestConfigOffline(t *testing.T) {
	cases := []struct {
		name, file, content string
		exit                int
		codes               []string
		stderr              string
	}{
		{"mobileconfig with password", "p.mobileconfig", cfgMobileconfig, ExitOK, []string{"config.password-embedded"}, ""},
		{"prefs.js plaintext", "prefs.js", cfgPrefsPlain, ExitFindings,
			[]string{"config.plaintext-password", "config.differs-from-database"}, ""},
		{"unknown", "x.txt", "just some text", ExitUsage, nil, "not a Thunderbird autoconfig"},
		{"broken xml", "x.xml", "<clientConfig><oops", ExitUsage, nil, "XML"},
		{"too large", "big.xml", "<clientConfig>" + strings.Repeat(" ", 3<<20), ExitUsage, nil, "larger than"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := run(t, "", nil, "config", tempFile(t, c.file, c.content), "--offline", "--format", "json")
			if code != c.exit {
				t.Fatalf("exit %d, want %d\n%s%s", code, c.exit, errs, out)
			}
			if c.stderr != "" {
				if !strings.Contains(errs, c.stderr) || strings.Contains(errs, "goroutine") || out != "" {
					t.Errorf("stderr %q, want %q and no report", errs, c.stderr)
				}
				return
			}
			r := parseReport(t, out)
			for _, want := range c.codes {
				if !contains(r.codes(), want) {
					t.Errorf("no %s in %v", want, r.codes())
				}
			}
			if len(r.Results) != 0 {
				t.Errorf("--offline probed %d endpoints", len(r.Results))
			}
		})
	}
	if code, _, errs := run(t, "", nil, "config", "/nonexistent/prefs.js", "--offline"); code != ExitUsage || !strings.Contains(errs, "no such file") {
		t.Errorf("missing file: exit %d, %q", code, errs)
	}
	if code, _, errs := run(t, "", nil, "config"); code != ExitUsage || !strings.Contains(errs, "config needs one file") {
		t.Errorf("no file: exit %d, %q", code, errs)
	}
	// stdin works as "-".
	if code, out, _ := run(t, cfgPrefsPlain, nil, "config", "-", "--offline", "--format", "json"); code != ExitFindings || !contains(parseReport(t, out).codes(), "config.plaintext-password") {
		t.Errorf("config - : exit %d\n%s", code, out)
	}
}

// TestConfigPasswordNeverShown: an embedded password appears in no format.
func TestConfigPasswordNeverShown(t *testing.T) {
	file := tempFile(t, "p.mobileconfig", cfgMobileconfig)
	for _, f := range []string{"table", "json", "markdown", "html"} {
		_, out, errs := run(t, "", nil, "config", file, "--offline", "--format", f, "--transcript")
		if strings.Contains(out+errs, "hunter2") {
			t.Errorf("%s output shows the embedded password", f)
		}
		if !strings.Contains(out, "config.password-embedded") && f != "html" {
			t.Errorf("%s output lacks config.password-embedded", f)
		}
	}
}

// TestConfigProbesFileSettings: without --offline exactly the file's servers are probed, in
// the file's modes: the right mode passes, SSL on a STARTTLS port is port.expects-starttls.
func TestConfigProbesFileSettings(t *testing.T) {
	ca, caFile := testCA(t)
	imaps := testservers.StartT(t, testservers.Config{Proto: "imap", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	sub := testservers.StartT(t, testservers.Config{Proto: "smtp"}, ca)
	doc := func(smtpSocket string) string {
		return fmt.Sprintf(`<clientConfig version="1.1"><emailProvider id="mail.test"><domain>mail.test</domain>
<incomingServer type="imap"><hostname>127.0.0.1</hostname><port>%d</port><socketType>SSL</socketType><username>user@mail.test</username><authentication>password-cleartext</authentication></incomingServer>
<outgoingServer type="smtp"><hostname>127.0.0.1</hostname><port>%d</port><socketType>%s</socketType><username>user@mail.test</username><authentication>password-cleartext</authentication></outgoingServer>
</emailProvider></clientConfig>`, imaps.Port, sub.Port, smtpSocket)
	}
	code, out, errs := run(t, "", nil, "config", tempFile(t, "ok.xml", doc("STARTTLS")), "--ca-file", caFile, "--timeout", "3s", "--format", "json")
	r := parseReport(t, out)
	if code != ExitOK || len(r.Results) != 2 {
		t.Fatalf("exit %d, %d results\n%s%s", code, len(r.Results), errs, out)
	}
	for _, res := range r.Results {
		if res.Status != "ok" || res.Endpoint.Source != "config:autoconfig" || res.Endpoint.Host != "127.0.0.1" {
			t.Errorf("result %+v", res)
		}
	}
	if r.Provider != "" || contains(r.codes(), "config.differs-from-database") {
		t.Errorf("a loopback file was taken for provider %q: %v", r.Provider, r.codes())
	}
	if r.Results[0].Endpoint.Port != imaps.Port || r.Results[1].Endpoint.Port != sub.Port {
		t.Errorf("probed %+v, want the file's ports %d and %d", r.Results, imaps.Port, sub.Port)
	}
	// The file's login names and a password: each endpoint logs in.
	code, out, errs = run(t, "", map[string]string{"PW": testservers.DefaultPassword}, "config", tempFile(t, "ok.xml", doc("STARTTLS")),
		"--ca-file", caFile, "--timeout", "3s", "--format", "json", "--password-env", "PW")
	r = parseReport(t, out)
	if code != ExitOK || len(r.Results) != 2 {
		t.Fatalf("login with the file's names: exit %d, codes %v\n%s", code, r.codes(), errs)
	}
	for _, res := range r.Results {
		i := slices.IndexFunc(res.Steps, func(s struct {
			Name, Status, Detail string
			Findings             []struct{ Code string }
		}) bool {
			return s.Name == "auth"
		})
		if i < 0 || res.Steps[i].Status != "ok" {
			t.Errorf("%s: no successful auth step: %+v", res.Endpoint.Proto, res.Steps)
		}
	}
	// A file without login names and a password without --user is refused before probing.
	noUser := strings.ReplaceAll(doc("STARTTLS"), "<username>user@mail.test</username>", "")
	if code, out, errs := run(t, "", map[string]string{"PW": "x"}, "config", tempFile(t, "nouser.xml", noUser), "--password-env", "PW"); code != ExitUsage || !strings.Contains(errs, "add --user") || out != "" {
		t.Errorf("no login name: exit %d, %q\n%s", code, errs, out)
	}
	code, out, _ = run(t, "", nil, "config", tempFile(t, "bad.xml", doc("SSL")), "--ca-file", caFile, "--timeout", "3s", "--format", "json")
	r = parseReport(t, out)
	if code != ExitFindings || !contains(r.codes(), "port.expects-starttls") {
		t.Errorf("SSL on the STARTTLS server: exit %d, codes %v", code, r.codes())
	}
}

// TestAccountExportRoundTrip: each export of the database's settings reads back through
// config to the same endpoints.
func TestAccountExportRoundTrip(t *testing.T) {
	_, out, _ := run(t, "", nil, "account", "erin@gmx.net", "--offline", "--format", "json")
	var want []string
	for _, e := range parseReport(t, out).Settings.Endpoints {
		if !e.Alt {
			want = append(want, fmt.Sprintf("%s %s:%d %s", e.Proto, e.Host, e.Port, e.Security))
		}
	}
	for _, kind := range []string{"autoconfig", "autodiscover", "mobileconfig"} {
		t.Run(kind, func(t *testing.T) {
			file := t.TempDir() + "/out." + kind
			code, out, errs := run(t, "", nil, "account", "erin@gmx.net", "--offline", "--export", kind, "-o", file)
			if code != ExitOK || !strings.Contains(errs, kind+" written to "+file) || !strings.Contains(out, "imap.gmx.net") {
				t.Fatalf("export: exit %d\n%s%s", code, errs, out)
			}
			code, out, errs = run(t, "", nil, "config", file, "--offline", "--format", "json")
			if code != ExitOK {
				t.Fatalf("config of the export: exit %d\n%s%s", code, errs, out)
			}
			r := parseReport(t, out)
			var got []string
			for _, e := range r.Settings.Endpoints {
				got = append(got, fmt.Sprintf("%s %s:%d %s", e.Proto, e.Host, e.Port, e.Security))
			}
			w := want
			if kind == "mobileconfig" { // one incoming and one outgoing server
				w = []string{want[0], "smtp mail.gmx.net:465 tls"}
			}
			if !slices.Equal(got, w) {
				t.Errorf("round trip\n got %v\nwant %v", got, w)
			}
			if r.Provider != "gmx" || contains(r.codes(), "config.differs-from-database") {
				t.Errorf("provider %q, codes %v", r.Provider, r.codes())
			}
		})
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--export", "vcard", "-o", t.TempDir() + "/x"}, "--export: want autoconfig"},
		{[]string{"--export", "autoconfig"}, "--export needs -o FILE"},
	} {
		code, _, errs := run(t, "", nil, append([]string{"account", "erin@gmx.net", "--offline"}, c.args...)...)
		if code != ExitUsage || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %q", c.args, code, errs)
		}
	}
}

// TestAccountExportVerified: live, only the endpoints that passed are exported.
func TestAccountExportVerified(t *testing.T) {
	ca, caFile := testCA(t)
	imaps := testservers.StartT(t, testservers.Config{Proto: "imap", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	smtps := testservers.StartT(t, testservers.Config{Proto: "smtp", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	dns := testservers.StartDNST(t, testservers.Zone{})
	prov := tempFile(t, "providers.json", fmt.Sprintf(`{"version": 1, "providers": [{"key": "acme", "name": {"en": "ACME", "zh": "ACME"},
  "domains": ["acme.test"], "endpoints": [
    {"proto": "imap", "host": "127.0.0.1", "port": %d, "security": "tls"},
    {"proto": "pop3", "host": "127.0.0.1", "port": 1, "security": "tls"},
    {"proto": "smtp", "host": "127.0.0.1", "port": %d, "security": "tls"}],
  "username": "address", "auth": "password", "status": "active"}]}`, imaps.Port, smtps.Port))
	file := t.TempDir() + "/acme.xml"
	code, out, errs := run(t, "", nil, "account", "me@acme.test", "--providers", prov, "--resolver", dns.Addr, "--ca-file", caFile,
		"--timeout", "3s", "--export", "autoconfig", "-o", file)
	if code != ExitFindings { // the refused POP3 port is an error-level finding
		t.Fatalf("exit %d\n%s%s", code, errs, out)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	if !strings.Contains(doc, fmt.Sprintf("<port>%d</port>", imaps.Port)) || !strings.Contains(doc, fmt.Sprintf("<port>%d</port>", smtps.Port)) ||
		strings.Contains(doc, `type="pop3"`) {
		t.Errorf("export is not the verified endpoints:\n%s", doc)
	}
}
