package probes

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/mail"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// SendTest asks for the opt-in round trip (--send-test): one small labelled message from the
// account to itself, looked for in its mailbox, then deleted. Never run by default.
type SendTest struct {
	// From is the sender; "" = the login name. account sets it to the address the user gave,
	// which a server may refuse when the login is another name (smtp.sender-mismatch).
	From string
	To   string        // the recipient; "" = the sender (never anyone the user did not name)
	Wait time.Duration // how long to look for the message; 0 = DefaultSendWait
	Slow time.Duration // arriving later than this is delivery.slow; 0 = DefaultSendSlow
}

// Round-trip defaults: a minute to arrive; later than 30 s is slow (people notice).
const (
	DefaultSendWait = 60 * time.Second
	DefaultSendSlow = 30 * time.Second
	pollEvery       = 2 * time.Second
	// POP3 shows new mail only at a new login, so each poll is a session: less often.
	pop3PollEvery = 5 * time.Second
	// pop3LookMax bounds the TOP commands per poll: new mail is at the end of the maildrop.
	pop3LookMax = 50
)

// Delivery is what the round trip saw, for the JSON.
type Delivery struct {
	ID        string        `json:"id"`                 // the token in Message-ID and Subject
	QueueID   string        `json:"queue_id,omitempty"` // what the SMTP server called it
	Folder    string        `json:"folder,omitempty"`   // where it landed
	Latency   time.Duration `json:"-"`
	LatencyMS int64         `json:"latency_ms,omitempty"`
	SPF       string        `json:"spf,omitempty"`
	DKIM      string        `json:"dkim,omitempty"`
	DMARC     string        `json:"dmarc,omitempty"`
	Hops      []Hop         `json:"hops,omitempty"`
	Deleted   bool          `json:"deleted"`
}

// Hop is one Received header: who received it, and how long after the previous hop.
type Hop struct {
	By      string `json:"by"`
	DelayMS int64  `json:"delay_ms"`
}

// submission is the message an SMTP session sends after its login (sendtest only).
type submission struct {
	from, to string
	msg      []byte
	accepted time.Time
	queueID  string
}

// fetchTest is what an IMAP session looks for after its login (sendtest only).
type fetchTest struct {
	id       string // Message-ID value, <...>
	accepted time.Time
	wait     time.Duration
	slow     time.Duration
	d        *Delivery

	// POP3 polls over several sessions: unique-ids already looked at, the one found, whether
	// this session asks for another poll, and whether this session only verifies.
	checked map[string]bool
	popUID  string
	again   bool
	verify  bool
	polls   int
}

// Round-trip step names.
const (
	StepMail    = "mail"    // SMTP MAIL FROM
	StepRcpt    = "rcpt"    // SMTP RCPT TO
	StepData    = "data"    // SMTP DATA and the message
	StepArrive  = "arrive"  // looking for the message in INBOX and Junk
	StepHeaders = "headers" // its Authentication-Results and Received headers
	StepDelete  = "delete"  // removing exactly that message
	StepVerify  = "verify"  // checking it is gone
)

// roundTrip submits over smtp and looks over recv; both logged in during the run. The result
// carries both sessions' steps (the receiving one's prefixed with its protocol).
func roundTrip(ctx context.Context, smtpEp Endpoint, sopts Options, recv Endpoint, ropts Options, st SendTest) Result {
	if st.Wait <= 0 {
		st.Wait = DefaultSendWait
	}
	if st.Slow <= 0 {
		st.Slow = DefaultSendSlow
	}
	id := newTestID()
	from := st.From
	if from == "" {
		from = sopts.User
	}
	to := st.To
	if to == "" {
		to = from
	}
	domain := "mailcheck.invalid"
	if i := strings.LastIndexByte(from, '@'); i >= 0 {
		domain = from[i+1:]
	}
	msgID := "<" + id + "@" + domain + ">"
	ep := smtpEp
	ep.Source = "send-test"
	s := newSession(ctx, ep, &sopts)
	s.submit = &submission{from: from, to: to, msg: testMessage(from, to, id, msgID, time.Now())}
	s.walk()
	s.close()
	res := *s.res
	d := &Delivery{ID: id, QueueID: s.submit.queueID}
	res.Delivery = d
	if s.submit.accepted.IsZero() {
		s.redactResult(&res)
		return finishResult(res, s.start)
	}
	ft := &fetchTest{id: msgID, accepted: s.submit.accepted, wait: st.Wait, slow: st.Slow, d: d}
	var steps []Step
	if recv.Proto == POP3 {
		var trips int
		steps, trips = pop3Receive(ctx, recv, ropts, ft)
		res.RoundTrips += trips
	} else {
		r := newSession(ctx, recv, &ropts)
		r.fetch = ft
		r.walk()
		r.close()
		steps = r.res.Steps
		res.RoundTrips += r.res.RoundTrips
	}
	for _, step := range steps {
		step.Name = string(recv.Proto) + ":" + step.Name
		res.Steps = append(res.Steps, step)
	}
	if d.Latency > 0 {
		d.LatencyMS = d.Latency.Milliseconds()
	}
	// Each side's credentials, whichever session saw them.
	s.redactResult(&res)
	redactFor(&res, recv, ropts)
	return finishResult(res, s.start)
}

func finishResult(res Result, start time.Time) Result {
	res.Duration = time.Since(start)
	res.Status = ""
	for _, st := range res.Steps {
		res.Status = Worse(res.Status, st.Status)
	}
	return res
}

func newTestID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return "mailcheck-test-" + hex.EncodeToString(b)
}

// testMessage is the round trip's message: small, plain, and saying what it is.
func testMessage(from, to, id, msgID string, now time.Time) []byte {
	var b strings.Builder
	for _, h := range [][2]string{
		{"From", "<" + from + ">"}, {"To", "<" + to + ">"},
		{"Subject", "mailcheck send test " + id + " (safe to delete)"},
		{"Date", now.Format(time.RFC1123Z)}, {"Message-ID", msgID},
		{"MIME-Version", "1.0"}, {"Content-Type", "text/plain; charset=utf-8"},
		{"X-Mailcheck-Test", id},
	} {
		b.WriteString(h[0] + ": " + h[1] + "\r\n")
	}
	b.WriteString("\r\nThis message was sent by mailcheck --send-test to check that mail from this account\r\n" +
		"arrives. mailcheck deletes it as soon as it has seen it; if you read this, that failed.\r\n")
	return []byte(b.String())
}

// smtpSubmit sends the round trip's message after a successful login: MAIL, RCPT, DATA. A
// refusal at each phase is classified as that phase's reply (sender mismatch, relay denied,
// message too large, spam, a sending limit).
func (s *Session) smtpSubmit(ext map[string]string) {
	sub := s.submit
	size := ""
	if _, ok := ext["SIZE"]; ok {
		size = " SIZE=" + strconv.Itoa(len(sub.msg)) // RFC 1870 6
	}
	if s.Step(StepMail, func() error {
		_, err := s.smtpCmd("MAIL FROM:<"+sub.from+">"+size, "MAIL FROM:<"+sub.from+">"+size, 250)
		return err
	}) != nil {
		return
	}
	if s.Step(StepRcpt, func() error {
		_, err := s.smtpCmd("RCPT TO:<"+sub.to+">", "RCPT TO:<"+sub.to+">", 250, 251)
		return err
	}) != nil {
		return
	}
	s.Step(StepData, func() error {
		if _, err := s.smtpCmd("DATA", "DATA", 354); err != nil {
			return err
		}
		s.note("message of %d bytes, Subject %q", len(sub.msg), "mailcheck send test …")
		body := dotStuff(sub.msg)
		if _, err := s.conn.Write(append(body, ".\r\n"...)); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		s.record(Client, ".")
		s.roundTrip()
		r, err := s.smtpRead()
		if err != nil {
			return err
		}
		if r.Code != 250 {
			return &ReplyError{Proto: SMTP, Command: "DATA", Code: r.Code, Enhanced: r.Enhanced, Lines: r.Lines}
		}
		sub.accepted = time.Now()
		sub.queueID = queueID(strings.Join(r.Texts, " "))
		s.Detail("accepted, queue id %s", orDash(sub.queueID))
		return nil
	})
}

// dotStuff doubles a leading dot on each line (RFC 5321 4.5.2).
func dotStuff(msg []byte) []byte {
	lines := strings.SplitAfter(string(msg), "\r\n")
	var b strings.Builder
	for _, l := range lines {
		if strings.HasPrefix(l, ".") {
			b.WriteByte('.')
		}
		b.WriteString(l)
	}
	out := b.String()
	if !strings.HasSuffix(out, "\r\n") {
		out += "\r\n"
	}
	return []byte(out)
}

var queuedAs = regexp.MustCompile(`(?i)(?:queued as|id=|queue id)\s*<?([A-Za-z0-9._@-]+)>?`)

// queueID is the server's name for the accepted message ("2.0.0 Ok: queued as 4Z3x…").
func queueID(text string) string {
	if m := queuedAs.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	if f := strings.Fields(text); len(f) > 0 {
		return strings.Trim(f[len(f)-1], "<>.")
	}
	return ""
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// imapFetchTest looks for the round trip's message in INBOX and Junk until it arrives or the
// wait ends, reads its headers, deletes exactly it and checks it is gone.
func (s *Session) imapFetchTest(caps []string) {
	if len(s.imapAuthCaps) > 0 {
		caps = s.imapAuthCaps
	}
	ft := s.fetch
	folders := []string{"INBOX"}
	var uid, folder string
	if s.Step(StepArrive, func() error {
		found, _, err := s.imapSpecial(capsHave(caps, "SPECIAL-USE"))
		if err != nil {
			return err
		}
		if junk := found["Junk"]; junk != "" && !strings.EqualFold(junk, "INBOX") {
			folders = append(folders, junk)
		}
		until := ft.accepted.Add(ft.wait)
		for {
			for _, f := range folders {
				u, err := s.imapFind(f, ft.id)
				if err != nil {
					return err
				}
				if u != "" {
					uid, folder = u, f
					s.arrived(f)
					return nil
				}
			}
			if !time.Now().Add(pollEvery).Before(until) {
				return s.notArrived(strings.Join(folders, " or "))
			}
			if err := s.sleep(pollEvery); err != nil {
				return err
			}
		}
	}) != nil {
		return
	}
	s.Step(StepHeaders, func() error { return s.imapTestHeaders(uid) })
	if s.Step(StepDelete, func() error { return s.imapDelete(folder, uid, capsHave(caps, "UIDPLUS")) }) != nil || !ft.d.Deleted {
		return
	}
	s.Step(StepVerify, func() error {
		u, err := s.imapFind(folder, ft.id)
		if err != nil {
			return err
		}
		if u != "" {
			return fmt.Errorf("verify: the test message is still in %s (UID %s)", folder, u)
		}
		s.Detail("the test message is gone; nothing else was touched")
		return nil
	})
}

// arrived records where and when the test message was found: delivery.junked outside INBOX,
// delivery.slow past the threshold.
func (s *Session) arrived(folder string) {
	ft := s.fetch
	ft.d.Latency = time.Since(ft.accepted)
	ft.d.Folder = folder
	s.Detail("arrived in %s after %s", folder, seconds(ft.d.Latency))
	if folder != "INBOX" {
		s.Find(findings.DeliveryJunked, fmt.Sprintf("the test message from the account to itself was put in %q", folder))
	}
	if ft.d.Latency > ft.slow {
		s.Find(findings.DeliverySlow, fmt.Sprintf("arrived %s after the server accepted it (more than %s)", seconds(ft.d.Latency), seconds(ft.slow)))
	}
}

// notArrived is the arrive step's failure once the wait is over.
func (s *Session) notArrived(where string) error {
	ft := s.fetch
	s.Find(findings.DeliveryNotArrived, fmt.Sprintf("not in %s %s after the server accepted it", where, seconds(time.Since(ft.accepted))))
	return fmt.Errorf("arrive: the test message did not arrive within %s", seconds(ft.wait))
}

// sleep waits d, or until the run is cancelled; the step's deadline moves on with it, since
// waiting is the step's job.
func (s *Session) sleep(d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-s.ctx.Done():
		return s.ctx.Err()
	case <-t.C:
	}
	s.stepDeadline = s.deadline()
	s.conn.SetDeadline(s.stepDeadline)
	return nil
}

// imapFind opens folder read-only and searches it for the Message-ID; the UID, or "".
func (s *Session) imapFind(folder, msgID string) (string, error) {
	if _, _, err := s.imapCmd("EXAMINE "+quoteIMAP(folder), "EXAMINE "+quoteIMAP(folder)); err != nil {
		return "", err
	}
	u, _, err := s.imapCmd("UID SEARCH HEADER Message-ID "+quoteIMAP(msgID), "UID SEARCH HEADER Message-ID "+quoteIMAP(msgID))
	if err != nil {
		return "", err
	}
	for _, r := range u {
		if f := strings.Fields(r.Text); len(f) > 1 && strings.EqualFold(f[0], "SEARCH") {
			return f[1], nil
		}
	}
	return "", nil
}

var literalMark = regexp.MustCompile(`^\s*\{\d+\+?\}`)

var authResult = regexp.MustCompile(`(?i)\b(spf|dkim|dmarc)=([a-z]+)`)

// imapTestHeaders reads the message's Authentication-Results (RFC 8601) and Received headers.
func (s *Session) imapTestHeaders(uid string) error {
	cmd := "UID FETCH " + uid + " (BODY.PEEK[HEADER.FIELDS (AUTHENTICATION-RESULTS RECEIVED)])"
	u, _, err := s.imapCmd(cmd, cmd)
	if err != nil {
		return err
	}
	var hdr string
	for _, r := range u {
		if i := strings.Index(r.Text, "]"); i >= 0 {
			// The literal arrives inlined as a quoted string after its {n} marker (imapReadLine).
			if v, _, ok := imapAString(literalMark.ReplaceAllString(r.Text[i+1:], "")); ok {
				hdr = v
			}
		}
	}
	s.testHeaders(hdr)
	return nil
}

// testHeaders reads the test message's header: Authentication-Results (RFC 8601) and the
// Received hops (RFC 5321 4.4), into the Delivery and the step's detail.
func (s *Session) testHeaders(hdr string) {
	d := s.fetch.d
	m, err := mail.ReadMessage(strings.NewReader(strings.TrimRight(hdr, "\r\n") + "\r\n\r\n"))
	if err != nil {
		s.Detail("no readable Authentication-Results or Received headers")
		return
	}
	for _, ar := range m.Header["Authentication-Results"] {
		for _, x := range authResult.FindAllStringSubmatch(ar, -1) {
			switch strings.ToLower(x[1]) {
			case "spf":
				d.SPF = strings.ToLower(x[2])
			case "dkim":
				d.DKIM = strings.ToLower(x[2])
			case "dmarc":
				d.DMARC = strings.ToLower(x[2])
			}
		}
	}
	d.Hops = hops(m.Header["Received"])
	var parts []string
	if len(m.Header["Authentication-Results"]) > 0 {
		parts = append(parts, fmt.Sprintf("SPF %s, DKIM %s, DMARC %s", orDash(d.SPF), orDash(d.DKIM), orDash(d.DMARC)))
	} else {
		parts = append(parts, "no Authentication-Results header")
	}
	if len(d.Hops) > 0 {
		var hs []string
		for _, h := range d.Hops {
			hs = append(hs, fmt.Sprintf("%s +%s", orDash(h.By), seconds(time.Duration(h.DelayMS)*time.Millisecond)))
		}
		parts = append(parts, fmt.Sprintf("%d Received hops: %s", len(d.Hops), strings.Join(hs, ", ")))
	}
	s.Detail("%s", strings.Join(parts, "; "))
}

var receivedBy = regexp.MustCompile(`(?i)\bby\s+([^\s;()]+)`)

// hops reads Received headers (newest first, RFC 5321 4.4) into the path oldest first, each
// with its delay after the one before.
func hops(received []string) []Hop {
	var out []Hop
	var prev time.Time
	for i := len(received) - 1; i >= 0 && len(out) < 32; i-- {
		r := received[i]
		h := Hop{}
		if m := receivedBy.FindStringSubmatch(r); m != nil {
			h.By = m[1]
		}
		if j := strings.LastIndexByte(r, ';'); j >= 0 {
			if t, err := mail.ParseDate(strings.TrimSpace(r[j+1:])); err == nil {
				if !prev.IsZero() && t.After(prev) {
					h.DelayMS = t.Sub(prev).Milliseconds()
				}
				prev = t
			}
		}
		out = append(out, h)
	}
	return out
}

// imapDelete removes exactly the test message: \Deleted then UID EXPUNGE of that UID (RFC
// 4315). Without UIDPLUS a plain EXPUNGE would also remove whatever else the user marked
// deleted, so the message is only marked, and the step says so.
func (s *Session) imapDelete(folder, uid string, uidplus bool) error {
	if _, _, err := s.imapCmd("SELECT "+quoteIMAP(folder), "SELECT "+quoteIMAP(folder)); err != nil {
		return err
	}
	if _, _, err := s.imapCmd("UID STORE "+uid+` +FLAGS.SILENT (\Deleted)`, "UID STORE "+uid+` +FLAGS.SILENT (\Deleted)`); err != nil {
		return err
	}
	if !uidplus {
		s.Detail("marked deleted; the server has no UIDPLUS, so it goes at the mail client's next expunge (a plain EXPUNGE would also remove other messages marked deleted)")
		return nil
	}
	if _, _, err := s.imapCmd("UID EXPUNGE "+uid, "UID EXPUNGE "+uid); err != nil {
		return err
	}
	s.fetch.d.Deleted = true
	s.Detail("deleted UID %s from %s", uid, folder)
	return nil
}

// seconds is a duration as a report shows it: "3.2 s".
func seconds(d time.Duration) string {
	return fmt.Sprintf("%.1f s", d.Seconds())
}

// pop3Receive looks for the test message over POP3. A maildrop shows new mail only at the next
// login (RFC 1939 8), so every poll is a session of its own: UIDL, TOP of the unique-ids not
// looked at before (newest first), and for the match its headers and DELE, committed by QUIT
// (RFC 1939 6). A last session checks the unique-id is gone. The steps returned are the last
// poll's, then the check's; polls before it only say how many there were.
func pop3Receive(ctx context.Context, recv Endpoint, ropts Options, ft *fetchTest) ([]Step, int) {
	ft.checked = map[string]bool{}
	trips := 0
	session := func() *Session {
		r := newSession(ctx, recv, &ropts)
		r.fetch = ft
		r.walk()
		r.close()
		trips += r.res.RoundTrips
		return r
	}
	var last *Session
	for {
		ft.polls++
		last = session()
		if !ft.again {
			break
		}
		ft.again = false
		t := time.NewTimer(pop3PollEvery)
		select {
		case <-ctx.Done():
			t.Stop()
			steps := last.res.Steps
			for i := range steps {
				if steps[i].Name == StepArrive { // "not there yet" becomes the failure
					steps[i].Status, steps[i].Error = Fail, "arrive: "+ctx.Err().Error()
				}
			}
			return steps, trips
		case <-t.C:
		}
	}
	steps := last.res.Steps
	if ft.popUID == "" {
		return steps, trips
	}
	ft.verify = true
	v := session()
	for _, st := range v.res.Steps {
		// The check's own greeting and login are news only when they failed.
		if st.Name == StepVerify || (st.Status != OK && st.Status != Skip && st.Name != StepQuit) {
			steps = append(steps, st)
		}
	}
	if !slices.ContainsFunc(steps, func(st Step) bool { return st.Name == StepVerify }) {
		steps = append(steps, Step{Name: StepVerify, Status: Fail, Error: "verify: could not log in again to check the test message is gone"})
	}
	return steps, trips
}

// pop3Uidl reads UIDL (RFC 1939 7) and hands each entry, in maildrop order, to each; it
// returns the number of entries.
func (s *Session) pop3Uidl(each func(num, uid string)) (int, error) {
	if _, err := s.pop3Cmd("UIDL", "UIDL"); err != nil {
		return 0, err
	}
	n := 0
	_, err := s.pop3Body(func(raw string) error {
		if num, uid, ok := parseUIDL(raw); ok {
			n++
			each(num, uid)
		}
		return nil
	})
	return n, err
}

// parseUIDL reads one UIDL line, "n unique-id" (RFC 1939 7: 1 to 70 printable characters).
func parseUIDL(line string) (num, uid string, ok bool) {
	f := strings.Fields(line)
	if len(f) != 2 || len(f[1]) > 70 {
		return "", "", false
	}
	if n, err := strconv.Atoi(f[0]); err != nil || n < 1 {
		return "", "", false
	}
	return f[0], f[1], true
}

// pop3Tail is how many of the newest UIDL entries a look keeps: new mail is at the end, and
// a huge maildrop must not be held in memory.
const pop3Tail = 1000

// pop3FetchTest is one POP3 session of the round trip, after the login; it reports whether the
// session must end with a QUIT whose reply is awaited (a DELE to commit).
func (s *Session) pop3FetchTest() (commit bool) {
	ft := s.fetch
	if ft.verify {
		s.Step(StepVerify, func() error {
			still := false
			n, err := s.pop3Uidl(func(_, uid string) { still = still || uid == ft.popUID })
			if err != nil {
				return err
			}
			if still {
				return fmt.Errorf("verify: the test message (unique-id %s) is still in the maildrop", ft.popUID)
			}
			ft.d.Deleted = true
			s.Detail("unique-id %s is gone; nothing else was touched (%d messages)", ft.popUID, n)
			return nil
		})
		return false
	}
	var num, hdr string
	if s.Step(StepArrive, func() error {
		var list [][2]string
		if _, err := s.pop3Uidl(func(num, uid string) {
			if len(list) == pop3Tail {
				list = list[1:]
			}
			list = append(list, [2]string{num, uid})
		}); err != nil {
			return err
		}
		looked := 0
		for i := len(list) - 1; i >= 0 && looked < pop3LookMax && num == ""; i-- {
			n, uid := list[i][0], list[i][1]
			if ft.checked[uid] {
				continue
			}
			looked++
			h, err := s.pop3Top(n)
			if err != nil {
				return err
			}
			ft.checked[uid] = true
			if id := messageID(h); id == ft.id {
				num, hdr, ft.popUID = n, h, uid
			}
		}
		if num != "" {
			s.arrived("INBOX")
			s.Detail("message %s, unique-id %s, after %d logins", num, ft.popUID, ft.polls)
			return nil
		}
		if time.Now().Add(pop3PollEvery).Before(ft.accepted.Add(ft.wait)) {
			ft.again = true
			s.Detail("not there yet (login %d, %d new messages looked at); logging in again in %s", ft.polls, looked, seconds(pop3PollEvery))
			return nil
		}
		// POP3 sees INBOX only: a message filed into Junk on the server never shows here.
		return s.notArrived("the POP3 maildrop (INBOX only; POP3 cannot see Junk)")
	}) != nil || num == "" {
		return false
	}
	s.Step(StepHeaders, func() error { s.testHeaders(hdr); return nil })
	if s.Step(StepDelete, func() error {
		if _, err := s.pop3Cmd("DELE "+num, "DELE "+num); err != nil {
			return err
		}
		s.Detail("message %s (unique-id %s) marked deleted; QUIT removes it", num, ft.popUID)
		return nil
	}) != nil {
		ft.popUID = "" // nothing to verify; RSET is implied by the QUIT that follows a failure
		return false
	}
	return true
}

// pop3Top reads the header of message n (TOP n 0, RFC 1939 7), dot-stuffing undone, bounded.
func (s *Session) pop3Top(n string) (string, error) {
	if _, err := s.pop3Cmd("TOP "+n+" 0", "TOP "+n+" 0"); err != nil {
		return "", err
	}
	var b strings.Builder
	_, err := s.pop3Body(func(raw string) error {
		if b.Len() < 64<<10 {
			b.WriteString(strings.TrimPrefix(raw, ".") + "\r\n")
		}
		return nil
	})
	return b.String(), err
}

// messageID is the Message-ID of a header, "" when it has none.
func messageID(hdr string) string {
	m, err := mail.ReadMessage(strings.NewReader(strings.TrimRight(hdr, "\r\n") + "\r\n\r\n"))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(m.Header.Get("Message-ID"))
}
