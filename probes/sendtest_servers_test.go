package probes_test

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/testservers"
)

// account is testservers' SMTP and a receiving server (IMAP or POP3) sharing one Store, over
// TLS from the first byte and in-memory pipes; call it inside a synctest bubble.
type account struct {
	st         *testservers.Store
	smtp, recv *testservers.Server
	ca         *testservers.CA
}

func newAccount(t *testing.T, ca *testservers.CA, cfg testservers.StoreConfig, smtpFaults testservers.Faults, recv probes.Proto) account {
	t.Helper()
	st := testservers.NewStore(cfg)
	smtpFaults.ImplicitTLS = true
	a := account{st: st, ca: ca}
	var err error
	if a.smtp, err = testservers.New(testservers.Config{Proto: "smtp", Store: st, Faults: smtpFaults}, ca); err != nil {
		t.Fatal(err)
	}
	if a.recv, err = testservers.New(testservers.Config{Proto: string(recv), Store: st, Faults: testservers.Faults{ImplicitTLS: true}}, ca); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.smtp.Close(); a.recv.Close() })
	return a
}

func (a account) opts(d probes.Dialer) probes.Options {
	return probes.Options{Timeout: 5 * time.Second, User: testservers.DefaultUser, Password: []byte(testservers.DefaultPassword),
		Dialer: d, RootCAs: a.ca.RootCAs()}
}

func tlsEndpoint(p probes.Proto) probes.Endpoint {
	return probes.Endpoint{Proto: p, Host: "localhost", Port: probes.DefaultPort(p, probes.ImplicitTLS), Security: probes.ImplicitTLS}
}

// plan is `account --send-test` over both servers.
func (a account) plan(recv probes.Proto, st probes.SendTest) probes.Plan {
	return probes.Plan{Command: probes.CmdAccount, Input: testservers.DefaultUser,
		Endpoints:       []probes.Endpoint{tlsEndpoint(probes.SMTP), tlsEndpoint(recv)},
		EndpointOptions: []probes.Options{a.opts(a.smtp), a.opts(a.recv)},
		SendTest:        &st}
}

// snapshot is every folder's messages, to compare the mailbox before and after.
func (a account) snapshot() map[string][]string {
	out := map[string][]string{}
	for _, f := range a.st.Folders() {
		out[f] = a.st.Messages(f)
	}
	return out
}

func sameMailbox(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

func stepNames(r probes.Result) []string {
	var out []string
	for _, s := range r.Steps {
		out = append(out, s.Name+"="+string(s.Status))
	}
	return out
}

// TestSendTestServers: the round trip against testservers' SMTP delivering into the store that
// its IMAP or POP3 server serves: each phase's outcome is its step and finding, and a clean run
// leaves every folder exactly as it was.
func TestSendTestServers(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		recv   probes.Proto
		cfg    testservers.StoreConfig
		faults testservers.Faults
		from   string
		want   findings.Code // "" = a clean round trip
		steps  []string      // these steps of the round trip, in order
	}{
		{name: "imap inbox", recv: probes.IMAP,
			steps: []string{"mail=ok", "rcpt=ok", "data=ok", "imap:arrive=ok", "imap:headers=ok", "imap:delete=ok", "imap:verify=ok"}},
		{name: "imap junk", recv: probes.IMAP, cfg: testservers.StoreConfig{Delivery: testservers.DeliveryFaults{Folder: "Junk"}},
			want: findings.DeliveryJunked, steps: []string{"imap:arrive=warn", "imap:delete=ok", "imap:verify=ok"}},
		{name: "imap slow", recv: probes.IMAP, cfg: testservers.StoreConfig{Delivery: testservers.DeliveryFaults{Delay: 40 * time.Second}},
			want: findings.DeliverySlow, steps: []string{"imap:arrive=warn", "imap:verify=ok"}},
		{name: "imap never", recv: probes.IMAP, cfg: testservers.StoreConfig{Delivery: testservers.DeliveryFaults{Never: true}},
			want: findings.DeliveryNotArrived, steps: []string{"data=ok", "imap:arrive=fail"}},
		{name: "sender mismatch", recv: probes.IMAP, faults: testservers.Faults{SMTPSenderLogin: true}, from: "boss@mail.test",
			want: findings.SMTPSenderMismatch, steps: []string{"mail=ok", "rcpt=fail"}},
		{name: "sending limit at MAIL", recv: probes.IMAP, faults: testservers.Faults{Replies: map[string]string{"MAIL": "554 MI:STC 163 smtp5,D9GowACHO7RNWNdXmXs1Bw--.9035S2 1473730639"}},
			want: findings.SMTPSendingLimit, steps: []string{"auth=ok", "mail=fail"}},
		{name: "relay denied at RCPT", recv: probes.IMAP, faults: testservers.Faults{Replies: map[string]string{"RCPT": "554 5.7.1 <user@mail.test>: Relay access denied"}},
			want: findings.SMTPRelayDenied, steps: []string{"mail=ok", "rcpt=fail"}},
		{name: "spam at DATA", recv: probes.IMAP, faults: testservers.Faults{Replies: map[string]string{".": "554 DT:SPM 163 smtp8,DMCowACHEMvH1adakFYxKA--.26575S3 1520948680"}},
			want: findings.SMTPSpamRejected, steps: []string{"rcpt=ok", "data=fail"}},
		{name: "too large at DATA", recv: probes.IMAP, faults: testservers.Faults{Replies: map[string]string{".": "552 5.3.4 Message size exceeds fixed limit"}},
			want: findings.SMTPMessageTooLarge, steps: []string{"rcpt=ok", "data=fail"}},
		{name: "mailbox full", recv: probes.IMAP, cfg: testservers.StoreConfig{QuotaKiB: 100, QuotaUsedKiB: 100},
			want: findings.SMTPRecipientMailboxFull, steps: []string{"rcpt=ok", "data=fail"}},
		{name: "pop3 inbox", recv: probes.POP3,
			steps: []string{"data=ok", "pop3:arrive=ok", "pop3:headers=ok", "pop3:delete=ok", "pop3:quit=ok", "pop3:verify=ok"}},
		{name: "pop3 slow", recv: probes.POP3, cfg: testservers.StoreConfig{Delivery: testservers.DeliveryFaults{Delay: 40 * time.Second}},
			want: findings.DeliverySlow, steps: []string{"pop3:arrive=warn", "pop3:delete=ok", "pop3:verify=ok"}},
		{name: "pop3 big maildrop", recv: probes.POP3, cfg: testservers.StoreConfig{Messages: manyMessages(300)},
			steps: []string{"pop3:arrive=ok", "pop3:delete=ok", "pop3:verify=ok"}},
		{name: "pop3 junk is not seen", recv: probes.POP3, cfg: testservers.StoreConfig{Delivery: testservers.DeliveryFaults{Folder: "Junk"}},
			want: findings.DeliveryNotArrived, steps: []string{"pop3:arrive=fail"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				a := newAccount(t, ca, tt.cfg, tt.faults, tt.recv)
				before := a.snapshot()
				start := time.Now()
				rep := probes.Run(context.Background(), a.plan(tt.recv, probes.SendTest{From: tt.from, Wait: time.Minute}))
				if took := time.Since(start); took > 2*time.Minute {
					t.Errorf("took %s of fake time", took)
				}
				if len(rep.Results) != 3 {
					t.Fatalf("%d results, want the two probes and the round trip", len(rep.Results))
				}
				rt := rep.Results[2]
				got := stepNames(rt)
				at := 0
				for _, w := range tt.steps {
					i := slices.Index(got[at:], w)
					if i < 0 {
						t.Fatalf("steps %v lack %s (in order %v)\n%s", got, w, tt.steps, dump(rt))
					}
					at += i + 1
				}
				if tt.want == "" {
					if rt.Status != probes.OK || len(codesOf(rt)) != 0 {
						t.Errorf("status %s codes %v\n%s", rt.Status, codesOf(rt), dump(rt))
					}
				} else if !rt.HasCode(tt.want) {
					t.Errorf("codes %v, want %s\n%s", codesOf(rt), tt.want, dump(rt))
				}
				d := rt.Delivery
				if d == nil {
					t.Fatal("no delivery record")
				}
				if slices.Contains(tt.steps, string(tt.recv)+":verify=ok") {
					if !d.Deleted || !strings.HasPrefix(d.QueueID, "4ZTEST") || len(d.Hops) != 1 || d.Hops[0].By != "mail.test" || d.SPF != "none" {
						t.Errorf("delivery %+v", d)
					}
					if after := a.snapshot(); !sameMailbox(before, after) {
						t.Errorf("mailbox changed:\nbefore %q\nafter  %q", before, after)
					}
				}
				if last := tt.steps[len(tt.steps)-1]; strings.HasSuffix(last, "=fail") && !strings.Contains(last, ":") {
					// Refused by the SMTP server: nothing to look for, nothing delivered or deleted.
					if slices.ContainsFunc(got, func(n string) bool { return strings.Contains(n, ":") }) || d.Deleted || d.QueueID != "" {
						t.Errorf("steps %v, delivery %+v after a refusal", got, d)
					}
					if after := a.snapshot(); !sameMailbox(before, after) {
						t.Errorf("mailbox changed after a refusal")
					}
				}
				if tt.name == "pop3 slow" && !strings.Contains(stepDetail(rt, "pop3:arrive"), "logins") {
					t.Errorf("arrive detail %q", stepDetail(rt, "pop3:arrive"))
				}
			})
		})
	}
}

// TestMailboxHealthServers: quota and folders as testservers' IMAP states them after login.
func TestMailboxHealthServers(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name    string
		cfg     testservers.StoreConfig
		want    []findings.Code
		missing string
	}{
		{"healthy", testservers.StoreConfig{QuotaKiB: 1 << 20}, nil, ""},
		{"quota near full", testservers.StoreConfig{QuotaKiB: 1000, QuotaUsedKiB: 850}, []findings.Code{findings.IMAPQuotaNear}, ""},
		{"over quota", testservers.StoreConfig{QuotaKiB: 1000, QuotaUsedKiB: 990}, []findings.Code{findings.IMAPOverQuota}, ""},
		{"no folders", testservers.StoreConfig{Folders: []testservers.Folder{}}, []findings.Code{findings.IMAPFolderMissing}, "Sent,Drafts,Trash,Junk"},
		{"junk named Spam, no Trash", testservers.StoreConfig{Folders: []testservers.Folder{{Name: "Sent Items", Use: `\Sent`}, {Name: "Drafts"}, {Name: "Spam", Use: `\Junk`}}},
			[]findings.Code{findings.IMAPFolderMissing}, "Trash"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				a := newAccount(t, ca, tt.cfg, testservers.Faults{}, probes.IMAP)
				r := probes.Probe(context.Background(), tlsEndpoint(probes.IMAP), a.opts(a.recv))
				var want []string
				for _, c := range tt.want {
					want = append(want, string(c))
				}
				if got := codesOf(r); !slices.Equal(got, want) {
					t.Errorf("codes %v, want %v\n%s", got, want, dump(r))
				}
				if r.Mailbox == nil || strings.Join(r.Mailbox.MissingFolders, ",") != tt.missing {
					t.Errorf("mailbox %+v, want missing %q", r.Mailbox, tt.missing)
				}
				if tt.cfg.QuotaKiB > 0 && (len(r.Mailbox.Quota) != 1 || r.Mailbox.Quota[0].Limit != tt.cfg.QuotaKiB) {
					t.Errorf("quota %+v", r.Mailbox.Quota)
				}
				if r.Limits == nil || !r.Limits.UIDPLUS || !r.Limits.IDLE {
					t.Errorf("limits %+v", r.Limits)
				}
			})
		})
	}
}

func manyMessages(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "Message-ID: <m" + strconv.Itoa(i) + "@mail.test>\r\nSubject: old\r\n\r\nold\r\n"
	}
	return out
}

// TestSendTestPOP3Cancelled: the run's deadline ends the POP3 polling between logins; the last
// look's arrive step says so instead of passing.
func TestSendTestPOP3Cancelled(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	synctest.Test(t, func(t *testing.T) {
		a := newAccount(t, ca, testservers.StoreConfig{Delivery: testservers.DeliveryFaults{Never: true}}, testservers.Faults{}, probes.POP3)
		ctx, cancel := context.WithTimeout(context.Background(), 12*time.Second)
		defer cancel()
		rep := probes.Run(ctx, a.plan(probes.POP3, probes.SendTest{Wait: time.Minute}))
		rt := rep.Results[len(rep.Results)-1]
		if got := stepNames(rt); !slices.Contains(got, "pop3:arrive=fail") || slices.Contains(got, "pop3:arrive=ok") {
			t.Errorf("steps %v\n%s", got, dump(rt))
		}
		if !strings.Contains(dump(rt), "deadline exceeded") {
			t.Errorf("no deadline in the report\n%s", dump(rt))
		}
	})
}
