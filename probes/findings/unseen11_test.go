package findings

import "testing"

// unseenBatch11 is an eleventh batch gathered on 2026-12-04 from the families the earlier batches
// found weakest or had not reached: Erlang/Elixir (gen_smtp, Bamboo via Plausible), Rust (himalaya,
// Stalwart's outbound client, rustls, async-imap as used by velo, bichon), Go applications (Grafana,
// Gitea with go-mail, Mattermost, Nightingale, BillionMail), C and Perl tools (mbsync, msmtp,
// fetchmail, MIME::Lite, kivitendo) and the Postfix/Exim/Dovecot logs users
// quote beside them. Each text names its source; texts already in the corpus were dropped before
// scoring (a shared 36-character piece with any corpus text or benign line), and the batch was
// scored once on first sight before any change for it: 28 of 40 right (70.0 %), benign 9 of 9
// clean. By family on first sight: Erlang/Elixir 3/4, Rust 4/7, Go applications 14/19, C and Perl
// tools 3/6, server logs 4/4. Texts are as posted (placeholders such as
// xxx or <domain> are the posters' own redactions); the code is the cause the thread established,
// or the one the reply code and the library's own wording state when the thread did not go further.
var unseenBatch11 = []corpusCase{
	// ===== Erlang / Elixir (gen_smtp, Bamboo) =====
	// https://github.com/fewlinesco/bamboo_smtp/issues/107
	{"** (Bamboo.SMTPAdapter.SMTPError) There was a problem sending the email through SMTP.\n     \nThe error is :retries_exceeded\n     \nMore detail below:\n     \n{:network_failure, \"[secure]\", {:error, :timeout}}", TCPTimeout, "", ""},
	// https://github.com/plausible/analytics/issues/886 (Mailgun's 2525 is a STARTTLS port; SMTP_HOST_SSL_ENABLED=true spoke TLS first)
	{"{:network_failure, 'smtp.eu.mailgun.org', {:error, {:tls_alert, {:unexpected_message, 'TLS client: In state hello at tls_record.erl:539 generated CLIENT ALERT: Fatal - Unexpected Message\\n {unsupported_record_type,50}'}}}}", PortExpectsSTARTTLS, "", ""},
	// https://github.com/gen-smtp/gen_smtp/issues/124 (without TLS: MAIL before AUTH)
	{`{permanent_failure,"smtp.gmail.com",
                          <<"530-5.5.1 Authentication Required. Learn more at\r\n530 5.5.1  https://support.google.com/mail"...>>}}`, SMTPAuthRequired, "", ""},
	// https://github.com/gen-smtp/gen_smtp/issues/43 (the From address passed was malformed)
	{`{error,no_more_hosts,{permanent_failure,"smtp.gmail.com",<<"555 5.5.2 Syntax error. g25sm113645629yhg.6 - gsmtp\r\n">>}}`, SMTPSenderInvalid, "", ""},

	// ===== Rust (himalaya, Stalwart outbound, rustls, async-imap, bichon) =====
	// https://github.com/pimalaya/himalaya/issues/189
	{"No Response: LOGIN failed.", AuthFailed, "", ""},
	// https://github.com/cry-inc/dmarc-report-viewer/issues/4 (the server wanted STARTTLS on 143)
	{"ERROR Failed updated cycle: Failed to get mails: Failed to create TLS stream with IMAP server: received corrupt message of type InvalidContentType", PortExpectsSTARTTLS, "", ""},
	// https://github.com/stalwartlabs/stalwart/issues/2059 (ancient receiving servers)
	{"<[xxx@xxx.com.ar](mailto:xxx@xxx.com.ar)> (TLS error from 'mail.xxx.com.ar': I/O error: tls handshake eof)", TLSHandshakeFailed, "", ""},
	// https://github.com/stalwartlabs/stalwart/issues/61
	{`attempt{domain="appmaildev.com" attempt_number=1}: smtp::outbound::delivery: context="tls" event="failed" mx="appmaildev.com" error=I/O error: tls handshake eof`, TLSHandshakeFailed, "", ""},
	// https://github.com/stalwartlabs/stalwart/issues/427
	{`2024-05-14T06:11:46.178513Z  INFO delivery{id=174875435419570176 return_path="my@mail.com" nrcpt=1 size=1188}:attempt{domain="appmaildev.com" attempt_number=0}: smtp::outbound::delivery: context="tls" event="failed" mx="appmaildev.com" error=I/O error: tls handshake eof`, TLSHandshakeFailed, "", ""},
	// https://github.com/avihaymenahem/velo/issues/204
	{`Login failed: no response: code: None, info: Some("[AUTHENTICATIONFAILED] Authentication failed.")`, AuthFailed, "", ""},
	// https://github.com/rustmailer/bichon/issues/278 (the poster's IP had been banned: connections refused)
	{`2026-05-28T13:36:22.116+00:00 ERROR bichon_core::imap::manager: Failed to create IMAP ****@mail.de's client: Generic {
    message: "Os {\n    code: 111,\n    kind: ConnectionRefused,\n    message: \"Connection refused\",\n}",
    location: Location {
        file: "crates/core/src/utils/net.rs",
        line: 156,
        column: 22,
    },
    code: NetworkError,
}`, TCPRefused, "", ""},

	// ===== Go applications (Grafana, Gitea/go-mail, Mattermost, Nightingale, BillionMail) =====
	// https://github.com/grafana/grafana/issues/6944
	{`t=2016-12-13T14:59:22+0000 lvl=eror msg="Failed to send alert notification email" logger=alerting.notifier.email error="Grafana mailing/smtp options not configured, contact your Grafana admin"`, ConfigIncomplete, "", ""},
	// https://github.com/grafana/grafana/issues/9804
	{`Alert notification send email failed: Failed to send alert notifications error="dial tcp 220.181.12.13:25: i/o timeout"`, TCPTimeout, "", ""},
	// https://github.com/grafana/grafana/issues/8867
	{`Jul 16 08:54:20 crnt-monitoring grafana-server[8598]: t=2017-07-16T08:54:20+0000 lvl=eror msg="Failed to send alert notification email" logger=alerting.notifier.email error="dial tcp 217.70.184.11:587: i/o timeout"`, TCPTimeout, "", ""},
	// https://github.com/grafana/grafana/issues/8548
	{`t=2017-06-06T17:22:08+0200 lvl=eror msg="Failed to send alert notification email" logger=alerting.notifier.email error=EOF`, ServerClosed, "", ""},
	// https://github.com/grafana/grafana/issues/47671
	{`t=2022-04-12T23:10:38+0900 lvl=info msg="level=error component=dispatcher msg=\"Notify for alerts failed\" num_alerts=1 err=\"grafana-default-email/email[0]: notify retry canceled due to unrecoverable error after 1 attempts: Failed to send notification to email addresses: <xyzzy@cute.net>: x509: certificate is valid for *.anime.org, *.bunny.haus, *.deadmicrophone.org, *.ixp.jp, *.kirameki.edu, *.manga.org, *.usagi.net, not localhost\"" logger=alertmanager org=1`, TLSCertHostnameMismatch, "", ""},
	// https://github.com/kubernetes-retired/heapster/issues/1527 (Grafana in a container without a CA bundle)
	{`t=2017-02-15T11:19:11+0000 lvl=eror msg="Failed to send alert notification email" logger=alerting.notifier.email error="x509: failed to load system roots and no roots provided"`, TLSCertUntrusted, "", ""},
	// https://github.com/grafana/grafana/issues/8127
	{`t=2017-04-13T09:16:45+0000 lvl=eror msg="Failed to send alert notification email" logger=alerting.notifier.email error="x509: certificate signed by unknown authority"`, TLSCertUntrusted, "", ""},
	// https://github.com/mcci-catena/docker-iot-dashboard/issues/26
	{`grafana_1_1bd29478925c | t=2019-01-24T15:58:43+0000 lvl=eror msg="Failed to send alert notification email" logger=alerting.notifier.email error="x509: certificate is valid for 27ae0e316043, not kaalut.dogfooding.net"`, TLSCertHostnameMismatch, "", ""},
	// https://github.com/go-gitea/gitea/issues/35794 (go-mail 0.7 sent a MAIL FROM the server could not parse)
	{"failed to issue MAIL command: 555 5.5.2 Syntax error, cannot decode response. For more information, go to 5.5.2 https://support.google.com/a/answer/3221692 and review RFC 5321 5.5.2 specifications. 4fb4d7f45d1cf-64068f74a56sm1990428a12.15 - gsmtp", SMTPSenderInvalid, "", ""},
	// https://github.com/go-gitea/gitea/issues/35788 (same go-mail upgrade, QQ's wording)
	{"failed to issue MAIL command: 502 Invalid input from xxxIPxxx to newxmesmtplogicsvrszb20-1.qq.com.", SMTPSenderInvalid, "", ""},
	// https://github.com/go-gitea/gitea/issues/35907
	{"failed to issue MAIL command: 501 5.1.7 Bad sender address syntax", SMTPSenderInvalid, "", ""},
	// https://github.com/mattermost/mattermost/issues/11326 (port 25 without TLS: Go's net/smtp will not send the password)
	{"Connection unsuccessful: Connection unsuccessful: SendMail: Failed to authenticate on SMTP server, unencrypted connection - undefined", AuthPlaintextRefused, "", ""},
	// https://github.com/mattermost/mattermost-docker/issues/455 (the IMAP port configured as the SMTP server)
	{`{"level":"error","ts":1583771068.8459604,"caller":"mailservice/mail.go:153","msg":"Failed to open a connection to SMTP server","error":"short response: * OK [CAPABILITY IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS ID ENABLE IDLE STARTTLS AUTH=PLAIN AUTH=LOGIN AUTH=DIGEST-MD5 AUTH=CRAM-MD5] Dovecot ready."}`, PortWrongProtocol, "", ""},
	// https://github.com/mattermost/docs/pull/7678
	{"Connection unsuccessful: Failed to add to email address - 554 5.7.1 <unknown[IP-ADDRESS]>: Client host rejected: Access denied", SMTPIPBlocked, "", ""},
	// https://github.com/mattermost/docs/pull/7678 (the fix: set the Notification From Address)
	{"Connection unsuccessful: Failed to set the to address: 550 5.7.27 <test@example.com>", SMTPSenderInvalid, "", ""},
	// https://github.com/mattermost/mattermost/pull/6464 (SES credentials valid, the IAM user may not send)
	{"Connection unsuccessful: Failed to close connection to SMTP server - 554 Access denied: User `arn:aws:iam::521493210219:user/ses-smtp-user.ci-servers' is not authorized to perform `ses:SendRawEmail' on resource `arn:aws:ses:us-east-1:521493210219:identity/mattermost.com'", AuthAuthorizationFailed, "", ""},
	// https://github.com/mattermost/docker/issues/152
	{`{"timestamp":"2024-10-04 08:21:16.133 Z","level":"error","msg":"Connection unsuccessful: unable to connect to the SMTP server: dial tcp 162.55.254.207:587: i/o timeout","caller":"web/context.go:117","path":"/api/v4/email/test","request_id":"cii43nktxiffteigjih3eg8kwe","ip_addr":"172.18.0.3","user_id":"1rd9yxud3tbumd5b6kngjgpduo","method":"POST","err_where":"testEmail","http_code":500,"error":"testEmail: Connection unsuccessful: unable to connect to the SMTP server: dial tcp 162.55.254.207:587: i/o timeout"}`, TCPTimeout, "", ""},
	// https://github.com/ccfos/nightingale/issues/1050
	{"ERROR sender/email.go:49 email_sender: failed to dial smtp: dial tcp: lookup smtp.xxx.xxx.xx : no such host", DNSNXDomain, "", ""},
	// https://github.com/Billionmail/BillionMail/issues/20
	{"failed to connect: SMTP dial: EOF", ServerClosed, "", ""},

	// ===== C and Perl tools (mbsync, msmtp, fetchmail, MIME::Lite, kivitendo) =====
	// https://github.com/LukeSmithxyz/mutt-wizard/issues/389
	{"Socket error: secure read from imap.gmail.com error:14095126:SSL routines:ssl3_read_n:unexpected eof while reading", TLSHandshakeFailed, "", ""},
	// https://github.com/hashbang/shell-etc/pull/181 (the pinned tls_fingerprint was stale after the certificate changed)
	{"sendmail: TLS certificate verification failed: the certificate fingerprint does not match\nsendmail: could not send mail (account default from /etc/msmtprc)", TLSCertUntrusted, "", ""},
	// https://github.com/docker-mailserver/docker-mailserver/pull/4156 (a wrong password gives the same mail)
	{"Fetchmail could not get mail from xxx.\n\nThe attempt to get authorization failed.\nSince we have already succeeded in getting authorization for this\nconnection, this is probably another failure mode (such as busy server)\nthat fetchmail cannot distinguish because the server didn't send a useful\nerror message.", AuthFailed, "", ""},
	// https://github.com/inverse-inc/packetfence/issues/2734
	{"Oct 27 09:00:17 testing-c7 packetfence_httpd.portal: httpd.portal(7511) ERROR: [mac:78:4f:43:33:45:f6] Can't send email to 'zammitludovic@gmail.com' :'SMTP Failed to connect to mail server: Connection refused at /usr/share/perl5/vendor_perl/MIME/Lite.pm line 3036.' (pf::config::util::send_mime_lite)", TCPRefused, "", ""},
	// https://github.com/kivitendo/kivitendo-erp/pull/735
	{"Fehler: Die E-Mail wurde aufgrund des folgenden Fehlers nicht verschickt: SMTP authentication failed: 5.7.0 Authentication failed", AuthFailed, "", ""},
	// https://github.com/Mailu/Mailu/issues/984 (port 25: the receiving port offers no AUTH)
	{`"Unspecified Error (SENT_EHLO): Smtp server does not advertise AUTH capability, code: 0`, SMTPAuthNotOffered, "", ""},

	// ===== Server logs quoted beside them (Exim, Postfix, Dovecot) =====
	// https://github.com/d1ceward-on-dokku/plausible_on_dokku/issues/13 (IPv6 route missing in the container)
	{"Connecting to aspmx.l.google.com [xxxx:xxxx:xxxx:c07::1b]:25 ... failed: Cannot assign requested address\nH=aspmx.l.google.com [xxxx:xxxx:xxxx:c07::1b] Cannot assign requested address", NetIPv6Unreachable, "", ""},
	// https://github.com/LukeSmithxyz/emailwiz/issues/47
	{"Jul 01 18:31:14 localhost postfix/smtp[20014]: connect to mail.register.it[195.110.124.132]:25: Connection timed out\nJul 01 18:31:14 localhost postfix/smtp[20014]: BC45E5B8AF: to=<business@tourtrap.it>, relay=none, delay=30, delays=0.2/0/30/0, dsn=4.4.1, status=deferred (connect to mail.register.it[195.110.124.132]:25: Connection timed out)", TCPTimeout, "", ""},
	// https://github.com/Mailu/Mailu/issues/3027
	{"server certificate verification failed for mx-mibc-fr-03.mailinblack.com[40.89.154.15]:25: num=62:hostname mismatch", TLSCertHostnameMismatch, "", ""},
	// https://github.com/docker-mailserver/docker-mailserver/issues/1607 (the client did not trust the certificate)
	{"TLS handshaking: SSL_accept() failed: error:14094418:SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca: SSL alert number 48", TLSCertUntrusted, "", ""},
}

// benignBatch11 are success and non-mail lines from the same threads: no error-level finding.
var benignBatch11 = []string{
	// https://github.com/grafana/grafana/issues/8548
	`t=2017-06-06T17:22:08+0200 lvl=info msg="Sending alert notification to" logger=alerting.notifier.email addresses=[sg@loyaltypartner.com]`,
	// https://github.com/grafana/grafana/issues/8548
	`t=2017-06-06T17:22:08+0200 lvl=info msg="Sending notification" logger=alerting.notifier type=email id=0 isDefault=false`,
	// https://github.com/authorizerdev/authorizer/issues/282
	"Oct 26 21:04:58 mx1 postfix/smtpd[67002]: Anonymous TLS connection established from n23.leafia.net[107.178.108.185]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange ECDHE (P-384) server-signature RSA-PSS (2048 bits) server-digest SHA256",
	// https://github.com/stalwartlabs/stalwart/issues/1578
	`2025-05-26T23:58:21Z INFO Delivery attempt started (delivery.attempt-start) queueId = 243319752651441139, from = "mailbox@origin.com", to = ["mailbox@recipient.com"], size = 1288, total = 1`,
	// https://github.com/stalwartlabs/stalwart/issues/908
	`2024-11-10T08:40:57Z INFO Authentication successful (auth.success) listenerId = "submissions", localPort = 465, remoteIp = 172.17.0.1, remotePort = 46814, accountName = "contact", accountId = 6`,
	// https://github.com/nicm/fdm/issues/30
	"xx@xx: 0 messages processed in 5.117 seconds",
	// https://github.com/getmail6/getmail6/issues/239
	"  0 messages (0 bytes) retrieved, 0 skipped from SimpleIMAPSSLRetriever:username@domain.com@imap.secureserver.net:993",
	// https://github.com/RainLoop/rainloop-webmail/issues/805
	"[15:14:51.623][d697debb] SMTP[NOTE]: Connected (success)",
	// https://github.com/RainLoop/rainloop-webmail/issues/805
	`[15:14:51.608][d697debb] IMAP[DATA]: < TAG1 OK LOGIN Ok.\r\n`,
}

// TestBatch11LibraryNames: batch 11's misses were fixed by class, so the siblings each fix covers
// are held here too, none of them from a thread we read. Sources: rustls/src/error/mod.rs (0.23:
// Error's Display "received corrupt message of type {InvalidMessage:?}", "invalid peer
// certificate: {CertificateError}", "peer is incompatible: {PeerIncompatible:?}", "received fatal
// alert: the peer {AlertDescription}" and the Debug forms Rust programs print), tokio-rustls'
// "tls handshake eof", Go's net/textproto ("short response: " + the line) and io.EOF in a logger's
// key=value, Grafana's ErrSmtpNotEnabled (pkg/services/notifications), msmtp src/mtls-openssl.c
// and src/mtls-gnutls.c, fetchmail driver.c's authentication-failure mail, MailKit's SmtpClient,
// RFC 5321 §4.2.3 (555: MAIL/RCPT parameters) and AWS IAM's AccessDenied wording.
func TestBatch11LibraryNames(t *testing.T) {
	checkNamed(t, []named{
		// rustls: what the peer sent is not TLS (a plaintext greeting) — the STARTTLS port
		{"received corrupt message of type InvalidContentType", PortExpectsSTARTTLS},
		{"Error: Custom { kind: InvalidData, error: InvalidMessage(InvalidContentType) }", PortExpectsSTARTTLS},
		// rustls CertificateError, Display and Debug
		{`invalid peer certificate: certificate not valid for name "mail.example.com"; certificate is only valid for *.example.net`, TLSCertHostnameMismatch},
		{"Error: Custom { kind: InvalidData, error: InvalidCertificate(NotValidForName) }", TLSCertHostnameMismatch},
		{"invalid peer certificate: certificate not valid yet: verification time 1700000000 (UNIX), but certificate is not valid before 1710000000 (10000000 seconds in future)", TLSCertNotYetValid},
		{"invalid peer certificate: NotValidYet", TLSCertNotYetValid},
		{"invalid peer certificate: Revoked", TLSCertRevoked},
		{"invalid peer certificate: UnknownRevocationStatus", TLSRevocationUnchecked},
		{"invalid peer certificate: BadSignature", TLSCertUntrusted},
		{"Error: Custom { kind: InvalidData, error: InvalidCertificate(UnknownIssuer) }", TLSCertUntrusted},
		// rustls alerts: the 0.23 sentences and the Debug names
		{"received fatal alert: the peer failed to negotiate an acceptable set of security parameters", TLSHandshakeFailed},
		{"received fatal alert: the peer did not support a suitable TLS version", TLSVersionTooOld},
		{"received fatal alert: ProtocolVersion", TLSVersionTooOld},
		{"Error: Custom { kind: InvalidData, error: AlertReceived(ProtocolVersion) }", TLSVersionTooOld},
		{"Error: Custom { kind: InvalidData, error: AlertReceived(UnknownCa) }", TLSCertUntrusted},
		{"peer is incompatible: ServerDoesNotSupportTls12Or13", TLSVersionTooOld},
		{"Error: Custom { kind: InvalidData, error: PeerIncompatible(Tls12NotOffered) }", TLSVersionTooOld},
		{"peer is incompatible: NoCipherSuitesInCommon", TLSHandshakeFailed},
		{"peer misbehaved: SelectedUnofferedCipherSuite", TLSHandshakeFailed},
		// the peer hung up inside the handshake: a failed handshake, not a plain close
		{"I/O error: tls handshake eof", TLSHandshakeFailed},
		// Go: io.EOF as a logger prints it; textproto's short response carrying another protocol
		{"error=EOF", ServerClosed},
		{`{"level":"error","error":"EOF"}`, ServerClosed},
		{"short response: +OK Dovecot ready.", PortWrongProtocol},
		{"short response: * OK IMAP4rev1 Service Ready", PortWrongProtocol},
		{"short response: SSH-2.0-OpenSSH_8.9p1", PortWrongProtocol},
		// no outgoing server configured in the application
		{"SMTP not configured, check your grafana.ini config file's [smtp] section", ConfigIncomplete},
		{"The mail server is not configured for relaying", ""},
		// msmtp's certificate checks
		{"msmtp: TLS certificate verification failed: the certificate fingerprint does not match", TLSCertUntrusted},
		{"msmtp: TLS certificate check failed: the certificate owner does not match hostname smtp.example.com", TLSCertHostnameMismatch},
		// fetchmail's mail after a failed login, both branches: a login failure, not a busy server
		{"The attempt to get authorization failed.\nThis probably means your password is invalid, but some servers have\nother failure modes that fetchmail cannot distinguish from this because\nthey don't send useful error messages on login failure.", AuthFailed},
		// no AUTH offered, as other clients say it
		{"The SMTP server does not support authentication.", SMTPAuthNotOffered},
		{"Smtp server does not advertise AUTH capability", SMTPAuthNotOffered},
		// 555: the MAIL FROM (or RCPT TO) argument itself was refused; not an unsupported option
		{"555 5.5.2 Syntax error. - gsmtp", SMTPSenderInvalid},
		{"555 5.5.4 Unsupported option: SMTPUTF8", ""},
		{"This is the 555th message", ""},
		// AWS IAM: the SMTP credentials are valid, the user may not send
		{"554 Access denied: User `arn:aws:iam::123456789012:user/ses-smtp-user' is not authorized to perform `ses:SendRawEmail' on resource `arn:aws:ses:eu-west-1:123456789012:identity/example.com'", AuthAuthorizationFailed},
	})
}
