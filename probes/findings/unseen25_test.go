package findings

import "testing"

// unseenBatch25 is the session's second held-out set: 64 real texts and 20 success/non-mail lines
// (20 texts were dropped as if other batches had them, but only their first 50 characters
// matched a corpus text: the 17 with a code, scored later against the matcher as it stood at
// this scoring, gave 13 right (54/81, 66.7 %, in all) and stay outside the corpus; 6 whose cause
// no finding code names were left out), gathered by a helper who never ran the matcher, kept outside the
// repository and scored once (2026-12-04) after batches 20-24 were merged: explain named the right
// cause for 41/64 (64.1 %; the word model added none), benign 20/20 clean. After scoring, eight of
// its misses were fixed by class (below); the fifteen still read otherwise are in beyondText25.
var unseenBatch25 = []corpusCase{
	// https://github.com/hidu/mysql-schema-sync/issues/13 (Go net/smtp (mysql-schema-sync))
	{"email.go:76: send mail failed,err: x509: certificate is valid for *.263.net, 263.net, not smtp.xxxx.com", TLSCertHostnameMismatch, "", ""},
	// https://github.com/gogs/gogs/issues/1382 (Go (Gogs mailer))
	{"2015/07/22 10:15:59 [asm_amd64.s:2232 goexit()] [E] Async sent email 0 succeed, not send emails: ***@***.com, info: UID: 14, send register mail err: x509: certificate is valid for 127.0.0.1, not smtp.***.com", TLSCertHostnameMismatch, "", ""},
	// https://github.com/keel-hq/keel/issues/526 (Go (keel))
	{"time=\"2020-07-22T15:02:20Z\" level=error msg=\"extension.notification.mail: failed to send notification\" error=\"x509: certificate is valid for *, not xx.xx.com\"", TLSCertHostnameMismatch, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/626 (Node nodemailer)
	{"{ [Error: getaddrinfo ENOTFOUND a_lebdiri a_lebdiri:465]\n  code: 'ENOTFOUND',\n  errno: 'ENOTFOUND',\n  syscall: 'getaddrinfo',\n  hostname: 'a_lebdiri',\n  host: 'a_lebdiri',\n  port: 465 }", DNSNXDomain, "", ""},
	// https://github.com/LukeSmithxyz/mutt-wizard/issues/717 (msmtp)
	{"msmtp: cannot use a secure authentication method", AuthPlaintextRefused, "", ""},
	// https://github.com/OfflineIMAP/offlineimap/issues/309 (offlineimap)
	{"ERROR: Server SSL fingerprint '[trunchated for security reasons]' for hostname '[trunchated for security reasons]' does not match configured fingerprint. Please verify and set 'cert_fingerprint' accordingly if not set yet.", TLSCertUntrusted, "", ""},
	// https://github.com/hestiacp/hestiacp/issues/4852 (Exim log)
	{"2025-02-17 17:59:47 1tk2b3-006Xtp-0N ** xx@test.com R=send_via_unauthenticated_smtp_relay T=remote_smtp H=192.168.0.2 [192.168.0.2] X=TLS1.3:ECDHE_SECP256R1__ECDSA_SECP256R1_SHA256__AES_256_GCM:256 CV=yes: SMTP error from remote mail server after RCPT TO:<xx@test.com>: 550 Relay not permitted", SMTPRelayDenied, "", ""},
	// https://github.com/Angatar/mailman2/issues/1 (Exim log (Mailman))
	{"F=<testlist-bounces@lists.mydomain.hu> rejected RCPT <myexternaladdress@domain.tld>: relay not permitted", SMTPRelayDenied, "", ""},
	// https://github.com/roundcube/roundcubemail/issues/8279 (Roundcube (PHP))
	{"SMTP send:  NOT OK (Connection failed: Failed to connect socket: Network is unreachable)", TCPUnreachable, "", ""},
	// https://github.com/xuxueli/xxl-job/issues/3858 (Jakarta Mail (Angus) / Spring)
	{"org.springframework.mail.MailSendException: Failed messages: org.eclipse.angus.mail.smtp.SMTPSendFailedException: 553 Mail from must equal authorized user\n;\n  nested exception is:\n        org.eclipse.angus.mail.smtp.SMTPSenderFailedException: **553 Mail from must equal authorized user**", SMTPSenderMismatch, "", ""},
	// https://github.com/splitbrain/dokuwiki-plugin-smtp/issues/1 (PHP (DokuWiki smtp plugin))
	{"Sent: MAIL FROM:<>\nGot: 553 Mail from must equal authorized user", SMTPSenderMismatch, "", ""},
	// https://github.com/gen-smtp/gen_smtp/issues/137 (Erlang gen_smtp)
	{"** exception error: {error,retries_exceeded,\n                           {network_failure,\"40.100.136.146\",{error,timeout}}}", TCPTimeout, "", ""},
	// https://github.com/mailcow/mailcow-dockerized/issues/2185 (openssl s_client)
	{"139631594094656:error:0200206F:system library:connect:Connection refused:../crypto/bio/b_sock2.c:108:\n139631594094656:error:2008A067:BIO routines:BIO_connect:connect error:../crypto/bio/b_sock2.c:109:\nconnect:errno=111", TCPRefused, "", ""},
	// https://github.com/ceylinkeylan/mu-wizard/issues/10 (mbsync (isync))
	{"/Users/isaac/.mbsyncrc:17: keyword 'SSLType' is not recognized in IMAPStore sect\nions\n/Users/isaac/.mbsyncrc:18: keyword 'CertificateFile' is not recognized in IMAPSt\nore sections", ConfigUnknownKey, "", ""},
	// https://github.com/LukeSmithxyz/mutt-wizard/issues/158 (mbsync (isync))
	{"/home/user/.mbsyncrc:3: unknown section keyword 'SSLVersions'", ConfigUnknownKey, "", ""},
	// https://github.com/rgrove/larch/issues/62 (Ruby Net::IMAP (larch))
	{"[17:29:17] [fatal] Net::IMAP::ResponseParseError: unexpected token CRLF (cannot recover)", ServerProtocolError, "", ""},
	// https://github.com/OfflineIMAP/offlineimap/issues/625 (offlineimap)
	{" ERROR: Unknown SSL protocol connecting to host 'ex01.vcat.de' for repository 'work-remote'. OpenSSL responded:\n[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:727)", TLSCertUntrusted, "", ""},
	// https://github.com/Flolagale/mailin/issues/106 (Node mailin (SMTP server))
	{"535 Error: Authentication credentials invalid", AuthFailed, "", ""},
	// https://github.com/smartstore/Smartstore/issues/1515 (.NET MailKit (Smartstore))
	{"Smartstore.Net.Mail.MailException: The read operation failed, see inner exception.\n ---> System.IO.IOException: The read operation failed, see inner exception.\n ---> System.TimeoutException: Operation timed out after 5000 milliseconds\n ---> System.Threading.Tasks.TaskCanceledException: A task was canceled.", ServerResponseTimeout, "", ""},
	// https://github.com/triplea-game/triplea/issues/10134 (Jakarta Mail (TripleA))
	{"Unable to send email, check SMTP server credentials: com.sun.mail.util.MailConnectException: Couldn't connect to host, port: smtp.live.com, 587; timeout -1;\n  nested exception is:\n\tjava.net.ConnectException: Operation timed out (Connection timed out)", TCPTimeout, "", ""},
	// https://github.com/gophish/gophish/issues/159 (Go (gophish))
	{"2016/08/11 01:06:27 worker.go:230: x509: certificate is valid for smtp.gmail.com, not smtp.gmail.com:587", TLSCertHostnameMismatch, "", ""},
	// https://github.com/eleith/emailjs/issues/202 (Node emailjs)
	{"{ Error: bad response on command 'RCPT': 4.2.0 <xo@wvvw.me>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/wvvw.me.html", SMTPGreylisted, "", ""},
	// https://github.com/postalserver/postal/issues/576 (Postal (Ruby MTA))
	{"temporary SMTP delivery error when sending to ===========(xx.xxx.xx)\n\n451 4.7.1 Try again later\n\nTime: 0.09s\n\nSupport Ref: WJWUQLDI", SMTPGreylisted, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/1646 (Node nodemailer)
	{"Error trying to send email: Hostname/IP does not match certificate's altnames: Host: mx.nuwainfo.com. is not in the cert's altnames: DNS:mail-admin.mxnodes.com", TLSCertHostnameMismatch, "", ""},
	// https://github.com/chatmail/relay/pull/21 (Postfix log (Dovecot LMTP))
	{"Okt 15 23:48:15 c3 postfix/lmtp[48460]: C88761F60D: to=<user1697413481.021437_1@c3.testrun.org>, relay=c3.testrun.org[private/dovecot-lmtp], delay=5.1, delays=2.4/0/0/2.7, dsn=5.2.2, status=bounced (host c3.testrun.org[private/dovecot-lmtp] said: 552 5.2.2 <user1697413481.021437_1@c3.testrun.org> Quota exceeded (mailbox for user is full) (in reply to end of DATA command))", SMTPRecipientMailboxFull, "", ""},
	// https://github.com/virtualmin/virtualmin-gpl/issues/326 (procmail log)
	{"procmail: Quota exceeded while writing \"/home/_user_/homes/info/Maildir/tmp/1635844454.19097_0._server_\"", SMTPRecipientMailboxFull, "", ""},
	// https://github.com/zammad/zammad/issues/1719 (Zammad (Ruby) to Exim)
	{"501 Syntactically invalid HELO argument (s)", SMTPHELORejected, "", ""},
	// https://github.com/OpenSMTPD/OpenSMTPD/issues/1054 (OpenSMTPD log)
	{"smtp failed-command command=\"HELO \" result=\"501 5.5.4 Invalid command arguments: Invalid domain name\"", SMTPHELORejected, "", ""},
	// https://github.com/zone-eu/zone-mta/issues/162 (ZoneMTA bounce)
	{"550 Access denied - Invalid HELO name (See RFC2821 4.1.1.1)", SMTPHELORejected, "", ""},
	// https://github.com/joeyates/imap-backup/issues/217 (Ruby imap-backup (163 mail))
	{"C: RUBY0005 EXAMINE INBOX\nS: RUBY0005 NO EXAMINE Unsafe Login. Please contact kefu@188.com for help", IMAPIDRequired, "", ""},
	// https://github.com/smiley22/S22.Imap/issues/167 (.NET S22.Imap (163 mail))
	{"xm002 NO SELECT Unsafe Login. Please contact kefu@188.com for help", IMAPIDRequired, "", ""},
	// https://github.com/root-io/vmail/issues/89 (Postfix bounce (from Gmail))
	{"host gmail-smtp-in.l.google.com[74.125.206.27] said:\n    550-5.7.1 [62.210.82.129      12] Our system has detected that this message\n    is 550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to\n    Gmail, 550-5.7.1 this message has been blocked. Please visit 550-5.7.1\n    https://support.google.com/mail/?p=UnsolicitedMessageError 550 5.7.1  for\n    more information. 125si7057894wmk.237 - gsmtp (in reply to end of DATA\n    command)", SMTPSpamRejected, "", ""},
	// https://github.com/cgeo/cgeo/issues/5737 (Exim bounce (from Gmail))
	{"  SMTP error from remote mail server after end of data:\n    host aspmx.l.google.com [74.125.133.26]: 550-5.7.1 [193.95.241.239      12] Our system has detected that this message is\n    550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail,\n    550-5.7.1 this message has been blocked. Please visit\n    550 5.7.1  https://support.google.com/mail/answer/188131 for more information. r11si2166wmb.87 - gsmtp", SMTPSpamRejected, "", ""},
	// https://github.com/The-Login/SMTP-Smuggling-Tools/issues/11 (Python smtplib debug)
	{"data: (550, b'5.7.1 [ip      7] Gmail has detected that this message is\\n5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail,\\n5.7.1 this message has been blocked. For more information, go to\\n5.7.1  https://support.google.com/mail/?p=UnsolicitedMessageError 41be03b00d2f7-7fc9c37aa3dsi13433956a12.671 - gsmtp')", SMTPSpamRejected, "", ""},
	// https://github.com/docker-mailserver/docker-mailserver/issues/1471 (amavis bounce (docker-mailserver))
	{"was considered unsolicited bulk e-mail (UBE).\n\nOur internal reference code for your message is 2543112-06/Q8cmmCBHhq9r", SMTPSpamRejected, "", ""},
	// https://github.com/maxking/docker-mailman/issues/303 (Postfix log (to Gmail))
	{"Feb 11 07:41:39 listy postfix/smtp[3006]: 4424441E46: to=<RECP@gmail.com>, relay=gmail-smtp-in.l.google.com[66.102.1.27]:25, delay=0.58, delays=0.01/0.01/0.2/0.35, dsn=5.7.1, status=bounced (host gmail-smtp-in.l.google.com[66.102.1.27] said: 550-5.7.1 [104.248.27.183       1] Our system has detected an unusual rate of 550-5.7.1 unsolicited mail originating from your IP address. To protect our 550-5.7.1 users from spam, mail sent from your IP address has been blocked. 550-5.7.1 Please visit 550-5.7.1  https://support.google.com/mail/?p=UnsolicitedIPError to review our 550 5.7.1 Bulk Email Senders Guidelines. q16si3475662wrs.311 - gsmtp (in reply to end of DATA command))", SMTPIPBlocked, "", ""},
	// https://github.com/postalserver/docs/issues/17 (Postal (Yahoo/AOL reply))
	{"553 5.7.2 [TSS09] All messages from IP will be permanently deferred; Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes", SMTPIPBlocked, "", ""},
	// https://github.com/sandstorm-io/sandstorm/issues/2876 (Node (Sandstorm/Meteor email))
	{"Exception while invoking method 'createAndEmailTokenForUser' Error: Connection timeout\n    at Object.Future.wait (/programs/server/node_modules/fibers/future.js:449:15)\n    at smtpSend (imports/server/email.js:78:44)", TCPTimeout, "", ""},
	// https://github.com/roundcube/roundcubemail/issues/6032 (Roundcube (PHP Net_SMTP))
	{"SMTP Error: Message size exceeds server limit", SMTPMessageTooLarge, "", ""},
	// https://github.com/pinax/django-mailer/issues/90 (Python django-mailer)
	{"message deferred due to failure: (452, '4.3.4 Message size exceeds fixed limit'", SMTPMessageTooLarge, "", ""},
	// https://github.com/codeforamerica/clean/issues/331 (SendGrid (bounce reason))
	{"Reason: 552 #5.3.4 message size exceeds limit", SMTPMessageTooLarge, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/1550 (Node nodemailer (Gmail))
	{"code: 'EAUTH',\nresponse: '535-5.7.8 Username and Password not accepted. Learn more at\\n' +\n  '535 5.7.8  https://support.google.com/mail/?p=BadCredentials e14-20020adfef0e000000b0030c2e3c7fb3sm10043909wro.101 - gsmtp',\nresponseCode: 535,\ncommand: 'AUTH PLAIN'\n}", AuthFailed, "", ""},
	// https://github.com/aschroder/Magento-SMTP-Pro-Email-Extension/issues/174 (PHP Magento SMTP Pro (Zend_Mail))
	{"Exception message was: 5.7.9 Application-specific password required. Learn more at 5.7.9 https://support.google.com/accounts/answer/185833 b4sm274481wjd.16 - gsmtp", AuthAppPasswordRequired, "", ""},
	// https://github.com/Der-Henning/tgtg/issues/517 (Python smtplib (tgtg))
	{"[2024-07-14 00:43:05][tgtg][__main__.py:main:217][ERROR] Configuration Error: (534, b'5.7.9 Application-specific password required. For more information, go to\\n5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor ffacd0b85a97d-368119970e7sm1809147f8f.21 - gsmtp')", AuthAppPasswordRequired, "", ""},
	// https://github.com/mscdex/node-imap/issues/908 (Node node-imap (163 mail))
	{"EXAMINE Unsafe Login.Please contact kefy@188.com for help", IMAPIDRequired, "", ""},
	// https://github.com/DevXDojo/MrRSS/issues/602 (Go go-imap (MrRSS, 163/126 mail))
	{"Failed to select folder 'INBOX': SELECT unsafe Login. Please contact kefu@188.com for help", IMAPIDRequired, "", ""},
	// https://github.com/weibaohui/imapdownloader/issues/4 (Go (imapdownloader, 126 mail))
	{"\"下载报错：EXAMINE Unsafe Login. Please contact kefu@188.com for help\\n\"", IMAPIDRequired, "", ""},
	// https://github.com/splitbrain/dokuwiki-plugin-smtp/issues/16 (PHP (DokuWiki smtp plugin))
	{"ERROR: Mail from must equal authorized user", SMTPSenderMismatch, "", ""},
	// https://github.com/mailcow/mailcow-dockerized/issues/3435 (Gmail bounce (to mailcow))
	{"address not found + The answer from the remote server is: 550 5.2.0 No such mailbox", SMTPRecipientUnknown, "", ""},
}

var benignBatch25 = []string{
	// https://github.com/docker-mailserver/docker-mailserver/issues/1631
	"+OK Dovecot (Debian) ready.",
	// https://github.com/splitbrain/dokuwiki-plugin-smtp/issues/1
	"Got: 235 Authentication successful",
	// https://github.com/oneclickorgs/one-click-orgs/issues/150
	"Sent mail to charles@circus-foundation.org (729ms)",
	// https://github.com/jstedfast/MailKit/issues/1657
	"Connected to pop://url:110/?starttls=always",
	// https://github.com/postalsys/imapflow/issues/211
	"{\"level\":30,\"time\":1721223817642,\"pid\":1513389,\"hostname\":\"wang-nix\",\"component\":\"imap-connection\",\"cid\":\"toof9rx21qvodaswjwqt\",\"src\":\"connection\",\"msg\":\"Established secure TCP connection\",\"cid\":\"toof9rx21qvodaswjwqt\",\"secure\":true,\"host\":\"imap.gmail.com\",\"servername\":\"imap.gmail.com\",\"port\":993,\"address\":\"74.125.204.109\",\"localAddress\":\"192.168.66.13\",\"localPort\":39202,\"authorized\":true,\"algo\":\"TLS_AES_256_GCM_SHA384\",\"version\":\"TLSv1.3\"}",
	// https://github.com/NixOS/nixpkgs/issues/352446
	"Opening far side box INBOX...",
	// https://github.com/nicm/fdm/issues/30
	"added account \"xx@xx\": fetch=imaps server \"imap.exmail.qq.com\" port 993 user \"xx@xx\" folders \"INBOX\"",
	// https://github.com/mailcow/mailcow-dockerized/issues/2185
	"CONNECTED(00000003)",
	// https://github.com/DesertsP/Valine-Admin/issues/16
	"Node app is running on port: 3000",
	// https://github.com/nodemailer/nodemailer/issues/573
	"Server up: http://localhost:3300",
	// https://github.com/nodemailer/nodemailer/issues/1480
	"[2022-11-02 19:46:05] DEBUG Creating transport: nodemailer (6.8.0; +https://nodemailer.com/; SMTP/6.8.0[client:6.8.0])",
	// https://github.com/datawookie/emayili/issues/49
	"2020-08-24T18:29:47.457410+00:00 shinyapps[255593]: successfully set certificate verify locations:",
	// https://github.com/namshi/docker-smtp/issues/85
	"250 some-domain-i-own.com Hello [171.xxx.yyy.zzz] [172.xxx.yyy.zzz]",
	// https://github.com/virtualmin/virtualmin-gpl/issues/326
	"postfix/local[18897]: 16E94B1D012: to=<_user_@_server_>, orig_to=<_email_@_domain_>, relay=local, delay=123, delays=122/0/0/0.71, dsn=2.0.0, status=sent (delivered to command: /usr/bin/procmail-wrapper -o -a $DOMAIN -d $LOGNAME)",
	// https://github.com/Foundry376/Mailspring/issues/1145
	"4 OK Enabled (0.001 + 0.000 secs).",
	// https://github.com/mailcow/mailcow-dockerized/issues/2282
	"Mar 30 11:02:24 mx1 postfix/postscreen[12616]: PASS NEW [212.3.242.97]:44520",
	// https://github.com/gophish/gophish/issues/720
	" 2017/08/09 15:08:07 worker.go:356: Sending Email to nilexemipi@mobilevpn.top",
	// https://github.com/rgrove/larch/issues/62
	"[17:29:17] [info] [<] connected to imap.mail.me.com on port 993 using SSL",
	// https://github.com/aschroder/Magento-SMTP-Pro-Email-Extension/issues/174
	"SMTP Pro Self Test Results",
	// https://github.com/Foundry376/Mailspring/issues/1145
	"* ENABLED QRESYNC",
}

// beyondText25 are the second held-out set's texts still read otherwise: a cause only the thread
// knew (an interception proxy behind a name mismatch, QQ's authorization code behind a bare 535,
// TLS wanted behind a bare EOF or an imap_open failure), labels the corpus reads another way
// (Dovecot's "-ERR Command not permitted when TLS active" is tls.starttls-unavailable there), and
// wordings left as they are (a bare 503 or 552 reply code, SendGrid's 2FA note). The matcher's
// reading is held so a change shows.
var beyondText25 = []pinned{
	// https://github.com/go-gomail/gomail/issues/120 (Go gomail)
	{"x509: certificate is valid for mywebhost.com, not smtp.smtphost.com", TLSIntercepted, TLSCertHostnameMismatch},
	// https://github.com/openpolitics/groupthink/issues/459 (Ruby Net::SMTP (to SendGrid))
	{"535 Authentication failed: Basic authentication is not allowed with 2FA enabled. To fix, see https://sendgrid.com/docs/for-developers/sending-email/authentication/#basic-authentication", AuthAppPasswordRequired, AuthFailed},
	// https://github.com/hongrunhui/node_12306/issues/1 (Node smtp-connection (163 mail))
	{"{ Error: Invalid login: 535 Error: authentication failed\n    at SMTPConnection._formatError (C:\\Users\\WZC\\node_12306\\node_modules\\smtp-connection\\lib\\smtp-connection.js:528:15)\n    at SMTPConnection._actionAUTHComplete (C:\\Users\\WZC\\node_12306\\node_modules\\smtp-connection\\lib\\smtp-connection.js:1231:30)\n    at SMTPConnection.<anonymous> (C:\\Users\\WZC\\node_12306\\node_modules\\smtp-connection\\lib\\smtp-connection.js:319:22)\n    at SMTPConnection._processResponse (C:\\Users\\WZC\\node_12306\\node_modules\\smtp-connection\\lib\\smtp-connection.js:669:16)\n    at SMTPConnection._onData (C:\\Users\\WZC\\node_12306\\node_modules\\smtp-connection\\lib\\smtp-connection.js:493:10)\n    at emitOne (events.js:96:13)\n    at TLSSocket.emit (events.js:188:7)\n    at readableAddChunk (_stream_readable.js:176:18)\n    at TLSSocket.Readable.push (_stream_readable.js:134:10)\n    at TLSWrap.onread (net.js:548:20)\n  code: 'EAUTH',\n  response: '535 Error: authentication failed',\n  responseCode: 535,\n  command: 'AUTH PLAIN' }", AuthAuthorizationCodeRequired, AuthFailed},
	// https://github.com/andyedinborough/aenetmail/issues/173 (.NET AE.Net.Mail (French Windows))
	{"L'exception System.IO.IOException n'a pas été gérée\n  HResult=-2146232800\n  Message=Impossible de lire les données de la connexion de transport : Une tentative de connexion a échoué car le parti connecté n’a pas répondu convenablement au-delà d’une certaine durée ou une connexion établie a échoué car l’hôte de connexion n’a pas répondu.", ServerResponseTimeout, ""},
	// https://github.com/gophish/gophish/issues/159 (Go (gophish))
	{"2016/08/11 01:10:45 worker.go:230: EOF", PortExpectsTLS, ServerClosed},
	// https://github.com/swiftmailer/swiftmailer/issues/1240 (PHP SwiftMailer)
	{"Uncaught Swift_TransportException: Expected response code 354 but got code \"503\"", SMTPRecipientUnknown, ""},
	// https://github.com/MicrosoftDocs/OfficeDocs-Exchange/issues/1208 (Exchange Online NDR)
	{"Your message couldn't be delivered to the recipient because you don't have permission to send to it.\nAsk the recipient's email admin to add you to the accept list for the recipient.\nFor more information, see DSN 5.7.129 Errors in Exchange Online and Office 365.", SMTPRecipientDisabled, ""},
	// https://github.com/mail-in-a-box/mailinabox/issues/1771 (Postfix log (to Gmail))
	{"to=<example@example.com>, relay=alt1.aspmx.l.google.com[74.125.28.26]:25, delay=332, delays=328/0.03/3.4/0.57, dsn=4.7.28, status=deferred (host alt1.aspmx.l.google.com[74.125.28.26] said: 421-4.7.28 [xxx.59.88.xxx       4] Our system has detected an unusual rate of 421-4.7.28 unsolicited mail originating from your IP address. To protect our 421-x.x.xx users from spam, mail sent from your IP address has been temporarily 421-x.x.xx rate limited. Please visit 421-x.x.xx  https://support.google.com/mail/?p=UnsolicitedRateLimitError to 421 x.x.xx review our Bulk Email Senders Guidelines. z1si9679476pln.401 - gsmtp (in reply to end of DATA command))", SMTPIPBlocked, SMTPSpamRejected},
	// https://github.com/cnodejs/nodeclub/issues/854 (Node nodemailer (163 mail))
	{"454 Command not permitted when TLS active", ConfigPortModeMismatch, ""},
	// https://github.com/PHPMailer/PHPMailer/issues/341 (PHPMailer (SMTP class))
	{"SMTP Error: Authentication failed: 250-mx.google.com at your service, [2a01:7e00::f03c:91...", TLSRequired, AuthFailed},
	// https://github.com/imapsync/imapsync/issues/387 (imapsync (Perl IO::Socket::SSL))
	{"DEBUG: .../IO/Socket/SSL.pm:1279: local error: SSL write error (5) error:02FFF020:system library:func(4095):Broken pipe", ServerClosed, TCPReset},
	// https://github.com/muquit/mailsend/issues/164 (mailsend)
	{"Error: Expected smtp code 250, got 552", SMTPMessageTooLarge, ""},
	// https://github.com/jacobalberty/unifi-docker/issues/792 (Jakarta Mail (Angus, UniFi controller))
	{"controller-1   | [2025-03-11 10:42:50,983] <webapi-2> WARN  event  - Failed to send email. Messaging exception\ncontroller-1   | org.eclipse.angus.mail.util.MailConnectException: Couldn't connect to host, port: mail.xyz.de, 465; timeout 10000", TCPTimeout, TCPConnectFailed},
	// https://github.com/opensupports/opensupports/issues/1010 (PHP imap_open (OpenSupports))
	{"\"message\": \"imap_open(): Couldn't open stream {***:993}INBOX\",", PortExpectsTLS, ""},
	// https://github.com/faveosuite/faveo-helpdesk/issues/484 (PHP imap_open (Faveo))
	{"ErrorExceptionapp/Http/Controllers/Agent/helpdesk/MailController.php:176 imap_open(): Couldn't open stream {:/novalidate-cert}", ConfigIncomplete, ""},
}

func TestBeyondText25(t *testing.T) { checkPinned(t, beyondText25) }

// TestLibraryErrorNames25: the second held-out set's misses were fixed by class; these are
// siblings from the same sources: msmtp's src/smtp.c and mbsync's src/config.c messages, pinned
// fingerprints as getmail, fetchmail and msmtp word them, Ruby's Net::IMAP error classes, .NET's
// read-operation timeouts and its fr-FR transport-connection text, the UBE wording of
// Amavis/MailScanner, Gmail's UnsolicitedIPError link, STARTTLS sent inside TLS.
func TestLibraryErrorNames25(t *testing.T) {
	checkNamed(t, []named{
		{"msmtp: cannot use a secure authentication method", AuthPlaintextRefused},
		{"fetchmail: Server SSL fingerprint for mail.example.org does not match the configured fingerprint", TLSCertUntrusted},
		{"/home/u/.mbsyncrc:5: keyword 'Pass' is not recognized in IMAPAccount sections", ConfigUnknownKey},
		{"/home/u/.mbsyncrc:1: unknown keyword 'Tunel'", ConfigUnknownKey},
		{"Net::IMAP::ResponseParseError: unexpected token SPACE (expected NUMBER)", ServerProtocolError},
		{"System.IO.IOException: The read operation failed, see inner exception. ---> System.TimeoutException: The operation has timed out.", ServerResponseTimeout},
		{"554 5.7.0 Reject, id=12345-01 - SPAM: message was considered unsolicited bulk e-mail (UBE)", SMTPSpamRejected},
		{"550-5.7.1 [203.0.113.5] Our system has detected that this message is likely unsolicited mail. https://support.google.com/mail/?p=UnsolicitedIPError", SMTPIPBlocked},
		{"554 5.5.1 Error: TLS already active", ConfigPortModeMismatch},
	})
}
