package findings

// unseenBatch7 is a seventh batch gathered on 2026-12-04 from the client families the earlier
// batches found weakest: Erlang/Elixir (gen_smtp, Swoosh, Bamboo, Keila), C and Perl tools
// (mutt/neomutt, mbsync via mutt-wizard, fetchmail, getmail, offlineimap, imapsync, mailsend,
// OpenSMTPD, smail), server logs quoted by users (Postfix, Exim, Dovecot, Exchange, hMailServer),
// Android and iOS mail apps, Outlook and Thunderbird dialogs, Chinese clients and providers. It was
// scored once on first sight, before any change for it. Texts already in the corpus were dropped
// (four were found only when the corpus test saw them twice; five more took their place, scored
// against the unchanged matcher).
var unseenBatch7 = []corpusCase{
	// https://github.com/gen-smtp/gen_smtp/issues/124
	{"{error,retries_exceeded,\n       {missing_requirement,\"smtp.gmail.com\",tls}}", TLSSTARTTLSUnavailable, "", ""},
	// https://github.com/gen-smtp/gen_smtp/issues/124
	{"My print's \"Result\" is {error,no_more_hosts,\n                           {permanent_failure,\"smtp.gmail.com\",\n                               <<\"530 5.7.0 Must issue a STARTTLS command first. v128sm15637217pgb.20 - gsmtp\\r\\n\">>}}", TLSRequired, "", ""},
	// https://github.com/gen-smtp/gen_smtp/issues/141
	{"{error,retries_exceeded,{missing_requirement,\"smtp.gmail.com\",auth}}", SMTPAuthNotOffered, "", ""},
	// https://github.com/pentacent/keila/issues/278
	{"19:44:27.960 [warning] Failed sending email to [redacted]@gmail.com for campaign nmc_GQL5WVpk: {:retries_exceeded, {:network_failure, ~c\"83.166.143.45\", {:error, :timeout}}}", TCPTimeout, "", ""},
	// https://github.com/OfflineIMAP/offlineimap/issues/484
	{" ERROR: Could not connect via SSL to host 'xxx' and non-standard ssl port 143 configured. Make sure you connect to the correct port.", PortExpectsSTARTTLS, "", ""},
	// https://github.com/imapsync/imapsync/issues/272
	{"Trying command when NOT connected! LastError was: Error sending '9918 UID FETCH 1 BODY.PEEK[HEADER]': NO not connected at /usr/share/perl5/vendor_perl/Mail/IMAPClient.pm line 122.", ServerClosed, "", ""},
	// https://github.com/LukeSmithxyz/mutt-wizard/issues/695
	{"SSL error connecting to mail.***.xyz: certificate has expired", TLSCertExpired, "", ""},
	// https://github.com/NethServer/dev/issues/5815
	{"Aug 29 17:40:05 test getmail: giacomo@localhost.cfg: operation error (POP error (-ERR [AUTH] Authentication failed.))", AuthFailed, "", ""},
	// https://github.com/fewlinesco/bamboo_smtp/issues/50
	{"%Bamboo.SMTPAdapter.SMTPError{message: \"There was a problem sending the email through SMTP.\\n\\nThe error is :no_more_hosts\\n\\nMore detail below:\\n\\n{:permanent_failure, \\\"email-server\", \\\"501 Invalid RCPT TO address provided\\\\r\\\\n\\\"}\\n\"}", SMTPRecipientUnknown, "", ""},
	// https://github.com/EasyEngine/dockerfiles/issues/106
	{"Aug 27 07:12:19 ip-10-1-2-123 example.com/smtp[76]: A4997FB6AA: to=<user@example.com>, relay=smtp.example.com[IP]:PORT, delay=6, delays=0.01/0.03/6/0, dsn=4.7.0, status=deferred (SASL authentication failed; cannot authenticate to server smtp.example.com[IP]: no mechanism available)", AuthMechanismUnsupported, "", ""},
	// https://github.com/Oefenweb/ansible-postfix/issues/45
	{"relay=a.b.c[x.x.x.x]:25, delay=151584, delays=151578/0.02/6.2/0, dsn=4.7.0, status=deferred (SASL authentication failed: server a.b.c[x.x.x.x] offered no compatible authentication mechanisms for this type of connection security)", AuthMechanismUnsupported, "", ""},
	// https://github.com/tarickb/sasl-xoauth2/pull/5
	{"Nov 06 12:50:04 localhost.localdomain postfix/smtp[13368]: C965260A09BB: to=<karl_rez@outlook.com>, relay=smtp.outlook.com[2603:1036:c00:1::2]:587, delay=76108, delays=76079/0.05/30/0, dsn=4.7.3, status=deferred (SASL authentication failed; server smtp.outlook.com[2603:1036:c00:1::2] said: 535 5.7.3 Authentication unsuccessful [YTXPR0101CA0051.CANPRD01.PROD.OUTLOOK.COM])", AuthFailed, "", ""},
	// https://github.com/fail2ban/fail2ban/issues/1369
	{"2016-03-18 00:34:06 [7513] SMTP protocol error in \"AUTH LOGIN\" H=(ylmf-pc) [45.32.34.167]:60723 I=[172.89.0.6]:587 AUTH command used when not advertised", SMTPAuthNotOffered, "", ""},
	// https://github.com/OpenSMTPD/OpenSMTPD/issues/483
	{"Aug 21 14:10:55 mail smtpd[2917]: smtp-out: Error on session 8315c24701be60d4: Connection closed unexpectedly", ServerClosed, "", ""},
	// https://github.com/OpenSMTPD/OpenSMTPD/issues/483
	{"554 mxcmd04.ad.aruba.it bizsmtp hYzf1o0274Aa5Bp01 Connection refused from XXXX. See http://csi.cloudmark.com/reset-request/?ip=XXXX for more  information.\nConnection closed by foreign host.", SMTPIPBlocked, "", ""},
	// https://github.com/fail2ban/fail2ban/issues/1879
	{"Aug 31 09:22:37 s166-62-100-187 dovecot: imap-login: Disconnected (auth failed, 1 attempts in 8 secs): user=<postmaster>, method=PLAIN, rip=211.20.181.113, lip=166.62.100.187, TLS, TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)", AuthFailed, "", ""},
	// https://github.com/thunderbird/thunderbird-android/issues/7619
	{"Disconnected: Connection closed (no auth attempts in 60 secs): user=<>, rip=--redacted--, lip=--redacted--, TLS handshaking: Connection closed, session=<DEADbeefow0RZ77AqLKZ>", TLSHandshakeFailed, "", ""},
	// https://github.com/thunderbird/thunderbird-android/issues/6519
	{"12-04 14:40:26.252 7651 7671 E RealImapFolder: com.fsck.k9.mail.store.imap.NegativeImapResponseException: Command: EXAMINE “INBOX”; response: #6# [NO, EXAMINE Unsafe Login. Please contact kefu@188.com for help]", IMAPIDRequired, "", ""},
	// https://github.com/thunderbird/thunderbird-android/issues/1789
	{"Cert hostname not useable for server: telesense.co.uk", TLSCertHostnameMismatch, "", ""},
	// https://nitindupare.blogspot.com/2012/09/smtp-error-messages.html
	{"421 Excessive amounts of data sent to server.", SMTPLineTooLong, "", ""},
	// https://nitindupare.blogspot.com/2012/09/smtp-error-messages.html
	{"501 EHLO Invalid domain address.", SMTPHELORejected, "", ""},
	// https://nitindupare.blogspot.com/2012/09/smtp-error-messages.html
	{"502 Use HELO/EHLO first", SMTPBadSequence, "", ""},
	// https://afteroffice.com/support/doku.php?id=faq:email:smtp_error_please_authenticate_before_sending_email
	{"The message could not be sent because the server rejected the sender's e-mail address. The sender's e-mail address was user@domain.tld . Subject 'Subject', Account: 'mail.domain.tld', Server: 'mail.domain.tld', Protocol: SMTP, Server Response: 451 user@domain.tld please authenticate before send', Port: 25, Secure(SSL): No, Server Error: 451, Error Number: 0x800CCC78", SMTPAuthRequired, "", ""},
	// https://blog.gitcode.com/9af4cb59991a34b79a3edf8f696522ef.html
	{"Unexpected character: * (42)", PortWrongProtocol, "", ""},
	// https://128374.xyz/2026/06/03/Thunderbird-Outlook-OAuth-IMAP-auth-failed/
	{"身份验证出错。\n无法登录到服务器。可能是配置、用户名或者密码错误。", AuthFailed, "", ""},
	// https://umatechnology.org/?p=1604678
	{"Cannot Get Mail – The Connection To Server Failed", TCPConnectFailed, "", ""},
	// https://clairvoyagency.com/category/resources/
	{"Cannot Verify Server Identity", TLSCertUntrusted, "", ""},
	// https://www.emailhost.com.cn/service.html?article_category=25&brd=1
	{"[退信] 发信数超限制:sending quota exceeded", SMTPSendingLimit, "", ""},
	// https://www.emailhost.com.cn/service.html?article_category=25&brd=1
	{"[退信] 邮件过大:exceeded mailsize limit", SMTPMessageTooLarge, "", ""},
	// https://www.emailhost.com.cn/service.html?article_category=25&brd=1
	{"[退信] 收件容量满:Quota exceeded", SMTPRecipientMailboxFull, "", ""},
	// https://www.emailhost.com.cn/service.html?article_category=25&brd=1
	{"[退信] 垃圾邮件退信:Content reject/Spam denied", SMTPSpamRejected, "", ""},
	// https://www.icoremail.vip/support/index.php?cate_id=84&page=8&start=225
	{"退信提示:\"local server don't exists that user\"", SMTPRecipientUnknown, "", ""},
	// https://www.icoremail.vip/support/index.php?cate_id=84&page=8&start=225
	{"退信提示:\"user disabled\"", SMTPRecipientDisabled, "", ""},
	// https://github.com/paperless-ngx/paperless-ngx/issues/8788
	{"imaplib.IMAP4.abort: unexpected response: b'220 BL0PR02CA0004.outlook.office365.com Microsoft ESMTP MAIL Service ready at Fri, 17 Jan 2025 15:03:47 +0000 [08DD356A1184552E]'", PortWrongProtocol, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/pull/89
	{"451 4.7.651 The mail server [x.xx.xx.xx] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S3114) [#.prod.outlook.com #]", SMTPIPBlocked, "", ""},
	// https://github.com/roundcube/roundcubemail/issues/7448
	{"Error SMTP (451): (Temporary local problem - please try later).", ServerBusy, "", ""},
	// https://github.com/NamelessMC/Nameless/issues/3083
	{"Temporary error 249 (temporary MX resolution error) resolving .gmail.com", DNSFailure, "", ""},
	// https://github.com/testssl/testssl.sh/issues/218
	{"554 SMTP synchronization error", SMTPBadSequence, "", ""},
	// https://github.com/LukeSmithxyz/mutt-wizard/issues/299
	{"Cannot connect to [server address]: Connection refused\nNo working address found for [server address]\nLog-on not successful.", TCPRefused, "", ""},
	// https://github.com/LukeSmithxyz/mutt-wizard/issues/299
	{"IMAP command 'AUTHENTICATE PLAIN <authdata>' returned an error: NO authentication failure\nLog-on not successful.", AuthFailed, "", ""},
	// https://github.com/termux/termux-packages/issues/2434
	{"No authenticators available", AuthMechanismUnsupported, "", ""},
	// https://github.com/LukeSmithxyz/mutt-wizard/issues/381
	{"IMAP command 'LOGIN <user> <pass>' returned an error: NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)\nLog-on not successful.", AuthFailed, "", ""},
	// https://github.com/DesertsP/Valine-Admin/issues/16
	{"SMTP邮箱配置异常： { Error: Invalid login: 535 Error: ÇëÊ¹ÓÃÊÚÈ¨ÂëµÇÂ¼¡£ÏêÇéÇë¿´: http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256", AuthAuthorizationCodeRequired, "", ""},
	// https://github.com/pentacent/keila/issues/278
	{"18:57:17.195 [warning] Failed sending email to [redacted] for campaign nmc_weLJnLY5: {:retries_exceeded, {:network_failure, ~c\"83.166.143.45\", {:error, {:tls_alert, {:unknown_ca, ~c\"TLS client: In state wait_cert_cr at ssl_handshake.erl:2125 generated CLIENT ALERT: Fatal - Unknown CA\\n\"}}}}}", TLSCertUntrusted, "", ""},
	// https://github.com/pentacent/keila/issues/278
	{"keila-1     | 19:00:42.140 [notice] TLS :client: In state :wait_cert_cr at ssl_handshake.erl:2125 generated CLIENT ALERT: Fatal - Unknown CA", TLSCertUntrusted, "", ""},
	// https://github.com/pentacent/keila/issues/228
	{"14:15:43.661 [warning] Failed sending email to example@example.com for campaign nmc_BzLMnarX: {:no_more_hosts, {:permanent_failure, '<IP SMTP Mail Server>', :auth_failed}}", AuthFailed, "", ""},
	// https://github.com/gen-smtp/gen_smtp/issues/332
	{"01:14:36.034 [warning] Description: 'Authenticity is not established by certificate path validation'\n     Reason: 'Option {verify, verify_peer} and cacertfile/cacerts is missing'", TLSVerificationSkipped, "", ""},
	// https://github.com/flourishlib/flourish-classes/issues/145
	// Labelled imap.login-disabled at first sight (a miss); the label was wrong: LOGINDISABLED before
	// STARTTLS means encrypt first (tls.required, which the matcher gave); imap.login-disabled is LOGIN
	// refused on the encrypted connection.
	{"* OK The Microsoft Exchange IMAP4 service is ready.\n* CAPABILITY IMAP4 IMAP4rev1 AUTH=NTLM AUTH=GSSAPI LOGINDISABLED STARTTLS UIDPLUS CHILDREN IDLE NAMESPACE LITERAL+\na0001 OK CAPABILITY completed.\na0002 LOGIN *user* *pass*\na0002 BAD Command received in Invalid state.", TLSRequired, "", ""},
	// https://tldp.cn/LDP/nag/node203.html
	{"04/24/94 07:12:04: [m0puwU8-00023UB] root@vstout.vbrew.com ... defer (ERR 148) transport smtp: connect: Connection refused", TCPRefused, "", ""},
	// Added after the first scoring, when four texts above proved to be in the corpus already;
	// scored on first sight against the matcher as it was before any change for this batch.
	// https://github.com/NixOS/nixpkgs/pull/235959
	{"Socket error from mail.<mailserver domain> (<ip address of mailserver>:993): Connection reset by peer", TCPReset, "", ""},
	// https://github.com/PHPMailer/PHPMailer/issues/787
	{"2016-07-20 14:18:21 1bPxwi-0001xA-Te SMTP error from remote mail server after MAIL FROM:<test@example.com> SIZE=15763: 421 4.7.0 [TS01] Messages from 198.500.500.500 temporarily deferred due to user complaints - 4.16.55.1; see https://help.yahoo.com/kb/postmaster/SLN3434.html", SMTPIPBlocked, "", ""},
	// https://github.com/roundcube/roundcubemail/issues/6110
	{".... R=dnslookup T=remote_smtp defer (110): Connection timed out", TCPTimeout, "", ""},
	// https://github.com/roundcube/roundcubemail/issues/6110
	{"Status: 5.0.0\nRemote-MTA: dns; mxs.ukr.net\nDiagnostic-Code: smtp; 550 invalid helo given", SMTPHELORejected, "", ""},
	// https://github.com/tianon/dockerfiles/issues/96
	{"  308   H=us-smtp-inbound-1.mimecast.com [205.139.110.242]: SMTP error from remote mail server after RCPT TO:<XXXXX@redhat.com>: 451 Internal resource temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451 [XXXXX]", ServerBusy, "", ""},
}

// benignBatch7 are success and non-mail lines from the same threads: no error-level finding.
var benignBatch7 = []string{
	// https://github.com/Foundry376/Mailspring/issues/850
	"220 TLS go ahead",
	// https://github.com/Foundry376/Mailspring/issues/850
	"250-mail.uni-paderborn.de Hello nb-zahera1.cs.uni-paderborn.de [131.234.250.67]",
	// https://github.com/gen-smtp/gen_smtp/issues/332
	"<<\"250 2.6.0 Queued mail for delivery\\r\\n\">>",
	// https://github.com/gen-smtp/gen_smtp/issues/332
	"<<\"354 Start mail input; end with <CRLF>.<CRLF>\\r\\n\">>",
	// https://github.com/gen-smtp/gen_smtp/issues/332
	"<<\"220 Xeams SMTP server;  - Xeams SMTP server; Version: 8.8 - build: 6281; 11/5/23 3:12 AM\\r\\n\">>",
	// https://github.com/mailcow/mailcow/issues/740
	"Jan 15 13:26:35 Gameserver dovecot: imap-login: Login: user=<support@gameserver.services>, method=PLAIN, rip=185.101.93.86, lip=185.101.93.86, mpid=30664, TLS, TLSv1.2 with cipher ECDHE-RSA-AES128-GCM-SHA256 (128/128 bits)",
	// https://github.com/OfflineIMAP/offlineimap/issues/158
	"Server welcome string: * OK Gimap ready for requests from 78.151.154.158 e15mb5549070wjz",
	// https://github.com/OfflineIMAP/offlineimap/issues/602
	" Establishing connection to imap.gmail.com:993 (Remote)",
	// https://github.com/getmail6/getmail6/issues/80
	"maillog:Jun  1 17:37:45 rt getmail[2708464]: msg 1/5 (127690 bytes) msgid 14/6682 from <unknown> delivered to MDA_external command rt-mailgate (b''), deleted",
	// https://github.com/Excision-Mail/Excision-Mail/issues/54
	"235 2.0.0 Authentication succeeded",
	// https://github.com/Excision-Mail/Excision-Mail/issues/54
	"250 2.1.5 Destination address valid: Recipient ok",
	// https://tldp.cn/LDP/nag/node203.html
	"04/24/94 07:12:04: [m0puwU8-00023UB] delivered | via: vstout.vbrew.com | to: root@vstout.vbrew.com | orig-to: root@vstout.vbrew.com | router: smart host | transport: smtp",
}
