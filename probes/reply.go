package probes

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
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
	cmd := e.Command
	if cmd == "" {
		cmd = "greeting"
	}
	return fmt.Sprintf("%s %s: %s", e.Proto, strings.ToLower(cmd), strings.Join(e.Lines, " / "))
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

// smtpReply is one complete, possibly multi-line SMTP reply.
type smtpReply struct {
	Code     int
	Enhanced string
	Lines    []string // full lines as received, code included
	Texts    []string // text after "NNN-" / "NNN "
}

var enhancedRE = regexp.MustCompile(`^([245]\.\d{1,3}\.\d{1,3})(\s|$)`)

// parseSMTPLine splits one reply line: RFC 5321 4.2 "Reply-code [ SP textstring ] CRLF" or
// "Reply-code - textstring" for all but the last line of a multi-line reply.
func parseSMTPLine(line string) (code int, more bool, text string, err error) {
	if len(line) < 3 {
		return 0, false, "", fmt.Errorf("%w: short SMTP reply %q", ErrMalformedReply, line)
	}
	for i := 0; i < 3; i++ {
		if line[i] < '0' || line[i] > '9' {
			return 0, false, "", fmt.Errorf("%w: SMTP reply without code %q", ErrMalformedReply, truncate(line, 80))
		}
	}
	code, _ = strconv.Atoi(line[:3])
	if code < 200 || code > 599 || line[0] > '5' || line[0] < '2' {
		return 0, false, "", fmt.Errorf("%w: SMTP reply code %d out of range", ErrMalformedReply, code)
	}
	if len(line) == 3 {
		return code, false, "", nil
	}
	switch line[3] {
	case '-':
		more = true
	case ' ':
	default:
		return 0, false, "", fmt.Errorf("%w: SMTP reply separator %q", ErrMalformedReply, line[3])
	}
	return code, more, line[4:], nil
}

// maxReplyLines bounds a multi-line reply so an endless "250-" stream cannot exhaust memory.
const maxReplyLines = 512

// parseSMTPReply assembles lines into one reply; RFC 5321 4.2.1 wants the same code on every line.
func parseSMTPReply(lines []string) (*smtpReply, error) {
	r := &smtpReply{}
	for i, l := range lines {
		code, more, text, err := parseSMTPLine(l)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			r.Code = code
		} else if code != r.Code {
			return nil, fmt.Errorf("%w: mixed codes %d and %d in one reply", ErrMalformedReply, r.Code, code)
		}
		if more != (i < len(lines)-1) {
			return nil, fmt.Errorf("%w: continuation marks do not end the reply", ErrMalformedReply)
		}
		r.Lines = append(r.Lines, l)
		r.Texts = append(r.Texts, text)
	}
	if len(r.Texts) > 0 {
		if m := enhancedRE.FindStringSubmatch(r.Texts[0]); m != nil && m[1][0] == strconv.Itoa(r.Code)[0] {
			r.Enhanced = m[1]
		}
	}
	return r, nil
}

// pop3Status is a POP3 status line: "+OK text" or "-ERR [RESP-CODE] text" (RFC 2449 8).
type pop3Status struct {
	OK   bool
	Code string // response code without brackets, e.g. "IN-USE", "SYS/TEMP"
	Text string
}

func parsePOP3Status(line string) (pop3Status, error) {
	var st pop3Status
	switch {
	case strings.HasPrefix(line, "+OK"):
		st.OK = true
		st.Text = line[3:]
	case strings.HasPrefix(line, "-ERR"):
		st.Text = line[4:]
	default:
		return st, fmt.Errorf("%w: POP3 status %q", ErrMalformedReply, truncate(line, 80))
	}
	if st.Text != "" && st.Text[0] != ' ' {
		return st, fmt.Errorf("%w: POP3 status without space %q", ErrMalformedReply, truncate(line, 80))
	}
	st.Text = strings.TrimPrefix(st.Text, " ")
	if strings.HasPrefix(st.Text, "[") {
		if end := strings.IndexByte(st.Text, ']'); end > 1 {
			st.Code = st.Text[1:end]
			st.Text = strings.TrimSpace(st.Text[end+1:])
		}
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
