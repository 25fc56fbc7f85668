package probes_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/mailcheck/mailcheck/probes"
)

// selfSigned makes a certificate for localhost whose subject and issuer carry cn.
func selfSigned(t *testing.T, cn string) tls.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: cn},
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, IsCA: true, BasicConstraintsValid: true,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// tlsServer accepts one implicit-TLS SMTP connection with cfg and greets.
func tlsServer(t *testing.T, cfg *tls.Config) int {
	t.Helper()
	ln, err := tls.Listen("tcp", "127.0.0.1:0", cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		c.SetDeadline(time.Now().Add(5 * time.Second))
		if c.(*tls.Conn).Handshake() == nil {
			c.Write([]byte("220 tls.test ESMTP\r\n"))
			c.Read(make([]byte, 512))
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port
}

// TestTLSFaults: findings that only a TLS handshake shows, from real handshakes.
func TestTLSFaults(t *testing.T) {
	tests := []struct {
		name string
		cfg  *tls.Config
		want findings.Code
	}{
		{"server offers only TLS 1.0/1.1", &tls.Config{Certificates: []tls.Certificate{selfSigned(t, "old.test")},
			MaxVersion: tls.VersionTLS11}, findings.TLSVersionTooOld},
		{"antivirus re-signs TLS", &tls.Config{Certificates: []tls.Certificate{
			selfSigned(t, "Kaspersky Anti-Virus Personal Root Certificate")}}, findings.TLSIntercepted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			port := tlsServer(t, tt.cfg)
			r := probeLocal(port, probes.SMTP, probes.ImplicitTLS, probes.Options{})
			if !r.HasCode(tt.want) || r.Status != probes.Fail {
				t.Errorf("codes %v status %s, want %s, fail\n%s", codesOf(r), r.Status, tt.want, dump(r))
			}
			if tt.want == findings.TLSIntercepted {
				for _, f := range r.Findings() {
					if f.Code == tt.want && !strings.Contains(f.Evidence, "Kaspersky") {
						t.Errorf("evidence %q does not name the product", f.Evidence)
					}
				}
			}
		})
	}
}
