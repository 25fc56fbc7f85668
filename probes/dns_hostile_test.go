package probes_test

import (
	"context"
	"errors"
	"net"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/miekg/dns"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// startRawDNS serves answers built by fn on loopback UDP: a resolver that lies in ways the
// testservers zone server never does.
func startRawDNS(t *testing.T, fn func(q dns.Question) []string) string {
	t.Helper()
	h := dns.HandlerFunc(func(w dns.ResponseWriter, req *dns.Msg) {
		m := new(dns.Msg)
		m.SetReply(req)
		for _, line := range fn(req.Question[0]) {
			rr, err := dns.NewRR(line)
			if err != nil {
				t.Errorf("bad record %q: %v", line, err)
				continue
			}
			m.Answer = append(m.Answer, rr)
		}
		_ = w.WriteMsg(m)
	})
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	srv := &dns.Server{PacketConn: pc, Handler: h, NotifyStartedFunc: func() { close(started) }}
	go func() { _ = srv.ActivateAndServe() }()
	<-started
	t.Cleanup(func() { _ = srv.Shutdown() })
	return pc.LocalAddr().String()
}

// TestResolverOwnerName (issue 20 item 10): records whose owner is not the name asked, and not
// reached through a CNAME chain that starts at it, are not answers. A CNAME chain is followed.
func TestResolverOwnerName(t *testing.T) {
	addr := startRawDNS(t, func(q dns.Question) []string {
		switch strings.ToLower(q.Name) {
		case "mail.victim.test.": // answers for another name only
			return []string{"evil.test. 60 IN A 192.0.2.66", "evil.test. 60 IN MX 10 mx.evil.test.",
				"_imaps._tcp.evil.test. 60 IN SRV 0 0 993 imap.evil.test."}
		case "mixed.victim.test.": // one right, one foreign
			return []string{"mixed.victim.test. 60 IN A 127.0.0.7", "other.test. 60 IN A 192.0.2.66"}
		case "alias.victim.test.": // a CNAME chain, then the target's address
			return []string{"alias.victim.test. 60 IN CNAME hop.victim.test.", "hop.victim.test. 60 IN CNAME real.victim.test.",
				"real.victim.test. 60 IN A 127.0.0.8", "unrelated.test. 60 IN A 192.0.2.66"}
		}
		return nil
	})
	r := probes.NewResolver(addr, 10*time.Second)
	ctx := context.Background()

	if a, err := r.LookupHost(ctx, "mail.victim.test"); err == nil {
		t.Errorf("LookupHost accepted another name's address: %v", a)
	} else if !errors.Is(err, probes.ErrOwnerMismatch) {
		t.Errorf("LookupHost error %v, want ErrOwnerMismatch", err)
	}
	if mx, err := r.LookupMX(ctx, "mail.victim.test"); err == nil || !errors.Is(err, probes.ErrOwnerMismatch) {
		t.Errorf("LookupMX = %v, %v; want ErrOwnerMismatch", mx, err)
	}
	if srv, err := r.LookupSRV(ctx, "mail.victim.test"); err == nil || !errors.Is(err, probes.ErrOwnerMismatch) {
		t.Errorf("LookupSRV = %v, %v; want ErrOwnerMismatch", srv, err)
	}
	if a, err := r.LookupHost(ctx, "mixed.victim.test"); err != nil || len(a) != 1 || a[0].String() != "127.0.0.7" {
		t.Errorf("LookupHost(mixed) = %v, %v; want only 127.0.0.7", a, err)
	}
	if a, err := r.LookupHost(ctx, "alias.victim.test"); err != nil || len(a) != 1 || a[0].String() != "127.0.0.8" {
		t.Errorf("LookupHost(alias) = %v, %v; want 127.0.0.8 through the CNAME chain", a, err)
	}
}

// TestResolverFDExhausted (issue 20 item 4): a socket that cannot be opened for lack of file
// descriptors is a local fault, never a DNS failure of the name.
func TestResolverFDExhausted(t *testing.T) {
	err := probes.DNSTransportError("mail.test", "A", "127.0.0.1:53", &net.OpError{Op: "dial", Net: "udp", Err: syscall.EMFILE})
	if !errors.Is(err, probes.ErrFDExhausted) {
		t.Errorf("error %v does not say the descriptors ran out", err)
	}
	if errors.Is(err, probes.ErrDNSFailed) {
		t.Errorf("error %v blames the DNS server", err)
	}
}

// emfileSyscallDialer fails every dial the way the kernel does at ulimit -n.
type emfileSyscallDialer struct{}

func (emfileSyscallDialer) DialContext(_ context.Context, network, _ string) (net.Conn, error) {
	return nil, &net.OpError{Op: "dial", Net: network, Err: syscall.EMFILE}
}

// TestProbeFDExhausted (issue 20 item 4): a connect that fails for lack of descriptors is
// local.fd-exhausted, kind local, never tcp.* or dns.*.
func TestProbeFDExhausted(t *testing.T) {
	ep := probes.Endpoint{Proto: probes.IMAP, Host: "127.0.0.1", Port: 993, Security: probes.ImplicitTLS}
	res := probes.Probe(context.Background(), ep, probes.Options{Timeout: 5 * time.Second, Dialer: emfileSyscallDialer{}, NoModeDetect: true})
	var connect probes.Step
	for _, s := range res.Steps {
		if s.Name == probes.StepConnect {
			connect = s
		}
	}
	if connect.Kind != probes.KindLocal || !res.HasCode(findings.LocalFdExhausted) {
		t.Errorf("connect step = %s kind %q %v; want kind local and local.fd-exhausted", connect.Status, connect.Kind, connect.Findings)
	}
	for _, c := range []findings.Code{findings.TCPTimeout, findings.TCPRefused, findings.TCPUnreachable, findings.DNSFailure} {
		if res.HasCode(c) {
			t.Errorf("out of descriptors reported as %s", c)
		}
	}
}

// refusingDialer counts the connections a probe tries and refuses them.
type refusingDialer struct{ n *atomic.Int64 }

func (d refusingDialer) DialContext(context.Context, string, string) (net.Conn, error) {
	d.n.Add(1)
	return nil, &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
}

// TestProbeOwnerMismatch (issue 20 item 10, at the probe): an address answered for another
// name is no address of the server. The resolve step fails with dns.owner-mismatch naming the
// foreign owner, nothing is dialled, and the password shows in no format.
func TestProbeOwnerMismatch(t *testing.T) {
	addr := startRawDNS(t, func(q dns.Question) []string {
		return []string{"evil.test. 60 IN A 127.0.0.66", "evil.test. 60 IN AAAA ::1"}
	})
	var dials atomic.Int64
	for _, p := range []probes.Proto{probes.SMTP, probes.POP3, probes.IMAP} {
		ep := probes.Endpoint{Proto: p, Host: "mail.victim.test", Port: probes.DefaultPort(p, probes.ImplicitTLS), Security: probes.ImplicitTLS}
		r := probes.Probe(context.Background(), ep, probes.Options{Timeout: 5 * time.Second, Resolver: probes.NewResolver(addr, 5*time.Second),
			Dialer: refusingDialer{&dials}, User: "u@victim.test", Password: []byte("owner-secret-pw")})
		if r.Status != probes.Fail || !r.HasCode(findings.DNSOwnerMismatch) {
			t.Errorf("%s: status %s, codes %v; want fail with %s\n%s", p, r.Status, codesOf(r), findings.DNSOwnerMismatch, dumpShort(r))
		}
		if !strings.Contains(transcript(r)+r.Steps[0].Error, "evil.test") {
			t.Errorf("%s: the foreign owner is not named\n%s", p, dumpShort(r))
		}
		checkNoSecret(t, r, "owner-secret-pw")
	}
	if n := dials.Load(); n != 0 {
		t.Errorf("%d connections tried to addresses answered for another name", n)
	}
}
