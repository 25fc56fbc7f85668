package probes_test

import (
	"context"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/testservers"
)

// refusal is one real server's answer to one command, replayed by testservers, and the code a
// live probe must draw from it. The replies are quoted from real servers (the corpus entry or
// thread named beside each, see probes/findings/corpus_test.go and unseen_test.go).
type refusal struct {
	name   string
	proto  string
	server string // the server's protocol when it is not proto (a port mix-up)
	f      testservers.Faults
	send   bool   // drawn by the --send-test round trip (MAIL, RCPT, DATA), not by the probe
	step   string // the step that must carry the finding
	want   findings.Code
	also   findings.Code // another error-level code the same exchange rightly carries
	ev     string        // the finding's evidence must contain this
}

// refusals cover the codes that until now only `explain` produced: each is a reply a real
// server gives to a command mailcheck itself sends. Codes no server can send in words stay
// explain-only (see the comment on TestServerRefusals).
var refusals = []refusal{
	// ---- SMTP: connection and greeting (probe) ----
	// corpus: Postfix reject_rbl_client wording (providers.md)
	{name: "ip blocked at the greeting", proto: "smtp", step: probes.StepGreeting, want: findings.SMTPIPBlocked,
		f: testservers.Faults{Greeting: "554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/127.0.0.1"}},
	// corpus: NetEase's greeting to a blocked IP (HL:IPB)
	{name: "ip blocked, code only", proto: "smtp", step: probes.StepGreeting, want: findings.SMTPIPBlocked,
		f: testservers.Faults{Greeting: "554 HL:IPB 163 mx14,ymCowEDpl0p8gS4x4IAeF1BQ--.14851S2 1496839634"}},
	// corpus: Postfix reject_non_fqdn_helo_hostname
	{name: "helo rejected", proto: "smtp", step: probes.StepEHLO, want: findings.SMTPHELORejected,
		f: testservers.Faults{Replies: map[string]string{
			"EHLO": "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname",
			"HELO": "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname"}}},
	// ---- SMTP: the login (probe) ----
	{name: "account disabled (Exchange 5.7.13)", proto: "smtp", step: probes.StepAuth, want: findings.AuthAccountLocked,
		f: testservers.Faults{AuthReject: "525 5.7.13 User Account Disabled"}},
	{name: "password transition (4.7.12)", proto: "smtp", step: probes.StepAuth, want: findings.AuthPasswordExpired,
		f: testservers.Faults{AuthReject: "432 4.7.12 A password transition is needed"}},
	{name: "Coremail unknown user", proto: "smtp", step: probes.StepAuth, want: findings.AuthUserUnknown,
		f: testservers.Faults{AuthReject: "535 ERR.LOGIN.USERNOTEXIST"}},
	// corpus: Gmail's sign-in challenge (providers.md)
	{name: "Gmail wants a web sign-in", proto: "smtp", step: probes.StepAuth, want: findings.AuthWebLoginRequired,
		f: testservers.Faults{AuthReject: "534-5.7.14 <https://accounts.google.com/signin/continue?sarp=1&scc=1&plt=AKgnsbt> Please log in via your web browser and\r\n534-5.7.14 then try again.\r\n534-5.7.14  Learn more at\r\n534 5.7.14  https://support.google.com/mail/answer/78754 t5sm1234 - gsmtp"}},
	{name: "Gmail IMAP WEBALERT", proto: "imap", step: probes.StepAuth, want: findings.AuthWebLoginRequired,
		f: testservers.Faults{AuthReject: "NO [WEBALERT https://accounts.google.com/signin/continue?sarp=1&scc=1&plt=AKgnsbs] Web login required."}},
	{name: "Gmail too many logins", proto: "smtp", step: probes.StepAuth, want: findings.AuthRateLimited,
		f: testservers.Faults{AuthReject: "454 4.7.0 Too many login attempts, please try again later. t6sm1234 - gsmtp"}},
	{name: "Yandex no access rights", proto: "smtp", step: probes.StepAuth, want: findings.AuthServiceDisabled,
		f: testservers.Faults{AuthReject: "535 5.7.8 Error: authentication failed: This user does not have access rights to this service"}},
	// ---- SMTP: the round trip's MAIL, RCPT and DATA ----
	{name: "auth required at MAIL (Exchange 5.7.57)", proto: "smtp", send: true, step: probes.StepMail, want: findings.SMTPAuthRequired,
		f: testservers.Faults{Replies: map[string]string{"MAIL": "530 5.7.57 Client not authenticated to send mail. [DM6PR02CA0046.namprd02.prod.outlook.com]"}}},
	{name: "sender not owned (Postfix smtpd_sender_login_maps)", proto: "smtp", send: true, step: probes.StepMail, want: findings.SMTPSenderMismatch,
		f: testservers.Faults{Replies: map[string]string{"MAIL": "553 Mail from must equal authorized user"}}},
	{name: "sender domain unknown (Sendmail 5.1.8)", proto: "smtp", send: true, step: probes.StepMail, want: findings.SMTPSenderInvalid,
		f: testservers.Faults{Replies: map[string]string{"MAIL": "553 5.1.8 <alice@no-such-domain.example>... Domain of sender address alice@no-such-domain.example does not exist"}}},
	{name: "daily sending limit (Gmail 5.4.5)", proto: "smtp", send: true, step: probes.StepMail, want: findings.SMTPSendingLimit,
		f: testservers.Faults{Replies: map[string]string{"MAIL": "550-5.4.5 Daily user sending limit exceeded. For more information on Gmail\r\n550-5.4.5 sending limits go to\r\n550 5.4.5  https://support.google.com/a/answer/166852 a1si123 - gsmtp"}}},
	{name: "outgoing mail suspended (cPanel Exim)", proto: "smtp", send: true, step: probes.StepMail, want: findings.SMTPSendingBlocked,
		f: testservers.Faults{Replies: map[string]string{"MAIL": "550 Outgoing mail from \"user@mail.test\" has been suspended."}}},
	// Exim smtp_in.c: a second MAIL in one transaction; no signature words, the phase decides.
	{name: "bad sequence at MAIL (Exim, code only)", proto: "smtp", send: true, step: probes.StepMail, want: findings.SMTPBadSequence,
		f: testservers.Faults{Replies: map[string]string{"MAIL": "503 sender already given"}}},
	// Postfix smtpd: RCPT when it holds no MAIL (a proxy that lost the transaction)
	{name: "bad sequence at RCPT (Postfix)", proto: "smtp", send: true, step: probes.StepRcpt, want: findings.SMTPBadSequence,
		f: testservers.Faults{Replies: map[string]string{"RCPT": "503 5.5.1 Error: need MAIL command"}}},
	// Exim smtp_in.c: RCPT before MAIL; the phase decides
	{name: "bad sequence at RCPT (Exim, code only)", proto: "smtp", send: true, step: probes.StepRcpt, want: findings.SMTPBadSequence,
		f: testservers.Faults{Replies: map[string]string{"RCPT": "503 sender not yet given"}}},
	// Exim smtp_in.c: DATA without an accepted RCPT; the phase decides
	{name: "bad sequence at DATA (Exim, code only)", proto: "smtp", send: true, step: probes.StepData, want: findings.SMTPBadSequence,
		f: testservers.Faults{Replies: map[string]string{"DATA": "503 valid RCPT command must precede DATA"}}},
	{name: "relay denied (Postfix)", proto: "smtp", send: true, step: probes.StepRcpt, want: findings.SMTPRelayDenied,
		f: testservers.Faults{Replies: map[string]string{"RCPT": "554 5.7.1 <someone@example.org>: Relay access denied"}}},
	{name: "greylisted (postgrey)", proto: "smtp", send: true, step: probes.StepRcpt, want: findings.SMTPGreylisted,
		f: testservers.Faults{Replies: map[string]string{"RCPT": "450 4.2.0 <alice@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html"}}},
	// anonaddy#624/#757: the recipient exists but is switched off
	{name: "recipient disabled (5.2.1)", proto: "smtp", send: true, step: probes.StepRcpt, want: findings.SMTPRecipientDisabled,
		f: testservers.Faults{Replies: map[string]string{"RCPT": "552 5.2.1 <user@mail.test>: Recipient address rejected: User disabled"}}},
	{name: "recipient over quota (Gmail 5.2.2)", proto: "smtp", send: true, step: probes.StepRcpt, want: findings.SMTPRecipientMailboxFull,
		f: testservers.Faults{Replies: map[string]string{"RCPT": "552-5.2.2 The email account that you tried to reach is over quota. Please direct\r\n552 5.2.2  the recipient to https://support.google.com/mail/?p=OverQuotaPerm a1si123 - gsmtp"}}},
	// sisimai#97: Postfix reject_unknown_client_hostname answers RCPT
	{name: "no reverse DNS (Postfix 4.7.25)", proto: "smtp", send: true, step: probes.StepRcpt, want: findings.SMTPNoReverseDNS,
		f: testservers.Faults{Replies: map[string]string{"RCPT": "450 4.7.25 Client host rejected: cannot find your hostname, [127.0.0.1]"}}},
	// mailcow#85: Postfix reject_unknown_reverse_client_hostname (4.7.1, words only)
	{name: "no reverse DNS (Postfix 4.7.1)", proto: "smtp", send: true, step: probes.StepRcpt, want: findings.SMTPNoReverseDNS,
		f: testservers.Faults{Replies: map[string]string{"RCPT": "450 4.7.1 Client host rejected: cannot find your reverse hostname, [127.0.0.1]"}}},
	// OpenSMTPD#1134: the reply to the end of DATA
	{name: "line too long (OpenSMTPD)", proto: "smtp", send: true, step: probes.StepData, want: findings.SMTPLineTooLong,
		f: testservers.Faults{Replies: map[string]string{".": "500 5.0.0: Line too long"}}},
	{name: "spam (NetEase DT:SPM)", proto: "smtp", send: true, step: probes.StepData, want: findings.SMTPSpamRejected,
		f: testservers.Faults{Replies: map[string]string{".": "554 DT:SPM 163 smtp8,DMCowACHEMvH1adakFYxKA--.26575S3 1520948680,please see http://mail.163.com/help/help_spam_16.htm?ip=120.194.143.76&hostid=smtp8&time=1520948680"}}},
	{name: "unauthenticated mail (Gmail 5.7.26)", proto: "smtp", send: true, step: probes.StepData, want: findings.SMTPSPFDMARCRejected,
		f: testservers.Faults{Replies: map[string]string{".": "550-5.7.26 This mail is unauthenticated, which poses a security risk to the\r\n550-5.7.26 sender and Gmail users, and has been blocked.\r\n550 5.7.26 https://support.google.com/mail/answer/81126#authentication a1si123 - gsmtp"}}},
	// brutegmail#5, zotero-arxiv-daily#63: smtplib's login() gets no reply, the server hung up
	{name: "server hangs up on the login", proto: "smtp", step: probes.StepAuth, want: findings.ServerClosed,
		f: testservers.Faults{CloseOn: "AUTH"}},
	// MailKit#1099, laravel-imap#343, cpython#152768: an IMAP client on an SMTP or POP3 port and the reverse
	{name: "IMAP client on an SMTP port", proto: "imap", server: "smtp", step: probes.StepGreeting, want: findings.PortWrongProtocol},
	{name: "IMAP client on a POP3 port", proto: "imap", server: "pop3", step: probes.StepGreeting, want: findings.PortWrongProtocol,
		ev: "POP3 greeting where IMAP was expected: +OK"},
	{name: "POP3 client on an IMAP port", proto: "pop3", server: "imap", step: probes.StepGreeting, want: findings.PortWrongProtocol},
	{name: "POP3 client on an SMTP port", proto: "pop3", server: "smtp", step: probes.StepGreeting, want: findings.PortWrongProtocol},
	{name: "SMTP client on a POP3 port", proto: "smtp", server: "pop3", step: probes.StepGreeting, want: findings.PortWrongProtocol},
	{name: "SMTP client on an IMAP port", proto: "smtp", server: "imap", step: probes.StepGreeting, want: findings.PortWrongProtocol},
	// ---- POP3 ----
	{name: "POP3 Coremail IP denied", proto: "pop3", step: probes.StepAuth, want: findings.AuthIPDenied,
		f: testservers.Faults{AuthReject: "-ERR ERR.LOGIN.IPDENY"}},
	{name: "POP3 Coremail domain expired", proto: "pop3", step: probes.StepAuth, want: findings.AuthSubscriptionExpired,
		f: testservers.Faults{AuthReject: "-ERR ERR.LOGIN.DOMAINEXPED"}},
	{name: "POP3 SYS/PERM", proto: "pop3", step: probes.StepAuth, want: findings.POP3SysPerm,
		f: testservers.Faults{AuthReject: "-ERR [SYS/PERM] Mailbox is read-only"}},
	// hMailServer POP3Connection.cpp: a user name without "@" and no default domain
	{name: "POP3 hMailServer wants the full address", proto: "pop3", step: probes.StepAuth, want: findings.AuthUsernameFormat,
		f: testservers.Faults{AuthReject: "-ERR Invalid user name or password. Please use full email address as user name."}},
	// ---- IMAP ----
	// hMailServer IMAPCommandLogin.cpp, the same refusal over IMAP
	{name: "IMAP hMailServer wants the full address", proto: "imap", step: probes.StepAuth, want: findings.AuthUsernameFormat,
		f: testservers.Faults{AuthReject: "NO Invalid user name or password. Please use full email address as user name."}},
	{name: "IMAP AUTHORIZATIONFAILED", proto: "imap", step: probes.StepAuth, want: findings.AuthAuthorizationFailed,
		f: testservers.Faults{AuthReject: "NO [AUTHORIZATIONFAILED] No permission to access shared@example.org"}},
	{name: "IMAP CONTACTADMIN", proto: "imap", step: probes.StepAuth, want: findings.IMAPContactAdmin,
		f: testservers.Faults{AuthReject: "NO [CONTACTADMIN] Account requires administrator attention"}},
	{name: "IMAP EXPIRED", proto: "imap", step: probes.StepAuth, want: findings.AuthPasswordExpired,
		f: testservers.Faults{AuthReject: "NO [EXPIRED] That password isn't valid any more"}},
	{name: "IMAP Coremail domain unknown", proto: "imap", step: probes.StepAuth, want: findings.AuthWrongServer,
		f: testservers.Faults{AuthReject: "NO LOGIN ERR.LOGIN.DOMAINNOTEXIST"}},
	// RFC 9051 7.1: an untagged ALERT before the refusal must reach the user too
	{name: "IMAP ALERT with the refusal", proto: "imap", step: probes.StepAuth, want: findings.IMAPAlert, also: findings.ServerBusy,
		f: testservers.Faults{AuthReject: "* OK [ALERT] System shutdown in 10 minutes\r\nNO [UNAVAILABLE] Try again later"}},
	// forwardemail#425: "IMAP error: unexpected EOF" in the middle of a session
	{name: "IMAP server hangs up mid-session", proto: "imap", step: probes.StepExamine, want: findings.ServerClosed,
		f: testservers.Faults{CloseOn: "EXAMINE"}},
	// Dovecot's wording for a missing mailbox
	{name: "IMAP NONEXISTENT INBOX", proto: "imap", step: probes.StepExamine, want: findings.IMAPNonexistentMailbox,
		f: testservers.Faults{Replies: map[string]string{"EXAMINE": "NO [NONEXISTENT] Mailbox doesn't exist: INBOX"}}},
}

// TestServerRefusals replays each refusal from testservers and asserts the code on the step
// that drew it, through the probe's own classification (findings.MatchReply and its phase
// fallback). Explain-only by nature, so not here: tls.revocation-unchecked and tls.cert-revoked
// (mailcheck verifies chains itself and asks no OCSP responder or CRL), client-library texts
// (auth.plaintext-refused, auth.credentials-missing, tcp.connect-failed), and discovery and
// network states that are not a server's reply.
func TestServerRefusals(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range refusals {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				r := runRefusal(t, ca, tt)
				var found *findings.Finding
				for _, st := range r.Steps {
					for i := range st.Findings {
						if st.Findings[i].Code == tt.want && st.Name == tt.step {
							found = &st.Findings[i]
						}
					}
				}
				if found == nil {
					t.Fatalf("no %s on step %s; codes %v\n%s", tt.want, tt.step, codesOf(r), dump(r))
				}
				if !strings.Contains(found.Evidence, tt.ev) {
					t.Errorf("evidence %q lacks %q", found.Evidence, tt.ev)
				}
				// The refusal is the diagnosis: no other error-level finding contradicts it.
				for _, f := range r.Findings() {
					if f.Severity == findings.SevError && f.Code != tt.want && f.Code != tt.also {
						t.Errorf("extra error %s beside %s\n%s", f.Code, tt.want, dump(r))
					}
				}
			})
		})
	}
}

// runRefusal probes tt's server over in-memory pipes: a plain probe with a login, or, for a
// refusal the round trip draws, the SMTP probe, a healthy IMAP server and the round trip.
func runRefusal(t *testing.T, ca *testservers.CA, tt refusal) probes.Result {
	t.Helper()
	start := func(proto string, f testservers.Faults) *testservers.Server {
		srv, err := testservers.New(testservers.Config{Proto: proto, Faults: f}, ca)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { srv.Close() })
		return srv
	}
	login := func(d probes.Dialer) probes.Options {
		return probes.Options{Timeout: 10 * time.Second, User: testservers.DefaultUser, Password: []byte(testservers.DefaultPassword),
			AllowPlaintextAuth: true, NoModeDetect: true, Dialer: d}
	}
	ep := func(proto string) probes.Endpoint {
		p := probes.Proto(proto)
		return probes.Endpoint{Proto: p, Host: "localhost", Port: probes.DefaultPort(p, probes.STARTTLS), Security: probes.Plain}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	sp := tt.server
	if sp == "" {
		sp = tt.proto
	}
	srv := start(sp, tt.f)
	if !tt.send {
		return probes.Probe(ctx, ep(tt.proto), login(srv))
	}
	imap := start("imap", testservers.Faults{})
	rep := probes.Run(ctx, probes.Plan{Command: probes.CmdAccount, Input: testservers.DefaultUser,
		Endpoints:       []probes.Endpoint{ep("smtp"), ep("imap")},
		EndpointOptions: []probes.Options{login(srv), login(imap)},
		SendTest:        &probes.SendTest{Wait: time.Minute}})
	if len(rep.Results) != 3 {
		t.Fatalf("%d results, want the two probes and the round trip", len(rep.Results))
	}
	return rep.Results[2]
}

// TestResolveNoAddress: a server name that exists in DNS without an address (a bare domain with
// only MX, typed where mail.example.test belongs) is dns.no-address, and a name that does not
// exist stays dns.nxdomain. Real UDP to a loopback DNS server.
func TestResolveNoAddress(t *testing.T) {
	dns := testservers.StartDNST(t, testservers.Zone{
		MX: map[string][]testservers.MX{"example.test": {{Host: "mail.example.test", Pref: 10}}},
		A:  map[string][]string{"mail.example.test": {"127.0.0.1"}},
	})
	for host, want := range map[string]findings.Code{"example.test": findings.DNSNoAddress, "nowhere.test": findings.DNSNXDomain} {
		r := probes.Probe(context.Background(), probes.Endpoint{Proto: probes.IMAP, Host: host, Port: 993, Security: probes.ImplicitTLS},
			probes.Options{Timeout: 10 * time.Second, Resolver: probes.NewResolver(dns.Addr, 10*time.Second), NoModeDetect: true})
		if !r.HasCode(want) || len(codesOf(r)) != 1 {
			t.Errorf("%s: codes %v, want only %s\n%s", host, codesOf(r), want, dump(r))
		}
	}
}
