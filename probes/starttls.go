package probes

import (
	"bytes"
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

// CertError is every problem the server's certificate has, found by separate checks of the
// chain (trust), the host name and the validity dates, so that one problem does not hide the
// next. Problems are in that order; the first one names the failure (certCode).
type CertError struct {
	Problems    []CertProblem
	Intercepted bool   // the issuer looks like antivirus/proxy software re-signing TLS
	Issuer      string // issuer of the leaf, for the evidence line
	SelfSigned  bool   // the leaf is signed by its own key
}

// CertProblem is one finding about the certificate: its code, what the certificate shows
// (names, dates, issuer) as evidence, and the x509 error behind it when there is one.
type CertProblem struct {
	Code     findings.Code
	Evidence string
	Err      error
}

func (e *CertError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Evidence
	}
	return "certificate: " + strings.Join(msgs, "; ")
}

// Unwrap exposes the x509 errors behind the problems.
func (e *CertError) Unwrap() []error {
	var out []error
	for _, p := range e.Problems {
		if p.Err != nil {
			out = append(out, p.Err)
		}
	}
	return out
}

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
		return findings.SayTLSHandshake.Errorf(err)
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
	if len(st.PeerCertificates) > 0 {
		s.certNames = leafNames(st.PeerCertificates[0])
	}
	s.note("%s %s", info.Version, info.Cipher)
	verr := verifyChain(st.PeerCertificates, host, s.opts.RootCAs, time.Now())
	if verr == nil {
		info.Verified = true
		leaf := st.PeerCertificates[0]
		s.Detail("%s", findings.SayCertValidUntil.Format(info.Version, leaf.NotAfter.Format("2006-01-02")))
		if left := time.Until(leaf.NotAfter); left < 14*24*time.Hour {
			s.Find(findings.TLSCertExpiresSoon, fmt.Sprintf("certificate for %s expires %s", host, leaf.NotAfter.Format(time.RFC3339)))
		}
		return nil
	}
	info.VerifyError = verr.Error()
	s.note("certificate verification failed: %v", verr)
	if ce, ok := verr.(*CertError); ok {
		for _, p := range ce.Problems { // every problem is its own finding
			s.Find(p.Code, p.Evidence)
		}
	} else {
		s.Find(certCode(verr), verr.Error())
	}
	if s.opts.Insecure {
		s.Find(findings.TLSVerificationSkipped, "--insecure: continuing despite: "+verr.Error())
		return nil
	}
	return verr
}

// verifyChain checks the peer chain against roots (nil = system) for host at now, as three
// separate questions, and returns every answer that is a problem (a *CertError), or nil:
//   - trust: does the chain lead to a trusted root? Asked at a time inside the leaf's validity,
//     so an expired or not yet valid leaf does not hide an untrusted one;
//   - name: does the leaf name host (its subject alternative names; Go, like browsers and
//     RFC 9525, ignores the common name)?
//   - dates: is now inside the leaf's validity, and (asked at now) the chain's?
func verifyChain(certs []*x509.Certificate, host string, roots *x509.CertPool, now time.Time) error {
	if len(certs) == 0 {
		return &CertError{Problems: []CertProblem{{Code: findings.TLSCertUntrusted, Evidence: "server sent no certificate"}}}
	}
	inter := x509.NewCertPool()
	for _, c := range certs[1:] {
		inter.AddCert(c)
	}
	leaf := certs[0]
	ce := &CertError{Issuer: leaf.Issuer.String(), SelfSigned: selfSigned(leaf)}
	verify := func(at time.Time) error {
		_, err := leaf.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter, CurrentTime: at})
		return err
	}

	// Trust. The first time whose answer is not about dates gives the verdict; when every
	// candidate fails on a date of the chain, the dates below say so and trust stays unknown.
	atNow := verify(now)
	for _, at := range []time.Time{now, clampTime(now, leaf.NotBefore, leaf.NotAfter), midTime(leaf.NotBefore, leaf.NotAfter)} {
		err := atNow
		if !at.Equal(now) {
			err = verify(at)
		}
		if isDateError(err) {
			continue
		}
		if err != nil {
			ce.Problems = append(ce.Problems, trustProblem(leaf, ce, err))
		}
		break
	}

	// Name.
	if name := strings.Trim(host, "[]"); name != "" {
		if err := leaf.VerifyHostname(name); err != nil {
			ce.Problems = append(ce.Problems, CertProblem{Code: findings.TLSCertHostnameMismatch,
				Evidence: hostnameEvidence(leaf, name), Err: err})
		}
	}

	// Dates: the leaf's against the clock, then a chain certificate's as Verify saw it at now.
	switch {
	case now.After(leaf.NotAfter):
		ce.Problems = append(ce.Problems, CertProblem{Code: findings.TLSCertExpired, Err: atNow,
			Evidence: fmt.Sprintf("expired at %s (not after), this computer's clock says %s", utc(leaf.NotAfter), utc(now))})
	case now.Before(leaf.NotBefore):
		ce.Problems = append(ce.Problems, CertProblem{Code: findings.TLSCertNotYetValid, Err: atNow,
			Evidence: fmt.Sprintf("not valid until %s (not before), this computer's clock says %s", utc(leaf.NotBefore), utc(now))})
	default:
		var inv x509.CertificateInvalidError
		if errors.As(atNow, &inv) && inv.Reason == x509.Expired && inv.Cert != nil && inv.Cert != leaf {
			c := inv.Cert
			if now.Before(c.NotBefore) {
				ce.Problems = append(ce.Problems, CertProblem{Code: findings.TLSCertNotYetValid, Err: atNow,
					Evidence: fmt.Sprintf("chain certificate %s not valid until %s (not before), this computer's clock says %s",
						c.Subject, utc(c.NotBefore), utc(now))})
			} else {
				ce.Problems = append(ce.Problems, CertProblem{Code: findings.TLSCertExpired, Err: atNow,
					Evidence: fmt.Sprintf("chain certificate %s expired at %s (not after), this computer's clock says %s",
						c.Subject, utc(c.NotAfter), utc(now))})
			}
		}
	}
	if len(ce.Problems) == 0 {
		return nil
	}
	return ce
}

// trustProblem describes a chain that does not verify: its issuer, whether the leaf signed
// itself, and the product's name when the issuer is software that re-signs TLS.
func trustProblem(leaf *x509.Certificate, ce *CertError, err error) CertProblem {
	var ua x509.UnknownAuthorityError
	if !errors.As(err, &ua) {
		return CertProblem{Code: findings.TLSCertUntrusted, Err: err,
			Evidence: fmt.Sprintf("certificate issued by %s does not verify: %v", issuerName(leaf), err)}
	}
	issuer := strings.ToLower(leaf.Issuer.String())
	for _, p := range interceptors {
		if strings.Contains(issuer, p) {
			ce.Intercepted = true
		}
	}
	var ev string
	if ce.SelfSigned {
		ev = fmt.Sprintf("self-signed (issuer %s is the certificate itself): no certificate authority vouches for it", issuerName(leaf))
	} else {
		ev = fmt.Sprintf("issued by %s (not self-signed), which leads to no trusted root: a private CA, or an intermediate certificate the server does not send", issuerName(leaf))
	}
	if ce.Intercepted {
		// Name the product that re-signs TLS first.
		return CertProblem{Code: findings.TLSIntercepted, Err: err, Evidence: "issued by " + leaf.Issuer.String() + ": " + ev}
	}
	return CertProblem{Code: findings.TLSCertUntrusted, Err: err, Evidence: ev}
}

// hostnameEvidence names what the certificate is for, instead of host.
func hostnameEvidence(leaf *x509.Certificate, host string) string {
	if names := certNames(leaf); len(names) > 0 {
		return fmt.Sprintf("certificate is for %s, not %s", strings.Join(names, ", "), host)
	}
	if cn := leaf.Subject.CommonName; cn != "" {
		return fmt.Sprintf("certificate has no subject alternative names, only the common name %s (which clients ignore), not %s", cn, host)
	}
	return fmt.Sprintf("certificate names no host at all (no subject alternative names, no common name), not %s", host)
}

func issuerName(c *x509.Certificate) string {
	if s := c.Issuer.String(); s != "" {
		return s
	}
	return "an empty name"
}

// selfSigned reports whether c names itself as issuer and its own key signed it.
func selfSigned(c *x509.Certificate) bool {
	return bytes.Equal(c.RawIssuer, c.RawSubject) &&
		c.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature) == nil
}

// isDateError reports whether Verify failed on a validity period (of any chain certificate).
func isDateError(err error) bool {
	var inv x509.CertificateInvalidError
	return errors.As(err, &inv) && inv.Reason == x509.Expired
}

func clampTime(t, lo, hi time.Time) time.Time {
	if t.Before(lo) {
		return lo
	}
	if t.After(hi) {
		return hi
	}
	return t
}

func midTime(a, b time.Time) time.Time { return a.Add(b.Sub(a) / 2) }

func utc(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// leafNames is what a certificate is issued for, as people read it: its subject alternative
// names, else its common name.
func leafNames(c *x509.Certificate) string {
	if names := certNames(c); len(names) > 0 {
		return strings.Join(names, ", ")
	}
	return c.Subject.CommonName
}

func certNames(c *x509.Certificate) []string {
	out := append([]string(nil), c.DNSNames...)
	for _, ip := range c.IPAddresses {
		out = append(out, ip.String())
	}
	return out
}

func isIP(h string) bool { return net.ParseIP(strings.Trim(h, "[]")) != nil }
