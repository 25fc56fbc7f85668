package findings

import "testing"

// unseenBatch17d is a fourth, small batch from bounce-explanation pages (filtering gateways' and
// hosts' lists of their rejection replies: Baruwa, VirusFree, a hosting provider's 554 FAQ, a
// university's bounce guide, AT&T/Barracuda replies quoted by smtp.codes, an ISP's helpdesk
// transcript table, Andrews & Arnold's sending errors, MXroute's changelog), gathered after batch
// 17c's fixes and scored once on first sight before any change for it. Texts as the pages show
// them; texts already in the corpus were dropped before scoring.
// First sight: 7 of 18 right (38.9 %), 5 of 6 benign lines clean; per family (clientFamily):
// other 0/6, php 1/2, server-smtp 6/10. The 11 misses and the one benign line flagged were fixed by
// class (TestLibraryErrorNames17d).
var unseenBatch17d = []corpusCase{
	// https://www.virusfree.cz/en/faq (the content scanner refused the message)
	{"554 Message refused by the scanner", SMTPSpamRejected, "", ""},
	// https://www.virusfree.cz/en/faq (too many parallel SMTP connections)
	{"421 Service temporarily not available", ServerBusy, "", ""},
	// https://headwayapp.co/mxroute-changelog/adjustments-to-outbound-rejections-137432 (IP reputation)
	{"Your access to submit messages to this e-mail system has been rejected", SMTPIPBlocked, "", ""},
	// https://bastion.umanix.net/info (Baruwa: the IP is on the banned senders list)
	{"The sender xxx.xxx.xxx.xxx is banned", SMTPIPBlocked, "", ""},
	// https://bastion.umanix.net/info (Baruwa: the IP is listed in a DNS blacklist)
	{"The sender is in a black list rbl.baruwa.net", SMTPIPBlocked, "", ""},
	// https://bastion.umanix.net/info
	{"Recipient verification failed", SMTPRecipientUnknown, "", ""},
	// http://ix-one.com/helpFAQ/article/337.html
	{"554 The message was rejected because it contains prohibited virus or spam content", SMTPSpamRejected, "", ""},
	// http://ix-one.com/helpFAQ/article/337.html
	{"554 The message was rejected due to SPF policy", SMTPSPFDMARCRejected, "", ""},
	// http://uit.tufts.edu/?pid=548&c=429 (an attachment type the recipient's filter refuses)
	{"SMTP error from remote mailer after end of data:\nhost host.domain.com [64.233.171.27]: 552 Illegal Attachment", SMTPSpamRejected, "", ""},
	// http://uit.tufts.edu/?pid=548&c=429
	{"SMTP error from remote mailer after RCPT TO::\nhost host.tufts.edu [130.64.123.123]: 550 5.1.1 unknown or illegal alias:\nuser@host.tufts.edu", SMTPRecipientUnknown, "", ""},
	// https://smtp.codes/550 (AT&T)
	{"550 5.2.1 <EXAMPLE@PRODIGY.NET>... Addressee unknown, relay=[x.xx.xx.xx]", SMTPRecipientUnknown, "", ""},
	// https://smtp.codes/550 (AT&T: usually the sending IP's PTR record)
	{"550 5.7.1 Connections not accepted from servers without a valid sender domain. ## Fix reverse DNS for x.xx.xx.xx", SMTPNoReverseDNS, "", ""},
	// https://smtp.codes/550 (Barracuda)
	{"550 cuda_nsu 5.1.1 <email@example.com> Recipient address rejected: User unknown", SMTPRecipientUnknown, "", ""},
	// http://www.icglink.net/cgi-bin/icglink/helpdesk/kb.cgi?view=73 (the sender's IP is a known spam source)
	{">>> MAIL From:<sender's address>\n>>> 550 Access denied\n550 Sorry, no access for this ip", SMTPIPBlocked, "", ""},
	// http://www.icglink.net/cgi-bin/icglink/helpdesk/kb.cgi?view=73 (relaying through an ISP with a From: of another domain)
	{"553 <recipient's-address>\n... unauthorized relay traffic prohibited", SMTPRelayDenied, "", ""},
	// http://www.icglink.net/cgi-bin/icglink/helpdesk/kb.cgi?view=73
	{"451 From:domain must resolve", SMTPSenderInvalid, "", ""},
	// https://support.aa.net.uk/index.php?diff=12783&oldid=6452&title=Sending_Email_Errors (the client IP sent too much spam through smtp.aa.net.uk)
	{"Error CA2 see: http://wiki.aa.org.uk/Sending_Email_Errors x.x.x.x is blocked from sending. Probably due to sending spam messages.", SMTPIPBlocked, "", ""},
	// https://eliteweb.co/uk/uncategorized/fix-rejected-email-with-a-bounce-error/ (higher than normal email volume)
	{"421 Server temporarily unavailable. Try again later. IB101", ServerBusy, "", ""},
}

// benignBatch17d are non-error lines from the same pages: no error-level finding.
var benignBatch17d = []string{
	// https://wiki.pscs.co.uk/_export/raw/how_to:550_5.7.1_recipient_prohibited_x
	"View & edit your SMTP rules at Services -> SMTP Server -> Filtering -> Edit SMTP Rules.",
	// https://www.hostgator.com/help/article/error-dictionary-attack
	"The dictionary attack block will be removed after 1 hour if there are no more than 4 erroneous emails in a row.",
	// https://bastion.umanix.net/info
	"Check the email address you are sending to",
	// https://support.aa.net.uk/index.php?diff=12783&oldid=6452&title=Sending_Email_Errors
	"In most cases, we would also send an email to the customer with details of why the IP has been blocked.",
	// https://bastion.umanix.net/info
	"Legitimate bounces are never sent to more than one recipient.",
	// https://www.virusfree.cz/en/faq
	"Bulk Senders Guidelines",
}

// TestLibraryErrorNames17d: batch 17d's misses were fixed by class (gateways' ban and block-list
// wordings, an IPv4 address said to be banned or blocked, content scanners and attachment filters,
// rejections naming SPF policy, AT&T's 'Addressee unknown' over its 5.2.1, recipient verification,
// 'From:domain must resolve'), so siblings never pasted on the pages are read too; prose that asks
// why an IP was blocked, or that mentions an SPF policy without a rejection, is not.
func TestLibraryErrorNames17d(t *testing.T) {
	for _, tt := range []struct {
		text string
		want Code
	}{
		{"The sender 203.0.113.7 is banned", SMTPIPBlocked},
		{"The sender is in a black list hostkarma.junkemailfilter.com", SMTPIPBlocked},
		{"550 Sorry, no access from this ip", SMTPIPBlocked},
		{"554 [192.0.2.10] has been blocked", SMTPIPBlocked},
		{"552 5.7.0 Prohibited attachment", SMTPSpamRejected},
		{"554 5.7.1 Message rejected by the scanner", SMTPSpamRejected},
		{"550 5.7.1 Message rejected due to SPF policy", SMTPSPFDMARCRejected},
		{"550 5.1.1 Recipient verify failed", SMTPRecipientUnknown},
		{"550 5.2.1 <bob@example.net>... Addressee unknown", SMTPRecipientUnknown},
		{"451 Sender domain must resolve", SMTPSenderInvalid},
		{"Does your domain provided in MAIL FROM address use SPF policy?", ""},
		{"Ask your provider why the IP has been blocked.", ""},
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
