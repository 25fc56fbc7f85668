package cmd

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/testservers"
)

// ourEnglish is the fixed English of every sentence mailcheck composes (findings.Sentence):
// the parts between the values with at least two words.
func ourEnglish() []string {
	verb := regexp.MustCompile(`%(\[\d+\])?[dsqvw]`)
	words := regexp.MustCompile(`[A-Za-z']+ [A-Za-z]+`)
	var out []string
	for _, s := range findings.Sentences() {
		for _, part := range verb.Split(s.EN, -1) {
			if part = strings.Trim(part, " ,;:()"); words.MatchString(part) && !strings.HasPrefix(part, "--") {
				out = append(out, part)
			}
		}
	}
	return out
}

func checkNoEnglish(t *testing.T, what, out string) {
	t.Helper()
	for _, f := range ourEnglish() {
		if strings.Contains(out, f) {
			t.Errorf("%s: English sentence of ours in the zh report: %q\n%s", what, f, out)
		}
	}
}

// TestZhReportsHaveNoEnglishSentences: the zh reports of every lab scenario (wrong mode, login
// not tried, …), in the table and Markdown, say mailcheck's own sentences in Chinese.
func TestZhReportsHaveNoEnglishSentences(t *testing.T) {
	for _, sc := range testservers.Scenarios() {
		for _, f := range []string{"table", "markdown"} {
			_, out, _ := run(t, "", map[string]string{"COLUMNS": "200"}, "lab", sc.Name, "--lang", "zh", "--format", f)
			checkNoEnglish(t, sc.Name+" "+f, out)
		}
	}
	// The check itself: the English report does carry them.
	_, out, _ := run(t, "", map[string]string{"COLUMNS": "200"}, "lab", "smtp-wrong-mode-plain-on-tls-port")
	if !strings.Contains(out, "but a TLS handshake works there") {
		t.Errorf("the English report lacks the wrong-mode sentence:\n%s", out)
	}
}

// TestZhDiscoveryHasNoEnglishSentences: discovery's safety notes (a foreign host, credentials
// withheld, a port that is not a mail port) in a zh report, against loopback DNS and servers.
func TestZhDiscoveryHasNoEnglishSentences(t *testing.T) {
	ca, caFile := testCA(t)
	imaps := testservers.StartT(t, testservers.Config{Proto: "imap", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	dns := testservers.StartDNST(t, testservers.Zone{
		A:   map[string][]string{"mail.test": {"127.0.0.1"}, "mx.victim.test": {"127.0.0.1"}},
		MX:  map[string][]testservers.MX{"victim.test": {{Host: "mx.victim.test", Pref: 10}}},
		SRV: map[string][]testservers.SRV{"_imaps._tcp.victim.test": {{Target: "mail.test", Port: uint16(imaps.Port), Weight: 1}}},
	})
	base := []string{"account", "user@victim.test", "--resolver", dns.Addr, "--ca-file", caFile, "--user", testservers.DefaultUser,
		"--password-env", "PW", "--timeout", "3s", "--lang", "zh"}
	env := map[string]string{"PW": testservers.DefaultPassword, "COLUMNS": "200"}
	for _, tt := range []struct {
		flags []string
		want  string // the Chinese of the note that must be there
	}{
		{[]string{"--any-port"}, "不会向它发送密码或令牌"},               // discovery.foreign-host
		{[]string{"--any-port"}, "因此没有发送密码"},                  // the auth step: withheld
		{nil, "不是邮件端口"},                                       // discovery.port-refused
		{[]string{"--any-port", "--trust-discovered"}, "而信任"}, // discovery.foreign-host-trusted
	} {
		_, out, errs := run(t, "", env, append(base, tt.flags...)...)
		if !strings.Contains(out, tt.want) {
			t.Errorf("%v: %q missing %s:\n%s", tt.flags, tt.want, errs, out)
		}
		checkNoEnglish(t, strings.Join(tt.flags, " "), out)
	}
}

// TestZhDeadline: a run cut short by --deadline says so in Chinese (the step's error and the
// run.deadline evidence), against a loopback tarpit.
func TestZhDeadline(t *testing.T) {
	ca, caFile := testCA(t)
	tarpit := testservers.StartT(t, testservers.Config{Proto: "imap", Faults: testservers.Faults{ImplicitTLS: true, GreetingDelay: time.Hour}}, ca)
	dns := testservers.StartDNST(t, testservers.Zone{
		A:   map[string][]string{"mail.test": {"127.0.0.1"}},
		SRV: map[string][]testservers.SRV{"_imaps._tcp.mail.test": {{Target: "mail.test", Port: uint16(tarpit.Port), Weight: 1}}},
	})
	code, out, errs := run(t, "", map[string]string{"COLUMNS": "200"}, "account", "user@mail.test", "--resolver", dns.Addr,
		"--ca-file", caFile, "--timeout", "1h", "--deadline", "1s", "--any-port", "--lang", "zh")
	if code != ExitFindings || !strings.Contains(out, "已到达整体检查时限") {
		t.Errorf("exit %d, want 1 and the deadline in Chinese %s:\n%s", code, errs, out)
	}
	checkNoEnglish(t, "deadline", out)
}
