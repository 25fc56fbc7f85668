package probes

import (
	"context"
	"fmt"
	"sync"
)

// perHost bounds parallel connections to one service (host and protocol) so providers, which
// limit connections per protocol, do not rate-limit us.
const perHost = 4

// probeAll probes every endpoint concurrently, with the options optsFor gives each (the login
// name differs per protocol at some providers), and returns results in input order (written
// into results[i], as mox does, so output is deterministic). progress, if non-nil, is called
// as each endpoint finishes.
func probeAll(ctx context.Context, eps []Endpoint, optsFor func(int) Options, progress func(i int, r Result)) []Result {
	results := make([]Result, len(eps))
	limits := newAddrLimits()
	var mu sync.Mutex
	sems := map[string]chan struct{}{}
	sem := func(host string) chan struct{} {
		mu.Lock()
		defer mu.Unlock()
		if sems[host] == nil {
			sems[host] = make(chan struct{}, perHost)
		}
		return sems[host]
	}
	var wg sync.WaitGroup
	for i, ep := range eps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := sem(fmt.Sprintf("%s:%d/%s", ep.Host, ep.Port, ep.Proto))
			select {
			case s <- struct{}{}:
			case <-ctx.Done():
				results[i] = Result{Endpoint: ep, Status: Skip}
				return
			}
			defer func() { <-s }()
			release, err := acquireProc(ctx)
			if err != nil {
				results[i] = Result{Endpoint: ep, Status: Skip}
				return
			}
			defer release()
			o := optsFor(i)
			o.limits = limits
			results[i] = Probe(ctx, ep, o)
			if progress != nil {
				mu.Lock()
				progress(i, results[i])
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return results
}
