package probes_test

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/testservers"
)

// silentServer accepts connections on loopback and never says a word.
type silentServer struct {
	ln net.Listener
}

// countingDialer dials for real and records the most client connections open at once (a
// connection counts until the prober closes it).
type countingDialer struct {
	mu       sync.Mutex
	cur, max int
}

func (d *countingDialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	d.cur++
	d.max = max(d.max, d.cur)
	d.mu.Unlock()
	return &countedConn{Conn: c, d: d}, nil
}

type countedConn struct {
	net.Conn
	d    *countingDialer
	once sync.Once
}

func (c *countedConn) Close() error {
	c.once.Do(func() { c.d.mu.Lock(); c.d.cur--; c.d.mu.Unlock() })
	return c.Conn.Close()
}

func startSilent(t *testing.T) *silentServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &silentServer{ln: ln}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				_, _ = c.Read(make([]byte, 1)) // until the client gives up
				c.Close()
			}()
		}
	}()
	t.Cleanup(func() { ln.Close() })
	return s
}

// TestFanOutPerAddress (issue 20 item 4): many names that resolve to one address share that
// address's connection bound, and waiting for a slot is not a timeout of the server.
func TestFanOutPerAddress(t *testing.T) {
	srv := startSilent(t)
	_, portStr, _ := net.SplitHostPort(srv.ln.Addr().String())
	port, _ := strconv.Atoi(portStr)
	const n = 16
	z := testservers.Zone{A: map[string][]string{}}
	var eps []probes.Endpoint
	for i := range n {
		h := fmt.Sprintf("n%d.fan.test", i)
		z.A[h] = []string{"127.0.0.1"}
		eps = append(eps, probes.Endpoint{Proto: probes.IMAP, Host: h, Port: port, Security: probes.STARTTLS})
	}
	dns := testservers.StartDNST(t, z)
	d := &countingDialer{}
	rep := probes.Run(context.Background(), probes.Plan{Command: probes.CmdAccount, Input: "u@fan.test", Endpoints: eps,
		Options: probes.Options{Timeout: 150 * time.Millisecond, Resolver: probes.NewResolver(dns.Addr, 10*time.Second),
			Dialer: d, NoModeDetect: true}})
	d.mu.Lock()
	peak := d.max
	d.mu.Unlock()
	if peak > 4 {
		t.Errorf("%d connections to one address at once, want at most 4", peak)
	}
	for _, r := range rep.Results {
		if !r.HasCode(findings.ServerGreetingTimeout) {
			t.Errorf("%s: %v, want server.greeting-timeout (the silent server), reached after its turn", r.Endpoint.Host, r.Steps)
		}
	}
}

// TestRunDeadline (issue 20 item 4): the run's deadline ends a run against silent servers at
// the deadline, not after every step's timeout, and what it cut short is run.deadline, never a
// timeout of the server.
func TestRunDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		var held []net.Conn
		dial := dialFunc(func(ctx context.Context, _, _ string) (net.Conn, error) {
			c, s := net.Pipe()
			mu.Lock()
			held = append(held, s) // silent: never writes, never reads
			mu.Unlock()
			return c, nil
		})
		var eps []probes.Endpoint
		for i := range 12 {
			eps = append(eps, probes.Endpoint{Proto: probes.SMTP, Host: "127.0.0.1", Port: 2000 + i, Security: probes.STARTTLS})
		}
		start := time.Now()
		rep := probes.Run(context.Background(), probes.Plan{Command: probes.CmdAccount, Input: "u@x.test", Endpoints: eps,
			Options:  probes.Options{Timeout: 10 * time.Second, Dialer: dial},
			Deadline: start.Add(3 * time.Second)})
		if el := time.Since(start); el > 3*time.Second+time.Millisecond {
			t.Errorf("run took %s, want the 3s deadline", el)
		}
		top := false
		for _, f := range rep.Findings {
			top = top || f.Code == findings.RunDeadline
		}
		if !top || rep.Status != probes.Fail {
			t.Errorf("findings %v status %s; want run.deadline and fail", rep.Findings, rep.Status)
		}
		for _, r := range rep.Results {
			if !r.HasCode(findings.RunDeadline) || r.HasCode(findings.ServerGreetingTimeout) || r.HasCode(findings.TCPTimeout) {
				t.Errorf("%s:%d steps %v; want run.deadline, no server timeout", r.Endpoint.Host, r.Endpoint.Port, r.Steps)
			}
		}
		mu.Lock()
		for _, c := range held {
			c.Close()
		}
		mu.Unlock()
	})
}

type dialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

func (f dialFunc) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	return f(ctx, network, addr)
}
