package findings

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// corpusCase is one real error text: a reply from a real server or a message from a real client
// library or mail app, with the code it must produce.
type corpusCase struct {
	text  string
	want  Code
	proto string // with phase: also checked through MatchReply (server replies only)
	phase string // "" = MatchText only
}

// Sources are cited per entry. "providers.md X" is the row of /work/shared/reference/providers.md
// §2 (which names its own sources: GitHub threads, RFCs, public code); library sources are the
// projects' own source files or message tables.
//
// Codes no text can show, so absent here by design: auth.plaintext-offered (the engine observes
// AUTH or USER offered before TLS; no server says so in words), tls.starttls-injection (bytes seen
// on the wire after "220 Ready to start TLS"), tcp.port25-blocked and net.mail-ports-blocked
// (concluded by comparing the timeouts of several ports), tls.starttls-stripped (EHLO compared
// across ports/networks), tls.cert-expires-soon (read from the certificate's dates),
// tls.verification-skipped, auth.not-attempted, probe.canceled, imap.preauth-plaintext,
// imap.login-disabled and smtp.port25-submission (states of mailcheck's own run), and dns.no-mx
// (a DNS answer, not a message).
var corpus = []corpusCase{
	// ===== SMTP: TLS and port mode (providers.md 2.1) =====
	// providers.md T1; RFC 3207 4; Gmail reply quoted in a reply-parser test (code search)
	{"530 5.7.0 Must issue a STARTTLS command first", TLSRequired, "smtp", "auth"},
	// providers.md T1 (Gmail multi-line form, mx.google.com)
	{"530-5.7.0 Must issue a STARTTLS command first. For more information, go to\n530 5.7.0  https://support.google.com/a/answer/3221692 x1-20020a05.123 - gsmtp", TLSRequired, "smtp", "mail"},
	// providers.md T1: short form without enhanced code (Exim, older Postfix)
	{"530 Must issue a STARTTLS command first", TLSRequired, "smtp", "mail"},
	// providers.md T1: "538 ... Encryption required" (RFC 4954 6)
	{"538 5.7.11 Encryption required for requested authentication mechanism", TLSRequired, "smtp", "auth"},
	// providers.md T2: QQ SMTP without TLS (S21, sic "requiered")
	{"530 Error: A secure connection is requiered(such as ssl). More information at http://service.mail.qq.com/cgi-bin/help?id=28", TLSRequired, "smtp", "auth"},
	// providers.md T2 / P9: QQ POP3 on 110
	{"-ERR Login fail. A secure connection is requiered(such as ssl). More information at http://service.mail.qq.com/cgi-bin/help?id=28", TLSRequired, "pop3", "pass"},
	// Microsoft Exchange Online: STARTTLS required before MAIL (Microsoft NDR docs)
	{"451 5.7.3 STARTTLS is required to send mail [BN8NAM11FT066.eop-nam11.prod.protection.outlook.com]", TLSRequired, "smtp", "mail"},
	// providers.md T3: Postfix without a usable certificate (sous-chefs/postfix#145)
	{"454 4.7.0 TLS not available due to local problem", TLSSTARTTLSUnavailable, "smtp", "starttls"},
	// providers.md T3: short form (swiftmailer#574)
	{"454 TLS not available", TLSSTARTTLSUnavailable, "smtp", "starttls"},
	// providers.md T4: Go crypto/tls on a plaintext port (emersion/go-imap#368)
	{"tls: first record does not look like a TLS handshake", PortExpectsSTARTTLS, "", ""},
	// providers.md T4: OpenSSL via Node/nodemailer on 587 with secure:true (nodemailer#1154)
	{"Error: 140215282849600:error:1408F10B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:332:", PortExpectsSTARTTLS, "", ""},
	// OpenSSL 3 wording of the same (Node 18+, code ERR_SSL_WRONG_VERSION_NUMBER)
	{"Error: C0B7A1E3E37F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:355:", PortExpectsSTARTTLS, "", ""},
	// providers.md T4: CPython ssl module (smtplib.SMTP_SSL on 587)
	{"ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1129)", PortExpectsSTARTTLS, "", ""},
	// Java JSSE: SSL socket opened on a plaintext port (javax.net.ssl)
	{"javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?", PortExpectsSTARTTLS, "", ""},
	// MailKit SslHandshakeException help text for port 587 (MailKit source, SslHandshakeException.Create)
	{"When connecting to an SMTP service, port 587 is typically reserved for plain-text connections. If you intended to connect to SMTP on port 587, try connecting with the SecureSocketOptions.StartTls option instead.", PortExpectsSTARTTLS, "", ""},
	// providers.md T5: nodemailer greeting timeout (lib/smtp-connection, ETIMEDOUT, command CONN)
	{"Error: Greeting never received", ServerGreetingTimeout, "", ""},
	// JavaMail on 465 without SSL: server closes, JavaMail reports [EOF] (SMTPTransport.openServer)
	{"javax.mail.MessagingException: Got bad greeting from SMTP host: smtp.163.com, port: 465, response: [EOF]", PortExpectsTLS, "", ""},
	// MailKit SslHandshakeException help text for ports 465/993/995
	{"If you intended to connect to IMAP on port 993, try connecting with the SecureSocketOptions.SslOnConnect option instead.", PortExpectsTLS, "", ""},
	// providers.md T6: Office 365 (S23)
	{"421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls.", TLSVersionTooOld, "smtp", "starttls"},
	// providers.md T7: Go crypto/tls against a TLS 1.0-only server (handshake_client.go)
	{"tls: server selected unsupported protocol version 301", TLSVersionTooOld, "", ""},
	// providers.md T7: Go, alert from the peer
	{"remote error: tls: protocol version not supported", TLSVersionTooOld, "", ""},
	// CPython ssl against a TLS 1.0 server (OpenSSL UNSUPPORTED_PROTOCOL)
	{"ssl.SSLError: [SSL: UNSUPPORTED_PROTOCOL] unsupported protocol (_ssl.c:1123)", TLSVersionTooOld, "", ""},
	// CPython ssl: server rejects the client's TLS version
	{"ssl.SSLError: [SSL: TLSV1_ALERT_PROTOCOL_VERSION] tlsv1 alert protocol version (_ssl.c:1129)", TLSVersionTooOld, "", ""},
	// Java JSSE with TLS 1.0/1.1 disabled (java.security jdk.tls.disabledAlgorithms)
	{"javax.net.ssl.SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are inappropriate)", TLSVersionTooOld, "", ""},
	// providers.md T9: Go net/smtp PlainAuth refuses (auth.go)
	{"unencrypted connection", AuthPlaintextRefused, "", ""},
	// providers.md T11: Go net/smtp (smtp.go Client.Auth)
	{"smtp: server doesn't support AUTH", SMTPAuthNotOffered, "", ""},
	// CPython smtplib.SMTP.login without AUTH in EHLO
	{"smtplib.SMTPNotSupportedError: SMTP AUTH extension not supported by server.", SMTPAuthNotOffered, "", ""},
	// CPython smtplib.SMTP.starttls without STARTTLS in EHLO
	{"smtplib.SMTPNotSupportedError: STARTTLS extension not supported by server.", TLSSTARTTLSUnavailable, "", ""},
	// JavaMail with mail.smtp.starttls.required=true (SMTPTransport)
	{"javax.mail.MessagingException: STARTTLS is required but host does not support STARTTLS", TLSSTARTTLSUnavailable, "", ""},
	// Postfix with smtpd_sasl_auth_enable=no
	{"503 5.5.1 Error: authentication not enabled", SMTPAuthNotOffered, "smtp", "auth"},
	// Exim: AUTH sent when not advertised
	{"503 AUTH command used when not advertised", SMTPAuthNotOffered, "smtp", "auth"},

	// ===== SMTP: authentication (providers.md 2.2) =====
	// providers.md A1: Gmail (nodemailer#1167)
	{"535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials d2-20020a170902.12 - gsmtp", AuthFailed, "smtp", "auth"},
	// providers.md A2: Gmail (nodemailer#1116)
	{"534-5.7.9 Application-specific password required. Learn more at\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor o13-20020a05.45 - gsmtp", AuthAppPasswordRequired, "smtp", "auth"},
	// providers.md A3: Gmail (several apps' error maps)
	{"534-5.7.14 <https://accounts.google.com/signin/continue?sarp=1&scc=1&plt=AKgnsbt> Please log in via your web browser and\n534-5.7.14 then try again.\n534-5.7.14  Learn more at\n534 5.7.14  https://support.google.com/mail/answer/78754 t5sm1234 - gsmtp", AuthWebLoginRequired, "smtp", "auth"},
	// providers.md A4: Gmail (nodemailer#1388)
	{"454 4.7.0 Too many login attempts, please try again later. t6sm1234 - gsmtp", AuthRateLimited, "smtp", "auth"},
	// providers.md A5: Office 365 tenant switch (nodemailer#1484)
	{"535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [SN4PR0501CA0054.namprd05.prod.outlook.com]", AuthSMTPAuthDisabled, "smtp", "auth"},
	// providers.md A5: the per-mailbox variant (simonrob/email-oauth2-proxy#193)
	{"535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.", AuthSMTPAuthDisabled, "smtp", "auth"},
	// providers.md A6: Outlook.com / M365 basic auth off (nodemailer#1714)
	{"535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [BL1PR13CA0123.namprd13.prod.outlook.com]", AuthBasicDisabled, "smtp", "auth"},
	// providers.md A6: MC786329 (S9)
	{"550 5.7.30 Basic authentication is not supported for Client Submission.", AuthBasicDisabled, "smtp", "auth"},
	// Office 365: security defaults / Conditional Access (MailKit#1072 and many forum posts)
	{"535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.", AuthBasicDisabled, "smtp", "auth"},
	// providers.md A7: Exchange / Office 365 (MailKit#700)
	{"535 5.7.3 Authentication unsuccessful [SN4PR0601CA0012.namprd06.prod.outlook.com]", AuthFailed, "smtp", "auth"},
	// providers.md A8: Office 365 (magento-2-smtp#268)
	{"530 5.7.57 Client not authenticated to send mail. [DM6PR02CA0046.namprd02.prod.outlook.com]", SMTPAuthRequired, "smtp", "mail"},
	// providers.md A8: older wording (simonrob#315)
	{"530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM", SMTPAuthRequired, "smtp", "mail"},
	// providers.md A9: Exchange (code search)
	{"504 5.7.4 Unrecognized authentication type", AuthMechanismUnsupported, "smtp", "auth"},
	// providers.md A10: QQ (S21, many repos)
	{"535 Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256", AuthAuthorizationCodeRequired, "smtp", "auth"},
	// providers.md A11: QQ catch-all (chengazhen/cursor-auto-free#294)
	{"535 Login fail. Account is abnormal, service is not open, password is incorrect, login frequency limited, or system is busy. More information at https://help.mail.qq.com/detail/108/1023", AuthServiceDisabled, "smtp", "auth"},
	// providers.md A12: Tencent Exmail secure login (S6)
	{"535 Error: Login fail. Please using weixin token", AuthAuthorizationCodeRequired, "smtp", "auth"},
	// providers.md A13: NetEase (163 SMTP walkthroughs)
	{"535 Error: authentication failed", AuthFailed, "smtp", "auth"},
	// providers.md A14: NetEase, service not enabled (Java/Spring notes)
	{"550 User has no permission", AuthServiceDisabled, "smtp", "auth"},
	// providers.md A15: NetEase MAIL without AUTH (S17)
	{"553 authentication is required,163 smtp3,DdGowACn8aRlYk5kEGkVAA--.23456S2 1699999999", SMTPAuthRequired, "smtp", "mail"},
	// providers.md A16: Coremail (S22)
	{"535 ERR.LOGIN.PASSERR", AuthFailed, "smtp", "auth"},
	// providers.md A16: Coremail, code required (S22)
	{"535 ERR.LOGIN.REQCODE", AuthAuthorizationCodeRequired, "smtp", "auth"},
	// providers.md A17 (S22)
	{"-ERR ERR.LOGIN.IPDENY", AuthIPDenied, "pop3", "pass"},
	// providers.md A18 (S22)
	{"NO LOGIN ERR.LOGIN.DOMAINNOTEXIST", AuthWrongServer, "imap", "auth"},
	// providers.md A18 (S22)
	{"535 ERR.LOGIN.USERNOTEXIST", AuthUserUnknown, "smtp", "auth"},
	// providers.md 1.16 Coremail codes (S22)
	{"-ERR ERR.LOGIN.DOMAINEXPED", AuthSubscriptionExpired, "pop3", "pass"},
	// providers.md 1.16 Coremail codes (S22)
	{"460 ERR.LOGIN.SYSTEMBUSY", ServerBusy, "smtp", "auth"},
	// providers.md A19: Yahoo (nodemailer#1112)
	{"535 5.7.0 (#AUTH005) Too many bad auth attempts.", AuthAppPasswordRequired, "smtp", "auth"},
	// providers.md A20: NetEase (S17)
	{"451 Requested mail action not taken: too much fail authentication", AuthRateLimited, "smtp", "auth"},
	// providers.md A20: NetEase (S17)
	{"554 IP is rejected, smtp auth error limit exceed", AuthRateLimited, "smtp", "auth"},
	// Yandex: IMAP/app passwords not enabled (several public client error maps)
	{"535 5.7.8 Error: authentication failed: This user does not have access rights to this service", AuthServiceDisabled, "smtp", "auth"},
	// Mail.ru: external-application password required (public project README)
	{"535 5.7.0 NEOBHODIM parol prilozheniya https://help.mail.ru/mail/security/protection/external / Application password is REQUIRED", AuthAppPasswordRequired, "smtp", "auth"},
	// Dovecot submission / Postfix SASL: wrong password
	{"535 5.7.8 Error: authentication failed: authentication failure", AuthFailed, "smtp", "auth"},
	// Dovecot/Postfix SASL backend down: temporary, not a wrong password
	{"454 4.7.0 Temporary authentication failure", ServerBusy, "smtp", "auth"},
	// Outlook.com POP3 wrong password
	{"-ERR authorization failed  Check your server settings.", AuthFailed, "pop3", "pass"},
	// Amazon SES sandbox: sender identity not verified (SES SMTP reply)
	{"554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: alice@example.com", SMTPSenderMismatch, "smtp", "data"},
	// Exim: wrong password
	{"535 Incorrect authentication data", AuthFailed, "smtp", "auth"},
	// Aliyun enterprise SMTP (Alibaba Mail error list, brandomproductions.com page)
	{"526 Authentication failure[0]", AuthFailed, "smtp", "auth"},
	// Aliyun enterprise SMTP: repeated failures (same list)
	{"526 Authentication failure[1]", AuthRateLimited, "smtp", "auth"},
	// Aliyun enterprise SMTP: empty credentials (same list)
	{"524 username or passwd is NULL", AuthCredentialsMissing, "smtp", "auth"},
	// Aliyun enterprise: third-party client blocked (same list, AuthAccount codes)
	{"UC_LOGIN_SOURCE_NOT_ALLOWED", AuthServiceDisabled, "", ""},
	// Aliyun enterprise: standard protocol on a non-SSL port (same list)
	{"UC_CLIENT_NON_SSL", TLSRequired, "", ""},
	// Gmail XOAUTH2 failure: base64 of {"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}
	{"334 eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==", AuthOAuthFailed, "smtp", "auth"},
	// RFC 4954 4.7.12 (password transition)
	{"432 4.7.12 A password transition is needed", AuthPasswordExpired, "smtp", "auth"},
	// RFC 5248 registry 5.7.13
	{"525 5.7.13 User Account Disabled", AuthAccountLocked, "smtp", "auth"},
	// Coremail (blog.sina.com.cn Coremail reply list)
	{"550 user is locked", AuthAccountLocked, "smtp", "auth"},
	// RFC 4954 534 5.7.9 (generic server, mechanism too weak)
	{"534 5.7.9 Authentication mechanism is too weak", AuthMechanismUnsupported, "smtp", "auth"},

	// ===== SMTP: sender, relay, content, rate (providers.md 2.3) =====
	// providers.md M1: NetEase (Jenkins/Spring notes)
	{"553 Mail from must equal authorized user", SMTPSenderMismatch, "smtp", "mail"},
	// providers.md M2: QQ
	{"501 mail from address must be same as authorization user", SMTPSenderMismatch, "smtp", "mail"},
	// providers.md M3: Office 365 (swiftmailer#1030)
	{"550 5.7.60 SMTP; Client does not have permissions to send as this sender", SMTPSenderMismatch, "smtp", "mail"},
	// providers.md M3: Office 365 (gophish#1600)
	{"554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message.", SMTPSenderMismatch, "smtp", "data"},
	// providers.md M4: NetEase (S17)
	{"554 DT:SUM envelope sender is not match header sender", SMTPSenderMismatch, "smtp", "data"},
	// Postfix reject_sender_login_mismatch
	{"553 5.7.1 <boss@example.com>: Sender address rejected: not owned by user alice@example.com", SMTPSenderMismatch, "smtp", "mail"},
	// Aliyun enterprise (brandomproductions.com list)
	{"440 mail from account doesn't conform with authentication", SMTPSenderMismatch, "smtp", "mail"},
	// providers.md M5: NetEase spam (public Spring Boot notes, code search)
	{"554 DT:SPM 163 smtp8,DMCowACHEMvH1adakFYxKA--.26575S3 1520948680,please see http://mail.163.com/help/help_spam_16.htm?ip=120.194.143.76&hostid=smtp8&time=1520948680", SMTPSpamRejected, "smtp", "data"},
	// providers.md M5: temporary form
	{"451 DT:SPM 163 smtp10,DsCowADnLCYUXxleA5NlLg--.58715S3 1578721044, please try again", SMTPSpamRejected, "smtp", "data"},
	// providers.md M6: NetEase daily quota (S17)
	{"554 MI:STC 163 smtp5,D9GowACHO7RNWNdXmXs1Bw--.9035S2 1473730639", SMTPSendingLimit, "smtp", "mail"},
	// providers.md M7: NetEase IP throttling (S17)
	{"421 HL:ICC 163 smtp3,DdGowADX3_zSdTdZ2A1DAA--.4201S0 1496839634,please see http://mail.163.com/help/help_spam_16.htm?ip=1.2.3.4", ServerBusy, "smtp", "greeting"},
	// NetEase: IP not allowed (163ns.com.cn reply table)
	{"554 HL:IPB 163 mx14,ymCowEDpl0p8gS4x4IAeF1BQ--.14851S2 1496839634", SMTPIPBlocked, "smtp", "greeting"},
	// providers.md M8: Postfix (nodemailer#1480)
	{"554 5.7.1 <someone@example.org>: Relay access denied", SMTPRelayDenied, "smtp", "rcpt"},
	// providers.md M8: Sendmail
	{"550 5.7.1 <someone@example.org>... Relaying denied", SMTPRelayDenied, "smtp", "rcpt"},
	// providers.md M8: Exchange (MailKit#873)
	{"550 5.7.1 Unable to relay", SMTPRelayDenied, "smtp", "rcpt"},
	// Exchange Online: non-accepted domain
	{"550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain", SMTPRelayDenied, "smtp", "rcpt"},
	// cPanel Exim: relay without authentication
	{"550 Please turn on SMTP Authentication in your mail client. 203.0.113.5 is not permitted to relay through this server without authentication.", SMTPRelayDenied, "smtp", "rcpt"},
	// providers.md M9: generic 421 (RFC 5321 3.8)
	{"421 Service not available, closing transmission channel", ServerBusy, "smtp", "greeting"},
	// providers.md M9: Gmail
	{"421-4.7.0 Try again later, closing connection. (EHLO) a1-20020a05.123 - gsmtp", ServerBusy, "smtp", "ehlo"},
	// Postfix: per-client connection limit
	{"421 4.7.0 mail.example.com Error: too many connections from 203.0.113.5", ServerBusy, "smtp", "greeting"},
	// Gmail: over the daily limit (support.google.com/a/answer/166852)
	{"550-5.4.5 Daily user sending limit exceeded. For more information on Gmail\n550-5.4.5 sending limits go to\n550 5.4.5  https://support.google.com/a/answer/166852 a1si123 - gsmtp", SMTPSendingLimit, "smtp", "mail"},
	// Gmail: message size
	{"552-5.2.3 Your message exceeded Google's message size limits. Please visit\n552 5.2.3  https://support.google.com/mail/?p=MaxSizeError a1si123 - gsmtp", SMTPMessageTooLarge, "smtp", "data"},
	// Postfix message_size_limit
	{"552 5.3.4 Message size exceeds fixed limit", SMTPMessageTooLarge, "smtp", "data"},
	// Gmail: recipient does not exist
	{"550-5.1.1 The email account that you tried to reach does not exist. Please try\n550-5.1.1 double-checking the recipient's email address for typos or\n550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a1si123 - gsmtp", SMTPRecipientUnknown, "smtp", "rcpt"},
	// Postfix virtual mailbox
	{"550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table", SMTPRecipientUnknown, "smtp", "rcpt"},
	// QQ MX: unknown mailbox
	{"550 Mailbox not found or access denied", SMTPRecipientUnknown, "smtp", "rcpt"},
	// RFC 5321 4.2.3 reply text for 552 (recipient storage)
	{"552 Requested mail action aborted: exceeded storage allocation", SMTPRecipientMailboxFull, "smtp", "rcpt"},
	// qmail-smtpd databytes limit
	{"552 sorry, that message size exceeds my databytes limit (#5.3.4)", SMTPMessageTooLarge, "smtp", "data"},
	// Gmail: recipient over quota
	{"552-5.2.2 The email account that you tried to reach is over quota. Please direct\n552 5.2.2  the recipient to https://support.google.com/mail/?p=OverQuotaPerm a1si123 - gsmtp", SMTPRecipientMailboxFull, "smtp", "rcpt"},
	// Postgrey (postgrey.schweikert.ch)
	{"450 4.2.0 <alice@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html", SMTPGreylisted, "smtp", "rcpt"},
	// Postfix + Spamhaus
	{"554 5.7.1 Service unavailable; Client host [203.0.113.5] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.113.5", SMTPIPBlocked, "smtp", "rcpt"},
	// Microsoft: banned IP (Exchange Online NDR reference)
	{"550 5.7.606 Access denied, banned sending IP [203.0.113.5]. To request removal from this list please visit https://sender.office.com/", SMTPIPBlocked, "smtp", "greeting"},
	// Microsoft: blocked IP range (Exchange Online NDR reference)
	{"550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.", SMTPIPBlocked, "smtp", "rcpt"},
	// Gmail DMARC/SPF
	{"550-5.7.26 This mail is unauthenticated, which poses a security risk to the\n550-5.7.26 sender and Gmail users, and has been blocked.\n550 5.7.26 https://support.google.com/mail/answer/81126#authentication a1si123 - gsmtp", SMTPSPFDMARCRejected, "smtp", "data"},
	// Microsoft: SPF (RFC 7372 code 5.7.23)
	{"550 5.7.23 The message was rejected because of Sender Policy Framework violation", SMTPSPFDMARCRejected, "smtp", "data"},
	// Microsoft: compromised account (Exchange Online NDR reference)
	{"554 5.2.0 STOREDRV.Submission.Exception:OutboundSpamException; Failed to process message due to a permanent exception with message WASCL UserAction verdict is not None. Actually, the user is not allowed to send mail.", SMTPSendingBlocked, "smtp", "data"},
	// Aliyun enterprise (brandomproductions.com list)
	{"541 This account isn't allowed to send email", SMTPSendingBlocked, "smtp", "mail"},
	// Aliyun enterprise content filter (same list)
	{"554 Reject by content spam", SMTPSpamRejected, "smtp", "data"},
	// Yahoo policy rejection: text wins over the 5.7.9 code
	{"554 5.7.9 Message not accepted for policy reasons.  See https://postmaster.yahooinc.com/error-codes", SMTPSpamRejected, "smtp", "data"},
	// Postfix: HELO check
	{"504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname", SMTPHELORejected, "smtp", "rcpt"},
	// Sendmail: sender domain
	{"553 5.1.8 <alice@no-such-domain.example>... Domain of sender address alice@no-such-domain.example does not exist", SMTPSenderInvalid, "smtp", "mail"},
	// QQ: MAIL before login (code search)
	{"503 Error: need EHLO and AUTH first !", SMTPAuthRequired, "smtp", "mail"},
	// Gmail: MAIL without AUTH
	{"530-5.7.0 Authentication Required. For more information, go to\n530 5.7.0  https://support.google.com/mail/?p=WantAuthError a1-20020a05.123 - gsmtp", SMTPAuthRequired, "smtp", "mail"},

	// ===== POP3 (providers.md 2.4) =====
	// providers.md P1: Gmail (mailman/mailman#50)
	{"-ERR [AUTH] Application-specific password required: https://support.google.com/accounts/answer/185833", AuthAppPasswordRequired, "pop3", "pass"},
	// providers.md P2: Gmail
	{"-ERR [AUTH] Web login required: https://support.google.com/mail/answer/78754", AuthWebLoginRequired, "pop3", "pass"},
	// providers.md P3 (RFC 3206); Gmail POP
	{"-ERR [AUTH] Username and password not accepted.", AuthFailed, "pop3", "pass"},
	// providers.md P4 (RFC 3206), Dovecot
	{"-ERR [SYS/TEMP] Temporary authentication failure.", ServerBusy, "pop3", "pass"},
	// providers.md P5 (RFC 3206)
	{"-ERR [SYS/PERM] Mailbox is read-only", POP3SysPerm, "pop3", "pass"},
	// Gmail POP switched off (Gmail's own reply text)
	{"-ERR [SYS/PERM] Your account is not enabled for POP access. Please visit your Gmail settings page and enable your account for POP access.", AuthServiceDisabled, "pop3", "pass"},
	// providers.md P6 (RFC 2449 8.1.2)
	{"-ERR [IN-USE] Unable to lock maildrop: Mailbox is locked by POP server", POP3InUse, "pop3", "pass"},
	// providers.md P7 (RFC 2449 8.1.1)
	{"-ERR [LOGIN-DELAY] Minimum time between mail checks is 300 seconds", POP3LoginDelay, "pop3", "pass"},
	// providers.md P8: QQ (S6)
	{"-ERR Please using authorized code to login. More information at http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256", AuthAuthorizationCodeRequired, "pop3", "pass"},
	// providers.md P8: QQ (S6)
	{"-ERR Authorized code is incorrect", AuthAuthorizationCodeRequired, "pop3", "pass"},
	// providers.md P10: Coremail (S22)
	{"-ERR ERR.LOGIN.PASSERR", AuthFailed, "pop3", "pass"},
	// Dovecot POP3 on a plaintext port
	{"-ERR Plaintext authentication disallowed on non-secure (SSL/TLS) connections.", TLSRequired, "pop3", "user"},
	// Exchange POP3 wrong password
	{"-ERR Logon failure: unknown user name or bad password.", AuthFailed, "pop3", "pass"},
	// POP3 STLS refused (RFC 2595 4)
	{"-ERR STLS not supported", TLSSTARTTLSUnavailable, "pop3", "stls"},

	// ===== IMAP (providers.md 2.5) =====
	// providers.md I1: Gmail (getmail6#236)
	{"a1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)", AuthFailed, "imap", "auth"},
	// providers.md I2: Gmail (mutt-wizard#831)
	{"a1 NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)", AuthAppPasswordRequired, "imap", "auth"},
	// providers.md I3: Gmail
	{"a1 NO [ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)", AuthWebLoginRequired, "imap", "auth"},
	// providers.md P2/I3: Gmail WEBALERT
	{"a1 NO [WEBALERT https://accounts.google.com/signin/continue?sarp=1&scc=1&plt=AKgnsbs] Web login required.", AuthWebLoginRequired, "imap", "auth"},
	// providers.md I4: Yahoo (enough_mail#245)
	{"a1 NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials", AuthFailed, "imap", "auth"},
	// providers.md I5: Exchange Online (MailKit#1072)
	{"A0001 NO LOGIN failed.", AuthFailed, "imap", "auth"},
	// providers.md I5: Exchange Online XOAUTH2 (mjs/imapclient#602)
	{"A0001 NO AUTHENTICATE failed.", AuthFailed, "imap", "auth"},
	// providers.md I6: Outlook.com (holon-run/uxc#445)
	{"a1 NO Basic authentication is disabled.", AuthBasicDisabled, "imap", "auth"},
	// providers.md I7: NetEase (S16)
	{"a3 NO SELECT Unsafe Login. Please contact kefu@188.com for help", IMAPIDRequired, "imap", "select"},
	// providers.md I7: with EXAMINE (S16)
	{"a3 NO EXAMINE Unsafe Login. Please contact kefu@188.com for help", IMAPIDRequired, "imap", "examine"},
	// providers.md I8: QQ (S6)
	{"a1 NO Login fail. Please using authorized code to login.", AuthAuthorizationCodeRequired, "imap", "auth"},
	// providers.md I9: QQ (cursor-auto-free#294)
	{"a1 NO [AUTHENTICATIONFAILED] Login fail. Account is abnormal, service is not open, password is incorrect, login frequency limited, or system is busy. More information at https://help.mail.qq.com/detail/108/1023", AuthServiceDisabled, "imap", "auth"},
	// providers.md I10: 163 (Java client error map)
	{"a1 NO LOGIN Login error password error", AuthFailed, "imap", "auth"},
	// providers.md I10: Sina
	{"a1 NO LOGIN auth error", AuthFailed, "imap", "auth"},
	// providers.md I11 (RFC 5530): Dovecot
	{"a1 NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.", TLSRequired, "imap", "auth"},
	// providers.md I11 (RFC 3501): capability line
	{"* CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS LOGINDISABLED", TLSRequired, "", ""},
	// Dovecot: plaintext LOGIN attempted anyway
	{"* BAD [ALERT] Plaintext authentication not allowed without SSL/TLS, but your client did it anyway. If anyone was listening, the password was exposed.", TLSRequired, "imap", "auth"},
	// providers.md I12 (RFC 5530): Dovecot
	{"a1 NO [UNAVAILABLE] Temporary authentication failure. [host:2024-01-01 10:00:00]", ServerBusy, "imap", "auth"},
	// providers.md I13 (RFC 5530)
	{"a1 NO [AUTHORIZATIONFAILED] No permission to access shared@example.org", AuthAuthorizationFailed, "imap", "auth"},
	// hMailServer source (POP3Connection.cpp, IMAPCommandLogin.cpp): a login name without "@"
	{"-ERR Invalid user name or password. Please use full email address as user name.", AuthUsernameFormat, "pop3", "pass"},
	{"1 NO Invalid user name or password. Please use full email address as user name.", AuthUsernameFormat, "imap", "auth"},
	// providers.md I13 (RFC 5530)
	{"a1 NO [CONTACTADMIN] Account requires administrator attention", IMAPContactAdmin, "imap", "auth"},
	// providers.md I13 (RFC 5530 example)
	{"a1 NO [EXPIRED] That password isn't valid any more", AuthPasswordExpired, "imap", "auth"},
	// providers.md I14: Dovecot connection limit
	{"* BYE Maximum number of connections from user+IP exceeded (mail_max_userip_connections=10)", ServerBusy, "imap", "greeting"},
	// RFC 5530 LIMIT
	{"a1 NO [LIMIT] Too many concurrent sessions for this account", ServerBusy, "imap", "auth"},
	// Dovecot over quota (RFC 5530 OVERQUOTA)
	{"a5 NO [OVERQUOTA] Quota exceeded (mailbox for user is full)", IMAPOverQuota, "imap", "append"},
	// Dovecot missing folder (RFC 5530 NONEXISTENT)
	{"a4 NO [NONEXISTENT] Mailbox doesn't exist: Sent Items", IMAPNonexistentMailbox, "imap", "select"},
	// Gmail IMAP switched off (Gmail's own reply text)
	{"a1 NO [ALERT] Your account is not enabled for IMAP use. Please visit your Gmail settings page and enable your account for IMAP access. (Failure)", AuthServiceDisabled, "imap", "auth"},
	// RFC 9051 ALERT without a known cause
	{"* OK [ALERT] System shutdown in 10 minutes", IMAPAlert, "imap", "auth"},
	// RFC 2595 / IMAP STARTTLS refused
	{"a0 BAD STARTTLS not supported", TLSSTARTTLSUnavailable, "imap", "starttls"},

	// ===== Network, DNS, certificates: Go (providers.md 2.6) =====
	// providers.md N1 (Go net; S13 for the dead Yahoo China name)
	{"dial tcp: lookup smtp.mail.yahoo.com.cn on 127.0.0.53:53: no such host", DNSNXDomain, "", ""},
	// Go net: resolver failure
	{"dial tcp: lookup smtp.example.com on 192.168.1.1:53: server misbehaving", DNSFailure, "", ""},
	// Go net: resolver timeout
	{"dial tcp: lookup imap.example.com on 10.0.0.1:53: read udp 10.0.0.2:40000->10.0.0.1:53: i/o timeout", DNSFailure, "", ""},
	// providers.md N2 (Go net)
	{"dial tcp 203.0.113.5:587: connect: connection refused", TCPRefused, "", ""},
	// providers.md N4 (Go net)
	{"dial tcp 203.0.113.5:25: i/o timeout", TCPTimeout, "", ""},
	// Go on macOS: connect timeout
	{"dial tcp 203.0.113.5:465: connect: operation timed out", TCPTimeout, "", ""},
	// providers.md N5 (mailcow#254)
	{"dial tcp [2402:4e00:1::1]:465: connect: network is unreachable", NetIPv6Unreachable, "", ""},
	// Go net: no IPv4 route
	{"dial tcp 203.0.113.5:993: connect: no route to host", TCPUnreachable, "", ""},
	// providers.md N6 (Go net)
	{"read tcp 192.0.2.10:51234->203.0.113.5:993: read: connection reset by peer", TCPReset, "", ""},
	// Go net: read deadline while waiting for a reply
	{"read tcp 192.0.2.10:51234->203.0.113.5:465: i/o timeout", ServerResponseTimeout, "", ""},
	// Go io.EOF as printed by net/smtp
	{"smtp: EOF", ServerClosed, "", ""},
	// providers.md N7 (go-mail/mail#45)
	{"tls: failed to verify certificate: x509: certificate is valid for *.exmail.qq.com, exmail.qq.com, not mail.example.com", TLSCertHostnameMismatch, "", ""},
	// Go crypto/x509: IP used as host
	{"x509: cannot validate certificate for 203.0.113.5 because it doesn't contain any IP SANs", TLSCertHostnameMismatch, "", ""},
	// providers.md N8 (Go crypto/x509)
	{"tls: failed to verify certificate: x509: certificate signed by unknown authority", TLSCertUntrusted, "", ""},
	// providers.md N9 (Go crypto/x509)
	{"x509: certificate has expired or is not yet valid: current time 2026-03-01T10:00:00Z is after 2026-02-28T23:59:59Z", TLSCertExpired, "", ""},
	// Go crypto/x509 verify.go, the same message when the clock is before NotBefore
	{"tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-12-01T08:00:00Z is before 2026-12-02T00:00:00Z", TLSCertNotYetValid, "", ""},
	// OpenSSL crypto/x509/x509_txt.c, X509_V_ERR_CERT_NOT_YET_VALID (s_client, curl, PHP)
	{"verify error:num=9:certificate is not yet valid", TLSCertNotYetValid, "", ""},
	// OpenJDK java.security.cert.CertificateNotYetValidException (JavaMail over TLS)
	{"javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed; caused by java.security.cert.CertificateNotYetValidException: NotBefore: Wed Dec 02 00:00:00 UTC 2026", TLSCertNotYetValid, "", ""},
	// Node.js tls: the OpenSSL code name (nodemailer's err.code)
	{"Error: certificate is not yet valid { code: 'CERT_NOT_YET_VALID' }", TLSCertNotYetValid, "", ""},
	// Go crypto/x509 with an antivirus root (issuer named in the error)
	{"x509: certificate signed by unknown authority (possibly because of \"crypto/rsa: verification error\" while trying to verify candidate authority certificate \"Kaspersky Anti-Virus Personal Root Certificate\")", TLSIntercepted, "", ""},
	// Go crypto/tls alert from the server
	{"remote error: tls: handshake failure", TLSHandshakeFailed, "", ""},

	// ===== OpenSSL / Python =====
	// CPython smtplib: Gmail app password (smtplib.SMTPAuthenticationError repr)
	{"smtplib.SMTPAuthenticationError: (534, b'5.7.9 Application-specific password required. Learn more at\\n5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor a1sm123 - gsmtp')", AuthAppPasswordRequired, "", ""},
	// CPython smtplib: Gmail wrong password
	{"smtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted. Learn more at\\n5.7.8  https://support.google.com/mail/?p=BadCredentials a1sm123 - gsmtp')", AuthFailed, "", ""},
	// CPython smtplib: NetEase (public Python notes, code search)
	{"smtplib.SMTPAuthenticationError: (550, b'User has no permission')", AuthServiceDisabled, "", ""},
	// CPython smtplib: NetEase sender rule
	{"smtplib.SMTPSenderRefused: (553, b'Mail from must equal authorized user', 'someone@163.com')", SMTPSenderMismatch, "", ""},
	// CPython smtplib: NetEase spam (public Python project, code search)
	{"smtplib.SMTPDataError: (554, b'DT:SPM 163 smtp10,DsCowADnLCYUXxleA5NlLg--.58715S3 1578721044')", SMTPSpamRejected, "", ""},
	// CPython smtplib: bare exception name
	{"smtplib.SMTPAuthenticationError", AuthFailed, "", ""},
	// CPython smtplib: server hung up
	{"smtplib.SMTPServerDisconnected: Connection unexpectedly closed", ServerClosed, "", ""},
	// CPython imaplib (getmail6#236)
	{"imaplib.IMAP4.error: b'[AUTHENTICATIONFAILED] Invalid credentials (Failure)'", AuthFailed, "", ""},
	// CPython poplib (QQ)
	{"poplib.error_proto: b'-ERR Please using authorized code to login. More information at http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256'", AuthAuthorizationCodeRequired, "", ""},
	// CPython ssl: self-signed chain
	{"ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate in certificate chain (_ssl.c:1131)", TLSCertUntrusted, "", ""},
	// CPython ssl: missing intermediate / CA bundle
	{"ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1129)", TLSCertUntrusted, "", ""},
	// CPython ssl: expired
	{"ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1123)", TLSCertExpired, "", ""},
	// CPython 3.7+ ssl: host name
	{"ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for 'mail.example.com'. (_ssl.c:1129)", TLSCertHostnameMismatch, "", ""},
	// CPython <= 3.6 ssl.match_hostname
	{"ssl.CertificateError: hostname 'mail.example.com' doesn't match either of '*.exmail.qq.com', 'exmail.qq.com'", TLSCertHostnameMismatch, "", ""},
	// CPython ssl: weak DH parameters (OpenSSL 1.1.1 security level 2)
	{"ssl.SSLError: [SSL: DH_KEY_TOO_SMALL] dh key too small (_ssl.c:1131)", TLSWeakCrypto, "", ""},
	// CPython ssl: peer closed in handshake
	{"ssl.SSLEOFError: EOF occurred in violation of protocol (_ssl.c:1129)", TLSHandshakeFailed, "", ""},
	// CPython ssl: handshake alert
	{"ssl.SSLError: [SSL: SSLV3_ALERT_HANDSHAKE_FAILURE] sslv3 alert handshake failure (_ssl.c:1129)", TLSHandshakeFailed, "", ""},
	// CPython socket (Linux)
	{"ConnectionRefusedError: [Errno 111] Connection refused", TCPRefused, "", ""},
	// CPython socket (Windows)
	{"ConnectionRefusedError: [WinError 10061] No connection could be made because the target machine actively refused it", TCPRefused, "", ""},
	// CPython socket (Linux)
	{"TimeoutError: [Errno 110] Connection timed out", TCPTimeout, "", ""},
	// CPython socket (Windows)
	{"TimeoutError: [WinError 10060] A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond", TCPTimeout, "", ""},
	// CPython socket timeout
	{"socket.timeout: timed out", TCPTimeout, "", ""},
	// CPython getaddrinfo (Linux)
	{"socket.gaierror: [Errno -2] Name or service not known", DNSNXDomain, "", ""},
	// CPython getaddrinfo (Windows)
	{"socket.gaierror: [Errno 11001] getaddrinfo failed", DNSNXDomain, "", ""},
	// CPython getaddrinfo (macOS)
	{"socket.gaierror: [Errno 8] nodename nor servname provided, or not known", DNSNXDomain, "", ""},
	// CPython getaddrinfo: resolver unavailable
	{"socket.gaierror: [Errno -3] Temporary failure in name resolution", DNSFailure, "", ""},
	// CPython getaddrinfo: name without address
	{"socket.gaierror: [Errno -5] No address associated with hostname", DNSNoAddress, "", ""},
	// CPython socket
	{"OSError: [Errno 101] Network is unreachable", TCPUnreachable, "", ""},
	// CPython socket (Windows)
	{"ConnectionResetError: [WinError 10054] An existing connection was forcibly closed by the remote host", TCPReset, "", ""},
	// CPython socket (Linux)
	{"ConnectionResetError: [Errno 104] Connection reset by peer", TCPReset, "", ""},
	// Python on IPv6-less hosts (providers.md N5, docker-mailserver#1524)
	{"OSError: [Errno 99] Cannot assign requested address", NetIPv6Unreachable, "", ""},

	// ===== Node.js / nodemailer =====
	// Node net
	{"Error: connect ECONNREFUSED 127.0.0.1:587", TCPRefused, "", ""},
	// Node net
	{"Error: connect ETIMEDOUT 142.250.102.108:465", TCPTimeout, "", ""},
	// nodemailer connection timeout (lib/smtp-connection)
	{"Error: Connection timeout", TCPTimeout, "", ""},
	// Node dns
	{"Error: getaddrinfo ENOTFOUND smtp.gmial.com", DNSNXDomain, "", ""},
	// Node dns
	{"Error: getaddrinfo EAI_AGAIN smtp.gmail.com", DNSFailure, "", ""},
	// Node net
	{"Error: read ECONNRESET", TCPReset, "", ""},
	// Node net
	{"Error: connect EHOSTUNREACH 10.0.0.5:25", TCPUnreachable, "", ""},
	// Node net, IPv6 address chosen (providers.md N5)
	{"Error: connect ENETUNREACH 2a00:1450:400c:c06::6c:587 - Local (:::0)", NetIPv6Unreachable, "", ""},
	// Node tls (code SELF_SIGNED_CERT_IN_CHAIN)
	{"Error: self signed certificate in certificate chain", TLSCertUntrusted, "", ""},
	// Node tls (code UNABLE_TO_VERIFY_LEAF_SIGNATURE)
	{"Error: unable to verify the first certificate", TLSCertUntrusted, "", ""},
	// Node tls (code CERT_HAS_EXPIRED)
	{"Error: certificate has expired", TLSCertExpired, "", ""},
	// providers.md N7: Node tls (nodemailer#1646)
	{"Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: mail.example.com. is not in the cert's altnames: DNS:*.exmail.qq.com, DNS:exmail.qq.com", TLSCertHostnameMismatch, "", ""},
	// Node tls (code ECONNRESET during handshake)
	{"Error: Client network socket disconnected before secure TLS connection was established", TLSHandshakeFailed, "", ""},
	// OpenSSL 3 via Node: TLS 1.0 server
	{"Error: C0D7A4B1E67F0000:error:0A000102:SSL routines:ssl_choose_client_version:unsupported protocol:../deps/openssl/openssl/ssl/statem/statem_lib.c:1986:", TLSVersionTooOld, "", ""},
	// nodemailer EAUTH (Gmail)
	{"Error: Invalid login: 535-5.7.8 Username and Password not accepted. Learn more at\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials", AuthFailed, "", ""},
	// nodemailer EAUTH (Gmail 2SV)
	{"Error: Invalid login: 534-5.7.9 Application-specific password required. Learn more at\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor", AuthAppPasswordRequired, "", ""},
	// nodemailer EAUTH (Outlook, nodemailer#1714)
	{"Error: Invalid login: 535 5.7.139 Authentication unsuccessful, basic authentication is disabled.", AuthBasicDisabled, "", ""},
	// nodemailer EAUTH (NetEase)
	{"Error: Invalid login: 535 Error: authentication failed", AuthFailed, "", ""},
	// nodemailer with empty auth
	{"Error: Missing credentials for \"PLAIN\"", AuthCredentialsMissing, "", ""},
	// nodemailer: server hung up
	{"Error: Unexpected socket close", ServerClosed, "", ""},
	// nodemailer: MAIL rejected (NetEase)
	{"Error: Mail command failed: 553 Mail from must equal authorized user", SMTPSenderMismatch, "", ""},
	// nodemailer: all RCPT rejected
	{"Error: Can't send mail - all recipients were rejected: 550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table", SMTPRecipientUnknown, "", ""},
	// nodemailer: DATA rejected
	{"Error: Message failed: 552 5.3.4 Message size exceeds fixed limit", SMTPMessageTooLarge, "", ""},
	// nodemailer: no common AUTH mechanism
	{"Error: No supported authentication method(s) available. Unable to login.", AuthMechanismUnsupported, "", ""},

	// ===== Java / JavaMail =====
	// JavaMail (NetEase)
	{"javax.mail.AuthenticationFailedException: 535 Error: authentication failed", AuthFailed, "", ""},
	// JavaMail (QQ)
	{"javax.mail.AuthenticationFailedException: 535 Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256", AuthAuthorizationCodeRequired, "", ""},
	// JavaMail without a password (Service.connect)
	{"javax.mail.AuthenticationFailedException: failed to connect, no password specified?", AuthCredentialsMissing, "", ""},
	// Jakarta Mail (Office 365)
	{"jakarta.mail.AuthenticationFailedException: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.", AuthSMTPAuthDisabled, "", ""},
	// JavaMail wrapper with nested cause on the next line
	{"com.sun.mail.util.MailConnectException: Couldn't connect to host, port: smtp.qq.com, 25; timeout -1;\n  nested exception is:\n\tjava.net.ConnectException: Connection timed out: connect", TCPTimeout, "", ""},
	// JavaMail wrapper alone
	{"com.sun.mail.util.MailConnectException: Couldn't connect to host, port: smtp.example.com, 587; timeout 5000", TCPConnectFailed, "", ""},
	// java.net
	{"java.net.ConnectException: Connection refused (Connection refused)", TCPRefused, "", ""},
	// java.net
	{"java.net.UnknownHostException: smtp.qq.con", DNSNXDomain, "", ""},
	// java.net
	{"java.net.SocketTimeoutException: Read timed out", ServerResponseTimeout, "", ""},
	// java.net
	{"java.net.SocketException: Connection reset", TCPReset, "", ""},
	// Java PKIX
	{"javax.net.ssl.SSLHandshakeException: sun.security.validator.ValidatorException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target", TLSCertUntrusted, "", ""},
	// Java host name check
	{"javax.net.ssl.SSLHandshakeException: No subject alternative DNS name matching mail.example.com found.", TLSCertHostnameMismatch, "", ""},
	// Java expired certificate
	{"javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed", TLSCertExpired, "", ""},
	// JavaMail STARTTLS handshake wrapper
	{"javax.mail.MessagingException: Could not convert socket to TLS", TLSHandshakeFailed, "", ""},
	// Java: peer closed during handshake
	{"javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake", TLSHandshakeFailed, "", ""},
	// JavaMail with the server's reply (QQ sender rule)
	{"com.sun.mail.smtp.SMTPSenderFailedException: 501 mail from address must be same as authorization user", SMTPSenderMismatch, "", ""},
	// JavaMail (Office 365)
	{"com.sun.mail.smtp.SMTPSendFailedException: 550 5.7.60 SMTP; Client does not have permissions to send as this sender", SMTPSenderMismatch, "", ""},
	// JavaMail: connection lost
	{"javax.mail.MessagingException: [EOF]", ServerClosed, "", ""},

	// ===== PHP: PHPMailer, Symfony Mailer =====
	// PHPMailer language string 'authenticate'
	{"SMTP Error: Could not authenticate.", AuthFailed, "", ""},
	// PHPMailer language string 'connect_host'
	{"SMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting", TCPConnectFailed, "", ""},
	// PHPMailer SMTP debug output
	{"SMTP ERROR: Failed to connect to server: Connection refused (111)", TCPRefused, "", ""},
	// PHPMailer SMTP debug output
	{"SMTP ERROR: Failed to connect to server: Connection timed out (110)", TCPTimeout, "", ""},
	// PHPMailer SMTP debug output
	{"SMTP ERROR: Failed to connect to server: php_network_getaddresses: getaddrinfo failed: Name or service not known (0)", DNSNXDomain, "", ""},
	// PHP stream_socket_enable_crypto with OpenSSL detail
	{"Warning: stream_socket_enable_crypto(): SSL operation failed with code 1. OpenSSL Error messages: error:1416F086:SSL routines:tls_process_server_certificate:certificate verify failed", TLSCertUntrusted, "", ""},
	// PHP host name check
	{"stream_socket_enable_crypto(): Peer certificate CN=`mail.example.net' did not match expected CN=`smtp.example.com'", TLSCertHostnameMismatch, "", ""},
	// PHPMailer SMTP debug output (QQ)
	{"SMTP ERROR: Password command failed: 535 Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256", AuthAuthorizationCodeRequired, "", ""},
	// PHPMailer SMTP debug output (Exchange)
	{"SMTP ERROR: AUTH command failed: 504 5.7.4 Unrecognized authentication type", AuthMechanismUnsupported, "", ""},
	// PHPMailer SMTP debug output (Postfix without certificate)
	{"SMTP ERROR: STARTTLS command failed: 454 4.7.0 TLS not available due to local problem", TLSSTARTTLSUnavailable, "", ""},
	// PHPMailer language string 'recipients_failed' with Postfix reply
	{"SMTP Error: The following recipients failed: user@example.org: <user@example.org>: Relay access denied", SMTPRelayDenied, "", ""},
	// PHPMailer SMTP debug output (Office 365)
	{"SMTP ERROR: MAIL FROM command failed: 530 5.7.57 Client not authenticated to send mail. [DM6PR02CA0046.namprd02.prod.outlook.com]", SMTPAuthRequired, "", ""},
	// PHPMailer language string 'data_not_accepted'
	{"SMTP Error: data not accepted.", SMTPSendFailed, "", ""},
	// Symfony Mailer transport exception
	{"Connection could not be established with host \"ssl://smtp.gmail.com:465\": stream_socket_client(): Unable to connect to ssl://smtp.gmail.com:465 (Connection timed out)", TCPTimeout, "", ""},
	// Symfony Mailer UnexpectedResponseException (Exchange)
	{"Expected response code \"250/251/252\" but got code \"550\", with message \"550 5.7.1 Unable to relay\".", SMTPRelayDenied, "", ""},
	// Symfony Mailer TransportException
	{"Failed to authenticate on SMTP server with username \"alice@example.com\" using the following authenticators: \"LOGIN\", \"PLAIN\", \"XOAUTH2\".", AuthFailed, "", ""},

	// ===== .NET: System.Net.Mail, MailKit =====
	// System.Net.Mail.SmtpException (Gmail, MAIL without AUTH)
	{"System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.0 Authentication Required. Learn more at", SMTPAuthRequired, "", ""},
	// System.Net.Mail.SmtpException (EnableSsl=false on 587)
	{"System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.0 Must issue a STARTTLS command first.", TLSRequired, "", ""},
	// System.Net.Mail.SmtpException (Office 365)
	{"System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail.", SMTPAuthRequired, "", ""},
	// System.Net.Mail: relay
	{"System.Net.Mail.SmtpException: Mailbox unavailable. The server response was: 5.7.1 Unable to relay", SMTPRelayDenied, "", ""},
	// System.Net.Mail: timeout (e.g. implicit TLS port 465, which SmtpClient does not support)
	{"System.Net.Mail.SmtpException: The operation has timed out.", ServerResponseTimeout, "", ""},
	// System.Net.Mail: connection closed
	{"System.IO.IOException: Unable to read data from the transport connection: net_io_connectionclosed.", ServerClosed, "", ""},
	// System.Net.Mail: reset
	{"System.IO.IOException: Unable to read data from the transport connection: An existing connection was forcibly closed by the remote host.", TCPReset, "", ""},
	// System.Net.Sockets
	{"System.Net.Sockets.SocketException (10061): No connection could be made because the target machine actively refused it. 203.0.113.5:587", TCPRefused, "", ""},
	// System.Net.Sockets
	{"System.Net.Sockets.SocketException (11001): No such host is known.", DNSNXDomain, "", ""},
	// SslStream generic
	{"System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure.", TLSCertUntrusted, "", ""},
	// SslStream (.NET 5+) with chain status
	{"System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot", TLSCertUntrusted, "", ""},
	// SslStream (.NET 5+) with chain status
	{"System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: NotTimeValid", TLSCertExpired, "", ""},
	// SslStream: peer closed
	{"System.Security.Authentication.AuthenticationException: Authentication failed because the remote party has closed the transport stream.", TLSHandshakeFailed, "", ""},
	// MailKit (Office 365)
	{"MailKit.Security.AuthenticationException: 535: 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.", AuthBasicDisabled, "", ""},
	// MailKit: generic
	{"MailKit.Security.AuthenticationException: Authentication failed.", AuthFailed, "", ""},
	// MailKit: handshake, no cause
	{"MailKit.Security.SslHandshakeException: An error occurred while attempting to establish an SSL or TLS connection.", TLSHandshakeFailed, "", ""},
	// MailKit: host name (SslHandshakeException details)
	{"The host name did not match the name given in the server's SSL certificate.", TLSCertHostnameMismatch, "", ""},
	// MailKit: server hung up
	{"MailKit.Net.Smtp.SmtpProtocolException: The SMTP server has unexpectedly disconnected.", ServerClosed, "", ""},

	// ===== Mail apps: Outlook, Thunderbird, Foxmail (Indy/Winsock) =====
	// Outlook IMN error 0x800CCC0E (FAILED_TO_CONNECT)
	{"Sending reported error (0x800CCC0E) : 'Outlook cannot connect to your outgoing (SMTP) e-mail server. If you continue to receive this message, contact your server administrator or Internet service provider (ISP).'", TCPConnectFailed, "", ""},
	// Outlook IMN error 0x800CCC0F (CONNECTION_DROPPED)
	{"Receiving reported error (0x800CCC0F) : 'The connection to the server was interrupted. If this problem continues, contact your server administrator or Internet service provider (ISP).'", TCPReset, "", ""},
	// Outlook 0x80042109
	{"Send test e-mail message: Outlook cannot connect to your outgoing (SMTP) e-mail server. If you continue to receive this message, contact your server administrator or Internet service provider (ISP). (0x80042109)", TCPConnectFailed, "", ""},
	// Outlook 0x8004210B
	{"Sending reported error (0x8004210B): 'The operation timed out waiting for a response from the sending (SMTP) server. If you continue to receive this message, contact your server administrator or Internet service provider (ISP).'", ServerResponseTimeout, "", ""},
	// Outlook 0x800CCC92 (POP3_INVALID_PASSWORD)
	{"Receiving reported error (0x800CCC92): 'Your e-mail server rejected your login. Verify your user name and password for this account in Account Settings.'", AuthFailed, "", ""},
	// Outlook 0x800CCC90 (POP3_RESPONSE_ERROR)
	{"Receiving reported error (0x800CCC90): 'Your e-mail server rejected your login. Verify your user name and password for this account in Account Settings.'", AuthFailed, "", ""},
	// Outlook 0x800CCC67 (SMTP_421_NOT_AVAILABLE)
	{"Sending reported error (0x800CCC67): 'Unknown Error 0x800CCC67'", ServerBusy, "", ""},
	// Outlook IMAP/SMTP: no common mechanism
	{"None of the authentication methods supported by this client are supported by your server.", AuthMechanismUnsupported, "", ""},
	// Outlook certificate dialog (Windows CryptoAPI CERT_E_CN_NO_MATCH)
	{"The server you are connected to is using a security certificate that cannot be verified. The target principal name is incorrect.", TLSCertHostnameMismatch, "", ""},
	// Outlook certificate dialog (CERT_E_UNTRUSTEDROOT)
	{"The server you are connected to is using a security certificate that cannot be verified. A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider.", TLSCertUntrusted, "", ""},
	// Thunderbird messenger.properties mailServerLoginFailed2
	{"Login to server imap.163.com with username alice@163.com failed.", AuthFailed, "", ""},
	// Thunderbird accountCreation.properties config_unverifiable
	{"Configuration could not be verified — is the username or password wrong?", AuthFailed, "", ""},
	// Thunderbird imapMsgs.properties imapServerDroppedConnection
	{"Unable to connect to your IMAP server. You may have exceeded the maximum number of connections to this server. If so, use the Advanced IMAP Server Settings dialog to reduce the number of cached connections.", ServerBusy, "", ""},
	// Thunderbird composeMsgs.properties sendFailed
	{"Sending of the message failed.", SMTPSendFailed, "", ""},
	// Thunderbird composeMsgs.properties smtpSendFailedUnknownServer
	{"An error occurred while sending mail: Outgoing server (SMTP) smtp.qq.con is unknown. The server may be incorrectly configured. Please verify that your Outgoing server (SMTP) settings are correct and try again.", DNSNXDomain, "", ""},
	// Thunderbird composeMsgs.properties smtpSendRequestRefused
	{"The message could not be sent because connecting to Outgoing server (SMTP) smtp.qq.com failed. The server may be unavailable or is refusing SMTP connections. Please verify that your Outgoing server (SMTP) settings are correct and try again.", TCPConnectFailed, "", ""},
	// Thunderbird composeMsgs.properties smtpSendTimeout
	{"The message could not be sent because the connection to Outgoing server (SMTP) smtp.qq.com timed out. Try again.", TCPTimeout, "", ""},
	// Thunderbird imapMsgs.properties imapConnectionRefusedError
	{"Could not connect to mail server imap.example.com; the connection was refused.", TCPRefused, "", ""},
	// Thunderbird imapMsgs.properties imapNetTimeoutError
	{"Connection to server imap.example.com timed out.", TCPTimeout, "", ""},
	// Thunderbird composeMsgs.properties smtpAuthFailure
	{"Unable to authenticate to Outgoing server (SMTP) smtp.163.com. Please check the password and verify the 'Authentication method' in 'Account Settings | Outgoing server (SMTP)'.", AuthFailed, "", ""},
	// Thunderbird composeMsgs.properties smtpAuthenticationNotSupported
	{"Unable to authenticate to Outgoing server (SMTP) smtp.example.com. It does not support authentication (SMTP-AUTH) but you have chosen to use authentication.", SMTPAuthNotOffered, "", ""},
	// Thunderbird composeMsgs.properties smtpAuthMechNotSupported
	{"The Outgoing server (SMTP) smtp.example.com does not support the selected authentication method. Please change the 'Authentication method' in 'Account Settings | Outgoing Server (SMTP)'.", AuthMechanismUnsupported, "", ""},
	// Thunderbird composeMsgs.properties startTlsFailed
	{"An error occurred while sending mail: Unable to establish a secure link with Outgoing server (SMTP) smtp.example.com using STARTTLS since it doesn't advertise that feature. Switch off STARTTLS for that server or contact your service provider.", TLSSTARTTLSUnavailable, "", ""},
	// Thunderbird imapMsgs.properties imapServerDisconnected
	{"Server imap.example.com has disconnected. The server may have gone down or there may be a network problem.", ServerClosed, "", ""},
	// Thunderbird localMsgs.properties nsErrorCouldNotConnectViaTls
	{"Unable to establish TLS connection to POP3 server. The server may be down or may be incorrectly configured.", TLSHandshakeFailed, "", ""},
	// Thunderbird imapMsgs.properties imapServerNotImap4
	{"Mail server pop.example.com is not an IMAP4 mail server.", PortWrongProtocol, "", ""},
	// Thunderbird/NSS certificate exception dialog
	{"The certificate is not trusted because it is self-signed.", TLSCertUntrusted, "", ""},
	// Thunderbird zh-CN composeMsgs.properties smtpSendFailedUnknownServer
	{"发送邮件时出错：发件服务器（SMTP） smtp.qq.con 未知。服务器可能配置错误，请确认您的发件服务器（SMTP）配置正确并稍后重试。", DNSNXDomain, "", ""},
	// Thunderbird zh-CN composeMsgs.properties smtpAuthFailure
	{"无法向发件服务器（SMTP） smtp.163.com 进行认证。请检查密码和验证“账号设置 | 服务器设置”中的“认证方式”。", AuthFailed, "", ""},
	// Thunderbird zh-CN composeMsgs.properties sendFailed
	{"消息发送失败。", SMTPSendFailed, "", ""},
	// Thunderbird zh-CN composeMsgs.properties smtpSendTimeout
	{"消息未发送，因为与发件服务器（SMTP）smtp.qq.com 的连接超时。请重试。", TCPTimeout, "", ""},
	// Thunderbird zh-CN imapMsgs.properties imapConnectionRefusedError
	{"连接邮件服务器 imap.qq.com 时被拒绝。", TCPRefused, "", ""},
	// Thunderbird zh-CN imapMsgs.properties imapTlsError
	{"遇到不可忽略的 TLS 错误。握手错误，也可能是 imap.qq.com 服务器所用的 TLS 版本或证书不兼容。", TLSHandshakeFailed, "", ""},
	// Thunderbird zh-CN imapMsgs.properties imapServerDisconnected
	{"服务器 imap.163.com 已经断开连接。此服务器可能死机或者发生网络问题。", ServerClosed, "", ""},
	// Thunderbird zh-CN imapMsgs.properties imapAuthMechNotSupported
	{"IMAP 服务器 imap.163.com 不支持您选择的验证方式。请修改“账户设置|服务器设置“中的“验证方式“。", AuthMechanismUnsupported, "", ""},
	// Thunderbird zh-CN imapMsgs.properties imapOAuth2Error
	{"连接 outlook.office365.com 服务器时身份验证失败。", AuthOAuthFailed, "", ""},
	// Indy (Delphi) Winsock text, as shown by Foxmail 6 and other Indy-based clients (WSAETIMEDOUT)
	{"Socket Error # 10060 Connection timed out.", TCPTimeout, "", ""},
	// Indy Winsock text (WSAECONNREFUSED)
	{"Socket Error # 10061 Connection refused.", TCPRefused, "", ""},
	// Indy Winsock text (WSAHOST_NOT_FOUND)
	{"Socket Error # 11001 Host not found.", DNSNXDomain, "", ""},
	// PHPMailer zh_cn language file 'authenticate' (language/phpmailer.lang-zh_cn.php)
	{"SMTP 错误：登录失败。", AuthFailed, "", ""},
	// PHPMailer zh_cn language file 'connect_host'
	{"SMTP 错误：无法连接到 SMTP 主机。", TCPConnectFailed, "", ""},
	// PHPMailer zh_cn language file 'data_not_accepted'
	{"SMTP 错误：数据不被接受。", SMTPSendFailed, "", ""},

	// ===== Issue 14: client-library errors without a server reply, wrong ports, limits, wrapped,
	// truncated and escaped texts. Each from a public issue thread, cited as owner/repo#number. =====
	// nodemailer/nodemailer#1113
	{"{ Error: queryA EREFUSED smtp.yandex.ru\n    at QueryReqWrap.onresolve [as oncomplete] (dns.js:196:19)\n  errno: 'EREFUSED',\n  code: 'EDNS',\n  syscall: 'queryA',\n  hostname: 'smtp.yandex.ru',\n  command: 'CONN' }", DNSFailure, "", ""},
	// nodemailer/nodemailer#1334
	{"Error: queryA EREFUSED smtp.web.de    at QueryReqWrap.onresolve [as oncomplete] (dns.js:210:19)", DNSFailure, "", ""},
	// nodemailer/nodemailer#889
	{"{ Error: connect ECONNREFUSED 127.0.0.1:465\n    at Object._errnoException (util.js:1022:11)\n  code: 'ECONNECTION',\n  errno: 'ECONNREFUSED',\n  syscall: 'connect',\n  address: '127.0.0.1',\n  port: 465,\n  command: 'CONN' }", TCPRefused, "", ""},
	// curl/curl#4080
	{"curl: (67) Login denied", AuthFailed, "", ""},
	// curl/curl#4080
	{"< 535 Incorrect authentication data\n* Closing connection 0\ncurl: (67) Login denied", AuthFailed, "", ""},
	// domoticz/domoticz#4138
	{"2020-05-05 15:20:10.863 Error: libcurl: (67)\n2020-05-05 15:20:10.863 Error: Login denied", AuthFailed, "", ""},
	// rstudio/blastula#127
	{"Error in curl::curl_fetch_memory(url, handle = h) : Login denied", AuthFailed, "", ""},
	// jstedfast/MailKit#1132
	{"The server's SSL certificate could not be validated for the following reasons:\n• The server certificate has the following errors:\n• The revocation function was unable to check revocation for the certificate.\n• The revocation function was unable to check revocation because the revocation server was offline.", TLSRevocationUnchecked, "", ""},
	// travispessetto/OrigamiSMTP#15
	{"The server's SSL certificate could not be validated for the following reasons:\n• The server certificate has the following errors:\n  • The revocation function was unable to check revocation for the certificate.", TLSRevocationUnchecked, "", ""},
	// jstedfast/MailKit#515
	{"RevocationStatus - Unknown unable to get certificate CRL\nException caught whilst sending an email: System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure.", TLSRevocationUnchecked, "", ""},
	// alanrenouf/vCheck-vSphere#408
	{"Exception calling \"Send\" with \"1\" argument(s): \"The remote certificate is invalid according to the validation procedure.\"", TLSCertUntrusted, "", ""},
	// SeunMatt/mysql-backup4j#18
	{"javax.mail.MessagingException: Could not convert socket to TLS;\n  nested exception is:\n\tjavax.net.ssl.SSLHandshakeException: Received fatal alert: protocol_version", TLSVersionTooOld, "", ""},
	// byzer-org/byzer-lang#1659
	{"javax.mail.MessagingException: Could not convert socket to TLS;\nnested exception is:\njavax.net.ssl.SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are inappropriate)", TLSVersionTooOld, "", ""},
	// ec-jrc/re3gistry#137
	{"[ERROR] 2022-04-02 06:36:32.325 [http-nio-8080-exec-6] [utility.MailManager.sendMail:156] - Could not convert socket to TLS", TLSHandshakeFailed, "", ""},
	// eclipse-ee4j/glassfish#24669
	{"jakarta.mail.MessagingException: Could not convert socket to TLS;\n  nested exception is:\n\tjavax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target|#]", TLSCertUntrusted, "", ""},
	// quintel/etengine#881
	{"Net::SMTPAuthenticationError: 535-5.7.8 Username and Password not accepted. Learn more at", AuthFailed, "", ""},
	// OperationCode/operationcode_old_site#713
	{"Net::SMTPAuthenticationError: 535 Authentication failed: Bad username / password", AuthFailed, "", ""},
	// redu/redu#340
	{"ar_sendmail: authentication error, giving up: 535-5.7.1 Username and Password not accepted. Learn more at", AuthFailed, "", ""},
	// marcpope/borgbackupserver#16
	{"Failed: Authentication failed: 535 5.7.0 Invalid login or password", AuthFailed, "", ""},
	// mailgun/documentation#132
	{"535 5.7.0 Mailgun is not loving your login or password", AuthFailed, "", ""},
	// CopernicaMarketingSoftware/Documentation#186
	{"Transaction failed. The server response was: 5.7.1 Relay access denied", SMTPRelayDenied, "", ""},
	// ml-flaskbook/flaskbook#4
	{"smtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted. ....)", AuthFailed, "", ""},
	// nhost/hasura-backend-plus#653
	{"[Error: 140369955355976:error:1408F10B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:332:\n] {\n  library: 'SSL routines',\n  function: 'ssl3_get_record',\n  reason: 'wrong version number',\n  code: 'ESOCKET',\n  command: 'CONN'\n}", PortExpectsSTARTTLS, "", ""},
	// curl/curl#9931
	{"curl: (35) error:0A00010B:SSL routines::wrong version number", PortExpectsSTARTTLS, "", ""},
	// aschroder/Magento-SMTP-Pro-Email-Extension#14
	{"stream_socket_enable_crypto(): SSL operation failed with code 1. OpenSSL Error messages: error:1408F10B:SSL routines:SSL3_GET_RECORD:wrong version number)", PortExpectsSTARTTLS, "", ""},
	// openssl/openssl#18291 (nodemailer: connect to 465 times out)
	{"Error sending email: Error: connect ETIMEDOUT 40.99.71.210:465\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1278:16) {\n  errno: -4039,\n  code: 'ESOCKET',\n  syscall: 'connect',\n  address: '40.99.71.210',\n  port: 465,\n  command: 'CONN'\n}", TCPTimeout, "", ""},
	// nodemailer/nodemailer#530
	{"Erorr: { [Error: certificate has expired] code: 'CERT_HAS_EXPIRED' }", TLSCertExpired, "", ""},
	// nategood/node-auth#2
	{"Error: CERT_HAS_EXPIRED\n    at SecurePair.<anonymous> (tls.js:1356:32)", TLSCertExpired, "", ""},
	// GEOLYTIX/xyz#2086
	{"Error: self-signed certificate in certificate chain", TLSCertUntrusted, "", ""},
	// nodemailer/nodemailer#406
	{"'{ [Error: self signed certificate] code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }'", TLSCertUntrusted, "", ""},
	// docmost/docmost#60
	{"Error processing send-email job. Reason: certificate has expired", TLSCertExpired, "", ""},
	// splitbrain/dokuwiki-plugin-smtp#65
	{"Got: 535 5.7.8 Error: authentication failed: Invalid authentication mechanism", AuthMechanismUnsupported, "", ""},
	// corecode/dma#50
	{"dma: smarthost authentication: AUTH cram-md5 not available: 535 5.7.8 Error: authentication failed: Invalid authentication mechanism", AuthMechanismUnsupported, "", ""},
	// nodemailer/nodemailer#832
	{"Invalid login: 502 Command \"AUTH PLAIN XXXXXXXXXXXXXXXXxxxxx\" not implemented", SMTPAuthNotOffered, "", ""},
	// andris9/simplesmtp#7
	{"{ [AuthError: Invalid login - 553 5.3.0 Auth failure] name: 'AuthError'", AuthFailed, "", ""},
	// OfflineIMAP/offlineimap#627
	{"unrecognised server welcome message: '* BYE Fatal error: tls_start_servertls() failed'", TLSHandshakeFailed, "", ""},
	// NixOS/nixpkgs#202595
	{"Socket error: secure read from imap.gmail.com (142.251.163.109:993): error:0A000126:SSL routines::unexpected eof while reading", TLSHandshakeFailed, "", ""},
	// LukeSmithxyz/mutt-wizard#158
	{"SSL error connecting imap.gmail.com ([2404:6800:4003:c01::6d]:993): self signed certificate", TLSCertUntrusted, "", ""},
	// NixOS/nixpkgs#352446
	{"IMAP error: unexpected EOF from imappro.zoho.eu (185.230.212.25:993)", ServerClosed, "", ""},
	// zotonic/zotonic#2229
	{"{{nocatch,{permanent_failure,<<\"550-5.1.1 The email account that you tried to reach does not exist. Please try\\r\\n550-5.1.1 double-checking the recipient's email address for typos or\\r\\n550-5.1.1 unnecessary spaces. Learn more at\\r\\n550 5.1.1  https://support.google.com/mail/?p=NoSuchUser i10si3375094wml.166 - gsmtp\\r\\n\">>}},", SMTPRecipientUnknown, "", ""},
	// zotonic/zotonic#2229
	{"{{nocatch,{temporary_failure,<<\"452-4.2.2 The email account that you tried to reach is over quota. Please direct\\r\\n452-4.2.2 the recipient to\\r\\n452 4.2.2  https://support.google.com/mail/?p=OverQuotaTemp u14si3309421wmd.155 - gsmtp\\r\\n\">>}},[", SMTPRecipientMailboxFull, "", ""},
	// pimalaya/himalaya#294
	{"Error: permanent error (535)", AuthFailed, "", ""},
	// tarickb/sasl-xoauth2#43
	{"Sep 28 13:03:50 relay postfix/smtp[17059]: 9BDCBA19EA: SASL authentication failed; server smtp.office365.com[40.99.150.50] said: 535 5.7.3 Authentication unsuccessful [FR3P281CA0094.DEUP281.PROD.OUTLOOK.COM]", AuthFailed, "", ""},
	// geoffsmith82/GmailAuthSMTP#15 (the command, then the reply)
	{"AUTH XOAUTH2 user= <my_user> auth=Bearer <token>\nR:535 5.7.3 Authentication unsuccessful [ROAP284CA0191.BRAP284.PROD.OUTLOOK.COM]", AuthOAuthFailed, "", ""},
	// HChaoHui/msOauth2api#3
	{"Error sending email: Error: Invalid login: 535 5.7.3 Authentication unsuccessful [SGXP274CA0016.SGPP274.PROD.OUTLOOK.COM 2025-03-20T11:25:21.972Z 08DD66EDEFB0DFDF]", AuthFailed, "", ""},
	// jstedfast/MailKit#1712
	{"Error: MailKit.Security.AuthenticationException: 535: 5.7.3 Authentication unsuccessful [AM0PR06CA0126.eurprd06.prod.outlook.com 2024-02-14T14:50:26.590Z 08DC2D372B4C3DED]", AuthFailed, "", ""},
	// tarickb/sasl-xoauth2#110
	{"501 5.5.124 Invalid XOAUTH2 auth data", AuthOAuthFailed, "", ""},
	// mludvig/smtp-cli#24
	{"MAIL FROM <user@example.com> failed: '503 bad sequence of commands'", SMTPBadSequence, "", ""},
	// forkcms/forkcms#665
	{"SMTP response: 503 Bad sequence of commands", SMTPBadSequence, "", ""},
	// deanproxy/eMail#45
	{"email: FATAL: Smtp error: 503 Bad sequence of commands", SMTPBadSequence, "", ""},
	// swiftmailer/swiftmailer#966
	{"Expected response code 354 but got code \"503\", with message \"503 Bad sequence of commands [@sm190202] \"", SMTPBadSequence, "", ""},
	// splitbrain/dokuwiki-plugin-smtp#61
	{"There was an unexpected problem communicating with SMTP: Unexpected return code - Expected: 354, Got: 503 | 503 Bad sequence of commands", SMTPBadSequence, "", ""},
	// eugene-eeo/mailthon#30
	{"503, Bad sequence of commands", SMTPBadSequence, "", ""},
	// mscdex/node-imap#916 (Outlook 2019 against IONOS)
	{"The following recipient(s) cannot be reached:  503 Bad sequence of commands", SMTPBadSequence, "", ""},
	// diladele/websafety#2319
	{"2025/06/17 03:00:01 Fatal error: 500 5.0.0 Line too long", SMTPLineTooLong, "", ""},
	// OpenSMTPD/OpenSMTPD#1134
	{"<<< 500 5.0.0: Line too long", SMTPLineTooLong, "", ""},
	// Kitura/Swift-SMTP#106 (web.de bounce)
	{"Diagnostic-Code: SMTP; 501 Syntax error - line too long", SMTPLineTooLong, "", ""},
	// carlosz1986/paperless-mailservice#8
	{"error sending email: unable to send email: 501 Syntax error - line too long", SMTPLineTooLong, "", ""},
	// frappe/erpnext#17565
	{"smtplib.SMTPDataError: (501, b'Syntax error - line too long')", SMTPLineTooLong, "", ""},
	// getsentry/sentry#7454
	{"SMTPDataError (550, 'maximum allowed line length is 998 octets, got 1802')", SMTPLineTooLong, "", ""},
	// dx-tooling/platform-problem-monitoring-core#1
	{"550-Line length in message or single header exceeds 8192", SMTPLineTooLong, "", ""},
	// anonaddy/anonaddy#624
	{"552 5.2.1 : Recipient address rejected: User disabled", SMTPRecipientDisabled, "", ""},
	// anonaddy/anonaddy#580
	{"Remote server returned '552 5.2.1 <(name)@anonaddy.me>: Recipient address rejected: User disabled'", SMTPRecipientDisabled, "", ""},
	// anonaddy/anonaddy#757
	{"mail2.anonaddy.me ha restituito questo errore:\n<phz5gwmw@anonaddy.com>: Recipient address rejected: User disabled", SMTPRecipientDisabled, "", ""},
	// OfflineIMAP/offlineimap#29 (GroupWise)
	{"NO APPEND The 1500 MB storage limit has been exceeded.", IMAPOverQuota, "", ""},
	// mailcow/mailcow-dockerized#2282
	{"postfix-mailcow_1    | Feb  8 20:30:05 mail postfix/smtpd[17756]: NOQUEUE: reject: RCPT from unknown[x.x.x.x]: 450 4.7.1 Client host rejected: cannot find your reverse hostname, [x.x.x.x]; from=<from@domain.com> to=<to@domain.pt> proto=ESMTP helo=<domain.com>", SMTPNoReverseDNS, "", ""},
	// anonaddy/anonaddy#713 (wrapped bounce)
	{"mail.anonaddy.me[2a00:c6c0:0:108:3::10] said: 554 5.7.1 Client host\n    rejected: cannot find your reverse hostname, [2a01:4f8:171:145e::2] (in\n    reply to RCPT TO command)", SMTPNoReverseDNS, "", ""},
	// sisimai/rb-sisimai#97 (Postfix 3 reject_unknown_client)
	{"(host neko.exmple.jp[192.0.2.222] said: 450 4.7.25 Client host rejected: cannot find your hostname, [192.0.2.22] (in reply to RCPT TO command))", SMTPNoReverseDNS, "", ""},
	// iredmail/iRedMail#156 (free.fr)
	{"Jan 23 11:23:49 Pixel-games postfix/smtp[41823]: 4JfcKV3f3Bz1bwc: host mx1.free.fr[212.27.48.6] refused to talk to me: 421 Refused. Your reverse DNS entry does not resolve to an IP.", SMTPNoReverseDNS, "", ""},
	// taoeffect/empress#71 (wrapped DSN)
	{"Diagnostic-Code: smtp; 450 4.7.1 Client host rejected: cannot find your reverse\n   hostname, [176.56.x.x]", SMTPNoReverseDNS, "", ""},
	// gen-smtp/gen_smtp#140
	{"{{nocatch,{permanent_failure,<<\"550 5.4.5 Daily user sending quota exceeded. o65sm25351206pga.71 - gsmtp\\r\\n\">>}}", SMTPSendingLimit, "", ""},
	// iiuni/projektzapisy#766
	{"SMTPDataError: (550, b'5.4.5 Daily user sending quota exceeded. j37sm5180744wre.54 - gsmtp')", SMTPSendingLimit, "", ""},
	// PHPMailer/PHPMailer#2113
	{"2020-08-15 17:53:32 SERVER -> CLIENT: 550 5.4.5 Daily user sending quota exceeded. s5sm12197523qke.120 - gsmtp", SMTPSendingLimit, "", ""},
	// root-io/vmail#67 (Windows Live Mail)
	{"An Outgoing server (SMTP) error occurred while sending mail. The server responded:  5.7.1 <DATA>: Data command rejected: only 10 messages per day", SMTPSendingLimit, "", ""},
	// MicrosoftDocs/OfficeDocs-Support#1150
	{"554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException", SMTPSendingLimit, "", ""},
	// 2amigos/yii2-usuario#527 (Amazon SES via Symfony/Swift)
	{"Expected response code 250 but got code \"454\", with message \"454 Throttling failure: Daily message quota exceeded.", SMTPSendingLimit, "", ""},
	// EFForg/action-center-platform#874 (Ruby Net::SMTP)
	{"Error Net::SMTPServerBusy: 454 Throttling failure: Daily message quota exceeded.", SMTPSendingLimit, "", ""},
	// gophish/gophish#720 (Go gomail, smtp2go)
	{"gomail: could not send email 1: 552 Your account has been suspended. Please contact us to reactivate", AuthAccountLocked, "", ""},
	// roundcube/roundcubemail#8737
	{"550 Outgoing mail from \"\" has been suspended.", SMTPSendingBlocked, "", ""},
	// nodemailer/nodemailer#1422
	{"Error: getaddrinfo ENOTFOUND \"smtp.gmail.com\";\n    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:79:26)", DNSNXDomain, "", ""},
	// nodemailer/nodemailer#409
	{"{ [Error: getaddrinfo ENOTFOUND smtp.gmail.com]\n  code: 'ENOTFOUND',\n  errno: 'ENOTFOUND',\n  syscall: 'getaddrinfo',\n  hostname: 'smtp.gmail.com' }", DNSNXDomain, "", ""},
	// nodemailer/nodemailer#679
	{"{ [Error: getaddrinfo EAI_AGAIN west.exch032.serverdata.net:587]\n  code: 'EAI_AGAIN',\n  errno: 'EAI_AGAIN',\n  syscall: 'getaddrinfo',", DNSFailure, "", ""},
	// nodemailer/nodemailer#1153 (libuv -3008 = ENOTFOUND)
	{"\"error\": {\n    \"errno\":-3008,\n    \"code\":\"EDNS\",\n    \"syscall\":\"getaddrinfo\",\n    \"hostname\":\"smtp.mail.ru,\",\n    \"command\":\"CONN\"\n}", DNSNXDomain, "", ""},
	// nodemailer/nodemailer#243
	{"Error: read ECONNRESET\n    at errnoException (net.js:901:11)\n    at TCP.onread (net.js:556:19)", TCPReset, "", ""},
	// emailjs/emailjs-imap-client#106
	{"[ERROR][2016-09-30T20:29:04.725Z][undefined] Could not connect to server Error: Could not open socket: unable to verify the first certificate", TLSCertUntrusted, "", ""},
	// nodejs/node#52582
	{"Error: unable to verify the first certificate\n    at TLSSocket.onConnectSecure (node:_tls_wrap:1674:34)\n    at TLSSocket.emit (node:events:519:28)\n    at TLSSocket._finishInit (node:_tls_wrap:1085:8)\n    at ssl.onhandshakedone (node:_tls_wrap:871:12) {\n  code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'\n}", TLSCertUntrusted, "", ""},
	// YMFE/yapi#992
	{"邮件发送不成功unable to verify the first certificate", TLSCertUntrusted, "", ""},
	// nodemailer/nodemailer#1037
	{"{ Error: 4412364224:error:140770FC:SSL routines:SSL23_GET_SERVER_HELLO:unknown protocol:../deps/openssl/openssl/ssl/s23_clnt.c:827:\n code: 'ESOCKET', command: 'CONN' }", PortExpectsSTARTTLS, "", ""},
	// nodemailer/smtp-server#115
	{"`{ Error: self signed certificate\n    at TLSSocket.onConnectSecure (_tls_wrap.js:1048:34)", TLSCertUntrusted, "", ""},
	// jstedfast/MailKit#357 (Pop3Client on an IMAP port)
	{"Unexpected greeting from server: * OK Gimap ready for requests from 62.220.2.230", PortWrongProtocol, "", ""},
	// jstedfast/MailKit#156 (ImapClient on 995)
	{"Unexpected token in IMAP greeting: '+'", PortWrongProtocol, "", ""},
	// jstedfast/MailKit#1099 (ImapClient on 587)
	{"Syntax error in IMAP server greeting. Unexpected token: [atom: 220]", PortWrongProtocol, "", ""},
	// python/cpython#152768 (imaplib on a POP3 port)
	{"invalid greeting: +OK POP3 server ready", PortWrongProtocol, "", ""},
	// ditesh/node-poplib#23 (POP3 client on Gmail IMAP 993)
	{"Response: 'PASS BAD Unknown command g67mb393707070wme\\r\\n'", PortWrongProtocol, "", ""},
	// pandolia/qqbot#221 (Python 2 smtplib prints QQ's GBK reply escaped)
	{"SMTPAuthenticationError: (535, 'Error: \\xc7\\xeb\\xca\\xb9\\xd3\\xc3\\xca\\xda\\xc8\\xa8\\xc2\\xeb\\xb5\\xc7\\xc2\\xbc\\xa1\\xa3\\xcf\\xea\\xc7\\xe9\\xc7\\xeb\\xbf\\xb4: http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256')", AuthAuthorizationCodeRequired, "", ""},
	// huangxuan518/HXPackRobot#15
	{"reply: '535 Error: \\xc7\\xeb\\xca\\xb9\\xd3\\xc3\\xca\\xda\\xc8\\xa8\\xc2\\xeb\\xb5\\xc7\\xc2\\xbc\\xa1\\xa3\\xcf\\xea\\xc7\\xe9\\xc7\\xeb\\xbf\\xb4: http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256\\r\\n'", AuthAuthorizationCodeRequired, "", ""},
	// ZsgsDesign/NOJ#93 (GBK shown as U+FFFD; only the help page is left)
	{"Failed to authenticate on SMTP server with username \"nuptacm@qq.com\" using 1 possible authenticators. Authenticator LOGIN returned Expected response code 235 but got code \"535\", with message \"535 Error: ��ʹ����Ȩ���¼�������뿴: http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256 \".", AuthAuthorizationCodeRequired, "", ""},
	// pppscn/SmsForwarder#507 (title cut short)
	{"Failed to send email: 535 Login Fail.Please enter your authorization", AuthAuthorizationCodeRequired, "", ""},
	// YMFE/yapi#2219
	{"error: send mail ****@163.com,*****@qq.com error,Invalid login: 535 Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256", AuthAuthorizationCodeRequired, "", ""},
	// PHPMailer/PHPMailer#1332
	{"2018-01-15 15:58:23\tConnection: Failed to connect to server. Error number 2. \"Error notice: stream_socket_client(): unable to connect to ssl://smtp.hosts.co.uk:465 (Connection timed out)", TCPTimeout, "", ""},
	// PHPMailer/PHPMailer#2215
	{"2020-12-06 09:56:04 Connection failed. Error #2: stream_socket_client(): unable to connect to smtp.gmail.com:587 (Permission denied) [/var/www/html/vendor/phpmailer/phpmailer/src/SMTP.php line 375]\n2020-12-06 09:56:04 SMTP ERROR: Failed to connect to server: Permission denied (13)", TCPConnectFailed, "", ""},
	// PHPMailer/PHPMailer#2199
	{"2020-11-20 01:18:21 SMTP ERROR: Failed to connect to server: Network is unreachable (101)", TCPUnreachable, "", ""},
	// PHPMailer/PHPMailer#1648
	{"Message could not be sent.Mailer Error: SMTP Error: Could not connect to SMTP host.", TCPConnectFailed, "", ""},
	// PHPMailer/PHPMailer#872 (title cut short)
	{"SMTP ERROR: Failed to connect to server: A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected hos", TCPTimeout, "", ""},
	// django-helpdesk/django-helpdesk#568 and sivel/speedtest-cli#235 (Python ssl read timeout)
	{"ssl.SSLError: ('The read operation timed out',)", ServerResponseTimeout, "", ""},
	// deanproxy/eMail#59
	{"email: FATAL: Smtp error: Timeout(10) while trying to read from SMTP server", ServerResponseTimeout, "", ""},
	// frappe/frappe#35004
	{"Error connecting via SMTP: timed out", TCPTimeout, "", ""},
	// ljmerza/ha-email-sensor#16 (Gmail IMAP bandwidth limit)
	{"IMAPClient update error: command: FETCH => [OVERQUOTA] Account exceeded command or bandwidth limits.", ServerBusy, "", ""},
	// lossme/ComicBook#3
	{"！error:(535, b'Error: authentication failed')", AuthFailed, "", ""},
	// roundcube/roundcubemail#6794
	{"Erreur SMTP (535) : authentication failed", AuthFailed, "", ""},
	// roundcube/roundcubemail#6605
	{"Unable to send an email: SMTP Error (535): Authentication failed", AuthFailed, "", ""},
	// mautic/recommended-project#74 (Symfony Mailer)
	{"Failed to authenticate on SMTP server with username \"no-reply@money4you.financial\" using the following authenticators: \"LOGIN\", \"PLAIN\". Authenticator \"LOGIN\" returned \"Expected response code \"235\" but got code \"535\", with message \"535 Incorrect authentication data\".\". Authenticator \"PLAIN\" returned \"Expected response code \"235\" but got code \"535\", with message \"535 Incorrect authentication data\".\".", AuthFailed, "", ""},
	// 4IceG/luci-app-sms-tool-js#45 (mailsend without -ehlo)
	{"Failed to forward message: Error: MAIL FROM failed: '550 Authentication is required for relay'", SMTPAuthRequired, "", ""},
	// Foundry376/Mailspring#811 (Sendmail without AUTH after STARTTLS)
	{"AUTH PLAIN c2VkZ2hpAHNXXXXXQBzYWRvaGFzaHRhZG84QA==\n500 5.5.1 Command unrecognized: \"AUTH PLAIN c2VkZ2hpAHNXXXXXQBzYWRvaGFzaHRhZG84QA==\"", SMTPAuthNotOffered, "", ""},
	// Foundry376/Mailspring#1232
	{"SMTP Last Response Code: 535 (authentication failed)", AuthFailed, "", ""},
	// pocketbase/pocketbase#584 (Go net/smtp)
	{"Failed to send the test email. Raw error: \n535 Authentication Failed.", AuthFailed, "", ""},
	// gogs/gogs#6458 (Go gomail, Exchange offering only NTLM)
	{"[ERROR] [...o/gogs/internal/email/message.go:209 processMailQueue()] Failed to send emails [xxx@xxx.com]: UID: 1, reset password - gomail: could not send email 1: Auth: 535 5.7.3 Authentication unsuccessful", AuthFailed, "", ""},
	// guileen/node-sendmail#73 (hMailServer)
	{"Error: SMTP code:530 msg:530 SMTP authentication is required.", SMTPAuthRequired, "", ""},
	// emersion/hydroxide#78 (mbsync)
	{"IMAP error: selected SASL mechanism(s) not available;\n   selected: PLAIN\n   available: EXTERNAL\nNote: not using LOGIN because connection is not encrypted;\n      use 'AuthMechs LOGIN' explicitly to force it.", AuthMechanismUnsupported, "", ""},
	// mscdex/node-imap#55
	{"[Error: Unsupported authentication mechanism(s) detected. Unable to login.]", AuthMechanismUnsupported, "", ""},
	// thunderbird/thunderbird-android#9406 (K-9 Mail against perdition)
	{"Command continuation aborted: #1# [NO, AUTHENTICATE mechanism not supported, mate] Error", AuthMechanismUnsupported, "", ""},
	// imapsync/imapsync#449 (Perl Mail::IMAPClient)
	{"ERROR: 4 NO [AUTHENTICATIONFAILED] Authentication failed. at /usr/local/share/perl5/Mail/IMAPClient.pm line 1388.", AuthFailed, "", ""},
	// ikvk/imap_tools#167
	{"imap_tools.errors.MailboxLoginError: Response status \"OK\" expected, but \"NO\" received. Data: [b'authentication failed']", AuthFailed, "", ""},
	// nextcloud/mail#2929 (Horde IMAP)
	{"\"Message\":\"IMAP errorAuthentication failed.\",\"Code\":102", AuthFailed, "", ""},
	// testerSunshine/12306#62
	{"SMTPAuthenticationError(550, 'User has no permission'))", AuthServiceDisabled, "", ""},
	// ruanyf/weather-action#5 (163: the sender is not the logged-in account)
	{"Error: Mail command failed: 553 Local user only,163 smtp5,HdxpCgA3f+63sTNhtiNZDA--.2001S2 1630777785", SMTPSenderMismatch, "", ""},
	// gshang2017/docker#18 (QQ exmail via calibre-web)
	{"[2020-03-02 06:29:22,612] ERROR {cps.worker:531} Error sending email: mail from address must be same as authorization user", SMTPSenderMismatch, "", ""},
	// ssrpanel/SSRPanel#392
	{"Expected response code 250 but got code \"501\", with message \"501 mail from address must be same as authorization user \"", SMTPSenderMismatch, "", ""},
	// emersion/go-smtp#63
	{"2019/09/14 00:52:08 x509: certificate has expired or is not yet valid", TLSCertExpired, "", ""},
	// rpremraj/mailR#107
	{"DEBUG SMTP: AUTH LOGIN failed\njavax.mail.AuthenticationFailedException: 535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [BM1P287CA0015.INDP287.PROD.OUTLOOK.COM]", AuthBasicDisabled, "", ""},
	// jakartaee/mail-api#84 (JavaMail's own typo)
	{"javax.mail.AuthenticationFailedException: No authentication mechansims supported by both server and client", AuthMechanismUnsupported, "", ""},
	// yegor256/netbout#245
	{"Caused by: javax.mail.AuthenticationFailedException: failed to connect", AuthFailed, "", ""},
	// jstedfast/MailKit#1532
	{"MailKit.Net.Smtp.SmtpCommandException: 5.7.3 Authentication unsuccessful", AuthFailed, "", ""},
	// thingsboard/thingsboard#13935
	{"Unable to send mail: 535 5.7.3 Authentication unsuccessful", AuthFailed, "", ""},
	// kristijandraca/BackgroundMailLibrary#7 (Android JavaMail)
	{"01-08 21:35:46.425: W/System.err(23534): javax.mail.AuthenticationFailedException", AuthFailed, "", ""},
	// SeunMatt/mysql-backup4j#17
	{"javax.mail.AuthenticationFailedException: 535 5.7.0 Invalid login or password", AuthFailed, "", ""},
	// yesidlazaro/GmailBackground#11
	{"javax.mail.MessagingException: Could not connect to SMTP host: smtp.gmail.com, port: 465", TCPConnectFailed, "", ""},
	// ikvk/imap_tools#166
	{"    raise self.abort('socket error: EOF')\nimaplib.abort: socket error: EOF", ServerClosed, "", ""},
	// prbinu/dmarc-report-processor#3
	{"imaplib.abort: command: LOGIN => socket error: EOF", ServerClosed, "", ""},
	// rcarmo/imapbackup#13
	{"ERROR: command: FETCH => socket error: EOF", ServerClosed, "", ""},
}

// benignCorpus are real success and non-mail lines (greetings, OKs, an HTTP access log line):
// pasted with an error they must add no error-level finding of their own.
var benignCorpus = []string{
	// curl/curl#5321
	"I got 235 Authentication successful",
	// curl/curl#5321 (QQ greeting and EHLO as curl -v prints them)
	"< 220 newxmesmtplogicsvrszb5.qq.com XMail Esmtp QQ Mail Server.\n< 250-newxmesmtplogicsvrszb5.qq.com\n< 250-PIPELINING\n< 250-SIZE 73400320\n< 250-STARTTLS\n< 250-AUTH LOGIN PLAIN\n< 250-AUTH=LOGIN\n< 250-MAILCOMPRESS\n< 250 8BITMIME",
	// splitbrain/dokuwiki-plugin-smtp#65 (Proton Mail)
	"Got: 220 2.0.0 Ready to start TLS",
	// alash3al/go-smtpsrv#6
	"> 354 End data with <CR><LF>.<CR><LF>",
	// alash3al/go-smtpsrv#6
	"> 250 Ok",
	// mludvig/smtp-cli#24 (AliMail greeting)
	"[220] 'smtp.aliyun-inc.com MX AliMail Server'",
	// jstedfast/MailKit#856 (free.fr POP3 greeting)
	"S: +OK POP3 ready <1724282838.1557400756@popn2>",
	// jstedfast/MailKit#856 (free.fr IMAP greeting and CAPABILITY)
	"S: * OK IMAP4 ready\nC: A00000000 CAPABILITY\nS: * CAPABILITY IMAP4REV1 X-NETSCAPE LOGIN-REFERRALS AUTH=PLAIN\nS: A00000000 OK completed",
	// NixOS/nixpkgs#352446 (mbsync -V)
	"Connecting to imappro.zoho.eu (185.230.212.25:993)...\nConnection is now encrypted\nLogging in...\nAuthenticating with SASL mechanism PLAIN...",
	// the-djmaze/snappymail#1397
	"[2024-01-23 10:01:04.604][e8cf41e5] IMAP[INFO]: Connect (success)",
	// frappe/frappe#35004
	"✓ SSL SMTP connection successful!",
	// xavier-hernandez/goaccess-for-nginxproxymanager#172 (nginx access log)
	`192.168.224.1 - - [23/Dec/2023:12:54:14 +0000] "GET / HTTP/1.1" 200 91967 "-" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0"`,
}

// knownNearMisses are batch texts whose label (the cause the thread established) no wording in the
// text shows; each maps to the broader code the matcher gives, whose explanation names that cause.
// TestCorpus accepts that code for them; TestScore and TestUnseenBatches still count them as misses.
var knownNearMisses = map[string]Code{}

func TestCorpus(t *testing.T) {
	all := allCorpus()
	t.Logf("corpus: %d cases (%d of the 2026-12-04 batch), %d reply-only cases, %d GBK cases", len(all),
		len(unseenBatch), len(replyCorpus), len(gbkCases))
	if len(all) < 150 {
		t.Errorf("corpus has %d cases, want at least 150", len(all))
	}
	seen := map[string]bool{}
	for i, c := range all {
		if seen[c.text] {
			t.Errorf("case %d duplicated: %q", i, c.text)
		}
		seen[c.text] = true
		if _, ok := Lookup(c.want); !ok {
			t.Errorf("case %d: want %s is not in the catalogue", i, c.want)
		}
		got := MatchText(c.text)
		if len(got) == 0 {
			t.Errorf("case %d: MatchText(%q) = nothing, want %s", i, c.text, c.want)
			continue
		}
		if got[0].Code != c.want && knownNearMisses[c.text] != got[0].Code {
			t.Errorf("case %d: MatchText(%q)[0] = %s (rule %s), want %s; all: %v", i, c.text, got[0].Code, got[0].Rule, c.want, got)
		}
		for _, m := range got {
			if m.Evidence == "" || m.Rule == "" {
				t.Errorf("case %d: match without evidence or rule: %+v", i, m)
			}
		}
		if c.phase != "" {
			lines := strings.Split(c.text, "\n")
			code, ok := MatchReply(c.proto, c.phase, lines)
			if !ok || code != c.want {
				t.Errorf("case %d: MatchReply(%s, %s, %q) = %s, %v; want %s", i, c.proto, c.phase, c.text, code, ok, c.want)
			}
		}
	}
}

// replyCorpus holds replies that only name a cause together with the command they answer:
// MatchText leaves them to ReplyClass, MatchReply maps them by phase.
var replyCorpus = []corpusCase{
	// providers.md T8: STARTTLS sent to a server without it (RFC 3207)
	{"502 5.5.1 Unrecognized command", TLSSTARTTLSUnavailable, "smtp", "starttls"},
	// providers.md T8: older servers
	{"500 Command unrecognized: \"STARTTLS\"", TLSSTARTTLSUnavailable, "smtp", "starttls"},
	// RFC 5321 4.1.1.1: EHLO refused
	{"501 5.5.4 Syntax: EHLO hostname", SMTPHELORejected, "smtp", "ehlo"},
	// RFC 4954 4: mechanism refused
	{"504 5.5.4 Unrecognized authentication type", AuthMechanismUnsupported, "smtp", "auth"},
	// RFC 5321 4.2.2: greeting refused
	{"554 No SMTP service here", SMTPIPBlocked, "smtp", "greeting"},
	// RFC 5321 4.2.3: 554 after the message data — the content was refused
	{"554 Transaction failed", SMTPSpamRejected, "smtp", "data"},
	// POP3 STLS refused (RFC 2595 4)
	{"-ERR Command not permitted when TLS active", TLSSTARTTLSUnavailable, "pop3", "stls"},
	// IMAP greeting refusal (RFC 9051 7.1.5)
	{"* BYE Server busy, try again later", ServerBusy, "imap", "greeting"},
	// Exim src/smtp_in.c: commands out of order, named only by the code and the command (RFC 5321 4.3.2)
	{"503 sender already given", SMTPBadSequence, "smtp", "mail"},
	{"503 sender not yet given", SMTPBadSequence, "smtp", "rcpt"},
	{"503 valid RCPT command must precede DATA", SMTPBadSequence, "smtp", "data"},
}

func TestReplyCorpus(t *testing.T) {
	for i, c := range replyCorpus {
		code, ok := MatchReply(c.proto, c.phase, strings.Split(c.text, "\n"))
		if !ok || code != c.want {
			t.Errorf("reply case %d: MatchReply(%s, %s, %q) = %s, %v; want %s", i, c.proto, c.phase, c.text, code, ok, c.want)
		}
		if ReplyClass(c.text) == "" {
			t.Errorf("reply case %d: ReplyClass(%q) is empty", i, c.text)
		}
	}
}

// TestCorpusCoversFindings: every FINDINGS.md code an error text can show has a corpus case.
func TestCorpusCoversFindings(t *testing.T) {
	// Observation-only codes; see the comment above the corpus.
	observed := map[Code]bool{
		AuthPlaintextOffered: true, TLSSTARTTLSInjection: true, TCPPort25Blocked: true, DNSNoMX: true,
	}
	have := map[Code]bool{}
	for _, c := range corpus {
		have[c.want] = true
	}
	for _, code := range findingsMDCodes {
		if !observed[code] && !have[code] {
			t.Errorf("no corpus case for FINDINGS.md code %s", code)
		}
	}
}

// TestMustCases are the two examples the knowledge-base brief names.
func TestMustCases(t *testing.T) {
	got := MatchText("530 5.7.0 Must issue a STARTTLS command first")
	if len(got) == 0 || got[0].Code != TLSRequired {
		t.Fatalf("STARTTLS: got %v", got)
	}
	qq := "535 Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256"
	got = MatchText(qq)
	if len(got) != 1 || got[0].Code != AuthAuthorizationCodeRequired || got[0].Rule != "qq-authcode" {
		t.Fatalf("QQ: got %v", got)
	}
	if p := testHints.Provider(qq); p != "qq" {
		t.Fatalf("testHints.Provider(QQ) = %q", p)
	}
}

// gbkCases are Chinese server replies as QQ and NetEase send them: GBK bytes on the wire.
var gbkCases = []struct {
	text string
	want Code
	hint string
}{
	// QQ SMTP with the web password (public test fixture quoting smtp.qq.com; PHPMailer usage note)
	{"535 Error: 请使用授权码登录。详情请看: http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256", AuthAuthorizationCodeRequired, "qq"},
	// NetEase spam rejection with its Chinese explanation (public Python notes quoting smtp.163.com)
	{"554 DT:SPM 发送的邮件内容包含了未被许可的信息，或被系统识别为垃圾邮件。请检查是否有用户发送病毒或者垃圾邮件；", SMTPSpamRejected, ""},
	// Coremail Chinese reply table: mailbox locked (blog.sina.com.cn Coremail list)
	{"550 用户被锁定", AuthAccountLocked, ""},
	// Coremail Chinese reply table: relay refused
	{"553 拒绝中继 (host denies relay)", SMTPRelayDenied, ""},
}

func TestGBKReplies(t *testing.T) {
	enc := simplifiedchinese.GBK.NewEncoder()
	for _, c := range gbkCases {
		raw, err := enc.Bytes([]byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		if string(raw) == c.text {
			t.Fatalf("test data is ASCII only: %q", c.text)
		}
		dec := DecodeText(raw)
		if dec != c.text {
			t.Errorf("DecodeText(GBK %q) = %q", c.text, dec)
		}
		// MatchText accepts the raw bytes too: it decodes invalid UTF-8 itself.
		for _, in := range []string{dec, string(raw)} {
			got := MatchText(in)
			if len(got) == 0 || got[0].Code != c.want {
				t.Errorf("MatchText(%q) = %v, want %s", in, got, c.want)
			} else if !strings.Contains(got[0].Evidence, "请") && !strings.Contains(got[0].Evidence, "发") &&
				!strings.Contains(got[0].Evidence, "用户") && !strings.Contains(got[0].Evidence, "拒绝") {
				t.Errorf("evidence lost the Chinese text: %q", got[0].Evidence)
			}
		}
		if code, ok := MatchReply("smtp", "auth", []string{string(raw)}); !ok || code != c.want {
			t.Errorf("MatchReply(GBK %q) = %s %v, want %s", c.text, code, ok, c.want)
		}
		if c.hint != "" {
			if p := testHints.Provider(dec); p != c.hint {
				t.Errorf("testHints.Provider(%q) = %q, want %q", dec, p, c.hint)
			}
		}
	}
}

// TestPastedLog: a log with several lines yields every code, most specific first, and
// generic fallbacks explained by a specific code are dropped.
func TestPastedLog(t *testing.T) {
	log := `2026-03-01 10:00:00 SERVER -> CLIENT: 220 smtp.qq.com Esmtp QQ QMail Server
2026-03-01 10:00:00 CLIENT -> SERVER: AUTH LOGIN
2026-03-01 10:00:01 SERVER -> CLIENT: 535 Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256
2026-03-01 10:00:01 SMTP ERROR: Password command failed: 535 Login Fail.
SMTP Error: Could not authenticate.
2026-03-01 10:05:00 SMTP ERROR: Failed to connect to server: Connection timed out (110)
SMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting`
	got := MatchText(log)
	var codes []Code
	for _, m := range got {
		codes = append(codes, m.Code)
	}
	want := []Code{AuthAuthorizationCodeRequired, TCPTimeout}
	if len(codes) != len(want) {
		t.Fatalf("codes = %v, want %v", codes, want)
	}
	for i := range want {
		if codes[i] != want[i] {
			t.Fatalf("codes = %v, want %v", codes, want)
		}
	}
	if !strings.Contains(got[0].Evidence, "authorization code") {
		t.Errorf("evidence = %q", got[0].Evidence)
	}
	if p := testHints.Provider(log); p != "qq" {
		t.Errorf("ProviderHint = %q", p)
	}
}
