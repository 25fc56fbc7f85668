package probes

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// ReplyError is a negative or unexpected server reply, with the wire facts (modelled on mox
// smtpclient.Error). It covers SMTP codes, POP3 -ERR and IMAP tagged NO/BAD.
type ReplyError struct {
	Proto    Proto
	Command  string // the command that drew the reply ("" for a greeting)
	Code     int    // SMTP reply code; 0 for POP3/IMAP
	Enhanced string // RFC 3463 enhanced status code, POP3 [RESP-CODE] or IMAP [RESPONSE-CODE]
	Lines    []string
}

func (e *ReplyError) Error() string {
	return findings.ReplyText(string(e.Proto), e.Command, strings.Join(e.Lines, " / "))
}

// Temporary reports a 4xx SMTP reply or a temporary POP3/IMAP response code.
func (e *ReplyError) Temporary() bool {
	if e.Code >= 400 && e.Code < 500 {
		return true
	}
	switch strings.ToUpper(e.Enhanced) {
	case "SYS/TEMP", "IN-USE", "LOGIN-DELAY", "UNAVAILABLE", "INUSE", "LIMIT":
		return true
	}
	return false
}

// Text joins the reply lines for matching and evidence.
func (e *ReplyError) Text() string { return strings.Join(e.Lines, "\n") }

// smtpReply is one complete, possibly multi-line SMTP reply as received. Deviations from the
// syntax are noted, not refused, so conformance checks can judge them; parseSMTPReply refuses.
type smtpReply struct {
	Code     int      // the first line's code; 0 when it has none
	Enhanced string   // RFC 3463 code at the start of the first text, when its class matches
	Lines    []string // full lines as received, code included
	Texts    []string // text after "NNN-" / "NNN "
	Bad      string   // the first syntax deviation, "" when none
	Mixed    bool     // the lines carry different codes (RFC 5321 4.2.1 wants one)
}

var enhancedRE = regexp.MustCompile(`^([245]\.\d{1,3}\.\d{1,3})(\s|$)`)

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// smtpContinues reports whether line announces another line of the same reply ("250-…").
func smtpContinues(line string) bool {
	return len(line) >= 4 && isDigits(line[:3]) && line[3] == '-'
}

// maxReplyLines bounds a multi-line reply so an endless "250-" stream cannot exhaust memory.
const maxReplyLines = 512

// parseSMTPLines parses a reply's lines (RFC 5321 4.2: "Reply-code [ SP textstring ] CRLF", with
// "Reply-code - textstring" on all but the last line). It never fails: a line without a code,
// a code out of range, a missing separator, a reply that ends early or late, mixed codes are
// each noted in Bad or Mixed.
func parseSMTPLines(lines []string) smtpReply {
	var r smtpReply
	bad := func(format string, args ...any) {
		if r.Bad == "" {
			r.Bad = fmt.Sprintf(format, args...)
		}
	}
	for i, l := range lines {
		last := i == len(lines)-1
		r.Lines = append(r.Lines, l)
		if len(l) < 3 || !isDigits(l[:3]) {
			r.Texts = append(r.Texts, l)
			bad("line without a reply code: %q", truncate(l, 60))
			continue
		}
		code, _ := strconv.Atoi(l[:3])
		if i == 0 {
			r.Code = code
		} else if code != r.Code {
			r.Mixed = true
		}
		if code < 200 || code > 599 {
			bad("reply code %d out of range", code)
		}
		switch {
		case len(l) == 3:
			r.Texts = append(r.Texts, "")
			if !last {
				bad("the reply ends before its last line")
			}
		case l[3] == '-' || l[3] == ' ':
			r.Texts = append(r.Texts, l[4:])
			if l[3] == '-' && last {
				bad("the reply ends on a continuation line")
			} else if l[3] == ' ' && !last {
				bad("the reply ends before its last line")
			}
		default:
			r.Texts = append(r.Texts, l[3:])
			bad("no space or hyphen after the code: %q", truncate(l, 60))
		}
	}
	if len(lines) == 0 {
		bad("empty reply")
	}
	if len(r.Texts) > 0 && r.Code > 0 {
		if m := enhancedRE.FindStringSubmatch(r.Texts[0]); m != nil && int(m[1][0]-'0') == r.Code/100 {
			r.Enhanced = m[1]
		}
	}
	return r
}

// parseSMTPReply is parseSMTPLines for a client: any deviation is ErrMalformedReply.
func parseSMTPReply(lines []string) (*smtpReply, error) {
	r := parseSMTPLines(lines)
	switch {
	case r.Bad != "":
		return nil, fmt.Errorf("%w: %s", ErrMalformedReply, r.Bad)
	case r.Mixed:
		return nil, fmt.Errorf("%w: mixed reply codes in one reply", ErrMalformedReply)
	}
	return &r, nil
}

// pop3Status is a POP3 status line: "+OK text" or "-ERR [RESP-CODE] text" (RFC 1939 3,
// RFC 2449 8). Deviations are noted in Bad; parsePOP3Status refuses them.
type pop3Status struct {
	OK    bool   // a positive status
	Known bool   // the line is a +OK or -ERR status line, in any case
	Code  string // response code without brackets, e.g. "IN-USE", "SYS/TEMP"
	Text  string // the text after the status and code
	Bad   string // the first syntax deviation, "" when none
	Line  string
}

func parsePOP3Line(line string) pop3Status {
	st := pop3Status{Line: line}
	var rest string
	up := strings.ToUpper(line)
	switch {
	case strings.HasPrefix(up, "+OK"):
		st.OK, st.Known, rest = true, true, line[3:]
	case strings.HasPrefix(up, "-ERR"):
		st.Known, rest = true, line[4:]
	default:
		st.Bad = "not a +OK or -ERR status line"
		st.Text = line
		return st
	}
	if !strings.HasPrefix(line, "+OK") && !strings.HasPrefix(line, "-ERR") {
		st.Bad = "the status indicator is not upper case"
	}
	if rest != "" && rest[0] != ' ' && st.Bad == "" {
		st.Bad = "no space after the status indicator"
	}
	st.Text = strings.TrimSpace(rest)
	if strings.HasPrefix(st.Text, "[") {
		if end := strings.IndexByte(st.Text, ']'); end > 1 {
			st.Code = st.Text[1:end]
			st.Text = strings.TrimSpace(st.Text[end+1:])
		}
	}
	return st
}

// parsePOP3Status is parsePOP3Line for a client: any deviation is ErrMalformedReply.
func parsePOP3Status(line string) (pop3Status, error) {
	st := parsePOP3Line(line)
	if st.Bad != "" {
		return st, fmt.Errorf("%w: POP3 status %q: %s", ErrMalformedReply, truncate(line, 80), st.Bad)
	}
	return st, nil
}

// smtpExtensions parses the EHLO reply's keyword lines (RFC 5321 4.1.1.1): the first line is
// the greeting, each further line "KEYWORD [params]".
func smtpExtensions(texts []string) map[string]string {
	ext := map[string]string{}
	for i, t := range texts {
		if i == 0 {
			continue
		}
		k, v, _ := strings.Cut(strings.TrimSpace(t), " ")
		if k == "" {
			continue
		}
		k = strings.ToUpper(k)
		// Old servers say "AUTH=LOGIN PLAIN" (pre-RFC 2554 clients); treat it as AUTH.
		if strings.HasPrefix(k, "AUTH=") {
			v = strings.TrimPrefix(k, "AUTH=") + " " + v
			k = "AUTH"
			if prev, ok := ext[k]; ok {
				v = prev + " " + v
			}
		}
		ext[k] = strings.TrimSpace(v)
	}
	return ext
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
