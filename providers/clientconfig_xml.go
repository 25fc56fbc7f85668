package providers

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// The three XML formats are read into a small tree first (bounded depth and size, no entity
// expansion: encoding/xml knows only the five predefined entities, and a DTD that declares
// any is refused), then each is interpreted from the tree, so unknown element names can be
// linted. Discovery's Autodiscover reader (providers/autodiscover.go) uses this tree too, and
// readAutodiscover below interprets each <Protocol> through the same readADProtocol.

const (
	maxXMLDepth = 32
	maxXMLNodes = 20000
)

type xnode struct {
	name string
	attr map[string]string
	text string
	buf  []byte // text while parsing: appended, not concatenated (a text split by many comments stays linear)
	kids []*xnode
}

// maxXMLText bounds one element's text; settings are short.
const maxXMLText = 64 << 10

func (n *xnode) kid(name string) *xnode {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

func (n *xnode) all(name string) []*xnode {
	var out []*xnode
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
	}
	return out
}

func (n *xnode) val(name string) string {
	if k := n.kid(name); k != nil {
		return strings.TrimSpace(k.text)
	}
	return ""
}

func parseXMLTree(data []byte) (*xnode, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = asciiCharset
	var root *xnode
	var stack []*xnode
	nodes := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.Contains(t, []byte("ENTITY")) {
				return nil, errors.New("XML declares entities (refused: an XML bomb or external entity)")
			}
		case xml.StartElement:
			nodes++
			if nodes > maxXMLNodes || len(stack) >= maxXMLDepth {
				return nil, errors.New("XML nested too deep or too many elements")
			}
			n := &xnode{name: t.Name.Local}
			for _, a := range t.Attr {
				if n.attr == nil {
					n.attr = map[string]string{}
				}
				n.attr[a.Name.Local] = a.Value
			}
			if len(stack) == 0 {
				if root != nil {
					return nil, errors.New("XML has more than one root element")
				}
				root = n
			} else {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			n := stack[len(stack)-1]
			n.text, n.buf = string(n.buf), nil
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				n := stack[len(stack)-1]
				n.buf = append(n.buf, t[:min(len(t), maxXMLText-len(n.buf))]...)
			}
		}
	}
	if root == nil {
		return nil, errors.New("XML has no root element")
	}
	return root, nil
}

func parseXMLConfig(data []byte) (*ClientConfig, error) {
	root, err := parseXMLTree(data)
	if err != nil {
		return nil, err
	}
	switch root.name {
	case "clientConfig":
		return readAutoconfig(root), nil
	case "Autodiscover":
		return readAutodiscover(root)
	case "plist":
		return readMobileconfig(root)
	}
	return nil, ErrUnknownConfig
}

// validConfigHost accepts a host name, localhost or an IP literal (Proton Bridge is 127.0.0.1).
func validConfigHost(h string) bool {
	return hostRE.MatchString(h) || h == "localhost" || net.ParseIP(h) != nil
}

// parsePort reads a port value; 0 with ok=false when it is there but not a port.
func parsePort(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > 65535 {
		return 0, false
	}
	return n, true
}

// configServer checks the parts every format has and fills the defaults: a missing port is
// config.missing-port and gets the registered one. ok is false when the server is unusable.
func (cc *ClientConfig) configServer(where string, proto probes.Proto, host, port string, sec probes.Security, portRequired bool) (ConfigServer, bool) {
	host = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(host), "."))
	if !validConfigHost(host) {
		cc.add(findings.ConfigUnknownKey, "%s: server host %q is not a host name", where, truncate(host, 64))
		return ConfigServer{}, false
	}
	n := 0
	if strings.TrimSpace(port) == "" {
		n = defaultPort(proto, sec)
		if portRequired {
			cc.add(findings.ConfigMissingPort, "%s: %s %s has no port; clients assume %d", where, proto, host, n)
		}
	} else {
		var ok bool
		if n, ok = parsePort(port); !ok {
			cc.add(findings.ConfigUnknownKey, "%s: port %q is not a port number", where, truncate(port, 16))
			return ConfigServer{}, false
		}
	}
	return ConfigServer{Endpoint: probes.Endpoint{Proto: proto, Host: host, Port: n, Security: sec}, Where: where}, true
}

// Thunderbird autoconfig (config-v1.1.xml): the element names a server may have.
var autoconfigServerKeys = []string{"hostname", "port", "socketType", "username", "authentication",
	"password", "pop3", "useGlobalPreferredServer", "addThisServer", "restriction"}

var autoconfigProviderKeys = []string{"domain", "displayName", "displayShortName", "incomingServer",
	"outgoingServer", "documentation", "enable", "instructionsURL", "identity", "inputField", "webMail",
	"oAuth2", "clientConfigUpdate"}

func readAutoconfig(root *xnode) *ClientConfig {
	cc := &ClientConfig{Kind: KindAutoconfig}
	i := 0
	for _, p := range root.all("emailProvider") {
		for _, k := range p.kids {
			cc.unknownKey("emailProvider", k.name, autoconfigProviderKeys, true)
		}
		for _, d := range p.all("domain") {
			if d := strings.ToLower(strings.TrimSpace(d.text)); d != "" && len(cc.Domains) < 256 {
				cc.Domains = append(cc.Domains, d)
			}
		}
		for _, s := range p.kids {
			if s.name != "incomingServer" && s.name != "outgoingServer" {
				continue
			}
			i++
			where := fmt.Sprintf("%s %d", s.name, i)
			for _, k := range s.kids {
				cc.unknownKey(where, k.name, autoconfigServerKeys, true)
			}
			if s.kid("password") != nil {
				cc.Passwords++
			}
			proto, ok := autoconfigTypes[strings.ToLower(s.attr["type"])]
			if !ok {
				continue // exchange, ews, jmap …: not probed
			}
			port := s.val("port")
			st := s.val("socketType")
			sec, ok := socketTypes[strings.ToUpper(st)]
			if !ok {
				if st != "" {
					cc.add(findings.ConfigUnknownKey, "%s: socketType %q is not SSL, STARTTLS or plain", where, truncate(st, 16))
				}
				// Thunderbird's default is plain; say which mode the port implies instead.
				n, _ := parsePort(port)
				sec = probes.ResolveSecurity(probes.Auto, n)
			}
			srv, ok := cc.configServer(where, proto, s.val("hostname"), port, sec, true)
			if !ok {
				continue
			}
			srv.Username = s.val("username")
			srv.Auth = s.val("authentication")
			switch strings.ToLower(srv.Auth) {
			case "", "password-cleartext", "plain", "password-encrypted", "secure", "ntlm":
				srv.Password = true
			}
			cc.addServer(srv)
		}
	}
	return cc
}

// Exchange Autodiscover POX response (responseschema/2006a): the elements of a Protocol entry.
var autodiscoverProtocolKeys = []string{"Type", "Server", "Port", "DomainRequired", "LoginName",
	"DomainName", "SPA", "SSL", "AuthRequired", "Encryption", "TTL", "UsePOPAuth", "SMTPLast",
	"ServerExclusiveConnect", "CertPrincipalName", "AuthPackage", "Internal", "External"}

func readAutodiscover(root *xnode) (*ClientConfig, error) {
	cc := &ClientConfig{Kind: KindAutodiscover}
	a := readADTree(root)
	switch {
	case !a.HasResponse:
		return nil, errors.New("the Autodiscover XML without a Response element")
	case a.HasError:
		return nil, fmt.Errorf("the Autodiscover error response: %s", truncate(a.Message, 120))
	case !a.HasAccount:
		return nil, errors.New("the Autodiscover response without an Account element")
	case a.Redirect != "" && strings.EqualFold(a.Action, "redirectAddr"):
		return nil, fmt.Errorf("the Autodiscover response redirects to the address %q; it carries no settings", truncate(a.Redirect, 80))
	case a.Redirect != "":
		return nil, fmt.Errorf("the Autodiscover response redirects to %q; it carries no settings", truncate(a.Redirect, 120))
	}
	cc.Address = a.User
	for i, p := range a.Protocols {
		if p.Proto == "" {
			continue // EXCH, EXPR, WEB: Exchange's own protocols
		}
		where := fmt.Sprintf("Protocol %d (%s)", i+1, p.Proto)
		for _, k := range p.node.kids {
			cc.unknownKey(where, k.name, autodiscoverProtocolKeys, true)
		}
		if p.Err != nil {
			cc.add(findings.ConfigUnknownKey, "%s: %v", where, p.Err)
			continue
		}
		if p.BadEncryption != "" {
			cc.add(findings.ConfigUnknownKey, "%s: Encryption %q is not SSL, TLS, None or Auto", where, truncate(p.BadEncryption, 16))
		}
		if p.SSLMeansSTARTTLS {
			cc.sslMeansSTARTTLS(where, p.Port)
		}
		port := strconv.Itoa(p.Port)
		if p.NoPort {
			port = ""
		}
		srv, ok := cc.configServer(where, p.Proto, p.Host, port, p.Security, true)
		if !ok {
			continue
		}
		srv.Username = p.LoginName
		srv.Auth = "password"
		if p.SPA {
			srv.Auth = "SPA"
		}
		// SMTP may run without a login (AuthRequired off); IMAP and POP3 always log in.
		srv.Password = srv.Auth == "password" && (p.Proto != probes.SMTP || p.AuthRequired)
		cc.addServer(srv)
	}
	return cc, nil
}

// Apple com.apple.mail.managed payload keys (Device Management "Mail").
var mobileconfigKeys = []string{"EmailAccountDescription", "EmailAccountName", "EmailAccountType",
	"EmailAddress", "IncomingMailServerAuthentication", "IncomingMailServerHostName",
	"IncomingMailServerPortNumber", "IncomingMailServerUseSSL", "IncomingMailServerUsername",
	"IncomingPassword", "IncomingMailServerIMAPPathPrefix", "OutgoingMailServerAuthentication",
	"OutgoingMailServerHostName", "OutgoingMailServerPortNumber", "OutgoingMailServerUseSSL",
	"OutgoingMailServerUsername", "OutgoingPassword", "OutgoingPasswordSameAsIncomingPassword",
	"PreventAppSheet", "PreventMove", "SMIMEEnabled", "SMIMESigningEnabled",
	"SMIMESigningCertificateUUID", "SMIMEEncryptionEnabled", "SMIMEEncryptionCertificateUUID",
	"SMIMEEnablePerMessageSwitch", "SMIMESigningUserOverrideable",
	"SMIMESigningCertificateUUIDUserOverrideable", "SMIMEEncryptByDefault",
	"SMIMEEncryptByDefaultUserOverrideable", "SMIMEEncryptionCertificateUUIDUserOverrideable",
	"SMIMEEnableEncryptionPerMessageSwitch", "allowMailDrop", "disableMailRecentsSyncing",
	"PayloadType", "PayloadVersion", "PayloadIdentifier", "PayloadUUID", "PayloadDisplayName",
	"PayloadDescription", "PayloadOrganization"}

// plistValue is a property-list value: string, int, bool, []plistValue or *plistDict.
type plistValue any

type plistDict struct {
	keys []string
	vals map[string]plistValue
}

func readPlist(n *xnode, depth int) (plistValue, error) {
	if depth > maxXMLDepth {
		return nil, errors.New("property list nested too deep")
	}
	switch n.name {
	case "dict":
		d := &plistDict{vals: map[string]plistValue{}}
		for i := 0; i < len(n.kids); i++ {
			k := n.kids[i]
			if k.name != "key" || i+1 >= len(n.kids) {
				return nil, errors.New("property list dict: a <key> without a value")
			}
			v, err := readPlist(n.kids[i+1], depth+1)
			if err != nil {
				return nil, err
			}
			i++
			name := strings.TrimSpace(k.text)
			if _, dup := d.vals[name]; !dup {
				d.keys = append(d.keys, name)
			}
			d.vals[name] = v
		}
		return d, nil
	case "array":
		var out []plistValue
		for _, k := range n.kids {
			v, err := readPlist(k, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case "string", "data", "date":
		return n.text, nil
	case "integer":
		i, err := strconv.Atoi(strings.TrimSpace(n.text))
		if err != nil {
			return nil, fmt.Errorf("property list integer %q", truncate(n.text, 16))
		}
		return i, nil
	case "real":
		return strings.TrimSpace(n.text), nil
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return nil, fmt.Errorf("property list element <%s> unknown", truncate(n.name, 32))
}

func readMobileconfig(root *xnode) (*ClientConfig, error) {
	if len(root.kids) != 1 {
		return nil, errors.New("property list must hold one value")
	}
	v, err := readPlist(root.kids[0], 0)
	if err != nil {
		return nil, err
	}
	top, ok := v.(*plistDict)
	if !ok {
		return nil, errors.New("property list is not a dictionary")
	}
	var payloads []*plistDict
	if top.vals["PayloadType"] == "com.apple.mail.managed" {
		payloads = append(payloads, top)
	}
	if arr, ok := top.vals["PayloadContent"].([]plistValue); ok {
		for _, x := range arr {
			if d, ok := x.(*plistDict); ok && d.vals["PayloadType"] == "com.apple.mail.managed" {
				payloads = append(payloads, d)
			}
		}
	}
	if len(payloads) == 0 {
		return nil, errors.New("configuration profile has no mail account (com.apple.mail.managed) payload")
	}
	cc := &ClientConfig{Kind: KindMobileconfig}
	for i, d := range payloads {
		where := fmt.Sprintf("payload %d", i+1)
		str := func(k string) string { s, _ := d.vals[k].(string); return strings.TrimSpace(s) }
		for _, k := range d.keys {
			cc.unknownKey(where, k, mobileconfigKeys, false)
		}
		for _, k := range []string{"IncomingPassword", "OutgoingPassword"} {
			if str(k) != "" {
				cc.Passwords++
			}
		}
		if cc.Address == "" {
			cc.Address = str("EmailAddress")
		}
		in := probes.IMAP
		switch t := str("EmailAccountType"); t {
		case "EmailTypeIMAP", "":
		case "EmailTypePOP":
			in = probes.POP3
		default:
			cc.add(findings.ConfigUnknownKey, "%s: EmailAccountType %q is not EmailTypeIMAP or EmailTypePOP", where, truncate(t, 32))
		}
		for _, side := range []struct {
			prefix string
			proto  probes.Proto
		}{{"Incoming", in}, {"Outgoing", probes.SMTP}} {
			host := str(side.prefix + "MailServerHostName")
			if host == "" {
				continue
			}
			w := where + " " + strings.ToLower(side.prefix)
			port := ""
			switch p := d.vals[side.prefix+"MailServerPortNumber"].(type) {
			case int:
				port = strconv.Itoa(p)
			case string:
				port = p
			}
			useSSL, _ := d.vals[side.prefix+"MailServerUseSSL"].(bool)
			n, _ := parsePort(port)
			sec := cc.sslFlag(useSSL, n, w)
			srv, ok := cc.configServer(w, side.proto, host, port, sec, true)
			if !ok {
				continue
			}
			srv.Username = str(side.prefix + "MailServerUsername")
			srv.Auth = str(side.prefix + "MailServerAuthentication")
			srv.Password = srv.Auth == "" || srv.Auth == "EmailAuthPassword"
			cc.addServer(srv)
		}
	}
	return cc, nil
}
