package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strings"
	"sync"
)

// rangeClass names why an address is refused; the names are the reasons the API shows and the
// refusal metric's label (a closed set).
type rangeClass string

const (
	classLoopback    rangeClass = "loopback"
	classPrivate     rangeClass = "private"
	classLinkLocal   rangeClass = "link-local"
	classCGNAT       rangeClass = "cgnat"
	classMulticast   rangeClass = "multicast"
	classMetadata    rangeClass = "cloud-metadata"
	classUnspecified rangeClass = "unspecified"
	classReserved    rangeClass = "reserved"
)

// blocked lists the refused ranges, most specific first so a metadata address is named as one.
// privateLike says whether --allow-private permits the class: metadata, multicast, unspecified
// and reserved addresses are never a mail server, only --allow-cidr can permit them.
var blocked = []struct {
	prefix netip.Prefix
	class  rangeClass
}{
	{netip.MustParsePrefix("169.254.169.254/32"), classMetadata}, // AWS, GCP, Azure, OpenStack
	{netip.MustParsePrefix("169.254.170.2/32"), classMetadata},   // AWS ECS task metadata
	{netip.MustParsePrefix("100.100.100.200/32"), classMetadata}, // Alibaba Cloud
	{netip.MustParsePrefix("fd00:ec2::254/128"), classMetadata},  // AWS over IPv6
	{netip.MustParsePrefix("0.0.0.0/8"), classUnspecified},
	{netip.MustParsePrefix("::/128"), classUnspecified},
	{netip.MustParsePrefix("127.0.0.0/8"), classLoopback},
	{netip.MustParsePrefix("::1/128"), classLoopback},
	{netip.MustParsePrefix("10.0.0.0/8"), classPrivate},
	{netip.MustParsePrefix("172.16.0.0/12"), classPrivate},
	{netip.MustParsePrefix("192.168.0.0/16"), classPrivate},
	{netip.MustParsePrefix("fc00::/7"), classPrivate},
	{netip.MustParsePrefix("169.254.0.0/16"), classLinkLocal},
	{netip.MustParsePrefix("fe80::/10"), classLinkLocal},
	{netip.MustParsePrefix("100.64.0.0/10"), classCGNAT},
	{netip.MustParsePrefix("224.0.0.0/4"), classMulticast},
	{netip.MustParsePrefix("ff00::/8"), classMulticast},
	{netip.MustParsePrefix("240.0.0.0/4"), classReserved}, // and 255.255.255.255
	{netip.MustParsePrefix("192.0.0.0/24"), classReserved},
	{netip.MustParsePrefix("198.18.0.0/15"), classReserved},
}

func (c rangeClass) privateLike() bool {
	switch c {
	case classLoopback, classPrivate, classLinkLocal, classCGNAT:
		return true
	}
	return false
}

// Guard is the SSRF policy: which addresses a check may connect to. It is applied to the
// address actually dialed (an IP literal, after our own resolution), so a name that resolves
// to a public address at a pre-check and to a private one at the dial (DNS rebinding) is still
// refused.
type Guard struct {
	AllowPrivate bool           // permit loopback, private, link-local and CGNAT addresses
	Allow        []netip.Prefix // permit these ranges whatever their class
	// Base dials the permitted addresses; nil is a net.Dialer. Tests hand in their pipes.
	Base interface {
		DialContext(ctx context.Context, network, addr string) (net.Conn, error)
	}
}

// RefusedError is a dial the guard refused.
type RefusedError struct {
	Addr  netip.Addr
	Class rangeClass
	Host  string // the name it came from, when known
}

func (e *RefusedError) Error() string {
	what := e.Addr.String()
	if e.Host != "" && e.Host != what {
		what = e.Host + " (" + what + ")"
	}
	hint := "--allow-private or --allow-cidr"
	if !e.Class.privateLike() {
		hint = "--allow-cidr"
	}
	return fmt.Sprintf("refused to connect to %s: a %s address (the server permits it only with %s)", what, e.Class, hint)
}

// ParseCIDRs parses --allow-cidr values (a bare address is a single-address range).
func ParseCIDRs(vals []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, v := range vals {
		for _, s := range strings.Split(v, ",") {
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			if !strings.Contains(s, "/") {
				a, err := netip.ParseAddr(s)
				if err != nil {
					return nil, fmt.Errorf("--allow-cidr %q: not an address or CIDR range", s)
				}
				out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
				continue
			}
			p, err := netip.ParsePrefix(s)
			if err != nil {
				return nil, fmt.Errorf("--allow-cidr %q: %v", s, err)
			}
			out = append(out, p.Masked())
		}
	}
	return out, nil
}

// Check says whether a may be connected to; nil means yes.
func (g *Guard) Check(a netip.Addr) error {
	a = canonical(a)
	for _, p := range g.Allow {
		if p.Contains(a) {
			return nil
		}
	}
	for _, b := range blocked {
		if b.prefix.Contains(a) {
			if g.AllowPrivate && b.class.privateLike() {
				return nil
			}
			return &RefusedError{Addr: a, Class: b.class}
		}
	}
	return nil
}

// canonical unwraps the IPv6 forms that carry an IPv4 address a dial would reach: mapped
// (::ffff:a.b.c.d) and the NAT64 well-known prefix (64:ff9b::a.b.c.d, RFC 6052).
func canonical(a netip.Addr) netip.Addr {
	a = a.Unmap().WithZone("")
	if a.Is6() {
		b := a.As16()
		if b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && [8]byte(b[4:12]) == [8]byte{} {
			return netip.AddrFrom4([4]byte(b[12:16]))
		}
	}
	return a
}

// errNotLiteral: the engine resolves every name itself; a dial of a name would let the system
// resolver (and a rebinding answer) pick the address after the guard looked.
var errNotLiteral = errors.New("refused to dial a host name: only resolved addresses are dialed")

// requestDialer is the guard for one check: it records every refusal so the handler can answer
// 403 with the reasons.
type requestDialer struct {
	g       *Guard
	mu      sync.Mutex
	refused []string
}

func (d *requestDialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", addr, err)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		d.note(errNotLiteral.Error() + " (" + host + ")")
		return nil, errNotLiteral
	}
	if err := d.g.Check(ip); err != nil {
		d.note(err.Error())
		return nil, err
	}
	if d.g.Base != nil {
		return d.g.Base.DialContext(ctx, network, addr)
	}
	var nd net.Dialer
	return nd.DialContext(ctx, network, addr)
}

func (d *requestDialer) note(s string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, r := range d.refused {
		if r == s {
			return
		}
	}
	if len(d.refused) < 16 {
		d.refused = append(d.refused, s)
	}
}

func (d *requestDialer) refusals() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.refused...)
}
