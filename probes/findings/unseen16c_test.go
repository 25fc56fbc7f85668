package findings

import "testing"

// unseenBatch16c is a third, small batch from the same Chinese sources (QQ, exmail, 126/163,
// Outlook used from China; nodemailer, smtplib, go-mail, Ruby's Net::SMTP), gathered after batch 16b's
// fixes and scored once on first sight before any change for it. Texts as posted, each with its
// source; the label is the cause the thread established, else what the reply wording states.
// First sight: 7 of 10 right, 8 of 8 benign lines clean; per family (clientFamily): node 1/2,
// other 2/3, python 2/3, server-smtp 2/2. The three misses are one cause the text does not carry
// (a plaintext session on an implicit-TLS port, the port named only in the thread): beyondText16c.
var unseenBatch16c = []corpusCase{
	// https://github.com/bjdgyc/anylink/issues/5
	{"2021/01/12 14:22:30 common.go:96: [Error] Mail Error: SMTP Connection timed out", TCPTimeout, "", ""},
	// https://github.com/shadowsocks/shadowsocks-manager/issues/103
	{"[2017-03-01 21:30:52.101] [ERROR] email - Send code fail: Error: Connection timeout", TCPTimeout, "", ""},
	// https://github.com/zulip/zulip/issues/26721 (Outlook's bounce of the registration mail)
	{"Remote server returned '550 5.7.520 Message blocked because it contains content identified as spam. AS(4810)'", SMTPSpamRejected, "", ""},
	// https://github.com/FeeiCN/GSIL/issues/8 (STARTTLS against Tencent exmail with the port set wrong)
	{"    s.starttls()\n  File \"/usr/local/lib/python3.6/smtplib.py\", line 771, in starttls\n    server_hostname=self._host)\nssl.SSLEOFError: EOF occurred in violation of protocol (_ssl.c:777)", TLSHandshakeFailed, "", ""},
	// https://github.com/cloudreve/cloudreve/issues/2777 (163 on 465 with forced SSL after a go-mail upgrade; the server ended the session)
	{"    \"content\": {\n        \"category\": 2,\n        \"failed\": true,\n        \"error\": \"EOF\"\n    },", ServerClosed, "", ""},
	// https://github.com/chengazhen/cursor-auto-free/issues/296 (QQ IMAP over TLS)
	{"发生错误: [SSL: UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation of protocol (_ssl.c:1028)", TLSHandshakeFailed, "", ""},
	// https://github.com/mail-in-a-box/mailinabox/issues/2284
	{"it returns 503 5.5.1 Error: authentication not enabled.", SMTPAuthNotOffered, "", ""},
}

// beyondText16c are the texts whose cause, a plaintext session opened on 465 (126, exmail,
// an SMTPS relay), is only in the thread: the texts show a greeting that never came, Ruby's EOFError
// and smtplib's close. nearest is what the matcher must keep giving.
var beyondText16c = []pinned{
	// https://github.com/DesertsP/Valine-Admin/issues/34 (126 on its implicit-TLS port without SMTP_SECURE; setting it to true fixed it)
	{"SMTP邮箱配置异常： { Error: Greeting never received\nSTDOUT web1 21:11:35\n    at SMTPConnection._formatError (/home/leanengine/app/node_modules/nodemailer/lib/smtp-connection/index.js:605:19)\nSTDOUT web1 21:11:35\n    at Timer.listOnTimeout (timers.js:214:5) code: 'ETIMEDOUT', command: 'CONN' }", PortExpectsTLS, ServerGreetingTimeout},
	// https://github.com/mastodon/mastodon/issues/14290 (SMTPS on 465 without :ssl; adding :ssl => true fixed it)
	{"\"EOFError: end of file reached\"", PortExpectsTLS, ServerClosed},
	// https://github.com/FeeiCN/GSIL/pull/29 (Tencent exmail's 465 opened without SSL)
	{"> smtplib.SMTPServerDisconnected: Connection unexpectedly closed", PortExpectsTLS, ServerClosed},
}

// benignBatch16c are success and non-mail lines from the same threads: no error-level finding.
var benignBatch16c = []string{
	// https://github.com/bjdgyc/anylink/issues/5
	"2021/01/12 14:21:46 server.go:47: [Info] listen server :443",
	// https://github.com/bjdgyc/anylink/issues/5
	"2021/01/12 14:21:46 main.go:26: [Info] Server pid:  3470",
	// https://github.com/shadowsocks/shadowsocks-manager/issues/103
	"[2017-03-01 21:28:40.112] [INFO] system - System start.",
	// https://github.com/shadowsocks/shadowsocks-manager/issues/103
	"[2017-03-01 21:28:41.656] [INFO] webgui - server start at 0.0.0.0:80",
	// https://github.com/FeeiCN/GSIL/issues/8
	"2018-01-17 16:33:07,611 [GSIL] [INFO] Process count: 3",
	// https://github.com/chengazhen/cursor-auto-free/issues/296
	"验证成功 - 已到达PASSWORD_PAGE页面",
	// https://github.com/chengazhen/cursor-auto-free/issues/296
	"Turnstile 验证通过",
	// https://github.com/DesertsP/Valine-Admin/issues/65
	"[2020-04-28T07:21:45.192Z][system] 部署完成：1 个实例部署成功",
}

// TestBeyondText16c holds the nearest reading of the texts whose cause is beyond the text, and the
// class fix the batch gave: Ruby's EOFError text (IO#read at end of stream, raised by Net::SMTP and
// Net::IMAP when the server closes) is a closed session, like Java's "end of stream" and Go's EOF.
func TestBeyondText16c(t *testing.T) {
	for _, c := range beyondText16c {
		got := MatchText(c.text)
		var first Code
		if len(got) > 0 {
			first = got[0].Code
		}
		if first != c.nearest || first == c.cause {
			t.Errorf("MatchText(%q) = %v, want %q (the thread's cause %s is not in the text)", c.text, got, c.nearest, c.cause)
		}
	}
	checkNamed(t, []named{
		{"/usr/lib/ruby/3.1.0/net/protocol.rb:227:in `rbuf_fill': end of file reached (EOFError)", ServerClosed},
		{"EOFError: end of file reached\nConnected to smtp://smtp.example.com:465/", PortExpectsTLS},
	})
}
