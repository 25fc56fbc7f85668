package findings

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestEachEnhanced(t *testing.T) {
	cases := map[string][]string{
		"534-5.7.9 Application-specific":        {"5.7.9"},
		"535 5.7.8 x 535 5.7.8":                 {"5.7.8", "5.7.8"},
		"(5.7.139) and 4.7.66.":                 {"5.7.139", "4.7.66"},
		"v5.7.9 15.7.9 5.7.9.1 2.0.0 5.1234.1":  nil,
		"5.7.9":                                 {"5.7.9"},
		"ip 5.7.9.10 and version 4.4.0-beta":    nil,
		"b'5.7.8 Username":                      {"5.7.8"},
		"550-5.1.1 the email account":           {"5.1.1"},
		"x5.1.1":                                nil,
		"5.":                                    nil,
		"5.7.":                                  nil,
		"status 4.2.2, then 5.2.2":              {"4.2.2", "5.2.2"},
		"nodemailer 4.7.8_beta":                 nil,
		"5.7.1:":                                {"5.7.1"},
		"port 587, 465; 993":                    nil,
		"5.5.4 unrecognized authentication typ": {"5.5.4"},
	}
	for in, want := range cases {
		var got []string
		eachEnhanced([]byte(in), func(c []byte) { got = append(got, string(c)) })
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("eachEnhanced(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestNormalize(t *testing.T) {
	got := string(normalize(nil, "  535-5.7.8 Username\r\n\tand   PASSWORD 授权码  "))
	if got != "535-5.7.8 username and password 授权码" {
		t.Errorf("normalize = %q", got)
	}
}

func TestForEachLogical(t *testing.T) {
	text := "220 smtp.example.com ESMTP\n250-smtp.example.com\n250-AUTH LOGIN PLAIN\n250 SIZE 1000\n\n" +
		"S: 534-5.7.9 Application-specific password required. Learn more at\nS: 534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor\n" +
		"random line\n535-5.7.8 never finished"
	var got []string
	forEachLogical(text, func(l string) { got = append(got, l) })
	want := []string{
		"220 smtp.example.com ESMTP",
		"250-smtp.example.com 250-AUTH LOGIN PLAIN 250 SIZE 1000",
		"S: 534-5.7.9 Application-specific password required. Learn more at S: 534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor",
		"random line",
		"535-5.7.8 never finished",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("logical lines:\n%q\nwant\n%q", got, want)
	}
}

func TestMatchTextMultiLineEvidence(t *testing.T) {
	got := MatchText("534-5.7.14 <https://accounts.google.com/signin/continue?sarp=1> Please log in via your web browser and\n534-5.7.14 then try again.\n534 5.7.14  Learn more at https://support.google.com/mail/answer/78754")
	if len(got) != 1 || got[0].Code != AuthWebLoginRequired {
		t.Fatalf("got %v", got)
	}
	if !strings.Contains(got[0].Evidence, "then try again") || strings.Contains(got[0].Evidence, "\n") {
		t.Errorf("evidence = %q", got[0].Evidence)
	}
}

func TestMatchTextNothing(t *testing.T) {
	for _, s := range []string{"", "   \n\n", "250 OK", "+OK Dovecot ready.", "* OK [CAPABILITY IMAP4rev1] ready",
		"hello world", "2.0.0 Ok: queued as 12345", "The weather is fine today."} {
		if got := MatchText(s); len(got) != 0 {
			t.Errorf("MatchText(%q) = %v, want nothing", s, got)
		}
	}
}

func TestGenericSuppressed(t *testing.T) {
	// A wrapper error and its cause: only the cause is reported.
	got := MatchText("com.sun.mail.util.MailConnectException: Couldn't connect to host, port: smtp.example.com, 25; timeout -1;\n  nested exception is:\n\tjava.net.ConnectException: Connection refused (Connection refused)")
	if len(got) != 1 || got[0].Code != TCPRefused {
		t.Errorf("got %v", got)
	}
	// Distinct families stay: a TLS demand and a login failure of the same log.
	got = MatchText("MAIL FROM failed: 530 5.7.0 Must issue a STARTTLS command first\nSMTP Error: Could not connect to SMTP host.")
	if len(got) != 1 || got[0].Code != TLSRequired {
		t.Errorf("got %v", got)
	}
	got = MatchText("dial tcp: lookup smtp.qq.con: no such host\n535 Error: authentication failed")
	if len(got) != 2 || got[0].Code != DNSNXDomain || got[1].Code != AuthFailed {
		t.Errorf("got %v", got)
	}
	// Every distinct code appears once, with the evidence of its best rule.
	got = MatchText("535 Error: authentication failed\n535 Error: authentication failed\n-ERR [AUTH] Authentication failed.")
	if len(got) != 1 || got[0].Code != AuthFailed {
		t.Errorf("got %v", got)
	}
}

func TestMatchReplyIgnoresClientTexts(t *testing.T) {
	// A server that says "timed out" is not a TCP timeout of ours.
	code, ok := MatchReply("smtp", "data", []string{"421 4.4.2 mx.example.com Error: timeout exceeded"})
	if !ok || code != ServerBusy {
		t.Errorf("got %s %v", code, ok)
	}
	if code, ok := MatchReply("smtp", "auth", []string{"535 5.7.3 Authentication unsuccessful"}); !ok || code != AuthFailed {
		t.Errorf("got %s %v", code, ok)
	}
	if code, ok := MatchReply("pop3", "pass", []string{"-ERR invalid"}); ok {
		t.Errorf("bare -ERR at PASS matched %s; the caller falls back", code)
	}
	if code, ok := MatchReply("imap", "select", []string{"a2 NO Mailbox is busy"}); ok {
		t.Errorf("matched %s", code)
	}
	if _, ok := MatchReply("smtp", "auth", nil); ok {
		t.Error("empty reply matched")
	}
	// Raw GBK bytes in the lines are decoded first.
	raw, _ := simplifiedchinese.GBK.NewEncoder().String("535 Error: 请使用授权码登录。")
	if code, ok := MatchReply("smtp", "auth", []string{raw}); !ok || code != AuthAuthorizationCodeRequired {
		t.Errorf("GBK: got %s %v", code, ok)
	}
}

func TestReplyClass(t *testing.T) {
	cases := map[string]string{
		"550 5.7.1 Message rejected":           "5.7.x: security or policy (permanent failure)",
		"451 4.3.0 Try later":                  "4.3.x: mail system status (temporary failure)",
		"421 closing":                          "421: service not available, server closing the connection (temporary)",
		"450 nope":                             "4xx: temporary failure, retry later",
		"599 what":                             "5xx: permanent failure",
		"250 OK":                               "2xx: success",
		"-ERR [SYS/PERM] broken":               "POP3 -ERR [SYS/PERM]: permanent server problem (RFC 3206)",
		"-ERR no":                              "POP3 -ERR: command refused",
		"a1 NO [NOPERM] Access denied":         "IMAP NO [NOPERM]: no permission for this mailbox (RFC 5530)",
		"a1 NO nope":                           "IMAP NO: command refused",
		"a1 BAD Command unknown":               "IMAP BAD: command not understood (protocol error)",
		"* BYE Autologout":                     "IMAP BYE: server is closing the connection",
		"Error: no such host":                  "",
		"whatever":                             "",
		"":                                     "",
		"S: 535 Incorrect authentication data": "535: authentication credentials invalid",
		"first line\n550 5.1.1 User unknown here": "5.1.x: addressing (sender or recipient address) (permanent failure)",
		"Error: connect ECONNREFUSED ::1:587":     "",
		"SERVER -> CLIENT: 554 no":                "554: transaction failed or connection rejected (policy)",
		"<< 450 later":                            "4xx: temporary failure, retry later",
	}
	for in, want := range cases {
		if got := ReplyClass(in); got != want {
			t.Errorf("ReplyClass(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDecodeText(t *testing.T) {
	if got := DecodeText([]byte("250 OK 授权码")); got != "250 OK 授权码" {
		t.Errorf("UTF-8 changed: %q", got)
	}
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("535 Error: 请使用授权码登录。详情请看")
	if got := DecodeText([]byte(gbk)); got != "535 Error: 请使用授权码登录。详情请看" {
		t.Errorf("GBK: %q", got)
	}
	// A mixed log: UTF-8 line, GBK line.
	mixed := "220 smtp.163.com 欢迎\r\n" + gbk + "\r\n"
	if got := DecodeText([]byte(mixed)); got != "220 smtp.163.com 欢迎\r\n535 Error: 请使用授权码登录。详情请看\r\n" {
		t.Errorf("mixed: %q", got)
	}
	// Latin-1 is not GBK: escaped, never turned into Chinese.
	got := DecodeText([]byte("550 Adresse ung\xfcltig: caf\xe9"))
	if !utf8.ValidString(got) || !strings.Contains(got, `\xfc`) || !strings.Contains(got, `\xe9`) {
		t.Errorf("latin-1: %q", got)
	}
	// Control characters are escaped; tab, CR, LF kept.
	if got := DecodeText([]byte("a\x00b\x1b[31m\tc\r\n")); got != "a\\x00b\\x1b[31m\tc\r\n" {
		t.Errorf("controls: %q", got)
	}
	// Binary junk stays bounded and valid.
	junk := bytes.Repeat([]byte{0xff, 0xfe, 0x81}, 1000)
	got = DecodeText(junk)
	if !utf8.ValidString(got) || len(got) > 4*len(junk) {
		t.Errorf("junk: %d bytes, valid %v", len(got), utf8.ValidString(got))
	}
	// Input beyond the cap is dropped.
	big := bytes.Repeat([]byte("a\xff"), maxMatchInput)
	if got := DecodeText(big); len(got) > 4*maxMatchInput {
		t.Errorf("big: %d bytes", len(got))
	}
}

func TestPrintableEvidence(t *testing.T) {
	long := strings.Repeat("授权码", 400) + "\x00"
	got := MatchText(long)
	if len(got) != 1 {
		t.Fatalf("got %v", got)
	}
	ev := got[0].Evidence
	if len(ev) > maxEvidence+8 || !utf8.ValidString(ev) || !strings.HasSuffix(ev, "…") {
		t.Errorf("evidence %d bytes, valid %v: %q", len(ev), utf8.ValidString(ev), ev[len(ev)-12:])
	}
	if got := printable(" a\x07b\tc "); got != "a b c" {
		t.Errorf("printable = %q", got)
	}
}

// TestSignatureTable: ids are unique and every signature can fire.
func TestSignatureTable(t *testing.T) {
	ids := map[string]bool{}
	for _, s := range signatures() {
		if ids[s.id] {
			t.Errorf("duplicate signature id %s", s.id)
		}
		ids[s.id] = true
	}
	m := getMatcher()
	if len(m.ac.next) > 4<<20 {
		t.Errorf("automaton table is %d entries", len(m.ac.next))
	}
}

func TestBoundedInput(t *testing.T) {
	// 3 MiB of lines, one very long line and many short ones: no panic, bounded work.
	var b strings.Builder
	b.WriteString(strings.Repeat("x", 2<<20))
	b.WriteString("\n")
	for b.Len() < 3<<20 {
		b.WriteString("250-PIPELINING\n535 5.7.8 Error: authentication failed\n")
	}
	// No wall-clock bound (the suite must pass on a loaded machine); BenchmarkMatchText prints
	// the speed. The long line eats the input cap; whatever is left must simply not panic.
	_ = MatchText(b.String())
	_ = ReplyClass(b.String())
	_ = testHints.Provider(b.String())
}

// benchLog is a realistic pasted log: a PHPMailer debug transcript and a Java stack trace.
var benchLog = `2026-03-01 10:00:00 SERVER -> CLIENT: 220 smtp.qq.com Esmtp QQ QMail Server
2026-03-01 10:00:00 CLIENT -> SERVER: EHLO localhost
2026-03-01 10:00:00 SERVER -> CLIENT: 250-newxmesmtplogicsvrsza29.qq.com
2026-03-01 10:00:00 SERVER -> CLIENT: 250-PIPELINING
2026-03-01 10:00:00 SERVER -> CLIENT: 250-SIZE 73400320
2026-03-01 10:00:00 SERVER -> CLIENT: 250-STARTTLS
2026-03-01 10:00:00 SERVER -> CLIENT: 250-AUTH LOGIN PLAIN XOAUTH XOAUTH2
2026-03-01 10:00:00 SERVER -> CLIENT: 250 8BITMIME
2026-03-01 10:00:00 CLIENT -> SERVER: AUTH LOGIN
2026-03-01 10:00:00 SERVER -> CLIENT: 334 VXNlcm5hbWU6
2026-03-01 10:00:01 SERVER -> CLIENT: 535 Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256
2026-03-01 10:00:01 SMTP ERROR: Password command failed: 535 Login Fail.
SMTP Error: Could not authenticate.
javax.mail.MessagingException: Could not connect to SMTP host: smtp.qq.com, port: 465;
  nested exception is:
	javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target
	at com.sun.mail.smtp.SMTPTransport.openServer(SMTPTransport.java:2211)
	at com.sun.mail.smtp.SMTPTransport.protocolConnect(SMTPTransport.java:740)
	at javax.mail.Service.connect(Service.java:366)
`

func BenchmarkMatchText(b *testing.B) {
	getMatcher()
	b.SetBytes(int64(len(benchLog)))
	b.ReportAllocs()
	for b.Loop() {
		MatchText(benchLog)
	}
}

func BenchmarkMatchTextCorpus(b *testing.B) {
	var sb strings.Builder
	for _, c := range corpus {
		sb.WriteString(c.text)
		sb.WriteByte('\n')
	}
	text := sb.String()
	getMatcher()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		MatchText(text)
	}
}

func BenchmarkMatchReply(b *testing.B) {
	lines := []string{"535-5.7.8 Username and Password not accepted. For more information, go to",
		"535 5.7.8  https://support.google.com/mail/?p=BadCredentials d2-20020a170902.12 - gsmtp"}
	getMatcher()
	b.ReportAllocs()
	for b.Loop() {
		MatchReply("smtp", "auth", lines)
	}
}

// TestConcurrentUse: the probes run in parallel and share the compiled matcher.
func TestConcurrentUse(t *testing.T) {
	done := make(chan bool)
	for range 4 {
		go func() {
			for _, c := range corpus[:60] {
				MatchText(c.text)
				MatchReply("smtp", "auth", []string{c.text})
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
}

func TestNearLiterals(t *testing.T) {
	if got := MatchText("A1 NO AUTHENTICATE XOAUTH2 failed"); len(got) != 1 || got[0].Code != AuthOAuthFailed {
		t.Errorf("got %v", got)
	}
	// XOAUTH2 far from "failed" (an EHLO list, an authenticator list) is no OAuth failure.
	if got := MatchText("250-AUTH LOGIN PLAIN XOAUTH2 OAUTHBEARER and a long tail of unrelated words before the word failed"); len(got) != 0 {
		t.Errorf("got %v", got)
	}
}

func TestUnescapeHex(t *testing.T) {
	cases := map[string]string{
		// QQ's GBK "请使用授权码登录" as Python 2 prints the bytes.
		`535 Error: \xc7\xeb\xca\xb9\xd3\xc3\xca\xda\xc8\xa8\xc2\xeb\xb5\xc7\xc2\xbc`: "535 Error: 请使用授权码登录",
		// UTF-8 bytes escaped.
		`b'\xe8\xae\xa4\xe8\xaf\x81\xe5\xa4\xb1\xe8\xb4\xa5'`: "b'认证失败'",
		// One escape, or escapes that are neither UTF-8 nor plausible Chinese: unchanged.
		`path C:\x41 only`:         `path C:\x41 only`,
		`\xff\xfe\x00\x01 garbage`: `\xff\xfe\x00\x01 garbage`,
		`\x4`:                      `\x4`,
		`\xzz\xqq`:                 `\xzz\xqq`,
	}
	for in, want := range cases {
		if got := unescapeHex(in); got != want {
			t.Errorf("unescapeHex(%q) = %q, want %q", in, got, want)
		}
		if len(unescapeHex(in)) > len(in) {
			t.Errorf("unescapeHex(%q) grew", in)
		}
	}
	got := MatchText(`smtplib.SMTPAuthenticationError: (535, b'Error: \xc7\xeb\xca\xb9\xd3\xc3\xca\xda\xc8\xa8\xc2\xeb\xb5\xc7\xc2\xbc')`)
	if len(got) == 0 || got[0].Code != AuthAuthorizationCodeRequired || !strings.Contains(got[0].Evidence, "授权码") {
		t.Errorf("escaped GBK reply: %v", got)
	}
}

// TestWrappedLines: an anchor split by a line break still holds, with both lines as evidence.
func TestWrappedLines(t *testing.T) {
	got := MatchText("smtplib.SMTPDataError: (501, b'Syntax error - line too\nlong')")
	if len(got) == 0 || got[0].Code != SMTPLineTooLong || !strings.Contains(got[0].Evidence, "line too long") {
		t.Errorf("wrapped: %v", got)
	}
	// Unrelated lines stay unrelated: the seam is only the lines' edges.
	if got := MatchText("250 OK\n250 OK"); len(got) != 0 {
		t.Errorf("seam of two OKs: %v", got)
	}
}

// TestOAuthContext: a generic 535 answering AUTH XOAUTH2 is a refused token; a mechanism list
// naming XOAUTH2 is no OAuth exchange.
func TestOAuthContext(t *testing.T) {
	got := MatchText("C: AUTH XOAUTH2 dXNlcj1hbGljZUBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5AQE=\nS: 535 5.7.3 Authentication unsuccessful")
	if len(got) != 1 || got[0].Code != AuthOAuthFailed || got[0].Rule != "oauth-context" || !strings.Contains(got[0].Evidence, "535") {
		t.Errorf("XOAUTH2 then 535: %v", got)
	}
	got = MatchText("250-AUTH LOGIN PLAIN XOAUTH2\n535 5.7.8 Username and Password not accepted")
	if len(got) != 1 || got[0].Code != AuthFailed {
		t.Errorf("mechanism list then 535: %v", got)
	}
}

// TestNewSignaturesBounded: escapes and seams keep MatchText linear on hostile input.
func TestNewSignaturesBounded(t *testing.T) {
	for _, in := range []string{
		strings.Repeat(`\xc7\xeb`, maxMatchInput/8),
		strings.Repeat("line too\n", maxMatchInput/9),
		strings.Repeat("greeting +ok * ok 220 ", maxMatchInput/22),
	} {
		start := time.Now()
		MatchText(in)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("MatchText(%d bytes %q...) took %v", len(in), in[:16], d)
		}
	}
}
