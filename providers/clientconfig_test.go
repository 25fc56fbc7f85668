package providers

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

const seedAutoconfig = `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="example.com">
    <domain>example.com</domain>
    <displayName>Example</displayName>
    <incomingServer type="imap">
      <hostname>imap.example.com</hostname>
      <port>993</port>
      <socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>password-cleartext</authentication>
    </incomingServer>
    <incomingServer type="pop3">
      <hostname>pop.example.com</hostname>
      <socketType>STARTTLS</socketType>
      <socketype>SSL</socketype>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.example.com</hostname>
      <port>587</port>
      <socketType>SSL</socketType>
      <authentication>password-cleartext</authentication>
    </outgoingServer>
  </emailProvider>
</clientConfig>`

const seedAutodiscover = `<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
  <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
    <User><AutoDiscoverSMTPAddress>alice@qq.com</AutoDiscoverSMTPAddress></User>
    <Account>
      <AccountType>email</AccountType>
      <Action>settings</Action>
      <Protocol>
        <Type>IMAP</Type><Server>imap.qq.com</Server><Port>143</Port>
        <LoginName>alice</LoginName><SPA>off</SPA><SSL>on</SSL><AuthRequired>on</AuthRequired>
      </Protocol>
      <Protocol>
        <Type>SMTP</Type><Server>smtp.qq.com</Server><Port>587</Port>
        <Encryption>TLS</Encryption><Ssl>on</Ssl>
      </Protocol>
      <Protocol><Type>EXCH</Type><Server>ex.qq.com</Server></Protocol>
    </Account>
  </Response>
</Autodiscover>`

const seedMobileconfig = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>PayloadContent</key>
  <array>
    <dict>
      <key>EmailAccountType</key><string>EmailTypeIMAP</string>
      <key>EmailAddress</key><string>bob@gmail.com</string>
      <key>IncomingMailServerHostName</key><string>imap.gmail.com</string>
      <key>IncomingMailServerPortNumber</key><integer>993</integer>
      <key>IncomingMailServerUseSsl</key><true/>
      <key>IncomingMailServerUsername</key><string>bob@gmail.com</string>
      <key>IncomingPassword</key><string>hunter2-s3cret</string>
      <key>OutgoingMailServerHostName</key><string>smtp.gmail.com</string>
      <key>OutgoingMailServerPortNumber</key><integer>25</integer>
      <key>OutgoingMailServerUseSSL</key><false/>
      <key>OutgoingMailServerAuthentication</key><string>EmailAuthPassword</string>
      <key>PayloadType</key><string>com.apple.mail.managed</string>
      <key>PayloadUUID</key><string>00000000-0000-0000-0000-000000000000</string>
    </dict>
  </array>
  <key>PayloadType</key><string>Configuration</string>
</dict>
</plist>`

const seedPrefs = `// Mozilla User Preferences
user_pref("mail.accountmanager.accounts", "account1,account2");
user_pref("mail.account.account1.identities", "id1");
user_pref("mail.account.account1.server", "server1");
user_pref("mail.account.account2.server", "server2");
user_pref("mail.identity.id1.useremail", "carol@163.com");
user_pref("mail.identity.id1.smtpServer", "smtp1");
user_pref("mail.server.server1.hostname", "imap.163.com");
user_pref("mail.server.server1.port", 143);
user_pref("mail.server.server1.socketType", 0);
user_pref("mail.server.server1.type", "imap");
user_pref("mail.server.server1.username", "carol");
user_pref("mail.server.server2.hostname", "Local Folders");
user_pref("mail.server.server2.type", "none");
user_pref("mail.server.server9.hostname", "old.example.com");
user_pref("mail.server.server9.type", "imap");
user_pref("mail.smtpserver.smtp1.hostname", "smtp.163.com");
user_pref("mail.smtpserver.smtp1.port", 465);
user_pref("mail.smtpserver.smtp1.try_ssl", 3);
user_pref("mail.smtpserver.smtp1.username", "carol@163.com");
user_pref("mail.smtpservers", "smtp1");
`

type wantServer struct {
	proto probes.Proto
	host  string
	port  int
	sec   probes.Security
	user  string
}

func servers(cc *ClientConfig) []wantServer {
	var out []wantServer
	for _, s := range cc.Servers {
		out = append(out, wantServer{s.Proto, s.Host, s.Port, s.Security, s.Username})
	}
	return out
}

func findingCodes(fs []findings.Finding) []findings.Code {
	var out []findings.Code
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

func hasEvidence(fs []findings.Finding, code findings.Code, sub string) bool {
	return slices.ContainsFunc(fs, func(f findings.Finding) bool { return f.Code == code && strings.Contains(f.Evidence, sub) })
}

func TestParseClientConfig(t *testing.T) {
	cases := []struct {
		name    string
		in      string
		kind    ConfigKind
		address string
		servers []wantServer
		// evidence substrings each code must have
		want map[findings.Code][]string
		not  []findings.Code
	}{
		{"autoconfig", seedAutoconfig, KindAutoconfig, "", []wantServer{
			{probes.IMAP, "imap.example.com", 993, probes.ImplicitTLS, "%EMAILADDRESS%"},
			{probes.POP3, "pop.example.com", 110, probes.STARTTLS, ""},
			{probes.SMTP, "smtp.example.com", 587, probes.ImplicitTLS, ""},
		}, map[findings.Code][]string{
			findings.ConfigUnknownKey:       {`"socketype" is not a known setting; did you mean "socketType"?`},
			findings.ConfigMissingPort:      {"pop3 pop.example.com has no port; clients assume 110"},
			findings.ConfigPortModeMismatch: {"smtp smtp.example.com:587 asks for SSL/TLS from the first byte on a plaintext port"},
		}, []findings.Code{findings.ConfigPlaintextPassword, findings.ConfigIncomplete}},
		{"autodiscover", seedAutodiscover, KindAutodiscover, "alice@qq.com", []wantServer{
			{probes.IMAP, "imap.qq.com", 143, probes.STARTTLS, "alice"},
			{probes.SMTP, "smtp.qq.com", 587, probes.STARTTLS, ""},
		}, map[findings.Code][]string{
			findings.ConfigSslMeansSTARTTLS: {"Protocol 1 (imap): SSL on port 143 is STARTTLS"},
			findings.ConfigUnknownKey:       {`"Ssl" is not a known setting; did you mean "SSL"?`},
		}, []findings.Code{findings.ConfigPortModeMismatch, findings.ConfigMissingPort}},
		{"mobileconfig", seedMobileconfig, KindMobileconfig, "bob@gmail.com", []wantServer{
			{probes.IMAP, "imap.gmail.com", 993, probes.Plain, "bob@gmail.com"},
			{probes.SMTP, "smtp.gmail.com", 25, probes.Plain, ""},
		}, map[findings.Code][]string{
			findings.ConfigUnknownKey:        {`"IncomingMailServerUseSsl" is not a known setting; did you mean "IncomingMailServerUseSSL"?`},
			findings.ConfigPasswordEmbedded:  {"1 password(s)"},
			findings.ConfigPlaintextPassword: {"imap imap.gmail.com:993", "smtp smtp.gmail.com:25"},
			findings.ConfigPortModeMismatch:  {"imap imap.gmail.com:993 asks for plain on an implicit-TLS port"},
		}, nil},
		{"prefs.js", seedPrefs, KindPrefsJS, "carol@163.com", []wantServer{
			{probes.IMAP, "imap.163.com", 143, probes.Plain, ""},
			{probes.SMTP, "smtp.163.com", 465, probes.ImplicitTLS, "carol@163.com"},
		}, map[findings.Code][]string{
			findings.ConfigUnknownKey:        {`mail.server.server1: "username" is not a known setting; did you mean "userName"?`},
			findings.ConfigPlaintextPassword: {"imap imap.163.com:143"},
		}, []findings.Code{findings.ConfigMissingPort, findings.ConfigIncomplete}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cc, err := ParseClientConfig([]byte(c.in))
			if err != nil {
				t.Fatal(err)
			}
			if cc.Kind != c.kind || cc.Address != c.address {
				t.Errorf("kind, address = %s, %q; want %s, %q", cc.Kind, cc.Address, c.kind, c.address)
			}
			if got := servers(cc); !slices.Equal(got, c.servers) {
				t.Errorf("servers\n got %v\nwant %v", got, c.servers)
			}
			for code, subs := range c.want {
				for _, sub := range subs {
					if !hasEvidence(cc.Findings, code, sub) {
						t.Errorf("no %s with %q in %v", code, sub, cc.Findings)
					}
				}
			}
			for _, code := range c.not {
				if slices.Contains(findingCodes(cc.Findings), code) {
					t.Errorf("unexpected %s: %v", code, cc.Findings)
				}
			}
			if strings.Contains(fmt.Sprintf("%+v", cc), "hunter2") {
				t.Error("the embedded password is kept in the parsed config")
			}
		})
	}
}

// Autodiscover "Encryption" wins over "SSL"; "Auto" goes by the port; "POP" is POP3.
func TestAutodiscoverEncryption(t *testing.T) {
	doc := `<Autodiscover><Response><Account><Action>settings</Action>
<Protocol><Type>IMAP</Type><Server>imap.example.com</Server><Port>993</Port><Encryption>SSL</Encryption><SSL>off</SSL></Protocol>
<Protocol><Type>POP</Type><Server>pop.example.com</Server><Port>995</Port><Encryption>Auto</Encryption></Protocol>
<Protocol><Type>SMTP</Type><Server>smtp.example.com</Server><Port>25</Port><Encryption>None</Encryption><AuthRequired>off</AuthRequired></Protocol>
</Account></Response></Autodiscover>`
	cc, err := ParseClientConfig([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := []wantServer{
		{probes.IMAP, "imap.example.com", 993, probes.ImplicitTLS, ""},
		{probes.POP3, "pop.example.com", 995, probes.ImplicitTLS, ""},
		{probes.SMTP, "smtp.example.com", 25, probes.Plain, ""},
	}
	if got := servers(cc); !slices.Equal(got, want) {
		t.Errorf("servers\n got %v\nwant %v", got, want)
	}
	// SMTP without a login sends no password, so plain text is no password leak.
	if slices.Contains(findingCodes(cc.Findings), findings.ConfigPlaintextPassword) {
		t.Errorf("unexpected plaintext-password: %v", cc.Findings)
	}
}

func TestParseClientConfigRefuses(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"empty", "", "not a Thunderbird autoconfig"},
		{"text", "hello world", "not a Thunderbird autoconfig"},
		{"other xml", "<html><body/></html>", "not a Thunderbird autoconfig"},
		{"broken xml", "<clientConfig><emailProvider>", "XML"},
		{"entity bomb", `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><clientConfig>&lol2;</clientConfig>`, "entities"},
		{"undefined entity", `<clientConfig>&xxe;</clientConfig>`, "XML"},
		{"binary plist", "bplist00\x00\x01", "binary property list"},
		{"plist without mail", `<plist><dict><key>PayloadType</key><string>Configuration</string></dict></plist>`, "no mail account"},
		{"autodiscover redirect", `<Autodiscover><Response><Account><Action>redirectAddr</Action><RedirectAddr>a@b.example</RedirectAddr></Account></Response></Autodiscover>`, "redirects"},
		{"autodiscover error", `<Autodiscover><Response><Error><Message>no</Message></Error></Response></Autodiscover>`, "error response"},
		{"deep", strings.Repeat("<a>", 100) + strings.Repeat("</a>", 100), "too deep"},
		{"deep config", "<clientConfig>" + strings.Repeat("<a>", 100) + strings.Repeat("</a>", 100) + "</clientConfig>", "too deep"},
		{"too large", "<clientConfig>" + strings.Repeat(" ", MaxConfigFile) + "</clientConfig>", "larger than"},
		{"prefs without servers", `user_pref("browser.startup.page", 3);`, "no mail.server"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cc, err := ParseClientConfig([]byte(c.in))
			if err == nil {
				t.Fatalf("parsed: %+v", cc)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q, want it to say %q", err, c.want)
			}
		})
	}
	if _, err := ParseClientConfig([]byte("<x/>")); !errors.Is(err, ErrUnknownConfig) {
		t.Errorf("unknown root: %v", err)
	}
}

// A text split by sixty thousand comments is read in linear time, its length bounded.
func TestXMLTextSplitByComments(t *testing.T) {
	doc := "<clientConfig><emailProvider><displayName>" + strings.Repeat("a<!---->", 60000) + "</displayName></emailProvider></clientConfig>"
	root, err := parseXMLTree([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(root.kids[0].kids[0].text); n != 60000 {
		t.Errorf("text length %d", n)
	}
	long := "<clientConfig>" + strings.Repeat("x", 200000) + "</clientConfig>"
	if root, err = parseXMLTree([]byte(long)); err != nil || len(root.text) != maxXMLText {
		t.Errorf("long text: %v, %d", err, len(root.text))
	}
}

// A prefs.js of 40,000 misspelt keys is bounded: the near-name lookups stop at maxKeyLint.
func TestPrefsManyKeys(t *testing.T) {
	var b strings.Builder
	b.WriteString(`user_pref("mail.server.server1.type", "imap");` + "\n")
	b.WriteString(`user_pref("mail.server.server1.hostname", "imap.example.com");` + "\n")
	for i := range 40000 {
		fmt.Fprintf(&b, "user_pref(\"mail.server.server1.hostnam%d\", 1);\n", i)
	}
	cc, err := ParseClientConfig([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range cc.Findings {
		if f.Code == findings.ConfigUnknownKey {
			n++
		}
	}
	if n == 0 || n > maxKeyLint || len(cc.Servers) != 1 {
		t.Errorf("%d unknown-key findings, %d servers", n, len(cc.Servers))
	}
}

// A signed profile (CMS DER around the plist) is read, the signature not checked.
func TestSignedMobileconfig(t *testing.T) {
	der := append([]byte{0x30, 0x82, 0x10, 0x00, 0x06, 0x09}, []byte(seedMobileconfig)...)
	der = append(der, 0xa0, 0x82, 0x01)
	cc, err := ParseClientConfig(der)
	if err != nil {
		t.Fatal(err)
	}
	if !cc.Signed || cc.Kind != KindMobileconfig || len(cc.Servers) != 2 {
		t.Errorf("signed profile: %+v", cc)
	}
}

func TestCompareConfig(t *testing.T) {
	db := Builtin()
	cases := []struct {
		name     string
		in       string
		provider string
		want     []string
	}{
		// qq lists imap.qq.com 993 tls and smtp.qq.com 465/587; the file says 143 and the local part.
		{"autodiscover qq", seedAutodiscover, "qq", []string{
			"imap imap.qq.com:143 starttls; qq lists imap.qq.com:993 tls",
			`imap login name "alice"; qq wants "alice@qq.com"`,
		}},
		{"prefs 163", seedPrefs, "163", []string{"imap imap.163.com:143 plain; 163 lists imap.163.com:993 tls"}},
		{"autoconfig unknown", seedAutoconfig, "", nil},
		// 127.0.0.1 is Proton Bridge's host in the database, but a loopback server names no provider.
		{"loopback host", strings.ReplaceAll(seedAutoconfig, "imap.example.com", "127.0.0.1"), "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cc, err := ParseClientConfig([]byte(c.in))
			if err != nil {
				t.Fatal(err)
			}
			p, diff := db.CompareConfig(cc)
			key := ""
			if p != nil {
				key = p.Key
			}
			if key != c.provider {
				t.Fatalf("provider %q, want %q", key, c.provider)
			}
			for _, w := range c.want {
				if !hasEvidence(diff, findings.ConfigDiffersFromDatabase, w) {
					t.Errorf("no drift %q in %v", w, diff)
				}
			}
			if len(c.want) == 0 && len(diff) > 0 {
				t.Errorf("unexpected drift %v", diff)
			}
		})
	}
	// The database's own settings, as a file, do not drift.
	p, _ := db.ByKey("gmail")
	data, err := Export(KindAutoconfig, ExportSpec{Address: "dave@gmail.com", Endpoints: p.Endpoints()})
	if err != nil {
		t.Fatal(err)
	}
	cc, err := ParseClientConfig(data)
	if err != nil {
		t.Fatal(err)
	}
	cc.Address = "dave@gmail.com"
	if got, diff := db.CompareConfig(cc); got != p || len(diff) != 0 {
		t.Errorf("gmail's own settings: provider %v, drift %v", got, diff)
	}
}

func TestPlanConfig(t *testing.T) {
	db := Builtin()
	cc, err := ParseClientConfig([]byte(seedAutodiscover))
	if err != nil {
		t.Fatal(err)
	}
	off := db.PlanConfig(cc, "a.xml", true)
	if len(off.Endpoints) != 0 || off.Command != probes.CmdConfig || off.Provider == nil || off.Provider.Key != "qq" {
		t.Fatalf("offline plan: %+v", off)
	}
	on := db.PlanConfig(cc, "a.xml", false)
	if len(on.Endpoints) != 2 || on.Endpoints[0].Source != "config:autodiscover" || on.Logins[probes.IMAP] != "alice" || on.Logins[probes.SMTP] != "alice@qq.com" {
		t.Fatalf("online plan: endpoints %v logins %v", on.Endpoints, on.Logins)
	}
	rep := probes.Run(t.Context(), off)
	for _, c := range []findings.Code{findings.ConfigSslMeansSTARTTLS, findings.ConfigDiffersFromDatabase, findings.ConfigUnknownKey} {
		if !slices.Contains(findingCodes(rep.AllFindings()), c) {
			t.Errorf("report lacks %s: %v", c, findingCodes(rep.AllFindings()))
		}
	}
	if rep.Status != probes.Warn {
		t.Errorf("status %s, want warn", rep.Status)
	}
}

// Each export reads back through config to the same endpoints and login names.
func TestExportRoundTrip(t *testing.T) {
	db := Builtin()
	for _, key := range []string{"qq", "gmail", "icloud", "gmx", "web.de", "proton-bridge"} {
		p, ok := db.ByKey(key)
		if !ok {
			t.Fatalf("no %s", key)
		}
		addr := "erin@" + p.Domains[0]
		local, domain, _ := ParseAddress(addr)
		spec := ExportSpec{Address: addr, DisplayName: p.Name.EN, Endpoints: p.Endpoints(), Usernames: map[probes.Proto]string{}}
		for _, proto := range probes.Protos {
			spec.Usernames[proto] = p.Login(proto, local, domain)
		}
		for _, kind := range ExportKinds {
			t.Run(key+"/"+string(kind), func(t *testing.T) {
				data, err := Export(kind, spec)
				if key == "proton-bridge" && kind == KindMobileconfig {
					// Apple's UseSSL cannot say STARTTLS on Bridge's port 1143.
					if err == nil || !strings.Contains(err.Error(), "cannot say STARTTLS on port 1143") {
						t.Fatalf("err = %v, want a refusal", err)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				cc, err := ParseClientConfig(data)
				if err != nil {
					t.Fatalf("%v\n%s", err, data)
				}
				if cc.Kind != kind {
					t.Errorf("kind %s", cc.Kind)
				}
				want := spec.Endpoints
				if kind == KindMobileconfig {
					want = mobileconfigPick(spec.Endpoints)
				}
				got := cc.Endpoints()
				if len(got) != len(want) {
					t.Fatalf("endpoints\n got %v\nwant %v", got, want)
				}
				for i := range want {
					g, w := got[i], want[i]
					if g.Proto != w.Proto || g.Host != w.Host || g.Port != w.Port || g.Security != w.Security {
						t.Errorf("endpoint %d: got %v, want %v", i, g, w)
					}
				}
				for _, s := range cc.Servers {
					if s.Username != spec.Usernames[s.Proto] {
						t.Errorf("%s login %q, want %q", s.Proto, s.Username, spec.Usernames[s.Proto])
					}
				}
				for _, f := range cc.Findings {
					if f.Severity != findings.SevInfo {
						t.Errorf("export lints as %s: %s", f.Code, f.Evidence)
					}
				}
				if _, diff := db.CompareConfig(cc); len(diff) > 0 {
					t.Errorf("export drifts from the database: %v", diff)
				}
				again, _ := Export(kind, spec)
				if !bytes.Equal(again, data) {
					t.Error("export is not stable")
				}
			})
		}
	}
}

// mobileconfigPick is the first IMAP (else POP3) and the first SMTP endpoint.
func mobileconfigPick(eps []probes.Endpoint) []probes.Endpoint {
	var in, out []probes.Endpoint
	for _, e := range eps {
		switch {
		case e.Proto == probes.IMAP && (len(in) == 0 || in[0].Proto != probes.IMAP):
			in = []probes.Endpoint{e}
		case e.Proto == probes.POP3 && len(in) == 0:
			in = []probes.Endpoint{e}
		case e.Proto == probes.SMTP && len(out) == 0:
			out = []probes.Endpoint{e}
		}
	}
	return append(in, out...)
}

func TestStableUUID(t *testing.T) {
	a, b := stableUUID("x", "y"), stableUUID("x", "y")
	if a != b || a == stableUUID("x", "z") {
		t.Errorf("stableUUID not stable or not distinct: %s %s", a, b)
	}
	if len(a) != 36 || a[14] != '8' || !strings.ContainsAny(a[19:20], "89AB") {
		t.Errorf("not an RFC 9562 v8 UUID: %s", a)
	}
}

func FuzzParseClientConfig(f *testing.F) {
	for _, s := range []string{seedAutoconfig, seedAutodiscover, seedMobileconfig, seedPrefs,
		`<plist><dict><key>a</key></dict></plist>`, `user_pref("mail.server.server1.type", "imap");`,
		`<Autodiscover><Response><Account><Protocol><Type>SMTP</Type><Server>x.example</Server><Port>99999</Port></Protocol></Account></Response></Autodiscover>`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cc, err := ParseClientConfig(data)
		if err != nil {
			return
		}
		if len(cc.Servers) > maxConfigServers {
			t.Fatalf("%d servers", len(cc.Servers))
		}
		for _, s := range cc.Servers {
			if s.Port < 1 || s.Port > 65535 || !validConfigHost(s.Host) {
				t.Fatalf("bad server %+v", s)
			}
		}
		Builtin().PlanConfig(cc, "fuzz", true)
	})
}
