package findings

import "testing"

// unseenBatch14b is a second, smaller batch from batch 14's families (OAuth2 refresh tokens, TLS
// host names, versions and DH keys across Go, Java, Python, PHP, Node, Ruby, Dart, C tools, port
// mode, proxies, sending limits and quotas), gathered after batch 14's fixes and scored once on
// first sight before any change for it. Texts already in the corpus were dropped before scoring.
var unseenBatch14b = []corpusCase{
	// ===== OAuth2 =====
	// https://github.com/OfflineIMAP/offlineimap/issues/673 (Google's refresh token expired or was revoked)
	{"XOAUTH2: Token has been expired or revoked", AuthOAuthFailed, "", ""},
	// https://github.com/pdobsan/oama/issues/17
	{"# mailctl access mygoogleaddress@gmail.com\n{\n  \"error\": \"invalid_grant\",\n  \"error_description\": \"Token has been expired or revoked.\"\n}", AuthOAuthFailed, "", ""},

	// ===== TLS: host names =====
	// https://github.com/dart-mailer/mailer/issues/189
	{"CERTIFICATE_VERIFY_FAILED: Hostname mismatch(handshake.cc:359))", TLSCertHostnameMismatch, "", ""},
	// https://github.com/Oxygem/Kanmail/issues/89 (the certificate is for servername.lt, not imap.servername.lt)
	{"[Errno 1] [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for 'imap.servername.lt'. (_ssl.c:1076)", TLSCertHostnameMismatch, "", ""},
	// https://github.com/joeyates/imap-backup/issues/31
	{"Unexpected error: hostname \"imap.mydomain.nazwa.pl\" does not match the server certificate", TLSCertHostnameMismatch, "", ""},
	// https://github.com/LukeSmithxyz/mutt-wizard/issues/853
	{"curl: (60) SSL: no alternative certificate subject name matches target host name 'geozondas.com'", TLSCertHostnameMismatch, "", ""},
	// https://github.com/LukeSmithxyz/mutt-wizard/issues/853 (msmtp, same server)
	{"TLS certificate verification failed: The certificate is NOT trusted. The name in the certificate does not match the expected.", TLSCertHostnameMismatch, "", ""},
	// https://github.com/LukeSmithxyz/mutt-wizard/issues/939
	{"Error, certificate owner does not match hostname imap.xxx.org", TLSCertHostnameMismatch, "", ""},

	// ===== TLS: versions, weak keys, port mode =====
	// https://github.com/grafana/grafana/issues/8385 (the relay offers only SSLv3)
	{"an error: tls: server selected unsupported protocol version 300", TLSVersionTooOld, "", ""},
	// https://github.com/nodemailer/smtp-server/issues/156 (an alarm panel that speaks only TLS 1.0)
	{"Error: 140063399927112:error:14209102:SSL routines:tls_early_post_process_client_hello:unsupported protocol:../deps/openssl/openssl/ssl/statem/statem_srvr.c:1686", TLSVersionTooOld, "", ""},
	// https://github.com/pymedusa/Medusa/issues/11054
	{"Error with SMTP notification: ERROR: [SSL: DH_KEY_TOO_SMALL] dh key too small (_ssl.c:997)", TLSWeakCrypto, "", ""},
	// https://github.com/mailpile/Mailpile/issues/2281 (Dovecot's DH parameters too small)
	{"Failed to fetch certificate\n[SSL: DH_KEY_TOO_SMALL] dh key too small (_ssl.c:727)", TLSWeakCrypto, "", ""},
	// https://github.com/postalserver/postal/issues/990
	{"Warning: stream_socket_enable_crypto(): SSL operation failed with code 1. OpenSSL Error messages:\nerror:141A318A:SSL routines:tls_process_ske_dhe:dh key too small", TLSWeakCrypto, "", ""},
	// https://github.com/oblac/jodd-mail/issues/15 (SSL on the STARTTLS port 587)
	{"jodd.mail.MailException: Open session error; <--- javax.net.ssl.SSLException: Unsupported or unrecognized SSL message at jodd.mail@7.0.0/jodd.mail.MailSession.open(MailSession.java:87)", PortExpectsSTARTTLS, "", ""},
	// https://github.com/GoogleCloudPlatform/fda-mystudies/issues/2154
	{"javax.net.ssl.SSLException: Unsupported or unrecognized SSL message\n\tat java.base/sun.security.ssl.SSLSocketInputRecord.handleUnknownRecord(SSLSocketInputRecord.java:439) ~[na:na]", PortExpectsSTARTTLS, "", ""},
	// https://github.com/halo-dev/halo/issues/892 (Office 365 offers only STARTTLS on 587)
	{"Caused by: javax.mail.MessagingException: Could not connect to SMTP host: smtp.office365.com, port: 587;\n  nested exception is:\n        javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?", PortExpectsSTARTTLS, "", ""},

	// ===== Network and proxies =====
	// https://github.com/nodemailer/nodemailer/issues/125 (behind a proxy that drops SMTP)
	{"{ [Error: connect ETIMEDOUT] code: 'ETIMEDOUT', errno: 'ETIMEDOUT', syscall: 'co\nnnect' }", TCPTimeout, "", ""},
	// https://github.com/nodemailer/nodemailer/issues/1024 (a corporate HTTP proxy)
	{"[2019-06-11 16:50:49] INFO  [R7yJfgNSQk] Secure connection established to 11.0.6.39:8080\n[2019-06-11 16:51:19] ERROR [R7yJfgNSQk] Greeting never received", ServerGreetingTimeout, "", ""},
	// https://github.com/docker-mailserver/docker-mailserver/issues/272 (port 25 from EC2; 587 works)
	{"(delivery temporarily suspended: connect to email-smtp.us-west-2.amazonaws.com[52.35.58.187]:25: Connection timed out)", TCPTimeout, "", ""},

	// ===== Sending limits and quotas =====
	// https://github.com/hackclub/hackathons-backend/issues/543
	{"Net::SMTPServerBusy: 454 Throttling failure: Maximum sending rate exceeded.", SMTPSendingLimit, "", ""},
	// https://github.com/go-gomail/gomail/issues/174 (the sender's own quota, whatever the recipient)
	{"Recipient address rejected: Email Sending Quota Exceeded", SMTPSendingLimit, "", ""},
	// https://github.com/anonaddy/anonaddy/issues/749
	{"552 5.2.2 : Recipient address rejected: User over quota", SMTPRecipientMailboxFull, "", ""},
}

// benignBatch14b are success and non-mail lines from the same threads: no error-level finding.
var benignBatch14b = []string{
	// https://github.com/openssl/openssl/issues/10532
	"New, TLSv1.2, Cipher is ECDHE-RSA-AES256-SHA384",
	// https://github.com/openssl/openssl/issues/10532
	"Secure Renegotiation IS supported",
	// https://github.com/openssl/openssl/issues/10532
	"Verification: OK",
	// https://github.com/hardware/mailserver/issues/330
	"2018-10-31T10:19:00.278877+00:00 lucy dovecot: imap-login: Login: user=<xxxxxx@mail.serveur>, method=PLAIN, rip=172.18.0.1, lip=172.18.0.18, mpid=1636, TLS, session=<Qq54oYN59uasEgAB>",
	// https://github.com/hardware/mailserver/issues/330
	"2018-10-31T10:19:00.311543+00:00 lucy postfix/submission/smtpd[1684]: connect from unknown[172.18.0.1]",
	// https://github.com/karolyi/py3-validate-email/issues/79
	"16:40:42.530312 reply: b'220 ready for tls\\r\\n'",
	// https://github.com/karolyi/py3-validate-email/issues/79
	"16:40:42.504894 reply: b'250-STARTTLS\\r\\n'",
	// https://github.com/redimp/otterwiki/issues/71
	"depth=3 OU = GlobalSign Root CA - R3, O = GlobalSign, CN = GlobalSign",
	// https://github.com/horst-n/WireMailSmtp/issues/23
	"S 220 Mailgun Influx ready",
	// https://github.com/nodemailer/nodemailer/issues/1024
	"[2019-06-11 16:50:49] INFO  Using proxied socket from 11.0.6.39:8080 to smtp.googlemail.com:465",
}

// TestLibraryErrorNames14b: the siblings of batch 14b's fixes, from the same tables. Sources: GnuTLS
// lib/cert-session.c (gnutls_certificate_verification_status_print), curl lib/vtls (host-name
// check), Google's OAuth2 token endpoint error descriptions, Postfix's "delivery temporarily
// suspended: <reason>" (qmgr/smtp, the reason quoted after the colon).
func TestLibraryErrorNames14b(t *testing.T) {
	checkNamed(t, []named{
		{"TLS certificate verification failed: The certificate is NOT trusted. The certificate chain uses expired certificate.", TLSCertExpired},
		{"Certificate verification failed: The certificate is NOT trusted. The certificate chain uses not yet valid certificate.", TLSCertNotYetValid},
		{"The certificate is NOT trusted. The certificate chain is revoked.", TLSCertRevoked},
		{"The certificate is NOT trusted. The certificate chain uses insecure algorithm.", TLSWeakCrypto},
		{"The certificate is NOT trusted. The certificate issuer is unknown.", TLSCertUntrusted},
		{"curl: (60) SSL: certificate subject name 'mail.example.net' does not match target host name 'imap.example.com'", TLSCertHostnameMismatch},
		{"invalid_client: The OAuth client was not found.", AuthOAuthFailed},
		{"(delivery temporarily suspended: connect to mx.example.com[192.0.2.1]:25: Connection refused)", TCPRefused},
		{"status=deferred (delivery temporarily suspended: connect to mx.example.com[192.0.2.1]:25: Connection timed out)", TCPTimeout},
	})
}

// TestTLSLibraryNames14: the certificate and handshake errors of the TLS libraries most mail code
// sits on, as each prints them: OpenSSL's X509_V_ERR names (include/openssl/x509_vfy.h, Node's
// err.code) and verify strings (crypto/x509/x509_txt.c, "certificate verify failed: ..." in Python,
// "verify error:num=N:..." in s_client), OpenSSL's SSL reason names as Python's ssl module brackets
// them (ssl/ssl_err.c) and as Node prefixes them (ERR_SSL_*), and Go's crypto/tls and crypto/x509
// error strings. None of these was pasted in a batch thread; each must give its own cause.
func TestTLSLibraryNames14(t *testing.T) {
	checkNamed(t, []named{
		{"Error: unable to get issuer certificate\n  code: 'UNABLE_TO_GET_ISSUER_CERT'", TLSCertUntrusted},
		{"code: 'UNABLE_TO_GET_ISSUER_CERT'", TLSCertUntrusted},
		{"code: 'DEPTH_ZERO_SELF_SIGNED_CERT'", TLSCertUntrusted},
		{"code: 'SELF_SIGNED_CERT_IN_CHAIN'", TLSCertUntrusted},
		{"code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'", TLSCertUntrusted},
		{"code: 'CERT_HAS_EXPIRED'", TLSCertExpired},
		{"code: 'CERT_NOT_YET_VALID'", TLSCertNotYetValid},
		{"code: 'CERT_REVOKED'", TLSCertRevoked},
		{"code: 'CERT_SIGNATURE_FAILURE'", TLSCertUntrusted},
		{"code: 'CERT_UNTRUSTED'", TLSCertUntrusted},
		{"code: 'CERT_REJECTED'", TLSCertUntrusted},
		{"code: 'INVALID_CA'", TLSCertUntrusted},
		{"code: 'HOSTNAME_MISMATCH'", TLSCertHostnameMismatch},
		{"code: 'ERR_TLS_CERT_ALTNAME_INVALID'", TLSCertHostnameMismatch},
		{"code: 'EE_KEY_TOO_SMALL'", TLSWeakCrypto},
		{"code: 'CA_MD_TOO_WEAK'", TLSWeakCrypto},
		{"certificate verify failed: certificate signature failure", TLSCertUntrusted},
		{"certificate verify failed: unable to get issuer certificate", TLSCertUntrusted},
		{"certificate verify failed: invalid CA certificate", TLSCertUntrusted},
		{"certificate verify failed: unsupported certificate purpose", TLSCertUntrusted},
		{"certificate verify failed: certificate is not yet valid", TLSCertNotYetValid},
		{"certificate verify failed: certificate revoked", TLSCertRevoked},
		{"certificate verify failed: IP address mismatch", TLSCertHostnameMismatch},
		{"certificate verify failed: EE certificate key too weak", TLSWeakCrypto},
		{"certificate verify failed: CA signature digest algorithm too weak", TLSWeakCrypto},
		{"verify error:num=10:certificate has expired", TLSCertExpired},
		{"verify error:num=18:self-signed certificate", TLSCertUntrusted},
		{"verify error:num=9:certificate is not yet valid", TLSCertNotYetValid},
		{"ssl.SSLError: [SSL: NO_SHARED_CIPHER] no shared cipher (_ssl.c:1000)", TLSHandshakeFailed},
		{"ssl.SSLError: [SSL: NO_CIPHERS_AVAILABLE] no ciphers available (_ssl.c:1000)", TLSHandshakeFailed},
		{"ssl.SSLError: [SSL: NO_PROTOCOLS_AVAILABLE] no protocols available (_ssl.c:1000)", TLSVersionTooOld},
		{"ssl.SSLError: [SSL: VERSION_TOO_LOW] version too low (_ssl.c:1000)", TLSVersionTooOld},
		{"ssl.SSLError: [SSL: TLSV1_ALERT_PROTOCOL_VERSION] tlsv1 alert protocol version (_ssl.c:1000)", TLSVersionTooOld},
		{"ssl.SSLError: [SSL: TLSV1_ALERT_UNKNOWN_CA] tlsv1 alert unknown ca (_ssl.c:1000)", TLSCertUntrusted},
		{"ssl.SSLError: [SSL: SSLV3_ALERT_BAD_CERTIFICATE] sslv3 alert bad certificate (_ssl.c:1000)", TLSCertUntrusted},
		{"ssl.SSLError: [SSL: SSLV3_ALERT_CERTIFICATE_EXPIRED] sslv3 alert certificate expired (_ssl.c:1000)", TLSCertExpired},
		{"ssl.SSLError: [SSL: TLSV1_ALERT_INTERNAL_ERROR] tlsv1 alert internal error (_ssl.c:1000)", TLSHandshakeFailed},
		{"ssl.SSLError: [SSL: UNSAFE_LEGACY_RENEGOTIATION_DISABLED] unsafe legacy renegotiation disabled (_ssl.c:1000)", TLSHandshakeFailed},
		{"ssl.SSLError: [SSL: RECORD_LAYER_FAILURE] record layer failure (_ssl.c:1000)", TLSHandshakeFailed},
		{"ssl.SSLError: [SSL: TLSV1_UNRECOGNIZED_NAME] tlsv1 unrecognized name (_ssl.c:1000)", TLSHandshakeFailed},
		{"ssl.SSLError: [SSL: SSLV3_ALERT_UNEXPECTED_MESSAGE] sslv3 alert unexpected message (_ssl.c:1000)", TLSHandshakeFailed},
		{"ssl.SSLError: [SSL: TLSV1_ALERT_DECODE_ERROR] tlsv1 alert decode error (_ssl.c:1000)", TLSHandshakeFailed},
		{"ssl.SSLError: [SSL: DECRYPTION_FAILED_OR_BAD_RECORD_MAC] decryption failed or bad record mac (_ssl.c:1000)", TLSHandshakeFailed},
		{"Error: write EPROTO 140000000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number", PortExpectsSTARTTLS},
		{"code: 'ERR_SSL_WRONG_VERSION_NUMBER'", PortExpectsSTARTTLS},
		{"code: 'ERR_SSL_UNSUPPORTED_PROTOCOL'", TLSVersionTooOld},
		{"code: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION'", TLSVersionTooOld},
		{"code: 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE'", TLSHandshakeFailed},
		{"code: 'ERR_SSL_DH_KEY_TOO_SMALL'", TLSWeakCrypto},
		{"code: 'ERR_SSL_UNSAFE_LEGACY_RENEGOTIATION_DISABLED'", TLSHandshakeFailed},
		{"tls: failed to verify certificate: x509: certificate signed by unknown authority", TLSCertUntrusted},
		{"x509: certificate has expired or is not yet valid: current time 2024-01-01T00:00:00Z is after 2023-12-01T00:00:00Z", TLSCertExpired},
		{"tls: failed to verify certificate: x509: certificate is valid for a.example, not b.example", TLSCertHostnameMismatch},
		{"x509: cannot validate certificate for 192.0.2.1 because it doesn't contain any IP SANs", TLSCertHostnameMismatch},
		{"x509: certificate is not valid for any names, but wanted to match mail.example.com", TLSCertHostnameMismatch},
		{"tls: failed to verify certificate: x509: certificate signed by unknown authority (possibly because of \"x509: invalid signature: parent certificate cannot sign this kind of certificate\" while trying to verify candidate authority certificate \"x\")", TLSCertUntrusted},
		{"remote error: tls: protocol version not supported", TLSVersionTooOld},
		{"remote error: tls: handshake failure", TLSHandshakeFailed},
		{"tls: no supported versions satisfy MinVersion and MaxVersion", TLSVersionTooOld},
		{"x509: certificate relies on legacy Common Name field, use SANs instead", TLSCertHostnameMismatch},
		{"x509: negative serial number", TLSCertUntrusted},
	})
}
