package probes

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// imapChecks is the IMAP suite (RFC 9051/3501, 2595, 2971), in walk order.
var imapChecks = []CheckDef{
	{"imap.greeting", "RFC 9051", "7.1", LevelMust,
		tx("The greeting is an untagged OK, PREAUTH or BYE", "问候语是无标签的 OK、PREAUTH 或 BYE")},
	{"imap.syntax", "RFC 9051", "2.2.2", LevelMust,
		tx("Every response is untagged (\"*\"), a continuation (\"+\") or a tagged OK/NO/BAD for a command sent", "每条响应都是无标签（“*”）、续行（“+”）或对已发送命令的带标签 OK/NO/BAD")},
	{"imap.crlf", "RFC 9051", "2.2", LevelMust,
		tx("Response lines end in CRLF, never a bare LF", "响应行以 CRLF 结尾，而不是单独的 LF")},
	{"imap.capability", "RFC 9051", "6.1.1", LevelMust,
		tx("CAPABILITY lists IMAP4rev1 or IMAP4rev2", "CAPABILITY 列出 IMAP4rev1 或 IMAP4rev2")},
	{"imap.logindisabled", "RFC 9051", "6.2.3", LevelShould,
		tx("LOGINDISABLED is advertised before TLS", "TLS 之前声明 LOGINDISABLED")},
	{"imap.unknown-command", "RFC 9051", "7.1.3", LevelMust,
		tx("An unknown command is answered BAD", "未知命令以 BAD 应答")},
	{"imap.starttls.accepted", "RFC 9051", "6.2.1", LevelMust,
		tx("An advertised STARTTLS is accepted with OK", "已声明的 STARTTLS 以 OK 接受")},
	{"imap.starttls.no-pipelined-data", "RFC 9051", "6.2.1", LevelMust,
		tx("Nothing is sent between the OK to STARTTLS and the TLS handshake (CVE-2021-22947 class)", "STARTTLS 的 OK 与 TLS 握手之间不发送任何数据（CVE-2021-22947 类）")},
	{"imap.starttls.capabilities", "RFC 9051", "6.2.1", LevelShould,
		tx("After STARTTLS, CAPABILITY is answered afresh without STARTTLS or LOGINDISABLED", "STARTTLS 之后重新应答 CAPABILITY，且不含 STARTTLS 和 LOGINDISABLED")},
	{"imap.id", "RFC 2971", "3.1", LevelShould,
		tx("With ID advertised, ID is answered with an untagged ID response", "声明 ID 时，ID 命令得到无标签的 ID 响应")},
	{"imap.examine", "RFC 9051", "6.3.3", LevelMust,
		tx("EXAMINE INBOX sends FLAGS, EXISTS and OK [UIDVALIDITY]", "EXAMINE INBOX 返回 FLAGS、EXISTS 和 OK [UIDVALIDITY]")},
	{"imap.logout", "RFC 9051", "6.1.3", LevelMust,
		tx("LOGOUT is answered with an untagged BYE, then a tagged OK", "LOGOUT 先得到无标签的 BYE，再得到带标签的 OK")},
}

// imapObs classifies one response line leniently: parseIMAPLine where it succeeds, otherwise
// the tag alone with the deviation noted (RFC 9051 2.2.2, 7).
func imapObs(line string) (imapResp, string) {
	r, err := parseIMAPLine(line)
	if err == nil {
		if r.Tag == "*" && r.Status == "" && strings.TrimSpace(r.Text) == "" {
			return r, "an untagged response without content"
		}
		return r, ""
	}
	tag, rest, _ := strings.Cut(line, " ")
	return imapResp{Tag: tag, Text: rest}, strings.TrimPrefix(err.Error(), ErrMalformedReply.Error()+": ")
}

// imapRead reads one response line (literals folded in) and judges it for imap.syntax and
// imap.crlf. tag is the tag of the command in flight ("" for the greeting).
func (c *conformer) imapRead(tag string, greeting bool) (imapResp, string, error) {
	s := c.s
	bare := s.lr.bareLF
	line, err := s.imapReadLine()
	if err != nil {
		return imapResp{}, line, err
	}
	c.crlf("imap.crlf", bare, line)
	r, bad := imapObs(line)
	if greeting {
		return r, line, nil
	}
	if bad == "" && r.Tag != "*" && r.Tag != "+" && r.Tag != tag {
		bad = fmt.Sprintf("a tagged response for %q, which no command in flight carries", r.Tag)
	}
	if bad != "" {
		c.fail("imap.syntax", line, bad)
	}
	c.observe("imap.syntax")
	return r, line, nil
}

// imapExchange is one command's responses as read.
type imapExchange struct {
	Untagged []imapResp
	Tagged   imapResp
	Lines    []string
	Bye      bool // an untagged BYE came before the completion
	Done     bool // the tagged completion arrived
}

// imapRun sends a tagged command and reads to its completion. An untagged BYE ends the read
// unless untilTagged (LOGOUT, where the tagged OK follows the BYE).
func (c *conformer) imapRun(cmd, shown string, untilTagged bool) (imapExchange, error) {
	s := c.s
	tag := s.imapNextTag()
	var x imapExchange
	if err := s.SendSecret(tag+" "+cmd, tag+" "+shown); err != nil {
		return x, err
	}
	s.roundTrip()
	for i := 0; ; i++ {
		if i > maxReplyLines*4 {
			return x, fmt.Errorf("%w: more than %d responses to one command", ErrMalformedReply, maxReplyLines*4)
		}
		r, line, err := c.imapRead(tag, false)
		if err != nil {
			if x.Bye && untilTagged {
				return x, nil // closed after BYE: the caller judges the missing completion
			}
			return x, err
		}
		x.Lines = append(x.Lines, line)
		switch {
		case r.Tag == tag:
			x.Tagged, x.Done = r, true
			return x, nil
		case r.Tag == "+":
			return x, fmt.Errorf("%w: unexpected continuation request", ErrMalformedReply)
		case r.Tag == "*" && r.Status == "BYE":
			x.Bye = true
			if !untilTagged {
				return x, &ReplyError{Proto: IMAP, Command: "BYE", Enhanced: r.Code, Lines: []string{line}}
			}
		}
		x.Untagged = append(x.Untagged, r)
	}
}

// imapCapsOf collects the capabilities from CAPABILITY responses (or the tagged code).
func imapCapsOf(x imapExchange) []string {
	var caps []string
	for _, u := range x.Untagged {
		if f := strings.Fields(u.Text); len(f) > 0 && strings.EqualFold(f[0], "CAPABILITY") {
			caps = append(caps, strings.Fields(strings.ToUpper(strings.Join(f[1:], " ")))...)
		}
	}
	if caps == nil && x.Tagged.Code == "CAPABILITY" {
		caps = strings.Fields(strings.ToUpper(x.Tagged.Args))
	}
	return caps
}

func imapHasVersion(caps []string) bool {
	return capsHave(caps, "IMAP4rev1") || capsHave(caps, "IMAP4rev2")
}

// conformIMAP is the IMAP conformance walk: greeting, CAPABILITY, an unknown command,
// STARTTLS, CAPABILITY, ID, an optional login with EXAMINE INBOX (read-only), LOGOUT.
func conformIMAP(c *conformer) {
	s := c.s
	preauth := false
	if !c.step(StepGreeting, func() error {
		s.roundTrip()
		r, line, err := c.imapRead("", true)
		if err != nil {
			return err
		}
		s.Detail("%s", truncate(line, 80))
		switch {
		case r.Tag == "*" && (r.Status == "OK" || r.Status == "PREAUTH"):
			c.pass("imap.greeting", line)
			preauth = r.Status == "PREAUTH"
			if preauth && !s.tls {
				s.Find(findings.IMAPPreauthPlaintext, line)
			}
		case r.Tag == "*" && r.Status == "BYE":
			c.warn("imap.greeting", line, "the server refuses the session")
			s.Find(findings.ServerBusy, line)
			c.halt("not reached: the server refused the session at the greeting")
			return nil
		default:
			c.fail("imap.greeting", line, "the greeting is not an untagged OK, PREAUTH or BYE")
		}
		if r.Code == "CAPABILITY" && !imapHasVersion(strings.Fields(r.Args)) {
			c.fail("imap.capability", line, "the greeting's capability list names neither IMAP4rev1 nor IMAP4rev2")
		}
		return nil
	}) {
		return
	}

	var caps []string
	capability := func(id string) error {
		x, err := c.imapRun("CAPABILITY", "CAPABILITY", false)
		if err != nil {
			return err
		}
		caps = imapCapsOf(x)
		s.res.Caps = caps
		s.Detail("%s", truncate(strings.Join(caps, " "), 120))
		ev := truncate(joinLines(x.Lines), 200)
		switch {
		case caps == nil:
			c.fail(id, ev, "CAPABILITY returned no capability list")
		case !imapHasVersion(caps):
			c.fail(id, ev, "the capability list names neither IMAP4rev1 nor IMAP4rev2")
		default:
			c.pass(id, ev)
		}
		return nil
	}
	if !c.step(StepCapability, func() error { return capability("imap.capability") }) {
		return
	}
	switch {
	case s.tls:
		c.skip("the connection is encrypted from the start (implicit TLS)", "imap.logindisabled")
	case preauth:
		c.skip("PREAUTH: the session is already authenticated", "imap.logindisabled")
	case capsHave(caps, "LOGINDISABLED"):
		c.pass("imap.logindisabled", "CAPABILITY before TLS lists LOGINDISABLED")
	default:
		c.fail("imap.logindisabled", truncate(strings.Join(caps, " "), 160), "LOGIN is allowed on an unencrypted connection")
	}

	if !c.step("unknown-command", func() error {
		x, err := c.imapRun("XMAILCHECK", "XMAILCHECK", false)
		if err != nil {
			return err
		}
		line := x.Lines[len(x.Lines)-1]
		s.Detail("%s", truncate(line, 80))
		if x.Tagged.Status == "BAD" {
			c.pass("imap.unknown-command", line)
		} else {
			c.fail("imap.unknown-command", line, fmt.Sprintf("an unknown command was answered %q, want BAD", x.Tagged.Status))
		}
		return nil
	}) {
		return
	}

	tlsIDs := []string{"imap.starttls.accepted", "imap.starttls.no-pipelined-data", "imap.starttls.capabilities"}
	switch {
	case s.ep.Security == ImplicitTLS:
		c.skip("implicit TLS: STARTTLS does not apply", tlsIDs...)
	case s.ep.Security != STARTTLS:
		c.skip("--security plain: TLS not requested", tlsIDs...)
	case preauth:
		c.skip("PREAUTH: STARTTLS is not allowed in the authenticated state", tlsIDs...)
	case !capsHave(caps, "STARTTLS"):
		s.Find(findings.TLSSTARTTLSUnavailable, "CAPABILITY does not list STARTTLS")
		c.skip("STARTTLS is not advertised", tlsIDs...)
	default:
		upgraded, cont := c.startTLS("starttls", tlsIDs, func() (tlsAnswer, error) {
			x, err := c.imapRun("STARTTLS", "STARTTLS", false)
			if err != nil {
				return tlsAnswer{}, err
			}
			return tlsAnswer{evidence: x.Lines[len(x.Lines)-1], ok: x.Tagged.Status == "OK",
				temp:    x.Tagged.Status == "NO" && strings.EqualFold(x.Tagged.Code, "UNAVAILABLE"),
				refusal: "STARTTLS was refused"}, nil
		})
		if !cont {
			return
		}
		if upgraded && !c.step("capability-tls", func() error {
			if err := capability("imap.capability"); err != nil {
				return err
			}
			switch {
			case capsHave(caps, "STARTTLS"), capsHave(caps, "LOGINDISABLED"):
				c.fail("imap.starttls.capabilities", truncate(strings.Join(caps, " "), 160),
					"the capability list after TLS still lists STARTTLS or LOGINDISABLED")
			default:
				c.pass("imap.starttls.capabilities", truncate(strings.Join(caps, " "), 160))
			}
			return nil
		}) {
			return
		}
	}

	if !capsHave(caps, "ID") {
		c.skip("ID is not advertised", "imap.id")
	} else if !c.step(StepID, func() error {
		x, err := c.imapRun("ID NIL", "ID NIL", false)
		if err != nil {
			return err
		}
		ev := joinLines(x.Lines)
		s.Detail("%s", truncate(ev, 80))
		hasID := false
		for _, u := range x.Untagged {
			if f := strings.Fields(u.Text); len(f) > 0 && strings.EqualFold(f[0], "ID") {
				hasID = true
			}
		}
		switch {
		case x.Tagged.Status != "OK":
			c.fail("imap.id", ev, "ID was refused although advertised")
		case !hasID:
			c.fail("imap.id", ev, "ID was answered without an untagged ID response")
		default:
			c.pass("imap.id", ev)
		}
		return nil
	}) {
		return
	}

	loggedIn := preauth
	if !preauth {
		ok, why := c.canLogin()
		switch {
		case !ok:
			c.skip(why, "imap.examine")
		case capsHave(caps, "LOGINDISABLED"):
			c.skip("LOGINDISABLED: the server refuses LOGIN on this connection", "imap.examine")
		default:
			if !c.step(StepAuth, func() error {
				loggedIn = c.imapLogin(caps)
				if !loggedIn {
					c.skip("the login was refused", "imap.examine")
				}
				return nil
			}) {
				return
			}
		}
	}
	if loggedIn && !c.step(StepExamine, func() error {
		x, err := c.imapRun("EXAMINE INBOX", "EXAMINE INBOX", false)
		if err != nil {
			return err
		}
		ev := truncate(joinLines(x.Lines), 200)
		if x.Tagged.Status != "OK" {
			c.skip("EXAMINE INBOX was refused: "+x.Lines[len(x.Lines)-1], "imap.examine")
			return nil
		}
		var flags, exists, uidvalidity bool
		for _, u := range x.Untagged {
			f := strings.Fields(u.Text)
			switch {
			case u.Code == "UIDVALIDITY":
				uidvalidity = true
			case len(f) > 0 && strings.EqualFold(f[0], "FLAGS"):
				flags = true
			case len(f) == 2 && strings.EqualFold(f[1], "EXISTS"):
				exists = true
			}
		}
		var missing []string
		for name, ok := range map[string]bool{"FLAGS": flags, "EXISTS": exists, "OK [UIDVALIDITY]": uidvalidity} {
			if !ok {
				missing = append(missing, name)
			}
		}
		if len(missing) > 0 {
			slices.Sort(missing)
			c.fail("imap.examine", ev, "EXAMINE did not send "+strings.Join(missing, ", "))
		} else {
			c.pass("imap.examine", ev)
		}
		s.Detail("%s", findings.SayResponses.Format(len(x.Untagged)))
		return nil
	}) {
		return
	}

	c.step(StepLogout, func() error {
		x, err := c.imapRun("LOGOUT", "LOGOUT", true)
		if err != nil {
			c.fail("imap.logout", joinLines(x.Lines), "no reply to LOGOUT: "+err.Error())
			return nil
		}
		ev := joinLines(x.Lines)
		s.Detail("%s", truncate(ev, 80))
		switch {
		case !x.Bye:
			c.fail("imap.logout", ev, "LOGOUT was answered without an untagged BYE")
		case !x.Done || x.Tagged.Status != "OK":
			c.fail("imap.logout", ev, "no tagged OK after the BYE")
		default:
			c.pass("imap.logout", ev)
		}
		return nil
	})
}

// imapLogin logs in with AUTHENTICATE PLAIN (SASL-IR) or LOGIN; false when refused.
func (c *conformer) imapLogin(caps []string) bool {
	s := c.s
	user, pass := s.opts.User, s.opts.Password
	if len(s.opts.Token) > 0 { // the probe's one OAuth2 exchange
		return s.oauthLogin(&imapWire{s: s, saslIR: capsHave(caps, "SASL-IR")}, imapMechs(caps)) == nil
	}
	var err error
	var x imapExchange
	if cmd, literal := imapLoginCmd(caps, user, pass); literal {
		err = s.imapLoginLiteral(caps)
		if err == nil {
			x.Tagged.Status = "OK"
		}
	} else {
		x, err = c.imapRun(cmd.line, cmd.shown, false)
	}
	if err == nil && x.Tagged.Status != "OK" {
		err = &ReplyError{Proto: IMAP, Command: "LOGIN", Enhanced: x.Tagged.Code, Lines: x.Lines[len(x.Lines)-1:]}
	}
	if err != nil {
		s.imapAuthError(err)
		if _, ok := err.(*ReplyError); !ok {
			s.note("%v", err)
		}
		return false
	}
	s.Detail("%s", findings.SayLoggedIn.Format(user))
	return true
}
