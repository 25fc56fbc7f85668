package findings

import "testing"

// unseenBatch20c are filtering gateways' bounces from the SMTP Field Manual (ActiveCampaign/smtp-field-manual,
// data/codes/*.json at commit 67831a2e, its spamFilters entries): real replies that senders collected from
// Proofpoint, Barracuda, Mimecast, Trend Micro, Symantec Email Security.cloud (MessageLabs), FireEye ETP,
// ZEROSPAM and Exchange Online Protection, with the contributors' redactions (email@example.com, x.xx.xx.xx,
// [#]). Gathered after batch 20b's fixes when the search budget had run out (the repository was fetched);
// the rows already in the corpus (earlier batches took several from the same repository's pull requests)
// were dropped. The code follows the reply's wording and the manual's own description of the row. No
// benign lines: the manual holds refusals only.
// First sight (signatures only): 22 of 35 right (62.9 %); explain (MatchText, else Guess) 23 of 35. Per
// family (clientFamily): other 3/10, outlook 0/1, server-smtp 19/24. Misses: gateway policy refusals
// worded as "Recipient address rejected: <policy name>" (Barracuda "Policy Rejection- Abuse", Trend Micro
// ERS-Customized-Block and BLOCK-SEND-ER) read as unknown recipients; Mimecast's anti-spoofing and DMARC
// refusals, its "rejected due to security policies"; Barracuda's "rejecting spoofed message", "banned
// content", "(…:blocked)"; Symantec's "Message filtered" and its relay refusal; EOP's HELO listed in
// Spamhaus (read as an IP block); Barracuda's "No such user" (read as a login user unknown).
// After the fixes (TestLibraryErrorNames20c): 35 of 35.
var unseenBatch20c = []corpusCase{
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/421.json (exchangeonline, status 4.3.2)
	{"smtp;421 4.3.2 The maximum number of concurrent connections per resource forest has exceeded a limit, closing transmission channel. example.com. PRX8 [example.com]", ServerBusy, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/450.json (barracuda, status 4.7.1 — the manual: If you know the recipient personally, try reaching out through other means to confirm why the message was reje…)
	{"smtp;450 cuda_nsu 4.7.1 <email@example.com>: Recipient address rejected: Policy Rejection- Abuse. Go away.", SMTPSpamRejected, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/450.json (zerospam, status 4.2.0 — the manual: Greylisting is a common antispam measure. This mesage is asking the sending mail server to retry sending, most…)
	{"smtp;450 4.2.0 <email@example.com>: Recipient address rejected: example.com greylisted for 60 seconds by ZEROSPAM", SMTPGreylisted, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/451.json (mimecast, status 1)
	{"smtp;451 Open relay not allowed - https://community.mimecast.com/docs/DOC-1369#451 [#]", SMTPRelayDenied, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/451.json (mimecast, status 3)
	{"smtp;451 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#451 [#]", SMTPRecipientUnknown, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/451.json (barracuda, status 4.7.1)
	{"smtp;451 4.7.1 <email@example.com>: Recipient address rejected: Greylisted for 5 minutes", SMTPGreylisted, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/451.json (barracuda, status 4.4.3)
	{"smtp;451 cuda_nsu 4.4.3 Temporary server error. Please try again later", ServerBusy, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/550.json (mimecast, status 2 — the manual: Often this bounce is related to sending both 'To' and 'From' the same domain but through a third party (like a…)
	{"smtp;550 Rejected by header based Anti-Spoofing policy: email@example.com - https://community.mimecast.com/docs/DOC-1369#550 [#]", SMTPSPFDMARCRejected, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/550.json (mimecast, status 5 — the manual: The inbound message has been rejected because the sending IP address isn't listed in the published SPF records…)
	{"smtp;550 DMARC Sender Invalid - envelope rejected - https://community.mimecast.com/docs/DOC-1369#550 [#]", SMTPSPFDMARCRejected, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/550.json (proofpoint, status 5.1.1)
	{"smtp;550 5.1.1 <email@example>: Recipient address rejected: User unknown", SMTPRecipientUnknown, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/550.json (proofpoint, status 5.1.1-4)
	{"smtp;550 5.1.1 - This is not a valid email address. Please verify that you have the correct email address for your recipient.", SMTPRecipientUnknown, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/550.json (proofpoint, status 5.1.8 — the manual: Make sure your 'From' and 'Return-Path' (envelope-from used for SPF) domains exist can receive mail.)
	{"smtp;550 5.1.8 <sender@example.com>: Sender address rejected: Domain not found (in reply to RCPT TO command)", SMTPSenderInvalid, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/550.json (proofpoint, status 5.5.2 — the manual: Make sure your 'From' and 'Return-Path' (envelope-from used for SPF) domains exist can receive mail.)
	{"smtp;550 5.5.2 <email@example.com>: Sender address rejected: need fully-qualified address (in reply to RCPT TO command)", SMTPSenderInvalid, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/550.json (proofpoint, status 5.7.0 — the manual: The sent message failed the DMARC policy for the sending domain. If the sending domain has a reject policy set…)
	{"smtp;550 5.7.0 Email rejected per sender's DMARC policy", SMTPSPFDMARCRejected, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/550.json (proofpoint, status 5.7.1)
	{"smtp;550 5.7.1 <email@example.com>: Recipient address rejected: User email address is marked as invalid.", SMTPRecipientUnknown, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/550.json (proofpoint, status 5.7.1-3 — the manual: Your IP has been blocked by Proofpoint Dynamic Reputation and must be delisted to deliver mail.)
	{"smtp;550 5.7.1 Service unavailable; client [x.xx.xx.xx] blocked using prs.proofpoint.com", SMTPIPBlocked, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/550.json (proofpoint, status 5.7.1-4 — the manual: Your IP has been blocked by Cloudmark Sender Intelligence and must be delisted to deliver mail.)
	{"smtp;550 5.7.1 Service unavailable; client [x.xx.xx.xx] blocked using Cloudmark Sender Intelligence (Visit http://csi.cloudmark.com/reset-request/ if you feel this is in error)", SMTPIPBlocked, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/550.json (exchangeonline, status 5.4.1 — the manual: Usually this bounce means the recipient address is invalid, but sometimes it can be caused by internal setup o…)
	{"smtp;550 5.4.1 [email@example.com]: Recipient address rejected: Access denied [example.com]", SMTPRecipientUnknown, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/550.json (exchangeonline, status 5.7.1-2 — the manual: First, the forward DNS lookup (domain name to IP address) of your sending IP should match the HELO value set i…)
	{"550 5.7.1 Service unavailable, Helo domain is listed in Spamhaus. To request removal from this list see https://www.spamhaus.org/query/lookup/ (S8001) [#.prod.protection.outlook.com]", SMTPHELORejected, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/550.json (barracuda, status 1 — the manual: This mailbox does not exist at this mail server. Check to make sure there are no typos with the address.)
	{"smtp;550 cuda_nsu 5.1.1 <email@example.com>... User unknown", SMTPRecipientUnknown, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/550.json (barracuda, status 2 — the manual: This mailbox does not exist at this mail server. Check to make sure there are no typos with the address.)
	{"smtp;550 No such user (email@example.com)", SMTPRecipientUnknown, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/550.json (barracuda, status 4 — the manual: Barracuda thinks you're attempting to impersonate a known brand. Check your sending domains, 'From' details, a…)
	{"smtp;550 rejecting spoofed message", SMTPSpamRejected, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/550.json (barracuda, status 5 — the manual: This specific message is being blocked for content or domain related reasons. It's not necessarily a permanent…)
	{"smtp;550 permanent failure for one or more recipients (email@example.com:blocked)", SMTPSpamRejected, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/550.json (emailsecuritycloud, status 5.1.1)
	{"smtp;550 Invalid recipient <email@example.com> (#5.1.1)", SMTPRecipientUnknown, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/550.json (trendmicro, status 5.7.1 — the manual: 'ERS' stands for Trend Micro's 'Email Reputation System', which provides custom levels of threat protection in…)
	{"smtp;550 5.7.1 <example@example.com>: Recipient address rejected: ERS-Customized-Block.", SMTPIPBlocked, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/550.json (fireeye, status 5.7.26 — the manual: The message failed the DMARC policy for the sending domain. If the sending domain has a reject policy set for…)
	{"smtp;550 5.7.26 <example@example.com>: ETP205 DMARC Failure for domain", SMTPSPFDMARCRejected, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/553.json (emailsecuritycloud, status 5.7.1)
	{"smtp;553 Message filtered. Refer to the Troubleshooting page at http://www.symanteccloud.com/troubleshooting for more information. (#5.7.1)", SMTPSpamRejected, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/553.json (emailsecuritycloud, status 5.7.1-2)
	{"smtp;553 you are trying to use me [xx.messagelabs.com] as a relay, but I have not been configured to let you [x.xx.xx.xx, example.com] do this. Please visit www.symanteccloud.com/troubleshooting for more details about this error message and instructions to resolve this issue. (#5.7.1)", SMTPRelayDenied, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/554.json (mimecast, status 1)
	{"smtp;554 Email rejected due to security policies - https://community.mimecast.com/docs/DOC-1369#554 [#]", SMTPSpamRejected, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/554.json (trendmicro, status 1 — the manual: There's certain criteria in the message itself that this recipient is blocking, which could include a block on…)
	{"smtp;554 5.7.1 <example@example.com>: Recipient address rejected: BLOCK-SEND-ER.", SMTPSpamRejected, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/554.json (trendmicro, status 2)
	{"smtp;554 5.7.1 <example@example.com>: Recipient address rejected: Invalid-Recipient.", SMTPRecipientUnknown, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/554.json (trendmicro, status 3 — the manual: The recipient is permanently undeliverable unless manual changes are made on the recipient's end to allow the…)
	{"smtp;554 5.7.1 <example@example.com>: Recipient address rejected: NO-DOMAIN.", SMTPRecipientUnknown, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/554.json (barracuda, status 1 — the manual: A URL in your message content may be on a public or private block list. Some recipients may also filter URLs b…)
	{"smtp;554 rejected due to spam URL in content", SMTPSpamRejected, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/554.json (barracuda, status 2 — the manual: Check your content, phrasing, and links for any potentially suspicious characteristics. Even something as simp…)
	{"smtp;554 rejecting banned content", SMTPSpamRejected, "", ""},
	// https://github.com/ActiveCampaign/smtp-field-manual/blob/67831a2e/data/codes/554.json (zerospam, status 5.7.1)
	{"smtp;554 5.7.1 <email@example.com>: Recipient address rejected: Not in recipient list", SMTPRecipientUnknown, "", ""},
}

// TestLibraryErrorNames20c: batch 20c's misses were fixed by the gateways' own reply forms, so their
// siblings are named too: Postfix's smtpd_check.c block-list reply names what was listed ("Client host",
// "Helo command"), Trend Micro's "Recipient address rejected: <policy tag>" replies, Barracuda's
// per-recipient "(address:blocked)" list, the 5xx "No such user" of Barracuda and qmail-style servers
// (a recipient, while POP3's -ERR "No such user" stays a login user), MessageLabs' relay refusal.
func TestLibraryErrorNames20c(t *testing.T) {
	checkNamed(t, []named{
		{"554 5.7.1 Service unavailable; Helo command [mail.example.com] blocked using dbl.spamhaus.org", SMTPHELORejected},
		{"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; from=<a@example.com> to=<b@example.org> proto=ESMTP helo=<mail.example.com>", SMTPIPBlocked},
		{"550 5.7.1 Service unavailable, Helo domain is listed in Spamhaus. (S8001)", SMTPHELORejected},
		{"550 5.7.1 <bob@example.com>: Recipient address rejected: ERS-Customized-Block.", SMTPIPBlocked},
		{"554 5.7.1 <bob@example.com>: Recipient address rejected: BLOCK-SEND-ER.", SMTPSpamRejected},
		{"554 5.7.1 <bob@example.com>: Recipient address rejected: Invalid-Recipient.", SMTPRecipientUnknown},
		{"550 permanent failure for one or more recipients (a@example.com:blocked,b@example.com:blocked)", SMTPSpamRejected},
		{"550 5.1.1 No such user here", SMTPRecipientUnknown},
		{"-ERR No such user", AuthUserUnknown},
		{"553 you are trying to use me [server-1.messagelabs.com] as a relay, but I have not been configured to let you [192.0.2.1, example.com] do this.", SMTPRelayDenied},
		{"550 Rejected by header based Anti-Spoofing policy: bob@example.com", SMTPSPFDMARCRejected},
		{"550 DMARC Sender Invalid - envelope rejected", SMTPSPFDMARCRejected},
	})
}
