package testservers

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// findingCodes is the stable core from FINDINGS.md; scenarios may only promise these.
var findingCodes = strings.Fields(`dns.nxdomain dns.no-mx dns.failure tcp.refused tcp.timeout
tcp.port25-blocked tcp.reset port.expects-starttls port.expects-tls tls.required
tls.starttls-unavailable tls.cert-untrusted tls.cert-hostname-mismatch tls.cert-expired
tls.version-too-old tls.intercepted tls.starttls-injection server.greeting-timeout server.busy
smtp.auth-not-offered smtp.relay-denied smtp.sender-mismatch auth.failed
auth.app-password-required auth.authorization-code-required auth.basic-disabled
auth.web-login-required auth.service-disabled auth.rate-limited auth.plaintext-offered
pop3.in-use pop3.login-delay imap.id-required auth.oauth-token-expired auth.oauth-wrong-audience
auth.oauth-wrong-scope auth.oauth-wrong-user auth.oauth-app-permission auth.smtp-auth-disabled`)

func TestScenarioTable(t *testing.T) {
	list := Scenarios()
	seen := map[string]bool{}
	name := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, sc := range list {
		if seen[sc.Name] || !name.MatchString(sc.Name) {
			t.Errorf("scenario name %q is duplicated or not kebab-case", sc.Name)
		}
		seen[sc.Name] = true
		if sc.Title == "" || strings.Contains(sc.Title, "\n") {
			t.Errorf("%s: title %q must be one line", sc.Name, sc.Title)
		}
		if sc.Proto != sc.Config.Proto || !slices.Contains([]string{"smtp", "pop3", "imap"}, sc.Proto) {
			t.Errorf("%s: proto %q, config proto %q", sc.Name, sc.Proto, sc.Config.Proto)
		}
		if !slices.Contains([]string{"tls", "starttls", "plain", "auto"}, sc.Security) {
			t.Errorf("%s: security %q", sc.Name, sc.Security)
		}
		if sc.Want == nil {
			t.Errorf("%s: Want is nil, want an empty slice", sc.Name)
		}
		for _, code := range sc.Want {
			if !slices.Contains(findingCodes, code) {
				t.Errorf("%s: unknown finding code %q", sc.Name, code)
			}
		}
		if (sc.WantStatus == "ok") != (len(sc.Want) == 0) || !slices.Contains([]string{"ok", "warn", "fail"}, sc.WantStatus) {
			t.Errorf("%s: WantStatus %q with Want %v", sc.Name, sc.WantStatus, sc.Want)
		}
		if (sc.User == "") != (sc.Password == "") {
			t.Errorf("%s: user %q without password or the reverse", sc.Name, sc.User)
		}
		got, ok := ScenarioByName(sc.Name)
		if !ok || got.Name != sc.Name {
			t.Errorf("ScenarioByName(%q) = %v, %v", sc.Name, got.Name, ok)
		}
		if _, ok := scenarioChecks[sc.Name]; !ok {
			t.Errorf("%s: no wire check in scenarioChecks", sc.Name)
		}
	}
	if _, ok := ScenarioByName("no-such-scenario"); ok {
		t.Errorf("ScenarioByName found a scenario that does not exist")
	}
	again := Scenarios()
	again[0].Config.Faults.ImplicitTLS = !again[0].Config.Faults.ImplicitTLS
	again[0].Want = append(again[0].Want, "x")
	for i, sc := range Scenarios() {
		if sc.Name != list[i].Name {
			t.Fatalf("order is not stable at %d: %s vs %s", i, sc.Name, list[i].Name)
		}
	}
	if first := Scenarios()[0]; first.Config.Faults.ImplicitTLS != list[0].Config.Faults.ImplicitTLS || len(first.Want) != len(list[0].Want) {
		t.Errorf("changing a returned scenario changed the table")
	}
}

// TestScenarioWire checks each scenario's server really shows its fault on the wire, with raw
// bytes and Go's own TLS errors, independent of the prober.
func TestScenarioWire(t *testing.T) {
	ca := testCA(t)
	for _, sc := range Scenarios() {
		check := scenarioChecks[sc.Name]
		if check == nil {
			continue
		}
		t.Run(sc.Name, func(t *testing.T) {
			t.Parallel()
			s := StartScenario(t, sc, ca)
			check(t, sc, s, ca)
		})
	}
}

type scenarioCheck func(t *testing.T, sc Scenario, s *Server, ca *CA)

// ehlo greets and returns the EHLO reply joined by "|".
func ehlo(c *client) string {
	c.line()
	return c.cmd("EHLO client.test")
}

func smtpLogin(wantReply string) scenarioCheck {
	return func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dialTLS(t, s.Addr, ca)
		ehlo(c)
		want(t, "AUTH", c.cmd("AUTH PLAIN "+b64("\x00"+sc.User+"\x00"+sc.Password)), wantReply)
	}
}

func pop3Login(wantReply string) scenarioCheck {
	return func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dialTLS(t, s.Addr, ca)
		c.line()
		want(t, "USER", c.cmd("USER "+sc.User), "+OK")
		want(t, "PASS", c.cmd("PASS "+sc.Password), wantReply)
	}
}

// imapLoginCheck dials implicit TLS, checks the greeting offers AUTH=PLAIN and logs in with LOGIN.
func imapLoginCheck(wantReply string) scenarioCheck {
	return func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dialTLS(t, s.Addr, ca)
		contains(t, "greeting", c.line(), "AUTH=PLAIN", true)
		want(t, "LOGIN", c.icmd(fmt.Sprintf("a1 LOGIN %q %q", sc.User, sc.Password)), wantReply)
	}
}

func tlsError(substr string) scenarioCheck {
	return func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		// The timeout covers connect and handshake; it only bounds a hang.
		conn, err := tls.DialWithDialer(&net.Dialer{Timeout: 30 * time.Second}, "tcp", s.Addr,
			&tls.Config{RootCAs: ca.RootCAs(), ServerName: s.Host})
		if err == nil {
			conn.Close()
		}
		if err == nil || !strings.Contains(err.Error(), substr) {
			t.Errorf("TLS dial error = %v, want it to contain %q", err, substr)
		}
	}
}

// peerCert hands the certificate the server presents (not verified) to check.
func peerCert(check func(t *testing.T, c *x509.Certificate)) scenarioCheck {
	return func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		conn, err := tls.DialWithDialer(&net.Dialer{Timeout: 30 * time.Second}, "tcp", s.Addr,
			&tls.Config{InsecureSkipVerify: true})
		if err != nil {
			t.Fatalf("TLS dial: %v", err)
		}
		defer conn.Close()
		check(t, conn.ConnectionState().PeerCertificates[0])
	}
}

// silent checks no byte arrives within the scenario's timeout.
func silent(t *testing.T, sc Scenario, s *Server, ca *CA) {
	c := dial(t, s.Addr)
	c.c.SetReadDeadline(time.Now().Add(sc.Timeout))
	n, err := c.c.Read(make([]byte, 1))
	var ne net.Error
	if n != 0 || !errors.As(err, &ne) || !ne.Timeout() {
		t.Errorf("read = %d bytes, %v; want a timeout with no bytes", n, err)
	}
}

func contains(t *testing.T, what, got, sub string, wantIt bool) {
	t.Helper()
	if strings.Contains(got, sub) != wantIt {
		t.Errorf("%s = %q; contains %q: %v, want %v", what, got, sub, !wantIt, wantIt)
	}
}

var scenarioChecks = map[string]scenarioCheck{
	"imap-oauth-healthy": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dialTLS(t, s.Addr, ca)
		c.line()
		ir := b64("user=" + sc.Token.User + "\x01auth=Bearer " + sc.MintToken(time.Now()) + "\x01\x01")
		want(t, "AUTHENTICATE", c.icmd("a1 AUTHENTICATE XOAUTH2 "+ir), "a1"+imapLoggedIn)
	},
	"imap-oauth-expired": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dialTLS(t, s.Addr, ca)
		c.line()
		ir := b64("user=" + sc.Token.User + "\x01auth=Bearer " + sc.MintToken(time.Now()) + "\x01\x01")
		contains(t, "AUTHENTICATE", c.icmd("a1 AUTHENTICATE XOAUTH2 "+ir), "+ eyJ", true)
		want(t, "answer", c.icmd(""), "a1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)")
	},
	"smtp-oauth-only-password": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dialTLS(t, s.Addr, ca)
		c.line()
		e := c.cmd("EHLO client.test")
		contains(t, "EHLO", e, "250-AUTH XOAUTH2 OAUTHBEARER", true)
		contains(t, "EHLO", e, "PLAIN", false)
	},
	"healthy-smtp-starttls": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dial(t, s.Addr)
		e := ehlo(c)
		contains(t, "EHLO before TLS", e, "STARTTLS", true)
		contains(t, "EHLO before TLS", e, "AUTH", false)
		want(t, "STARTTLS", c.cmd("STARTTLS"), "220 2.0.0 Ready to start TLS")
		c.upgrade(ca)
		contains(t, "EHLO after TLS", c.cmd("EHLO client.test"), "250-AUTH PLAIN LOGIN", true)
		want(t, "AUTH", c.cmd("AUTH PLAIN "+b64("\x00"+sc.User+"\x00"+sc.Password)), "235 2.7.0 Authentication successful")
		want(t, "QUIT", c.cmd("QUIT"), "221 2.0.0 Bye")
	},
	"healthy-smtps": smtpLogin("235 2.7.0 Authentication successful"),
	"healthy-pop3s": pop3Login("+OK Logged in."),
	"healthy-pop3-stls": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dial(t, s.Addr)
		c.line()
		c.send("CAPA")
		c.line()
		capa := strings.Join(c.multi(), "|")
		contains(t, "CAPA before TLS", capa, "STLS", true)
		contains(t, "CAPA before TLS", capa, "USER", false)
		want(t, "STLS", c.cmd("STLS"), "+OK Begin TLS negotiation now.")
		c.upgrade(ca)
		want(t, "USER", c.cmd("USER "+sc.User), "+OK")
		want(t, "PASS", c.cmd("PASS "+sc.Password), "+OK Logged in.")
	},
	"smtp-tls-required": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dial(t, s.Addr)
		contains(t, "EHLO", ehlo(c), "AUTH", false)
		want(t, "AUTH", c.cmd("AUTH PLAIN"), "530 5.7.0 Must issue a STARTTLS command first")
	},
	"smtp-wrong-mode-tls-on-starttls-port": tlsError("first record does not look like a TLS handshake"),
	"smtp-wrong-mode-plain-on-tls-port":    silent,
	"pop3-wrong-mode-plain-on-tls-port":    silent,
	"smtp-starttls-unavailable": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dial(t, s.Addr)
		e := ehlo(c)
		contains(t, "EHLO", e, "STARTTLS", false)
		contains(t, "EHLO", e, "AUTH", false)
		want(t, "STARTTLS", c.cmd("STARTTLS"), "502 5.5.1 Unrecognized command")
	},
	"smtp-starttls-fails": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dial(t, s.Addr)
		contains(t, "EHLO", ehlo(c), "250-STARTTLS", true)
		want(t, "STARTTLS", c.cmd("STARTTLS"), "454 4.7.0 TLS not available due to local problem")
	},
	"smtp-cert-self-signed": tlsError("certificate signed by unknown authority"),
	"smtp-cert-expired":     tlsError("certificate has expired or is not yet valid"),
	"smtp-cert-wrong-host":  tlsError("cannot validate certificate for 127.0.0.1 because it doesn't contain any IP SANs"),
	"smtp-cert-snakeoil": peerCert(func(t *testing.T, c *x509.Certificate) {
		if !bytes.Equal(c.RawIssuer, c.RawSubject) || c.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature) != nil {
			t.Errorf("certificate of %s is not self-signed", c.Subject)
		}
		if len(c.DNSNames) > 0 || len(c.IPAddresses) > 0 || c.Subject.CommonName != "mx1.snakeoil.example" {
			t.Errorf("names %v %v, CN %q; want no SANs and CN mx1.snakeoil.example", c.DNSNames, c.IPAddresses, c.Subject.CommonName)
		}
	}),
	"imap-cert-expired-wrong-host": peerCert(func(t *testing.T, c *x509.Certificate) {
		if !c.NotAfter.Equal(expiredNotAfter) || !slices.Equal(c.DNSNames, []string{"wrong.example"}) {
			t.Errorf("NotAfter %v, names %v; want %v, [wrong.example]", c.NotAfter, c.DNSNames, expiredNotAfter)
		}
	}),
	"smtp-busy": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dial(t, s.Addr)
		want(t, "greeting", c.line(), "421 4.7.0 Too many connections, try again later")
		c.expectEOF()
	},
	"pop3-busy": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dial(t, s.Addr)
		want(t, "greeting", c.line(), "-ERR [SYS/TEMP] Too many connections")
		c.expectEOF()
	},
	"smtp-greeting-timeout": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		silent(t, sc, s, ca)
		// The prober's fallback, implicit TLS, must not succeed either.
		conn, err := tls.DialWithDialer(&net.Dialer{Deadline: time.Now().Add(sc.Timeout)}, "tcp", s.Addr, tlsConfig(ca))
		if err == nil {
			conn.Close()
			t.Errorf("implicit TLS succeeded")
		}
	},
	"smtp-closed": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		dial(t, s.Addr).expectEOF()
	},
	"smtp-auth-failed":        smtpLogin("535 5.7.8 Error: authentication failed"),
	"smtp-qq-authcode":        smtpLogin(qqAuthCode),
	"smtp-gmail-app-password": smtpLogin(strings.ReplaceAll(gmailAppPasswd, "\r\n", "|")),
	"smtp-auth-not-offered": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		e := ehlo(dial(t, s.Addr))
		contains(t, "EHLO", e, "AUTH", false)
		contains(t, "EHLO", e, "STARTTLS", false)
	},
	"smtp-plaintext-auth-offered": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		e := ehlo(dial(t, s.Addr))
		contains(t, "EHLO", e, "250-AUTH PLAIN LOGIN", true)
		contains(t, "EHLO", e, "250-STARTTLS", true)
	},
	"pop3-auth-failed": pop3Login("-ERR [AUTH] Authentication failed."),
	"pop3-in-use":      pop3Login("-ERR [IN-USE] Mailbox is locked by another POP3 session"),
	"pop3-tls-required": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dial(t, s.Addr)
		c.line()
		want(t, "USER", c.cmd("USER "+sc.User), pop3Plaintext)
	},
	"smtp-starttls-injection": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dial(t, s.Addr)
		ehlo(c)
		want(t, "STARTTLS", c.cmd("STARTTLS"), "220 2.0.0 Ready to start TLS")
		want(t, "injected", c.line(), "250 injected")
	},
	"healthy-imaps": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dialTLS(t, s.Addr, ca)
		want(t, "greeting", c.line(), imapGreeting(capsTLS))
		want(t, "AUTHENTICATE", c.icmd("a1 AUTHENTICATE PLAIN "+b64("\x00"+sc.User+"\x00"+sc.Password)), "a1"+imapLoggedIn)
		want(t, "EXAMINE", c.icmd("a2 EXAMINE INBOX"), selectReply("a2", 2, true))
		want(t, "LOGOUT", c.icmd("a3 LOGOUT"), "* BYE Logging out|a3 OK Logout completed.")
	},
	"healthy-imap-starttls": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dial(t, s.Addr)
		want(t, "greeting", c.line(), imapGreeting(capsDisabled))
		want(t, "STARTTLS", c.icmd("a1 STARTTLS"), "a1 OK Begin TLS negotiation now.")
		c.upgrade(ca)
		want(t, "CAPABILITY", c.icmd("a2 CAPABILITY"), "* CAPABILITY "+capsTLS+"|a2 OK Capability completed.")
		want(t, "LOGIN", c.icmd(fmt.Sprintf("a3 LOGIN %q %q", sc.User, sc.Password)), "a3"+imapLoggedIn)
		want(t, "EXAMINE", c.icmd("a4 EXAMINE INBOX"), selectReply("a4", 2, true))
	},
	"imap-logindisabled": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dial(t, s.Addr)
		contains(t, "greeting", c.line(), " LOGINDISABLED ", true)
		want(t, "LOGIN", c.icmd(fmt.Sprintf("a1 LOGIN %q %q", sc.User, sc.Password)), "a1 "+imapPrivacyRequired)
	},
	"imap-plaintext-login-offered": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dial(t, s.Addr)
		want(t, "greeting", c.line(), imapGreeting(capsPlain))
		want(t, "LOGIN", c.icmd("a1 "+imapLogin), "a1"+imapLoggedIn)
	},
	"imap-id-required": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dialTLS(t, s.Addr, ca)
		c.line()
		want(t, "LOGIN", c.icmd(fmt.Sprintf("a1 LOGIN %q %q", sc.User, sc.Password)), "a1"+imapLoggedIn)
		want(t, "EXAMINE", c.icmd("a2 EXAMINE INBOX"), "a2 NO SELECT Unsafe Login. Please contact kefu@188.com for help")
		want(t, "ID", c.icmd(`a3 ID ("name" "client" "version" "1")`), `* ID ("name" "mailcheck-testserver")|a3 OK ID completed.`)
		want(t, "EXAMINE after ID", c.icmd("a4 EXAMINE INBOX"), selectReply("a4", 2, true))
	},
	"imap-auth-failed":        imapLoginCheck("a1 NO [AUTHENTICATIONFAILED] Authentication failed."),
	"imap-gmail-app-password": imapLoginCheck("a1 " + gmailIMAPAppPasswd),
	"imap-busy": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dial(t, s.Addr)
		want(t, "greeting", c.line(), "* BYE Too many connections")
		c.expectEOF()
	},
	"imap-starttls-unavailable": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		c := dial(t, s.Addr)
		contains(t, "greeting", c.line(), "STARTTLS", false)
		want(t, "STARTTLS", c.icmd("a1 STARTTLS"), "a1 BAD Unknown command.")
	},
	"imap-wrong-mode-plain-on-tls-port":    silent,
	"imap-wrong-mode-tls-on-starttls-port": tlsError("first record does not look like a TLS handshake"),
	"tcp-refused": func(t *testing.T, sc Scenario, s *Server, ca *CA) {
		_, err := net.DialTimeout("tcp", s.Addr, time.Second)
		if !errors.Is(err, syscall.ECONNREFUSED) {
			t.Errorf("dial error = %v, want ECONNREFUSED", err)
		}
	},
}
