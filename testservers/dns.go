package testservers

import (
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/miekg/dns"
)

// Zone is the data a DNS test server answers from. Names are case-insensitive, with or without
// the trailing dot. A name in ServFail is answered SERVFAIL; a name that has other records (or
// names below it) but none of the asked type gets NOERROR with an empty answer; any other name
// gets NXDOMAIN.
type Zone struct {
	A        map[string][]string // name -> IPv4/IPv6 addresses (AAAA when it contains ':')
	MX       map[string][]MX     // domain -> MX; a single MX with Host "." is a null MX (RFC 7505)
	SRV      map[string][]SRV    // "_submission._tcp.example.test" -> SRV
	TXT      map[string][]string
	ServFail []string // names answered SERVFAIL
	// Secure names are answered as a validating resolver answers signed data: with the AD bit,
	// when the query asked for it (AD or DO set, RFC 6840 5.7).
	Secure []string
}

// MX is one mail exchanger.
type MX struct {
	Host string
	Pref uint16
}

// SRV is one service record (RFC 2782, RFC 6186 for mail).
type SRV struct {
	Target                 string
	Port, Priority, Weight uint16
}

// DNSServer answers Zone on 127.0.0.1, UDP and TCP on the same port.
type DNSServer struct {
	Addr string // "127.0.0.1:PORT"

	rrs      map[string][]dns.RR // fqdn -> records
	exists   map[string]bool     // fqdn and every ancestor up to the zone data (empty non-terminals)
	servfail map[string]bool
	secure   map[string]bool
	udp, tcp *dns.Server
	queries  atomic.Int64
	once     sync.Once
}

const dnsTTL = 60

// StartDNS starts the server; it is ready when StartDNS returns (NotifyStartedFunc).
func StartDNS(z Zone) (*DNSServer, error) {
	d := &DNSServer{rrs: map[string][]dns.RR{}, exists: map[string]bool{}, servfail: map[string]bool{}, secure: map[string]bool{}}
	if err := d.load(z); err != nil {
		return nil, err
	}

	// UDP and TCP share a port number, as resolvers expect; retry if TCP's half is taken.
	var pc net.PacketConn
	var ln net.Listener
	for attempt := 0; ; attempt++ {
		var err error
		if pc, err = net.ListenPacket("udp", "127.0.0.1:0"); err != nil {
			return nil, err
		}
		if ln, err = net.Listen("tcp", pc.LocalAddr().String()); err == nil {
			break
		}
		pc.Close()
		if attempt == 10 {
			return nil, fmt.Errorf("testservers: no free UDP+TCP port pair: %w", err)
		}
	}
	d.Addr = pc.LocalAddr().String()

	h := dns.HandlerFunc(d.serveDNS)
	var started sync.WaitGroup
	started.Add(2)
	d.udp = &dns.Server{PacketConn: pc, Handler: h, NotifyStartedFunc: started.Done}
	d.tcp = &dns.Server{Listener: ln, Handler: h, NotifyStartedFunc: started.Done}
	errs := make(chan error, 2)
	for _, srv := range []*dns.Server{d.udp, d.tcp} {
		go func() {
			if err := srv.ActivateAndServe(); err != nil {
				errs <- err
			}
		}()
	}
	ready := make(chan struct{})
	go func() { started.Wait(); close(ready) }()
	select {
	case <-ready:
		return d, nil
	case err := <-errs:
		pc.Close()
		ln.Close()
		return nil, err
	}
}

// StartDNST is StartDNS for tests: it fails t on error and closes the server in t.Cleanup.
func StartDNST(t TB, z Zone) *DNSServer {
	t.Helper()
	d, err := StartDNS(z)
	if err != nil {
		t.Fatalf("testservers.StartDNS: %v", err)
		return nil
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// Close shuts both listeners down; calling it again is harmless.
func (d *DNSServer) Close() error {
	var err error
	d.once.Do(func() {
		err = errors.Join(d.udp.Shutdown(), d.tcp.Shutdown())
	})
	return err
}

// Queries returns how many queries were received so far (UDP and TCP).
func (d *DNSServer) Queries() int { return int(d.queries.Load()) }

func (d *DNSServer) load(z Zone) error {
	add := func(rr dns.RR) {
		name := rr.Header().Name
		d.rrs[name] = append(d.rrs[name], rr)
		d.markExists(name)
	}
	hdr := func(name string, t uint16) dns.RR_Header {
		return dns.RR_Header{Name: fqdn(name), Rrtype: t, Class: dns.ClassINET, Ttl: dnsTTL}
	}
	for name, addrs := range z.A {
		for _, a := range addrs {
			ip := net.ParseIP(a)
			switch {
			case ip == nil:
				return fmt.Errorf("testservers: zone A %s: bad address %q", name, a)
			case strings.Contains(a, ":"):
				add(&dns.AAAA{Hdr: hdr(name, dns.TypeAAAA), AAAA: ip})
			default:
				add(&dns.A{Hdr: hdr(name, dns.TypeA), A: ip.To4()})
			}
		}
	}
	for name, mxs := range z.MX {
		for _, mx := range mxs {
			add(&dns.MX{Hdr: hdr(name, dns.TypeMX), Preference: mx.Pref, Mx: fqdn(mx.Host)})
		}
	}
	for name, srvs := range z.SRV {
		for _, s := range srvs {
			add(&dns.SRV{Hdr: hdr(name, dns.TypeSRV), Priority: s.Priority, Weight: s.Weight, Port: s.Port, Target: fqdn(s.Target)})
		}
	}
	for name, txts := range z.TXT {
		for _, t := range txts {
			add(&dns.TXT{Hdr: hdr(name, dns.TypeTXT), Txt: splitTXT(t)})
		}
	}
	for _, name := range z.ServFail {
		d.servfail[fqdn(name)] = true
	}
	for _, name := range z.Secure {
		d.secure[fqdn(name)] = true
	}
	return nil
}

// markExists records name and its ancestors, so empty non-terminals answer NOERROR.
func (d *DNSServer) markExists(name string) {
	for {
		d.exists[name] = true
		_, rest, ok := strings.Cut(name, ".")
		if !ok || rest == "" {
			return
		}
		name = rest
	}
}

func (d *DNSServer) serveDNS(w dns.ResponseWriter, req *dns.Msg) {
	d.queries.Add(1)
	m := new(dns.Msg)
	switch {
	case req.Opcode != dns.OpcodeQuery:
		m.SetRcode(req, dns.RcodeNotImplemented)
	case len(req.Question) != 1:
		m.SetRcode(req, dns.RcodeFormatError)
	default:
		m.SetReply(req)
		m.Authoritative = true
		m.RecursionAvailable = true // stub resolvers expect a recursive server
		q := req.Question[0]
		name := strings.ToLower(q.Name)
		switch {
		case d.servfail[name]:
			m.Rcode = dns.RcodeServerFailure
		case !d.exists[name]:
			m.Rcode = dns.RcodeNameError
		default:
			for _, rr := range d.rrs[name] {
				if q.Qtype == dns.TypeANY || rr.Header().Rrtype == q.Qtype {
					rr = dns.Copy(rr)
					rr.Header().Name = q.Name // echo the asker's case (0x20 randomisation)
					m.Answer = append(m.Answer, rr)
				}
			}
			do := req.IsEdns0() != nil && req.IsEdns0().Do()
			m.AuthenticatedData = d.secure[name] && len(m.Answer) > 0 && (req.AuthenticatedData || do)
		}
	}
	if _, udp := w.RemoteAddr().(*net.UDPAddr); udp {
		size := dns.MinMsgSize
		if opt := req.IsEdns0(); opt != nil {
			size = max(int(opt.UDPSize()), dns.MinMsgSize)
		}
		m.Truncate(size) // sets TC so the client retries over TCP
	}
	w.WriteMsg(m)
}

func fqdn(name string) string { return dns.Fqdn(strings.ToLower(name)) }

// splitTXT cuts a TXT value into the 255-byte strings a TXT record holds.
func splitTXT(s string) []string {
	var out []string
	for len(s) > 255 {
		out = append(out, s[:255])
		s = s[255:]
	}
	return append(out, s)
}
