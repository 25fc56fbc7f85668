package integration

import (
	"encoding/json"
	"net"
	"strconv"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/cmd"
	"github.com/mailcheck/mailcheck/testservers"
)

// A note on order: Dovecot delays every login from an IP that recently failed one (its auth
// penalty: 2s, 4s, 8s, up to 15s, forgotten after ~30s). The wrong-password tests therefore run
// last, and only against the strict configuration, which has its own Dovecot instance.

// TestGoodLogin logs in on every port of the good configuration, in the mode the port expects,
// and looks at the mailbox: the walk a correctly configured mail client makes.
func TestGoodLogin(t *testing.T) {
	s := load(t)
	tests := []struct {
		name, proto string
		port        int
		security    string
		steps       []string
	}{
		{"smtp 587 starttls", "smtp", s.Submission, "starttls", []string{"greeting", "ehlo", "starttls", "ehlo-tls", "auth"}},
		{"smtp 465 tls", "smtp", s.Submissions, "tls", []string{"tls", "greeting", "ehlo", "auth"}},
		{"smtp 25 starttls", "smtp", s.SMTP, "starttls", []string{"greeting", "ehlo", "starttls", "ehlo-tls", "auth"}},
		{"pop3 110 starttls", "pop3", s.POP3, "starttls", []string{"greeting", "capa", "stls", "capa-tls", "auth", "stat", "list", "uidl"}},
		{"pop3 995 tls", "pop3", s.POP3S, "tls", []string{"tls", "greeting", "capa", "auth", "stat", "list", "uidl"}},
		{"imap 143 starttls", "imap", s.IMAP, "starttls", []string{"greeting", "starttls", "capability-tls", "auth", "examine"}},
		{"imap 993 tls", "imap", s.IMAPS, "tls", []string{"tls", "greeting", "auth", "examine"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, r, _ := s.probe(t, tt.proto, s.Good, tt.port, s.Password,
				"--security", tt.security, "--ca-file", s.CAFile, "--timeout", "10s")
			defer func() {
				if t.Failed() {
					t.Logf("report:\n%s", r.summary())
				}
			}()
			if code != cmd.ExitOK || r.Status != "ok" {
				t.Errorf("exit %d, status %s; want 0, ok (findings %v)", code, r.Status, r.codes())
			}
			if c := r.codes(); len(c) > 0 {
				t.Errorf("findings %v, want none", c)
			}
			wantSteps(t, r, tt.steps...)
			if a := r.step("auth"); a == nil || !strings.Contains(a.Detail, "logged in as "+s.User) {
				t.Errorf("auth step does not say it logged in as %s", s.User)
			}
			if r.TLS == nil || !r.TLS.Verified {
				t.Errorf("TLS not verified with --ca-file: %+v", r.TLS)
			}
			switch tt.proto {
			case "pop3", "imap": // STAT and EXAMINE see the messages the script wrote
				if r.Mailbox == nil || r.Mailbox.Messages != s.Messages {
					t.Errorf("mailbox = %+v, want %d messages", r.Mailbox, s.Messages)
				}
			}
			// A transcript line is one protocol line.
			t.Run("transcript lines", func(t *testing.T) {
				for _, st := range r.Steps {
					for _, l := range st.Transcript {
						if !strings.ContainsAny(l.Text, "\r\n") {
							continue
						}
						t.Errorf("step %s: transcript line with CR/LF: %q", st.Name, l.Text)
					}
				}
			})
		})
	}
}

// TestStrictWithTLS: the strict configuration works for a client that encrypts first.
func TestStrictWithTLS(t *testing.T) {
	s := load(t)
	tests := []struct {
		name, proto string
		port        int
		security    string
	}{
		{"smtp 587 starttls", "smtp", s.Submission, "starttls"},
		{"pop3 110 starttls", "pop3", s.POP3, "starttls"},
		{"imap 993 tls", "imap", s.IMAPS, "tls"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, r, _ := s.probe(t, tt.proto, s.Strict, tt.port, s.Password,
				"--security", tt.security, "--ca-file", s.CAFile, "--timeout", "10s")
			if code != cmd.ExitOK || r.Status != "ok" || len(r.codes()) > 0 {
				t.Errorf("exit %d, status %s, findings %v; want 0, ok, none\n%s", code, r.Status, r.codes(), r.summary())
			}
			if tt.proto != "smtp" && (r.Mailbox == nil || r.Mailbox.Messages != s.Messages) {
				t.Errorf("mailbox = %+v, want %d messages", r.Mailbox, s.Messages)
			}
		})
	}
}

// TestStrictRequiresTLS: a client set to "no encryption" with a user name, against the strict
// configuration. Postfix (smtpd_tls_security_level=encrypt) answers AUTH with "530 5.7.0 Must
// issue a STARTTLS command first"; Dovecot (ssl=required, disable_plaintext_auth=yes) answers
// POP3 USER with "-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS)
// connections." and lists LOGINDISABLED in IMAP. Each must be tls.required with the fix "turn
// encryption on", and mailcheck must not have sent the password.
func TestStrictRequiresTLS(t *testing.T) {
	s := load(t)
	tests := []struct {
		name, proto string
		port        int
		evidence    string
		// The fix names this protocol's encrypted ports, and no other protocol's.
		ports, notPorts []string
	}{
		{"smtp 587", "smtp", s.Submission, "530 5.7.0 Must issue a STARTTLS command first", []string{"465", "587", "STARTTLS"}, []string{"993", "995"}},
		{"smtp 25", "smtp", s.SMTP, "530 5.7.0 Must issue a STARTTLS command first", []string{"465", "587", "STARTTLS"}, []string{"993", "995"}},
		{"pop3 110", "pop3", s.POP3, "Plaintext authentication disallowed", []string{"995", "STARTTLS"}, []string{"465", "587", "993"}},
		{"imap 143", "imap", s.IMAP, "LOGINDISABLED", []string{"993", "STARTTLS"}, []string{"465", "587", "995"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, r, _ := s.probe(t, tt.proto, s.Strict, tt.port, s.Password,
				"--security", "plain", "--ca-file", s.CAFile, "--timeout", "10s")
			defer func() {
				if t.Failed() {
					t.Logf("report:\n%s", r.summary())
				}
			}()
			if code != cmd.ExitFindings || r.Status != "fail" {
				t.Errorf("exit %d, status %s; want 1, fail", code, r.Status)
			}
			f, step := r.finding("tls.required")
			if f == nil {
				t.Fatalf("no tls.required; findings %v", r.codes())
			}
			if step != "auth" || f.Severity != "error" {
				t.Errorf("tls.required in step %q with severity %s, want auth, error", step, f.Severity)
			}
			if !strings.Contains(f.Evidence, tt.evidence) {
				t.Errorf("evidence %q, want the server's %q", f.Evidence, tt.evidence)
			}
			// The fix: turn encryption on, naming this protocol's ports that have it.
			for _, w := range tt.ports {
				if !strings.Contains(f.Fix, w) {
					t.Errorf("fix %q does not mention %s", f.Fix, w)
				}
			}
			for _, w := range tt.notPorts {
				if strings.Contains(f.Fix, w) {
					t.Errorf("fix %q names %s, another protocol's port", f.Fix, w)
				}
			}
			for _, l := range r.clientLines() {
				if strings.HasPrefix(l, "PASS") || strings.HasPrefix(l, "AUTH PLAIN") || strings.Contains(l, " LOGIN \"") || strings.Contains(l, "AUTHENTICATE") {
					t.Errorf("a credential was sent over plaintext: %q", l)
				}
			}
		})
	}
}

// TestGoodPlaintext is the same "no encryption" client against the good configuration, which
// offers SMTP AUTH only after STARTTLS (smtpd_tls_auth_only=yes: AUTH LOGIN draws "503 5.5.1
// Error: authentication not enabled") but takes POP3/IMAP logins in plaintext.
func TestGoodPlaintext(t *testing.T) {
	s := load(t)
	tests := []struct {
		name, proto string
		port        int
		code        string
		exit        int
		evidence    string
	}{
		{"smtp 587", "smtp", s.Submission, "smtp.auth-not-offered", cmd.ExitFindings, "503 5.5.1 Error: authentication not enabled"},
		{"pop3 110", "pop3", s.POP3, "auth.plaintext-offered", cmd.ExitOK, "USER accepted before TLS"},
		{"imap 143", "imap", s.IMAP, "auth.plaintext-offered", cmd.ExitOK, "no LOGINDISABLED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, r, _ := s.probe(t, tt.proto, s.Good, tt.port, s.Password,
				"--security", "plain", "--ca-file", s.CAFile, "--timeout", "10s")
			defer func() {
				if t.Failed() {
					t.Logf("report:\n%s", r.summary())
				}
			}()
			if code != tt.exit {
				t.Errorf("exit %d, want %d", code, tt.exit)
			}
			f, step := r.finding(tt.code)
			if f == nil {
				t.Fatalf("no %s; findings %v", tt.code, r.codes())
			}
			if step != "auth" || !strings.Contains(f.Evidence, tt.evidence) {
				t.Errorf("%s in step %q with evidence %q, want auth and %q", tt.code, step, f.Evidence, tt.evidence)
			}
			if !strings.Contains(f.Fix, "STARTTLS") {
				t.Errorf("fix %q does not say to use STARTTLS", f.Fix)
			}
			for _, l := range r.clientLines() {
				if strings.HasPrefix(l, "PASS") || strings.HasPrefix(l, "AUTH PLAIN") || strings.Contains(l, "AUTHENTICATE") {
					t.Errorf("a credential was sent over plaintext: %q", l)
				}
			}
		})
	}
}

// TestAllowPlaintextAuth: the same "no encryption" client with --allow-plaintext-auth, i.e.
// willing to send the password in the clear. The strict servers still refuse before any
// password travels, so the diagnosis must not change: tls.required, and no claim that a
// password was sent or that the server offered plaintext login. The good servers let POP3 and
// IMAP log in (with the warning); SMTP there offers no AUTH before STARTTLS.
func TestAllowPlaintextAuth(t *testing.T) {
	s := load(t)
	tests := []struct {
		name, host, proto string
		port              int
		code              string // the finding that must be there
		exit              int
		login             bool // logged in, mailbox counted
	}{
		{"strict smtp 587", s.Strict, "smtp", s.Submission, "tls.required", cmd.ExitFindings, false},
		{"strict pop3 110", s.Strict, "pop3", s.POP3, "tls.required", cmd.ExitFindings, false},
		{"strict imap 143", s.Strict, "imap", s.IMAP, "tls.required", cmd.ExitFindings, false},
		{"good pop3 110", s.Good, "pop3", s.POP3, "auth.plaintext-offered", cmd.ExitOK, true},
		{"good imap 143", s.Good, "imap", s.IMAP, "auth.plaintext-offered", cmd.ExitOK, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, r, _ := s.probe(t, tt.proto, tt.host, tt.port, s.Password,
				"--security", "plain", "--allow-plaintext-auth", "--ca-file", s.CAFile, "--timeout", "10s")
			defer func() {
				if t.Failed() {
					t.Logf("report:\n%s", r.summary())
				}
			}()
			if code != tt.exit {
				t.Errorf("exit %d, want %d", code, tt.exit)
			}
			if f, step := r.finding(tt.code); f == nil || step != "auth" {
				t.Fatalf("no %s in the auth step; findings %v", tt.code, r.codes())
			}
			if tt.login {
				if r.Mailbox == nil || r.Mailbox.Messages != s.Messages {
					t.Errorf("mailbox = %+v, want %d messages", r.Mailbox, s.Messages)
				}
				return
			}
			if f, _ := r.finding("auth.plaintext-offered"); f != nil {
				t.Errorf("auth.plaintext-offered (%q) on a server that refuses plaintext login", f.Evidence)
			}
			for _, l := range r.clientLines() {
				if strings.HasPrefix(l, "PASS") || strings.HasPrefix(l, "AUTH PLAIN") || strings.Contains(l, "AUTHENTICATE") {
					t.Errorf("a credential was sent to a server that refuses plaintext login: %q", l)
				}
			}
		})
	}
}

// TestWrongProtocol: a client pointed at another protocol's port (IMAP at the SMTP submission
// port, …) gets the other server's greeting; that is port.wrong-protocol, whose fix names the ports.
func TestWrongProtocol(t *testing.T) {
	s := load(t)
	tests := []struct {
		proto    string
		port     int
		greeting string
	}{
		{"imap", s.Submission, "220 "},
		{"pop3", s.IMAP, "* OK"},
		{"smtp", s.POP3, "+OK"},
	}
	for _, tt := range tests {
		t.Run(tt.proto, func(t *testing.T) {
			t.Parallel()
			code, r, _ := s.probe(t, tt.proto, s.Good, tt.port, "", "--ca-file", s.CAFile, "--timeout", "3s")
			if code != cmd.ExitFindings {
				t.Errorf("exit %d, want 1", code)
			}
			// Since #14 a greeting of another mail protocol is named as such: port.wrong-protocol.
			f, step := r.finding("port.wrong-protocol")
			if f == nil || step != "greeting" || !strings.Contains(f.Evidence, tt.greeting) {
				t.Fatalf("want port.wrong-protocol at the greeting with the other server's %q; got %v\n%s", tt.greeting, r.codes(), r.summary())
			}
			if !strings.Contains(f.Fix, "993") || !strings.Contains(f.Fix, "587") {
				t.Errorf("fix %q does not name the protocols' ports", f.Fix)
			}
		})
	}
}

// TestWrongMode: SSL/TLS configured on a STARTTLS port, and STARTTLS on an SSL port. The first
// reads the server's plaintext greeting as a TLS record; the second waits for a greeting that
// never comes (--timeout 2s). Both must name the right mode and show it working.
func TestWrongMode(t *testing.T) {
	s := load(t)
	tests := []struct {
		name, proto string
		port        int
		security    string
		code        string // finding
		step        string // where it is reported
		works       string // the mode shown under works_with
	}{
		{"smtp 465 starttls", "smtp", s.Submissions, "starttls", "port.expects-tls", "greeting", "tls"},
		{"pop3 995 starttls", "pop3", s.POP3S, "starttls", "port.expects-tls", "greeting", "tls"},
		{"imap 993 starttls", "imap", s.IMAPS, "starttls", "port.expects-tls", "greeting", "tls"},
		{"smtp 587 tls", "smtp", s.Submission, "tls", "port.expects-starttls", "tls", "starttls"},
		{"pop3 110 tls", "pop3", s.POP3, "tls", "port.expects-starttls", "tls", "starttls"},
		{"imap 143 tls", "imap", s.IMAP, "tls", "port.expects-starttls", "tls", "starttls"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, r, _ := s.probe(t, tt.proto, s.Good, tt.port, "",
				"--security", tt.security, "--ca-file", s.CAFile, "--timeout", "2s")
			defer func() {
				if t.Failed() {
					t.Logf("report:\n%s", r.summary())
				}
			}()
			if code != cmd.ExitFindings || r.Status != "fail" {
				t.Errorf("exit %d, status %s; want 1, fail", code, r.Status)
			}
			f, step := r.finding(tt.code)
			if f == nil {
				t.Fatalf("no %s; findings %v", tt.code, r.codes())
			}
			if step != tt.step || f.Severity != "error" {
				t.Errorf("%s in step %q (%s), want %q (error)", tt.code, step, f.Severity, tt.step)
			}
			if c := r.codes(); len(c) != 1 {
				t.Errorf("findings %v, want only %s", c, tt.code)
			}
			w := r.WorksWith
			if w == nil {
				t.Fatalf("no works_with: the %s mode was not tried", tt.works)
			}
			if w.Endpoint.Security != tt.works || w.Status != "ok" || w.Endpoint.Port != tt.port {
				t.Errorf("works_with = %s:%d %s %s, want port %d %s ok", w.Endpoint.Host, w.Endpoint.Port, w.Endpoint.Security, w.Status, tt.port, tt.works)
			}
			if w.TLS == nil || !w.TLS.Verified {
				t.Errorf("works_with TLS not verified: %+v", w.TLS)
			}
			// The evidence tells what the other mode did on this port.
			t.Run("evidence", func(t *testing.T) {
				if tt.code != "port.expects-starttls" || !strings.Contains(f.Evidence, "not reached") {
					return
				}
				t.Errorf("evidence %q: the STARTTLS walk under works_with did reach STARTTLS", f.Evidence)
			})
		})
	}
}

// TestCertUntrusted: without --ca-file the test CA is unknown, whichever way TLS starts; the
// walk stops at the handshake and no password is sent.
func TestCertUntrusted(t *testing.T) {
	s := load(t)
	tests := []struct {
		name, proto string
		port        int
		security    string
		step        string
	}{
		{"smtp 465 tls", "smtp", s.Submissions, "tls", "tls"},
		{"smtp 587 starttls", "smtp", s.Submission, "starttls", "starttls"},
		{"pop3 110 starttls", "pop3", s.POP3, "starttls", "stls"},
		{"imap 993 tls", "imap", s.IMAPS, "tls", "tls"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, r, _ := s.probe(t, tt.proto, s.Good, tt.port, s.Password, "--security", tt.security, "--timeout", "10s")
			defer func() {
				if t.Failed() {
					t.Logf("report:\n%s", r.summary())
				}
			}()
			if code != cmd.ExitFindings || r.Status != "fail" {
				t.Errorf("exit %d, status %s; want 1, fail", code, r.Status)
			}
			f, step := r.finding("tls.cert-untrusted")
			if f == nil {
				t.Fatalf("no tls.cert-untrusted; findings %v", r.codes())
			}
			if step != tt.step || f.Severity != "error" {
				t.Errorf("tls.cert-untrusted in step %q (%s), want %q (error)", step, f.Severity, tt.step)
			}
			if r.TLS == nil || r.TLS.Verified || r.TLS.VerifyError == "" {
				t.Errorf("tls = %+v, want recorded and unverified", r.TLS)
			}
			if a := r.step("auth"); a != nil {
				t.Errorf("auth step ran after an untrusted certificate: %+v", a)
			}
		})
	}
}

// TestAccountSRV: `account alice@mail.test` with RFC 6186/8314 SRV records served by an
// in-process DNS server, pointing at the good configuration's six ports under the name
// mail.test (which the certificate covers). Every endpoint is found, logged into with the
// address as user name, and the mailboxes counted.
func TestAccountSRV(t *testing.T) {
	s := load(t)
	host := s.Domain
	dns := s.accountDNS(t)
	if !strings.HasSuffix(s.User, "@"+s.Domain) {
		t.Fatalf("user %q is not an address at %s", s.User, s.Domain)
	}
	code, out, errs := run(t, s.Password, "account", s.User, "--resolver", dns.Addr, "--ca-file", s.CAFile,
		"--password-env", pwVar, "--format", "json", "--timeout", "10s")
	r := parse(t, out, errs)
	defer func() {
		if t.Failed() {
			for _, d := range r.Discovery {
				t.Logf("discovery %s: %s %s", d.Name, d.Status, d.Detail)
			}
			for i := range r.Results {
				t.Logf("%s", r.Results[i].summary())
			}
			t.Logf("stderr: %s", errs)
		}
	}()
	if code != cmd.ExitOK || r.Status != "ok" {
		t.Errorf("exit %d, status %s; want 0, ok", code, r.Status)
	}
	if strings.Contains(out+errs, s.Password) {
		t.Error("the password appears in the output")
	}
	var srvStep *Step
	for i := range r.Discovery {
		if r.Discovery[i].Name == "srv" {
			srvStep = &r.Discovery[i]
		}
	}
	if srvStep == nil || srvStep.Status != "ok" {
		t.Errorf("srv discovery step = %+v, want ok", srvStep)
	}
	want := map[string]struct {
		proto, security string
		port            int
	}{
		"srv:_imaps._tcp":       {"imap", "tls", s.IMAPS},
		"srv:_imap._tcp":        {"imap", "starttls", s.IMAP},
		"srv:_pop3s._tcp":       {"pop3", "tls", s.POP3S},
		"srv:_pop3._tcp":        {"pop3", "starttls", s.POP3},
		"srv:_submissions._tcp": {"smtp", "tls", s.Submissions},
		"srv:_submission._tcp":  {"smtp", "starttls", s.Submission},
	}
	seen := map[string]bool{}
	for i := range r.Results {
		res := &r.Results[i]
		ep := res.Endpoint
		w, ok := want[ep.Source]
		if !ok {
			t.Errorf("unexpected endpoint %s %s:%d from %q", ep.Proto, ep.Host, ep.Port, ep.Source)
			continue
		}
		seen[ep.Source] = true
		if ep.Proto != w.proto || ep.Security != w.security || ep.Port != w.port || ep.Host != host {
			t.Errorf("%s: endpoint %s %s:%d %s, want %s %s:%d %s", ep.Source, ep.Proto, ep.Host, ep.Port, ep.Security, w.proto, host, w.port, w.security)
		}
		if res.Status != "ok" || len(res.codes()) > 0 {
			t.Errorf("%s: status %s, findings %v; want ok, none", ep.Source, res.Status, res.codes())
		}
		if a := res.step("auth"); a == nil || !strings.Contains(a.Detail, "logged in as "+s.User) {
			t.Errorf("%s: not logged in as %s", ep.Source, s.User)
		}
		if res.TLS == nil || !res.TLS.Verified {
			t.Errorf("%s: TLS for %s not verified", ep.Source, host)
		}
		if ep.Proto != "smtp" && (res.Mailbox == nil || res.Mailbox.Messages != s.Messages) {
			t.Errorf("%s: mailbox %+v, want %d messages", ep.Source, res.Mailbox, s.Messages)
		}
	}
	if len(seen) != len(want) {
		t.Errorf("found %d of the %d SRV endpoints", len(seen), len(want))
	}
	if dns.Queries() == 0 {
		t.Error("the in-process DNS server was never asked")
	}
}

// accountDNS is an in-process DNS server (the only resolver these tests use) with the A, MX
// and RFC 6186 SRV records of the good configuration.
func (s *servers) accountDNS(t *testing.T) *testservers.DNSServer {
	t.Helper()
	host := s.Domain
	srv := func(port int) []testservers.SRV {
		return []testservers.SRV{{Target: host, Port: uint16(port), Priority: 0, Weight: 1}}
	}
	return testservers.StartDNST(t, testservers.Zone{
		A:  map[string][]string{host: {s.Good}},
		MX: map[string][]testservers.MX{s.Domain: {{Host: host, Pref: 10}}},
		SRV: map[string][]testservers.SRV{
			"_imaps._tcp." + s.Domain:       srv(s.IMAPS),
			"_imap._tcp." + s.Domain:        srv(s.IMAP),
			"_pop3s._tcp." + s.Domain:       srv(s.POP3S),
			"_pop3._tcp." + s.Domain:        srv(s.POP3),
			"_submissions._tcp." + s.Domain: srv(s.Submissions),
			"_submission._tcp." + s.Domain:  srv(s.Submission),
		},
	})
}

// shouldExceptions are the SHOULD-level checks a real configuration may miss on purpose, each
// with the reason; anything else that fails or warns at SHOULD level fails the test.
var shouldExceptions = map[string]string{
	// The good configuration allows plaintext IMAP login on 143 by design (disable_plaintext_auth=no),
	// so it does not advertise LOGINDISABLED before STARTTLS.
	"good imap.logindisabled": "plaintext login allowed on purpose",
}

// TestConform: real Postfix and Dovecot pass every MUST check of `mailcheck conform`, in both
// configurations and both TLS modes; a SHOULD they miss must be listed in shouldExceptions.
func TestConform(t *testing.T) {
	s := load(t)
	type target struct {
		name, conf, host, proto string
		port                    int
		security                string
	}
	var targets []target
	for _, c := range []struct{ name, host string }{{"good", s.Good}, {"strict", s.Strict}} {
		targets = append(targets,
			target{c.name + " smtp 587", c.name, c.host, "smtp", s.Submission, "starttls"},
			target{c.name + " smtp 465", c.name, c.host, "smtp", s.Submissions, "tls"},
			target{c.name + " pop3 110", c.name, c.host, "pop3", s.POP3, "starttls"},
			target{c.name + " pop3 995", c.name, c.host, "pop3", s.POP3S, "tls"},
			target{c.name + " imap 143", c.name, c.host, "imap", s.IMAP, "starttls"},
			target{c.name + " imap 993", c.name, c.host, "imap", s.IMAPS, "tls"})
	}
	for _, tt := range targets {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			args := []string{"conform", tt.proto, net.JoinHostPort(tt.host, strconv.Itoa(tt.port)), "--format", "json",
				"--security", tt.security, "--ca-file", s.CAFile, "--timeout", "20s", "--user", s.User, "--password-env", pwVar}
			code, out, errs := run(t, s.Password, args...)
			var rep struct {
				Checks []struct{ ID, Level, Verdict, Reason, Evidence string }
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("not JSON: %v\n%s%s", err, out, errs)
			}
			if len(rep.Checks) < 10 {
				t.Fatalf("%d checks, want the whole suite\n%s", len(rep.Checks), out)
			}
			for _, c := range rep.Checks {
				bad := c.Verdict == "fail" || c.Verdict == "warn"
				switch {
				case bad && c.Level == "MUST":
					t.Errorf("MUST %s: %s (%s; evidence %q)", c.ID, c.Verdict, c.Reason, c.Evidence)
				case bad && shouldExceptions[tt.conf+" "+c.ID] == "":
					t.Errorf("%s %s: %s (%s; evidence %q) — not an explained exception", c.Level, c.ID, c.Verdict, c.Reason, c.Evidence)
				}
			}
			if code != cmd.ExitOK {
				t.Errorf("exit %d, want 0", code)
			}
			if strings.Contains(out+errs, s.Password) {
				t.Error("the password appears in the conform report")
			}
		})
	}
}

// TestWrongPassword runs last (see the note at the top): a wrong password over TLS is
// auth.failed on each protocol, with the server's own refusal as evidence. The timeout covers
// Dovecot's failure delay plus its penalty for earlier failures from this IP.
func TestWrongPassword(t *testing.T) {
	s := load(t)
	const wrong = "not-the-password-0"
	tests := []struct {
		name, proto string
		port        int
		evidence    string
	}{
		{"smtp 465", "smtp", s.Submissions, "535 5.7.8"},
		{"pop3 995", "pop3", s.POP3S, "Authentication failed"},
		{"imap 993", "imap", s.IMAPS, "AUTHENTICATIONFAILED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, r, _ := s.probe(t, tt.proto, s.Strict, tt.port, wrong,
				"--security", "tls", "--ca-file", s.CAFile, "--timeout", "30s")
			defer func() {
				if t.Failed() {
					t.Logf("report:\n%s", r.summary())
				}
			}()
			if code != cmd.ExitFindings || r.Status != "fail" {
				t.Errorf("exit %d, status %s; want 1, fail", code, r.Status)
			}
			f, step := r.finding("auth.failed")
			if f == nil {
				t.Fatalf("no auth.failed; findings %v", r.codes())
			}
			if step != "auth" || f.Severity != "error" || !strings.Contains(f.Evidence, tt.evidence) {
				t.Errorf("auth.failed in step %q (%s) with evidence %q, want auth (error) with %q", step, f.Severity, f.Evidence, tt.evidence)
			}
			if r.TLS == nil || !r.TLS.Verified {
				t.Errorf("TLS not verified: %+v", r.TLS)
			}
		})
	}
}

// TestStrictPOP3WithoutLogin: Dovecot with disable_plaintext_auth=yes lists STLS, an empty SASL
// line and no USER in CAPA on port 110. Probed in plaintext without a login name, that is no
// login offer at all: tls.required (exit 1), not "works, with a plaintext-login warning".
func TestStrictPOP3WithoutLogin(t *testing.T) {
	s := load(t)
	code, r, _ := s.probe(t, "pop3", s.Strict, s.POP3, "", "--security", "plain", "--timeout", "10s")
	if code != cmd.ExitFindings || r.Status != "fail" {
		t.Errorf("exit %d, status %s; want 1, fail\n%s", code, r.Status, r.summary())
	}
	if f, _ := r.finding("tls.required"); f == nil || !strings.Contains(f.Evidence, "STLS") {
		t.Errorf("no tls.required naming STLS; findings %v", r.codes())
	}
	if f, _ := r.finding("auth.plaintext-offered"); f != nil {
		t.Errorf("plaintext login reported as offered: %+v", f)
	}
}

// TestSnakeoilCert: Dovecot serving an untouched self-signed certificate for another name (the
// snakeoil a fresh install has) is reported as both problems at once, untrusted and issued for
// another name, with the certificate's real name in the evidence, so fixing one does not just
// reveal the next.
func TestSnakeoilCert(t *testing.T) {
	s := load(t)
	for _, tt := range []struct {
		name, proto string
		port        int
	}{{"imaps", "imap", s.IMAPS}, {"pop3s", "pop3", s.POP3S}} {
		t.Run(tt.name, func(t *testing.T) {
			code, r, _ := s.probe(t, tt.proto, s.SnakeOil, tt.port, "", "--security", "tls", "--ca-file", s.CAFile, "--timeout", "10s")
			if code != cmd.ExitFindings || r.Status != "fail" {
				t.Errorf("exit %d, status %s; want 1, fail\n%s", code, r.Status, r.summary())
			}
			for _, c := range []string{"tls.cert-untrusted", "tls.cert-hostname-mismatch"} {
				if f, _ := r.finding(c); f == nil {
					t.Errorf("no %s; findings %v", c, r.codes())
				}
			}
			if f, _ := r.finding("tls.cert-hostname-mismatch"); f != nil && !strings.Contains(f.Evidence, "mx1.snakeoil.example") {
				t.Errorf("mismatch evidence %q does not name the certificate's name", f.Evidence)
			}
		})
	}
}
