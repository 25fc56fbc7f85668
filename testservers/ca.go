package testservers

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"strings"
	"sync"
	"time"
)

// CertKind names a server certificate variant; each one provokes a distinct client-side TLS error.
type CertKind string

const (
	// Valid is signed by the CA, currently valid, and names localhost, mail.test and the loopback IPs.
	Valid CertKind = "valid"
	// SelfSigned carries the Valid names but signs itself, so no root trusts it ("unknown authority").
	SelfSigned CertKind = "self-signed"
	// Expired is signed by the CA and carries the Valid names, but its validity ended in 1999.
	Expired CertKind = "expired"
	// WrongHost is signed by the CA and valid, but names only wrong.example (hostname mismatch).
	WrongHost CertKind = "wrong-host"
)

// CA is a per-process ECDSA certificate authority, so probes can verify server certificates
// properly (RootCAs) instead of skipping verification.
type CA struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	pem  []byte
	pool *x509.CertPool

	mu    sync.Mutex
	cache map[string]tls.Certificate
}

// notBefore starts every validity period before 2000-01-01, the clock of a testing/synctest
// bubble, so certificates verify both in real time and inside a bubble.
var notBefore = time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC)

// NewCA creates a CA valid from 1999-12-31 until a year from now; its server certificates end
// with it. Made inside a testing/synctest bubble, "now" is the bubble's 2000, so make a CA that
// is shared with real-time tests outside any bubble.
func NewCA() (*CA, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          serial(),
		Subject:               pkix.Name{CommonName: "mailcheck test CA", Organization: []string{"mailcheck testservers"}},
		NotBefore:             notBefore,
		NotAfter:              now.Add(365 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLenZero:        true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &CA{
		cert:  cert,
		key:   key,
		pem:   pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pool:  pool,
		cache: map[string]tls.Certificate{},
	}, nil
}

// RootCAs returns a fresh pool holding only this CA, for tls.Config.RootCAs.
func (ca *CA) RootCAs() *x509.CertPool { return ca.pool.Clone() }

// PEM returns the CA certificate in PEM form, so a CLI or another language can be given a CA file.
func (ca *CA) PEM() []byte { return append([]byte(nil), ca.pem...) }

// Cert returns a server certificate of the given kind ("" means Valid). Valid, Expired and
// SelfSigned certificates name "localhost", "mail.test", extraHosts (DNS names or IPs), 127.0.0.1
// and ::1; WrongHost names only "wrong.example". Results are cached per kind and host list.
func (ca *CA) Cert(kind CertKind, extraHosts ...string) (tls.Certificate, error) {
	if kind == "" {
		kind = Valid
	}
	cacheKey := string(kind) + "|" + strings.Join(extraHosts, ",")
	ca.mu.Lock()
	defer ca.mu.Unlock()
	if c, ok := ca.cache[cacheKey]; ok {
		return c, nil
	}

	// The validity ends with the CA's, not a year from now: a certificate made (and cached)
	// inside a testing/synctest bubble, whose clock says 2000, must still verify in real time.
	tmpl := &x509.Certificate{
		SerialNumber: serial(),
		Subject:      pkix.Name{CommonName: "mail.test"},
		NotBefore:    notBefore,
		NotAfter:     ca.cert.NotAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:     []string{"localhost", "mail.test"},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP("::1")},
	}
	for _, h := range extraHosts {
		if ip := net.ParseIP(h); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, h)
		}
	}
	switch kind {
	case Valid, SelfSigned:
	case Expired:
		// Expired in real time and inside a synctest bubble alike.
		tmpl.NotBefore = time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC)
		tmpl.NotAfter = time.Date(1999, 12, 30, 0, 0, 0, 0, time.UTC)
	case WrongHost:
		tmpl.Subject.CommonName = "wrong.example"
		tmpl.DNSNames = []string{"wrong.example"}
		tmpl.IPAddresses = nil
	default:
		return tls.Certificate{}, fmt.Errorf("testservers: unknown cert kind %q", kind)
	}

	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	parent, signer := ca.cert, ca.key
	if kind == SelfSigned {
		parent, signer = tmpl, key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, &key.PublicKey, signer)
	if err != nil {
		return tls.Certificate{}, err
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		return tls.Certificate{}, err
	}
	c := tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}
	ca.cache[cacheKey] = c
	return c, nil
}

func serial() *big.Int {
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return big.NewInt(time.Now().UnixNano())
	}
	return n
}
