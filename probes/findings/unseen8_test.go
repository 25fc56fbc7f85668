package findings

// unseenBatch8 is an eighth batch gathered on 2026-12-04 after batch 7's fixes, from the same weak
// families (Erlang/Elixir Zotonic and Mua; fetchmail, imapfilter, Mail::IMAPClient, imapsync,
// neomutt, msmtp, mutt-wizard; Postfix, Exim, Dovecot, Exchange and Yahoo/Orange/Barracuda
// replies; K-9 Mail, MailCore (iOS), Mailspring, Roundcube, Evolution), scored once on first sight
// before any change for it: the figure that says how batch 7's fixes carry. Texts already in the
// corpus were dropped before scoring.
var unseenBatch8 = []corpusCase{
	// https://github.com/zotonic/zotonic/issues/3508
	{"554 5.7.0 Your message could not be sent. The limit on the number of allowed outgoing messages was exceeded. Try again later.", SMTPSendingLimit, "", ""},
	// https://github.com/Mailu/Mailu/issues/24
	{"fetchmail: Server certificate verification error: unable to get local issuer certificate\nfetchmail: Broken certification chain at: /C=US/O=Equifax/OU=Equifax Secure Certificate Authority", TLSCertUntrusted, "", ""},
	// https://github.com/liuch/dmarc-srg/issues/4
	{"TLS/SSL failure for mail.myserver.com: SSL negotiation failed", TLSHandshakeFailed, "", ""},
	// https://github.com/techsneeze/dmarcts-report-parser/issues/47
	{"ERROR: Unable to start TLS: SSL connect attempt failed with unknown error error:14090086:SSL routines:ssl3_get_server_certificate:certificate verify failed at /usr/share/perl5/vendor_perl/Mail/IMAPClient.pm line 455.", TLSCertUntrusted, "", ""},
	// https://github.com/lefcha/imapfilter/issues/247
	{"imapfilter: initiating SSL connection to imap.$domain.$tld; error:14090086:SSL\n    routines:ssl3_get_server_certificate:certificate verify failed", TLSCertUntrusted, "", ""},
	// https://github.com/getconversio/email-deep-validator/pull/20
	{"554-Service unavailable; Client host [bl11-253-215.dsl.telepac.pt] blocked using\r\n554-Barracuda Reputation;\r\n554 http://www.barracudanetworks.com/reputation/?r=1&ip=85.244.xxx.yyy\r\n", SMTPIPBlocked, "", ""},
	// https://github.com/MailScanner/v5/issues/634
	{"<mailscanner@lists.mailscanner.info>: host lists.mailscanner.info[52.73.170.51]\n    said: 554 5.7.1 Service unavailable; Client host [37.x.y.z] blocked\n    using zen.spamhaus.org; Error: open resolver;\n    https://www.spamhaus.org/returnc/pub/44.192.176.0 (in reply to RCPT TO\n    command)", SMTPIPBlocked, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/pull/60
	{"2021-04-21T17:16:28+02:00 server1 server1-1/smtp[17514]: EEC614DD82BD4: to=<email@example.com>, relay=smtppromx.orange.fr[xxx.xxx.xxx.xxx]:25, delay=3875, delays=3869/3.3/3.1/0, dsn=4.0.0, status=deferred (host smtppromx.orange.fr[xxx.xxx.xxx.xxx] refused to talk to me: 550 mwinf5c14 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=xxx.xxx.xxx.xxx [102])", SMTPIPBlocked, "", ""},
	// https://github.com/hmailserver/hmailserver/issues/491
	{"Remote server replied: 550-5.7.26 Your email has been blocked because the sender is unauthenticated.", SMTPSPFDMARCRejected, "", ""},
	// https://github.com/MailCore/mailcore2/issues/1039
	{"A stable connection to the server could not be established.", TCPConnectFailed, "", ""},
	// https://github.com/thunderbird/thunderbird-android/issues/2824
	{"Cannot connect to server. (Unable to connect).", TCPConnectFailed, "", ""},
	// https://github.com/thunderbird/thunderbird-android/issues/2531
	{"Setup could not finish\nCannot connect to server.\n(Unable to open connection to SMTP\nserver.)", TCPConnectFailed, "", ""},
	// https://github.com/Foundry376/Mailspring/issues/1786
	{"Connection Error - Unable to connect to the server / port you provided. (IMAP)", TCPConnectFailed, "", ""},
	// https://github.com/jberkel/sms-backup-plus/issues/368
	{"failed to connect to imap.gmail.com/74.125.136.108 (port 993)\nECONNREFUSED", TCPRefused, "", ""},
	// https://github.com/plausible/analytics/issues/5664
	{"19:23:21.873 [error] Failed to send e-mail:\n\n   ** (Mua.SMTPError) 503 Bad sequence of commands", SMTPBadSequence, "", ""},
	// https://github.com/postalserver/postal/issues/785
	{"[MAIL ERROR] Expected response code 250 but got code \"503\", with message \"503 EHLO/HELO first please", SMTPBadSequence, "", ""},
	// https://github.com/neomutt/neomutt/issues/2202
	{"Could not find the host \"\"", DNSNXDomain, "", ""},
	// https://github.com/LukeSmithxyz/mutt-wizard/issues/881
	{"Error sending message, child exited 68 (Host unknown.)", DNSNXDomain, "", ""},
	// https://github.com/neomutt/neomutt/issues/3568
	{"SMTP session failed: 501 5.5.4 Invalid domain name [<some-url>]", SMTPHELORejected, "", ""},
	// https://github.com/LukeSmithxyz/mutt-wizard/issues/413
	{"Error sending message, child exited 76 (Remote protocol error.)", ServerProtocolError, "", ""},
	// https://github.com/LukeSmithxyz/mutt-wizard/issues/413
	{"Apr 17 16:14:26 host=smtp.yandex.com tls=on auth=on user=gitea@codeplayer.org from=gitea@codeplayer.org recipients=watchtower@codeplayer.org errormsg='the server sent an empty reply' exitcode=EX_PROTOCOL", ServerClosed, "", ""},
	// https://github.com/LukeSmithxyz/emailwiz/issues/232
	{"SMTP session failed: 554 5.7.1 <user@outside.tld>: Relay access denied", SMTPRelayDenied, "", ""},
	// https://github.com/docker-mailserver/docker-mailserver/issues/862
	{"Feb 26 15:19:08 mail postfix/smtp[10685]: 185821F90A1: to=<amavis@mail.aimatz.com>, orig_to     =<amavis>, relay=none, delay=60, delays=0.03/0.01/60/0, dsn=4.4.1, status=deferred (connect      to mail.aimatz.com[2400:cb00:2048:1::681b:8be6]:25: Cannot assign requested address)", NetIPv6Unreachable, "", ""},
	// https://github.com/mail-in-a-box/mailinabox/issues/833
	{"host lookup box.mail_server.me failed", DNSNXDomain, "", ""},
	// https://github.com/docker-mailserver/docker-mailserver/issues/3351
	{"May 17 10:35:53 mail dovecot: imap-login: Disconnected: Connection closed: SSL_accept() failed: error:1408F10B:SSL routines:ssl3_get_record:wrong version number (disconnected before auth was ready, waited 0 secs): user=<>, rip=x.x.x.x, lip=x.x.x.x, TLS handshaking: SSL_accept() failed: error:1408F10B:SSL routines:ssl3_get_record:wrong version number, session=<j63/i9r73sPesspc>", PortExpectsTLS, "", ""},
	// https://github.com/docker-mailserver/docker-mailserver/issues/3351
	{"May 17 10:37:59 mail postfix/smtps/smtpd[21250]: SSL_accept error from unknown[x.x.x.x]: Connection reset by peer", TLSHandshakeFailed, "", ""},
	// https://github.com/roundcube/roundcubemail/issues/7736
	{"Connection to storage server failed.", TCPConnectFailed, "", ""},
	// https://github.com/Mailu/Mailu/issues/3398
	{"Sep 10 01:14:21 imap-login: Info: Disconnected: Connection closed: SSL_accept() failed: error:0A0000C1:SSL routines::no shared cipher (no auth attempts in 0 secs): user=<>, rip=172.104.137.47, rport=50618, lip=192.168.203.3, lport=993, TLS handshaking: SSL_accept() failed: error:0A0000C1:SSL routines::no shared cipher", TLSHandshakeFailed, "", ""},
	// https://github.com/Mailu/Mailu/issues/3398
	{"Sep 10 01:14:15 imap-login: Info: Disconnected: Connection closed: SSL_accept() failed: error:0A00009C:SSL routines::http request (no auth attempts in 5 secs): user=<>, rip=172.104.137.47, rport=57072, lip=192.168.203.3, lport=993, TLS handshaking: SSL_accept() failed: error:0A00009C:SSL routines::http request", PortWrongProtocol, "", ""},
	// https://github.com/imapsync/imapsync/issues/395
	{"Host1 failure: Error login on [outlook.office365.com] with user [xxx@domainname.com] auth [LOGIN]: 2 NO LOGIN failed.", AuthFailed, "", ""},
	// https://github.com/captainerd/roundcube-plugin-multiaccount/issues/1
	{"[22-Aug-2025 12:22:21 +0500]: <e2t1tk4i> IMAP Error: Login failed for info@xxx.com against.\nimap.beget.com from 192.168.0.1. Empty startup greeting (imap.beget.com:993).\nin /usr/share/roundcube/program/lib/Roundcube/rcube_imap.php on line 211 (POST /roundcube/?_tas\nk=mail&_action=plugin.multiaccount_switcher.validate_account)", ServerClosed, "", ""},
}

// benignBatch8 are success and non-mail lines from the same threads: no error-level finding.
var benignBatch8 = []string{
	// https://github.com/docker-mailserver/docker-mailserver/issues/3351
	"May 17 10:35:53 mail dovecot: imap-login: Login: user=<qq@name.cc>, method=PLAIN, rip=x.x.x.x, lip=x.x.x.x, mpid=21157, TLS, session=<Z88BjNr738Pesspc>",
	// https://github.com/docker-mailserver/docker-mailserver/issues/3351
	"May 17 10:38:54 mail postfix/smtps/smtpd[21250]: Anonymous TLS connection established from unknown[x.x.x.x]: TLSv1.2 with cipher ECDHE-RSA-AES128-GCM-SHA256 (128/128 bits)",
	// https://github.com/docker-mailserver/docker-mailserver/issues/3351
	"May 17 10:36:54 mail postfix/smtps/smtpd[21250]: connect from unknown[x.x.x.x]",
	// https://github.com/techsneeze/dmarcts-report-parser/issues/47
	"Read:   1 OK Begin TLS negotiation now.",
	// https://github.com/techsneeze/dmarcts-report-parser/issues/47
	"Connected to mail.crazynetwork.it:143",
	// https://github.com/jstedfast/MailKit/issues/483
	"S: * OK The Microsoft Exchange IMAP4 service is ready.",
	// https://github.com/jstedfast/MailKit/issues/1512
	"S: A00000001 OK LOGIN completed.",
	// https://github.com/NixOS/nixpkgs/issues/352446
	"Connection is now encrypted",
	// https://github.com/NixOS/nixpkgs/issues/352446
	"Authenticating with SASL mechanism PLAIN...",
	// https://github.com/postalserver/postal/issues/785
	"[smtp.6:7988] [2019-04-02T14:50:04.907] DEBUG -- : [NUPVSG] => 235 Granted for mypostal-1/mypostal-1",
	// https://github.com/tianon/dockerfiles/issues/96
	"  308 Connecting to us-smtp-inbound-1.mimecast.com [205.139.110.242]:25 ... connected",
}
