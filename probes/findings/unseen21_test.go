package findings

import "testing"

// unseenBatch21 is a batch of real error texts from the Microsoft mail ecosystem: Exchange Online
// and on-premises NDRs and SMTP replies (5.1.x, 5.2.x, 5.4.x, 5.6.x, 5.7.x, 4.3.x, 4.7.x),
// Outlook.com/Hotmail block-list replies, SMTP AUTH client submission to smtp.office365.com,
// Microsoft Graph sendMail errors and EWS faults, as pasted in public issue threads. None was in the
// corpus before. Texts as posted (a long diagnostic tail is cut at a sentence end); the code is the
// cause the thread established, or the one the reply code and wording state when it did not go
// further. Four texts repeat, from another thread and in another wrapper, a reply the corpus already
// has (5.7.57, 5.4.1 with its AS code redacted, 5.7.708, 5.7.520); the Microsoft replies most often
// pasted were already in the corpus and were dropped before scoring.
// First sight (signatures only): 27 of 40 right (67.5 %); explain with the word model 28 of 40;
// benign 11 of 11 clean. Per family (clientFamily): dotnet 1/2, go 1/1, other 3/12, outlook 14/16,
// php 1/1, python 2/2, server-smtp 5/6. The misses were Graph/EWS error names (ErrorAccessDenied,
// "not currently available"), 5.7.501 read as an IP block, 5.6.211, 4.5.3, Postfix's
// smtp_sasl_passwd_lookup, an Office 365 NDR's "wasn't found at", a PowerShell TCP connect failure.
// After the fixes by class (TestLibraryErrorNames21): 40 of 40, benign 11 of 11.
var unseenBatch21 = []corpusCase{
	// https://github.com/CyberNinjas/pam_aad/issues/35 (EOP inbound reply, nc session)
	{"550 5.7.1 Service unavailable, Client host [3.211.34.40] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/[3.211.34.40] (AS16012611) [DM3NAM03FT051.eop-NAM03.prod.protection.outlook.com]", SMTPIPBlocked, "", ""},
	// https://github.com/microsoftgraph/microsoft-graph-docs/issues/10880 (Graph, app lacks mailbox access)
	{"{\"error\":{\"code\":\"ErrorAccessDenied\",\"message\":\"Access is denied. Check credentials and try again.\"}}", AuthOAuthAppPermission, "", ""},
	// https://github.com/AzureCAT-GSI/DevCamp/issues/44 (Graph sendMail; the thread: Mail.Send permission missing)
	{"The Graph API 1.0 is returning a 403 HTTP status code, and the message of the returned error object (serialized as JSON) is 'Access is denied. Check credentials and try again.'", AuthOAuthAppPermission, "", ""},
	// https://github.com/gophish/gophish/issues/2900 (Outlook.com SMTP AUTH, envelope sender not the login)
	{"554 5.2.252 SendAsDenied; delightgx46@outlook.com not allowed to send as security@sfb.com; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot submit message.", SMTPSenderMismatch, "", ""},
	// https://github.com/rss2email/rss2email/issues/147 (Python smtplib against smtp-mail.outlook.com)
	{"smtplib.SMTPDataError: (554, b'5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied;\nFailed to process message due to a permanent exception with message Cannot submit message. 0.35250:7D060000,", SMTPSenderMismatch, "", ""},
	// https://github.com/gregkh/usbutils/issues/145 (Postfix bounce, Exchange callout)
	{"<sailer@ife.ee.ethz.ch>: host mc4.ethz.ch[82.130.86.12] said: 550-Callout\n    verification failed: 550-550 5.1.10 RESOLVER.ADR.RecipientNotFound;\n    Recipient not found by SMTP 550 address lookup (in reply to RCPT TO\n    command)", SMTPRecipientUnknown, "", ""},
	// https://github.com/simonrob/email-oauth2-proxy/issues/315 (Claws Mail via email-oauth2-proxy to Office 365)
	{"SMTP< 530 5.7.57 Client not authenticated to send mail", SMTPAuthRequired, "", ""},
	// https://github.com/mageplaza/magento-2-smtp/issues/268 (Magento, Laminas Mail to Outlook.com)
	{"[2020-09-29 19:30:20] main.CRITICAL: 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM [AM0PR10CA0081.EURPRD10.PROD.OUTLOOK.COM]", SMTPAuthRequired, "", ""},
	// https://github.com/tarickb/sasl-xoauth2/issues/96 (Postfix relay to smtp.office365.com with no auth info)
	{"Oct 24 09:08:15 PostfixDev01.office.local postfix/smtp[69929]: < smtp.office365.com[IP.255.232.194]:587: 530 5.7.57 Client not authenticated to send mail. [US22278CA0034.US7P278.PROD.OUTLOOK.COM 2024-10-24", SMTPAuthRequired, "", ""},
	// https://github.com/stalwartlabs/smtp-server/issues/26 (Stalwart to Microsoft 365: header over 32768)
	{"(host 'xxx.mail.protection.outlook.com' rejected command 'BDAT 39278 LAST' with code 554 (5.6.211) 'Invalid MIME Content: Single text value size (33061) exceeded allowed maximum (32768) for the 'Autocrypt' header. [DU0P189MB2614.EURP189.PROD.OUTLOOK.COM 2023-08-13T19:53:47.768Z 08DB9C24282B6B4C]", SMTPLineTooLong, "", ""},
	// https://github.com/jamesiarmes/php-ews/issues/402 (EWS from PowerShell, Exchange 2016)
	{"Exception calling FindItems with 3 argument(s): \"The mailbox database is temporarily unavailable.", ServerBusy, "", ""},
	// https://github.com/regnull/ubikom/issues/26 (Outlook.com block list S3140)
	{"host    outlook-com.olc.protection.outlook.com[104.47.22.161] said: 550 5.7.1\n    Unfortunately, messages from [3.21.133.245] weren't sent. Please contact\n    your Internet service provider since part of their network is on our block\n    list (S3140). You can also refer your provider to\n    http://mail.live.com/mail/troubleshooting.aspx#errors.\n    [DB8EUR06FT039.eop-eur06.prod.protection.outlook.com] (in reply to MAIL\n    FROM command)", SMTPIPBlocked, "", ""},
	// https://github.com/MicrosoftDocs/OfficeDocs-Support/issues/834 (Exchange 2010 to Hotmail, AS3150)
	{"\"550 5.7.1 Unfortunately, messages from weren't sent. Please contact your Internet service provider since part of their network is on our block list (AS3150)\"", SMTPIPBlocked, "", ""},
	// https://github.com/zehm/sendEmail/issues/1 (sendEmail Perl to Office 365 over TLS 1.0)
	{"Checking for SMTP success or error status in the message: 421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls. [SA9P221CA0019.NAMP221.PROD.OUTLOOK.COM]", TLSVersionTooOld, "", ""},
	// https://github.com/codassassin/email-bomber-v2.0/issues/1 (Python smtplib to Outlook)
	{"ERROR: (535, b'5.7.139 Authentication unsuccessful, the user credentials were incorrect. [PH0PR07CA0004.namprd07.prod.outlook.com]')", AuthFailed, "", ""},
	// https://github.com/dougperkes/Visual-Graph-Explorer/issues/1 (Office 365 account flagged for spam)
	{"Remote Server returned '550 5.7.501 Access denied, spam abuse detected. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653'", SMTPSendingBlocked, "", ""},
	// https://github.com/MicrosoftDocs/bot-docs/issues/1618 (Office 365 NDR for a bot's mail)
	{"Remote Server returned '550 5.7.501 Service unavailable. Spam abuse detected from IP range. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653. S(2017052602) [DM6PR11MB2729.namprd11.prod.outlook.com]'", SMTPSendingBlocked, "", ""},
	// https://github.com/JamBrain/JamBrain/issues/271 (Postfix bounce from EOP, banned sending IP)
	{"<???@???.???>: host\n    ???-???.mail.protection.outlook.com[213.199.154.202] said: 550 5.7.606\n    Access denied, banned sending IP [****]. To request removal from\n    this list please visit https://sender.office.com/ and follow the\n    directions. For more information please go to\n    http://go.microsoft.com/fwlink/?LinkID=526655 (AS16012609) (in reply to\n    RCPT TO command)", SMTPIPBlocked, "", ""},
	// https://github.com/renevanosnabrugge/SendEmail-BuildTask/issues/15 (.NET SmtpClient, Exchange recipient limit)
	{"System.Net.Mail.SmtpFailedRecipientException: Insufficient system storage. The server response was: 4.5.3 Too many recipients (AS780090)", SMTPSendingLimit, "", ""},
	// https://github.com/EvotecIT/Emailimo/issues/2 (PowerShell Test-NetConnection to smtp.office365.com)
	{"WARNING: TCP connect to (40.100.28.210 : 587) failed\nWARNING: TCP connect to (40.100.29.210 : 587) failed\nWARNING: TCP connect to (40.100.29.226 : 587) failed\nWARNING: TCP connect to (52.98.65.2 : 587) failed", TCPConnectFailed, "", ""},
	// https://github.com/microsoftgraph/msgraph-sdk-php/issues/1204 (Graph SDK for PHP, client-credentials app sending mail)
	{"\\\"code\\\":\\\"ErrorAccessDenied\\\",\\\"message\\\":\\\"Access is denied. Check credentials and try again.\\\"}", AuthOAuthAppPermission, "", ""},
	// https://github.com/DeskDirector/UserVoice/issues/379 (Graph sendMail from a shared mailbox without Send As)
	{"// 403 Forbidden\n{\n    \"error\": {\n        \"code\": \"ErrorSendAsDenied\",", SMTPSenderMismatch, "", ""},
	// https://github.com/microsoftgraph/microsoft-graph-docs/issues/4085 (Graph sendMail on behalf of another mailbox)
	{"The GrpahAPI always returns \"ErrorSendAsDenied\" (when From and Sender field values are different).", SMTPSenderMismatch, "", ""},
	// https://github.com/hestiacp/hestiacp/issues/2901 (Exim bounce from Hotmail, block list S3140)
	{"SMTP error from remote mail server after pipelined end of data:\n    550 5.7.1 Unfortunately, messages from [185.234.69.116] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [DM6NAM12FT008.eop-nam12.prod.protection.outlook.com 2023-02-01T02:52:56.703Z 08DB03E3F757F606]", SMTPIPBlocked, "", ""},
	// https://github.com/MicrosoftDocs/feedback/issues/1686 (address-verification service's SMTP session log, S3140)
	{"\"550 5.7.1 Unfortunately, messages from [134.209.230.122] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http:\\/\\/mail.live.com\\/mail\\/troubleshooting.aspx#errors. [AM5EUR02FT052.eop-EUR02.prod.protection.outlook.com]\"", SMTPIPBlocked, "", ""},
	// https://github.com/MicrosoftDocs/microsoft-365-docs/issues/666 (relay in CORP to Exchange Online, banned sending IP)
	{"Diagnostic-Code: smtp;550 5.7.606 Access denied, banned sending IP [xxxx]. To request removal from this list please visit https://sender.office.com/ and follow the directions. For more information please go to http://go.microsoft.com/fwlink/?LinkID=526655 (AS16012609) [xxxxxEop-nam06.prod.protection.outlook.com]", SMTPIPBlocked, "", ""},
	// https://github.com/maxsptz/emailpyspam/issues/23 (Gmail bounce quoting EOP)
	{"The response from the remote server was:\n\n550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [HE1EUR02FT003.eop-EUR02.prod.protection.outlook.com] ", SMTPRecipientUnknown, "", ""},
	// https://github.com/MicrosoftDocs/OfficeDocs-Exchange/issues/2336 (Exchange Online NDR)
	{"`550 5.4.1 Recipient address rejected: Access denied. AS(xxxxxxx)`", SMTPRecipientUnknown, "", ""},
	// https://github.com/bwya77/O365-Admin-Center/issues/12 (Office 365 NDR, unknown To address)
	{"Your message to request@o365admin.center couldn't be delivered.\n\nrequest wasn't found at o365admin.center.", SMTPRecipientUnknown, "", ""},
	// https://github.com/MicrosoftDocs/OfficeDocs-Support/issues/845 (Exchange 2016 transport back pressure)
	{"\"452 4.3.1 Insufficient system resources: error happened in Exchange 2016", ServerBusy, "", ""},
	// https://github.com/fuel9/DisplayMonkey/issues/16 (EWS, Client Access Servers cannot proxy)
	{"Exchange Web Services are not currently available for this request because none of the Client Access Servers in the destination site could process the request.", ServerBusy, "", ""},
	// https://github.com/gophish/gophish/issues/2670 (Exchange Online SMTP AUTH, campaign From not the login)
	{"> STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot submit message.", SMTPSenderMismatch, "", ""},
	// https://github.com/gophish/gophish/issues/2480 (poster's paraphrase of Exchange's send-as refusal)
	{"its says **client does not have permission to send as this sender,** I contact the server admin and they give the server permission to send as, but still the problem no solved.", SMTPSenderMismatch, "", ""},
	// https://github.com/tarickb/sasl-xoauth2/issues/96 (Postfix to smtp.office365.com with no credentials for the sender)
	{"Oct 24 09:08:11 PostfixDev01.office.local postfix/smtp[69929]: smtp_sasl_passwd_lookup: no auth info found (sender=`', host=`smtp.office365.com')", AuthCredentialsMissing, "", ""},
	// https://github.com/mageplaza/magento-2-smtp/issues/108 (Magento to Office 365)
	{"5.7.3 Authentication unsuccessful [DB6P18901CA0015.EURP189.PROD.OUTLOOK.COM]", AuthFailed, "", ""},
	// https://github.com/microsoftgraph/aspnet-connect-rest-sample/issues/4 (Graph sample's sendMail, Office 365 outbound spam filter)
	{"Why would sending to myself at my onmicrosoft.com email address work, but sending to my GMail address gets rejected as \"spam abuse detected\"?", SMTPSendingBlocked, "", ""},
	// https://github.com/roundcube/roundcubemail/issues/7990 (bounce from EOP)
	{"The response from the remote server was:\n550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DM6NAM10FT025.eop-nam10.prod.protection.outlook.com]", SMTPRecipientUnknown, "", ""},
	// https://github.com/microsoftgraph/microsoft-graph-docs-contrib/issues/6095 (Graph forward from a daemon app, NDR)
	{"Generating server: SYBP282MB0331.AUSP282.PROD.OUTLOOK.COM\n{email address that I am trying to send to}\nRemote Server returned '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(7171) [SYBP282MB0569.AUSP282.PROD.OUTLOOK.COM]'", SMTPIPBlocked, "", ""},
	// https://github.com/microsoftgraph/microsoft-graph-docs-contrib/issues/6099 (Graph forward, NDR)
	{"When attempt to use Microsoft Graph API to Forward an email O365 doesn't deliver it with error: \nRemote Server returned '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(7171) [DM6PR09MB5976.namprd09.prod.outlook.com]'", SMTPIPBlocked, "", ""},
	// https://github.com/MicrosoftDocs/microsoft-365-docs/issues/6235 (Exchange Online outbound policy blocks an inbox forward)
	{"Remote Server returned '550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)'\n\nResent-From: <Gal@oversight-ar.com>", SMTPSendingBlocked, "", ""},
}

// benignBatch21 are success and non-mail lines from the same threads: no error-level finding.
var benignBatch21 = []string{
	// https://github.com/CyberNinjas/pam_aad/issues/35
	"220 DM3NAM03FT051.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready at Fri, 19 Apr 2019 20:03:00 +0000",
	// https://github.com/CyberNinjas/pam_aad/issues/35
	"250 DM3NAM03FT051.mail.protection.outlook.com Hello [3.211.34.40]",
	// https://github.com/nodemailer/nodemailer/issues/145
	"└──220 mail.blah.com Microsoft ESMTP MAIL Service ready at Wed, 6 Mar 2013 10:51:10 -0800",
	// https://github.com/nodemailer/nodemailer/issues/145
	"220 2.0.0 SMTP server ready\nConnection secured",
	// https://github.com/simonrob/email-oauth2-proxy/issues/315
	"* Account 'enan@YU': Connecting to SMTP server: 127.0.0.1:1587...",
	// https://github.com/simonrob/email-oauth2-proxy/issues/257
	"2024-06-27 11:23:04,708: Running in a packaged/frozen environment - imported SSL certificates from `certifi`",
	// https://github.com/SMTP2Graph/SMTP2Graph/issues/41
	"AccessCheckResult : Accordé (result in french, means \"Granted\")",
	// https://github.com/hestiacp/hestiacp/issues/2901
	"Reporting-MTA: dns; panel1.pacal.cl",
	// https://github.com/EvotecIT/Emailimo/issues/2
	"VERBOSE: SENDING EMAIL with email_IMO",
	// https://github.com/tarickb/sasl-xoauth2/issues/96
	"Oct 24 09:08:11 PostfixDev01.office.local postfix/smtp[69929]: smtp_stream_setup: maxtime=300 enable_deadline=0 min_data_rate=0",
	// https://github.com/tarickb/sasl-xoauth2/issues/96
	"Oct 24 09:08:11 PostfixDev01.office.local postfix/smtp[69929]: > smtp.office365.com[IP.255.232.194]:587: MAIL FROM:<> SIZE=2850 BODY=8BITMIME",
}

// beyondText21 are texts from the batch's threads whose cause, as the thread established it, the text
// does not carry; they stay out of the corpus and nearest is what the matcher must keep giving.
var beyondText21 = []pinned{
	// https://github.com/Sicos1977/MsgKit/issues/135 (Outlook; the thread: the From was changed to another mailbox)
	{"error 0x80004005-0x00000467-0x00000501 when sending email created with MsgKit", SMTPSenderMismatch, ""},
	// https://github.com/dani-garcia/vaultwarden/issues/1008 (lettre to Office 365; the thread: From is another user's address)
	{"Error sending SMTP test email\nSmtpError", SMTPSenderMismatch, ""},
	// https://github.com/EvotecIT/Emailimo/issues/2 (PowerShell Send-MailMessage; the thread: port 587 to Office 365 blocked)
	{"VERBOSE: test.Error  Exception calling \"Send\" with \"1\" argument(s): \"Failure sending mail.\"", TCPConnectFailed, SMTPSendFailed},
	// https://github.com/MicrosoftDocs/OfficeDocs-Exchange/pull/2707 (the thread: a Conditional Access policy blocks legacy authentication)
	{"I came across following error when trying to send an email via SMTP: \"5.7.57 Client not authenticated to send mail\"", AuthBasicDisabled, SMTPAuthRequired},
}

// TestBeyondText21 holds the nearest reading of the texts whose cause is beyond the text.
func TestBeyondText21(t *testing.T) { checkPinned(t, beyondText21) }

// TestLibraryErrorNames21: batch 21's misses were fixed by keying on Microsoft's stable names and codes,
// so their siblings from the same tables (not pasted in any thread we read) are named too. Sources:
// EWS ResponseCodeType / ews-managed-api ServiceError (ErrorAccessDenied, ErrorServerBusy,
// ErrorMailboxStoreUnavailable, ErrorMailboxMoveInProgress, ErrorInternalServerTransientError,
// ErrorInvalidRecipients, ErrorMailRecipientNotFound, ErrorMessageSizeExceeded,
// ErrorMessageSubmissionBlocked), Exchange Online's NDR table (5.7.501-5.7.503 banned sender/spam
// abuse, 5.6.211 invalid MIME content, 4.5.3 too many recipients), the Office 365 NDR template
// ("<user> wasn't found at <domain>", "Unknown To address"), Postfix smtp_sasl_proxy.c
// (smtp_sasl_passwd_lookup), PowerShell Test-NetConnection (TcpTestSucceeded).
func TestLibraryErrorNames21(t *testing.T) {
	for _, tt := range []struct {
		text string
		want Code
	}{
		{`{"error":{"code":"ErrorServerBusy","message":"The server cannot service this request right now."}}`, ServerBusy},
		{"Microsoft.Exchange.WebServices.Data.ServiceResponseException: ErrorMailboxStoreUnavailable", ServerBusy},
		{"ErrorMailboxMoveInProgress", ServerBusy},
		{"ServiceResponseException: ErrorInternalServerTransientError", ServerBusy},
		{`{"error":{"code":"ErrorInvalidRecipients","message":"At least one recipient isn't valid."}}`, SMTPRecipientUnknown},
		{"ErrorMailRecipientNotFound", SMTPRecipientUnknown},
		{`{"error":{"code":"ErrorMessageSizeExceeded","message":"The message exceeds the maximum supported size."}}`, SMTPMessageTooLarge},
		{"ErrorMessageSubmissionBlocked", SMTPSendingBlocked},
		{`{"error":{"code":"ErrorAccessDenied","message":"Access is denied. Check credentials and try again."}}`, AuthOAuthAppPermission},
		{"550 5.7.503 Access denied, banned sender", SMTPSendingBlocked},
		{"550 5.7.502 Access denied, banned sender", SMTPSendingBlocked},
		{"554 5.6.211 Invalid MIME Content: Single text value size (40000) exceeded allowed maximum (32768) for the 'Subject' header.", SMTPLineTooLong},
		{"452 4.5.3 Too many recipients", SMTPSendingLimit},
		{"jane wasn't found at example.com.", SMTPRecipientUnknown},
		{"Unknown To address", SMTPRecipientUnknown},
		{"postfix/smtp[123]: smtp_sasl_passwd_lookup: no auth info found (sender=`', host=`smtp.gmail.com')", AuthCredentialsMissing},
		{"TcpTestSucceeded : False", TCPConnectFailed},
		{"WARNING: TCP connect to (52.98.65.2 : 25) failed", TCPConnectFailed},
		// the same tables' success lines name no failure
		{"TcpTestSucceeded : True", ""},
		{"The configuration file wasn't found at /etc/app.conf", ""},
	} {
		got := MatchText(tt.text)
		var first Code
		if len(got) > 0 {
			first = got[0].Code
		}
		if first != tt.want {
			t.Errorf("MatchText(%q) = %v, want %q", tt.text, got, tt.want)
		}
	}
}

// TestExchangeOnlineNDRTable: the codes and texts of Exchange Online's NDR table
// (MicrosoftDocs/OfficeDocs-Exchange, Exchange/ExchangeOnline/mail-flow-best-practices/
// non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online.md, read at
// 52e8b70f) that batch 21 did not paste, each as the table words it, read as the table's cause.
func TestExchangeOnlineNDRTable(t *testing.T) {
	checkNamed(t, []named{
		{"550 5.1.8 Access denied, bad outbound sender", SMTPSendingBlocked},
		{"550 5.7.705 Access denied, tenant has exceeded threshold", SMTPSendingBlocked},
		{"550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains", SMTPSendingBlocked},
		{"554 5.2.2 Submission quota exceeded", SMTPSendingLimit},
		{"554 5.2.121 The sender has exceeded the limit for the number of messages they can send to this recipient per hour.", SMTPSendingLimit},
		{"452 4.5.3 Too many recipients", SMTPSendingLimit},
		{"550 5.7.504 [email@contoso.com]: Recipient address rejected: Access denied", SMTPRecipientUnknown},
		{"550 5.7.505 Access denied, banned recipient", SMTPRecipientUnknown},
		{"550 5.7.506 Access Denied, Bad HELO", SMTPHELORejected},
		{"550 5.7.507 Access denied, rejected by recipient", SMTPIPBlocked},
		{"550 5.7.513 Service unavailable, Client host [192.0.2.1] blocked by contoso.com using Customer Block list (AS16012607)", SMTPIPBlocked},
		{"550 5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant", SMTPSenderInvalid},
		{"451 4.4.316 Connection refused [Message=Socket error code 10061]", TCPRefused},
		{"550 5.7.606 Access denied, banned sending IP [192.0.2.1]", SMTPIPBlocked},
		{"550 5.7.509 Access denied, sending domain [contoso.com] does not pass DMARC verification", SMTPSPFDMARCRejected},
		{"550 5.7.25 Access denied, the sending IPv6 address [2a01:111:f200:2004::240] must have a reverse DNS record", SMTPNoReverseDNS},
	})
}
