package findings

import "testing"

// unseenBatch10d is a fourth batch from batch 10's families (Stalwart outbound TLS errors,
// Postfix/Dovecot/OpenSMTPD/Exim/qmail/dma logs from chatmail, mailcow, docker-mailserver, Mailu
// and emailwiz threads, swaks and SES records), gathered on 2026-12-04 after batch 10c's fixes and
// scored once on first sight before any change for it. Every text was grepped against the corpus
// first; the Stalwart#61 tracing line (a miss on first sight) was also gathered for batch 11 and is
// kept there only, dropped at the merge.
var unseenBatch10d = []corpusCase{
	// https://github.com/chatmail/relay/issues/525
	{"status=bounced (host mailchat.pl[95.216.211.166] said: 554 5.7.1 No valid DKIM signature found (in reply to end of DATA command))", SMTPSPFDMARCRejected, "", ""},
	// https://github.com/stalwartlabs/stalwart/issues/2059 (ancient receiving servers)
	{"<xxx@xxx.com.ar> (TLS error from 'mail.xxx.com.ar': I/O error: tls handshake eof)", TLSHandshakeFailed, "", ""},
	// https://github.com/stalwartlabs/stalwart/issues/260
	{"(TLS error from 'mxbiz2.qq.com': STARTTLS not advertised by host.)", TLSSTARTTLSUnavailable, "", ""},
	// https://github.com/stalwartlabs/stalwart/issues/1345
	{"STARTTLS error\n\nIt was not possible to establish a TLS connection", TLSHandshakeFailed, "", ""},
	// https://github.com/LukeSmithxyz/emailwiz/pull/138 (swaks without authentication)
	{"<** 554 5.7.1 <test@example.com>: Relay access denied", SMTPRelayDenied, "", ""},
	// https://github.com/mailcow/mailcow-dockerized/issues/643
	{"30/9/2017, 00:10:17 | info | NOQUEUE: reject: RCPT from unknown[62.149.156.25]: 454 4.7.1 <bounce+c5e8a8.afb32-lorenzo.longhi=ordingbo.it@mail.ourmx.it>: Relay access denied; from=<> to=<bounce+c5e8a8.afb32-lorenzo.longhi=ordingbo.it@mail.ourmx.it> proto=ESMTP helo=<smtpcmd15.ad.aruba.it>", SMTPRelayDenied, "", ""},
	// https://github.com/hardware/mailserver/issues/246
	{"Diagnostic-Code: smtp; 554 5.7.1 <lfreites@cesticom.com>: Relay access denied", SMTPRelayDenied, "", ""},
	// https://github.com/nodemailer/smtp-server/issues/75 (reject_unlisted_sender and the null sender of a DSN)
	{"[2016-12-04 20:15:57] DEBUG: [efMUTGvo7PPd] S: 550 550 5.1.1 <>: Sender address rejected: User unknown in local sender table", SMTPSenderInvalid, "", ""},
	// https://github.com/mailcow/mailcow/issues/670 (pflogsumm's reject summary)
	{"    Sender address rejected: User unknown in virtual mailbox table (total: 3)", SMTPSenderInvalid, "", ""},
	// https://github.com/mozilla/fxa-auth-server/issues/834 (Amazon SES bounce notification)
	{"\"diagnosticCode\":\"smtp; 550 5.1.1 <username@example.com>... User\"", SMTPRecipientUnknown, "", ""},
	// https://github.com/BytemarkHosting/docker-smtp/issues/4
	{"  240   == [myaccount]@gmail.com R=dnslookup defer (-1): host lookup did not complete", DNSFailure, "", ""},
	// https://github.com/Phorum/Core/issues/890 (qmail-send bounce)
	{"Connected to 64.147.113.42 but greeting failed.\nRemote host said: 450 4.7.1 Client host rejected: cannot find your hostname, [67.63.143.243]", SMTPNoReverseDNS, "", ""},
	// https://github.com/OpenSMTPD/OpenSMTPD/issues/639 (the thread found that the relay name did not resolve at all;
	// OpenSMTPD's mta.c prints "No MX found for domain" for DNS_ENOTFOUND, which does not tell that apart from a
	// domain without MX, so the label was revised to what the text states after scoring: a miss in the first-sight figure)
	{"Oct  7 00:39:51 host smtpd[8204]: relay: TempFail for da22753dbfba3245: session=0000000000000000, from=someone@example.com, to=dest@example.com, rcpt=<->, source=-, relay=mysmtp.local, delay=1d4h26m40s, stat=No MX found for domain", DNSNoMX, "", ""},
	// https://github.com/corecode/dma/issues/30 (the network was down)
	{"May 27 08:54:02 alice dma[1fba5.21545c0]: remote delivery deferred: DNS lookup failure: host {destinationhost}.de not found", DNSFailure, "", ""},
	// https://github.com/chatmail/relay/issues/273 (Dovecot's auth socket overloaded)
	{"transient: 4.7.0 Temporary authentication failure: Connection lost to authentication server", ServerBusy, "", ""},
	// https://github.com/docker-mailserver/docker-mailserver/issues/701 (the auth process was down)
	{"Aug 22 23:11:54 00d7ef713a86 dovecot: imap-login: Error: Timeout waiting for handshake from auth server. my pid=393, input bytes=0", ServerBusy, "", ""},
	// https://github.com/docker-mailserver/docker-mailserver/issues/701
	{"Aug 22 23:11:54 00d7ef713a86 dovecot: imap-login: Disconnected: Auth process broken (disconnected before auth was ready, waited 144 secs): user=<>, rip=10.10.10.10, lip=10.42.68.75, TLS handshaking, session=<3fdfg34g3gde2>", ServerBusy, "", ""},
	// https://github.com/chatmail/relay/issues/228
	{"Mar 08 09:20:52 nine dovecot[942875]: master: Warning: service(stats): client_limit (1000) reached, client connections are being dropped", ServerBusy, "", ""},
	// https://github.com/Mailu/Mailu/pull/633 (the admin container's sender check failed)
	{"smtp_1       | 2018-10-23T08:49:19.975330882Z postfix/smtpd[792]: NOQUEUE: reject: RCPT from unknown[188.27.138.94]: 451 4.3.0 <admin@usrpro.io>: Temporary lookup failure; from=<admin@usrpro.io> to=<tim@usrpro.com> proto=ESMTP helo=<[192.168.100.5]>", ServerBusy, "", ""},
}

// benignBatch10d are success and non-mail lines from the same threads: no error-level finding.
var benignBatch10d = []string{
	// https://github.com/stalwartlabs/stalwart/issues/1345
	"2025-03-25T13:43:10Z INFO Delivery attempt started (delivery.attempt-start) queueId = 232007442729066502",
	// https://github.com/stalwartlabs/stalwart/issues/734
	"Connecting to remote server (delivery.connect) queueId = 195073613995485124, from = \"noreply@maxthon.com\", size = 1167, count = 1, domain = \"sapo.pt\", hostname = \"mx.ptmail.sapo.pt\", localIp = 0.0.0.0, remoteIp = 212.55.154.36, remotePort = 25, elapsed = 194ms",
	// https://github.com/stalwartlabs/stalwart/issues/734 (no DANE record is the normal case)
	"TLSA record not found (dane.tlsa-record-not-found) queueId = 195073613995485124, from = \"noreply@maxthon.com\", size = 1167, count = 1, domain = \"sapo.pt\", hostname = \"mx.ptmail.sapo.pt\", strict = false, elapsed = 163ms",
	// https://github.com/stalwartlabs/stalwart/issues/908
	"2024-11-10T08:40:57Z INFO Authentication successful (auth.success) listenerId = \"submissions\", localPort = 465, remoteIp = 172.17.0.1, remotePort = 46814, accountName = \"contact\", accountId = 6",
	// https://github.com/stalwartlabs/stalwart/issues/908
	"2024-11-10T08:40:57Z INFO SMTP RCPT TO command (smtp.rcpt-to) listenerId = \"submissions\", localPort = 465, remoteIp = 172.17.0.1, remotePort = 46814, to = \"to@126.com\"",
	// https://github.com/LukeSmithxyz/emailwiz/pull/138
	"<-  250 2.1.0 Ok",
	// https://github.com/LukeSmithxyz/emailwiz/pull/138 (swaks' own close after QUIT)
	"=== Connection closed with remote host.",
	// https://github.com/mailcow/mailcow-dockerized/issues/3211
	"dovecot-mailcow_1    | Dec 11 16:19:05 mx dovecot: master: Dovecot v2.3.9 (e7f79df99) starting up for imap, sieve, lmtp, pop3",
	// https://github.com/docker-mailserver/docker-mailserver/issues/97 (Courier)
	"Mar  4 16:31:15 mail imapd-ssl: Connection, ip=[::ffff:172.17.0.1]",
	// https://github.com/r-raymond/nixos-mailserver/issues/97
	"Feb 28 13:54:02 myserver postfix/smtpd[19677]: connect from squash.apkpuire.com[66.118.165.49]",
}

// TestServerLogNames10d holds siblings of batch 10d's fixes. Sources: OpenSMTPD smtpd/mta.c (the
// DNS failure texts); Postfix smtpd_check.c ("Temporary lookup failure", "Sender address rejected:
// User unknown in ... table"); Dovecot master ("client_limit (%u) reached", "process_limit (%u)
// reached") and login-common (auth handshake timeout, "Auth process not responding"); dma's
// "DNS lookup failure"; rustls "tls handshake eof".
func TestServerLogNames10d(t *testing.T) {
	for _, tt := range []struct {
		text string
		want Code
	}{
		{"smtpd[1]: smtp-out: Failed to resolve MX for relay [relay:example.org,mx]: Temporary failure in MX lookup", DNSFailure},
		{"relay: TempFail for 1: session=2, stat=No MX found for destination", DNSNoMX},
		{"NOQUEUE: reject: RCPT from unknown[192.0.2.1]: 550 5.1.0 <a@example.org>: Sender address rejected: User unknown in local recipient table", SMTPSenderInvalid},
		{"450 4.3.0 <b@example.org>: Temporary lookup failure", ServerBusy},
		{"dovecot: master: Warning: service(imap-login): process_limit (100) reached, client connections are being dropped", ServerBusy},
		{"dovecot: imap-login: Warning: Auth process not responding, delayed sending greeting", ServerBusy},
		{"dma[1]: remote delivery deferred: DNS lookup failure: host mx.example.org not found", DNSFailure},
		{"TLS error from 'mx.example.org': I/O error: tls handshake eof", TLSHandshakeFailed},
		{"554 5.7.1 Message rejected: invalid DKIM signature", SMTPSPFDMARCRejected},
	} {
		if got := MatchText(tt.text); len(got) == 0 || got[0].Code != tt.want {
			t.Errorf("MatchText(%q) = %v, want %s", tt.text, got, tt.want)
		}
	}
}
