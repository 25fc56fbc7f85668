package findings

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The normaliser: what a pasted text went through on its way here (a JSON log, a web page, a
// bytes repr, a mail quote, a logger's prefix) is undone before matching, so one rule keyed on
// a stable phrase holds however the text was carried. Order: \xNN bytes (and GBK) decoded
// (unescapeHex), JSON/C string escapes, HTML entities, leading log prefixes and quote marks,
// then identifiers split into words and appended (exception classes, error and alert names:
// "AccessTokenExpired" also reads "access token expired", "NS_ERROR_NET_TIMEOUT" also
// "ns error net timeout"). The result is only matched, never shown.

const maxExpansion = 1 << 10 // bytes of split identifiers appended to one line

func prepare(line string) string {
	body, words := prepareParts(line)
	if words != "" {
		return body + " (" + words + ")"
	}
	return body
}

// innerMarkerRE is an SMTP reply line's lead ("550-5.7.1 ", "421 4.7.29 ") as it reappears inside
// a multi-line reply flattened onto one line (Postfix's "said: 550-5.7.1 ... not authorized to
// 550-5.7.1 send email ...").
var innerMarkerRE = regexp.MustCompile(`(?:^|\s)([245]\d\d)[- ]([245]\.\d{1,3}\.\d{1,3})(?:\s+|$)`)

// dropInnerMarkers removes the repeats of a flattened multi-line reply's first line lead, so a
// sentence the reply wrapped reads whole again; the first lead stays (reply and enhanced codes
// are read from it). A line without a repeated lead is returned unchanged.
func dropInnerMarkers(line string) string {
	if strings.Count(line, ".") < 4 {
		return line
	}
	locs := innerMarkerRE.FindAllStringSubmatchIndex(line, 64)
	if len(locs) < 2 {
		return line
	}
	code, enh := line[locs[0][2]:locs[0][3]], line[locs[0][4]:locs[0][5]]
	var b strings.Builder
	last := 0
	for _, l := range locs[1:] {
		if line[l[2]:l[3]] != code || line[l[4]:l[5]] != enh {
			continue
		}
		b.WriteString(line[last:l[0]])
		b.WriteByte(' ')
		last = l[1]
	}
	if last == 0 {
		return line
	}
	b.WriteString(line[last:])
	return b.String()
}

// prepareParts returns the normalised line and its split identifiers apart.
func prepareParts(line string) (body, words string) {
	line = unescapeHex(line)
	if strings.IndexByte(line, '\\') >= 0 {
		line = unescapeLiteral(line)
	}
	if strings.IndexByte(line, '&') >= 0 && strings.IndexByte(line, ';') >= 0 {
		line = html.UnescapeString(line)
	}
	line = stripLead(line)
	line = dropInnerMarkers(line)
	words = splitIdentifiers(line)
	if f := extractFeatures(strings.ToLower(line) + " (" + words + ")"); f != "" {
		words = strings.TrimSpace(words + " " + f)
	}
	return line, words
}

// unescapeLiteral undoes the escapes of a JSON or C string literal shown as text: \n \r \t
// become spaces (the text was one string), \" \' \\ \/ their character, \uXXXX its rune.
// Other backslashes (Windows paths) stay.
func unescapeLiteral(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		switch n := s[i+1]; n {
		case 'n', 'r', 't':
			b.WriteByte(' ')
			i++
		case '"', '\'', '\\', '/':
			b.WriteByte(n)
			i++
		case 'u':
			if i+5 < len(s) {
				if v, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil && utf8.ValidRune(rune(v)) && v >= 0x20 {
					b.WriteRune(rune(v))
					i += 5
					continue
				}
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// leadRE matches what loggers and mail quoting put before a message: "> " quote marks, ISO
// and syslog timestamps, "[2020-03-02 07:40:10,127]", Android's "E/k9 ( 123):", Heroku's
// "app[web.1]:", levels such as "ERROR" or "[warn]".
var leadRE = regexp.MustCompile(`^(?:\s*(?:>+|` +
	`\[?\d{4}-\d\d-\d\d[t ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:z|[+-]\d\d:?\d\d)?\]?|` +
	`[a-z]{3} +\d{1,2} \d\d:\d\d:\d\d(?: [\w.-]+ [\w./-]+(?:\[\d+\])?:)?|` +
	`[vdiwef]/[\w.-]+\s*\(\s*\d+\):|` +
	`\w+\[[\w.]+\]:|` +
	`\[?(?:error|warn|warning|info|debug|fatal|notice|err|crit)\]?:?)(?:\s|$))+`)

// stripLead drops leading log prefixes and quote marks, keeping the message.
func stripLead(s string) string {
	head := s
	if len(head) > 200 {
		head = head[:200]
	}
	loc := leadRE.FindStringIndex(strings.ToLower(head))
	if loc == nil || loc[1] == 0 || loc[1] >= len(s) {
		return s
	}
	return strings.TrimSpace(s[loc[1]:])
}

// splitIdentifiers returns the CamelCase and UPPER_SNAKE identifiers of s split into lower-case
// words ("SSLHandshakeException" -> "ssl handshake exception"), space-separated, at most
// maxExpansion bytes; "" if there are none. Identifiers of one word are left alone.
func splitIdentifiers(s string) string {
	var out []byte
	for i := 0; i < len(s) && len(out) < maxExpansion; {
		if !isWord(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isWord(s[j]) {
			j++
		}
		if w := splitWord(s[i:j]); w != "" {
			if len(out)+len(w)+1 > maxExpansion {
				break
			}
			if len(out) > 0 {
				out = append(out, ' ')
			}
			out = append(out, w...)
		}
		i = j
	}
	return string(out)
}

// splitWord splits one identifier, or returns "" when it is not a compound one.
func splitWord(w string) string {
	if len(w) < 4 || len(w) > 80 {
		return ""
	}
	lower, upper := false, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		lower = lower || 'a' <= c && c <= 'z'
		upper = upper || 'A' <= c && c <= 'Z'
	}
	var parts []string
	switch {
	case strings.IndexByte(w, '_') >= 0 && !lower: // UPPER_SNAKE
		for _, p := range strings.Split(w, "_") {
			if p != "" {
				parts = append(parts, strings.ToLower(p))
			}
		}
	case lower && upper && strings.IndexByte(w, '_') < 0: // CamelCase
		start := 0
		for i := 1; i < len(w); i++ {
			c, p := w[i], w[i-1]
			isUp := 'A' <= c && c <= 'Z'
			prevUp := 'A' <= p && p <= 'Z'
			prevLow := 'a' <= p && p <= 'z'
			nextLow := i+1 < len(w) && 'a' <= w[i+1] && w[i+1] <= 'z'
			if isUp && (prevLow || prevUp && nextLow) || isDigit(c) != isDigit(p) {
				parts = append(parts, strings.ToLower(w[start:i]))
				start = i
			}
		}
		parts = append(parts, strings.ToLower(w[start:]))
	}
	if len(parts) < 2 {
		return ""
	}
	return strings.Join(parts, " ")
}

// Structured features: numbered and named errors that carry the cause whatever the sentence
// around them, rewritten as canonical tokens ("~curl:64~", "~errno:111~", "~wsa:10061~",
// "~alert:unknown_ca~") that tier S of signatures.json anchors on. Only the lower-cased line is
// read; at most maxFeatures tokens per line.
const maxFeatures = 8

var featureREs = []struct {
	kind string
	gate []string // one must occur before the expression is tried (regexps are slow)
	re   *regexp.Regexp
}{
	{"curl", []string{"curl"}, regexp.MustCompile(`curl(?:: ?\(| error:? ?\(?|code:? ?\(?)(\d{1,2})\b`)},
	// Rust's io::Error prints the errno as "(os error 111)".
	{"errno", []string{"errno", "os error"}, regexp.MustCompile(`\[errno (-?\d{1,5})\]|\berrno[ :=]+(-?\d{1,5})\b|\(os error (\d{1,5})\)`)},
	{"wsa", []string{"winerror", "socket error", "wsa error", "error 1"}, regexp.MustCompile(`\[winerror (\d{4,5})\]|socket error #? ?(\d{5})\b|\bwsa error (\d{5})\b|\berror (100[0-9]{2}|1100[0-9])\b`)},
	{"alert", []string{"alert", "remote error"}, regexp.MustCompile(`alert(?: number \d+)?\W{1,4}([a-z][a-z_ ]{3,40}[a-z])|remote error: ?(?:tls: ?)?([a-z][a-z ]{3,40}[a-z])|alertreceived\(([a-z]{4,40})\)`)},
}

// tlsAlerts are the alert names of RFC 8446 §6 and RFC 5246 §7.2 a feature may carry.
var tlsAlerts = map[string]bool{"handshake_failure": true, "protocol_version": true, "bad_certificate": true,
	"unknown_ca": true, "certificate_expired": true, "certificate_revoked": true, "certificate_unknown": true,
	"insufficient_security": true, "unrecognized_name": true, "decrypt_error": true, "internal_error": true,
	"illegal_parameter": true, "unexpected_message": true, "bad_record_mac": true, "access_denied": true,
	"unsupported_certificate": true, "decode_error": true, "certificate_required": true}

// tlsAlertCompact finds an alert named in CamelCase (rustls prints AlertDescription's Debug form,
// "received fatal alert: ProtocolVersion"): the name lower-cased without its underscores.
var tlsAlertCompact = func() map[string]string {
	m := make(map[string]string, len(tlsAlerts))
	for name := range tlsAlerts {
		m[strings.ReplaceAll(name, "_", "")] = name
	}
	return m
}()

// rustlsAlertSentences are the words rustls (0.23, rustls/src/error/mod.rs, impl Display for
// AlertDescription) says after "received fatal alert: the peer " instead of the alert's name (a
// prefix of each is enough: the quoting around `server_name` may not survive the paste).
var rustlsAlertSentences = []struct{ words, alert string }{
	{"failed to negotiate an acceptable set of security parameters", "handshake_failure"},
	{"did not support a suitable tls version", "protocol_version"},
	{"found the certificate was not issued by a trusted ca", "unknown_ca"},
	{"found the certificate to be expired", "certificate_expired"},
	{"found the certificate to be revoked", "certificate_revoked"},
	{"rejected the certificate as corrupt or incorrectly signed", "bad_certificate"},
	{"rejected the certificate for an unspecified reason", "certificate_unknown"},
	{"did not support the certificate", "unsupported_certificate"},
	{"required a higher security level than was offered", "insufficient_security"},
	{"did not recognize a name in the", "unrecognized_name"},
	{"failed to perform a handshake cryptographic operation", "decrypt_error"},
	{"failed to verify a message", "bad_record_mac"},
	{"failed to decode a message", "decode_error"},
	{"received an unexpected message", "unexpected_message"},
	{"rejected a message because a field was incorrect or inconsistent", "illegal_parameter"},
	{"encountered an internal error", "internal_error"},
	{"denied access", "access_denied"},
	{"required a client certificate", "certificate_required"},
}

func extractFeatures(lower string) string {
	var out []string
	if i := strings.Index(lower, "alert: the peer "); i >= 0 {
		rest := lower[i+len("alert: the peer "):]
		for _, a := range rustlsAlertSentences {
			if strings.HasPrefix(rest, a.words) {
				out = append(out, "~alert:"+a.alert+"~")
				break
			}
		}
	}
	for _, f := range featureREs {
		gated := false
		for _, g := range f.gate {
			if strings.Contains(lower, g) {
				gated = true
				break
			}
		}
		if !gated {
			continue
		}
		for _, m := range f.re.FindAllStringSubmatch(lower, maxFeatures) {
			v := ""
			for _, g := range m[1:] {
				if g != "" {
					v = g
					break
				}
			}
			if f.kind == "alert" {
				v = strings.ReplaceAll(strings.TrimSpace(v), " ", "_")
				// "alert handshake failure (40)", "alert unknown ca: ..." — the longest known name.
				for !tlsAlerts[v] {
					i := strings.LastIndexByte(v, '_')
					if i < 0 {
						break
					}
					v = v[:i]
				}
				if !tlsAlerts[v] {
					v = tlsAlertCompact[v]
				}
				if v == "" {
					continue
				}
			}
			if v != "" && len(out) < maxFeatures {
				out = append(out, "~"+f.kind+":"+v+"~")
			}
		}
	}
	if strings.Contains(lower, "severity: ") && len(out) < maxFeatures {
		if c := lettreReplyCode(lower); c != "" {
			out = append(out, "smtp "+c)
		}
	}
	return strings.Join(out, " ")
}

// lettreCodeRE reads lettre's Debug of a reply code (transport/smtp/response.rs: Code { severity,
// category, detail }), which spells the three digits out as enum names.
var lettreCodeRE = regexp.MustCompile(`severity: (positivecompletion|positiveintermediate|transientnegativecompletion|permanentnegativecompletion), category: (syntax|information|connections|unspecified3|unspecified4|mailsystem), detail: (zero|one|two|three|four|five|six|seven|eight|nine)\b`)

var lettreDigits = map[string]string{
	"positivecompletion": "2", "positiveintermediate": "3", "transientnegativecompletion": "4", "permanentnegativecompletion": "5",
	"syntax": "0", "information": "1", "connections": "2", "unspecified3": "3", "unspecified4": "4", "mailsystem": "5",
	"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}

// lettreReplyCode is the reply code a lettre Code Debug spells out ("535"), or "".
func lettreReplyCode(lower string) string {
	m := lettreCodeRE.FindStringSubmatch(lower)
	if m == nil {
		return ""
	}
	return lettreDigits[m[1]] + lettreDigits[m[2]] + lettreDigits[m[3]]
}
