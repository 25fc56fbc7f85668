package reports

import (
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

var htmlVerdictRE = regexp.MustCompile(`<section class="verdict ([a-z]+)" role="status">\n` +
	`<span class="big" aria-hidden="true">([^<]*)</span>\n<div><p class="kicker">[^<]*</p><p class="vtext">([^<]*)</p>`)

// TestVerdictAcrossFormats: for a report in every status, the JSON "status", the table's
// Verdict line, the Markdown verdict and the HTML verdict badge all show rep.Status, with the
// sentence for that status.
func TestVerdictAcrossFormats(t *testing.T) {
	for _, c := range statusCases {
		rep := c.rep()
		if rep.Status != c.want {
			t.Fatalf("%s: fixture has status %q, want %q", c.name, rep.Status, c.want)
		}
		for _, lang := range []string{"en", "zh"} {
			name := c.name + "/" + lang
			st, text := Verdict(rep, lang)
			want := label(c.key, lang)
			if strings.Contains(want, "%d") {
				want = fmt.Sprintf(want, c.n)
			}
			switch c.key {
			case "problems":
				want = countLabel("problem1", "problems", c.n, lang)
			}
			switch c.key {
			case "ok": // probed, no password: the verdict says the login was not tested
				want = slbl("noLogin", lang)
			case "warnings":
				want = fmt.Sprintf(slbl("worksWarn", lang), plural("warning", c.n, lang))
			case "problems":
				if c.name == "fail" { // the top problem and the first step of its fix
					f := findings.New(findings.TLSRequired, "")
					want = f.Title.In(lang) + " — " + firstSentence(f.Fix.In(lang))
				}
			}
			if st != rep.Status || text != want {
				t.Errorf("%s: Verdict = %s %q, want %s %q", name, st, text, rep.Status, want)
			}
			class := statusBadge(rep.Status, lang).Class

			var doc struct{ Status probes.Status }
			if err := json.Unmarshal([]byte(renderString(t, rep, JSON, Options{Lang: lang})), &doc); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if doc.Status != rep.Status {
				t.Errorf("%s: JSON status %q, want %q", name, doc.Status, rep.Status)
			}

			for _, color := range []bool{false, true} {
				lines := strings.Split(renderString(t, rep, Table, Options{Lang: lang, Color: color, Width: 1000}), "\n")
				wantLine := newPalette(color).paint(class, statusBadge(rep.Status, lang).Icon+" "+want)
				if len(lines) < 2 || lines[1] != wantLine {
					t.Errorf("%s: table verdict line (colour %v) %q, want %q", name, color, lines[min(1, len(lines)-1)], wantLine)
				}
			}

			md := strings.Split(renderString(t, rep, Markdown, Options{Lang: lang}), "\n")
			wantMD := "**" + label("verdict", lang) + ": " + mdIcon(class) + " " + mdText(want) + "**"
			if len(md) < 3 || md[2] != wantMD {
				t.Errorf("%s: Markdown verdict %q, want %q", name, md[min(2, len(md)-1)], wantMD)
			}

			page := renderString(t, rep, HTML, Options{Lang: lang})
			m := htmlVerdictRE.FindAllStringSubmatch(page, -1)
			if len(m) != 1 {
				t.Errorf("%s: %d HTML verdict sections, want 1", name, len(m))
				continue
			}
			if m[0][1] != class || m[0][2] != statusBadge(rep.Status, lang).Icon || html.UnescapeString(m[0][3]) != want {
				t.Errorf("%s: HTML verdict %q %q %q, want %q %q %q", name, m[0][1], m[0][2], m[0][3],
					class, statusBadge(rep.Status, lang).Icon, want)
			}
		}
	}
}

// TestSettingsOnlyVerdict: an offline report has checked nothing, so no format may say "no
// problems found"; it says settings only, in the neutral skip style.
func TestSettingsOnlyVerdict(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		want := label("offline", lang)
		for _, f := range []Format{Table, Markdown, HTML} {
			out := renderString(t, settingsOnly(), f, Options{Lang: lang, Color: f == Table, Width: 1000})
			if strings.Contains(out, label("ok", lang)) {
				t.Errorf("%s %s claims %q:\n%s", lang, f, label("ok", lang), out)
			}
			var style string
			switch f {
			case Table:
				style = newPalette(true).skip.Sprint("– " + want) // grey, not green
			case Markdown:
				style = "**" + label("verdict", lang) + ": ⏭️ " + mdText(want) + "**"
			case HTML:
				style = `<section class="verdict skip" role="status">`
				if !strings.Contains(out, ".verdict.skip {") {
					t.Errorf("%s html: no CSS for the skip verdict", lang)
				}
			}
			if !strings.Contains(out, style) {
				t.Errorf("%s %s lacks %q:\n%s", lang, f, style, out)
			}
		}
	}
	// Anything found, or anything probed, decides the verdict as before.
	rep := settingsOnly()
	rep.Findings = []findings.Finding{findings.New(findings.ProviderClosed, "closed")}
	rep.Status = probes.StatusOf(rep)
	if st, _ := Verdict(rep, "en"); st != probes.Fail {
		t.Errorf("settings with an error finding: verdict %s, want fail", st)
	}
	rep = settingsOnly()
	rep.Results = []probes.Result{{Endpoint: rep.Settings.Endpoints[0], Status: probes.OK}}
	rep.Status = probes.StatusOf(rep)
	if st, text := Verdict(rep, "en"); st != probes.OK || text != slbl("noLogin", "en") {
		t.Errorf("settings with a probed endpoint: verdict %s %q, want ok", st, text)
	}
}

// TestExplainNoMatchVerdict: explain that recognised nothing has checked nothing, so it does
// not say "no problems found"; a recognised line keeps its verdict.
func TestExplainNoMatchVerdict(t *testing.T) {
	rep := &probes.Report{Schema: probes.Schema, Command: "explain", Input: "hello", Status: probes.Skip,
		Findings: []findings.Finding{findings.New(findings.ExplainNoMatch, "no known signature matched")}}
	for _, lang := range []string{"en", "zh"} {
		if table := renderString(t, rep, Table, Options{Lang: lang}); strings.Contains(table, label("ok", lang)) {
			t.Errorf("%s table claims %q:\n%s", lang, label("ok", lang), table)
		}
	}
	rep.Findings = []findings.Finding{findings.New(findings.TLSRequired, "530 5.7.0 Must issue a STARTTLS command first")}
	rep.Status = probes.StatusOf(rep)
	if st, _ := Verdict(rep, "en"); st != probes.Fail {
		t.Errorf("recognised error: verdict %s, want fail", st)
	}
}
