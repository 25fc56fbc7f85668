package testservers

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/miekg/dns"
)

func testZone() Zone {
	return Zone{
		A: map[string][]string{
			"mail.example.test": {"127.0.0.1", "::1"},
			"v4only.test":       {"127.0.0.2"},
		},
		MX: map[string][]MX{
			"example.test": {{Host: "mail.example.test", Pref: 10}, {Host: "backup.example.test.", Pref: 20}},
			"nullmx.test":  {{Host: ".", Pref: 0}},
		},
		SRV: map[string][]SRV{
			"_submission._tcp.example.test": {{Target: "mail.example.test", Port: 587, Priority: 0, Weight: 1}},
		},
		TXT: map[string][]string{
			"example.test": {"v=spf1 -all"},
			"big.test":     {strings.Repeat("x", 300), strings.Repeat("y", 300)},
		},
		ServFail: []string{"broken.test"},
	}
}

// rrStrings renders answers without TTL-independent noise, e.g. "MX 10 mail.example.test.".
func rrStrings(rrs []dns.RR) []string {
	var out []string
	for _, rr := range rrs {
		f := strings.Fields(rr.String())
		out = append(out, strings.Join(f[3:], " ")) // drop name, TTL, class
	}
	slices.Sort(out)
	return out
}

func TestDNS(t *testing.T) {
	d := StartDNST(t, testZone())
	tests := []struct {
		name  string
		qtype uint16
		rcode int
		want  []string
	}{
		{"mail.example.test", dns.TypeA, dns.RcodeSuccess, []string{"A 127.0.0.1"}},
		{"MAIL.Example.TEST.", dns.TypeAAAA, dns.RcodeSuccess, []string{"AAAA ::1"}},
		{"v4only.test", dns.TypeAAAA, dns.RcodeSuccess, nil},
		{"example.test", dns.TypeMX, dns.RcodeSuccess, []string{"MX 10 mail.example.test.", "MX 20 backup.example.test."}},
		{"nullmx.test", dns.TypeMX, dns.RcodeSuccess, []string{"MX 0 ."}},
		{"_submission._tcp.example.test", dns.TypeSRV, dns.RcodeSuccess, []string{"SRV 0 1 587 mail.example.test."}},
		{"_imaps._tcp.example.test", dns.TypeSRV, dns.RcodeNameError, nil},
		{"_tcp.example.test", dns.TypeSRV, dns.RcodeSuccess, nil}, // empty non-terminal
		{"example.test", dns.TypeTXT, dns.RcodeSuccess, []string{`TXT "v=spf1 -all"`}},
		{"example.test", dns.TypeA, dns.RcodeSuccess, nil},
		{"nosuch.test", dns.TypeA, dns.RcodeNameError, nil},
		{"broken.test", dns.TypeMX, dns.RcodeServerFailure, nil},
	}
	for _, network := range []string{"udp", "tcp"} {
		c := &dns.Client{Net: network, Timeout: 10 * time.Second} // only bounds a hang
		for _, tt := range tests {
			m := new(dns.Msg).SetQuestion(dns.Fqdn(tt.name), tt.qtype)
			r, _, err := c.Exchange(m, d.Addr)
			what := fmt.Sprintf("%s %s %s", network, tt.name, dns.TypeToString[tt.qtype])
			if err != nil {
				t.Errorf("%s: %v", what, err)
				continue
			}
			if r.Rcode != tt.rcode {
				t.Errorf("%s: rcode %s, want %s", what, dns.RcodeToString[r.Rcode], dns.RcodeToString[tt.rcode])
			}
			if got := rrStrings(r.Answer); !slices.Equal(got, tt.want) {
				t.Errorf("%s: answer %q, want %q", what, got, tt.want)
			}
			if len(r.Answer) > 0 && r.Answer[0].Header().Name != dns.Fqdn(tt.name) {
				t.Errorf("%s: answer name %q, want the question's %q", what, r.Answer[0].Header().Name, dns.Fqdn(tt.name))
			}
		}
	}
	if got, want := d.Queries(), 2*len(tests); got != want {
		t.Errorf("Queries() = %d, want %d", got, want)
	}
}

// TestDNSTruncation checks a big answer sets TC over UDP and arrives whole over TCP.
func TestDNSTruncation(t *testing.T) {
	d := StartDNST(t, testZone())
	m := new(dns.Msg).SetQuestion("big.test.", dns.TypeTXT)
	r, _, err := (&dns.Client{Net: "udp", UDPSize: 512}).Exchange(m, d.Addr)
	if err != nil || !r.Truncated {
		t.Errorf("UDP: truncated=%v err=%v, want TC set", r != nil && r.Truncated, err)
	}
	r, _, err = (&dns.Client{Net: "tcp"}).Exchange(m, d.Addr)
	if err != nil || r.Truncated || len(r.Answer) != 2 {
		t.Errorf("TCP: %v answers, truncated=%v, err=%v; want 2 whole answers", r != nil && len(r.Answer) == 2, r != nil && r.Truncated, err)
	}
}

func TestDNSBadZoneAndClose(t *testing.T) {
	if d, err := StartDNS(Zone{A: map[string][]string{"x.test": {"not-an-ip"}}}); err == nil {
		d.Close()
		t.Errorf("StartDNS with a bad address succeeded")
	}
	d, err := StartDNS(Zone{})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	d.Close()
	_, _, err = (&dns.Client{Net: "tcp", Timeout: 500 * time.Millisecond}).Exchange(new(dns.Msg).SetQuestion("x.test.", dns.TypeA), d.Addr)
	if err == nil {
		t.Errorf("query after Close succeeded")
	}
}
