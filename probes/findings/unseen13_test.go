package findings

import "testing"

// unseenBatch13 is the thirteenth batch, gathered on 2026-12-04 from client libraries and the
// self-hosted apps that embed them: Jakarta Mail/JavaMail (Keycloak, Jira, Jenkins plugins), lettre
// (Vaultwarden), nodemailer/imapflow/node-imap/emailjs (Uptime Kuma and others), Ruby Net::SMTP and the
// mail gem (GitLab, Mastodon, Redmine, Zammad, Discourse, OpenProject), PHP (Symfony Mailer, Swift
// Mailer in Nextcloud, PHPMailer, php imap, Horde in Nextcloud Mail, Zabbix), MailKit, and smtplib
// (Odoo, Django, Home Assistant, authentik). Scored once on first sight, before any matcher change
// for it. Texts are as posted (excerpts end where the source excerpt ended); the code is the cause
// the thread established (noted where it is not the reply's own wording), else what the reply says.
// None was in the corpus before (checked by a distinctive piece of each).
// First sight: 32 of 50 right (64.0 %), 10 of 14 benign lines clean; per family (clientFamily):
// dotnet 1/1, java 6/7, node 2/3, php 4/6, python 5/8, ruby 2/3, server-smtp 4/5, other 8/17.
// After the fixes (by class, see TestLibraryErrorNames13) 47 of 50; the three still missed need
// what only the thread shows and are kept apart in contextBatch13.
var unseenBatch13 = []corpusCase{
	// https://github.com/keycloak/keycloak/issues/12175
	{"com.sun.mail.smtp.SMTPSendFailedException: 530 5.7.1 Authentication required", SMTPAuthRequired, "", ""},
	// https://github.com/keycloak/keycloak/issues/27456 (mail to the server's own domain arrives, mail to any other domain is refused: relaying without login)
	{"org.keycloak.email.EmailException: jakarta.mail.SendFailedException: Invalid Addresses;\n  nested exception is:\n\torg.eclipse.angus.mail.smtp.SMTPAddressFailedException: 550 I cannot deliver mail for <xoboleh977@mcuma.com>", SMTPRelayDenied, "", ""},
	// https://github.com/mesutpiskin/keycloak-2fa-email-authenticator/issues/23
	{"ERROR [org.keycloak.services] (executor-thread-21) KC-SERVICES0029: Failed to send email: javax.mail.AuthenticationFailedException: 535 5.7.8 Error: authentication failed: UGFzc3dvcmQ6", AuthFailed, "", ""},
	// https://github.com/TreeBASE/treebase/issues/179
	{"javax.mail.SendFailedException: Send failure (javax.mail.SendFailedException: Invalid Addresses (com.sun.mail.smtp.SMTPAddressFailedException: 550 5.7.1 ... Relaying denied. Proper authentication required. (javax.mail.SendFailedException: Invalid Addresses (com.sun.mail.smtp.SMTPAddressFailedException: 550 5.7.1 ... Relaying denied. Proper authentication required. ))))", SMTPRelayDenied, "", ""},
	// https://github.com/openboxes/openboxes/issues/60 (the reply: authentication properties were not set)
	{"Caused by: com.sun.mail.smtp.SMTPAddressFailedException: 454 4.7.1 <justin@openboxes.com>: Relay access denied\n;\n  nested exception is:\n        com.sun.mail.smtp.SMTPAddressFailedException: 454 4.7.1 <info@openboxes.com>: Relay access denied", SMTPRelayDenied, "", ""},
	// https://github.com/cptactionhank/docker-atlassian-jira/issues/27
	{"An error has occurred with sending the test email:\ncom.atlassian.mail.MailException: com.sun.mail.util.MailConnectException: Couldn't connect to host, port: smtp.zoho.com, 587; timeout 10000;\n  nested exception is:\n\tjava.net.SocketTimeoutException: connect timed out", TCPTimeout, "", ""},
	// https://github.com/jenkinsci/poll-mailbox-trigger-plugin/issues/56
	{"Error : javax.mail.MessagingException: Connection refused: connect;\n  nested exception is:\njava.net.ConnectException: Connection refused: connect \nat com.sun.mail.imap.IMAPStore.protocolConnect(IMAPStore.java:665) ", TCPRefused, "", ""},
	// https://github.com/dani-garcia/vaultwarden/issues/6236 (rustls/webpki refuses the server's X.509 v1 certificate)
	{"SMTP error: Connection error: Connection error: invalid peer certificate: Other(OtherError(UnsupportedCertVersion))", TLSCertUntrusted, "", ""},
	// https://github.com/louislam/uptime-kuma/issues/242
	{"response: '550 5.2.0 Spam message rejected'", SMTPSpamRejected, "", ""},
	// https://github.com/postalsys/imapflow/issues/300
	{"  response: '3 NO [AUTHENTICATIONFAILED] AUTHENTICATE Invalid credentials',\n  responseStatus: 'NO',\n  executedCommand: '3 AUTHENTICATE PLAIN',\n  responseText: 'AUTHENTICATE Invalid credentials',\n  serverResponseCode: 'AUTHENTICATIONFAILED',\n  authenticationFailed: true\n}", AuthFailed, "", ""},
	// https://github.com/mscdex/node-imap/issues/826
	{"Error: Invalid credentials (Failure)\n    at Connection._resTagged (D:\\01-program\\wechaty\\node_modules\\_imap@0.8.19@imap\\lib\\Connection.js:1502:11)\n    at Parser.<anonymous> (D:\\01-program\\wechaty\\node_modules\\_imap@0.8.19@imap\\lib\\Connection.js:194:10)\n    at Parser.emit (events.js:311:20)\n    at Parser._resTagged (D:\\01-program\\wechaty\\node_modules\\_imap@0.8.19@imap\\lib\\Parser.js:175:10)\n    at Parser._parse (D:\\01-program\\wechaty\\node_modules\\_imap@0.8.19@imap\\lib\\Parser.js:139:16)\n    at Parser._tryread (D:\\01-program\\wechaty\\node_modules\\_imap@0.8.19@imap\\lib\\Parser.js:82:15)\n    at TLSSocket.Parser._cbReadable (D:\\01-program\\wechaty\\node_modules\\_imap@0.8.19@imap\\lib\\Parser.js:53:12)\n    at TLSSocket.emit (events.js:311:20)\n    at emitReadable_ (_stream_readable.js:562:12)\n    at processTicksAndRejections (internal/process/task_queues.js:83:21) {\n  type: 'no',\n  textCode: 'AUTHENTICATIONFAILED',\n  source: 'authentication'\n}", AuthFailed, "", ""},
	// https://github.com/forwardemail/email-templates/issues/158
	{"{ [Error: timedout while connecting to smtp server] code: 4, smtp: undefined }", TCPTimeout, "", ""},
	// https://github.com/eleith/emailjs/issues/63
	{"{ [Error: connection encountered an error]\n  code: 5,\n  previous: { [Error: connect ETIMEDOUT] code: 'ETIMEDOUT', errno: 'ETIMEDOUT', syscall: 'connect' },\n  smtp: undefined }", TCPTimeout, "", ""},
	// https://github.com/eleith/emailjs/issues/315
	{"Error: bad response on command 'RCPT': -relay not permitted. Please authenticate using your AAISP mailbox, or send", SMTPRelayDenied, "", ""},
	// https://github.com/zammad/zammad/issues/5675
	{"E, [TIMESTAMP#PID-THREAD] ERROR -- : Can't use Channel::Driver::Smtp: #<Net::SMTPFatalError: Net::SMTPFatalError>\nE, [TIMESTAMP#PID-THREAD] ERROR -- : 554 5.2.270 MapiExceptionMaxSubmissionExceeded; Message size exceeds maximum size limit.; STOREDR V.Submission.Exception:MessageSubmissionExceededException.MapiExceptionMaxSubmissionExceeded; Failed to process message due to a permanent exception with m", SMTPMessageTooLarge, "", ""},
	// https://github.com/opf/openproject-docker-compose/issues/84 (maintainer: the SMTP server does not answer in time)
	{"An error occurred while sending mail (Net::ReadTimeout with #<TCPSocket:(closed)>)", ServerResponseTimeout, "", ""},
	// https://github.com/gitlabhq/gitlabhq/issues/9203
	{"OpenSSL::SSL::SSLError: SSL_connect returned=1 errno=0 state=SSLv2/v3 read server hello A: unknown protocol", PortExpectsSTARTTLS, "", ""},
	// https://github.com/sameersbn/docker-gitlab/issues/1505
	{"OpenSSL::SSL::SSLError: SSL_connect returned=1 errno=0 state=SSLv3 read server certificate B: certificate verify failed", TLSCertUntrusted, "", ""},
	// https://github.com/sameersbn/docker-gitlab/issues/1008
	{"2016-12-12T04:14:09.782Z 501 TID-1u5770 WARN: Net::OpenTimeout: execution expired", TCPTimeout, "", ""},
	// https://github.com/mastodon/mastodon/issues/13111
	{"\"error_message\":\"execution expired\",\"error_class\":\"Net::OpenTimeout\",\"failed_at\":1581936484.4991121,\"retry_count\":3", TCPTimeout, "", ""},
	// https://github.com/bfosberry/GameSocial/issues/178
	{"Net::SMTPAuthenticationError occurred in </h2>\n<pre>\n454 4.7.0 Cannot authenticate due to temporary system problem. Try again later. 64sm2325014qgg.26 - gsmtp", ServerBusy, "", ""},
	// https://github.com/EBWiki/EBWiki/issues/823
	{"Net::SMTPAuthenticationError: 451 Authentication failed: Could not authenticate", AuthFailed, "", ""},
	// https://github.com/discourse/discourse/pull/27914 (Microsoft 365 security defaults block basic (password) SMTP AUTH)
	{"535 5.7.139 Authentication unsuccessful, user is locked by your\norganization's security defaults policy. Contact your administrator.", AuthBasicDisabled, "", ""},
	// https://github.com/bitnami/bitnami-docker-discourse/issues/53
	{"Jobs::VersionCheck Jobs::HandledExceptionWrapper: Wrapped Excon::Error::Socket: getaddrinfo: Temporary failure in name resolution (SocketError)", DNSFailure, "", ""},
	// https://github.com/MichalVanzura/redmine_app_notifications/issues/39
	{"OpenSSL::SSL::SSLError (SSL_connect returned=1 errno=0 state=error: wrong version number):", PortExpectsSTARTTLS, "", ""},
	// https://github.com/cometjc/redmine_mail_reminder/issues/86
	{"> rake aborted!\n> SSL_connect returned=1 errno=0 state=unknown state: unknown protocol\n> /home/redmine/redmine/lib/redmine/imap.rb:30:in `new'", PortExpectsSTARTTLS, "", ""},
	// https://github.com/symfony/symfony/issues/34846
	{"[2022-08-27 08:05:13] local.ERROR: Connection could not be established with host \"ssl://smtpout.secureserver.net:465\": stream_socket_client(): Unable to connect to ssl://smtpout.secureserver.net:465 (Connection timed out)", TCPTimeout, "", ""},
	// https://github.com/symfony/symfony/issues/36450
	{"Connection could not be established with host \"ssl0.ovh.net:587\": stream_socket_client(): unable to connect to ssl0.ovh.net:587 (Connection refused).", TCPRefused, "", ""},
	// https://github.com/nextcloud/docker/issues/1857
	{"\"Message\":\"Connection could not be established with host 127.0.0.1 :stream_socket_client(): Unable to connect to 127.0.0.1:25 (Connection refused)\\nLog data:\\n++ Starting Swift_SmtpTransport\\n!! Connection could not be established with host 127.0.0.1 :stream_socket_client(): Unable to connect to 127.0.0.1:25 (Connection refused) (code: 0)\",", TCPRefused, "", ""},
	// https://github.com/nextcloud/server/issues/23518
	{"Swift_TransportException: Expected response code 354 but got an empty response", ServerClosed, "", ""},
	// https://github.com/PHPMailer/PHPMailer/issues/409
	{"2018-08-01 17:43:53 SERVER -> CLIENT: 534-5.7.14 <https://accounts.google.com/signin/continue?sarp=1&scc=1&plt=AKgnsbvM534-5.7.14 -Y3w_ynk2Dfo2CY2mkjJQZ509twEk8KIJoVVL0ctty83bJb-19MZgtg-kabAqoX83kklSv534-5.7.14 yQrxExuHB1BsDII1O__U90SPTFQSISu9zppxOViZIskxxqIjYyTuD2lG0hkMLsG1N0R9uC534-5.7.14 L7xmRVLydVFT6mLpwQxYjBhquYeHQe1MkHJaJnWDOBx-5Bm3Tf55EOFo2Tt4IN5iY9YFLU534-5.7.14 3KKc06bWevqLcH8ZsNB1q3MmQGAKL1rbq5tYF7BXMBA1r4wAWi> Please log in via534-5.7.14 your web browser and then try again.534-5.7.14 L", AuthWebLoginRequired, "", ""},
	// https://github.com/freescout-help-desk/freescout/issues/92
	{"Error: imap_open(): Couldn't open stream {mysite.com:993/imap/ssl}. Certificate failure for mysite.com: Server name does not match certificate: /OU=Domain Control Validated/CN=*.myhost.biz; File:support/vendor/webklex/laravel-imap/src/IMAP/Client.php (230)", TLSCertHostnameMismatch, "", ""},
	// https://github.com/ddeboer/imap/issues/493
	{"Fatal error: Uncaught Ddeboer\\Imap\\Exception\\AuthenticationFailedException: [E_WARNING] Authentication failed for user \"developer@habbybv.com\": imap_open(): Couldn't open stream {mail.habbybv.com:993/imap/ssl/validate-cert} imap_alerts (0): imap_errors (1): - Certificate failure for mail.habbybv.com: self signed certificate:", TLSCertUntrusted, "", ""},
	// https://github.com/nextcloud/mail/issues/1543
	{"Horde_Imap_Client_Exception: Error connecting to mail server.", TCPConnectFailed, "", ""},
	// https://github.com/nextcloud/mail/issues/10509
	{"ServiceException Could not fetch message source: Mail server denied authentication.", AuthFailed, "", ""},
	// https://github.com/zabbix/zabbix-docker/issues/788
	{"An authentication function returned an error", AuthFailed, "", ""},
	// https://github.com/aschroder/Magento-SMTP-Pro-Email-Extension/issues/212
	{"Sending test email to your contact form address: system@mydomain.in from: system@mydomain.in. Unable to send test email.\nException message was: Connection refused", TCPRefused, "", ""},
	// https://github.com/WPManageNinja/fluent-smtp/issues/355 (the plugin sent AUTH with an empty login although authentication was set off)
	{"2025-12-15T13:52:14.078773+00:00 smtp postfix/587/smtpd[148309]: warning: web-1.xxxxxxxx.uk[2a0a:xxxx::14]: SASL LOGIN authentication failed: (reason unavailable), sasl_username=", AuthCredentialsMissing, "", ""},
	// https://github.com/jstedfast/MailKit/issues/700
	{"MailKit.Security.AuthenticationException: AuthenticationInvalidCredentials: 5.7.3 Authentication unsuccessful [BN3PR03CA0067.namprd03.prod.outlook.com]", AuthFailed, "", ""},
	// https://github.com/odoo/odoo/issues/27790
	{"5.5.2 Send hello first", SMTPBadSequence, "", ""},
	// https://github.com/odoo/docker/issues/94
	{"Mail delivery failed via SMTP server 'localhost'.\nerror: 111\nConnection refused", TCPRefused, "", ""},
	// https://github.com/home-assistant/core/issues/154774
	{"reply: b'553 5.7.1 <smart@box.li>: Sender address rejected: not logged in\\r\\n'", SMTPAuthRequired, "", ""},
	// https://github.com/CSUA/csua-backend/issues/43
	{"smtplib.SMTPSenderRefused: (530, b'5.7.0 Must issue a STARTTLS command first', 'django-error", TLSRequired, "", ""},
	// https://github.com/Tivix/django-cron/issues/148
	{"nsmtplib.SMTPSenderRefused: (552, b'the from address and the authenticated user must be the same email. #ERR_AUTH_FAIL', 'webmaster@localhost')", SMTPSenderMismatch, "", ""},
	// https://github.com/dotkom/onlineweb4/issues/732
	{"SMTPRecipientsRefused at /auth/register/\n{u'5435435435@45435.4534': (501, '5.1.3 Bad recipient address syntax')}", SMTPRecipientUnknown, "", ""},
	// https://github.com/goauthentik/authentik/issues/10720
	{"smtplib.SMTPDataError: (450, b'4.7.1 <END-OF-MESSAGE>: End-of-data rejected: Sorry, too many requests per time unit')", SMTPSendingLimit, "", ""},
	// https://github.com/comses/comses.net/issues/220 (SparkPost: the From domain is not a sending domain of the account)
	{"smtplib.SMTPDataError: (550, b'5.7.1 Unconfigured Sending Domain <asu.edu>')", SMTPSenderMismatch, "", ""},
}

// benignBatch13 are success and non-mail lines from the same threads (settings lines among them):
// none may give an error-level finding.
var benignBatch13 = []string{
	// https://github.com/PHPMailer/PHPMailer/issues/849
	"220 my.host.tld Microsoft ESMTP MAIL Service ready at Sun, 9 Oct 2016 10:53:19 +0200",
	// https://github.com/PHPMailer/PHPMailer/issues/849
	"Connected to my.host.tld.",
	// https://github.com/n8n-io/n8n/issues/16783
	"    \"response\": \"250 2.0.0 Ok: queued as DE89A42EEC\",",
	// https://github.com/home-assistant/core/issues/154774
	"reply: retcode (250); Msg: b'2.1.0 Ok'",
	// https://github.com/home-assistant/core/issues/154774
	"send: 'rset\\r\\n'",
	// https://github.com/WPManageNinja/fluent-smtp/issues/355
	"2025-12-15T13:52:12.574210+00:00 smtp postfix/587/smtpd[148309]: Anonymous TLS connection established from web-1.xxxxxxxx.uk[2a0a:xxxxx::14]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256",
	// https://github.com/keycloak/keycloak/issues/12175
	"2022-05-25 10:44:27,637 FINEST [com.sun.mail.util.socket] (executor-thread-25) success!",
	// https://github.com/keycloak/keycloak/issues/12175
	"2022-05-25 10:44:27,636 FINE  [com.sun.mail.smtp] (executor-thread-25) useEhlo true, useAuth true",
	// https://github.com/keycloak/keycloak/issues/12175
	"2022-05-25 10:44:27,637 FINEST [com.sun.mail.util.socket] (executor-thread-25) set socket read timeout 10000",
	// https://github.com/keycloak/keycloak/issues/12175
	"2022-05-25 10:44:27,636 FINEST [com.sun.mail.util.socket] (executor-thread-25) create socket: prefix mail.smtp, localaddr null, localport 0, host localhost, port 25, connection timeout 10000, timeout 10000, socket factory null, useSSL false",
	// https://github.com/keycloak/keycloak/issues/42973
	"DEBUG SMTP: connected to host \"smtp.yyy.com\", port: 465",
	// https://github.com/paperless-ngx/paperless-ngx/issues/8815
	"[2025-01-19 17:30:00,544] [DEBUG] [paperless_mail] Successfully refreshed oauth token for account Outlook OAuth",
	// https://github.com/jstedfast/MailKit/issues/1265
	"S: 220 2.0.0 SMTP server ready",
	// https://github.com/jonaswinkler/paperless-ng/issues/1031
	"webserver_1  | 15:52:33 [Q] INFO Process-1 created a task from schedule [Check all e-mail accounts]",
}

// contextBatch13 are the batch's texts whose cause the thread established from what the text does
// not show: the port (Ruby's EOFError on 465 without SSL), the network (a connect timeout to port
// 25, which only a comparison with 465/587 can call blocked; mailcheck's own probe does that), the
// sender rewriting (Zoho dropping the session when Odoo's From is not the login). They were scored
// with the batch on first sight (all three missed) and are still missed after the fixes, since no
// rule can read the cause from these texts alone: they stay out of the corpus that TestCorpus holds,
// and TestUnseenBatches logs what the matcher gives them.
var contextBatch13 = []corpusCase{
	// https://github.com/sameersbn/docker-redmine/issues/77 (port 465 without SSL/TLS; fixed by the new SMTP_TLS option)
	{"Completed 500 Internal Server Error in 30989.5ms\n\nEOFError (end of file reached):\n  app/models/mailer.rb:431:in `deliver_mail'", PortExpectsTLS, "", ""},
	// https://github.com/PHPMailer/PHPMailer/issues/1709 (replies: the host (AWS) blocks outbound port 25)
	{"stream_socket_client(): unable to connect to rsixchange.ramco.com:25 (A connection attempt failed because the connected party did not properly respond after a period of time, or established connection", TCPPort25Blocked, "", ""},
	// https://github.com/odoo/odoo/issues/13505 (Zoho drops the session when the From (rewritten to the catch-all domain) is not the logged-in account)
	{"2016-09-16 15:37:55,024 14221 ERROR productions openerp.addons.base.ir.ir_mail_server: Mail delivery failed via SMTP server 'smtp.zoho.com'.\nSMTPServerDisconnected: please run connect() first", SMTPSenderMismatch, "", ""},
}

// TestContextBatch13 logs what the matcher gives the texts whose cause is only in the thread.
func TestContextBatch13(t *testing.T) {
	logScore(t, "2026-12-04 batch 13, texts whose cause only the thread shows", contextBatch13)
}

// TestLibraryErrorNames13: batch 13's misses were fixed by keying on each library's own error
// texts, so their siblings from the same tables are named too (none of these lines was pasted in
// a thread we read). Sources: rustls src/error.rs (Error::InvalidCertificate is displayed as
// "invalid peer certificate: " and the CertificateError variant), curl lib/strerror.c
// (curl_easy_strerror, which libcurl users such as Zabbix print without the number), emailjs
// smtp/response.ts and smtp/client.ts (SMTPError messages), Horde_Imap_Client Socket.php
// (Horde_Imap_Client_Exception texts, which Nextcloud Mail shows), Ruby net/protocol.rb
// (Net::OpenTimeout, Net::ReadTimeout), Haraka connection.js (the RCPT reply when no plugin
// accepted the recipient), Gmail's SMTP error reference (421/454 4.7.0 temporary system problem),
// JavaMail SocketFetcher and SMTPTransport debug lines (settings, not errors).
func TestLibraryErrorNames13(t *testing.T) {
	checkNamed(t, []named{
		{"invalid peer certificate: UnknownIssuer", TLSCertUntrusted},
		{"invalid peer certificate: BadSignature", TLSCertUntrusted},
		{"invalid peer certificate: NotValidForName", TLSCertHostnameMismatch},
		{"invalid peer certificate: Expired", TLSCertExpired},
		{"invalid peer certificate: NotValidYet", TLSCertNotYetValid},
		{"invalid peer certificate: Revoked", TLSCertRevoked},
		{"invalid peer certificate: UnknownRevocationStatus", TLSRevocationUnchecked},
		{"SSL connect error", TLSHandshakeFailed},
		{"SSL peer certificate or SSH remote key was not OK", TLSCertUntrusted},
		{"Timeout was reached", TCPTimeout},
		{"Couldn't connect to server", TCPConnectFailed},
		{"Server returned nothing (no headers, no data)", ServerClosed},
		{"Weird server reply", ServerProtocolError},
		{"Requested SSL level failed", TLSSTARTTLSUnavailable},
		{"Failed sending data to the peer", TCPReset},
		{"Failure when receiving data from the peer", ServerClosed},
		{"SSL server certificate status verification FAILED", TLSRevocationUnchecked},
		{"{ [Error: connection has closed] code: 8, smtp: undefined }", ServerClosed},
		{"SMTPError: no connection has been established", TCPConnectFailed},
		{"Horde_Imap_Client_Exception: Mail server closed the connection unexpectedly.", ServerClosed},
		{"Horde_Imap_Client_Exception: Mail server denied authentication.", AuthFailed},
		{"Net::ReadTimeout: Net::ReadTimeout", ServerResponseTimeout},
		{"Net::OpenTimeout: execution expired", TCPTimeout},
		{"550 I cannot deliver mail for <user@example.org>", SMTPRelayDenied},
		{"No plugin determined if relaying was allowed", SMTPRelayDenied},
		{"421 4.7.0 Temporary System Problem.  Try again later (10).", ServerBusy},
		{"postfix/smtpd[1]: warning: unknown[192.0.2.1]: SASL PLAIN authentication failed: UGFzc3dvcmQ6, sasl_username=bob", AuthFailed},
		{"postfix/smtpd[1]: warning: unknown[192.0.2.1]: SASL PLAIN authentication failed: (reason unavailable), sasl_username=", AuthCredentialsMissing},
		{"Error: Invalid login: 535 Authentication failed\n  code: 'EAUTH',", AuthFailed},
		{"DEBUG SMTP: useEhlo true, useAuth false", ""},
		{"FINEST [com.sun.mail.util.socket] set socket read timeout 30000", ""},
		{"550 5.7.1 Unconfigured Sending Domain <example.org>", SMTPSenderMismatch},
		{"smtplib.SMTPSenderRefused: (553, b'Sender address must match the authenticated user', 'a@example.org')", SMTPSenderMismatch},
	})
}
