package probes

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// pop3Checks is the POP3 suite (RFC 1939, 2449, 2595, 5034), in walk order.
var pop3Checks = []CheckDef{
	{"pop3.greeting", "RFC 1939", "4", LevelMust,
		tx("The greeting is a positive response: \"+OK [text]\"", "问候语是肯定应答：“+OK [文字]”")},
	{"pop3.response.syntax", "RFC 1939", "3", LevelMust,
		tx("Status lines start with \"+OK\" or \"-ERR\" in upper case, then a space or the line end", "状态行以大写的“+OK”或“-ERR”开头，后跟空格或行尾")},
	{"pop3.crlf", "RFC 1939", "3", LevelMust,
		tx("Response lines end in CRLF, never a bare LF", "应答行以 CRLF 结尾，而不是单独的 LF")},
	{"pop3.capa", "RFC 2449", "5", LevelMust,
		tx("CAPA is answered +OK, one capability per line, ended by a line with a single \".\"", "CAPA 以 +OK 应答，每行一个能力，以只含“.”的一行结束")},
	{"pop3.wrong-state", "RFC 1939", "3", LevelMust,
		tx("A command valid only after login (STAT) is answered -ERR before it", "登录前发送仅登录后有效的命令（STAT）得到 -ERR")},
	{"pop3.unknown-command", "RFC 1939", "3", LevelMust,
		tx("An unknown command is answered -ERR", "未知命令以 -ERR 应答")},
	{"pop3.stls.accepted", "RFC 2595", "4", LevelMust,
		tx("An advertised STLS is accepted with +OK", "已声明的 STLS 以 +OK 接受")},
	{"pop3.stls.no-pipelined-data", "RFC 2595", "4", LevelMust,
		tx("Nothing is sent between the +OK to STLS and the TLS handshake (CVE-2021-22947 class)", "STLS 的 +OK 与 TLS 握手之间不发送任何数据（CVE-2021-22947 类）")},
	{"pop3.stls.capa-after-tls", "RFC 2595", "4", LevelShould,
		tx("After STLS, CAPA is answered afresh and no longer lists STLS", "STLS 之后重新应答 CAPA，且不再列出 STLS")},
	{"pop3.auth.cancel", "RFC 5034", "4", LevelMust,
		tx("An AUTH exchange cancelled with \"*\" is answered -ERR", "用“*”取消的 AUTH 交互以 -ERR 应答")},
	{"pop3.stat", "RFC 1939", "5", LevelMust,
		tx("STAT is answered \"+OK count size\"", "STAT 以“+OK 邮件数 大小”应答")},
	{"pop3.list", "RFC 1939", "5", LevelMust,
		tx("LIST is a \".\"-terminated \"msg octets\" listing that agrees with STAT", "LIST 是以“.”结束的“编号 字节数”列表，且与 STAT 一致")},
	{"pop3.uidl", "RFC 1939", "7", LevelMust,
		tx("UIDL lines are \"msg unique-id\", each id 1 to 70 characters from 0x21 to 0x7E", "UIDL 每行为“编号 唯一标识”，标识为 1 到 70 个 0x21–0x7E 字符")},
	{"pop3.uidl.unique", "RFC 1939", "7", LevelMust,
		tx("Unique-ids are unique within the maildrop", "唯一标识在邮箱内不重复")},
	{"pop3.dot-stuffing", "RFC 1939", "3", LevelMust,
		tx("Message lines that start with \".\" are dot-stuffed", "以“.”开头的邮件行经过加点转义（dot-stuffing）")},
	{"pop3.quit", "RFC 1939", "6", LevelMust,
		tx("QUIT is answered +OK", "QUIT 以 +OK 应答")},
}

// pop3Status reads one status line leniently. Every line but the greeting counts for
// pop3.response.syntax (the greeting has its own check); every line for pop3.crlf.
func (c *conformer) pop3Status(greeting bool) (pop3Status, error) {
	s := c.s
	bare := s.lr.bareLF
	l, err := s.ReadLine()
	if err != nil {
		return pop3Status{Line: l}, err
	}
	o := parsePOP3Line(l)
	c.crlf("pop3.crlf", bare, l)
	if !greeting {
		if o.Bad != "" {
			c.fail("pop3.response.syntax", l, o.Bad)
		}
		c.observe("pop3.response.syntax")
	}
	return o, nil
}

// crlf judges whether the line just read ended in a bare LF (the reader's flag went up).
func (c *conformer) crlf(id string, bareBefore bool, line string) {
	if !bareBefore && c.s.lr.bareLF {
		c.fail(id, line, "a line ended in a bare LF")
	}
	c.observe(id)
}

func (c *conformer) pop3Cmd(line, shown string) (pop3Status, error) {
	if err := c.s.SendSecret(line, shown); err != nil {
		return pop3Status{}, err
	}
	c.s.roundTrip()
	return c.pop3Status(false)
}

// pop3Lines reads a multi-line body to the "." line, raw: still dot-stuffed, so the caller can
// judge the stuffing. maxLines bounds the lines kept (0: only maxConformBody bounds them; a
// CAPA list gets the probe's maxReplyLines). On a read error it returns the lines read so far.
func (c *conformer) pop3Lines(maxLines int) ([]string, error) {
	bare := c.s.lr.bareLF
	var out []string
	size := 0
	_, err := c.s.pop3Body(func(raw string) error {
		if size += len(raw); size > maxConformBody {
			return fmt.Errorf("%w: multi-line response over %d bytes", ErrMalformedReply, maxConformBody)
		}
		if maxLines > 0 && len(out) >= maxLines {
			return fmt.Errorf("%w: more than %d lines", ErrMalformedReply, maxLines)
		}
		out = append(out, raw)
		return nil
	})
	if err != nil {
		return out, err
	}
	c.crlf("pop3.crlf", bare, strings.Join(out, " / "))
	return out, nil
}

// maxConformBody bounds what the conformance walk keeps of one listing to judge it.
const maxConformBody = 16 << 20

var (
	pop3ListRE = regexp.MustCompile(`^([1-9][0-9]*) ([0-9]+)( .*)?$`)
	pop3StatRE = regexp.MustCompile(`^([0-9]+) ([0-9]+)( .*)?$`)
	pop3UIDLRE = regexp.MustCompile(`^([1-9][0-9]*) (.*)$`)
)

// uidOK reports whether id is a unique-id of RFC 1939 7: 1 to 70 characters in 0x21..0x7E.
func uidOK(id string) bool {
	if len(id) < 1 || len(id) > 70 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if id[i] < 0x21 || id[i] > 0x7e {
			return false
		}
	}
	return true
}

// capaName reports whether a CAPA line starts with a capability name (RFC 2449 5: capa-tag is
// printable ASCII without ".").
func capaName(line string) bool {
	name, _, _ := strings.Cut(line, " ")
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		if name[i] < 0x21 || name[i] > 0x7e || name[i] == '.' {
			return false
		}
	}
	return true
}

// conformPOP3 is the POP3 conformance walk: greeting, CAPA, STAT before login, an unknown
// command, STLS, CAPA, AUTH cancelled with "*", an optional login with STAT, LIST, UIDL and TOP,
// QUIT. It never deletes a message; TOP (not RETR) keeps messages unread.
func conformPOP3(c *conformer) {
	s := c.s
	if !c.step(StepGreeting, func() error {
		s.roundTrip()
		o, err := c.pop3Status(true)
		if err != nil {
			return err
		}
		s.Detail("%s", truncate(o.Line, 80))
		switch {
		case o.Known && !o.OK && o.Bad == "":
			c.warn("pop3.greeting", o.Line, "the server refuses the session")
			s.Find(findings.ServerBusy, o.Line)
			c.halt("not reached: the server refused the session at the greeting")
		case o.OK && o.Bad == "":
			c.pass("pop3.greeting", o.Line)
		default:
			c.fail("pop3.greeting", o.Line, o.Bad)
		}
		return nil
	}) {
		return
	}

	var caps []string // nil: CAPA not supported
	capa := func(step string) (bool, error) {
		o, err := c.pop3Cmd("CAPA", "CAPA")
		if err != nil {
			return false, err
		}
		if !o.OK {
			s.Detail("%s", findings.SayNoCAPA.Format())
			return false, nil
		}
		lines, err := c.pop3Lines(maxReplyLines)
		caps = []string{}
		for _, l := range lines {
			if t := strings.TrimSpace(l); t != "" {
				caps = append(caps, strings.ToUpper(t))
			}
		}
		s.res.Caps = caps
		s.Detail("%s", truncate(strings.Join(caps, " "), 120))
		switch {
		case err != nil && isTimeout(err):
			c.fail("pop3.capa", truncate(strings.Join(lines, " / "), 160),
				fmt.Sprintf("the capability list was not ended by a \".\" line within %s", s.stepTimeout()))
		case err != nil:
			return true, err
		default:
			for _, l := range lines {
				if !capaName(l) {
					c.fail("pop3.capa", l, "a line of the capability list is not a capability")
				}
			}
			c.pass("pop3.capa", truncate(strings.Join(caps, " / "), 160))
		}
		return true, nil
	}
	if !c.step(StepCAPA, func() error {
		ok, err := capa("capa")
		if err == nil && !ok {
			c.skip("CAPA is not supported (RFC 2449 is optional)", "pop3.capa", "pop3.stls.capa-after-tls")
			caps = nil
		}
		return err
	}) {
		return
	}

	if !c.step("wrong-state", func() error {
		o, err := c.pop3Cmd("STAT", "STAT")
		if err != nil {
			return err
		}
		s.Detail("%s", truncate(o.Line, 80))
		if o.OK {
			c.fail("pop3.wrong-state", o.Line, "STAT before login was answered +OK")
		} else {
			c.pass("pop3.wrong-state", "STAT before login: "+o.Line)
		}
		return nil
	}) {
		return
	}
	if !c.step("unknown-command", func() error {
		o, err := c.pop3Cmd("XMAILCHECK", "XMAILCHECK")
		if err != nil {
			return err
		}
		s.Detail("%s", truncate(o.Line, 80))
		if o.OK {
			c.fail("pop3.unknown-command", o.Line, "an unknown command was answered +OK")
		} else {
			c.pass("pop3.unknown-command", o.Line)
		}
		return nil
	}) {
		return
	}

	tlsIDs := []string{"pop3.stls.accepted", "pop3.stls.no-pipelined-data", "pop3.stls.capa-after-tls"}
	switch {
	case s.ep.Security == ImplicitTLS:
		c.skip("implicit TLS: STLS does not apply", tlsIDs...)
	case s.ep.Security != STARTTLS:
		c.skip("--security plain: TLS not requested", tlsIDs...)
	case caps != nil && !hasCap(caps, "STLS"):
		s.Find(findings.TLSSTARTTLSUnavailable, "CAPA does not list STLS")
		c.skip("STLS is not advertised", tlsIDs...)
	default:
		upgraded, cont := c.startTLS("stls", tlsIDs, func() (tlsAnswer, error) {
			o, err := c.pop3Cmd("STLS", "STLS")
			return tlsAnswer{evidence: o.Line, ok: o.OK, temp: strings.EqualFold(o.Code, "SYS/TEMP"),
				refusal: "STLS was refused"}, err
		})
		if !cont {
			return
		}
		if upgraded && !c.step("capa-tls", func() error {
			before := caps
			ok, err := capa("capa-tls")
			switch {
			case err != nil:
				return err
			case !ok && before != nil:
				c.fail("pop3.stls.capa-after-tls", "-ERR", "CAPA worked before STLS but not after it")
			case !ok:
			case hasCap(caps, "STLS"):
				c.fail("pop3.stls.capa-after-tls", strings.Join(caps, " / "), "CAPA still lists STLS although TLS is active")
			default:
				c.pass("pop3.stls.capa-after-tls", truncate(strings.Join(caps, " / "), 160))
			}
			return nil
		}) {
			return
		}
	}

	if !c.pop3AuthCancel(caps) {
		return
	}
	loginIDs := []string{"pop3.stat", "pop3.list", "pop3.uidl", "pop3.uidl.unique", "pop3.dot-stuffing"}
	loggedIn := false
	if ok, why := c.canLogin(); !ok {
		c.skip(why, loginIDs...)
	} else if !c.step(StepAuth, func() error {
		loggedIn = c.pop3Login(caps)
		if !loggedIn {
			c.skip("the login was refused", loginIDs...)
		}
		return nil
	}) {
		return
	}
	if loggedIn && !c.pop3Mailbox(caps) {
		return
	}
	c.step(StepQuit, func() error {
		o, err := c.pop3Cmd("QUIT", "QUIT")
		if err != nil {
			c.fail("pop3.quit", "", "no reply to QUIT: "+err.Error())
			return nil
		}
		s.Detail("%s", truncate(o.Line, 80))
		if o.OK {
			c.pass("pop3.quit", o.Line)
		} else {
			c.fail("pop3.quit", o.Line, "QUIT was answered -ERR")
		}
		return nil
	})
}

// pop3AuthCancel starts AUTH with the first SASL mechanism offered and cancels it with "*".
func (c *conformer) pop3AuthCancel(caps []string) bool {
	s := c.s
	var mechs []string
	for _, cp := range caps {
		if f := strings.Fields(cp); len(f) > 1 && f[0] == "SASL" {
			mechs = f[1:]
		}
	}
	switch {
	case caps == nil:
		c.skip("CAPA is not supported, so the SASL mechanisms are unknown", "pop3.auth.cancel")
		return true
	case len(mechs) == 0:
		c.skip("no SASL mechanism is advertised now", "pop3.auth.cancel")
		return true
	}
	return c.step("auth-cancel", func() error {
		mech := mechs[0]
		if hasCap(caps, "SASL", "PLAIN") {
			mech = "PLAIN"
		}
		if err := s.Send("AUTH " + mech); err != nil {
			return err
		}
		s.roundTrip()
		bare := s.lr.bareLF
		l, err := s.ReadLine()
		if err != nil {
			return err
		}
		c.crlf("pop3.crlf", bare, l)
		if l != "+" && !strings.HasPrefix(l, "+ ") {
			c.skip(fmt.Sprintf("AUTH %s was answered %q: no exchange to cancel", mech, truncate(l, 60)), "pop3.auth.cancel")
			return nil
		}
		o, err := c.pop3Cmd("*", "*")
		if err != nil {
			return err
		}
		s.Detail("%s", truncate(o.Line, 80))
		if o.OK || !o.Known {
			c.fail("pop3.auth.cancel", o.Line, "the cancelled AUTH was not answered -ERR")
			if !o.Known {
				c.halt("not reached: the AUTH exchange could not be cancelled")
			}
			return nil
		}
		c.pass("pop3.auth.cancel", o.Line)
		return nil
	})
}

// pop3Login logs in with AUTH PLAIN (RFC 5034, initial response) or USER/PASS (RFC 1939 7).
func (c *conformer) pop3Login(caps []string) bool {
	s := c.s
	user, pass := s.opts.User, s.opts.Password
	if len(s.opts.Token) > 0 { // the probe's one OAuth2 exchange
		return s.oauthLogin(pop3Wire{s}, saslMechs(caps)) == nil
	}
	var o pop3Status
	var err error
	for _, cmd := range pop3LoginCmds(caps, user, pass) {
		if o, err = c.pop3Cmd(cmd.line, cmd.shown); err != nil || !o.OK {
			break
		}
	}
	if err != nil {
		s.note("%v", err)
		return false
	}
	if !o.OK {
		s.pop3AuthError(&ReplyError{Proto: POP3, Command: "AUTH", Enhanced: o.Code, Lines: []string{o.Line}}, false)
		return false
	}
	s.Detail("%s", findings.SayLoggedIn.Format(user))
	return true
}

// pop3Mailbox checks STAT, LIST, UIDL and dot-stuffing (with TOP) in the TRANSACTION state.
func (c *conformer) pop3Mailbox(caps []string) bool {
	s := c.s
	count := -1
	if !c.step(StepStat, func() error {
		o, err := c.pop3Cmd("STAT", "STAT")
		if err != nil {
			return err
		}
		s.Detail("%s", truncate(o.Line, 80))
		m := pop3StatRE.FindStringSubmatch(strings.TrimPrefix(o.Line, "+OK "))
		switch {
		case !o.OK:
			c.fail("pop3.stat", o.Line, "STAT was refused after login")
		case !strings.HasPrefix(o.Line, "+OK ") || m == nil:
			c.fail("pop3.stat", o.Line, "STAT is not \"+OK count size\"")
		default:
			fmt.Sscan(m[1], &count)
			c.pass("pop3.stat", o.Line)
		}
		return nil
	}) {
		return false
	}
	var msgs []string // message numbers from LIST
	if !c.step(StepList, func() error {
		o, err := c.pop3Cmd("LIST", "LIST")
		if err != nil {
			return err
		}
		if !o.OK {
			c.fail("pop3.list", o.Line, "LIST was refused after login")
			return nil
		}
		lines, err := c.pop3Lines(0)
		if err != nil {
			return err
		}
		s.Detail("%s", findings.SayEntries.Format(len(lines)))
		bad := ""
		for _, l := range lines {
			if n, _, _ := strings.Cut(l, " "); isDigits(n) {
				msgs = append(msgs, n) // kept even from a malformed line, for TOP
			}
			if bad == "" && !pop3ListRE.MatchString(l) {
				bad = l
			}
		}
		if bad != "" {
			c.fail("pop3.list", bad, "a LIST line is not \"msg octets\"")
			return nil
		}
		if count >= 0 && len(lines) != count {
			c.fail("pop3.list", fmt.Sprintf("%d LIST lines", len(lines)), fmt.Sprintf("LIST shows %d messages, STAT said %d", len(lines), count))
			return nil
		}
		c.pass("pop3.list", fmt.Sprintf("%d messages listed", len(lines)))
		return nil
	}) {
		return false
	}
	if !c.step(StepUIDL, func() error {
		o, err := c.pop3Cmd("UIDL", "UIDL")
		if err != nil {
			return err
		}
		if !o.OK {
			c.skip("UIDL is not supported (it is optional)", "pop3.uidl", "pop3.uidl.unique")
			return nil
		}
		lines, err := c.pop3Lines(0)
		if err != nil {
			return err
		}
		s.Detail("%s", findings.SayEntries.Format(len(lines)))
		seen := map[string]string{}
		for _, l := range lines {
			m := pop3UIDLRE.FindStringSubmatch(l)
			if m == nil || !uidOK(m[2]) {
				c.fail("pop3.uidl", l, "not \"msg unique-id\" with an id of 1 to 70 characters from 0x21 to 0x7E")
				continue
			}
			if prev, dup := seen[m[2]]; dup {
				c.fail("pop3.uidl.unique", prev+" / "+l, "two messages share a unique-id")
			}
			seen[m[2]] = l
		}
		c.pass("pop3.uidl", fmt.Sprintf("%d unique-ids", len(lines)))
		c.pass("pop3.uidl.unique", fmt.Sprintf("%d distinct unique-ids", len(seen)))
		return nil
	}) {
		return false
	}
	switch {
	case len(msgs) == 0:
		c.skip("the maildrop is empty: no message to look at", "pop3.dot-stuffing")
		return true
	case caps != nil && !hasCap(caps, "TOP"):
		c.skip("TOP is not offered, and RETR would mark messages as read", "pop3.dot-stuffing")
		return true
	}
	return c.step(StepTop, func() error {
		stuffed := ""
		for i, n := range msgs {
			if i == 5 {
				break
			}
			o, err := c.pop3Cmd("TOP "+n+" 100", "TOP "+n+" 100")
			if err != nil {
				return err
			}
			if !o.OK {
				c.skip("TOP was refused: "+o.Line, "pop3.dot-stuffing")
				return nil
			}
			lines, err := c.pop3Lines(0)
			if err != nil {
				return err
			}
			for _, l := range lines {
				switch {
				case strings.HasPrefix(l, ".."):
					if stuffed == "" {
						stuffed = fmt.Sprintf("message %s: %q", n, truncate(l, 60))
					}
				case strings.HasPrefix(l, "."):
					// A stuffing server never sends a line that starts with a single dot.
					c.fail("pop3.dot-stuffing", fmt.Sprintf("message %s: %q", n, truncate(l, 60)),
						"a message line starting with \".\" was sent unstuffed")
					return nil
				}
			}
		}
		if stuffed == "" {
			c.skip("no message line starts with a dot: nothing to judge", "pop3.dot-stuffing")
			return nil
		}
		s.Detail("dot-stuffed lines seen")
		c.pass("pop3.dot-stuffing", stuffed)
		return nil
	})
}
