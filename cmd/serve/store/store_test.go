package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

func report(input string, started time.Time, codes ...findings.Code) *probes.Report {
	st := probes.Step{Name: probes.StepGreeting, Status: probes.Fail, Duration: 1500 * time.Millisecond,
		Lines: []probes.Line{{Dir: probes.Server, Text: "530 5.7.0 Must issue a STARTTLS command first"}}}
	for _, c := range codes {
		st.Findings = append(st.Findings, findings.New(c, "evidence"))
	}
	return &probes.Report{Schema: probes.Schema, Command: "probe", Input: input, Started: started, Elapsed: 2 * time.Second,
		Status: probes.Fail, Results: []probes.Result{{Endpoint: probes.Endpoint{Proto: probes.SMTP, Host: "Mail.Example.com", Port: 587},
			Status: probes.Fail, Duration: 2 * time.Second, Steps: []probes.Step{st}, RoundTrips: 3}}}
}

func TestSaveGetListReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.sqlite")
	s, err := Open(path, Keep{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	now := time.Now()
	id1, err := s.Save(ctx, report("smtp mail.example.com:587", now, "tls.required"), Meta{Kind: "endpoint"})
	if err != nil {
		t.Fatal(err)
	}
	id2, err := s.Save(ctx, report("user@qq.com", now.Add(time.Second), "auth.failed"), Meta{Kind: "address", Address: "User@QQ.com"})
	if err != nil {
		t.Fatal(err)
	}
	rep, m, err := s.Get(ctx, id1)
	if err != nil {
		t.Fatal(err)
	}
	// Everything a renderer needs survives, the exact durations included.
	if rep.Input != "smtp mail.example.com:587" || rep.Elapsed != 2*time.Second || rep.Results[0].Steps[0].Duration != 1500*time.Millisecond ||
		rep.Results[0].RoundTrips != 3 || rep.Results[0].Steps[0].Findings[0].Title.EN == "" || m.Domain != "mail.example.com" {
		t.Fatalf("round trip lost data: %+v %+v", rep, m)
	}
	cases := []struct {
		f    Filter
		want []string
	}{
		{Filter{}, []string{id2, id1}},
		{Filter{Address: "user@qq.com"}, []string{id2}},
		{Filter{Domain: "qq.com"}, []string{id2}},
		{Filter{Domain: "MAIL.example.com"}, []string{id1}},
		{Filter{Code: "tls.required"}, []string{id1}},
		{Filter{Code: "auth.failed", Domain: "qq.com"}, []string{id2}},
		{Filter{Code: "auth.failed", Domain: "mail.example.com"}, nil},
		{Filter{Limit: 1}, []string{id2}},
	}
	check := func(s *Store) {
		for _, c := range cases {
			list, err := s.List(ctx, c.f)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, m := range list {
				ids = append(ids, m.ID)
			}
			if strings.Join(ids, ",") != strings.Join(c.want, ",") {
				t.Errorf("List(%+v) = %v, want %v", c.f, ids, c.want)
			}
		}
	}
	check(s)
	if _, _, err := s.Get(ctx, "ffffffffffffffffffffffffffffffff"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown id: %v", err)
	}
	if _, _, err := s.Get(ctx, "' OR 1=1 --"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("malformed id: %v", err)
	}
	s.Close()
	s, err = Open(path, Keep{}) // a restart keeps everything
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	check(s)
}

func TestConcurrentWriters(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "h.sqlite"), Keep{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const writers, each = 8, 10
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				if _, err := s.Save(context.Background(), report("w", time.Now(), "tls.required"), Meta{Address: "a@b.test"}); err != nil {
					errs <- err
				}
				_ = i
				_ = w
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if n, _ := s.Count(context.Background()); n != writers*each {
		t.Fatalf("%d reports stored, want %d", n, writers*each)
	}
}

func TestRetention(t *testing.T) {
	ctx := context.Background()
	s, err := Open("", Keep{MaxCount: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	base := time.Now()
	var ids []string
	for i := range 5 {
		id, err := s.Save(ctx, report("r", base.Add(time.Duration(i)*time.Second)), Meta{})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	list, _ := s.List(ctx, Filter{})
	if len(list) != 3 || list[0].ID != ids[4] || list[2].ID != ids[2] {
		t.Fatalf("count retention kept %v, want the newest 3 of %v", list, ids)
	}
	var codes int
	s.db.QueryRow("SELECT count(*) FROM report_codes WHERE id = ?", ids[0]).Scan(&codes)
	if codes != 0 {
		t.Fatal("a pruned report's codes were left behind")
	}

	a, err := Open("", Keep{MaxAge: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	old, _ := a.Save(ctx, report("old", time.Now().Add(-2*time.Hour)), Meta{})
	fresh, _ := a.Save(ctx, report("fresh", time.Now()), Meta{})
	if _, _, err := a.Get(ctx, old); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a report older than --keep survived: %v", err)
	}
	if _, _, err := a.Get(ctx, fresh); err != nil {
		t.Fatalf("a fresh report was pruned: %v", err)
	}
}

func TestCorruptedFile(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]func(path string){
		"garbage": func(p string) { os.WriteFile(p, bytes.Repeat([]byte("not a database "), 400), 0o600) },
		"truncated": func(p string) {
			s, err := Open(p, Keep{})
			if err != nil {
				t.Fatal(err)
			}
			for range 20 {
				s.Save(context.Background(), report(strings.Repeat("x", 2000), time.Now()), Meta{})
			}
			s.Close()
			b, _ := os.ReadFile(p)
			os.Remove(p + "-wal")
			os.Remove(p + "-shm")
			os.WriteFile(p, b[:len(b)/2], 0o600) // half the pages gone
		},
		"foreign": func(p string) {
			s, _ := Open(p, Keep{})
			s.db.Exec("DROP TABLE mailcheck_meta")
			s.Close()
		},
		"directory": func(p string) { os.Mkdir(p, 0o700) },
	}
	for name, make := range cases {
		path := filepath.Join(dir, name+".sqlite")
		make(path)
		s, err := Open(path, Keep{})
		if err == nil {
			// A damaged file may open; then the first read must fail clearly, not panic.
			_, lerr := s.List(context.Background(), Filter{})
			s.Close()
			if lerr == nil {
				t.Errorf("%s: opened and listed without error", name)
			}
			continue
		}
		if !strings.Contains(err.Error(), path) {
			t.Errorf("%s: error %q does not name the file", name, err)
		}
	}
}

func TestNoSecretInFile(t *testing.T) {
	// The engine redacts transcripts as it records them; the store must not add anything that
	// could carry one (it stores the report, the address and the input only).
	path := filepath.Join(t.TempDir(), "h.sqlite")
	s, err := Open(path, Keep{})
	if err != nil {
		t.Fatal(err)
	}
	rep := report("imap mail.example.com:993", time.Now(), "auth.failed")
	rep.Results[0].Steps[0].Lines = append(rep.Results[0].Steps[0].Lines, probes.Line{Dir: probes.Client, Text: "a1 LOGIN user ***"})
	if _, err := s.Save(context.Background(), rep, Meta{Address: "user@example.com"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, _ := os.ReadFile(path)
	if !bytes.Contains(b, []byte("LOGIN user ***")) {
		t.Fatal("the report is not in the file as saved (the grep would prove nothing)")
	}
}

// BenchmarkSave: one report saved (with retention) into a database of 10,000.
func BenchmarkSave(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "h.sqlite"), Keep{MaxCount: 10000})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	rep := report("smtp mail.example.com:587", time.Now(), "tls.required", "auth.failed")
	for range 10000 {
		s.Save(ctx, rep, Meta{Address: "a@example.com"})
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Save(ctx, rep, Meta{Address: "a@example.com"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkListByCode: the newest 50 reports with a code, out of 10,000.
func BenchmarkListByCode(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "h.sqlite"), Keep{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for i := range 10000 {
		c := findings.Code("tls.required")
		if i%10 == 0 {
			c = "auth.failed"
		}
		s.Save(ctx, report("r", time.Now(), c), Meta{})
	}
	b.ResetTimer()
	for b.Loop() {
		if l, err := s.List(ctx, Filter{Code: "auth.failed"}); err != nil || len(l) != 50 {
			b.Fatal(err, len(l))
		}
	}
}
