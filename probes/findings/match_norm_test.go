package findings

import (
	"strings"
	"testing"
)

func TestPrepare(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`"domain\'s\n550-5.7.1 DMARC policy"`, `"domain's 550-5.7.1 DMARC policy"`},
		{`{"error":"535 Authentication failed: \u201cbad\u201d"}`, `{"error":"535 Authentication failed: “bad”"}`},
		{`C:\Users\me\mail.log`, `C:\Users\me\mail.log`},
		{"550 &lt;a@b.example&gt;: Recipient address rejected: User unknown", "550 <a@b.example>: Recipient address rejected: User unknown"},
		{"> > 535 5.7.8 Error: authentication failed", "535 5.7.8 Error: authentication failed"},
		{"2013-05-26T04:50:01.345671+00:00 app[web.1]: Net::SMTPAuthenticationError", "Net::SMTPAuthenticationError (smtp authentication error)"},
		{"[2020-03-02 07:40:10,127] ERROR {cps.worker:531} Error sending email", "{cps.worker:531} Error sending email"},
		{"E/k9      (32643): java.io.IOException: readStringUntil(): end of stream", "java.io.IOException: readStringUntil(): end of stream (io exception read string until)"},
		{"Dec  4 01:02:03 mx postfix/smtpd[123]: NOQUEUE: reject", "NOQUEUE: reject"},
		{"* BYE Session invalidated - AccessTokenExpired", "* BYE Session invalidated - AccessTokenExpired (access token expired)"},
		{"nsresult: 0x804b000e (NS_ERROR_NET_TIMEOUT)", "nsresult: 0x804b000e (NS_ERROR_NET_TIMEOUT) (ns error net timeout)"},
		{"[TLSErrorAlertReceivedHandshakeFailure]", "[TLSErrorAlertReceivedHandshakeFailure] (tls error alert received handshake failure)"},
		{"ECONNREFUSED 127.0.0.1:25", "ECONNREFUSED 127.0.0.1:25"},
		{"", ""},
	} {
		if got := prepare(c.in); got != c.want {
			t.Errorf("prepare(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzPrepare: the normaliser never panics, keeps valid UTF-8 valid and stays bounded.
func FuzzPrepare(f *testing.F) {
	for _, s := range []string{`a\u00e9\n\x`, "&amp;&#x;&", "> >", "ABCDefGH_IJ", `\u`, `\ud800\udc00`, "E/x (1):"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := prepare(s)
		if len(got) > 4*len(s)+maxExpansion+8 {
			t.Fatalf("prepare grew %d bytes to %d", len(s), len(got))
		}
		if strings.Contains(s, "\x00") {
			return
		}
		_ = MatchText(s)
	})
}
