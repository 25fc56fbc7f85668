package providers

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// maxAutoconfig bounds an autoconfig document; real ones are a few KiB.
const maxAutoconfig = 1 << 20

// autoconfig is what a Thunderbird clientConfig document says for one address.
type autoconfig struct {
	Endpoints []probes.Endpoint
	Usernames map[probes.Proto]string
	// Seen counts the IMAP/POP3/SMTP servers the document lists; past maxEndpoints they are
	// not kept.
	Seen int
}

// clientConfig mirrors the parts of config-v1.1.xml we use
// (https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat).
type clientConfig struct {
	XMLName   xml.Name `xml:"clientConfig"`
	Providers []struct {
		Incoming []xmlServer `xml:"incomingServer"`
		Outgoing []xmlServer `xml:"outgoingServer"`
	} `xml:"emailProvider"`
}

type xmlServer struct {
	Type       string `xml:"type,attr"`
	Hostname   string `xml:"hostname"`
	Port       string `xml:"port"`
	SocketType string `xml:"socketType"`
	Username   string `xml:"username"`
}

// parseAutoconfig reads a clientConfig document for local@domain. Servers of other types
// (exchange, ews) and malformed ones are skipped; it fails only when none is usable.
func parseAutoconfig(data []byte, local, domain string) (*autoconfig, error) {
	if len(data) > maxAutoconfig {
		return nil, fmt.Errorf("autoconfig document larger than %d bytes", maxAutoconfig)
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	// Documents declaring ISO-8859-1 or US-ASCII are ASCII in practice; read them as they are.
	dec.CharsetReader = func(charset string, r io.Reader) (io.Reader, error) {
		switch strings.ToLower(charset) {
		case "us-ascii", "ascii", "iso-8859-1", "latin1", "utf8":
			return r, nil
		}
		return nil, fmt.Errorf("unsupported charset %q", charset)
	}
	var cc clientConfig
	if err := dec.Decode(&cc); err != nil {
		return nil, fmt.Errorf("autoconfig XML: %w", err)
	}
	fill := strings.NewReplacer("%EMAILADDRESS%", local+"@"+domain, "%EMAILLOCALPART%", local, "%EMAILDOMAIN%", domain)
	ac := &autoconfig{Usernames: map[probes.Proto]string{}}
	var skipped []string
	for _, p := range cc.Providers {
		for _, s := range append(p.Incoming, p.Outgoing...) {
			ep, err := s.endpoint(fill)
			if err != nil {
				skipped = append(skipped, err.Error())
				continue
			}
			if ep.Proto == "" {
				continue // a server type we do not probe (exchange, ews, activesync)
			}
			if ac.Seen++; len(ac.Endpoints) == maxEndpoints {
				continue
			}
			ac.Endpoints = append(ac.Endpoints, ep)
			if _, ok := ac.Usernames[ep.Proto]; !ok && strings.TrimSpace(s.Username) != "" {
				ac.Usernames[ep.Proto] = strings.TrimSpace(fill.Replace(s.Username))
			}
		}
	}
	if len(ac.Endpoints) == 0 {
		if len(skipped) > 0 {
			return nil, fmt.Errorf("autoconfig lists no usable server: %s", strings.Join(skipped, "; "))
		}
		return nil, errors.New("autoconfig lists no IMAP, POP3 or SMTP server")
	}
	return ac, nil
}

// What an autoconfig document's words mean (Thunderbird's config-v1.1 format): one table for
// discovery, `config FILE` and --export. The writer uses socketNames.
var (
	autoconfigTypes = map[string]probes.Proto{"imap": probes.IMAP, "pop3": probes.POP3, "smtp": probes.SMTP}
	socketTypes     = map[string]probes.Security{"SSL": probes.ImplicitTLS, "TLS": probes.ImplicitTLS,
		"STARTTLS": probes.STARTTLS, "PLAIN": probes.Plain}
	socketNames = map[probes.Security]string{probes.ImplicitTLS: "SSL", probes.STARTTLS: "STARTTLS", probes.Plain: "plain"}
)

// endpoint converts one server; a zero Proto means "not a type we probe".
func (s xmlServer) endpoint(fill *strings.Replacer) (probes.Endpoint, error) {
	proto, ok := autoconfigTypes[strings.ToLower(strings.TrimSpace(s.Type))]
	if !ok {
		return probes.Endpoint{}, nil
	}
	host := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(fill.Replace(s.Hostname)), "."))
	if !hostRE.MatchString(host) {
		return probes.Endpoint{}, fmt.Errorf("%s server %q: not a host name", proto, truncate(host, 64))
	}
	port := 0
	if p := strings.TrimSpace(s.Port); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return probes.Endpoint{}, fmt.Errorf("%s server %s: bad port %q", proto, host, truncate(p, 16))
		}
		port = n
	}
	st := strings.TrimSpace(s.SocketType)
	sec, ok := socketTypes[strings.ToUpper(st)]
	switch {
	case st == "":
		// Not stated: assume what the port implies (RFC 8314 ports are implicit TLS).
		sec = probes.ResolveSecurity(probes.Auto, port)
	case !ok:
		return probes.Endpoint{}, fmt.Errorf("%s server %s: unknown socketType %q", proto, host, truncate(s.SocketType, 16))
	}
	if port == 0 {
		port = defaultPort(proto, sec)
	}
	return probes.Endpoint{Proto: proto, Host: host, Port: port, Security: sec, Source: "autoconfig", Trust: probes.TrustHTTPS}, nil
}

// defaultPort is the registered port for a protocol and security mode (RFC 8314 7).
func defaultPort(p probes.Proto, s probes.Security) int {
	tls := s == probes.ImplicitTLS
	switch p {
	case probes.IMAP:
		if tls {
			return 993
		}
		return 143
	case probes.POP3:
		if tls {
			return 995
		}
		return 110
	}
	if tls {
		return 465
	}
	return 587
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// errNotPublished marks an autoconfig URL that simply does not exist (no such host, refused,
// 404): normal for most domains, unlike a broken document or certificate.
var errNotPublished = errors.New("not published")

// errTooLarge is a document over maxAutoconfig: refused, and a finding.
var errTooLarge = fmt.Errorf("document larger than %d bytes", maxAutoconfig)

// errRedirectRefused marks a redirect that checkRedirect did not follow.
var errRedirectRefused = errors.New("redirect refused")

// maxRedirects bounds the redirects one autoconfig URL may take.
const maxRedirects = 5

// checkRedirect follows an autoconfig redirect only over HTTPS, on port 443, to a host name
// (never an IP literal) in the address's registrable domain (issue 20 item 11): anything else
// would let whoever answers the first URL send the client to an arbitrary host and port. The
// tests' loopback servers are reached through HTTPSPort, which moves port 443 at dial time,
// not through an exception here.
func checkRedirect(domain string) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		u := req.URL
		host := u.Hostname()
		switch {
		case len(via) >= maxRedirects:
			return fmt.Errorf("%w: %s", errRedirectRefused, findings.SayTooManyRedirects.Format(maxRedirects))
		case u.Scheme != "https":
			return fmt.Errorf("%w: %s", errRedirectRefused, findings.SayNotHTTPS.Format(u.Redacted()))
		case u.Port() != "" && u.Port() != "443":
			return fmt.Errorf("%w: %s", errRedirectRefused, findings.SayNot443.Format(u.Redacted()))
		}
		if _, err := netip.ParseAddr(host); err == nil {
			return fmt.Errorf("%w: %s", errRedirectRefused, findings.SayIsIP.Format(u.Redacted()))
		}
		if !sameBase(domain, host) {
			return fmt.Errorf("%w: %s", errRedirectRefused, findings.SayOutside.Format(u.Redacted(), baseDomain(domain)))
		}
		return nil
	}
}

// autoconfigURLs are the two places Thunderbird looks on the domain itself, in its order.
func autoconfigURLs(address, domain string) []string {
	return []string{
		"https://autoconfig." + domain + "/mail/config-v1.1.xml?emailaddress=" + url.QueryEscape(address),
		"https://" + domain + "/.well-known/autoconfig/mail/config-v1.1.xml",
	}
}

// fetch gets one autoconfig URL, bounded to maxAutoconfig bytes.
func fetch(ctx context.Context, c *http.Client, u string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/xml, text/xml")
	resp, err := c.Do(req)
	if err != nil {
		// *url.Error repeats the method and URL the step detail already shows.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		var de *probes.DNSError
		if errors.As(err, &de) && !errors.Is(err, probes.ErrDNSFailed) || errors.Is(err, syscall.ECONNREFUSED) {
			return nil, fmt.Errorf("%w: %v", errNotPublished, err)
		}
		return nil, err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		return nil, fmt.Errorf("%w: %s", errNotPublished, resp.Status)
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxAutoconfig+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxAutoconfig {
		return nil, errTooLarge
	}
	return data, nil
}

// httpClient returns d.HTTP or a client whose dialer resolves names with d's DNS, not the
// system resolver, so --resolver (and the tests' loopback DNS) reach autoconfig too.
func (d *Discoverer) httpClient(dns DNS, domain string) *http.Client {
	if d.HTTP != nil {
		return d.HTTP
	}
	var dialer probes.Dialer = &net.Dialer{Timeout: 10 * time.Second}
	if d.Dialer != nil {
		dialer = d.Dialer
	}
	tr := &http.Transport{
		Proxy: nil, // a proxy would resolve names itself, bypassing our resolver
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			host, port, err := net.SplitHostPort(addr)
			if err != nil {
				return nil, err
			}
			if port == "443" && d.HTTPSPort != 0 {
				port = strconv.Itoa(d.HTTPSPort)
			}
			if port == "80" && d.HTTPPort != 0 {
				port = strconv.Itoa(d.HTTPPort)
			}
			ips, err := dns.LookupHost(ctx, host)
			if err != nil {
				return nil, err
			}
			var first error
			for _, ip := range ips {
				c, err := dialer.DialContext(ctx, network, net.JoinHostPort(ip.String(), port))
				if err == nil {
					return c, nil
				}
				if first == nil {
					first = err
				}
			}
			if first == nil {
				first = fmt.Errorf("no address for %s", host)
			}
			return nil, first
		},
		TLSClientConfig:       &tls.Config{RootCAs: d.RootCAs, MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 10 * time.Second,
		DisableKeepAlives:     true, // one request per URL; leave no idle connections behind
	}
	return &http.Client{
		Transport:     tr,
		Timeout:       10 * time.Second,
		CheckRedirect: checkRedirect(domain),
	}
}
