package probes

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"syscall"
)

// ErrRunDeadline: the run's deadline (Plan.Deadline, --deadline) passed before the step ended;
// the step says nothing about the server.
var ErrRunDeadline = errors.New("run deadline reached")

// perAddr bounds the connections one run keeps open to one IP address and port, whatever the
// number of names (SRV targets, guesses) that resolve to it (issue 20: 1,000 SRV records once
// opened 1,500 connections to one address).
const perAddr = 4

// procConns bounds the probe connections open at once in the whole process (a batch runs many
// plans), so a long endpoint list waits for a slot instead of running out of descriptors.
var procConns = make(chan struct{}, maxProcConns())

// maxProcConns leaves room under RLIMIT_NOFILE: a probe holds a TCP connection, a racing
// second address and the DNS sockets of A and AAAA, and the process needs some of its own.
func maxProcConns() int {
	var r syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &r); err != nil || r.Cur == 0 {
		return 256
	}
	n := (int(min(r.Cur, 1<<20)) - 64) / 4
	return max(8, min(n, 1024))
}

// acquireProc waits for a process-wide connection slot; the wait is not part of any step.
func acquireProc(ctx context.Context) (func(), error) {
	select {
	case procConns <- struct{}{}:
		return func() { <-procConns }, nil
	case <-ctx.Done():
		return nil, runStopped(ctx)
	}
}

// addrLimits is one run's per-address connection bound.
type addrLimits struct {
	mu sync.Mutex
	m  map[string]chan struct{}
}

func newAddrLimits() *addrLimits { return &addrLimits{m: map[string]chan struct{}{}} }

// acquire waits for a slot to addr (IP:port); the wait is not part of any step.
func (l *addrLimits) acquire(ctx context.Context, addr string) (func(), error) {
	l.mu.Lock()
	ch := l.m[addr]
	if ch == nil {
		ch = make(chan struct{}, perAddr)
		l.m[addr] = ch
	}
	l.mu.Unlock()
	select {
	case ch <- struct{}{}:
		return func() { <-ch }, nil
	case <-ctx.Done():
		return nil, runStopped(ctx)
	}
}

// runStopped is the error of a wait the run's end cut short.
func runStopped(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%w before this endpoint got a connection slot", ErrRunDeadline) // findings.SaySlotDeadline
	}
	return ctx.Err()
}
