package findings

import "testing"

// unseenBatch17b is a second, smaller batch from the same kinds of page as batch 17 (Microsoft KB
// articles and Exchange admins' blogs, Server Fault mirrors, sending services' own help pages and
// the help pages of apps built on them, Postfix's documentation, hosting and vendor knowledge bases),
// gathered after batch 17's fixes and scored once on first sight before any change for it. Texts as
// the pages show them (placeholders kept); texts already in the corpus were dropped before scoring.
// First sight: 4 of 19 right (21.1 %), 8 of 8 benign lines clean; per family (clientFamily):
// server-smtp 4/9, other 0/10. The batch is harder than batch 17 by choice: sending services'
// (Amazon SES, SendGrid, Mailgun) own wordings, Exchange's queue errors, Kerio's and Plesk's logs.
// Two of the 15 misses carry a cause the text does not (moved to beyondText17b after scoring); the
// other 13 were fixed by class (TestLibraryErrorNames17b).
var unseenBatch17b = []corpusCase{
	// http://support.microsoft.com/kb/979175/en-US (the remote receive connector does not offer Exchange Server authentication)
	{"451 4.4.0 Primary target IP address responded with: \"451 5.7.3 Cannot achieve Exchange Server authentication.\" Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts.", AuthMechanismUnsupported, "", ""},
	// http://support.microsoft.com/kb/286673 (the receiving server drops the session on the 8BITMIME verb)
	{"Message delivery to the remote domain DomainName failed. The connection was dropped by the remote host.", ServerClosed, "", ""},
	// http://blogs.technet.com/b/sbs/archive/2008/01/03/what-to-check-when-exchange-cannot-send-email-to-certain-domains.aspx
	{"The message could not be delivered because the recipient's mailbox is full.<contoso.com #5.2.2>", SMTPRecipientMailboxFull, "", ""},
	// http://blogs.technet.com/b/sbs/archive/2008/01/03/what-to-check-when-exchange-cannot-send-email-to-certain-domains.aspx
	{"The e-mail account does not exist at the organization this message was sent to.", SMTPRecipientUnknown, "", ""},
	// https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas-errors.html
	{"454 Throttling failure: Maximum sending rate exceeded", SMTPSendingLimit, "", ""},
	// https://help.moengage.com/hc/en-us/articles/30653872870164-Why-Does-the-SMTP-Data-Error-Occur-in-Email-Campaigns-Sent-Through-Amazon-SES
	{"454 Throttling failures: Daily message quota exceeded error(SMPTDataError)", SMTPSendingLimit, "", ""},
	// https://experienceleague.adobe.com/en/docs/experience-cloud-kcs/kbarticles/ka-25701?lang=en
	{"May 28 21:13:00 <i-node> postfix/error[21335]: BC7941A2BBF: to=<to@email.com>, relay=none, delay=4642, delays=4642/0.56/0/0.03, dsn=4.0.0, status=deferred (delivery temporarily suspended: SASL authentication failed; server smtp.sendgrid.net[ip address] said: 451 Authentication failed: Maximum credits exceeded).", SMTPSendingLimit, "", ""},
	// https://help.kyriossystems.com/en/articles/13613564-email-errors-mailgun-google-workspace (Mailgun suspended the account)
	{"The domain is not allowed to send: Account Terminated.", SMTPSendingBlocked, "", ""},
	// https://help.kyriossystems.com/en/articles/13613564-email-errors-mailgun-google-workspace (the sending domain is not verified at Mailgun)
	{"The domain is not allowed to send.", SMTPSenderMismatch, "", ""},
	// https://help.kyriossystems.com/en/articles/13613564-email-errors-mailgun-google-workspace
	{"The domain of the sender address does not exist", SMTPSenderInvalid, "", ""},
	// https://help.kyriossystems.com/en/articles/13613564-email-errors-mailgun-google-workspace
	{"Your domain has no DNS/MX entries", SMTPSenderInvalid, "", ""},
	// https://camoa.github.io/dev-guides/drupal/mailgun/common-errors/ (DNS records not yet verified)
	{"421 Domain not verified", SMTPSenderMismatch, "", ""},
	// https://1grid.co.za/knowledge/?p=24032 (Apple Mail: the outgoing server was not logged in to)
	{"Email Address Rejected by Server", SMTPAuthRequired, "", ""},
	// https://linuxtopia.org/online_books/mail_systems/postfix_documentation/SASL_README_011.html (the server offers only PLAIN/LOGIN, which smtp_sasl_security_options forbids)
	{"Authentication failed: cannot SASL authenticate to server", AuthMechanismUnsupported, "", ""},
	// https://support.plesk.com/hc/en-us/articles/12377061932567-Incoming-messages-routed-through-an-antispam-server-are-rejected-by-SPF-REJECT-during-call-spf-handler
	{"dmarc[5485]: DMARC: REJECT message for john.doe@example.com", SMTPSPFDMARCRejected, "", ""},
	// https://www.newbedev.com/noqueue-reject-rcpt-from-on-freebsd-and-postfix (defer_unauth_destination: the client had not authenticated)
	{"454 4.7.1 <[email protected]: Relay access denied", SMTPRelayDenied, "", ""},
	// https://support.kerioconnect.gfi.com/article/130064-fixing-smtp-ntlm-authentication-failures-for-service-accounts-in-kerio-connect (Windows sends the NetBIOS domain, Kerio expects the FQDN form)
	{"User [account] performed NTLM authentication in NT domain [DOMAIN], this domain is not valid.", AuthUsernameFormat, "", ""},
}

// beyondText17b are batch 17b's texts whose cause, as the page established it, the text does not
// carry: Exchange's "unable to connect" does not say that the antivirus on the server blocked port 25,
// and Gmail's relayed 535 does not say that the receiving Postfix had too few SASL processes for
// concurrent sessions. They counted as misses on first sight and stay out of the corpus.
var beyondText17b = []pinned{
	// http://nuangel.net/2013/01/exchange-error-attempted-to-failover/?share=reddit (McAfee's mass-mailing rule blocked outbound port 25)
	{"451 4.4.0 primary target IP address responded with “421.4.4.2 unable to connect.” Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts.", TCPPort25Blocked, TCPConnectFailed},
	// https://www.brandonchecketts.com/archives/increasing-the-number-of-simultaneous-sasl-authentication-servers-with-postfix (too few SASL auth processes for concurrent sessions)
	{"The error that the other server returned was: 535 535 5.7.0 Error: authentication failed: authentication failure (SMTP AUTH failed with the remote server) (state 7).", ServerBusy, AuthFailed},
}

// benignBatch17b are success and non-mail lines from the same pages: no error-level finding.
var benignBatch17b = []string{
	// https://twilio.com/docs/sendgrid/for-developers/sending-email/smtp-errors-and-troubleshooting
	"250 Queued mail for delivery",
	// http://office.manualsonline.com/manuals/mfg/brother/mfc9325cw.html?p=119
	"SUCCESS: Received From <mail address>",
	// https://a.osmarks.net/content/serverfault.com_en_all_2022-11/questions/66029/emails-are-being-rejected-by-some-email-providers
	"220 xmail03.domain.com ESMTP 648143d3667b3045487b",
	// https://support.plesk.com/hc/en-us/articles/12377061932567-Incoming-messages-routed-through-an-antispam-server-are-rejected-by-SPF-REJECT-during-call-spf-handler
	"dk_check[5484]: DKIM verification (d=sender.tld, 1024-bit key) succeeded",
	// https://support.plesk.com/hc/en-us/articles/12377061932567-Incoming-messages-routed-through-an-antispam-server-are-rejected-by-SPF-REJECT-during-call-spf-handler
	"dmarc[5485]: Starting the dmarc filter...",
	// https://www.brandonchecketts.com/archives/increasing-the-number-of-simultaneous-sasl-authentication-servers-with-postfix
	"Jul  5 12:43:39 mail postfix/smtpd[13602]: connect from mail-bk0-f50.google.com[209.85.214.50]",
	// http://kb.plesk.com/jp/1390
	"220 domain.tld ESMTP",
	// https://support.plesk.com/hc/en-us/articles/213361549-How-to-verify-that-the-server-is-not-acting-as-an-open-relay-
	"250 2.1.0 Ok",
}

// TestBeyondText17b holds the nearest reading of the texts whose cause is beyond the text.
func TestBeyondText17b(t *testing.T) { checkPinned(t, beyondText17b) }

// TestLibraryErrorNames17b holds the siblings of batch 17b's class fixes. Sources: Exchange's DSN
// friendly texts for 5.1.1 and its X-EXPS reply; the IIS SMTP service's event 4000 reasons
// (Microsoft KB 286673); Amazon SES's and SendGrid's SMTP error pages; OpenDMARC's reply and
// Plesk's dmarc milter log (Plesk KB 12377061932567); Postfix smtp_sasl_glue.c; Apple Mail's and
// Outlook Express's dialogs for a refused sender; Kerio Connect's security log.
func TestLibraryErrorNames17b(t *testing.T) {
	for _, tt := range []struct {
		text string
		want Code
	}{
		{"The e-mail address you entered couldn't be found. Please check the recipient's e-mail address and try to resend the message.", SMTPRecipientUnknown},
		{"451 5.7.3 Cannot achieve Exchange Server authentication.", AuthMechanismUnsupported},
		{"Message delivery to the remote domain 'example.com' failed for the following reason: The connection was dropped by the remote host.", ServerClosed},
		{"454 Throttling failure: Daily message quota exceeded", SMTPSendingLimit},
		{"451 Authentication failed: Maximum credits exceeded", SMTPSendingLimit},
		{"dmarc[5485]: DMARC: smtpdomain=sender.tld maildomain=sender.tld mailfrom=externaluser@sender.tld stamp=1617091525 ip=2 adkim=relaxed aspf=relaxed p=REJECT sp=NONE pct=100 align_dkim=fail align_spf=fail spfres=fail dkimres=pass dmarccheck=DMARC_POLICY_REJECT dmarcstatus=STOP", SMTPSPFDMARCRejected},
		{"550 5.7.1 rejected by DMARC policy for example.com", SMTPSPFDMARCRejected},
		{"SASL authentication failed; cannot authenticate to server smtp.example.com[192.0.2.1]: no mechanism available", AuthMechanismUnsupported},
		{"The sender address was rejected by the server.", SMTPAuthRequired},
		// the server's own reply names the cause: it wins over the dialog's fallback
		{"The sender address was rejected by the server. The server response was: 553 5.1.8 Sender address rejected: Domain not found", SMTPSenderInvalid},
		{"User john performed NTLM authentication in NT domain EXAMPLE, this domain is not valid.", AuthUsernameFormat},
		// a recipient domain's missing MX stays a recipient-side DNS fact
		{"550 5.1.2 <bob@example.net>: Recipient address rejected: Domain not found", SMTPRecipientUnknown},
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
