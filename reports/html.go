package reports

import (
	_ "embed"
	"html/template"
	"io"
)

// report.html.tmpl is a whole page with its CSS inline: the report is one file a user can mail
// or attach to a ticket, and it loads nothing and runs no script.
//
//go:embed report.html.tmpl
var htmlSource string

// htmlTmpl is parsed once; html/template escapes every value by context, which matters because
// banners, replies and certificate names come from the server and are untrusted. missingkey=error
// turns a misspelt label key into an error instead of a silently empty heading.
var htmlTmpl = template.Must(template.New("report").Option("missingkey=error").
	Funcs(template.FuncMap{"ctx": func(l map[string]string, x any) tmplCtx { return tmplCtx{l, x} }}).
	Parse(htmlSource))

// tmplCtx carries the labels into sub-templates, where $ is no longer the whole view.
type tmplCtx struct {
	L map[string]string
	X any
}

func writeHTML(w io.Writer, v *view) error {
	return htmlTmpl.Execute(w, v)
}

// HTMLLang is the page's lang attribute, which picks fonts and hyphenation for CJK text.
func (v *view) HTMLLang() string {
	if v.Lang == "zh" {
		return "zh-CN"
	}
	return "en"
}
