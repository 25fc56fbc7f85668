package cmd

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/testservers"
)

// hostileRSSCap is the peak RSS the hostile runs below must stay under (the README states it).
const hostileRSSCap = 128

// BenchmarkHostileRSS runs the real binary against hostile loopback servers (issue 20: 2,100
// literals of 1 MiB answering CAPABILITY took 3.0 GB for one probe, 6 GB for a batch of two;
// an endless {0} chain 6.6 GB) and reports each run's peak RSS, its output size and duration.
//
//	go test ./cmd -run '^$' -bench HostileRSS -benchtime 1x
func BenchmarkHostileRSS(b *testing.B) {
	ca, caFile := testCA(b)
	dir := b.TempDir()
	bin := filepath.Join(dir, "mailcheck")
	if out, err := exec.Command("go", "build", "-o", bin, "./mailcheck").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	flood := testservers.StartT(b, testservers.Config{Proto: "imap", Faults: testservers.Faults{IMAPLiteralFlood: 2100}}, ca)
	zeros := testservers.StartT(b, testservers.Config{Proto: "imap", Faults: testservers.Faults{IMAPZeroLiterals: true}}, ca)
	endless := testservers.StartT(b, testservers.Config{Proto: "smtp", Faults: testservers.Faults{EndlessMultiline: true}}, ca)
	endlessCAPA := testservers.StartT(b, testservers.Config{Proto: "pop3", Faults: testservers.Faults{EndlessMultiline: true}}, ca)
	imapURL := func(s *testservers.Server) string { return fmt.Sprintf("imap://127.0.0.1:%d\n", s.Port) }
	batchFile := filepath.Join(dir, "targets.txt")
	os.WriteFile(batchFile, []byte(imapURL(flood)+imapURL(flood)+imapURL(zeros)), 0o600)
	common := []string{"--ca-file", caFile, "--timeout", "30s", "--format", "json", "--quiet"}
	runs := []struct {
		name string
		args []string
	}{
		{"probe-2100x1MiB-literals", []string{"probe", "imap", fmt.Sprintf("127.0.0.1:%d", flood.Port), "--security", "starttls"}},
		{"conform-2100x1MiB-literals", []string{"conform", "imap", fmt.Sprintf("127.0.0.1:%d", flood.Port), "--security", "starttls"}},
		{"probe-endless-zero-literals", []string{"probe", "imap", fmt.Sprintf("127.0.0.1:%d", zeros.Port), "--security", "starttls"}},
		{"probe-endless-EHLO", []string{"probe", "smtp", fmt.Sprintf("127.0.0.1:%d", endless.Port), "--security", "starttls"}},
		{"conform-endless-zero-literals", []string{"conform", "imap", fmt.Sprintf("127.0.0.1:%d", zeros.Port), "--security", "starttls"}},
		{"conform-endless-CAPA", []string{"conform", "pop3", fmt.Sprintf("127.0.0.1:%d", endlessCAPA.Port), "--security", "starttls"}},
		{"batch-two-floods-and-a-chain", []string{"batch", batchFile}},
	}
	for _, r := range runs {
		b.Run(r.name, func(b *testing.B) {
			var rssMiB, outKiB float64
			var took time.Duration
			for b.Loop() {
				var out, errb bytes.Buffer
				cmd := exec.Command(bin, append(r.args, common...)...)
				cmd.Stdout, cmd.Stderr = &out, &errb
				start := time.Now()
				err := cmd.Run()
				took = time.Since(start)
				if code := cmd.ProcessState.ExitCode(); code != ExitFindings {
					b.Fatalf("exit %d (%v), want 1\n%s", code, err, errb.String())
				}
				if !strings.Contains(out.String(), "server.too-much-data") && !strings.Contains(out.String(), "server.protocol-error") {
					b.Errorf("no finding for the flood in the output")
				}
				if strings.Contains(errb.String(), "panic") || strings.Contains(errb.String(), "goroutine ") {
					b.Errorf("stack trace on stderr:\n%s", errb.String())
				}
				rssMiB = float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) / 1024
				outKiB = float64(out.Len()) / 1024
			}
			b.ReportMetric(rssMiB, "peak-RSS-MiB")
			b.ReportMetric(outKiB, "output-KiB")
			b.ReportMetric(took.Seconds(), "wall-s")
			if rssMiB > hostileRSSCap {
				b.Errorf("peak RSS %.1f MiB, want under %d MiB", rssMiB, hostileRSSCap)
			}
		})
	}
}
