package probes

import (
	"context"
	"net"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/miekg/dns"
)

// rawDNS answers every query on loopback UDP with the bytes it holds, the query's ID put in:
// the answer a hostile resolver (or a spoofer who guessed the ID) can send.
type rawDNS struct {
	pc   net.PacketConn
	resp atomic.Pointer[[]byte]
}

func startRawAnswers(tb testing.TB) *rawDNS {
	tb.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	d := &rawDNS{pc: pc}
	tb.Cleanup(func() { pc.Close() })
	go func() {
		buf := make([]byte, 2048)
		for {
			n, from, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			p := d.resp.Load()
			if p == nil || n < 2 {
				continue
			}
			out := append([]byte(nil), *p...)
			if len(out) >= 2 {
				out[0], out[1] = buf[0], buf[1]
			}
			pc.WriteTo(out, from)
		}
	}()
	return d
}

// packed is a seed: an answer message for qname with the given records.
func packed(tb testing.TB, qname string, qtype uint16, records ...string) []byte {
	m := new(dns.Msg)
	m.SetQuestion(qname, qtype)
	m.Response = true
	for _, r := range records {
		rr, err := dns.NewRR(r)
		if err != nil {
			tb.Fatal(err)
		}
		m.Answer = append(m.Answer, rr)
	}
	b, err := m.Pack()
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// FuzzResolverAnswer: our DNS wrappers (owner-name check, CNAME chain, conversion to addresses,
// MX and SRV) read any answer a server sends over loopback UDP. No panic; a name with no
// record of its own (nor a CNAME from it) gets an error, never another name's records; no more
// results than records; MX and SRV come sorted; the AD bit only when the answer set it.
func FuzzResolverAnswer(f *testing.F) {
	const host, srvName = "fuzz.test.", "_imaps._tcp.fuzz.test."
	f.Add(packed(f, host, dns.TypeA, "fuzz.test. 60 IN A 127.0.0.7", "fuzz.test. 60 IN MX 10 mx.fuzz.test.",
		"_imaps._tcp.fuzz.test. 60 IN SRV 0 1 993 imap.fuzz.test."))
	f.Add(packed(f, host, dns.TypeA, "evil.test. 60 IN A 192.0.2.66", "evil.test. 60 IN MX 10 mx.evil.test.",
		"_imaps._tcp.evil.test. 60 IN SRV 0 0 993 imap.evil.test."))
	f.Add(packed(f, host, dns.TypeA, "fuzz.test. 60 IN CNAME a.test.", "a.test. 60 IN CNAME fuzz.test.", "a.test. 60 IN A 127.0.0.8"))
	f.Add(packed(f, srvName, dns.TypeSRV, "_imaps._tcp.fuzz.test. 60 IN SRV 5 1 993 b.test.", "_imaps._tcp.fuzz.test. 60 IN SRV 1 9 993 a.test.",
		"_IMAPS._TCP.FUZZ.TEST. 60 IN SRV 0 0 0 ."))
	f.Add(packed(f, host, dns.TypeAAAA, "fuzz.test. 60 IN AAAA ::1", "fuzz.test. 60 IN MX 0 .", "fuzz.test. 60 IN MX 5 a.test."))
	f.Add([]byte{0, 0, 0x81, 0x80, 0, 0, 0, 0xff, 0, 0, 0, 0}) // 255 answers announced, none sent
	f.Add([]byte{0, 0, 0x83, 0xa0, 0, 0, 0, 0, 0, 0, 0, 0})    // truncated, AD: the TCP retry is refused
	f.Add([]byte{})
	d := startRawAnswers(f)
	r := NewResolver(d.pc.LocalAddr().String(), 2*time.Second)
	f.Fuzz(func(t *testing.T, resp []byte) {
		d.resp.Store(&resp)
		var m dns.Msg
		parsed := m.Unpack(resp) == nil && m.Rcode == dns.RcodeSuccess
		ctx := context.Background()

		addrs, err := r.LookupHost(ctx, strings.TrimSuffix(host, "."))
		check(t, "A/AAAA", host, &m, parsed, len(addrs), err, dns.TypeA, dns.TypeAAAA)

		mx, err := r.LookupMX(ctx, host)
		check(t, "MX", host, &m, parsed, len(mx), err, dns.TypeMX)
		if !slices.IsSortedFunc(mx, func(a, b *net.MX) int { return int(a.Pref) - int(b.Pref) }) {
			t.Fatalf("MX not sorted by preference: %v", mx)
		}

		srv, ad, err := r.LookupSRVAD(ctx, srvName)
		check(t, "SRV", srvName, &m, parsed, len(srv), err, dns.TypeSRV)
		if ad && !(parsed && m.AuthenticatedData) {
			t.Fatalf("AD reported for an answer without it")
		}
		if !slices.IsSortedFunc(srv, func(a, b *net.SRV) int {
			if a.Priority != b.Priority {
				return int(a.Priority) - int(b.Priority)
			}
			return int(b.Weight) - int(a.Weight)
		}) {
			t.Fatalf("SRV not sorted: %v", srv)
		}
	})
}

// check asserts one lookup against the answer it was given.
func check(t *testing.T, what, name string, m *dns.Msg, parsed bool, n int, err error, types ...uint16) {
	t.Helper()
	if err != nil {
		return
	}
	if !parsed || m.Truncated {
		t.Fatalf("%s: a result from an answer that is not a usable success", what)
	}
	own := 0
	for _, rr := range m.Answer {
		h := rr.Header()
		if strings.EqualFold(h.Name, name) && (slices.Contains(types, h.Rrtype) || h.Rrtype == dns.TypeCNAME) {
			own++
		}
	}
	if own == 0 {
		t.Fatalf("%s: %d results, but no record in the answer is %s's own (nor a CNAME from it)", what, n, name)
	}
	if n == 0 || n > len(m.Answer) {
		t.Fatalf("%s: %d results from %d records", what, n, len(m.Answer))
	}
}

// TestRawAnswers: the fuzz harness is live: a well-formed answer gives results through it, and
// another name's records give none.
func TestRawAnswers(t *testing.T) {
	d := startRawAnswers(t)
	r := NewResolver(d.pc.LocalAddr().String(), 2*time.Second)
	ctx := context.Background()
	good := packed(t, "fuzz.test.", dns.TypeA, "fuzz.test. 60 IN A 127.0.0.7", "fuzz.test. 60 IN MX 10 mx.fuzz.test.",
		"_imaps._tcp.fuzz.test. 60 IN SRV 0 1 993 imap.fuzz.test.")
	d.resp.Store(&good)
	if a, err := r.LookupHost(ctx, "fuzz.test"); err != nil || len(a) != 1 || a[0].String() != "127.0.0.7" { // AAAA keeps no A record
		t.Errorf("LookupHost = %v, %v; want 127.0.0.7 once", a, err)
	}
	if mx, err := r.LookupMX(ctx, "fuzz.test"); err != nil || len(mx) != 1 || mx[0].Host != "mx.fuzz.test." {
		t.Errorf("LookupMX = %v, %v", mx, err)
	}
	if srv, err := r.LookupSRV(ctx, "_imaps._tcp.fuzz.test"); err != nil || len(srv) != 1 || srv[0].Port != 993 {
		t.Errorf("LookupSRV = %v, %v", srv, err)
	}
	foreign := packed(t, "fuzz.test.", dns.TypeA, "evil.test. 60 IN A 192.0.2.66")
	d.resp.Store(&foreign)
	if a, err := r.LookupHost(ctx, "fuzz.test"); err == nil {
		t.Errorf("LookupHost took another name's address: %v", a)
	}
}
