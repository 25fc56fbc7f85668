package probes

import (
	"encoding/base64"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// smtpChecks is the SMTP suite (RFC 5321, 3207, 4954, 2920, 2034, 6409), in walk order.
var smtpChecks = []CheckDef{
	{"smtp.greeting.code", "RFC 5321", "3.1", LevelMust,
		tx("The greeting is a 220 reply (421/554 refuse the session)", "问候语是 220 应答（421/554 表示拒绝会话）")},
	{"smtp.greeting.syntax", "RFC 5321", "4.2", LevelMust,
		tx("The greeting names the server: \"220 domain [text]\"", "问候语以服务器域名开头：“220 域名 [文字]”")},
	{"smtp.reply.syntax", "RFC 5321", "4.2", LevelMust,
		tx("Every reply line is a three-digit code followed by \"-\", a space or the line end", "每行应答都是三位数字代码，后跟“-”、空格或行尾")},
	{"smtp.reply.same-code", "RFC 5321", "4.2.1", LevelMust,
		tx("Every line of a multi-line reply carries the same code", "多行应答的每一行代码相同")},
	{"smtp.reply.crlf", "RFC 5321", "2.3.8", LevelMust,
		tx("Reply lines end in CRLF, never a bare LF", "应答行以 CRLF 结尾，而不是单独的 LF")},
	{"smtp.reply.line-length", "RFC 5321", "4.5.3.1.5", LevelShould,
		tx("Reply lines are at most 512 octets, CRLF included", "应答行（含 CRLF）不超过 512 字节")},
	{"smtp.helo", "RFC 5321", "4.1.1.1", LevelMust,
		tx("HELO is supported and answered 250 without an extension list", "支持 HELO，并以不含扩展列表的 250 应答")},
	{"smtp.ehlo", "RFC 5321", "2.2.1", LevelMust,
		tx("EHLO is supported (250)", "支持 EHLO（250）")},
	{"smtp.ehlo.syntax", "RFC 5321", "4.1.1.1", LevelMust,
		tx("The EHLO reply names the server and lists well-formed extension keywords", "EHLO 应答以服务器域名开头，扩展关键字格式正确")},
	{"smtp.auth.not-before-tls", "RFC 4954", "4", LevelShould,
		tx("No plaintext password mechanism (PLAIN, LOGIN) is offered before TLS", "TLS 之前不提供明文密码认证方式（PLAIN、LOGIN）")},
	{"smtp.starttls.accepted", "RFC 3207", "4", LevelMust,
		tx("An advertised STARTTLS is accepted with 220", "已声明的 STARTTLS 以 220 接受")},
	{"smtp.starttls.no-pipelined-data", "RFC 3207", "4", LevelMust,
		tx("Nothing is sent between the 220 ready reply and the TLS handshake (CVE-2021-22947 class)", "220 就绪应答与 TLS 握手之间不发送任何数据（CVE-2021-22947 类）")},
	{"smtp.starttls.ehlo-after-tls", "RFC 3207", "4.2", LevelMust,
		tx("After TLS the server forgets the earlier EHLO and accepts a new one", "TLS 建立后服务器丢弃之前的 EHLO 状态，并接受新的 EHLO")},
	{"smtp.starttls.not-readvertised", "RFC 3207", "4.2", LevelMust,
		tx("STARTTLS is not offered again once TLS is active", "TLS 生效后不再声明 STARTTLS")},
	{"smtp.noop", "RFC 5321", "4.1.1.9", LevelMust,
		tx("NOOP is answered 250", "NOOP 以 250 应答")},
	{"smtp.rset", "RFC 5321", "4.1.1.5", LevelMust,
		tx("RSET is answered 250", "RSET 以 250 应答")},
	{"smtp.unknown-command", "RFC 5321", "4.2.4", LevelShould,
		tx("An unknown command is answered 500 (502 tolerated)", "未知命令以 500 应答（502 也可接受）")},
	{"smtp.line-length", "RFC 5321", "4.5.3.1.4", LevelMust,
		tx("A 512-octet command line is read as one command", "512 字节的命令行被当作一条命令读取")},
	{"smtp.pipelining", "RFC 2920", "3.2", LevelMust,
		tx("With PIPELINING offered, commands sent in one write are all answered, in order", "声明 PIPELINING 时，一次发送的多条命令都按顺序得到应答")},
	{"smtp.enhanced-codes", "RFC 2034", "4", LevelMust,
		tx("With ENHANCEDSTATUSCODES offered, replies carry an enhanced status code of the same class", "声明 ENHANCEDSTATUSCODES 时，应答带有同类别的增强状态码")},
	{"smtp.submission.auth", "RFC 6409", "4.3", LevelShould,
		tx("A submission server offers AUTH", "邮件提交服务器提供 AUTH")},
	{"smtp.auth.challenge-base64", "RFC 4954", "4", LevelMust,
		tx("334 challenges are base64", "334 质询内容为 base64 编码")},
	{"smtp.auth.cancel", "RFC 4954", "4", LevelMust,
		tx("An AUTH exchange cancelled with \"*\" is answered 501", "用“*”取消的 AUTH 交互以 501 应答")},
	{"smtp.auth.success", "RFC 4954", "6", LevelMust,
		tx("A successful AUTH is answered 235", "认证成功时以 235 应答")},
	{"smtp.quit", "RFC 5321", "4.1.1.10", LevelMust,
		tx("QUIT is answered 221, then the server closes the connection", "QUIT 以 221 应答，随后服务器关闭连接")},
}

// smtpDomainOK reports whether s is a Domain or address-literal (RFC 5321 4.1.2), leniently:
// underscores are tolerated, as many real names carry them.
func smtpDomainOK(s string) bool {
	if strings.HasPrefix(s, "[") {
		in := strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")
		return strings.HasSuffix(s, "]") && in != "" && !strings.ContainsAny(in, "[]\\ ")
	}
	s = strings.TrimSuffix(s, ".")
	if s == "" || len(s) > 255 {
		return false
	}
	for _, label := range strings.Split(s, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
				return false
			}
		}
	}
	return true
}

// ehloKeywordRE is ehlo-keyword (RFC 5321 4.1.1.1).
var ehloKeywordRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]*$`)

// ehloSyntax returns the first deviation of an EHLO reply from ehlo-ok-rsp, "" when none.
// "AUTH=PLAIN LOGIN" (the pre-RFC 2554 form Postfix sends with broken_sasl_auth_clients) is
// tolerated: clients expect it.
func ehloSyntax(texts []string) string {
	if len(texts) == 0 {
		return "empty EHLO reply"
	}
	if f := strings.Fields(texts[0]); len(f) == 0 || !smtpDomainOK(f[0]) {
		return fmt.Sprintf("the first line does not start with the server's domain: %q", truncate(texts[0], 60))
	}
	for _, t := range texts[1:] {
		kw, params, _ := strings.Cut(t, " ")
		if strings.HasPrefix(strings.ToUpper(kw), "AUTH=") {
			continue
		}
		if !ehloKeywordRE.MatchString(kw) {
			return fmt.Sprintf("malformed extension keyword %q", truncate(kw, 40))
		}
		for i := 0; i < len(params); i++ {
			if params[i] < 0x20 || params[i] > 0x7e {
				return fmt.Sprintf("extension %s has a non-printable parameter", kw)
			}
		}
	}
	return ""
}

// extensionKeywords are keywords that mark an EHLO-style reply (RFC 5321 4.1.1.1 forbids one to HELO).
var extensionKeywords = []string{"SIZE", "PIPELINING", "STARTTLS", "AUTH", "8BITMIME", "ENHANCEDSTATUSCODES",
	"SMTPUTF8", "CHUNKING", "DSN", "BINARYMIME", "ETRN", "VRFY", "DELIVERBY", "REQUIRETLS"}

// smtpRead reads one reply leniently and records the reply-syntax checks on it.
func (c *conformer) smtpRead() (smtpReply, error) {
	s := c.s
	bare := s.lr.bareLF
	lines, err := s.readSMTPLines()
	if err != nil {
		return smtpReply{Lines: lines}, err
	}
	r := parseSMTPLines(lines)
	ev := joinLines(r.Lines)
	if r.Bad != "" {
		c.fail("smtp.reply.syntax", ev, r.Bad)
	}
	c.observe("smtp.reply.syntax")
	if len(r.Lines) > 1 {
		if r.Mixed {
			c.fail("smtp.reply.same-code", ev, "a multi-line reply mixes reply codes")
		}
		c.observe("smtp.reply.same-code")
	}
	if !bare && s.lr.bareLF {
		c.fail("smtp.reply.crlf", ev, "a reply line ended in a bare LF")
	}
	c.observe("smtp.reply.crlf")
	for _, l := range r.Lines {
		if len(l)+2 > 512 {
			c.fail("smtp.reply.line-length", truncate(l, 80), fmt.Sprintf("a reply line of %d octets", len(l)+2))
		}
	}
	c.observe("smtp.reply.line-length")
	return r, nil
}

// smtpCmd sends a command (recorded as shown) and reads its reply leniently. Replies other than
// the greeting, HELO/EHLO and 334 challenges are also checked for enhanced status codes when
// the server offered them.
func (c *conformer) smtpCmd(line, shown string) (smtpReply, error) {
	if err := c.s.SendSecret(line, shown); err != nil {
		return smtpReply{}, err
	}
	c.s.roundTrip()
	r, err := c.smtpRead()
	if err != nil {
		return r, err
	}
	if verb, _, _ := strings.Cut(strings.ToUpper(shown), " "); verb != "EHLO" && verb != "HELO" {
		c.enhanced(r)
	}
	return r, nil
}

// enhanced checks one reply for RFC 3463 codes when ENHANCEDSTATUSCODES is in force.
func (c *conformer) enhanced(r smtpReply) {
	if !c.esc || r.Code == 334 || r.Code == 0 {
		return
	}
	class := byte('0' + r.Code/100)
	for _, t := range r.Texts {
		if m := enhancedRE.FindStringSubmatch(t); m == nil || m[1][0] != class {
			c.fail("smtp.enhanced-codes", joinLines(r.Lines),
				fmt.Sprintf("ENHANCEDSTATUSCODES was offered, but this reply lacks a %c.x.x status code", class))
			return
		}
	}
	c.observe("smtp.enhanced-codes")
}

func (c *conformer) ehloName() string {
	if c.s.opts.EHLOName != "" {
		return c.s.opts.EHLOName
	}
	return "mailcheck.invalid"
}

// conformSMTP is the SMTP conformance walk: greeting, HELO, EHLO, STARTTLS, EHLO, NOOP, RSET,
// an unknown command, a 512-octet line, a pipelined pair, AUTH cancelled with "*", an optional
// login, QUIT. It never sends MAIL, RCPT or DATA.
func conformSMTP(c *conformer) {
	s := c.s
	c.skip("no multi-line reply was seen", "smtp.reply.same-code")
	if !c.step(StepGreeting, func() error {
		s.roundTrip()
		r, err := c.smtpRead()
		if err != nil {
			return err
		}
		s.Detail("%s", truncate(r.Lines[0], 80))
		ev := joinLines(r.Lines)
		switch r.Code {
		case 220:
			c.pass("smtp.greeting.code", r.Lines[0])
		case 421, 554:
			c.warn("smtp.greeting.code", ev, "the server refuses the session")
			s.Find(findings.ServerBusy, ev)
			c.halt("not reached: the server refused the session at the greeting")
			return nil
		default:
			c.fail("smtp.greeting.code", ev, fmt.Sprintf("greeting code %d, want 220", r.Code))
		}
		if f := strings.Fields(r.Texts[0]); len(f) > 0 && smtpDomainOK(f[0]) {
			c.pass("smtp.greeting.syntax", r.Lines[0])
		} else {
			c.fail("smtp.greeting.syntax", r.Lines[0], "the greeting does not start with the server's domain name")
		}
		return nil
	}) {
		return
	}

	if !c.step(StepHELO, func() error {
		r, err := c.smtpCmd("HELO "+c.ehloName(), "HELO "+c.ehloName())
		if err != nil {
			return err
		}
		s.Detail("%s", truncate(r.Lines[0], 80))
		ev := joinLines(r.Lines)
		switch {
		case r.Code == 500 || r.Code == 502:
			c.fail("smtp.helo", ev, fmt.Sprintf("HELO answered %d; servers must support HELO", r.Code))
		case r.Code != 250:
			// A policy refusal of the name (4xx, 550, 554) says nothing about HELO support.
			c.skip(fmt.Sprintf("HELO %s was refused (%d), not for lack of support; try --ehlo with this host's name", c.ehloName(), r.Code), "smtp.helo")
		case len(r.Texts) > 1 && slices.ContainsFunc(r.Texts[1:], func(t string) bool {
			kw, _, _ := strings.Cut(t, " ")
			return slices.Contains(extensionKeywords, strings.ToUpper(kw))
		}):
			c.fail("smtp.helo", ev, "HELO was answered with an EHLO-style extension list")
		default:
			c.pass("smtp.helo", ev)
		}
		return nil
	}) {
		return
	}

	var ext map[string]string // nil: EHLO refused, extensions unknown
	if !c.step(StepEHLO, func() (err error) {
		ext, err = c.smtpEHLO("smtp.ehlo")
		if err != nil || ext == nil {
			return err
		}
		if s.tls {
			c.notReadvertised(ext)
			c.skip("the connection is encrypted from the start (implicit TLS)", "smtp.auth.not-before-tls")
			return nil
		}
		mechs := strings.Fields(strings.ToUpper(ext["AUTH"]))
		if slices.Contains(mechs, "PLAIN") || slices.Contains(mechs, "LOGIN") {
			c.fail("smtp.auth.not-before-tls", "AUTH "+ext["AUTH"], "a password mechanism is offered on an unencrypted connection")
		} else if _, ok := ext["AUTH"]; ok {
			c.pass("smtp.auth.not-before-tls", "AUTH "+ext["AUTH"]+" (no plaintext password mechanism)")
		} else {
			c.pass("smtp.auth.not-before-tls", "EHLO before TLS lists no AUTH")
		}
		return nil
	}) {
		return
	}
	if ext == nil {
		c.skip("EHLO was refused, so the server's extensions are unknown", "smtp.ehlo.syntax", "smtp.auth.not-before-tls",
			"smtp.starttls.not-readvertised", "smtp.enhanced-codes")
	}

	tlsIDs := []string{"smtp.starttls.accepted", "smtp.starttls.no-pipelined-data", "smtp.starttls.ehlo-after-tls", "smtp.starttls.not-readvertised"}
	switch {
	case s.ep.Security == ImplicitTLS:
		c.skip("implicit TLS: STARTTLS does not apply", tlsIDs[:3]...)
	case s.ep.Security != STARTTLS:
		c.skip("--security plain: TLS not requested", tlsIDs...)
	case ext == nil:
		c.skip("EHLO was refused: STARTTLS cannot be negotiated", tlsIDs...)
	default:
		if _, ok := ext["STARTTLS"]; !ok {
			s.Find(findings.TLSSTARTTLSUnavailable, "EHLO does not list STARTTLS")
			c.skip("STARTTLS is not advertised", tlsIDs...)
			break
		}
		upgraded, cont := c.startTLS("starttls", tlsIDs, func() (tlsAnswer, error) {
			r, err := c.smtpCmd("STARTTLS", "STARTTLS")
			return tlsAnswer{evidence: joinLines(r.Lines), ok: r.Code == 220, temp: r.Code == 454,
				refusal: fmt.Sprintf("STARTTLS is advertised but answered %d", r.Code)}, err
		})
		if !cont {
			return
		}
		if upgraded && !c.step("ehlo-tls", func() (err error) {
			ext, err = c.smtpEHLO("smtp.starttls.ehlo-after-tls")
			if err != nil || ext == nil {
				c.skip("EHLO after TLS was refused", "smtp.starttls.not-readvertised")
				return err
			}
			c.notReadvertised(ext)
			return nil
		}) {
			return
		}
	}

	if !c.smtpBasics(ext) {
		return
	}
	if !c.smtpAuth(ext) {
		return
	}
	c.step(StepQuit, func() error {
		r, err := c.smtpCmd("QUIT", "QUIT")
		if err != nil {
			c.fail("smtp.quit", "", "no reply to QUIT: "+err.Error())
			return nil
		}
		ev := joinLines(r.Lines)
		s.Detail("%s", truncate(r.Lines[0], 80))
		if r.Code != 221 {
			c.fail("smtp.quit", ev, fmt.Sprintf("QUIT answered %d, want 221", r.Code))
			return nil
		}
		if closed, extra := s.closedWithin(s.shortWait()); !closed {
			reason := fmt.Sprintf("the connection stayed open %s after 221", s.shortWait())
			if len(extra) > 0 {
				reason = fmt.Sprintf("the server sent more after 221: %q", truncate(string(extra), 60))
			}
			c.warn("smtp.quit", ev, reason)
			return nil
		}
		c.pass("smtp.quit", ev+" (connection closed)")
		return nil
	})
}

// smtpEHLO sends EHLO and judges check id on its code, and smtp.ehlo.syntax on its lines. It
// returns the extensions, nil when EHLO was refused.
func (c *conformer) smtpEHLO(id string) (map[string]string, error) {
	s := c.s
	r, err := c.smtpCmd("EHLO "+c.ehloName(), "EHLO "+c.ehloName())
	if err != nil {
		return nil, err
	}
	ev := joinLines(r.Lines)
	if r.Code != 250 {
		c.esc = false
		s.Detail("%s", findings.SayEHLORefused.Format(r.Code))
		if r.Code == 550 || r.Code == 554 || r.Code/100 == 4 {
			// RFC 5321 4.1.4 lets a server refuse an EHLO it does not accept (here: by policy).
			c.skip(fmt.Sprintf("EHLO %s was refused (%d), not for lack of support; try --ehlo with this host's name", c.ehloName(), r.Code), id)
			return nil, nil
		}
		c.fail(id, ev, fmt.Sprintf("EHLO answered %d", r.Code))
		return nil, nil
	}
	c.pass(id, truncate(r.Lines[0], 80))
	if bad := ehloSyntax(r.Texts); bad != "" {
		c.fail("smtp.ehlo.syntax", ev, bad)
	} else {
		c.observe("smtp.ehlo.syntax")
	}
	ext := s.recordExtensions(r.Texts)
	if _, c.esc = ext["ENHANCEDSTATUSCODES"]; !c.esc {
		c.skip("ENHANCEDSTATUSCODES is not advertised", "smtp.enhanced-codes")
	}
	return ext, nil
}

// notReadvertised judges an EHLO reply received over TLS (RFC 3207 4.2).
func (c *conformer) notReadvertised(ext map[string]string) {
	if _, ok := ext["STARTTLS"]; ok {
		c.fail("smtp.starttls.not-readvertised", "EHLO over TLS lists STARTTLS", "STARTTLS is offered although TLS is already active")
		return
	}
	c.pass("smtp.starttls.not-readvertised", "EHLO over TLS does not list STARTTLS")
}

// preTLS530 reports a 530 on a connection still in plaintext: RFC 3207 4 lets a server that
// requires TLS answer every command but NOOP, EHLO, STARTTLS and QUIT with it.
func (c *conformer) preTLS530(r smtpReply) bool { return r.Code == 530 && !c.s.tls }

const skip530 = "the server requires STARTTLS first (530, which RFC 3207 4 allows); run with --security starttls"

// smtpBasics checks NOOP, RSET, an unknown command, the 512-octet line and pipelining.
func (c *conformer) smtpBasics(ext map[string]string) bool {
	s := c.s
	simple := func(step, cmd, id string) bool {
		return c.step(step, func() error {
			r, err := c.smtpCmd(cmd, cmd)
			if err != nil {
				return err
			}
			ev := joinLines(r.Lines)
			s.Detail("%s", truncate(r.Lines[0], 80))
			switch {
			case r.Code == 250:
				c.pass(id, ev)
			case c.preTLS530(r):
				c.skip(skip530, id)
			default:
				c.fail(id, ev, fmt.Sprintf("%s answered %d, want 250", cmd, r.Code))
			}
			return nil
		})
	}
	if !simple("noop", "NOOP", "smtp.noop") || !simple("rset", "RSET", "smtp.rset") {
		return false
	}
	if !c.step("unknown-command", func() error {
		r, err := c.smtpCmd("XMAILCHECK", "XMAILCHECK")
		if err != nil {
			return err
		}
		ev := joinLines(r.Lines)
		s.Detail("%s", truncate(r.Lines[0], 80))
		switch {
		case r.Code == 500 || r.Code == 502:
			c.pass("smtp.unknown-command", ev)
		case c.preTLS530(r):
			c.skip(skip530, "smtp.unknown-command")
		default:
			c.fail("smtp.unknown-command", ev, fmt.Sprintf("an unknown command was answered %d, want 500", r.Code))
		}
		return nil
	}) {
		return false
	}
	if !c.step("line-length", func() error {
		// 5 + 505 + CRLF = 512 octets, the command-line size every server must receive.
		line := "NOOP " + strings.Repeat("X", 505)
		r, err := c.smtpCmd(line, "NOOP "+strings.Repeat("X", 16)+"… (512 octets with CRLF)")
		if err != nil {
			return err
		}
		ev := joinLines(r.Lines)
		s.Detail("%s", truncate(r.Lines[0], 80))
		if extra := s.pending(100 * time.Millisecond); len(extra) > 0 {
			c.fail("smtp.line-length", fmt.Sprintf("%s, then %q", ev, truncate(string(extra), 60)),
				"the 512-octet line drew more than one reply: it was split")
			c.smtpRead() // take the second reply, so the next command gets its own
			return nil
		}
		switch {
		case r.Code == 250, r.Code == 501, r.Code == 504:
			// 501/504 judge NOOP's parameter (RFC 5321 4.1.1.9 says ignore it), not the length.
			c.pass("smtp.line-length", ev)
		case c.preTLS530(r):
			c.skip(skip530, "smtp.line-length")
		default:
			c.fail("smtp.line-length", ev, fmt.Sprintf("a 512-octet NOOP line was answered %d", r.Code))
		}
		return nil
	}) {
		return false
	}
	switch _, ok := ext["PIPELINING"]; {
	case ext == nil:
		c.skip("EHLO was refused, so PIPELINING is unknown", "smtp.pipelining")
	case !ok:
		c.skip("PIPELINING is not advertised", "smtp.pipelining")
	default:
		if !c.step(StepPipelining, func() error {
			if err := s.sendBatch("RSET", "NOOP"); err != nil {
				return err
			}
			s.roundTrip()
			r1, err := c.smtpRead()
			if err != nil {
				return err
			}
			c.enhanced(r1)
			s.conn.SetReadDeadline(time.Now().Add(s.shortWait()))
			r2, err := c.smtpRead()
			s.restoreDeadline()
			if err != nil {
				if !isTimeout(err) {
					return err
				}
				c.fail("smtp.pipelining", joinLines(r1.Lines)+" / (nothing for NOOP)",
					fmt.Sprintf("only the first of two pipelined commands was answered within %s", s.shortWait()))
				return nil
			}
			c.enhanced(r2)
			s.Detail("RSET → %d, NOOP → %d", r1.Code, r2.Code)
			c.pass("smtp.pipelining", joinLines(r1.Lines)+" / "+joinLines(r2.Lines))
			return nil
		}) {
			return false
		}
	}
	return true
}

// smtpAuth checks what AUTH offers without a credential (challenge encoding, cancel with "*"),
// then logs in when a password may be sent.
func (c *conformer) smtpAuth(ext map[string]string) bool {
	s := c.s
	authIDs := []string{"smtp.auth.challenge-base64", "smtp.auth.cancel", "smtp.auth.success"}
	if ext == nil {
		c.skip("EHLO was refused, so AUTH is unknown", append(authIDs, "smtp.submission.auth")...)
		return true
	}
	_, hasAuth := ext["AUTH"]
	_, hasTLS := ext["STARTTLS"]
	mechs := strings.Fields(strings.ToUpper(ext["AUTH"]))
	switch {
	case hasAuth:
		c.pass("smtp.submission.auth", "AUTH "+ext["AUTH"])
	case s.ep.Port == 25:
		c.skip("port 25 is for relay between servers; AUTH is optional there", "smtp.submission.auth")
	case !s.tls && hasTLS:
		c.skip("AUTH may be offered only after STARTTLS; run with --security starttls", "smtp.submission.auth")
	default:
		c.fail("smtp.submission.auth", "EHLO lists no AUTH", "a submission server offers no AUTH")
	}
	if !hasAuth || len(mechs) == 0 {
		c.skip("AUTH is not advertised", authIDs...)
		return true
	}

	if !c.step("auth-cancel", func() error {
		mech := mechs[0]
		for _, m := range []string{"LOGIN", "PLAIN", "CRAM-MD5"} {
			if slices.Contains(mechs, m) {
				mech = m
				break
			}
		}
		r, err := c.smtpCmd("AUTH "+mech, "AUTH "+mech)
		if err != nil {
			return err
		}
		if r.Code != 334 {
			why := fmt.Sprintf("AUTH %s answered %d: no challenge to cancel", mech, r.Code)
			c.skip(why, "smtp.auth.challenge-base64", "smtp.auth.cancel")
			return nil
		}
		c.challenge(r)
		r, err = c.smtpCmd("*", "*")
		if err != nil {
			return err
		}
		ev := joinLines(r.Lines)
		s.Detail("%s", truncate(r.Lines[0], 80))
		switch r.Code {
		case 501:
			c.pass("smtp.auth.cancel", ev)
		case 334:
			c.fail("smtp.auth.cancel", ev, "\"*\" was taken as a SASL response: the exchange goes on")
			c.halt("not reached: the AUTH exchange could not be cancelled")
		default:
			c.fail("smtp.auth.cancel", ev, fmt.Sprintf("the cancelled AUTH was answered %d, want 501", r.Code))
		}
		return nil
	}) {
		return false
	}

	if ok, why := c.canLogin(); !ok {
		c.skip(why, "smtp.auth.success")
		return true
	}
	return c.step(StepAuth, func() error {
		user, pass := c.s.opts.User, c.s.opts.Password
		if len(c.s.opts.Token) > 0 { // the probe's one OAuth2 exchange
			if err := c.s.oauthLogin(smtpWire{c.s}, mechs); err != nil {
				return err
			}
			c.pass("smtp.auth.success", "logged in with an OAuth2 token")
			return nil
		}
		var r smtpReply
		var err error
		switch {
		case slices.Contains(mechs, "PLAIN"):
			ir := saslPlain(user, pass)
			if r, err = c.smtpCmd("AUTH PLAIN "+ir, "AUTH PLAIN ***"); err == nil && r.Code == 334 {
				c.challenge(r)
				r, err = c.smtpCmd(ir, "***")
			}
		case slices.Contains(mechs, "LOGIN"):
			steps := []struct{ line, shown string }{
				{"AUTH LOGIN", "AUTH LOGIN"},
				{base64.StdEncoding.EncodeToString([]byte(user)), base64.StdEncoding.EncodeToString([]byte(user))},
				{base64.StdEncoding.EncodeToString(pass), "***"},
			}
			for i, st := range steps {
				if r, err = c.smtpCmd(st.line, st.shown); err != nil || (r.Code != 334 && i < len(steps)-1) {
					break
				}
				if i < len(steps)-1 {
					c.challenge(r)
				}
			}
		default:
			c.skip("neither PLAIN nor LOGIN is offered: login not tried", "smtp.auth.success")
			return nil
		}
		if err != nil {
			return err
		}
		ev := joinLines(r.Lines)
		switch {
		case r.Code == 235:
			c.pass("smtp.auth.success", ev)
			s.Detail("%s", findings.SayLoggedIn.Format(user))
		case r.Code >= 200 && r.Code < 300:
			c.fail("smtp.auth.success", ev, fmt.Sprintf("a successful AUTH was answered %d, want 235", r.Code))
		default:
			c.skip("the login was refused, so success could not be observed: "+ev, "smtp.auth.success")
			f := s.findingFor("auth", &ReplyError{Proto: SMTP, Command: "AUTH", Code: r.Code, Lines: r.Lines})
			s.Find(f.Code, f.Evidence)
		}
		return nil
	})
}

// challenge judges a 334 reply's text: base64, possibly empty (RFC 4954 4).
func (c *conformer) challenge(r smtpReply) {
	text := strings.TrimSpace(r.Texts[0])
	if _, err := base64.StdEncoding.DecodeString(text); err != nil {
		c.fail("smtp.auth.challenge-base64", r.Lines[0], "the 334 challenge is not base64")
		return
	}
	c.observe("smtp.auth.challenge-base64")
}
