package findings

import "testing"

// unseenBatch19 is a batch of real error texts from the newest threads (2025 and 2026) of mail-sending
// apps, libraries and self-hosted mail stacks: Ghost, Mautic, Keycloak-era Jakarta Mail, listmonk-era
// Go clients, imapflow, n8n, paperless-ngx, Vaultwarden-era rustls, Python 3.13's strict X.509 checks,
// mox, Stalwart, Mailu, docker-postfixrelay, Purelymail and Forward Email, and the 2025 Microsoft and
// Gmail sender rules (5.7.515, 4.7.28). None was in the corpus before (texts other helpers had already
// gathered from the same threads were dropped before scoring). Texts as posted; the code is the cause
// the thread established, or the one the reply code and wording state when it did not go further.
// First sight: 28 of 40 right (70.0 %), 7 of 9 benign lines clean (two mox log lines read as a close and
// as TLS required); per family (clientFamily): go 0/1, outlook 1/1, php 2/2, python 6/7, server-smtp 9/12,
// other 10/17. After the fixes by class (TestLibraryErrorNames19) 39 of 39 and 9 of 9; the one text whose
// cause is not in it moved to beyondText19. At the merge with main, Purelymail's rate-limit sentence (also
// gathered, shorter, for batch 14d) and listmonk's "campaign finished" line (also in batch 11b's benign
// lines) were dropped: 38 texts and 8 benign lines remain.
var unseenBatch19 = []corpusCase{
	// https://github.com/mustang-im/mustang/issues/1345 (2026: Outlook.com refuses a Stalwart relay's mail on DMARC)
	{"(host '[outlook-com.olc.protection.outlook.com](http://outlook-com.olc.protection.outlook.com/)' rejected command 'BDAT 1738 LAST' with code 550 (5.7.255) 'Access denied, sending domain [domain] does not pass DMARC verification and has a DMARC policy of reject.", SMTPSPFDMARCRejected, "", ""},
	// https://github.com/bulwarkmail/webmail/issues/933 (2026: Stalwart's JMAP deliveryStatus for a local address that does not exist)
	{"\"smtpReply\": \"550 5.1.2 Mailbox does not exist.\",", SMTPRecipientUnknown, "", ""},
	// https://github.com/TryGhost/Ghost/issues/24100 (2025: Ghost fell back to a noreply From the server does not let the account use)
	{"\"msg\": \"Failed to send email. Reason: Mail command failed: 550 5.7.0 From address is not one of your addresses.\",", SMTPSenderMismatch, "", ""},
	// https://github.com/mjl-/mox/issues/365 (2025: STARTTLS refused by the next hop)
	{"l=error m=\"permanent failure delivering from queue\" err=\"tls error: STARTTLS: got 502, expected 220, permanent: 502 5.5.1 Error: command not implemented\" pkg=queue cid=... from=***@example.com attempts=1 permanent=true code=502 secode=5.1 msgid=38 recipient=***@gmail.com", TLSSTARTTLSUnavailable, "", ""},
	// https://github.com/sisimai/go-sisimai/issues/150 (2025: Outlook.com's high-volume sender rule)
	{"Diagnostic-Code: smtp; 550 5.7.515 Access denied, sending domain EXAMPLE.JP\n    doesn't meet the required authentication level. The sender's domain in the\n    5322.From address doesn't meet the authentication requirements defined for\n    the sender. To learn how to fix this see:\n    https://go.microsoft.com/fwlink/p/?linkid=2319303 Spf= Fail , Dkim= Pass ,\n    DMARC= Pass ...", SMTPSPFDMARCRejected, "", ""},
	// https://github.com/Mailu/Mailu/issues/3707 (2025: smtplib against Mailu 2024.06)
	{"(535, b'5.7.8 Authentication failed')", AuthFailed, "", ""},
	// https://github.com/stalwartlabs/stalwart/issues/1064 (2025: c-client's mailsync rejects Stalwart's empty AUTHENTICATE challenge)
	{"Error: IMAP SERVER BUG (invalid challenge): “”\nError: Can not authenticate to IMAP server: [CLOSED] IMAP connection broken (server response)", ServerProtocolError, "", ""},
	// https://github.com/mautic/mautic/issues/14584 (2025: the DSN still pointed at localhost:25, where nothing listens)
	{"messenger.CRITICAL: Error thrown while handling message Symfony\\Component\\Mailer\\Messenger\\SendEmailMessage. Removing from transport after 3 retries. Error: \"Handling \"Symfony\\Component\\Mailer\\Messenger\\SendEmailMessage\" failed: Connection could not be established with host \"localhost:25\": stream_socket_client(): Unable to connect to localhost:25 (Connection refused)\"", TCPRefused, "", ""},
	// https://github.com/freescout-help-desk/freescout/issues/4930 (2025: Office 365)
	{"Office365 returns the error 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.", AuthFailed, "", ""},
	// https://github.com/paperless-ngx/paperless-ngx/issues/9825 (2025: Gmail)
	{"webserver-1  | [2025-04-29 07:28:00,019] [ERROR] [paperless_mail] Error while authenticating account 2025-04-29T07:27:58.984940: [AUTHENTICATIONFAILED] Invalid credentials (Failure)", AuthFailed, "", ""},
	// https://github.com/postalsys/imapflow/issues/314 (2025: Exchange Online accepts the XOAUTH2 token, then refuses the
	// session; first labelled oauth-wrong-user, relabelled after scoring: mail libraries that handle this reply document it
	// as IMAP not enabled for the mailbox, e.g. FairEmail's and Go/Python tools' comments; a miss under either label)
	{"Unable to connect: User is authenticated but not connected.", AuthServiceDisabled, "", ""},
	// https://github.com/QingJ01/Pebble/issues/27 (2026: rustls built without tls12 against a TLS 1.2-only server)
	{"TLS handshake with imap.XXXX failed: received fatal alert: ProtocolVersion", TLSVersionTooOld, "", ""},
	// https://github.com/NousResearch/hermes-agent/pull/68363 (2026: Python 3.13's VERIFY_X509_STRICT against smtp.163.com's chain)
	{"ERROR hermes_plugins.email_platform.adapter: [Email] SMTP connection failed:\n[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed:\nBasic Constraints of CA cert not marked critical (_ssl.c:1032)", TLSCertUntrusted, "", ""},
	// https://github.com/avihaymenahem/velo/issues/148 (2026: Proton Mail Bridge's self-signed certificate)
	{"TLS upgrade after STARTTLS failed: error:0A000086:SSL routines:tls_post_process_server_certificate:certificate verify failed:ssl/statem/statem_clnt.c:2123: (self-signed certificate)", TLSCertUntrusted, "", ""},
	// https://github.com/Purelymail/purelymail-issues/issues/354 (2025: Gmail rate-limits a sending domain for unsolicited mail)
	{"_REDACTED_ (Rerouted) at remote mailserver gmail-smtp-in.l.google.com. (142.250.31.27): SMTPSendFailedException: 421-4.7.28 Gmail has detected an unusual rate of mail originating from your SPF\n421-4.7.28 domain [_REDACTED_]. To protect our users from\n421-4.7.28 spam, mail sent from your domain has been temporarily rate limited.\n421-4.7.28 For more information, go to\n421-4.7.28  https://support.google.com/mail/?p=UnsolicitedRateLimitError to\n421 4.7.28 review our Bulk Email Senders Guidelines. _REDACTED_ - gsmtp\n (421)", SMTPSpamRejected, "", ""},
	// https://github.com/KumoCorp/kumomta/pull/376 (2025: Yahoo's deferral for the sending IP, confirmed by Yahoo to be treated as TSS04)
	{"421 4.7.0 [TSS05] Messages from a.b.c.d temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes", SMTPIPBlocked, "", ""},
	// https://github.com/forwardemail/forwardemail.net/issues/553 (2026)
	{"Message failed: 450 4.2.1 Message was greylisted, try again in 51 seconds; see https://forwardemail.net/faq#do-you-have-a-greylist for more information", SMTPGreylisted, "", ""},
	// https://github.com/forwardemail/forwardemail.net/issues/547 (2026: the provider's own back end timed out)
	{"421 Promise timed out after 15000 milliseconds", ServerBusy, "", ""},
	// https://github.com/forwardemail/forwardemail.net/issues/547 (2026)
	{"421 Message delivered to xxxx; Message delivery was temporarily interrupted, please try again later.", ServerBusy, "", ""},
	// https://github.com/loganmarchione/docker-postfixrelay/issues/59 (2025: implicit TLS against a STARTTLS/plain relay port)
	{"postfixrelay-1  | Feb 14 15:24:13 183ccece54a3 postfix/smtp[459]: warning: TLS library problem: error:0A00010B:SSL routines::wrong version number:ssl/record/methods/tlsany_meth.c:80:", PortExpectsSTARTTLS, "", ""},
	// https://github.com/n8n-io/n8n/issues/19690 (2025: the IMAP server dropped the idle connection)
	{"Imap connection closed unexpectedly", ServerClosed, "", ""},
	// https://github.com/freescout-help-desk/freescout/issues/4976 (2025)
	{"Expected response code 250 but got code \"552\", with message \"552 5.3.4 Error: message file too big \"", SMTPMessageTooLarge, "", ""},
	// https://github.com/axllent/mailpit/issues/596 (2025: the relay sent MAIL FROM to Gmail without logging in)
	{"time=\"2025/12/21 00:52:05\" level=error msg=\"[relay] error: error sending MAIL command: 530 5.7.0 Authentication Required. For more information, go to\\n5.7.0 https://support.google.com/accounts/troubleshooter/2402620. d9443c01a7336-2a2f3c65d66sm50829075ad.20 - gsmtp\"", SMTPAuthRequired, "", ""},
	// https://github.com/frappe/frappe/issues/38806 (2026: Frappe's SMTP session never authenticated against Brevo)
	{"smtplib.SMTPSenderRefused: (502, b'5.7.0 Please authenticate first', 'Xx xxx <xx@xxx.com>')", SMTPAuthRequired, "", ""},
	// https://github.com/cole/aiosmtplib/issues/316 (2025: the connection to smtp.resend.com was closed right after it opened)
	{"aiosmtplib.errors.SMTPConnectError: Error connecting to smtp.resend.com on port 587: Unexpected EOF received", ServerClosed, "", ""},
	// https://github.com/cole/aiosmtplib/issues/316 (2025: port 465 of the same service, reset during the TLS handshake)
	{"  File \"uvloop/sslproto.pyx\", line 517, in uvloop.loop.SSLProtocol._on_handshake_complete\nConnectionResetError\n\naiosmtplib.errors.SMTPConnectError: Error connecting to smtp.resend.com on port 465", TCPReset, "", ""},
	// https://github.com/directus/directus/issues/25859 (2025: binary garbage ahead of the server's 250 line)
	{"\"message\": \"Mail command failed: \\u0000\\u0000\\u0000\\u0018\\u0000\\u0000\\u0000\\b\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000250 OK\",", ServerProtocolError, "", ""},
	// https://github.com/roundcube/roundcubemail/issues/9872 (2025)
	{"SMTP send:  NOT OK(Connection failed: (Code: -1))", TCPConnectFailed, "", ""},
	// https://github.com/danielalves96/zublo/issues/11 (2026: a regular Gmail password instead of an app password)
	{"Failed to send test email: GoError: 535 5.7.8 Username and Password not accepted. For more information, go to 5.7.8 https://support.google.com/mail/?p=BadCredentials ffacd0b85a97d-45d9ec344536t8f.12 - gsmtp.", AuthFailed, "", ""},
	// https://github.com/nextcloud/mail/issues/11211 (2025: the renewed Entra ID client secret was not accepted)
	{"Client error: `POST https://login.microsoftonline.com/common/oauth2/v2.0/token` resulted in a `401 Unauthorized` response: {\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided. Ensure the secret being se (truncated...)", AuthOAuthFailed, "", ""},
	// https://github.com/freescout-help-desk/freescout/issues/5550 (2026)
	{"\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app....", AuthOAuthFailed, "", ""},
	// https://github.com/twentyhq/twenty/issues/18159 (2026: Google revoked the refresh token)
	{"[Nest] 34  - 02/17/2026, 10:12:00 PM   ERROR [GmailGetAllFoldersService] Connected account 84a2e98a-fa48-44ba-b36b-0b53b6ddbad7: Error fetching labels: invalid_grant", AuthOAuthFailed, "", ""},
	// https://github.com/kellylford/QuickMail/issues/511 (2026: the app registration's Exchange IMAP/SMTP permissions failed validation)
	{"AADSTS65006: clean-profile Microsoft sign-in fails on app registration's Exchange IMAP/SMTP permissions (blocks all new Microsoft onboarding)", AuthOAuthFailed, "", ""},
	// https://github.com/mustang-im/mustang/issues/350 (2025)
	{"2025-05-22T00:27:33.071Z IMAP connection to imap.gmail.com was closed by server, network or OS. Reconnecting...", ServerClosed, "", ""},
	// https://github.com/dlnraja/com.tuya.zigbee/issues/155 (2026: a test-mode OAuth app's refresh token lapses after 7 days)
	{"Gmail OAuth refresh token expired at 2026-03-05T11:14:44.106Z.", AuthOAuthFailed, "", ""},
	// https://github.com/home-assistant/core/issues/174821 (2026)
	{"ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for 'smtp.mailgun.com'. (_ssl.c:1081)", TLSCertHostnameMismatch, "", ""},
	// https://github.com/in2code-de/luxletter/issues/247 (2025: Exim's smtp_accept_max)
	{"421 Too many concurrent SMTP connections", ServerBusy, "", ""},
	// https://github.com/postalsys/imapflow/issues/302 (2025: the idle IMAP socket timed out)
	{"Error: Socket timeout\n    at TLSSocket._socketTimeout (/app/node_modules/imapflow/lib/imap-flow.js:789:29)\n    at TLSSocket.emit (node:events:524:28)\n    at Socket._onTimeout (node:net:595:8)", ServerResponseTimeout, "", ""},
}

// benignBatch19 are success and progress lines from the same threads: no error-level finding.
var benignBatch19 = []string{
	// https://github.com/mjl-/mox/issues/336 (the maintainer: this logging shows no error, the client just closed)
	"Apr 19 09:44:34 paperino mox[115418]: l=info m=\"connection closed\" err=\"read: EOF (io error)\" pkg=smtpserver cid=1964d5cfc29 delta=24.971577ms username=pippo@pippo.com",
	// https://github.com/mjl-/mox/issues/336
	"Apr 19 09:44:34 paperino mox[115418]: l=debug m=\"smtp command result\" pkg=smtpserver kind=submission cmd=auth code=235 ecode=2.7.0 duration=3.61436ms cid=1964d5cfc29 delta=29.378431ms username=pippo@pippo.com",
	// https://github.com/mjl-/mox/issues/365
	"l=debug m=\"starting tls client\" pkg=queue pkg=smtpclient tlsmode=requiredstarttls servername=gmail-smtp-in.l.google.com cid=... from=***@example.com attempts=1 cid=... remoteip=142.250.27.26 delta=\"12.045µs\"",
	// https://github.com/deltachat/deltachat-desktop/issues/5583
	"2025-10-20T12:54:30.738902+02:00 mail cyrus/imaps[107782]: login: dynamic-093-131-127-204.93.131.pool.telefonica.de [93.131.127.204] myaccount plaintext+TLS User logged in SESSIONID=<cyrus-1760957669-107782-1-6749782475891088824>",
	// https://github.com/deltachat/deltachat-desktop/issues/5583
	"2025-10-20T12:54:31.808115+02:00 mail cyrus/imaps[107782]: session ended: sessionid=<cyrus-1760957669-107782-1-6749782475891088824> userid=<myaccount> id.name=<Delta Chat> compress=<1> condstore=<1> ",
	// https://github.com/knadh/listmonk/issues/2503
	"2025/05/26 15:14:15.262143 init.go:620: initialized email (SMTP) messenger: xxxx@email-smtp.us-west-2.amazonaws.com",
	// https://github.com/paperless-ngx/paperless-ngx/issues/9739
	"[2025-04-21 20:02:50,377] [DEBUG] [paperless_mail] GMAIL Label Support: False",
	// https://github.com/paperless-ngx/paperless-ngx/issues/9739
	"[2025-04-21 20:02:50,378] [DEBUG] [paperless_mail] AUTH=PLAIN Support: True",
}

// beyondText19 are the batch's texts whose cause, as the thread established it, the text does not carry:
// lettre's "No compatible authentication mechanism was found" is the same whether the server offers no
// AUTH at all (mox on port 25, the thread's case) or only mechanisms lettre lacks. It counted as a miss
// on first sight and stays out of the corpus; nearest is what the matcher must keep giving.
var beyondText19 = []pinned{
	// https://github.com/calagopus/panel/issues/96 (2026: mox on port 25 offers no AUTH)
	{"failed to send test email: internal client error: No compatible authentication mechanism was found", SMTPAuthNotOffered, AuthMechanismUnsupported},
}

// TestBeyondText19 holds the nearest reading of the texts whose cause is beyond the text.
func TestBeyondText19(t *testing.T) { checkPinned(t, beyondText19) }

// TestLibraryErrorNames19: batch 19's misses were fixed by class; these are their siblings from the same
// sources. Microsoft's authentication-policy codes (Exchange Online NDR table: 5.7.509 DMARC reject,
// 5.7.515 high-volume sender requirements) and Gmail's sender-requirement deferrals (support.google.com
// answer 3726730: 4.7.30 DKIM, 4.7.32 alignment, 4.7.40 no DMARC record); a STARTTLS answered 5xx or 454
// in the "STARTTLS: got N" form of Go clients (mox smtpclient); UW c-client's SASL challenge errors
// (imap4r1.c, pop3.c, smtp.c, nntp.c print "<PROTO> SERVER BUG (invalid challenge)"); Entra ID AADSTS
// numbers without a rule of their own (the named ones keep theirs); a refresh token that expired or was
// revoked (google-auth RefreshError, Microsoft AADSTS700082 when it says so) needs a new consent, not a
// fresh access token; Exchange Online's
// 5.7.139 variants (a wrong password is not basic auth being off); an idle socket timeout (Node's
// socket.setTimeout, imapflow) against a connect timeout; a logfmt record at info/debug level is not a
// failure for the keyword families, an error-level one still is.
func TestLibraryErrorNames19(t *testing.T) {
	checkNamed(t, []named{
		{"550 5.7.509 Access denied, sending domain example.org does not pass DMARC verification and has a DMARC policy of reject.", SMTPSPFDMARCRejected},
		{"550 5.7.515 Access denied, sending domain example.org doesn't meet the required authentication level.", SMTPSPFDMARCRejected},
		{"421 4.7.40 example.org has no DMARC record", SMTPSPFDMARCRejected},
		{"421 4.7.30 message not DKIM authenticated", SMTPSPFDMARCRejected},
		{"tls error: STARTTLS: got 454, expected 220, transient: 454 4.7.0 TLS not available due to local problem", TLSSTARTTLSUnavailable},
		{"STARTTLS failed: 502 5.5.1 Unrecognized command", TLSSTARTTLSUnavailable},
		{"POP3 SERVER BUG (invalid challenge): =", ServerProtocolError},
		{"SMTP SERVER BUG (invalid challenge): UGFzc3dvcmQ", ServerProtocolError},
		{"AADSTS53003: Access has been blocked by Conditional Access policies.", AuthOAuthFailed},
		{"AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication.", AuthOAuthFailed},
		{"AADSTS50126: Error validating credentials due to invalid username or password.", AuthFailed},
		{"AADSTS50034: The user account does not exist in the directory.", AuthUserUnknown},
		{"google.auth.exceptions.RefreshError: ('invalid_grant: Token has been expired or revoked.', {'error': 'invalid_grant'})", AuthOAuthFailed},
		{"the refresh token has expired due to inactivity", AuthOAuthFailed},
		{"AADSTS700082: The refresh token has expired due to inactivity.", AuthOAuthFailed},
		{"535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.", AuthFailed},
		{"535 5.7.139 Authentication unsuccessful, basic authentication is disabled.", AuthBasicDisabled},
		{"Error: Socket timeout", ServerResponseTimeout},
		{"Error: socket timeout while connecting to smtp.example.org", TCPTimeout},
		{"Sending rate limit exceeded for this account, please slow down", SMTPSendingLimit},
		{"level=info msg=\"connection closed\" remote=192.0.2.1", ""},
		{"l=debug m=\"starting tls client\" tlsmode=requiredstarttls", ""},
		{"level=error msg=\"connection closed unexpectedly\"", ServerClosed},
		{"\"response\": \"\\u0000\\u0000250 OK\"", ServerProtocolError},
	})
}
