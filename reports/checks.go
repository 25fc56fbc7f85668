package reports

import (
	"fmt"
	"io"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

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

// checkTitle is the check's title in lang, from the suite definition when it is known.
func checkTitle(c probes.Check, lang string) string {
	if d, ok := probes.LookupCheck(c.ID); ok {
		return d.Title.In(lang)
	}
	return c.Title
}

func newChecks(cs []probes.Check, lang string) []checkView {
	out := make([]checkView, 0, len(cs))
	for _, c := range cs {
		rfc := c.RFC
		if c.Section != "" {
			rfc += " §" + c.Section
		}
		out = append(out, checkView{ID: c.ID, Level: string(c.Level), Verdict: verdictBadge(c.Verdict, lang), RFC: rfc,
			Title: checkTitle(c, lang), Reason: c.Reason, Evidence: c.Evidence, Step: c.Step})
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

func (p palette) verdict(v probes.Verdict, lang string) string {
	b := verdictBadge(v, lang)
	switch v {
	case probes.VerdictPass:
		return p.ok.Sprint(b.Text)
	case probes.VerdictFail:
		return p.fail.Sprint(b.Text)
	case probes.VerdictWarn:
		return p.warn.Sprint(b.Text)
	}
	return p.skip.Sprint(b.Text)
}

// writeChecks prints the conformance table: the title for every check, the reason and the
// evidence where the verdict is not a pass (the JSON, Markdown and HTML show all evidence).
func writeChecks(w io.Writer, cs []probes.Check, o Options, p palette) error {
	fmt.Fprintf(w, "\n%s: %s\n", p.bold.Sprint(label("conformance", o.Lang)), ChecksSummary(cs, o.Lang))
	t := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithRowMaxWidth(110),
	)
	t.Header(label("check", o.Lang), label("level", o.Lang), label("verdict", o.Lang), label("rfc", o.Lang), label("detail", o.Lang))
	for i, c := range newChecks(cs, o.Lang) {
		d := c.Title
		switch {
		case c.Verdict.Class == "skip":
			d += " — " + c.Reason
		case c.Verdict.Class != "ok" && c.Reason != "" && c.Evidence != "":
			d += " — " + c.Reason + ": " + c.Evidence
		case c.Verdict.Class != "ok":
			d += " — " + c.Reason + c.Evidence
		}
		t.Append(c.ID, c.Level, p.verdict(cs[i].Verdict, o.Lang), c.RFC, clean(truncateRunes(d, 200)))
	}
	return t.Render()
}
