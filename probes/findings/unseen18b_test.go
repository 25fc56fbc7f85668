package findings

import "testing"

// unseenBatch18b is a second batch from the same families as batch 18 (nodemailer, PHPMailer,
// OpenCart, JavaMail/Jakarta Mail, MailKit, MailCore2, Python smtplib users, Go/C clients quoting
// servers, the servers' HELO and sequence replies), gathered after batch 18's fixes by class and
// scored once on first sight before any change for it. Several searches were aimed at the sibling
// messages TestMessageTables18 added (nodemailer's STARTTLS upgrade error, JavaMail's "No login
// methods supported!", FolderNotFoundException, OpenCart's "X not accepted from server!",
// MCOErrorDomain codes), so this batch measures how the table work carries to real pastes; the
// rest came from the same threads' neighbours. Texts as posted; about 15 candidates whose stable
// wording the corpus already held were dropped, and so was one whose cause lies beyond the text.
// First sight: 17 of 23 right (73.9 %), 9 of 9 benign lines clean; per family (clientFamily):
// go 0/1, java 3/3, node 1/1, php 2/2, server-smtp 3/5, other 8/11. The one text whose cause is not
// in it moved to beyondText18b after scoring.
var unseenBatch18b = []corpusCase{
	// https://github.com/nodemailer/nodemailer/issues/694
	{"{ Error: Error upgrading connection with STARTTLS: 500 5.0.0 'XXXXXXXX': command not understood.\n       at SMTPConnection._actionSTARTTLS (/home/queue-worker/node_modules/smtp-connection/lib/smtp-connection.js:1033:23)\n     code: 'ETLS',\n     response: '500 5.0.0 \\'XXXXXXXX\\': command not understood.',\n     responseCode: 500,\n     command: 'STARTTLS' }", TLSSTARTTLSUnavailable, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/26 (the client did not repeat EHLO after STARTTLS)
	{`└──"503 Command sequence error\r\n" ""`, SMTPBadSequence, "", ""},
	// https://github.com/uplusware/erisemail/issues/1 (no EHLO after STARTTLS)
	{"Cause: 503 5.5.1 Error: send HELO/EHLO first", SMTPBadSequence, "", ""},
	// https://github.com/grote/BlitzMail/issues/24
	{"Der Server antwortete mit folgendem Fehlder: Bitte überprüfen Sie die SMTP-Einstellungen. 501 Syntax: HELO hostname", SMTPHELORejected, "", ""},
	// https://github.com/PHPMailer/PHPMailer/issues/1258
	{"2017-11-29 23:30:10 SERVER -> CLIENT: 220 smtp.gmail.com ESMTP k21sm2079012qta.27 - gsmtp 2017-11-29 23:30:10 CLIENT -> SERVER: EHLO mantis.* 2017-11-29 23:30:10 SERVER -> CLIENT: 501-5.5.4 HELO/EHLO argument *\"mantis.*\"* invalid, closing connection. 501 5.5.4 https://support.google.com/mail/?p=helo k21sm2079012qta.27 - gsmtp 2017-11-29 23:30:10 SMTP ERROR: EHLO command failed: 501-5.5.4 HELO/EHLO argument \"mantis.*\" invalid, closing connection. 501 5.5.4 https://support.google.com/mail/?p=helo k21sm2079012qta.27 - gsmtp 2017-11-29 23:30:10 CLIENT -> SERVER: HELO mantis.* 2017-11-29 23:30:10 SERVER -> CLIENT: 2017-11-29 23:30:10 SMTP ERROR: HELO command failed: 2017-11-29 23:30:10 SMTP NOTICE: EOF caught while checking if", SMTPHELORejected, "", ""},
	// https://github.com/PHPMailer/PHPMailer/issues/1011
	{`SMTP -> get_lines(): $str is "501-5.5.4 HELO/EHLO argument "PhpStorm 9.0.3" invalid, closing connection."`, SMTPHELORejected, "", ""},
	// https://github.com/repoze/repoze.sendmail/issues/50 (Google's relay refuses EHLO [127.0.0.1]; fixed by sending the host's name)
	{"[2023-07-20 17:03:06,262: WARNING/ForkPoolWorker-2] 'ehlo [127.0.0.1]\\r\\n'\n[2023-07-20 17:03:06,317: WARNING/ForkPoolWorker-2] reply:\n[2023-07-20 17:03:06,317: WARNING/ForkPoolWorker-2] b'421 4.7.0 Try again later, closing connection. (EHLO) v5-20020a056e0202c500b003465bd4755csm87707ilr.54 - gsmtp\\r\\n'", SMTPHELORejected, "", ""},
	// https://github.com/phpservermon/phpservermon/issues/526
	{"Error in email sending: The following From address failed: address@domain.com : Called Mail() without being connected", TCPConnectFailed, "", ""},
	// https://github.com/PHPMailer/PHPMailer/issues/1886
	{"Mailer Error: The following From address failed: mymail : MAIL FROM command failed,Authentication Required. Learn more at https://support.google.com/mail/?p=WantAuthError o189sm20117163wmo.23 - gsmtp ,530,5.5.1SMTP server error: MAIL FROM command failed Detail: Authentication Required. Learn more at https://support.google.com/mail/?p=WantAuthError o189sm20117163wmo.23 - gsmtp SMTP code: 530 Additional SMTP info: 5.5.1", SMTPAuthRequired, "", ""},
	// https://github.com/PHPMailer/PHPMailer/issues/2132 (SMTPAuth mistyped, so no AUTH was sent)
	{"The following From address failed: myemailaddress@gmail.com : MAIL FROM command failed,Authentication Required.", SMTPAuthRequired, "", ""},
	// https://github.com/opencart/opencart/issues/3756 (OpenCart sent MAIL FROM with an address other than the SMTP login)
	{"Fatal error: Uncaught Exception: Error: MAIL FROM not accepted from server! in /var/www/vhosts/oxxxxs.gr/httpdocs/system/library/mail/smtp.php:242 Stack trace: #0 /var/www/vhosts/oxxxxs.gr/httpdocs/system/library/mail.php(142): Mail\\Smtp->send() #1 /var/www/vhosts/oxxxxs.gr/httpdocs/catalog/controller/information/contact.php(25): Mail->send()", SMTPSenderMismatch, "", ""},
	// https://github.com/opencart/opencart/issues/11436
	{"Fatal error: Uncaught Exception: Error: Password not accepted from server! in /home2/mysoftstore/public_html/system/library/mail/smtp.php:241 Stack trace: #0 /home2/mysoftstore/public_html/system/library/mail/smtp.php(147): Mail\\Smtp->handleReply(Resource id #9, 235, 'Error: Password...')", AuthFailed, "", ""},
	// https://github.com/jenkinsci/poll-mailbox-trigger-plugin/issues/48 (Exchange advertises LOGINDISABLED before TLS)
	{"Error : javax.mail.MessagingException: No login methods supported!;\n  nested exception is:\ncom.sun.mail.iap.ProtocolException: No login methods supported!\nat com.sun.mail.imap.IMAPStore.protocolConnect(IMAPStore.java:663)", IMAPLoginDisabled, "", ""},
	// https://github.com/openhab/openhab-addons/issues/5537 (the server wants STARTTLS before LOGIN)
	{"2019-05-02 18:33:11.581 [INFO ] [inding.mail.internal.POP3IMAPHandler] - error when trying to refresh IMAP: No login methods supported!", IMAPLoginDisabled, "", ""},
	// https://github.com/jfisbein/imapcopy/issues/3
	{"Exception in thread \"main\" javax.mail.FolderNotFoundException: Calendar not found\n\tat com.sun.mail.imap.IMAPFolder.checkExists(IMAPFolder.java:388)", IMAPNonexistentMailbox, "", ""},
	// https://github.com/FlowCrypt/flowcrypt-android/issues/463
	{"Caused by: javax.mail.FolderNotFoundException: Outbox not found\n        at com.sun.mail.imap.IMAPFolder.checkExists(IMAPFolder.java:455)", IMAPNonexistentMailbox, "", ""},
	// https://github.com/jstedfast/MailKit/issues/746
	{"The IMAP server replied to the 'EXAMINE' command with a 'NO' response: EXAMINE Mailbox does not exist", IMAPNonexistentMailbox, "", ""},
	// https://github.com/MailCore/mailcore2/issues/1849
	{"ERROR:Error Domain=MCOErrorDomain Code=3 \"Unable to parse response from server.\" UserInfo={NSLocalizedDescription=Unable to parse response from server.", ServerProtocolError, "", ""},
	// https://github.com/MailCore/mailcore2/issues/1839 (Sohu mail)
	{"MCOErrorParse 邮箱协议无法解析", ServerProtocolError, "", ""},
	// https://github.com/MailCore/mailcore2/pull/1343 (Yahoo! JAPAN's replies MailCore had no code for)
	{"554 Cannot send message due to possible spam; please visit https://www.yahoo-help.jp/app/ask/p/2494/form/betamail-inquiry for more information", SMTPSpamRejected, "", ""},
	// https://github.com/MailCore/mailcore2/pull/1343
	{"521 smtp.mail.yahoo.co.jp closing transmission channel. User is over the limit for messages allowed to be sent in a single day", SMTPSendingLimit, "", ""},
	// https://github.com/jakartaee/mail-api/issues/811 (openssl s_client: no route to host, a firewall on the path)
	{"write:errno=113\nno peer certificate available", TCPUnreachable, "", ""},
}

// beyondText18b are the batch's texts whose cause, as the thread established it, the text does not
// carry: check-ssl-heartbleed's "reply to starttls: 503" does not say that GMX refused STARTTLS
// because the EHLO before it named no fully qualified host. Counted as a miss on first sight and kept
// out of the corpus; nearest is what the matcher must keep giving (the 503 is a bad sequence).
var beyondText18b = []pinned{
	// https://github.com/noxxi/p5-ssl-tools/issues/1 (GMX refuses STARTTLS after a non-FQDN EHLO)
	{"...reply to starttls: 503\nno starttls supported", SMTPHELORejected, SMTPBadSequence},
}

// TestBeyondText18b holds the nearest reading of the texts whose cause is beyond the text.
func TestBeyondText18b(t *testing.T) { checkPinned(t, beyondText18b) }

// benignBatch18b are success and progress lines from the same threads: no error-level finding.
var benignBatch18b = []string{
	// https://github.com/nodemailer/nodemailer/issues/1081
	" INFO  [pUzDNyFoiLg] Connection upgraded with STARTTLS",
	// https://github.com/nodemailer/nodemailer/issues/1081
	" DEBUG [pUzDNyFoiLg] SMTP handshake finished",
	// https://github.com/jenkinsci/poll-mailbox-trigger-plugin/issues/48
	"Connecting to the mailbox...",
	// https://github.com/jfisbein/imapcopy/issues/3
	"2015-05-07 00:31:05,105 DEBUG ImapCopier - opening imap conection to tandlpublications.com",
	// https://github.com/jfisbein/imapcopy/issues/3
	"2015-05-07 00:31:06,042 DEBUG ImapCopier - Creating target Folder: Calendar",
	// https://github.com/nim-lang/Nim/issues/15029
	"S:235 2.0.0 OK",
	// https://github.com/nim-lang/Nim/issues/15029
	"S:220 2.0.0 Start TLS",
	// https://github.com/PHPMailer/PHPMailer/issues/654
	"2016-03-11 13:20:29\tSERVER -> CLIENT: 220 win2.nictr.com ESMTP MailEnable Service, Version: 9.03-9.03- ready at 03/11/16 15:19:51",
	// https://github.com/repoze/repoze.sendmail/issues/50
	"[2023-07-20 17:03:06,261: WARNING/ForkPoolWorker-2] send:",
}
