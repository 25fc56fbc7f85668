package cmd

// Speed and memory figures (issue #9), printed by benchmarks, never asserted by timed tests:
//
//	go test ./cmd -run '^$' -bench . -benchtime 1x
//
// Every server is a testserver on 127.0.0.1; nothing leaves the machine.

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/testservers"
)

// kinds are the probe kinds with the round trips their walk cannot do without: TCP and TLS
// handshakes (TLS 1.3: one each) plus every reply the client must wait for; QUIT is not awaited.
var kinds = []struct {
	name     string
	proto    string
	sec      string
	faults   testservers.Faults
	min      int
	minSteps string
}{
	{"smtp-587-starttls-auth", "smtp", "starttls", testservers.Faults{RequireTLSForAuth: true}, 7, "tcp greeting ehlo starttls tls ehlo auth"},
	{"smtp-465-auth", "smtp", "tls", testservers.Faults{ImplicitTLS: true}, 5, "tcp tls greeting ehlo auth"},
	{"pop3-995-login-stat-list-uidl", "pop3", "tls", testservers.Faults{ImplicitTLS: true}, 6, "tcp tls greeting capa auth stat+list+uidl(pipelined)"},
	{"pop3-110-stls-login-stat-list-uidl", "pop3", "starttls", testservers.Faults{RequireTLSForAuth: true}, 8, "tcp greeting capa stls tls capa auth stat+list+uidl(pipelined)"},
	{"imap-993-login-examine", "imap", "tls", testservers.Faults{ImplicitTLS: true}, 5, "tcp tls greeting(caps) login examine"},
	{"imap-143-starttls-login-examine", "imap", "starttls", testservers.Faults{RequireTLSForAuth: true}, 7, "tcp greeting(caps) starttls tls capability login examine"},
}

// BenchmarkRoundTrips reports round trips per probe kind next to the protocol minimum.
func BenchmarkRoundTrips(b *testing.B) {
	ca, err := testservers.NewCA()
	if err != nil {
		b.Fatal(err)
	}
	for _, k := range kinds {
		b.Run(k.name, func(b *testing.B) {
			srv := testservers.StartT(b, testservers.Config{Proto: k.proto, Faults: k.faults}, ca)
			opts := probes.Options{Timeout: 5 * time.Second, RootCAs: ca.RootCAs(), User: testservers.DefaultUser,
				Password: []byte(testservers.DefaultPassword)}
			ep := probes.Endpoint{Proto: probes.Proto(k.proto), Host: "127.0.0.1", Port: srv.Port, Security: probes.Security(k.sec)}
			var rt int
			for b.Loop() {
				r := probes.Probe(context.Background(), ep, opts)
				if r.Status != probes.OK {
					b.Fatalf("probe %s: %s", k.name, r.Status)
				}
				rt = r.RoundTrips
			}
			b.ReportMetric(float64(rt), "roundtrips")
			b.ReportMetric(float64(k.min), "minimum")
			b.Logf("%s: %d round trips, protocol minimum %d (%s)", k.name, rt, k.min, k.minSteps)
		})
	}
}

// BenchmarkAccountLatency runs `account` over six endpoints at 100 ms injected latency per
// reply and compares its wall time with the longest single endpoint chain.
func BenchmarkAccountLatency(b *testing.B) {
	ca, caFile := testCA(b)
	const latency = 100 * time.Millisecond
	zone := testservers.Zone{A: map[string][]string{"mail.test": {"127.0.0.1"}}, SRV: map[string][]testservers.SRV{},
		MX: map[string][]testservers.MX{"bench.test": {{Host: "mail.test", Pref: 10}}}}
	srvNames := []string{"_submission._tcp", "_submissions._tcp", "_pop3._tcp", "_pop3s._tcp", "_imap._tcp", "_imaps._tcp"}
	var eps []probes.Endpoint
	for i, k := range []int{0, 1, 3, 2, 5, 4} { // kinds in SRV-name order
		kd := kinds[k]
		srv := testservers.StartT(b, testservers.Config{Proto: kd.proto, Faults: kd.faults, Latency: latency}, ca)
		zone.SRV[srvNames[i]+".bench.test"] = []testservers.SRV{{Target: "mail.test", Port: uint16(srv.Port), Weight: 1}}
		eps = append(eps, probes.Endpoint{Proto: probes.Proto(kd.proto), Host: "mail.test", Port: srv.Port, Security: probes.Security(kd.sec)})
	}
	dns := testservers.StartDNST(b, zone)
	opts := probes.Options{Timeout: 5 * time.Second, RootCAs: ca.RootCAs(), Resolver: probes.NewResolver(dns.Addr, time.Second),
		User: testservers.DefaultUser, Password: []byte(testservers.DefaultPassword)}
	var longest time.Duration
	for _, ep := range eps {
		start := time.Now()
		if r := probes.Probe(context.Background(), ep, opts); r.Status != probes.OK {
			b.Fatalf("single %s: %s", ep.Proto, r.Status)
		}
		longest = max(longest, time.Since(start))
	}
	var wall time.Duration
	for b.Loop() {
		start := time.Now()
		io_, out, errb := TestIO("", map[string]string{"PW": testservers.DefaultPassword})
		code := Run(context.Background(), []string{"account", "user@bench.test", "--resolver", dns.Addr, "--ca-file", caFile,
			"--user", testservers.DefaultUser, "--password-env", "PW", "--format", "json"}, io_)
		wall = time.Since(start)
		if code != ExitOK {
			b.Fatalf("account exit %d\n%s%s", code, out, errb)
		}
		if n := strings.Count(out.String(), `"proto": "`); n < 6 {
			b.Fatalf("account probed %d endpoints, want 6", n)
		}
	}
	b.ReportMetric(float64(wall.Milliseconds()), "account-ms")
	b.ReportMetric(float64(longest.Milliseconds()), "longest-chain-ms")
	b.ReportMetric(float64(wall)/float64(longest), "ratio")
	b.Logf("account over 6 endpoints at %s latency: %s; longest single chain %s; ratio %.2f (target ≤ 1.15)",
		latency, wall.Round(time.Millisecond), longest.Round(time.Millisecond), float64(wall)/float64(longest))
}

// handshakeRate measures raw Go TLS handshakes per second against a loopback listener with the
// same certificate kind, at the given concurrency, for d.
func handshakeRate(b *testing.B, ca *testservers.CA, conc int, d time.Duration) float64 {
	cert, err := ca.Cert(testservers.Valid)
	if err != nil {
		b.Fatal(err)
	}
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{cert}})
	if err != nil {
		b.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() { c.(*tls.Conn).Handshake(); c.Close() }()
		}
	}()
	var n atomic.Int64
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	cfg := &tls.Config{RootCAs: ca.RootCAs(), ServerName: "localhost"}
	for range conc {
		wg.Go(func() {
			for time.Now().Before(deadline) {
				c, err := tls.Dial("tcp", ln.Addr().String(), cfg)
				if err != nil {
					continue
				}
				c.Close()
				n.Add(1)
			}
		})
	}
	wg.Wait()
	return float64(n.Load()) / d.Seconds()
}

// BenchmarkBatchThroughput: batch probes of an implicit-TLS SMTP endpoint per second, next to the
// raw TLS handshake rate measured in the same run.
func BenchmarkBatchThroughput(b *testing.B) {
	ca, caFile := testCA(b)
	const targets, conc = 3000, 64
	srv := testservers.StartT(b, testservers.Config{Proto: "smtp", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	input := strings.Repeat(fmt.Sprintf("smtps://127.0.0.1:%d\n", srv.Port), targets)
	raw := handshakeRate(b, ca, conc, 2*time.Second)
	var rate float64
	for b.Loop() {
		io_, _, errb := TestIO(input, nil)
		io_.Out = io.Discard
		start := time.Now()
		if code := Run(context.Background(), []string{"batch", "-", "--ca-file", caFile, "-c", fmt.Sprint(conc), "--quiet"}, io_); code != ExitOK {
			b.Fatalf("batch exit %d: %s", code, errb)
		}
		rate = targets / time.Since(start).Seconds()
	}
	b.ReportMetric(rate, "probes/s")
	b.ReportMetric(raw, "handshakes/s")
	b.ReportMetric(100*rate/raw, "%-of-raw")
	b.Logf("batch: %.0f TLS endpoint probes/s (target ≥ 1000); raw handshakes %.0f/s; %.0f%% of raw (target ≥ 50%%)", rate, raw, 100*rate/raw)
}

// BenchmarkBatchRSS runs the real binary over 10,000 targets and reports its peak RSS.
func BenchmarkBatchRSS(b *testing.B) {
	ca, caFile := testCA(b)
	dir := b.TempDir()
	bin := filepath.Join(dir, "mailcheck")
	if out, err := exec.Command("go", "build", "-o", bin, "./mailcheck").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	srv := testservers.StartT(b, testservers.Config{Proto: "smtp", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
	targets := filepath.Join(dir, "targets.txt")
	os.WriteFile(targets, []byte(strings.Repeat(fmt.Sprintf("smtps://127.0.0.1:%d\n", srv.Port), 10000)), 0o600)
	var rssMiB float64
	for b.Loop() {
		cmd := exec.Command(bin, "batch", targets, "--ca-file", caFile, "-c", "64", "--quiet")
		cmd.Stdout = io.Discard
		if err := cmd.Run(); err != nil {
			b.Fatalf("batch: %v", err)
		}
		rssMiB = float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) / 1024
	}
	b.ReportMetric(rssMiB, "peak-RSS-MiB")
	b.Logf("batch over 10,000 targets: peak RSS %.1f MiB (target ≤ 64)", rssMiB)
}
