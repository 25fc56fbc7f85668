package probes

import (
	"context"
	"net"
	"net/netip"
	"strconv"
	"time"
)

// happyEyeballsDelay is how long one attempt runs alone before the next starts (RFC 8305 5).
const happyEyeballsDelay = 250 * time.Millisecond

// dialRace connects to the first address that answers, racing IPv4 and IPv6 (RFC 8305): the
// next address starts when the previous failed or after the delay, so a host with a dead
// family costs 250ms, not a timeout, and a filtered port costs one step timeout in all.
func (s *Session) dialRace(addrs []netip.Addr) (net.Conn, string, error) {
	d := s.opts.Dialer
	if d == nil {
		d = &net.Dialer{}
	}
	ctx, cancel := context.WithDeadline(s.ctx, s.deadline())
	defer cancel()
	type attempt struct {
		c    net.Conn
		addr string
		err  error
	}
	order := interleave(addrs)
	results := make(chan attempt, len(order))
	next, pending := 0, 0
	start := func() {
		addr := net.JoinHostPort(order[next].String(), strconv.Itoa(s.ep.Port))
		next++
		pending++
		go func() {
			c, err := d.DialContext(ctx, "tcp", addr)
			results <- attempt{c, addr, err}
		}()
	}
	start()
	timer := time.NewTimer(happyEyeballsDelay)
	defer timer.Stop()
	var errs []error
	for pending > 0 {
		select {
		case a := <-results:
			pending--
			if a.err == nil {
				s.note("connected to %s", a.addr)
				s.roundTrip()    // the TCP handshake
				go func(n int) { // close the losers as they finish
					for ; n > 0; n-- {
						if l := <-results; l.c != nil {
							l.c.Close()
						}
					}
				}(pending)
				return a.c, a.addr, nil
			}
			s.note("connect %s: %v", a.addr, a.err)
			errs = append(errs, a.err)
			if next < len(order) {
				start()
				timer.Reset(happyEyeballsDelay)
			}
		case <-timer.C:
			if next < len(order) {
				start()
				timer.Reset(happyEyeballsDelay)
			}
		}
	}
	return nil, "", joinErrs(errs)
}

// interleave alternates address families, IPv4 first (RFC 8305 4).
func interleave(in []netip.Addr) []netip.Addr {
	var v4, v6 []netip.Addr
	for _, a := range in {
		if a.Is4() || a.Is4In6() {
			v4 = append(v4, a)
		} else {
			v6 = append(v6, a)
		}
	}
	out := make([]netip.Addr, 0, len(in))
	for i := 0; i < len(v4) || i < len(v6); i++ {
		if i < len(v4) {
			out = append(out, v4[i])
		}
		if i < len(v6) {
			out = append(out, v6[i])
		}
	}
	return out
}
