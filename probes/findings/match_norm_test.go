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

func TestExtractFeatures(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"curl: (64) requested ssl level failed", "~curl:64~"},
		{"curl error 28: operation timed out after 1000 milliseconds", "~curl:28~"},
		{"oserror: [errno 113] no route to host", "~errno:113~"},
		{"connectionrefusederror: [winerror 10061]", "~wsa:10061~"},
		{"socket error # 10060", "~wsa:10060~"},
		{"ssl routines:ssl3_read_bytes:tlsv1 alert unknown ca", "~alert:unknown_ca~"},
		{"sslv3 alert handshake failure (40)", "~alert:handshake_failure~"},
		{"remote error: tls: bad certificate", "~alert:bad_certificate~"},
		{"received fatal alert: certificate_expired", "~alert:certificate_expired~"},
		{"an alert was raised today", ""},
		{"port 10060 open", ""},
	} {
		if got := extractFeatures(c.in); got != c.want {
			t.Errorf("extractFeatures(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// Through the matcher: the token, not a sentence, carries the cause.
	for _, c := range []struct {
		text string
		want Code
	}{
		{"curl: (64) Requested SSL level failed", TLSSTARTTLSUnavailable},
		{"OSError: [Errno 113] whatever the locale says", TCPUnreachable},
		{"[WinError 10061] 由于目标计算机积极拒绝", TCPRefused},
		{"SSL alert number 48: tlsv1 alert unknown ca", TLSCertUntrusted},
	} {
		if got := MatchText(c.text); len(got) == 0 || got[0].Code != c.want {
			t.Errorf("%q: got %v, want %s", c.text, got, c.want)
		}
	}
}

// TestDropInnerMarkers: a multi-line reply flattened onto one line reads whole again; the first
// lead stays, leads of another code or enhanced code stay, a line with one lead is unchanged.
func TestDropInnerMarkers(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"said: 550-5.7.1 [192.0.2.1] The IP you're using to send mail is not authorized to 550-5.7.1 send email directly to our servers.",
			"said: 550-5.7.1 [192.0.2.1] The IP you're using to send mail is not authorized to send email directly to our servers."},
		{"421-4.7.29 Your email has been rate limited because this message wasn't sent 421-4.7.29 over a TLS connection. 421 4.7.29 https://x",
			"421-4.7.29 Your email has been rate limited because this message wasn't sent over a TLS connection. https://x"},
		{"550 5.1.1 unknown user; 451 4.3.0 try later", "550 5.1.1 unknown user; 451 4.3.0 try later"},
		{"550-5.7.1 a 550-5.7.2 b", "550-5.7.1 a 550-5.7.2 b"},
		{"535 5.7.8 Authentication failed", "535 5.7.8 Authentication failed"},
		{"", ""},
	} {
		if got := dropInnerMarkers(c.in); got != c.want {
			t.Errorf("dropInnerMarkers(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
