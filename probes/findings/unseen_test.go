package findings

import "testing"

// unseenBatch is a batch of real error texts gathered on 2026-12-04 from public issue trackers
// and vendor pages, none of them in the corpus before (23 more that turned out to be there
// verbatim were dropped), scored once against the matcher as it was: 48 of 65 right (73.8 %, the
// unseen figure in the README) before the matcher was generalised for the misses. Each entry
// names its source. The texts are kept as they were posted (placeholders such as <domain> or xxx
// are the posters' own redactions); the code is the cause the thread itself established, or the
// one the reply code and wording state when the thread did not go further.
var unseenBatch = []corpusCase{
	// ===== Node (nodemailer) =====
	// https://github.com/nodemailer/nodemailer/issues/1371
	{"Error: queryA EREFUSED smtp.office365.com\nat QueryReqWrap.onresolve [as oncomplete] (dns.js:203:19) { \nerrno: 'EREFUSED', \ncode: 'EDNS',\nsyscall: 'queryA',\n hostname: 'smtp.office365.com',\ncommand: 'CONN'\n}", DNSFailure, "", ""},
	// https://github.com/nodemailer/nodemailer/pull/1079 (the resolver refused the connection, not the mail server)
	{"{ Error: queryA ECONNREFUSED smtp.mail.yahoo.co.jp\n    at QueryReqWrap.onresolve [as oncomplete] (dns.js:197:19)\n  errno: 'ECONNREFUSED',\n  code: 'EDNS',\n  syscall: 'queryA',\n  hostname: 'smtp.mail.yahoo.co.jp',\n  command: 'CONN' }", DNSFailure, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/1538
	{"Error: connect ECONNREFUSED 10.0.0.1:587\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1494:16) {\n  errno: -111,\n  code: 'ESOCKET',\n  syscall: 'connect',\n  address: '10.0.0.1',\n  port: 587,\n  command: 'CONN'\n}", TCPRefused, "", ""},
	// https://github.com/jef/streetmerchant/issues/1190
	{"\"stack\": \"Error: Invalid login: 535-5.7.8 Username and Password not accepted. Learn more at\\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials PASSWORD - gsmtp\\n    at SMTPConnection._formatError", AuthFailed, "", ""},
	// https://github.com/HChaoHui/msOauth2api/issues/3 is OAuth but shows no mechanism; left out. Same for MailKit#1712.

	// ===== .NET (MailKit, System.Net.Mail, PowerShell) =====
	// https://github.com/jstedfast/MailKit/issues/1642
	{"MailKit.Security.SslHandshakeException\n  HResult=0x80131500\n  Message=An error occurred while attempting to establish an SSL or TLS connection.\n\nThe server's SSL certificate could not be validated for the following reasons:\n• The server certificate has the following errors:\n  • The revocation function was unable to check revocation for the certificate.", TLSRevocationUnchecked, "", ""},
	// https://github.com/jstedfast/MailKit/issues/910 (inner exception; outer text is MailKit's generic list)
	{"Message:   The remote certificate is invalid according to the validation procedure.", TLSCertUntrusted, "", ""},
	// https://github.com/jstedfast/MailKit/issues/735
	{"RevocationStatusUnknown - unable to get certificate CRL", TLSRevocationUnchecked, "", ""},
	// https://github.com/jstedfast/MailKit/issues/262 (the server says BYE as soon as the client connects)
	{"MailKit.Net.Imap.ImapProtocolException: Unexpected token in IMAP greeting: [atom: BYE]", ServerBusy, "", ""},
	// https://github.com/HTBox/crisischeckin/issues/286
	{"Exception Details: System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.5.1 Authentication Required. Learn more at", SMTPAuthRequired, "", ""},
	// https://github.com/MicrosoftDocs/OfficeDocs-Exchange/issues/1615
	{"System.Net.Mail.SmtpException: \"The SMTP server requires a secure connection or the client is not authenticated. The server response is: 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM [HK2PR0401CA0011.apcprd04.prod.outlook .com] \"", SMTPAuthRequired, "", ""},
	// https://github.com/alanrenouf/vCheck-vSphere/issues/284
	{"Exception calling \"Send\" with \"1\" argument(s): \"The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.1 Client was not authenticated\" At C:\\scripts\\vCheck3\\vCheck.ps1:615 char:4 +    $smtpClient.Send($msg)", SMTPAuthRequired, "", ""},
	// https://github.com/MicrosoftDocs/OfficeDocs-Exchange/issues/3124
	{"The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.", AuthSMTPAuthDisabled, "", ""},
	// https://github.com/dotnet/source-build/issues/5459
	{"System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. [BYAPR05CA0044.namprd05.prod.outlook.com 2026-01-07T00:40:30.380Z 08DE4CF73CFFD718]", AuthSMTPAuthDisabled, "", ""},
	// https://github.com/renevanosnabrugge/SendEmail-BuildTask/issues/49
	{"The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.3 Authentication unsuccessful.", AuthFailed, "", ""},

	// ===== Java (JavaMail, JSSE, K-9) =====
	// https://github.com/rpremraj/mailR/issues/107
	{"javax.mail.AuthenticationFailedException: 535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [BM1P287CA0015.INDP287.PROD.OUTLOOK.COM]", AuthBasicDisabled, "", ""},
	// https://github.com/thunderbird/thunderbird-android/issues/2665 (the server sent BYE and closed)
	{"E/k9      (32643): java.io.IOException: readStringUntil(): end of stream reached", ServerClosed, "", ""},

	// ===== PHP (PHPMailer, Swift Mailer, Symfony, Roundcube) =====
	// https://github.com/PHPMailer/PHPMailer/issues/1375
	{"2018-03-13 12:21:18 SMTP ERROR: Username command failed: 535 Incorrect authentication data\nSMTP Error: Could not authenticate.", AuthFailed, "", ""},
	// https://github.com/PHPMailer/PHPMailer/issues/1287
	{"2017-12-13 13:50:36 SMTP ERROR: Password command failed: 535 5.7.0 (#MBR1212) Incorrect username or password.", AuthFailed, "", ""},
	// https://github.com/PHPMailer/PHPMailer/issues/1384 (MAIL before AUTH)
	{"2018-03-21 00:08:14 SERVER -> CLIENT: 530-5.5.1 Authentication Required. Learn more at530 5.5.1 https://support.google.com/mail/?p=WantAuthError m185sm1106113ywf.52 - gsmtp", SMTPAuthRequired, "", ""},
	// https://github.com/2amigos/yii2-usuario/issues/527 (Amazon SES)
	{"[error][usuario] Expected response code 250 but got code \"454\", with message \"454 Throttling failure: Daily message quota exceeded.", SMTPSendingLimit, "", ""},
	// https://github.com/freescout-help-desk/freescout/issues/4935
	{"Failed to authenticate on SMTP server with username \"helpdesk_logistica@[OMISS.]\" using 1 possible authenticators. Authenticator XOAUTH2 returned Swift_TransportException: \nExpected response code 235 but got code \"535\", with message \"535 5.7.3 Authentication unsuccessful [[OMISS.].CHEP278.PROD.OUTLOOK.COM 2025-07-22T09:34:23.313Z [OMISS.]] \"", AuthOAuthFailed, "", ""},
	// https://github.com/ZsgsDesign/NOJ/issues/93 (QQ's GBK reply shown as replacement characters)
	{"Failed to authenticate on SMTP server with username \"nuptacm@qq.com\" using 1 possible authenticators. Authenticator LOGIN returned Expected response code 235 but got code \"535\", with message \"535 Error: ��ʹ����Ȩ���¼�������뿴: http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256 \"..", AuthAuthorizationCodeRequired, "", ""},

	// ===== Python (smtplib, imaplib, Django) =====
	// https://github.com/iiuni/projektzapisy/issues/960
	{"SMTPDataError: (550, b'5.4.5 Daily user sending quota exceeded. s124sm6149838wme.29 - gsmtp')", SMTPSendingLimit, "", ""},
	// https://github.com/getsentry/self-hosted/issues/1883 (the read timed out)
	{"smtplib.SMTPServerDisconnected: Connection unexpectedly closed: timed out", ServerResponseTimeout, "", ""},
	// https://github.com/huangxuan518/HXPackRobot/issues/15 (Python 2 printing QQ's GBK reply)
	{"reply: retcode (535); Msg: Error: ??ʹ????Ȩ???¼???????뿴: http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256", AuthAuthorizationCodeRequired, "", ""},
	// https://github.com/python/cpython/pull/152768 (a POP3 server on the IMAP port)
	{"imaplib.IMAP4.error: invalid greeting: +OK POP3 server ready", PortWrongProtocol, "", ""},
	// https://github.com/iroco-co/aioimaplib/issues/83
	{"* BYE Session invalidated - AccessTokenExpired", AuthOAuthTokenExpired, "", ""},

	// ===== Ruby (Net::SMTP, ActionMailer) =====
	// https://github.com/EFForg/action-center-platform/issues/874
	{"<error> <name>Net::SMTPServerBusy</name> <message>454 Throttling failure: Daily message quota exceeded. </message> </error>", SMTPSendingLimit, "", ""},
	// https://github.com/heartcombo/mail_form/issues/75
	{"Net::SMTPAuthenticationError (530-5.7.0 Authentication Required. Learn more at\n):", SMTPAuthRequired, "", ""},
	// https://github.com/benwbrum/fromthepage/issues/1341
	{"Net::SMTPAuthenticationError: 535 5.7.8 Sorry.", AuthFailed, "", ""},
	// https://github.com/mailjet/mailjet-gem/issues/14
	{"Net::SMTPAuthenticationError: 435 4.7.8 Error: authentication failed:", AuthFailed, "", ""},
	// https://github.com/pivorakmeetup/pivorak-web-app/issues/712
	{"Net::SMTPAuthenticationError: 535 5.7.0 Mailgun is not loving your login or password", AuthFailed, "", ""},
	// https://github.com/cyrusstoller/RevTilt/issues/32
	{"2013-05-26T04:50:01.345671+00:00 app[web.1]: Net::SMTPAuthenticationError (534-5.7.9 Please log in with your web browser and then try again. Learn more at", AuthWebLoginRequired, "", ""},
	// https://github.com/dcparker/ruby-gmail/issues/23
	{"Net::SMTPAuthenticationError: 530 5.7.0 Must issue a STARTTLS command first. g4sm20621052ybh.7", TLSRequired, "", ""},

	// ===== Erlang (gen_smtp) =====

	// ===== Go =====
	// https://github.com/mattermost/mattermost/issues/16879
	{"Connection unsuccessful: SendMail: Failed to open TLS connection., tls: first record does not look like a TLS handshake", PortExpectsSTARTTLS, "", ""},
	// https://github.com/Wei-Shaw/sub2api/issues/1470
	{"Failed to send test email: tls dial: tls: first record does not look like a TLS handshake", PortExpectsSTARTTLS, "", ""},
	// https://github.com/gophish/gophish/issues/720 (smtp2go)
	{"worker.go:359: gomail: could not send email 1: 552 Your account has been suspended. Please contact us to reactivate", AuthAccountLocked, "", ""},

	// ===== curl / libcurl / C libraries =====
	// https://github.com/curl/curl/pull/11 (POP3 has STLS, not STARTTLS)
	{"* STARTTLS denied. E\ncurl: (67) STARTTLS denied. E", TLSSTARTTLSUnavailable, "", ""},
	// https://github.com/curl/curl/issues/16189
	{"* Connected to [sslout.xxx.eu](http://sslout.xxx.eu/) (xxx) port 25\n* server response timeout\n* closing connection #0\ncurl: (28) server response timeout", ServerResponseTimeout, "", ""},
	// https://github.com/curl/curl/issues/6689
	{"5.7.3 STARTTLS is required to send mail", TLSRequired, "", ""},
	// https://github.com/MailCore/mailcore2/issues/2004
	{"mailsmtp Last Error Code: 27\nmailsmtp Last Error Explanation: MAILSMTP_ERROR_SSL", TLSHandshakeFailed, "", ""},
	// https://github.com/mesalock-linux/mesalink/issues/48
	{"error:[0x3000907]:[mesalink]:[src/libssl/ssl.rs:344]:[TLSErrorAlertReceivedHandshakeFailure]", TLSHandshakeFailed, "", ""},
	// https://github.com/mailcow/mailcow-dockerized/issues/2185 (openssl s_client on the plaintext port 25)
	{"139647800877120:error:1408F10B:SSL routines:ssl3_get_record:wrong version number:../ssl/record/ssl3_record.c:252:", PortExpectsSTARTTLS, "", ""},

	// ===== msmtp, mbsync, Thunderbird, Outlook =====
	// https://github.com/marlam/msmtp/issues/27 (tls_starttls off on 587)
	{"msmtp: TLS handshake failed: An unexpected TLS packet was received.\nmsmtp: could not send mail (account personal from /Users/ben/.msmtprc)", PortExpectsSTARTTLS, "", ""},
	// https://github.com/LukeSmithxyz/mutt-wizard/issues/717
	{"msmtp: the server does not support TLS via the STARTTLS command", TLSSTARTTLSUnavailable, "", ""},
	// https://github.com/LukeSmithxyz/emailwiz/issues/95
	{"msmtp: cannot connect to mail.<domain>, port 587: Connection refused\nmsmtp: could not send mail (account verbose@<domain> from /home/verb/.config/msmtp/config)", TCPRefused, "", ""},
	// https://github.com/forwardemail/forwardemail.net/issues/425
	{"IMAP error: unexpected EOF from imap.forwardemail.net (121.127.44.70:993)", ServerClosed, "", ""},
	// https://github.com/Betterbird/thunderbird-patches/issues/471
	{"mail.setup: xxxx:465 socketType=0 smtp: [Exception... \"Connection to xxxx:465 failed\"  nsresult: \"0x804b000e (NS_ERROR_NET_TIMEOUT)\"  location: \"JS frame :: resource:///modules/accountcreation/GuessConfig.sys.mjs :: onStopRequest :: line 1237\"  data: no]", TCPTimeout, "", ""},
	// https://github.com/thunderbird/thunderbird-android/issues/9406
	{"Command continuation aborted: #1# [NO, AUTHENTICATE mechanism not supported, mate]", AuthMechanismUnsupported, "", ""},
	// https://github.com/thunderbird/addons-server/issues/27
	{"Alert from Account(Email address): please login via the web browser;\nhttps://support.google.com/mail/accounts/answer/78754(Failure)", AuthWebLoginRequired, "", ""},
	// https://github.com/webcompat/web-bugs/issues/50402
	{"Login to server imap.aol.com with (username)@aol.com failed", AuthFailed, "", ""},
	// https://umatechnology.org/outlook-error-0x800cccdd-imap-server-closed-the-connection (Outlook's message)
	{"0x800CCCDD: Your IMAP server closed the connection", ServerClosed, "", ""},

	// ===== Server replies and bounces (Postfix, Exim, Exchange, Gmail, OpenSMTPD) =====
	// https://github.com/chatmail/async-smtp/pull/53 (GMX)
	{"permanent: gmx.net (mxgmx117) Nemesis ESMTP Service not available; No SMTP service; IP address is block listed.; For explanation visit https://www.gmx.net/mail/senderguidelines?c=bl", SMTPIPBlocked, "", ""},
	// https://github.com/docker-mailserver/docker-mailserver/issues/640
	{"Diagnostic-Code: SMTP; 403 4.7.0 TLS handshake failed.", TLSHandshakeFailed, "", ""},
	// https://github.com/stalwartlabs/stalwart/issues/734
	{"TLS error from 'extmx.eyou.com': Handshake failed: received fatal alert: HandshakeFailure", TLSHandshakeFailed, "", ""},
	// https://github.com/loganmarchione/docker-postfixrelay/issues/64
	{"status=deferred (SASL authentication failed; server smtp.gmail.com[142.251.2.108] said: 535-5.7.8 Username and Password not accepted. For more information, go to?535 5.7.8  https://support.google.com/mail/?p=BadCredentials 98e67ed59e1d1-309f77521cfsm9763797a91.14 - gsmtp)", AuthFailed, "", ""},
	// https://github.com/tarickb/sasl-xoauth2/issues/43 (no mechanism in the text; the plugin is XOAUTH2, but the line alone is a failed login)
	{"postfix/smtp[17059]: 9BDCBA19EA: SASL authentication failed; server smtp.office365.com[40.99.150.50] said: 535 5.7.3 Authentication unsuccessful [FR3P281CA0094.DEUP281.PROD.OUTLOOK.COM]", AuthFailed, "", ""},
	// https://github.com/MicrosoftDocs/OfficeDocs-Exchange/issues/2729
	{"'550 5.1.90 Your message can't be sent because you've reached your daily limit for message recipients'", SMTPSendingLimit, "", ""},
	// https://github.com/mailcow/mailcow-dockerized/issues/85
	{"450 4.7.1 Client host rejected: cannot find your reverse hostname, [XXX.XXX.XXX.XXX]", SMTPNoReverseDNS, "smtp", "rcpt"},
	// https://github.com/omega8cc/boa/issues/532
	{"said: 550 5.7.1 Client host rejected: cannot find your hostname,\n   [111.11.111.11](in reply to RCPT TO command)", SMTPNoReverseDNS, "", ""},
	// https://github.com/mailcow/mailcow-dockerized/issues/2517
	{"postfix/smtpd[2717]: NOQUEUE: reject: RCPT from unknown[xxx.xxx.xxx.xxx]: 450 4.7.1 Client host rejected: cannot find your reverse hostname, [xxx.xxx.xxx.xxx]; from=<pr001@domain.ru> to=<user@domain.ru> proto=ESMTP helo=<[yyy.yyy.yyy.yyy]>", SMTPNoReverseDNS, "", ""},
	// https://github.com/anonaddy/anonaddy/issues/757
	{"Remote server returned '552 5.2.1 <phz5gwmw@anonaddy.com>: Recipient address rejected: User disabled'", SMTPRecipientDisabled, "", ""},
	// https://github.com/OpenSMTPD/OpenSMTPD/issues/1134
	{">>> DATA\n<<< 500 5.0.0: Line too long\n554 5.5.0 Remote protocol error", SMTPLineTooLong, "", ""},
	// https://github.com/digitalfox/pydici/issues/96
	{"550, 'maximum allowed line length is 998 octets,", SMTPLineTooLong, "", ""},
	// https://github.com/docker-mailserver/docker-mailserver/issues/1508
	{"status=bounced (host mail.my-domain.com[/var/run/dovecot/lmtp] said: 552 5.2.2 <quotauser@otherdomain.tld> Quota exceeded (mailbox for user is full) (in reply to end of DATA command))", SMTPRecipientMailboxFull, "", ""},
}

// unseenBatches are the batches gathered after the corpus (2026-12-04), each scored on first
// sight, before the matcher was changed for it: that figure is kept in firstSight.
var unseenBatches = []struct {
	name           string
	texts          []corpusCase
	benign         []string
	min, minBenign int
	firstSight     string
}{
	{"1", unseenBatch, benignUnseen, 60, 0, "48/65"},
	{"2", unseenBatch2, nil, 40, 0, "33/40"},
	{"3", unseenBatch3, nil, 0, 0, "16/27"},
	{"4", unseenBatch4, benignBatch4, 60, 10, "36/60, benign 11/12 clean"},
	{"5", unseenBatch5, benignBatch5, 30, 10, "26/34, benign 11/11 clean"},
	{"6", unseenBatch6, benignBatch6, 15, 10, "16/17, benign 10/10 clean"},
	{"7", unseenBatch7, benignBatch7, 50, 8, "26/54, benign 12/12 clean"},
	{"8", unseenBatch8, benignBatch8, 30, 8, "16/31, benign 11/11 clean"},
	{"9", unseenBatch9, benignBatch9, 20, 8, "15/20, benign 9/10 clean"},
	{"12", unseenBatch12, benignBatch12, 35, 8, "19/40, benign 9/10 clean; 5 texts whose cause is beyond the text in beyondText12"},
	{"12b", unseenBatch12b, benignBatch12b, 19, 8, "10/20, benign 10/10 clean; 1 text whose cause is beyond the text in beyondText12"},
	{"12c", unseenBatch12c, benignBatch12c, 10, 8, "4/10, benign 8/8 clean"},
	{"13", unseenBatch13, benignBatch13, 40, 8, "32/50, benign 10/14 clean"},
	{"13b", unseenBatch13b, benignBatch13b, 20, 8, "14/21, benign 8/8 clean"},
	{"11", unseenBatch11, benignBatch11, 40, 8, "28/40, benign 9/9 clean"},
	{"11b", unseenBatch11b, benignBatch11b, 17, 8, "15/20, benign 9/9 clean (2 held apart as open; 1 also gathered for batch 13 dropped at merge)"},
	{"11c", unseenBatch11c, benignBatch11c, 10, 8, "9/11, benign 8/8 clean"},
	{"10", unseenBatch10, benignBatch10, 40, 8, "36/50, benign 8/12 clean"},
	{"10b", unseenBatch10b, benignBatch10b, 20, 8, "18/25, benign 7/10 clean (1 also gathered for batch 12 dropped at merge)"},
	{"10c", unseenBatch10c, benignBatch10c, 19, 8, "11/19, benign 9/9 clean"},
	{"10d", unseenBatch10d, benignBatch10d, 19, 8, "10/20, benign 9/10 clean (1 also gathered for batch 11 dropped at merge)"},
	{"10e", unseenBatch10e, benignBatch10e, 19, 8, "11/19, benign 9/9 clean"},
	{"17", unseenBatch17, benignBatch17, 40, 8, "25/43, benign 11/11 clean; 2 texts whose cause is beyond the text in beyondText17 (1 also gathered for batch 18 dropped at merge)"},
	{"17b", unseenBatch17b, benignBatch17b, 17, 8, "4/19, benign 8/8 clean; 2 texts whose cause is beyond the text in beyondText17b"},
	{"17c", unseenBatch17c, benignBatch17c, 10, 6, "3/11, benign 6/6 clean; 1 text whose cause is beyond the text in beyondText17c"},
	{"17d", unseenBatch17d, benignBatch17d, 18, 6, "7/18, benign 5/6 clean"},
	{"18", unseenBatch18, benignBatch18, 38, 8, "23/40, benign 10/10 clean (2 also gathered for batches 14 and 14c dropped at merge)"},
	{"18b", unseenBatch18b, benignBatch18b, 20, 8, "17/23, benign 9/9 clean; 1 text whose cause is beyond the text in beyondText18b"},
	{"18c", unseenBatch18c, benignBatch18c, 6, 8, "4/7 (6/9 counting 2 texts already in the corpus, removed), benign 8/8 clean; 1 text whose cause is beyond the text in beyondText18c"},
	{"14", unseenBatch14, benignBatch14, 40, 8, "34/56, benign 11/11 clean (4 also gathered for batches 10c, 11b and 12 dropped at merge)"},
	{"14b", unseenBatch14b, benignBatch14b, 20, 8, "19/23, benign 10/10 clean (1 also gathered for batch 11 dropped at merge)"},
	{"14c", unseenBatch14c, benignBatch14c, 18, 8, "8/19, benign 8/8 clean (1 also gathered for batch 10c dropped at merge)"},
	{"14d", unseenBatch14d, benignBatch14d, 20, 8, "13/20, benign 8/8 clean"},
	{"14e", unseenBatch14e, benignBatch14e, 14, 8, "7/15, benign 6/8 clean (1 also gathered for batches 10 and 10d dropped at merge)"},
	{"14f", unseenBatch14f, benignBatch14f, 14, 7, "12/14, benign 6/8 clean"},
	{"14g", unseenBatch14g, benignBatch14g, 8, 5, "6/8, benign 5/5 clean"},
	{"19", unseenBatch19, benignBatch19, 38, 8, "28/40, benign 7/9 clean; 1 text whose cause is beyond the text in beyondText19 (1 text also gathered for batch 14d and 1 benign line also gathered for batch 11b dropped at merge)"},
	{"19b", unseenBatch19b, benignBatch19b, 12, 8, "10/14, benign 9/9 clean; 2 texts whose cause is beyond the text in beyondText19b (1 benign line near one gathered for batch 14c dropped at merge)"},
	{"23", unseenBatch23, benignBatch23, 18, 8, "7/24 (explain with the word model 9/24), benign 8/8 clean; 7 texts whose cause is beyond the text moved to beyondText23 after scoring (1 back after the merge with main)"},
	{"23b", unseenBatch23b, benignBatch23b, 13, 8, "9/13 (explain with the word model 9/13), benign 8/8 clean"},
	{"16", unseenBatch16, benignBatch16, 35, 8, "27/40, benign 12/12 clean; 4 texts whose cause is beyond the text in beyondText16; 1 dropped at the merge as batch 18 had it (27/39)"},
	{"16b", unseenBatch16b, benignBatch16b, 17, 8, "11/20, benign 9/9 clean; 1 later found in the corpus dropped (10/19); 2 texts whose cause is beyond the text in beyondText16b"},
	{"16c", unseenBatch16c, benignBatch16c, 7, 8, "7/10, benign 8/8 clean; 3 texts whose cause is beyond the text in beyondText16c"},
	{"20", unseenBatch20, benignBatch20, 40, 8, "32/45 (explain with the word model 34/45), benign 9/9 clean"},
	{"20b", unseenBatch20b, benignBatch20b, 20, 8, "17/23 (explain with the word model 19/23), benign 9/9 clean; 1 text whose cause is beyond the text in beyondText20b"},
	{"20c", unseenBatch20c, nil, 30, 0, "22/35 (explain with the word model 23/35), no benign lines (the manual holds refusals only)"},
	{"21b", unseenBatch21b, benignBatch21b, 20, 8, "16/20 (explain with the word model 16/20), benign 14/14 clean"},
	{"21", unseenBatch21, benignBatch21, 40, 8, "27/40 (explain with the word model 28/40), benign 11/11 clean; 4 texts whose cause is beyond the text in beyondText21"},
	{"22", unseenBatch22, benignBatch22, 40, 8, "25/41 (explain with the word model 26/41), benign 9/9 clean"},
	{"22b", unseenBatch22b, benignBatch22b, 20, 8, "20/22 (explain with the word model 20/22), benign 10/10 clean; 1 text whose cause is beyond the text in beyondText22b"},
	{"15", unseenBatch15, benignBatch15, 80, 16, "73/91 by explain with the word model (signatures alone 71/91), benign 15/16 clean: the held-out set, scored once (77/97 with 6 texts wrongly dropped as duplicates, scored later at the same commit)"},
	{"24", unseenBatch24, benignBatch24, 40, 8, "28/40 (by explain with the word model 30/40), benign 12/12 clean; 9 texts whose cause is beyond the text in beyondText24"},
	{"25", unseenBatch25, benignBatch25, 45, 16, "41/64 by explain, the word model adding none (signatures alone 41/64), benign 20/20 clean: the second held-out set, scored once (54/81 with 17 texts wrongly dropped as duplicates, scored later at the same commit)"},
}

// allCorpus is the corpus with the batches: what TestCorpus and TestScore hold the matcher to.
func allCorpus() []corpusCase {
	all := append([]corpusCase{}, corpus...)
	for _, b := range unseenBatches {
		all = append(all, b.texts...)
	}
	return all
}

// allBenign is every success and non-mail line: none may give an error-level finding.
func allBenign() []string {
	all := append([]string{}, benignCorpus...)
	for _, b := range unseenBatches {
		all = append(all, b.benign...)
	}
	return all
}

// TestUnseenBatches logs each batch's score per client family (its first-sight figure beside
// it) and holds each to the size it was gathered at.
func TestUnseenBatches(t *testing.T) {
	for _, b := range unseenBatches {
		t.Run(b.name, func(t *testing.T) {
			if len(b.texts) < b.min || len(b.benign) < b.minBenign {
				t.Fatalf("batch %s has %d texts and %d benign lines, want at least %d and %d",
					b.name, len(b.texts), len(b.benign), b.min, b.minBenign)
			}
			logScore(t, "2026-12-04 batch "+b.name+" ("+b.firstSight+" on first sight, before the matcher was changed for it)", b.texts)
		})
	}
}

// benignUnseen are success and non-mail lines from the same threads: no error-level finding.
var benignUnseen = []string{
	// https://github.com/curl/curl/issues/5294
	"< 250 2.0.0 OK  1587760481 i127sm4454764qkc.93 - gsmtp",
	// https://github.com/curl/curl/issues/18798
	"20:16:04.704880 [0-0] == Info: upload completely sent off: 65541 bytes",
	// https://github.com/curl/curl/issues/18798
	"0000: 250 2.0.0 Ok: queued as 7B63413B66",
	// https://github.com/mailcow/mailcow-dockerized/issues/2282
	"postfix/smtpd[12637]: Anonymous TLS connection established from mailout-l3b-97.contactoffice.com[212.3.242.97]: TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)",
	// https://github.com/mailcow/mailcow-dockerized/issues/2282
	"postfix/smtpd[12637]: disconnect from mailout-l3b-97.contactoffice.com[212.3.242.97] ehlo=2 starttls=1 mail=1 rcpt=1 data=1 quit=1 commands=7",
	// https://github.com/NixOS/nixpkgs/issues/352446
	"Connection is now encrypted",
	// https://github.com/NixOS/nixpkgs/issues/352446
	"Authenticating with SASL mechanism PLAIN...",
	// https://github.com/jstedfast/MailKit/issues/1536
	"S: * BYE\nS: A00000006 OK IMAP4rev1 Server logging out",
	// https://github.com/nodemailer/smtp-server/issues/104
	"S: 221 Bye",
	// https://github.com/mogaal/sendemail/issues/20
	"DEBUG => The remote SMTP server supports TLS :)",
}

// TestLibraryErrorNames: the batch's misses were fixed by keying on the libraries' stable error
// names and codes, so their siblings from the same tables (never pasted in any thread we read)
// are named too. Sources: GnuTLS lib/errors.c, libetpan mailimap/mailpop3/mailsmtp error enums,
// Mozilla's nsresult table (netwerk/base/nsNetError.h), rustls AlertDescription.
func TestLibraryErrorNames(t *testing.T) {
	for _, tt := range []struct {
		text string
		want Code
	}{
		{"A TLS packet with unexpected length was received.", PortExpectsSTARTTLS},
		{"mailimap Last Error Explanation: MAILIMAP_ERROR_SSL", TLSHandshakeFailed},
		{"MAILPOP3_ERROR_SSL", TLSHandshakeFailed},
		{"nsresult: \"0x804b000d (NS_ERROR_CONNECTION_REFUSED)\"", TCPRefused},
		{"nsresult: \"0x804b001e (NS_ERROR_UNKNOWN_HOST)\"", DNSNXDomain},
		{"nsresult: \"0x804b0014 (NS_ERROR_NET_RESET)\"", TCPReset},
		{"received fatal alert: HandshakeFailure", TLSHandshakeFailed},
		{"Unexpected token in IMAP greeting: [atom: BYE]", ServerBusy},
		{"Unexpected token in IMAP greeting: [atom: OK]", ""}, // an OK greeting is no refusal
		{"* BYE Session invalidated - TokenExpired", AuthOAuthTokenExpired},
		{"535 5.7.9 Please sign in with your web browser", AuthWebLoginRequired},
	} {
		got := MatchText(tt.text)
		var first Code
		if len(got) > 0 {
			first = got[0].Code
		}
		if tt.want == "" {
			if first == PortWrongProtocol || first == ServerBusy {
				t.Errorf("MatchText(%q) = %s, want neither busy nor wrong protocol", tt.text, first)
			}
			continue
		}
		if first != tt.want {
			t.Errorf("MatchText(%q) = %v, want %s", tt.text, got, tt.want)
		}
	}
}

// pinned is a batch text whose cause, as its thread established it, the text does not carry:
// it stays out of the corpus, and the matcher's nearest reading is held so a change shows.
type pinned struct {
	text           string
	cause, nearest Code
}

// checkPinned holds every pinned text to its nearest reading (never the thread's cause, which
// would mean the text does carry it after all and belongs in the corpus).
func checkPinned(t *testing.T, cs []pinned) {
	t.Helper()
	for _, c := range cs {
		got := MatchText(c.text)
		var first Code
		if len(got) > 0 {
			first = got[0].Code
		}
		if first != c.nearest || (first == c.cause && c.cause != "") {
			t.Errorf("MatchText(%q) = %v, want %q (the thread's cause %s is not in the text)", c.text, got, c.nearest, c.cause)
		}
	}
}

// named is a sibling text from a library's or server's message table and the code it must get
// ("" = no error-level finding at all: a success line or a setting from the same table).
type named struct {
	text string
	want Code
}

// checkNamed holds each sibling text to its code as MatchText's first finding.
func checkNamed(t *testing.T, cs []named) {
	t.Helper()
	for _, c := range cs {
		got := MatchText(c.text)
		if c.want == "" {
			for _, m := range got {
				if e, ok := Lookup(m.Code); !ok || e.Severity == SevError {
					t.Errorf("MatchText(%q): error-level finding %s (rule %s), want none", c.text, m.Code, m.Rule)
				}
			}
			continue
		}
		if len(got) == 0 || got[0].Code != c.want {
			t.Errorf("MatchText(%q) = %v, want %s first", c.text, got, c.want)
		}
	}
}
