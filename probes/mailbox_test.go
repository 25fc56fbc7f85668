package probes_test

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// fakeStore is the mail two fakes share: the SMTP fake delivers into it, the IMAP fake reads it.
// The round trip against testservers' real engines is in sendtest_servers_test.go; these fakes
// script what those do not serve (MESSAGE quotas, modified UTF-7 names, signed hop delays).
type fakeStore struct {
	mu      sync.Mutex
	folders map[string][]string // folder -> messages
	uid     int
	uids    map[string]int // message -> UID
}

func newFakeStore() *fakeStore {
	return &fakeStore{folders: map[string][]string{"INBOX": {"Message-ID: <old@x>\r\n\r\nold\r\n"}, "Sent": nil, "Drafts": nil, "Trash": nil, "Junk": nil},
		uids: map[string]int{}}
}

func (st *fakeStore) put(folder, msg string) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.uid++
	st.uids[msg] = st.uid + 100
	st.folders[folder] = append(st.folders[folder], msg)
}

func (st *fakeStore) count() int {
	st.mu.Lock()
	defer st.mu.Unlock()
	n := 0
	for _, m := range st.folders {
		n += len(m)
	}
	return n
}

// fakeIMAP serves one IMAP connection in plaintext: login, quota, LIST, search, fetch, delete.
type fakeIMAP struct {
	st      *fakeStore
	caps    string
	quota   string   // the QUOTA response, "" for none
	folders []string // LIST lines after "* LIST "
}

func (f fakeIMAP) dialer() pipeDialer {
	return pipeDialer{func(c net.Conn) {
		defer c.Close()
		r := bufio.NewReader(c)
		w := func(s string) { c.Write([]byte(s + "\r\n")) }
		w("* OK [CAPABILITY " + f.caps + "] fake ready")
		sel := ""
		for {
			l, err := r.ReadString('\n')
			if err != nil {
				return
			}
			tag, cmd, _ := strings.Cut(strings.TrimRight(l, "\r\n"), " ")
			up := strings.ToUpper(cmd)
			switch {
			case strings.HasPrefix(up, "CAPABILITY"):
				w("* CAPABILITY " + f.caps)
				w(tag + " OK done")
			case strings.HasPrefix(up, "LOGIN"), strings.HasPrefix(up, "AUTHENTICATE"):
				w(tag + " OK [CAPABILITY " + f.caps + "] Logged in")
			case strings.HasPrefix(up, "SELECT"), strings.HasPrefix(up, "EXAMINE"):
				sel = strings.Trim(strings.Fields(cmd)[1], `"`)
				f.st.mu.Lock()
				n := len(f.st.folders[sel])
				f.st.mu.Unlock()
				w(fmt.Sprintf("* %d EXISTS", n))
				w("* OK [UIDVALIDITY 7] ok")
				w(tag + " OK done")
			case strings.HasPrefix(up, "GETQUOTAROOT"):
				w(`* QUOTAROOT INBOX ""`)
				w("* " + f.quota)
				w(tag + " OK done")
			case strings.HasPrefix(up, "LIST"):
				for _, fl := range f.folders {
					w("* LIST " + fl)
				}
				w(tag + " OK done")
			case strings.HasPrefix(up, "UID SEARCH"):
				id := regexp.MustCompile(`"(<[^"]+>)"`).FindStringSubmatch(cmd)
				hits := ""
				f.st.mu.Lock()
				for _, m := range f.st.folders[sel] {
					if id != nil && strings.Contains(m, id[1]) {
						hits += " " + strconv.Itoa(f.st.uids[m])
					}
				}
				f.st.mu.Unlock()
				w("* SEARCH" + hits)
				w(tag + " OK done")
			case strings.HasPrefix(up, "UID FETCH"):
				hdr := "Authentication-Results: mx.test; spf=pass smtp.mailfrom=a@mail.test; dkim=none; dmarc=pass\r\n" +
					"Received: from sub.test by mx.test; Thu, 03 Dec 2026 12:00:03 +0000\r\n" +
					"Received: from client by sub.test; Thu, 03 Dec 2026 12:00:01 +0000\r\n\r\n"
				uid := strings.Fields(cmd)[2]
				c.Write([]byte(fmt.Sprintf("* 1 FETCH (UID %s BODY[HEADER.FIELDS (AUTHENTICATION-RESULTS RECEIVED)] {%d}\r\n%s)\r\n", uid, len(hdr), hdr)))
				w(tag + " OK done")
			case strings.HasPrefix(up, "UID STORE"):
				w(tag + " OK done")
			case strings.HasPrefix(up, "UID EXPUNGE"):
				uid, _ := strconv.Atoi(strings.Fields(cmd)[2])
				f.st.mu.Lock()
				var keep []string
				for _, m := range f.st.folders[sel] {
					if f.st.uids[m] != uid {
						keep = append(keep, m)
					}
				}
				f.st.folders[sel] = keep
				f.st.mu.Unlock()
				w(tag + " OK done")
			case strings.HasPrefix(up, "LOGOUT"):
				w("* BYE")
				w(tag + " OK bye")
				return
			default:
				w(tag + " BAD unknown")
			}
		}
	}}
}

// fakeSMTP serves one submission connection: AUTH PLAIN, then delivers a message into the
// store as deliver says.
type fakeSMTP struct {
	st      *fakeStore
	limit   int
	deliver func(st *fakeStore, msg string)
}

func (f fakeSMTP) dialer() pipeDialer {
	return pipeDialer{func(c net.Conn) {
		defer c.Close()
		r := bufio.NewReader(c)
		w := func(s string) { c.Write([]byte(s + "\r\n")) }
		w("220 fake ESMTP")
		for {
			l, err := r.ReadString('\n')
			if err != nil {
				return
			}
			up := strings.ToUpper(strings.TrimRight(l, "\r\n"))
			switch {
			case strings.HasPrefix(up, "EHLO"):
				w("250-fake")
				w("250-AUTH PLAIN")
				w("250 SIZE " + strconv.Itoa(f.limit))
			case strings.HasPrefix(up, "AUTH"):
				w("235 2.7.0 ok")
			case strings.HasPrefix(up, "MAIL FROM"):
				if m := regexp.MustCompile(`SIZE=(\d+)`).FindStringSubmatch(up); m != nil {
					if n, _ := strconv.Atoi(m[1]); n > f.limit {
						w("552 5.3.4 Message size exceeds fixed limit")
						continue
					}
				}
				w("250 2.1.0 Ok")
			case strings.HasPrefix(up, "RCPT TO"):
				if !strings.Contains(up, "@MAIL.TEST") {
					w("550 5.1.1 <x>: Recipient address rejected: User unknown in virtual mailbox table")
					continue
				}
				w("250 2.1.5 Ok")
			case up == "DATA":
				w("354 End data with <CR><LF>.<CR><LF>")
				var msg strings.Builder
				for {
					dl, err := r.ReadString('\n')
					if err != nil || dl == ".\r\n" {
						break
					}
					msg.WriteString(dl)
				}
				f.deliver(f.st, msg.String())
				w("250 2.0.0 Ok: queued as 4ZfakeQ1")
			case up == "QUIT":
				w("221 2.0.0 Bye")
				return
			default:
				w("502 5.5.2 unknown")
			}
		}
	}}
}

func plainLogin(d probes.Dialer) probes.Options {
	return probes.Options{Timeout: 5 * time.Second, User: "a@mail.test", Password: []byte("pw"), AllowPlaintextAuth: true, Dialer: d}
}

func plainEndpoint(proto probes.Proto) probes.Endpoint {
	return probes.Endpoint{Proto: proto, Host: "localhost", Port: probes.DefaultPort(proto, probes.STARTTLS), Security: probes.Plain}
}

var stdFolders = []string{`(\HasNoChildren) "/" INBOX`, `(\Sent) "/" "Sent Items"`, `(\Drafts) "/" Drafts`, `(\Trash) "/" "Deleted Items"`, `(\Junk) "/" Junk`}

// TestMailboxHealth: after the login the IMAP probe reads the quota (warning from 80 %, error
// from 95 %), finds Sent, Drafts, Trash and Junk by RFC 6154 attribute or by name (modified
// UTF-7 decoded), and states the limits the post-login capabilities give.
func TestMailboxHealth(t *testing.T) {
	caps := "IMAP4rev1 AUTH=PLAIN SASL-IR QUOTA SPECIAL-USE UIDPLUS MOVE IDLE APPENDLIMIT=26214400"
	tests := []struct {
		name    string
		f       fakeIMAP
		want    []findings.Code
		notWant []findings.Code
		detail  string
		missing []string
	}{
		{name: "quota low, special-use folders", f: fakeIMAP{caps: caps, quota: `QUOTA "" (STORAGE 102400 1048576)`, folders: stdFolders},
			notWant: []findings.Code{findings.IMAPQuotaNear, findings.IMAPOverQuota, findings.IMAPFolderMissing}, detail: "storage 100.0 MiB of 1.0 GiB (10 %)"},
		{name: "quota near full", f: fakeIMAP{caps: caps, quota: `QUOTA "" (STORAGE 870 1000)`, folders: stdFolders},
			want: []findings.Code{findings.IMAPQuotaNear}, notWant: []findings.Code{findings.IMAPOverQuota}, detail: "(87 %)"},
		{name: "over quota by message count", f: fakeIMAP{caps: caps, quota: `QUOTA "" (STORAGE 10 1000 MESSAGE 99 100)`, folders: stdFolders},
			want: []findings.Code{findings.IMAPOverQuota}, detail: "message 99 of 100"},
		{name: "folders by name, Chinese", f: fakeIMAP{caps: "IMAP4rev1 AUTH=PLAIN", folders: []string{`() "/" INBOX`, `() "/" "&XfJT0ZAB-"`, `() "/" "&g0l6P3ux-"`, `() "/" "&XfJSIJZk-"`, `() "/" "&V4NXPpCuTvY-"`}},
			notWant: []findings.Code{findings.IMAPFolderMissing}, detail: `Sent "已发送"`},
		{name: "Junk, Trash and Drafts missing", f: fakeIMAP{caps: caps, quota: `QUOTA "" (STORAGE 1 1000)`, folders: []string{`() "/" INBOX`, `(\Sent) "/" Sent`}},
			want: []findings.Code{findings.IMAPFolderMissing}, missing: []string{"Drafts", "Trash", "Junk"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				tt.f.st = newFakeStore()
				r := probes.Probe(context.Background(), plainEndpoint(probes.IMAP), plainLogin(tt.f.dialer()))
				for _, c := range tt.want {
					if !r.HasCode(c) {
						t.Errorf("codes %v, want %s\n%s", codesOf(r), c, dump(r))
					}
				}
				for _, c := range tt.notWant {
					if r.HasCode(c) {
						t.Errorf("codes %v, want no %s\n%s", codesOf(r), c, dump(r))
					}
				}
				if got := stepDetail(r, probes.StepQuota) + " | " + stepDetail(r, probes.StepFolders); !strings.Contains(got, tt.detail) {
					t.Errorf("details %q lack %q", got, tt.detail)
				}
				if tt.missing != nil && (r.Mailbox == nil || strings.Join(r.Mailbox.MissingFolders, ",") != strings.Join(tt.missing, ",")) {
					t.Errorf("missing folders %+v, want %v", r.Mailbox, tt.missing)
				}
				if strings.Contains(tt.f.caps, "APPENDLIMIT") && (r.Limits == nil || r.Limits.MaxMessageBytes != 26214400 || !r.Limits.UIDPLUS || !r.Limits.IDLE) {
					t.Errorf("limits %+v", r.Limits)
				}
			})
		})
	}
	t.Run("smtp SIZE", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			f := fakeSMTP{st: newFakeStore(), limit: 35_000_000}
			r := probes.Probe(context.Background(), plainEndpoint(probes.SMTP), plainLogin(f.dialer()))
			if r.Limits == nil || r.Limits.MaxMessageBytes != 35_000_000 || !strings.Contains(dump(r), "attachments up to about 26.2 MB") {
				t.Errorf("limits %+v\n%s", r.Limits, dump(r))
			}
		})
	})
}

// TestSendTest: the round trip submits over SMTP, finds the message over IMAP, reads its
// headers, deletes exactly it and leaves the mailbox as it was; each failure is its finding.
func TestSendTest(t *testing.T) {
	inbox := func(st *fakeStore, msg string) { st.put("INBOX", msg) }
	tests := []struct {
		name    string
		deliver func(*fakeStore, string)
		limit   int
		to      string
		want    findings.Code // "" = clean
		deleted bool
	}{
		{name: "arrives in INBOX", deliver: inbox, deleted: true},
		{name: "lands in Junk", deliver: func(st *fakeStore, m string) { st.put("Junk", m) }, want: findings.DeliveryJunked, deleted: true},
		{name: "arrives late", deliver: func(st *fakeStore, m string) { time.AfterFunc(40*time.Second, func() { st.put("INBOX", m) }) },
			want: findings.DeliverySlow, deleted: true},
		{name: "never arrives", deliver: func(*fakeStore, string) {}, want: findings.DeliveryNotArrived},
		{name: "too large", deliver: inbox, limit: 200, want: findings.SMTPMessageTooLarge},
		{name: "unknown recipient", deliver: inbox, to: "nobody@elsewhere.test", want: findings.SMTPRecipientUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				st := newFakeStore()
				before := st.count()
				limit := tt.limit
				if limit == 0 {
					limit = 10 << 20
				}
				smtpD := fakeSMTP{st: st, limit: limit, deliver: tt.deliver}.dialer()
				imapD := fakeIMAP{st: st, caps: "IMAP4rev1 AUTH=PLAIN SPECIAL-USE UIDPLUS", folders: stdFolders}.dialer()
				plan := probes.Plan{Command: probes.CmdAccount, Input: "a@mail.test",
					Endpoints:       []probes.Endpoint{plainEndpoint(probes.SMTP), plainEndpoint(probes.IMAP)},
					EndpointOptions: []probes.Options{plainLogin(smtpD), plainLogin(imapD)},
					SendTest:        &probes.SendTest{To: tt.to, Wait: time.Minute}}
				start := time.Now()
				rep := probes.Run(context.Background(), plan)
				if took := time.Since(start); took > 2*time.Minute {
					t.Errorf("took %s of fake time", took)
				}
				if len(rep.Results) != 3 {
					t.Fatalf("%d results, want the two probes and the round trip", len(rep.Results))
				}
				rt := rep.Results[2]
				if rt.Endpoint.Source != "send-test" || rt.Delivery == nil {
					t.Fatalf("round trip result %+v", rt.Endpoint)
				}
				if tt.want == "" {
					if rt.Status == probes.Fail {
						t.Errorf("status %s\n%s", rt.Status, dump(rt))
					}
				} else if !rt.HasCode(tt.want) {
					t.Errorf("codes %v, want %s\n%s", codesOf(rt), tt.want, dump(rt))
				}
				if rt.Delivery.Deleted != tt.deleted {
					t.Errorf("deleted = %v, want %v\n%s", rt.Delivery.Deleted, tt.deleted, dump(rt))
				}
				if tt.deleted {
					if rt.Delivery.SPF != "pass" || len(rt.Delivery.Hops) != 2 || rt.Delivery.Hops[1].DelayMS != 2000 {
						t.Errorf("headers not read: %+v\n%s", rt.Delivery, dump(rt))
					}
					if after := st.count(); after != before {
						t.Errorf("the store holds %d messages after the round trip, %d before", after, before)
					}
					if !strings.Contains(stepDetail(rt, "imap:"+probes.StepVerify), "gone") {
						t.Errorf("verify step: %q", stepDetail(rt, "imap:"+probes.StepVerify))
					}
				}
			})
		})
	}
}
