package probes_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"net"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/testservers"
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
		// Valid in real time and at the 2000-01-01 a synctest bubble starts at.
		NotBefore: time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC), NotAfter: time.Now().Add(24 * time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, IsCA: true, BasicConstraintsValid: true,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// tlsServer is a dialer whose connections are implicit-TLS SMTP with cfg, over an in-memory
// pipe: the handshake is real, its transport is not, so call it inside a synctest bubble.
type tlsServer struct {
	cfg *tls.Config
	wg  sync.WaitGroup
}

func (s *tlsServer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	client, raw := testservers.Pipe()
	s.wg.Go(func() {
		c := tls.Server(raw, s.cfg)
		defer c.Close()
		c.SetDeadline(time.Now().Add(5 * time.Second))
		if c.Handshake() == nil {
			c.Write([]byte("220 tls.test ESMTP\r\n"))
			c.Read(make([]byte, 512))
		}
	})
	return client, nil
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
			synctest.Test(t, func(t *testing.T) {
				srv := &tlsServer{cfg: tt.cfg}
				r := probeLocal(srv, probes.SMTP, probes.ImplicitTLS, probes.Options{})
				srv.wg.Wait()
				if !r.HasCode(tt.want) || r.Status != probes.Fail {
					t.Errorf("codes %v status %s, want %s, fail\n%s", codesOf(r), r.Status, tt.want, dump(r))
				}
				// The evidence names the product; this is the finding's point, not fix prose.
				if tt.want == findings.TLSIntercepted {
					for _, f := range r.Findings() {
						if f.Code == tt.want && !strings.Contains(f.Evidence, "Kaspersky") {
							t.Errorf("evidence %q does not name the product", f.Evidence)
						}
					}
				}
			})
		})
	}
}
