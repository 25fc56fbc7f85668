package findings

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// Sentence is a sentence mailcheck composes itself around values (a port, a host, a TLS
// version, what a server said) for a finding's evidence or a step's detail. The JSON keeps the
// English (the contract); a report in Chinese finds the sentence by its English shape and says
// the same values in Chinese, so one definition here serves both and no regex is hand-written.
type Sentence struct {
	Text
	re    *regexp.Regexp
	zh    string // ZH with every verb as %s (the values come back as text)
	inner bool   // only ever a value inside another sentence: never matched on its own
	step  int    // 1 + the index of the value that is a step's name (StepName), 0 for none
}

// naming marks value i (from 0) as a step's name, said by StepName rather than as a sentence.
func (s *Sentence) naming(i int) *Sentence { s.step = i + 1; return s }

// Format is the sentence in English with args, as the JSON and English reports carry it.
func (s *Sentence) Format(args ...any) string { return fmt.Sprintf(s.EN, args...) }

// Errorf is the sentence as an error (its EN may wrap one with %w).
func (s *Sentence) Errorf(args ...any) error { return fmt.Errorf(s.EN, args...) }

var sentences []*Sentence

var verbRE = regexp.MustCompile(`%(\[\d+\])?[dsqvw]`)

// say registers a sentence; EN and ZH take the same verbs (%d %s %q %v %w; ZH may index them).
func say(en, zh string) *Sentence { return register(en, zh, false) }

// sayIn registers a sentence that is only a value of others ("%s is an IP address" inside
// "URL: redirect refused: …"): so general a shape is not looked for in a server's reply.
func sayIn(en, zh string) *Sentence { return register(en, zh, true) }

func register(en, zh string, inner bool) *Sentence {
	var re strings.Builder
	re.WriteString("^")
	last := 0
	for _, m := range verbRE.FindAllStringIndex(en, -1) {
		re.WriteString(regexp.QuoteMeta(en[last:m[0]]))
		if en[m[1]-1] == 'd' {
			re.WriteString(`(-?\d+)`)
		} else {
			re.WriteString(`(.*?)`)
		}
		last = m[1]
	}
	re.WriteString(regexp.QuoteMeta(en[last:]) + "$")
	s := &Sentence{Text: Text{EN: en, ZH: zh}, re: regexp.MustCompile(re.String()),
		zh: verbRE.ReplaceAllString(zh, "%${1}s"), inner: inner}
	// The longest first: a sentence that extends another ("…; its certificate is not valid")
	// must be tried before the one it extends.
	i := sort.Search(len(sentences), func(i int) bool { return len(sentences[i].EN) < len(en) })
	sentences = slices.Insert(sentences, i, s)
	return s
}

// Sentences is every registered sentence (for tests).
func Sentences() []*Sentence { return sentences }

// Localize says text in lang when it is one of the sentences, or a "; " list of them; ok is
// false (and text is returned as is) when it is not.
func Localize(text, lang string) (string, bool) {
	if lang != "zh" || text == "" {
		return text, false
	}
	return localize(text, false)
}

func localize(text string, nested bool) (string, bool) {
	if text == "" {
		return text, false
	}
	// A "; " list of ours first (a value may span a "; " and swallow the next sentence), then
	// the whole text as one sentence.
	if parts := strings.Split(text, "; "); len(parts) > 1 {
		all := true
		for i, p := range parts {
			out, ok := localizeOne(p, nested)
			if !ok {
				all = false
				break
			}
			parts[i] = out
		}
		if all {
			return strings.Join(parts, "；"), true
		}
	}
	if out, ok := localizeOne(text, nested); ok {
		return out, true
	}
	return text, false
}

func localizeOne(text string, nested bool) (string, bool) {
	for _, s := range sentences {
		if s.inner && !nested {
			continue
		}
		m := s.re.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		if s.step > 0 {
			// Only a step's name takes that place: "not run: auth: run deadline reached" is
			// "not run: %s" around the deadline sentence, not a step named "not run: auth".
			zh, ok := stepNameZH(m[s.step])
			if !ok {
				continue
			}
			args[s.step-1] = zh
		}
		for i, v := range m[1:] {
			if i+1 == s.step {
				continue
			}
			// A value may itself be ours: "(imap:993 from srv, dns; …)", "redirect refused: …".
			if out, ok := localize(v, true); ok {
				v = out
			}
			args[i] = v
		}
		return fmt.Sprintf(s.zh, args...), true
	}
	return "", false
}

// The sentences. Values stay as given: host names, ports, versions, a server's words.
var (
	// Wrong mode (probes/run.go): what the other mode showed on the same port.
	SayExpectsTLS = say("no greeting in plaintext on port %d, but a TLS handshake works there (%s)",
		"端口 %d 上明文连接收不到欢迎信息，但 TLS 握手可以成功（%s）")
	SayExpectsTLSBadCert = say("no greeting in plaintext on port %d, but a TLS handshake works there (%s); its certificate is not valid: %s",
		"端口 %d 上明文连接收不到欢迎信息，但 TLS 握手可以成功（%s）；其证书无效：%s")
	SayTLSPortSilent = say("no greeting in %s, and the port answers a TLS handshake: %w",
		"%s 内没有收到欢迎信息，而该端口能完成 TLS 握手：%s")
	SayExpectsSTARTTLS = say("port %d speaks plaintext first; STARTTLS there: %s",
		"端口 %d 先以明文通信；在该端口使用 STARTTLS：%s")
	// The other mode's step as that evidence tells it (StepStatusText): "ok, TLS 1.3, …".
	SayStepNotReached = sayIn("not reached", "未执行到")
	SayWithFindings   = sayIn("%s (findings: %s)", "%s（发现：%s）")

	// A TLS handshake (probes/starttls.go); Go's error after our words stays verbatim.
	SayTLSHandshake = say("tls handshake: %w", "TLS 握手：%s")

	// What a step saw (probes/smtp.go, pop3.go, imap.go, mailbox.go, conform_*.go).
	SayExtensions    = say("%d extensions: %s", "%d 个扩展：%s")
	SayHELOOnly      = say("HELO only (no ESMTP extensions)", "仅支持 HELO（没有 ESMTP 扩展）")
	SayEHLORefused   = say("EHLO refused (%d)", "EHLO 被拒绝（%d）")
	SayLoggedIn      = say("logged in as %s", "已登录：%s")
	SayLoggedInMech  = say("logged in as %s (%s)", "已登录：%s（%s）")
	SayInbox         = say("INBOX: %d messages, UIDVALIDITY %d", "收件箱：%d 封邮件，UIDVALIDITY %d")
	SayMaildrop      = say("%d messages, %d bytes", "%d 封邮件，共 %d 字节")
	SayFolders       = say("%d folders; Sent %q, Drafts %q, Trash %q, Junk %q", "%d 个文件夹；已发送 %q，草稿 %q，已删除 %q，垃圾邮件 %q")
	SayEntries       = say("%d entries", "%d 条")
	SayResponses     = say("%d responses", "%d 条响应")
	SayNoQuota       = say("no quota set", "未设置配额")
	SayNoCAPA        = say("CAPA not supported", "不支持 CAPA")
	SayAPOP          = say("APOP timestamp %s", "APOP 时间戳 %s")
	SayLoginDisabled = say("LOGINDISABLED before TLS (good: passwords only travel encrypted)", "加密前 LOGINDISABLED（正确：密码只在加密后传输）")

	// A step skipped after an earlier one broke the session (probes/session.go).
	SayNotRun     = say("not run: %s", "未运行：%s")
	SayStepFailed = sayIn("%s failed (%s)", "%s 步骤失败（%s）").naming(0)

	SayCertValidUntil = say("%s, certificate valid until %s", "%s，证书有效期至 %s")

	// A login not tried (probes/smtp.go, pop3.go, imap.go), and why (probes/plan.go).
	SayAuthNotTried     = say("AUTH %s offered; %s, login not tried%s", "提供 AUTH %s；%s，未尝试登录%s")
	SayNotTried         = say("%s, login not tried%s", "%s，未尝试登录%s")
	SayNoPassword       = sayIn("no password given", "未提供密码")
	SayOAuthOnly        = sayIn(" (OAuth2 only: a password cannot log in here)", "（仅支持 OAuth2：密码无法在此登录）")
	SayWithheldPassword = say("%s is outside the address's domain, so the password was not sent (--trust-discovered sends it)",
		"%s 不在该地址的域名之内，因此没有发送密码（--trust-discovered 可发送）")
	SayWithheldToken = say("%s is outside the address's domain, so the token was not sent (--trust-discovered sends it)",
		"%s 不在该地址的域名之内，因此没有发送令牌（--trust-discovered 可发送）")

	// The run's --deadline cut a step short (probes/session.go, connlimits.go: the words are
	// probes.ErrRunDeadline's, which a probes test holds to these).
	SayStepDeadline = say("%s: run deadline reached", "%s：已到达整体检查时限（--deadline）").naming(0)
	SaySlotDeadline = say("run deadline reached before this endpoint got a connection slot",
		"在该服务器轮到连接之前已到达整体检查时限（--deadline）")

	// Discovery safety (providers/safety.go, providers/discover.go).
	SayNotMailPort = say("%s: port %d is not a mail port (%s); not contacted (--any-port allows it)",
		"%s：端口 %d 不是邮件端口（%s）；未连接（--any-port 可允许）")
	SayEndpointsCapped = say("%d endpoints discovered, first %d kept",
		"发现了 %d 个服务器地址，只保留前 %d 个")
	SayRecordsCapped = say("%s: %d records, first %d kept",
		"%s：%d 条记录，只保留前 %d 条")
	SayForeignWithheld = say("%s (%s) is outside %s and the provider's known hosts: no password or token is sent there",
		"%s（%s）不在 %s 及服务商已知的主机之内：不会向它发送密码或令牌")
	SayForeignDNSSEC = say("%s (%s) is outside %s: trusted because the answer was DNSSEC-validated",
		"%s（%s）不在 %s 之内：因 DNS 应答经过 DNSSEC 验证而信任")
	SayForeignFlag = say("%s (%s) is outside %s: trusted because --trust-discovered",
		"%s（%s）不在 %s 之内：因指定了 --trust-discovered 而信任")
	SayEndpointFrom = sayIn("%s:%d from %s, %s", "%s:%d，来自 %s，%s")

	// Discovery's steps (providers/discover.go, guess.go, ispdb.go, autodiscover.go).
	SayNoBuiltIn     = say("no built-in entry for %s", "内置数据库中没有 %s")
	SayServiceClosed = say("%s → %s: service closed %s; successor %s", "%s → %s：服务已于 %s 关闭；继任者 %s")
	SayUnverified    = say("%s → %s (unverified entry, confidence %s; checking DNS too)", "%s → %s（未验证的条目，可信度 %s；同时检查 DNS）")
	SayNXDOMAIN      = say("%s does not exist (NXDOMAIN)", "%s 不存在（NXDOMAIN）")
	SayImplicitMX    = say("%s publishes no MX; mail goes to its own address (implicit MX)", "%s 没有 MX 记录；邮件发往其自身地址（隐式 MX）")
	SayNoMXNoAddress = say("%s publishes no MX and no address: it receives no mail", "%s 既没有 MX 也没有地址：无法接收邮件")
	SayMXFailed      = say("MX lookup failed", "MX 查询失败")
	SayNullMX        = say("%s has a null MX: it accepts no mail", "%s 设置了空 MX：不接收任何邮件")
	SayMXUnknown     = say("MX %s (no known provider)", "MX %s（不是已知的服务商）")
	SayMXNoServer    = say("MX %s: no such mail server: %s receives no mail", "MX %s：邮件服务器不存在：%s 无法接收邮件")
	SayServers       = say("%s: %d servers", "%s：%d 个服务器")
	SayNoneFound     = say("none: %s", "没有找到：%s")
	SayNoneExists    = say("none of %s exists", "%s 均不存在")
	SayFound         = say("found %s", "找到 %s")

	// Redirects refused (providers/autoconfig.go), as "URL: redirect refused: why".
	SayRedirectRefused  = say("%s: redirect refused: %s", "%s：拒绝跟随重定向：%s")
	SayTooManyRedirects = sayIn("more than %d redirects", "重定向超过 %d 次")
	SayNotHTTPS         = sayIn("%s is not HTTPS", "%s 不是 HTTPS")
	SayNot443           = sayIn("%s is not on port 443", "%s 不在 443 端口")
	SayIsIP             = sayIn("%s is an IP address", "%s 是 IP 地址")
	SayOutside          = sayIn("%s is outside %s", "%s 不在 %s 之内")

	// explain's fallback (findings.Guess): the failure line, said to be a reading by wording.
	SayGuessed = say("%s (no signature matched; a best guess from known cases worded alike)",
		"%s（没有特征匹配；按措辞相近的已知案例推测）")
)

// A server's refusal as a step's error (probes.ReplyError): "smtp auth: 535 …", the reply
// verbatim after our words. The protocol is a literal, so no other text takes this shape.
var sayReply, sayGreeting = map[string]*Sentence{}, map[string]*Sentence{}

// A step's status (probes.Status) with what the step said, as a value of another sentence
// (the words are the reports' status labels, st.*).
// The status is a literal, so the words around a detail are not mistaken for one.
var sayStatus, sayStatusOnly = map[string]*Sentence{}, map[string]*Sentence{}

// StepStatusText is a step's status and rest ("" for none): "ok, TLS 1.3, …", "fail".
func StepStatusText(status, rest string) string {
	if rest == "" {
		if s := sayStatusOnly[status]; s != nil {
			return s.Format()
		}
		return status
	}
	if s := sayStatus[status]; s != nil {
		return s.Format(rest)
	}
	return status + ", " + rest
}

func init() {
	for _, st := range []struct{ en, zh string }{{"ok", "正常"}, {"warn", "警告"}, {"fail", "失败"}, {"skip", "跳过"}} {
		sayStatusOnly[st.en] = sayIn(st.en, st.zh)
		sayStatus[st.en] = sayIn(st.en+", %s", st.zh+"，%s")
	}
	for _, p := range []string{"smtp", "pop3", "imap"} {
		up := strings.ToUpper(p)
		sayGreeting[p] = say(p+" greeting: %s", up+" 欢迎信息：%s")
		sayReply[p] = say(p+" %s: %s", up+" %s 命令的回复：%s")
	}
}

// ReplyText is a server's reply to cmd ("" for the greeting) in a protocol's session.
func ReplyText(proto, cmd, reply string) string {
	cmd = strings.ToLower(cmd)
	if s := sayGreeting[proto]; s != nil && (cmd == "" || cmd == "greeting") {
		return s.Format(reply)
	}
	if s := sayReply[proto]; s != nil {
		return s.Format(cmd, reply)
	}
	if cmd == "" {
		cmd = "greeting"
	}
	return fmt.Sprintf("%s %s: %s", proto, cmd, reply)
}
