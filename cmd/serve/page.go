package serve

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/mailcheck/mailcheck/cmd/serve/store"
	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/reports"
)

// pageLang is the page's language: ?lang=, else the browser's Accept-Language (zh or en).
func pageLang(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l == "zh" || l == "en" {
		return l
	}
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err != nil {
		return "en"
	}
	for _, t := range tags { // sorted by q, best first
		switch base, _ := t.Base(); base.String() {
		case "zh":
			return "zh"
		case "en":
			return "en"
		}
	}
	return "en"
}

// texts are the page's own strings; the report's come from reports and the catalogue.
var texts = map[string]map[string]string{
	"en": {
		"title": "mailcheck — why can't my mail client send or receive?", "intro": "Give an e-mail address, a provider name, or a protocol with a server. A password or token is optional: with it mailcheck also logs in. It is used for this check only and never stored.",
		"address": "E-mail address", "provider": "…or provider (qq, 163, gmail …)", "endpoint": "…or one server", "protocol": "Protocol",
		"target": "Server host[:port]", "security": "Security", "user": "Login name (optional)", "password": "Password or authorization code (optional)",
		"token": "…or OAuth2 access token (optional)", "submit": "Check", "history": "History", "checking": "Checking", "planned": "Endpoints to probe",
		"done": "Done", "open": "Open the report", "refused": "Refused", "failed": "The check could not run",
		"when": "When", "input": "Input", "status": "Status", "codes": "Findings", "filter": "Filter", "code": "Finding code", "domain": "Domain",
		"none": "No reports.", "back": "New check", "auto": "auto",
	},
	"zh": {
		"title": "mailcheck —— 邮件客户端为什么收不了、发不出邮件？", "intro": "填写邮箱地址、服务商名称，或协议加服务器。密码或令牌可不填：填写后 mailcheck 还会尝试登录。它只用于本次检查，绝不保存。",
		"address": "邮箱地址", "provider": "……或服务商（qq、163、gmail ……）", "endpoint": "……或单个服务器", "protocol": "协议",
		"target": "服务器 主机[:端口]", "security": "加密方式", "user": "登录名（可选）", "password": "密码或授权码（可选）",
		"token": "……或 OAuth2 访问令牌（可选）", "submit": "检查", "history": "历史记录", "checking": "正在检查", "planned": "待检查的服务器",
		"done": "完成", "open": "打开报告", "refused": "已拒绝", "failed": "无法进行检查",
		"when": "时间", "input": "输入", "status": "状态", "codes": "发现", "filter": "筛选", "code": "发现代码", "domain": "域名",
		"none": "没有报告。", "back": "新的检查", "auto": "自动",
	},
}

const pageStyle = `body{font:16px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:48rem;padding:1rem;color:#1a1a1a}
label{display:block;margin:.6rem 0 .2rem;font-weight:600}input,select{font:inherit;width:100%;box-sizing:border-box;padding:.45rem;border:1px solid #888;border-radius:4px}
fieldset{border:1px solid #ccc;border-radius:6px;margin:1rem 0}button{font:inherit;margin-top:1rem;padding:.6rem 1.4rem;border:0;border-radius:4px;background:#1a5fb4;color:#fff}
.row{display:flex;gap:.6rem;flex-wrap:wrap}.row>div{flex:1 1 10rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top;word-break:break-word}
.ok{color:#26a269}.warn{color:#c64600}.fail{color:#c01c28}.skip{color:#666}#progress li{margin:.2rem 0}nav a{margin-right:1rem}`

var pageTmpl = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="{{if eq .Lang "zh"}}zh-CN{{else}}en{{end}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.T.title}}</title><style>` + pageStyle + `</style></head><body>
<nav><a href="/">{{.T.back}}</a><a href="/reports">{{.T.history}}</a></nav>
{{define "form"}}<h1>{{.T.title}}</h1><p>{{.T.intro}}</p>
<form method="post" action="/check" autocomplete="off">
<input type="hidden" name="csrf" value="{{.CSRF}}"><input type="hidden" name="lang" value="{{.Lang}}">
<label for="address">{{.T.address}}</label><input id="address" name="address" type="text" inputmode="email" placeholder="you@example.com" maxlength="320">
<label for="provider">{{.T.provider}}</label><input id="provider" name="provider" type="text" maxlength="100">
<fieldset><legend>{{.T.endpoint}}</legend><div class="row">
<div><label for="protocol">{{.T.protocol}}</label><select id="protocol" name="protocol"><option value=""></option><option>smtp</option><option>imap</option><option>pop3</option></select></div>
<div><label for="target">{{.T.target}}</label><input id="target" name="target" type="text" placeholder="smtp.example.com:587" maxlength="300"></div>
<div><label for="security">{{.T.security}}</label><select id="security" name="security"><option value="auto">{{.T.auto}}</option><option>tls</option><option>starttls</option><option>plain</option></select></div>
</div></fieldset>
<label for="user">{{.T.user}}</label><input id="user" name="user" type="text" maxlength="320">
<label for="password">{{.T.password}}</label><input id="password" name="password" type="password" autocomplete="off">
<label for="token">{{.T.token}}</label><input id="token" name="token" type="password" autocomplete="off">
<button type="submit">{{.T.submit}}</button></form>{{end}}
{{define "list"}}<h1>{{.T.history}}</h1>
<form method="get" action="/reports" class="row"><div><label for="fa">{{.T.address}}</label><input id="fa" name="address" value="{{.F.Address}}"></div>
<div><label for="fd">{{.T.domain}}</label><input id="fd" name="domain" value="{{.F.Domain}}"></div><div><label for="fc">{{.T.code}}</label><input id="fc" name="code" value="{{.F.Code}}"></div>
<div><button type="submit">{{.T.filter}}</button></div></form>
{{if .List}}<table><tr><th>{{.T.when}}</th><th>{{.T.input}}</th><th>{{.T.status}}</th><th>{{.T.codes}}</th></tr>
{{range .List}}<tr><td><a href="/reports/{{.ID}}">{{.Created.Format "2006-01-02 15:04:05Z"}}</a></td><td>{{.Command}} {{.Input}}</td><td class="{{.Status}}">{{.Status}}</td><td>{{range .Codes}}<code>{{.}}</code> {{end}}</td></tr>
{{end}}</table>{{else}}<p>{{.T.none}}</p>{{end}}{{end}}
{{if eq .Kind "form"}}{{template "form" .}}{{else if eq .Kind "list"}}{{template "list" .}}{{end}}
</body></html>
`))

type pageData struct {
	Lang, Kind, CSRF string
	T                map[string]string
	F                store.Filter
	List             []store.Meta
}

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	lang := pageLang(r)
	d := pageData{Lang: lang, Kind: "form", T: texts[lang], CSRF: s.csrf.token(w, r)}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	pageTmpl.Execute(w, d)
}

func (s *Server) pageList(w http.ResponseWriter, r *http.Request) {
	f, list, ok := s.list(w, r)
	if !ok {
		return
	}
	lang := pageLang(r)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	pageTmpl.Execute(w, pageData{Lang: lang, Kind: "list", T: texts[lang], F: f, List: list})
}

// pageReport is the permalink: the stored report as the HTML of --format html.
func (s *Server) pageReport(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Store == nil {
		s.refuse(w, http.StatusNotFound, "no-history", "this server keeps no history")
		return
	}
	rep, _, err := s.cfg.Store.Get(r.Context(), r.PathValue("id"))
	if errors.Is(err, store.ErrNotFound) {
		s.refuse(w, http.StatusNotFound, "not-found", "no report with this id (it may have expired)")
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	reports.Write(w, rep, reports.HTML, reports.Options{Lang: pageLang(r)})
}

// formRequest reads the form (bounded, POST body only: a query string is refused so a password
// can never come in the URL) and checks its CSRF token.
func (s *Server) formRequest(w http.ResponseWriter, r *http.Request) (Request, bool) {
	if r.URL.RawQuery != "" {
		s.refuse(w, http.StatusBadRequest, "query", "the form is sent in the POST body only (no query string: it would put credentials in logs)")
		return Request{}, false
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	if err := r.ParseForm(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			s.refuse(w, http.StatusRequestEntityTooLarge, "body", fmt.Sprintf("form larger than %d bytes", maxBody))
		} else {
			s.refuse(w, http.StatusBadRequest, "body", "invalid form: "+err.Error())
		}
		return Request{}, false
	}
	if !s.csrf.valid(r, r.PostForm.Get("csrf")) {
		s.refuse(w, http.StatusForbidden, "csrf", "missing or wrong CSRF token: reload the form and submit it again")
		return Request{}, false
	}
	f := func(k string) string { return strings.TrimSpace(r.PostForm.Get(k)) }
	req := Request{Address: f("address"), Provider: f("provider"), Target: f("target"), User: f("user"),
		Password: r.PostForm.Get("password"), Token: f("token"), Lang: f("lang")}
	if req.Target != "" || f("protocol") != "" {
		req.Protocol, req.Security = f("protocol"), f("security")
	}
	return req, true
}

// formCheck runs the form's check and streams the progress: one line per endpoint as it
// finishes, flushed, then the link to the permalink and a meta refresh to it (no script
// needed; with the history off, the report itself follows).
func (s *Server) formCheck(w http.ResponseWriter, r *http.Request) {
	req, ok := s.formRequest(w, r)
	if !ok {
		return
	}
	release, ok := s.accept(w, r, &req)
	if !ok {
		return
	}
	defer release()
	lang := req.Lang
	if lang == "" {
		lang = pageLang(r)
		req.Lang = lang
	}
	t := texts[lang]
	fl, _ := w.(http.Flusher)
	var mu sync.Mutex
	started := false
	begin := func() { // the page head goes out with the first progress, not before a refusal
		if started {
			return
		}
		started = true
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		fmt.Fprintf(w, `<!doctype html><html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title><style>%s</style></head><body><nav><a href="/">%s</a><a href="/reports">%s</a></nav><h1>%s…</h1><ol id="progress">`,
			map[string]string{"zh": "zh-CN", "en": "en"}[lang], template.HTMLEscapeString(t["checking"]), pageStyle,
			template.HTMLEscapeString(t["back"]), template.HTMLEscapeString(t["history"]), template.HTMLEscapeString(t["checking"]))
		fmt.Fprint(w, strings.Repeat(" ", 1024)) // browsers render a streamed page after the first KiB
		if fl != nil {
			fl.Flush()
		}
	}
	line := func(class, text string) {
		mu.Lock()
		defer mu.Unlock()
		begin()
		fmt.Fprintf(w, "<li class=\"%s\">%s</li>\n", class, template.HTMLEscapeString(text))
		if fl != nil {
			fl.Flush()
		}
	}
	out := s.run(r.Context(), req, runOpts{
		planned: func(p probes.Plan) { line("skip", fmt.Sprintf("%s: %d", t["planned"], len(p.Endpoints))) },
		progress: func(ep probes.Endpoint, res probes.Result) {
			line(string(res.Status), fmt.Sprintf("%s %s:%d %s — %s", ep.Proto, ep.Host, ep.Port, ep.Security, res.Status))
		},
	})
	if !started {
		// Nothing streamed yet: a refusal still gets its 4xx.
		if !s.answerOutcome(w, out, "form") {
			return
		}
		if out.id == "" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			reports.Write(w, out.rep, reports.HTML, reports.Options{Lang: lang})
			return
		}
		http.Redirect(w, r, "/reports/"+out.id, http.StatusSeeOther)
		return
	}
	mu.Lock()
	defer mu.Unlock()
	fmt.Fprint(w, "</ol>")
	switch {
	case len(out.refused) > 0:
		s.metrics.checks.WithLabelValues("form", "refused").Inc()
		fmt.Fprintf(w, `<p class="fail" id="verdict">%s: %s</p>`, template.HTMLEscapeString(t["refused"]), template.HTMLEscapeString(strings.Join(out.refused, "; ")))
	case out.usage != nil || out.internal != nil:
		err := out.usage
		if err == nil {
			err = out.internal
		}
		s.metrics.checks.WithLabelValues("form", "bad-input").Inc()
		fmt.Fprintf(w, `<p class="fail" id="verdict">%s: %s</p>`, template.HTMLEscapeString(t["failed"]), template.HTMLEscapeString(err.Error()))
	default:
		s.metrics.checks.WithLabelValues("form", string(out.rep.Status)).Inc()
		fmt.Fprintf(w, `<p class="%s" id="verdict">%s: %s</p>`, out.rep.Status, template.HTMLEscapeString(t["done"]), out.rep.Status)
		if out.id != "" {
			u := "/reports/" + out.id
			fmt.Fprintf(w, `<p><a id="report" href="%s">%s</a></p><meta http-equiv="refresh" content="0;url=%s">`, u, template.HTMLEscapeString(t["open"]), u)
		}
	}
	fmt.Fprint(w, "</body></html>\n")
}
