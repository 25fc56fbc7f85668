package reports

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// problemView is one distinct problem of a report: a finding code (with one fix) and every
// place it was seen. The same finding on four endpoints is one problem that hit four endpoints,
// shown once; the verdict counts problems, so its count is the number of entries shown.
type problemView struct {
	findingView
	Cross bool     // a conclusion across endpoints (the report's own finding)
	Where []string // where it was seen: "SMTP mail.example.com:587", "discovery"
	// Hits says where in words: "4 endpoints", "SMTP mail.example.com:587"; empty for a
	// cross-endpoint conclusion, which is about the whole run.
	Hits     string
	Evidence []string // the distinct evidence lines, in order seen
}

var summaryLabels = map[string]findings.Text{
	"endpoint1": {EN: "1 endpoint", ZH: "1 个服务器"},
	"endpointN": {EN: "%d endpoints", ZH: "%d 个服务器"},
	"problem1":  {EN: "1 problem", ZH: "1 个问题"},
	"problemN":  {EN: "%d problems", ZH: "%d 个问题"},
	"warning1":  {EN: "1 warning", ZH: "1 个警告"},
	"warningN":  {EN: "%d warnings", ZH: "%d 个警告"},
	"more1":     {EN: "1 more problem below", ZH: "下面还有 1 个问题"},
	"moreN":     {EN: "%d more problems below", ZH: "下面还有 %d 个问题"},
	"whatToDo":  {EN: "What to do", ZH: "处理办法"},
	"where":     {EN: "Seen on", ZH: "出现于"},
	"discovery": {EN: "discovery", ZH: "设置查找"},
	"andMore":   {EN: "(+%d more)", ZH: "（另有 %d 条）"},
	"seeAbove":  {EN: "why and fix above", ZH: "原因和解决办法见上文"},
	"worksWarn": {EN: "works, with %s", ZH: "可以使用，但有 %s"},
	"noLogin":   {EN: "no problems found; the login was not tested (no password given)", ZH: "未发现问题；未测试登录（未提供密码）"},
}

func slbl(key, lang string) string { return summaryLabels[key].In(lang) }

// plural picks "1 thing" or "N things" from a pair of labels KEY1 and KEYN.
func plural(key string, n int, lang string) string {
	if n == 1 {
		return slbl(key+"1", lang)
	}
	return fmt.Sprintf(slbl(key+"N", lang), n)
}

// problemsOf groups a report's findings, resolved into its language, into distinct problems:
// by code and the provider whose fix they carry, so a provider-specific fix stays apart from
// the generic one. The order is the
// order of importance: errors, then warnings, then notes; within each, conclusions across
// endpoints first (they explain the rest), then the problem seen on most endpoints, then the one
// seen first.
func problemsOf(d *jsonReport) []problemView {
	var out []problemView
	index := map[string]int{}
	fixes := map[int]map[string]bool{}
	add := func(f jsonFinding, where string, cross bool) {
		k := string(f.Code) + "\x00" + f.Provider
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, problemView{findingView: newFinding(f, "", d.Lang), Cross: cross})
			fixes[i] = map[string]bool{}
		}
		fixes[i][f.Fix] = true
		p := &out[i]
		p.Cross = p.Cross || cross
		if where != "" && !slices.Contains(p.Where, where) {
			p.Where = append(p.Where, where)
		}
		if ev := evidenceIn(f.Evidence, d.Lang); ev != "" && !slices.Contains(p.Evidence, ev) {
			p.Evidence = append(p.Evidence, ev)
		}
	}
	for _, f := range d.Findings {
		add(f, "", true)
	}
	for _, s := range d.Discovery {
		for _, f := range s.Findings {
			add(f, slbl("discovery", d.Lang), false)
		}
	}
	var walk func(r *jsonResult)
	walk = func(r *jsonResult) {
		where := fmt.Sprintf("%s %s:%d", strings.ToUpper(string(r.Endpoint.Proto)), r.Endpoint.Host, r.Endpoint.Port)
		for _, s := range r.Steps {
			for _, f := range s.Findings {
				add(f, where, false)
			}
		}
		if r.Alt != nil {
			walk(r.Alt)
		}
	}
	for i := range d.Results {
		walk(&d.Results[i])
	}
	// A fix that names the endpoint's port differs per endpoint; grouped, the problem shows the
	// catalogue's general fix (a provider's own fix is kept: it is one text).
	for i := range out {
		if len(fixes[i]) > 1 {
			if e, ok := findings.Lookup(findings.Code(out[i].Code)); ok {
				out[i].Fix = e.Fix.In(d.Lang)
			}
		}
	}
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	sevRank := map[findings.Severity]int{findings.SevError: 0, findings.SevWarning: 1}
	rank := func(p problemView) int {
		r, ok := sevRank[findings.Severity(p.Severity.Class)]
		if !ok {
			switch p.Severity.Class {
			case "fail":
				r = 0
			case "warn":
				r = 1
			default:
				r = 2
			}
		}
		return r
	}
	slices.SortStableFunc(order, func(a, b int) int {
		pa, pb := out[a], out[b]
		if c := cmp.Compare(rank(pa), rank(pb)); c != 0 {
			return c
		}
		if pa.Cross != pb.Cross {
			if pa.Cross {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(len(pb.Where), len(pa.Where)); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	sorted := make([]problemView, len(out))
	for i, j := range order {
		sorted[i] = out[j]
		p := &sorted[i]
		p.Anchor = fmt.Sprintf("p%d", i+1)
		switch {
		case len(p.Where) > 1:
			p.Hits = fmt.Sprintf(slbl("endpointN", d.Lang), len(p.Where))
		case len(p.Where) == 1:
			p.Hits = p.Where[0]
		}
	}
	return sorted
}

// countSeverity counts the problems of one badge class ("fail", "warn").
func countSeverity(ps []problemView, class string) int {
	n := 0
	for _, p := range ps {
		if p.Severity.Class == class {
			n++
		}
	}
	return n
}

// firstSentence is the first sentence of a fix: what the verdict line can hold.
func firstSentence(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "。"); i >= 0 {
		return s[:i+len("。")]
	}
	for i := 0; i+1 < len(s); i++ {
		// "e.g. ", "i.e. ", "..." and "Yahoo! " do not end a sentence.
		if s[i] == '.' && s[i+1] == ' ' && (i < 1 || s[i-1] != '.') && (i < 3 || s[i-3:i] != "e.g" && s[i-3:i] != "i.e") {
			return s[:i+1]
		}
	}
	return s
}

// verdictOf is the sentence of the summary line: for a failure the top problem and the first
// step of its fix, then how many more problems follow (the number listed below it).
func verdictOf(d *jsonReport, ps []problemView, hasLogin bool) verdictLine {
	lang := d.Lang
	switch d.Status {
	case probes.Fail:
		errs := countSeverity(ps, "fail")
		if errs == 0 || len(ps) == 0 {
			return verdictLine{probes.Fail, countLabel("problem1", "problems", max(errs, 1), lang)}
		}
		top := ps[0]
		text := top.Title
		if text == "" {
			text = top.Code
		}
		if top.Hits != "" && len(top.Where) > 1 {
			text = top.Hits + ": " + text
		}
		if fix := firstSentence(top.Fix); fix != "" {
			text += " — " + fix
		}
		if n := len(ps) - 1; n > 0 {
			text += " (" + plural("more", n, lang) + ")"
		}
		return verdictLine{probes.Fail, text}
	case probes.Warn:
		return verdictLine{probes.Warn, fmt.Sprintf(slbl("worksWarn", lang), plural("warning", max(countSeverity(ps, "warn"), 1), lang))}
	case probes.Skip:
		if d.Command == string(probes.CmdExplain) {
			return verdictLine{probes.Skip, label("noMatch", lang)}
		}
		return verdictLine{probes.Skip, label("offline", lang)}
	}
	if len(d.Results) > 0 && !hasLogin && len(d.Checks) == 0 {
		return verdictLine{probes.OK, slbl("noLogin", lang)}
	}
	return verdictLine{probes.OK, label("ok", lang)}
}

// loginTried reports whether any endpoint logged in (an auth step that passed or failed): a
// healthy verdict says when the login was not tested.
func loginTried(rep *probes.Report) bool {
	for _, r := range rep.Results {
		for _, rr := range []*probes.Result{&r, r.Alt} {
			if rr == nil {
				continue
			}
			for _, s := range rr.Steps {
				if s.Name == probes.StepAuth && (s.Status == probes.OK || s.Status == probes.Fail) {
					return true
				}
			}
		}
	}
	return false
}
