package probes

import (
	"bytes"
	"context"
	"net"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/probes/oauth"
	"github.com/mailcheck/mailcheck/testservers"
)

// Fuzz targets over the session-level readers: every reader that allocates from what the server
// sends (IMAP lines with literals, SMTP multi-line replies, POP3 multi-line bodies, the three
// SASL continuation readers) reads a hostile byte stream from an in-memory pipe, and each read
// is checked against the documented caps. A fuzz input is a head, then a unit repeated reps
// times, so a short input can still be a {0} chain or a flood big enough to reach the caps.
// scripts/fuzz.sh runs each of them for minutes; the seeds run in every go test.

// fuzzPassword is the password of every fuzzed session: seeds echo it, and no transcript line
// may show it.
const fuzzPassword = "fuzz-secret-pw"

// maxFuzzFeed bounds one input's stream: past the 1 MiB response cap of IMAP and the 512-line
// caps, short of the 16 MiB command budget (the hostile matrix covers that one).
const maxFuzzFeed = 3 << 20

// feed is head followed by unit repeated reps times, cut to maxFuzzFeed.
func feed(head, unit []byte, reps uint16) []byte {
	if len(unit) > 64 {
		unit = unit[:64]
	}
	n := int(reps)
	if len(unit) == 0 {
		n = 0
	} else {
		n = min(n, (maxFuzzFeed-len(head))/len(unit))
	}
	b := append(append([]byte(nil), head...), bytes.Repeat(unit, max(n, 0))...)
	return b[:min(len(b), maxFuzzFeed)]
}

// sinkConn drops what the client writes: the server end has sent its stream and closed, yet
// every command still "goes out", so the readers see the whole stream, then EOF.
type sinkConn struct{ net.Conn }

func (sinkConn) Write(b []byte) (int, error) { return len(b), nil }

// hostileConn is a client connection to a server that sends data whatever it is asked.
func hostileConn(data []byte) net.Conn {
	c, srv := testservers.Pipe()
	go func() { srv.Write(data); srv.Close() }()
	return sinkConn{c}
}

// wireSession is a session (password set) whose server sends data and closes. The returned
// func closes the client end, which also ends the server's goroutine.
func wireSession(proto Proto, data []byte) (*Session, func()) {
	c := hostileConn(data)
	opts := &Options{User: "u@fuzz.test", Password: []byte(fuzzPassword), run: &runBudget{}}
	s := newSession(context.Background(), Endpoint{Proto: proto, Host: "127.0.0.1", Port: DefaultPort(proto, Plain), Security: Plain}, opts)
	s.setConn(c)
	return s, func() { c.Close() }
}

// consumed is how many bytes of the stream the readers have taken.
func (s *Session) consumed() int64 { return s.epRead - int64(s.lr.buffered()) }

// imapLineCap is the most one logical IMAP line may retain: the response cap on the wire, one
// more line read after the last literal check, and each kept literal's quoted form (at most
// twice its kept bytes, quotes and the "not kept" note).
const imapLineCap = maxResponse + MaxLine + 2 + maxLiterals*(2*keptLiteral+2+48)

// checkWire asserts what a session keeps after any read: the transcript within one step's caps
// (no Step runs here, so the step counters span the whole session), the read budgets, and the
// password in no transcript line.
func checkWire(t *testing.T, s *Session) {
	t.Helper()
	size := 0
	for _, l := range s.lines {
		size += len(l.Text)
		if strings.Contains(l.Text, fuzzPassword) {
			t.Fatalf("password in the transcript: %q", l.Text)
		}
	}
	if len(s.lines) > MaxStepLines || size > MaxStepBytes {
		t.Fatalf("transcript keeps %d lines, %d bytes; caps %d lines, %d bytes", len(s.lines), size, MaxStepLines, MaxStepBytes)
	}
	const buf = 4096 // the budget is checked before each read of the line reader's buffer
	if s.cmdRead > MaxCommandBytes+buf || s.epRead > MaxEndpointRead+buf {
		t.Fatalf("read %d bytes for one command, %d for the endpoint; caps %d, %d", s.cmdRead, s.epRead, MaxCommandBytes, MaxEndpointRead)
	}
}

// drive runs op until the stream stops giving (an error without progress) or 64 rounds.
func drive(t *testing.T, s *Session, op func(i int) error) {
	t.Helper()
	for i := range 64 {
		before := s.consumed()
		err := op(i)
		checkWire(t, s)
		if err != nil && s.consumed() == before {
			return
		}
	}
}

func addFeedSeeds(f *testing.F, seeds ...string) {
	for _, s := range seeds {
		head, unit, _ := strings.Cut(s, "|")
		reps := uint16(0)
		if unit != "" {
			reps = 5000
		}
		f.Add([]byte(head), []byte(unit), reps)
	}
}

// FuzzIMAPReader: the IMAP response reader at session level, literals included: lengths near
// and past the int64 limit, chains of {0}, floods of small literals, huge counts.
func FuzzIMAPReader(f *testing.F) {
	addFeedSeeds(f,
		"* OK {9223372036854775807}\r\n",
		"* OK {9223372036854775806}\r\nx",
		"* OK {99999999999999999999999}\r\n",
		"* OK {-1}\r\n",
		"* OK {18446744073709551615+}\r\n",
		"* OK hi\r\n* CAPABILITY {0}\r\n|{0}\r\n",
		"* OK hi\r\n|* CAPABILITY {3}\r\nabc\r\n",
		"* OK hi\r\n* CAPABILITY {1048576}\r\n|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"* OK hi\r\n|* 1 FETCH (BODY[] {2}\r\n\"\\)\r\n",
		"* OK hi\r\na1 OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] done\r\n+ eyJzdGF0dXMiOiI0MDEifQ==\r\na3 NO bad\r\n",
		"* OK "+fuzzPassword+"\r\n* CAPABILITY "+strings.ToUpper(fuzzPassword)+"\r\na1 BAD {14}\r\n"+fuzzPassword+"\r\n",
		"* OK hi\r\n|* x\r\n",
		"|\r\n",
	)
	f.Fuzz(func(t *testing.T, head, unit []byte, reps uint16) {
		s, done := wireSession(IMAP, feed(head, unit, reps))
		defer done()
		c := newConformer(s, suites[IMAP])
		drive(t, s, func(i int) error {
			switch i % 4 {
			case 0: // a command read to its completion, as the probe does
				untagged, _, err := s.imapCmd("CAPABILITY", "CAPABILITY")
				checkUntagged(t, untagged)
				return err
			case 1: // an AUTHENTICATE continuation and its challenge
				w := &imapWire{s: s, tag: s.imapNextTag()}
				r, err := w.read()
				if r.cont {
					oauth.ParseChallenge(r.challenge)
				}
				return err
			case 2: // the conformance walk's reader
				x, err := c.imapRun("NOOP", "NOOP", i%8 == 2)
				checkUntagged(t, x.Untagged)
				if len(x.Lines) > maxReplyLines*4+2 {
					t.Fatalf("%d lines kept for one command", len(x.Lines))
				}
				imapCapsOf(x)
				return err
			default: // one logical line
				line, err := s.imapReadLine()
				if len(line) > imapLineCap {
					t.Fatalf("one response line keeps %d bytes, cap %d", len(line), imapLineCap)
				}
				return err
			}
		})
	})
}

// checkUntagged asserts the responses kept for one command: bounded in count and bytes.
func checkUntagged(t *testing.T, rs []imapResp) {
	t.Helper()
	size := 0
	for _, r := range rs {
		size += len(r.Tag) + len(r.Status) + len(r.Code) + len(r.Args) + len(r.Text)
	}
	if len(rs) > maxReplyLines*4+1 || size > maxResponse+imapLineCap {
		t.Fatalf("%d untagged responses, %d bytes kept for one command; caps %d, %d", len(rs), size, maxReplyLines*4+1, maxResponse+imapLineCap)
	}
}

// FuzzSMTPReader: SMTP replies read at session level: endless "250-" continuations, long lines,
// 334 challenges, as the probe, the conformance walk and the SASL exchange read them.
func FuzzSMTPReader(f *testing.F) {
	addFeedSeeds(f,
		"220 fuzz.test ESMTP\r\n250-fuzz.test\r\n|250-AUTH PLAIN LOGIN\r\n",
		"220 fuzz.test ESMTP\r\n|334 VXNlcm5hbWU6\r\n",
		"220-a\r\n220 b\r\n250-x\r\n251 y\r\n334 eyJzdGF0dXMiOiI0MDEifQ==\r\n",
		"220 "+fuzzPassword+"\r\n250-AUTH="+strings.ToUpper(fuzzPassword)+"\r\n250 "+fuzzPassword+"\r\n",
		"220 x\r\n|250-"+strings.Repeat("A", 60)+"\r\n",
		"|\n",
	)
	f.Fuzz(func(t *testing.T, head, unit []byte, reps uint16) {
		s, done := wireSession(SMTP, feed(head, unit, reps))
		defer done()
		drive(t, s, func(i int) error {
			switch i % 3 {
			case 0:
				r, err := s.smtpCmd("EHLO fuzz.test", "EHLO fuzz.test", 220, 250)
				if r != nil {
					checkSMTPLines(t, r.Lines)
					if ext := smtpExtensions(r.Texts); len(ext) > len(r.Texts) {
						t.Fatalf("%d extensions from %d lines", len(ext), len(r.Texts))
					}
				}
				return err
			case 1: // the conformance walk's lenient reader
				lines, err := s.readSMTPLines()
				checkSMTPLines(t, lines)
				parseSMTPLines(lines)
				ehloSyntax(lines)
				return err
			default: // a SASL continuation and its challenge
				r, err := smtpWire{s}.answer("*", "*")
				if r.cont {
					if len(r.challenge) > maxReplyLines*MaxLine {
						t.Fatalf("challenge of %d bytes", len(r.challenge))
					}
					oauth.ParseChallenge(r.challenge)
				}
				return err
			}
		})
	})
}

func checkSMTPLines(t *testing.T, lines []string) {
	t.Helper()
	if len(lines) > maxReplyLines {
		t.Fatalf("reply of %d lines, cap %d", len(lines), maxReplyLines)
	}
	for _, l := range lines {
		if len(l) > MaxLine {
			t.Fatalf("line of %d bytes, cap %d", len(l), MaxLine)
		}
	}
}

// FuzzPOP3Reader: POP3 status lines and dot-terminated bodies at session level: CAPA lists that
// never end, long bodies, "+ " continuations with challenges.
func FuzzPOP3Reader(f *testing.F) {
	addFeedSeeds(f,
		"+OK ready\r\n+OK capa\r\n|X-CAP\r\n",
		"+OK ready\r\n+OK\r\nTOP\r\nUSER\r\nSASL XOAUTH2\r\n.\r\n+ eyJzdGF0dXMiOiI0MDEifQ==\r\n-ERR [AUTH] no\r\n",
		"+OK ready\r\n+OK\r\n|..stuffed\r\n",
		"+OK "+fuzzPassword+"\r\n+OK\r\n"+strings.ToUpper(fuzzPassword)+"\r\n.\r\n",
		"+OK\r\n|+ \r\n",
		"|.\n",
	)
	f.Fuzz(func(t *testing.T, head, unit []byte, reps uint16) {
		s, done := wireSession(POP3, feed(head, unit, reps))
		defer done()
		c := newConformer(s, suites[POP3])
		drive(t, s, func(i int) error {
			switch i % 4 {
			case 0:
				if _, err := s.pop3Cmd("CAPA", "CAPA"); err != nil {
					return err
				}
				out, err := s.pop3Multi()
				if len(out) > maxReplyLines {
					t.Fatalf("CAPA kept %d lines, cap %d", len(out), maxReplyLines)
				}
				saslMechs(out)
				return err
			case 1: // a body counted, not kept
				n, err := s.pop3Body(nil)
				if n > maxMultiline+1 {
					t.Fatalf("%d lines read, cap %d", n, maxMultiline)
				}
				return err
			case 2: // the conformance walk's reader
				if _, err := c.pop3Cmd("UIDL", "UIDL"); err != nil {
					return err
				}
				capLines := i % 8 / 4 * maxReplyLines // both caps, in turn
				out, err := c.pop3Lines(capLines)
				if capLines > 0 && len(out) > capLines {
					t.Fatalf("listing kept %d lines, cap %d", len(out), capLines)
				}
				size := 0
				for _, l := range out {
					size += len(l)
				}
				if size > maxConformBody+MaxLine {
					t.Fatalf("listing kept %d bytes, cap %d", size, maxConformBody)
				}
				return err
			default:
				r, err := pop3Wire{s}.answer("*", "*")
				if r.cont {
					oauth.ParseChallenge(r.challenge)
				}
				return err
			}
		})
	})
}

// walkDialer hands every connection a pipe whose server writes data and then closes.
type walkDialer struct{ data []byte }

func (d walkDialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	return hostileConn(d.data), nil
}

// FuzzWalk runs the whole probe and conformance walk of each protocol against a server that
// sends the fuzzed stream whatever it is asked, in a synctest bubble (no wall-clock wait). No
// input may end in probe.internal-error (a recovered panic), break the transcript caps, or put
// the password in any step's text.
func FuzzWalk(f *testing.F) {
	for _, s := range []string{
		"* OK {9223372036854775807}\r\n",
		"* OK hi\r\n* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\na1 OK\r\n|* CAPABILITY {0}\r\n",
		"* PREAUTH hi\r\n|* 1 EXISTS\r\n",
		"220 fuzz.test ESMTP\r\n250-fuzz.test\r\n250 AUTH PLAIN LOGIN\r\n|334 VXNlcm5hbWU6\r\n",
		"+OK ready\r\n+OK\r\nUSER\r\n.\r\n+OK\r\n|-ERR [IN-USE] " + fuzzPassword + "\r\n",
		"* OK " + fuzzPassword + "\r\n|a1 NO [" + strings.ToUpper(fuzzPassword) + "] no\r\n",
		"220 x\r\n250-x\r\n250 STARTTLS\r\n220 ready\r\n|\x16\x03\x01\x00\x05hello",
		"+OK\r\n+OK\r\nSTLS\r\n.\r\n+OK go\r\n250 injected\r\n|\x15\x03\x03\x00\x02\x02\x28",
		"* OK [CAPABILITY IMAP4rev1 STARTTLS] hi\r\na1 OK [CAPABILITY STARTTLS] x\r\na2 OK begin\r\n* OK injected\r\n|\x00",
	} {
		head, unit, _ := strings.Cut(s, "|")
		for p := range uint8(6) {
			f.Add(p, p == 1, []byte(head), []byte(unit), uint16(2000))
		}
	}
	f.Fuzz(func(t *testing.T, proto uint8, conform bool, head, unit []byte, reps uint16) {
		p := []Proto{SMTP, POP3, IMAP}[proto%3]
		sec := []Security{Plain, STARTTLS}[proto/3%2] // STARTTLS: the whole stream is there at once, so the injection check meets it
		data := feed(head, unit, min(reps, 20000))    // a whole walk per input: keep it quick
		synctest.Test(t, func(t *testing.T) {
			// An IP literal is never looked up; the resolver is loopback all the same.
			opts := Options{Timeout: time.Second, User: "u@fuzz.test", Password: []byte(fuzzPassword), AllowPlaintextAuth: true,
				NoModeDetect: true, Dialer: walkDialer{data}, Resolver: NewResolver("127.0.0.1:1", time.Second)}
			ep := Endpoint{Proto: p, Host: "127.0.0.1", Port: DefaultPort(p, sec), Security: sec}
			var r Result
			if conform {
				r, _ = Conform(context.Background(), ep, opts)
			} else {
				r = Probe(context.Background(), ep, opts)
			}
			lines, size := 0, 0
			for _, st := range r.Steps {
				if hasCode(st.Findings, findings.ProbeInternalError) {
					t.Fatalf("internal error in step %s: %s", st.Name, st.Error)
				}
				sl, ss := 0, 0
				for _, l := range st.Lines {
					sl, ss = sl+1, ss+len(l.Text)
					if strings.Contains(l.Text, fuzzPassword) {
						t.Fatalf("password in the transcript of %s: %q", st.Name, l.Text)
					}
				}
				if sl > MaxStepLines+1 || ss > MaxStepBytes+512 {
					t.Fatalf("step %s keeps %d lines, %d bytes", st.Name, sl, ss)
				}
				lines, size = lines+sl, size+ss
				texts := []string{st.Error, st.Detail}
				for _, fd := range st.Findings {
					texts = append(texts, fd.Evidence)
				}
				for _, x := range texts {
					if strings.Contains(x, fuzzPassword) {
						t.Fatalf("password in step %s: %q", st.Name, x)
					}
					if len(x) > maxEvidenceBytes+8 && x != st.Detail {
						t.Fatalf("step %s text of %d bytes, cap %d", st.Name, len(x), maxEvidenceBytes)
					}
				}
			}
			if lines > MaxEndpointLines+len(r.Steps) || size > MaxEndpointBytes+512*len(r.Steps) {
				t.Fatalf("endpoint keeps %d lines, %d bytes", lines, size)
			}
		})
	})
}
