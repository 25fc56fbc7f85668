package findings

import "testing"

// unseenBatch14g is a seventh, small batch from batch 14's families (proxies and SOCKS in front of
// SMTP, Java certificate expiry, an Entra application id mistaken for a user name), gathered after
// batch 14f's fixes and scored once on first sight before any change for it.
var unseenBatch14g = []corpusCase{
	// https://github.com/vert-x3/vertx-mail-client/issues/147 (the test server's certificate expired)
	{"The root cause is: `java.security.cert.CertificateExpiredException: NotAfter: Thu May 21 17:55:09 CST 2020`", TLSCertExpired, "", ""},
	// https://github.com/simonrob/email-oauth2-proxy/issues/221 (client_id set to a user name)
	{"Message: AADSTS700016: Application with identifier 'g.schiavo' was not found in the directory 'xxxx'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.", AuthOAuthFailed, "", ""},
	// https://github.com/bbottema/simple-java-mail/issues/197 (the SOCKS proxy offered no method the client accepts)
	{"Caused by: com.sun.mail.util.MailConnectException: Couldn't connect to host, port: smtp.exmail.qq.com, 25; timeout -1; Using SOCKS host, port: x.x.x.x, 1080", TCPConnectFailed, "", ""},
	// https://github.com/3proxy/3proxy/issues/642
	{" java.net.SocketException: SOCKS: Connection refused\n\tat java.net.SocksSocketImpl.connect(SocksSocketImpl.java:562)", TCPRefused, "", ""},
	// https://github.com/mscdex/node-imap/issues/342 (node-imap does not go through the proxy)
	{" { [Error: connect ECONNREFUSED]\n  code: 'ECONNREFUSED',\n  errno: 'ECONNREFUSED',\n  syscall: 'connect',\n  source: 'socket' }", TCPRefused, "", ""},
	// https://github.com/clue/reactphp-http-proxy/issues/51 (the HTTP proxy forbids CONNECT to mail ports)
	{"\"Error: Connection to tcp://alt3.aspmx.l.google.com:587 failed because proxy refused the connection with HTTP error code 403 (Forbidden) (ECONNREFUSED)\"", TCPConnectFailed, "", ""},
	// https://github.com/0x676e67/vproxy/issues/141 (IPv6 resolved locally, the proxy path has no IPv6)
	{"* SOCKS5 connect to IPv6 2607:f8b0:4004:c1b::6c:587 (locally resolved)\n* Connection timed out after 10000 milliseconds\n* Closing connection 0\ncurl: (28) Connection timed out after 10000 milliseconds", NetIPv6Unreachable, "", ""},
	// https://github.com/sharsil/mailcat/issues/7 (Tor's SOCKS port was not listening)
	{"ConnectionRefusedErrorConnectionRefusedError: : [WinError 10061] No connection could be made because the target machine actively refused it[WinError 10061] No connection could be made because the target machine actively refused it", TCPRefused, "", ""},
}

// benignBatch14g are success and non-mail lines from the same threads: no error-level finding.
var benignBatch14g = []string{
	// https://github.com/0x676e67/vproxy/issues/141
	"* SOCKS5 connect to smtp.gmail.com:587 (remotely resolved)\n* SOCKS5 request granted.",
	// https://github.com/0x676e67/vproxy/issues/141
	"< 220 smtp.gmail.com ESMTP 98e67ed59e1d1-309d5d61f7asm446725a91.0 - gsmtp",
	// https://github.com/0x676e67/vproxy/issues/141
	"< 250-smtp.gmail.com at your service, [2001:470:e953:ce59:c2d0:eca8:92bf:c5c0]",
	// https://github.com/simonrob/email-oauth2-proxy/issues/221
	"2024-01-10 17:46:35,884: Authorisation request received for xx@xxxx.xxx(interactive mode)",
	// https://github.com/simonrob/email-oauth2-proxy/issues/178
	"Solution: Use ::1 in SMTP server instead of localhost or 127.0.0.1",
}

// nearMisses14g: curl logs the SOCKS5 connect to an IPv6 address and the timeout on separate
// lines and neither says which path failed, so the text stays tcp.timeout — a plain miss, accepted
// here only so TestCorpus holds and still counted by TestScore.
var nearMisses14g = map[string]Code{
	"* SOCKS5 connect to IPv6 2607:f8b0:4004:c1b::6c:587 (locally resolved)\n* Connection timed out after 10000 milliseconds\n* Closing connection 0\ncurl: (28) Connection timed out after 10000 milliseconds": TCPTimeout,
}

func init() {
	for text, code := range nearMisses14g {
		knownNearMisses[text] = code
	}
}

// TestProxyRefusals14g: a proxy that will not carry the connection, as the proxy clients print it
// (clue/reactphp-http-proxy, curl's CONNECT tunnel and SOCKS5 reply texts, Java's SocksSocketImpl):
// the path is blocked, which is no closed port on the mail server.
func TestProxyRefusals14g(t *testing.T) {
	checkNamed(t, []named{
		{"curl: (56) Received HTTP code 403 from proxy after CONNECT", TCPConnectFailed},
		{"curl: (56) CONNECT tunnel failed, response 403", TCPConnectFailed},
		{"curl: (97) Can't complete SOCKS5 connection to smtp.example.com. (2): connection not allowed by ruleset", TCPConnectFailed},
		{"java.net.SocketException: SOCKS : No acceptable methods", TCPConnectFailed},
		{"java.net.SocketException: SOCKS: Connection refused", TCPRefused},
	})
}
