package findings

import "testing"

// unseenBatch10b is a second, smaller batch from the same families as batch 10 (Postfix smtp/smtpd
// and SASL warnings, Haraka outbound, Exchange and hMailServer replies, Courier, Mandrill,
// SendGrid via Kerio, GMX/Yahoo via Postfix, Roundcube/PEAR/MyBB printing server replies),
// gathered on 2026-12-04 after batch 10's fixes and scored once on first sight before any change
// for it: the figure that says how those fixes carry. Every text was grepped against the corpus
// first; one text that was there verbatim (a Postfix "no mechanism available" line, scored right) was
// dropped after scoring, so the first-sight figure counts 25 texts; the Roundcube "Invalid response code
// received from server (535)" line (a miss on first sight) was also gathered for batch 12 and is kept
// there only, dropped at the merge.
var unseenBatch10b = []corpusCase{
	// https://github.com/chatmail/relay/pull/946
	{"  1: conversation with cm.example.net[192.168.30.50] timed out while receiving the initial server greeting", ServerGreetingTimeout, "", ""},
	// https://github.com/chatmail/relay/pull/946
	{"  10: delivery temporarily suspended: connect to example.org[192.168.1.2]:25: Connection timed out", TCPTimeout, "", ""},
	// https://github.com/hardware/mailserver/issues/234
	{"(lost connection with mail.efty.com[159.8.40.50] while receiving the initial server greeting) jean-yves.deslandes@horama.com`", ServerClosed, "", ""},
	// https://github.com/Mailu/Mailu/issues/1458
	{"Apr 21 08:45:22 mail postfix/smtp[1295]: BC495AA0516: lost connection with mta7.am0.yahoodns.net[67.195.228.110] while sending RCPT TO", ServerClosed, "", ""},
	// https://github.com/hardware/mailserver/issues/331 (the clients were misconfigured)
	{"mailserver | mail postfix/smtpd[3101]: warning: unknown[xx.xxx.xxx.xx]: SASL LOGIN authentication failed: UGFzc3dvcmQ6", AuthFailed, "", ""},
	// https://github.com/docker-mailserver/docker-mailserver/issues/1345
	{"Dec 27 23:34:40 mail postfix/submission/smtpd[982]: warning: unknown[xxx.xxx.xxx.xxx]: SASL PLAIN authentication failed: authentication failure", AuthFailed, "", ""},
	// https://github.com/docker-mailserver/docker-mailserver/issues/1436 (saslauthd was not running; the reply is a failed login)
	{"535 5.7.8 Error: authentication failed: generic failure", AuthFailed, "", ""},
	// https://github.com/postalserver/postal/issues/175
	{"[smtp.1:32384] [2017-05-12T08:53:03.623] DEBUG -- : [T0QRKN] => 530 Authentication required", SMTPAuthRequired, "", ""},
	// https://github.com/postalserver/postal/issues/753 (Postal's CRAM-MD5 refusal)
	{"authentication failure [SMTP: Invalid response code received from server (code: 535, response: Denied)]", AuthFailed, "", ""},
	// https://github.com/sendgrid/docs/issues/3947 (Kerio Connect relaying through SendGrid with a wrong API key)
	{"<a******i@gmail.com>, Result: delayed, Status: 5.7.0 535 Authentication failed: The provided authorization grant is invalid, expired, or revoked, Remote-Host: smtp.sendgrid.net, Msg-Id: 04b901d45488$e52f6140$af8e23c0$@floragroup.net", AuthFailed, "", ""},
	// https://github.com/vx3r/wg-gen-web/issues/68 (Exchange's receive log)
	{"Inbound AUTH LOGIN failed because of LogonDenied\nUser Name: account@gmail.com", AuthFailed, "", ""},
	// https://github.com/fail2ban/fail2ban/issues/1012 (the thread reads courieresmtpd's reply to a mechanism it did not
	// advertise; the same words are GoDaddy's, Comcast's and Spacemail's wrong-password reply, and the corpus has
	// them as one, so the label was revised to a failed login after scoring: it counts as a miss in the first-sight figure)
	{"535 Authentication rejected", AuthFailed, "", ""},
	// https://github.com/Pro/dkim-exchange/issues/142 (Exchange back pressure: the disk was full)
	{"host said: 452 4.3.1  Insufficient system resources (in reply to MAIL FROM command)", ServerBusy, "", ""},
	// https://github.com/muquit/mailsend/issues/15
	{"Error: MAIL FROM failed: '452 4.3.1 Insufficient system storage'", ServerBusy, "", ""},
	// https://github.com/sourcegraph/sourcegraph-public-snapshot/issues/54195 (Mandrill)
	{"425 4.3.2 Insufficient system storage", ServerBusy, "", ""},
	// https://github.com/haraka/Haraka/issues/2507
	{"[ERROR] [-] [core] [outbound] Failed to get pool entry: **Outbound connection timed out to 59.37.97.124:25**", TCPTimeout, "", ""},
	// https://github.com/haraka/Haraka/issues/2520
	{"Oct 17 13:10:59 haraka[23821]: [ERROR] [7B6260E0-240F-4AAD-9E52-1188B0D14DC5.1.1] [outbound] Remote end 173.194.219.27:25 closed connection while we were processing mail. Trying next MX.", ServerClosed, "", ""},
	// https://github.com/mybb/mybb/issues/2578 (the host needs the From to be the login)
	{"The mail server does not understand the RCPT TO command. Reason: 554 5.7.1 Recipient address rejected: Username admin@risingworld.dk and sender doesn't match", SMTPSenderMismatch, "", ""},
	// https://github.com/customeros/mailsherpa/issues/19
	{"550 #5.1.0 Address rejected.", SMTPRecipientUnknown, "", ""},
	// https://github.com/customeros/mailsherpa/issues/19
	{"550 5.1.6 recipient no longer on server", SMTPRecipientUnknown, "", ""},
	// https://github.com/MicrosoftDocs/OfficeDocs-Exchange/issues/2836 (an address no longer used at Outlook.com)
	{"550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302)", SMTPRecipientUnknown, "", ""},
	// https://github.com/dirtsimple/poste.io/issues/26 (Roundcube printing Haraka's reply)
	{"SMTP Error (550): Failed to add recipient \"example@mydomain.com\" (Error: No such user)", SMTPRecipientUnknown, "", ""},
	// https://github.com/hmailserver/hmailserver/issues/21 (the address is not in the route's list)
	{"421 Recipient not in route list", SMTPRecipientUnknown, "", ""},
	// https://github.com/mail-in-a-box/mailinabox/issues/1194 (the receiving server refuses the sending host)
	{"554 5.7.1 You are not allowed to connect.", SMTPIPBlocked, "", ""},
}

// benignBatch10b are success and non-mail lines from the same threads: no error-level finding.
var benignBatch10b = []string{
	// https://github.com/haraka/Haraka/issues/1965
	"[NOTICE] [78B6CE84-8052-48F6-A187-840C7F15B236.1] [core] queue code=OK msg=\"Message Queued\"",
	// https://github.com/haraka/Haraka/issues/1965
	"[PROTOCOL] [78B6CE84-8052-48F6-A187-840C7F15B236.1] [core] S: 250 Message Queued",
	// https://github.com/haraka/Haraka/issues/1965 (the client closed its side after QUIT)
	"[INFO] [78B6CE84-8052-48F6-A187-840C7F15B236.1] [core] client [172.18.0.8] half closed connection",
	// https://github.com/haraka/Haraka/issues/2713
	"[DEBUG] [A51BD432-7FF5-4A4A-A027-6D4B80559E9C.1] [core] client has disconnected",
	// https://github.com/haraka/Haraka/issues/2713
	"[NOTICE] [A51BD432-7FF5-4A4A-A027-6D4B80559E9C.1] [core] disconnect ip=127.0.0.1 rdns=localhost helo=DESKTOP-UPCFNQM relay=Y early=N esmtp=Y tls=N pipe=N errors=0 txns=1 rcpts=1/0/0 msgs=1/0/0 bytes=308 lr=\"\" time=2.656",
	// https://github.com/haraka/Haraka/issues/1897
	"[INFO] [D01B4388-7099-4560-9A22-C6ABBBDCEA93.1.1] [outbound] Looking up A records for: gmail-smtp-in.l.google.com",
	// https://github.com/haraka/Haraka/issues/1897
	"[INFO] [D01B4388-7099-4560-9A22-C6ABBBDCEA93.1.1] [outbound] Attempting to deliver to: 74.125.70.27:25 (0) (0)",
	// https://github.com/docker-mailserver/docker-mailserver/issues/3376
	"May 28 23:21:36 mailserver-5768b9779d-mngmt dovecot: imap-login: Login: user=<fmartinez@iseguro.com>, method=PLAIN, rip=10.42.0.1, lip=10.42.0.210, mpid=1297, TLS, session=<pgIWjsf8WEQKKgAB>",
	// https://github.com/modoboa/modoboa/issues/837
	"Feb 28 11:50:04 modoboa postfix/pickup[7874]: CC44916C7A: uid=0 from=<root>",
	// https://github.com/OpenSMTPD/OpenSMTPD/issues/410
	"smtp-in: Accepted message 89bd988b on session ffffffffec3a259b: from=<max@example.com>, to=<max@[10.9.4.144]>, size=856, ndest=1, proto=ESMTP",
}

// TestServerLogNames10b holds siblings of batch 10b's fixes from the same tables. Sources: PEAR
// Net_SMTP's "Invalid response code received from server" wrapper (the wrapped reply decides);
// hMailServer source/Server/SMTP/RecipientParser.cpp (the DP_RecipientUnknown texts); Haraka's
// connection summary and close notices; RFC 3463 X.1.0.
func TestServerLogNames10b(t *testing.T) {
	checkNamed(t, []named{
		{"Failed to set sender: a@example.com [SMTP: Invalid response code received from server (code: 550, response: 5.7.1 Relaying denied)]", SMTPRelayDenied},
		{"authentication failure [SMTP: Invalid response code received from server (code: 535, response: 5.7.8 Error: authentication failed)]", AuthFailed},
		{"550 Recipient not in route list.", SMTPRecipientUnknown},
		{"550 Alias is not active.", SMTPRecipientDisabled},
		{"550 Distribution list is not active.", SMTPRecipientDisabled},
		{"550 Domain has been disabled.", SMTPRecipientDisabled},
		{"554 5.7.1 Recipient address rejected: Username a@example.com and sender does not match", SMTPSenderMismatch},
		{"550 5.1.0 <a@example.com>: address rejected", SMTPRecipientUnknown},
		{"421 4.7.0 Connections not accepted from IP addresses on Spamhaus XBL", SMTPIPBlocked},
		{"[INFO] [3F2A.1] [core] client [192.0.2.7] half closed connection", ""},
		{"[DEBUG] [3F2A.1] [core] client has disconnected", ""},
		{"[NOTICE] [3F2A.1] [core] disconnect ip=192.0.2.7 rdns=mail.example.org helo=mail.example.org relay=N early=N esmtp=Y tls=Y pipe=N errors=0 txns=1 rcpts=1/0/0", ""},
	})
}

// TestServerLogTables: further siblings from the server tables batches 10 and 10b led to, none
// of them pasted in a thread we read. Sources: Postfix src/tls/tls_client.c ("SSL_connect error
// to %s") and src/smtp/smtp_proto.c ("Server certificate not verified"); policyd-spf's "SPF fail"
// reject text; Exchange's 4.4.0 "DNS query failed"; Dovecot's passdb/userdb drivers
// ("passwd-file(user,ip): unknown user"); OpenSMTPD smtp_session.c ("smtp authentication user=%s
// result=%s"); Gmail's IP texts (support.google.com/mail/answer/81126); Stalwart's EVENT_NAMES.
func TestServerLogTables(t *testing.T) {
	for _, tt := range []struct {
		text string
		want Code
	}{
		{"postfix/smtp[123]: SSL_connect error to mx.example.com[192.0.2.1]:25: -1", TLSHandshakeFailed},
		{"status=deferred (Server certificate not verified)", TLSCertHostnameMismatch},
		{"550 5.7.1 <a@example.com>: Recipient address rejected: Message rejected due to: SPF fail - not authorized", SMTPSPFDMARCRejected},
		{"451 4.4.0 DNS query failed. The error was: DNS query failed with error ErrorRetry", DNSFailure},
		{"dovecot: auth: passwd-file(a@example.org,192.0.2.1): unknown user", AuthUserUnknown},
		{"dovecot: auth-worker(12): sql(a@example.org,192.0.2.1): unknown user", AuthUserUnknown},
		{"smtpd[123]: 1a2b3c4d5e6f7a8b smtp authentication user=a result=permfail", AuthFailed},
		{"smtpd[123]: 1a2b3c4d5e6f7a8b smtp authentication user=a result=tempfail", ServerBusy},
		{"550-5.7.1 [192.0.2.1] The IP you're using to send mail is not authorized to send email directly to our servers.", SMTPIPBlocked},
		{"550 5.7.1 [IRR] Our system has detected an unusual rate of unsolicited mail originating from your IP address.", SMTPSpamRejected},
		{"2024-09-11T16:14:06Z INFO Relay not allowed (smtp.relay-not-allowed) listenerId = \"smtp\", localPort = 25", SMTPRelayDenied},
		{"2024-09-11T16:14:06Z INFO Mailbox does not exist (smtp.mailbox-does-not-exist) listenerId = \"smtp\"", SMTPRecipientUnknown},
		{"2024-09-11T16:14:06Z WARN STARTTLS not available (delivery.start-tls-unavailable) domain = \"example.org\"", TLSSTARTTLSUnavailable},
		{"2024-09-11T16:14:06Z INFO Too many authentication attempts (auth.too-many-attempts) remoteIp = 192.0.2.1", AuthRateLimited},
		{"2024-09-11T16:14:06Z INFO Null MX record (delivery.null-mx) domain = \"example.org\"", DNSNoMX},
	} {
		if got := MatchText(tt.text); len(got) == 0 || got[0].Code != tt.want {
			t.Errorf("MatchText(%q) = %v, want %s", tt.text, got, tt.want)
		}
	}
}
