package findings

import "testing"

// unseenBatch11b is a second, smaller batch gathered on 2026-12-04 after batch 11's fixes, from
// the same families: Rust applications on lettre and rustls (Vaultwarden, Lemmy, Stoat, Stalwart), Go
// applications (listmonk, Authelia), C tools (msmtp). The Erlang/Elixir texts found
// (Keila, Swoosh) were all in the corpus already and were dropped. Texts already in the corpus were dropped before
// scoring (a shared 36-character piece with any corpus text or benign line: only library and server
// stems such as OpenSSL's error strings or Gmail's 535 remain shared), and the batch was scored
// once on first sight before any change for it: 15 of 20 right (75.0 %), benign 9 of 9 clean (a
// 21st text, neomutt's "Encrypted connection unavailable", turned out to be in the corpus verbatim
// and was dropped; it had been right). By family on first sight: Rust 7/10, Go applications 6/8,
// C tools 2/2. The class fixes carried three of the five misses; the two left are held apart in
// openBatch11b below, with why, so the corpus stays all-right without a rule fitted to one text.
// Texts are as posted; the code is the cause the thread established, or the one the reply code
// and the library's own wording state when the thread did not go further.
var unseenBatch11b = []corpusCase{
	// ===== Rust (lettre, rustls) =====
	// https://github.com/LemmyNet/lemmy/issues/3348
	{"lemmydomaintld-lemmy-1     | 2023-06-26T01:19:04.849488Z  WARN Error encountered while processing the incoming HTTP request: lemmy_server::root_span_builder: email_send_failed: Connection error: Connection refused (os error 111)", TCPRefused, "", ""},
	// https://github.com/LemmyNet/lemmy-ansible/issues/41 (the hosting provider blocks outbound SMTP; lettre's socket timeout reads as EAGAIN)
	{"lemmy_1     | 2022-05-06T21:31:12.413554Z ERROR Websocket Request{trace_id=00000000000000000000000000000000}: lemmy_websocket::handlers: Error during message handling email_send_failed: network error: Resource temporarily unavailable (os error 11)", TCPTimeout, "", ""},
	// https://github.com/LemmyNet/lemmy/issues/3126
	{"email_send_failed: Connection error: timed out", TCPTimeout, "", ""},
	// https://github.com/stoatchat/self-hosted/issues/170 (use_tls = true on 587)
	{"lettre error: Connection error: error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../ssl/record/ssl3_record.c:354:", PortExpectsSTARTTLS, "", ""},

	// https://github.com/dani-garcia/vaultwarden/issues/3318
	{"vaultwarden  | [2023-03-07 14:15:56.592][vaultwarden::mail][ERROR] SMTP Connection error: Connection error: error:1416F086:SSL routines:tls_process_server_certificate:certificate verify failed:../ssl/statem/statem_clnt.c:1914: (unable to get local issuer certificate)", TLSCertUntrusted, "", ""},
	// https://github.com/dani-garcia/vaultwarden/issues/4482 (on-premise Exchange with a self-signed certificate)
	{"[2024-04-08 08:26:35.442][panic][ERROR] thread 'tokio-runtime-worker' panicked at 'Error sending incomplete 2FA email: SMTP error: Connection error: Connection error: error:0A000086:SSL routines:tls_post_process_server_certificate:certificate verify failed:ssl/statem/statem_clnt.c:1889: (self-signed certificate)': src/api/core/two_factor/mod.rs:273", TLSCertUntrusted, "", ""},
	// https://github.com/dani-garcia/vaultwarden/issues/6038
	{"[2025-07-07 19:40:48.918][vaultwarden::mail][ERROR] SMTP 5xx error: permanent error (535): 5.7.8 Username and Password not accepted. For more information, go to5.7.8  https://support.google.com/mail/?p=BadCredentials ffacd0b85a97d-3b47030bd4dsm10815241f8f.7 - gsmtp - Authentication credentials invalid", AuthFailed, "", ""},
	// https://github.com/stalwartlabs/stalwart/issues/1345 (Stalwart's delivery report for a server whose TLS is broken)
	{"STARTTLS error\n\nIt was not possible to establish a TLS connection\n\nDomain name _other-mail-server_.com\nHostname mail._other-mail-server_.org\nReason SMTP error occurred\nDetails I/O Error\nReason tls handshake eof", TLSHandshakeFailed, "", ""},

	// ===== Go applications (listmonk, Authelia) =====
	// https://github.com/knadh/listmonk/issues/2285
	{"dial tcp: lookup mail.marketsleague.com on 127.0.0.11:53: no such host", DNSNXDomain, "", ""},
	// https://github.com/knadh/listmonk/issues/1859 (network/firewall: the resolver did not answer)
	{"Error: dial tcp: lookup smtp.sendgrid.net: i/o timeout", DNSFailure, "", ""},
	// https://github.com/knadh/listmonk/issues/814
	{"error sending message in campaign test: subscriber 3be8d27c-7c2c-4f70-a168-1b89c1c61a5f: x509: certificate has expired or is not yet valid: current time 2022-05-16T12:47:26Z is after 2022-04-07T17:30:45Z", TLSCertExpired, "", ""},
	// https://github.com/knadh/listmonk/issues/575
	{"2021/11/08 20:56:19error sending message in campaign Test campaign: subscriber 56662a42-b0d7-4bc9-830d-b784ef7fca03: SMTP AUTH extension not found", SMTPAuthNotOffered, "", ""},
	// https://github.com/knadh/listmonk/issues/1450
	{"2023/08/13 01:01:05 settings.go:288: error sending SMTP test (Test connection): 535 5.7.8 Error: authentication failed: authentication failed", AuthFailed, "", ""},
	// https://github.com/authelia/authelia/issues/3164
	{`today at 12:31:35 AMtime="2022-04-11T00:31:35-05:00" level=error msg="Failure running the notification provider startup check: dial tcp 74.125.129.108:465: i/o timeout" stack="github.com/authelia/authelia/v4/internal/commands/root.go:104 doStartupChecks\ngithub.com/authelia/authelia`, TCPTimeout, "", ""},
	// https://github.com/authelia/authelia/issues/3086
	{`time="2022-04-01T20:10:58+11:00" level=error msg="Failure running the notification provider startup check: 535 5.7.8 Error: authentication failed: " stack="githu`, AuthFailed, "", ""},

	// ===== C tools (msmtp) =====
	// https://github.com/marlam/msmtp/issues/23 (an expired intermediate in the server's chain)
	{"msmtp: TLS certificate verification failed: certificate 2 of 4 has expired\nmsmtp: could not send mail (account school from /home/USER/.config/msmtp/config)", TLSCertExpired, "", ""},
	// https://github.com/marlam/msmtp/issues/22 (AUTH is listed only after STARTTLS)
	{"sendmail: the server does not support authentication", SMTPAuthNotOffered, "", ""},
}

// benignBatch11b are success and non-mail lines from the same threads: no error-level finding.
var benignBatch11b = []string{
	// https://github.com/authelia/authelia/issues/3086
	`time="2022-04-01T20:10:55+11:00" level=debug msg="Notifier SMTP client attempting connection to 198.54.122.135:587"`,
	// https://github.com/dani-garcia/vaultwarden/issues/976
	"[2020-04-26 14:13:02][response][INFO] POST /admin (post_admin_login) => 303 See Other",
	// https://github.com/authelia/authelia/issues/3086
	`time="2022-04-01T20:10:55+11:00" level=debug msg="Notifier SMTP client connected successfully"`,
	// https://github.com/authelia/authelia/issues/3086
	`time="2022-04-01T20:10:56+11:00" level=debug msg="Notifier SMTP STARTTLS completed without error"`,
	// https://github.com/authelia/authelia/issues/3086
	`time="2022-04-01T20:10:56+11:00" level=debug msg="Notifier SMTP server supports authentication with the following mechanisms: PLAIN LOGIN"`,
	// https://github.com/authelia/authelia/issues/3164
	`time="2022-04-11T00:31:25-05:00" level=info msg="Notifier SMTP client using submissions port 465. Make sure the mail server you are connecting to is configured for submissions and not SMTPS."`,
	// https://github.com/knadh/listmonk/issues/575
	"2021/11/08 20:55:37loaded email (SMTP) messenger: newsletter@mail.mydomainname.com",
	// https://github.com/knadh/listmonk/issues/2503
	"2025-05-26T15:04:17.724363346Z 2025/05/26 15:04:17.724135 pipe.go:232: campaign (SES test) finished",
	// https://github.com/dani-garcia/vaultwarden/issues/791
	"Jan 01 00:22:39 bitwarden.my-domain.com bitwarden_rs[633]: [2020-01-01 00:22:39][lettre::smtp::client][DEBUG] connecting to 10.20.30.40:465",
}

// openBatch11b are batch 11b's texts still missed after its fixes, kept out of the corpus (which
// every rule is held to) rather than met by a rule that would only fit them:
//   - Lemmy's panic names no mail fact at all: the cause (smtp_server without a port) is in the
//     thread, not in the text.
//   - "nested MAIL command" is, by its own words, a command out of sequence (listmonk's pool sent
//     MAIL twice); the thread's fix was the sender address, which the text does not say.
var openBatch11b = []corpusCase{
	// https://github.com/LemmyNet/lemmy/issues/1744 (smtp_server was given without a port)
	{"thread 'main' panicked at 'index out of bounds: the len is 1 but the index is 1', crates/utils/src/email.rs:29:7", ConfigMissingPort, "", ""},
	// https://github.com/knadh/listmonk/issues/1239 (solved: the From address must be the SMTP user)
	{"503 5.5.1 Error: nested MAIL command", SMTPSenderMismatch, "", ""},
}

// TestOpenBatch11b pins what the open misses give today, so a change that starts to claim a
// cause for them is seen: the panic gives nothing, the 503 its own meaning (bad sequence).
func TestOpenBatch11b(t *testing.T) {
	want := []Code{"", SMTPBadSequence}
	for i, c := range openBatch11b {
		var first Code
		if got := MatchText(c.text); len(got) > 0 {
			first = got[0].Code
		}
		if first != want[i] {
			t.Errorf("MatchText(%q) = %q, want %q (the thread's cause is %s)", c.text, first, want[i], c.want)
		}
	}
}

// TestBatch11bLibraryNames holds the siblings of batch 11b's class fixes. Sources: rustls/webpki
// src/error.rs (webpki::Error, printed by its Debug form inside rustls' "invalid peer
// certificate: Other(OtherError(...))"), Rust's io::Error Display "(os error N)" with Linux errno
// values (EAGAIN 11 is what a socket read/write timeout returns), knadh/smtppool's "SMTP AUTH
// extension not found".
func TestBatch11bLibraryNames(t *testing.T) {
	checkNamed(t, []named{
		{"invalid peer certificate: Other(OtherError(UnsupportedCertVersion))", TLSCertUntrusted},
		{"invalid peer certificate: Other(OtherError(CaUsedAsEndEntity))", TLSCertUntrusted},
		{"invalid peer certificate: Other(OtherError(InvalidSignatureForPublicKey))", TLSCertUntrusted},
		{"invalid peer certificate: Other(OtherError(RequiredEkuNotFound))", TLSCertUntrusted},
		{"InvalidCertificateData(\"invalid peer certificate: CertRevoked\")", TLSCertRevoked},
		{"InvalidCertificateData(\"invalid peer certificate: CertExpired\")", TLSCertExpired},
		{"InvalidCertificateData(\"invalid peer certificate: CertNotValidYet\")", TLSCertNotYetValid},
		{"InvalidCertificateData(\"invalid peer certificate: CertNotValidForName\")", TLSCertHostnameMismatch},
		{"Connection error: Connection refused (os error 111)", TCPRefused},
		{"network error: Connection timed out (os error 110)", TCPTimeout},
		{"network error: Resource temporarily unavailable (os error 11)", TCPTimeout},
		{"Connection error: Connection reset by peer (os error 104)", TCPReset},
		{"Connection error: No route to host (os error 113)", TCPUnreachable},
		{"error sending message: SMTP AUTH extension not found", SMTPAuthNotOffered},
	})
}
