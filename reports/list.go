package reports

import (
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
)

// List is a plain listing (mailcheck providers, mailcheck lab list): a title, column heads and
// rows of text. JSON stays with the caller, which knows the records' shape.
type List struct {
	Title string
	Head  []string
	Rows  [][]string
}

// WriteList renders l as a terminal table, a GitHub-flavoured Markdown table under a heading,
// or a self-contained HTML page (inline CSS, no script, nothing loaded). Cell text is treated as
// untrusted, as report text is: cleaned of control characters and escaped for each format.
func WriteList(w io.Writer, l List, f Format, o Options) error {
	switch f {
	case Markdown:
		b := &strings.Builder{}
		fmt.Fprintf(b, "# %s\n\n", mdText(l.Title))
		head := make([]string, len(l.Head))
		for i, h := range l.Head {
			head[i] = mdText(h)
		}
		rows := make([][]string, len(l.Rows))
		for i, r := range l.Rows {
			rows[i] = make([]string, len(r))
			for j, c := range r {
				rows[i][j] = mdText(c)
			}
		}
		mdTable(b, head, rows)
		_, err := io.WriteString(w, b.String())
		return err
	case HTML:
		lang := "en"
		if o.Lang == "zh" {
			lang = "zh-CN"
		}
		rows := make([][]string, len(l.Rows))
		for i, r := range l.Rows {
			rows[i] = make([]string, len(r))
			for j, c := range r {
				rows[i][j] = cleanText(c)
			}
		}
		return listHTML.Execute(w, map[string]any{"Lang": lang, "Title": cleanText(l.Title), "Head": l.Head, "Rows": rows})
	case JSON:
		return fmt.Errorf("reports.WriteList: JSON is written by the caller")
	}
	rows := make([][]string, len(l.Rows))
	for i, r := range l.Rows {
		rows[i] = make([]string, len(r))
		for j, c := range r {
			rows[i][j] = clean(c)
		}
	}
	// Fit the terminal: the widest columns give up room first; the first (the name to type) never.
	width := tableWidth(o.Width)
	order := make([]int, 0, len(l.Head))
	for i := 1; i < len(l.Head); i++ {
		order = append(order, i)
	}
	natural := func(i int) int {
		w := textWidth(l.Head[i])
		for _, r := range rows {
			if i < len(r) {
				w = max(w, textWidth(r[i]))
			}
		}
		return w
	}
	slices.SortStableFunc(order, func(a, b int) int { return natural(b) - natural(a) })
	return renderList(w, l.Head, rows, width, order)
}

var listHTML = template.Must(template.New("list").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>{{.Title}}</title>
<style>body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Microsoft YaHei",sans-serif;max-width:80rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:14px}
th{text-align:left;font-size:12px;color:#59636e;text-transform:uppercase;letter-spacing:.04em;border-bottom:2px solid #d1d9e0;padding:6px 10px;white-space:nowrap}
td{border-bottom:1px solid #d1d9e0;padding:6px 10px;vertical-align:top;overflow-wrap:anywhere}
td:first-child{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:nowrap}</style>
</head><body><h1>{{.Title}}</h1>
<div class="scroll"><table>
<thead><tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Rows}}
<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table></div>
</body></html>
`))
