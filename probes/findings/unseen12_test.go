package findings

import "testing"

// unseenBatch12 is a batch gathered on 2026-12-04 from mail apps and their dialogs: K-9/Thunderbird for
// Android and apps built on it, Delta Chat, FlowCrypt, Mailspring, Airmail, Wino Mail, Apple Mail, Outlook and
// Thunderbird desktop, webmail (Roundcube, SnappyMail, SOGo, Nextcloud/ownCloud Mail on Horde) and Chinese
// clients. Each text names its source and was checked against the corpus first; it was scored once on first
// sight, before any matcher change for it. Labels are the cause the thread established, else what the reply
// and wording state; a note says when the thread went beyond the text. It scored 19/40 on first sight
// (benign 9/10 clean); the five texts whose cause is not in the text moved to beyondText12 after scoring.
var unseenBatch12 = []corpusCase{
	// https://github.com/deltachat/deltachat-desktop/issues/749 (the poster found ports 143 and 993 blocked on that network)
	{"Could not connect to imap server xxxxx:993 using SSL Error #6", TCPConnectFailed, "", ""},
	// https://github.com/thunderbird/thunderbird-android/issues/5680
	{"SocketTimeoutExeption: failed to connect to mail.routing.net", TCPTimeout, "", ""},
	// https://github.com/the-djmaze/snappymail/issues/1818
	{"Next MailSo\\Imap\\Exceptions\\LoginBadCredentialsException:  AUTHENTICATE failed. in /var/www/html/custom_apps/snappymail/app/snappymail/v/2.38.2/app/libraries/MailSo/Imap/ImapClient.php:232", AuthFailed, "", ""},
	// https://github.com/the-djmaze/snappymail/issues/936
	{"2023-02-15 10:17:57.023][8c4996c8] IMAP[WARNING]: MailSo\\Imap\\Exceptions\\NegativeResponseException: AUTHENTICATIONFAILED Authentication failed. in /data/apps/snappymail/app/snappymail/v/2.26.1/app/libraries/MailSo/Imap/ResponseCollection.php:46", AuthFailed, "", ""},
	// https://github.com/the-djmaze/snappymail/issues/1896
	{"[2025-01-24 21:32:07.105][867437ca] SMTP[ERROR]: MailSo\\Smtp\\Exceptions\\NegativeResponseException: 535 5.7.8 Error: authentication failed: (reason unavailable) in /snappymail/snappymail/v/2.38.2/app/libraries/MailSo/Smtp/SmtpClient.php:598", AuthFailed, "", ""},
	// https://github.com/roundcube/roundcubemail/issues/6826
	{"PHP message: ERROR: Invalid response code received from server (535)", AuthFailed, "", ""},
	// https://github.com/roundcube/roundcubemail/issues/5688
	{"[11-Mar-2017 18:29:09 Pacific/Auckland] ERROR: SMTP server does not support authentication ()\n[11-Mar-2017 18:29:09 +1300]: <lvht4b5p> SMTP Error: Authentication failure: SMTP server does not support authentication (Code: ) in /usr/share/roundcubemail/program/lib/Roundcube/rcube.php on line 1657 (POST /?_task=mail&_unlock=loading1489210148448&_lang=en_GB&_framed=1&_action=send)", SMTPAuthNotOffered, "", ""},
	// https://github.com/roundcube/roundcubemail/issues/7089 (the EHLO reply in the same log lists no AUTH; fixed with tls://)
	{"SMTP Fehler (250): Die Authentisierung ist fehlgeschlagen", SMTPAuthNotOffered, "", ""},
	// https://github.com/w2c/ispconfig3_roundcube/issues/127 (Postfix smtpd_tls_auth_only: AUTH is offered only after STARTTLS)
	{"SMTP Error (250) Authentication is failed", SMTPAuthNotOffered, "", ""},
	// https://github.com/bkaankose/Wino-Mail/issues/465
	{"C: B00000000 COMPRESS DEFLATE\nS: B00000000 BAD Error in IMAP command received by server.", ServerProtocolError, "", ""},
	// https://github.com/nextcloud/mail/issues/5350
	{"[mail] Error: Creating account failed: Connection to IMAP at _________ :993 failed. Authentication failed.", AuthFailed, "", ""},
	// https://github.com/owncloud-archive/mail/issues/924
	{"Fatal \tindex \tException: {\"Exception\":\"Horde_Imap_Client_Exception\",\"Message\":\"Mail server closed the connection unexpectedly.\",\"Code\":4,", ServerClosed, "", ""},
	// https://github.com/nextcloud/mail/issues/1543
	{"Horde_Imap_Client_Exception: Error connecting to mail server.\n  at Horde_Imap_Client_Socket::_connect", TCPConnectFailed, "", ""},
	// https://github.com/mailcow/mailcow/issues/875
	{"sogo-mailcow_1       | Jun 16 10:49:04 58667701817a [5668]: [ERROR] <0x0x55bf5bdcb2c0[NGImap4ConnectionManager]> IMAP4 login failed:\nsogo-mailcow_1       | Jun 16 10:49:05 58667701817a host=imap.gmail.com, user=sfdsadbaksdasjk@gmail.com, pwd=yes", AuthFailed, "", ""},
	// https://github.com/mailcow/mailcow-dockerized/issues/5857
	{"sogo-mailcow-1       | Apr 25 23:28:10 c6969b766650 sogod [57]: [ERROR] <0x0x557f10ee5380[NGImap4ConnectionManager]> IMAP4 login failed:\nsogo-mailcow-1       | Apr 25 23:28:10 c6969b766650 host=172.22.1.250, user=rik@domain.tld, pwd=yes", AuthFailed, "", ""},
	// https://github.com/mailcow/mailcow-dockerized/issues/3128
	{"[ERROR] <0x562d8c4bbb80[SOGoMailAccount]:0> Could not connect IMAP4\n[ERROR] <0x562d8c4bbb80[SOGoMailAccount]:0> no IMAP4 password available\n[ERROR] <0x562d8c4bbb80[SOGoMailAccount]:0> renewing imap4 password", AuthCredentialsMissing, "", ""},
	// https://github.com/mailcow/mailcow-dockerized/issues/4078 (SOGo could not reach the IMAP server (NAT))
	{"sogo-mailcow_1       | May  1 16:10:21 5b25593a4de1 sogod [128]: [ERROR] <0x55639161ebe0[SOGoMailAccount]:0> Could not connect IMAP4", TCPConnectFailed, "", ""},
	// https://github.com/deltachat/deltachat-android/issues/67
	{"Error: SMTP-login failed for user **** (Login failed)", AuthFailed, "", ""},
	// https://github.com/chatmail/core/issues/659
	{"SMTP failed to send message: 5.7.0 authentication failed", AuthFailed, "", ""},
	// https://github.com/thunderbird/thunderbird-android/issues/3628
	{"Set up could not finish - Username or Password incorrect. (POP3 login authentication failed: -ERR[Auth] Invalid login)", AuthFailed, "", ""},
	// https://github.com/thunderbird/thunderbird-android/issues/8567
	{"Checking incoming server settings failed\nNetwork error\nDetails:\nreadStringUntuil(): end of stream reached. Read: \"\" while waiting for ' '", ServerClosed, "", ""},
	// https://github.com/thunderbird/thunderbird-android/issues/5028 (a wrong password reported as a connection failure)
	{"2020-10-27 11:21:02.277 3948-4026/com.fsck.k9.debug E/ImapConnection: Failed to login, closing connection for conn257205850\n2020-10-27 11:21:02.278 3948-4026/com.fsck.k9.debug E/AccountSetupCheckSettings$CheckAccountTask: Error while testing settings\n    com.fsck.k9.mail.MessagingException: Unable to connect", AuthFailed, "", ""},
	// https://github.com/thunderbird/thunderbird-android/issues/2654
	{"com.movit.platform.mail.util.log.MailException:com.fsck.k9.mail.AuthenticationFailedException: Command: *sensitive*; response: #3# [NO, LOGIN failed.]", AuthFailed, "", ""},
	// https://github.com/thunderbird/thunderbird-android/issues/7154
	{"com.fsck.k9.mail.AuthenticationFailedException: AUTH PLAIN failed", AuthFailed, "", ""},
	// https://github.com/Airmail/Airmail_Public/issues/180
	{"Cannot send mail error contact Unable to authenticate with the current session's credentials.", AuthFailed, "", ""},
	// https://github.com/juewuy/ShellCrash/issues/497 (a router proxy in the path)
	{"OUTLOOK客户端里面收发就一直提示0X800CCC0E错误", TCPConnectFailed, "", ""},
	// https://github.com/Foundry376/Mailspring/issues/2089
	{"Outlook server said you must sign in via a web browser. (IMAP)", AuthWebLoginRequired, "", ""},
	// https://github.com/svarshavchik/courier/issues/42 (Outlook's alert pop-up)
	{"Votre serveur IMAP souhaite vous alerter à propos de : Your IMAP client does not appear to correctly implement Unicode messages, see https://tools.ietf.org/html/rfc6855.html", IMAPAlert, "", ""},
	// https://github.com/nextcloud/mail/issues/11033
	{"C: 1 AUTHENTICATE PLAIN [INITIAL CLIENT RESPONSE (username: gopher@mail.com)]\nS: 1 NO authentication failed\n>> Command 1 took 0.3316 seconds.\nC: 2 LOGIN gopher@mail.com [PASSWORD]\nS: 2 NO authentication failed", AuthFailed, "", ""},
	// https://github.com/nextcloud/mail/issues/535
	{"Error while creating the account: Kontoerstellung fehlgeschlagen:Authentication failed.\n\nHorde_Imap_Client_Exception_ServerResponse: IMAP error reported by server.", AuthFailed, "", ""},
	// https://github.com/Foundry376/Mailspring/issues/295 (the maintainer: self-signed or expired certificate, or no CA bundle)
	{"IMAP error certificate", TLSCertUntrusted, "", ""},
	// https://github.com/thunderbird/thunderbird-android/issues/5970 (the server's key was no longer accepted after an upgrade)
	{"Certificate error for ...  Check your server settings", TLSCertUntrusted, "", ""},
	// https://github.com/FlowCrypt/flowcrypt-android/issues/579
	{"Caused by: java.security.cert.CertificateException: java.security.cert.CertPathValidatorException: Trust anchor for certification path not found.", TLSCertUntrusted, "", ""},
	// https://github.com/docker-mailserver/docker-mailserver/issues/4343 (Outlook clients reject the server's certificate)
	{"2025-02-04T09:21:59.779240+00:00 mail dovecot: imap-login: Disconnected: Connection closed: SSL_accept() failed: error:0A000416:SSL routines::sslv3 alert certificate unknown: SSL alert number 46 (no auth attempts in 0 secs): user=<>, rip=218.212.176.48, lip=172.30.0.2, TLS handshaking: SSL_accept() failed: error:0A000416:SSL routines::sslv3 alert certificate unknown: SSL alert number 46, session=<1x6Cik0tu8za1LAw>", TLSCertUntrusted, "", ""},
	// https://github.com/thunderbird/thunderbird-website/issues/282
	{"Sending of the message failed.\nThe message could not be sent because connecting to Outgoing server (SMTP) [MY EMAIL PROVIDER] failed. The \nserver may be unavailable or is refusing SMTP connections. Please verify that your Outgoing server (SMTP) settings \nare correct and try again.", TCPConnectFailed, "", ""},
}

// beyondText12 are the batch's texts whose cause, as the thread established it, the text itself does
// not carry: Horde prints "Error connecting to mail server." for a refused certificate as for a refused
// connection, K-9's "Unable to get folder list." hides the certificate failure under it, Outlook's
// "SSL negotiation wasn't successful" does not say that Windows 7 lacked TLS 1.2, and Apple Mail's
// Chinese login dialog does not say that QQ wants its authorization code (explain says so once the
// provider is named: the session sharpens auth.failed by the provider's login kind); from batch 12b,
// Delta Chat's failed login does not say that Exchange refused it for too many connections. They
// counted as misses on first sight and stay out of the corpus; nearest is what the matcher must keep giving.
var beyondText12 = []pinned{
	// https://github.com/nextcloud/mail/issues/3239 (self-signed certificate; the maintainer points to turning TLS verification off)
	{"[mail] Fatal: Creating account failed: Could not connect to IMAP: Error connecting to mail server.", TLSCertUntrusted, TCPConnectFailed},
	// https://github.com/nextcloud/mail/issues/4769 (a private CA; the plaintext address works)
	{"\"message\":\"Creating account failed: Connection to IMAP at eregion.kicks-ass.net:993 failed. Error connecting to mail server.\"", TLSCertUntrusted, TCPConnectFailed},
	// https://github.com/ShannonChenCHN/eureka/issues/66
	{"Mac 自带邮箱📮登陆 qq 邮箱时总是显示 “无法验证用户名和密码”", AuthAuthorizationCodeRequired, AuthFailed},
	// https://github.com/thunderbird/thunderbird-android/issues/3459 (the thread: a server with an invalid certificate)
	{"MessagingController  E  com.fsck.k9.mail.MessagingException: Unable to get folder list.", TLSCertUntrusted, ""},
	// https://github.com/mailcow/mailcow-dockerized/issues/1696 (Outlook on Windows 7 without TLS 1.2)
	{"The certificate couldn't be validated because SSL negotiation wasn't successful.", TLSVersionTooOld, TLSHandshakeFailed},
	// https://github.com/deltachat/deltachat-desktop/issues/1527 (the thread: too many open connections to the Exchange server)
	{"ThreadId(22) src\\\\imap\\\\mod.rs:410: failed to setup imap handle: IMAP Could not login as cannot login as raphael.fritsch@reutlingen-university.de", ServerBusy, AuthFailed},
}

// benignBatch12 are success and non-mail lines from the same threads: no error-level finding.
var benignBatch12 = []string{
	// https://github.com/the-djmaze/snappymail/issues/1598
	"[2024-05-26 15:48:26.058][2f963b14] IMAP[INFO]: Start connection to \"ssl://mail.domain:993\"",
	// https://github.com/the-djmaze/snappymail/issues/1598
	"[2024-05-26 15:48:26.270][2f963b14] IMAP[INFO]: < * OK [CAPABILITY IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS ID ENABLE IDLE AUTH=PLAIN AUTH=LOGIN] Dovecot (Ubuntu) ready.\\r\\n",
	// https://github.com/deltachat/deltachat-desktop/issues/306
	"/tmp/.mount_deltac6GkuzK/resources/app.asar/es5/renderer/main.js:41 100 0 \"IMAP-server 127.0.0.1:1143 STARTTLS-connected.\"",
	// https://github.com/deltachat/deltachat-desktop/issues/306
	"/tmp/.mount_deltac6GkuzK/resources/app.asar/es5/renderer/main.js:41 102 0 \"IMAP-login as notrhodey@protonmail.com ok.\"",
	// https://github.com/deltachat/deltachat-desktop/issues/306
	"/tmp/.mount_deltac6GkuzK/resources/app.asar/es5/renderer/main.js:41 100 0 \"0 mails read from \"INBOX\".\"",
	// https://github.com/mailcow/mailcow-dockerized/issues/2770
	"sogo-mailcow_1       | Jul  8 23:26:45 3b70c68b22d1 sogod [70]: <0x0x558d1cd4b120[NGImap4Client]> TLS started successfully.",
	// https://github.com/mjl-/mox/issues/328
	"Apr 04 08:11:35 Matilda mox[1520698]: l=debug m=\"tls handshake completed\" pkg=imapserver version=tls-1.3 ciphersuite=TLS_AES_128_GCM_SHA256 sni=pcho.la resumed=false clientcerts=0 cid=195ffd8bc14 delta=89.409054ms",
	// https://github.com/roundcube/roundcubemail/issues/5431
	"Sep 12 12:42:23 myhost sm-mta[79533]: AUTH=server, relay=my.ip.addr [11.118.11.110] (may be forged), authid=myname, mech=LOGIN, bits=0",
	// https://github.com/owncloud-archive/mail/issues/1313
	"S: * BYE tardis IMAP4rev1 server terminating connection\nS: 3 OK LOGOUT completed",
	// https://github.com/jstedfast/MailKit/issues/1954
	"S: K00000001 OK LOGIN Authentication succeeded",
}

// unseenBatch12b is a second, smaller batch from the same families, gathered after batch 12's fixes
// (K-9-based apps, Delta Chat, MailCore, RainLoop, Nextcloud/ownCloud Mail, osTicket, an OAuth proxy for
// Outlook, Foxmail and Chinese providers from apps' logs), scored once on first sight before any change for it:
// 10/20, benign 10/10 clean; the one text whose cause is not in it moved to beyondText12 after scoring.
var unseenBatch12b = []corpusCase{
	// https://github.com/jberkel/sms-backup-plus/issues/1071 (Google no longer serves that name; imap.gmail.com works)
	{"Unable to resolve host \"imap.google.com\": No address associated with hostname", DNSNXDomain, "", ""},
	// https://github.com/simonrob/email-oauth2-proxy/issues/400
	{"2025-11-04 17:19:08,967: SMTP (127.0.0.1:1587) Caught connection error (server) - ConnectionResetError : [WinError 10054] An existing connection was forcibly closed by the remote host", TCPReset, "", ""},
	// https://github.com/owncloud-archive/mail/issues/1510 (the server's 250 came after Horde had given up)
	{"C: .\n>> ERROR: Server read/timeout error.", ServerResponseTimeout, "", ""},
	// https://github.com/MailCore/mailcore2/issues/637 (implicit TLS tried on port 587)
	{"2014-03-12 16:44:01.049 MailApp[9531:99cf] CFNetwork SSLHandshake failed (-9800)\n2014-03-12 16:44:03.610 MailApp[9531:60b] sendOutboxEmail error:A stable connection to the server could not be established.", PortExpectsSTARTTLS, "", ""},
	// https://github.com/root-io/vmail/issues/91
	{"outlook-com.olc.protection.outlook.com[104.47.40.33] said: 550 5.7.1\n    Unfortunately, messages from [62.210.82.129] weren't sent. Please contact\n    your Internet service provider since part of their network is on our block\n    list (AS3140). You can also refer your provider to\n    http://mail.live.com/mail/troubleshooting.aspx#errors. (in reply to MAIL\n    FROM command)", SMTPIPBlocked, "", ""},
	// https://github.com/RainLoop/rainloop-webmail/issues/1316
	{"[16:03:01.271][6002c22b] INFO[NOTICE]: exception 'RainLoop\\Exceptions\\ClientException' with message 'AuthError[102]' in /var/www/XXXXXXXXX/rainloop/v/1.10.5.192/app/libraries/RainLoop/Actions.php:3834", AuthFailed, "", ""},
	// https://github.com/RainLoop/rainloop-webmail/issues/1333 (the IMAP port had changed on the server)
	{"Can't connect to server", TCPConnectFailed, "", ""},
	// https://github.com/chatmail/core/issues/5218
	{"2024-01-28T22:40:19.484Z WARN  deltachat_repl > src/imap.rs:435: Cannot login as \"iequidoo@outlook.com\". Please check if the email address and the password are correct. (no response: code: None, info: Some(\"LOGIN failed.\"))", AuthFailed, "", ""},
	// https://github.com/grommunio/gromox/issues/198
	{"#1# [BAD, command not supported or parameter error]", ServerProtocolError, "", ""},
	// https://github.com/osTicket/osTicket/issues/1351
	{"Error: Connection failed to mail.xxxx.net,110: Connection timed out", TCPTimeout, "", ""},
	// https://github.com/nextcloud/mail/issues/382 (the hosting provider blocks outgoing SMTP)
	{"\"message\":\"Creating account failed: Error connecting to SMTP server.\"", TCPConnectFailed, "", ""},
	// https://github.com/nextcloud/mail/issues/4592
	{"[mail] Error: Creating account failed: Could not connect to IMAP host mail.andreefamily.com:993: Error connecting to mail server.", TCPConnectFailed, "", ""},
	// https://github.com/edp963/davinci/issues/1671
	{"Mail server connection failed; nested exception is javax.mail.MessagingException: Could not connect to SMTP host: smtp.sina.com, port: 465, response: -1", PortExpectsTLS, "", ""},
	// https://github.com/twikoojs/twikoo/issues/879
	{"SMTP 邮箱配置异常：connect EHOSTUNREACH 183.47.120.204:465", TCPUnreachable, "", ""},
	// https://github.com/twikoojs/twikoo/issues/879 (the reply: the server's DNS resolver is broken)
	{"SMTP 邮箱配置异常：getaddrinfo EAI_AGAIN smtp.qq.com", DNSFailure, "", ""},
	// https://github.com/master-coder-ll/v2ray-web-manager/issues/101 (the host name is mistyped, smpt for smtp)
	{"Caused by: org.apache.commons.mail.EmailException: Sending the email to the following server failed : smpt.163.com:465", DNSNXDomain, "", ""},
	// https://github.com/MailCore/mailcore2/pull/1517 (Tiscali refuses the login until the password is changed)
	{"authentication rejected: your password is too simple", AuthPasswordExpired, "", ""},
	// https://github.com/a76yyyy/qd/issues/17
	{"[E 210929 21:53:10 utils:256] send mail error [Errno -3] Try again", DNSFailure, "", ""},
	// https://github.com/chen08209/FlClash/issues/369 (Foxmail's QQ login; the poster blames a proxy app)
	{"{\"status\":\"400\",\"msg\":\"login fail\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.qq.com/\"}", AuthOAuthFailed, "", ""},
}

// benignBatch12b are success and non-mail lines from the same threads: no error-level finding.
var benignBatch12b = []string{
	// https://github.com/owncloud-archive/mail/issues/1510
	"[AUTH Command - method: LOGIN; username: sebasb@outlook.com]",
	// https://github.com/jberkel/sms-backup-plus/issues/429
	"02-07 18:26 Backing up (49 SMS, 1 MMS, 96 call log)",
	// https://github.com/jberkel/sms-backup-plus/issues/429
	"02-07 18:26 Backup finished",
	// https://github.com/chatmail/core/issues/5218
	"2024-01-28T22:40:18.554Z INFO  deltachat_repl > src/imap.rs:410: Logging into IMAP server with LOGIN",
	// https://github.com/RainLoop/rainloop-webmail/issues/805
	"[15:21:17.148][ed81659a] IMAP[NOTE]: Connected (success)",
	// https://github.com/MailCore/mailcore2/issues/1036
	"2015-01-13 15:01:03.037 iOS UI Test[4090:4f13] event logged:0x1098c1040 0 withData: * OK Coremail System IMap Server Ready(163com[726cd87d72d896a1ac393507346040fa])",
	// https://github.com/MailCore/mailcore2/issues/1036
	"2015-01-13 15:01:02.438 [4090:4f13] MCIMAPSession.cpp:569: connect <mailcore::IMAPSession:0x1098ef230>",
	// https://github.com/nextcloud/mail/issues/11033
	">> Server connection took 0.9047 seconds.",
	// https://github.com/simonrob/email-oauth2-proxy/issues/93
	"2022-11-05 08:20:14: SMTP (localhost:1587; 127.0.0.1:59907->smtp.office365.com:587) --> [ Client connected ]",
	// https://github.com/simonrob/email-oauth2-proxy/issues/93
	"2022-11-05 08:20:14: New incoming connection to SMTP server at localhost:1587 (unsecured) proxying smtp.office365.com:587 (STARTTLS)",
}

// unseenBatch12c is a third, small batch from the same families gathered after batch 12b's fixes (Roundcube
// and SnappyMail logs, Thunderbird for Android and Thunderbird on OS/2, the Dart mailer behind Flutter apps,
// Yandex as IMAP clients see it), scored once on first sight before any change for it: 4/10, benign 8/8 clean.
var unseenBatch12c = []corpusCase{
	// https://github.com/mail-in-a-box/mailinabox/issues/562 (PHP 5.6 began verifying the box's own certificate; giving Roundcube its cafile fixed it)
	{"[24-Sep-2015 21:20:08 +0200]: <fsasd9q3t> IMAP Error: Login failed for user@mail.org from 82.192.111.22. Could not connect to ssl://localhost:993: Unknown reason in /usr/local/lib/roundcubemail/program/lib/Roundcube/rcube_imap.php on line 198 (POST /mail/?_task=login?_task=login&_action=login)", TLSCertUntrusted, "", ""},
	// https://github.com/roundcube/roundcubemail/issues/8530 (the maintainer: an SSL verification problem, try verify_peer off)
	{"IMAP connect:  NOT OK(Login failed for x@x.x against localhost from x.x.x.x. Could not connect to ssl://localhost:993: Unknown reason)", TLSCertUntrusted, "", ""},
	// https://github.com/roundcube/roundcubemail/issues/7621
	{"(Connection failed: Failed to connect socket: Connection refused)", TCPRefused, "", ""},
	// https://github.com/roundcube/roundcubemail/issues/5310
	{"[08-Jun-2016 20:42:12 +0000]: <sci8gsd3> IMAP Error: Login failed for support@site.ru from XXX.XXX.XXX.XX(X-Forwarded-For: XXX.XXX.XXX.XX). AUTHENTICATE PLAIN: Authentication failed. in /usr/share/roundcubemail/program/lib/Roundcube/rcube_imap.php on line 193 (GET /webmail/)", AuthFailed, "", ""},
	// https://github.com/thunderbird/thunderbird-android/issues/11489
	{"Failed to check the outgoing server settings\n\nNetwork error\n\nConnection closed", ServerClosed, "", ""},
	// https://github.com/bitwiseworks/mozilla-os2/issues/186
	{"Error: An error occurred during a connection to mail.arcanoae.com:993.\n\nThe server certificate included a public key that was too weak.\n\n(Error code: ssl_error_weak_server_cert_key)", TLSWeakCrypto, "", ""},
	// https://github.com/dart-mailer/mailer/issues/154
	{"socket exception err 113, no route to host", TCPUnreachable, "", ""},
	// https://github.com/the-djmaze/snappymail/issues/1992
	{"snappymail          | [2025-09-22 02:54:18.550][3dd467b4] SERVICE[WARNING]: - MailSo\\Net\\Exceptions\\SocketCanNotConnectToHostException: Can't connect to host \"tcp://localhost:143\" in /snappymail/snappymail/v/2.38.2/app/libraries/MailSo/Net/NetClient.php:138", TCPConnectFailed, "", ""},
	// https://github.com/the-djmaze/snappymail/issues/1233
	{"[2023-08-21 07:54:54.755][2e1ff7af] [ERROR]: MailSo\\Net\\Exceptions\\SocketCanNotConnectToHostException: Can't                                                connect to host \"tcp://localhost:25\" in /var/www/cloud/apps/snappymail/app/snappymail/v/2.28.4/app/libr                                               aries/MailSo/Net/NetClient.php:138", TCPConnectFailed, "", ""},
	// https://github.com/mscdex/node-imap/issues/782
	{"Access to your account has been temporarily restricted as Yandex suspects it may have been hacked.", AuthAccountLocked, "", ""},
}

// benignBatch12c are success and non-mail lines from the same threads: no error-level finding.
var benignBatch12c = []string{
	// https://github.com/the-djmaze/snappymail/issues/1598
	"[2024-05-26 15:48:26.203][2f963b14] IMAP[DEBUG]: 0.14469194412231 (raw connection)",
	// https://github.com/the-djmaze/snappymail/issues/1598
	"[2024-05-26 15:48:26.055][2f963b14] PLUGIN[INFO]: Hook: login.credentials.step-2",
	// https://github.com/roundcube/roundcubemail/issues/5431
	"[12-Sep-2016 15:11:36 -0400]: <s37bojmo> Recv: 250-myhost.com Hello pool-11-11-58-120.bstnma.fios.verizon.net [98.118.58.120], pleased to meet you",
	// https://github.com/roundcube/roundcubemail/issues/7089
	"[28-Nov-2019 11:08:54 +0000]: <1lnaie7h> Recv: 250-STARTTLS",
	// https://github.com/roundcube/roundcubemail/issues/7089
	"[28-Nov-2019 11:08:54 +0000]: <1lnaie7h> Recv: 250-ENHANCEDSTATUSCODES",
	// https://github.com/roundcube/roundcubemail/issues/7089
	"[28-Nov-2019 11:08:54 +0000]: <1lnaie7h> Recv: 221 2.0.0 Bye",
	// https://github.com/mjl-/mox/issues/328
	"Apr 04 08:11:35 Matilda mox[1520698]: l=info m=\"new connection\" pkg=imapserver remote=178.66.156.200:9865 local=176.56.237.212:993 tls=true listener=public cid=195ffd8bc14 delta=\"94.209µs\"",
	// https://github.com/jstedfast/MailKit/issues/1954
	"S: * CAPABILITY XLIST IMAP4rev1 AUTH=PLAIN CHILDREN SORT I18NLEVEL=1 UIDPLUS ID MOVE UNSELECT",
}

// TestLibraryErrorNames12: batch 12's misses were fixed by the libraries' and apps' own wordings, so
// their siblings from the same sources (not pasted in any thread we read) are held too. Sources:
// PEAR Net_SMTP (Net/SMTP.php _parseResponse; "SMTP server does not support authentication" also in
// mutt smtp.c and phpBB smtp.php), Horde_Imap_Client and Horde_Smtp (Socket.php, Exception.php),
// libetpan mailimap_types.h and mailsmtp_types.h error enums as Delta Chat's core prints them
// (dc_imap.c "Could not connect to IMAP-server %s:%i. (Error #%i)"), Dovecot imap-login
// (client.c), SOGo SOGoMailAccount.m, K-9 Mail ImapConnection, Roundcube's smtpautherror label; for 12b
// Apple SecureTransport.h result codes, Horde's "read/timeout error" debug lines, Apache Commons Email; for 12c
// NSS sslerr.h/secerr.h names, PHP's reasonless ssl:// failures as Roundcube reports them, MailSo's exceptions.
func TestLibraryErrorNames12(t *testing.T) {
	checkNamed(t, []named{
		{"[SMTP: Invalid response code received from server (code: 535, response: 5.7.3 Authentication unsuccessful)]", AuthFailed},
		{"Invalid response code received from server (535)", AuthFailed},
		{"SMTP server does not support authentication", SMTPAuthNotOffered},
		{"Horde_Imap_Client_Exception: Error connecting to mail server.", TCPConnectFailed},
		{"Could not open secure TLS connection to the IMAP server.", TLSHandshakeFailed},
		{"Could not open secure TLS connection to the server.", TLSHandshakeFailed},
		{"Could not connect to IMAP-server imap.example.org:993. (Error #6)", TCPConnectFailed},
		{"Could not connect to SMTP-server smtp.example.org:465. (Error #25)", TCPConnectFailed},
		{"A0003 BAD Error in IMAP command received by server.", ServerProtocolError},
		{"* BYE Too many invalid IMAP commands.", ServerProtocolError},
		{"A0003 BAD Unknown command", ServerProtocolError},
		{"[ERROR] <0x5555[SOGoMailAccount]:0> no IMAP4 password available", AuthCredentialsMissing},
		{"E/ImapConnection: Failed to login, closing connection for conn1", AuthFailed},
		{"Unable to open connection to IMAP server due to security error.", TLSHandshakeFailed},
		{"java.security.cert.CertPathValidatorException: Trust anchor for certification path not found.", TLSCertUntrusted},
		{"java.net.SocketTimeoutException: failed to connect to imap.example.org/192.0.2.1 (port 993) after 30000ms", TCPTimeout},
		{"java.net.SocketTimeoutException: Read timed out", ServerResponseTimeout},
		{"SMTP Error (250): Authentication failed.", SMTPAuthNotOffered},
		{"SMTP Error (535): Authentication failed.", AuthFailed},
		{"Your IMAP server wants to alert you to the following: Maintenance tonight", IMAPAlert},
		{"Unable to verify account name or password", AuthFailed},
		{"Certificate error for imap.example.org", TLSCertUntrusted},
		// batch 12b's classes
		{"CFNetwork SSLHandshake failed (-9800)", PortExpectsSTARTTLS},
		{"Error Domain=kCFStreamErrorDomainSSL Code=-9813 \"(null)\"", TLSCertUntrusted},
		{"CFNetwork SSLHandshake failed (-9807)", TLSCertUntrusted},
		{"Error Domain=NSOSStatusErrorDomain Code=-9814 \"(null)\"", TLSCertExpired},
		{"CFNetwork SSLHandshake failed (-9815)", TLSCertNotYetValid},
		{"java.net.UnknownHostException: Unable to resolve host \"smtp.example.org\": No address associated with hostname", DNSNXDomain},
		{"socket.gaierror: [Errno -5] No address associated with hostname", DNSNoAddress}, // glibc means what it says
		{"Could not connect to SMTP host: smtp.gmial.com, port: 587", DNSNXDomain},
		{"getaddrinfo ENOTFOUND stmp.qq.com", DNSNXDomain},
		{"connect to imap.163.con:993 failed", DNSNXDomain},
		{">> ERROR: IMAP read/timeout error.", ServerResponseTimeout},
		{"Horde_Smtp_Exception: Error connecting to SMTP server.", TCPConnectFailed},
		{"#5# [BAD, Unknown command]", ServerProtocolError},
		{"org.apache.commons.mail.EmailException: Sending the email to the following server failed : smtp.example.org:25", SMTPSendFailed},
		{"535 5.7.0 authentication rejected: password is too weak", AuthPasswordExpired},
		{"550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3140).", SMTPIPBlocked},
		{"Cannot login as \"user@example.org\". Please check if the email address and the password are correct.", AuthFailed},
		// batch 12c's classes
		{"[SMTP: Failed to connect socket: fsockopen(): unable to connect to ssl://smtp-mail.outlook.com:587 (Unknown error) (code: -1, response: )]", PortExpectsSTARTTLS},
		{"Could not connect to tls://imap.example.org:993: Unknown reason", TLSCertUntrusted},
		{"MailSo\\Net\\Exceptions\\SocketCanNotConnectToHostException: Can't connect to host \"ssl://mail.example.org:993\"", TCPConnectFailed},
		{"(Error code: ssl_error_rx_record_too_long)", PortExpectsSTARTTLS},
		{"(Error code: ssl_error_unsupported_version)", TLSVersionTooOld},
		{"(Error code: sec_error_revoked_certificate)", TLSCertRevoked},
		{"(Error code: ssl_error_no_cypher_overlap)", TLSHandshakeFailed},
		{"(Error code: ssl_error_weak_server_ephemeral_dh_key)", TLSWeakCrypto},
		{"TLS handshake completed", ""}, // a logged success
		{"0 bad messages found", ""},
		{"Ignoring certificate errors for localhost", ""},
		{"S: 1 BAD Missing or invalid argument to AUTHENTICATE", AuthMechanismUnsupported}, // the more specific reading stays first
		{"S: 7 BAD Command unknown", ServerProtocolError},
		{"Connecting to smtp.example.org:587 (port -9800 is no error code here)", ""},
		{"C: A1 LOGIN user pass\nS: A1 OK LOGIN completed", ""},
	})
}

// TestBeyondText12 holds the nearest reading of the texts whose cause is beyond the text.
func TestBeyondText12(t *testing.T) { checkPinned(t, beyondText12) }
