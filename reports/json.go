package reports

import (
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// The JSON schema (mailcheck/v1, README "JSON"): a report resolved into one language. Each
// type lists its fields in the order they are written; the engine's types stay plain data.
//
// toJSON is the one step that resolves a report into a language, for every format: the JSON
// output is its document as it stands, and newView (view.go) turns the same document into the
// display strings the table, Markdown and HTML render. The unexported fields carry what the
// human formats show and the JSON leaves out or rounds (exact durations, the verdict sentence);
// encoding/json never writes them.

type jsonReport struct {
	DurationMS int64            `json:"duration_ms"`
	Schema     string           `json:"schema"`
	Command    string           `json:"command"`
	Input      string           `json:"input"`
	Started    time.Time        `json:"started"`
	Lang       string           `json:"lang"`
	Provider   string           `json:"provider,omitempty"`
	Settings   *probes.Settings `json:"settings,omitempty"`
	Discovery  []jsonStep       `json:"discovery,omitempty"`
	Results    []jsonResult     `json:"results"`
	Findings   []jsonFinding    `json:"findings,omitempty"`
	Status     probes.Status    `json:"status"`
	// Verdict is the summary line in the report's language: for a failure the top problem and
	// the first step of its fix.
	Verdict string         `json:"verdict"`
	Checks  []probes.Check `json:"checks,omitempty"`

	elapsed  time.Duration
	verdict  verdictLine
	problems []problemView // the findings grouped into distinct problems, most important first
}

// verdictLine is Verdict's answer: the status it shows and its sentence in the report's language.
type verdictLine struct {
	status probes.Status
	text   string
}

type jsonResult struct {
	DurationMS int64            `json:"duration_ms"`
	Endpoint   probes.Endpoint  `json:"endpoint"`
	Status     probes.Status    `json:"status"`
	Addr       string           `json:"addr,omitempty"`
	Steps      []jsonStep       `json:"steps"`
	TLS        *probes.TLSInfo  `json:"tls,omitempty"`
	Caps       []string         `json:"capabilities,omitempty"`
	Mailbox    *probes.Mailbox  `json:"mailbox,omitempty"`
	Limits     *probes.Limits   `json:"limits,omitempty"`   // what the capabilities allow
	Delivery   *probes.Delivery `json:"delivery,omitempty"` // --send-test only
	RoundTrips int              `json:"round_trips"`
	Alt        *jsonResult      `json:"works_with,omitempty"`

	duration time.Duration
}

type jsonStep struct {
	StartMS    int64         `json:"start_ms"`
	DurationMS int64         `json:"duration_ms"`
	Name       string        `json:"name"`
	Status     probes.Status `json:"status"`
	Kind       probes.Kind   `json:"kind,omitempty"`
	Error      string        `json:"error,omitempty"`
	Detail     string        `json:"detail,omitempty"`
	Lines      []probes.Line `json:"transcript"`
	Findings   []jsonFinding `json:"findings,omitempty"`

	duration time.Duration
}

type jsonFinding struct {
	Code        findings.Code     `json:"code"`
	Severity    findings.Severity `json:"severity"`
	Ref         string            `json:"ref,omitempty"`
	Evidence    string            `json:"evidence"`
	Provider    string            `json:"provider,omitempty"`
	Check       string            `json:"check,omitempty"`
	Title       string            `json:"title"`
	Explanation string            `json:"explanation"`
	Fix         string            `json:"fix"`
}

// JSONDoc returns rep as its JSON document in lang; it copies, never changes, rep.
func JSONDoc(rep *probes.Report, lang string) any { return toJSON(rep, lang) }

// toJSON resolves rep into lang. It copies: the document shares only data it never changes
// (settings, TLS details, transcripts) with rep.
func toJSON(rep *probes.Report, lang string) jsonReport {
	out := jsonReport{DurationMS: rep.Elapsed.Milliseconds(), Schema: rep.Schema, Command: rep.Command,
		Input: rep.Input, Started: rep.Started, Lang: lang, Provider: rep.Provider, Settings: rep.Settings,
		Discovery: jsonSteps(rep.Discovery, lang), Results: make([]jsonResult, len(rep.Results)),
		Findings: jsonFindings(rep.Findings, lang), Status: rep.Status, elapsed: rep.Elapsed}
	for i := range rep.Results {
		out.Results[i] = jsonResultOf(&rep.Results[i], lang)
	}
	out.problems = problemsOf(&out)
	out.verdict = verdictOf(&out, out.problems, loginTried(rep))
	out.Verdict = out.verdict.text
	for _, c := range rep.Checks {
		c.Title = checkTitle(c, lang)
		out.Checks = append(out.Checks, c)
	}
	return out
}

func jsonResultOf(r *probes.Result, lang string) jsonResult {
	out := jsonResult{DurationMS: r.Duration.Milliseconds(), Endpoint: r.Endpoint, Status: r.Status, Addr: r.Addr,
		Steps: jsonSteps(r.Steps, lang), TLS: r.TLS, Caps: r.Caps, Mailbox: r.Mailbox, Limits: r.Limits, Delivery: r.Delivery, RoundTrips: r.RoundTrips, duration: r.Duration}
	if out.Steps == nil {
		out.Steps = []jsonStep{}
	}
	if r.Alt != nil {
		alt := jsonResultOf(r.Alt, lang)
		out.Alt = &alt
	}
	return out
}

func jsonSteps(steps []probes.Step, lang string) []jsonStep {
	if steps == nil {
		return nil
	}
	out := make([]jsonStep, len(steps))
	for i, s := range steps {
		lines := s.Lines
		if lines == nil {
			lines = []probes.Line{} // CLI.md: every step lists its transcript, empty or not
		}
		out[i] = jsonStep{StartMS: s.Start.Milliseconds(), DurationMS: s.Duration.Milliseconds(), Name: s.Name,
			Status: s.Status, Kind: s.Kind, Error: s.Error, Detail: s.Detail, Lines: lines,
			Findings: jsonFindings(s.Findings, lang), duration: s.Duration}
	}
	return out
}

func jsonFindings(fs []findings.Finding, lang string) []jsonFinding {
	if fs == nil {
		return nil
	}
	out := make([]jsonFinding, len(fs))
	for i, f := range fs {
		out[i] = jsonFinding{Code: f.Code, Severity: f.Severity, Ref: f.Ref, Evidence: f.Evidence,
			Provider: f.Provider, Check: f.Check, Title: f.Title.In(lang), Explanation: f.Explain.In(lang),
			Fix: f.Fix.In(lang)}
	}
	return out
}
