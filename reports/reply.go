package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// The brief and the reply are the two short forms of a report: --brief is one screen for the
// helpdesk (verdict, settings to use, what to do) to paste into a chat; the reply (--format
// reply, and a section of the Markdown and HTML) is what the helpdesk sends the user — polite,
// in the user's language, the steps to take in their mail app, no codes, no transcript.

var replyLabels = map[string]findings.Text{
	"replyTitle":  {EN: "Reply to the user", ZH: "给用户的回复"},
	"hello":       {EN: "Hello,", ZH: "您好，"},
	"checked":     {EN: "We checked the mail settings for %s.", ZH: "我们检查了 %s 的邮件设置。"},
	"checkedAny":  {EN: "We checked your mail settings.", ZH: "我们检查了您的邮件设置。"},
	"foundOne":    {EN: "We found what stops your mail: %s.", ZH: "我们找到了导致邮件无法收发的原因：%s。"},
	"foundMany":   {EN: "We found %d things that stop your mail. The main one: %s.", ZH: "我们发现了 %d 个导致邮件无法收发的问题，最主要的是：%s。"},
	"warnOnly":    {EN: "Your mail works, but one thing should be changed: %s.", ZH: "您的邮箱可以使用，但有一处建议修改：%s。"},
	"allGood":     {EN: "Everything we checked works.", ZH: "我们检查的各项都正常。"},
	"allGoodNoPw": {EN: "The servers answer correctly; we did not test your password.", ZH: "服务器响应正常；我们没有测试您的密码。"},
	"notChecked":  {EN: "These are the settings to use.", ZH: "请使用以下设置。"},
	"steps":       {EN: "Please do this in your mail app:", ZH: "请在邮件客户端中这样操作："},
	"useThese":    {EN: "Use these settings:", ZH: "请使用以下设置："},
	"serverLine":  {EN: "%s: server %s, port %s, security %s", ZH: "%s：服务器 %s，端口 %s，加密方式 %s"},
	"userLine":    {EN: "User name: %s", ZH: "用户名：%s"},
	"pwLine":      {EN: "Password: %s", ZH: "密码：%s"},
	"thanks":      {EN: "If it still does not work after these changes, reply to this message and we will look again.", ZH: "如果修改后仍然无法使用，请回复此消息，我们会再次检查。"},
	"regards":     {EN: "Best regards", ZH: "祝好"},
	"onHost":      {EN: "on %s", ZH: "（主机 %s）"},
	"briefSet":    {EN: "Settings to use", ZH: "应使用的设置"},
	"briefMore":   {EN: "… %d more in the full report (run without --brief)", ZH: "…… 另有 %d 条，见完整报告（去掉 --brief 运行）"},
}

func rlabel(key, lang string) string { return replyLabels[key].In(lang) }

// replyText is the reply to the user as plain lines (no markup): each renderer escapes them.
func replyText(v *view) []string {
	lang := v.Lang
	var out []string
	out = append(out, rlabel("hello", lang), "")
	who := ""
	if i := strings.IndexByte(v.Title, '@'); i >= 0 {
		fields := strings.Fields(v.Title)
		who = fields[len(fields)-1]
	}
	if who != "" {
		out = append(out, fmt.Sprintf(rlabel("checked", lang), who))
	} else {
		out = append(out, rlabel("checkedAny", lang))
	}
	errs := countSeverity(v.Problems, "fail")
	var todo []problemView
	switch {
	case v.Verdict.Class == "fail" && errs > 0:
		if errs == 1 {
			out = append(out, fmt.Sprintf(rlabel("foundOne", lang), lowerFirst(v.Problems[0].Title, lang)))
		} else {
			out = append(out, fmt.Sprintf(rlabel("foundMany", lang), errs, lowerFirst(v.Problems[0].Title, lang)))
		}
		for _, p := range v.Problems {
			if p.Severity.Class == "fail" {
				todo = append(todo, p)
			}
		}
	case v.Verdict.Class == "warn" && len(v.Problems) > 0:
		out = append(out, fmt.Sprintf(rlabel("warnOnly", lang), lowerFirst(v.Problems[0].Title, lang)))
		todo = v.Problems[:1]
	case v.Verdict.Class == "ok" && v.Verdict.Text == slbl("noLogin", lang):
		out = append(out, rlabel("allGoodNoPw", lang))
	case v.Verdict.Class == "ok":
		out = append(out, rlabel("allGood", lang))
	default:
		out = append(out, rlabel("notChecked", lang))
	}
	if len(todo) > 0 {
		out = append(out, "", rlabel("steps", lang))
		seen := map[string]bool{}
		n := 0
		for _, p := range todo {
			if p.Fix == "" || seen[p.Fix] {
				continue
			}
			seen[p.Fix] = true
			n++
			out = append(out, fmt.Sprintf("%d. %s", n, p.Fix))
		}
	}
	if set := settingLines(v); len(set) > 0 {
		out = append(out, "", rlabel("useThese", lang))
		for _, l := range set {
			out = append(out, "- "+l)
		}
	}
	if v.Verdict.Class != "ok" {
		out = append(out, "", rlabel("thanks", lang))
	}
	return append(out, "", rlabel("regards", lang))
}

// settingLines are the settings to type in, in words: the report's own settings when it has
// them, else the endpoints that worked.
func settingLines(v *view) []string {
	lang := v.Lang
	var out []string
	user := ""
	for _, s := range v.Settings {
		if v.HasSettings && !s.Given || s.Alt || (!v.HasSettings && !s.Works) {
			continue
		}
		role := s.Role
		if role == "" {
			role = RoleLabel(probes.Proto(strings.ToLower(s.Proto)), lang)
		}
		out = append(out, fmt.Sprintf(rlabel("serverLine", lang), role, s.Host, s.Port, s.Security))
		if s.User != "" {
			user = s.User
		}
	}
	if user != "" {
		out = append(out, fmt.Sprintf(rlabel("userLine", lang), user))
	}
	if v.Auth != "" {
		out = append(out, fmt.Sprintf(rlabel("pwLine", lang), v.Auth))
	}
	return out
}

// lowerFirst starts an English title in lower case inside a sentence ("the server requires …");
// a title that starts with a name or acronym (two capitals) is left alone.
func lowerFirst(s, lang string) string {
	if lang == "zh" || len(s) < 2 || s[0] < 'A' || s[0] > 'Z' || (s[1] >= 'A' && s[1] <= 'Z') {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}

// writeReply renders the reply as plain text wrapped at width.
func writeReply(w io.Writer, v *view, width int) error {
	b := &strings.Builder{}
	for _, l := range replyText(v) {
		if l == "" {
			b.WriteString("\n")
			continue
		}
		indent := ""
		if strings.HasPrefix(l, "- ") || (len(l) > 2 && l[0] >= '1' && l[0] <= '9' && strings.HasPrefix(l[1:], ". ")) {
			indent = l[:strings.Index(l, " ")+1]
			l = l[len(indent):]
		}
		hang(b, "", indent, clean(l), tableWidth(width))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// briefLines is --brief's budget: one 24-line screen with the command line above it.
const briefLines = 23

// writeBrief is --brief for the table: the verdict, what to do (each problem's fix, once), and
// the settings to use, on one screen. What does not fit in briefLines (the last problems, then
// the provider's last notes) is left out, and one line says how many and where they are.
func writeBrief(w io.Writer, v *view, o Options) error {
	p := newPalette(o.Color)
	width := tableWidth(o.Width)
	hb := &strings.Builder{}
	hb.WriteString(p.bold.Sprint(shorten(clean(v.Title), width)) + "\n")
	writeVerdict(hb, v, p, width)
	var todo []string // one block per problem: its title and its fix
	for i, f := range v.Problems {
		b := &strings.Builder{}
		head := fmt.Sprintf("%d. %s %s", i+1, f.Severity.Icon, clean(f.Title))
		if f.Title == "" {
			head = fmt.Sprintf("%d. %s %s", i+1, f.Severity.Icon, f.Code)
		}
		if len(f.Where) > 1 {
			head += " (" + f.Hits + ")"
		}
		for _, l := range wrapIndent(head, width) {
			b.WriteString(p.paint(f.Severity.Class, l) + "\n")
		}
		if f.Fix != "" {
			hang(b, "   ", "→ ", clean(f.Fix), width)
		}
		todo = append(todo, b.String())
	}
	sb := &strings.Builder{}
	if set := settingLines(v); len(set) > 0 {
		fmt.Fprintf(sb, "\n%s\n", p.bold.Sprint(rlabel("briefSet", v.Lang)))
		for _, l := range set {
			hang(sb, "  ", "", clean(l), width)
		}
	}
	var notes []string // the provider's quirks: what to switch on before it works
	for _, n := range v.Notes {
		b := &strings.Builder{}
		hang(b, "  ", "• ", clean(n.Text), width)
		if n.Fix != "" {
			hang(b, "    ", "→ ", clean(n.Fix), width)
		}
		notes = append(notes, b.String())
	}
	// The budget: the verdict and the settings always, the first problem always, then as many
	// problems and then notes as fit, keeping a line for "… N more" while any are still to come.
	count := func(s string) int { return strings.Count(s, "\n") }
	used := count(hb.String()) + count(sb.String())
	fit := func(blocks []string, after int, first bool) int {
		n := 0
		for i, blk := range blocks {
			need := count(blk)
			if i == 0 {
				need += 2 // the blank line and the section heading
			}
			if len(blocks)-i-1+after > 0 {
				need++ // room for "… N more"
			}
			if used+need > briefLines && !(first && i == 0) {
				break
			}
			used += need
			if len(blocks)-i-1+after > 0 {
				used-- // the reserve is only held, not spent
			}
			n++
		}
		return n
	}
	keepTodo := fit(todo, len(notes), true)
	keepNotes := 0
	if keepTodo == len(todo) {
		keepNotes = fit(notes, 0, false)
	}
	left := len(todo) - keepTodo + len(notes) - keepNotes
	b := &strings.Builder{}
	b.WriteString(hb.String())
	if keepTodo > 0 {
		fmt.Fprintf(b, "\n%s\n", p.bold.Sprint(v.L["whatToDo"]))
		b.WriteString(strings.Join(todo[:keepTodo], ""))
	}
	b.WriteString(sb.String())
	if keepNotes > 0 {
		fmt.Fprintf(b, "\n%s\n", p.bold.Sprint(slabel("knowNotes", v.Lang)))
		b.WriteString(strings.Join(notes[:keepNotes], ""))
	}
	if left > 0 {
		b.WriteString(p.dim.Sprint(shorten(fmt.Sprintf(rlabel("briefMore", v.Lang), left), width)) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeVerdict writes the verdict line, wrapped, in its colour.
func writeVerdict(b *strings.Builder, v *view, p palette, width int) {
	for i, l := range wrapIndent(v.Verdict.Icon+" "+clean(v.Verdict.Text), width) {
		if i > 0 {
			b.WriteString(l[:2] + p.paint(v.Verdict.Class, l[2:]) + "\n")
		} else {
			b.WriteString(p.paint(v.Verdict.Class, l) + "\n")
		}
	}
}

// Footer says which mailcheck made the report, where and when: "Generated by mailcheck v1.2
// on helpdesk-3, 2030-01-01 09:00:00 UTC (mailcheck/v1)". Version and host are left out when
// unknown (the goldens).
func (v *view) Footer() string {
	s := v.L["generated"]
	if v.Version != "" {
		s += " " + v.Version
	}
	if v.Host != "" {
		s += " " + fmt.Sprintf(rlabel("onHost", v.Lang), v.Host)
	}
	if v.Started != "" {
		s += ", " + v.Started
	}
	return s + " (" + v.Schema + ")"
}

// Reply is the reply to the user for the HTML page.
func (v *view) Reply() []string { return replyText(v) }
