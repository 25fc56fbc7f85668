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
// todo: the patterns below could move to findings.Sentence as well.
var detailPatterns = []struct {
	re *regexp.Regexp
	zh string
}{
	{regexp.MustCompile(`^no MX record$`), "没有 MX 记录"},
	{regexp.MustCompile(`^not tried \(offline\)$`), "未尝试（离线）"},
	// Discovery (providers/discover.go).
	{regexp.MustCompile(`^no built-in entry for (\S+)$`), "内置数据库中没有 $1"},
	{regexp.MustCompile(`^(\S+) → (\S+): service closed (\S+); successor (.*)$`), "$1 → $2：服务已于 $3 关闭；继任者 $4"},
	{regexp.MustCompile(`^(\S+) → (\S+) \(unverified entry, confidence (\S+); checking DNS too\)$`), "$1 → $2（未验证的条目，可信度 $3；同时检查 DNS）"},
	{regexp.MustCompile(`^(\S+) does not exist \(NXDOMAIN\)$`), "$1 不存在（NXDOMAIN）"},
	{regexp.MustCompile(`^(\S+) publishes no MX; mail goes to its own address \(implicit MX\)$`), "$1 没有 MX 记录；邮件发往其自身地址（隐式 MX）"},
	{regexp.MustCompile(`^(\S+) publishes no MX and no address: it receives no mail$`), "$1 既没有 MX 也没有地址：无法接收邮件"},
	{regexp.MustCompile(`^MX lookup failed$`), "MX 查询失败"},
	{regexp.MustCompile(`^(\S+) has a null MX: it accepts no mail$`), "$1 设置了空 MX：不接收任何邮件"},
	{regexp.MustCompile(`^MX (.+) \(no known provider\)$`), "MX $1（不是已知的服务商）"},
	{regexp.MustCompile(`^MX (.+): no such mail server: (\S+) receives no mail$`), "MX $1：邮件服务器不存在：$2 无法接收邮件"},
	{regexp.MustCompile(`^(\S+): (\d+) servers$`), "$1：$2 个服务器"},
	{regexp.MustCompile(`^none: (.*)$`), "没有找到：$1"},
	{regexp.MustCompile(`^none of (\S+) exists$`), "$1 均不存在"},
	{regexp.MustCompile(`^found (.*)$`), "找到 $1"},
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
