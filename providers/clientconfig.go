package providers

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"slices"
	"sort"
	"strings"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// A client configuration file is what a mail client was actually given: Thunderbird
// autoconfig XML, an Exchange Autodiscover (POX) response, an Apple .mobileconfig or
// Thunderbird's prefs.js. ParseClientConfig reads any of them into the same shape, lints what
// the file says (a mode that does not fit its port, a misspelt key, a missing port, a
// password over plain text), and the DB compares it with the provider's entry.

// ConfigKind names the format of a client configuration file.
type ConfigKind string

const (
	KindAutoconfig   ConfigKind = "autoconfig"
	KindAutodiscover ConfigKind = "autodiscover"
	KindMobileconfig ConfigKind = "mobileconfig"
	KindPrefsJS      ConfigKind = "prefs.js"
)

// MaxConfigFile bounds a client configuration file; real ones are a few KiB (prefs.js of a
// long-used profile some hundred KiB).
const MaxConfigFile = 2 << 20

// maxConfigServers bounds how many servers one file may contribute.
const maxConfigServers = 64

// ErrUnknownConfig is a file that is none of the formats config reads.
var ErrUnknownConfig = errors.New("not a Thunderbird autoconfig, Autodiscover, .mobileconfig or prefs.js file")

// ConfigServer is one server a configuration file sets up.
type ConfigServer struct {
	probes.Endpoint
	// Username is the login name as written (placeholders of autoconfig filled when the
	// address is known), "" when the file gives none.
	Username string `json:"username,omitempty"`
	// Auth is the login method as the file names it ("password-cleartext", "EmailAuthPassword", "3").
	Auth string `json:"auth,omitempty"`
	// Password is whether the login sends a reusable password (not OAuth2, GSSAPI, a
	// certificate or no login at all).
	Password bool `json:"password_login"`
	// Where names the server inside the file, for evidence ("incomingServer 1", "mail.server.server2").
	Where string `json:"where"`
}

// ClientConfig is a parsed configuration file. It never holds a password: a password in the
// file is only counted (Passwords) and reported as config.password-embedded.
type ClientConfig struct {
	Kind    ConfigKind     `json:"kind"`
	Address string         `json:"address,omitempty"`
	Domains []string       `json:"domains,omitempty"`
	Servers []ConfigServer `json:"servers"`
	// Passwords is how many passwords the file embeds (redacted, never kept).
	Passwords int `json:"passwords,omitempty"`
	// Signed is a .mobileconfig wrapped in a CMS signature (not verified).
	Signed   bool               `json:"signed,omitempty"`
	Findings []findings.Finding `json:"findings,omitempty"`

	unknown int // keys looked up by unknownKey, against maxKeyLint
}

// maxKeyLint bounds how many unknown keys one file has looked up for a near name (each is a
// few edit distances), so a hostile prefs.js with 50,000 keys stays fast.
const maxKeyLint = 2000

// ParseClientConfig detects the format of data and reads it. It fails (the caller's exit 2)
// for a file of no known format, one too large, or one that is broken beyond reading.
func ParseClientConfig(data []byte) (*ClientConfig, error) {
	if len(data) > MaxConfigFile {
		return nil, fmt.Errorf("file larger than %d bytes", MaxConfigFile)
	}
	body := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	body = bytes.TrimSpace(body)
	var cc *ClientConfig
	var err error
	switch {
	case bytes.HasPrefix(body, []byte("bplist")):
		return nil, errors.New("binary property list: convert it first (plutil -convert xml1 FILE)")
	case len(body) > 0 && body[0] == '<':
		cc, err = parseXMLConfig(body)
	case isSignedPlist(body):
		inner := signedPlist(body)
		if cc, err = parseXMLConfig(inner); err == nil {
			if cc.Kind != KindMobileconfig {
				return nil, ErrUnknownConfig
			}
			cc.Signed = true
		}
	case bytes.Contains(body, []byte("user_pref(")):
		cc, err = parsePrefsJS(body)
	default:
		return nil, ErrUnknownConfig
	}
	if err != nil {
		return nil, err
	}
	cc.lint()
	return cc, nil
}

// isSignedPlist: a signed profile is DER CMS (SEQUENCE) whose content carries the plist as is.
func isSignedPlist(b []byte) bool {
	return len(b) > 0 && b[0] == 0x30 && bytes.Contains(b, []byte("<plist")) && bytes.Contains(b, []byte("</plist>"))
}

func signedPlist(b []byte) []byte {
	start := bytes.Index(b, []byte("<?xml"))
	if start < 0 {
		start = bytes.Index(b, []byte("<plist"))
	}
	end := bytes.LastIndex(b, []byte("</plist>"))
	if start < 0 || end < start {
		return nil
	}
	return b[start : end+len("</plist>")]
}

func (cc *ClientConfig) add(code findings.Code, format string, a ...any) {
	cc.Findings = append(cc.Findings, findings.New(code, fmt.Sprintf(format, a...)))
}

// addServer appends s unless the file already gave too many.
func (cc *ClientConfig) addServer(s ConfigServer) {
	if len(cc.Servers) < maxConfigServers {
		cc.Servers = append(cc.Servers, s)
	}
}

// Ports whose first bytes are plain text (those that are TLS from the first byte are
// probes.ImplicitTLSPort's).
var plainPorts = map[int]bool{25: true, 110: true, 143: true, 587: true}

// sslFlag is the security a boolean "use SSL" setting (Autodiscover <SSL>, Apple's UseSSL)
// means on port: TLS from the first byte, except on a plaintext port, where Outlook and Apple
// Mail do STARTTLS (said as config.ssl-means-starttls).
func (cc *ClientConfig) sslFlag(on bool, port int, where string) probes.Security {
	switch {
	case !on:
		return probes.Plain
	case plainPorts[port]:
		cc.sslMeansSTARTTLS(where, port)
		return probes.STARTTLS
	}
	return probes.ImplicitTLS
}

func (cc *ClientConfig) sslMeansSTARTTLS(where string, port int) {
	cc.add(findings.ConfigSslMeansSTARTTLS, "%s: SSL on port %d is STARTTLS", where, port)
}

// lint adds the findings every format shares, after the format's own.
func (cc *ClientConfig) lint() {
	in, out := false, false
	for _, s := range cc.Servers {
		e := s.Endpoint
		switch {
		case e.Security == probes.ImplicitTLS && plainPorts[e.Port]:
			cc.add(findings.ConfigPortModeMismatch, "%s: %s %s:%d asks for SSL/TLS from the first byte on a plaintext port (use STARTTLS, or port %d)", s.Where, e.Proto, e.Host, e.Port, defaultPort(e.Proto, probes.ImplicitTLS))
		case e.Security != probes.ImplicitTLS && probes.ImplicitTLSPort(e.Port):
			cc.add(findings.ConfigPortModeMismatch, "%s: %s %s:%d asks for %s on an implicit-TLS port (use SSL/TLS)", s.Where, e.Proto, e.Host, e.Port, e.Security)
		}
		if e.Security == probes.Plain && s.Password {
			cc.add(findings.ConfigPlaintextPassword, "%s: %s %s:%d logs in with a password and no encryption", s.Where, e.Proto, e.Host, e.Port)
		}
		if e.Proto == probes.SMTP {
			out = true
		} else {
			in = true
		}
	}
	switch {
	case len(cc.Servers) == 0:
		cc.add(findings.ConfigIncomplete, "the %s file sets up no IMAP, POP3 or SMTP server", cc.Kind)
	case !in:
		cc.add(findings.ConfigIncomplete, "no incoming (IMAP or POP3) server")
	case !out:
		cc.add(findings.ConfigIncomplete, "no outgoing (SMTP) server")
	}
	if cc.Passwords > 0 {
		cc.add(findings.ConfigPasswordEmbedded, "%d password(s) in the file (not shown)", cc.Passwords)
	}
}

// unknownKey reports a key the format does not know; near is the closest known name, if any.
// closed says the format's key set is small and fixed, so any unknown key is reported; else
// only near-misses are (prefs.js and plists carry many keys mailcheck has no list of).
func (cc *ClientConfig) unknownKey(where, key string, known []string, closed bool) {
	if slices.Contains(known, key) {
		return
	}
	if cc.unknown++; cc.unknown > maxKeyLint {
		return
	}
	near := nearestKey(key, known)
	switch {
	case near != "":
		cc.add(findings.ConfigUnknownKey, "%s: %q is not a known setting; did you mean %q?", where, truncate(key, 64), near)
	case closed:
		cc.add(findings.ConfigUnknownKey, "%s: %q is not a known setting", where, truncate(key, 64))
	}
}

// nearestKey is the known name key is a case variant or a slip of (at most two edits), or "".
func nearestKey(key string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if strings.EqualFold(k, key) {
			return k
		}
		if len(key) < 5 || len(key) > 64 || len(key)-len(k) > 2 || len(k)-len(key) > 2 {
			continue // too short to tell a slip from another word, or more than two edits apart
		}
		if d := osaDistance(strings.ToLower(key), strings.ToLower(k)); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// CompareConfig finds the provider the file is for (by its address or domains, else by a
// server host the database lists) and says where the file differs from the entry.
func (db *DB) CompareConfig(cc *ClientConfig) (*Provider, []findings.Finding) {
	p := db.configProvider(cc)
	if p == nil {
		return nil, nil
	}
	var out []findings.Finding
	local, _, _ := strings.Cut(cc.Address, "@")
	for _, s := range cc.Servers {
		e := s.Endpoint
		var listed []string
		match := false
		for _, x := range p.Servers {
			if x.Proto != e.Proto {
				continue
			}
			listed = append(listed, fmt.Sprintf("%s:%d %s", x.Host, x.Port, x.Security))
			match = match || x.Host == e.Host && x.Port == e.Port && x.Security == e.Security
		}
		if !match && len(listed) > 0 {
			out = append(out, findings.New(findings.ConfigDiffersFromDatabase, fmt.Sprintf(
				"%s: %s %s:%d %s; %s lists %s", s.Where, e.Proto, e.Host, e.Port, e.Security, p.Key, strings.Join(listed, ", "))))
		}
		if u := s.Username; u != "" && !strings.Contains(u, "%") && local != "" {
			want := p.Login(e.Proto, local, cc.Address[len(local)+1:])
			if !strings.EqualFold(u, want) && (p.Form(e.Proto) == UserAddress) != strings.Contains(u, "@") {
				out = append(out, findings.New(findings.ConfigDiffersFromDatabase, fmt.Sprintf(
					"%s: %s login name %q; %s wants %q", s.Where, e.Proto, u, p.Key, want)))
			}
		}
	}
	return p, out
}

func (db *DB) configProvider(cc *ClientConfig) *Provider {
	if _, d, err := ParseAddress(cc.Address); err == nil {
		if p, ok := db.ByDomain(d); ok {
			return p
		}
	}
	for _, d := range cc.Domains {
		if p, ok := db.ByDomain(d); ok {
			return p
		}
	}
	// Only a host of a primary endpoint names a provider: alternative hosts are shared, and a
	// loopback host (Proton Bridge's 127.0.0.1) is any local program.
	for _, s := range cc.Servers {
		if s.Host == "localhost" || net.ParseIP(s.Host) != nil {
			continue
		}
		for _, p := range db.list {
			for _, x := range p.Servers {
				if !x.Alt && x.Host == s.Host && p.Status != Closed {
					return p
				}
			}
		}
	}
	return nil
}

// Endpoints are the file's servers as the probes see them, Source "config:KIND", ranked as
// discovery ranks its own (IMAP, POP3, SMTP; TLS before STARTTLS before plain), duplicates dropped.
func (cc *ClientConfig) Endpoints() []probes.Endpoint {
	var out []probes.Endpoint
	for _, s := range cc.Servers {
		e := s.Endpoint
		e.Source = "config:" + string(cc.Kind)
		if !slices.ContainsFunc(out, func(x probes.Endpoint) bool {
			return x.Proto == e.Proto && x.Host == e.Host && x.Port == e.Port && x.Security == e.Security
		}) {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if a, b := protoRank(out[i].Proto), protoRank(out[j].Proto); a != b {
			return a < b
		}
		return secRank(out[i].Security) < secRank(out[j].Security)
	})
	return out
}

// PlanConfig plans the check of exactly the file's settings (none probed when offline): its
// lint and its drift from the database are findings of the report.
func (db *DB) PlanConfig(cc *ClientConfig, input string, offline bool) probes.Plan {
	p, diff := db.CompareConfig(cc)
	eps := cc.Endpoints()
	local, domain := "", ""
	if l, d, err := ParseAddress(cc.Address); err == nil {
		local, domain = l, d
	}
	s := db.Settings(p, eps, local, domain)
	if p == nil {
		s.Name = findings.Text{EN: "from " + string(cc.Kind) + " file", ZH: "来自 " + string(cc.Kind) + " 文件"}
	}
	s.Endpoints = eps // the file's servers only, not the provider's alternatives
	logins := map[probes.Proto]string{}
	for _, sv := range cc.Servers {
		if _, ok := logins[sv.Proto]; !ok && sv.Username != "" && !strings.Contains(sv.Username, "%") {
			logins[sv.Proto] = sv.Username
			s.Usernames[sv.Proto] = sv.Username
		}
	}
	for _, proto := range probes.Protos {
		if logins[proto] == "" && cc.Address != "" {
			logins[proto] = cc.Address
		}
	}
	pl := probes.Plan{Command: probes.CmdConfig, Input: input, Settings: s, Provider: db.Facts(p),
		Findings: append(slices.Clone(cc.Findings), diff...), Logins: logins}
	if !offline {
		pl.Endpoints = eps
	}
	return pl
}
