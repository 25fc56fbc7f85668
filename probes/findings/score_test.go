package findings

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// clientFamily names who wrote a corpus text — the server (by protocol) or the client library or
// mail app — from the stable marks each leaves in its errors. Rules run in order; the first that
// holds wins. It is a scoring aid, not part of the matcher.
func clientFamily(text string) string {
	t := strings.ToLower(text)
	has := func(lits ...string) bool {
		for _, l := range lits {
			if strings.Contains(t, l) {
				return true
			}
		}
		return false
	}
	switch {
	case has("curl"):
		return "curl"
	case has("smtplib", "imaplib", "poplib", "ssl.", "socket.", "oserror:", "connectionrefusederror", "connectionreseterror",
		"timeouterror:", "[errno", "[winerror", "_ssl.c", "traceback", "(535, b'", "offlineimap", "unrecognised server welcome",
		"sslerror", "smtpauthenticationerror: (", "smtpdataerror", "reply: '"):
		return "python"
	case has("javax.", "jakarta.", "java.", "com.sun.mail", "sun.security"):
		return "java"
	case has("mailkit", "system.net", "system.security", "smtpexception", "exception calling", "remote certificate",
		"revocation", "securesocketoptions", "imap server greeting", "token in imap greeting", "unexpected greeting from server",
		"server's ssl certificate", "transaction failed. the server response was"):
		return "dotnet"
	case has("phpmailer", "smtp error", "stream_socket", "smtp connect()", "expected response code", "swift", "symfony",
		"mailer error", "smtp 错误", "smtp -> error", "failed to authenticate on smtp server", "got: ", "php_network",
		"connection: failed", "connection failed. error"):
		return "php"
	case has("net::smtp"):
		return "ruby"
	case has("permanent_failure", "temporary_failure", "nocatch", "gen_smtp"):
		return "erlang"
	case has("nodemailer", "tlssocket", "_tls_wrap", "tls.js", "dns.js", "node:", "queryreqwrap", "esocket", "'edns'",
		`"edns"`, "eauth", "cert_has_expired", "depth_zero", "unable_to_verify", "[error:", "error [err_", "{ error:",
		"{ [error:", "[autherror:", "error: connect e", "error: read e", "error: getaddrinfo", "error: querya",
		"error: invalid login", "invalid login:", "error: greeting", "error: mail command", "error: message failed",
		"error: missing credentials", "error: no supported", "error: unexpected socket", "error: certificate",
		"error: self", "error: unable to verify", "error: client network socket", "error: connection timeout",
		"error: can't send mail", "error: permanent error", ":error:", "error: cert_"):
		return "node"
	case has("msmtp", "mbsync", "isync", "imap error:", "socket error: secure read", "ssl error connecting"):
		return "msmtp-mbsync" // before go: "msmtp: " carries go's "smtp: "
	case has("nsresult", "ns_error_"):
		return "thunderbird"
	case has("x509:", "tls: ", "dial tcp", "read tcp", "lookup ", "i/o timeout", "gomail", "go-imap", "remote error:",
		"smtp: ", "unencrypted connection"):
		return "go"
	case has("0x800", "outlook", "windows live mail", "an outgoing server (smtp) error", "the server you are connected to",
		"the following recipient(s) cannot be reached"):
		return "outlook"
	case has("thunderbird", "outgoing server (smtp)", "login to server", "sending of password", "发件服务器", "已经断开连接",
		"消息发送失败", "消息未发送", "不可忽略的 tls", "连接邮件服务器", "不支持您选择的验证方式", "sending of the message failed",
		"has disconnected", "is not an imap4 mail server", "connection to server", "could not connect to mail server",
		"certificate is not trusted because", "unable to establish tls connection", "none of the authentication methods",
		"configuration could not be verified", "unable to connect to your imap server", "connection to the server"):
		return "thunderbird"
	case has("foxmail", "socket error #", "indy"):
		return "foxmail"
	}
	var norm []byte
	first := ""
	forEachLogical(text, func(line string) {
		if first == "" {
			first = line
		}
	})
	norm = normalize(norm, first)
	switch {
	case strings.HasPrefix(string(norm), "+ok") || strings.HasPrefix(string(norm), "-err"):
		return "server-pop3"
	case imapStatus(norm) != "" || strings.HasPrefix(string(norm), "no "):
		return "server-imap"
	}
	if _, _, ok := replyPrefix(string(norm)); ok || firstEnhanced(norm) != "" {
		return "server-smtp"
	}
	return "other"
}

// logScore logs the share of cases whose first finding is the code each must produce, per
// client family, and every miss; it returns the overall share in percent.
func logScore(t *testing.T, name string, cases []corpusCase) float64 {
	t.Helper()
	type tally struct{ ok, all int }
	fam := map[string]*tally{}
	total := tally{}
	var misses []string
	for _, c := range cases {
		f := clientFamily(c.text)
		if fam[f] == nil {
			fam[f] = &tally{}
		}
		fam[f].all++
		total.all++
		got := MatchText(c.text)
		if len(got) > 0 && got[0].Code == c.want {
			fam[f].ok++
			total.ok++
		} else {
			g := Code("-")
			if len(got) > 0 {
				g = got[0].Code
			}
			misses = append(misses, fmt.Sprintf("[%s] %q: got %s, want %s", f, c.text, g, c.want))
		}
	}
	names := make([]string, 0, len(fam))
	for f := range fam {
		names = append(names, f)
	}
	sort.Strings(names)
	var b strings.Builder
	fmt.Fprintf(&b, "%-14s %5s %5s %7s\n", "family", "right", "texts", "share")
	for _, f := range names {
		fmt.Fprintf(&b, "%-14s %5d %5d %6.1f%%\n", f, fam[f].ok, fam[f].all, 100*float64(fam[f].ok)/float64(fam[f].all))
	}
	share := 100 * float64(total.ok) / float64(total.all)
	fmt.Fprintf(&b, "%-14s %5d %5d %6.1f%%  (%d families)", "overall", total.ok, total.all, share, len(fam))
	t.Logf("%s score:\n%s", name, b.String())
	for _, m := range misses {
		t.Logf("miss %s", m)
	}
	return share
}

// TestScore keeps the score of the knowledge base: per client family, the share of corpus texts
// whose first finding is the code the text must produce. It fails below 95% overall, and when a
// success or non-mail text (benignCorpus) yields an error-level finding.
func TestScore(t *testing.T) {
	if share := logScore(t, "knowledge-base", allCorpus()); share < 95 {
		t.Errorf("overall score %.1f%% is below 95%%", share)
	}

	for _, text := range allBenign() {
		for _, m := range MatchText(text) {
			if e, ok := Lookup(m.Code); !ok || e.Severity == SevError {
				t.Errorf("benign text %q: error-level finding %s (rule %s, evidence %q)", text, m.Code, m.Rule, m.Evidence)
			}
		}
	}
}

// TestScoreFamilies: the corpus spans the families the knowledge base is meant to cover.
func TestScoreFamilies(t *testing.T) {
	have := map[string]int{}
	for _, c := range corpus {
		have[clientFamily(c.text)]++
	}
	for _, f := range []string{"server-smtp", "server-pop3", "server-imap", "node", "python", "java", "dotnet", "php",
		"go", "curl", "outlook", "thunderbird", "foxmail"} {
		if have[f] == 0 {
			t.Errorf("no corpus text of family %s (families: %v)", f, have)
		}
	}
}
