package probes

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"
)

var (
	// ErrSTARTTLSInjection: the server sent bytes after its "ready to start TLS" reply, before
	// the handshake; they are discarded and the session is abandoned (CVE-2021-22947 class).
	ErrSTARTTLSInjection = errors.New("server sent data before the TLS handshake")
)

// CertError is a certificate verification failure, kept whole so classify can name it.
type CertError struct {
	Err         error
	Intercepted bool   // the issuer looks like antivirus/proxy software re-signing TLS
	Issuer      string // issuer of the leaf, for the evidence line
}

func (e *CertError) Error() string { return "certificate: " + e.Err.Error() }
func (e *CertError) Unwrap() error { return e.Err }

// interceptors are issuer name fragments of products that re-sign TLS on the user's machine.
var interceptors = []string{"kaspersky", "avast", "avg ", "eset", "bitdefender", "fortinet", "fortigate",
	"sophos", "zscaler", "norton", "mcafee", "trend micro", "netskope", "palo alto", "cisco umbrella",
	"blue coat", "symantec web", "webroot", "dr.web", "360", "qihoo", "huorong", "火绒"}

// startTLSStep is the one STARTTLS/STLS step of every protocol: when the capability list does
// not offer it, or the command is refused, that is tls.starttls-unavailable (or, when a
// middlebox blanked it out, tls.starttls-stripped); otherwise the connection is upgraded.
// The password is never sent on a clear connection in either case: the walk ends here.
func (s *Session) startTLSStep(name string, offered bool, stripped string, command func() error) error {
	return s.Step(name, func() error {
		if !offered {
			if stripped != "" {
				s.Find(findings.TLSSTARTTLSStripped, stripped)
			} else {
				s.Find(findings.TLSSTARTTLSUnavailable, "the capability list does not offer "+strings.ToUpper(name))
			}
			return fmt.Errorf("%s: not offered", name)
		}
		if err := command(); err != nil {
			if re, ok := err.(*ReplyError); ok {
				s.Find(findings.TLSSTARTTLSUnavailable, re.Text())
			}
			return fmt.Errorf("%s: %w", name, err)
		}
		return s.upgradeTLS()
	})
}

// upgradeTLS is the single TLS path for implicit TLS and STARTTLS/STLS: it refuses buffered
// bytes, handshakes, verifies the chain itself (recording every failure even with --insecure)
// and fills Result.TLS.
func (s *Session) upgradeTLS() error {
	if n := s.lr.buffered(); n > 0 {
		peek, _ := s.lr.br.Peek(n)
		s.note("%d bytes arrived before the TLS handshake and were discarded: %q", n, truncate(string(peek), 60))
		s.Find(findings.TLSSTARTTLSInjection, fmt.Sprintf("%d bytes after the ready reply: %q", n, truncate(string(peek), 60)))
		return ErrSTARTTLSInjection
	}
	host := s.ep.Host
	cfg := &tls.Config{
		// We verify ourselves after the handshake so a bad chain is recorded, not just refused.
		InsecureSkipVerify: true,
		MinVersion:         tls.VersionTLS12,
	}
	if !isIP(host) {
		cfg.ServerName = host
	}
	tc := tls.Client(s.conn, cfg)
	tc.SetDeadline(s.stepDeadline) // the step's budget covers the handshake too
	s.note("TLS handshake (server name %q)", cfg.ServerName)
	if err := tc.HandshakeContext(s.ctx); err != nil {
		if h, ok := plaintextRecord(err); ok {
			s.note("server answered in plaintext: %q", h)
		}
		return fmt.Errorf("tls handshake: %w", err)
	}
	s.setConn(tc)
	s.tls = true
	st := tc.ConnectionState()
	s.roundTrip() // TLS 1.3 takes one round trip, TLS 1.2 two (RFC 8446 2)
	if st.Version < tls.VersionTLS13 {
		s.roundTrip()
	}
	info := &TLSInfo{Version: tls.VersionName(st.Version), Cipher: tls.CipherSuiteName(st.CipherSuite), ServerName: cfg.ServerName}
	for _, c := range st.PeerCertificates {
		info.Chain = append(info.Chain, CertInfo{Subject: c.Subject.String(), Issuer: c.Issuer.String(),
			SANs: certNames(c), NotBefore: c.NotBefore, NotAfter: c.NotAfter})
	}
	s.res.TLS = info
	s.note("%s %s", info.Version, info.Cipher)
	verr := verifyChain(st.PeerCertificates, host, s.opts.RootCAs)
	if verr == nil {
		info.Verified = true
		leaf := st.PeerCertificates[0]
		s.Detail("%s, certificate valid until %s", info.Version, leaf.NotAfter.Format("2006-01-02"))
		if left := time.Until(leaf.NotAfter); left < 14*24*time.Hour {
			s.Find(findings.TLSCertExpiresSoon, fmt.Sprintf("certificate for %s expires %s", host, leaf.NotAfter.Format(time.RFC3339)))
		}
		return nil
	}
	info.VerifyError = verr.Error()
	s.note("certificate verification failed: %v", verr)
	ev := verr.Error()
	if ce, ok := verr.(*CertError); ok && ce.Intercepted {
		ev = "issued by " + ce.Issuer + ": " + ev // name the product that re-signs TLS
	}
	s.Find(certCode(verr), ev)
	if s.opts.Insecure {
		s.Find(findings.TLSVerificationSkipped, "--insecure: continuing despite: "+verr.Error())
		return nil
	}
	return verr
}

// verifyChain checks the peer chain against roots (nil = system) for host.
func verifyChain(certs []*x509.Certificate, host string, roots *x509.CertPool) error {
	if len(certs) == 0 {
		return &CertError{Err: errors.New("server sent no certificate")}
	}
	inter := x509.NewCertPool()
	for _, c := range certs[1:] {
		inter.AddCert(c)
	}
	leaf := certs[0]
	_, err := leaf.Verify(x509.VerifyOptions{DNSName: strings.Trim(host, "[]"), Roots: roots, Intermediates: inter})
	if err == nil {
		return nil
	}
	ce := &CertError{Err: err, Issuer: leaf.Issuer.String()}
	var ua x509.UnknownAuthorityError
	if errors.As(err, &ua) {
		issuer := strings.ToLower(leaf.Issuer.String())
		for _, p := range interceptors {
			if strings.Contains(issuer, p) {
				ce.Intercepted = true
			}
		}
	}
	return ce
}

func certNames(c *x509.Certificate) []string {
	out := append([]string(nil), c.DNSNames...)
	for _, ip := range c.IPAddresses {
		out = append(out, ip.String())
	}
	return out
}

func isIP(h string) bool { return net.ParseIP(strings.Trim(h, "[]")) != nil }
