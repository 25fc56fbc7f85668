package findings

// unseenBatch2 is a second batch gathered on 2026-12-04, after the matcher had been generalised
// for the first one (unseen_test.go): it measures how far that generalisation carries to texts
// it was not written for. Scored once before any change for it: 33 of 40 right (82.5 %; 7 more
// texts turned out to be in the corpus already and were dropped); the figure is in the README.
var unseenBatch2 = []corpusCase{
	// ===== Node (nodemailer) =====
	// https://github.com/nodemailer/nodemailer/issues/915
	{"{ Error: Connection timeout\nat SMTPConnection._formatError (/var/www/html/project/node_modules/nodemailer/lib/smtp-connection/index.js:606:19)\nat SMTPConnection._onError (/var/www/html/project/node_modules/nodemailer/lib/smtp-connection/index.js:579:20)\nat Timeout._connectionTimeout.setTimeout at ontimeout (timers.js:482:11) code: 'ETIMEDOUT', command: 'CONN' }", TCPTimeout, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/1365
	{"{\n  errno: 'ETIMEDOUT',\n  code: 'ESOCKET',\n  syscall: 'connect',\n  address: '151.106.116.107',\n  port: 465,\n  command: 'CONN'\n}", TCPTimeout, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/918
	{"{ Error: connect ETIMEDOUT 221.176.9.170:587\n    at Object._errnoException (util.js:992:11)\n    at _exceptionWithHostPort (util.js:1014:20)\n    at TCPConnectWrap.afterConnect [as oncomplete] (net.js:1186:14)\n  code: 'ECONNECTION',\n  errno: 'ETIMEDOUT',\n  syscall: 'connect',\n  address: '221.176.9.170',\n  port: 587,\n  command: 'CONN' }", TCPTimeout, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/207
	{"error:  code=ETIMEDOUT, errno=ETIMEDOUT\nClosing connection to the server", TCPTimeout, "", ""},
	// https://github.com/Vincedream/NodeMail/issues/20
	{"{ Error: Message failed: 554 DT:SPM 126 smtp2,DMmowAAnNDQz4zxdCk6LIw--.52838S2 1564271411,please see http://mail.163.com/help/help_spam_16.htm?ip=219.143.176.2&hostid=smtp2&time=1564271411", SMTPSpamRejected, "", ""},

	// ===== Java (JavaMail, Spring, Android) =====
	// https://github.com/mikeberger/borg_calendar/issues/143 (EOF before the greeting on 465: SSL not enabled)
	{"javax.mail.MessagingException: Could not connect to SMTP host: smtp.example.com, port: 465, response: -1", PortExpectsTLS, "", ""},
	// https://github.com/support-project/knowledge/issues/598
	{"Mail Send Error [class javax.mail.MessagingException] - Could not connect to SMTP host: smtp.gmail.com, port: 465, response: -1", PortExpectsTLS, "", ""},
	// https://github.com/brandonjenniges/JavaMail-API-Android/issues/3
	{"W/System.err: com.sun.mail.util.MailConnectException: Couldn't connect to host, port: smtp.gmail.com, 465; timeout -1;\n  nested exception is:\n\tjava.net.ConnectException: failed to connect to smtp.gmail.com/2404:6800:4003:c02::6c (port 465) after 90000ms: isConnected failed: ENETUNREACH (Network is unreachable)", NetIPv6Unreachable, "", ""},
	// https://github.com/tntkhang/gmail-sender-helper/issues/6
	{"javax.mail.MessagingException: Unknown SMTP host: smtp.gmail.com;\n  nested exception is:\n\tjava.net.UnknownHostException: smtp.gmail.com", DNSNXDomain, "", ""},
	// https://github.com/grails-plugins/grails-mail/issues/42
	{"org.springframework.mail.MailSendException: Mail server connection failed; nested exception is com.sun.mail.util.MailConnectException: Couldn't connect to host, port: localhost, 25; timeout -1;", TCPConnectFailed, "", ""},
	// https://github.com/rosehgal/TrashEmail/issues/3
	{"javax.mail.MessagingException: Connection refused (Connection refused);\n  nested exception is:\n\tjava.net.ConnectException: Connection refused (Connection refused)", TCPRefused, "", ""},
	// https://github.com/overview/overview-local/issues/22
	{"Caused by: com.sun.mail.util.MailConnectException: Couldn't connect to host, port: \"smtp-ctc.xx.org\", 25; timeout 60000", TCPConnectFailed, "", ""},
	// https://github.com/SunnyBat/PAXChecker/issues/8
	{"javax.mail.MessagingException: Could not connect to SMTP host: smtp.gmail.com, port: 465;\n  nested exception is:\n    javax.net.ssl.SSLHandshakeException: sun.security.validator.ValidatorExc eption: PKIX path building failed:\n    sun.security.provider.certpath.SunCertPathBui lderException: unable to find valid certification path to requested target", TLSCertUntrusted, "", ""},
	// https://github.com/lx1169732264/zdm/issues/3
	{"com.sun.mail.smtp.SMTPSendFailedException: 530-5.7.0 Must issue a STARTTLS command first. For more information, go to\n530-5.7.0  https://support.google.com/a/answer/3221692 and review RFC 3207\n530 5.7.0 specifications. d9443c01a7336-1f632416d90sm95628645ad.285 - gsmtp", TLSRequired, "", ""},
	// https://github.com/lx1169732264/zdm/issues/3 (QQ)
	{"javax.mail.AuthenticationFailedException: 530 Login fail. A secure connection is requiered(such as ssl). More information at http://service.mail.qq.com/cgi-bin/help?id=28", TLSRequired, "", ""},

	// ===== PHP (PHPMailer, Roundcube) =====
	// https://github.com/PHPMailer/PHPMailer/issues/1255
	{"2019-03-08 10:07:46 Connection failed. Error #2: stream_socket_client(): unable to connect to smtp.gmail.com:465 (Network is unreachable) [/home/vcewacin/public_html/faculty1/phpmailer/class.smtp.php line 299]", TCPUnreachable, "", ""},
	// https://github.com/roundcube/roundcubemail/issues/7429
	{"[10-Jun-2020 01:20:57 +0200]: <s073mu0l> IMAP Error: Login failed for user@domain.com against domain.com from 000.82.000.41(X-Forwarded-For: 000.82.000.41). Authentication failed. in /var/www/mail/program/lib/Roundcube/rcube_imap.php on line 200 (POST /?_task=login&_action=login)", AuthFailed, "", ""},

	// ===== .NET (MailKit, AE.Net.Mail, Wino) =====
	// https://github.com/jstedfast/MailKit/issues/479
	{"Unable to write data to the transport connection. An existing connection was forcibly closed by the remote host.", TCPReset, "", ""},
	// https://github.com/andyedinborough/aenetmail/issues/198 (a firewall)
	{"\"Unable to read data from the transport connection: An existing connection was forcibly closed by the remote host.\"", TCPReset, "", ""},
	// https://github.com/jstedfast/MailKit/issues/567
	{"Unable to read data from the transport connection: An established connection was aborted by the software in your host machine.", TCPReset, "", ""},
	// https://github.com/andyedinborough/aenetmail/issues/173 (a read that timed out, not a connect)
	{"Unable to read data from the transport connection: A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond.", ServerResponseTimeout, "", ""},
	// https://github.com/jstedfast/MailKit/issues/349
	{"MailKit.Net.Imap.ImapProtocolException: The IMAP server has unexpectedly disconnected.", ServerClosed, "", ""},
	// https://github.com/bkaankose/Wino-Mail/issues/348
	{"An error occurred while establishing an SSL or TLS connection.\nThe server's SSL certificate could not be verified for the following reasons:\n- The server certificate has the following errors:\n- A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider.", TLSCertUntrusted, "", ""},
	// https://github.com/jstedfast/MailKit/issues/313
	{"The error was: System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure. \nat: MailKit.Net.Imap.ImapClient.Connect(String host, Int32 port, SecureSocketOptions options, CancellationToken cancellationToken)", TLSCertUntrusted, "", ""},
	// https://github.com/jstedfast/MailKit/issues/483
	{"S: A00000001 NO AUTHENTICATE failed.\nC: A00000002 LOGIN *****@*****.com *****\nS: A00000002 NO LOGIN failed.", AuthFailed, "", ""},

	// ===== Python (imaplib, imap_tools, smtplib) =====
	// https://github.com/Jaammerr/The-Dawn-Bot/issues/11
	{"Email is invalid (IMAP): Response status \"OK\" expected, but \"NO\" received. Data: [b'LOGIN failed.']", AuthFailed, "", ""},
	// https://github.com/ayyitsc9/nike-account-resetter/issues/1
	{"[2021-02-23 19:57:51] Failed to log in! Error : b'[AUTHENTICATIONFAILED] Invalid credentials (Failure)'", AuthFailed, "", ""},
	// https://github.com/andreiaugustin/gmail_extractor/issues/4
	{"imaplib.error: b'[ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)'", AuthAppPasswordRequired, "", ""},
	// https://github.com/zabbix-book/zabbix_mail_with_graph/issues/1
	{"send mail error:        (554, 'DT:SPM 163 smtp12,EMCowACnzwc_BjhcKMZmAQ--.20404S2 1547175487,please see http://mail.163.com/help/help_spam_16.htm?ip=218.94.104.2&hostid=smtp12&time=1547175487')", SMTPSpamRejected, "", ""},

	// ===== Go =====
	// https://github.com/amborle/featmap/issues/66
	{"2022/06/28 18:28:04 smtp error: x509: certificate signed by unknown authority", TLSCertUntrusted, "", ""},
	// https://github.com/lanyulei/ferry/issues/224 (exmail.qq.com:465)
	{"{\"level\":\"info\",\"ts\":\"2021-09-15 13:28:38.053748\",\"caller\":\"email/email.go:43\",\"msg\":\"x509: certificate signed by unknown authority\"}", TLSCertUntrusted, "", ""},
	// https://github.com/projectdiscovery/notify/issues/116
	{"failed to send smtp notification for id: email : error authenticating: unencrypted connection", AuthPlaintextRefused, "", ""},
	// https://github.com/ccfos/nightingale/issues/2100 (as posted)
	{"email_send:failed to send: unencrypted connected", AuthPlaintextRefused, "", ""},
	// https://github.com/tinode/chat/issues/322
	{"SMTP error xxxx@xx.com unencrypted connection", AuthPlaintextRefused, "", ""},
	// https://github.com/gophish/gophish/issues/244 (Office 365 on 587)
	{"SMTP using TLS error \"504 5.7.4 Unrecognized authentication type\"", AuthMechanismUnsupported, "", ""},

	// ===== Perl, mbsync, mutt-wizard, OpenSSL, imapsync =====
	// https://github.com/imapsync/imapsync/issues/18
	{"- msg INBOX/9894 {0} S[13135] F[] I[09-Aug-2014 23:05:10 +0200] could not be fetched: socket closed while reading data from server (4x)", ServerClosed, "", ""},
	// https://github.com/LukeSmithxyz/mutt-wizard/issues/158
	{"SSL error connecting imap.gmail.com ([2404:6800:4003:c01::6d]:993): self signed certificate\nLog-on not successful.", TLSCertUntrusted, "", ""},
	// https://github.com/PHPMailer/PHPMailer/issues/776 (openssl s_client through Avast's mail shield)
	{"depth=1 /OU=generated by avast! antivirus for SSL/TLS scanning/O=avast! Web/Mail\n Shield/CN=avast! Web/Mail Shield Root\nverify error:num=19:self signed certificate in certificate chain", TLSIntercepted, "", ""},
	// https://github.com/ddeboer/imap/issues/449 (PHP imap_open)
	{"Certificate failure for outlook.office365.com: unable to get local issuer certificate: /C=US/O=DigiCert Inc/CN=DigiCert Cloud Services CA-1", TLSCertUntrusted, "", ""},
	// https://github.com/Airmail/Airmail_Public/issues/412
	{"The certificate for this server is invalid.", TLSCertUntrusted, "", ""},
}
