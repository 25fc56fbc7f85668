package reports

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/fatih/color"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

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

func (p palette) status(s probes.Status) string {
	switch s {
	case probes.OK:
		return p.ok.Sprint("OK")
	case probes.Warn:
		return p.warn.Sprint("WARN")
	case probes.Fail:
		return p.fail.Sprint("FAIL")
	}
	return p.skip.Sprint("SKIP")
}

func (p palette) severity(s probes.Severity) string {
	switch s {
	case probes.SevError:
		return p.fail.Sprint("✗ error")
	case probes.SevWarning:
		return p.warn.Sprint("! warning")
	}
	return p.dim.Sprint("i info")
}

// labels are the fixed words of a report in both languages.
var labels = map[string]probes.Text{
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
	"problems":   {EN: "%d problem(s) stop mail from working", ZH: "发现 %d 个导致无法收发邮件的问题"},
	"warnings":   {EN: "works, with %d warning(s)", ZH: "可以使用，但有 %d 个警告"},
	"discovery":  {EN: "Discovery", ZH: "设置来源"},
	"worksWith":  {EN: "Works with", ZH: "可用的方式"},
	"tls":        {EN: "TLS", ZH: "TLS"},
}

func label(key, lang string) string { return labels[key].In(lang) }

// Verdict is the one-line summary at the top of every report.
func Verdict(rep *probes.Report, lang string) (probes.Status, string) {
	var errs, warns int
	seen := map[string]bool{}
	for _, f := range rep.AllFindings() {
		k := string(f.Code) + "\x00" + f.Evidence
		if seen[k] {
			continue
		}
		seen[k] = true
		switch f.Severity {
		case probes.SevError:
			errs++
		case probes.SevWarning:
			warns++
		}
	}
	switch {
	case errs > 0:
		return probes.Fail, fmt.Sprintf(label("problems", lang), errs)
	case warns > 0:
		return probes.Warn, fmt.Sprintf(label("warnings", lang), warns)
	}
	return probes.OK, label("ok", lang)
}

func ms(d time.Duration) string {
	if d < time.Millisecond {
		return fmt.Sprintf("%dµs", d.Microseconds())
	}
	return fmt.Sprintf("%dms", d.Milliseconds())
}

// EndpointTitle names an endpoint the way a client settings dialog does.
func EndpointTitle(ep probes.Endpoint) string {
	s := fmt.Sprintf("%s %s:%d %s", strings.ToUpper(string(ep.Proto)), ep.Host, ep.Port, ep.Security)
	if ep.Source != "" {
		s += " [" + ep.Source + "]"
	}
	return s
}

func writeTable(w io.Writer, rep *probes.Report, o Options) error {
	p := newPalette(o.Color)
	st, v := Verdict(rep, o.Lang)
	fmt.Fprintf(w, "%s %s: %s\n", p.bold.Sprint("mailcheck "+rep.Command+" "+rep.Input), label("verdict", o.Lang), colorize(p, st, v))
	if len(rep.Discovery) > 0 {
		fmt.Fprintf(w, "\n%s\n", p.bold.Sprint(label("discovery", o.Lang)))
		if err := stepTable(w, rep.Discovery, o, p); err != nil {
			return err
		}
		writeFindings(w, stepFindings(rep.Discovery), o, p)
	}
	for i := range rep.Results {
		writeResult(w, &rep.Results[i], o, p, "")
	}
	if len(rep.Findings) > 0 {
		fmt.Fprintf(w, "\n%s\n", p.bold.Sprint(label("findings", o.Lang)))
		writeFindings(w, rep.Findings, o, p)
	}
	return nil
}

func colorize(p palette, s probes.Status, text string) string {
	switch s {
	case probes.Fail:
		return p.fail.Sprint(text)
	case probes.Warn:
		return p.warn.Sprint(text)
	}
	return p.ok.Sprint(text)
}

func writeResult(w io.Writer, r *probes.Result, o Options, p palette, prefix string) {
	head := fmt.Sprintf("%s%s — %s", prefix, EndpointTitle(r.Endpoint), p.status(r.Status))
	if r.Addr != "" {
		head += p.dim.Sprintf("  (%s, %s, %d round trips)", r.Addr, ms(r.Duration), r.RoundTrips)
	}
	fmt.Fprintf(w, "\n%s\n", p.bold.Sprint(head))
	stepTable(w, r.Steps, o, p)
	if r.TLS != nil {
		fmt.Fprintf(w, "%s: %s %s", label("tls", o.Lang), r.TLS.Version, r.TLS.Cipher)
		if len(r.TLS.Chain) > 0 {
			c := r.TLS.Chain[0]
			fmt.Fprintf(w, "; %s, issuer %s, valid until %s", clean(c.Subject), clean(c.Issuer), c.NotAfter.Format("2006-01-02"))
		}
		fmt.Fprintln(w)
	}
	writeFindings(w, r.Findings(), o, p)
	if o.Transcript {
		fmt.Fprintf(w, "%s:\n", label("transcript", o.Lang))
		WriteTranscript(w, r.Steps)
	}
	if r.Alt != nil {
		writeResult(w, r.Alt, o, p, label("worksWith", o.Lang)+": ")
	}
}

func stepTable(w io.Writer, steps []probes.Step, o Options, p palette) error {
	t := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithRowMaxWidth(110),
	)
	t.Header(label("step", o.Lang), label("status", o.Lang), label("time", o.Lang), label("detail", o.Lang))
	for _, s := range steps {
		d := s.Detail
		if s.Status == probes.Fail && s.Error != "" {
			d = s.Error
		}
		for _, f := range s.Findings {
			d += " → " + string(f.Code)
		}
		t.Append(s.Name, p.status(s.Status), ms(s.Duration), clean(truncateRunes(d, 160)))
	}
	return t.Render()
}

func stepFindings(steps []probes.Step) []probes.Finding {
	var out []probes.Finding
	for _, s := range steps {
		out = append(out, s.Findings...)
	}
	return out
}

func writeFindings(w io.Writer, fs []probes.Finding, o Options, p palette) {
	for _, f := range fs {
		fmt.Fprintf(w, "%s %s: %s\n", p.severity(f.Severity), p.bold.Sprint(f.Code), f.Title.In(o.Lang))
		if f.Evidence != "" {
			fmt.Fprintf(w, "    %s: %s\n", label("evidence", o.Lang), clean(f.Evidence))
		}
		if e := f.Explain.In(o.Lang); e != "" {
			fmt.Fprintf(w, "    %s: %s\n", label("why", o.Lang), e)
		}
		if fx := f.Fix.In(o.Lang); fx != "" {
			fmt.Fprintf(w, "    %s: %s\n", label("fix", o.Lang), fx)
		}
	}
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
	for _, s := range steps {
		for _, l := range s.Lines {
			fmt.Fprintf(w, "  %8.3fs %s %s\n", l.At.Seconds(), arrow(l), clean(l.Text))
		}
	}
}

// clean strips what could drive a terminal; server text is untrusted.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return '?'
		}
		return r
	}, s)
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
