package findings

import "testing"

// unseenBatch24 is a batch of real texts from mail server software other than Postfix, Exim and
// Dovecot, gathered on 2026-12-04 from public issue trackers and vendor pages: OpenSMTPD, Cyrus
// (imapd, SASL), Courier authlib, Stalwart, Apache James, Postal, Mailu's nginx front, maddy,
// chasquid, Hyvor Relay, Haraka, Zimbra, SmarterMail, IceWarp, Purelymail, Strato's and AT&T's
// MX, Zoho. None was in the corpus (checked piece by piece against every *_test.go; many texts
// from the same threads were already taken by earlier batches and were dropped). Each is labelled
// with the cause the thread established, or the one the reply code and wording state.
// First sight, before any matcher change for it: 28 of 40 right by signatures (70.0 %), 30 of 40 by
// explain (signatures, else the word model's Guess), 12 of 12 benign lines clean; per family
// (clientFamily): go 3/3, java 1/1, node 1/1, outlook 1/1, php 1/1, server-smtp 5/7, other 16/26.
// Misses: Stalwart's tracing auth line and its DSN event, AT&T's DNSBL:RBL reply, Ruby's
// SSL_connect SYSCALL, Mailu nginx's "client login failed" / "upstream sent invalid response"
// (read as a plain login failure, busy server, protocol error), nginx's resolver "Server failure"
// (read as NXDOMAIN), maddy's "TLS it not available", SmarterMail's From-domain rule, IceWarp's
// intrusion prevention and its X-ICEWARP-SERVER command. After the fixes by class (siblings in
// TestLibraryErrorNames24) 40 of 40 and 12 of 12; the beyond-text readings did not move.
var unseenBatch24 = []corpusCase{
	// ===== OpenSMTPD, Cyrus, Courier =====
	// https://github.com/OpenSMTPD/OpenSMTPD/issues/658 (the alias table lacked the address)
	{"RCPT TO:<nonexistent@etorok.net> ORCPT=nonexistent@etorok.net\n550 Invalid recipient", SMTPRecipientUnknown, "", ""},
	// https://github.com/OpenSMTPD/OpenSMTPD/issues/365 (OpenSMTPD relaying to Gmail's MX; the log kept the last line only)
	{"relay: PermFail for 3a45d0d114df12c9: session=000000076c353ebb, from=(hidden), to=(hidden), source=192.168.0.14, relay=173.194.66.26 (we-in-f26.1e100.net), delay=9s, stat=550 5.1.1 http://support.google.com/mail/bin/answer.py?answer=6596 gf9si1561564wib.42 - gsmtp", SMTPRecipientUnknown, "", ""},
	// https://github.com/NethServer/dev/issues/7983 (ns8-sendmail's own log line, wrong password)
	{`ns8-sendmail[1239916]: status=error from=lucag@demo.neth.eu to=luca.gasparini@nethesis.it subject="test-sendmail" server=smtp.xxxx.yy:587 code=535 message="5.7.8 Error: authentication failed: (reason unavailable)"`, AuthFailed, "", ""},
	// https://github.com/cyrusimap/cyrus-imapd/issues/2970
	{"Jan 10 14:09:41 kolab imaps[11638]: SASL Password verification failed\nJan 10 14:09:41 kolab imaps[11638]: badlogin: [127.0.0.1] unknown AUTHENTICATE+PLAIN+TLS [SASL(-13): authentication failure: Password verification failed]", AuthFailed, "", ""},
	// https://github.com/cyrusimap/cyrus-sasl/issues/785 (Cyrus imtest; saslauthd got no realm)
	{"C: A01 AUTHENTICATE PLAIN AHRlc3QAdGVzdA==\nS: A01 NO authentication failure\nAuthentication failed. generic failure", AuthFailed, "", ""},
	// https://github.com/cyrusimap/cyrus-imapd/issues/5593 (Exim relaying to a Cyrus frontend's LMTP)
	{`Aug 23 01:24:18 roger exim[2510260]: 1upakk-0000000AVbG-1QCM ** xxxxxxxx@xxxxxxxxxx <xxxxxxxxxxxx> ...: SMTP error from remote mail server after RCPT TO:<xxxxxxxxxxxx@xxxxxxxxxxxx>: 550-Mailbox unknown.  Either there is no mailbox associated with this\n550-name or you do not have authorization to see it.\n550 5.1.1 User unknown DT=0s`, SMTPRecipientUnknown, "", ""},
	// https://github.com/svarshavchik/courier/issues/32 (a wrong password against LDAP)
	{"authdaemond[22475]: ldap_sasl_bind_s failed: Invalid credentials", AuthFailed, "", ""},
	// https://github.com/fail2ban/fail2ban/issues/1151 (Courier imapd-ssl)
	{"Aug  4 00:24:19 szerver imapd-ssl: LOGIN FAILED, method=PLAIN, ip=[::ffff:8.0.14.239]", AuthFailed, "", ""},

	// ===== Stalwart, James, Zimbra =====
	// https://github.com/stalwartlabs/smtp-server/issues/31
	{`2023-12-14T09:42:03.830292Z DEBUG session{instance="submissions" protocol=Smtp remote.ip="172.18.0.1" remote.port=48860}: smtp::inbound::auth: context="auth" event="authenticate" result="failed"`, AuthFailed, "", ""},
	// https://github.com/apache/james-project/pull/349 (authRequired with verifyIdentity, client not logged in)
	{"org.apache.james.utils.SMTPSendingException: \nError upon step RCPT: 530 5.7.1 Authentication Required", SMTPAuthRequired, "", ""},
	// https://github.com/linagora/james-project/issues/3396 (brute force against James)
	{"00:36:47.240 [ERROR] o.a.j.p.a.h.CommandHandler - AUTH method LOGIN failed from Username{localPart=rapid, domainPart=Optional[Domain : xxxx.com]}@45.142.195.15", AuthFailed, "", ""},
	// https://github.com/Zimbra/zm-mailbox/pull/106 (the admin account's password was not the default)
	{`<failure name="testAdminGetInfoRequest" class="com.zimbra.qa.unittest.TestSoap" execSeconds="0.09">authentication failed for [admin]</failure>`, AuthFailed, "", ""},

	// https://github.com/stalwartlabs/stalwart/issues/1388 (Stalwart 0.11; pasted as shown, first letter cut)
	{`NFO DSN permanent failure notification (delivery.dsn-perm-fail) queueId = 234536222119190707, from = "xx@aa.yy", to = ["bb@uu.zz"], size = 828, total = 1, to = "bb@uu.zz", hostname = "localhost", code = 550, details = "This account is not authorized to receive email.", total = 0`, SMTPRecipientDisabled, "", ""},
	// https://github.com/Mailu/Mailu/issues/3843 (Mailu's Dovecot submission-login: an old TLS client)
	{"May 23 10:27:13 submission-login: Info: Disconnected: Connection closed: SSL_accept() failed: error:0A000102:SSL routines::unsupported protocol (no auth attempts in 15 secs): user=<>, rip=149.109.112.183, rport=45067, lip=192.168.203.2, lport=465, TLS handshaking: SSL_accept() syscall failed: Invalid argument", TLSVersionTooOld, "", ""},
	// https://github.com/rosehgal/TrashEmail/issues/3 (JavaMail against the project's own IMAP server, which was not up)
	{"javax.mail.MessagingException: Connection refused (Connection refused);\n  nested exception is:\n\tjava.net.ConnectException: Connection refused (Connection refused)\n\tat com.sun.mail.imap.IMAPStore.protocolConnect(IMAPStore.java:665)", TCPRefused, "", ""},

	// ===== Postal (outbound delivery log) =====
	// https://github.com/postalserver/postal/issues/83 (Libero: no PTR for the sending IP)
	{"421 smtp-28.iol.local smtp-28.iol.local No reverse DNS [smtp-28.iol.local; LIB_120]", SMTPNoReverseDNS, "", ""},
	// https://github.com/postalserver/postal/issues/1243 (AT&T)
	{"553 5.3.0 alpd681 DNSBL:RBL 521< 51.xxx.x.xx >_is_blocked.For assistance forward this error to abuse_rbl@abuse-att.net", SMTPIPBlocked, "", ""},
	// https://github.com/postalserver/postal/issues/259 (the return-path domain did not exist)
	{"553 #5.1.8 Domain of sender address <nwq7bw@xxxx.xxxxx.net> does not exist", SMTPSenderInvalid, "", ""},
	// https://github.com/postalserver/postal/issues/1199 (return-path records missing)
	{"Permanent SMTP delivery error when sending to mail.remoteserver.com (xx.xx.xx.xx) \n550 5.1.0 MailProtect : Domain of sender address khcrqq@psrp.mydmain.com does not exist", SMTPSenderInvalid, "", ""},
	// https://github.com/postalserver/postal/issues/295 (a very slow receiving server)
	{"SOFT FAIL\nTemporary SMTP delivery error when sending to easymx2.easily.co.uk (185.26.230.91)\nNet::ReadTimeout\nTime: 105.99s", ServerResponseTimeout, "", ""},
	// https://github.com/postalserver/postal/issues/364 (no SMTP server where postal.yml pointed; see #286)
	{"Message was not delivered successfully to SMTP server.\nError: Timeout::Error (execution expired)", TCPTimeout, "", ""},
	// https://github.com/postalserver/postal/issues/1838
	{"SSL_connect SYSCALL returned=5 errno=0 state=SSLv3/TLS write client hello", TLSHandshakeFailed, "", ""},
	// https://github.com/postalserver/postal/issues/3444
	{"No SMTP servers were available for pacificbluejeans.com. Tried pacificbluejeans-com.mail.protection.outlook.com.\nexecution expired", TCPTimeout, "", ""},

	// ===== Mailu (nginx mail front) =====
	// https://github.com/Mailu/Mailu/issues/1156
	{`2019/09/02 15:43:25 [info] 12#12: *2856 upstream sent invalid response: "NO [AUTHENTICATIONFAILED] Authentication failed." while reading response from upstream, client: 131.255.7.26, server: 0.0.0.0:993, login: "froster2406@frostbolt.ch", upstream: 192.168.0.5:143`, AuthFailed, "", ""},
	// https://github.com/Mailu/Mailu/issues/3398 (logins tried on port 25, where Mailu offers no AUTH)
	{`2024/09/02 20:46:22 [info] 23#23: *341375 client login failed: "AUTH not supported" while in http auth state, client: 80.94.95.239, server: 0.0.0.0:25, login: "paula@REDACTED.COM"`, SMTPAuthNotOffered, "", ""},
	// https://github.com/Mailu/Mailu/issues/2879
	{`2023/07/06 02:04:54 [info] 17#17: *591 client login failed: "Temporary authentication failure (rate-limit)" while in http auth state, client: 172.18.0.1, server: 0.0.0.0:465, login: "screenscreen0"`, AuthRateLimited, "", ""},
	// https://github.com/Mailu/Mailu/issues/2346 (the container's resolver failed)
	{"2022/05/11 12:23:06 [error] 10#10: *1713 5.34.207.58 could not be resolved (2: Server failure) while in resolving client address, client: 5.34.207.58, server: 0.0.0.0:25", DNSFailure, "", ""},

	// ===== maddy, chasquid, Hyvor Relay (Go servers) =====
	// https://github.com/foxcpp/maddy/issues/467 (telnet cannot speak TLS after STARTTLS)
	{"STARTTLS\n220 2.0.0 Ready to start TLS\nauth login\n550 5.0.0 Handshake error", TLSHandshakeFailed, "", ""},
	// https://github.com/foxcpp/maddy/issues/301 (the MX advertised no STARTTLS; local policy required it)
	{"TLS it not available or unauthenticated but required", TLSSTARTTLSUnavailable, "", ""},
	// https://github.com/foxcpp/maddy/issues/422
	{`remote: cannot use MX	{"domain":"gmail.com","io_op":"dial","msg_id":"a7f43ba3-61b462c9","reason":"dial tcp 142.250.153.26:25: connect: connection timed out","remote_addr":"142.250.153.26:25","remote_server":"alt4.gmail-smtp-in.l.google.com.","smtp_code":450,"smtp_enchcode":"4.4.2","smtp_msg":"Network I/O error"}`, TCPTimeout, "", ""},
	// https://github.com/albertito/chasquid/issues/40 (mail.example.com was a CNAME; node client)
	{"Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: example.com.com. is not in the cert's altnames: DNS:mail.example.com.com", TLSCertHostnameMismatch, "", ""},
	// https://github.com/hyvor/relay/issues/488 (the MX name is not on Hetzner's certificate)
	{"Failed to deliver: xxx@xxx.com\ntls: failed to verify certificate: x509: certificate is valid for *.your-server.de, your-server.de, not mail.xxx.com", TLSCertHostnameMismatch, "", ""},

	// ===== Haraka =====
	// https://github.com/haraka/Haraka/issues/477 (Dovecot LMTP behind Haraka)
	{"[outbound] recipient <adfd@abhas.in> rejected: 550 5.1.1 <adfd@abhas.in> User doesn't exist: adfd@abhas.in", SMTPRecipientUnknown, "", ""},

	// ===== Windows servers and hosted services (SmarterMail, IceWarp, Purelymail, Strato, Zoho) =====
	// https://www.aspnethosting.co.uk/knowledgebase.php?action=displayarticle&id=185 (SmarterMail rule)
	{"rsp: 550 From domain must match authenticated domain", SMTPSenderMismatch, "", ""},
	// https://github.com/jstedfast/MailKit/issues/1073 (IceWarp banned the IP after failed logins)
	{"Connected to imaps://mail.******************.com:993/\nS:  NO LOGOUT Intrusion prevention active for 50.***.***.***", AuthRateLimited, "", ""},
	// https://github.com/jstedfast/MailKit/issues/1954 (IceWarp's own MailKit build against Seznam)
	{"The IMAP server replied to the 'x-icewarp-server' command with a 'BAD' response: X-ICEWARP-SERVER is not implemented.", ServerProtocolError, "", ""},
	// https://github.com/Purelymail/purelymail-issues/issues/388
	{"root@example.net at remote mailserver mx.gomailify.com. (51.161.119.171): MessagingException: 421 4.3.2 too many connections, please try again later (5.0.0)", ServerBusy, "", ""},
	// https://github.com/YunoHost/issues/issues/2684 (Strato's MX)
	{"user@main_address.de (expanded from\n    user@other_hosted_domain.de: host smtpin.rzone.de[81.169.145.97] said:\n    550 5.1.2 No such mailbox [MSG0031] (in reply to RCPT TO command)", SMTPRecipientUnknown, "", ""},
	// https://github.com/bredikhin/meteor-contact-form/issues/6 (Zoho: From differs from the account)
	{"Exception while invoking method 'sendEmail' DeliveryError: Message delivery failed: 553 Relaying disallowed as myemail@email.com", SMTPSenderMismatch, "", ""},
	// https://github.com/mozilla/addons/issues/5052 (the Reply-To named a host that takes no mail)
	{"<reviewreply+XXX@olympia.prod.mozaws.net>\n    (reason: 550 5.1.2 Recipient address reviewreply+XXX@olympia.prod.mozaws.net not accepted.)", SMTPRecipientUnknown, "", ""},
}

// benignBatch24 are success and non-mail lines from the same threads: no error-level finding.
var benignBatch24 = []string{
	// https://github.com/foxcpp/maddy/issues/103
	"07.07.19 17:23:12 smtp: 235 2.0.0 Authentication succeeded",
	// https://github.com/foxcpp/maddy/issues/103
	"07.07.19 17:23:12 smtp: 250 2.0.0 Roger, accepting mail from <kitteh@kitteh.pw>",
	// https://github.com/haraka/Haraka/issues/643
	"[PROTOCOL] [194A9B70-DD67-4954-8066-FE99D31875CF] [core] S: 220 testhost_03 ESMTP Haraka 2.5.0 ready",
	// https://github.com/haraka/Haraka/issues/3085
	"[INFO] [9FF66D2E-3A69-4DFC-B8F7-B96191138C93] [tls] secured: cipher=TLS_AES_256_GCM_SHA384 version=TLSv1.3 verified=false",
	// https://github.com/haraka/Haraka/issues/1814
	"[PROTOCOL] [3B93828F-15A2-4AE5-AF06-AD8419EB49DA.1] [core] S: 221 vvo closing connection. Have a jolly good day.",
	// https://github.com/docker-mailserver/docker-mailserver/issues/82 (Courier authdaemond)
	"Feb 18 23:18:44 myhidden authdaemond: received auth request, service=imap, authtype=login",
	// https://github.com/OpenSMTPD/OpenSMTPD/issues/658
	"220 mail.etorok.net ESMTP OpenSMTPD",
	// https://github.com/cyrusimap/cyrus-sasl/issues/785
	"testsaslauthd -u test -p test -r example.org -s imap -f /var/spool/postfix/var/run/saslauthd/mux\n0: OK \"Success.\"",
	// https://github.com/mjl-/mox/issues/189
	`Jul 04 06:10:14 vps2.felle.nz mox[4289]: l=debug m="smtp command result" pkg=smtpserver kind=submission cmd=ehlo code=250 ecode= duration="22.68µs" cid=1907c5c86b9 delta="95.84µs"`,
	// https://github.com/jstedfast/MailKit/issues/758
	"S: 220 x-inmai01.x.com Kerio Connect 9.2.5 patch 3 ESMTP ready",
	// https://github.com/Mailu/Mailu/issues/2261
	"2022/03/02 06:04:22 [info] 13#13: *89499 client 31.210.20.189:60509 connected to 0.0.0.0:25",
	// https://github.com/NethServer/dev/issues/7983
	`ns8-sendmail[1241192]: status=sent from=lucag@demo.neth.eu to=luca.gasparini@nethesis.it subject="test-sendmail" server=smtp.xxx.yy:587 code=250`,
}

// beyondText24 are texts from the same threads whose cause is only in the thread: the matcher's
// nearest reading is pinned so a change shows.
var beyondText24 = []pinned{
	// https://github.com/mjl-/mox/issues/198 (mox v0.0.11: iCloud dropped the connection; the IP was blocklisted)
	{"data: unexpected EOF, transient", SMTPIPBlocked, ServerClosed},
	// https://github.com/postalserver/postal/issues/216 (outbound port 25 blocked by the provider, #1396)
	{"No SMTP servers were available for gmail.com. Tried gmail-smtp-in.l.google.com, alt1.gmail-smtp-in.l.google.com, alt2.gmail-smtp-in.l.google.com, alt3.gmail-smtp-in.l.google.com, and alt4.gmail-smtp-in.l.google.com", TCPPort25Blocked, ""},
	// https://github.com/haraka/Haraka/issues/848 (the log showed a Microsoft FBLW15 block)
	{"Intended Recipients: <hanna.cohen@hilleltoronto.org>\nFailure Reason: Error: Some recipients failed: <hanna.cohen@hilleltoronto.org>", SMTPIPBlocked, SMTPSendFailed},
	// https://github.com/Zimbra/zm-mailbox/pull/1434 (the domain's aggregate quota was exceeded)
	{"554 5.0.0 Permanent message delivery failure", SMTPRecipientMailboxFull, ""},
	// https://github.com/OpenSMTPD/OpenSMTPD/issues/687 (the destination did not offer TLS, which the config required; the text itself only says every MX failed)
	{"********@etu.univ-lyon1.fr: Network error on destination MXs", TLSSTARTTLSUnavailable, TCPConnectFailed},
	// https://github.com/jstedfast/MailKit/issues/1073 (IceWarp's intrusion prevention answered the greeting with NO)
	{"Syntax error in IMAP server greeting. Unexpected token: [atom: NO]", AuthRateLimited, ""},
	// https://github.com/postalserver/postal/issues/1159 (fixed by adding MX and AAAA records for the return path)
	{"Temporary SMTP delivery error when sending to WARMUP DOMAIN (11.11.111.11)\n``\n451 Temporarily unable to process your email. Please try again later.", SMTPSenderInvalid, ""},
	// https://github.com/OpenSMTPD/OpenSMTPD/issues/546 (OpenSMTPD 5.4: an unknown local user answered as a temporary failure)
	{`smtp-in: Failed command on session a6ee64eda205f046: "RCPT TO:<foo@example.com>" => 451 Temporary failure`, SMTPRecipientUnknown, ""},
	// https://github.com/PHPMailer/PHPMailer/issues/1224 (sendmail's log when PHPMailer's CRAM-MD5 login failed; AuthType LOGIN fixed it)
	{"gateway [192.168.2.1] did not issue MAIL/EXPN/VRFY/ETRN during connection to MSA", AuthMechanismUnsupported, ""},
}

func TestBeyondText24(t *testing.T) { checkPinned(t, beyondText24) }

// TestExplainBatch24 logs what explain gives (MatchText, else the word model's Guess) for the
// batch, next to the signatures-only figure TestUnseenBatches logs.
func TestExplainBatch24(t *testing.T) {
	ok := 0
	for _, c := range unseenBatch24 {
		var got Code
		if m := MatchText(c.text); len(m) > 0 {
			got = m[0].Code
		} else if g, found := Guess(c.text); found {
			got = g.Code
		}
		if got == c.want {
			ok++
		} else {
			t.Logf("explain miss %q: got %q, want %s", c.text, got, c.want)
		}
	}
	t.Logf("batch 24 by explain: %d/%d", ok, len(unseenBatch24))
	clean := 0
	for _, l := range benignBatch24 {
		dirty := false
		for _, m := range MatchText(l) {
			if e, found := Lookup(m.Code); !found || e.Severity == SevError {
				dirty = true
				t.Logf("benign line %q gives %s", l, m.Code)
			}
		}
		if !dirty {
			clean++
		}
	}
	t.Logf("batch 24 benign lines clean: %d/%d", clean, len(benignBatch24))
}

// TestLibraryErrorNames24: batch 24's misses were fixed by class; these are the siblings from the
// same tables. nginx's resolver prints "%V could not be resolved (%i: %s)" with the rcode texts of
// ngx_resolver_strerror (src/core/ngx_resolver.c: Format error, Server failure, Host not found,
// Unimplemented, Operation refused, Operation timed out); nginx's mail proxy logs the auth
// server's Auth-Status as `client login failed: "%V"` (src/mail/ngx_mail_auth_http_module.c) and
// an upstream's own refusal as `upstream sent invalid response: "%V"` (ngx_mail_proxy_module.c),
// where Mailu's reasons (core/admin/mailu/internal/nginx.py) are the cause; Ruby's OpenSSL
// binding raises "SSL_connect SYSCALL returned=%d errno=%d ... state=%s" (ext/openssl/ossl_ssl.c);
// MailKit's ImapCommandException names the command and the BAD/NO answer; Stalwart 0.5 traces
// key=value events, 0.9+ names events in parentheses; AT&T's DNSBL replies; IceWarp's intrusion
// prevention also answers SMTP; SmarterMail's sender rule.
func TestLibraryErrorNames24(t *testing.T) {
	checkNamed(t, []named{
		{"2022/05/11 12:23:06 [error] 10#10: *17 mail.example.org could not be resolved (5: Operation refused) while in resolving client address", DNSFailure},
		{"[error] 9#9: *3 example.org could not be resolved (1: Format error)", DNSFailure},
		{"[error] 9#9: *3 smtp.example.org could not be resolved (110: Operation timed out)", DNSFailure},
		{"[error] 13#13: *89499 31.210.20.189 could not be resolved (3: Host not found) while in resolving client address", DNSNXDomain},
		{`[info] 13#13: *89499 client login failed: "Authentication credentials invalid" while in http auth state, client: 192.0.2.7, server: 0.0.0.0:465`, AuthFailed},
		{`[info] 12#12: *2856 upstream sent invalid response: "-ERR [AUTH] Authentication failed." while reading response from upstream, client: 192.0.2.7, server: 0.0.0.0:995`, AuthFailed},
		{`[info] 12#12: *2857 upstream sent invalid response: "535 5.7.8 Error: authentication failed: authentication failure" while reading response from upstream`, AuthFailed},
		{`[info] 17#17: *592 client login failed: "Temporary authentication failure (ratelimit)" while in http auth state`, AuthRateLimited},
		{"SSL_connect SYSCALL returned=5 errno=0 state=unknown state", TLSHandshakeFailed},
		{"SSL_accept SYSCALL returned=5 errno=0 state=SSLv3/TLS read client hello", TLSHandshakeFailed},
		{"The IMAP server replied to the 'ID' command with a 'BAD' response: Unknown command.", ServerProtocolError},
		{`smtp::inbound::auth: context="auth" event="authenticate" result="failed"`, AuthFailed},
		{"2024-09-11T16:14:06Z INFO Authentication failed (auth.failed) listenerId = \"submissions\"", AuthFailed},
		{"553 5.3.0 flph840 DNSBL:ATTRBL 521< 192.0.2.1 >_is_blocked.For assistance forward this error to abuse_rbl@abuse-att.net", SMTPIPBlocked},
		{"550 5.7.1 Rejected by DNSBL", SMTPIPBlocked},
		{"554 5.7.1 Intrusion prevention active for [192.0.2.1]", AuthRateLimited},
		{"550 Sender domain must match authenticated domain", SMTPSenderMismatch},
		{"STARTTLS not advertised but required", TLSSTARTTLSUnavailable},
		{"550 5.7.1 This account is not authorized to receive email.", SMTPRecipientDisabled},
		// a whitelist hit is no block
		{"postfix/dnsblog[1060]: addr 167.89.108.242 listed by domain list.dnswl.org as 127.0.0.255", ""},
	})
}

// TestServerTables24: the replies the servers of batch 24 can send, read from their sources, so
// that a reply nobody has pasted yet still names its cause. Haraka v3.1.6 connection.js (the
// default texts of DENY/DENYSOFT per hook) and outbound/hmail.js; OpenSMTPD smtp_session.c with
// the enhanced codes and descriptions of esc.c, and its outbound errors (mta.c, mta_session.c).
func TestServerTables24(t *testing.T) {
	checkNamed(t, []named{
		// Haraka
		{"550 Authentication required", SMTPAuthRequired},
		{"554 rDNS Lookup Failed", SMTPNoReverseDNS},
		{"421 rDNS Temporary Failure", SMTPNoReverseDNS},
		{"554 Your mail is not welcome here", SMTPIPBlocked},
		{"550 HELO denied", SMTPHELORejected},
		{"450 EHLO denied", SMTPHELORejected},
		{"501 SSL attempted over a non-SSL socket", PortExpectsSTARTTLS},
		{"521 Command line too long", SMTPLineTooLong},
		{"503 Use EHLO/HELO before MAIL", SMTPBadSequence},
		{"501 Invalid MAIL FROM address", SMTPSenderInvalid},
		{"[outbound] Temp failing 1539758017236_1_xxx for 4096 seconds: No MX for example.org", DNSNoMX},
		// OpenSMTPD
		{"530 5.5.1 Invalid command: Must issue an AUTH command first", SMTPAuthRequired},
		{"530 5.7.0 Must issue a STARTTLS command first", TLSRequired},
		{"554 5.3.4 Message too big for system: Transaction failed, message too big", SMTPMessageTooLarge},
		{"452 4.5.3 Too many recipients: Too many messages sent", SMTPSendingLimit},
		{"451 4.5.3 Too many recipients: Too many recipients", SMTPSendingLimit},
		{"553 5.1.0 Sender address syntax error", SMTPSenderInvalid},
		{`smtp-in: Failed command on session 7818378b78e6ffe0: "MAIL FROM:<a@b>" => 553 5.1.0 Sender address syntax error`, SMTPSenderInvalid},
		{"501 5.1.3 Recipient address syntax error", SMTPRecipientUnknown},
		{"535 Authentication failed", AuthFailed},
		// OpenSMTPD's outbound side (mta.c, mta_session.c) as its relay: lines quote it
		{"relay: TempFail for 6b6a3b1c00000000: session=00000001, from=<a@example.org>, to=<b@example.net>, rcpt=<->, source=192.0.2.1, relay=192.0.2.25 (mx.example.net), delay=2s, stat=AUTH not advertised", SMTPAuthNotOffered},
		{"Refuse to AUTH over insecure channel", AuthPlaintextRefused},
		{"TLS required but not supported by remote host", TLSSTARTTLSUnavailable},
		{"No MX found for destination", DNSNoMX},
		{"Domain does not accept mail", DNSNoMX},
		{"Domain does not exist", DNSNXDomain},
		{"No valid route to remote MX", TCPConnectFailed},
		{"Remote host sent too much data", ServerTooMuchData},
		{"Could not retrieve credentials", AuthCredentialsMissing},
	})
}

// TestStalwartEvents24: Stalwart 0.9+ logs every event with its id in parentheses
// and its description (crates/trc/src/event/enums_impl.rs, the texts below are those
// descriptions; the surrounding key/values are shortened); the ids that name a cause are read as it.
func TestStalwartEvents24(t *testing.T) {
	checkNamed(t, []named{
		{`2025-01-10T10:00:00Z INFO Credential expired (auth.credential-expired) listenerId = "imaptls", accountName = "john"`, AuthPasswordExpired},
		{`2025-01-10T10:00:00Z INFO OAuth token expired (auth.token-expired) listenerId = "imaptls"`, AuthOAuthTokenExpired},
		{`2025-01-10T10:00:00Z INFO Missing MFA token for authentication (auth.mfa-required) listenerId = "submissions", accountName = "john"`, AuthAppPasswordRequired},
		{`2025-01-10T10:00:00Z INFO Authentication not allowed (smtp.auth-not-allowed) listenerId = "smtp", localPort = 25`, SMTPAuthNotOffered},
		{`2025-01-10T10:00:00Z INFO Rate limit exceeded (smtp.rate-limit-exceeded) listenerId = "submissions"`, SMTPSendingLimit},
		{`2025-01-10T10:00:00Z INFO Too many recipients (smtp.too-many-recipients) listenerId = "submissions"`, SMTPSendingLimit},
		{`2025-01-10T10:00:00Z INFO Invalid sender address (smtp.invalid-sender-address) listenerId = "smtp"`, SMTPSenderInvalid},
		{`2025-01-10T10:00:00Z INFO Invalid recipient address (smtp.invalid-recipient-address) listenerId = "smtp"`, SMTPRecipientUnknown},
		{`2025-01-10T10:00:00Z INFO SMTP EHLO rejected (delivery.ehlo-rejected) queueId = 1, hostname = "mx.example.org"`, SMTPHELORejected},
		{`2025-01-10T10:00:00Z INFO Client did not say EHLO (smtp.did-not-say-ehlo) listenerId = "smtp"`, SMTPBadSequence},
		{`2025-01-10T10:00:00Z WARN Banned due to loitering (security.loiter-ban) remoteIp = 192.0.2.9`, SMTPIPBlocked},
		{`2025-01-10T10:00:00Z WARN Banned due to abuse (security.abuse-ban) remoteIp = 192.0.2.9`, SMTPIPBlocked},
	})
}

// TestMaddyMessages24: maddy's own reply texts (maddy 0.9.4, the Message fields of exterrors in
// internal/: check/dnsbl, check/authorize_sender, endpoint/smtp, target/remote/security.go),
// as its logs quote them in "smtp_msg" and as remote senders see them.
func TestMaddyMessages24(t *testing.T) {
	checkNamed(t, []named{
		{`"smtp_code":554,"smtp_enchcode":"5.7.0","smtp_msg":"Listed in SBL"`, SMTPIPBlocked},
		{"Listed in PBL", SMTPIPBlocked},
		{"Domain listed as spam source", SMTPSpamRejected},
		{"Unauthorized use of sender address", SMTPSenderMismatch},
		{"High load, try again later", ServerBusy},
		{"rDNS name does not match source hostname", SMTPNoReverseDNS},
		{"TLS is required but unsupported or failed (enforced by DANE)", TLSSTARTTLSUnavailable},
		{"TLS is required but unavailable or failed (MTA-STS)", TLSSTARTTLSUnavailable},
		{"TLS it not available or unauthenticated but required (REQUIRETLS)", TLSSTARTTLSUnavailable},
		{"Recipient server TLS certificate is not trusted but authentication is required by MTA-STS", TLSCertUntrusted},
		{"No usable MXs, last err: dial tcp 192.0.2.1:25: connect: connection refused", TCPRefused},
		{"Invalid credentials", AuthFailed},
	})
}

// TestCyrusSASLCodes24: Cyrus imapd, saslauthd and Postfix with Cyrus SASL print the library's
// numbered result, "SASL(-13): authentication failure: ...", with sasl_errstring's text
// (cyrus-sasl include/sasl.h result codes, lib/common.c); the number names the cause even when
// the detail after it varies. Cyrus reports an account missing from its directory as -13 "user
// not found", which is read as the unknown user it is.
func TestCyrusSASLCodes24(t *testing.T) {
	checkNamed(t, []named{
		{"badlogin: [192.0.2.1] plain [SASL(-13): authentication failure: checkpass failed]", AuthFailed},
		{"badlogin: [192.0.2.1] plain [SASL(-13): user not found: unable to canonify user and get auxprops]", AuthUserUnknown},
		{"SASL(-20): user not found: could not find password", AuthUserUnknown},
		{"badlogin: [192.0.2.1] plaintext user SASL(-14): authorization failure: bad userid authenticated", AuthAuthorizationFailed},
		{"badlogin: [192.0.2.1] PLAIN [SASL(-4): no mechanism available: No worthy mechs found]", AuthMechanismUnsupported},
		{"SASL(-15): mechanism too weak for this user", AuthMechanismUnsupported},
		{"SASL(-16): encryption needed to use mechanism", TLSRequired},
		{"SASL(-18): passphrase expired, has to be reset", AuthPasswordExpired},
		{"SASL(-19): account disabled", AuthAccountLocked},
		{"SASL(-21): password locked", AuthAccountLocked},
	})
}

// TestQmailMessages24: qmail-remote's own delivery texts (netqmail 1.06 qmail-remote.c), as
// bounces quote them and as qmail-send logs them with spaces turned into underscores.
func TestQmailMessages24(t *testing.T) {
	checkNamed(t, []named{
		{"Sorry, I couldn't find any host named example.invalid. (#5.1.2)", DNSNXDomain},
		{"Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)", DNSNoAddress},
		{"CNAME lookup failed temporarily. (#4.4.3)", DNSFailure},
		{"Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)", TCPConnectFailed},
		{"delivery 245: deferral: Sorry,_I_wasn't_able_to_establish_an_SMTP_connection._(#4.4.1)/", TCPConnectFailed},
		{"delivery 246: deferral: Connected_to_192.0.2.25_but_connection_died._(#4.4.2)/", ServerClosed},
		{"delivery 12: failure: Sorry,_no_mailbox_here_by_that_name._(#5.1.1)/", SMTPRecipientUnknown},
	})
}
