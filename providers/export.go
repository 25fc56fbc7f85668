package providers

import (
	"bytes"
	"crypto/sha256"
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/mailcheck/mailcheck/probes"
)

// Export writes settings as a file a helpdesk can send: a Thunderbird autoconfig document,
// an Exchange Autodiscover (POX) response or an Apple .mobileconfig (unsigned). Never a
// password: the user types it on the device.

// ExportKinds are the formats Export writes, in the order the flag lists them.
var ExportKinds = []ConfigKind{KindAutoconfig, KindMobileconfig, KindAutodiscover}

// ExportSpec is what to write: one account's endpoints and login names.
type ExportSpec struct {
	Address     string
	DisplayName string
	Endpoints   []probes.Endpoint
	Usernames   map[probes.Proto]string
	// OAuth says the provider takes OAuth2 only (written as the login method where the
	// format has one).
	OAuth bool
}

func (s ExportSpec) user(p probes.Proto) string {
	if u := s.Usernames[p]; u != "" {
		return u
	}
	return s.Address
}

func (s ExportSpec) domain() string {
	_, d, _ := strings.Cut(s.Address, "@")
	return d
}

// Export renders spec as kind. It fails when there is nothing of the kind to write (a
// .mobileconfig needs an incoming and an outgoing server).
func Export(kind ConfigKind, spec ExportSpec) ([]byte, error) {
	if _, _, err := ParseAddress(spec.Address); err != nil {
		return nil, err
	}
	if len(spec.Endpoints) == 0 {
		return nil, fmt.Errorf("no settings to export for %s", spec.Address)
	}
	if spec.DisplayName == "" {
		spec.DisplayName = spec.domain()
	}
	switch kind {
	case KindAutoconfig:
		return exportAutoconfig(spec), nil
	case KindAutodiscover:
		return exportAutodiscover(spec), nil
	case KindMobileconfig:
		return exportMobileconfig(spec)
	}
	return nil, fmt.Errorf("unknown export format %q (autoconfig, mobileconfig or autodiscover)", kind)
}

type xw struct{ b bytes.Buffer }

// el writes <name>text</name> at indent, the text escaped.
func (w *xw) el(indent int, name, text string) {
	w.b.WriteString(strings.Repeat("  ", indent) + "<" + name + ">")
	xml.EscapeText(&w.b, []byte(text))
	w.b.WriteString("</" + name + ">\n")
}

func (w *xw) line(indent int, s string) { w.b.WriteString(strings.Repeat("  ", indent) + s + "\n") }

func attrEsc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func exportAutoconfig(s ExportSpec) []byte {
	var w xw
	w.line(0, `<?xml version="1.0" encoding="UTF-8"?>`)
	w.line(0, `<clientConfig version="1.1">`)
	w.line(1, `<emailProvider id="`+attrEsc(s.domain())+`">`)
	w.el(2, "domain", s.domain())
	w.el(2, "displayName", s.DisplayName)
	for _, incoming := range []bool{true, false} {
		for _, e := range s.Endpoints {
			if (e.Proto != probes.SMTP) != incoming {
				continue
			}
			tag := "outgoingServer"
			if incoming {
				tag = "incomingServer"
			}
			w.line(2, "<"+tag+` type="`+string(e.Proto)+`">`)
			w.el(3, "hostname", e.Host)
			w.el(3, "port", fmt.Sprint(e.Port))
			w.el(3, "socketType", socketNames[e.Security])
			w.el(3, "username", s.user(e.Proto))
			auth := "password-cleartext"
			if s.OAuth {
				auth = "OAuth2"
			}
			w.el(3, "authentication", auth)
			w.line(2, "</"+tag+">")
		}
	}
	w.line(1, "</emailProvider>")
	w.line(0, "</clientConfig>")
	return w.b.Bytes()
}

func exportAutodiscover(s ExportSpec) []byte {
	var w xw
	w.line(0, `<?xml version="1.0" encoding="utf-8"?>`)
	w.line(0, `<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">`)
	w.line(1, `<Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">`)
	w.line(2, "<User>")
	w.el(3, "DisplayName", s.DisplayName)
	w.el(3, "AutoDiscoverSMTPAddress", s.Address)
	w.line(2, "</User>")
	w.line(2, "<Account>")
	w.el(3, "AccountType", "email")
	w.el(3, "Action", "settings")
	for _, e := range s.Endpoints {
		w.line(3, "<Protocol>")
		w.el(4, "Type", strings.ToUpper(string(e.Proto)))
		w.el(4, "Server", e.Host)
		w.el(4, "Port", fmt.Sprint(e.Port))
		w.el(4, "LoginName", s.user(e.Proto))
		w.el(4, "DomainRequired", "off")
		w.el(4, "SPA", "off")
		// SSL and the explicit Encryption together: Outlook reads Encryption, older clients SSL.
		ssl, enc := "on", "SSL"
		switch e.Security {
		case probes.STARTTLS:
			enc = "TLS"
		case probes.Plain:
			ssl, enc = "off", "None"
		}
		w.el(4, "SSL", ssl)
		w.el(4, "Encryption", enc)
		w.el(4, "AuthRequired", "on")
		w.line(3, "</Protocol>")
	}
	w.line(2, "</Account>")
	w.line(1, "</Response>")
	w.line(0, "</Autodiscover>")
	return w.b.Bytes()
}

// stableUUID is a UUID (RFC 9562 version 8) from a hash of what it names, so exporting the
// same settings twice gives the same PayloadUUID and a device replaces the profile instead of
// adding a second one.
func stableUUID(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	h[6] = h[6]&0x0f | 0x80 // version 8
	h[8] = h[8]&0x3f | 0x80 // variant 10
	return fmt.Sprintf("%X-%X-%X-%X-%X", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

func exportMobileconfig(s ExportSpec) ([]byte, error) {
	var in, out *probes.Endpoint
	for i := range s.Endpoints {
		e := &s.Endpoints[i]
		switch {
		case e.Proto == probes.IMAP && (in == nil || in.Proto != probes.IMAP):
			in = e
		case e.Proto == probes.POP3 && in == nil:
			in = e
		case e.Proto == probes.SMTP && out == nil:
			out = e
		}
	}
	if in == nil || out == nil {
		return nil, fmt.Errorf("a .mobileconfig needs an incoming (IMAP or POP3) and an outgoing (SMTP) server for %s", s.Address)
	}
	if in.Security == probes.ImplicitTLS && plainPorts[in.Port] || out.Security == probes.ImplicitTLS && plainPorts[out.Port] {
		return nil, fmt.Errorf("a .mobileconfig cannot say SSL from the first byte on a plaintext port")
	}
	// Apple's one UseSSL flag means STARTTLS only on the plaintext ports (sslFlag).
	for _, e := range []*probes.Endpoint{in, out} {
		if e.Security == probes.STARTTLS && !plainPorts[e.Port] {
			return nil, fmt.Errorf("a .mobileconfig cannot say STARTTLS on port %d (%s %s)", e.Port, e.Proto, e.Host)
		}
	}
	canon := fmt.Sprintf("%s|%s:%d:%s|%s:%d:%s|%s|%s", s.Address, in.Host, in.Port, in.Security,
		out.Host, out.Port, out.Security, s.user(in.Proto), s.user(out.Proto))
	payloadUUID := stableUUID("mailcheck mail payload", canon)
	profileUUID := stableUUID("mailcheck profile", canon)
	ident := "mailcheck." + s.domain() + "." + strings.ToLower(payloadUUID[:8])
	acctType := "EmailTypeIMAP"
	if in.Proto == probes.POP3 {
		acctType = "EmailTypePOP"
	}
	var w xw
	w.line(0, `<?xml version="1.0" encoding="UTF-8"?>`)
	w.line(0, `<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">`)
	w.line(0, `<plist version="1.0">`)
	w.line(0, "<dict>")
	w.el(1, "key", "PayloadContent")
	w.line(1, "<array>")
	w.line(2, "<dict>")
	kv := func(k, v string) { w.el(3, "key", k); w.el(3, "string", v) }
	kb := func(k string, v bool) {
		w.el(3, "key", k)
		w.line(3, map[bool]string{true: "<true/>", false: "<false/>"}[v])
	}
	ki := func(k string, v int) { w.el(3, "key", k); w.el(3, "integer", fmt.Sprint(v)) }
	kv("EmailAccountDescription", s.DisplayName)
	kv("EmailAccountType", acctType)
	kv("EmailAddress", s.Address)
	auth := "EmailAuthPassword"
	kv("IncomingMailServerAuthentication", auth)
	kv("IncomingMailServerHostName", in.Host)
	ki("IncomingMailServerPortNumber", in.Port)
	// UseSSL on a plaintext port is STARTTLS for Apple Mail.
	kb("IncomingMailServerUseSSL", in.Security != probes.Plain)
	kv("IncomingMailServerUsername", s.user(in.Proto))
	kv("OutgoingMailServerAuthentication", auth)
	kv("OutgoingMailServerHostName", out.Host)
	ki("OutgoingMailServerPortNumber", out.Port)
	kb("OutgoingMailServerUseSSL", out.Security != probes.Plain)
	kv("OutgoingMailServerUsername", s.user(out.Proto))
	kb("OutgoingPasswordSameAsIncomingPassword", true)
	kv("PayloadDisplayName", s.DisplayName+" mail")
	kv("PayloadIdentifier", ident+".mail")
	kv("PayloadType", "com.apple.mail.managed")
	kv("PayloadUUID", payloadUUID)
	ki("PayloadVersion", 1)
	w.line(2, "</dict>")
	w.line(1, "</array>")
	w.el(1, "key", "PayloadDisplayName")
	w.el(1, "string", s.Address)
	w.el(1, "key", "PayloadIdentifier")
	w.el(1, "string", ident)
	w.el(1, "key", "PayloadType")
	w.el(1, "string", "Configuration")
	w.el(1, "key", "PayloadUUID")
	w.el(1, "string", profileUUID)
	w.el(1, "key", "PayloadVersion")
	w.el(1, "integer", "1")
	w.line(0, "</dict>")
	w.line(0, "</plist>")
	return w.b.Bytes(), nil
}
