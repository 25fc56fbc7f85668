package findings

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"math/bits"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// The knowledge-base matcher: it turns a server reply, a client-library error or a pasted log
// into finding codes. Signatures are plain lower-case literals found in one pass by an
// Aho-Corasick automaton, plus the enhanced status codes (RFC 3463) of each line; a signature
// may add required literals, excluded literals, literals that must closely follow its anchor, or
// a regular expression, all checked only when an anchor occurs. The table is data
// (signatures.json, loaded by match_data.go), in tiers ordered most specific first, and a line
// yields the first signature that holds; signatures marked generic (auth.failed,
// tcp.connect-failed, ...) are dropped from MatchText's answer when a specific code of the same
// family explains them. Client-side texts never match in MatchReply, which sees server replies.

// Match is one signature hit.
type Match struct {
	Code     Code
	Evidence string // the input line that matched (trimmed, printable)
	Rule     string // signature id, e.g. "smtp-enh-5.7.9" or "qq-authcode"
}

// Limits that keep matching bounded on any input.
const (
	maxMatchInput = 1 << 20 // bytes of text read by MatchText, DecodeText, ProviderHint and ReplyClass
	maxMatchLine  = 8 << 10 // bytes of one (logical) line that are matched
	maxEvidence   = 512     // bytes of evidence kept per match
	maxGroupLines = 64      // lines of one multi-line SMTP reply joined before matching
	seamBytes     = 80      // bytes of each side of a line break matched together (wrapped text)
)

// sig is one signature.
type sig struct {
	id      string
	code    Code
	any     []string       // anchors: lower-case literals, one of which must occur
	enh     []string       // anchors: enhanced status codes ("5.7.9"), alternative to any
	all     []string       // literals that must all occur as well
	not     []string       // literals none of which may occur
	re      *regexp.Regexp // checked on the normalised line after an anchor hit
	within  int            // with close: how many bytes after an anchor they must start
	close   []string       // literals one of which must follow an "any" anchor closely
	groups  [][]string     // keyword family: one literal of each group must occur
	client  bool           // text written by client software, not a server reply
	generic bool           // a fallback: dropped when a more specific code of its family matched
	family  bool           // a keyword family (tier F): skipped on info/debug log lines
}

// ---- the compiled matcher ----

type matcher struct {
	sigs []*sig
	ac   automaton
	enh  map[string][]int32 // enhanced status code -> signatures anchored on it
}

var (
	matcherOnce sync.Once
	theMatcher  *matcher
)

func getMatcher() *matcher {
	matcherOnce.Do(func() { theMatcher = newMatcher(signatures()) })
	return theMatcher
}

func newMatcher(sigs []*sig) *matcher {
	m := &matcher{sigs: sigs, enh: map[string][]int32{}}
	var pats []string
	var ids []int32
	for i, s := range sigs {
		if len(s.any) == 0 && len(s.enh) == 0 {
			panic("probes: signature " + s.id + " has no anchor")
		}
		for _, p := range s.any {
			if p == "" || p != strings.ToLower(p) {
				panic("probes: signature " + s.id + ": anchor must be non-empty lower case: " + p)
			}
			pats = append(pats, p)
			ids = append(ids, int32(i))
		}
		for _, e := range s.enh {
			// "x.S.D" anchors both classes: the subject and detail carry the meaning (RFC 3463 §3).
			if strings.HasPrefix(e, "x.") {
				m.enh["4"+e[1:]] = append(m.enh["4"+e[1:]], int32(i))
				m.enh["5"+e[1:]] = append(m.enh["5"+e[1:]], int32(i))
				continue
			}
			m.enh[e] = append(m.enh[e], int32(i))
		}
	}
	m.ac = buildAutomaton(pats, ids)
	return m
}

// scratch is per-call matching state, reused across the lines of one call.
type scratch struct {
	norm  []byte
	hits  []uint64
	quiet bool // the line is a structured log record at info/debug/trace level
}

func (m *matcher) newScratch() *scratch {
	return &scratch{hits: make([]uint64, (len(m.sigs)+63)/64)}
}

// best returns the index of the first signature that holds for line, or -1. Client-side
// signatures are skipped unless clientOK.
func (m *matcher) best(line string, clientOK bool, sc *scratch) int {
	if len(line) > maxMatchLine {
		line = line[:maxMatchLine]
	}
	sc.norm = normalize(sc.norm[:0], line)
	norm := sc.norm
	if len(norm) == 0 {
		return -1
	}
	clear(sc.hits)
	found := m.ac.scan(norm, sc.hits)
	if bytes.IndexByte(norm, '.') >= 0 {
		eachEnhanced(norm, func(code []byte) {
			for _, r := range m.enh[string(code)] {
				sc.hits[r>>6] |= 1 << (uint(r) & 63)
				found = true
			}
		})
	}
	if !found {
		return -1
	}
	for w, word := range sc.hits {
		for word != 0 {
			r := w*64 + bits.TrailingZeros64(word)
			word &= word - 1
			if s := m.sigs[r]; !(sc.quiet && s.family) && m.holds(s, norm, clientOK) {
				return r
			}
		}
	}
	return -1
}

func (m *matcher) holds(s *sig, norm []byte, clientOK bool) bool {
	if s.client && !clientOK {
		return false
	}
	for _, l := range s.all {
		if !bytes.Contains(norm, []byte(l)) {
			return false
		}
	}
	for _, l := range s.not {
		if bytes.Contains(norm, []byte(l)) {
			return false
		}
	}
	for _, g := range s.groups {
		if !containsAny(norm, g) {
			return false
		}
	}
	if len(s.close) > 0 && !s.nearHolds(norm) {
		return false
	}
	return s.re == nil || s.re.Match(norm)
}

func containsAny(b []byte, lits []string) bool {
	for _, l := range lits {
		if bytes.Contains(b, []byte(l)) {
			return true
		}
	}
	return false
}

// nearHolds reports whether one of s.close starts within s.within bytes after an anchor.
func (s *sig) nearHolds(norm []byte) bool {
	for _, a := range s.any {
		rest := norm
		for {
			i := bytes.Index(rest, []byte(a))
			if i < 0 {
				break
			}
			rest = rest[i+len(a):]
			win := rest[:min(len(rest), s.within+16)]
			for _, l := range s.close {
				if j := bytes.Index(win, []byte(l)); j >= 0 && j <= s.within {
					return true
				}
			}
		}
	}
	return false
}

// normalize appends to dst the matching form of s: ASCII lower case, runs of white space
// collapsed to one space, trimmed. Non-ASCII bytes are copied unchanged.
func normalize(dst []byte, s string) []byte {
	space := true // drops leading space
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f':
			if !space {
				dst = append(dst, ' ')
				space = true
			}
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		dst = append(dst, c)
		space = false
	}
	if n := len(dst); n > 0 && dst[n-1] == ' ' {
		dst = dst[:n-1]
	}
	return dst
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isWord(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// eachEnhanced calls fn for every enhanced status code (class 4 or 5, RFC 3463) in b:
// "5.7.9" but not "v5.7.9", "15.7.9", "5.7.9-beta" or the "5.7.9" of "5.7.9.1".
func eachEnhanced(b []byte, fn func(code []byte)) {
	for i := 0; i+4 < len(b); i++ {
		if c := b[i]; c != '4' && c != '5' {
			continue
		}
		if i > 0 && (isWord(b[i-1]) || b[i-1] == '.') {
			continue
		}
		if b[i+1] != '.' {
			continue
		}
		j := i + 2
		n := 0
		for j < len(b) && isDigit(b[j]) && n < 4 {
			j++
			n++
		}
		if n == 0 || n > 3 || j >= len(b) || b[j] != '.' {
			continue
		}
		j++
		n = 0
		for j < len(b) && isDigit(b[j]) && n < 4 {
			j++
			n++
		}
		if n == 0 || n > 3 {
			continue
		}
		if j < len(b) && (isWord(b[j]) || b[j] == '-' || b[j] == '.' && j+1 < len(b) && isDigit(b[j+1])) {
			continue
		}
		fn(b[i:j])
		i = j - 1
	}
}

// firstEnhanced returns the first enhanced status code of b, or "".
func firstEnhanced(b []byte) string {
	out := ""
	eachEnhanced(b, func(c []byte) {
		if out == "" {
			out = string(c)
		}
	})
	return out
}

// ---- Aho-Corasick over byte classes ----

type automaton struct {
	class [256]uint8
	width int
	next  []uint16 // state*width + class -> state
	out   [][]int32
}

func buildAutomaton(pats []string, ids []int32) automaton {
	var a automaton
	// Byte classes: one per byte that occurs in a pattern, 0 for every other byte.
	for _, p := range pats {
		for i := 0; i < len(p); i++ {
			if a.class[p[i]] == 0 {
				a.width++
				if a.width > 255 {
					panic("probes: too many distinct pattern bytes")
				}
				a.class[p[i]] = uint8(a.width)
			}
		}
	}
	a.width++
	type node struct {
		child map[uint8]int32
		fail  int32
		out   []int32
	}
	nodes := []node{{child: map[uint8]int32{}}}
	for k, p := range pats {
		cur := int32(0)
		for i := 0; i < len(p); i++ {
			c := a.class[p[i]]
			nx, ok := nodes[cur].child[c]
			if !ok {
				nx = int32(len(nodes))
				nodes = append(nodes, node{child: map[uint8]int32{}})
				nodes[cur].child[c] = nx
			}
			cur = nx
		}
		nodes[cur].out = append(nodes[cur].out, ids[k])
	}
	if len(nodes) > 1<<16 {
		panic("probes: signature automaton too large")
	}
	// Breadth-first: fail links and the dense transition table.
	a.next = make([]uint16, len(nodes)*a.width)
	a.out = make([][]int32, len(nodes))
	order := make([]int32, 0, len(nodes))
	order = append(order, 0)
	for q := 0; q < len(order); q++ {
		u := order[q]
		for c := 0; c < a.width; c++ {
			v, ok := nodes[u].child[uint8(c)]
			if !ok {
				if u != 0 {
					a.next[int(u)*a.width+c] = a.next[int(nodes[u].fail)*a.width+c]
				}
				continue
			}
			if u != 0 {
				nodes[v].fail = int32(a.next[int(nodes[u].fail)*a.width+c])
			}
			a.next[int(u)*a.width+c] = uint16(v)
			order = append(order, v)
		}
	}
	for _, u := range order {
		o := append([]int32(nil), nodes[u].out...)
		if u != 0 {
			o = append(o, a.out[nodes[u].fail]...)
		}
		if len(o) > 0 {
			sort.Slice(o, func(i, j int) bool { return o[i] < o[j] })
			k := 0
			for i := range o {
				if i == 0 || o[i] != o[i-1] {
					o[k] = o[i]
					k++
				}
			}
			a.out[u] = o[:k]
		}
	}
	return a
}

// scan marks in hits every signature anchored by a literal that occurs in b.
func (a *automaton) scan(b []byte, hits []uint64) bool {
	found := false
	st, w := 0, a.width
	for _, c := range b {
		st = int(a.next[st*w+int(a.class[c])])
		if o := a.out[st]; o != nil {
			for _, r := range o {
				hits[r>>6] |= 1 << (uint(r) & 63)
			}
			found = true
		}
	}
	return found
}

// ---- public API ----

// plainOnTLSPort: a client log line showing a plaintext (or STARTTLS) session opened on an
// implicit-TLS port: JavaMail's debug "port 465, isSSL false", an smtp:// / imap:// / pop3:// URL
// (not smtps://) naming 465, 993 or 995.
var plainOnTLSPort = regexp.MustCompile(`port (465|993|995), isssl false|(^|[^a-z])(smtp|imap|pop3?)://[^\s/'"]+:(465|993|995)\b`)

// tlsOnPlainPort: the converse, a client opening TLS from the first byte (PHP's ssl://, an
// smtps:// / imaps:// / pop3s:// URL) on a plaintext or STARTTLS port.
var tlsOnPlainPort = regexp.MustCompile(`(^|[^a-z])(ssl|smtps|imaps|pop3s)://[^\s/'"]+:(25|587|143|110|2525)\b`)

// implicitTLSPort names an implicit-TLS port; tlsInUse are the signs that TLS was spoken after all
// (a handshake, an SSL socket, JavaMail's isSSL true, an smtps:// URL).
var (
	implicitTLSPort = regexp.MustCompile(`(:|port:? ?)(465|993|995)\b`)
	tlsInUse        = []string{"sslsocket", "handshake", "isssl true", "smtps://", "imaps://", "pop3s://", "ssl.enable=true", "sslexception"}
)

// MatchText classifies any text: a server reply (possibly multi-line), a client-library error, a
// pasted log with many lines. It returns every distinct code found, most specific first, each with
// the line that matched. Empty when nothing matches.
func MatchText(text string) []Match {
	if len(text) > maxMatchInput {
		text = text[:maxMatchInput]
	}
	if !utf8.ValidString(text) {
		text = DecodeText([]byte(text))
	}
	m := getMatcher()
	sc := m.newScratch()
	byCode := map[Code]hit{}
	add := func(r int, evidence string) {
		c := m.sigs[r].code
		if h, ok := byCode[c]; !ok || r < h.rule {
			byCode[c] = hit{rule: r, evidence: printable(evidence)}
		}
	}
	oauth := false    // the log shows an OAuth2 SASL exchange (AUTH XOAUTH2, auth=Bearer)
	plainTLS := false // the log shows a plaintext session opened on an implicit-TLS port
	tlsPlain := false // the log shows TLS opened at once on a plaintext or STARTTLS port
	// JavaMail reading the greeting (openServer/readServerResponse) on 465/993/995 without TLS
	var tlsPort, greetingRead, tlsUsed bool
	localHelo := false // the log shows the client greeting with localhost or an address literal
	var prevTail string
	forEachLogical(text, func(line string) {
		line = expandBase64JSON(unescapeHex(line))
		sc.quiet = quietLevel.MatchString(line)
		body, words := prepareParts(line)
		prep := body
		if words != "" {
			prep += " (" + words + ")"
		}
		r := m.best(prep, true, sc)
		if r >= 0 {
			add(r, line)
		}
		if !plainTLS && plainOnTLSPort.Match(sc.norm) {
			plainTLS = true
		}
		tlsPlain = tlsPlain || tlsOnPlainPort.Match(sc.norm)
		tlsPort = tlsPort || implicitTLSPort.Match(sc.norm)
		greetingRead = greetingRead || bytes.Contains(sc.norm, []byte("readserverresponse")) || bytes.Contains(sc.norm, []byte("openserver"))
		tlsUsed = tlsUsed || containsAny(sc.norm, tlsInUse)
		if !localHelo && localHeloRE.Match(sc.norm) {
			localHelo = true
		}
		if !oauth {
			for _, l := range oauthExchange {
				if bytes.Contains(sc.norm, []byte(l)) {
					oauth = true
					break
				}
			}
		}
		// A wrapped line ("... cannot find your reverse" / "hostname, [...]"): match the seam of
		// the previous line's end and this line's start, so an anchor split by the wrap still holds.
		head := body
		if len(head) > seamBytes {
			head = head[:seamBytes]
		}
		if prevTail != "" {
			seam := dropInnerMarkers(prevTail + " " + head)
			if rs := m.best(seam, true, sc); rs >= 0 && (r < 0 || rs < r) {
				add(rs, seam)
			}
		}
		prevTail = body
		if len(prevTail) > seamBytes {
			prevTail = prevTail[len(prevTail)-seamBytes:]
		}
	})
	if len(byCode) == 0 {
		return nil
	}
	// A generic login failure during an OAuth2 login is a refused token, not a wrong password.
	if h, ok := byCode[AuthFailed]; ok && oauth {
		if _, dup := byCode[AuthOAuthFailed]; !dup {
			byCode[AuthOAuthFailed] = hit{rule: h.rule, evidence: h.evidence, code: AuthOAuthFailed, id: "oauth-context"}
		}
		delete(byCode, AuthFailed)
	}
	// A close or a silent server after a plaintext start on 465/993/995 is the server waiting
	// for a TLS ClientHello: the port expects TLS from the first byte.
	if tlsPort && greetingRead && !tlsUsed {
		plainTLS = true
	}
	if plainTLS {
		becomes(byCode, PortExpectsTLS, "plain-on-tls-port", ServerClosed, ServerResponseTimeout, ServerGreetingTimeout)
	}
	// A close, silence or failed handshake after a ClientHello sent to 25/587/143/110 is the
	// server waiting for its plaintext greeting exchange: that port wants STARTTLS.
	if tlsPlain && !plainTLS {
		becomes(byCode, PortExpectsSTARTTLS, "tls-on-plain-port", ServerClosed, ServerResponseTimeout, ServerGreetingTimeout, TLSHandshakeFailed)
	}
	// Gmail's relay answers an EHLO that names localhost or 127.0.0.1 with "421 4.7.0 Try again
	// later, closing connection. (EHLO)": with that greeting in the log, the 421 is the HELO name.
	if h, ok := byCode[ServerBusy]; ok && localHelo && strings.Contains(strings.ToLower(h.evidence), "(ehlo)") {
		if _, dup := byCode[SMTPHELORejected]; !dup {
			byCode[SMTPHELORejected] = hit{rule: h.rule, evidence: h.evidence, code: SMTPHELORejected, id: "local-helo-context"}
		}
		delete(byCode, ServerBusy)
	}
	// A chain that does not lead to a trusted root cannot have its revocation checked either
	// (MailKit and SChannel list both): the untrusted root is the cause to fix.
	if _, ok := byCode[TLSCertUntrusted]; ok && !m.sigs[byCode[TLSCertUntrusted].rule].generic {
		delete(byCode, TLSRevocationUnchecked)
	}
	hits := make([]hit, 0, len(byCode))
	for _, h := range byCode {
		hits = append(hits, h)
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].rule < hits[j].rule })
	out := make([]Match, 0, len(hits))
	for _, h := range hits {
		s := m.sigs[h.rule]
		if h.code != "" {
			out = append(out, Match{Code: h.code, Evidence: h.evidence, Rule: h.id})
			continue
		}
		if s.generic && explained(s.code, hits, m) {
			continue
		}
		out = append(out, Match{Code: s.code, Evidence: h.evidence, Rule: s.id})
	}
	return out
}

// becomes turns the hits of codes into one hit of to, named id, at the most specific of their rules.
func becomes(byCode map[Code]hit, to Code, id string, codes ...Code) {
	for _, c := range codes {
		h, ok := byCode[c]
		if !ok {
			continue
		}
		if old, dup := byCode[to]; !dup || h.rule < old.rule {
			byCode[to] = hit{rule: h.rule, evidence: h.evidence, code: to, id: id}
		}
		delete(byCode, c)
	}
}

// localHeloRE is a client greeting with a name no server can check: localhost or a loopback literal.
var localHeloRE = regexp.MustCompile(`\b(ehlo|helo) \[?(localhost|127\.0\.0\.1|::1)\]?(\W|$)`)

// quietLevel finds a logfmt level field saying the record is not an error (mox's l=info, slog's
// level=INFO, logrus's level=debug): such a line reports progress ("connection closed", "starting
// tls client ... tlsmode=requiredstarttls"), so the keyword families, which guess a cause from
// words alone, do not apply to it; the named signatures still do.
var quietLevel = regexp.MustCompile(`(?i)(^|[\s"])(l|lvl|level)=(info|debug|trace)\b`)

// oauthExchange are the literals of an OAuth2 SASL login in a pasted log: the command (not a
// list of offered mechanisms) or the bearer token it carries.
var oauthExchange = []string{"auth xoauth2", "authenticate xoauth2", "auth oauthbearer", "authenticate oauthbearer",
	"auth=bearer", "saslmechanismoauth2", "authenticator xoauth2", "authenticator oauthbearer",
	"auth method requested: xoauth2", "auth method requested: oauthbearer",
	"authenticate('xoauth2", "authenticate(\"xoauth2", "authenticate('oauthbearer", "authenticate(\"oauthbearer"} // the last four: Ruby and Python calls

// hit is the best signature a code matched, with its evidence.
type hit struct {
	rule     int
	evidence string
	code     Code   // set when context overrides the signature's code
	id       string // the rule name reported with code
}

// explained reports whether a generic code is made redundant by a specific code among hits.
func explained(generic Code, hits []hit, m *matcher) bool {
	for _, h := range hits {
		s := m.sigs[h.rule]
		if !s.generic && s.code != generic && explains(s.code, generic) {
			return true
		}
	}
	return false
}

// family groups codes whose generic fallbacks a specific code of the same family makes redundant.
func family(c Code) string {
	area := string(c)
	if i := strings.IndexByte(area, '.'); i >= 0 {
		area = area[:i]
	}
	switch area {
	case "dns", "tcp", "net", "server", "port", "probe":
		return "conn"
	}
	if c == IMAPIDRequired {
		return "auth"
	}
	return area
}

// explains reports whether specific code s makes generic code g redundant.
func explains(s, g Code) bool {
	fs, fg := family(s), family(g)
	switch fg {
	case "conn", "tls":
		return fs == "conn" || fs == "tls"
	case "auth":
		return fs == "auth" || s == TLSRequired
	case "smtp": // smtp.send-failed: any specific cause explains a failed send
		return true
	}
	return fs == fg
}

// MatchReply classifies one server reply for a known protocol and phase ("greeting", "ehlo", "starttls",
// "auth", "mail", "rcpt", "select", "pass", "user"...). It returns the single best code and true, or false
// if no signature applies (the caller then falls back to a generic code such as auth.failed).
func MatchReply(proto string, phase string, lines []string) (Code, bool) {
	if len(lines) == 0 {
		return "", false
	}
	var b strings.Builder
	for _, l := range lines {
		if b.Len() >= maxMatchLine {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.TrimSpace(l))
	}
	text := b.String()
	if !utf8.ValidString(text) {
		text = DecodeText([]byte(text))
	}
	text = prepare(expandBase64JSON(text))
	m := getMatcher()
	sc := m.newScratch()
	if r := m.best(text, false, sc); r >= 0 {
		return m.sigs[r].code, true
	}
	return phaseFallback(proto, strings.ToLower(phase), sc.norm)
}

// phaseFallback maps a reply no signature recognised by its reply code and the phase it
// answered, where the pair is unambiguous.
func phaseFallback(proto string, phase string, norm []byte) (Code, bool) {
	switch proto {
	case "smtp":
		code, _, ok := replyPrefix(string(norm))
		if !ok {
			return "", false
		}
		if code == "421" {
			return ServerBusy, true
		}
		switch phase {
		case "greeting", "connect", "banner":
			switch code[0] {
			case '4':
				return ServerBusy, true
			case '5':
				return SMTPIPBlocked, true
			}
		case "ehlo", "helo":
			if code[0] == '5' {
				return SMTPHELORejected, true
			}
		case "starttls", "tls":
			if code[0] == '4' || code[0] == '5' {
				return TLSSTARTTLSUnavailable, true
			}
		case "auth", "login":
			switch code {
			case "535":
				return AuthFailed, true
			case "534", "504":
				return AuthMechanismUnsupported, true
			case "530", "538":
				return TLSRequired, true
			case "500", "502", "503":
				return SMTPAuthNotOffered, true
			}
			if code[0] == '4' {
				return ServerBusy, true
			}
		case "mail", "mail from", "from":
			switch code {
			case "530":
				return SMTPAuthRequired, true
			case "552":
				return SMTPMessageTooLarge, true
			case "503": // RFC 5321 4.3.2: MAIL out of order (Exim "503 sender already given")
				return SMTPBadSequence, true
			}
		case "rcpt", "rcpt to", "to":
			switch code {
			case "530":
				return SMTPAuthRequired, true
			case "450", "451":
				return SMTPGreylisted, true
			case "503": // RCPT without an accepted MAIL (Exim "503 sender not yet given")
				return SMTPBadSequence, true
			}
		case "data", "dot", "message", "body":
			switch code {
			case "552":
				return SMTPMessageTooLarge, true
			case "554":
				return SMTPSpamRejected, true
			case "503": // DATA without an accepted RCPT (Exim "503 valid RCPT command must precede DATA")
				return SMTPBadSequence, true
			}
		}
	case "pop3":
		if !bytes.HasPrefix(norm, []byte("-err")) {
			return "", false
		}
		switch phase {
		case "greeting", "connect", "banner":
			return ServerBusy, true
		case "stls", "starttls", "tls":
			return TLSSTARTTLSUnavailable, true
		}
	case "imap":
		status := imapStatus(norm)
		switch phase {
		case "greeting", "connect", "banner":
			if status == "bye" || status == "no" {
				return ServerBusy, true
			}
		case "starttls", "tls":
			if status == "no" || status == "bad" {
				return TLSSTARTTLSUnavailable, true
			}
		}
	}
	return "", false
}

// imapStatus returns "ok", "no", "bad", "bye" or "preauth" for an IMAP status response
// ("* BYE ...", "a1 NO ..."), or "".
func imapStatus(norm []byte) string {
	sp := bytes.IndexByte(norm, ' ')
	if sp <= 0 || sp > 32 {
		return ""
	}
	// The tag is "*" or a client tag such as a1, A0001, 3 (letters, digits, dots, one digit at
	// least); a three-digit 2xx-5xx "tag" is an SMTP reply code.
	tag := norm[:sp]
	if len(tag) == 3 && tag[0] >= '2' && tag[0] <= '5' && isDigit(tag[1]) && isDigit(tag[2]) {
		return ""
	}
	if !(len(tag) == 1 && tag[0] == '*') {
		digit := false
		for _, c := range tag {
			if !isWord(c) && c != '.' {
				return ""
			}
			digit = digit || isDigit(c)
		}
		if !digit {
			return ""
		}
	}
	rest := norm[sp+1:]
	for _, s := range []string{"ok", "no", "bad", "bye", "preauth"} {
		if bytes.HasPrefix(rest, []byte(s)) && (len(rest) == len(s) || rest[len(s)] == ' ' || rest[len(s)] == '[') {
			return s
		}
	}
	return ""
}

// replyPrefix finds the SMTP reply code at the start of line, after an optional log prefix such
// as "S:", "<<" or "SERVER -> CLIENT:", and whether the line is a continuation ("250-...").
func replyPrefix(line string) (code string, cont, ok bool) {
	limit := min(len(line), 48)
	for i := 0; i+3 <= limit; i++ {
		// At the start, after a quote or bracket, or after a log prefix ending in ":", ">", "<" or "]"
		// and a space ("S: 250", "SERVER -> CLIENT: 250", "<< 250") — not inside "::1:587".
		if i > 0 && !replyLead(line[i-1]) && !(line[i-1] == ' ' && (i == 1 || logPrefixEnd(line[i-2]))) {
			continue
		}
		if line[i] < '2' || line[i] > '5' || !isDigit(line[i+1]) || !isDigit(line[i+2]) {
			continue
		}
		if i+3 < len(line) && line[i+3] != ' ' && line[i+3] != '-' {
			continue
		}
		return line[i : i+3], i+3 < len(line) && line[i+3] == '-', true
	}
	return "", false, false
}

func replyLead(c byte) bool    { return c == '\'' || c == '"' || c == '(' || c == '>' || c == '\t' }
func logPrefixEnd(c byte) bool { return c == ':' || c == '>' || c == '<' || c == ']' || c == ')' }

// forEachLogical calls fn for every non-empty line of text, joining the lines of a multi-line
// SMTP reply ("534-5.7.9 ...", "534 5.7.9 ...") into one.
func forEachLogical(text string, fn func(line string)) {
	var grp []string
	grpCode := ""
	flush := func() {
		if len(grp) > 0 {
			fn(strings.Join(grp, " "))
			grp = grp[:0]
		}
	}
	for text != "" {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		t := strings.TrimSpace(line)
		if t == "" {
			flush()
			continue
		}
		code, cont, ok := replyPrefix(t)
		if len(grp) > 0 {
			if ok && code == grpCode && len(grp) < maxGroupLines {
				grp = append(grp, t)
				if !cont {
					flush()
				}
				continue
			}
			flush()
		}
		if ok && cont {
			grp = append(grp, t)
			grpCode = code
			continue
		}
		fn(t)
	}
	flush()
}

// printable trims s, replaces control characters and invalid bytes, and caps its length.
func printable(s string) string {
	s = strings.TrimSpace(s)
	cut := false
	if len(s) > maxEvidence {
		s = s[:maxEvidence]
		for len(s) > 0 && !utf8.RuneStart(s[len(s)-1]) {
			s = s[:len(s)-1]
		}
		if len(s) > 0 {
			s = s[:len(s)-1] // the last rune may be incomplete; drop it
		}
		cut = true
	}
	var b strings.Builder
	b.Grow(len(s) + 3)
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			b.WriteByte('?')
		case unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	if cut {
		b.WriteString("…")
	}
	return b.String()
}

// ReplyClass describes the reply-code family of a line when nothing matched (e.g. "5.7.x: security or policy",
// "4xx: temporary failure", "POP3 -ERR"), for honest "closest class" output. "" if none.
func ReplyClass(text string) string {
	if len(text) > maxMatchInput {
		text = text[:maxMatchInput]
	}
	var norm []byte
	out := ""
	forEachLogical(text, func(line string) {
		if out != "" {
			return
		}
		if len(line) > maxMatchLine {
			line = line[:maxMatchLine]
		}
		norm = normalize(norm[:0], line)
		out = lineClass(norm)
	})
	return out
}

var enhancedSubject = map[byte]string{
	'0': "other or undefined status",
	'1': "addressing (sender or recipient address)",
	'2': "mailbox status",
	'3': "mail system status",
	'4': "network or routing",
	'5': "mail delivery protocol",
	'6': "message content or media",
	'7': "security or policy",
}

var imapCodeClass = map[string]string{
	"authenticationfailed": "authentication failed (RFC 5530)",
	"authorizationfailed":  "authenticated but not authorised (RFC 5530)",
	"expired":              "password or account expired (RFC 5530)",
	"privacyrequired":      "encryption required (RFC 5530)",
	"contactadmin":         "administrator action needed (RFC 5530)",
	"unavailable":          "temporary server failure (RFC 5530)",
	"noperm":               "no permission for this mailbox (RFC 5530)",
	"inuse":                "object in use by another session (RFC 5530)",
	"limit":                "a server limit was hit (RFC 5530)",
	"overquota":            "mailbox over quota (RFC 5530)",
	"nonexistent":          "mailbox does not exist (RFC 5530)",
	"alreadyexists":        "mailbox already exists (RFC 5530)",
	"serverbug":            "server bug (RFC 5530)",
	"clientbug":            "client bug (RFC 5530)",
	"cannot":               "operation not possible (RFC 5530)",
	"corruption":           "server data corrupt (RFC 5530)",
	"alert":                "alert for the user (RFC 9051)",
	"webalert":             "web sign-in needed (Gmail)",
}

var pop3CodeClass = map[string]string{
	"auth":        "authentication failed (RFC 3206)",
	"sys/temp":    "temporary server problem (RFC 3206)",
	"sys/perm":    "permanent server problem (RFC 3206)",
	"in-use":      "mailbox in use by another session (RFC 2449)",
	"login-delay": "logging in too often (RFC 2449)",
}

// lineClass is ReplyClass for one normalised line.
func lineClass(norm []byte) string {
	if e := firstEnhanced(norm); e != "" {
		kind := "temporary failure"
		if e[0] == '5' {
			kind = "permanent failure"
		}
		subj := e[2 : strings.IndexByte(e[2:], '.')+2]
		name := enhancedSubject[subj[0]]
		if len(subj) != 1 || name == "" {
			name = "unregistered subject"
		}
		return e[:1] + "." + subj + ".x: " + name + " (" + kind + ")"
	}
	if i := bytes.Index(norm, []byte("-err")); i >= 0 && (i == 0 || norm[i-1] == ' ' || norm[i-1] == '\'' || norm[i-1] == '"') {
		rest := norm[i+4:]
		if j := bytes.IndexByte(rest, '['); j >= 0 && j <= 1 {
			if k := bytes.IndexByte(rest[j:], ']'); k > 0 {
				rc := string(rest[j+1 : j+k])
				if d, ok := pop3CodeClass[rc]; ok {
					return "POP3 -ERR [" + strings.ToUpper(rc) + "]: " + d
				}
			}
		}
		return "POP3 -ERR: command refused"
	}
	if bytes.HasPrefix(norm, []byte("+ok")) {
		return "POP3 +OK: success"
	}
	if st := imapStatus(norm); st != "" {
		rest := norm[bytes.IndexByte(norm, ' ')+1+len(st):]
		rest = bytes.TrimLeft(rest, " ")
		if len(rest) > 0 && rest[0] == '[' {
			end := bytes.IndexAny(rest, "] ")
			if end > 1 {
				rc := string(rest[1:end])
				if d, ok := imapCodeClass[rc]; ok {
					return "IMAP " + strings.ToUpper(st) + " [" + strings.ToUpper(rc) + "]: " + d
				}
			}
		}
		switch st {
		case "no":
			return "IMAP NO: command refused"
		case "bad":
			return "IMAP BAD: command not understood (protocol error)"
		case "bye":
			return "IMAP BYE: server is closing the connection"
		case "ok":
			return "IMAP OK: success"
		case "preauth":
			return "IMAP PREAUTH: already logged in"
		}
	}
	if code, _, ok := replyPrefix(string(norm)); ok {
		switch code {
		case "421":
			return "421: service not available, server closing the connection (temporary)"
		case "530":
			return "530: authentication or encryption required"
		case "534":
			return "534: authentication mechanism too weak"
		case "535":
			return "535: authentication credentials invalid"
		case "538":
			return "538: encryption required for this authentication mechanism"
		case "550":
			return "550: requested action not taken (mailbox unavailable or policy)"
		case "553":
			return "553: mailbox name not allowed (address rejected)"
		case "554":
			return "554: transaction failed or connection rejected (policy)"
		}
		switch code[0] {
		case '2':
			return "2xx: success"
		case '3':
			return "3xx: intermediate reply, more input expected"
		case '4':
			return "4xx: temporary failure, retry later"
		case '5':
			return "5xx: permanent failure"
		}
	}
	return ""
}

// ---- text decoding ----

// expandBase64JSON appends the decoded form of a base64 JSON object in the line (an OAuth2
// error challenge: "334 eyJzdGF0dXMiOiI0MDEi…" is {"status":"401",…}), so signatures can read
// what the server said. At most one object, of at most 1 KiB; the line is otherwise unchanged.
func expandBase64JSON(line string) string {
	i := strings.Index(line, "eyJ") // base64 of `{"`
	if i < 0 {
		return line
	}
	j := i
	for j < len(line) && j-i < 1400 && isBase64Byte(line[j]) {
		j++
	}
	if j-i < 16 {
		return line
	}
	enc := strings.TrimRight(line[i:j], "=")
	var raw []byte
	var err error
	if strings.ContainsAny(enc, "-_") {
		raw, err = base64.RawURLEncoding.DecodeString(enc)
	} else {
		raw, err = base64.RawStdEncoding.DecodeString(enc)
	}
	if err != nil || len(raw) > 1024 || !json.Valid(raw) || raw[0] != '{' {
		return line
	}
	var compact bytes.Buffer
	if json.Compact(&compact, raw) != nil {
		return line
	}
	return line + " (decoded: " + compact.String() + ")"
}

func isBase64Byte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=' || c == '-' || c == '_'
}

// unescapeHex turns a line that shows raw bytes as \xNN escapes (Python 2 and bytes reprs of a
// GBK reply: "535 Error: \xc7\xeb\xca\xb9...") back into text, when the bytes decode as UTF-8
// or as plausible GB18030 Chinese; otherwise, or with fewer than two escapes, the line is
// returned unchanged. One pass, output no longer than the input.
func unescapeHex(line string) string {
	if strings.Count(line, `\x`) < 2 {
		return line
	}
	buf := make([]byte, 0, len(line))
	n := 0
	for i := 0; i < len(line); i++ {
		if line[i] == '\\' && i+3 < len(line) && line[i+1] == 'x' && isHex(line[i+2]) && isHex(line[i+3]) {
			buf = append(buf, unhex(line[i+2])<<4|unhex(line[i+3]))
			i += 3
			n++
			continue
		}
		buf = append(buf, line[i])
	}
	if n < 2 {
		return line
	}
	if utf8.Valid(buf) {
		return string(buf)
	}
	if s, ok := decodeGB18030(buf); ok {
		return s
	}
	return line
}

func isHex(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
func unhex(c byte) byte {
	switch {
	case isDigit(c):
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// DecodeText turns raw reply bytes into UTF-8: valid UTF-8 stays, otherwise GB18030/GBK is tried
// (QQ/NetEase send Chinese that way), else bytes are escaped. Never returns mojibake for GBK input.
// Each line is decoded on its own, so a log mixing UTF-8 and GBK lines comes out right. Control
// characters other than tab, CR and LF are escaped as \xNN, as are bytes that fit no encoding.
// At most 1 MiB of input is read.
func DecodeText(b []byte) string {
	if len(b) > maxMatchInput {
		b = b[:maxMatchInput]
	}
	if utf8.Valid(b) && !hasControl(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i+1], b[i+1:]
		} else {
			b = nil
		}
		switch {
		case utf8.Valid(line):
			writeEscaped(&sb, line)
		default:
			if s, ok := decodeGB18030(line); ok {
				writeEscaped(&sb, []byte(s))
			} else {
				writeEscaped(&sb, line)
			}
		}
	}
	return sb.String()
}

func hasControl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7f {
			return true
		}
	}
	return false
}

// writeEscaped writes b, escaping invalid UTF-8 bytes and control characters as \xNN.
func writeEscaped(sb *strings.Builder, b []byte) {
	const hex = "0123456789abcdef"
	esc := func(c byte) {
		sb.WriteString(`\x`)
		sb.WriteByte(hex[c>>4])
		sb.WriteByte(hex[c&15])
	}
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n <= 1:
			esc(b[0])
		case r < 0x20 && r != '\t' && r != '\r' && r != '\n' || r == 0x7f:
			esc(byte(r))
		default:
			sb.Write(b[:n])
		}
		b = b[n:]
	}
}

// decodeGB18030 decodes b as GB18030 (a superset of GBK and GB2312) and accepts the result only
// if every non-ASCII character is one Chinese text plausibly contains, so Latin-1 or binary input
// is not turned into mojibake.
func decodeGB18030(b []byte) (string, bool) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil || !utf8.Valid(out) {
		return "", false
	}
	for _, r := range string(out) {
		if r < 0x80 {
			continue
		}
		if r == utf8.RuneError || !plausibleChinese(r) {
			return "", false
		}
	}
	return string(out), true
}

func plausibleChinese(r rune) bool {
	switch {
	case unicode.Is(unicode.Han, r):
		return true
	case r >= 0x3000 && r <= 0x303f, // CJK symbols and punctuation
		r >= 0xff00 && r <= 0xffef, // full-width forms
		r >= 0x2000 && r <= 0x206f, // general punctuation: “” … —
		r >= 0x2100 && r <= 0x22ff, // letter-like symbols, arrows, maths: ℃ № →
		r >= 0x2460 && r <= 0x27bf, // enclosed numbers, box drawing, shapes, ★
		r >= 0x3040 && r <= 0x30ff, // kana
		r >= 0x3200 && r <= 0x33ff, // enclosed CJK, CJK compatibility
		r >= 0xfe30 && r <= 0xfe4f, // CJK compatibility forms
		r >= 0x0391 && r <= 0x03c9, // Greek (in GB2312)
		r >= 0x0401 && r <= 0x0451, // Cyrillic (in GB2312)
		r == 0xa4 || r == 0xa7 || r == 0xa8 || r == 0xb0 || r == 0xb1 || r == 0xb7 || r == 0xd7 || r == 0xf7,
		r >= 0xe0 && r <= 0xfc && strings.ContainsRune("àáèéêìíòóùúüāēěīōūǎǐǒǔǖǘǚǜ", r), // pinyin
		r >= 0x0100 && r <= 0x01dc && strings.ContainsRune("āēěīōūǎǐǒǔǖǘǚǜ", r):
		return true
	}
	return false
}
