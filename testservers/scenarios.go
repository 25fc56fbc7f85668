package testservers

import "time"

// Scenario is a named fault set plus what a correct prober concludes from it. One table drives
// `mailcheck lab`, the probe tests and the golden files.
type Scenario struct {
	Name               string // "healthy-smtp-starttls"
	Title              string // one line, English
	Proto              string // smtp|pop3|imap
	Security           string // mode the probe runs with: "tls", "starttls", "plain", "auto"
	Config             Config
	User               string // login the probe uses; "" = probe without credentials
	Password           string
	AllowPlaintextAuth bool
	TrustCA            bool          // the probe trusts the test CA (a SelfSigned cert stays untrusted anyway)
	Timeout            time.Duration // per-step timeout for the probe; 0 = the default 2s
	Refused            bool          // the server is closed right after start, so its port refuses
	Want               []string      // finding codes (errors and warnings) the probe must produce, exactly
	WantStatus         string        // worst step status: "ok", "warn" or "fail"
	// Token: the probe logs in with an OAuth2 token minted at run time (so its expiry is
	// relative to now) instead of a password.
	Token *ScenarioToken
}

// ScenarioToken is the OAuth2 token a scenario's probe presents: for User, expiring ExpiresIn
// after the moment it is minted (negative: already expired), signed with the server's key.
type ScenarioToken struct {
	User      string
	ExpiresIn time.Duration
}

// LabOAuthKey signs the lab's OAuth2 tokens; the scenario servers verify with it.
var LabOAuthKey = []byte("mailcheck-lab-oauth2-hs256-key")

// MintToken is the scenario's token at now, "" when it logs in without one.
func (sc Scenario) MintToken(now time.Time) string {
	if sc.Token == nil {
		return ""
	}
	return MintToken(LabOAuthKey, map[string]any{"iss": "mailcheck-lab", "sub": sc.Token.User, "email": sc.Token.User,
		"scope": "mail", "iat": now.Add(-2 * time.Hour).Unix(), "exp": now.Add(sc.Token.ExpiresIn).Unix()})
}

// oauthServer is an implicit-TLS server that takes the lab's OAuth2 tokens; only: it takes
// nothing else.
func oauthServer(proto string, only bool) Config {
	return Config{Proto: proto, Faults: Faults{ImplicitTLS: true},
		OAuth: &OAuthConfig{Key: LabOAuthKey, Issuer: "mailcheck-lab", Scope: "mail", OnlyOAuth: only}}
}

// Short timeout for scenarios whose point is a wait that never ends. It bounds every step, the
// connect too, so it must leave room for a loaded machine: at 300 ms a starved connect on
// loopback once timed out and the wrong-mode scenario read tcp.timeout.
const shortTimeout = time.Second

const (
	qqAuthCode     = "535 Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256"
	gmailAppPasswd = "534-5.7.9 Application-specific password required. Learn more at\r\n534 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor"
	// gmailIMAPAppPasswd is Gmail's IMAP LOGIN refusal for a 2SV account (providers.md I2).
	gmailIMAPAppPasswd = "NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)"
)

// Scenarios returns every scenario in a stable order. Each call returns fresh values, so a
// caller may change its copy.
func Scenarios() []Scenario {
	smtp := func(f Faults) Config { return Config{Proto: "smtp", Faults: f} }
	pop3 := func(f Faults) Config { return Config{Proto: "pop3", Faults: f} }
	imap := func(f Faults) Config { return Config{Proto: "imap", Faults: f} }
	// STARTTLS-port servers refuse login before TLS unless the point is otherwise, so that no
	// scenario shows auth.plaintext-offered by accident.
	starttlsPort := Faults{RequireTLSForAuth: true}
	tlsPort := Faults{ImplicitTLS: true}
	with := func(f Faults, change func(*Faults)) Faults { change(&f); return f }

	list := []Scenario{
		{Name: "healthy-smtp-starttls", Title: "SMTP submission with STARTTLS; login after TLS succeeds",
			Proto: "smtp", Security: "starttls", Config: smtp(starttlsPort), WantStatus: "ok"},
		{Name: "healthy-smtps", Title: "SMTP over implicit TLS (465 style); login succeeds",
			Proto: "smtp", Security: "tls", Config: smtp(tlsPort), WantStatus: "ok"},
		{Name: "healthy-pop3s", Title: "POP3 over implicit TLS (995 style); login succeeds",
			Proto: "pop3", Security: "tls", Config: pop3(tlsPort), WantStatus: "ok"},
		{Name: "healthy-pop3-stls", Title: "POP3 with STLS; login after TLS succeeds",
			Proto: "pop3", Security: "starttls", Config: pop3(starttlsPort), WantStatus: "ok"},

		{Name: "smtp-tls-required", Title: "SMTP refuses AUTH before STARTTLS (530 5.7.0)",
			Proto: "smtp", Security: "plain", Config: smtp(starttlsPort),
			Want: []string{"tls.required"}, WantStatus: "fail"},
		{Name: "smtp-wrong-mode-tls-on-starttls-port", Title: "Implicit TLS spoken to a plaintext-first SMTP port",
			Proto: "smtp", Security: "tls", Config: smtp(starttlsPort),
			Want: []string{"port.expects-starttls"}, WantStatus: "fail"},
		{Name: "smtp-wrong-mode-plain-on-tls-port", Title: "Plaintext spoken to an implicit-TLS SMTP port; no greeting comes",
			Proto: "smtp", Security: "starttls", Config: smtp(tlsPort), Timeout: shortTimeout,
			Want: []string{"port.expects-tls"}, WantStatus: "fail"},
		{Name: "pop3-wrong-mode-plain-on-tls-port", Title: "Plaintext spoken to an implicit-TLS POP3 port; no greeting comes",
			Proto: "pop3", Security: "starttls", Config: pop3(tlsPort), Timeout: shortTimeout,
			Want: []string{"port.expects-tls"}, WantStatus: "fail"},
		{Name: "smtp-starttls-unavailable", Title: "SMTP server does not offer STARTTLS",
			Proto: "smtp", Security: "starttls", Config: smtp(with(starttlsPort, func(f *Faults) { f.NoSTARTTLS = true })),
			Want: []string{"tls.starttls-unavailable"}, WantStatus: "fail"},
		{Name: "smtp-starttls-fails", Title: "SMTP offers STARTTLS but answers 454 TLS not available",
			Proto: "smtp", Security: "starttls", Config: smtp(with(starttlsPort, func(f *Faults) { f.STARTTLSFails = true })),
			Want: []string{"tls.starttls-unavailable"}, WantStatus: "fail"},
		{Name: "smtp-cert-self-signed", Title: "SMTPS server presents a self-signed certificate",
			Proto: "smtp", Security: "tls", Config: smtp(Faults{ImplicitTLS: true, Cert: SelfSigned}),
			Want: []string{"tls.cert-untrusted"}, WantStatus: "fail"},
		{Name: "smtp-cert-expired", Title: "SMTPS server presents an expired certificate",
			Proto: "smtp", Security: "tls", Config: smtp(Faults{ImplicitTLS: true, Cert: Expired}),
			Want: []string{"tls.cert-expired"}, WantStatus: "fail"},
		{Name: "smtp-cert-wrong-host", Title: "SMTPS certificate names another host",
			Proto: "smtp", Security: "tls", Config: smtp(Faults{ImplicitTLS: true, Cert: WrongHost}),
			Want: []string{"tls.cert-hostname-mismatch"}, WantStatus: "fail"},
		{Name: "smtp-cert-snakeoil", Title: "SMTPS presents an untouched installer certificate: self-signed and for another name",
			Proto: "smtp", Security: "tls", Config: smtp(Faults{ImplicitTLS: true, Cert: SnakeOil}),
			Want: []string{"tls.cert-untrusted", "tls.cert-hostname-mismatch"}, WantStatus: "fail"},
		{Name: "imap-cert-expired-wrong-host", Title: "IMAPS certificate expired and names another host",
			Proto: "imap", Security: "tls", Config: imap(Faults{ImplicitTLS: true, Cert: ExpiredWrongHost}),
			Want: []string{"tls.cert-hostname-mismatch", "tls.cert-expired"}, WantStatus: "fail"},
		{Name: "smtp-busy", Title: "SMTP greets with 421 too many connections",
			Proto: "smtp", Security: "starttls", Config: smtp(with(starttlsPort, func(f *Faults) { f.BusyGreeting = true })),
			Want: []string{"server.busy"}, WantStatus: "fail"},
		{Name: "pop3-busy", Title: "POP3 greets with -ERR [SYS/TEMP] too many connections",
			Proto: "pop3", Security: "starttls", Config: pop3(with(starttlsPort, func(f *Faults) { f.BusyGreeting = true })),
			Want: []string{"server.busy"}, WantStatus: "fail"},
		{Name: "smtp-greeting-timeout", Title: "SMTP accepts the connection but greets too late",
			Proto: "smtp", Security: "starttls", Config: smtp(with(starttlsPort, func(f *Faults) { f.GreetingDelay = 2 * time.Second })),
			Timeout: shortTimeout, Want: []string{"server.greeting-timeout"}, WantStatus: "fail"},
		{Name: "smtp-closed", Title: "SMTP server closes the connection right after accepting it",
			Proto: "smtp", Security: "starttls", Config: smtp(with(starttlsPort, func(f *Faults) { f.CloseAfterConnect = true })),
			Want: []string{"tcp.reset"}, WantStatus: "fail"},
		{Name: "smtp-auth-failed", Title: "SMTPS rejects a wrong password (535 5.7.8)",
			Proto: "smtp", Security: "tls", Config: smtp(tlsPort), Password: WrongPassword,
			Want: []string{"auth.failed"}, WantStatus: "fail"},
		{Name: "smtp-qq-authcode", Title: "QQ Mail-style rejection: an authorization code (授权码) is required",
			Proto: "smtp", Security: "tls", Config: smtp(with(tlsPort, func(f *Faults) { f.AuthReject = qqAuthCode })),
			Want: []string{"auth.authorization-code-required"}, WantStatus: "fail"},
		{Name: "smtp-gmail-app-password", Title: "Gmail-style rejection: an app password is required (534-5.7.9, multi-line)",
			Proto: "smtp", Security: "tls", Config: smtp(with(tlsPort, func(f *Faults) { f.AuthReject = gmailAppPasswd })),
			Want: []string{"auth.app-password-required"}, WantStatus: "fail"},
		{Name: "smtp-auth-not-offered", Title: "SMTP server (an MX, not submission) offers neither STARTTLS nor AUTH",
			Proto: "smtp", Security: "plain", Config: smtp(Faults{NoSTARTTLS: true, NoAuth: true}),
			Want: []string{"smtp.auth-not-offered"}, WantStatus: "fail"},
		{Name: "smtp-plaintext-auth-offered", Title: "SMTP offers password login before TLS",
			Proto: "smtp", Security: "plain", Config: smtp(Faults{}),
			Want: []string{"auth.plaintext-offered"}, WantStatus: "warn"},
		{Name: "pop3-auth-failed", Title: "POP3S rejects a wrong password (-ERR [AUTH])",
			Proto: "pop3", Security: "tls", Config: pop3(tlsPort), Password: WrongPassword,
			Want: []string{"auth.failed"}, WantStatus: "fail"},
		{Name: "pop3-in-use", Title: "POP3S mailbox is locked by another session (-ERR [IN-USE])",
			Proto: "pop3", Security: "tls", Config: pop3(with(tlsPort, func(f *Faults) { f.InUse = true })),
			Want: []string{"pop3.in-use"}, WantStatus: "fail"},
		{Name: "pop3-tls-required", Title: "POP3 refuses USER before STLS (plaintext authentication disallowed)",
			Proto: "pop3", Security: "plain", Config: pop3(starttlsPort),
			Want: []string{"tls.required"}, WantStatus: "fail"},
		{Name: "smtp-starttls-injection", Title: "SMTP sends bytes after 220 Ready to start TLS, before the handshake",
			Proto: "smtp", Security: "starttls",
			Config: smtp(with(starttlsPort, func(f *Faults) { f.InjectAfterSTARTTLS = []byte("250 injected\r\n") })),
			Want:   []string{"tls.starttls-injection"}, WantStatus: "fail"},
		{Name: "imap-oauth-healthy", Title: "IMAPS with XOAUTH2/OAUTHBEARER; a valid OAuth2 token logs in",
			Proto: "imap", Security: "tls", Config: oauthServer("imap", false),
			Token: &ScenarioToken{User: DefaultUser, ExpiresIn: time.Hour}, WantStatus: "ok"},
		{Name: "imap-oauth-expired", Title: "IMAPS refuses an OAuth2 token that expired an hour ago",
			Proto: "imap", Security: "tls", Config: oauthServer("imap", false),
			Token: &ScenarioToken{User: DefaultUser, ExpiresIn: -time.Hour}, Want: []string{"auth.oauth-token-expired"}, WantStatus: "fail"},
		{Name: "smtp-oauth-only-password", Title: "SMTPS offers only XOAUTH2/OAUTHBEARER: the password is not sent",
			Proto: "smtp", Security: "tls", Config: oauthServer("smtp", true), User: DefaultUser, Password: DefaultPassword,
			Want: []string{"auth.basic-disabled"}, WantStatus: "fail"},
		{Name: "healthy-imaps", Title: "IMAP over implicit TLS (993 style); login and EXAMINE INBOX succeed",
			Proto: "imap", Security: "tls", Config: imap(tlsPort), WantStatus: "ok"},
		{Name: "healthy-imap-starttls", Title: "IMAP with STARTTLS (LOGINDISABLED before TLS); login after TLS succeeds",
			Proto: "imap", Security: "starttls", Config: imap(starttlsPort), WantStatus: "ok"},
		{Name: "imap-logindisabled", Title: "IMAP lists LOGINDISABLED on a plaintext connection",
			Proto: "imap", Security: "plain", Config: imap(starttlsPort),
			Want: []string{"tls.required"}, WantStatus: "fail"},
		{Name: "imap-plaintext-login-offered", Title: "IMAP allows LOGIN before TLS (no LOGINDISABLED)",
			Proto: "imap", Security: "plain", Config: imap(Faults{}),
			Want: []string{"auth.plaintext-offered"}, WantStatus: "warn"},
		{Name: "imap-id-required", Title: "NetEase-style IMAP: EXAMINE refused with \"Unsafe Login\" until the client sends ID",
			Proto: "imap", Security: "tls", Config: imap(with(tlsPort, func(f *Faults) { f.IMAPIDRequired = true })),
			Want: []string{"imap.id-required"}, WantStatus: "fail"},
		{Name: "imap-auth-failed", Title: "IMAPS rejects a wrong password (NO [AUTHENTICATIONFAILED])",
			Proto: "imap", Security: "tls", Config: imap(tlsPort), Password: WrongPassword,
			Want: []string{"auth.failed"}, WantStatus: "fail"},
		{Name: "imap-gmail-app-password", Title: "Gmail-style IMAP rejection: an app password is required (NO [ALERT])",
			Proto: "imap", Security: "tls", Config: imap(with(tlsPort, func(f *Faults) { f.AuthReject = gmailIMAPAppPasswd })),
			Want: []string{"auth.app-password-required"}, WantStatus: "fail"},
		{Name: "imap-busy", Title: "IMAP greets with * BYE too many connections",
			Proto: "imap", Security: "starttls", Config: imap(with(starttlsPort, func(f *Faults) { f.BusyGreeting = true })),
			Want: []string{"server.busy"}, WantStatus: "fail"},
		{Name: "imap-starttls-unavailable", Title: "IMAP server does not offer STARTTLS",
			Proto: "imap", Security: "starttls", Config: imap(with(starttlsPort, func(f *Faults) { f.NoSTARTTLS = true })),
			Want: []string{"tls.starttls-unavailable"}, WantStatus: "fail"},
		{Name: "imap-wrong-mode-plain-on-tls-port", Title: "Plaintext spoken to an implicit-TLS IMAP port; no greeting comes",
			Proto: "imap", Security: "starttls", Config: imap(tlsPort), Timeout: shortTimeout,
			Want: []string{"port.expects-tls"}, WantStatus: "fail"},
		{Name: "imap-wrong-mode-tls-on-starttls-port", Title: "Implicit TLS spoken to a plaintext-first IMAP port",
			Proto: "imap", Security: "tls", Config: imap(starttlsPort),
			Want: []string{"port.expects-starttls"}, WantStatus: "fail"},
		{Name: "tcp-refused", Title: "Nothing listens on the port (connection refused)",
			Proto: "smtp", Security: "starttls", Config: smtp(starttlsPort), Refused: true,
			Want: []string{"tcp.refused"}, WantStatus: "fail"},
	}

	noCreds := map[string]bool{"smtp-auth-not-offered": true, "smtp-plaintext-auth-offered": true, "imap-plaintext-login-offered": true}
	for i := range list {
		sc := &list[i]
		sc.TrustCA = true
		if !noCreds[sc.Name] {
			sc.User = DefaultUser
			if sc.Password == "" {
				sc.Password = DefaultPassword
			}
		}
		if sc.Want == nil {
			sc.Want = []string{}
		}
	}
	return list
}

// ScenarioByName returns the named scenario.
func ScenarioByName(name string) (Scenario, bool) {
	for _, sc := range Scenarios() {
		if sc.Name == name {
			return sc, true
		}
	}
	return Scenario{}, false
}

// StartScenario starts the scenario's server with t.Cleanup(Close). For a Refused scenario the
// server is closed before return, so its Addr refuses connections.
func StartScenario(t TB, sc Scenario, ca *CA) *Server {
	t.Helper()
	s := StartT(t, sc.Config, ca)
	if sc.Refused && s != nil {
		s.Close()
	}
	return s
}
