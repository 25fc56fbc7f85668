package reports

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/fatih/color"

	"github.com/mailcheck/mailcheck/probes"
)

// palette holds colour objects made once per render, so library code never flips the global
// color.NoColor.
type palette struct {
	ok, warn, fail, skip, bold, dim *color.Color
}

func newPalette(on bool) palette {
	mk := func(a ...color.Attribute) *color.Color {
		c := color.New(a...)
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	return palette{ok: mk(color.FgGreen), warn: mk(color.FgYellow), fail: mk(color.FgRed, color.Bold),
		skip: mk(color.FgHiBlack), bold: mk(color.Bold), dim: mk(color.FgHiBlack)}
}

// paint colours text by a badge class: the same class the Markdown icon and the HTML style
// show, so a status, a severity and a check verdict read alike in every format.
func (p palette) paint(class, text string) string {
	switch class {
	case "ok":
		return p.ok.Sprint(text)
	case "warn":
		return p.warn.Sprint(text)
	case "fail":
		return p.fail.Sprint(text)
	}
	return p.skip.Sprint(text) // skip, and info, which is as grey
}

// badge is a severity or status badge as the table shows it: its symbol and word, coloured.
func (p palette) badge(b badge) string { return p.paint(b.Class, b.Icon+" "+b.Text) }

// severity is a finding's severity with its symbol, in lang (the catalogue listing).
func (p palette) severity(s findings.Severity, lang string) string {
	return p.badge(severityBadge(s, lang))
}

// labels are the fixed words of a report in both languages.
var labels = map[string]findings.Text{
	"endpoint":   {EN: "Endpoint", ZH: "服务器"},
	"step":       {EN: "Step", ZH: "步骤"},
	"status":     {EN: "Status", ZH: "状态"},
	"time":       {EN: "Time", ZH: "耗时"},
	"detail":     {EN: "Detail", ZH: "详情"},
	"findings":   {EN: "Findings", ZH: "发现的问题"},
	"evidence":   {EN: "Evidence", ZH: "证据"},
	"why":        {EN: "Why", ZH: "原因"},
	"fix":        {EN: "Fix", ZH: "解决办法"},
	"ref":        {EN: "Reference", ZH: "参考"},
	"transcript": {EN: "Transcript", ZH: "会话记录"},
	"verdict":    {EN: "Verdict", ZH: "结论"},
	"ok":         {EN: "no problems found", ZH: "未发现问题"},
	"noMatch":    {EN: "no known problem recognised in the text", ZH: "未在文字中识别出已知问题"},
	"offline":    {EN: "settings only — not checked live (run without --offline to test them)", ZH: "仅显示设置，未实际检测（去掉 --offline 即可检测）"},
	"problems":   {EN: "%d problems stop mail from working", ZH: "发现 %d 个导致无法收发邮件的问题"},
	"problem1":   {EN: "1 problem stops mail from working", ZH: "发现 1 个导致无法收发邮件的问题"},
	"discovery":  {EN: "Discovery", ZH: "设置来源"},
	"worksWith":  {EN: "Works with", ZH: "可用的方式"},
	"tls":        {EN: "TLS", ZH: "TLS"},
	"certLine":   {EN: "%s, issuer %s, valid until %s", ZH: "%s，颁发者 %s，有效期至 %s"},

	// Markdown and HTML only: the settings table, endpoint details and page furniture.
	"settings":     {EN: "Settings to use", ZH: "客户端设置"},
	"protocol":     {EN: "Protocol", ZH: "协议"},
	"host":         {EN: "Server", ZH: "服务器地址"},
	"port":         {EN: "Port", ZH: "端口"},
	"security":     {EN: "Security", ZH: "加密方式"},
	"source":       {EN: "Found via", ZH: "来源"},
	"result":       {EN: "Result", ZH: "结果"},
	"works":        {EN: "works", ZH: "可用"},
	"fails":        {EN: "does not work", ZH: "不可用"},
	"notRun":       {EN: "not checked", ZH: "未检查"},
	"altNotRun":    {EN: "alternative, not checked", ZH: "备用地址，未检查"},
	"insteadOf":    {EN: "works instead of %s", ZH: "可代替 %s 使用"},
	"overall":      {EN: "Findings across endpoints", ZH: "综合结论"},
	"endpoints":    {EN: "Endpoints", ZH: "各服务器检查结果"},
	"started":      {EN: "Started", ZH: "开始时间"},
	"elapsed":      {EN: "took", ZH: "总耗时"},
	"address":      {EN: "Connected to", ZH: "连接地址"},
	"roundTrips":   {EN: "%d round trips", ZH: "%d 次往返"},
	"roundTrip1":   {EN: "1 round trip", ZH: "1 次往返"},
	"line1":        {EN: "1 line", ZH: "1 行"},
	"capabilities": {EN: "Capabilities", ZH: "服务器能力"},
	"mailbox":      {EN: "Mailbox", ZH: "邮箱"},
	"messages":     {EN: "%d messages, %d bytes", ZH: "%d 封邮件，共 %d 字节"},
	"message1":     {EN: "1 message, %d bytes", ZH: "1 封邮件，共 %d 字节"},
	"messagesN":    {EN: "%d messages, size unknown", ZH: "%d 封邮件，大小未知"},
	"message1N":    {EN: "1 message, size unknown", ZH: "1 封邮件，大小未知"},
	"version":      {EN: "Version", ZH: "版本"},
	"cipher":       {EN: "Cipher", ZH: "加密套件"},
	"serverName":   {EN: "Server name (SNI)", ZH: "服务器名称 (SNI)"},
	"verification": {EN: "Certificate check", ZH: "证书验证"},
	"verified":     {EN: "trusted", ZH: "通过"},
	"notVerified":  {EN: "not trusted", ZH: "未通过"},
	"chain":        {EN: "Certificate chain", ZH: "证书链"},
	"subject":      {EN: "Subject", ZH: "使用者"},
	"issuer":       {EN: "Issuer", ZH: "颁发者"},
	"validity":     {EN: "Valid", ZH: "有效期"},
	"expired":      {EN: "expired", ZH: "已过期"},
	"names":        {EN: "Names", ZH: "域名"},
	"lines":        {EN: "%d lines", ZH: "%d 行"},
	"legend":       {EN: "-> client, <- server, ~> <~ the same inside TLS, == mailcheck's note; times from the start", ZH: "-> 客户端，<- 服务器，~> <~ 为 TLS 内的同类内容，== mailcheck 的备注；时间从开始计"},
	"providerFix":  {EN: "fix for %s", ZH: "针对 %s 的解决办法"},
	"noFindings":   {EN: "No findings.", ZH: "没有发现问题。"},
	"generated":    {EN: "Generated by mailcheck", ZH: "由 mailcheck 生成"},
	"sev.error":    {EN: "error", ZH: "错误"},
	"sev.warning":  {EN: "warning", ZH: "警告"},
	"sev.info":     {EN: "info", ZH: "提示"},
	"st.ok":        {EN: "OK", ZH: "正常"},
	"st.warn":      {EN: "WARN", ZH: "警告"},
	"st.fail":      {EN: "FAIL", ZH: "失败"},
	"st.skip":      {EN: "SKIP", ZH: "跳过"},

	// Conformance checks (mailcheck conform).
	"conformance":  {EN: "Conformance", ZH: "协议一致性"},
	"check":        {EN: "Check", ZH: "检查项"},
	"level":        {EN: "Level", ZH: "级别"},
	"rfc":          {EN: "RFC", ZH: "RFC"},
	"checkSummary": {EN: "%d pass, %d fail (%d MUST), %d warn, %d skip", ZH: "%d 项通过，%d 项不符合（其中 MUST %d 项），%d 项警告，%d 项跳过"},
	"v.pass":       {EN: "PASS", ZH: "通过"},
	"v.fail":       {EN: "FAIL", ZH: "不符合"},
	"v.warn":       {EN: "WARN", ZH: "警告"},
	"v.skip":       {EN: "SKIP", ZH: "跳过"},
}

func label(key, lang string) string { return labels[key].In(lang) }

// Verdict is the one-line summary at the top of every report: the report's own status (the
// engine's one status rule, which the JSON and the exit code show too) and a sentence for it —
// for a failure, the top problem and the first step of its fix (verdictOf).
// Skip is a report that checked nothing: settings only, or explain recognising nothing.
func Verdict(rep *probes.Report, lang string) (probes.Status, string) {
	v := toJSON(rep, lang).verdict
	return v.status, v.text
}

// ms shows a duration as people read it: 57µs, 389ms, 10.0 s.
func ms(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return fmt.Sprintf("%dµs", d.Microseconds())
	case d < time.Second:
		return fmt.Sprintf("%dms", d.Milliseconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

// trustLabels are the words of a trust note, by trust level and credential outcome.
var trustLabels = map[string]findings.Text{
	string(probes.TrustHTTPS):  {EN: "https", ZH: "HTTPS 已验证"},
	string(probes.TrustDNSSEC): {EN: "dnssec", ZH: "DNSSEC 已验证"},
	string(probes.TrustDNS):    {EN: "dns", ZH: "DNS 未验证"},
	string(probes.TrustGuess):  {EN: "guess", ZH: "猜测"},
	"withheld":                 {EN: "no credentials sent", ZH: "未发送密码或令牌"},
	"foreign":                  {EN: "foreign host trusted", ZH: "已信任域外主机"},
}

// trustWord is a trust note word in lang; a level without a label shows as it is.
func trustWord(key, lang string) string {
	if t, ok := trustLabels[key]; ok {
		return t.In(lang)
	}
	return key
}

// TrustNote says how far a discovered endpoint's source can be believed and, for a foreign
// host, whether the credentials were held back: "dns · no credentials sent" (in lang).
// Database endpoints have none (the database is the trust).
func TrustNote(ep probes.Endpoint, lang string) string {
	var parts []string
	if ep.Trust != "" && ep.Trust != probes.TrustDB && string(ep.Trust) != ep.Source { // "guess" says it once
		parts = append(parts, trustWord(string(ep.Trust), lang))
	}
	switch {
	case ep.Withheld:
		parts = append(parts, trustWord("withheld", lang))
	case ep.Foreign:
		parts = append(parts, trustWord("foreign", lang))
	}
	return strings.Join(parts, " · ")
}

// withTrust appends ep's TrustNote to a source label.
func withTrust(label string, ep probes.Endpoint, lang string) string {
	n := TrustNote(ep, lang)
	switch {
	case n == "":
		return label
	case label == "":
		return n
	}
	return label + " · " + n
}

// writeTable renders the view for a terminal of o.Width columns (DefaultWidth when unset): the
// verdict naming the top problem, the distinct problems with what to do (each once, with the
// endpoints it hit), the settings, then discovery and each endpoint's steps, whose findings
// point back to the problems. Text the view holds may keep a line break (see cleanText); what
// goes on one line or into a cell is cleaned to one line here.
func writeTable(w io.Writer, v *view, o Options) error {
	p := newPalette(o.Color)
	L := v.L
	width := tableWidth(o.Width)
	b := &strings.Builder{}
	b.WriteString(p.bold.Sprint(shorten(clean(v.Title), width)) + "\n")
	writeVerdict(b, v, p, width)
	if len(v.Problems) > 0 {
		fmt.Fprintf(b, "\n%s\n", p.bold.Sprint(L["whatToDo"]))
		writeProblems(b, v.Problems, L, p, width)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if v.HasSettings {
		if err := writeSettings(w, v, p, width); err != nil {
			return err
		}
	}
	if d := v.Discovery; d != nil {
		fmt.Fprintf(w, "\n%s\n", p.bold.Sprint(L["discovery"]))
		if err := stepTable(w, d.Steps, L, p, width); err != nil {
			return err
		}
		io.WriteString(w, findingRefs(d.Findings, L, p, width))
	}
	for i := range v.Results {
		if err := writeResult(w, &v.Results[i], o, L, p, width); err != nil {
			return err
		}
	}
	if len(v.Checks) > 0 {
		return writeChecks(w, v, p, width)
	}
	return nil
}

// tableWidth is the layout width: the terminal's, DefaultWidth when unknown, never below minWidth.
func tableWidth(w int) int {
	if w <= 0 {
		return DefaultWidth
	}
	return max(w, minWidth)
}

func writeResult(w io.Writer, r *resultView, o Options, L map[string]string, p palette, width int) error {
	b := &strings.Builder{}
	head := clean(r.Heading) + " — " + r.Status.Text
	b.WriteString("\n")
	for _, l := range wrapIndent(head, width) {
		b.WriteString(p.bold.Sprint(l) + "\n")
	}
	if r.Addr != "" {
		b.WriteString(p.dim.Sprint(shorten(fmt.Sprintf("  %s · %s · %s", clean(r.Addr), r.Duration, r.RoundTrips), width)) + "\n")
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if err := stepTable(w, r.Steps, L, p, width); err != nil {
		return err
	}
	b.Reset()
	if t := r.TLS; t != nil {
		line := clean(t.Version) + " " + clean(t.Cipher)
		if len(t.Chain) > 0 {
			c := t.Chain[0]
			line += "; " + fmt.Sprintf(L["certLine"], clean(c.Subject), clean(c.Issuer), c.NotAfter)
		}
		hang(b, "", L["tls"]+": ", line, width)
	}
	b.WriteString(findingRefs(r.Findings, L, p, width))
	if o.Transcript {
		fmt.Fprintf(b, "%s:\n", L["transcript"])
		for _, l := range r.Transcript {
			hang(b, "  ", l.At+" "+l.Arrow+" ", clean(l.Text), width)
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if r.Alt != nil {
		return writeResult(w, r.Alt, o, L, p, width)
	}
	return nil
}

// stepTable shows one row per step: its status, time, and its detail (the error, if it failed)
// followed by the codes of the findings it produced. The Detail column takes what the terminal
// leaves, wrapped, at most detailLines lines.
func stepTable(w io.Writer, steps []stepView, L map[string]string, p palette, width int) error {
	var rows [][]string
	for _, s := range steps {
		d := s.Detail
		if s.Status.Class == "fail" && s.Error != "" {
			d = s.Error
		}
		for _, c := range s.Codes {
			d += " → " + c.Code
		}
		rows = append(rows, []string{clean(s.Name), p.paint(s.Status.Class, s.Status.Text), s.Time, clean(d)})
	}
	return renderFitted(w, []string{L["step"], L["status"], L["time"], L["detail"]}, rows, width, []int{3, 0}, detailLines)
}

// detailLines is how many lines a step's Detail may take in the table; the JSON, Markdown and
// HTML carry the whole text.
const detailLines = 3

// writeProblems prints each distinct problem once: severity, code and title, where it was seen,
// its evidence, then why and what to do, wrapped to width on word boundaries.
func writeProblems(b *strings.Builder, ps []problemView, L map[string]string, p palette, width int) {
	for i, f := range ps {
		if i > 0 {
			b.WriteString("\n")
		}
		head := f.Severity.Icon + " " + f.Severity.Text + " " + clean(f.Code)
		if f.Title != "" {
			head += ": " + clean(f.Title)
		}
		badge := f.Severity.Icon + " " + f.Severity.Text
		for j, l := range wrapIndent(head, width) {
			switch {
			case j == 0 && strings.HasPrefix(l, badge):
				l = p.badge(f.Severity) + p.bold.Sprint(l[len(badge):])
			default:
				l = p.bold.Sprint(l)
			}
			b.WriteString(l + "\n")
		}
		if len(f.Where) > 1 {
			hang(b, "    ", L["where"]+": ", f.Hits+" — "+clean(strings.Join(f.Where, ", ")), width)
		} else if len(f.Where) == 1 {
			hang(b, "    ", L["where"]+": ", clean(f.Where[0]), width)
		}
		if len(f.Evidence) > 0 {
			ev := clean(shorten(f.Evidence[0], 3*width))
			if n := len(f.Evidence) - 1; n > 0 {
				ev += " " + fmt.Sprintf(L["andMore"], n)
			}
			hang(b, "    ", L["evidence"]+": ", ev, width)
		}
		if f.Explain != "" {
			hang(b, "    ", L["why"]+": ", clean(f.Explain), width)
		}
		if f.Fix != "" {
			hang(b, "    ", L["fix"]+": ", clean(f.Fix), width)
		}
	}
}

// findingRefs lists an endpoint's findings on one line each, pointing to the problem above that
// explains it: its why and fix are printed once, not once per endpoint.
func findingRefs(fs []findingView, L map[string]string, p palette, width int) string {
	b := &strings.Builder{}
	for _, f := range fs {
		line := f.Severity.Icon + " " + clean(f.Code)
		if f.Title != "" {
			line += ": " + clean(f.Title)
		}
		line += " (" + L["seeAbove"] + ")"
		for _, l := range wrapIndent(line, width) {
			b.WriteString(p.dim.Sprint(l) + "\n")
		}
	}
	return b.String()
}

// arrows are the swaks transcript marks: client/server, clear/TLS, and our notes.
func arrow(l probes.Line) string {
	switch {
	case l.Dir == probes.Note:
		return "=="
	case l.Dir == probes.Client && l.TLS:
		return "~>"
	case l.Dir == probes.Client:
		return "->"
	case l.TLS:
		return "<~"
	}
	return "<-"
}

// WriteTranscript prints the steps' lines swaks-style with times relative to the start.
func WriteTranscript(w io.Writer, steps []probes.Step) {
	js := make([]jsonStep, len(steps))
	for i, s := range steps {
		js[i].Lines = s.Lines
	}
	writeLines(w, newLines(js))
}

// writeLines prints transcript lines as the table shows them: indented, one a line.
func writeLines(w io.Writer, lines []lineView) {
	for _, l := range lines {
		fmt.Fprintf(w, "  %s %s %s\n", l.At, l.Arrow, clean(l.Text))
	}
}

// clean makes untrusted text (anything a server, a DNS answer, an autoconfig file or an input
// line supplied) safe to show on one line: control characters, which could drive a terminal, and
// Unicode bidirectional controls, which could make "evil.example" read as "elpmaxe.live" in any
// format, become '?'.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if unsafeRune(r) {
			return '?'
		}
		return r
	}, s)
}

// cleanText is clean for text that may keep its line breaks (the Markdown and HTML view, where
// each renderer decides what a line break becomes): CR LF and a lone CR become LF, every other
// control or bidi character '?'.
func cleanText(s string) string {
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
	return strings.Map(func(r rune) rune {
		if r != '\n' && unsafeRune(r) {
			return '?'
		}
		return r
	}, s)
}

// unsafeRune reports C0 and C1 controls, DEL, and the bidi controls: the embeddings and
// overrides U+202A–U+202E, the isolates U+2066–U+2069 and the marks U+200E, U+200F and U+061C.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
