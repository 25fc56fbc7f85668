package findings

import "testing"

// unseenBatch14e is a fifth batch from batch 14's families (Microsoft consent, antivirus and CA
// trust, port mode in MailKit and Python, Docker and Exim name resolution, Windows socket errors),
// gathered after batch 14d's fixes and scored once on first sight before any change for it.
// Texts already in the corpus were dropped.
var unseenBatch14e = []corpusCase{
	// ===== OAuth2 and Microsoft 365 =====
	// https://github.com/jobisoft/EAS-4-TbSync/issues/92 (the tenant requires admin consent for the app)
	{"Provider for Exchange ActiveSync for Office 365 needs permission to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.", AuthOAuthFailed, "", ""},
	// https://github.com/microsoft/Office365APIEditor/issues/18 (risky-consent block on the tenant)
	{"This app may be risky. If you trust this app, please ask your admin to grant you access", AuthOAuthFailed, "", ""},
	// https://github.com/imapsync/imapsync/issues/368 (the IT support: the client must use OAuth2)
	{"Host2 failure: Error login on [outlook.office365.com] with user [jweiss@uzh.ch] auth [LOGIN]: 2 NO LOGIN failed.", AuthBasicDisabled, "", ""},

	// ===== TLS =====
	// https://github.com/VojtechMyslivec/letsencrypt-zimbra/issues/70 (the expired DST root in the chain)
	{"This certificate cannot be verified up to a trusted certification authority", TLSCertUntrusted, "", ""},
	// https://github.com/jedireza/drywall/issues/308 (Avast's HTTPS scanning)
	{"SMTPError 5 err: Error: self signed certificate in certificate chain", TLSCertUntrusted, "", ""},
	// https://github.com/jstedfast/MailKit/issues/312 (SSL asked of the STARTTLS port 587)
	{"IOException --> SocketException (An existing connection was forcibly closed by the remote host) when using TLS", PortExpectsSTARTTLS, "", ""},
	// https://github.com/HandyGuySoftware/dupReport/issues/129 (SMTP_SSL to a server that answers in plaintext)
	{"    self._sslobj.do_handshake()\nssl.SSLError: [SSL: UNKNOWN_PROTOCOL] unknown protocol (_ssl.c:877)", PortExpectsSTARTTLS, "", ""},
	// https://github.com/RainLoop/rainloop-webmail/issues/1908 (PHP lacked the OpenSSL extension)
	{"[04:50:59.301][61b909cc] IMAP[ERROR]: MailSo\\Net\\Exceptions\\Exception: Cannot enable STARTTLS. in /usr/local/www/rainloop/rainloop/v/1.13.0/app/libraries/MailSo/Net/NetClient.php:338", TLSHandshakeFailed, "", ""},

	// ===== DNS and network =====
	// https://github.com/Billionmail/BillionMail/issues/56 (the postfix container was stopped)
	{"failed to connect: SMTP dial: dial tcp: lookup postfix on 127.0.0.11:53: server misbehaving", DNSFailure, "", ""},
	// https://github.com/anzhiyu-c/anheyu-app/issues/89
	{"[Bug]: 发送测试邮件失败: TLS拨号失败: dial tcp: lookup smtp.qq.com on 127.0.0.11:53: server misbehaving", DNSFailure, "", ""},
	// https://github.com/sameersbn/docker-gitlab/issues/1381 ("DNS. It's always DNS.")
	{"SocketError: getaddrinfo: Name or service not known", DNSNXDomain, "", ""},
	// https://github.com/Electron-Cash/Electron-Cash/issues/1534 (WSANO_RECOVERY from the resolver)
	{"  File \"socket.py\", line 745, in getaddrinfo\n\ngaierror: [Errno 11003] getaddrinfo failed", DNSFailure, "", ""},
	// https://github.com/namshi/docker-smtp/issues/62 (the container's port was not published)
	{"\"No connection could be made because the target machine actively refused it 127.0.0.1:25\"", TCPRefused, "", ""},
	// https://github.com/kootenpv/yagmail/issues/93 (WSAETIMEDOUT)
	{"    raise err\nsocket.error: [Errno 10060] ", TCPTimeout, "", ""},
}

// benignBatch14e are success and non-mail lines from the same threads: no error-level finding.
var benignBatch14e = []string{
	// https://github.com/docker-mailserver/docker-mailserver/issues/663
	"mail_1   | Oct  7 09:02:50 mail postfix/submission/smtpd[12318]: connect from myrtesting_web_1.myrtesting_default[172.19.0.6]",
	// https://github.com/docker-mailserver/docker-mailserver/issues/663
	"mail_1   | Oct  7 09:02:51 mail postfix/submission/smtpd[12318]: 0E89253E93: client=myrtesting_web_1.myrtesting_default[172.19.0.6], sasl_method=PLAIN, sasl_username=noreply@myrescoop.com",
	// https://github.com/ix-ai/smtp/issues/12
	"  276 LOG: smtp_connection MAIN\n  276   SMTP connection from ******_sidekiq_1.******_internal_network (******.******.com) [192.168.48.5] closed by QUIT",
	// https://github.com/hardware/mailserver/issues/106
	"220 mail.example.com ESMTP Postfix",
	// https://github.com/hardware/mailserver/issues/106
	"SMTP Reverse DNS Mismatch\tOK - 51.15.59.42 resolves to mail.taskinn.com",
	// https://github.com/simonrob/email-oauth2-proxy/issues/74
	"<-- b'00000001 OK AUTHENTICATE completed.\\r\\n'",
	// https://github.com/namshi/docker-smtp/issues/49
	"  341   <= z@z170.us-east1098-b.c.windy-marker-216605.internal H=(z10.localdomain) [172.17.0.1] P=esmtp S=1031 id=201902211625.x1LGPGjL015425@zabbix10.us-east1-b.c.windy-marker-216605.internal",
	// https://github.com/namshi/docker-smtp/issues/49
	"Support for: crypteq iconv() IPv6 GnuTLS move_frozen_messages DKIM PRDR OCSP",
}

// nearMisses14e: the batch's texts that still miss after its fixes. The SSL-on-587 reset now gives
// tls.handshake-failed, whose explanation names the security setting that does not fit the port.
// Microsoft answers "NO LOGIN failed." alike for a wrong password and for basic authentication
// switched off, so imapsync's line stays auth.failed, whose explanation does not name the cause: a
// plain miss, accepted here only so TestCorpus holds and still counted by TestScore.
var nearMisses14e = map[string]Code{
	"Host2 failure: Error login on [outlook.office365.com] with user [jweiss@uzh.ch] auth [LOGIN]: 2 NO LOGIN failed.": AuthFailed,
	"IOException --> SocketException (An existing connection was forcibly closed by the remote host) when using TLS":   TLSHandshakeFailed,
}

func init() {
	for text, code := range nearMisses14e {
		knownNearMisses[text] = code
	}
}

// TestLibraryErrorNames14e: siblings of batch 14e's fixes. Sources: WinSock error numbers
// (winsock2.h: WSAETIMEDOUT 10060, WSAECONNREFUSED 10061, WSAECONNRESET 10054, WSAECONNABORTED
// 10053, WSAEHOSTUNREACH 10065, WSAENETUNREACH 10051, WSAHOST_NOT_FOUND 11001, WSATRY_AGAIN 11002,
// WSANO_RECOVERY 11003, WSANO_DATA 11004) as Python prints them, Microsoft Entra's consent errors
// (AADSTS90094 / AADSTS90008), Exim's dnslookup router defers.
func TestLibraryErrorNames14e(t *testing.T) {
	checkNamed(t, []named{
		{"ConnectionRefusedError: [Errno 10061] No connection could be made because the target machine actively refused it", TCPRefused},
		{"socket.error: [Errno 10054] An existing connection was forcibly closed by the remote host", TCPReset},
		{"OSError: [Errno 10065] A socket operation was attempted to an unreachable host", TCPUnreachable},
		{"socket.gaierror: [Errno 11002] getaddrinfo failed", DNSFailure},
		{"socket.gaierror: [Errno 11004] getaddrinfo failed", DNSNoAddress},
		{"AADSTS90094: The grant requires admin permission.", AuthOAuthFailed},
		{"Need admin approval", AuthOAuthFailed},
		{"  == user@example.com R=dnslookup defer (-1): host lookup did not complete", DNSFailure},
		{"System.IO.IOException: Unable to read data from the transport connection: An existing connection was forcibly closed by the remote host. (during the TLS handshake)", TLSHandshakeFailed},
	})
}
