package serve

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"strings"
	"testing"
)

func TestGuardRanges(t *testing.T) {
	cases := []struct {
		addr    string
		class   rangeClass // "" = allowed
		private bool       // allowed with AllowPrivate
	}{
		{"127.0.0.1", classLoopback, true},
		{"127.255.0.9", classLoopback, true},
		{"::1", classLoopback, true},
		{"10.1.2.3", classPrivate, true},
		{"172.16.0.1", classPrivate, true},
		{"172.31.255.255", classPrivate, true},
		{"192.168.1.1", classPrivate, true},
		{"fd12:3456::1", classPrivate, true},
		{"169.254.1.1", classLinkLocal, true},
		{"fe80::1", classLinkLocal, true},
		{"100.64.0.1", classCGNAT, true},
		{"100.127.255.254", classCGNAT, true},
		{"224.0.0.1", classMulticast, false},
		{"239.255.255.250", classMulticast, false},
		{"ff02::1", classMulticast, false},
		{"169.254.169.254", classMetadata, false},
		{"169.254.170.2", classMetadata, false},
		{"100.100.100.200", classMetadata, false},
		{"fd00:ec2::254", classMetadata, false},
		{"0.0.0.0", classUnspecified, false},
		{"::", classUnspecified, false},
		{"255.255.255.255", classReserved, false},
		{"::ffff:10.0.0.1", classPrivate, true},          // IPv4-mapped
		{"::ffff:169.254.169.254", classMetadata, false}, // mapped metadata
		{"64:ff9b::a00:1", classPrivate, true},           // NAT64 of 10.0.0.1
		{"64:ff9b::7f00:1", classLoopback, true},         // NAT64 of 127.0.0.1
		{"fe80::1%eth0", classLinkLocal, true},           // zone dropped
		{"8.8.8.8", "", true},
		{"172.32.0.1", "", true},
		{"100.128.0.1", "", true},
		{"2001:db8::1", "", true},
		{"2a00:1450:4001::1", "", true},
	}
	strict, loose := &Guard{}, &Guard{AllowPrivate: true}
	for _, c := range cases {
		a := netip.MustParseAddr(c.addr)
		err := strict.Check(a)
		var re *RefusedError
		switch {
		case c.class == "" && err != nil:
			t.Errorf("%s: refused (%v), want allowed", c.addr, err)
		case c.class != "" && !errors.As(err, &re):
			t.Errorf("%s: allowed, want refused as %s", c.addr, c.class)
		case c.class != "" && re.Class != c.class:
			t.Errorf("%s: refused as %s, want %s", c.addr, re.Class, c.class)
		}
		if err := loose.Check(a); (err == nil) != c.private {
			t.Errorf("%s with --allow-private: err=%v, want allowed=%v", c.addr, err, c.private)
		}
	}
}

func TestGuardAllowCIDR(t *testing.T) {
	cidrs, err := ParseCIDRs([]string{"127.0.0.0/8,169.254.169.254", " 10.9.0.0/16 "})
	if err != nil {
		t.Fatal(err)
	}
	g := &Guard{Allow: cidrs}
	for _, a := range []string{"127.0.0.2", "169.254.169.254", "10.9.3.4", "::ffff:127.0.0.1"} {
		if err := g.Check(netip.MustParseAddr(a)); err != nil {
			t.Errorf("%s: %v, want allowed by --allow-cidr", a, err)
		}
	}
	for _, a := range []string{"10.8.0.1", "192.168.0.1", "::1"} {
		if err := g.Check(netip.MustParseAddr(a)); err == nil {
			t.Errorf("%s: allowed, want refused (outside --allow-cidr)", a)
		}
	}
	for _, bad := range []string{"10.0.0.0/33", "nonsense", "1.2.3"} {
		if _, err := ParseCIDRs([]string{bad}); err == nil {
			t.Errorf("ParseCIDRs(%q): no error", bad)
		}
	}
}

func TestRequestDialerRefuses(t *testing.T) {
	d := &requestDialer{g: &Guard{}}
	ctx := context.Background()
	for _, addr := range []string{"10.0.0.1:25", "[::1]:993", "169.254.169.254:80", "mail.example.com:25"} {
		c, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			c.Close()
			t.Fatalf("dial %s: connected, want refused", addr)
		}
	}
	r := d.refusals()
	if len(r) != 4 {
		t.Fatalf("refusals = %q, want 4", r)
	}
	for i, want := range []string{"private", "loopback", "cloud-metadata", "host name"} {
		if !strings.Contains(r[i], want) {
			t.Errorf("refusal %d = %q, want it to name %q", i, r[i], want)
		}
	}
	// A permitted address is dialed through Base.
	var dialed string
	d = &requestDialer{g: &Guard{AllowPrivate: true, Base: dialFunc(func(ctx context.Context, n, a string) (net.Conn, error) {
		dialed = a
		return nil, errors.New("base reached")
	})}}
	if _, err := d.DialContext(ctx, "tcp", "127.0.0.1:25"); err == nil || err.Error() != "base reached" || dialed != "127.0.0.1:25" {
		t.Fatalf("permitted dial: err=%v dialed=%q", err, dialed)
	}
	if len(d.refusals()) != 0 {
		t.Fatalf("permitted dial recorded a refusal: %q", d.refusals())
	}
}

type dialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

func (f dialFunc) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	return f(ctx, network, addr)
}
