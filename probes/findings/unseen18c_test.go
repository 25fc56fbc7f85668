package findings

import "testing"

// unseenBatch18c is a third, smaller batch from the same families (K-9/Thunderbird for Android's
// "Negative SMTP reply" notifications, Go's gomail in Gitea and other tools, MailCore, MailKit,
// imap_tools), gathered after batch 18b's fixes and scored once on first sight before any change
// for it. Texts as posted (two K-9 notifications are cut off where the notification cut them).
// First sight: 6 of 9 right, 8 of 8 benign lines clean; but two of the nine (imap_tools' and The
// Dawn Bot's "Response status \"OK\" expected ... NO" lines, both right) turned out to be in the
// corpus already (the duplicate check had missed them for their quotes) and were removed, so the
// honest figure is 4 of 7 (57.1 %); per family (clientFamily): go 2/3, server-smtp 1/1, other 1/3. The one text whose cause is not in it moved to beyondText18c after
// scoring.
var unseenBatch18c = []corpusCase{
	// https://github.com/thunderbird/thunderbird-android/issues/1236 (5.1.3: a bad recipient address)
	{"Unable to send some message\nnegative SMTP reply 501 5.1.3 invalid ...", SMTPRecipientUnknown, "", ""},
	// https://github.com/thunderbird/thunderbird-android/issues/808
	{`Repeated Error: "Negative SMTP Reply: 501 5.1.3 Bad re...", "Failed to send some mess..."`, SMTPRecipientUnknown, "", ""},
	// https://github.com/go-gitea/gitea/issues/28383 (the organisation's Outlook offered no AUTH)
	{"gomail: could not send email 1: SMTP server does not support AUTH, but credentials provided", SMTPAuthNotOffered, "", ""},
	// https://github.com/go-gitea/gitea/issues/9153
	{"gomail: could not send email 1: Auth: 451 4.3.2 Internal server error", ServerBusy, "", ""},
	// https://github.com/Hell0W0rld0/Github_Hunter_By_Golang/issues/4 (no recipient was accepted before DATA)
	{"发送邮件失败！ gomail: could not send email 1: 503 5.5.2 Need rcpt command\npanic: gomail: could not send email 1: 503 5.5.2 Need rcpt command", SMTPBadSequence, "", ""},
	// https://github.com/jstedfast/MailKit/issues/491 (DATA after every RCPT TO was refused)
	{"Must have sender and recipient first", SMTPBadSequence, "", ""},
}

// beyondText18c are the batch's texts whose cause, as the thread established it, the text does not
// carry: MailCore 1's "An error occured while sending recipient address" says only that RCPT TO
// failed, not that the server refused to relay for an unauthenticated session. Counted as a miss on
// first sight and kept out of the corpus; nearest is what the matcher must keep giving (nothing).
var beyondText18c = []pinned{
	// https://github.com/MailCore/MailCore/issues/128 (sending without AUTH to other domains)
	{"Sending mail fails with error \"An error occured while sending recipient address\".", SMTPRelayDenied, ""},
}

// TestBeyondText18c holds the nearest reading of the texts whose cause is beyond the text.
func TestBeyondText18c(t *testing.T) { checkPinned(t, beyondText18c) }

// benignBatch18c are success and progress lines from the same threads: no error-level finding.
var benignBatch18c = []string{
	// https://github.com/jstedfast/MailKit/issues/194
	"Connected to smtp://mx4.hotmail.com:25/?starttls=when-available",
	// https://github.com/jstedfast/MailKit/issues/745
	"S: 250 2.1.0 Sender OK",
	// https://github.com/jstedfast/MailKit/issues/745
	"S: 250 2.1.5 Recipient OK",
	// https://github.com/imapsync/imapsync/issues/449
	"Host1: Socket successfully converted to SSL",
	// https://github.com/imapsync/imapsync/issues/449
	"Read:   3 OK Pre-login capabilities listed, post-login capabilities have more.",
	// https://github.com/imapsync/imapsync/issues/449
	"Host1: IPaddress_1 says it has CAPABILITY for AUTHENTICATE LOGIN",
	// https://github.com/Hell0W0rld0/Github_Hunter_By_Golang/issues/4
	"[√]所有信息收集完成！",
	// https://github.com/jstedfast/MailKit/issues/483
	"C: A00000000 CAPABILITY",
}
