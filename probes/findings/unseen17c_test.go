package findings

import "testing"

// unseenBatch17c is a third, small batch from help and troubleshooting pages (Gmail's Mail Fetcher
// and "Send mail as" pages and blogs about them, Windows Live Mail and Windows Mail, Microsoft 365
// forwarding NDRs, SquirrelMail, a Mailgun app's help, Proton Mail Bridge, a CRM's IMAP sync help),
// gathered after batch 17b's fixes and scored once on first sight before any change for it. Texts as
// the pages show them; texts already in the corpus were dropped before scoring.
// First sight: 3 of 11 right (27.3 %), 6 of 6 benign lines clean; per family (clientFamily):
// other 3/10, server-smtp 0/1. One of the 8 misses carries a cause the text does not (moved to
// beyondText17c after scoring); the other 7 were fixed by class (TestLibraryErrorNames17c).
var unseenBatch17c = []corpusCase{
	// http://mail.google.com/support/bin/answer.py?answer=29382
	{"The other server sent messages in the wrong order. Please contact your other provider.", ServerProtocolError, "", ""},
	// http://mail.google.com/support/bin/answer.py?answer=29382
	{"Received an empty line.", ServerProtocolError, "", ""},
	// https://blog.gaiterjones.com/gmail-tls-negotiation-failed-the-certificate-doesnt-match-the-host/ (the certificate names another host than the MX)
	{"TLS Negotiation failed, the certificate doesn't match the host.", TLSCertHostnameMismatch, "", ""},
	// http://www.michaelflanakin.com/Blog/tabid/142/articleType/ArticleView/articleId/758/Windows-Live-Mail-Sync-Error-80AA4193.aspx (Hotmail wanted a human check on the web)
	{"The message could not be sent. Subject: '<message subject>', Protocol: HTTPMail, Server Response: 'There is an error synchronizing your mail account. Please verify your account has been configured correctly by first accessing your mail on the web.', Port: 0, Secure(SSL): No, Server Error: 0x80AA4193, Error Number: 0x80AA4193", AuthWebLoginRequired, "", ""},
	// https://shongames.ru/en/game/kak-obnovit-dannye-uchetnoi-zapisi-maikrosoft-sozdaem-uchetnuyu-zapis (Windows Mail)
	{"A proxy security certificate error has been detected. The certification authority that issued this security certificate is not trusted.", TLSCertUntrusted, "", ""},
	// https://intercom.help/rechargly/en/articles/11735795-email-forwarding-blocked-by-microsoft-outlook (the outbound spam policy blocks automatic external forwarding)
	{"Remote server returned '550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)'", SMTPSendingBlocked, "", ""},
	// https://gopherproxy.meulie.net/sdf.org/0/users/slugmax/phlog_archives/sqmail (Dovecot dropped the session: the new user had no Maildir)
	{"ERROR : Connection dropped by imap server", ServerClosed, "", ""},
	// https://help.kyriossystems.com/en/articles/13613564-email-errors-mailgun-google-workspace
	{"Could not resolve sender domain", SMTPSenderInvalid, "", ""},
	// https://mailboxtaxi.com/troubleshooting/fix-protonmail-bridge-connection (Bridge is not running)
	{"ECONNREFUSED 127.0.0.1:1143", TCPRefused, "", ""},
	// https://help.funnelbud.com/setup/email-sync/troubleshooting
	{"Cannot authenticate to IMAP server: AUTHENTICATE failed", AuthFailed, "", ""},
}

// beyondText17c: Gmail's fetcher quotes Outlook.com's plain logon failure, which does not say that
// Microsoft had turned basic authentication off; it counted as a miss on first sight.
var beyondText17c = []pinned{
	// https://blog.sjain.dev/fixing-gmail-pop3-logon-failure/amp (Microsoft turned off basic authentication for Outlook.com POP3)
	{"Authentication error. Server returned error \"Logon failure: unknown user name or bad password.\"", AuthBasicDisabled, AuthFailed},
}

// benignBatch17c are non-error lines from the same pages: no error-level finding.
var benignBatch17c = []string{
	// https://protonmail.com/bridge/faq
	"When settings up your email client (such as Thunderbird, Outlook, AppleMail), you must use your Bridge Password, not your normal ProtonMail account password.",
	// https://mailboxtaxi.com/troubleshooting/fix-protonmail-bridge-connection
	"Bridge must be running and signed in for the duration of the migration",
	// https://gopherproxy.meulie.net/sdf.org/0/users/slugmax/phlog_archives/sqmail
	"maildirmake $HOME/Maildir",
	// https://gopherproxy.meulie.net/sdf.org/0/users/slugmax/phlog_archives/sqmail
	"I then copied an empty Maildir folder hierarchy to /etc/skel so it would be copied into new user accounts.",
	// http://www.michaelflanakin.com/Blog/tabid/142/articleType/ArticleView/articleId/758/Windows-Live-Mail-Sync-Error-80AA4193.aspx
	"Applies to: Windows Live Mail v8.0.1226",
	// https://help.kyriossystems.com/en/articles/13613564-email-errors-mailgun-google-workspace
	"Go to Settings > Email > Logs.",
}

// TestBeyondText17c holds the nearest reading of the text whose cause is beyond the text.
func TestBeyondText17c(t *testing.T) { checkPinned(t, beyondText17c) }

// TestLibraryErrorNames17c holds the siblings of batch 17c's class fixes. Sources: Gmail's Mail
// Fetcher error list (support answer 29382); Microsoft 365's NDR for 5.7.520; the c-client and
// SquirrelMail "connection dropped" wording; Windows Live Mail's HTTPMail sync error.
func TestLibraryErrorNames17c(t *testing.T) {
	for _, tt := range []struct {
		text string
		want Code
	}{
		{"Connection reset by peer.", TCPReset},
		{"Connection timed out.", TCPTimeout},
		{"550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)", SMTPSendingBlocked},
		{"Connection dropped by server", ServerClosed},
		{"Server Error: 0x80AA4193, Error Number: 0x80AA4193", AuthWebLoginRequired},
		// a dropped packet is no closed session
		{"iptables: 3 packets dropped", ""},
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
