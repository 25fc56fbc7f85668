package providers

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// Exchange Autodiscover "POX" (plain old XML), as Outlook and Thunderbird
// (ExchangeAutoDiscover.sys.mjs) ask it; facts in ../shared/reference/oauth-and-discovery.md §2.

const (
	adRequestNS  = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"
	adResponseNS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
	adPath       = "/autodiscover/autodiscover.xml"
	// maxADRedirects bounds redirectAddr/redirectUrl hops (Thunderbird: twice).
	maxADRedirects = 2
	// maxHTTPHops bounds HTTP 30x hops per candidate URL.
	maxHTTPHops = 3
)

// adRequest is the POX request body for address (XML-escaped).
func adRequest(address string) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="` + adRequestNS + `"><Request><EMailAddress>`)
	_ = xml.EscapeText(&b, []byte(address))
	b.WriteString(`</EMailAddress><AcceptableResponseSchema>` + adResponseNS + `</AcceptableResponseSchema></Request></Autodiscover>`)
	return b.Bytes()
}

// The POX response is read by the one XML reader of this package (parseXMLTree: bounded depth,
// element count and text, no entity expansion, unknown elements kept for linting), and each
// <Protocol> is interpreted once, by readADProtocol, for discovery (parseAutodiscover) and for
// `config FILE` (readAutodiscover): what SSL, Encryption, LoginName, SPA and DomainRequired
// mean lives there only.

// adAnswer is a POX response: settings, a redirect or an error.
type adAnswer struct {
	HasResponse, HasAccount bool
	// HasError: an <Error> response; ErrorCode and Message as given.
	HasError           bool
	ErrorCode, Message string
	User               string // <User><AutoDiscoverSMTPAddress>
	Action             string // settings, redirectAddr, redirectUrl
	Redirect           string // the address or URL of a redirect
	Protocols          []adProtocol
}

// adProtocol is what one <Protocol> entry means.
type adProtocol struct {
	Type  string       // upper case, as given
	Proto probes.Proto // "" for a type we do not probe (EXCH, EXPR, WEB …)
	// Err says why an IMAP/POP3/SMTP entry is unusable (host or port not valid).
	Err      error
	Host     string
	Port     int  // the registered port for Security when none is given
	NoPort   bool // no <Port>
	Security probes.Security
	// SSLMeansSTARTTLS: <SSL>on</SSL> (the default) without an Encryption on a plaintext port,
	// which Outlook does as STARTTLS.
	SSLMeansSTARTTLS bool
	// BadEncryption is an <Encryption> value that is none of SSL, TLS, None, Auto (then SSL decides).
	BadEncryption       string
	LoginName           string
	SPA, DomainRequired bool
	AuthRequired        bool // <AuthRequired>, on unless off
	node                *xnode
}

// readADTree interprets a parsed <Autodiscover> document.
func readADTree(root *xnode) *adAnswer {
	a := &adAnswer{}
	resp := root.kid("Response")
	if resp == nil {
		return a
	}
	a.HasResponse = true
	if e := resp.kid("Error"); e != nil {
		a.HasError, a.ErrorCode, a.Message = true, e.val("ErrorCode"), e.val("Message")
		return a
	}
	if u := resp.kid("User"); u != nil {
		a.User = u.val("AutoDiscoverSMTPAddress")
	}
	acct := resp.kid("Account")
	if acct == nil {
		return a
	}
	a.HasAccount = true
	a.Action = acct.val("Action")
	switch strings.ToLower(a.Action) {
	case "redirectaddr":
		a.Redirect = acct.val("RedirectAddr")
		return a
	case "redirecturl":
		a.Redirect = acct.val("RedirectUrl")
		return a
	}
	for _, p := range acct.all("Protocol") {
		if len(a.Protocols) == maxConfigServers*4 {
			break
		}
		a.Protocols = append(a.Protocols, readADProtocol(p))
	}
	return a
}

func readADProtocol(p *xnode) adProtocol {
	a := adProtocol{Type: strings.ToUpper(p.val("Type")), node: p, AuthRequired: on(p.val("AuthRequired"), true)}
	switch a.Type {
	case "IMAP":
		a.Proto = probes.IMAP
	case "POP3", "POP": // "POP" is what some hosters' responses say (1&1's)
		a.Proto = probes.POP3
	case "SMTP":
		a.Proto = probes.SMTP
	default:
		return a
	}
	a.Host = strings.ToLower(strings.TrimSuffix(p.val("Server"), "."))
	if !validConfigHost(a.Host) {
		a.Err = fmt.Errorf("%s server %q: not a host name", a.Proto, truncate(a.Host, 64))
		return a
	}
	if v := p.val("Port"); v != "" {
		n, ok := parsePort(v)
		if !ok {
			a.Err = fmt.Errorf("%s server %s: bad port %q, not a port number", a.Proto, a.Host, truncate(v, 16))
			return a
		}
		a.Port = n
	}
	bySSL := func() probes.Security {
		switch {
		case !on(p.val("SSL"), true): // <SSL> defaults to on
			return probes.Plain
		case plainPorts[a.Port]:
			a.SSLMeansSTARTTLS = true
			return probes.STARTTLS
		}
		return probes.ImplicitTLS
	}
	switch enc := p.val("Encryption"); strings.ToUpper(enc) {
	case "SSL":
		a.Security = probes.ImplicitTLS
	case "TLS":
		a.Security = probes.STARTTLS
	case "NONE":
		a.Security = probes.Plain
	case "AUTO":
		// The client negotiates: by the port when there is one.
		switch {
		case a.Port == 0:
			a.Security = bySSL()
		case probes.ImplicitTLSPort(a.Port):
			a.Security = probes.ImplicitTLS
		default:
			a.Security = probes.STARTTLS
		}
	case "":
		a.Security = bySSL()
	default:
		a.BadEncryption = enc
		a.Security = bySSL()
	}
	if a.Port == 0 {
		a.NoPort, a.Port = true, defaultPort(a.Proto, a.Security)
	}
	a.LoginName = p.val("LoginName")
	a.SPA, a.DomainRequired = on(p.val("SPA"), false), on(p.val("DomainRequired"), false)
	return a
}

// adResult is one parsed Autodiscover answer, as discovery uses it.
type adResult struct {
	Action       string // settings, redirectAddr, redirectUrl
	Redirect     string // the address or URL of a redirect
	Endpoints    []probes.Endpoint
	Usernames    map[probes.Proto]string
	Notes        []string // SPA, DomainRequired: what a client must do beyond host and port
	HasExchange  bool     // EXCH/EXPR/WEB entries: an Exchange server, whatever else it offers
	ErrorMessage string
}

// errUnsafeXML marks a document with a DTD or entity declaration: never expanded, always refused.
var errUnsafeXML = errors.New("DOCTYPE/ENTITY declaration refused")

// checkXML refuses oversized documents and any DTD (an XML bomb or external entity needs
// one). encoding/xml expands no entity itself; refusing the declaration says so loudly.
func checkXML(data []byte) error {
	if len(data) > maxAutoconfig {
		return fmt.Errorf("document larger than %d bytes", maxAutoconfig)
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false // only looking for directives here; the real decode is strict
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return nil // the strict decode reports the syntax error
		}
		if d, ok := tok.(xml.Directive); ok {
			w := strings.ToUpper(strings.TrimSpace(string(d)))
			if strings.HasPrefix(w, "DOCTYPE") || strings.HasPrefix(w, "ENTITY") {
				return errUnsafeXML
			}
		}
	}
}

// parseAutodiscover reads a POX response for discovery: any DTD refused, a discovered host
// must be a host name (not an IP literal or localhost).
func parseAutodiscover(data []byte) (*adResult, error) {
	if err := checkXML(data); err != nil {
		return nil, err
	}
	root, err := parseXMLTree(data)
	if err != nil {
		return nil, fmt.Errorf("autodiscover %w", err)
	}
	if root.name != "Autodiscover" {
		return nil, fmt.Errorf("autodiscover XML: the root element is <%s>, not <Autodiscover>", truncate(root.name, 32))
	}
	a := readADTree(root)
	out := &adResult{Usernames: map[probes.Proto]string{}}
	if a.HasError {
		out.ErrorMessage = strings.TrimSpace(truncate(strings.TrimSpace(a.ErrorCode+" "+a.Message), 120))
		return out, nil
	}
	out.Action, out.Redirect = a.Action, a.Redirect
	if out.Redirect != "" {
		return out, nil
	}
	var skipped []string
	for _, p := range a.Protocols {
		if len(out.Endpoints) == maxEndpoints {
			break
		}
		if p.Proto == "" {
			switch p.Type {
			case "EXCH", "EXPR", "WEB", "EXHTTP":
				out.HasExchange = true
			}
			continue
		}
		if p.Err == nil && !hostRE.MatchString(p.Host) {
			p.Err = fmt.Errorf("%s server %q: not a host name", p.Proto, truncate(p.Host, 64))
		}
		if p.Err != nil {
			skipped = append(skipped, p.Err.Error())
			continue
		}
		ep := probes.Endpoint{Proto: p.Proto, Host: p.Host, Port: p.Port, Security: p.Security, Source: "autodiscover", Trust: probes.TrustHTTPS}
		out.Endpoints = append(out.Endpoints, ep)
		if u := p.LoginName; u != "" {
			if _, ok := out.Usernames[ep.Proto]; !ok {
				out.Usernames[ep.Proto] = truncate(u, 256)
			}
		}
		if p.SPA {
			out.Notes = append(out.Notes, fmt.Sprintf("%s wants Secure Password Authentication (NTLM)", ep.Proto))
		}
		if p.DomainRequired {
			out.Notes = append(out.Notes, fmt.Sprintf("%s login needs DOMAIN\\user", ep.Proto))
		}
	}
	if len(out.Endpoints) == 0 && len(skipped) > 0 {
		return nil, fmt.Errorf("autodiscover lists no usable server: %s", strings.Join(skipped, "; "))
	}
	return out, nil
}

func asciiCharset(charset string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "us-ascii", "ascii", "iso-8859-1", "latin1", "utf8", "utf-8":
		return r, nil
	}
	return nil, fmt.Errorf("unsupported charset %q", charset)
}

// on reads Autodiscover's on/off flags.
func on(v string, def bool) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "on", "true", "1", "yes":
		return true
	case "off", "false", "0", "no":
		return false
	}
	return def
}

// adCandidate is one place Autodiscover may answer.
type adCandidate struct {
	url  string
	via  string // what found it: "https", "http redirect", "SRV"
	http bool   // plain-HTTP GET, only to learn its redirect
}

// adOutcome is what one candidate gave.
type adOutcome struct {
	res      *adResult
	url      string // where the answer came from
	status   int    // the final HTTP status (401 = Exchange is there)
	err      error
	note     string
	findings []findings.Finding
}

// autodiscover runs the Exchange Autodiscover methods for the address in parallel and uses the
// first answer in Thunderbird's order, then follows redirectAddr/redirectUrl at most twice,
// never to another base domain. at is the URL that answered with the settings.
func (r *run) autodiscover(ctx context.Context, s *probes.Step, address, domain string) (eps []probes.Endpoint, users map[probes.Proto]string, at string) {
	client := r.d.httpClient(r.dns, domain)
	var hops []string
	done := func(st probes.Status, last string) {
		s.Status = probes.Worse(s.Status, st)
		s.Detail = strings.Join(append(hops, last), "; ")
	}
	target := "" // a redirectUrl to ask instead of the domain's candidates
	for hop := 0; ; hop++ {
		var o adOutcome
		if target != "" {
			o = r.adPost(ctx, client, adCandidate{url: target, via: "redirectUrl"}, address, domain)
			if o.res == nil && o.note == "" {
				o.note = fmt.Sprintf("%s: HTTP %d", target, o.status)
			}
		} else {
			o = r.adDomain(ctx, client, address, domain)
		}
		s.Findings = append(s.Findings, o.findings...)
		switch {
		case o.res == nil && o.status == http.StatusUnauthorized:
			// An Exchange server answers but wants a login before it says anything: a fact
			// worth showing; discovery sends no credentials.
			done(probes.OK, o.url+": HTTP 401: an Exchange server answers (it wants a login; none sent)")
			return nil, nil, ""
		case o.res == nil:
			st := probes.Skip
			if len(s.Findings) > 0 || hop > 0 {
				st = probes.Warn
			}
			done(st, o.note)
			return nil, nil, ""
		case o.res.ErrorMessage != "":
			done(probes.Warn, fmt.Sprintf("%s: Autodiscover error %s", o.url, o.res.ErrorMessage))
			return nil, nil, ""
		case o.res.Redirect != "":
			if hop == maxADRedirects {
				done(probes.Warn, fmt.Sprintf("%s: more than %d redirects; stopped at %s %s", o.url, maxADRedirects, o.res.Action, truncate(o.res.Redirect, 120)))
				return nil, nil, ""
			}
			next, err := adRedirect(o.res, domain)
			if err != nil {
				s.Findings = append(s.Findings, findings.New(findings.DiscoveryRedirectRefused,
					fmt.Sprintf("Autodiscover for %s: %s %s → not followed (%v)", address, o.res.Action, truncate(o.res.Redirect, 120), err)))
				done(probes.Warn, fmt.Sprintf("%s: %v", o.url, err))
				return nil, nil, ""
			}
			hops = append(hops, fmt.Sprintf("%s: %s → %s", o.url, o.res.Action, next))
			if strings.EqualFold(o.res.Action, "redirectAddr") {
				address, target = next, ""
				_, domain, _ = strings.Cut(next, "@")
			} else {
				target = next
			}
			continue
		}
		res := o.res
		if len(res.Endpoints) == 0 {
			what := "no IMAP, POP3 or SMTP settings"
			if res.HasExchange {
				what = "an Exchange server (EWS/MAPI only), no IMAP, POP3 or SMTP settings"
			}
			done(probes.OK, fmt.Sprintf("%s: %s", o.url, what))
			return nil, nil, ""
		}
		var list []string
		for _, e := range res.Endpoints {
			list = append(list, fmt.Sprintf("%s %s:%d %s", e.Proto, e.Host, e.Port, e.Security))
		}
		d := fmt.Sprintf("%s: %s", o.url, strings.Join(list, ", "))
		if len(res.Notes) > 0 {
			d += " (" + strings.Join(res.Notes, "; ") + ")"
		}
		done(probes.OK, d)
		return res.Endpoints, res.Usernames, o.url
	}
}

// adRedirect checks a redirectAddr/redirectUrl target: same base domain, HTTPS only.
func adRedirect(res *adResult, domain string) (string, error) {
	if strings.EqualFold(res.Action, "redirectAddr") {
		local, d, err := ParseAddress(res.Redirect)
		if err != nil {
			return "", fmt.Errorf("redirectAddr %q: %v", truncate(res.Redirect, 64), err)
		}
		if !sameBase(d, domain) {
			return "", fmt.Errorf("redirectAddr to %s@%s: another domain, not followed", local, d)
		}
		return local + "@" + d, nil
	}
	u, err := url.Parse(res.Redirect)
	if err != nil || u.Host == "" {
		return "", fmt.Errorf("redirectUrl %q: not a URL", truncate(res.Redirect, 64))
	}
	if err := checkRedirect(domain)(&http.Request{URL: u}, nil); err != nil {
		return "", fmt.Errorf("redirectUrl: %w", err)
	}
	return u.String(), nil
}

// adDomain asks every candidate for domain concurrently and returns the best outcome: the first
// answer in candidate order, else the first 401, else a summary of why none answered.
func (r *run) adDomain(ctx context.Context, client *http.Client, address, domain string) adOutcome {
	cands := []adCandidate{
		{url: "https://autodiscover." + domain + adPath, via: "https"},
		{url: "https://" + domain + adPath, via: "https"},
		{url: "http://autodiscover." + domain + adPath, via: "http", http: true},
		{via: "SRV"},
	}
	outs := make([]adOutcome, len(cands))
	var wg sync.WaitGroup
	for i, c := range cands {
		wg.Go(func() {
			switch {
			case c.via == "SRV":
				outs[i] = r.adSRV(ctx, client, address, domain)
			case c.http:
				outs[i] = r.adHTTP(ctx, client, c, address, domain)
			default:
				outs[i] = r.adPost(ctx, client, c, address, domain)
			}
		})
	}
	wg.Wait()
	var best adOutcome
	var why []string
	var fs []findings.Finding
	found := false
	for _, o := range outs {
		fs = append(fs, o.findings...)
		if o.res != nil && !found {
			best, found = o, true
		}
		if o.note != "" {
			why = append(why, o.note)
		}
	}
	if !found {
		for _, o := range outs {
			if o.status == http.StatusUnauthorized {
				best, found = o, true
				break
			}
		}
	}
	if !found {
		best.note = findings.SayNoneFound.Format(strings.Join(why, "; "))
	} else {
		best.note = ""
	}
	best.findings = fs
	return best
}

// adSRV looks up _autodiscover._tcp.DOMAIN and asks its target over HTTPS.
func (r *run) adSRV(ctx context.Context, client *http.Client, address, domain string) adOutcome {
	name := "_autodiscover._tcp." + domain
	recs, err := r.dns.LookupSRV(ctx, name)
	if err != nil {
		return adOutcome{note: fmt.Sprintf("SRV %s: %v", name, err)}
	}
	for _, rec := range recs {
		t := strings.ToLower(strings.TrimSuffix(rec.Target, "."))
		if t == "" || rec.Port == 0 || !hostRE.MatchString(t) {
			continue
		}
		u := "https://" + t + adPath
		if rec.Port != 443 {
			u = "https://" + net.JoinHostPort(t, strconv.Itoa(int(rec.Port))) + adPath
		}
		o := r.adPost(ctx, client, adCandidate{url: u, via: "SRV"}, address, domain)
		if o.res != nil || o.status == http.StatusUnauthorized {
			o.url = "SRV " + name + " → " + o.url
			if o.res != nil {
				// The certificate proves the server, but plain DNS chose it: the settings are
				// as trustworthy as the SRV answer.
				for i := range o.res.Endpoints {
					o.res.Endpoints[i].Trust = probes.TrustDNS
				}
			}
			return o
		}
		return o // only the first usable target: SRV priority order is the server's wish
	}
	return adOutcome{note: fmt.Sprintf("SRV %s: no usable target", name)}
}

// adHTTP asks the plain-HTTP autodiscover host only for its redirect, and POSTs to the
// redirect's target when it is HTTPS on the same base domain.
func (r *run) adHTTP(ctx context.Context, client *http.Client, c adCandidate, address, domain string) adOutcome {
	nc := *client
	nc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.url, nil)
	if err != nil {
		return adOutcome{note: c.url + ": " + err.Error()}
	}
	resp, err := nc.Do(req)
	if err != nil {
		return adOutcome{note: c.url + ": " + urlErr(err).Error()}
	}
	resp.Body.Close()
	loc := resp.Header.Get("Location")
	if resp.StatusCode < 300 || resp.StatusCode > 399 || loc == "" {
		return adOutcome{note: fmt.Sprintf("%s: HTTP %d, no redirect", c.url, resp.StatusCode)}
	}
	target, err := resp.Request.URL.Parse(loc)
	if err != nil {
		return adOutcome{note: fmt.Sprintf("%s: bad redirect %q", c.url, truncate(loc, 64))}
	}
	if f, ok := refuseRedirect(c.url, target, domain); ok {
		return adOutcome{note: f.Evidence, findings: []findings.Finding{f}}
	}
	o := r.adPost(ctx, client, adCandidate{url: target.String(), via: "http redirect"}, address, domain)
	if o.res != nil {
		o.url = c.url + " → " + o.url
	}
	return o
}

// refuseRedirect applies autoconfig's redirect rule (checkRedirect: HTTPS, port 443, a host
// name in the address's base domain) to an Autodiscover redirect, as a finding.
func refuseRedirect(from string, to *url.URL, domain string) (findings.Finding, bool) {
	err := checkRedirect(domain)(&http.Request{URL: to}, nil)
	if err == nil {
		return findings.Finding{}, false
	}
	return findings.New(findings.DiscoveryRedirectRefused, fmt.Sprintf("%s: %v; not followed", from, err)), true
}

// urlErr drops *url.Error's repetition of the method and URL.
func urlErr(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// adPost POSTs the request to one URL, following HTTPS redirects on the same base domain.
func (r *run) adPost(ctx context.Context, client *http.Client, c adCandidate, address, domain string) adOutcome {
	nc := *client
	nc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	u := c.url
	for hop := 0; ; hop++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(adRequest(address)))
		if err != nil {
			return adOutcome{url: u, err: err, note: u + ": " + err.Error()}
		}
		// outlook.com requires exactly this type.
		req.Header.Set("Content-Type", "text/xml; charset=utf-8")
		resp, err := nc.Do(req)
		if err != nil {
			err = urlErr(err)
			return adOutcome{url: u, err: err, note: u + ": " + err.Error()}
		}
		data, rerr := io.ReadAll(io.LimitReader(resp.Body, maxAutoconfig+1))
		resp.Body.Close()
		switch {
		case resp.StatusCode >= 300 && resp.StatusCode <= 399 && resp.Header.Get("Location") != "":
			target, err := resp.Request.URL.Parse(resp.Header.Get("Location"))
			if err != nil {
				return adOutcome{url: u, status: resp.StatusCode, note: fmt.Sprintf("%s: bad redirect", u)}
			}
			if f, ok := refuseRedirect(u, target, domain); ok {
				return adOutcome{url: u, status: resp.StatusCode, note: f.Evidence, findings: []findings.Finding{f}}
			}
			if hop == maxHTTPHops {
				return adOutcome{url: u, status: resp.StatusCode, note: u + ": too many redirects"}
			}
			u = target.String()
			continue
		case resp.StatusCode == http.StatusUnauthorized:
			return adOutcome{url: u, status: resp.StatusCode, note: u + ": HTTP 401 (Exchange wants a login)"}
		case resp.StatusCode != http.StatusOK:
			return adOutcome{url: u, status: resp.StatusCode, note: fmt.Sprintf("%s: HTTP %s", u, resp.Status)}
		case rerr != nil:
			return adOutcome{url: u, status: resp.StatusCode, err: rerr, note: u + ": " + rerr.Error()}
		}
		res, err := parseAutodiscover(data)
		if err != nil {
			f := findings.New(findings.DiscoveryBadDocument, fmt.Sprintf("%s: %v", u, err))
			return adOutcome{url: u, status: resp.StatusCode, err: err, note: u + ": " + err.Error(), findings: []findings.Finding{f}}
		}
		return adOutcome{url: u, status: resp.StatusCode, res: res}
	}
}

// m365 asks Microsoft's unauthenticated Autodiscover v2 whether the address is an Exchange
// Online mailbox: then the servers are Microsoft's, whatever the MX says (Mimecast, Proofpoint),
// and they take OAuth2 only. It can enumerate mailboxes, so it is asked only for the user's
// own address (Discoverer.M365).
func (r *run) m365(ctx context.Context, s *probes.Step, address string) *Provider {
	var p *Provider
	for _, c := range r.db.list {
		if c.AutodiscoverV2 != "" {
			p = c
			break
		}
	}
	if p == nil {
		s.Detail = "no provider in the database has an Autodiscover v2 URL"
		return nil
	}
	client := *r.d.httpClient(r.dns, r.disc.Domain)
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	u := strings.TrimSuffix(p.AutodiscoverV2, "/") + "/" + url.PathEscape(address) + "?Protocol=AutodiscoverV1"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		s.Status, s.Detail = probes.Warn, err.Error()
		return nil
	}
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		s.Status, s.Detail = probes.Warn, fmt.Sprintf("%s: %v", p.Name.EN, urlErr(err))
		return nil
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusOK:
		var v struct {
			Protocol string `json:"Protocol"`
			URL      string `json:"Url"`
		}
		if err := json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&v); err != nil || v.URL == "" {
			s.Status, s.Detail = probes.Warn, fmt.Sprintf("%s Autodiscover v2: HTTP 200 without a URL", p.Name.EN)
			return nil
		}
		s.Status = probes.OK
		s.Detail = fmt.Sprintf("%s is a %s mailbox (Autodiscover v2 → %s): its servers take OAuth2 only", address, p.Name.EN, truncate(v.URL, 100))
		return p
	case resp.StatusCode >= 300 && resp.StatusCode <= 399:
		s.Status = probes.OK
		s.Detail = fmt.Sprintf("%s is not a %s mailbox (Autodiscover v2: HTTP %d)", address, p.Name.EN, resp.StatusCode)
	default:
		s.Status = probes.Warn
		s.Detail = fmt.Sprintf("%s Autodiscover v2: HTTP %s", p.Name.EN, resp.Status)
	}
	return nil
}
