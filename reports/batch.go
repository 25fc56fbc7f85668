package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// BatchLine is one JSON Lines record of batch: the line number and text of the input, and its
// report or why the line could not be read.
type BatchLine struct {
	Line   int
	Input  string
	Error  string
	Note   string // e.g. why batch --send-test ran no round trip for this line
	Report *probes.Report
}

type jsonBatchLine struct {
	Line   int         `json:"line"`
	Input  string      `json:"input"`
	Error  string      `json:"error,omitempty"`
	Note   string      `json:"note,omitempty"`
	Report *jsonReport `json:"report,omitempty"`
}

// MarshalBatchLine is l as one JSON line (no newline) in lang.
func MarshalBatchLine(l *BatchLine, lang string) []byte {
	out := jsonBatchLine{Line: l.Line, Input: l.Input, Error: l.Error, Note: l.Note}
	if l.Report != nil {
		j := toJSON(l.Report, lang)
		out.Report = &j
	}
	b, err := json.Marshal(out)
	if err != nil {
		b, _ = json.Marshal(jsonBatchLine{Line: l.Line, Input: l.Input, Error: "encoding: " + err.Error()})
	}
	return b
}

// BatchStats is the bounded summary kept while batch results stream out.
type BatchStats struct {
	mu       sync.Mutex
	Targets  int
	Bad      int
	byStatus map[probes.Status]int
	byCode   map[findings.Code]int
	Failed   bool       // some report's status is fail
	FirstBad *BatchLine // the earliest unreadable line, for the error message
}

// Add counts one record.
func (s *BatchStats) Add(l *BatchLine) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byStatus == nil {
		s.byStatus, s.byCode = map[probes.Status]int{}, map[findings.Code]int{}
	}
	s.Targets++
	if l.Error != "" {
		s.Bad++
		if s.FirstBad == nil || l.Line < s.FirstBad.Line {
			s.FirstBad = &BatchLine{Line: l.Line, Input: l.Input, Error: l.Error}
		}
		return
	}
	s.byStatus[l.Report.Status]++
	seen := map[findings.Code]bool{}
	for _, f := range l.Report.AllFindings() {
		if f.Severity == findings.SevInfo || seen[f.Code] {
			continue
		}
		seen[f.Code] = true
		s.byCode[f.Code]++
	}
	if l.Report.Status == probes.Fail {
		s.Failed = true
	}
}

// Write prints the summary: counts by status, then targets per finding code.
func (s *BatchStats) Write(w io.Writer, took time.Duration) error {
	fmt.Fprintf(w, "%d targets in %s (%.0f/s): %d ok, %d warn, %d fail, %d unreadable lines\n",
		s.Targets, took.Round(time.Millisecond), float64(s.Targets)/took.Seconds(),
		s.byStatus[probes.OK], s.byStatus[probes.Warn], s.byStatus[probes.Fail], s.Bad)
	if len(s.byCode) == 0 {
		return nil
	}
	codes := make([]findings.Code, 0, len(s.byCode))
	for c := range s.byCode {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool {
		if s.byCode[codes[i]] != s.byCode[codes[j]] {
			return s.byCode[codes[i]] > s.byCode[codes[j]]
		}
		return codes[i] < codes[j]
	})
	t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off))
	t.Header("Finding", "Targets")
	for _, c := range codes {
		t.Append(string(c), fmt.Sprint(s.byCode[c]))
	}
	return t.Render()
}

// WriteJSON writes v as indented JSON, as every JSON output of mailcheck is.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// BatchHeader names the columns of batch's table and CSV rows.
func BatchHeader(lang string) []string {
	return []string{findings.Text{EN: "line", ZH: "行"}.In(lang), findings.Text{EN: "input", ZH: "输入"}.In(lang),
		label("status", lang), label("findings", lang), label("verdict", lang)}
}

// BatchRow is one batch record as a table or CSV row: the line, the input, the status, the
// distinct finding codes and the verdict sentence (or why the line could not be read).
func BatchRow(l *BatchLine, lang string) []string {
	row := []string{fmt.Sprint(l.Line), cleanText(l.Input)}
	if l.Report == nil {
		return append(row, "error", "", cleanText(l.Error))
	}
	d := toJSON(l.Report, lang)
	var codes []string
	for _, p := range d.problems {
		codes = append(codes, p.Code)
	}
	return append(row, string(l.Report.Status), strings.Join(codes, " "), clean(d.verdict.text))
}

// WriteBatchRow writes one row of batch's streaming table: fixed columns for the line, status
// and input, then the codes and the verdict, the whole row cut to width (the JSON Lines and CSV keep it all).
func WriteBatchRow(w io.Writer, row []string, width int) error {
	line := fmt.Sprintf("%5s  %-5s %-32s ", row[0], row[2], shorten(clean(row[1]), 32))
	if row[3] != "" && row[2] != "error" {
		line += "[" + row[3] + "] "
	}
	line += row[4]
	_, err := fmt.Fprintln(w, shorten(line, tableWidth(width)))
	return err
}
