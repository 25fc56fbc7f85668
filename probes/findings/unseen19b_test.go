package findings

import "testing"

// unseenBatch19b is a second batch of real error texts from 2025 and 2026 threads, gathered after batch 19's
// fixes and scored before any change for it: Wino Mail 2 (MailKit), n8n's Send Email node, Twenty's
// IMAP/SMTP connection test, Vaultwarden (lettre), zone-mta, PMail, Paperweight on Proton Mail Bridge,
// Stalwart 0.12/0.13 (JMAP delivery status, queue, DANE), docker-mailserver's Postfix and Dovecot, and
// Layer5 Cloud's own mail-server test. None was in the corpus before (checked piece by piece; texts other
// helpers had already taken from the same threads were dropped). Fewer than the 20 asked for: the
// searches kept returning older threads or texts already in the corpus.
// First sight: 10 of 14 right (71.4 %), 9 of 9 benign lines clean; per family (clientFamily): go 1/2,
// node 1/1, other 5/8, server-smtp 3/3. Misses: Exim's "malformed address: ... may not follow" (no
// finding), zone-mta's and PMail's timeouts towards port 25 (read as timeouts; the threads put them down
// to a port-25 block), Stalwart's TLSA fetch that timed out in DNS (read as a server response timeout).
// After the fixes (TestLibraryErrorNames19b) 12 of 12 and 9 of 9; the two port-25 texts moved to
// beyondText19b. At the merge with main one Stalwart "Delivery attempt ended" line was dropped from the
// benign lines (batch 14c has one from the same thread): 8 remain.
var unseenBatch19b = []corpusCase{
	// https://github.com/bkaankose/Wino-Mail/issues/655 (2025: Wino sent COMPRESS before LOGIN; fixed in 2.0.13)
	{"The IMAP server replied to the \"COMPRESS\" command with a \"BAD\" response: Error in IMAP command received by server", ServerProtocolError, "", ""},
	// https://github.com/n8n-io/n8n/issues/35022 (2026)
	{"Problem in node ‘SEND A TEST PLATEFORME‘\nThe connection timed out, consider setting the 'Retry on Fail' option in the node settings", TCPTimeout, "", ""},
	// https://github.com/n8n-io/n8n/issues/20818 (2025: smtp.exchange.ionos.eu:465)
	{"Couldn’t connect with these settings – Connection timeout", TCPTimeout, "", ""},
	// https://github.com/n8n-io/n8n/issues/35827 (2026: n8n joined an array into one recipient; Exim refused the address)
	{"\"code\": \"EENVELOPE\",\n        \"response\": \"501 <email2@example.com]]>: malformed address: ]]> may not follow <email2@example.com\",\n        \"responseCode\": 501,\n        \"command\": \"RCPT TO\",", SMTPRecipientUnknown, "", ""},
	// https://github.com/wslyvh/paperweight/issues/32 (2026: Proton Mail Bridge, TLS mode not matching the bridge's)
	{"SMTP: Greeting never received", ServerGreetingTimeout, "", ""},
	// https://github.com/stalwartlabs/stalwart/issues/2169 (2025: Gmail's bounce for mail to a Stalwart 0.13 mailbox)
	{"550 Mailbox does not exist!", SMTPRecipientUnknown, "", ""},
	// https://github.com/twentyhq/twenty/pull/14134 (2025: smtp.resend.com:465)
	{"[Nest] 1  - 09/05/2025, 6:58:19 PM   ERROR [ImapSmtpCaldavService] SMTP connection failed: Connection timeout\nError: Connection timeout\n    at SMTPConnection._formatError (/app/node_modules/nodemailer/lib/smtp-connection/index.js:798:19)", TCPTimeout, "", ""},
	// https://github.com/dani-garcia/vaultwarden/issues/6805 (2026: Mail-in-a-Box's Postfix answering a configuration fault on its side)
	{"SMTP 4xx error: transient error (451): 4.3.5 Server configuration error", ServerBusy, "", ""},
	// https://github.com/docker-mailserver/docker-mailserver/issues/4317 (2025: password guessing against submissions)
	{"2025-01-17T15:45:35.045027+01:00 mail postfix/submissions/smtpd[1196]: warning: unknown[87.120.93.10]: SASL LOGIN authentication failed: UGFzc3dvcmQ6, sasl_username=shopping@MY.DOMAIN", AuthFailed, "", ""},
	// https://github.com/stalwartlabs/webadmin/issues/106 (2025: after the 0.13 migration one account was missing from the directory)
	{"<aa@mydomain.com> (host 'localhost' rejected command 'RCPT TO:<aa@mydomain.com>' with code 550 (5.5.0) 'Mailbox not found.')", SMTPRecipientUnknown, "", ""},
	// https://github.com/stalwartlabs/stalwart/issues/1255 (2025: the resolver timed out on TLSA queries)
	{"INFO Error fetching TLSA record (dane.tlsa-record-fetch-error) queueId = 226831316630802434, from = \"noreply-tls@foobar.com\", to = [\"tlsrpt@posteo.de\"], size = 2376, total = 1, domain = \"posteo.de\", hostname = \"mx04.posteo.de\", causedBy = DNS error (mail-auth.dns-error) { details = \"request timed out\" }, strict = false, elapsed = 15004ms", DNSFailure, "", ""},
	// https://github.com/layer5io/docs/pull/1236 (2026: Layer5 Cloud offers PLAIN and CRAM-MD5 only, the tenant takes LOGIN only)
	{"The mail server does not support the selected authentication method", AuthMechanismUnsupported, "", ""},
}

// benignBatch19b are lines from the same threads that report no fault.
var benignBatch19b = []string{
	// https://github.com/n8n-io/n8n/issues/35827 (the accepted half of the send)
	"\"response\": \"250 OK id=1wsEXP-0000000EQNJ-366w\",",
	// https://github.com/n8n-io/n8n/issues/35827
	"\"LIMITS MAILMAX=1000 RCPTMAX=50000\",",
	// https://github.com/dovecot/docker/issues/47
	"* OK [CAPABILITY IMAP4rev1 IMAP4rev2 LOGIN-REFERRALS ID ENABLE IDLE SASL-IR LITERAL+ AUTH=PLAIN] Dovecot ready.",
	// https://github.com/dovecot/docker/issues/47
	"dovecot  | Apr 22 07:51:23 master: Info: Dovecot v2.4.3 (c1b22ef978) starting up for imap, submission, lmtp, sieve",
	// https://github.com/docker-mailserver/docker-mailserver/issues/4317
	"2025-01-17T15:45:33.544083+01:00 mail dovecot: auth: Debug: passwd-file(shopping@MY.DOMAIN,87.120.93.10): Performing passdb lookup",
	// https://github.com/docker-mailserver/docker-mailserver/issues/4317
	"2025-01-17T15:45:33.544181+01:00 mail dovecot: auth: Debug: auth(shopping@MY.DOMAIN,87.120.93.10): Auth request finished",
	// https://github.com/stalwartlabs/stalwart/issues/1568
	"2025-05-26T15:53:51Z INFO ARC verification passed (smtp.arc-pass) listenerId = \"submissions\", localPort = 465, remoteIp = CLIENT_COMPUTER_IP, remotePort = 47790, strict = false, result = No DKIM signature (dkim.none), elapsed = 0ms",
	// https://github.com/ShlomiPorush/mailcow-logs-viewer/issues/52
	"postfix-mailcow-1  | Apr 10 23:18:39 a3426da50090 whitelist_forwardinghosts: Look up 91.92.240.214 on whitelist, result 200 DUNNO",
}

// beyondText19b are the batch's texts whose cause the text does not carry: a timeout towards port 25 reads
// the same whether the MX is down or the sending network drops port 25. mailcheck concludes
// tcp.port25-blocked only by comparing ports (see the comment above the corpus), so these stay timeouts.
var beyondText19b = []pinned{
	// https://github.com/zone-eu/zone-mta/issues/458 (2025: the reply points at the provider's port 25 block)
	{"ERR! Sender/default/25620[1] id=o5omuy7kxnnr626f 19a29676c080002dd3.001 CONNFAIL domain=gmail.com local=Avinix-Solutions[0.0.0.0] remote=172.217.78.27:25 error=Network error when connecting to MX server alt2.gmail-smtp-in.l.google.com[172.217.78.27] for gmail.com: Connection timed out", TCPPort25Blocked, TCPTimeout},
	// https://github.com/Jinnrry/PMail/issues/241 (2025: direct delivery to Gmail's MX from a host whose port 25 goes nowhere)
	{"[error][2025-01-08 13:39:39][ac110002677e0f9975220001ab961bb0][/work/utils/send/send.go:213][0xc0000a90e0] 邮件投递失败dial tcp 74.125.23.27:25: i/o timeout", TCPPort25Blocked, TCPTimeout},
}

func TestBeyondText19b(t *testing.T) { checkPinned(t, beyondText19b) }

// TestLibraryErrorNames19b: the batch's misses were fixed from the sources' own message tables, so
// siblings never pasted in a thread are named too: Exim's address parser (parse.c) and Stalwart's DNS
// and DANE event names.
func TestLibraryErrorNames19b(t *testing.T) {
	checkNamed(t, []named{
		{"501 <bob@example.com>: missing or malformed local part", SMTPRecipientUnknown},
		{"501 <bob@>: domain missing or malformed", SMTPRecipientUnknown},
		{"501 <\"bob@example.com>: unmatched doublequote in local part", SMTPRecipientUnknown},
		{"WARN DNS error (mail-auth.dns-error) details = \"request timed out\"", DNSFailure},
		{"Error fetching TLSA record (dane.tlsa-record-fetch-error) domain = \"example.com\"", DNSFailure},
	})
	// A MAIL FROM refused for its syntax is the sender's, not a recipient's.
	for _, m := range MatchText("host mx.example.com said: 501 <a b@example.com>: malformed address: b@example.com may not follow a (in reply to MAIL FROM command)") {
		if m.Code == SMTPRecipientUnknown {
			t.Errorf("sender syntax error read as %s (rule %s)", m.Code, m.Rule)
		}
	}
}
