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
	// SnakeOil is an untouched installer certificate (Debian's ssl-cert "snakeoil"): self-signed,
	// currently valid, with no subject alternative names and only the common name
	// mx1.snakeoil.example. Untrusted and for another name at once.
	SnakeOil CertKind = "snakeoil"
	// ExpiredWrongHost is signed by the CA but names only wrong.example and expired in 1999:
	// a hostname mismatch and an expired certificate at once.
	ExpiredWrongHost CertKind = "expired-wrong-host"
	// NotYetValid is signed by the CA and carries the Valid names, but its validity starts a day
	// before the CA's ends (about a year from when the CA was made): not valid yet.
	NotYetValid CertKind = "not-yet-valid"
)

// Fixed validity of the Expired kinds: over in real time and inside a synctest bubble alike,
// and inside the CA's own validity, so the chain itself verifies at a time the leaf was valid.
var (
	expiredNotBefore = time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC)
	expiredNotAfter  = time.Date(1999, 12, 30, 0, 0, 0, 0, time.UTC)
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
// bubble, so certificates verify both in real time and inside a bubble. The CA starts earlier
// (caNotBefore), so that it was valid all the while its expired certificates were.
var (
	notBefore   = time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC)
	caNotBefore = time.Date(1998, 1, 1, 0, 0, 0, 0, time.UTC)
)

// NewCA creates a CA valid from 1998-01-01 until a year from now; its server certificates end
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
		NotBefore:             caNotBefore,
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
// SelfSigned, NotYetValid certificates name "localhost", "mail.test", extraHosts (DNS names or
// IPs), 127.0.0.1 and ::1; WrongHost and ExpiredWrongHost name only "wrong.example"; SnakeOil
// has no names but its common name "mx1.snakeoil.example". Results are cached per kind and host
// list.
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
	selfSigned := false
	switch kind {
	case Valid:
	case SelfSigned:
		selfSigned = true
	case Expired:
		tmpl.NotBefore, tmpl.NotAfter = expiredNotBefore, expiredNotAfter
	case WrongHost:
		tmpl.Subject.CommonName = "wrong.example"
		tmpl.DNSNames = []string{"wrong.example"}
		tmpl.IPAddresses = nil
	case SnakeOil:
		selfSigned = true
		tmpl.Subject.CommonName = "mx1.snakeoil.example"
		tmpl.DNSNames, tmpl.IPAddresses = nil, nil
	case ExpiredWrongHost:
		tmpl.NotBefore, tmpl.NotAfter = expiredNotBefore, expiredNotAfter
		tmpl.Subject.CommonName = "wrong.example"
		tmpl.DNSNames = []string{"wrong.example"}
		tmpl.IPAddresses = nil
	case NotYetValid:
		// In the future in real time, and inside a synctest bubble when the CA was made outside.
		tmpl.NotBefore = ca.cert.NotAfter.Add(-24 * time.Hour).UTC().Truncate(time.Second)
	default:
		return tls.Certificate{}, fmt.Errorf("testservers: unknown cert kind %q", kind)
	}

	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	parent, signer := ca.cert, ca.key
	if selfSigned {
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
