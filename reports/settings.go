package reports

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/mailcheck/mailcheck/probes"
)

var settingsLabels = map[string]findings.Text{
	"settings":  {EN: "Settings to type into the mail client", ZH: "邮件客户端应填写的设置"},
	"role":      {EN: "Role", ZH: "用途"},
	"server":    {EN: "Server", ZH: "服务器地址"},
	"port":      {EN: "Port", ZH: "端口"},
	"security":  {EN: "Security", ZH: "加密方式"},
	"username":  {EN: "User name", ZH: "用户名"},
	"password":  {EN: "Password", ZH: "密码"},
	"source":    {EN: "Found via", ZH: "来源"},
	"incoming":  {EN: "Incoming", ZH: "收信"},
	"outgoing":  {EN: "Outgoing", ZH: "发信"},
	"closed":    {EN: "This service is closed; use %s instead.", ZH: "该服务已关闭，请改用 %s。"},
	"knowNotes": {EN: "Before it works", ZH: "使用前须知"},
	"alt":       {EN: "alternative", ZH: "备用"},
}

// authText says in plain words what goes in the password field.
var authText = map[probes.AuthKind]findings.Text{
	"password":              {EN: "the account password", ZH: "邮箱登录密码"},
	"app-password":          {EN: "an app-specific password (not the web password)", ZH: "应用专用密码（不是网页登录密码）"},
	"authorization-code":    {EN: "the client authorization code (授权码), not the web password", ZH: "客户端授权码（不是网页登录密码）"},
	"oauth-only":            {EN: "OAuth2 sign-in only; passwords are refused", ZH: "仅支持 OAuth2 登录，密码会被拒绝"},
	"oauth-or-app-password": {EN: "OAuth2 sign-in, or an app password (not the web password)", ZH: "OAuth2 登录或应用专用密码（不是网页登录密码）"},
}

// usernameForms name the login-name forms settings show when no address is known.
var usernameForms = map[probes.UsernameForm]findings.Text{
	probes.FormAddress: {EN: "full address", ZH: "完整邮箱地址"},
	probes.FormLocal:   {EN: "local part (before @)", ZH: "@ 前面的部分"},
}

// UsernameLabel shows the login name for proto: the name itself when the address is known,
// else its form.
func UsernameLabel(s *probes.Settings, proto probes.Proto, lang string) string {
	if u := s.Usernames[proto]; u != "" {
		return u
	}
	if t, ok := usernameForms[s.Forms[proto]]; ok {
		return t.In(lang)
	}
	return ""
}

// SecurityLabel names a security mode the way client dialogs do, in lang ("SSL/TLS",
// "STARTTLS", "none"/"不加密").
func SecurityLabel(s probes.Security, lang string) string {
	switch s {
	case probes.ImplicitTLS:
		return "SSL/TLS"
	case probes.STARTTLS:
		return "STARTTLS"
	case probes.Plain:
		return findings.Text{EN: "none", ZH: "不加密"}.In(lang)
	}
	return string(s)
}

// sourceLabels say in words how an endpoint was found (probes.Endpoint.Source).
var sourceLabels = map[string]findings.Text{
	"flag":       {EN: "given on the command line", ZH: "命令行指定"},
	"batch":      {EN: "from the batch file", ZH: "来自批量文件"},
	"builtin":    {EN: "built-in (%s)", ZH: "内置（%s）"},
	"file":       {EN: "your providers file (%s)", ZH: "自定义服务商文件（%s）"},
	"srv":        {EN: "DNS SRV record %s", ZH: "DNS SRV 记录 %s"},
	"mx":         {EN: "MX records (%s)", ZH: "MX 记录（%s）"},
	"autoconfig": {EN: "autoconfig file", ZH: "autoconfig 配置文件"},
	"guess":      {EN: "common host name (guessed)", ZH: "常见主机名（推测）"},
	"lab":        {EN: "lab scenario %s", ZH: "实验场景 %s"},
	"send-test":  {EN: "send test", ZH: "收发测试"},
}

// SourceLabel says how an endpoint was found, in lang: "given on the command line",
// "provider database (qq)". An unknown source is shown as it is.
func SourceLabel(src, lang string) string {
	kind, arg, _ := strings.Cut(src, ":")
	t, ok := sourceLabels[kind]
	if !ok {
		return src
	}
	if strings.Contains(t.EN, "%s") {
		if arg == "" {
			return src
		}
		return fmt.Sprintf(t.In(lang), arg)
	}
	return t.In(lang)
}

// RoleLabel names an endpoint's role: "Incoming (IMAP)".
func RoleLabel(p probes.Proto, lang string) string {
	key := "incoming"
	if p == probes.SMTP {
		key = "outgoing"
	}
	return fmt.Sprintf("%s (%s)", settingsLabels[key].In(lang), strings.ToUpper(string(p)))
}

// AuthLabel explains the password kind.
func AuthLabel(kind probes.AuthKind, lang string) string {
	if t, ok := authText[kind]; ok {
		return t.In(lang)
	}
	return string(kind)
}

func slabel(k, lang string) string { return settingsLabels[k].In(lang) }

// writeSettings prints what to type into a mail client: the settings' own endpoints (the view's
// Given rows), the password kind and the provider's quirks.
func writeSettings(w io.Writer, v *view, p palette, width int) error {
	lang := v.Lang
	fmt.Fprintln(w)
	for _, l := range wrapIndent(slabel("settings", lang)+": "+clean(v.Provider), width) {
		fmt.Fprintln(w, p.bold.Sprint(l))
	}
	if v.Closed != "" {
		fmt.Fprintln(w, p.fail.Sprint(clean(v.Closed)))
	}
	if slices.ContainsFunc(v.Settings, func(s settingRow) bool { return s.Given }) {
		// One login name for every row goes below the table, as the password does: the table
		// keeps room for the host names, which are never wrapped (they are what the user types).
		users := map[string]bool{}
		for _, s := range v.Settings {
			if s.Given {
				users[s.User] = true
			}
		}
		oneUser := len(users) == 1
		var rows [][]string
		for _, s := range v.Settings {
			if s.Given {
				row := []string{clean(s.Role), clean(s.Host), s.Port, s.Security}
				if !oneUser {
					row = append(row, clean(s.User))
				}
				rows = append(rows, append(row, clean(s.Source)))
			}
		}
		head := []string{slabel("role", lang), slabel("server", lang), slabel("port", lang), slabel("security", lang)}
		if !oneUser {
			head = append(head, slabel("username", lang))
		}
		head = append(head, slabel("source", lang))
		shrink := []int{len(head) - 1, 0}
		if !oneUser {
			shrink = append(shrink, len(head)-2) // the user name column
		}
		if minTableWidth(head, rows, shrink) > width {
			// A narrow terminal: where the settings came from is the column to give up.
			head = head[:len(head)-1]
			for i := range rows {
				rows[i] = rows[i][:len(rows[i])-1]
			}
			shrink = shrink[1:]
			if !oneUser {
				shrink = []int{0, len(head) - 1}
			}
		}
		if err := renderFitted(w, head, rows, width, shrink, 0); err != nil {
			return err
		}
		if oneUser {
			for u := range users {
				if u != "" {
					fmt.Fprintf(w, "%s: %s\n", slabel("username", lang), clean(u))
				}
			}
		}
	}
	b := &strings.Builder{}
	if v.Auth != "" {
		hang(b, "", slabel("password", lang)+": ", clean(v.Auth), width)
	}
	if len(v.Notes) > 0 {
		fmt.Fprintf(b, "%s:\n", slabel("knowNotes", lang))
		for _, n := range v.Notes {
			hang(b, "  ", "• ", clean(n.Text), width)
			fix := clean(n.Fix)
			switch {
			case n.Fix != "" && n.URL != "":
				fix += " (" + clean(n.URL) + ")"
			case n.Fix == "":
				fix = clean(n.URL)
			}
			if fix != "" {
				hang(b, "    ", "→ ", fix, width)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
