// Package probes is mailcheck's engine: it walks a mail server the way a
// client does and records every step, byte and timing as evidence.
package probes

import (
	"encoding/json"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// Schema names the JSON report format; bump it only on incompatible change.
const Schema = "mailcheck/v1"

// Proto is a mail access protocol.
type Proto string

const (
	SMTP Proto = "smtp" // SMTP submission or relay (RFC 5321, 6409)
	POP3 Proto = "pop3" // POP3 (RFC 1939)
	IMAP Proto = "imap" // IMAP (RFC 9051/3501)
)

// Protos lists the protocols in the order clients configure them.
var Protos = []Proto{IMAP, POP3, SMTP}

// Security is how a connection is protected.
type Security string

const (
	// Auto picks the mode from the port (465/993/995 implicit TLS, else STARTTLS when offered).
	Auto Security = "auto"
	// ImplicitTLS starts TLS with the first byte (ISPDB "SSL", RFC 8314).
	ImplicitTLS Security = "tls"
	// STARTTLS speaks plaintext first, then upgrades (SMTP STARTTLS, POP3 STLS, IMAP STARTTLS).
	STARTTLS Security = "starttls"
	// Plain never encrypts; recognised, never recommended.
	Plain Security = "plain"
)

// Endpoint is one server a client talks to.
type Endpoint struct {
	Proto    Proto    `json:"proto"`
	Host     string   `json:"host"`
	Port     int      `json:"port"`
	Security Security `json:"security"`
	// Source records how the endpoint was found: "builtin:qq", "srv:_submission._tcp",
	// "autoconfig", "mx:google", "guess", "flag".
	Source string `json:"source,omitempty"`
	// Alt marks an alternative endpoint (overseas node, legacy host): listed with the
	// settings, not probed.
	Alt bool `json:"alt,omitempty"`
	// Trust is how far the source that named this endpoint can be believed (discovery only).
	Trust Trust `json:"trust,omitempty"`
	// Foreign: discovery found this host outside the address's domain and the provider's
	// known hosts (issue 20: DNS can point a client at a stranger's server).
	Foreign bool `json:"foreign,omitempty"`
	// Withheld: no password or token is sent to this endpoint (a foreign host that neither
	// --trust-discovered nor DNSSEC vouched for); the probe runs as without credentials.
	Withheld bool `json:"credentials_withheld,omitempty"`
}

// Trust is the trust level of an endpoint's source (issue 16).
type Trust string

const (
	TrustDB     Trust = "db"     // the provider database (built-in, --providers, or an MX match to it)
	TrustHTTPS  Trust = "https"  // a document fetched over HTTPS with a verified certificate
	TrustDNSSEC Trust = "dnssec" // a DNS answer the resolver validated (AD bit, trusted path)
	TrustDNS    Trust = "dns"    // plain DNS: unauthenticated (RFC 6186 6)
	TrustGuess  Trust = "guess"  // a host name guessed under the address's domain
)

// Status is the outcome of a step or result.
type Status string

const (
	OK   Status = "ok"   // the step did what a client needs
	Warn Status = "warn" // it worked, but something is risky or degraded
	Fail Status = "fail" // this stops mail from working
	Skip Status = "skip" // not run (not needed, or an earlier step failed)
)

// rank orders statuses so the worst one can be picked.
func (s Status) rank() int {
	switch s {
	case Fail:
		return 3
	case Warn:
		return 2
	case OK:
		return 1
	}
	return 0
}

// Worse returns the worse of two statuses.
func Worse(a, b Status) Status {
	if b.rank() > a.rank() {
		return b
	}
	return a
}

// Kind is the failure class of a step; classify is the only place that derives it.
type Kind string

const (
	KindNone        Kind = ""
	KindDNS         Kind = "dns"
	KindRefused     Kind = "refused"
	KindUnreachable Kind = "unreachable"
	KindTimeout     Kind = "timeout"
	KindClosed      Kind = "closed"
	KindTLS         Kind = "tls"
	KindCert        Kind = "cert"
	KindReply       Kind = "reply"
	KindAuth        Kind = "auth"
	KindProtocol    Kind = "protocol"
	KindCanceled    Kind = "canceled"
	KindLocal       Kind = "local" // this machine's limits (out of file descriptors), not the server's
)

// Dir is who produced a transcript line.
type Dir string

const (
	Client Dir = "client"
	Server Dir = "server"
	Note   Dir = "note"
)

// Line is one transcript line, already redacted and made printable.
type Line struct {
	At   time.Duration `json:"-"`
	Dir  Dir           `json:"dir"`
	TLS  bool          `json:"tls"`
	Text string        `json:"text"`
}

// MarshalJSON writes At as whole milliseconds (at_ms) so scripts need no duration parser.
func (l Line) MarshalJSON() ([]byte, error) {
	type plain Line
	return json.Marshal(struct {
		AtMS int64 `json:"at_ms"`
		plain
	}{l.At.Milliseconds(), plain(l)})
}

// Step is the unit of evidence: one protocol action with its outcome.
type Step struct {
	Name     string             `json:"name"`
	Status   Status             `json:"status"`
	Start    time.Duration      `json:"-"`
	Duration time.Duration      `json:"-"`
	Kind     Kind               `json:"kind,omitempty"`
	Error    string             `json:"error,omitempty"`
	Detail   string             `json:"detail,omitempty"`
	Lines    []Line             `json:"transcript"`
	Findings []findings.Finding `json:"findings,omitempty"`
}

// CertInfo describes one certificate of the chain the server sent.
type CertInfo struct {
	Subject   string    `json:"subject"`
	Issuer    string    `json:"issuer"`
	SANs      []string  `json:"sans,omitempty"`
	NotBefore time.Time `json:"not_before"`
	NotAfter  time.Time `json:"not_after"`
}

// TLSInfo is what the TLS handshake showed, recorded even when verification failed.
type TLSInfo struct {
	Version     string     `json:"version"`
	Cipher      string     `json:"cipher"`
	ServerName  string     `json:"server_name"`
	Chain       []CertInfo `json:"chain"`
	Verified    bool       `json:"verified"`
	VerifyError string     `json:"verify_error,omitempty"`
}

// Mailbox is what a logged-in session saw of the mailbox.
type Mailbox struct {
	Messages    int    `json:"messages"`
	Size        int64  `json:"size,omitempty"`
	UIDValidity uint32 `json:"uidvalidity,omitempty"`
	// Quota is every quota resource of INBOX's quota root (IMAP QUOTA).
	Quota []Quota `json:"quota,omitempty"`
	// Folders names the special-use folders found (Sent, Drafts, Trash, Junk → folder name);
	// MissingFolders are the ones not found.
	Folders        map[string]string `json:"special_folders,omitempty"`
	MissingFolders []string          `json:"missing_folders,omitempty"`
}

// Result is everything one endpoint probe saw.
type Result struct {
	Endpoint Endpoint      `json:"endpoint"`
	Status   Status        `json:"status"`
	Duration time.Duration `json:"-"`
	// Addr is the IP address and port actually connected to.
	Addr    string   `json:"addr,omitempty"`
	Steps   []Step   `json:"steps"`
	TLS     *TLSInfo `json:"tls,omitempty"`
	Caps    []string `json:"capabilities,omitempty"`
	Mailbox *Mailbox `json:"mailbox,omitempty"`
	// Limits are what the capabilities say of message size and push.
	Limits *Limits `json:"limits,omitempty"`
	// Delivery is the --send-test round trip's outcome (its steps are the result's steps).
	Delivery *Delivery `json:"delivery,omitempty"`
	// loggedIn: the login succeeded (the round trip picks its endpoints by it).
	loggedIn bool
	// RoundTrips counts client→server exchanges that waited for a reply.
	RoundTrips int `json:"round_trips"`
	// Alt is the same endpoint probed in the other TLS mode, when the configured one was wrong.
	Alt *Result `json:"works_with,omitempty"`
}

// Findings returns every finding of every step, in order.
func (r *Result) Findings() []findings.Finding {
	var out []findings.Finding
	for _, s := range r.Steps {
		out = append(out, s.Findings...)
	}
	return out
}

// HasCode reports whether any step of r produced code.
func (r *Result) HasCode(c findings.Code) bool {
	for _, f := range r.Findings() {
		if f.Code == c {
			return true
		}
	}
	return false
}

// Report is one run of a command: what was asked, what was probed, what was concluded.
type Report struct {
	Schema  string        `json:"schema"`
	Command string        `json:"command"`
	Input   string        `json:"input"`
	Started time.Time     `json:"started"`
	Elapsed time.Duration `json:"-"`
	Lang    string        `json:"lang"`
	// Provider is the provider key the run was about, if known.
	Provider string `json:"provider,omitempty"`
	// Settings is what to type into a mail client (provider, account).
	Settings *Settings `json:"settings,omitempty"`
	// Discovery holds the steps that found the endpoints (account, provider).
	Discovery []Step   `json:"discovery,omitempty"`
	Results   []Result `json:"results"`
	// Findings are cross-endpoint conclusions.
	Findings []findings.Finding `json:"findings,omitempty"`
	Status   Status             `json:"status"`
	Checks   []Check            `json:"checks,omitempty"` // conformance verdicts (conform), one per RFC clause
}

// AllFindings returns the report's findings: cross-endpoint ones first, then each step's.
func (r *Report) AllFindings() []findings.Finding {
	out := append([]findings.Finding(nil), r.Findings...)
	for _, s := range r.Discovery {
		out = append(out, s.Findings...)
	}
	for i := range r.Results {
		out = append(out, r.Results[i].Findings()...)
	}
	return out
}

// HasError reports whether any finding is error-level: the exit status 1 rule.
func (r *Report) HasError() bool {
	for _, f := range r.AllFindings() {
		if f.Severity == findings.SevError {
			return true
		}
	}
	return false
}

// UsernameForm is the form of login name a provider expects.
type UsernameForm string

const (
	// FormAddress is the full address ("alice@qq.com").
	FormAddress UsernameForm = "address"
	// FormLocal is the part before "@" ("alice").
	FormLocal UsernameForm = "local"
)

// Settings is what a person types into a mail client: the recommended endpoints, the login
// name and the kind of password, with the provider's quirks and where to fix them.
type Settings struct {
	Provider  string        `json:"provider,omitempty"`
	Name      findings.Text `json:"name"`
	Status    string        `json:"status,omitempty"` // active, closed, unverified
	Successor string        `json:"successor,omitempty"`
	Endpoints []Endpoint    `json:"endpoints"`
	// Usernames is the login name per protocol, when the address is known; Forms says the
	// form of the login name per protocol ("address" or "local") for a provider looked up by name.
	Usernames map[Proto]string       `json:"usernames,omitempty"`
	Forms     map[Proto]UsernameForm `json:"username_forms,omitempty"`
	Auth      AuthKind               `json:"auth,omitempty"`
	Notes     []Quirk                `json:"notes,omitempty"`
	Sources   []string               `json:"sources,omitempty"`
	Verified  string                 `json:"verified,omitempty"`
}

// Quirk is one provider quirk: what to know, what to do and where.
type Quirk struct {
	Text findings.Text `json:"text"`
	Fix  findings.Text `json:"fix,omitempty"`
	URL  string        `json:"url,omitempty"`
}
