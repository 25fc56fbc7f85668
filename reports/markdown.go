package reports

import (
	"fmt"
	"io"
	"strings"
	"unicode"
)

// writeMarkdown renders GitHub-flavoured Markdown meant to be pasted into a ticket.
//
// The tables are written by hand rather than through tablewriter's Markdown renderer: that
// renderer neither escapes "|" nor keeps a wrapped cell on one row, and a hostile banner must not
// be able to add columns, rows, links or HTML to the reader's page. Every string that is not a
// fixed label goes through mdText (escaped prose), mdCode (a code span) or mdFence (a fenced
// block).
func writeMarkdown(w io.Writer, v *view) error {
	b := &strings.Builder{}
	L := v.L

	fmt.Fprintf(b, "# %s\n\n", mdText(v.Title))
	fmt.Fprintf(b, "**%s: %s %s**\n\n", L["verdict"], mdIcon(v.Verdict.Class), mdText(v.Verdict.Text))
	var meta []string
	if v.Started != "" {
		meta = append(meta, L["started"]+" "+v.Started)
	}
	meta = append(meta, L["elapsed"]+" "+v.Elapsed)
	fmt.Fprintf(b, "%s\n\n", strings.Join(meta, " · "))

	// What to do first: every distinct problem once, its fix beside it, before any detail.
	if len(v.Problems) > 0 {
		fmt.Fprintf(b, "## %s\n\n", L["whatToDo"])
		for i, p := range v.Problems {
			title := p.Title
			if title == "" {
				title = p.Code
			}
			fmt.Fprintf(b, "%d. %s **%s** %s", i+1, mdIcon(p.Severity.Class), mdText(title), mdCode(p.Code, false))
			if p.Hits != "" {
				fmt.Fprintf(b, " — %s", mdText(p.Hits))
			}
			b.WriteString("\n")
			if p.Fix != "" {
				fmt.Fprintf(b, "   → %s\n", mdText(p.Fix))
			}
		}
		b.WriteString("\n")
	}

	if len(v.Settings) > 0 {
		fmt.Fprintf(b, "## %s\n\n", L["settings"])
		if v.Provider != "" {
			fmt.Fprintf(b, "**%s**\n\n", mdText(v.Provider))
		}
		if v.Closed != "" {
			fmt.Fprintf(b, "**%s**\n\n", mdText(v.Closed))
		}
		rows := [][]string{}
		for _, s := range v.Settings {
			res := mdIcon(s.Status.Class) + " " + mdText(s.Result)
			if s.Works {
				res = "**" + res + "**"
			}
			row := []string{s.Proto, mdText(s.Host), s.Port, mdText(s.Security)}
			if v.HasUser {
				row = append(row, orDash(mdText(s.User)))
			}
			rows = append(rows, append(row, orDash(mdText(s.Source)), res))
		}
		head := []string{L["protocol"], L["host"], L["port"], L["security"]}
		if v.HasUser {
			head = append(head, slabel("username", v.Lang))
		}
		mdTable(b, append(head, L["source"], L["result"]), rows)
		if v.Auth != "" {
			fmt.Fprintf(b, "**%s:** %s\n\n", slabel("password", v.Lang), mdText(v.Auth))
		}
		for _, n := range v.Notes {
			fmt.Fprintf(b, "- %s", mdText(n.Text))
			if n.Fix != "" {
				fmt.Fprintf(b, "  \n  → %s", mdText(n.Fix))
			}
			if n.URL != "" {
				fmt.Fprintf(b, " (%s)", mdText(n.URL))
			}
			b.WriteString("\n")
		}
		if len(v.Notes) > 0 {
			b.WriteString("\n")
		}
	}

	if len(v.Findings) > 0 {
		fmt.Fprintf(b, "## %s\n\n", L["overall"])
		mdFindings(b, v.Findings, L)
	}

	if d := v.Discovery; d != nil {
		fmt.Fprintf(b, "## %s\n\n", L["discovery"])
		mdSteps(b, d.Steps, L)
		if len(d.Findings) > 0 {
			fmt.Fprintf(b, "### %s\n\n", L["findings"])
			mdFindings(b, d.Findings, L)
		}
		mdTranscript(b, d.Transcript, d.Lines, L)
	}

	if len(v.Results) > 0 {
		fmt.Fprintf(b, "## %s\n\n", L["endpoints"])
	}
	for i := range v.Results {
		mdResult(b, &v.Results[i], "###", L)
	}
	if len(v.Checks) > 0 {
		mdChecks(b, v, L)
	}

	fmt.Fprintf(b, "## %s\n\n", rlabel("replyTitle", v.Lang))
	for _, l := range replyText(v) {
		if l == "" {
			b.WriteString(">\n")
		} else {
			fmt.Fprintf(b, "> %s\n", mdText(l))
		}
	}
	b.WriteString("\n")

	fmt.Fprintf(b, "---\n%s\n", mdText(v.Footer()))
	_, err := io.WriteString(w, b.String())
	return err
}

func mdResult(b *strings.Builder, r *resultView, h string, L map[string]string) {
	fmt.Fprintf(b, "%s %s — %s %s\n\n", h, mdText(r.Heading), mdIcon(r.Status.Class), r.Status.Text)
	if r.Addr != "" {
		fmt.Fprintf(b, "%s %s · %s · %s\n\n", L["address"], mdCode(r.Addr, false), r.Duration, r.RoundTrips)
	}
	mdSteps(b, r.Steps, L)
	if t := r.TLS; t != nil {
		fmt.Fprintf(b, "**%s:** %s, %s", L["tls"], mdText(t.Version), mdText(t.Cipher))
		if t.ServerName != "" {
			fmt.Fprintf(b, " · %s %s", L["serverName"], mdText(t.ServerName))
		}
		fmt.Fprintf(b, " · %s: %s %s", L["verification"], mdIcon(okFail(t.Verified)), t.Verification)
		if t.VerifyError != "" {
			fmt.Fprintf(b, " (%s)", mdCode(t.VerifyError, false))
		}
		b.WriteString("\n\n")
		for i, c := range t.Chain {
			exp := ""
			if c.Expired {
				exp = " ❌ " + L["expired"]
			}
			fmt.Fprintf(b, "%d. %s: %s · %s: %s · %s: %s – %s%s", i+1, L["subject"], mdText(c.Subject), L["issuer"],
				mdText(c.Issuer), L["validity"], c.NotBefore, c.NotAfter, exp)
			if c.Names != "" {
				fmt.Fprintf(b, " · %s: %s", L["names"], mdText(c.Names))
			}
			b.WriteString("\n")
		}
		if len(t.Chain) > 0 {
			b.WriteString("\n")
		}
	}
	if r.Caps != "" {
		fmt.Fprintf(b, "**%s:** %s\n\n", L["capabilities"], mdCode(r.Caps, false))
	}
	if r.Mailbox != "" {
		fmt.Fprintf(b, "**%s:** %s\n\n", L["mailbox"], mdText(r.Mailbox))
	}
	if len(r.Findings) > 0 {
		fmt.Fprintf(b, "%s# %s\n\n", h, L["findings"])
		mdFindings(b, r.Findings, L)
	}
	mdTranscript(b, r.Transcript, r.Lines, L)
	if r.Alt != nil {
		mdResult(b, r.Alt, h, L)
	}
}

func mdSteps(b *strings.Builder, steps []stepView, L map[string]string) {
	rows := [][]string{}
	for _, s := range steps {
		var d []string
		if s.Detail != "" {
			d = append(d, mdText(s.Detail))
		}
		if s.Error != "" && s.Error != s.Detail {
			d = append(d, mdCode(s.Error, true))
		}
		for _, c := range s.Codes {
			d = append(d, mdIcon(c.Severity.Class)+" "+mdCode(c.Code, true))
		}
		rows = append(rows, []string{mdText(s.Name), mdIcon(s.Status.Class) + " " + s.Status.Text, s.Time, strings.Join(d, " · ")})
	}
	mdTable(b, []string{L["step"], L["status"], L["time"], L["detail"]}, rows)
}

func mdFindings(b *strings.Builder, fs []findingView, L map[string]string) {
	for _, f := range fs {
		fmt.Fprintf(b, "- %s **%s** %s", mdIcon(f.Severity.Class), f.Severity.Text, mdCode(f.Code, false))
		if f.Title != "" {
			fmt.Fprintf(b, " — **%s**", mdText(f.Title))
		}
		b.WriteString("\n")
		if f.Evidence != "" {
			fmt.Fprintf(b, "  - **%s:** %s\n", L["evidence"], mdCode(f.Evidence, false))
		}
		if f.Explain != "" {
			fmt.Fprintf(b, "  - **%s:** %s\n", L["why"], mdText(f.Explain))
		}
		if f.Fix != "" {
			label := L["fix"]
			if f.FixFor != "" {
				label += " (" + mdText(f.FixFor) + ")"
			}
			fmt.Fprintf(b, "  - **%s:** %s\n", label, mdText(f.Fix))
		}
		if f.Ref != "" {
			ref := mdText(f.Ref)
			if f.RefURL != "" && !strings.ContainsAny(f.RefURL, "<> \t\n") {
				ref = "<" + f.RefURL + ">" // an autolink: the catalogue's own address, kept clickable
			}
			fmt.Fprintf(b, "  - **%s:** %s\n", L["ref"], ref)
		}
	}
	b.WriteString("\n")
}

// mdTranscript folds the transcript under a <details> element, which GitHub renders as a
// collapsed section; the fenced block inside is literal text whatever the server sent.
func mdTranscript(b *strings.Builder, lines []lineView, count string, L map[string]string) {
	if len(lines) == 0 {
		return
	}
	var t strings.Builder
	for _, l := range lines {
		fmt.Fprintf(&t, "%s %s %s\n", l.At, l.Arrow, l.Text)
	}
	fmt.Fprintf(b, "<details><summary>%s (%s)</summary>\n\n", L["transcript"], count)
	fmt.Fprintf(b, "%s\n\n", mdCode(L["legend"], false)) // a code span: "~> <~" would strike through
	b.WriteString(mdFence(t.String(), "text"))
	b.WriteString("\n</details>\n\n")
}

// mdTable writes a GFM table. Cells must already be escaped for Markdown.
func mdTable(b *strings.Builder, head []string, rows [][]string) {
	b.WriteString("| " + strings.Join(head, " | ") + " |\n|")
	for range head {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, r := range rows {
		for i := range r {
			if r[i] == "" {
				r[i] = " "
			}
		}
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
	b.WriteString("\n")
}

// mdIcon is a status symbol that GitHub shows in colour and that still reads in plain text.
func mdIcon(class string) string {
	switch class {
	case "ok":
		return "✅"
	case "warn":
		return "⚠️"
	case "fail":
		return "❌"
	case "info":
		return "ℹ️"
	}
	return "⏭️"
}

func okFail(ok bool) string {
	if ok {
		return "ok"
	}
	return "fail"
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// oneLine makes untrusted text printable and single-line: Markdown tables and list items end at
// a newline, so a line break in a server reply must not end them.
func oneLine(s string) string {
	s = strings.NewReplacer("\r\n", " ⏎ ", "\n", " ⏎ ", "\r", " ⏎ ").Replace(s)
	return clean(s)
}

// mdText escapes text for Markdown prose and table cells, so server text shows literally and
// cannot add emphasis, code, links, images, raw HTML, entities, strikethrough, table cells, GitHub
// maths ($), issue references (#1) or mentions (@team). CommonMark lets any ASCII punctuation be
// backslash-escaped and hides the backslash; characters that are inert where they stand ("_"
// inside a word, "]" and ">" after the start) are left alone so the raw text stays readable.
// Callers never place the result at the start of a line, where block syntax would apply.
func mdText(s string) string {
	rs := []rune(oneLine(s))
	var b strings.Builder
	for i, r := range rs {
		prev, next := ' ', ' '
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		esc := false
		switch r {
		case '\\', '`', '*', '[', '<', '|', '~', '$':
			esc = true
		case '>':
			esc = i == 0
		case '_', '@', '#':
			// Intraword underscores cannot emphasise, and GitHub links "#1"/"@x" only after a
			// non-word character.
			esc = !isWord(prev) || (r == '_' && !isWord(next))
		case '&':
			esc = isWord(next) || next == '#' // an entity such as &lt; or &#60;
		}
		if esc {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// mdCode wraps text in a code span long enough that backticks inside cannot close it. In a GFM
// table "|" still ends the cell inside a code span, so it is escaped there (GFM removes the
// backslash when rendering).
func mdCode(s string, inTable bool) string {
	s = oneLine(s)
	if s == "" {
		return ""
	}
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || (strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ")) {
		s = " " + s + " " // CommonMark strips one space each side when both are there
	}
	if inTable {
		s = strings.ReplaceAll(s, "|", `\|`)
	}
	return fence + s + fence
}

// mdFence wraps text in a fenced code block whose fence is longer than any backtick run inside,
// so no line of the text can close it.
func mdFence(s, info string) string {
	fence := strings.Repeat("`", max(3, longestRun(s, '`')+1))
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return fence + info + "\n" + s + fence + "\n"
}

func longestRun(s string, c rune) int {
	best, n := 0, 0
	for _, r := range s {
		if r == c {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}

// mdChecks writes the conformance table: every check with its clause, verdict and evidence.
func mdChecks(b *strings.Builder, v *view, L map[string]string) {
	fmt.Fprintf(b, "## %s\n\n%s\n\n", L["conformance"], mdText(v.ChecksSummary))
	rows := [][]string{}
	for _, c := range v.Checks {
		var d []string
		if c.Title != "" {
			d = append(d, mdText(c.Title))
		}
		if c.Reason != "" {
			d = append(d, "*"+mdText(c.Reason)+"*")
		}
		if c.Evidence != "" {
			d = append(d, mdCode(c.Evidence, true))
		}
		rows = append(rows, []string{mdCode(c.ID, true), c.Level, mdIcon(c.Verdict.Class) + " " + c.Verdict.Text,
			mdText(c.RFC), strings.Join(d, " · ")})
	}
	mdTable(b, []string{L["check"], L["level"], L["verdict"], L["rfc"], L["detail"]}, rows)
}
