package findings

import "testing"

// unseenBatch23 is a batch of real error texts from mail apps (round two), gathered on 2026-12-04 and
// scored before any change for it: FairEmail (the error texts its FAQ quotes with their causes, section
// 22 "What does account/folder error ... mean?", plus the Gmail and Outlook sections), Thunderbird for
// Android / K-9, Geary, NeoMutt, Mailspring, FlowCrypt. None was in the corpus before (checked piece by
// piece against every *_test.go; 24 candidates from the same threads and FAQ lines were already there
// and were dropped). The FAQ quotes some texts as fragments ("*... Login Rate Limit Hit ...*"): they
// are kept with the FAQ's own ellipses, as the app shows them inside longer messages. Fewer than the 40
// asked for: most app threads either were already in the corpus or paste only a screenshot.
// First sight: 7 of 24 right (29.2 %; explain with the word model 9 of 24), 8 of 8 benign lines clean;
// per family (clientFamily): java 1/1, other 3/16, server-imap 0/1, server-smtp 3/6.
// Fixed by class: DNSBL listing wordings ("IP is listed by/in/on", "is in an RBL") before the spam
// family, content-filter stems ("contains spam/malware", "phishing or malware"), POP-before-SMTP
// refusals, APOP/stronger-authentication demands, "Parameter to HELO/EHLO", JavaMail's "OAUTH2 asked
// for more", Exchange's "Command Error. 10", ID-token clock-skew texts, the Android "trust anchor for
// certification" stem, and a missing-token OAuth group (TestLibraryErrorNames23). Seven texts whose
// cause only the FAQ or thread carries moved to beyondText23; the other 17 are now right. At the merge
// with main the Yandex text came back (main's batch 22 reads its wording as the thread does): 18 and 6.
var unseenBatch23 = []corpusCase{
	// ===== FairEmail (FAQ.md, https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22) =====
	// https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22 (the current public address was listed by a DNSBL)
	{"550 Spam message rejected because IP is listed by ...", SMTPIPBlocked, "", ""},
	// https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22 (the provider's outgoing filter judged the message harmful)
	{"550 We're sorry, but we can't send your email. Either the subject matter, a link, or an attachment potentially contains spam, or phishing or malware.", SMTPSpamRejected, "", ""},
	// https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22
	{"571 5.7.1 Message contains spam or virus or sender is blocked ...", SMTPSpamRejected, "", ""},
	// https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22 (a server configuration problem on Microsoft's side)
	{"451 4.7.0 Temporary server error. Please try again later. PRX5 ...", ServerBusy, "", ""},
	// https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22 (username/address not the server's: relaying refused)
	{"571 5.7.1 Relay access denied", SMTPRelayDenied, "", ""},
	// https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22 (no username/password or no TLS set for the identity)
	{"550 5.7.1.You must check for new mail before sending mail ... Local senders are prohibited to send to local recipients without authentication", SMTPAuthRequired, "", ""},
	// https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22 (too many logins with a wrong password)
	{"... Login Rate Limit Hit ...", AuthRateLimited, "", ""},
	// https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22 (the device clock is off; the OAuth token is refused)
	{"... Invalid ID Token Issued at time is more than 10 minutes before or after the current time ...", AuthOAuthFailed, "", ""},
	// https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22 (a POP3 server that wants APOP; fixed by enabling APOP)
	{"You must use stronger authentication such as AUTH or APOP to connect to this server", AuthMechanismUnsupported, "", ""},
	// https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22 (the EHLO name; fixed by "use local IP address instead of host name")
	{"... Parameter to HELO does not conform to RFC syntax ...", SMTPHELORejected, "", ""},
	// https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22 (the account has to be authorised again)
	{"... 334 ... OAUTH2 asked for more ...", AuthOAuthFailed, "", ""},
	// https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22 (Outlook: the OAuth token expired or was invalidated)
	{"... Command Error. 10 ...", AuthOAuthTokenExpired, "", ""},
	// https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22 (Gmail: the Android account manager could not refresh the token)
	{"... Authentication failed ... No token ...", AuthOAuthFailed, "", ""},

	// ===== NeoMutt, Geary, Mailspring, Android apps =====
	// https://github.com/neomutt/neomutt/pull/3524 (the GNU SASL build offered no mechanism the server had)
	{"[2022-09-18 10:48:11]<2> smtp_auth_gsasl() returned no usable mech\n[2022-09-18 10:48:11]<E> smtp_authenticate() No authenticators available", AuthMechanismUnsupported, "", ""},
	// https://github.com/pop-os/pop/issues/447 (Geary 0.13)
	{"Account provider: GEARY_SERVICE_PROVIDER_OTHER\nService type: GEARY_PROTOCOL_IMAP\nService host: mail.tecnico.ulisboa.pt\nError type: GIOError 38\nMessage: Could not connect to mail.tecnico.ulisboa.pt: Network is unreachable", TCPUnreachable, "", ""},
	// https://github.com/Foundry376/Mailspring/issues/904 (Yandex: wrong password or IMAP not enabled; the thread did not settle
	// which; first held in beyondText23, back here after the merge with main, whose batch 22 reads Yandex's wording as auth.failed)
	{"2 NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials or IMAP is disabled sc=ebI8JB0ug4Y1_290737_53p", AuthFailed, "", ""},
	// https://github.com/FlowCrypt/flowcrypt-android/issues/579
	{"com.flowcrypt.email.util.exception.ManualHandledException: Handled manually:\njava.security.cert.CertificateException: java.security.cert.CertPathValidatorException: Trust anchor for certification path not found.", TLSCertUntrusted, "", ""},
	// https://github.com/jberkel/sms-backup-plus/issues/633 (the work Wi-Fi's policy; the phone did not trust the chain it got)
	{"Trust anchor for certification not found.", TLSCertUntrusted, "", ""},
}

// benignBatch23 are success and non-mail lines from the same threads: no error-level finding.
var benignBatch23 = []string{
	// https://github.com/Foundry376/Mailspring/issues/904
	"* OK Yandex IMAP4rev1 at imap53p.mail.yandex.net:993 ready to talk with ::ffff:83.171.154.81:39078, 2018-May-29 10:37:40, ebI8JB0ug4Y1",
	// https://github.com/Foundry376/Mailspring/issues/904
	"1 OK CAPABILITY Completed.",
	// https://github.com/Foundry376/Mailspring/issues/744
	"5 OK NAMESPACE completed.",
	// https://github.com/Foundry376/Mailspring/issues/744
	"* NAMESPACE ((\"\" \"/\")) NIL NIL",
	// https://github.com/thunderbird/thunderbird-android/issues/4602
	"01-15 15:44:05.996  9975 13041 I MessagingController: Sending message with UID K9LOCAL:31ce212f-0e4f-45a0-98a8-107e1f4f40e7",
	// https://github.com/thunderbird/thunderbird-android/issues/5613
	"08-23 22:26:33.428 23532 23552 I MessagingController: Running command 'sendPendingMessages', seq = 417 (background priority)",
	// https://github.com/thunderbird/thunderbird-android/issues/5613
	"08-23 22:26:33.447 23532 23552 I MessagingController:  Command 'sendPendingMessages' completed",
	// https://github.com/pop-os/pop/issues/447
	"Account provider: GEARY_SERVICE_PROVIDER_OTHER\nService type: GEARY_PROTOCOL_IMAP",
}

// beyondText23 are the batch's texts whose cause the text does not carry (the FAQ or thread names it):
// scored on first sight with the rest (all seven were misses), then moved here with the matcher's nearest
// reading pinned (six since the merge with main).
var beyondText23 = []pinned{
	// https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22 (the name could not be resolved: VPN, ad blocker or DNS server)
	// the name has no address records, read as such; the FAQ puts it down to a VPN, an ad blocker or a failing (private) DNS server
	{"... No address associated with hostname ... android_getaddrinfo failed: EAI_NODATA", DNSFailure, DNSNoAddress},
	// https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22 (something in between, typically a VPN, cut the TLS connection)
	// an unclean TLS close, read as the server closing; the FAQ puts it down to something in between, typically a faulty VPN
	{"... No close_notify alert received before connection closed ...", TCPReset, ServerClosed},
	// https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22 (Gmail: the authorised account was removed from the device)
	// FairEmail's text when the Android account behind a Gmail OAuth login was removed; "account not found" alone reads as a login failure
	{"... Authentication failed ... Account not found ...", AuthOAuthFailed, AuthFailed},
	// https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22 (the name could not be resolved)
	// Android's unresolved-address text, read like "Unable to resolve host"; the FAQ puts it down to a VPN, ad blocking or the DNS server
	{"... Host is unresolved ...", DNSFailure, DNSNXDomain},
	// https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22 (the server or a firewall in between ended the connection)
	// an IMAP BYE that is also the normal answer to LOGOUT: no finding; the FAQ says the server or a firewall ended the connection
	{"... BYE Logging out ...", ServerClosed, ""},
	// https://github.com/M66B/FairEmail/blob/master/FAQ.md#faq22 (no answer within the connection timeout)
	// JavaMail's MailConnectException text names no reason; the FAQ says it means no answer within the connection timeout
	{"... Couldn't connect to host ...", TCPTimeout, TCPConnectFailed},
}

func TestBeyondText23(t *testing.T) { checkPinned(t, beyondText23) }

// TestLibraryErrorNames23: the batch's misses were fixed by class, so texts never pasted in a thread
// but printed by the same code are named too. Sources: FairEmail's bundled JavaMail
// (app/src/main/java/com/sun/mail/smtp/SMTPTransport.java: "OAUTH2 asked for more" when the server
// answers the XOAUTH2 initial response with another 334), FairEmail's EmailService.java (Exchange's
// "BAD Command Error. 10" after AUTHENTICATE XOAUTH2, which it maps to "authorise again"), the
// Android/JSSE trust-anchor texts, DNSBL listing wordings and POP-before-SMTP refusals.
func TestLibraryErrorNames23(t *testing.T) {
	checkNamed(t, []named{
		{"javax.mail.AuthenticationFailedException: OAUTH2 asked for more", AuthOAuthFailed},
		{"javax.mail.MessagingException: FY1 BAD Command Error. 10;\n  nested exception is:\n\tcom.sun.mail.iap.BadCommandException: FY1 BAD Command Error. 10", AuthOAuthTokenExpired},
		{"java.security.cert.CertPathValidatorException: Trust anchor for certification path not found.", TLSCertUntrusted},
		{"java.net.UnknownHostException: Host is unresolved: imap.example.org", DNSNXDomain},
		{"554 5.7.1 Service unavailable; client host 203.0.113.5 is listed in an RBL", SMTPIPBlocked},
		{"550 Your IP is listed on a DNS blocklist", SMTPIPBlocked},
		{"553 sorry, you must check your mail before sending (pop-before-smtp)", SMTPAuthRequired},
		{"-ERR [AUTH] You must use stronger authentication such as AUTH or APOP to connect to this server", AuthMechanismUnsupported},
		{"501 Parameter to EHLO does not conform to RFC syntax", SMTPHELORejected},
		{"554 Message rejected: it contains malware", SMTPSpamRejected},
		{"Authentication failed: no access token", AuthOAuthFailed},
	})
	// A success line that mentions spam scanning stays clean.
	for _, m := range MatchText("2026-12-04 05:00:01 scan finished: message contains no spam, score 0.1") {
		if m.Code == SMTPSpamRejected {
			t.Errorf("spam scan success read as %s (rule %s)", m.Code, m.Rule)
		}
	}
}
