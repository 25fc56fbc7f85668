package testservers

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestCertKinds checks each kind fails (or passes) Go's verification the way a prober classifies it.
func TestCertKinds(t *testing.T) {
	ca := testCA(t)
	tests := []struct {
		kind    CertKind
		host    string
		wantErr string // substring of the x509 error; "" = verifies
	}{
		{Valid, "mail.test", ""},
		{Valid, "localhost", ""},
		{Valid, "127.0.0.1", ""},
		{Valid, "::1", ""},
		{Valid, "other.test", "certificate is valid for"},
		{"", "mail.test", ""},
		{SelfSigned, "mail.test", "certificate signed by unknown authority"},
		{Expired, "mail.test", "certificate has expired or is not yet valid"},
		{WrongHost, "mail.test", "certificate is valid for wrong.example, not mail.test"},
		{WrongHost, "127.0.0.1", "doesn't contain any IP SANs"},
		// Go's Verify names only the first problem of these; the prober asks each question.
		{SnakeOil, "", "certificate signed by unknown authority"},
		{ExpiredWrongHost, "", "certificate has expired or is not yet valid"},
		{NotYetValid, "", "certificate has expired or is not yet valid"},
	}
	for _, tt := range tests {
		cert, err := ca.Cert(tt.kind)
		if err != nil {
			t.Fatalf("Cert(%q): %v", tt.kind, err)
		}
		// Real time, and the clock a testing/synctest bubble starts with.
		for _, now := range []time.Time{time.Now(), time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)} {
			_, err = cert.Leaf.Verify(x509.VerifyOptions{DNSName: tt.host, Roots: ca.RootCAs(), CurrentTime: now})
			if tt.wantErr == "" && err != nil {
				t.Errorf("%s for %s at %v: %v, want it to verify", tt.kind, tt.host, now, err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("%s for %s at %v: %v, want error containing %q", tt.kind, tt.host, now, err, tt.wantErr)
			}
		}
	}
}

func TestCertExtraHostsAndCache(t *testing.T) {
	ca := testCA(t)
	c1, err := ca.Cert(Valid, "smtp.example.test", "192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range []string{"smtp.example.test", "192.0.2.1", "mail.test"} {
		if err := c1.Leaf.VerifyHostname(h); err != nil {
			t.Errorf("VerifyHostname(%s): %v", h, err)
		}
	}
	c2, _ := ca.Cert(Valid, "smtp.example.test", "192.0.2.1")
	if c1.Leaf != c2.Leaf {
		t.Errorf("Cert is not cached")
	}
}

func TestCAPEM(t *testing.T) {
	ca := testCA(t)
	block, _ := pem.Decode(ca.PEM())
	if block == nil || block.Type != "CERTIFICATE" {
		t.Fatalf("PEM() does not hold a certificate")
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(ca.PEM()) {
		t.Fatal("AppendCertsFromPEM failed")
	}
	cert, _ := ca.Cert(Valid)
	if _, err := cert.Leaf.Verify(x509.VerifyOptions{Roots: pool, DNSName: "mail.test"}); err != nil {
		t.Errorf("verify against PEM pool: %v", err)
	}
}

// TestServerCertOverTLS checks the chosen cert is what an implicit-TLS server presents.
func TestServerCertOverTLS(t *testing.T) {
	ca := testCA(t)
	for _, kind := range []CertKind{Valid, SelfSigned, Expired, WrongHost, SnakeOil, ExpiredWrongHost, NotYetValid} {
		s := StartT(t, Config{Proto: "smtp", Faults: Faults{ImplicitTLS: true, Cert: kind}}, ca)
		conn, err := tls.Dial("tcp", s.Addr, &tls.Config{RootCAs: ca.RootCAs(), ServerName: "127.0.0.1"})
		if kind == Valid {
			if err != nil {
				t.Errorf("%s: %v", kind, err)
			} else {
				conn.Close()
			}
			continue
		}
		var verr *tls.CertificateVerificationError
		if !errors.As(err, &verr) {
			t.Errorf("%s: dial error %v, want a certificate verification error", kind, err)
		}
	}
}

// TestCompoundCertKinds: each compound kind has every problem it promises, asked one at a time
// (trust inside the leaf's validity, the name, the dates), in real time and in a bubble's 2000.
func TestCompoundCertKinds(t *testing.T) {
	ca := testCA(t)
	tests := []struct {
		kind                  CertKind
		trusted, forLocalhost bool
		expired, notYetValid  bool
		wantCN                string
		wantDNSNames          []string
	}{
		{kind: SnakeOil, wantCN: "mx1.snakeoil.example"},
		{kind: ExpiredWrongHost, trusted: true, expired: true, wantCN: "wrong.example", wantDNSNames: []string{"wrong.example"}},
		{kind: NotYetValid, trusted: true, forLocalhost: true, notYetValid: true, wantCN: "mail.test", wantDNSNames: []string{"localhost", "mail.test"}},
	}
	for _, tt := range tests {
		c, err := ca.Cert(tt.kind)
		if err != nil {
			t.Fatal(err)
		}
		leaf := c.Leaf
		if leaf.Subject.CommonName != tt.wantCN || !slices.Equal(leaf.DNSNames, tt.wantDNSNames) {
			t.Errorf("%s: CN %q, DNS names %v; want %q, %v", tt.kind, leaf.Subject.CommonName, leaf.DNSNames, tt.wantCN, tt.wantDNSNames)
		}
		_, err = leaf.Verify(x509.VerifyOptions{Roots: ca.RootCAs(), CurrentTime: leaf.NotBefore})
		if (err == nil) != tt.trusted {
			t.Errorf("%s: chain at NotBefore: %v, want trusted %v", tt.kind, err, tt.trusted)
		}
		if got := leaf.VerifyHostname("localhost") == nil; got != tt.forLocalhost {
			t.Errorf("%s: for localhost %v, want %v", tt.kind, got, tt.forLocalhost)
		}
		for _, now := range []time.Time{time.Now(), time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)} {
			if got := now.After(leaf.NotAfter); got != tt.expired {
				t.Errorf("%s at %v: expired %v, want %v", tt.kind, now, got, tt.expired)
			}
			if got := now.Before(leaf.NotBefore); got != tt.notYetValid {
				t.Errorf("%s at %v: not yet valid %v, want %v", tt.kind, now, got, tt.notYetValid)
			}
		}
	}
}
