package reports

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/mailcheck/mailcheck/probes"
)

// view is a report resolved into one language and into display strings. Markdown and HTML both
// render from it, so the two formats show the same content in the same order. Strings in a view
// are plain text: each renderer escapes them for its own syntax.
type view struct {
	Lang     string
	Title    string // "mailcheck probe smtp mail.example.com"
	Started  string
	Elapsed  string
	Verdict  badge // the summary line: Class from Verdict()'s status, Text its sentence
	Settings []settingRow
	// Provider, Auth and Notes come from the report's settings (provider, account).
	Provider  string
	Auth      string
	Closed    string
	Notes     []noteView
	HasUser   bool
	Findings  []findingView // cross-endpoint conclusions
	Discovery *stepsView
	Results   []resultView
	Schema    string
	L         map[string]string // every label in Lang, for the template

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
	Heading    string // EndpointTitle, prefixed "Works with: " for an Alt result
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

// newView resolves rep into lang.
func newView(rep *probes.Report, lang string) *view {
	v := &view{Lang: lang, Schema: rep.Schema, L: map[string]string{}}
	for k, t := range labels {
		v.L[k] = t.In(lang)
	}
	for k, t := range settingsLabels {
		if _, ok := v.L[k]; !ok {
			v.L[k] = t.In(lang)
		}
	}
	v.Title = strings.TrimSpace(strings.Join([]string{"mailcheck", rep.Command, rep.Input}, " "))
	if !rep.Started.IsZero() {
		v.Started = rep.Started.UTC().Format("2006-01-02 15:04:05 UTC")
	}
	v.Elapsed = ms(rep.Elapsed)
	st, text := Verdict(rep, lang)
	v.Verdict = statusBadge(st, lang)
	v.Verdict.Text = text

	for i, f := range rep.Findings {
		v.Findings = append(v.Findings, newFinding(f, fmt.Sprintf("x-f%d", i+1), lang))
	}
	if len(rep.Discovery) > 0 {
		d := &stepsView{}
		d.Steps, d.Findings = newSteps(rep.Discovery, "d", lang)
		d.Transcript = newLines(rep.Discovery)
		d.Lines = fmt.Sprintf(label("lines", lang), len(d.Transcript))
		v.Discovery = d
	}
	for i := range rep.Results {
		r := &rep.Results[i]
		anchor := fmt.Sprintf("ep%d", i+1)
		rv := newResult(r, anchor, "", lang, rep.Started)
		v.Results = append(v.Results, rv)
		if rep.Settings == nil && len(rep.Checks) == 0 { // a conformance report judges the server, not client settings
			v.Settings = append(v.Settings, newSetting(r, anchor, "", lang))
		}
		if r.Alt != nil {
			v.Settings = append(v.Settings, newSetting(r.Alt, anchor+"-alt", string(r.Endpoint.Security), lang))
		}
	}
	if s := rep.Settings; s != nil {
		v.applySettings(rep, s, lang)
	}
	if len(rep.Checks) > 0 {
		v.Checks = newChecks(rep.Checks, lang)
		v.ChecksSummary = ChecksSummary(rep.Checks, lang)
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
func (v *view) applySettings(rep *probes.Report, s *probes.Settings, lang string) {
	var rows []settingRow
	for _, ep := range s.Endpoints {
		row := settingRow{Proto: strings.ToUpper(string(ep.Proto)), Host: ep.Host, Port: fmt.Sprint(ep.Port),
			Security: string(ep.Security), Source: ep.Source, Status: statusBadge(probes.Skip, lang), Result: label("notRun", lang)}
		if ep.Alt {
			row.Result = label("altNotRun", lang)
		}
		for i := range rep.Results {
			if r := &rep.Results[i]; r.Endpoint.Proto == ep.Proto && r.Endpoint.Host == ep.Host && r.Endpoint.Port == ep.Port {
				row = newSetting(r, fmt.Sprintf("ep%d", i+1), "", lang)
				break
			}
		}
		row.Alt = ep.Alt
		row.Security = SecurityLabel(ep.Security)
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

func newSetting(r *probes.Result, anchor, insteadOf, lang string) settingRow {
	ep := r.Endpoint
	row := settingRow{Proto: strings.ToUpper(string(ep.Proto)), Host: ep.Host, Port: fmt.Sprint(ep.Port),
		Security: string(ep.Security), Source: ep.Source, Status: statusBadge(r.Status, lang), Anchor: anchor}
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

func newResult(r *probes.Result, anchor, prefix, lang string, started time.Time) resultView {
	rv := resultView{Anchor: anchor, Heading: prefix + EndpointTitle(r.Endpoint), Status: statusBadge(r.Status, lang),
		Addr: r.Addr, Duration: ms(r.Duration), RoundTrips: fmt.Sprintf("%d %s", r.RoundTrips, label("roundTrips", lang))}
	rv.Steps, rv.Findings = newSteps(r.Steps, anchor, lang)
	rv.Transcript = newLines(r.Steps)
	rv.Lines = fmt.Sprintf(label("lines", lang), len(rv.Transcript))
	rv.Caps = strings.Join(r.Caps, " ")
	if r.Mailbox != nil {
		rv.Mailbox = fmt.Sprintf(label("messages", lang), r.Mailbox.Messages, r.Mailbox.Size)
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
func newSteps(steps []probes.Step, anchor, lang string) ([]stepView, []findingView) {
	var rows []stepView
	var fs []findingView
	for _, s := range steps {
		sv := stepView{Name: s.Name, Status: statusBadge(s.Status, lang), Time: ms(s.Duration), Detail: s.Detail, Error: s.Error}
		for _, f := range s.Findings {
			fv := newFinding(f, fmt.Sprintf("%s-f%d", anchor, len(fs)+1), lang)
			fs = append(fs, fv)
			sv.Codes = append(sv.Codes, codeRef{Code: fv.Code, Severity: fv.Severity, Anchor: fv.Anchor})
		}
		rows = append(rows, sv)
	}
	return rows, fs
}

func newFinding(f findings.Finding, anchor, lang string) findingView {
	fv := findingView{Anchor: anchor, Code: string(f.Code), Severity: severityBadge(f.Severity, lang),
		Title: f.Title.In(lang), Explain: f.Explain.In(lang), Fix: f.Fix.In(lang), Evidence: f.Evidence, Ref: f.Ref}
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
func newLines(steps []probes.Step) []lineView {
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
