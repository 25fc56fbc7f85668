package probes

import (
	"encoding/base64"
	"net/url"
	"reflect"
	"slices"
	"strings"

	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/probes/oauth"
)

// redactor removes every form of the run's secrets from text: the password as typed, its
// upper- and lower-case forms (capability lists are upper-cased), the IMAP quoted form, the
// URL/percent-encoded forms, its bytes in GBK/GB18030, Big5, Shift_JIS, EUC-KR and
// Windows-1252 (a legacy server's echo), the base64 of it and of the AUTH PLAIN payloads, and
// the token's wire forms. Matching folds ASCII case, so "SeCrEt" in an upper-cased EHLO
// keyword is caught as well. A secret split over two lines (a payload echoed in halves) is
// caught by its pieces: a word holding a long enough piece of a long form is removed whole.
type redactor struct {
	long  []string // folded; removed wherever they stand
	short []string // folded; removed only as whole tokens (see redactEvidence)
	// pieces are the folded k-grams of the long forms, by k (b64Piece, tokenPiece, half a
	// typed form).
	pieces map[int]map[string]bool
	// grams is a bit set of the hashed 6-grams of every long form: text none of whose 6-grams
	// is in it holds no long form and no piece, and is passed over at a few ns a byte.
	grams *[gramBits / 64]uint64 // nil until a long form is added
}

const (
	gramLen   = 6 // = b64Piece, the shortest piece; long forms are 8 bytes or more
	gramShift = 18
	gramBits  = 1 << gramShift
)

func gramHash(s string) uint32 {
	_ = s[gramLen-1]
	v := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 | uint64(s[4])<<32 | uint64(s[5])<<40
	return uint32((v * 0x9e3779b97f4a7c15) >> (64 - gramShift)) // Fibonacci hashing
}

// mayHold reports whether folded text f could hold a long form or a piece of one.
func (r *redactor) mayHold(f string) bool {
	if r.grams == nil {
		return false
	}
	for i := 0; i+gramLen <= len(f); i++ {
		if h := gramHash(f[i:]); r.grams[h/64]&(1<<(h%64)) != 0 {
			return true
		}
	}
	return false
}

// Piece lengths: any 6 characters of a base64 form (they mean nothing to a reader, so catching
// them betrays nothing), half of a typed form (so the longer half of a split is always caught,
// and a common word inside a password is not taken for it). Forms shorter than minPieceForm
// are caught whole only.
const (
	b64Piece     = 6
	minPieceForm = 12
	tokenPiece   = 16
)

func newRedactor(user string, pass []byte, tokenForms []string) *redactor {
	r := &redactor{pieces: map[int]map[string]bool{}}
	add := func(form string, k int) {
		if form == "" {
			return
		}
		f := foldASCII(form)
		if slices.Contains(r.long, f) || slices.Contains(r.short, f) {
			return
		}
		if len(f) < 8 {
			r.short = append(r.short, f)
			return
		}
		r.long = append(r.long, f)
		if r.grams == nil {
			r.grams = new([gramBits / 64]uint64)
		}
		for i := 0; i+gramLen <= len(f); i++ {
			h := gramHash(f[i:])
			r.grams[h/64] |= 1 << (h % 64)
		}
		if len(f) >= minPieceForm && k > 0 {
			set := r.pieces[k]
			if set == nil {
				set = map[string]bool{}
				r.pieces[k] = set
			}
			for i := 0; i+k <= len(f); i++ {
				set[f[i:i+k]] = true
			}
		}
	}
	for _, t := range tokenForms {
		// Longer pieces: every JWT shares short base64 runs of JSON ("eyJhbGci…") with the
		// server's base64 error challenge, which the transcript must keep.
		add(t, tokenPiece)
	}
	if len(pass) > 0 {
		p := string(pass)
		typed := []string{p, strings.ToUpper(p), strings.ToLower(p),
			strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(p), // IMAP quoted string (RFC 9051 4.3)
			url.QueryEscape(p), url.PathEscape(p)}
		typed = append(typed, findings.CharsetForms(p)...)
		for _, f := range typed {
			add(f, max(b64Piece, (len(f)+1)/2))
		}
		for _, payload := range [][]byte{pass, []byte("\x00" + user + "\x00" + p), []byte(user + "\x00" + user + "\x00" + p)} {
			add(base64.StdEncoding.EncodeToString(payload), b64Piece)
			add(base64.RawStdEncoding.EncodeToString(payload), b64Piece)
		}
	}
	// The PLAIN payloads start with the login name, which transcripts show (AUTH LOGIN's
	// first answer is its base64): pieces of the name alone are no secret.
	for _, payload := range []string{user, "\x00" + user, user + "\x00" + user, "\x00" + user + "\x00", user + "\x00" + user + "\x00"} {
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding} {
			f := foldASCII(enc.EncodeToString([]byte(payload)))
			for k, set := range r.pieces {
				for i := 0; i+k <= len(f); i++ {
					delete(set, f[i:i+k])
				}
			}
		}
	}
	// Longest first: a form inside a longer one must not leave the rest of the longer behind.
	byLen := func(a, b string) int { return len(b) - len(a) }
	slices.SortFunc(r.long, byLen)
	slices.SortFunc(r.short, byLen)
	return r
}

// foldASCII lower-cases ASCII letters only, so byte offsets stay those of the original.
func foldASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func (r *redactor) empty() bool { return len(r.long) == 0 && len(r.short) == 0 }

// apply returns e with every form of the secrets replaced by "***".
func (r *redactor) apply(e string) string {
	if r == nil || r.empty() || e == "" {
		return e
	}
	f := foldASCII(e)
	if !r.mayHold(f) {
		for _, sec := range r.short {
			e, f = replaceToken(e, f, sec)
		}
		return e
	}
	for _, sec := range r.long {
		for {
			i := strings.Index(f, sec)
			if i < 0 {
				break
			}
			e, f = e[:i]+"***"+e[i+len(sec):], f[:i]+"***"+f[i+len(sec):]
		}
	}
	for _, sec := range r.short {
		e, f = replaceToken(e, f, sec)
	}
	return r.pieceWords(e, f)
}

// pieceWords removes each whitespace-separated word that holds a piece of a long form.
func (r *redactor) pieceWords(e, f string) string {
	if len(r.pieces) == 0 {
		return e
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(f); {
		if isSpace(f[i]) {
			i++
			continue
		}
		j := i
		for j < len(f) && !isSpace(f[j]) {
			j++
		}
		if r.holdsPiece(f[i:j]) {
			b.WriteString(e[last:i])
			b.WriteString("***")
			last = j
		}
		i = j
	}
	if last == 0 {
		return e
	}
	b.WriteString(e[last:])
	return b.String()
}

func (r *redactor) holdsPiece(w string) bool {
	if !r.mayHold(w) {
		return false
	}
	for k, set := range r.pieces {
		for i := 0; i+k <= len(w); i++ {
			if set[w[i:i+k]] {
				return true
			}
		}
	}
	return false
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// redactEvidence removes the password and the token, in every form (see redactor), from any
// text. A long secret is removed wherever it stands; a short one only as a whole token, so that
// a password such as "mail" does not turn "mail.test" into "***.test" and betray itself by what
// is missing.
func redactEvidence(e string, o *Options) string {
	if o == nil {
		return e
	}
	r := o.redact
	if r == nil {
		r = newRedactor(o.User, o.Password, o.tokenForms)
	}
	return r.apply(e)
}

// replaceToken replaces sec (folded) where it is not part of a longer word; f is e folded.
func replaceToken(e, f, sec string) (string, string) {
	word := func(i int) bool {
		if i < 0 || i >= len(f) {
			return false
		}
		c := f[i]
		return c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
	}
	var b, bf strings.Builder
	for i := 0; i < len(f); {
		j := strings.Index(f[i:], sec)
		if j < 0 {
			b.WriteString(e[i:])
			bf.WriteString(f[i:])
			break
		}
		j += i
		b.WriteString(e[i:j])
		bf.WriteString(f[i:j])
		if word(j-1) || word(j+len(sec)) {
			b.WriteString(e[j : j+len(sec)])
			bf.WriteString(sec)
		} else {
			b.WriteString("***")
			bf.WriteString("***")
		}
		i = j + len(sec)
	}
	return b.String(), bf.String()
}

// redactResult runs the redactor over every string of a finished result that came from the
// wire or from a parse of it (capabilities, details, errors, evidence, transcript, certificate
// names, folder names …), after every transformation the probe made: the last word before any
// formatting. Catalogue texts and the endpoint as given are left alone.
func (s *Session) redactResult(v any) {
	if s.opts.redact == nil || s.opts.redact.empty() {
		return
	}
	redactValue(reflect.ValueOf(v), s.opts.redact)
}

// redactFor sweeps v with the redactor of opts's credentials on ep, for a result that holds
// what sessions with other credentials, or none, saw (the other-mode walk, the round trip).
func redactFor(v any, ep Endpoint, opts Options) {
	r := newRedactor(opts.User, opts.Password, oauth.SecretForms(opts.User, ep.Host, ep.Port, opts.Token))
	if !r.empty() {
		redactValue(reflect.ValueOf(v), r)
	}
}

var (
	textType     = reflect.TypeFor[findings.Text]()
	endpointType = reflect.TypeFor[Endpoint]()
	stringType   = reflect.TypeFor[string]()
)

func redactValue(v reflect.Value, r *redactor) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			redactValue(v.Elem(), r)
		}
	case reflect.Struct:
		if v.Type() == textType || v.Type() == endpointType {
			return
		}
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() && !(v.Type() == stepType && v.Type().Field(i).Name == "Name") {
				redactValue(f, r)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			redactValue(v.Index(i), r)
		}
	case reflect.Map:
		if v.Type().Elem() != stringType {
			return
		}
		for _, k := range v.MapKeys() {
			v.SetMapIndex(k, reflect.ValueOf(r.apply(v.MapIndex(k).String())))
		}
	case reflect.String:
		// Named string types (Status, Kind, Code, Proto …) are our own enumerations.
		if v.Type() == stringType && v.CanSet() {
			v.SetString(r.apply(v.String()))
		}
	}
}

var stepType = reflect.TypeFor[Step]()
