// Package findings is mailcheck's knowledge base: the stable finding codes, their catalogue in
// English and Chinese (an embedded data file, catalogue.json), and the matcher that turns a
// server reply or a pasted error into codes. It knows no provider: provider-specific fixes and
// hints arrive as data (Hints, Finding.WithFix) from the providers package.
package findings

//go:generate go run ./gen

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Code is a stable public finding name (FINDINGS.md): once shipped, it keeps its meaning.
type Code string

// Severity grades a finding.
type Severity string

const (
	SevError   Severity = "error"   // this stops mail from working
	SevWarning Severity = "warning" // works, but risky or degraded
	SevInfo    Severity = "info"    // worth knowing
)

// Text is a message in both languages the product speaks.
type Text struct {
	EN string `json:"en"`
	ZH string `json:"zh"`
}

// In returns the text in lang ("zh" or anything else for English), falling back to English,
// and to the Chinese text when there is no English one (a company known by its Chinese name).
func (t Text) In(lang string) string {
	if (lang == "zh" || t.EN == "") && t.ZH != "" {
		return t.ZH
	}
	return t.EN
}

// Entry is one catalogue record: what a code means and how to fix it.
type Entry struct {
	Code     Code     `json:"code"`
	Severity Severity `json:"severity"`
	Title    Text     `json:"title"`
	Explain  Text     `json:"explain"`
	Fix      Text     `json:"fix"`
	// Ref is an RFC section or a help page.
	Ref string `json:"ref,omitempty"`
	// FixFor holds fixes for one protocol ("pop3"), one protocol and port ("smtp:25") or any
	// endpoint ("*"), in place of Fix when the finding is about such an endpoint. They may name
	// {host}, {port}, {alt_port} (the same protocol's other usual port) and {cert_names} (the
	// names the server's certificate is issued for), which Finding.For fills in.
	FixFor map[string]Text `json:"fix_for,omitempty"`
}

// Finding is a conclusion with its cause and fix, copied from the catalogue. It is plain data:
// reports resolve its texts into one language (the JSON title, explanation and fix are
// strings in the report's language, so they are not this type's to read back).
type Finding struct {
	Code     Code     `json:"code"`
	Severity Severity `json:"severity"`
	Title    Text     `json:"-"`
	Explain  Text     `json:"-"`
	Fix      Text     `json:"-"`
	Ref      string   `json:"ref,omitempty"`
	// Evidence is the reply or error that led to the finding, secrets redacted.
	Evidence string `json:"evidence"`
	// Provider is the provider whose specific fix was chosen, if any.
	Provider string `json:"provider,omitempty"`
	// Check is the conformance check id (e.g. "smtp.ehlo-multiline") of a conform finding.
	Check string `json:"check,omitempty"`
}

//go:embed catalogue.json
var catalogueJSON []byte

// catalogue is parsed once at start; a broken data file is a build defect, caught by every test.
var catalogue = mustLoad(catalogueJSON)

func mustLoad(b []byte) map[Code]Entry {
	m, err := parse(b)
	if err != nil {
		panic("findings: catalogue.json: " + err.Error())
	}
	return m
}

// parse reads the catalogue data file and checks each entry is complete.
func parse(b []byte) (map[Code]Entry, error) {
	var list []Entry
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, err
	}
	m := make(map[Code]Entry, len(list))
	for _, e := range list {
		switch {
		case e.Code == "":
			return nil, fmt.Errorf("an entry has no code")
		case m[e.Code].Code != "":
			return nil, fmt.Errorf("%s: listed twice", e.Code)
		case e.Severity != SevError && e.Severity != SevWarning && e.Severity != SevInfo:
			return nil, fmt.Errorf("%s: severity %q", e.Code, e.Severity)
		case e.Title.EN == "" || e.Title.ZH == "" || e.Explain.EN == "" || e.Explain.ZH == "" || e.Fix.EN == "" || e.Fix.ZH == "":
			return nil, fmt.Errorf("%s: title, explanation and fix need EN and ZH", e.Code)
		case placeholder.MatchString(e.Fix.EN + e.Fix.ZH):
			return nil, fmt.Errorf("%s: the general fix names a placeholder; only fix_for may", e.Code)
		}
		for key, t := range e.FixFor {
			if !fixKey.MatchString(key) {
				return nil, fmt.Errorf("%s: fix_for key %q is not PROTO or PROTO:PORT", e.Code, key)
			}
			if t.EN == "" || t.ZH == "" {
				return nil, fmt.Errorf("%s: fix_for %s needs EN and ZH", e.Code, key)
			}
			for _, m := range placeholder.FindAllString(t.EN+t.ZH, -1) {
				if m != "{host}" && m != "{port}" && m != "{alt_port}" && m != "{cert_names}" {
					return nil, fmt.Errorf("%s: fix_for %s names unknown placeholder %s", e.Code, key, m)
				}
			}
		}
		m[e.Code] = e
	}
	return m, nil
}

// Lookup returns the catalogue entry for code.
func Lookup(code Code) (Entry, bool) {
	e, ok := catalogue[code]
	return e, ok
}

// Codes returns every catalogue code, sorted.
func Codes() []Code {
	out := make([]Code, 0, len(catalogue))
	for c := range catalogue {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// Catalogue returns every catalogue entry, sorted by code.
func Catalogue() []Entry {
	out := make([]Entry, 0, len(catalogue))
	for _, c := range Codes() {
		out = append(out, catalogue[c])
	}
	return out
}

// New builds a finding for code from the catalogue. An unknown code still yields a finding
// (error severity) so nothing is lost.
func New(code Code, evidence string) Finding {
	e, ok := catalogue[code]
	if !ok {
		e = Entry{Code: code, Severity: SevError, Title: Text{EN: string(code), ZH: string(code)}}
	}
	return Finding{Code: code, Severity: e.Severity, Title: e.Title, Explain: e.Explain, Fix: e.Fix,
		Ref: e.Ref, Evidence: evidence}
}

var (
	placeholder = regexp.MustCompile(`\{[a-z_]+\}`)
	fixKey      = regexp.MustCompile(`^(\*|(smtp|pop3|imap)(:[0-9]{1,5})?)$`)
)

// Context is the endpoint a finding is about, for the fixes that depend on it.
type Context struct {
	Proto   string // "smtp", "pop3", "imap"
	Host    string
	Port    int
	AltPort string // the protocol's other usual port(s), "465" for SMTP on 587
	// CertNames are the names the server's certificate is issued for, "" before TLS.
	CertNames string
}

// For returns f with the fix for its endpoint, when the catalogue has one (PROTO:PORT, then
// PROTO, then "*"), its placeholders filled in. A variant that names a value the context lacks
// (no certificate seen yet) is passed over for the general fix.
func (f Finding) For(c Context) Finding {
	e, ok := catalogue[f.Code]
	if !ok || c.Proto == "" {
		return f
	}
	vals := map[string]string{"{host}": c.Host, "{port}": fmt.Sprint(c.Port), "{alt_port}": c.AltPort, "{cert_names}": c.CertNames}
	for _, key := range []string{fmt.Sprintf("%s:%d", c.Proto, c.Port), c.Proto, "*"} {
		t, ok := e.FixFor[key]
		if !ok {
			continue
		}
		if slices.ContainsFunc(placeholder.FindAllString(t.EN+t.ZH, -1), func(p string) bool { return vals[p] == "" }) {
			break
		}
		fill := strings.NewReplacer("{host}", vals["{host}"], "{port}", vals["{port}"], "{alt_port}", vals["{alt_port}"], "{cert_names}", vals["{cert_names}"])
		f.Fix = Text{EN: fill.Replace(t.EN), ZH: fill.Replace(t.ZH)}
		break
	}
	return f
}

// Fix is a provider-specific fix, with the provider key whose entry it comes from (a 188.com
// user is given NetEase's "163" fix).
type Fix struct {
	Provider string `json:"provider"`
	Text     Text   `json:"text"`
}

// Fixes are provider-specific fixes by code; the providers package fills them from
// providers.json. A nil Fixes applies none.
type Fixes map[Code]Fix

// Apply replaces f's generic fix with the provider's own, when there is one for f's code.
func (x Fixes) Apply(f Finding) Finding {
	if fx, ok := x[f.Code]; ok {
		f.Fix, f.Provider = fx.Text, fx.Provider
	}
	return f
}
