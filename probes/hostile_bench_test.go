package probes_test

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/testservers"
)

// hostileRetainedCap is the most a probe's result may hold after a memory-family attack: the
// endpoint's transcript cap (MaxEndpointBytes) twice over, for the steps, strings and Go's
// per-object overhead. What was allocated on the way is reported too: it counts the in-process
// test server's writes as well as the walk's reads (bounded by MaxCommandBytes and
// MaxEndpointRead), and none of it is kept.
const hostileRetainedCap = 2*probes.MaxEndpointBytes + 2<<20

// BenchmarkHostileRetained runs the memory families of issue 20 in process, over in-memory
// pipes, and reports the heap the result keeps (after a GC, while it is alive) and the bytes
// allocated during the walk, against hostileRetainedCap:
//
//	go test ./probes -run '^$' -bench HostileRetained -benchtime 1x
//
// (cmd's BenchmarkHostileRSS measures the real binary's peak RSS for the same servers, and
// BenchmarkSRVFanout the 1,000-SRV-record family.)
func BenchmarkHostileRetained(b *testing.B) {
	ca, err := testservers.NewCA()
	if err != nil {
		b.Fatal(err)
	}
	cases := []struct {
		name    string
		proto   string
		faults  testservers.Faults
		conform bool
	}{
		{"probe-2100x1MiB-literals", "imap", testservers.Faults{IMAPLiteralFlood: 2100}, false},
		{"conform-2100x1MiB-literals", "imap", testservers.Faults{IMAPLiteralFlood: 2100}, true},
		{"probe-endless-zero-literals", "imap", testservers.Faults{IMAPZeroLiterals: true}, false},
		{"conform-endless-zero-literals", "imap", testservers.Faults{IMAPZeroLiterals: true}, true},
		{"probe-endless-EHLO", "smtp", testservers.Faults{EndlessMultiline: true}, false},
		{"conform-endless-CAPA", "pop3", testservers.Faults{EndlessMultiline: true}, true},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			srv, err := testservers.New(testservers.Config{Proto: c.proto, Faults: c.faults}, ca)
			if err != nil {
				b.Fatal(err)
			}
			defer srv.Close()
			ep := probes.Endpoint{Proto: probes.Proto(c.proto), Host: "localhost", Port: probes.DefaultPort(probes.Proto(c.proto), probes.STARTTLS), Security: probes.STARTTLS}
			opts := probes.Options{Timeout: time.Minute, RootCAs: ca.RootCAs(), Dialer: srv, NoModeDetect: true,
				User: testservers.DefaultUser, Password: []byte(testservers.DefaultPassword)}
			var retained, allocated float64
			for b.Loop() {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				var r probes.Result
				if c.conform {
					r, _ = probes.Conform(context.Background(), ep, opts)
				} else {
					r = probes.Probe(context.Background(), ep, opts)
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				runtime.KeepAlive(r)
				if r.Status != probes.Fail {
					b.Fatalf("status %s, want fail", r.Status)
				}
				retained = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / (1 << 20)
				allocated = float64(after.TotalAlloc-before.TotalAlloc) / (1 << 20)
			}
			b.ReportMetric(retained, "retained-MiB")
			b.ReportMetric(allocated, "allocated-MiB")
			b.ReportMetric(float64(hostileRetainedCap)/(1<<20), "cap-MiB")
			if retained > float64(hostileRetainedCap)/(1<<20) {
				b.Errorf("the result keeps %.1f MiB, cap %d MiB", retained, hostileRetainedCap>>20)
			}
		})
	}
}
