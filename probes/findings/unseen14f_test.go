package findings

import "testing"

// unseenBatch14f is a sixth batch from batch 14's families (Gmail app passwords and web login,
// hosting providers blocking SMTP, Node TLS and port mode, Dovecot and SOGo cipher mismatches,
// IMAP APPEND size), gathered after batch 14e's fixes and scored once on first sight before any
// change for it. Texts already in the corpus were dropped.
var unseenBatch14f = []corpusCase{
	// ===== Gmail sign-in =====
	// https://github.com/mageplaza/magento-2-smtp/issues/181
	{"5.7.9 Application-specific password required. Learn more at 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor h26sm30121397pfq.64 - gs", AuthAppPasswordRequired, "", ""},
	// https://github.com/PHPMailer/PHPMailer/issues/1708
	{"Error 1: Password Command Failed: 534-5.7.9 Application-Specific Password Required", AuthAppPasswordRequired, "", ""},
	// https://github.com/bakercp/ofxSMTP/issues/13 (fixed with an app password; Gmail's 5.7.8 reads as a bad password)
	{"[ error ] ofApp::onSMTPException: Exception: Login using LOGIN password failed: 535-5.7.8 Username and Password not accepted. Learn more at\n535 5.7.8  https://support.google.com/mail/answer/14257 j88sm1532869qgf.7 - gsmtp", AuthFailed, "", ""},
	// https://github.com/vapor/http/issues/50 (Gmail wants the sign-in confirmed in a browser)
	{"fatal error: Error raised at top level: SMTP.SMTPClientError.invalidPassword(534, \"5.7.14 <https://accounts.google.com/signin/continue?sarp=1&scc=1&plt=AKgnsbtW\"): file /Users/buildnode/jenkins/workspace/oss-swift-package-osx/swift/stdlib/public/core/ErrorType.swift, line 160", AuthWebLoginRequired, "", ""},

	// ===== Network =====
	// https://github.com/PHPMailer/PHPMailer/issues/1811 ("your hosting provider is blocking outbound SMTP")
	{"2019-08-12 17:48:58 Connection failed. Error #2: stream_socket_client(): unable to connect to smtp.gmail.com:587 (Network is unreachable) [/home/loving/public_html/addon/vladilas.ro/wp-content/plugins/gmail-smtp/PHPMailer/class.smtp.php line 298]\n2019-08-12 17:48:58 SMTP ERROR: Failed to connect to server: Network is unreachable (101)", TCPUnreachable, "", ""},

	// ===== TLS =====
	// https://github.com/nodemailer/nodemailer/issues/903 (Ethereal's certificate had expired)
	{"{ Error: certificate has expired\n    at TLSSocket.onConnectSecure (_tls_wrap.js:1046:34)\n    at TLSSocket.emit (events.js:180:13)\n    at TLSSocket._finishInit (_tls_wrap.js:633:8) code: 'ESOCKET', command: 'CONN' }", TLSCertExpired, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/1006 (secure: true on port 587)
	{"\"Error: 140593138587520:error:1408F10B:SSL routines:ssl3_get_record:wrong version number:ssl/record/ssl3_record.c:332\"", PortExpectsSTARTTLS, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/1172
	{"Error: 139755315718016:error:1408F10B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:332: using port 25 without auth", PortExpectsSTARTTLS, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/1590 (secure: true with SendGrid's STARTTLS port)
	{"[Error: C0E743FEB83E0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:354:\n] {\n  library: 'SSL routines',\n  reason: 'wrong version number',\n  code: 'ESOCKET',\n  command: 'CONN'\n}", PortExpectsSTARTTLS, "", ""},
	// https://github.com/mailcow/mailcow-dockerized/issues/2557 (Thunderbird rejected the certificate)
	{"4/24/2019, 4:04:23 PM\tinfo\timap-login: Disconnected (no auth attempts in 1 secs): user=<>, rip=<Home_IP>, lip=172.22.1.250, TLS: SSL_read failed: error:14094412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate: SSL alert number 42, TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)", TLSCertUntrusted, "", ""},
	// https://github.com/nextcloud/mail/issues/838 (no cipher in common with the IMAP server)
	{"Mar 20 15:15:50 iris dovecot: imap-login: Error: SSL: Stacked error: error:1408A0C1:SSL routines:ssl3_get_client_hello:no shared cipher", TLSHandshakeFailed, "", ""},
	// https://github.com/RainLoop/rainloop-webmail/issues/1346
	{"mail    | Feb 22 10:59:41 mx dovecot: imap-login: Disconnected (no auth attempts in 0 secs): user=<>, rip=xxx.xxx.xxx.xxx, lip=192.168.32.2, TLS handshaking: SSL_accept() failed: error:1408A0C1:SSL routines:SSL3_GET_CLIENT_HELLO:no shared cipher, session=<WOy5ZBxJpACvfiWQ>", TLSHandshakeFailed, "", ""},
	// https://github.com/mailcow/mailcow-dockerized/issues/14 (SOGo and Dovecot shared no cipher)
	{"9.1.2017 17:04:20Jan 09 17:04:20 sogod [49]: <0x0x5606a7129560[NGImap4Client]> Could not start TLS.", TLSHandshakeFailed, "", ""},

	// ===== Size =====
	// https://github.com/thunderbird/thunderbird-android/issues/5558 (a 170 MB message appended to Trash)
	{"C: 8 APPEND \"Papierkorb\" (\\Seen) {170581193}\nS: * BAD command line limit exceeded", SMTPMessageTooLarge, "", ""},
}

// benignBatch14f are success and non-mail lines from the same threads: no error-level finding.
var benignBatch14f = []string{
	// https://github.com/RainLoop/rainloop-webmail/issues/1346
	"mail    | Feb 22 08:14:49 mx dovecot: imap-login: Login: user=<xxx@xxx.com>, method=PLAIN, rip=xxx.xxx.xxx.xxx, lip=192.168.32.2, mpid=1503, TLS, session=<JEoaFxpJnwC3lSNy>",
	// https://github.com/nextcloud/mail/issues/838
	"Mar 20 15:15:50 iris dovecot: imap-login: Debug: SSL: where=0x10, ret=1: before/accept initialization [xxx.xxx.xxx.xxx]",
	// https://github.com/mozilla/ssl-config-generator/issues/85
	"    Cipher Suite: TLS_AES_128_GCM_SHA256 (0x1301)",
	// https://github.com/cypht-org/cypht/issues/184
	"    Protocol  : TLSv1.2\n    Cipher    : DHE-RSA-AES256-GCM-SHA384",
	// https://github.com/cypht-org/cypht/issues/184
	"* OK [CAPABILITY IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS ID ENABLE IDLE AUTH=PLAIN AUTH=LOGIN]",
	// https://github.com/mailcow/mailcow-dockerized/issues/2557
	"4/24/2019, 3:58:38 PM\tinfo\timap-login: Disconnected (no auth attempts in 10 secs): user=<>, rip=<Server_IP>, lip=172.22.1.250",
	// https://github.com/bakercp/ofxSMTP/issues/13
	"    <host>smtp.gmail.com</host>\n    <port>587</port>\n    <encryption>STARTTLS</encryption>",
}

// TestLibraryErrorNames14f: siblings of batch 14f's fixes. Sources: RFC 7889 (APPENDLIMIT) and RFC
// 4469 ([TOOBIG]), SOGo's SOPE NGImap4Client/NGActiveSSLSocket messages, Dovecot's login-process
// disconnect reasons (a bare "no auth attempts" is no error; a TLS reason after it still decides).
func TestLibraryErrorNames14f(t *testing.T) {
	checkNamed(t, []named{
		{"A005 NO [TOOBIG] Message too big for server", SMTPMessageTooLarge},
		{"ERROR(-[NGActiveSSLSocket startTLS]): couldn't setup SSL connection on socket (error:00000001:lib(0):func(0):reason(1))...", TLSHandshakeFailed},
		{"dovecot: imap-login: Disconnected (no auth attempts in 0 secs): user=<>, rip=192.0.2.7, lip=192.0.2.1, TLS handshaking: SSL_accept() failed: error:1408F10B:SSL routines:ssl3_get_record:wrong version number, session=<x>", PortExpectsTLS},
		{"dovecot: pop3-login: Disconnected (no auth attempts in 2 secs): user=<>, rip=192.0.2.7, lip=192.0.2.1, session=<y>", ""},
	})
}
