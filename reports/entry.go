package reports

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// WriteEntry prints one catalogue entry (`mailcheck explain tls.cert-expired`): its severity,
// title, why and fix, and every provider's own fix for it, wrapped to the terminal. JSON,
// Markdown and HTML give the catalogue's own form, with this one entry.
func WriteEntry(w io.Writer, e findings.Entry, providerFix map[string]findings.Text, f Format, o Options) error {
	if f != Table && f != "" && f != Reply {
		return WriteCatalogue(w, []findings.Entry{e}, map[findings.Code]map[string]findings.Text{e.Code: providerFix}, f, o)
	}
	lang := o.Lang
	if lang == "" {
		lang = "en"
	}
	p := newPalette(o.Color)
	width := tableWidth(o.Width)
	sev := severityBadge(e.Severity, lang)
	b := &strings.Builder{}
	b.WriteString(p.badge(sev) + " " + p.bold.Sprint(string(e.Code)) + "\n")
	for _, l := range wrapText(e.Title.In(lang), width) {
		b.WriteString(p.bold.Sprint(l) + "\n")
	}
	if t := e.Explain.In(lang); t != "" {
		hang(b, "  ", label("why", lang)+": ", t, width)
	}
	if t := e.Fix.In(lang); t != "" {
		hang(b, "  ", label("fix", lang)+": ", t, width)
	}
	keys := make([]string, 0, len(providerFix))
	for k := range providerFix {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		hang(b, "  ", fmt.Sprintf(label("providerFix", lang), k)+": ", providerFix[k].In(lang), width)
	}
	if e.Ref != "" {
		hang(b, "  ", label("ref", lang)+": ", e.Ref, width)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
