package reports

import (
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/tw"
)

// DefaultWidth is the terminal width when it is not known (not a terminal, no COLUMNS).
const DefaultWidth = 80

// minWidth is the narrowest layout the table renders; narrower terminals get this and wrap.
const minWidth = 40

func init() {
	// tablewriter guesses "East Asian" widths from LANG and TERM (zh_CN.UTF-8 on a console TERM
	// makes every box-drawing and ambiguous character two columns wide) and then draws borders
	// that no terminal lines up. Chinese characters are wide whatever this says; the ambiguous
	// ones (─ │ ✓ → …) are one column in every terminal a helpdesk uses, so the guess is off.
	twwidth.SetOptions(twwidth.Options{EastAsianWidth: false})
}

// textWidth is the display width of s: wide (CJK) runes count two, ANSI colour codes nothing.
func textWidth(s string) int { return twwidth.Width(s) }

// wrapText breaks s into lines of at most width display columns, on spaces where it can and
// between any two wide (CJK) characters, which need no space; a word longer than a line is cut.
// Line breaks already in s are kept.
func wrapText(s string, width int) []string {
	width = max(width, 4)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapPara(para, width)...)
	}
	return out
}

func wrapPara(s string, width int) []string {
	var lines []string
	var cur strings.Builder
	curW := 0
	flush := func() {
		lines = append(lines, strings.TrimRight(cur.String(), " "))
		cur.Reset()
		curW = 0
	}
	for _, tok := range tokens(s) {
		tw := textWidth(tok)
		if tok == " " {
			if curW > 0 && curW < width {
				cur.WriteString(" ")
				curW++
			}
			continue
		}
		if curW > 0 && curW+tw > width {
			flush()
		}
		for tw > width { // a word wider than the line: cut it
			head, rest := cutWidth(tok, width-curW)
			cur.WriteString(head)
			flush()
			tok, tw = rest, textWidth(rest)
		}
		cur.WriteString(tok)
		curW += tw
	}
	if cur.Len() > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// tokens splits s into words, single spaces, and single wide runes (each a place to break).
func tokens(s string) []string {
	var out []string
	var word strings.Builder
	end := func() {
		if word.Len() > 0 {
			out = append(out, word.String())
			word.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r == ' ':
			end()
			out = append(out, " ")
		case closingPunct(r) && word.Len() > 0:
			word.WriteRune(r) // "，" "。" "）" never start a line: they stay with what they close
		case closingPunct(r) && len(out) > 0 && out[len(out)-1] != " ":
			out[len(out)-1] += string(r)
		case wideRune(r):
			end()
			out = append(out, string(r))
		default:
			word.WriteRune(r)
		}
	}
	end()
	return out
}

func wideRune(r rune) bool {
	return r >= 0x1100 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) || (r >= 0x3000 && r <= 0x303f) ||
		(r >= 0xff00 && r <= 0xffef))
}

// cutWidth splits s after at most w display columns (at least one rune).
func cutWidth(s string, w int) (string, string) {
	n := 0
	for i, r := range s {
		rw := textWidth(string(r))
		if n+rw > w && i > 0 {
			return s[:i], s[i:]
		}
		n += rw
	}
	return s, ""
}

// shorten cuts s to at most w display columns, ending in "…" when it cut.
func shorten(s string, w int) string {
	if textWidth(s) <= w {
		return s
	}
	head, _ := cutWidth(s, max(w-1, 1))
	return head + "…"
}

// hang writes indent+label+text wrapped to width, continuation lines indented under the text
// (or, when the label leaves too little room, the text on its own lines below it).
func hang(b *strings.Builder, indent, label, text string, width int) {
	first := indent + label
	room := width - textWidth(first)
	cont := strings.Repeat(" ", textWidth(first))
	if room < 20 {
		b.WriteString(first + "\n")
		cont = indent + "  "
		room = width - textWidth(cont)
		first = cont
	}
	for i, l := range wrapText(text, room) {
		if i == 0 {
			b.WriteString(first + l + "\n")
		} else {
			b.WriteString(cont + l + "\n")
		}
	}
}

func closingPunct(r rune) bool {
	return strings.ContainsRune("，。、；：？！）」』”’》】", r)
}

// renderFitted renders a box table no wider than width: the columns in shrink (plain text, no
// colour) give up room in that order, and wrap on word boundaries; any cell keeps at most
// maxLines lines (0: no limit), the last one shortened with "…".
func renderFitted(w io.Writer, header []string, rows [][]string, width int, shrink []int, maxLines int) error {
	return renderTable(w, header, rows, width, shrink, maxLines, false)
}

// renderList is renderFitted for a listing (providers, lab scenarios): the widest column gives
// up room first, one column at a time, and no word of up to 24 columns is split, so host names
// stay whole.
// When even that is wider than the terminal, each row becomes a block instead: the first cell on
// its own line, then one "head  value" line per other cell, so nothing is cut and no line is
// wider than the terminal (a word wider than the whole line excepted).
func renderList(w io.Writer, header []string, rows [][]string, width int, shrink []int) error {
	cols := naturalColumns(header, rows)
	total := func() int { return tableTotal(cols) }
	shrinkList(cols, header, rows, width, shrink, total)
	if total() <= width {
		return renderTable(w, header, rows, width, shrink, 0, true)
	}
	return renderStacked(w, header, rows, width)
}

// renderStacked writes each row as a block: its first cell, then its other cells under their
// column heads, continuation lines aligned; empty cells are left out.
func renderStacked(w io.Writer, header []string, rows [][]string, width int) error {
	labelW := 0
	for _, h := range header[1:] {
		labelW = max(labelW, textWidth(h))
	}
	b := &strings.Builder{}
	for _, r := range rows {
		if len(r) == 0 {
			continue
		}
		for _, l := range wrapIndent(strings.ReplaceAll(r[0], "\n", " "), width) {
			b.WriteString(l + "\n")
		}
		for i := 1; i < len(r) && i < len(header); i++ {
			v := strings.TrimSpace(r[i])
			if v == "" {
				continue
			}
			label := header[i] + strings.Repeat(" ", labelW-textWidth(header[i])) + "  "
			hang(b, "  ", label, v, width)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// naturalColumns is each column's widest line (or its header).
func naturalColumns(header []string, rows [][]string) []int {
	cols := make([]int, len(header))
	for i, h := range header {
		cols[i] = textWidth(h)
	}
	for _, r := range rows {
		for i, c := range r {
			if i >= len(cols) {
				break
			}
			for _, l := range strings.Split(c, "\n") {
				cols[i] = max(cols[i], textWidth(l))
			}
		}
	}
	return cols
}

// tableTotal is the rendered width of a box table with these column widths: a border before
// each cell and one after the last, a space each side of every cell.
func tableTotal(cols []int) int {
	t := 3*len(cols) + 1
	for _, c := range cols {
		t += c
	}
	return t
}

func renderTable(w io.Writer, header []string, rows [][]string, width int, shrink []int, maxLines int, list bool) error {
	n := len(header)
	cols := naturalColumns(header, rows)
	total := func() int { return tableTotal(cols) }
	// The columns give up room in the order given, each down to its header or 12 columns, then,
	// on a very narrow terminal, to 6.
	if list {
		cols = shrinkList(cols, header, rows, width, shrink, total)
	} else {
		cols = shrinkColumns(cols, header, rows, width, shrink, total)
	}
	t := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
	)
	t.Header(header)
	for _, r := range rows {
		out := make([]string, n)
		for i, c := range r {
			if !slices.Contains(shrink, i) {
				out[i] = c
				continue
			}
			lines := wrapText(c, cols[i])
			if maxLines > 0 && len(lines) > maxLines {
				lines = append(lines[:maxLines-1], shorten(strings.Join(lines[maxLines-1:], " "), cols[i]))
			}
			out[i] = strings.Join(lines, "\n")
		}
		if err := t.Append(out); err != nil {
			return err
		}
	}
	return t.Render()
}

// wrapIndent wraps s to width with every line after the first indented two spaces.
func wrapIndent(s string, width int) []string {
	lines := wrapText(s, width-2)
	for i := 1; i < len(lines); i++ {
		lines[i] = "  " + lines[i]
	}
	return lines
}

// minTableWidth is the narrowest renderFitted can make the table without going below 12
// columns in a shrinkable column (or its header).
func minTableWidth(header []string, rows [][]string, shrink []int) int {
	t := 3*len(header) + 1
	for i, h := range header {
		w := textWidth(h)
		for _, r := range rows {
			for _, l := range strings.Split(r[i], "\n") {
				w = max(w, textWidth(l))
			}
		}
		if slices.Contains(shrink, i) {
			w = min(w, max(textWidth(h), 12))
		}
		t += w
	}
	return t
}

// shrinkColumns narrows the shrink columns until the table fits width. A listing (wrapWords)
// takes room from the widest column one column at a time and never splits a word of up to 24
// columns (a host name stays whole); a report table gives up room in the order given, each
// column down to its header or 12 columns, then to 6 on a very narrow terminal.
func shrinkColumns(cols []int, header []string, rows [][]string, width int, shrink []int, total func() int) []int {
	for _, least := range []int{12, 6} {
		for _, i := range shrink {
			over := total() - width
			if over <= 0 {
				break
			}
			floor := max(textWidth(header[i]), least)
			cols[i] = max(cols[i]-over, min(floor, cols[i]))
		}
	}
	return cols
}

// shrinkList takes one column at a time from the widest shrink column, down to its longest word
// (at most 24 columns) or its header.
func shrinkList(cols []int, header []string, rows [][]string, width int, shrink []int, total func() int) []int {
	floor := map[int]int{}
	for _, i := range shrink {
		f := textWidth(header[i])
		for _, r := range rows {
			if i < len(r) {
				for _, tok := range tokens(r[i]) {
					f = max(f, min(textWidth(tok), 24))
				}
			}
		}
		floor[i] = f
	}
	for total() > width {
		widest := -1
		for _, i := range shrink {
			if cols[i] > floor[i] && (widest < 0 || cols[i] > cols[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			break
		}
		cols[widest]--
	}
	return cols
}
