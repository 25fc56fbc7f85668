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

// WriteLabSummary prints one line per scenario and whether it produced its expected findings;
// it returns how many did not.
func WriteLabSummary(w io.Writer, outcomes []LabOutcome, elapsed time.Duration) (bad int, err error) {
	var rows [][]string
	for _, c := range outcomes {
		okv := "yes"
		if !c.OK {
			okv = "NO (want " + strings.Join(c.Want, " ") + ")"
			bad++
		}
		rows = append(rows, []string{c.Name, strings.ToUpper(string(c.Status)), strings.Join(c.Got, " "), okv})
	}
	// 80 columns: the findings and the verdict wrap, the scenario name (to type) stays whole.
	if err := renderList(w, []string{"Scenario", "Status", "Findings", "As expected"}, rows, DefaultWidth, []int{2, 3}); err != nil {
		return bad, err
	}
	fmt.Fprintf(w, "\n%d scenarios in %s; run 'mailcheck lab NAME' for a full diagnosis, e.g. 'mailcheck lab smtp-tls-required'.\n",
		len(outcomes), elapsed.Round(time.Millisecond))
	if bad > 0 {
		fmt.Fprintf(w, "%d scenario(s) did not produce their expected findings.\n", bad)
	} else {
		fmt.Fprintln(w, "Every scenario produced exactly its expected findings.")
	}
	return bad, nil
}
