package probes

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// TestVerifyChainDates: the date check covers the chain's certificates, not only the leaf, and
// a leaf date problem does not turn a trusted chain into an untrusted one.
func TestVerifyChainDates(t *testing.T) {
	now := time.Date(2030, 6, 1, 0, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	root := makeCert(t, "Test Root", nil, true, now.Add(-3650*day), now.Add(3650*day))
	inOld := makeCert(t, "Old Intermediate", root, true, now.Add(-730*day), now.Add(-day))
	inNew := makeCert(t, "Future Intermediate", root, true, now.Add(day), now.Add(730*day))
	inOK := makeCert(t, "Good Intermediate", root, true, now.Add(-730*day), now.Add(730*day))
	pool := x509.NewCertPool()
	pool.AddCert(root.cert)

	tests := []struct {
		name     string
		chain    []*testCert
		want     []findings.Code
		evidence []string
	}{
		{"valid chain", []*testCert{makeCert(t, "mail.example", inOK, false, now.Add(-day), now.Add(90*day)), inOK}, nil, nil},
		{"expired intermediate", []*testCert{makeCert(t, "mail.example", inOld, false, now.Add(-10*day), now.Add(90*day)), inOld},
			[]findings.Code{findings.TLSCertExpired}, []string{"CN=Old Intermediate", utc(now.Add(-day))}},
		{"intermediate not yet valid", []*testCert{makeCert(t, "mail.example", inNew, false, now.Add(-10*day), now.Add(90*day)), inNew},
			[]findings.Code{findings.TLSCertNotYetValid}, []string{"CN=Future Intermediate", utc(now.Add(day))}},
		{"expired leaf, good chain", []*testCert{makeCert(t, "mail.example", inOK, false, now.Add(-90*day), now.Add(-2*day)), inOK},
			[]findings.Code{findings.TLSCertExpired}, []string{utc(now.Add(-2 * day))}},
		{"expired leaf, intermediate missing", []*testCert{makeCert(t, "mail.example", inOK, false, now.Add(-90*day), now.Add(-2*day))},
			[]findings.Code{findings.TLSCertUntrusted, findings.TLSCertExpired}, []string{"CN=Good Intermediate", "not self-signed"}},
		{"no certificate", nil, []findings.Code{findings.TLSCertUntrusted}, []string{"no certificate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var certs []*x509.Certificate
			for _, c := range tt.chain {
				certs = append(certs, c.cert)
			}
			err := verifyChain(certs, "mail.example", pool, now)
			var got []findings.Code
			if err != nil {
				for _, p := range err.(*CertError).Problems {
					got = append(got, p.Code)
				}
				if classify(err) != KindCert || certCode(err) != tt.want[0] {
					t.Errorf("classify %s, certCode %s; want cert, %s", classify(err), certCode(err), tt.want[0])
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("problems %v, want %v (%v)", got, tt.want, err)
			}
			for _, sub := range tt.evidence {
				if !strings.Contains(err.Error(), sub) {
					t.Errorf("%q does not contain %q", err.Error(), sub)
				}
			}
		})
	}
}

type testCert struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
}

// makeCert issues cn (a CA, or a server certificate for cn) from parent, or self-signed.
func makeCert(t *testing.T, cn string, parent *testCert, isCA bool, from, until time.Time) *testCert {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: cn},
		NotBefore: from, NotAfter: until, BasicConstraintsValid: true, IsCA: isCA,
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	if isCA {
		tmpl.KeyUsage |= x509.KeyUsageCertSign
		tmpl.ExtKeyUsage = nil
	} else {
		tmpl.DNSNames = []string{cn}
	}
	p, signer := tmpl, key
	if parent != nil {
		p, signer = parent.cert, parent.key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, p, &key.PublicKey, signer)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return &testCert{cert: c, key: key}
}
