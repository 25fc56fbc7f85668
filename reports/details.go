package reports

import (
	"regexp"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// stepName is a step's name in lang (findings.StepName: one table for the step list and the
// sentences that name a step).
func stepName(name, lang string) string { return findings.StepName(name, lang) }

// detailPatterns put the sentences the probes write themselves into Chinese; what a server
// said (a greeting, a reply, a capability list) is kept verbatim inside them.
// The sentences defined once in both languages (findings.Sentence) need no pattern here.
// todo: the two left are only written by the golden fixtures (reports/golden_test.go), no
// code says them; the fixtures should use real sentences and these go.
var detailPatterns = []struct {
	re *regexp.Regexp
	zh string
}{
	{regexp.MustCompile(`^no MX record$`), "没有 MX 记录"},
	{regexp.MustCompile(`^not tried \(offline\)$`), "未尝试（离线）"},
}

// detailIn is a step's detail in lang.
func detailIn(s, lang string) string {
	if lang != "zh" || s == "" {
		return s
	}
	if out, ok := findings.Localize(s, lang); ok {
		return out
	}
	for _, p := range detailPatterns {
		if p.re.MatchString(s) {
			return p.re.ReplaceAllString(s, p.zh)
		}
	}
	return s
}

// evidenceIn is a finding's evidence in lang: a sentence of ours in Chinese, else as recorded
// (mostly what the server said, which stays verbatim; the detail patterns are not tried on it).
func evidenceIn(s, lang string) string {
	out, _ := findings.Localize(s, lang)
	return out
}
