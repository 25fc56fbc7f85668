package cmd

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/testservers"
)

// TestBatchSendTest: batch --send-test --credentials over loopback testservers sharing one
// store: the two listed accounts each run the round trip with their own password (phases in
// their records), an unlisted address is probed without login with a note, a listed address
// whose variable is unset gets an error record; the mailbox is unchanged and no password is in
// any output.
func TestBatchSendTest(t *testing.T) {
	ca, caFile := testCA(t)
	const pwA, pwB = "pass-of-alice-7f3", "pass-of-bob-91c"
	// One store per account (a store is one mailbox); each domain's SRV records name its own
	// pair of servers, all on mail.test (the test certificate's name) at their own ports.
	zone := testservers.Zone{SRV: map[string][]testservers.SRV{}, MX: map[string][]testservers.MX{}}
	var stores []*testservers.Store
	for _, acct := range []struct{ addr, pw string }{{"alice@a.mail.test", pwA}, {"bob@b.mail.test", pwB}} {
		st := testservers.NewStore(testservers.StoreConfig{Address: acct.addr})
		stores = append(stores, st)
		users := map[string]string{acct.addr: acct.pw}
		tls := testservers.Faults{ImplicitTLS: true}
		smtp := testservers.StartT(t, testservers.Config{Proto: "smtp", Store: st, Faults: tls, Users: users}, ca)
		imap := testservers.StartT(t, testservers.Config{Proto: "imap", Store: st, Faults: tls, Users: users}, ca)
		domain := acct.addr[strings.IndexByte(acct.addr, '@')+1:]
		zone.SRV["_submissions._tcp."+domain] = []testservers.SRV{{Target: "mail.test", Port: uint16(smtp.Port), Weight: 1}}
		zone.SRV["_imaps._tcp."+domain] = []testservers.SRV{{Target: "mail.test", Port: uint16(imap.Port), Weight: 1}}
	}
	for _, d := range []string{"a", "b", "c", "d"} {
		zone.MX[d+".mail.test"] = []testservers.MX{{Host: "mail.test", Pref: 10}}
	}
	zone.A = map[string][]string{"mail.test": {"127.0.0.1"}}
	// carol and dora share alice's servers.
	zone.SRV["_imaps._tcp.c.mail.test"] = zone.SRV["_imaps._tcp.a.mail.test"]
	zone.SRV["_submissions._tcp.c.mail.test"] = zone.SRV["_submissions._tcp.a.mail.test"]
	zone.SRV["_imaps._tcp.d.mail.test"] = zone.SRV["_imaps._tcp.a.mail.test"]
	zone.SRV["_submissions._tcp.d.mail.test"] = zone.SRV["_submissions._tcp.a.mail.test"]
	dns := testservers.StartDNST(t, zone)
	dir := t.TempDir()
	creds := filepath.Join(dir, "creds")
	if err := os.WriteFile(creds, []byte("# accounts\nalice@a.mail.test PW_A\nBob@b.mail.test PW_B\ndora@d.mail.test PW_DORA\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"PW_A": pwA, "PW_B": pwB} // PW_DORA unset
	input := "alice@a.mail.test\nbob@b.mail.test\ncarol@c.mail.test\ndora@d.mail.test\nimaps://localhost:1\n"
	args := []string{"batch", "-", "--send-test", "--credentials", creds, "--wait", "2s", "--ca-file", caFile,
		"--resolver", dns.Addr, "--timeout", "2s", "--any-port"}
	var before [][]string
	for _, st := range stores {
		before = append(before, st.Messages("INBOX"))
	}
	code, out, errs := run(t, input, env, args...)
	if code != ExitFindings { // dora's line is an error record
		t.Fatalf("exit %d, want 1\n%s%s", code, out, errs)
	}
	for _, pw := range []string{pwA, pwB} {
		if strings.Contains(out, pw) || strings.Contains(errs, pw) {
			t.Errorf("password %q in the output", pw)
		}
	}
	got := batchJSON(t, out)
	for _, n := range []int{1, 2} {
		l := got[n]
		if l.Report == nil {
			t.Fatalf("line %d: no report: %+v", n, l)
		}
		var steps []string
		deleted := false
		for _, r := range l.Report.Results {
			if r.Endpoint.Source != "send-test" {
				continue
			}
			deleted = r.Delivery != nil && r.Delivery.Deleted && strings.HasPrefix(r.Delivery.ID, "mailcheck-test-")
			for _, s := range r.Steps {
				steps = append(steps, s.Name)
				if s.Name == "auth" && !strings.Contains(s.Detail, "logged in as "+l.Input) {
					t.Errorf("line %d: auth %q, want its own account's login", n, s.Detail)
				}
			}
		}
		for _, w := range []string{"mail", "rcpt", "data", "imap:arrive", "imap:headers", "imap:delete", "imap:verify"} {
			if !slices.Contains(steps, w) {
				t.Errorf("line %d round trip %v lacks %s", n, steps, w)
			}
		}
		if !deleted || l.Report.Status != "ok" {
			t.Errorf("line %d: status %s, deleted %v", n, l.Report.Status, deleted)
		}
	}
	if l := got[3]; l.Report == nil || !strings.Contains(l.Note, "round trip not run") || !strings.Contains(l.Note, "carol@c.mail.test") {
		t.Errorf("unlisted line: %+v", l)
	} else {
		for _, r := range l.Report.Results {
			if r.Endpoint.Source == "send-test" || r.Delivery != nil {
				t.Errorf("unlisted line ran a round trip: %+v", r)
			}
			for _, s := range r.Steps {
				if s.Name == "auth" && s.Status != "skip" {
					t.Errorf("unlisted line logged in: %+v", s)
				}
			}
		}
	}
	if l := got[5]; l.Report == nil || !strings.Contains(l.Note, "not endpoints") {
		t.Errorf("endpoint line: %+v", l)
	}
	if l := got[4]; l.Report != nil || !strings.Contains(l.Error, "PW_DORA") || !strings.Contains(l.Error, "not set") {
		t.Errorf("unset variable line: %+v", l)
	}
	for i, st := range stores {
		if after := st.Messages("INBOX"); !slices.Equal(before[i], after) {
			t.Errorf("store %d: INBOX changed: %d messages before, %d after", i, len(before[i]), len(after))
		}
	}

	// A credentials file other users can read is refused before anything runs.
	if err := os.Chmod(creds, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs = run(t, input, env, args...)
	if code != ExitUsage || out != "" || !strings.Contains(errs, "lets other users read it") {
		t.Errorf("0644 credentials: exit %d stdout %q stderr %q", code, out, errs)
	}
}

// TestBatchCredentialsBadInput: bad --credentials use and files exit 2 with the reason.
func TestBatchCredentialsBadInput(t *testing.T) {
	dir := t.TempDir()
	file := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := file("good", "a@mail.test PW\n")
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"credentials without send-test", []string{"--credentials", good}, "--credentials is for --send-test"},
		{"missing file", []string{"--send-test", "--credentials", filepath.Join(dir, "none")}, "--credentials"},
		{"password in file", []string{"--send-test", "--credentials", file("pw", "a@mail.test PW hunter2\n")}, "want ADDRESS ENVVAR"},
		{"bad address", []string{"--send-test", "--credentials", file("addr", "not-an-address PW\n")}, "line 1"},
		{"bad variable", []string{"--send-test", "--credentials", file("var", "a@mail.test 1-PW\n")}, "not an environment variable name"},
		{"twice", []string{"--send-test", "--credentials", file("dup", "a@mail.test P\nA@mail.test Q\n")}, "listed twice"},
		{"empty", []string{"--send-test", "--credentials", file("empty", "# none\n")}, "no ADDRESS ENVVAR line"},
		{"bad wait", []string{"--send-test", "--credentials", good, "--wait", "1h"}, "--wait must be between"},
		{"send-to alone", []string{"--send-to", "b@mail.test"}, "--send-to needs --send-test"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, "a@mail.test\n", nil, append([]string{"batch", "-"}, tt.args...)...)
			if code != ExitUsage || out != "" || !strings.Contains(errs, tt.want) || strings.Contains(errs, "hunter2") {
				t.Errorf("exit %d stdout %q stderr %q, want 2 and %q", code, out, errs, tt.want)
			}
		})
	}
}

func FuzzParseCredentials(f *testing.F) {
	for _, s := range []string{"a@b.test V\n", "# c\n\n a@b.test  V_1 \r\n", "a@b.test", "x y z", "a@b.test 9V"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := parseCredentials("f", s)
		if err == nil && len(c) == 0 {
			t.Errorf("no error and no accounts for %q", s)
		}
		for _, v := range c {
			if !validEnvName(v) {
				t.Errorf("variable %q accepted", v)
			}
		}
	})
}
