package reports

import (
	"fmt"
	"io"

	"github.com/mailcheck/mailcheck/probes"
)

// Conformance checks (mailcheck conform) render as one table: the check, its level, the
// verdict, the RFC clause and the evidence or the reason. The same rows feed every format.

// checkView is one check resolved into the report's language.
type checkView struct {
	ID       string
	Level    string
	Verdict  badge
	RFC      string // "RFC 5321 §4.2.1"
	Title    string
	Reason   string
	Evidence string
	Step     string
}

func verdictBadge(v probes.Verdict, lang string) badge {
	switch v {
	case probes.VerdictPass:
		return badge{"ok", "✓", label("v.pass", lang)}
	case probes.VerdictFail:
		return badge{"fail", "✗", label("v.fail", lang)}
	case probes.VerdictWarn:
		return badge{"warn", "!", label("v.warn", lang)}
	}
	return badge{"skip", "–", label("v.skip", lang)}
}

// checkTitle is the check's title in lang, from the suite definition when it is known (toJSON
// resolves it; the view reads the resolved title).
func checkTitle(c probes.Check, lang string) string {
	if d, ok := probes.LookupCheck(c.ID); ok {
		return d.Title.In(lang)
	}
	return c.Title
}

// newChecks takes checks whose titles toJSON already resolved into lang.
func newChecks(cs []probes.Check, lang string) []checkView {
	out := make([]checkView, 0, len(cs))
	for _, c := range cs {
		rfc := c.RFC
		if c.Section != "" {
			rfc += " §" + c.Section
		}
		out = append(out, checkView{ID: c.ID, Level: string(c.Level), Verdict: verdictBadge(c.Verdict, lang), RFC: rfc,
			Title: c.Title, Reason: c.Reason, Evidence: c.Evidence, Step: c.Step})
	}
	return out
}

// ChecksSummary counts verdicts: "23 pass, 1 fail (1 MUST), 0 warn, 2 skip".
func ChecksSummary(cs []probes.Check, lang string) string {
	var pass, fail, must, warn, skip int
	for _, c := range cs {
		switch c.Verdict {
		case probes.VerdictPass:
			pass++
		case probes.VerdictFail:
			fail++
			if c.Level == probes.LevelMust {
				must++
			}
		case probes.VerdictWarn:
			warn++
		default:
			skip++
		}
	}
	return fmt.Sprintf(label("checkSummary", lang), pass, fail, must, warn, skip)
}

// writeChecks prints the conformance table: the title for every check, the reason and the
// evidence where the verdict is not a pass (the JSON, Markdown and HTML show all evidence).
func writeChecks(w io.Writer, v *view, p palette, width int) error {
	fmt.Fprintf(w, "\n%s: %s\n", p.bold.Sprint(v.L["conformance"]), v.ChecksSummary)
	var rows [][]string
	for _, c := range v.Checks {
		d := c.Title
		switch {
		case c.Verdict.Class == "skip":
			d += " — " + c.Reason
		case c.Verdict.Class != "ok" && c.Reason != "" && c.Evidence != "":
			d += " — " + c.Reason + ": " + c.Evidence
		case c.Verdict.Class != "ok":
			d += " — " + c.Reason + c.Evidence
		}
		rows = append(rows, []string{c.ID, c.Level, p.paint(c.Verdict.Class, c.Verdict.Text), c.RFC, clean(truncateRunes(d, 400))})
	}
	return renderFitted(w, []string{v.L["check"], v.L["level"], v.L["verdict"], v.L["rfc"], v.L["detail"]}, rows, width, []int{4, 3}, 6) // the check id stays whole: it is what a ticket quotes
}
