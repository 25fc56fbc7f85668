package reports

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/mailcheck/mailcheck/probes"
)

// catalogueEntry is the JSON form of one catalogue record: both languages, so scripts and
// helpdesk articles can use either.
type catalogueEntry struct {
	Code        findings.Code            `json:"code"`
	Severity    findings.Severity        `json:"severity"`
	Title       findings.Text            `json:"title"`
	Explanation findings.Text            `json:"explanation"`
	Fix         findings.Text            `json:"fix"`
	Ref         string                   `json:"ref"`
	ProviderFix map[string]findings.Text `json:"provider_fix,omitempty"`
}

// catalogueItem is an entry with the providers' own fixes for its code.
type catalogueItem struct {
	findings.Entry
	ProviderFix map[string]findings.Text
}

// WriteCatalogue prints every finding code with its explanation and fix; providerFix holds the
// providers' own fixes by code and provider key (providers.DB.FixesByCode).
func WriteCatalogue(w io.Writer, list []findings.Entry, providerFix map[findings.Code]map[string]findings.Text, f Format, o Options) error {
	entries := make([]catalogueItem, len(list))
	for i, e := range list {
		entries[i] = catalogueItem{e, providerFix[e.Code]}
	}
	if o.Lang == "" {
		o.Lang = "en"
	}
	switch f {
	case JSON:
		out := make([]catalogueEntry, len(entries))
		for i, e := range entries {
			out[i] = catalogueEntry{e.Code, e.Severity, e.Title, e.Explain, e.Fix, e.Ref, e.ProviderFix}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(map[string]any{"schema": probes.Schema, "catalogue": out})
	case Markdown:
		fmt.Fprintf(w, "# %s\n\n| code | severity | %s |\n|---|---|---|\n", catalogueTitle.In(o.Lang), label("findings", o.Lang))
		for _, e := range entries {
			fmt.Fprintf(w, "| `%s` | %s | %s |\n", e.Code, e.Severity, mdEscape(e.Title.In(o.Lang)))
		}
		for _, e := range entries {
			fmt.Fprintf(w, "\n## `%s` — %s\n\n%s\n\n**%s:** %s\n", e.Code, mdEscape(e.Title.In(o.Lang)),
				mdEscape(e.Explain.In(o.Lang)), label("fix", o.Lang), mdEscape(e.Fix.In(o.Lang)))
			for _, k := range providerKeys(e) {
				fmt.Fprintf(w, "- **%s:** %s\n", k, mdEscape(e.ProviderFix[k].In(o.Lang)))
			}
			fmt.Fprintf(w, "\n%s: %s\n", label("ref", o.Lang), mdEscape(e.Ref))
		}
		return nil
	case HTML:
		return catalogueHTML.Execute(w, map[string]any{"Title": catalogueTitle.In(o.Lang), "Lang": o.Lang, "Entries": entries,
			"FixLabel": label("fix", o.Lang), "RefLabel": label("ref", o.Lang)})
	}
	p := newPalette(o.Color)
	rows := make([][]string, len(entries))
	for i, e := range entries {
		rows[i] = []string{string(e.Code), p.severity(e.Severity, o.Lang), clean(e.Title.In(o.Lang))}
	}
	// The title wraps to the terminal; the code (to type) stays whole.
	head := []string{catalogueHead[0].In(o.Lang), catalogueHead[1].In(o.Lang), catalogueHead[2].In(o.Lang)}
	if err := renderList(w, head, rows, tableWidth(o.Width), []int{2}); err != nil {
		return err
	}
	for _, l := range wrapText(fmt.Sprintf(catalogueCount.In(o.Lang), len(entries)), tableWidth(o.Width)) {
		fmt.Fprintln(w, l)
	}
	return nil
}

var (
	catalogueHead  = [3]findings.Text{{EN: "Code", ZH: "代码"}, {EN: "Severity", ZH: "严重程度"}, {EN: "Title", ZH: "问题"}}
	catalogueCount = findings.Text{EN: "%d codes; 'mailcheck explain --list --format markdown' shows every explanation and fix.",
		ZH: "共 %d 个代码；'mailcheck explain --list --format markdown' 列出每一条的解释和修复方法。"}
)

var catalogueTitle = findings.Text{EN: "mailcheck findings catalogue", ZH: "mailcheck 问题代码目录"}

func providerKeys(e catalogueItem) []string {
	keys := make([]string, 0, len(e.ProviderFix))
	for k := range e.ProviderFix {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// mdEscape keeps catalogue text from breaking a Markdown table or emphasis.
func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "*", `\*`, "_", `\_`, "`", "'").Replace(s)
}

var catalogueHTML = template.Must(template.New("catalogue").Funcs(template.FuncMap{
	"in": func(t findings.Text, lang string) string { return t.In(lang) },
}).Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{{.Title}}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
section{border:1px solid #d0d7de;border-radius:8px;padding:.5rem 1rem;margin:1rem 0}
code{background:#f6f8fa;padding:.1rem .3rem;border-radius:4px}.error{color:#b42318}.warning{color:#9a6700}.info{color:#57606a}</style>
</head><body><h1>{{.Title}}</h1>
{{range .Entries}}<section id="{{.Code}}"><h2><code>{{.Code}}</code> <span class="{{.Severity}}">{{.Severity}}</span></h2>
<p><strong>{{in .Title $.Lang}}</strong></p><p>{{in .Explain $.Lang}}</p><p><strong>{{$.FixLabel}}:</strong> {{in .Fix $.Lang}}</p>
{{if .ProviderFix}}<ul>{{range $k, $v := .ProviderFix}}<li><strong>{{$k}}:</strong> {{in $v $.Lang}}</li>{{end}}</ul>{{end}}
<p>{{$.RefLabel}}: {{.Ref}}</p></section>
{{end}}</body></html>
`))
