package cmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/testservers"
)

// BenchmarkSRVFanout runs the real binary against a hostile zone (issue 20 item 4: 200 SRV
// records to silent servers took 100 s at --timeout 1s; 1,000 opened 1,500 connections to one
// address): every RFC 6186 service lists `records` targets, all on one silent address. It
// reports the wall time, endpoints probed, connections the server saw and peak RSS.
//
//	go test ./cmd -run '^$' -bench SRVFanout -benchtime 1x
func BenchmarkSRVFanout(b *testing.B) {
	ca, caFile := testCA(b)
	dir := b.TempDir()
	bin := filepath.Join(dir, "mailcheck")
	if out, err := exec.Command("go", "build", "-o", bin, "./mailcheck").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	for _, records := range []int{200, 1000} {
		b.Run(fmt.Sprintf("%d-records-per-service", records), func(b *testing.B) {
			silent := testservers.StartT(b, testservers.Config{Proto: "imap", Faults: testservers.Faults{StallTLS: true}}, ca)
			z := testservers.Zone{A: map[string][]string{}, SRV: map[string][]testservers.SRV{}}
			for _, svc := range []string{"_imaps._tcp", "_imap._tcp", "_pop3s._tcp", "_pop3._tcp", "_submissions._tcp", "_submission._tcp"} {
				var recs []testservers.SRV
				for i := range records {
					recs = append(recs, testservers.SRV{Target: fmt.Sprintf("h%d.mail.test", i), Port: uint16(silent.Port), Weight: 1})
				}
				z.SRV[svc+".mail.test"] = recs
			}
			for i := range records {
				z.A[fmt.Sprintf("h%d.mail.test", i)] = []string{"127.0.0.1"}
			}
			dns := testservers.StartDNST(b, z)
			var took time.Duration
			var rssMiB float64
			var probed int
			for b.Loop() {
				var out, errb bytes.Buffer
				cmd := exec.Command(bin, "account", "user@mail.test", "--resolver", dns.Addr, "--ca-file", caFile, "--timeout", "1s",
					"--any-port", "--format", "json", "--quiet")
				cmd.Stdout, cmd.Stderr = &out, &errb
				start := time.Now()
				cmd.Run()
				took = time.Since(start)
				if strings.Contains(errb.String(), "goroutine ") {
					b.Fatalf("stack trace:\n%s", errb.String())
				}
				var rep struct{ Results []json.RawMessage }
				if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
					b.Fatalf("JSON: %v\n%s", err, errb.String())
				}
				probed = len(rep.Results)
				if !strings.Contains(out.String(), "discovery.too-many-records") {
					b.Error("no discovery.too-many-records")
				}
				rssMiB = float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) / 1024
			}
			b.ReportMetric(took.Seconds(), "wall-s")
			b.ReportMetric(float64(probed), "endpoints")
			b.ReportMetric(float64(silent.Conns()), "server-conns")
			b.ReportMetric(rssMiB, "peak-RSS-MiB")
			if probed > 32 {
				b.Errorf("%d endpoints probed, want at most 32", probed)
			}
		})
	}
}
