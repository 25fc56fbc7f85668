package reports

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// LabWant is what one lab scenario must produce: its error and warning codes and its status.
type LabWant struct {
	Name   string
	Codes  []string
	Status string
}

// LabOutcome is one scenario's result against its expectation.
type LabOutcome struct {
	Name      string
	Status    probes.Status
	Got, Want []string // error and warning codes, sorted
	OK        bool
}

// LabOutcomes compares each scenario's result (rep.Results[i] for wants[i]) with what it must produce.
func LabOutcomes(rep *probes.Report, wants []LabWant) []LabOutcome {
	out := make([]LabOutcome, len(wants))
	for i, w := range wants {
		r := rep.Results[i]
		var got []string
		for _, f := range r.Findings() {
			if f.Severity != findings.SevInfo && !slices.Contains(got, string(f.Code)) {
				got = append(got, string(f.Code))
			}
		}
		want := slices.Clone(w.Codes)
		slices.Sort(got)
		slices.Sort(want)
		out[i] = LabOutcome{Name: w.Name, Status: r.Status, Got: got, Want: want,
			OK: slices.Equal(got, want) && string(r.Status) == w.Status}
	}
	return out
}

// WriteLabSummary prints one line per scenario and whether it produced its expected findings,
// fitted to o.Width (80 when unknown) in o.Lang; it returns how many did not.
func WriteLabSummary(w io.Writer, outcomes []LabOutcome, elapsed time.Duration, o Options) (bad int, err error) {
	lang := o.Lang
	var rows [][]string
	for _, c := range outcomes {
		got := strings.Join(c.Got, " ")
		if !c.OK {
			// The expectation goes in the findings cell, so three columns fit 80.
			got = strings.TrimSpace(got + "\n" + fmt.Sprintf(labNotExpected.In(lang), strings.Join(c.Want, " ")))
			bad++
		}
		rows = append(rows, []string{c.Name, statusBadge(c.Status, lang).Text, got})
	}
	head := []string{labHead[0].In(lang), labHead[1].In(lang), labHead[2].In(lang)}
	// The findings wrap; the scenario name (to type) stays whole.
	if err := renderList(w, head, rows, tableWidth(o.Width), []int{2}); err != nil {
		return bad, err
	}
	b := &strings.Builder{}
	b.WriteString("\n")
	for _, l := range wrapText(fmt.Sprintf(labRan.In(lang), len(outcomes), ms(elapsed)), tableWidth(o.Width)) {
		b.WriteString(l + "\n")
	}
	if bad > 0 {
		fmt.Fprintf(b, labBad.In(lang)+"\n", bad)
	} else {
		b.WriteString(labAllGood.In(lang) + "\n")
	}
	_, err = io.WriteString(w, b.String())
	return bad, err
}

var (
	labHead        = [3]findings.Text{{EN: "Scenario", ZH: "场景"}, {EN: "Status", ZH: "状态"}, {EN: "Findings", ZH: "发现的问题"}}
	labNotExpected = findings.Text{EN: "NOT AS EXPECTED, want: %s", ZH: "与预期不符，应为：%s"}
	labRan         = findings.Text{EN: "%d scenarios in %s; run 'mailcheck lab NAME' for a full diagnosis, e.g. 'mailcheck lab smtp-tls-required'.",
		ZH: "%d 个场景，用时 %s；运行 'mailcheck lab 名称' 查看完整诊断，例如 'mailcheck lab smtp-tls-required'。"}
	labBad     = findings.Text{EN: "%d scenario(s) did not produce their expected findings.", ZH: "%d 个场景没有得出预期的问题。"}
	labAllGood = findings.Text{EN: "Every scenario produced exactly its expected findings.", ZH: "每个场景都恰好得出了预期的问题。"}
)
