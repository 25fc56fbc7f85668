package findings

import "testing"

// TestMessageTables18: batch 18's misses were fixed by keying on the message tables of the
// libraries that printed them, so the siblings from the same tables (never pasted in a thread we
// read) are named too. Each group cites the source file the texts come from; placeholders (host
// names, addresses, sizes) are filled in as the format strings print them.
func TestMessageTables18(t *testing.T) {
	checkNamed(t, []named{
		// PHPMailer src/SMTP.php (setError/edebug texts) and src/PHPMailer.php ($PHPMAILER_LANG
		// defaults, setFrom/addAnAddress "Invalid address: (kind): addr")
		{"SMTP ERROR: Called MAIL FROM without being connected", TCPConnectFailed},
		{"SMTP Error: Called RCPT TO without being connected", TCPConnectFailed},
		{"Authentication is not allowed at this stage", SMTPAuthNotOffered},
		{"Authentication is not allowed before HELO/EHLO", SMTPBadSequence},
		{"No HELO/EHLO was sent", SMTPBadSequence},
		{"No supported authentication methods found", AuthMechanismUnsupported},
		{`The requested authentication method "CRAM-MD5" is not supported by the server`, AuthMechanismUnsupported},
		{"SMTP -> get_lines(): timed-out (300 sec)", ServerResponseTimeout},
		{"SMTP -> get_lines(): timelimit reached (300 sec)", ServerResponseTimeout},
		{"SMTP ERROR: STARTTLS command failed: 502 5.5.1 Unrecognized command.", TLSSTARTTLSUnavailable},
		{"SMTP ERROR: EHLO command failed: 550 5.7.1 Your EHLO hostname is not a fully qualified domain name", SMTPHELORejected},
		{"Invalid address:  (to): bob@", SMTPRecipientUnknown},
		{"Invalid address:  (cc): alice@@example.org", SMTPRecipientUnknown},
		{"Invalid address:  (From): noreply", SMTPSenderInvalid},
		{"The following From address failed: noreply@example.org : MAIL FROM command failed,,550,", SMTPSenderInvalid},
		// nodemailer lib/smtp-connection/index.js (_formatError/_onError messages, with code and command)
		{"Error: Invalid HELO. response=501 5.5.4 Invalid domain name", SMTPHELORejected},
		{"{ code: 'EPROTOCOL', response: '550 5.7.1 <localhost>: Helo command rejected', responseCode: 550, command: 'EHLO' }", SMTPHELORejected},
		{`Error: Unknown authentication method "NTLM" code: 'EAUTH', command: 'API'`, AuthMechanismUnsupported},
		{"Error: Error upgrading connection with STARTTLS code: 'ETLS', command: 'STARTTLS'", TLSSTARTTLSUnavailable},
		{"Error: EHLO failed but HELO does not support required STARTTLS. response=502 5.5.2 Error: command not recognized", TLSSTARTTLSUnavailable},
		{"Error: Message size larger than allowed 10485760 code: 'EMESSAGE', command: 'MAIL FROM'", SMTPMessageTooLarge},
		// OpenCart system/library/mail/smtp.php (one "Error: X not accepted from server!" per step)
		{"Error: HELO not accepted from server!", SMTPHELORejected},
		{"Error: STARTTLS not accepted from server!", TLSSTARTTLSUnavailable},
		{"Error: AUTH LOGIN not accepted from server!", AuthMechanismUnsupported},
		{"Error: Password not accepted from server!", AuthFailed},
		// Python Lib/smtplib.py (SMTPHeloError) and Lib/poplib.py (error_proto carries the -ERR line)
		{"smtplib.SMTPHeloError: (501, b'5.5.4 Invalid domain name')", SMTPHELORejected},
		{"poplib.error_proto: b'-ERR no such user'", AuthUserUnknown},
		{"poplib.error_proto: b'-ERR unknown user'", AuthUserUnknown},
		{"poplib.error_proto: b'-ERR Unable to open mailbox, try again later'", ServerBusy},
		{"-ERR Logon failure: unknown user name or bad password.", AuthFailed}, // Exchange: the password is named
		// stalwartlabs/mail-send src/lib.rs (Error enum and its Display)
		{"called `Result::unwrap()` on an `Err` value: UnsupportedAuthMechanism", AuthMechanismUnsupported},
		{"Error: STARTTLS extension unavailable", TLSSTARTTLSUnavailable},
		{"The server does no support any of the available authentication methods", AuthMechanismUnsupported},
		// rustls (0.20/0.21 Error::CorruptMessage, "received corrupt message"), as lettre wraps it
		{"lettre::transport::smtp::Error { kind: Tls, source: Custom { kind: InvalidData, error: CorruptMessage } }", PortExpectsSTARTTLS},
		{"network error: received corrupt message", PortExpectsSTARTTLS},
		// RFC 5530 IMAP response codes (the server's own state, not the account)
		{"A0005 NO [SERVERBUG] Internal error occurred. Refer to server log for more information.", ServerBusy},
		{"a3 NO [CORRUPTION] Mailbox index is corrupted", ServerBusy},
		{"A7 NO [TRYCREATE] Mailbox doesn't exist: Sent", IMAPNonexistentMailbox},
		// Dovecot src/imap (namespace lookup) and Outlook Express IXP_E_CONNECTION_DROPPED wording
		{"NO Client tried to access nonexistent namespace. (Mailbox name should probably be prefixed with: INBOX.)", IMAPNonexistentMailbox},
		{"Your server has unexpectedly terminated the connection. Account: 'mail', Server: 'pop.example.org', Protocol: POP3, Port: 995, Secure(SSL): Yes, Error Number: 0x800CCC0F", ServerClosed},
		// sender identity wording beside "header From" (fam-from-not-allowed)
		{"550 envelope sender not allowed for this user", SMTPSenderMismatch},
		{"553 5.7.1 Envelope from address not permitted", SMTPSenderMismatch},
		// early talkers: the server's greeting delay (Postfix postscreen, Exim, Haraka)
		{"550 5.5.1 Protocol error: command received before SMTP greeting", SMTPBadSequence},
		{"554 5.5.1 Error: talking too soon", SMTPBadSequence},
		// Thunderbird comm-central mailnews/compose/src/composeMsgs.properties (smtpSendFailedUnknownServer,
		// smtpAuthMechNotSupported) and mailnews/imap/src/imapMsgs.properties (imapAuthMechNotSupported,
		// imapKerberosTicketNotAccepted)
		{"The message could not be sent because Outgoing server (SMTP) smtp.example.org could not be found. Please verify that your Outgoing server (SMTP) settings are correct and try again.", DNSNXDomain},
		{"You cannot log in to imap.example.org because you have enabled secure authentication and this server does not support it.", AuthMechanismUnsupported},
		{"The Kerberos/GSSAPI ticket was not accepted by the IMAP server imap.example.org. Please check that you are logged in to the Kerberos/GSSAPI realm.", AuthFailed},
		{"The Outgoing server (SMTP) smtp.example.org does not allow normal passwords. Please try changing the 'Authentication method' to 'Encrypted password'.", AuthMechanismUnsupported},                                     // smtpHintAuthPlainToEncrypt
		{"The IMAP server imap.example.org does not allow plaintext passwords. Please try changing the 'Authentication method' to 'Encrypted password' in the 'Account Settings | Server settings'.", AuthMechanismUnsupported}, // imapAuthChangePlainToEncrypt
		{"Could not connect to mail server imap.example.org; the connection was refused.", TCPRefused},                                                                                                                          // imapConnectionRefusedError
		{"Connection to server imap.example.org timed out.", TCPTimeout}, // imapNetTimeoutError
		// JavaMail/Jakarta Mail (com.sun.mail.imap.IMAPStore login, javax.mail.FolderNotFoundException,
		// SMTPTransport/IMAPStore "failed to connect, no user name specified?")
		{"javax.mail.MessagingException: No login methods supported!", IMAPLoginDisabled},
		{"javax.mail.FolderNotFoundException: Sent not found", IMAPNonexistentMailbox},
		{"javax.mail.AuthenticationFailedException: failed to connect, no user name specified?", AuthCredentialsMissing},
		{"Missing authentication credentials", AuthCredentialsMissing}, // mail-send ClientError::MissingCredentials
		// MailCore2 src/objc/abstract/MCOConstants.h (MCOErrorCode), as NSError prints it
		{"Error Domain=MCOErrorDomain Code=1 \"The operation couldn’t be completed. (MCOErrorDomain error 1.)\"", TCPConnectFailed},
		{"The operation couldn’t be completed. (MCOErrorDomain error 4.)", TLSCertUntrusted},
		{"Error Domain=MCOErrorDomain Code=5", AuthFailed},
		{"Error Domain=MCOErrorDomain Code=6", AuthServiceDisabled},
		{"Error Domain=MCOErrorDomain Code=8", ServerBusy},
		{"Error Domain=MCOErrorDomain Code=11", IMAPNonexistentMailbox},
		{"Error Domain=MCOErrorDomain Code=25", TLSSTARTTLSUnavailable},
		{"Error Domain=MCOErrorDomain Code=31", SMTPAuthRequired},
		{"Error Domain=MCOErrorDomain Code=40", AuthAppPasswordRequired},
		{"Error Domain=MCOErrorDomain Code=44", SMTPSpamRejected},
		{"Error Domain=MCOErrorDomain Code=45", SMTPSendingLimit},
		{"Error Domain=MCOErrorDomain Code=46", AuthWebLoginRequired},
		{"code = MCOErrorGmailApplicationSpecificPasswordRequired", AuthAppPasswordRequired},
		{"Error Domain=MCOErrorDomain Code=30", ""}, // MCOErrorSendMessage names no cause
		// lettre src/transport/smtp/response.rs (Code's Debug spells the digits out) and error.rs
		// ("transient error (421)")
		{"lettre::transport::smtp::Error { kind: Permanent(Code { severity: PermanentNegativeCompletion, category: Unspecified3, detail: Five }) }", AuthFailed},
		{"Err(Error { kind: Transient(Code { severity: TransientNegativeCompletion, category: Connections, detail: One }) })", ServerBusy},
		{"transient error (421): Service not available, closing transmission channel", ServerBusy},
		// batch 18b's fixes: PHPMailer's from_failed defers to the reason it carries, OpenCart's MAIL FROM
		// step, a 421 to an EHLO that named localhost, Yahoo! JAPAN's spam and daily-limit replies
		{"The following From address failed: a@example.org : Called MAIL FROM without being connected", TCPConnectFailed},
		{"Error: MAIL FROM not accepted from server!", SMTPSenderMismatch},
		{"C: EHLO localhost\nS: 421 4.7.0 Try again later, closing connection. (EHLO) f10sm1a4899ejl.97 - gsmtp", SMTPHELORejected},
		{"C: EHLO mail.example.org\nS: 421 4.7.0 Try again later, closing connection. (EHLO) f10sm1a4899ejl.97 - gsmtp", ServerBusy},
		{"554 5.7.1 Message cannot be sent: suspected spam", SMTPSpamRejected},
		{"550 5.4.5 You are over the limit of messages you may send in a single day", SMTPSendingLimit},
		// batch 18c's fixes: the short "does not support AUTH" wording (Gitea over gomail, Go's net/smtp
		// says "doesn't"), Exchange's 503 5.5.2/5.5.1 sequence texts
		{"smtp: server doesn't support AUTH", SMTPAuthNotOffered},
		{"gomail: could not send email 1: SMTP server does not support AUTH, but credentials provided", SMTPAuthNotOffered},
		{"503 5.5.2 Must have sender and recipient first", SMTPBadSequence},
		{"503 5.5.1 Sender already specified", SMTPBadSequence},
		// Python Lib/smtplib.py (SMTP.login), Lib/poplib.py (_getline) and Lib/imaplib.py (_get_line):
		// the line limits are the server sending too much, not the client a long line
		{"smtplib.SMTPException: No suitable authentication method found.", AuthMechanismUnsupported},
		{"poplib.error_proto: line too long", ServerTooMuchData},
		{"imaplib.IMAP4.error: got more than 1000000 bytes", ServerTooMuchData},
		// RFC 5321 section 4.2.2 reply texts, as System.Net.Mail's SmtpStatusCode messages print them
		// without the code
		{"System.Net.Mail.SmtpException: Service not available, closing transmission channel.", ServerBusy},
		{"System.Net.Mail.SmtpException: Requested action aborted: local error in processing.", ServerBusy},
		{"System.Net.Mail.SmtpException: Requested action not taken: insufficient system storage.", ServerBusy},
		{"System.Net.Mail.SmtpException: User not local; please try a different path.", SMTPRelayDenied},
		// success lines from the same tables stay clean
		{"SMTP -> get_lines(): $data is \"250 OK\"", ""},
		{"CLIENT -> SERVER: EHLO mail.example.org", ""},
	})
}
