package cmd

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/testservers"
)

// TestSendTestBadInput: the round trip runs only when asked, with a login, to an address the
// user names, and says clearly what is missing.
func TestSendTestBadInput(t *testing.T) {
	pw := map[string]string{"P": "pw"}
	for _, tt := range []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"send-to alone", pw, []string{"account", "a@example.test", "--password-env", "P", "--send-to", "b@example.test"}, "--send-to needs --send-test"},
		{"no login", nil, []string{"account", "a@example.test", "--send-test"}, "--send-test logs in"},
		{"offline", pw, []string{"account", "a@qq.com", "--offline", "--send-test"}, "cannot run with --offline"},
		{"bad recipient", pw, []string{"account", "a@example.test", "--password-env", "P", "--send-test", "--send-to", "not an address"}, "--send-to"},
		{"wait too long", pw, []string{"account", "a@example.test", "--password-env", "P", "--send-test", "--wait", "1h"}, "--wait must be between"},
		{"probe imap", pw, []string{"probe", "imap", "localhost:1", "--user", "a@example.test", "--password-env", "P", "--send-test"}, "goes with probe smtp"},
		{"probe smtp without receive-via", pw, []string{"probe", "smtp", "localhost:1", "--user", "a@example.test", "--password-env", "P", "--send-test"}, "needs --receive-via"},
		{"receive via smtp", pw, []string{"probe", "smtp", "localhost:1", "--user", "a@example.test", "--password-env", "P", "--send-test", "--receive-via", "smtps://localhost"}, "receives over IMAP or POP3"},
		{"batch", pw, []string{"batch", "-", "--send-test"}, "batch --send-test needs --credentials"},
		{"receive-via alone", pw, []string{"probe", "smtp", "localhost:1", "--receive-via", "imaps://localhost"}, "--receive-via needs --send-test"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, "", tt.env, tt.args...)
			if code != ExitUsage || !strings.Contains(errs, tt.want) || out != "" {
				t.Errorf("exit %d stderr %q stdout %q, want 2 and %q", code, errs, out, tt.want)
			}
		})
	}
}

// TestSendTestCmd: probe smtp --send-test --receive-via over loopback testservers sharing one
// store, receiving over IMAP and over POP3: the exit status, the phases in the JSON, and the
// mailbox left as it was; a message that never arrives exits 1 with delivery.not-arrived.
func TestSendTestCmd(t *testing.T) {
	ca, caFile := testCA(t)
	for _, tt := range []struct {
		name, scheme string
		delivery     testservers.DeliveryFaults
		code         int
		want         []string // step names in the round trip's result, or finding codes
	}{
		{"imap", "imaps", testservers.DeliveryFaults{}, ExitOK, []string{"mail", "rcpt", "data", "imap:arrive", "imap:headers", "imap:delete", "imap:verify"}},
		{"pop3", "pop3s", testservers.DeliveryFaults{}, ExitOK, []string{"data", "pop3:arrive", "pop3:headers", "pop3:delete", "pop3:verify"}},
		{"never arrives", "imaps", testservers.DeliveryFaults{Never: true}, ExitFindings, []string{"delivery.not-arrived"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := testservers.NewStore(testservers.StoreConfig{Delivery: tt.delivery})
			tls := testservers.Faults{ImplicitTLS: true}
			smtp := testservers.StartT(t, testservers.Config{Proto: "smtp", Store: st, Faults: tls}, ca)
			proto := "imap"
			if tt.scheme == "pop3s" {
				proto = "pop3"
			}
			recv := testservers.StartT(t, testservers.Config{Proto: proto, Store: st, Faults: tls}, ca)
			before := st.Messages("INBOX")
			code, out, errs := run(t, "", map[string]string{"P": testservers.DefaultPassword}, "probe", "smtp", "localhost:"+itoa(smtp.Port),
				"--security", "tls", "--ca-file", caFile, "--user", testservers.DefaultUser, "--password-env", "P",
				"--send-test", "--wait", "1s", "--receive-via", tt.scheme+"://localhost:"+itoa(recv.Port), "--format", "json")
			if code != tt.code {
				t.Fatalf("exit %d, want %d\n%s%s", code, tt.code, out, errs)
			}
			var rep struct {
				Results []struct {
					Endpoint struct{ Source string }
					Steps    []struct {
						Name     string
						Status   string
						Findings []struct{ Code string }
					}
					Delivery *struct {
						ID      string
						QueueID string `json:"queue_id"`
						Deleted bool
					}
				}
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("JSON: %v\n%s", err, out)
			}
			var got []string
			for _, r := range rep.Results {
				if r.Endpoint.Source != "send-test" {
					continue
				}
				if r.Delivery == nil || !strings.HasPrefix(r.Delivery.ID, "mailcheck-test-") || !strings.HasPrefix(r.Delivery.QueueID, "4ZTEST") {
					t.Errorf("delivery %+v\n%s", r.Delivery, out)
				}
				if tt.code == ExitOK && (r.Delivery == nil || !r.Delivery.Deleted) {
					t.Errorf("not deleted")
				}
				for _, s := range r.Steps {
					got = append(got, s.Name)
					for _, f := range s.Findings {
						got = append(got, f.Code)
					}
				}
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("round trip %v lacks %s", got, w)
				}
			}
			if after := st.Messages("INBOX"); !slices.Equal(before, after) {
				t.Errorf("INBOX changed: %d messages before, %d after", len(before), len(after))
			}
		})
	}
}

// TestMailboxHealthCmd: probe imap with a login against a loopback testserver whose store is
// nearly full and lacks folders: both warnings in the report, exit 0 (warnings only), and the
// JSON's mailbox quota and missing folders; the Chinese report names them too.
func TestMailboxHealthCmd(t *testing.T) {
	ca, caFile := testCA(t)
	st := testservers.NewStore(testservers.StoreConfig{QuotaKiB: 1000, QuotaUsedKiB: 900, Folders: []testservers.Folder{{Name: "Sent", Use: `\Sent`}}})
	srv := testservers.StartT(t, testservers.Config{Proto: "imap", Store: st, Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	args := []string{"probe", "imap", "localhost:" + itoa(srv.Port), "--security", "tls", "--ca-file", caFile,
		"--user", testservers.DefaultUser, "--password-env", "P"}
	env := map[string]string{"P": testservers.DefaultPassword}
	code, out, errs := run(t, "", env, append(args, "--format", "json")...)
	if code != ExitOK {
		t.Fatalf("exit %d, want 0 (warnings only)\n%s%s", code, out, errs)
	}
	var rep struct {
		Results []struct {
			Mailbox struct {
				Quota []struct {
					Resource     string
					Usage, Limit int64
				}
				Missing []string `json:"missing_folders"`
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Results) != 1 {
		t.Fatalf("JSON %v: %s", err, out)
	}
	mb := rep.Results[0].Mailbox
	if len(mb.Quota) != 1 || mb.Quota[0].Resource != "STORAGE" || mb.Quota[0].Limit != 1000 || mb.Quota[0].Usage < 900 ||
		strings.Join(mb.Missing, ",") != "Drafts,Trash,Junk" {
		t.Errorf("mailbox %+v", mb)
	}
	for _, c := range []string{"imap.quota-near", "imap.folder-missing"} {
		if !strings.Contains(out, c) {
			t.Errorf("JSON lacks %s", c)
		}
	}
	code, out, _ = run(t, "", env, append(args, "--lang", "zh")...)
	if code != ExitOK || !strings.Contains(out, "imap.quota-near") || !strings.Contains(out, "邮箱") {
		t.Errorf("zh table: exit %d\n%s", code, out)
	}
}
