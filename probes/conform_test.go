package probes

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/mailcheck/mailcheck/testservers"
)

// The conformance tests run every check both ways against the testservers: a conforming
// server passes it, and a server with the one deliberate violation fails exactly that check
// (other checks keep their baseline verdict, or are skipped where the case says so). Each walk
// runs in a testing/synctest bubble over an in-memory pipe (the server is the dialer), so a
// check that waits for a reply that never comes costs no wall time.

var (
	conformCAOnce sync.Once
	conformCA     *testservers.CA
)

func conformTestCA(t *testing.T) *testservers.CA {
	t.Helper()
	conformCAOnce.Do(func() {
		var err error
		if conformCA, err = testservers.NewCA(); err != nil {
			panic(err)
		}
	})
	return conformCA
}

// conformSetup is one way to run Conform against a testserver.
type conformSetup struct {
	proto    string
	security string
	faults   testservers.Faults
	creds    bool
}

// conforming is the well-behaved server for a protocol: TLS required before login (as
// Postfix's submission port and Dovecot's defaults do), STARTTLS offered, credentials given.
func conforming(proto string) conformSetup {
	return conformSetup{proto: proto, security: "starttls", faults: testservers.Faults{RequireTLSForAuth: true}, creds: true}
}

const conformStep = time.Second

// runConform runs Conform against a server with the setup's faults, in a bubble of its own.
// Call it outside a bubble.
func runConform(t *testing.T, cs conformSetup) (r Result, checks []Check) {
	t.Helper()
	ca := conformTestCA(t)
	synctest.Test(t, func(t *testing.T) {
		srv, err := testservers.New(testservers.Config{Proto: cs.proto, Faults: cs.faults}, ca)
		if err != nil {
			t.Fatal(err)
		}
		defer srv.Close()
		opts := Options{Timeout: conformStep, RootCAs: ca.RootCAs(), Dialer: srv}
		if cs.creds {
			opts.User, opts.Password = testservers.DefaultUser, []byte(testservers.DefaultPassword)
		}
		sec := Security(cs.security)
		ep := Endpoint{Proto: Proto(cs.proto), Host: "localhost", Port: DefaultPort(Proto(cs.proto), sec), Security: sec}
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		r, checks = Conform(ctx, ep, opts)
	})
	return r, checks
}

func verdicts(checks []Check) map[string]Verdict {
	m := map[string]Verdict{}
	for _, c := range checks {
		m[c.ID] = c.Verdict
	}
	return m
}

func dumpConform(r Result, checks []Check) string {
	var b strings.Builder
	for _, s := range r.Steps {
		fmt.Fprintf(&b, "  step %s %s %s %s\n", s.Name, s.Status, s.Detail, s.Error)
		for _, l := range s.Lines {
			fmt.Fprintf(&b, "      %s: %s\n", l.Dir, truncate(l.Text, 120))
		}
		for _, f := range s.Findings {
			fmt.Fprintf(&b, "      finding %s: %s\n", f.Code, f.Evidence)
		}
	}
	for _, c := range checks {
		fmt.Fprintf(&b, "  %-34s %-6s %-4s %s | %s\n", c.ID, c.Level, c.Verdict, c.Reason, c.Evidence)
	}
	return b.String()
}

// baselines caches the verdicts of conforming setups.
var (
	baselineMu sync.Mutex
	baselines  = map[string]map[string]Verdict{}
)

func baseline(t *testing.T, cs conformSetup) map[string]Verdict {
	t.Helper()
	key := fmt.Sprintf("%s/%s/%v/%+v", cs.proto, cs.security, cs.creds, cs.faults)
	baselineMu.Lock()
	defer baselineMu.Unlock()
	if v, ok := baselines[key]; ok {
		return v
	}
	_, checks := runConform(t, cs)
	baselines[key] = verdicts(checks)
	return baselines[key]
}

// TestConformConforming: a conforming server passes every check that applies, and the checks
// that cannot apply are skipped with a reason.
func TestConformConforming(t *testing.T) {
	tests := []struct {
		name  string
		setup conformSetup
		skip  []string // checks that do not apply in this setup
	}{
		{"smtp starttls", conforming("smtp"), nil},
		{"pop3 stls", conforming("pop3"), nil},
		{"imap starttls", conforming("imap"), nil},
		{"smtp implicit tls", conformSetup{"smtp", "tls", testservers.Faults{ImplicitTLS: true}, true},
			[]string{"smtp.auth.not-before-tls", "smtp.starttls.accepted", "smtp.starttls.no-pipelined-data", "smtp.starttls.ehlo-after-tls"}},
		{"pop3 implicit tls", conformSetup{"pop3", "tls", testservers.Faults{ImplicitTLS: true}, true},
			[]string{"pop3.stls.accepted", "pop3.stls.no-pipelined-data", "pop3.stls.capa-after-tls"}},
		{"imap implicit tls", conformSetup{"imap", "tls", testservers.Faults{ImplicitTLS: true}, true},
			[]string{"imap.logindisabled", "imap.starttls.accepted", "imap.starttls.no-pipelined-data", "imap.starttls.capabilities"}},
		{"smtp without credentials", conformSetup{"smtp", "starttls", testservers.Faults{RequireTLSForAuth: true}, false},
			[]string{"smtp.auth.success"}},
		{"pop3 without credentials", conformSetup{"pop3", "starttls", testservers.Faults{RequireTLSForAuth: true}, false},
			[]string{"pop3.stat", "pop3.list", "pop3.uidl", "pop3.uidl.unique", "pop3.dot-stuffing"}},
		{"imap without credentials", conformSetup{"imap", "starttls", testservers.Faults{RequireTLSForAuth: true}, false},
			[]string{"imap.examine"}},
		{"smtp plain, TLS required for AUTH", conformSetup{"smtp", "plain", testservers.Faults{RequireTLSForAuth: true}, true},
			[]string{"smtp.starttls.accepted", "smtp.starttls.no-pipelined-data", "smtp.starttls.ehlo-after-tls",
				"smtp.starttls.not-readvertised", "smtp.submission.auth", "smtp.auth.challenge-base64", "smtp.auth.cancel", "smtp.auth.success"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, checks := runConform(t, tt.setup)
			if len(checks) != len(Suite(Proto(tt.setup.proto))) {
				t.Fatalf("%d checks, want the whole suite (%d)", len(checks), len(Suite(Proto(tt.setup.proto))))
			}
			for i, c := range checks {
				if def := Suite(Proto(tt.setup.proto))[i]; c.ID != def.ID || c.RFC != def.RFC || c.Level != def.Level || c.Title == "" {
					t.Errorf("check %d = %+v, want the suite's %+v", i, c, def)
				}
				want := VerdictPass
				if slices.Contains(tt.skip, c.ID) {
					want = VerdictSkip
				}
				if c.Verdict != want {
					t.Errorf("%s = %s (%s), want %s", c.ID, c.Verdict, c.Reason, want)
				}
				if c.Verdict == VerdictSkip && c.Reason == "" {
					t.Errorf("%s skipped without a reason", c.ID)
				}
				if c.Verdict == VerdictPass && c.Evidence == "" {
					t.Errorf("%s passed without evidence", c.ID)
				}
			}
			if r.Status != OK {
				t.Errorf("status = %s, want ok", r.Status)
			}
			for _, f := range r.Findings() {
				if f.Severity != findings.SevInfo {
					t.Errorf("finding %s (%s) on a conforming server", f.Code, f.Evidence)
				}
			}
			if t.Failed() {
				t.Log("\n" + dumpConform(r, checks))
			}
		})
	}
}

// TestConformViolations: each deliberate violation fails exactly its check.
func TestConformViolations(t *testing.T) {
	type violation struct {
		name   string
		proto  string
		change func(*testservers.Faults)
		setup  func(*conformSetup) // optional: other security, no credentials
		want   map[string]Verdict  // the checks the violation must decide
		skip   []string            // checks that can no longer run because of it
	}
	fail := func(ids ...string) map[string]Verdict {
		m := map[string]Verdict{}
		for _, id := range ids {
			m[id] = VerdictFail
		}
		return m
	}
	noTLSAuth := func(f *testservers.Faults) { f.RequireTLSForAuth = false }
	tests := []violation{
		// SMTP
		{name: "greeting code", proto: "smtp", change: func(f *testservers.Faults) { f.Greeting = "250 mail.test ESMTP ready" },
			want: fail("smtp.greeting.code")},
		{name: "greeting without domain", proto: "smtp", change: func(f *testservers.Faults) { f.Greeting = "220 *** ESMTP ready" },
			want: fail("smtp.greeting.syntax")},
		{name: "reply without space", proto: "smtp", change: func(f *testservers.Faults) { f.SMTPBadSeparator = true },
			want: fail("smtp.reply.syntax")},
		{name: "mixed codes", proto: "smtp", change: func(f *testservers.Faults) { f.SMTPMixedCodes = true },
			want: fail("smtp.reply.same-code")},
		{name: "smtp bare LF", proto: "smtp", change: func(f *testservers.Faults) { f.BareLF = true },
			want: fail("smtp.reply.crlf")},
		{name: "long reply line", proto: "smtp", change: func(f *testservers.Faults) { f.SMTPLongReply = true },
			want: fail("smtp.reply.line-length")},
		{name: "no HELO", proto: "smtp", change: func(f *testservers.Faults) { f.SMTPNoHELO = true },
			want: fail("smtp.helo")},
		{name: "no EHLO", proto: "smtp", change: func(f *testservers.Faults) { f.SMTPNoEHLO = true },
			want: fail("smtp.ehlo"),
			skip: []string{"smtp.reply.same-code", "smtp.ehlo.syntax", "smtp.auth.not-before-tls", "smtp.starttls.accepted", "smtp.starttls.no-pipelined-data",
				"smtp.starttls.ehlo-after-tls", "smtp.starttls.not-readvertised", "smtp.pipelining", "smtp.enhanced-codes",
				"smtp.submission.auth", "smtp.auth.challenge-base64", "smtp.auth.cancel", "smtp.auth.success"}},
		{name: "bad EHLO keyword", proto: "smtp", change: func(f *testservers.Faults) { f.SMTPBadEHLOKeyword = true },
			want: fail("smtp.ehlo.syntax")},
		{name: "AUTH before TLS", proto: "smtp", change: noTLSAuth,
			want: fail("smtp.auth.not-before-tls")},
		{name: "STARTTLS 454", proto: "smtp", change: func(f *testservers.Faults) { f.STARTTLSFails = true },
			want: map[string]Verdict{"smtp.starttls.accepted": VerdictWarn},
			skip: []string{"smtp.starttls.no-pipelined-data", "smtp.starttls.ehlo-after-tls", "smtp.starttls.not-readvertised",
				"smtp.submission.auth", "smtp.auth.challenge-base64", "smtp.auth.cancel", "smtp.auth.success"}},
		{name: "bytes after 220 ready", proto: "smtp", change: func(f *testservers.Faults) { f.InjectAfterSTARTTLS = []byte("250 injected\r\n") },
			want: fail("smtp.starttls.no-pipelined-data"),
			skip: []string{"smtp.starttls.ehlo-after-tls", "smtp.starttls.not-readvertised", "smtp.noop", "smtp.rset",
				"smtp.unknown-command", "smtp.line-length", "smtp.pipelining", "smtp.submission.auth", "smtp.auth.challenge-base64",
				"smtp.auth.cancel", "smtp.auth.success", "smtp.quit"}},
		{name: "EHLO refused after TLS", proto: "smtp", change: func(f *testservers.Faults) { f.SMTPNoEHLOAfterTLS = true },
			want: fail("smtp.starttls.ehlo-after-tls"),
			skip: []string{"smtp.starttls.not-readvertised", "smtp.pipelining", "smtp.submission.auth", "smtp.auth.challenge-base64",
				"smtp.auth.cancel", "smtp.auth.success"}},
		{name: "STARTTLS offered again", proto: "smtp", change: func(f *testservers.Faults) { f.NoResetAfterSTARTTLS = true },
			want: fail("smtp.starttls.not-readvertised")},
		{name: "NOOP refused", proto: "smtp", change: func(f *testservers.Faults) {
			f.SMTPReplies = map[string]string{"NOOP": "502 5.5.2 Error: command not recognized"}
		}, want: fail("smtp.noop")},
		{name: "RSET refused", proto: "smtp", change: func(f *testservers.Faults) {
			f.SMTPReplies = map[string]string{"RSET": "500 5.5.2 Error: bad syntax"}
		}, want: fail("smtp.rset")},
		{name: "unknown command accepted", proto: "smtp", change: func(f *testservers.Faults) { f.UnknownCommandCode = 250 },
			want: fail("smtp.unknown-command")},
		{name: "short line limit", proto: "smtp", change: func(f *testservers.Faults) { f.SMTPLineLimit = 300 },
			want: fail("smtp.line-length")},
		{name: "pipelined input lost", proto: "smtp", change: func(f *testservers.Faults) { f.SMTPBrokenPipelining = true },
			want: fail("smtp.pipelining")},
		{name: "no enhanced codes", proto: "smtp", change: func(f *testservers.Faults) { f.SMTPNoEnhancedCodes = true },
			want: fail("smtp.enhanced-codes")},
		{name: "submission without AUTH", proto: "smtp", change: func(f *testservers.Faults) { f.NoAuth = true },
			want: fail("smtp.submission.auth"),
			skip: []string{"smtp.auth.challenge-base64", "smtp.auth.cancel", "smtp.auth.success"}},
		{name: "plain-text challenge", proto: "smtp", change: func(f *testservers.Faults) { f.SMTPPlainChallenge = true },
			want: fail("smtp.auth.challenge-base64")},
		{name: "AUTH cancel not 501", proto: "smtp", change: func(f *testservers.Faults) { f.AuthCancelCode = 535 },
			want: fail("smtp.auth.cancel")},
		{name: "AUTH success not 235", proto: "smtp", change: func(f *testservers.Faults) { f.SMTPAuthSuccessCode = 250 },
			want: fail("smtp.auth.success")},
		{name: "QUIT not 221", proto: "smtp", change: func(f *testservers.Faults) { f.QuitCode = 250 },
			want: fail("smtp.quit")},

		// POP3
		{name: "pop3 greeting", proto: "pop3", change: func(f *testservers.Faults) { f.Greeting = "POP3 server ready" },
			want: fail("pop3.greeting")},
		{name: "status without space", proto: "pop3", change: func(f *testservers.Faults) { f.POP3StatusNoSpace = true },
			want: fail("pop3.response.syntax")},
		{name: "pop3 bare LF", proto: "pop3", change: func(f *testservers.Faults) { f.BareLF = true },
			want: fail("pop3.crlf")},
		{name: "CAPA without terminator", proto: "pop3", change: func(f *testservers.Faults) { f.BadCAPATerminator = true },
			want: fail("pop3.capa")},
		{name: "STAT before login accepted", proto: "pop3", change: func(f *testservers.Faults) { f.POP3WrongStateOK = true },
			want: fail("pop3.wrong-state")},
		{name: "pop3 unknown command accepted", proto: "pop3", change: func(f *testservers.Faults) { f.UnknownCommandCode = 1 },
			want: fail("pop3.unknown-command")},
		{name: "STLS refused", proto: "pop3", change: func(f *testservers.Faults) { f.STARTTLSFails = true },
			want: fail("pop3.stls.accepted"),
			skip: []string{"pop3.stls.no-pipelined-data", "pop3.stls.capa-after-tls", "pop3.auth.cancel",
				"pop3.stat", "pop3.list", "pop3.uidl", "pop3.uidl.unique", "pop3.dot-stuffing"}},
		{name: "bytes after STLS +OK", proto: "pop3", change: func(f *testservers.Faults) { f.InjectAfterSTARTTLS = []byte("+OK injected\r\n") },
			want: fail("pop3.stls.no-pipelined-data"),
			skip: []string{"pop3.stls.capa-after-tls", "pop3.auth.cancel", "pop3.stat", "pop3.list", "pop3.uidl",
				"pop3.uidl.unique", "pop3.dot-stuffing", "pop3.quit"}},
		{name: "STLS still listed after TLS", proto: "pop3", change: func(f *testservers.Faults) { f.NoResetAfterSTARTTLS = true },
			want: fail("pop3.stls.capa-after-tls")},
		{name: "pop3 AUTH cancel accepted", proto: "pop3", change: func(f *testservers.Faults) { f.AuthCancelCode = 1 },
			want: fail("pop3.auth.cancel")},
		{name: "bad STAT", proto: "pop3", change: func(f *testservers.Faults) { f.POP3BadSTAT = true },
			want: fail("pop3.stat")},
		{name: "bad LIST", proto: "pop3", change: func(f *testservers.Faults) { f.POP3BadLIST = true },
			want: fail("pop3.list")},
		{name: "UIDL too long", proto: "pop3", change: func(f *testservers.Faults) { f.POP3LongUIDL = true },
			want: fail("pop3.uidl")},
		{name: "duplicate UIDL", proto: "pop3", change: func(f *testservers.Faults) { f.DuplicateUIDL = true },
			want: fail("pop3.uidl.unique")},
		{name: "no dot-stuffing", proto: "pop3", change: func(f *testservers.Faults) { f.POP3NoDotStuff = true },
			want: fail("pop3.dot-stuffing")},
		{name: "pop3 QUIT -ERR", proto: "pop3", change: func(f *testservers.Faults) { f.QuitCode = 1 },
			want: fail("pop3.quit")},

		// IMAP
		{name: "imap greeting", proto: "imap", change: func(f *testservers.Faults) { f.Greeting = "OK mailcheck ready" },
			want: fail("imap.greeting")},
		{name: "tagged without status", proto: "imap", change: func(f *testservers.Faults) { f.IMAPTaggedNoStatus = true },
			want: fail("imap.syntax")},
		{name: "imap bare LF", proto: "imap", change: func(f *testservers.Faults) { f.BareLF = true },
			want: fail("imap.crlf")},
		{name: "no IMAP4rev1", proto: "imap", change: func(f *testservers.Faults) { f.IMAPNoRev1 = true },
			want: fail("imap.capability")},
		{name: "no LOGINDISABLED", proto: "imap", change: noTLSAuth,
			want: fail("imap.logindisabled")},
		{name: "unknown command NO", proto: "imap", change: func(f *testservers.Faults) { f.IMAPUnknownCommandNO = true },
			want: fail("imap.unknown-command")},
		{name: "imap STARTTLS NO", proto: "imap", change: func(f *testservers.Faults) { f.STARTTLSFails = true },
			want: map[string]Verdict{"imap.starttls.accepted": VerdictWarn},
			skip: []string{"imap.starttls.no-pipelined-data", "imap.starttls.capabilities", "imap.examine"}},
		{name: "bytes after STARTTLS OK", proto: "imap", change: func(f *testservers.Faults) { f.InjectAfterSTARTTLS = []byte("a4 OK injected\r\n") },
			want: fail("imap.starttls.no-pipelined-data"),
			skip: []string{"imap.starttls.capabilities", "imap.id", "imap.examine", "imap.logout"}},
		{name: "stale capabilities after TLS", proto: "imap", change: func(f *testservers.Faults) { f.NoResetAfterSTARTTLS = true },
			want: fail("imap.starttls.capabilities")},
		{name: "ID without response", proto: "imap", change: func(f *testservers.Faults) { f.IMAPIDNoResponse = true },
			want: fail("imap.id")},
		{name: "EXAMINE without UIDVALIDITY", proto: "imap", change: func(f *testservers.Faults) { f.IMAPNoUIDVALIDITY = true },
			want: fail("imap.examine")},
		{name: "LOGOUT without BYE", proto: "imap", change: func(f *testservers.Faults) { f.IMAPNoBYEOnLogout = true },
			want: fail("imap.logout")},
	}

	// Every check of every suite is decided by at least one violation.
	covered := map[string]bool{}
	for _, tt := range tests {
		for id := range tt.want {
			covered[id] = true
		}
	}
	for _, p := range []Proto{SMTP, POP3, IMAP} {
		for _, d := range Suite(p) {
			if !covered[d.ID] {
				t.Errorf("no violation case for check %s", d.ID)
			}
		}
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			base := conforming(tt.proto)
			cs := base
			if tt.setup != nil {
				tt.setup(&cs)
				base = cs
			}
			tt.change(&cs.faults)
			want := baseline(t, base)
			r, checks := runConform(t, cs)
			got := verdicts(checks)
			for id, v := range want {
				exp := v
				switch {
				case tt.want[id] != "":
					exp = tt.want[id]
				case slices.Contains(tt.skip, id):
					exp = VerdictSkip
				}
				if got[id] != exp {
					t.Errorf("%s = %s, want %s", id, got[id], exp)
				}
			}
			// A failed MUST is an error finding carrying the check id; a failed SHOULD a warning.
			for id, v := range tt.want {
				def, _ := LookupCheck(id)
				code := map[Level]findings.Code{LevelMust: findings.ConformMustFailed, LevelShould: findings.ConformShouldFailed}[def.Level]
				found := slices.ContainsFunc(r.Findings(), func(f findings.Finding) bool {
					return f.Code == code && f.Check == id && strings.HasPrefix(f.Evidence, id+" ")
				})
				if v == VerdictFail && !found {
					t.Errorf("no %s finding for %s", code, id)
				}
				if v == VerdictFail && def.Level == LevelMust && r.Status != Fail {
					t.Errorf("status = %s, want fail after a failed MUST", r.Status)
				}
			}
			for _, c := range checks {
				if tt.want[c.ID] != "" && c.Verdict != VerdictPass && c.Evidence == "" && c.Reason == "" {
					t.Errorf("%s: %s without evidence or reason", c.ID, c.Verdict)
				}
			}
			if t.Failed() {
				t.Log("\n" + dumpConform(r, checks))
			}
		})
	}
}

// TestConformRedaction: the password never reaches a check, a finding or the transcript.
func TestConformRedaction(t *testing.T) {
	for _, proto := range []string{"smtp", "pop3", "imap"} {
		t.Run(proto, func(t *testing.T) {
			t.Parallel()
			r, checks := runConform(t, conforming(proto))
			all := dumpConform(r, checks)
			for _, sec := range secretForms(testservers.DefaultUser, []byte(testservers.DefaultPassword)) {
				if strings.Contains(all, sec) {
					t.Errorf("secret form %q appears in the output:\n%s", sec, all)
				}
			}
			if !strings.Contains(all, "***") {
				t.Errorf("no redacted login in the transcript:\n%s", all)
			}
		})
	}
}

// TestConformPlaintextPassword: without --allow-plaintext-auth no password goes over a clear
// connection, so the login checks are skipped with that reason.
func TestConformPlaintextPassword(t *testing.T) {
	cs := conformSetup{proto: "pop3", security: "plain", faults: testservers.Faults{}, creds: true}
	r, checks := runConform(t, cs)
	for _, c := range checks {
		if c.ID == "pop3.stat" && (c.Verdict != VerdictSkip || !strings.Contains(c.Reason, "not encrypted")) {
			t.Errorf("pop3.stat = %s (%s), want skip: not encrypted", c.Verdict, c.Reason)
		}
	}
	for _, s := range r.Steps {
		for _, l := range s.Lines {
			if strings.Contains(l.Text, "PASS") || strings.Contains(l.Text, "AUTH PLAIN ") {
				t.Errorf("a login was sent over plaintext: %q", l.Text)
			}
		}
	}
}

// TestConformUnreachable: a refused port skips every check with the reason, and fails.
func TestConformUnreachable(t *testing.T) {
	var (
		r      Result
		checks []Check
	)
	synctest.Test(t, func(t *testing.T) {
		srv, err := testservers.New(testservers.Config{Proto: "smtp"}, conformTestCA(t))
		if err != nil {
			t.Fatal(err)
		}
		srv.Close() // its dialer now refuses, as a port nobody listens on
		r, checks = Conform(context.Background(), Endpoint{Proto: SMTP, Host: "127.0.0.1", Port: 587, Security: STARTTLS},
			Options{Timeout: conformStep, Dialer: srv})
	})
	if r.Status != Fail || !r.HasCode(findings.TCPRefused) {
		t.Errorf("status %s, codes %v; want fail with tcp.refused", r.Status, r.Findings())
	}
	if len(checks) != len(smtpChecks) {
		t.Fatalf("%d checks, want %d", len(checks), len(smtpChecks))
	}
	for _, c := range checks {
		if c.Verdict != VerdictSkip || !strings.Contains(c.Reason, "connect") {
			t.Errorf("%s = %s (%s), want skip: could not connect", c.ID, c.Verdict, c.Reason)
		}
	}
}

// TestSuites: ids are unique and well-formed, every check has both languages and a level.
func TestSuites(t *testing.T) {
	seen := map[string]bool{}
	for p, defs := range suites {
		for _, d := range defs {
			if seen[d.ID] {
				t.Errorf("duplicate check id %s", d.ID)
			}
			seen[d.ID] = true
			if !strings.HasPrefix(d.ID, string(p)+".") {
				t.Errorf("%s: id does not start with %s.", d.ID, p)
			}
			if !strings.HasPrefix(d.RFC, "RFC ") || d.Section == "" {
				t.Errorf("%s: RFC %q section %q", d.ID, d.RFC, d.Section)
			}
			switch d.Level {
			case LevelMust, LevelShould, LevelMay:
			default:
				t.Errorf("%s: level %q", d.ID, d.Level)
			}
			if d.Title.EN == "" || d.Title.ZH == "" {
				t.Errorf("%s: title lacks a language", d.ID)
			}
			if got, ok := LookupCheck(d.ID); !ok || got.ID != d.ID {
				t.Errorf("LookupCheck(%s) = %v, %v", d.ID, got, ok)
			}
		}
	}
	for _, c := range []findings.Code{findings.ConformMustFailed, findings.ConformShouldFailed} {
		if e, ok := findings.Lookup(c); !ok || e.Title.EN == "" || e.Title.ZH == "" || e.Fix.ZH == "" || e.Ref == "" {
			t.Errorf("catalogue entry for %s: %+v", c, e)
		}
	}
}

func TestParseSMTPObs(t *testing.T) {
	tests := []struct {
		lines []string
		code  int
		bad   bool
		mixed bool
	}{
		{[]string{"250 OK"}, 250, false, false},
		{[]string{"250-mail.test", "250 PIPELINING"}, 250, false, false},
		{[]string{"250"}, 250, false, false},
		{[]string{"250-mail.test", "251 PIPELINING"}, 250, false, true},
		{[]string{"250OK"}, 250, true, false},
		{[]string{"hello"}, 0, true, false},
		{[]string{"199 too low"}, 199, true, false},
		{[]string{"250-only continuation"}, 250, true, false},
		{nil, 0, true, false},
	}
	for _, tt := range tests {
		r := parseSMTPLines(tt.lines)
		if r.Code != tt.code || (r.Bad != "") != tt.bad || r.Mixed != tt.mixed {
			t.Errorf("parseSMTPLines(%q) = code %d bad %q mixed %v, want %d %v %v", tt.lines, r.Code, r.Bad, r.Mixed, tt.code, tt.bad, tt.mixed)
		}
	}
}

func TestSMTPSyntaxHelpers(t *testing.T) {
	for s, want := range map[string]bool{
		"mail.example.com": true, "mx1": true, "[192.0.2.1]": true, "[IPv6:2001:db8::1]": true, "host_name.example": true,
		"example.com.": true, "": false, "***": false, "-bad.example": false, "a..b": false, "[]": false, "[1.2.3.4": false,
	} {
		if got := smtpDomainOK(s); got != want {
			t.Errorf("smtpDomainOK(%q) = %v, want %v", s, got, want)
		}
	}
	for texts, want := range map[string]bool{
		"mail.test Hello x\nPIPELINING\nSIZE 10240000\nAUTH PLAIN LOGIN\nAUTH=PLAIN LOGIN\nX-EXPS GSSAPI NTLM": true,
		"mail.test\nBAD_KEYWORD": false,
		"***\nPIPELINING":        false,
		"mail.test\n-DASH":       false,
	} {
		if got := ehloSyntax(strings.Split(texts, "\n")) == ""; got != want {
			t.Errorf("ehloSyntax(%q) ok = %v, want %v", texts, got, want)
		}
	}
}

func TestParsePOP3Obs(t *testing.T) {
	tests := []struct {
		line      string
		ok, known bool
		bad       bool
		code      string
	}{
		{"+OK", true, true, false, ""},
		{"+OK 2 320", true, true, false, ""},
		{"-ERR [IN-USE] locked", false, true, false, "IN-USE"},
		{"+OKLogging out.", true, true, true, ""},
		{"+ok fine", true, true, true, ""},
		{"-err no", false, true, true, ""},
		{"POP3 ready", false, false, true, ""},
		{"", false, false, true, ""},
	}
	for _, tt := range tests {
		o := parsePOP3Line(tt.line)
		if o.OK != tt.ok || o.Known != tt.known || (o.Bad != "") != tt.bad || o.Code != tt.code {
			t.Errorf("parsePOP3Line(%q) = %+v, want ok %v known %v bad %v code %q", tt.line, o, tt.ok, tt.known, tt.bad, tt.code)
		}
	}
	for id, want := range map[string]bool{"a": true, "uid0001-0a0b0c0d": true, "": false, "has space": false,
		strings.Repeat("x", 70): true, strings.Repeat("x", 71): false, "tab\tid": false, "é": false} {
		if uidOK(id) != want {
			t.Errorf("uidOK(%q) = %v", id, !want)
		}
	}
}

func TestIMAPObs(t *testing.T) {
	tests := []struct {
		line string
		tag  string
		bad  bool
	}{
		{"* OK ready", "*", false},
		{"a1 OK done", "a1", false},
		{"+ go ahead", "+", false},
		{"* CAPABILITY IMAP4rev1", "*", false},
		{"a1 Capability completed.", "a1", true},
		{"OK mailcheck ready", "OK", true},
		{"* ", "*", true},
		{"", "", true},
	}
	for _, tt := range tests {
		r, bad := imapObs(tt.line)
		if r.Tag != tt.tag || (bad != "") != tt.bad {
			t.Errorf("imapObs(%q) = tag %q bad %q, want %q %v", tt.line, r.Tag, bad, tt.tag, tt.bad)
		}
	}
}

// Fuzz targets for the lenient parsers: they must never panic, and must agree with the strict
// parsers where those accept the input.
func FuzzParseSMTPObs(f *testing.F) {
	for _, s := range []string{"250 OK", "250-mail.test\n250 SIZE 1000", "250-a\n251 b", "250OK", "220", "x", "550-5.7.1 a\n550 5.7.1 b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		r := parseSMTPLines(lines)
		if strict, err := parseSMTPReply(lines); err == nil && (strict.Code != r.Code || r.Bad != "" || r.Mixed) {
			t.Errorf("parseSMTPLines(%q) = %+v, strict parser says code %d and no deviation", s, r, strict.Code)
		}
		ehloSyntax(lines)
		for _, l := range lines {
			smtpDomainOK(l)
		}
	})
}

func FuzzParsePOP3Obs(f *testing.F) {
	for _, s := range []string{"+OK", "-ERR [SYS/TEMP] busy", "+OKx", "+ok", "1 uid", "+ "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		o := parsePOP3Line(s)
		if st, err := parsePOP3Status(s); err == nil && (st.OK != o.OK || o.Bad != "") {
			t.Errorf("parsePOP3Line(%q) = %+v, strict parser accepts it as ok=%v", s, o, st.OK)
		}
		if uidOK(s) && (len(s) > 70 || strings.ContainsAny(s, " \t\r\n")) {
			t.Errorf("uidOK(%q) = true", s)
		}
		if capaName(s) && strings.HasPrefix(s, ".") {
			t.Errorf("capaName(%q) = true", s)
		}
	})
}

func FuzzIMAPObs(f *testing.F) {
	for _, s := range []string{"* OK [CAPABILITY IMAP4rev1] hi", "a1 OK done", "+ ", "a1 done", "* ", "* BYE [ALERT bye"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, bad := imapObs(s)
		if _, err := parseIMAPLine(s); err != nil && bad == "" {
			t.Errorf("imapObs(%q) = %+v accepts what parseIMAPLine refuses (%v)", s, r, err)
		}
	})
}

// TestConformHostile: against hostile servers the walk ends within its step timeouts (fake
// time in a bubble, so the bound is exact and load does not matter), never panics, and skips
// what it could not reach with a reason.
func TestConformHostile(t *testing.T) {
	const step = 400 * time.Millisecond
	tests := []struct {
		name     string
		proto    string
		security string
		faults   testservers.Faults
	}{
		{"drip greeting", "smtp", "starttls", testservers.Faults{DripGreeting: true}},
		{"endless EHLO", "smtp", "starttls", testservers.Faults{EndlessMultiline: true}},
		{"endless CAPABILITY", "imap", "starttls", testservers.Faults{EndlessMultiline: true}},
		{"1 MiB greeting", "pop3", "starttls", testservers.Faults{HugeLine: true}},
		{"garbage", "imap", "starttls", testservers.Faults{Garbage: true}},
		{"reset mid-reply", "smtp", "starttls", testservers.Faults{ResetMidReply: true}},
		{"TLS stalls", "pop3", "tls", testservers.Faults{ImplicitTLS: true, StallTLS: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ca := conformTestCA(t)
			synctest.Test(t, func(t *testing.T) {
				srv, err := testservers.New(testservers.Config{Proto: tt.proto, Faults: tt.faults}, ca)
				if err != nil {
					t.Fatal(err)
				}
				defer srv.Close()
				sec := Security(tt.security)
				start := time.Now()
				r, checks := Conform(context.Background(), Endpoint{Proto: Proto(tt.proto), Host: "localhost",
					Port: DefaultPort(Proto(tt.proto), sec), Security: sec}, Options{Timeout: step, RootCAs: ca.RootCAs(), Dialer: srv})
				if d := time.Since(start); d > 20*step {
					t.Errorf("took %s of fake time, more than %s", d, 20*step)
				}
				if r.Status != Fail {
					t.Errorf("status = %s, want fail", r.Status)
				}
				for _, c := range checks {
					if c.Verdict == VerdictSkip && c.Reason == "" {
						t.Errorf("%s skipped without a reason", c.ID)
					}
				}
			})
		})
	}
}

// TestConformCancel: Ctrl-C ends a blocked conformance walk at once.
func TestConformCancel(t *testing.T) {
	ca := conformTestCA(t)
	synctest.Test(t, func(t *testing.T) {
		srv, err := testservers.New(testservers.Config{Proto: "smtp", Faults: testservers.Faults{GreetingDelay: time.Minute}}, ca)
		if err != nil {
			t.Fatal(err)
		}
		defer srv.Close()
		ctx, cancel := context.WithCancel(context.Background())
		const after = 200 * time.Millisecond
		time.AfterFunc(after, cancel)
		start := time.Now()
		r, checks := Conform(ctx, Endpoint{Proto: SMTP, Host: "localhost", Port: 587, Security: STARTTLS}, Options{Timeout: 30 * time.Second, Dialer: srv})
		// Fake time: the walk ends when the cancel comes, not at a 30s step deadline.
		if d := time.Since(start); d != after {
			t.Errorf("the walk ended %s after it started, want %s (the cancel)", d, after)
		}
		if !r.HasCode(findings.ProbeCanceled) {
			t.Errorf("findings %v, want probe.canceled", r.Findings())
		}
		for _, c := range checks {
			if c.Verdict != VerdictSkip {
				t.Errorf("%s = %s after cancel, want skip", c.ID, c.Verdict)
			}
		}
	})
}
