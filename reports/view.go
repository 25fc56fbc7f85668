package reports

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/mailcheck/mailcheck/probes"
)

// view is a report resolved into one language and into display strings. The table, Markdown and
// HTML all render from it, so the three show the same content in the same order. Strings in a
// view are plain text, cleaned of control and bidi characters: each renderer escapes them for its
// own syntax.
type view struct {
	Lang    string
	Title   string // "mailcheck probe smtp mail.example.com"
	Started string
	Elapsed string
	Verdict badge // the summary line: Class from Verdict()'s status, Text its sentence
	// Settings are the endpoints to use: the settings' own (Given) first; then, in a report
	// without settings, every probed endpoint; then each working alternative a probe found.
	// HasSettings says the report carries client settings (provider, account); Provider, Auth,
	// Closed and Notes come from them.
	Settings    []settingRow
	HasSettings bool
	Provider    string
	Auth        string
	Closed      string
	Notes       []noteView
	HasUser     bool
	Findings    []findingView // cross-endpoint conclusions
	// Problems are every finding of the report grouped by code and provider, most important first:
	// the verdict names the first, and each shows once with the endpoints it hit.
	Problems []problemView
	// Version and Host are the footer's: which mailcheck made the report, and on which machine.
	Version, Host string
	Discovery     *stepsView
	Results       []resultView
	Schema        string
	L             map[string]string // every label in Lang, for the template

	// Checks are the conformance verdicts (conform); ChecksSummary counts them:
	// "23 pass, 1 fail (1 MUST), 0 warn, 2 skip".
	Checks        []checkView
	ChecksSummary string
}

// badge is a status or severity as shown: a CSS class ("ok", "warn", "fail", "skip", "info"),
// a symbol that survives without colour, and a word in the report's language.
type badge struct {
	Class, Icon, Text string
}

// settingRow is one line of the "settings to use" table.
type settingRow struct {
	Proto, Host, Port, Security, Source string
	Status                              badge
	Works                               bool
	Result                              string // "works", "does not work", "works instead of tls"
	Anchor                              string // the endpoint's section
	User                                string // login name to type, when known
	Alt                                 bool   // an alternative endpoint (overseas node, legacy host)
	Given                               bool   // one of the report's settings, not a probed extra
	Role                                string // "Incoming (IMAP)", "Outgoing (SMTP) — alternative" (Given rows)
}

// noteView is a provider quirk: what to know, what to do and where.
type noteView struct {
	Text, Fix, URL string
}

type stepsView struct {
	Steps      []stepView
	Findings   []findingView
	Transcript []lineView
	Lines      string // "12 lines"
}

type stepView struct {
	Name   string
	Status badge
	Time   string
	Detail string
	Error  string
	Codes  []codeRef
}

// codeRef links a step to a finding it produced.
type codeRef struct {
	Code     string
	Severity badge
	Anchor   string
}

type findingView struct {
	Anchor   string
	Code     string
	Severity badge
	Title    string
	Explain  string
	Fix      string
	FixFor   string // "fix for qq" when the fix is provider-specific
	Evidence string
	Ref      string
	RefURL   string // Ref when it is a web address, so HTML can link it
}

type certView struct {
	Subject, Issuer, Names string
	NotBefore, NotAfter    string
	Expired                bool
}

type tlsView struct {
	Version, Cipher, ServerName string
	Verified                    bool
	Verification                string // "trusted" or "not trusted"
	VerifyError                 string
	Chain                       []certView
}

// lineView is one transcript line: Class is "client", "server" or "note" (plus " tls").
type lineView struct {
	At, Arrow, Text, Class string
}

type resultView struct {
	Anchor     string
	Heading    string // endpointHeading, prefixed "Works with: " for an Alt result
	Status     badge
	Addr       string
	Duration   string
	RoundTrips string
	Steps      []stepView
	TLS        *tlsView
	Caps       string
	Mailbox    string
	Findings   []findingView
	Transcript []lineView
	Lines      string // "12 lines"
	Alt        *resultView
}

// newView turns d, a report already resolved into one language by toJSON, into display
// strings: the one view the table, Markdown and HTML render, so the human formats show the same
// content in the same order as each other and as the JSON. It reads d and never changes it.
func newView(d *jsonReport) *view {
	lang := d.Lang
	v := &view{Lang: lang, Schema: d.Schema, L: map[string]string{}}
	for k, t := range labels {
		v.L[k] = t.In(lang)
	}
	for k, t := range settingsLabels {
		if _, ok := v.L[k]; !ok {
			v.L[k] = t.In(lang)
		}
	}
	for k, t := range replyLabels {
		v.L[k] = t.In(lang)
	}
	for k, t := range summaryLabels {
		if _, ok := v.L[k]; !ok {
			v.L[k] = t.In(lang)
		}
	}
	v.Title = strings.TrimSpace(strings.Join([]string{"mailcheck", d.Command, d.Input}, " "))
	if !d.Started.IsZero() {
		v.Started = d.Started.UTC().Format("2006-01-02 15:04:05 UTC")
	}
	v.Elapsed = ms(d.elapsed)
	v.Verdict = statusBadge(d.verdict.status, lang)
	v.Verdict.Text = d.verdict.text
	v.Problems = d.problems

	for i, f := range d.Findings {
		v.Findings = append(v.Findings, newFinding(f, fmt.Sprintf("x-f%d", i+1), lang))
	}
	if len(d.Discovery) > 0 {
		sv := &stepsView{}
		sv.Steps, sv.Findings = newSteps(d.Discovery, "d", lang)
		sv.Transcript = newLines(d.Discovery)
		sv.Lines = countLabel("line1", "lines", len(sv.Transcript), lang)
		v.Discovery = sv
	}
	for i := range d.Results {
		r := &d.Results[i]
		anchor := fmt.Sprintf("ep%d", i+1)
		rv := newResult(r, anchor, "", lang, d.Started)
		v.Results = append(v.Results, rv)
		if d.Settings == nil && len(d.Checks) == 0 { // a conformance report judges the server, not client settings
			v.Settings = append(v.Settings, newSetting(r, anchor, "", lang))
		}
		if r.Alt != nil {
			v.Settings = append(v.Settings, newSetting(r.Alt, anchor+"-alt", SecurityLabel(r.Endpoint.Security, lang), lang))
		}
	}
	if s := d.Settings; s != nil {
		v.applySettings(d, s, lang)
	}
	if len(d.Checks) > 0 {
		v.Checks = newChecks(d.Checks, lang)
		v.ChecksSummary = ChecksSummary(d.Checks, lang)
	}
	cleanStrings(reflect.ValueOf(v))
	return v
}

// cleanStrings runs cleanText over every string the view holds (struct fields, slices,
// pointers), so no server-supplied text — a banner, a reply, a certificate name, an autoconfig
// host, a transcript line — reaches a renderer with a control or bidi character, whichever field
// it landed in. The label map is fixed text and is left alone.
func cleanStrings(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			cleanStrings(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				cleanStrings(f)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			cleanStrings(v.Index(i))
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString(cleanText(v.String()))
		}
	}
}

// applySettings puts the recommended endpoints first, each with the result of its probe (or
// "not checked" offline), the login name, the password kind and the provider's quirks.
func (v *view) applySettings(d *jsonReport, s *probes.Settings, lang string) {
	v.HasSettings = true
	var rows []settingRow
	for _, ep := range s.Endpoints {
		row := settingRow{Proto: strings.ToUpper(string(ep.Proto)), Host: ep.Host, Port: fmt.Sprint(ep.Port),
			Status: statusBadge(probes.Skip, lang), Result: label("notRun", lang)}
		if ep.Alt {
			row.Result = label("altNotRun", lang)
		}
		for i := range d.Results {
			if r := &d.Results[i]; r.Endpoint.Proto == ep.Proto && r.Endpoint.Host == ep.Host && r.Endpoint.Port == ep.Port {
				row = newSetting(r, fmt.Sprintf("ep%d", i+1), "", lang)
				break
			}
		}
		// What the settings say to type in, whatever the probe that tested it was told.
		row.Given, row.Alt = true, ep.Alt
		row.Role = RoleLabel(ep.Proto, lang)
		if ep.Alt {
			row.Role += " — " + slabel("alt", lang)
		}
		row.Security, row.Source = SecurityLabel(ep.Security, lang), withTrust(SourceLabel(ep.Source, lang), ep, lang)
		row.User = UsernameLabel(s, ep.Proto, lang)
		v.HasUser = v.HasUser || row.User != ""
		rows = append(rows, row)
	}
	v.Settings = append(rows, v.Settings...)
	v.Provider = s.Name.In(lang)
	if s.Auth != "" {
		v.Auth = AuthLabel(s.Auth, lang)
	}
	if s.Status == "closed" {
		v.Closed = fmt.Sprintf(slabel("closed", lang), s.Successor)
	}
	for _, n := range s.Notes {
		v.Notes = append(v.Notes, noteView{Text: n.Text.In(lang), Fix: n.Fix.In(lang), URL: n.URL})
	}
}

func newSetting(r *jsonResult, anchor, insteadOf, lang string) settingRow {
	ep := r.Endpoint
	row := settingRow{Proto: strings.ToUpper(string(ep.Proto)), Host: ep.Host, Port: fmt.Sprint(ep.Port),
		Security: SecurityLabel(ep.Security, lang), Source: withTrust(SourceLabel(ep.Source, lang), ep, lang), Status: statusBadge(r.Status, lang), Anchor: anchor}
	// A result that only warns still works for a client; the warning is in its findings.
	row.Works = r.Status == probes.OK || r.Status == probes.Warn
	switch {
	case row.Works && insteadOf != "":
		row.Result = fmt.Sprintf(label("insteadOf", lang), insteadOf)
	case row.Works:
		row.Result = label("works", lang)
	case r.Status == probes.Skip || r.Status == "":
		row.Result = label("notRun", lang)
	default:
		row.Result = label("fails", lang)
	}
	return row
}

func newResult(r *jsonResult, anchor, prefix, lang string, started time.Time) resultView {
	rv := resultView{Anchor: anchor, Heading: prefix + endpointHeading(r.Endpoint, lang), Status: statusBadge(r.Status, lang),
		Addr: r.Addr, Duration: ms(r.duration), RoundTrips: countLabel("roundTrip1", "roundTrips", r.RoundTrips, lang)}
	rv.Steps, rv.Findings = newSteps(r.Steps, anchor, lang)
	rv.Transcript = newLines(r.Steps)
	rv.Lines = countLabel("line1", "lines", len(rv.Transcript), lang)
	rv.Caps = strings.Join(r.Caps, " ")
	if r.Mailbox != nil {
		rv.Mailbox = mailboxLabel(r.Mailbox, r.Endpoint.Proto, lang)
	}
	if r.TLS != nil {
		rv.TLS = newTLS(r.TLS, lang, started)
	}
	if r.Alt != nil {
		alt := newResult(r.Alt, anchor+"-alt", label("worksWith", lang)+": ", lang, started)
		rv.Alt = &alt
	}
	return rv
}

// newTLS judges expiry against now, the report's start, so a saved report reads the same later.
func newTLS(t *probes.TLSInfo, lang string, now time.Time) *tlsView {
	tv := &tlsView{Version: t.Version, Cipher: t.Cipher, ServerName: t.ServerName, Verified: t.Verified,
		VerifyError: t.VerifyError, Verification: label("notVerified", lang)}
	if t.Verified {
		tv.Verification = label("verified", lang)
	}
	if now.IsZero() {
		now = time.Now()
	}
	for _, c := range t.Chain {
		tv.Chain = append(tv.Chain, certView{Subject: c.Subject, Issuer: c.Issuer, Names: strings.Join(c.SANs, ", "),
			NotBefore: day(c.NotBefore), NotAfter: day(c.NotAfter), Expired: !c.NotAfter.IsZero() && c.NotAfter.Before(now)})
	}
	return tv
}

func day(t time.Time) string {
	if t.IsZero() {
		return "?"
	}
	return t.UTC().Format("2006-01-02")
}

// newSteps builds the step rows and, in step order, the findings they link to.
func newSteps(steps []jsonStep, anchor, lang string) ([]stepView, []findingView) {
	var rows []stepView
	var fs []findingView
	for _, s := range steps {
		sv := stepView{Name: stepName(s.Name, lang), Status: statusBadge(s.Status, lang), Time: ms(s.duration),
			Detail: detailIn(s.Detail, lang), Error: evidenceIn(s.Error, lang)}
		for _, f := range s.Findings {
			fv := newFinding(f, fmt.Sprintf("%s-f%d", anchor, len(fs)+1), lang)
			fs = append(fs, fv)
			sv.Codes = append(sv.Codes, codeRef{Code: fv.Code, Severity: fv.Severity, Anchor: fv.Anchor})
		}
		rows = append(rows, sv)
	}
	return rows, fs
}

func newFinding(f jsonFinding, anchor, lang string) findingView {
	fv := findingView{Anchor: anchor, Code: string(f.Code), Severity: severityBadge(f.Severity, lang),
		Title: f.Title, Explain: f.Explanation, Fix: f.Fix, Evidence: evidenceIn(f.Evidence, lang), Ref: f.Ref}
	if fv.Title == fv.Code {
		fv.Title = "" // an uncatalogued code has its code as title; don't say it twice
	}
	if f.Provider != "" {
		fv.FixFor = fmt.Sprintf(label("providerFix", lang), f.Provider)
	}
	if strings.HasPrefix(f.Ref, "https://") || strings.HasPrefix(f.Ref, "http://") {
		fv.RefURL = f.Ref
	}
	return fv
}

// newLines flattens the steps' transcripts with swaks-style arrows and times from the start.
func newLines(steps []jsonStep) []lineView {
	var out []lineView
	for _, s := range steps {
		for _, l := range s.Lines {
			class := string(l.Dir)
			if l.TLS && l.Dir != probes.Note {
				class += " tls"
			}
			out = append(out, lineView{At: fmt.Sprintf("%8.3fs", l.At.Seconds()), Arrow: arrow(l), Text: clean(l.Text), Class: class})
		}
	}
	return out
}

func statusBadge(s probes.Status, lang string) badge {
	switch s {
	case probes.OK:
		return badge{"ok", "✓", label("st.ok", lang)}
	case probes.Warn:
		return badge{"warn", "!", label("st.warn", lang)}
	case probes.Fail:
		return badge{"fail", "✗", label("st.fail", lang)}
	}
	return badge{"skip", "–", label("st.skip", lang)}
}

func severityBadge(s findings.Severity, lang string) badge {
	switch s {
	case findings.SevError:
		return badge{"fail", "✗", label("sev.error", lang)}
	case findings.SevWarning:
		return badge{"warn", "!", label("sev.warning", lang)}
	}
	return badge{"info", "i", label("sev.info", lang)}
}

// countLabel is "1 round trip" for one, else the plural label with n.
func countLabel(one, many string, n int, lang string) string {
	if n == 1 {
		return label(one, lang)
	}
	return fmt.Sprintf(label(many, lang), n)
}

// mailboxLabel is "3 messages, 1024 bytes". IMAP's EXAMINE gives no size, so an IMAP mailbox
// with messages and no size has an unknown size, not 0 bytes.
func mailboxLabel(m *probes.Mailbox, proto probes.Proto, lang string) string {
	if m.Size == 0 && m.Messages > 0 && proto == probes.IMAP {
		return countLabel("message1N", "messagesN", m.Messages, lang)
	}
	if m.Messages == 1 {
		return fmt.Sprintf(label("message1", lang), m.Size)
	}
	return fmt.Sprintf(label("messages", lang), m.Messages, m.Size)
}

// endpointHeading names an endpoint for a report section in lang: "SMTP mail.example.com:587
// STARTTLS (given on the command line)".
func endpointHeading(ep probes.Endpoint, lang string) string {
	s := fmt.Sprintf("%s %s:%d %s", strings.ToUpper(string(ep.Proto)), ep.Host, ep.Port, SecurityLabel(ep.Security, lang))
	if src := withTrust(SourceLabel(ep.Source, lang), ep, lang); src != "" {
		s += " (" + src + ")"
	}
	return s
}
