package findings

import "testing"

// unseenBatch15 is the session's held-out set: 91 real texts and 16 success/non-mail lines from
// 86 clients, libraries and servers, gathered by a helper who never ran the matcher on them,
// kept outside the repository and scored once (2026-12-04, after every other batch's fixes were
// merged): explain named the right cause for 73/91 (80.2 %; signatures alone 71/91, the word
// model 2 more), benign 15/16 clean. Seven texts were dropped before scoring as if other batches
// had them; in fact only their first 50 characters matched a corpus text: 6 of them, scored
// later against the matcher as it stood at this scoring, gave 4 right (77/97, 79.4 %, in all),
// and they stay outside the corpus; and seven whose cause has no code (a client's TLS option, sendmail's exit 78,
// a server timing out a slow client, POP3 without UIDL, Microsoft 365's APPEND line limit, a
// malformed account URL, a recipient's address syntax) were left out. After scoring its misses
// were fixed by class; the eight whose cause is only in the thread (or whose label the text
// contradicts) are kept in beyondText15.
var unseenBatch15 = []corpusCase{
	// https://github.com/gen-smtp/gen_smtp/issues/164 (Erlang gen_smtp)
	{"09:54:32.853 [info] ['TLS', 32, 'client', 58, 32, 73, 110, 32, 115, 116, 97, 116, 101, 32, 'hello', 32,'received SERVER ALERT: Fatal - Handshake Failure', 10]", TLSHandshakeFailed, "", ""},
	// https://github.com/PHPMailer/PHPMailer/issues/733 (PHP PHPMailer)
	{"2016-05-25 18:50:54\tConnection: opening to ssl://smtp.gmail.com:587, timeout=300, options=array ( ) 2016-05-25 18:50:54\tConnection: opened 2016-05-25 18:50:54\tSMTP -> get_lines(): $data is \"\" 2016-05-25 18:50:54\tSMTP -> get_lines(): $str is \"\" 2016-05-25 18:50:54\tSERVER -> CLIENT: 2016-05-25 18:50:54\tSMTP NOTICE: EOF caught while checking if connected 2016-05-25 18:50:54\tConnection: closed 2016-05-25 18:50:54\tSMTP Error: Could not authenticate. 2016-05-25 18:50:54\tSMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting Message was not sent.Mailer error: SMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting", PortExpectsSTARTTLS, "", ""},
	// https://github.com/Enough-Software/enough_mail/issues/245 (Dart enough_mail)
	{"S: a0 NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials\n[ERROR:flutter/runtime/dart_vm_initializer.cc(41)] Unhandled Exception: [AUTHENTICATIONFAILED] LOGIN Invalid credentials", AuthFailed, "", ""},
	// https://github.com/hika3390/TwitterAccountGenerator/issues/1 (.NET S22.Imap)
	{"S22.Imap.InvalidCredentialsException: 'xm001 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)'", AuthFailed, "", ""},
	// https://github.com/root-io/vmail/issues/68 (Windows Live Mail)
	{"Erro de Servidor: 454\nResposta do Servidor: 454 4.7.1 <*@cnpd.pt>: Relay access denied\nServidor: 'vmail.me'\nID de Erro do Windows Live Mail: 0x800CCC79\nProtocolo: SMTP\nPorta: 465\nSecure(SSL): Sim", SMTPRelayDenied, "", ""},
	// https://github.com/gen-smtp/gen_smtp/issues/300 (Erlang gen_smtp)
	{"retries for 3.122.29.183 exceeded (1 of 1)\n{:error, :retries_exceeded,\n {:network_failure, '3.122.29.183', {:error, :timeout}}}", TCPTimeout, "", ""},
	// https://github.com/getmail6/getmail6/issues/253 (getmail6)
	{"getmailrc: operation error ((\"hostname '143.198.128.248' doesn't match 'eight45.net'\",))", TLSCertHostnameMismatch, "", ""},
	// https://github.com/adamcooke/staytus/issues/319 (Ruby Net::SMTP (Rails ActionMailer))
	{"[2f953493-aae9-4bd2-af9c-236bb856a4b6] Net::ReadTimeout (Net::ReadTimeout):", ServerResponseTimeout, "", ""},
	// https://github.com/gogs/gogs/issues/3864 (Gogs (Go gomail))
	{"2016/11/07 16:24:08 [...les/mailer/mailer.go:201 processMailQueue()] [E] Fail to send emails [mymail@gmail.com]: UID: 7, registration notify - gomail: could not send email 1: dial tcp: lookup my.mailserver.com on 8.8.8.8:53: dial udp 8.8.8.8:53: i/o timeout", DNSFailure, "", ""},
	// https://github.com/go-gitea/gitea/issues/22040 (Gitea (Go gomail))
	{"Failed to send a testing email to 'REMOVED: gomail: could not send email 1: missing port in address", ConfigMissingPort, "", ""},
	// https://github.com/turnkeylinux/tracker/issues/1501 (Gitea (Go gomail))
	{"gomail: could not send email 1: address localhost: missing port in address", ConfigMissingPort, "", ""},
	// https://github.com/DesertsP/Valine-Admin/issues/26 (Node nodemailer / Outlook.com (Valine-Admin))
	{"{ Error: Message failed: 554 5.2.0 STOREDRV.Submission.Exception:OutboundSpamException; Failed to process message due to a permanent exception with message WASCL UserAction verdict is not None. Actual verdict is HipNotify, ShowTierUpgrade. OutboundSpamException: WASCL UserAction verdict is not None. Actual verdict is HipNotify, ShowTierUpgrade. [Hostname=TY2PR06MB3117.apcprd06.prod.outlook.com]", SMTPSendingBlocked, "", ""},
	// https://github.com/neomutt/neomutt/issues/3161 (neomutt)
	{"`SMTP session failed: 502 5.5.1 TLS not supported`", TLSSTARTTLSUnavailable, "", ""},
	// https://github.com/LukeSmithxyz/mutt-wizard/issues/477 (mbsync (isync) via mutt-wizard)
	{"_Socket error: secure connect to mail.seandriard.xyz ([2001:19f0:6801:16ee:5400:2ff:fed8:e097]:143): error:1408F10B:SSL routines:ssl3_get_record:wrong version number_", PortExpectsSTARTTLS, "", ""},
	// https://github.com/symfony/symfony/issues/48691 (PHP Symfony Mailer (Laravel))
	{"`fgets(): SSL: Connection reset by peer`", TCPReset, "", ""},
	// https://github.com/AzuraCast/AzuraCast/issues/7209 (PHP Symfony Mailer (AzuraCast))
	{"[2024-06-17T21:02:34.310800+00:00] AzuraCast.ERROR: Handling \"Symfony\\Component\\Mailer\\Messenger\\SendEmailMessage\" failed: Connection could not be established with host \"ssl://mail.your-server.de:587\": stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages: error:0A00010B:SSL routines::wrong version number", PortExpectsSTARTTLS, "", ""},
	// https://github.com/yiisoft/yii2-symfonymailer/issues/57 (PHP Symfony Mailer (Yii2))
	{"Symfony\\Component\\Mailer\\Exception\\TransportException\nConnection could not be established with host \"ssl://smtps.xxxx.xx:25\": stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:\nerror:1408F10B:SSL routines:ssl3_get_record:wrong version number", PortExpectsSTARTTLS, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/1414 (Node yapople (POP3) against Ethereal)
	{"Error: connect ETIMEDOUT 54.36.85.113:995\n    at TCPConnectWrap.afterConnect [as oncomplete] (net.js:1148:16) {\n  errno: -60,\n  code: 'ETIMEDOUT',\n  syscall: 'connect',\n  address: '54.36.85.113',\n  port: 995,\n  uncaught: true\n}", TCPTimeout, "", ""},
	// https://github.com/tarickb/sasl-xoauth2/issues/48 (Postfix + sasl-xoauth2 (Gmail))
	{"2022-10-06T17:16:19.798803+00:00 3f37bdb13e5a postfix/relay/smtp[522]: 1284417F5B3: SASL authentication failed; cannot authenticate to server smtp.gmail.com[74.125.136.108]: transient failure (e.g., weak key)\n2022-10-06T17:16:19.799852+00:00 3f37bdb13e5a sasl-xoauth2: auth failed:", AuthOAuthFailed, "", ""},
	// https://github.com/PHPMailer/PHPMailer/issues/543 (PHP PHPMailer (XOAUTH2, Gmail))
	{"2015-10-27 11:13:07\tAuth method requested: XOAUTH2\n2015-10-27 11:13:07\tAuth methods available on the server: LOGIN,PLAIN,XOAUTH2,PLAIN-CLIENTTOKEN,OAUTHBEARER,XOAUTH\n2015-10-27 11:13:07\tSMTP Error: Could not authenticate.", AuthOAuthFailed, "", ""},
	// https://github.com/OfflineIMAP/offlineimap/issues/620 (offlineimap (Python 2, OpenSSL 0.9.7) against ProtonMail Bridge)
	{" ERROR: Could not connect via SSL to host '127.0.0.1' and non-standard ssl port 1143 configured. Make sure you connect to the correct port. Got: [Errno 1] _ssl.c:507: error:1407742E:SSL routines:SSL23_GET_SERVER_HELLO:tlsv1 alert protocol version", TLSVersionTooOld, "", ""},
	// https://github.com/reacherhq/backend/issues/189 (Reacher (Rust check-if-email-exists))
	{"permanent: 5.7.1 Service unavailable; client [54.224.254.xxx] blocked using zen.spamhaus.org", SMTPIPBlocked, "", ""},
	// https://github.com/mailcow/mailcow-dockerized/issues/893 (Postfix (mailcow) / K-9 Mail)
	{"`550 5.1.1 <*@religio-x.com>: Recipient address rejected: User unknown in virtual mailbox table;`", SMTPRecipientUnknown, "", ""},
	// https://github.com/knadh/listmonk/issues/1324 (listmonk (Go SMTP))
	{"`550 5.1.1 <******@*******>: Recipient address rejected: User unknown in virtual mailbox table`", SMTPRecipientUnknown, "", ""},
	// https://github.com/YunoHost-Apps/mailman_ynh/issues/6 (Thunderbird (French UI) / Postfix)
	{"`Une erreur est survenue lors de l’envoi du courrier. Le serveur de courrier a répondu : 5.1.1 <test@liste.domain.tld>: Recipient address rejected: User unknown in virtual mailbox table. Veuillez vérifier l’adresse du destinataire test@liste.domain.tld et essayer à nouveau.\n`", SMTPRecipientUnknown, "", ""},
	// https://github.com/docker-mailserver/docker-mailserver/issues/2033 (Postfix server log (docker-mailserver, LDAP))
	{"Jun 22 18:45:53 mailserver-5cd6b59df5-8bb5w postfix/error[2322]: 76CE5660089: to=<mereng.marina@example.com>, orig_to=<yappele.lydia@example.com>, relay=none, delay=102, delays=4.6/0.19/0/97, dsn=5.1.1, status=bounced (User unknown in virtual alias table) ", SMTPRecipientUnknown, "", ""},
	// https://github.com/r-raymond/nixos-mailserver/issues/9 (swaks / Postfix)
	{"All I get is `553 5.7.1 <user2@example.com>: Sender address rejected: not owned by user user2@example.com` by postfix.", SMTPSenderMismatch, "", ""},
	// https://github.com/nextcloud/data_request/issues/15 (Nextcloud (PHP SwiftMailer debug log))
	{"Debug | core | >> MAIL FROM:<user@yyy.zzz>  << 250 2.1.0 Ok  >> RCPT TO:<user@yyy.zzz>  << 553 5.7.1 <user@yyy.zzz>: Sender address rejected: not owned by user admin@yyy.zzz  !! Expected response code 250/251/252 but got code \"553\", with message \"553 5.7.1 <user@yyy.zzz>: Sender address rejected: not owned by user admin@yyy.zzz  \" (code: 553) >> RSET  << 250 2.0.0 Ok | 2018-06-05T10:36:56+0200", SMTPSenderMismatch, "", ""},
	// https://github.com/hardware/mailserver/issues/292 (swaks / Postfix)
	{"<~* 553 5.7.1 <root@d4a806ed796c>: Sender address rejected: not owned by user support@domain.com\n ~> QUIT\n<~  221 2.0.0 Bye", SMTPSenderMismatch, "", ""},
	// https://github.com/horms/perdition/issues/4 (POP3 server (behind perdition proxy))
	{"-ERR [IN-USE] mailbox already in use by pid 12345", POP3InUse, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/710 (Node nodemailer)
	{"{ Error: connect ECONNREFUSED `65.55.163.152:587`\n    at Object.exports._errnoException (util.js:1022:11)\n    at exports._exceptionWithHostPort (util.js:1045:20)\n    at TCPConnectWrap.afterConnect [as oncomplete] (net.js:1087:14)\n  code: 'ECONNREFUSED',\n  errno: 'ECONNREFUSED',\n  syscall: 'connect',\n  address: '65.55.163.152',\n  port: 587 }", TCPRefused, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/745 (Node nodemailer)
	{"[2017-03-11 23:05:43] ERROR [MrOpuAkKQQs] connect ECONNREFUSED 127.0.0.1:587\n[2017-03-11 23:05:43] DEBUG [MrOpuAkKQQs] Closing connection to the server using \"destroy\"\n[2017-03-11 23:05:43] ERROR Send Error: connect ECONNREFUSED 127.0.0.1:587", TCPRefused, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/573 (Node nodemailer)
	{"{ [Error: getaddrinfo ENOTFOUND 1234 1234:465]\n  code: 'ENOTFOUND',\n  errno: 'ENOTFOUND',\n  syscall: 'getaddrinfo',\n  hostname: '1234',\n  host: '1234',\n  port: 465 }", DNSNXDomain, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/292 (Node nodemailer (Gmail))
	{"****** ERROR  EMAIL  { Error: connect ECONNREFUSED 74.125.28.109:465\n    at Object.exports._errnoException (util.js:1026:11)\n    at exports._exceptionWithHostPort (util.js:1049:20)\n    at TCPConnectWrap.afterConnect [as oncomplete] (net.js:1085:14)\n  code: 'ECONNECTION',\n  errno: 'ECONNREFUSED',\n  syscall: 'connect',\n  address: '74.125.28.109',\n  port: 465,\n  command: 'CONN'", TCPRefused, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/1047 (Node nodemailer (smtp-connection))
	{"{ Error: Message failed: 550 Error reading data, max message size exceeded\n    at SMTPConnection._formatError (/alex/project/node_modules/smtp-connection/lib/smtp-connection.js:466:15)\n    at SMTPConnection._actionStream (/alex/project/node_modules/smtp-connection/lib/smtp-connection.js:1051:30)", SMTPMessageTooLarge, "", ""},
	// https://github.com/Jinnrry/PMail/issues/157 (PMail (Go SMTP server) log, Chinese)
	{"[ac1b1d106694bfa4b87e28651004c3b0][/home/runner/work/PMail/PMail/server/smtp_server/read_content.go:37]邮件内容无法读取SMTP error 552: Maximum message size exceeded", SMTPMessageTooLarge, "", ""},
	// https://github.com/zone-eu/wildduck/issues/762 (Haraka/WildDuck bounce (Gmail-style NDR))
	{"Delivery to the following recipient failed permanently:\nprivate@localtest.me\n\nTechnical details of permanent failure:\n\n550 Message too big!", SMTPMessageTooLarge, "", ""},
	// https://github.com/swiftmailer/swiftmailer/issues/989 (PHP SwiftMailer (Gmail))
	{"got code \"552\", with message \"552-5.2.3 Your message exceeded Google's message size limits. Please visit 552-5.2.3  https://support.google.com/mail/?p=MaxSizeError to view our size 552 5.2.3 guidelines.", SMTPMessageTooLarge, "", ""},
	// https://github.com/jumpserver/jumpserver/issues/644 (Python 2 smtplib (Django) / 163.com)
	{"SMTPDataError at /juser/user/add/\n(554, 'DT:SPM 163 smtp14,EsCowAC3XkffVJ1ZcxWrFQ--.5037S2 1503483104,please see http://mail.163.com/help/help_spam_16.htm?ip=101.95.108.90&hostid=smtp14&time=1503483104')", SMTPSpamRejected, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/1388 (Node nodemailer (Gmail))
	{"Error: Invalid login: 454 4.7.0 Too many login attempts, please try again later. 4-20020a056000154400b00203812ca383sm10857871wry.78 - gsmtp       ", AuthRateLimited, "", ""},
	// https://github.com/AnalogJ/justvanish/issues/13 (Go (justvanish, net/smtp) / Gmail)
	{"2023/10/07 16:27:16 ERROR: Mail Error on Auth: 454 4.7.0 Too many login attempts, please try again later. Learn more at\n4.7.0  https://support.google.com/mail/answer/7126229 h6-20020a0561220b6600b0049d21a8f4b6sm1103848vkf.11 - gsmtp", AuthRateLimited, "", ""},
	// https://github.com/geoffsmith82/GmailAuthSMTP/issues/12 (Delphi Indy (TIdSMTP) / Gmail)
	{"GMailAuthDemo.exe raised exception class EIdSMTPReplyError with message 'Too many login attempts, please try again later. b9-20020adfe309000000b0020d0c9c95d3sm2119253wrj.77 - gsmtp", AuthRateLimited, "", ""},
	// https://github.com/grails-plugins/grails-mail/issues/6 (Grails mail plugin (Spring / JavaMail))
	{"2015-03-23 09:01:49,331 [pool-2-thread-8] ERROR StackTrace  - Full Stack Trace:\norg.springframework.mail.MailAuthenticationException: Authentication failed; nested exception is javax.mail.AuthenticationFailedException: 454 4.7.0 Too many login attempts, please try again later. l204sm333464qhl.34 - gsmtp", AuthRateLimited, "", ""},
	// https://github.com/4minitz/4minitz/issues/587 (4minitz (Meteor / Node nodemailer))
	{"#Email could not be sent successfully to: XXX@tld.com\n        Email subject: [2023-08-25 (Agend)\n        Error: Error: certificate has expired", TLSCertExpired, "", ""},
	// https://github.com/Eugeny/ajenti-v/issues/57 (Exim server log)
	{"`2014-04-04 10:37:30 H=(mail-wg0-f44.google.com) [74.125.82.44] F=<karbowiak@gmail.com> rejected RCPT <michael@karbowiak.dk>: relay not permitted`", SMTPRelayDenied, "", ""},
	// https://github.com/namshi/docker-smtp/issues/85 (telnet / Exim (namshi/smtp))
	{"MAIL FROM:<y_nk@some-domain-i-own.com>\n250 OK\nRCPT TO:<y_nk@gmail.com>\n550 relay not permitted", SMTPRelayDenied, "", ""},
	// https://github.com/yegor256/mailanes/issues/95 (Ruby Net::SMTP (mail gem))
	{"Timeout::Error: execution expired\n  from net/smtp.rb:539:in `initialize'\n  from net/smtp.rb:539:in `open'\n  from net/smtp.rb:539:in `tcp_socket'\n  from net/smtp.rb:549:in `block in do_start'", TCPTimeout, "", ""},
	// https://github.com/RocketChat/Rocket.Chat/issues/3325 (Exim (cPanel) deferral notice)
	{"A message that you sent could not be delivered to one or more of its\nrecipients. This is a temporary error. The following address(es) deferred:\n\n  dupuyyann@gmail.com\n    Domain zyapps.com has exceeded the max emails per hour (406/400 (101%)) allowed.  Message will be reattempted later", SMTPSendingLimit, "", ""},
	// https://github.com/void-linux/void-packages/issues/50728 (Claws Mail (libetpan))
	{"    * Account '[blabla]': Connecting to IMAP server: imap.[blabla].com:993...\n    *** SSL/TLS handshake failed", TLSHandshakeFailed, "", ""},
	// https://github.com/linuxmint/linuxmint/issues/249 (GNOME Evolution (GnuTLS))
	{"**Error performing TLS handshake: Internal error in memory allocation**", TLSHandshakeFailed, "", ""},
	// https://github.com/joeyates/imap-backup/issues/98 (Ruby imap-backup (Net::IMAP))
	{"Unexpected error: Connection refused - connect(2) for 127.0.0.1:993", TCPRefused, "", ""},
	// https://github.com/owncloud-archive/mail/issues/934 (ownCloud Mail (PHP Horde))
	{"For Yahoo i see \"PHP\",\"message\":\"fsockopen(): unable to connect to mx-eu.mail.am0.yahoodns.net:143 (Connection refused)", TCPRefused, "", ""},
	// https://github.com/gophish/gophish/issues/3220 (Gophish (Go) / Microsoft 365, Portuguese)
	{"Máximo de tentativas de conexão excedido - 535 5.7.139 Autenticação malsucedida, a solicitação não atendeu aos critérios para ser autenticada com sucesso. Entre em contato com seu administrador. [MN2PR07CA0004.namprd07.prod.outlook.com 2024-08-13T18:27:55.030Z 08DCBB430284475F]", AuthBasicDisabled, "", ""},
	// https://github.com/support-project/knowledge/issues/143 (Java JavaMail (Knowledge), Japanese thread)
	{"ERROR 2015-11-11 17:04:32,901 [MailSendBat(189)] Mail send error\njavax.mail.AuthenticationFailedException: 535 5.7.0 authentication failed\n\n        at com.sun.mail.smtp.SMTPTransport$Authenticator.authenticate(SMTPTransport.java:826)", AuthFailed, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/1350 (Node nodemailer)
	{"535 auth failed (this user authenticate too many times)", AuthRateLimited, "", ""},
	// https://github.com/PHPMailer/PHPMailer/issues/283 (PHP PHPMailer (old) / Yandex)
	{"SMTP -> ERROR: AUTH not accepted from server: 530 5.7.7 Email sending without SSL/TLS encryption is not allowed. Please see: http://help.yandex.ru/mail/mail-clients/ssl.xml ", TLSRequired, "", ""},
	// https://github.com/jhomlala/catcher/issues/198 (Dart/Flutter mailer (catcher) / Exim)
	{"flutter: [2021-11-01 19:28:46.776149 | Connection | FINE] < 535 Incorrect authentication data\nflutter: [2021-11-01 19:28:46.793682 | Catcher | INFO] Report result: false", AuthFailed, "", ""},
	// https://github.com/selfteaching/selfteaching-python-camp/issues/5556 (Python smtplib (Chinese user text) / 163.com)
	{"在使用网易邮箱发送邮件时，收到失败的信息：smtplib.SMTPDataError: (554, b'DT:SPM 163 smtp10,DsCowAA3D+JApVpd78gMKg--.16104S2 1566221632,please see http://mail.163.com/help/help_spam_16.htm?ip=59.42.123.65&hostid=smtp10&time=1566221632')；", SMTPSpamRejected, "", ""},
	// https://github.com/chinabugotech/hutool/issues/3561 (Java Hutool MailUtil (JavaMail) / Outlook.com)
	{"Exception in thread \"main\" java.lang.RuntimeException: cn.hutool.extra.mail.MailException: AuthenticationFailedException: 535 5.7.3 Authentication unsuccessful [SI2P153CA0017.APCP153.PROD.OUTLOOK.COM 2024-04-25T15:34:18.198Z 08DC64C0B4284A22]", AuthFailed, "", ""},
	// https://github.com/mscdex/node-imap/issues/432 (Node node-imap / QQ Mail (GBK shown as mojibake))
	{"<= 'A1 NO [ALERT] Login failure. Incrrect passowd or your account is not enabled for IMAP. [��¼ʧ��, ������������IMAP����δ��ͨ]'\n<= 'A1 NO ��¼ʧ��[������������IMAP����δ��ͨ]'", AuthServiceDisabled, "", ""},
	// https://github.com/msimerson/Mail-Toaster-6/issues/107 (Haraka (qmail_deliverable) log)
	{"retval=DENY msg=\"sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)\"", SMTPRelayDenied, "", ""},
	// https://github.com/mybb/mybb/issues/2571 (MyBB (PHP SMTP) / Namecheap shared hosting)
	{"`The mail server does not understand the RCPT TO command. Reason: 550-\"Your IP: 68.65.122.162 : Your domain gmail.com is not allowed in header 550 From\"`", SMTPSenderMismatch, "", ""},
	// https://github.com/sympa-community/sympa/issues/1164 (Exchange Online NDR)
	{"Diagnostic information for administrators:\nGenerating server: GV0P278MB0516.CHEP278.PROD.OUTLOOK.COM\necma-testdl@my-safe-cloud.ch\nRemote Server returned '554 5.1.0 < #5.1.10 smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient ecma-testdl@my-safe-cloud.ch not found by SMTP address lookup>'", SMTPRecipientUnknown, "", ""},
	// https://github.com/postalserver/postal/issues/3066 (Postal (Ruby MTA) delivery log)
	{"Temporary SMTP delivery error when sending to 88.X.X.X:25 (XXX.email)\nOutput: 530 Authentication required", SMTPAuthRequired, "", ""},
	// https://github.com/postalserver/postal/issues/1194 (Postfix bounce (DSN))
	{"<info@uhlhosting.ch>: host post.uhlhosting.ch[] said: 530\n   Authentication required (in reply to RCPT TO command)", SMTPAuthRequired, "", ""},
	// https://github.com/nodemailer/smtp-server/issues/83 (GoDaddy relay bounce)
	{"Reason: There was an error while attempting to deliver your message with [Subject: \"test\"] to domain. MTA p3plsmtpa08-03.prod.phx3.secureserver.net received this response from the destination host IP - ##.##.##.## - 530 , 530 Error: authentication Required", SMTPAuthRequired, "", ""},
	// https://github.com/eleith/emailjs/issues/77 (Node emailjs / Gmail)
	{"{ [Error: authorization.failed]\n  code: 3,\n  previous: \n   { [Error: bad response on command 'AUTH']\n     code: 2,", AuthFailed, "", ""},
	// https://github.com/roundcube/roundcubemail/issues/8876 (Roundcube (PHP) error log, Russian locale)
	{"[22-Jan-2023 13:10:31 +0500]: <78maf6p9> PHP Error: В соединении отказано (POST /mail/?_task=mail&_unlock=loading1674375031535&_framed=1&_action=send)\n[22-Jan-2023 13:10:31 +0500]: <78maf6p9> PHP Error: Failed to connect socket: В соединении отказано (POST /mail/?_task=mail&_unlock=loading1674375031535&_framed=1&_action=send)\n[22-Jan-2023 13:10:31 +0500]: <78maf6p9> SMTP Error: Connection failed:  (Code: -1) in /var/www/mail/program/lib/Roundcube/rcube.php on line 1795 (POST /mail/?_task=mail&_unlock=loading1674375031535&_framed=1&_action=send)", TCPRefused, "", ""},
	// https://github.com/grafana/grafana/issues/8127 (Grafana (Go) alerting email)
	{"t=2017-04-13T09:16:45+0000 lvl=eror msg=\"Failed to send alert notification email\" logger=alerting.notifier.email error=\"x509: certificate signed by unknown authority\"\nt=2017-04-13T09:16:45+0000 lvl=eror msg=\"Failed to send alert notifications\" logger=context userId=1 orgId=1 uname=admin error=\"x509: certificate signed by unknown authority\"", TLSCertUntrusted, "", ""},
	// https://github.com/michael-e/email_template_manager/issues/81 (Symphony CMS (PHP stream_socket_client))
	{"24/02/2015 11:21 > Warning: GenericErrorHandler 2: stream_socket_client() [<a href='function.stream-socket-client'>function.stream-socket-client</a>]: SSL operation failed with code 1. OpenSSL Error messages:\nerror:140770FC:SSL routines:SSL23_GET_SERVER_HELLO:unknown protocol on line 505 of file /Users/Nathan/httpdocs/stubbington_ark/symphony/lib/toolkit/class.smtp.php\n\n24/02/2015 11:21 > Warning: GenericErrorHandler 2: stream_socket_client() [<a href='function.stream-socket-client'>function.stream-socket-client</a>]: Failed to enable crypto on line 505 of file /Users/Nathan/httpdocs/stubbington_ark/symphony/lib/toolkit/class.smtp.php\n\n24/02/2015 11:21 > Warning: GenericErrorHandler 2: stream_socket_client() [<a href='function.stream-socket-client'>function.stream-socket-client</a>]: unable to connect to ssl://smtp.gmail.com:587 (Unknown error) on line 505 of file /Users/Nathan/httpdocs/stubbington_ark/symphony/lib/toolkit/class.smtp.php\n\n24/02/2015 11:21 > UNKNOWN: Email Gateway Error (extension_email_template_manager): Unable to open socket. Unknown error", PortExpectsSTARTTLS, "", ""},
	// https://github.com/nim-lang/nimforum/issues/105 (Postfix server log (receiving side))
	{">  postfix/smtpd[10031]: NOQUEUE: reject: RCPT from mail.nim-lang.org[46.101.40.62]: 504 5.5.2 <mail>: Helo command rejected: need fully-qualified hostname; from=<forum@nim-lang.org> to=<censored@example.com> proto=ESMTP helo=<mail>", SMTPHELORejected, "", ""},
	// https://github.com/Foundry376/Mailspring/issues/1054 (Mailspring (mailcore2))
	{"RCPT TO:<email@invalid.com> # I do not understand this line.\n504 5.5.2 <Styx>: Helo command rejected: need fully-qualified hostname\nSMTP Last Response Code: 504\nSMTP Last Response: 5.5.2 <Styx>: Helo command rejected: need fully-qualified hostname", SMTPHELORejected, "", ""},
	// https://github.com/haraka/Haraka/issues/1407 (Haraka outbound)
	{"smtp_1 | [PROTOCOL] [708FF8AA-CDFC-4FD3-A0AD-493A9A3C860B.1.6] [outbound] S: 504 5.5.2 <c231c1f0bd02>: Helo command rejected: need fully-qualified hostname\\r\\n", SMTPHELORejected, "", ""},
	// https://github.com/PHPMailer/PHPMailer/issues/2070 (PHP PHPMailer (old debug format))
	{"SMTP -> FROM SERVER:421 Too many concurrent SMTP connections; please try again later. CLIENT -> SMTP: EHLO \"domainname\" SMTP -> FROM SERVER: SMTP -> ERROR: EHLO not accepted from server: CLIENT -> SMT", ServerBusy, "", ""},
	// https://github.com/kamilc/email_verifier/issues/15 (Ruby email_verifier (Net::SMTP))
	{"SMTP raised: `421 Too many concurrent SMTP connections from this IP address; please try again later.` until remove all served so EmailVerifier raise: `EmailVerifier :: OutOfMailServersException: Unable to connect to any one of ...`", ServerBusy, "", ""},
	// https://github.com/calcom/cal.diy/issues/5254 (Node nodemailer (Cal.com) / Gmail smtp-relay)
	{"@calcom/web:start: sendEmail Error: Server terminates connection. response=421 4.7.0 Try again later, closing connection. (EHLO) v6-20020a50c406000000b00461d375b0a5sm78344edf.43 - gsmtp: 421 4.7.0 Try again later, closing connection. (EHLO) v6-20020a50c406000000b00461d375b0a5sm78344edf.43 - gsmtp\n@calcom/web:start:     at SMTPConnection._actionEHLO (/calcom/node_modules/nodemailer/lib/smtp-connection/index.js:1248:27)", ServerBusy, "", ""},
	// https://github.com/testssl/testssl.sh/issues/2089 (testssl.sh (STARTTLS dialog))
	{"    sending client hello... === starting smtp STARTTLS dialog ===\n    === reading banner ... ===\n    S: 421 4.7.0 is-comm2.is-ol.de Error: too many connections from [my_server_ip]\n    === full read syntax error, expected regex pattern ^220- (cont) or ^220  (end) ===\n    === finished smtp STARTTLS dialog with 2 ===\n     Oops: STARTTLS handshake failed (code: 2)", ServerBusy, "", ""},
	// https://github.com/kootenpv/yagmail/pull/117 (Python yagmail (smtplib))
	{"ErrorMessage: SMTPConnectError: (421, b'Too many connections').", ServerBusy, "", ""},
	// https://github.com/sabuhish/fastapi-mail/issues/75 (Python aiosmtplib (fastapi-mail) / Microsoft 365)
	{"aiosmtplib.errors.SMTPDataError: (432, '4.3.2 Concurrent connections limit exceeded. Visit https://aka.ms/concurrent_sending for more information. [Hostname=OS0PR01MB6099.jpnprd01.prod.outlook.com]')", ServerBusy, "", ""},
	// https://github.com/soywod/iris.vim/issues/31 (iris.vim (Python imapclient) / Gmail)
	{"    Send: {\"success\": false, \"type\": \"send-email\", \"error\": \"append failed: [TRYCREATE] Folder doesn't exist. (Failure)\"}", IMAPNonexistentMailbox, "", ""},
	// https://github.com/ikvk/imap_tools/issues/77 (Python imap_tools / Gmail)
	{"imap_tools.errors.MailboxFolderSelectError: Response status \"OK\" expected, but \"NO\" received. Data: [b'[NONEXISTENT] Unknown Mailbox: SENT (Failure)", IMAPNonexistentMailbox, "", ""},
	// https://github.com/nextcloud/mail/issues/4153 (Nextcloud Mail (PHP Horde) log)
	{"{\"reqId\":\"…\",\"level\":3,\"time\":\"2022-03-22T07:56:35+00:00\",\"remoteAddr\":\"…\",\"user\":\"…\",\"app\":\"mail\",\"method\":\"POST\",\"url\":\"/apps/mail/api/accounts/299/draft\",\"message\":\"Saving draft failed: No drafts mailbox configured\",\"userAgent\":\"…\",\"version\":\"23.0.3.2\"}", IMAPFolderMissing, "", ""},
	// https://github.com/dreamhunter2333/cloudflare_temp_email/issues/280 (Cloudflare Email Routing bounce (Chinese mail client))
	{"以下为远程服务器的响应：\n550 5.1.1 Address does not exist. IoNoxggOpIHN", SMTPRecipientUnknown, "", ""},
}

var benignBatch15 = []string{
	// https://github.com/imapsync/imapsync/issues/140
	"Host1: success login on [imap.netclusive.de] with user [OLD_LOGIN] auth [LOGIN]",
	// https://github.com/jstedfast/MailKit/issues/1131
	"Connected to pops://pop.gmail.com:995/\nS: +OK Gpop ready for requests from 71.59.xx.xxx l13mb529002861qtp",
	// https://github.com/PHPMailer/PHPMailer/issues/2695
	"2022-06-08 18:32:18 SERVER -> CLIENT: 220 2.0.0 Ready to start TLS",
	// https://github.com/dyne/JaroMail/issues/34
	"dovecot[13126]: imap-login: Login: user=<USER>, method=PLAIN, rip=x.x.x.x, lip=x.x.x.x, mpid=13152, TLS, session=<a5ccny1m+ABU0jOB>",
	// https://github.com/chatwoot/chatwoot/issues/8226
	"Oct 27 12:40:34 ip-172-31-15-79 chatwoot-worker.1[150606]: I, [2023-10-27T12:40:34.537188 #150606]  INFO -- : [ActiveJob] [ActionMailer::MailDeliveryJob] [86fbdf6b-5fb7-4070-af5a-86e6dfcfd5e0] Delivered mail conversation/23d2be61-16c8-4755-a678-69a58802dfc4/messages/140 (5077.0ms)",
	// https://github.com/YunoHost-Apps/vaultwarden_ynh/issues/247
	"[2023-11-26 04:47:01.755][start][INFO] Rocket has launched from http://127.0.0.1:8095",
	// https://github.com/dani-garcia/vaultwarden/issues/616
	"depth=1 C = US, O = Google Trust Services, CN = GTS CA 1O1\nverify return:1\ndepth=0 C = US, ST = California, L = Mountain View, O = Google LLC, CN = smtp.gmail.com\nverify return:1",
	// https://github.com/vstakhov/rmilter/issues/88
	"Feb 28 11:07:35 mx postfix/postscreen[46297]: PASS OLD [87.250.230.154]:32802",
	// https://github.com/docker-mailserver/docker-mailserver/issues/1138
	"Mar  6 12:42:44 <domain> postfix/smtpd[1170]: Anonymous TLS connection established from mail-wr1-f49.google.com[209.85.221.49]: TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)",
	// https://github.com/PHPMailer/PHPMailer/issues/409
	"2018-08-01 17:43:52 CLIENT -> SERVER: AUTH LOGIN\n2018-08-01 17:43:52 SERVER -> CLIENT: 334 VXNlcm5hbWU6",
	// https://github.com/leiweibau/Pi.Alert/issues/236
	"Test Reporting...\nSending report by email...",
	// https://github.com/OfflineIMAP/offlineimap/issues/620
	"OfflineIMAP 7.2.3\n  Licensed under the GNU GPL v2 or any later version (with an OpenSSL exception)\nimaplib2 v2.57 (bundled), Python v2.7.6, OpenSSL 0.9.7l 28 Sep 2006",
	// https://github.com/docker-mailserver/docker-mailserver/issues/1138
	"Mar  6 12:42:45 <domain> policyd-spf[1177]: prepend Received-SPF: Pass (mailfrom) identity=mailfrom; client-ip=209.85.221.49; helo=mail-wr1-f49.google.com; envelope-from=sender@googlemail.com; receiver=<UNKNOWN> ",
	// https://github.com/Foundry376/Mailspring/issues/1054
	"AUTH PLAIN **********************************************=\n235 2.7.0 Authentication successful\nMAIL FROM:<*****@******.**>\n250 2.1.0 Ok",
	// https://github.com/nim-lang/nimforum/issues/105
	">  Connected to mail.nim-lang.org.\n>  Escape character is '^]'.\n>  220 mail ESMTP Postfix (Ubuntu)",
	// https://github.com/BytemarkHosting/docker-smtp/issues/5
	"  759 Connecting to spool.mail.gandi.net [217.70.178.1]:25 ... connected\n  759   SMTP<< 220 spool.mail.gandi.net ESMTP Postfix",
}

// beyondText15 are the held-out texts still read otherwise: the thread's cause is not in the
// text (a port-25 block behind a timeout, an app password behind "Invalid credentials", a
// self-signed certificate behind "check your SMTP settings", TLS wanted behind a bare EOF), or
// the label and the wording disagree (an Exim RCPT refusal, SES's unverified identity). The
// matcher's reading is held so a change shows.
var beyondText15 = []pinned{
	// https://github.com/miracle2k/dockerfiles/issues/12 (telnet / Exim (exim-sender))
	{"220 mydomain.de ESMTP Exim 4.82 Ubuntu Sat, 02 Jun 2018 14:09:24 +0000\nmail from:<foobar@gmail.com>\n250 OK\nrcpt to:<$USER@mydomain.de>\n550 \"You are not allowed to send email\"", SMTPRelayDenied, SMTPSendingBlocked},
	// https://github.com/emersion/go-imap/issues/436 (Go go-imap client (Yahoo))
	{"2021/07/20 20:11:37 Connecting to server...\n2021/07/20 20:11:37 Connected\n2021/07/20 20:11:41 LOGIN Invalid credentials\nexit status 1", AuthAppPasswordRequired, AuthFailed},
	// https://github.com/nylas/nylas-mail/issues/459 (Nylas Mail)
	{"> Please check that your SMTP settings are correct. \n\nOR\n\n> Error connecting to the server.", TLSCertUntrusted, ""},
	// https://github.com/hmailserver/hmailserver/issues/287 (hMailServer)
	{"\"550 Delivery is not allowed to this address.\"", SMTPRelayDenied, ""},
	// https://github.com/bokysan/docker-postfix/issues/21 (Postfix (docker) outbound log)
	{"2020-02-13T02:13:27.003819+00:00 76b83c891167 postfix/smtp[121]: connect to gmail-smtp-in.l.google.com[172.217.197.26]:25: Operation timed out\n2020-02-13T02:13:57.032523+00:00 76b83c891167 postfix/smtp[121]: connect to alt1.gmail-smtp-in.l.google.com[64.233.186.27]:25: Operation timed out", TCPPort25Blocked, TCPTimeout},
	// https://github.com/catatnight/docker-postfix/issues/22 (Postfix (docker) outbound log)
	{"Mar 23 11:23:31 886377d1c5cf postfix/smtp[143]: BB48359B: to=<ehs@pobox.com>, relay=none, delay=151, delays=0.03/0.01/150/0, dsn=4.4.1, status=deferred (connect to pb-mx10.pobox.com[64.147.108.51]:25: Connection timed out)", TCPPort25Blocked, TCPTimeout},
	// https://github.com/grafana/grafana/issues/7273 (Grafana (Go gomail) / Amazon SES)
	{"t=2017-01-16T15:53:03+0000 lvl=eror msg=\"Failed to send alert notifications\" logger=context userId=1 orgId=1 uname=admin error=\"gomail: could not send email 1: 554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: admin@grafana.localhost\"", SMTPSenderInvalid, SMTPSenderMismatch},
	// https://github.com/OpenBazaar/openbazaar-go/issues/776 (OpenBazaar (Go) / AOL port 465)
	{"> The integration test was not successful: EOF", PortExpectsTLS, ServerClosed},
}

func TestBeyondText15(t *testing.T) { checkPinned(t, beyondText15) }

// TestLibraryErrorNames15: the held-out misses were fixed by class; these are the siblings from
// the same sources. Python's ssl.match_hostname messages (Lib/ssl.py, up to 3.6), Go's
// net.SplitHostPort errors (net/ipsock.go), glibc's strerror in its de/fr/ru/es catalogues
// (po/*.po for ECONNREFUSED, ETIMEDOUT, ECONNRESET, EHOSTUNREACH, ENETUNREACH), PHPMailer's
// "Auth method requested:" debug line (src/SMTP.php), PHP's ssl:// transport on a STARTTLS port.
func TestLibraryErrorNames15(t *testing.T) {
	checkNamed(t, []named{
		{"ssl.CertificateError: hostname 'mail.example.org' doesn't match either of '*.example.net', 'example.net'", TLSCertHostnameMismatch},
		{"CertificateError: no appropriate commonName or subjectAltName fields were found", TLSCertHostnameMismatch},
		{"dial tcp: address smtp.example.org: missing port in address", ConfigMissingPort},
		{"smtp: STARTTLS not supported by server", TLSSTARTTLSUnavailable},
		{"500 5.5.1 TLS not available", TLSSTARTTLSUnavailable},
		{"connect() failed: Verbindung abgelehnt", TCPRefused},
		{"Échec de connexion : Connexion refusée", TCPRefused},
		{"socket error: Die Wartezeit für die Verbindung ist abgelaufen", TCPTimeout},
		{"read: Соединение разорвано другой стороной", TCPReset},
		{"connect: Keine Route zum Zielrechner", TCPUnreachable},
		{"Auth method requested: XOAUTH2\nSMTP Error: Could not authenticate.", AuthOAuthFailed},
		{"Connection: opening to ssl://smtp.example.org:25, timeout=300\nSMTP ERROR: Failed to connect to server: (0)\nSMTP NOTICE: EOF caught while checking if connected", PortExpectsSTARTTLS},
		{"Sending failed: No sent mailbox configured", IMAPFolderMissing},
		{"552 5.3.4 Error: maximum message size exceeded", SMTPMessageTooLarge},
		{"530 5.7.0 Sending without TLS encryption is not allowed", TLSRequired},
	})
	// A licence banner or a TLS library's version line is no failure, whatever words it has.
	for _, l := range []string{"Licensed under the GNU GPL v2 (with an OpenSSL exception)", "TLS 1.0 not supported by this build (compile-time option)"} {
		if got := MatchText(l); len(got) > 0 && got[0].Code == TLSHandshakeFailed {
			t.Errorf("MatchText(%q) = %v, want no handshake failure", l, got)
		}
		if g, ok := Guess(l); ok && g.Code == TLSHandshakeFailed {
			t.Errorf("Guess(%q) = %v, want no handshake failure", l, g)
		}
	}
}
