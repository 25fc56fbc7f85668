package probes_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/testservers"
)

// TestResolver: answers, NXDOMAIN vs no records vs failure told apart, and a dead first
// nameserver falls through to the next one, as resolv.conf's list is meant to.
func TestResolver(t *testing.T) {
	dns := testservers.StartDNST(t, testservers.Zone{
		A:        map[string][]string{"mail.test": {"127.0.0.1", "::1"}},
		MX:       map[string][]testservers.MX{"mail.test": {{Host: "mx2.mail.test", Pref: 20}, {Host: "mx1.mail.test", Pref: 10}}},
		SRV:      map[string][]testservers.SRV{"_imaps._tcp.mail.test": {{Target: "mail.test", Port: 993, Weight: 1}}},
		ServFail: []string{"broken.test"},
	})
	ctx := context.Background()
	// Real UDP on loopback (layer 4). The timeouts only bound a hang, so they are generous:
	// a loaded machine must not turn a slow answer into a failure.
	r := probes.NewResolver(dns.Addr, 10*time.Second)
	if addrs, err := r.LookupHost(ctx, "mail.test"); err != nil || len(addrs) != 2 {
		t.Errorf("LookupHost = %v, %v; want the A and the AAAA", addrs, err)
	}
	if mx, err := r.LookupMX(ctx, "mail.test"); err != nil || mx[0].Host != "mx1.mail.test." {
		t.Errorf("LookupMX = %v, %v; want mx1 first", mx, err)
	}
	if srv, err := r.LookupSRV(ctx, "_imaps._tcp.mail.test"); err != nil || srv[0].Port != 993 {
		t.Errorf("LookupSRV = %v, %v", srv, err)
	}
	for name, want := range map[string]error{"nowhere.test": probes.ErrNXDomain, "broken.test": probes.ErrDNSFailed} {
		if _, err := r.LookupHost(ctx, name); !errors.Is(err, want) {
			t.Errorf("LookupHost(%s) error %v, want %v", name, err, want)
		}
	}
	if _, err := r.LookupMX(ctx, "_imaps._tcp.mail.test"); !errors.Is(err, probes.ErrNoRecords) {
		t.Errorf("LookupMX on a name with only SRV: %v, want no records", err)
	}
	// 127.0.0.1:1 answers nothing (port unreachable, at once): the second server must be asked.
	multi := &probes.Resolver{Servers: []string{"127.0.0.1:1", dns.Addr}, Timeout: 10 * time.Second}
	if addrs, err := multi.LookupHost(ctx, "mail.test"); err != nil || len(addrs) != 2 {
		t.Errorf("with a dead first nameserver: %v, %v; want the answer of the second", addrs, err)
	}
	// An IP literal or localhost needs no question at all.
	before := dns.Queries()
	for _, h := range []string{"127.0.0.1", "[::1]", "localhost"} {
		if _, err := r.LookupHost(ctx, h); err != nil {
			t.Errorf("LookupHost(%s): %v", h, err)
		}
	}
	if dns.Queries() != before {
		t.Errorf("IP literals or localhost went to the DNS server")
	}
}
