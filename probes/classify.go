package probes

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"syscall"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// classify is the only place that looks inside errors: it maps any error to a failure Kind.
func classify(err error) Kind {
	if err == nil {
		return KindNone
	}
	var (
		dnsErr  *DNSError
		ndnsErr *net.DNSError
		reply   *ReplyError
		rec     tls.RecordHeaderError
		alert   tls.AlertError
		certErr *CertError
		hostErr x509.HostnameError
		uaErr   x509.UnknownAuthorityError
		invErr  x509.CertificateInvalidError
		verErr  *tls.CertificateVerificationError
		nerr    net.Error
	)
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, ErrRunDeadline):
		return KindCanceled
	case errors.Is(err, ErrFDExhausted), fdExhausted(err):
		return KindLocal
	case errors.As(err, &dnsErr), errors.As(err, &ndnsErr):
		return KindDNS
	case errors.As(err, &reply):
		return KindReply
	case errors.As(err, &certErr), errors.As(err, &hostErr), errors.As(err, &uaErr),
		errors.As(err, &invErr), errors.As(err, &verErr):
		return KindCert
	case errors.As(err, &rec), errors.As(err, &alert):
		return KindTLS
	case errors.Is(err, syscall.ECONNREFUSED):
		return KindRefused
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH),
		errors.Is(err, syscall.EADDRNOTAVAIL):
		return KindUnreachable
	case errors.Is(err, os.ErrDeadlineExceeded), errors.Is(err, context.DeadlineExceeded):
		return KindTimeout
	case errors.As(err, &nerr) && nerr.Timeout():
		return KindTimeout
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.EPIPE), errors.Is(err, net.ErrClosed):
		return KindClosed
	case errors.Is(err, ErrLineTooLong), errors.Is(err, ErrMalformedReply), errors.Is(err, ErrSTARTTLSInjection),
		errors.Is(err, ErrTooMuchData), errors.Is(err, errInternal):
		return KindProtocol
	case strings.Contains(err.Error(), "tls:"):
		// crypto/tls reports many handshake failures as plain errors ("tls: server selected
		// unsupported protocol version 301", "tls: handshake failure").
		return KindTLS
	}
	return KindProtocol
}

// plaintextRecord reports whether a TLS record header error shows the peer speaking a
// plaintext mail protocol: the classic "SSL on a STARTTLS port" mistake.
func plaintextRecord(err error) (string, bool) {
	var rec tls.RecordHeaderError
	if !errors.As(err, &rec) {
		return "", false
	}
	h := string(rec.RecordHeader[:])
	for _, p := range []string{"220", "+OK", "* O", "* B", "421", "-ER", "554"} {
		if strings.HasPrefix(h, p) {
			return h, true
		}
	}
	for _, b := range rec.RecordHeader {
		if b < 0x20 || b > 0x7e {
			return h, false
		}
	}
	return h, true
}

// findingFor derives the finding of a failed step from its error when the protocol script did
// not attach a more specific one.
func (s *Session) findingFor(step string, err error) findings.Finding {
	kind := classify(err)
	ev := err.Error()
	code := findings.Code("")
	switch kind {
	case KindCanceled:
		code = findings.ProbeCanceled
		if errors.Is(err, ErrRunDeadline) {
			code = findings.RunDeadline
		}
	case KindLocal:
		code = findings.LocalFdExhausted
	case KindDNS:
		code = findings.DNSFailure
		switch {
		case errors.Is(err, ErrNXDomain):
			code = findings.DNSNXDomain
		case errors.Is(err, ErrNoRecords):
			// The name exists (NOERROR) but has no A/AAAA: a bare domain typed as the server.
			code = findings.DNSNoAddress
		case errors.Is(err, ErrOwnerMismatch):
			code = findings.DNSOwnerMismatch
		}
	case KindRefused:
		code = findings.TCPRefused
	case KindUnreachable:
		code = findings.TCPUnreachable
	case KindTimeout:
		switch step {
		case StepConnect:
			code = findings.TCPTimeout
		case StepGreeting:
			code = findings.ServerGreetingTimeout
		case StepTLS, StepSTARTTLS, StepSTLS:
			code = findings.TLSHandshakeFailed
		case StepAuth:
			// Everything before the login answered: the server is holding back its answer,
			// as servers do after a failed login. No advice about TLS modes belongs here.
			code = findings.AuthReplyDelayed
		default:
			code = findings.ServerResponseTimeout // it answered before, then went silent
		}
	case KindClosed:
		code = findings.TCPReset
		if cleanClose(err) && midSession(step) {
			// A FIN after the server had answered, with no error reply: it hung up on us.
			code = findings.ServerClosed
		}
	case KindCert:
		code = certCode(err)
	case KindTLS:
		code = tlsCode(err)
		if code == findings.PortExpectsSTARTTLS && step != "tls" {
			// Plaintext inside a STARTTLS handshake is not a wrong port: the server sent
			// bytes after its "ready" reply (they arrived after we looked for them).
			code = findings.TLSSTARTTLSInjection
		}
	case KindReply:
		var r *ReplyError
		errors.As(err, &r)
		if c, ok := matchReply(s.ep.Proto, step, r.Lines); ok {
			code = c
		} else if step == StepAuth {
			code = findings.AuthFailed
		} else if r.Temporary() {
			code = findings.ServerBusy
		} else {
			code = findings.ServerProtocolError
		}
	default:
		code = findings.ServerProtocolError
		if step == StepGreeting {
			if line, other, ok := s.otherGreeting(); ok {
				// Incoming and outgoing ports mixed up: another mail protocol said hello.
				code, ev = findings.PortWrongProtocol, fmt.Sprintf("%s greeting where %s was expected: %s",
					strings.ToUpper(string(other)), strings.ToUpper(string(s.ep.Proto)), line)
			}
		}
		switch {
		case errors.Is(err, ErrTooMuchData):
			code = findings.ServerTooMuchData
		case errors.Is(err, errInternal):
			code = findings.ProbeInternalError
		}
	}
	return s.finding(code, ev)
}

// certCode maps a verification failure to its finding: a *CertError's first problem (trust,
// then name, then dates), or the kind of a bare x509 error.
func certCode(err error) findings.Code {
	var (
		ce    *CertError
		hostE x509.HostnameError
		uaE   x509.UnknownAuthorityError
		invE  x509.CertificateInvalidError
	)
	if errors.As(err, &ce) && len(ce.Problems) > 0 {
		return ce.Problems[0].Code
	}
	switch {
	case errors.As(err, &hostE):
		return findings.TLSCertHostnameMismatch
	case errors.As(err, &invE) && invE.Reason == x509.Expired:
		return findings.TLSCertExpired
	case errors.As(err, &uaE):
		return findings.TLSCertUntrusted
	}
	return findings.TLSCertUntrusted
}

// tlsCode maps a handshake failure to its finding.
func tlsCode(err error) findings.Code {
	if _, ok := plaintextRecord(err); ok {
		return findings.PortExpectsSTARTTLS
	}
	msg := err.Error()
	if strings.Contains(msg, "protocol version") || strings.Contains(msg, "unsupported protocol version") {
		return findings.TLSVersionTooOld
	}
	return findings.TLSHandshakeFailed
}

// cleanClose reports whether the peer closed with a FIN (end of stream), not a reset.
func cleanClose(err error) bool {
	return (errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)) && !errors.Is(err, syscall.ECONNRESET)
}

// midSession reports whether step comes after the greeting and outside a TLS handshake, where
// the server had already spoken its protocol.
func midSession(step string) bool {
	switch step {
	case StepConnect, StepGreeting, StepTLS, StepSTARTTLS, StepSTLS:
		return false
	}
	return true
}

// otherGreeting finds the server's first line in the transcript and, when it is the greeting of
// another mail protocol than the endpoint's, returns it with that protocol.
func (s *Session) otherGreeting() (line string, other Proto, ok bool) {
	for _, l := range s.lines {
		if l.Dir != Server {
			continue
		}
		t := strings.TrimSpace(l.Text)
		switch {
		case strings.HasPrefix(t, "+OK"), strings.HasPrefix(t, "-ERR"):
			other = POP3
		case strings.HasPrefix(t, "* OK"), strings.HasPrefix(t, "* PREAUTH"), strings.HasPrefix(t, "* BYE"):
			other = IMAP
		case len(t) >= 4 && (t[:4] == "220 " || t[:4] == "220-" || t[:4] == "554 " || t[:4] == "421 "):
			other = SMTP
		default:
			return "", "", false
		}
		return truncate(t, 120), other, other != s.ep.Proto
	}
	return "", "", false
}
