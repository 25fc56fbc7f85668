package integration

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/cmd"
	"github.com/mailcheck/mailcheck/probes"
)

// The #18 tests: Postfix delivers to Dovecot (LMTP), so the round trip really travels; they use
// their own accounts (bob, carol), so the tests on alice's mailbox see it unchanged.

func sendServers(t *testing.T) *servers {
	t.Helper()
	s := load(t)
	if s.SendUser == "" || s.QuotaUser == "" || s.ForeignSender == "" {
		t.Fatalf("the env file has no MAILCHECK_RS_SENDTEST_USER/QUOTA_USER/FOREIGN_SENDER: rerun scripts/realservers.sh")
	}
	return s
}

func (s *servers) roots(t *testing.T) *x509.CertPool {
	t.Helper()
	pem, err := os.ReadFile(s.CAFile)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		t.Fatalf("%s: no certificate", s.CAFile)
	}
	return pool
}

// uidLists is every folder's UIDVALIDITY and UIDs, read by a client of this test's own (not
// mailcheck's) over IMAPS: what "the mailbox holds exactly what it held before" compares.
func (s *servers) uidLists(t *testing.T, user string) map[string]string {
	t.Helper()
	c, err := tls.DialWithDialer(&net.Dialer{Timeout: 10 * time.Second}, "tcp", net.JoinHostPort(s.Good, strconv.Itoa(s.IMAPS)),
		&tls.Config{RootCAs: s.roots(t), ServerName: s.Domain})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(30 * time.Second))
	r := bufio.NewReader(c)
	n := 0
	do := func(cmd string) []string {
		n++
		tag := fmt.Sprintf("u%d", n)
		fmt.Fprintf(c, "%s %s\r\n", tag, cmd)
		var lines []string
		for {
			l, err := r.ReadString('\n')
			if err != nil {
				t.Fatalf("IMAP %s: %v", cmd, err)
			}
			l = strings.TrimRight(l, "\r\n")
			if strings.HasPrefix(l, tag+" ") {
				if !strings.HasPrefix(l, tag+" OK") {
					t.Fatalf("IMAP %s: %s", cmd, l)
				}
				return lines
			}
			lines = append(lines, l)
		}
	}
	r.ReadString('\n') // greeting
	do(fmt.Sprintf("LOGIN %q %q", user, s.Password))
	out := map[string]string{}
	for _, l := range do(`LIST "" "*"`) {
		i := strings.LastIndex(l, `"/" `)
		if i < 0 {
			i = strings.LastIndex(l, `"." `)
		}
		box := strings.Trim(l[i+4:], `"`)
		var validity, uids string
		for _, e := range do(fmt.Sprintf("EXAMINE %q", box)) {
			if _, v, ok := strings.Cut(e, "[UIDVALIDITY "); ok {
				validity, _, _ = strings.Cut(v, "]")
			}
		}
		for _, e := range do("UID SEARCH ALL") {
			if rest, ok := strings.CutPrefix(e, "* SEARCH"); ok {
				uids = strings.TrimSpace(rest)
			}
		}
		out[box] = "uidvalidity " + validity + ": " + uids
	}
	do("LOGOUT")
	return out
}

func sameLists(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// sendTestResult is the round trip's result in a report (the one with source send-test).
func sendTestResult(t *testing.T, rep Report) *Result {
	t.Helper()
	for i := range rep.Results {
		if rep.Results[i].Endpoint.Source == "send-test" {
			return &rep.Results[i]
		}
	}
	t.Fatalf("no send-test result among %d", len(rep.Results))
	return nil
}

// TestSendTestRoundTrip: `probe smtp --send-test --receive-via` against real Postfix and
// Dovecot: submitted on 587 (STARTTLS) and 465, delivered by Postfix over LMTP, found over
// IMAPS 993 and POP3S 995, its headers read, deleted, verified gone; and afterwards every
// folder of the account holds exactly the UIDs it held before.
func TestSendTestRoundTrip(t *testing.T) {
	s := sendServers(t)
	for _, tt := range []struct {
		name          string
		port          int
		security, via string
		steps         []string
	}{
		{"587 starttls, imaps 993", s.Submission, "starttls", "imaps://" + net.JoinHostPort(s.Good, strconv.Itoa(s.IMAPS)),
			[]string{"starttls", "auth", "mail", "rcpt", "data", "imap:tls", "imap:auth", "imap:arrive", "imap:headers", "imap:delete", "imap:verify"}},
		{"465 tls, pop3s 995", s.Submissions, "tls", "pop3s://" + net.JoinHostPort(s.Good, strconv.Itoa(s.POP3S)),
			[]string{"tls", "auth", "mail", "rcpt", "data", "pop3:tls", "pop3:auth", "pop3:arrive", "pop3:headers", "pop3:delete", "pop3:quit", "pop3:verify"}},
	} {
		t.Run(tt.name, func(t *testing.T) { // not parallel: one account
			before := s.uidLists(t, s.SendUser)
			if got := before["INBOX"]; len(strings.Fields(got[strings.Index(got, ":")+1:])) != s.SendMessages {
				t.Fatalf("INBOX before: %q, want %d messages (rerun scripts/realservers.sh)", got, s.SendMessages)
			}
			start := time.Now()
			code, out, errs := run(t, s.Password, "probe", "smtp", net.JoinHostPort(s.Good, strconv.Itoa(tt.port)), "--format", "json",
				"--security", tt.security, "--ca-file", s.CAFile, "--user", s.SendUser, "--password-env", pwVar,
				"--send-test", "--receive-via", tt.via, "--wait", "30s", "--timeout", "10s")
			took := time.Since(start)
			rt := sendTestResult(t, parse(t, out, errs))
			defer func() {
				if t.Failed() {
					t.Logf("round trip:\n%s", rt.summary())
				}
			}()
			if code != cmd.ExitOK || rt.Status != "ok" || len(rt.codes()) > 0 {
				t.Errorf("exit %d, status %s, findings %v; want 0, ok, none", code, rt.Status, rt.codes())
			}
			wantSteps(t, rt, tt.steps...)
			d := rt.Delivery
			if d == nil || !d.Deleted || d.QueueID == "" || !strings.HasPrefix(d.ID, "mailcheck-test-") || d.Folder != "INBOX" || len(d.Hops) == 0 {
				t.Errorf("delivery %+v, want a queue id, INBOX, Received hops, deleted", d)
			}
			if strings.Contains(out+errs, s.Password) {
				t.Errorf("the password shows in the output")
			}
			after := s.uidLists(t, s.SendUser)
			if !sameLists(before, after) {
				t.Errorf("the mailbox changed:\nbefore %v\nafter  %v", before, after)
			}
			t.Logf("round trip took %s", took.Round(time.Millisecond))
		})
	}
}

// TestSenderMismatch: the account path sends from the address the user gave; logged in as bob,
// sending as an address nobody owns draws Postfix's reject_sender_login_mismatch (553 at RCPT):
// smtp.sender-mismatch, and nothing is delivered.
func TestSenderMismatch(t *testing.T) {
	s := sendServers(t)
	before := s.uidLists(t, s.SendUser)
	opts := probes.Options{Timeout: 10 * time.Second, User: s.SendUser, Password: []byte(s.Password), RootCAs: s.roots(t)}
	ep := func(p probes.Proto, port int, sec probes.Security) probes.Endpoint {
		return probes.Endpoint{Proto: p, Host: s.Good, Port: port, Security: sec, Source: "test"}
	}
	plan := probes.Plan{Command: probes.CmdAccount, Input: s.ForeignSender,
		Endpoints:       []probes.Endpoint{ep(probes.SMTP, s.Submission, probes.STARTTLS), ep(probes.IMAP, s.IMAPS, probes.ImplicitTLS)},
		EndpointOptions: []probes.Options{opts, opts},
		SendTest:        &probes.SendTest{To: s.SendUser, Wait: 10 * time.Second}}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	rep := probes.Run(ctx, plan)
	var rt *probes.Result
	for i := range rep.Results {
		if rep.Results[i].Endpoint.Source == "send-test" {
			rt = &rep.Results[i]
		}
	}
	if rt == nil {
		t.Fatalf("no round trip among %d results", len(rep.Results))
	}
	var rcpt *probes.Step
	for i := range rt.Steps {
		if rt.Steps[i].Name == probes.StepRcpt {
			rcpt = &rt.Steps[i]
		}
	}
	if rcpt == nil || rcpt.Status != probes.Fail || !rt.HasCode("smtp.sender-mismatch") {
		t.Fatalf("rcpt step %+v, want fail with smtp.sender-mismatch", rcpt)
	}
	var ev []string
	for _, f := range rcpt.Findings {
		ev = append(ev, f.Evidence)
	}
	if !slices.ContainsFunc(ev, func(e string) bool {
		return strings.Contains(e, "553") && strings.Contains(e, "not owned by user "+s.SendUser)
	}) {
		t.Errorf("evidence %q, want Postfix's 553 … not owned by user %s", ev, s.SendUser)
	}
	if rt.Delivery != nil && rt.Delivery.Deleted {
		t.Errorf("a refused message cannot have been deleted: %+v", rt.Delivery)
	}
	if after := s.uidLists(t, s.SendUser); !sameLists(before, after) {
		t.Errorf("the mailbox changed:\nbefore %v\nafter  %v", before, after)
	}
}

// TestMailboxHealthReal: Dovecot's quota plugin and folders as mailcheck reports them: carol
// is nearly full (imap.quota-near) and lacks Drafts, Trash and Junk (imap.folder-missing);
// bob, with a roomy quota and all four folders, draws no finding.
func TestMailboxHealthReal(t *testing.T) {
	s := sendServers(t)
	for _, tt := range []struct {
		user    string
		codes   []string
		missing []string
		percent [2]float64
	}{
		{s.QuotaUser, []string{"imap.quota-near/warning", "imap.folder-missing/warning"}, []string{"Drafts", "Trash", "Junk"}, [2]float64{80, 95}},
		{s.SendUser, nil, nil, [2]float64{0, 5}},
	} {
		t.Run(tt.user, func(t *testing.T) {
			t.Parallel()
			u := *s
			u.User = tt.user
			code, r, _ := u.probe(t, "imap", s.Good, s.IMAPS, s.Password, "--security", "tls", "--ca-file", s.CAFile, "--timeout", "10s")
			defer func() {
				if t.Failed() {
					t.Logf("report:\n%s", r.summary())
				}
			}()
			got := r.codes()
			slices.Sort(got)
			want := slices.Clone(tt.codes)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("findings %v, want %v", got, want)
			}
			if wantCode := cmd.ExitOK; code != wantCode {
				t.Errorf("exit %d, want %d (warnings only)", code, wantCode)
			}
			wantSteps(t, r, "auth")
			if r.step("quota") == nil {
				t.Errorf("no quota step: Dovecot's imap_quota offers QUOTA after login")
			}
			mb := r.Mailbox
			if mb == nil || len(mb.Quota) == 0 {
				t.Fatalf("no quota in the report: %+v", mb)
			}
			q := mb.Quota[0]
			p := 100 * float64(q.Usage) / float64(q.Limit)
			if q.Resource != "STORAGE" || p < tt.percent[0] || p >= tt.percent[1] {
				t.Errorf("quota %+v (%.0f %%), want STORAGE in [%v, %v) %%", q, p, tt.percent[0], tt.percent[1])
			}
			if tt.user == s.QuotaUser && q.Limit != int64(s.QuotaKiB) {
				t.Errorf("quota limit %d KiB, want %d", q.Limit, s.QuotaKiB)
			}
			if !slices.Equal(mb.MissingFolders, tt.missing) {
				t.Errorf("missing folders %v, want %v", mb.MissingFolders, tt.missing)
			}
			if mb.Folders["Sent"] != "Sent" {
				t.Errorf("Sent folder %q", mb.Folders["Sent"])
			}
		})
	}
}

// TestAccountSendTest: `account bob@mail.test --send-test`, the endpoints found through SRV
// records (in-process DNS): the round trip picks the SMTP endpoint that logged in and an IMAP
// one, sends from the address given, and leaves the mailbox as it was.
func TestAccountSendTest(t *testing.T) {
	s := sendServers(t)
	dns := s.accountDNS(t)
	before := s.uidLists(t, s.SendUser)
	code, out, errs := run(t, s.Password, "account", s.SendUser, "--resolver", dns.Addr, "--ca-file", s.CAFile,
		"--password-env", pwVar, "--format", "json", "--timeout", "10s", "--send-test", "--wait", "30s")
	rep := parse(t, out, errs)
	rt := sendTestResult(t, rep)
	defer func() {
		if t.Failed() {
			t.Logf("round trip:\n%s\nstderr: %s", rt.summary(), errs)
		}
	}()
	if code != cmd.ExitOK || rt.Status != "ok" {
		t.Errorf("exit %d, round trip %s %v; want 0, ok", code, rt.Status, rt.codes())
	}
	wantSteps(t, rt, "mail", "rcpt", "data", "imap:arrive", "imap:headers", "imap:delete", "imap:verify")
	if !slices.ContainsFunc(rt.clientLines(), func(l string) bool { return strings.HasPrefix(l, "MAIL FROM:<"+s.SendUser+">") }) {
		t.Errorf("MAIL FROM is not the address given (%s): %q", s.SendUser, rt.clientLines())
	}
	if rt.Delivery == nil || !rt.Delivery.Deleted {
		t.Errorf("delivery %+v", rt.Delivery)
	}
	if after := s.uidLists(t, s.SendUser); !sameLists(before, after) {
		t.Errorf("the mailbox changed:\nbefore %v\nafter  %v", before, after)
	}
}
