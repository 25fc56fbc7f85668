// Package testservers runs loopback SMTP, POP3, IMAP and DNS servers with injectable faults, a
// certificate factory and a table of named scenarios, for the prober's tests and `mailcheck lab`.
//
// It imports nothing of mailcheck on purpose: a fake that shared the prober's parser would agree
// with the prober's bugs. Everything listens on 127.0.0.1 only.
package testservers

import (
	"bufio"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// TB is the part of testing.TB the helpers need; *testing.T satisfies it. The package does not
// import "testing" because the mailcheck binary links it.
type TB interface {
	Helper()
	Cleanup(func())
	Fatalf(string, ...any)
}

// Faults are the misbehaviours a server can be told to show. The zero value is a healthy,
// plaintext-first server that offers STARTTLS/STLS and plaintext login.
type Faults struct {
	ImplicitTLS       bool          // TLS from the first byte (465/993/995 style)
	NoSTARTTLS        bool          // STARTTLS/STLS not advertised; the command is rejected
	STARTTLSFails     bool          // STARTTLS advertised but answered 454 / -ERR / NO
	RequireTLSForAuth bool          // login (and SMTP MAIL) refused before TLS; AUTH not advertised
	NoAuth            bool          // SMTP: AUTH never advertised and the command refused (an MX, not submission)
	Cert              CertKind      // server certificate; "" means Valid
	GreetingDelay     time.Duration // wait before the greeting (tarpit)
	CloseAfterConnect bool          // accept, then close at once
	BusyGreeting      bool          // "421 too many connections"-style greeting, then close
	AuthReject        string        // every login is rejected with exactly this reply (SMTP may be multi-line, CRLF-separated; IMAP: the text after the tag, earlier lines sent untagged as they are)
	InUse             bool          // POP3: a correct login answered -ERR [IN-USE]
	// InjectAfterSTARTTLS is written right after the "ready to start TLS" reply, before the
	// handshake (the CVE-2021-22947 class: a client must not read it as a reply).
	InjectAfterSTARTTLS []byte
	StripSTARTTLS       bool // middlebox: STARTTLS/STLS removed from EHLO/CAPA and the command rejected
	AcceptAnyPassword   bool // every password is accepted
	IMAPIDRequired      bool // IMAP: after login, SELECT/EXAMINE refused with NetEase's "Unsafe Login" until the client sent ID
	DripGreeting        bool // the greeting is sent one byte per 200ms
	EndlessMultiline    bool // SMTP: the EHLO reply continues "250-" until 10 MiB were sent; IMAP: so do untagged lines after CAPABILITY
	HugeLine            bool // the greeting is 1 MiB without a line end
	Garbage             bool // the greeting is binary garbage with NUL bytes
	ResetMidReply       bool // half a greeting, then a TCP RST
	StallTLS            bool // accept TCP, then never answer (an implicit-TLS port that hangs in the handshake)
	// IMAPLiteralFlood answers CAPABILITY with this many untagged "* CAPABILITY {n}" responses,
	// each carrying a literal of IMAPLiteralSize bytes (default just under 1 MiB), then OK.
	IMAPLiteralFlood int
	IMAPLiteralSize  int
	IMAPZeroLiterals bool   // IMAP: CAPABILITY is answered by an endless chain of {0} literals in one response, cut after 10 MiB
	ExtraCapability  string // one more keyword in EHLO, CAPA and CAPABILITY (a server reflecting what it was told)

	// Conformance faults: each breaks one RFC clause that `mailcheck conform` checks, and only that one.
	Greeting             string            // replaces the greeting (lines separated by CRLF or LF), any protocol
	BareLF               bool              // every reply line ends in a bare LF instead of CRLF (RFC 5321 2.3.8, RFC 1939 3, RFC 9051 2.2)
	NoResetAfterSTARTTLS bool              // after STARTTLS/STLS the capability list still offers STARTTLS/STLS (RFC 3207 4.2, RFC 2595)
	UnknownCommandCode   int               // SMTP: reply code for an unknown command instead of 502; POP3: non-zero answers +OK
	QuitCode             int               // SMTP: reply code for QUIT instead of 221; POP3: non-zero answers QUIT with -ERR
	AuthCancelCode       int               // SMTP: reply code for the "*" that cancels AUTH instead of 501; POP3: non-zero answers +OK
	SMTPMixedCodes       bool              // the EHLO reply's continuation lines carry 251 instead of 250 (RFC 5321 4.2.1)
	SMTPBadSeparator     bool              // the HELO reply has no space after the code: "250mail.test" (RFC 5321 4.2)
	SMTPLongReply        bool              // the NOOP reply line is longer than 512 octets (RFC 5321 4.5.3.1.5)
	SMTPNoEHLO           bool              // EHLO is refused with 502; HELO still works (RFC 5321 2.2.1)
	SMTPNoHELO           bool              // HELO is refused with 502 (RFC 5321 4.1.1.1)
	SMTPBadEHLOKeyword   bool              // the EHLO reply lists a keyword with a character RFC 5321 4.1.1.1 forbids
	SMTPNoEHLOAfterTLS   bool              // the EHLO state survives STARTTLS, and the EHLO after it is refused as a duplicate (RFC 3207 4.2)
	SMTPLineLimit        int               // command lines longer than this many octets (CRLF included) are refused with 500 (RFC 5321 4.5.3.1.4)
	SMTPBrokenPipelining bool              // PIPELINING is offered, but input that arrived together with a command is discarded (RFC 2920)
	SMTPPlainChallenge   bool              // AUTH LOGIN challenges are plain text ("334 Username:"), not base64 (RFC 4954 4)
	SMTPAuthSuccessCode  int               // reply code for a successful AUTH instead of 235 (RFC 4954 6)
	SMTPNoEnhancedCodes  bool              // ENHANCEDSTATUSCODES is offered, but NOOP is answered "250 Ok" (RFC 2034)
	SMTPSenderLogin      bool              // SMTP: RCPT after a MAIL FROM other than the login is refused 553 (Postfix reject_sender_login_mismatch)
	SMTPReplies          map[string]string // exact command line (upper case, e.g. "NOOP") → the reply sent instead (CRLF-separated lines)
	Replies              map[string]string // command verb (or "." for the end of DATA) → a real server's refusal, any protocol (replyfaults.go)
	CloseOn              string            // command verb (or ".") the server hangs up on without a reply (replyfaults.go)
	BadCAPATerminator    bool              // POP3: the CAPA list never ends with "." (RFC 2449 5)
	POP3WrongStateOK     bool              // POP3: STAT, LIST, … before login are answered +OK (RFC 1939 3)
	POP3StatusNoSpace    bool              // POP3: QUIT is answered "+OKLogging out." (RFC 1939 3)
	POP3BadSTAT          bool              // POP3: STAT is answered "+OK n messages" (RFC 1939 5)
	POP3BadLIST          bool              // POP3: LIST lines carry the message number only (RFC 1939 5)
	POP3OAuthUSER        bool              // POP3 under OAuth.OnlyOAuth: CAPA still lists USER and USER is taken, PASS refused (Dovecot with only OAuth mechanisms)
	DuplicateUIDL        bool              // POP3: every message has the same unique-id (RFC 1939 7)
	POP3LongUIDL         bool              // POP3: unique-ids are 71 characters long (RFC 1939 7 allows 1 to 70)
	POP3NoDotStuff       bool              // POP3: RETR and TOP send lines starting with "." unstuffed (RFC 1939 3)
	IMAPNoRev1           bool              // IMAP: the capability list names neither IMAP4rev1 nor IMAP4rev2
	IMAPUnknownCommandNO bool              // IMAP: an unknown command is answered NO instead of BAD
	IMAPTaggedNoStatus   bool              // IMAP: the tagged completion of CAPABILITY has no OK/NO/BAD
	IMAPNoBYEOnLogout    bool              // IMAP: LOGOUT is answered OK without the untagged BYE (RFC 9051 6.1.3)
	IMAPIDNoResponse     bool              // IMAP: ID is answered OK without the untagged ID response (RFC 2971 3.1)
	IMAPNoUIDVALIDITY    bool              // IMAP: SELECT/EXAMINE omit OK [UIDVALIDITY] (RFC 9051 6.3.2)
}

// Config describes one server.
type Config struct {
	Proto    string            // "smtp", "pop3" or "imap"
	Users    map[string]string // user -> password; nil means DefaultUser/DefaultPassword
	Messages []string          // POP3 maildrop and IMAP INBOX (RFC 5322 text); nil means two short messages
	Faults   Faults
	Latency  time.Duration // delay before every server reply (not the TLS handshake)
	OAuth    *OAuthConfig  // nil: no OAuth mechanisms
	// Store is the account's mail, shared with other servers: SMTP delivers into it, POP3 and
	// IMAP serve it, and IMAP offers QUOTA (with a quota), SPECIAL-USE, UIDPLUS and MOVE. nil:
	// a private INBOX of Messages that SMTP never delivers to, with the plain capability list.
	Store *Store
}

// Default credentials used when Config.Users is nil, and by the scenarios.
const (
	DefaultUser     = "user@mail.test"
	DefaultPassword = "secret-pass"
	WrongPassword   = "wrong-pass"
)

// Limits that keep hostile or stuck peers from holding a server goroutine forever.
const (
	idleTimeout      = 60 * time.Second // per client line
	writeTimeout     = 10 * time.Second // per server write
	handshakeTimeout = 30 * time.Second
	maxLine          = 16 << 10 // longer client lines end the session
	maxErrors        = 10       // bad commands before the server hangs up
	endlessLimit     = 10 << 20
	hugeLineSize     = 1 << 20
	dripInterval     = 200 * time.Millisecond
)

// Server is one SMTP, POP3 or IMAP server. Start makes it listen on 127.0.0.1; New leaves the
// listening to the caller (ServeConn), and then Addr, Host and Port are empty.
type Server struct {
	Addr  string // "127.0.0.1:PORT"
	Host  string // "127.0.0.1"
	Port  int
	Proto string

	cfg     Config
	ca      *CA
	tlsConf *tls.Config
	ln      net.Listener
	mbox    *Store // POP3 and IMAP; cfg.Store or a private one

	done  chan struct{}
	wg    sync.WaitGroup
	mu    sync.Mutex
	conns map[net.Conn]struct{}
	once  sync.Once

	nConns atomic.Int64
	nCmds  atomic.Int64

	oauthMu      sync.Mutex
	oauthAnswers []string // client lines after OAuth error challenges

	secretsMu sync.Mutex
	secrets   []string // every password and token a client presented
}

// New builds a server that does not listen: connections are handed to it with ServeConn. Made
// inside a testing/synctest bubble, its delays and timeouts run on the bubble's fake clock.
// A nil ca gets a fresh CA, which Server.CA returns.
func New(cfg Config, ca *CA) (*Server, error) {
	cfg.Proto = strings.ToLower(cfg.Proto)
	switch cfg.Proto {
	case "smtp", "pop3", "imap":
	default:
		return nil, fmt.Errorf("testservers: unknown protocol %q", cfg.Proto)
	}
	if cfg.Users == nil {
		cfg.Users = map[string]string{DefaultUser: DefaultPassword}
	}
	if cfg.Messages == nil {
		cfg.Messages = DefaultMessages()
	}
	if cfg.OAuth != nil {
		if len(cfg.OAuth.Key) == 0 {
			return nil, errors.New("testservers: OAuth.Key is empty")
		}
		o := *cfg.OAuth // the caller may change its copy while the server runs
		o.Key, o.Mechs = slices.Clone(o.Key), slices.Clone(o.Mechs)
		cfg.OAuth = &o
	}
	if ca == nil {
		var err error
		if ca, err = NewCA(); err != nil {
			return nil, err
		}
	}
	cert, err := ca.Cert(cfg.Faults.Cert)
	if err != nil {
		return nil, err
	}
	mbox := cfg.Store
	if mbox == nil {
		mbox = NewStore(StoreConfig{Messages: cfg.Messages})
	}
	return &Server{
		Proto: cfg.Proto,
		cfg:   cfg,
		ca:    ca,
		tlsConf: &tls.Config{
			Certificates: []tls.Certificate{cert},
			MinVersion:   tls.VersionTLS12,
		},
		mbox:  mbox,
		done:  make(chan struct{}),
		conns: map[net.Conn]struct{}{},
	}, nil
}

// Start is New plus a listener on 127.0.0.1:0 that serves every accepted connection.
func Start(cfg Config, ca *CA) (*Server, error) {
	s, err := New(cfg, ca)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := ln.Addr().(*net.TCPAddr)
	s.ln, s.Addr, s.Host, s.Port = ln, addr.String(), addr.IP.String(), addr.Port
	s.wg.Add(1)
	go s.acceptLoop()
	return s, nil
}

// StartT is Start for tests: it fails t on error and closes the server in t.Cleanup.
func StartT(t TB, cfg Config, ca *CA) *Server {
	t.Helper()
	s, err := Start(cfg, ca)
	if err != nil {
		t.Fatalf("testservers.Start(%s): %v", cfg.Proto, err)
		return nil
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// CA returns the CA that signs this server's certificate (the one given to Start, or its own).
func (s *Server) CA() *CA { return s.ca }

// Close stops listening, closes every open connection and waits for all handlers to return.
// Calling it again is harmless.
func (s *Server) Close() error {
	var err error
	s.once.Do(func() {
		close(s.done)
		if s.ln != nil {
			err = s.ln.Close()
		}
		s.mu.Lock()
		for c := range s.conns {
			c.Close()
		}
		s.mu.Unlock()
	})
	s.wg.Wait()
	return err
}

// Conns returns how many connections were accepted so far.
func (s *Server) Conns() int { return int(s.nConns.Load()) }

// Presented returns every password and OAuth token clients presented to log in, accepted or
// not, in order: tests assert on the server side that a secret never arrived.
func (s *Server) Presented() []string {
	s.secretsMu.Lock()
	defer s.secretsMu.Unlock()
	return append([]string(nil), s.secrets...)
}

func (s *Server) present(secret string) {
	s.secretsMu.Lock()
	s.secrets = append(s.secrets, secret)
	s.secretsMu.Unlock()
}

// Commands returns how many client lines the server answered so far: commands and SASL
// responses, with a DATA body counted once. Tests use it to count round trips.
func (s *Server) Commands() int { return int(s.nCmds.Load()) }

func (s *Server) acceptLoop() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return // Close, or a listener failure that retrying would not fix
		}
		go s.ServeConn(c)
	}
}

// ServeConn serves one connection (a net.Pipe end, say) and returns when the session is over.
// It closes c. After Close it closes c at once.
func (s *Server) ServeConn(c net.Conn) {
	if !s.track(c) {
		s.nConns.Add(1)
		c.Close()
		return
	}
	s.serveTracked(c)
}

// track counts c and registers it for Close; it reports false once the server is closed.
func (s *Server) track(c net.Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.done:
		return false
	default:
	}
	s.nConns.Add(1)
	s.conns[c] = struct{}{}
	s.wg.Add(1)
	return true
}

// serveTracked serves a connection that track registered, then closes and forgets it.
func (s *Server) serveTracked(c net.Conn) {
	defer func() {
		c.Close()
		s.mu.Lock()
		delete(s.conns, c)
		s.mu.Unlock()
		s.wg.Done()
	}()
	s.serveConn(c)
}

// sleep waits d unless the server closes first; it reports whether the full time passed.
func (s *Server) sleep(d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-s.done:
		return false
	}
}

// serveConn applies the connection-level faults (the fault layer shared by all protocols), then
// hands the connection to the protocol engine.
func (s *Server) serveConn(raw net.Conn) {
	f := s.cfg.Faults
	if f.CloseAfterConnect {
		return
	}
	if f.StallTLS {
		drain(raw)
		return
	}
	w := &wire{srv: s, raw: raw, c: raw}
	if f.ImplicitTLS {
		tc := tls.Server(raw, s.tlsConf)
		raw.SetDeadline(time.Now().Add(handshakeTimeout))
		if err := tc.Handshake(); err != nil {
			return
		}
		raw.SetDeadline(time.Time{})
		w.c, w.tls = tc, true
	}
	w.r = bufio.NewReaderSize(w.c, 4096)

	if !s.sleep(f.GreetingDelay) {
		return
	}
	greeting := s.greeting(w)
	switch {
	case f.ResetMidReply:
		w.writeRaw([]byte(greeting[:len(greeting)/2]))
		s.sleep(100 * time.Millisecond) // let the half reply arrive before the RST
		// Close now sends RST instead of FIN.
		switch c := raw.(type) {
		case *net.TCPConn:
			c.SetLinger(0)
		case *memConn:
			c.resetOnClose()
		}
		return
	case f.HugeLine:
		w.writeRaw([]byte(strings.Repeat("x", hugeLineSize)))
		drain(w.c)
		return
	case f.Garbage:
		w.writeRaw(garbage())
		drain(w.c)
		return
	case f.BusyGreeting:
		w.reply(busyReply[s.Proto])
		return
	case f.DripGreeting:
		drip := greeting + "\r\n"
		for i := range len(drip) {
			if w.writeRaw([]byte{drip[i]}) != nil || !s.sleep(dripInterval) {
				return
			}
		}
	case f.Greeting != "":
		if w.reply(splitReply(f.Greeting)...) != nil {
			return
		}
	default:
		if w.reply(greeting) != nil {
			return
		}
	}

	switch s.Proto {
	case "smtp":
		(&smtpSession{wire: w}).serve()
	case "pop3":
		(&pop3Session{wire: w}).serve()
	case "imap":
		(&imapSession{wire: w}).serve()
	}
}

var busyReply = map[string]string{
	"smtp": "421 4.7.0 Too many connections, try again later",
	"pop3": "-ERR [SYS/TEMP] Too many connections",
	"imap": "* BYE Too many connections",
}

func (s *Server) greeting(w *wire) string {
	switch s.Proto {
	case "pop3":
		// RFC 1939 7: the APOP timestamp differs for every greeting.
		w.stamp = fmt.Sprintf("<%d.%d@mail.test>", os.Getpid(), time.Now().UnixNano())
		return "+OK POP3 server ready " + w.stamp
	case "imap":
		// RFC 9051 7.1: capabilities in the greeting save the client a round trip.
		return "* OK [CAPABILITY " + s.imapCaps(w.tls, false) + "] mailcheck testserver ready"
	}
	return "220 mail.test ESMTP mailcheck testserver ready"
}

// garbage is a fixed binary greeting: NULs and high bytes, ended by CRLF so line readers get it.
func garbage() []byte {
	b := make([]byte, 0, 256)
	for i := range 254 {
		if c := byte(i*37 + 11); c != '\r' && c != '\n' {
			b = append(b, c)
		}
		if i%16 == 0 {
			b = append(b, 0)
		}
	}
	return append(b, "\r\n"...)
}

// drain reads and discards until the peer goes away or stays idle too long.
func drain(c net.Conn) {
	buf := make([]byte, 4096)
	for {
		c.SetReadDeadline(time.Now().Add(idleTimeout))
		if _, err := c.Read(buf); err != nil {
			return
		}
	}
}

// wire is one connection's line I/O: bounded reads, replies after the configured latency, and
// the STARTTLS upgrade.
type wire struct {
	srv   *Server
	raw   net.Conn // the TCP connection
	c     net.Conn // raw or TLS on top of it
	r     *bufio.Reader
	tls   bool
	errs  int
	stamp string // POP3 APOP timestamp

	// upgraded is set once STARTTLS/STLS turned the plaintext connection into TLS.
	upgraded bool
}

var errLineTooLong = errors.New("line too long")

// readLine returns one line without its CRLF (a bare LF is accepted too).
func (w *wire) readLine() (string, error) {
	w.c.SetReadDeadline(time.Now().Add(idleTimeout))
	var line []byte
	for {
		chunk, err := w.r.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > maxLine {
			return "", errLineTooLong
		}
		if err == nil {
			break
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return "", err
		}
	}
	line = line[:len(line)-1]
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return string(line), nil
}

// readCommand is readLine for a line the server will answer; it counts round trips.
func (w *wire) readCommand() (string, error) {
	l, err := w.readLine()
	if err == nil {
		w.srv.nCmds.Add(1)
	}
	return l, err
}

// farewells are a protocol's last words when it gives up on a client.
type farewells struct{ tooLong, idle string }

// goodbye answers a read error the way the protocol's servers do before hanging up.
func (w *wire) goodbye(err error, f farewells) {
	var ne net.Error
	switch {
	case errors.Is(err, errLineTooLong):
		w.reply(f.tooLong)
	case errors.As(err, &ne) && ne.Timeout():
		w.reply(f.idle)
	}
}

func (w *wire) writeRaw(b []byte) error {
	w.c.SetWriteDeadline(time.Now().Add(writeTimeout))
	_, err := w.c.Write(b)
	return err
}

// reply writes the lines, each ended by CRLF (LF under BareLF), in one write after the
// configured latency.
func (w *wire) reply(lines ...string) error {
	var b []byte
	for _, l := range lines {
		b = append(append(b, l...), w.eol()...)
	}
	return w.send(b)
}

// eol is the line end replies use.
func (w *wire) eol() string {
	if w.srv.cfg.Faults.BareLF {
		return "\n"
	}
	return "\r\n"
}

// send writes b after the configured latency.
func (w *wire) send(b []byte) error {
	if !w.srv.sleep(w.srv.cfg.Latency) {
		return net.ErrClosed
	}
	return w.writeRaw(b)
}

// badCommand answers a protocol error and reports whether the session should end because the
// client made too many.
func (w *wire) badCommand(line string) bool {
	w.errs++
	w.reply(line)
	return w.errs >= maxErrors
}

// startTLS writes the "ready" reply (with the injection fault in the same write, so a
// synchronous net.Pipe client cannot deadlock writing its ClientHello), discards any plaintext
// the client pipelined after the command (RFC 3207 4.2, the CVE-2011-0411 class) and runs the
// handshake.
func (w *wire) startTLS(ready string) error {
	if err := w.send(append([]byte(ready+w.eol()), w.srv.cfg.Faults.InjectAfterSTARTTLS...)); err != nil {
		return err
	}
	w.r.Discard(w.r.Buffered())
	tc := tls.Server(w.raw, w.srv.tlsConf)
	w.raw.SetDeadline(time.Now().Add(handshakeTimeout))
	if err := tc.Handshake(); err != nil {
		return err
	}
	w.raw.SetDeadline(time.Time{})
	w.c, w.tls, w.upgraded = tc, true, true
	w.r = bufio.NewReaderSize(tc, 4096)
	return nil
}

// splitReply turns a configured reply (lines separated by CRLF or LF) into lines.
func splitReply(s string) []string {
	s = strings.TrimRight(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	return strings.Split(s, "\n")
}

// verb splits a command line into its upper-cased verb and the rest.
func verb(line string) (string, string) {
	v, arg, _ := strings.Cut(line, " ")
	return strings.ToUpper(v), strings.TrimSpace(arg)
}
