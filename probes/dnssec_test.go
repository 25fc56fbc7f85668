package probes

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/testservers"
)

// TestLookupSRVAD: the resolver asks with the AD flag and records the AD bit of the answer, from
// a loopback resolver only; LookupSRV stays what it was.
func TestLookupSRVAD(t *testing.T) {
	srv := map[string][]testservers.SRV{
		"_imaps._tcp.signed.test":   {{Target: "mail.signed.test", Port: 993, Weight: 1}},
		"_imaps._tcp.unsigned.test": {{Target: "mail.unsigned.test", Port: 993, Weight: 1}},
	}
	dns := testservers.StartDNST(t, testservers.Zone{SRV: srv, Secure: []string{"_imaps._tcp.signed.test"}})
	r := NewResolver(dns.Addr, 2*time.Second)
	tests := []struct {
		name   string
		wantAD bool
	}{
		{"_imaps._tcp.signed.test", true},
		{"_imaps._tcp.unsigned.test", false},
	}
	for _, tt := range tests {
		recs, ad, err := r.LookupSRVAD(context.Background(), tt.name)
		if err != nil || len(recs) != 1 {
			t.Fatalf("%s: %v %v", tt.name, recs, err)
		}
		if ad != tt.wantAD {
			t.Errorf("%s: AD = %v, want %v", tt.name, ad, tt.wantAD)
		}
	}
	if _, ad, err := r.LookupSRVAD(context.Background(), "_pop3s._tcp.signed.test"); err == nil || ad {
		t.Errorf("missing name: ad %v err %v, want an error and no AD", ad, err)
	}
}

// TestAuthenticatedPath: an AD bit is believed only from loopback, or from the system's
// resolvers when resolv.conf says trust-ad. No query is sent here.
func TestAuthenticatedPath(t *testing.T) {
	tests := []struct {
		srv  string
		want bool
	}{
		{"127.0.0.1:53", true},
		{"127.0.0.53:53", true},
		{"[::1]:5353", true},
		{"192.0.2.1:53", false},
		{"[2001:db8::1]:53", false},
		{"resolver.example:53", false}, // a name is not a path we know
		{"garbage", false},
	}
	r := &Resolver{}
	for _, tt := range tests {
		if got := r.authenticated(tt.srv); got != tt.want {
			t.Errorf("authenticated(%q) = %v, want %v", tt.srv, got, tt.want)
		}
	}
	if !(&Resolver{trustAD: true}).authenticated("192.0.2.1:53") {
		t.Error("trust-ad in resolv.conf: remote system resolver not believed")
	}

	dir := t.TempDir()
	for _, tt := range []struct {
		conf string
		want bool
	}{
		{"nameserver 192.0.2.1\noptions edns0 trust-ad\n", true},
		{"nameserver 192.0.2.1\noptions edns0\n", false},
		{"# options trust-ad\nnameserver 192.0.2.1\n", false},
		{"", false},
	} {
		p := filepath.Join(dir, "resolv.conf")
		if err := os.WriteFile(p, []byte(tt.conf), 0o600); err != nil {
			t.Fatal(err)
		}
		if got := resolvConfTrustAD(p); got != tt.want {
			t.Errorf("resolvConfTrustAD(%q) = %v, want %v", tt.conf, got, tt.want)
		}
	}
	if resolvConfTrustAD(filepath.Join(dir, "missing")) {
		t.Error("a missing resolv.conf trusts AD")
	}
}
