package findings

import "testing"

// unseenBatch20 is a batch of real error texts from email service providers (SendGrid, Amazon SES,
// Postmark, SparkPost, Mailgun, Mandrill, Brevo, SMTP2GO, Plunk, Postal) and filtering gateways and
// block lists (Mimecast, Proofpoint, Barracuda, Cloudmark, FireEye ETP, rspamd, Spamhaus, SpamCop,
// UCEPROTECT, Trend Micro), as the apps sending through them pasted them into public issue threads.
// None was in the corpus before (each checked piece by piece against every *_test.go; texts already
// taken from the same threads by earlier batches were dropped). The code is the cause the thread
// established, or the one the reply and its wording state.
// First sight (signatures only, TestUnseenBatches): 32 of 45 right (71.1 %); explain (MatchText, else
// the word model's Guess) 34 of 45; 9 of 9 benign lines clean. Per family (clientFamily): dotnet 1/1,
// node 2/2, other 14/23, outlook 2/2, php 1/4, python 1/1, ruby 2/2, server-smtp 9/10. Misses: the
// ESPs' own "sender not verified" words outside SMTP (Postmark "Sender signature not defined",
// SparkPost 7001 "No sending domain specified", Mandrill reject_reason unsigned, Plunk "domain is not
// associated with your account", Postal "From/Sender name is not valid"), Brevo's "SMTP account is not
// yet activated", SMTP2GO's blank-sender and allowed-IP refusals, Mimecast's "envelope blocked" and
// rspamd's multimap refusal (no finding).
// After the fixes (by class, TestLibraryErrorNames20): 45 of 45 and 9 of 9.
var unseenBatch20 = []corpusCase{

	// ===== SendGrid =====
	// https://github.com/LandOfTheRair/LandOfTheRair/issues/308 (nodemailer through SendGrid; the From address was not a verified sender)
	{"Error: Message failed: 550 The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved. Visit https://sendgrid.com/docs/for-developers/sending-email/sender-identity/ to see the Sender Identity requirements", SMTPSenderMismatch, "", ""},
	// https://github.com/mbentley/docker-omada-controller/issues/253 (Omada's JavaMail through smtp.sendgrid.net)
	{"10-21-2022 19:57:48.373 WARN [email-task-3] [] c.t.s.o.c.s.b(256): Failed to send a email: 550 The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved. Visit https://sendgrid.com/docs/for-developers/sending-email/sender-identity/ to see the Sender Identity requirements", SMTPSenderMismatch, "", ""},
	// https://github.com/sendgrid/sendgrid-nodejs/issues/1032 (the free plan's credits were used up)
	{"(node:2233) UnhandledPromiseRejectionWarning: Unauthorized (401)\n  Maximum credits exceeded", SMTPSendingLimit, "", ""},

	// ===== Amazon SES =====
	// https://github.com/WPManageNinja/fluent-smtp/issues/103 (the SES account was in the sandbox)
	{"SimpleEmailService::sendRawEmail(): Sender - MessageRejected: Email address is not verified. The following identities failed the check in region US-EAST-1: Sonrise241@gmail.com Request Id: b73f7091-8332-427a-8bba-e7ce57950ac9", SMTPSenderMismatch, "", ""},
	// https://github.com/django-ses/django-ses/issues/66
	{"Error message: Email address is not verified. (Service: AmazonSimpleEmailService; Status Code: 400; Error Code: MessageRejected; Request ID: af9cb97a-9ca8-11e4-a873-1b1b632bd12d)", SMTPSenderMismatch, "", ""},
	// https://github.com/django-ses/django-ses/issues/16 (boto against the SES query API)
	{"BotoServerError: 400 Bad Request\n<ErrorResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\">\n  <Error>\n    <Type>Sender</Type>\n    <Code>MessageRejected</Code>\n    <Message>Email address is not verified.</Message>\n  </Error>", SMTPSenderMismatch, "", ""},
	// https://github.com/danilop/LambdAuth/issues/64 (the SES account was in sandbox mode)
	{"{ \"errorMessage\": \"Error in sendVerificationEmail: MessageRejected: Email address is not verified. The following identities failed the check in region US-WEST-2: tanzeelrana@cmail.carleotn.ca, tanzeelrana@cmail.carleton.ca\" }", SMTPSenderMismatch, "", ""},
	// https://github.com/knadh/listmonk/issues/1353 (listmonk's Go SMTP client through SES)
	{"error sending message 'You've Subscribed': 554 Message rejected: Email address is not verified. The following identities failed the check in region CA-CENTRAL-1: email@example.com", SMTPSenderMismatch, "", ""},
	// https://github.com/django-ses/django-ses/issues/42 (SQL Server Database Mail through the SES SMTP endpoint)
	{"The mail could not be sent to the recipients because of the mail server failure. (Sending Mail using Account 2 (2012-08-21T12:25:18). Exception Message: Cannot send mails to mail server. (Transaction failed. The server response was: Message rejected: Email address is not verified.).\n )", SMTPSenderMismatch, "", ""},
	// https://github.com/mettle/sendportal/issues/94 (the AWS PHP SDK; a fragment of the posted line)
	{"MessageRejected (client): Email address is not verified. The following identities failed the check in region US-WEST-2: Sendportal <nagaraj@datafindsolution.com>", SMTPSenderMismatch, "", ""},
	// https://github.com/awsdocs/amazon-ses-developer-guide/issues/60 (the AWS PHP SDK)
	{"Throttling (client): Maximum sending rate exceeded. - <ErrorResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\">\n  <Error>\n    <Type>Sender</Type>\n    <Code>Throttling</Code>\n    <Message>Maximum sending rate exceeded.</Message>\n  </Error>", SMTPSendingLimit, "", ""},
	// https://github.com/aws/aws-sdk/issues/76 (aws-sdk-go)
	{"Throttling: Maximum sending rate exceeded.\n\tstatus code: 400", SMTPSendingLimit, "", ""},

	// ===== Postmark =====
	// https://github.com/ActiveCampaign/postmark-rails/issues/31
	{"Postmark::InvalidMessageError (Sender signature not defined for From address.):", SMTPSenderMismatch, "", ""},
	// https://github.com/humanmade/Falcon/issues/34
	{"Fatal error: Uncaught exception 'Exception' with message 'Error with sent body: {\"ErrorCode\":400,\"Message\":\"Sender signature not defined for From address.\"}'", SMTPSenderMismatch, "", ""},
	// https://github.com/feedadoc/feedadoc/pull/110
	{"(The 'From' address you supplied (redacted) is not a Sender Signature on your account. Please add and confirm this address in order to be able to use it in the 'From' field of your messages.):", SMTPSenderMismatch, "", ""},

	// ===== SparkPost =====
	// https://github.com/transitland/transitland-datastore/issues/1231
	{"Net::SMTPFatalError: 550 5.7.1 Unconfigured Sending Domain <mapzen.com>", SMTPSenderMismatch, "", ""},
	// https://github.com/SparkPost/nodemailer-sparkpost-transport/issues/19 (the From had no address, so no sending domain)
	{"error Error: SparkPostError: Bad Request\n\n errors:\n   [ { message: 'Invalid domain',\n       description: 'No sending domain specified',\n       code: '7001' } ],\n  statusCode: 400 }", SMTPSenderMismatch, "", ""},
	// https://github.com/anymail/django-anymail/issues/212
	{"SparkPost API response 400 (Bad Request):\n{\n  \"errors\": [\n    {\n      \"message\": \"No sending domain specified\",\n      \"code\": \"7001\"\n    }\n  ]\n}", SMTPSenderMismatch, "", ""},
	// https://github.com/SparkPost/support-docs/pull/190 (SparkPost's SMTP error table: the API key lacks the Send via SMTP permission or the user name is wrong)
	{"535 5.7.8 Sorry. *** No authentication type succeeded", AuthFailed, "", ""},

	// ===== Mailgun =====
	// https://github.com/zonque/AlRide/issues/7
	{"Net::SMTPFatalError (554 Sandbox subdomains are for test purposes only. Please add your own domain or add the address to authorized recipients in domain settings.", SMTPSendingBlocked, "", ""},
	// https://github.com/domino14/Webolith/issues/219 (Django)
	{"Exception Type:\tSMTPDataError\nException Value:\t\n(554, 'Sandbox subdomains are for test purposes only. Please add your own domain or add the address to authorized recipients in Account Settings.')", SMTPSendingBlocked, "", ""},
	// https://github.com/theoomoregbee/US-visa-appointment-notifier/issues/5 (mailgun.js)
	{"\"status: 403,\n  details: 'Domain sandboxe1164ceef2a340a89c348279b0dde46b.mailgun.org is not allowed to send: Sandbox subdomains are for test purposes only. Please add your own domain or add the address to authorized recipients in Account Settings.' \"", SMTPSendingBlocked, "", ""},

	// ===== Mandrill / Mailchimp Transactional =====
	// https://github.com/keystonejs/keystone-email/issues/24 (the sending domain was not yet verified in Mandrill)
	{"success:\n [ { email: 'johnnyluuu@gmail.com',\n    status: 'rejected',\n    _id: '5b872de58d7546018bf691db2d0dc93c',\n    reject_reason: 'unsigned' } ]", SMTPSenderMismatch, "", ""},

	// ===== Brevo / Sendinblue =====
	// https://github.com/WPManageNinja/fluent-smtp/issues/157 (Brevo's transactional platform must be activated on request)
	{"Unable to send email. Your SMTP account is not yet activated. Please contact us at contact@sendinblue.com to request activation", SMTPSendingBlocked, "", ""},

	// ===== SMTP2GO, Plunk, Postal =====
	// https://github.com/PHPMailer/PHPMailer/issues/2683 (mail.smtp2go.com:2525)
	{"SMTP ERROR: DATA END command failed: 550-From header sender domain not verified.550-On your Settings > Sender Domains page550 verify the sender domain to be allowed to send.\nSMTP Error: data not accepted.", SMTPSenderMismatch, "", ""},
	// https://github.com/sefinek/Cloudflare-WAF-Expressions/issues/9 (SMTP2GO refuses an empty MAIL FROM unless blank senders are enabled)
	{"Can't send mail - all recipients were rejected: 550 to send email from a blank sender, enable blank senders", SMTPSenderInvalid, "", ""},
	// https://github.com/sefinek/Cloudflare-WAF-Expressions/issues/9 (after the fix the app still sent from its default domain)
	{"From header sender domain not verified (noreply.smtpservice.net)\nOn your Sending > Verified Senders page\nverify the sender domain or email to be allowed to send.", SMTPSenderMismatch, "", ""},
	// https://github.com/gophish/gophish/issues/1701 (SMTP2GO: the SMTP user only sends from its allowed IP addresses)
	{"Error: 550 that IP address is not allowed to send", AuthIPDenied, "", ""},
	// https://github.com/useplunk/plunk/issues/164 (nodemailer to smtp.useplunk.com; the From domain was not verified)
	{"\"type\": \"Error\",\n\"message\": \"Mail command failed: 550 This domain is not associated with your account\",\n\"code\": \"EENVELOPE\",\n\"response\": \"550 This domain is not associated with your account\",\n\"responseCode\": 550,\n\"command\": \"MAIL FROM\"", SMTPSenderMismatch, "", ""},
	// https://github.com/postalserver/postal/issues/570 (Swift Mailer to Postal; the From domain was not a domain of the credential's server)
	{"Expected response code 250 but got code \"530\", with message \"530 From/Sender name is not valid \"", SMTPSenderMismatch, "", ""},

	// ===== Mimecast, Proofpoint, Barracuda, Cloudmark, FireEye, rspamd =====
	// https://github.com/mysociety/writetothem/issues/364 (Exim's bounce: the council's Mimecast policy blocks the sender; no code names a recipient's sender block list, spam-rejected is the nearest)
	{"SMTP error from remote mail server after RCPT TO:<memberservices@rhondda-cynon-taff.gov.uk>:\nhost eu-smtp-inbound-1.mimecast.com [195.130.217.211]:\n550 Administrative prohibition - envelope blocked - https://community.mimecast.com/docs/DOC-1369#550", SMTPSpamRejected, "", ""},
	// https://github.com/openaustralia/planningalerts/issues/1969 (a Mimecast user put the sender on a personal block list)
	{"bounced (host au-smtp-inbound-2.mimecast.com[103.96.20.26] said: 550 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550 [gz1Vvz1VN9ikuIVSF81-Wg.au11] (in reply to RCPT TO command))", SMTPSpamRejected, "", ""},
	// https://github.com/LukeSmithxyz/emailwiz/issues/233 (Proofpoint's IP block for iCloud)
	{"<someone's email>: host mxb-001.gslb.pphosted.com[10.11.20.40]\n    said: 550 5.7.0 Blocked - see\n    https://ipcheck.proofpoint.com/?ip=149.28.244.134 (in reply to end of DATA\n    command)", SMTPIPBlocked, "", ""},
	// https://github.com/docker-mailserver/docker-mailserver/issues/22
	{"<xxxxx@me.com>: host mx1.mail.icloud.com[17.158.8.68] said: 550 5.7.0\n   Blocked - see\n   https://support.proofpoint.com/dnsbl-lookup.cgi?ip=62.210.110.165:\n   xxxxx@me.com (in reply to RCPT TO command)", SMTPIPBlocked, "", ""},
	// https://github.com/thunderbird/mailstrom/issues/162
	{"<xxxxx@domain.com> (host 'd405521.a.ess.ca.barracudanetworks.com' rejected command 'DATA' with code 550 (0.0.0) 'Service unavailable; Client host [smtp001.thundermail.com] blocked using Barracuda Reputation; http://www.barracudanetworks.com/reputation/?r=1&ip=5.60.96.9 (zzzzz@domain.com:blocked,xxxxx@domain.com:blocked)')", SMTPIPBlocked, "", ""},
	// https://github.com/jstanden/cerb/issues/1628 (GoDaddy's gateway using Cloudmark CSI)
	{"Failure Reason: Error: 554 [p3plibsmtp03-07.prod.phx3.secureserver.net](http://p3plibsmtp03-07.prod.phx3.secureserver.net/) CMGW IB103. Connection refused. 52.38.96.198 has a poor reputation on Cloudmark Sender Intelligence (CSI). Please visit http://csi.cloudmark.com/reset-request/?ip=52.38.96.198 to request a delisting.", SMTPIPBlocked, "", ""},
	// https://github.com/sisimai/p5-sisimai/issues/469
	{"host smtp.example.com[192.0.2.43] refused to talk to me: 554 IP address 198.51.100.5 rejected [IP reputation fail]", SMTPIPBlocked, "", ""},
	// https://github.com/sisimai/p5-sisimai/issues/469 (Outlook.com)
	{"451 4.7.650 The mail server [52.198.124.32] has been temporarily rate limited due to IP reputation", SMTPIPBlocked, "", ""},
	// https://github.com/yaronelh/False-Positive-Center/issues/56 (FireEye ETP passing on Exchange Online's directory-based refusal)
	{"550 ETP102 recipient rejected by downstream MTA. Reason: [ 5.4.1 Recipient address rejected: Access denied. [BL02EPF0001A0FF.namprd03.prod.outlook.com 2023-10-02T14:20:06.269Z 08DBBB91184567AB] ] - 3yPujyU-68039-0902D3210698A75D15688a15da9", SMTPRecipientUnknown, "", ""},
	// https://github.com/NethServer/dev/issues/5811 (rspamd's multimap refused the attachment type)
	{"SMTP error from remote server for TEXT command, host: mail.de-labrusse.fr (164.132.77.216) reason: 554 5.7.1 Matched map: FORBIDDEN_FILE_EXTENSION", SMTPSpamRejected, "", ""},

	// ===== Block lists: Spamhaus, SpamCop, UCEPROTECT, Trend Micro =====
	// https://github.com/sendgrid/docs/issues/6275 (Outlook.com refusing a SendGrid IP listed by Spamhaus)
	{"550 5.7.1 Service unavailable, Client host [50.31.49.41] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/50.31.49.41 (AS3130). [VE1EUR01FT062.eop-EUR01.prod.protection.outlook.com]", SMTPIPBlocked, "", ""},
	// https://github.com/sendgrid/docs/issues/6275
	{"550 5.7.1 Mail from IP 50.31.49.41 was rejected due to listing in Spamhaus SBL. For details please see http://www.spamhaus.org/query/bl?ip=50.31.49.41", SMTPIPBlocked, "", ""},
	// https://github.com/simple-login/app/issues/497 (the user's own Postfix refusing a SendGrid IP listed by SpamCop)
	{"Jun  1 01:06:28 myselfhosteddomain postfix/smtpd[2376668]: NOQUEUE: reject: RCPT from o2.outbound-email.expressvpn.com[167.89.94.22]: 554 5.7.1 Service unavailable; Client host [167.89.94.22] blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?167.89.94.22; from=<bounces+13588-a3ea-my_alias=myselfhosteddomain.com@email.expressvpn.com> to=<my_alias@myselfhosteddomain.com> proto=ESMTP helo=<o2.outbound-email.expressvpn.com>", SMTPIPBlocked, "", ""},
	// https://github.com/dragokas/hijackthis/issues/190 (Vodafone's relay listed by UCEPROTECT)
	{"<[xxx.de](mailto:stadtbuecherei@landshut.de)>: host mail.xxx.de[xx.xxx.xx.xx] said: 553\n\n    Your IP is BLACKLISTED at UCEPROTECT-LEVEL 1 - See:\n\n    [http://www.uceprotect.net/rblcheck.php?ipr=xxx.xxx.xxx.xxx](http://www.uceprotect.net/rblcheck.php?ipr=145.253.228.166) (in reply to\n\n    RCPT TO command)", SMTPIPBlocked, "", ""},
	// https://github.com/zone-eu/zone-mta/pull/177 (Trend Micro RBL+)
	{"550 Service unavailable; Client Host [1.2.3.4] blocked using Trend Micro RBL+. Please see http://www.mail-abuse.com/cgi-bin/lookup?ip_address=1.2.3.4", SMTPIPBlocked, "", ""},
}

// benignBatch20 are lines from the same threads that report no fault.
var benignBatch20 = []string{
	// https://github.com/mbentley/docker-omada-controller/issues/253
	"220 SG ESMTP service ready at geopod-ismtpd-6-0",
	// https://github.com/mbentley/docker-omada-controller/issues/253
	"DEBUG SMTP: connected to host \"smtp.sendgrid.net\", port: 465",
	// https://github.com/mautic/mautic/issues/8721
	"250-smtp.sendgrid.net 250-8BITMIME 250-PIPELINING 250-SIZE 31457280 250-STARTTLS 250-AUTH PLAIN LOGIN 250 AUTH=PLAIN LOGIN",
	// https://github.com/simple-login/app/issues/497
	"Jun  1 01:06:27 myselfhosteddomain postfix/smtpd[2376668]: connect from o2.outbound-email.expressvpn.com[167.89.94.22]",
	// https://github.com/PHPAuth/PHPAuth/issues/282
	"2018-01-25 08:17:25 SERVER -> CLIENT: 250 Sender <no-reply@slovakiatreking.sk> OK",
	// https://github.com/PHPAuth/PHPAuth/issues/282
	"2018-01-25 08:17:25 SERVER -> CLIENT: 250 Recipient <chesterovic03@gmail.com> OK",
	// https://github.com/mailjet/mailjet-gem/issues/157
	"\"ValidationMethod\": \"ActivationEmail\",",
	// https://github.com/docker-mailserver/docker-mailserver/issues/22
	"X-Postfix-Queue-ID: 11227CE2",
	// https://github.com/docker-mailserver/docker-mailserver/issues/22
	"Reporting-MTA: dns; mail.cnode.fr",
}

// TestLibraryErrorNames20: the batch's misses were fixed from the providers' own tables, so siblings
// never pasted in a thread we read are named too. Sources: Postmark's API error codes
// (postmarkapp.com/developer/api/overview#error-codes: 400, 401, 411, 412, 413) and its 422 article;
// Mandrill's reject_reason values (hard-bounce, soft-bounce, spam, unsub, custom, invalid-sender,
// invalid, test-mode-limit, unsigned, rule; listed in all-of-us/workbench#904); SparkPost's 7001
// description (python-sparkpost examples); Amazon SES v2 MailFromDomainNotVerifiedException
// (botocore); Mimecast's SMTP error codes page (the 550 sender block entries); Postal's
// smtp_server/client.rb; rspamd's multimap "Matched map" reply; Brevo's relay wording
// (supabase/agent-skills#133).
func TestLibraryErrorNames20(t *testing.T) {
	checkNamed(t, []named{
		{`{"ErrorCode":400,"Message":"Sender Signature not found"}`, SMTPSenderMismatch},
		{`{"ErrorCode":401,"Message":"Sender signature not confirmed"}`, SMTPSenderMismatch},
		{`{"ErrorCode": 300, "Message": "Invalid 'From' address: 'sender@example.com' is not a verified sender signature."}`, SMTPSenderMismatch},
		{`{"ErrorCode":411,"Message":"Forbidden attachment type"}`, SMTPSpamRejected},
		{`{"ErrorCode":412,"Message":"Account is Pending"}`, SMTPSendingBlocked},
		{`{"ErrorCode":413,"Message":"Account May Not Send"}`, SMTPSendingBlocked},
		{`[ { email: 'bob@example.com', status: 'rejected', reject_reason: 'invalid-sender' } ]`, SMTPSenderInvalid},
		{`[ { email: 'bob@example.com', status: 'rejected', reject_reason: 'test-mode-limit' } ]`, SMTPSendingLimit},
		{`{"email":"bob@example.com","status":"rejected","reject_reason":"spam"}`, SMTPSpamRejected},
		{`[reject_reason] => unsigned`, SMTPSenderMismatch},
		{`{'errors': [{'message': 'Invalid domain', 'code': '7001', 'description': 'Unconfigured Sending Domain <example.com> '}]}`, SMTPSenderMismatch},
		{`botocore.errorfactory.MailFromDomainNotVerifiedException: An error occurred (MailFromDomainNotVerifiedException) when calling the SendEmail operation`, SMTPSenderMismatch},
		{`550 Rejected by header based Blocked Senders: address@example.com - https://community.mimecast.com/docs/DOC-1369#550`, SMTPSpamRejected},
		{`550 Envelope blocked - User Domain Entry - https://community.mimecast.com/docs/DOC-1369#550`, SMTPSpamRejected},
		{`550 Policy level block list in force`, SMTPSpamRejected},
		{`554 5.7.1 Matched map: FROM_BLACKLIST`, SMTPSpamRejected},
		{`554 5.7.1 Forbidden attachment name extension`, SMTPSpamRejected},
		{`502 5.7.0 Your SMTP account is not yet activated`, SMTPSendingBlocked},
		{`550 This sender domain is not associated with your account`, SMTPSenderMismatch},
		{`530 From/Sender name is not valid`, SMTPSenderMismatch},
		{`550 that IP address is not allowed to send`, AuthIPDenied},
		{`550 to send email from a blank sender, enable blank senders`, SMTPSenderInvalid},
	})
	// Near misses the new anchors must leave alone: an accepted Mandrill send, an SPF refusal that
	// names an IP, a login address unknown to an account, an Exim deny without a block entry.
	for _, tt := range []struct {
		text string
		not  Code
	}{
		{`[ { email: 'bob@example.com', status: 'sent', _id: 'abc', reject_reason: null } ]`, SMTPSenderMismatch},
		{`550 5.7.1 SPF: the IP address 192.0.2.1 is not allowed to send mail from example.org`, AuthIPDenied},
		{`This email address is not associated with your account`, SMTPSenderMismatch},
		{`postfix/cleanup[123]: 4F1: from=<>, size=2100, nrcpt=1 (queue active)`, SMTPSenderInvalid},
	} {
		for _, m := range MatchText(tt.text) {
			if m.Code == tt.not {
				t.Errorf("MatchText(%q) gave %s (rule %s)", tt.text, m.Code, m.Rule)
			}
		}
	}
}
