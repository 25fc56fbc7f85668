package findings

import "testing"

// unseenBatch17 was gathered from Q&A and forum pages and from hosting providers' and vendors'
// knowledge bases rather than from issue trackers (cPanel/Exim and Plesk/qmail logs, Postfix and
// sendmail queue lines quoted on Server Fault mirrors and Experts Exchange, Outlook and Outlook
// Express dialogs in Microsoft KB articles, Chilkat, MyChat, ABBYY and QNAP settings tests, provider
// replies quoted in German and Swiss hosting FAQs, t-online and iCloud bounces) and scored once on
// first sight before any change for it. Texts as the stored pages show them (posters' placeholders
// kept); texts already in the corpus were dropped before scoring (the afteroffice 451 "please
// authenticate" dialog, Outlook 0x80042109 and 0x800CCC0F, 535 5.7.8/5.7.3, 451 4.7.500, the
// t-online (BL) reply, "not an IMAP4 server").
// First sight: 25 of 43 right (58.1 %), 11 of 11 benign lines clean; per family (clientFamily):
// server-smtp 16/22, other 9/16, outlook 0/2, go 0/1, node 0/1, server-imap 0/1. Two of the 18
// misses carry a cause the text does not (they moved to beyondText17 after scoring); the other 16
// were fixed by class (TestLibraryErrorNames17). At the merge with main one text (Outlook's
// 0x800CCC0F from Microsoft KB 278637) was dropped: batch 18 had gathered it too.
var unseenBatch17 = []corpusCase{
	// https://chilkatsoft.com/p/p_31.asp (a firewall blocked the SMTP port: the connect timed out)
	{"SendEmail:\nSMTP_Connect:\nConnecting to SMTP server :\nsmtp_host:\nsmtp_port:\nsmtp_user:\nsocket is not ready for writing\nConnection attempt timed out, trying again.\nsocket is not ready for writing\nSocketError: WSAEWOULDBLOCK The socket would block.\nConnect function failed.\nSocketError: Unknown socket error\nFailed to connect (1) Failed to connect to SMTP server.", TCPTimeout, "", ""},
	// https://my.ultrawebhosting.com/knowledgebase/392/cPanel-Max-Defers-Occurring-for-an-Account.html
	{"enforce_mail_permissions: Domain thedomain.com has exceeded the max defers and failures per hour (5/5 (100%)) allowed. Message discarded.", SMTPSendingLimit, "", ""},
	// http://www.helpinghost.com/support/idx/38/107/article/I_can_receive_EMail_but_not_send.html (fixed by enabling SMTP authentication)
	{"553 receipient not in my list of rcpt host...", SMTPRelayDenied, "", ""},
	// https://serveraide.com/how-to-read-postfix-maillog-117426 (a Server Fault question: the host has no IPv6 route)
	{"Apr 12 05:07:44 gaboli-vm-live postfix/error[5597]: AC01D2988FA6: to=<[email protected]>, relay=none, delay=274343, delays=274343/0/0/0, dsn=4.4.1, status=deferred (delivery temporarily suspended: connect to ALT2.ASPMX.L.GOOGLE.com[2607:f8b0:4001:c08::1a]:25: Network is unreachable)", NetIPv6Unreachable, "", ""},
	// https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/relay-access-denied-smtp
	{"550 5.7.64 TenantAttribution; Relay Access Denied SMTP.", SMTPRelayDenied, "", ""},
	// https://www.liquidweb.com/kb/how-to-troubleshoot-smtp-errors-part-2/ (a permission problem on the server; the line as far as the stored page shows it)
	{"2021-01-31 16:38:38 [17466] fixed_login authenticator failed for localhost ([]) []:36824 I=[]:25: 435 Unable to authenticate at present ( syntax error in Exim::expand_string argument: failed to open /home/user/etc/ for linear search: Permission denied (euid=47 eg", ServerBusy, "", ""},
	// https://talk.plesk.com/threads/qmail-configuration.94593 (Plesk's greylisting handler deferred the message)
	{"call_handlers: DEFER during call '/usr/local/psa/handlers/info/05-grey-xxxxxx/executable' handler", SMTPGreylisted, "", ""},
	// https://talk.plesk.com/threads/qmail-gives-451-temp-error-when-mailbox-full.260521/page-2
	{"571 5.7.1 Mailbox full", SMTPRecipientMailboxFull, "", ""},
	// https://www.catalyst2.com/knowledgebase/server-management/common-smtp-errors/
	{"SMTP AUTH is required for message submission on port 587", SMTPAuthRequired, "", ""},
	// https://www.qnap.com/hu-hu/how-to/faq/con_show.php?cid=1428 (the Gmail/Outlook OAuth grant expired)
	{"Authorization has expired. Reauthorize the account.", AuthOAuthTokenExpired, "", ""},
	// https://docs.abbyy.com/flexi-capture/admin-guide/email-notification-smtp
	{"SMTP server connection failed. Check server url or port", TCPConnectFailed, "", ""},
	// https://docs.abbyy.com/flexi-capture/admin-guide/email-notification-smtp
	{"SMTP login failed. Check server login or password.", AuthFailed, "", ""},
	// http://www.experts-exchange.com/Software/Server_Software/Email_Servers/SendMail/Q_23082834.html
	{"(Deferred: Connection refused by mx5.biz.mail.yahoo.com.)", TCPRefused, "", ""},
	// http://support.linogate.com/en/mail/mailq.html
	{"host map: lookup (DOMAIN): deferred", DNSFailure, "", ""},
	// https://era.host/en/blog/fix-421-too-many-connections-incorrect-config.php
	{"421 Too Many Connections (8) From This IP", ServerBusy, "", ""},
	// https://xeonbd.com/blog/fix-error-421-many-concurrent-smtp-connections-cpanel-directadmin-servers
	{"421 Too many concurrent SMTP connections; please try again later.", ServerBusy, "", ""},
	// http://developer.contactlab.com/documentation/contactsend/smartrelay/ServiceUnavailableConcurrencyLimit
	{"421 4.4.5 Service unavailable, concurrency limit reached", ServerBusy, "", ""},
	// https://wiki.pscs.co.uk/how_to:421_4.3.2_vpop3_too_many_connections_from_your_ip_address_-_try_later
	{"421 4.3.2 VPOP3 Too many connections from your IP address - try later", ServerBusy, "", ""},
	// https://123qwe.com/troubleshooting/ (Dovecot: the client sent a non-ASCII password in another encoding)
	{"Password mismatch", AuthFailed, "", ""},
	// https://www.cloudprojectsoftware.com/error-codes/outlook-0x800ccc78 (outgoing server authentication was off)
	{"Sending reported error (0x800ccc78): Cannot send the message. Verify the e-mail address in your account properties. The server responded: 550 Access Denied", SMTPAuthRequired, "", ""},
	// https://nsoft-s.com/en/mcserverhelp/mychatclienterrors0226.html
	{"Error occurred: 11001,Host not found", DNSNXDomain, "", ""},
	// https://nsoft-s.com/en/mcserverhelp/mychatclienterrors0226.html
	{"Error occurred: 10060,Connection timed out", TCPTimeout, "", ""},
	// https://nsoft-s.com/en/mcserverhelp/mychatclienterrors0226.html
	{"Error #0226: authorization on the mail server has failed", AuthFailed, "", ""},
	// https://timmehosting.de/leitfaden-wenn-t-online-e-mails-blockiert-ursachen-und-loesungen
	{"554 IP=<Ihre.IP.Adresse> - None/bad reputation. Ask your postmaster for help or to contact <postmaster@rx.t-online.de> for reset. (NOWL)", SMTPIPBlocked, "", ""},
	// https://multimedia-4-all.de/intern/?p=278
	{"<xy@ralf-henze.de>: host mail.ralf-henze.de[87.118.118.84] said: 554 5.7.1\nService unavailable; Client host [194.25.134.22] blocked using\nbl.spamcop.net; Blocked – see http://www.spamcop.net/bl.shtml?194.25.134.22\n(in reply to RCPT TO command)", SMTPIPBlocked, "", ""},
	// https://www.bytecamp.net/de/faq/email/zustellen.html
	{"422 4.2.2 Quota limit exceeded (Speicherplatz des Kontos ueberschritten)", SMTPRecipientMailboxFull, "", ""},
	// https://www.bytecamp.net/de/faq/email/zustellen.html
	{"571 5.7.1 message classified as spam (Nachricht als Spam eingestuft)", SMTPSpamRejected, "", ""},
	// https://support.onesystems.ch/722126-%C3%9Cbersicht-h%C3%A4ufig-vorkommender-Fehlermeldungen
	{"554 5.7.1 Service unavailable; Client host [] blocked using ix.dnsbl.manitu.net", SMTPIPBlocked, "", ""},
	// https://new-faq.comservice-ffo.de/smtp-fehlermeldungen-e-mail-fehler/ (the sending IP is blocked for a poor delivery rate)
	{"421 Reject due to policy violations", SMTPIPBlocked, "", ""},
	// https://new-faq.comservice-ffo.de/smtp-fehlermeldungen-e-mail-fehler/ (too many messages in too short a time)
	{"421 Rate limit reached. Please try again later", SMTPSendingLimit, "", ""},
	// https://new-faq.comservice-ffo.de/smtp-fehlermeldungen-e-mail-fehler/ (the service was briefly unavailable)
	{"451 Requested action aborted: local error in processing", ServerBusy, "", ""},
	// https://ionos.ca/help/email/troubleshooting-mail-basicmail-business/error-messages-caused-by-undeliverable-email
	{"535 Authentication Failure: SMTP AUTH Failed with the Remote Server", AuthFailed, "", ""},
	// https://kb.cloudblue.com/en/6602 (the qmail and NFS servers' clocks differ: a server-side fault)
	{"* BYE Clock skew detected. Check the clock on the file server", ServerBusy, "", ""},
	// https://support.kerioconnect.gfi.com/article/130064-fixing-smtp-ntlm-authentication-failures-for-service-accounts-in-kerio-connect (the NT domain Kerio expects differs from the one Windows sends)
	{"Failed SMTP login from [hostname] with SASL method NTLM", AuthFailed, "", ""},
	// https://support.kerioconnect.gfi.com/article/130064-fixing-smtp-ntlm-authentication-failures-for-service-accounts-in-kerio-connect (Send-MailMessage could not log in)
	{"Mailbox unavailable. The server response was: 5.7.1 Authentication Required", SMTPAuthRequired, "", ""},
	// https://support.kerioconnect.gfi.com/article/130064-fixing-smtp-ntlm-authentication-failures-for-service-accounts-in-kerio-connect
	{"Only application passwords are allowed since 2FA is enabled", AuthAppPasswordRequired, "", ""},
	// https://support.kerioconnect.gfi.com/hc/en-us/articles/4416310418706-Outbound-Email-Delivery-Troubleshooting-Article
	{"Result: delayed, Status: 4.4.1 Cannot connect to host", TCPConnectFailed, "", ""},
	// https://support.kerioconnect.gfi.com/hc/en-us/articles/4416310418706-Outbound-Email-Delivery-Troubleshooting-Article
	{"550 5.7.1 Relaying is denied", SMTPRelayDenied, "", ""},
	// https://www.mailenable.com/kb/content/article.asp?ID=ME020280 (not authenticated, not from an allowed IP, not a local sender)
	{"ME-I0111: Relay Denied: Failed to meet all relay criteria.", SMTPRelayDenied, "", ""},
	// https://support.onesystems.ch/722126-%C3%9Cbersicht-h%C3%A4ufig-vorkommender-Fehlermeldungen
	{"550 5.1.8 : Sender address rejected: Domain not found", SMTPSenderInvalid, "", ""},
}

// beyondText17 are batch 17's texts whose cause, as the page established it, the text does not carry:
// iCloud answers a turned-off Hide My Email address with the words every server uses for a refused
// relay, and qmail-queue's "qq trouble in home directory" is, by qmail.c, a server-side queue fault
// that the Swiss host's FAQ reads as a full mailbox. They counted as misses on first sight and stay
// out of the corpus; nearest is what the matcher must keep giving.
var beyondText17 = []pinned{
	// https://tamingdns.com/bounce-decoder/apple (the recipient turned off the Hide My Email relay address)
	{"Diagnostic-Code: smtp; 550 5.7.1Relay not permitted for user.", SMTPRecipientDisabled, SMTPRelayDenied},
	// https://support.onesystems.ch/722126-%C3%9Cbersicht-h%C3%A4ufig-vorkommender-Fehlermeldungen (qmail: the recipient's quota is reached)
	{"451 qq trouble in home directory", SMTPRecipientMailboxFull, ServerBusy},
}

// benignBatch17 are success and non-mail lines from the same pages: no error-level finding.
var benignBatch17 = []string{
	// http://kb.plesk.com/en/766
	"messages in queue: 27645",
	// http://kb.plesk.com/jp/1390
	"235 go ahead",
	// https://docs.nextcloud.com/server/15/admin_manual/configuration_server/email_configuration.html
	"If you received this email, the settings seem to be correct.",
	// https://ketukara.com/server/nas/1093/
	"テスト電子メールが送信されました。",
	// https://www.easymanua.ls/matrix/prasar-ucs/manual/774389?p=1075
	"Test Mail Sent Successfully",
	// https://docs.abbyy.com/flexi-capture/admin-guide/email-notification-smtp
	"Test connection complete",
	// https://kb.cloudblue.com/en/6602
	"* OK [CAPABILITY IMAP4rev1 NAMESPACE] Courier-IMAP ready. Copyright 1998-2008 Double Precision, Inc.  See COPYING for distribution information.",
	// https://blog.jj5.net/blog/2012/02/01
	"Feb 1 03:52:19 sixsigma postfix/smtp[8555]: Host offered STARTTLS: [127.0.0.1]",
	// https://blog.jj5.net/blog/2012/02/01
	"Feb 1 03:51:16 sixsigma postfix/smtpd[8636]: setting up TLS connection from localhost[127.0.0.1]",
	// https://kb.cloudblue.com/en/6602
	"20 May 00:13:48 ntpdate[17580]: step time server 192.1.100.100 offset -191.476167 sec",
	// https://www.mailenable.com/kb/content/article.asp?ID=ME020280
	"ME-I0108: Relay Granted: Sender has authenticated.",
}

// TestBeyondText17 holds the nearest reading of the texts whose cause is beyond the text.
func TestBeyondText17(t *testing.T) { checkPinned(t, beyondText17) }

// TestLibraryErrorNames17: batch 17's misses were fixed from the tables the texts come from, so
// their siblings (none pasted on the pages we read) are named too. Sources: Exim src/smtp_in.c (the
// authenticator DEFER and temporary-failure replies); qmail qmail.c qmail_close() and qmail-smtpd.c
// (err_nogateway); Plesk's KB articles on its mail handlers ("REJECT during call 'limit-out'
// handler", "'spf' handler", "PASS during call 'dd52-domainkeys' handler"); Outlook Express's
// imnxport.h (IXP_E_SMTP_*, IXP_E_IMAP_*); RFC 5321 4.2.2's reply texts; sendmail's deferred DNS
// statuses; Courier-IMAP's and Dovecot's BYE texts; United Internet's (IONOS, GMX, WEB.DE) policy
// replies as its FAQ lists them.
func TestLibraryErrorNames17(t *testing.T) {
	for _, tt := range []struct {
		text string
		want Code
	}{
		{"435 Unable to authenticate at present", ServerBusy},
		{"454 Temporary authentication failure", ServerBusy},
		{"451 qq write error or disk full (#4.3.0)", ServerBusy},
		{"451 4.3.0 qq temporary problem", ServerBusy},
		{"451 mail server temporarily rejected message (#4.3.0)", ServerBusy},
		{"451 4.4.1 connection to mail server rejected (#4.4.1)", TCPRefused},
		{"553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", SMTPRelayDenied},
		{"553 sorry, that domain isn't allowed to be relayed thru this MTA (#5.7.1)", SMTPRelayDenied},
		{"/usr/lib64/plesk-9.0/psa-pc-remote[5977]: REJECT during call 'limit-out' handler", SMTPSendingLimit},
		{"/usr/lib64/plesk-9.0/psa-pc-remote[23076]: REJECT during call 'spf' handler", SMTPSPFDMARCRejected},
		{"postfix-local[5483]: PASS during call 'dd52-domainkeys' handler", ""},
		{"Task 'mail.example.com - Sending' reported error (0x800CCC7D)", TLSSTARTTLSUnavailable},
		{"Task 'mail.example.com - Sending' reported error (0x800CCC7C)", TLSRequired},
		{"Task 'mail.example.com - Sending' reported error (0x800CCC79)", SMTPRelayDenied},
		{"Server Error: 550, Error Number: 0x800CCC79, Server Response: 550 5.1.1 User unknown", SMTPRecipientUnknown},
		{"Task 'mail.example.com - Sending' reported error (0x800CCC6A)", ServerBusy},
		{"Task 'imap.example.com - Receiving' reported error (0x800CCCDD)", ServerClosed},
		{"Task 'imap.example.com - Receiving' reported error (0x800CCCD1)", AuthFailed},
		{"Task 'imap.example.com - Receiving' reported error (0x800CCCD5)", PortWrongProtocol},
		{"Task 'imap.example.com - Receiving' reported error (0x800CCCD3)", ServerProtocolError},
		{"452 Requested action not taken: insufficient system storage", ServerBusy},
		{"Deferred: Name server timeout", DNSFailure},
		{"stat=Deferred: Name server: mail.example.com.: host name lookup failure", DNSFailure},
		{"* BYE Server shutting down.", ServerBusy},
		{"* BYE Courier-IMAP server shut down by signal.", ServerBusy},
		{"450 Reject due to policy violations.", SMTPIPBlocked},
		{"ssmtp: Authorization failed (535 5.7.8 https://support.google.com/mail/?p=BadCredentials)", AuthFailed},
		// "ready" holds "read": a connect attempt that timed out stays a connect timeout.
		{"socket is not ready for writing\nConnection attempt timed out, trying again.", TCPTimeout},
	} {
		var first Code
		if got := MatchText(tt.text); len(got) > 0 {
			first = got[0].Code
		}
		if first != tt.want {
			t.Errorf("MatchText(%q) = %v, want %q", tt.text, MatchText(tt.text), tt.want)
		}
	}
}
