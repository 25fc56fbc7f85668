package testservers

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"time"
)

// OAuthConfig turns on the OAuth 2.0 SASL mechanisms XOAUTH2 (Google's) and OAUTHBEARER
// (RFC 7628) on a server. Tokens are HS256 JWTs (MintToken makes them), checked with the
// standard library only; a failed check is answered the way Gmail and RFC 7628 3.2.2 do: a
// base64 JSON error challenge, one client line, then the protocol's final failure.
type OAuthConfig struct {
	Key    []byte   // HS256 key; a token signed with another key is invalid
	Issuer string   // when set, the token's "iss" must equal it
	Mechs  []string // advertised; nil = {"XOAUTH2", "OAUTHBEARER"}
	// OnlyOAuth advertises no PLAIN/LOGIN at all: SMTP AUTH lists only the OAuth mechanisms,
	// POP3 CAPA has no USER and SASL lists only them, IMAP lists LOGINDISABLED even on TLS and
	// only the AUTH= of the OAuth mechanisms (like outlook.office365.com in 2026). Password
	// logins (AUTH PLAIN/LOGIN, USER/PASS/APOP, IMAP LOGIN) are refused.
	OnlyOAuth bool
	// Scope is the scope named in error challenges, e.g. "https://mail.google.com/"; "" leaves
	// the member out (it is optional in RFC 7628 3.2.2).
	Scope string
	// RequiredScope, when set, must be in the token's "scope" or "scp" (space-separated, or a
	// JSON array), else the token has insufficient scope.
	RequiredScope string
	// NumericStatus writes the challenge status as Gmail does ("401" for a bad token, "400"
	// for insufficient scope) instead of RFC 6750's "invalid_token"/"insufficient_scope".
	NumericStatus bool
}

// The mechanisms the engines implement.
const (
	mechXOAUTH2     = "XOAUTH2"
	mechOAUTHBEARER = "OAUTHBEARER"
)

// MintToken makes an HS256 JWT (header {"alg":"HS256","typ":"JWT"}) from claims, for tests.
// Times are NumericDate seconds, e.g. claims["exp"] = time.Now().Add(time.Hour).Unix(). It
// panics if claims cannot be encoded as JSON.
func MintToken(key []byte, claims map[string]any) string {
	payload, err := json.Marshal(claims)
	if err != nil {
		panic("testservers.MintToken: " + err.Error())
	}
	enc := base64.RawURLEncoding
	signed := enc.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." + enc.EncodeToString(payload)
	return signed + "." + enc.EncodeToString(hs256(key, signed))
}

func hs256(key []byte, signed string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(signed))
	return m.Sum(nil)
}

// oauthMechs are the advertised OAuth mechanisms, nil when OAuth is off.
func (s *Server) oauthMechs() []string {
	o := s.cfg.OAuth
	switch {
	case o == nil:
		return nil
	case o.Mechs == nil:
		return []string{mechXOAUTH2, mechOAUTHBEARER}
	}
	return o.Mechs
}

// oauthMech returns the upper-cased mechanism when it is an OAuth mechanism this server both
// advertises and implements.
func (s *Server) oauthMech(mech string) (string, bool) {
	mech = strings.ToUpper(mech)
	if mech != mechXOAUTH2 && mech != mechOAUTHBEARER {
		return "", false
	}
	return mech, slices.ContainsFunc(s.oauthMechs(), func(m string) bool { return strings.EqualFold(m, mech) })
}

// passwordsOff reports whether OnlyOAuth refuses every password login.
func (s *Server) passwordsOff() bool { return s.cfg.OAuth != nil && s.cfg.OAuth.OnlyOAuth }

// saslMechs are the SASL mechanisms advertised where a password login would be accepted:
// PLAIN (and LOGIN when withLogin) unless OnlyOAuth, then the OAuth ones.
func (s *Server) saslMechs(withLogin bool) []string {
	var out []string
	if !s.passwordsOff() {
		out = append(out, "PLAIN")
		if withLogin {
			out = append(out, "LOGIN")
		}
	}
	return append(out, s.oauthMechs()...)
}

// errSASLSyntax is a client message that is not a well-formed XOAUTH2 / OAUTHBEARER message;
// the engines answer it with their syntax error, not with a challenge.
var errSASLSyntax = errors.New("malformed OAuth SASL message")

// oauthMessage is the part of a client's OAuth SASL message the server uses.
type oauthMessage struct {
	user  string // "" when OAUTHBEARER's gs2 header named nobody
	token string
}

// parseOAuthMessage parses a decoded XOAUTH2 message ("user=U^Aauth=Bearer T^A^A") or
// OAUTHBEARER message (RFC 7628 3.1: "n,a=U,^Ahost=H^Aport=P^Aauth=Bearer T^A^A"). Keys may
// come in any order and unknown ones are ignored; a pair without "=", a missing auth or user,
// or a bad gs2 header is errSASLSyntax.
func parseOAuthMessage(mech, msg string) (oauthMessage, error) {
	var m oauthMessage
	kv := msg
	if mech == mechOAUTHBEARER {
		gs2, rest, ok := strings.Cut(msg, "\x01")
		if !ok {
			return m, errSASLSyntax
		}
		parts := strings.Split(gs2, ",")
		// "n" or "y": channel binding ("p=") is not offered (RFC 7628 3.1).
		if len(parts) != 3 || (parts[0] != "n" && parts[0] != "y") || parts[2] != "" {
			return m, errSASLSyntax
		}
		if a := parts[1]; a != "" {
			name, ok := strings.CutPrefix(a, "a=")
			if !ok {
				return m, errSASLSyntax
			}
			if m.user, ok = unescapeSASLName(name); !ok {
				return m, errSASLSyntax
			}
		}
		kv = rest
	}
	if !strings.HasSuffix(kv, "\x01") {
		return m, errSASLSyntax
	}
	var auth string
	var haveUser, haveAuth bool
	for _, pair := range strings.Split(kv, "\x01") {
		if pair == "" {
			continue
		}
		k, v, ok := strings.Cut(pair, "=")
		if !ok || k == "" {
			return m, errSASLSyntax
		}
		switch {
		case k == "auth":
			auth, haveAuth = v, true
		case k == "user" && mech == mechXOAUTH2:
			m.user, haveUser = v, true
		}
	}
	if !haveAuth || (mech == mechXOAUTH2 && (!haveUser || m.user == "")) {
		return m, errSASLSyntax
	}
	scheme, token, ok := strings.Cut(auth, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" || strings.ContainsAny(token, " \t") {
		return m, errSASLSyntax
	}
	m.token = token
	return m, nil
}

// unescapeSASLName undoes RFC 5801 4's saslname escapes "=2C" (",") and "=3D" ("=").
func unescapeSASLName(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '=' {
			b.WriteByte(s[i])
			continue
		}
		switch {
		case strings.HasPrefix(s[i:], "=2C"):
			b.WriteByte(',')
		case strings.HasPrefix(s[i:], "=3D"):
			b.WriteByte('=')
		default:
			return "", false
		}
		i += 2
	}
	return b.String(), true
}

// oauthStatus is the outcome of a token check.
type oauthStatus int

const (
	oauthOK oauthStatus = iota
	oauthInvalidToken
	oauthInsufficientScope
)

// checkOAuth verifies m's token (HS256 with Key, exp, nbf, iss, scope) and that it belongs to
// the user the message named, who must be one of Config.Users. It returns the account's name
// as Config.Users spells it.
func (s *Server) checkOAuth(m oauthMessage) (string, oauthStatus) {
	s.present(m.token)
	o := s.cfg.OAuth
	claims, ok := verifyHS256(o.Key, m.token)
	if !ok {
		return "", oauthInvalidToken
	}
	now := float64(time.Now().UnixNano()) / 1e9
	if v, present := claims["exp"]; present {
		exp, isNum := v.(float64)
		if !isNum || now >= exp { // RFC 7519 4.1.4: valid only before exp
			return "", oauthInvalidToken
		}
	}
	if v, present := claims["nbf"]; present {
		nbf, isNum := v.(float64)
		if !isNum || now < nbf {
			return "", oauthInvalidToken
		}
	}
	if o.Issuer != "" {
		if iss, _ := claims["iss"].(string); iss != o.Issuer {
			return "", oauthInvalidToken
		}
	}
	owner, _ := claims["email"].(string)
	if owner == "" {
		owner, _ = claims["sub"].(string)
	}
	if owner == "" || (m.user != "" && !strings.EqualFold(m.user, owner)) {
		return "", oauthInvalidToken
	}
	account := ""
	for u := range s.cfg.Users {
		if strings.EqualFold(u, owner) {
			account = u
			break
		}
	}
	if account == "" {
		return "", oauthInvalidToken
	}
	if o.RequiredScope != "" && !hasScope(claims["scope"], o.RequiredScope) && !hasScope(claims["scp"], o.RequiredScope) {
		return "", oauthInsufficientScope
	}
	return account, oauthOK
}

// verifyHS256 checks a compact JWS signed with HS256 and returns its claims.
func verifyHS256(key []byte, token string) (map[string]any, bool) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil, false
	}
	enc := base64.RawURLEncoding
	var header struct {
		Alg string `json:"alg"`
	}
	h, err1 := enc.DecodeString(parts[0])
	sig, err2 := enc.DecodeString(parts[2])
	if err1 != nil || err2 != nil || json.Unmarshal(h, &header) != nil || header.Alg != "HS256" {
		return nil, false
	}
	if !hmac.Equal(sig, hs256(key, parts[0]+"."+parts[1])) {
		return nil, false
	}
	payload, err := enc.DecodeString(parts[1])
	if err != nil {
		return nil, false
	}
	var claims map[string]any
	if json.Unmarshal(payload, &claims) != nil || claims == nil {
		return nil, false
	}
	return claims, true
}

// hasScope reports whether a "scope"/"scp" claim (a space-separated string or an array of
// strings) contains want.
func hasScope(claim any, want string) bool {
	switch v := claim.(type) {
	case string:
		return slices.Contains(strings.Fields(v), want)
	case []any:
		return slices.Contains(v, any(want))
	}
	return false
}

// oauthChallenge is the base64 error challenge for a failed check (RFC 7628 3.2.2; Gmail's
// XOAUTH2 sends the same JSON).
func (s *Server) oauthChallenge(st oauthStatus) string {
	o := s.cfg.OAuth
	status := "invalid_token"
	switch {
	case st == oauthInsufficientScope && o.NumericStatus:
		status = "400"
	case st == oauthInsufficientScope:
		status = "insufficient_scope"
	case o.NumericStatus:
		status = "401"
	}
	b, _ := json.Marshal(struct {
		Status  string `json:"status"`
		Schemes string `json:"schemes"`
		Scope   string `json:"scope,omitempty"`
	}{status, "bearer", o.Scope})
	return base64.StdEncoding.EncodeToString(b)
}

// recordOAuthAnswer keeps the line a client sent after an error challenge.
func (s *Server) recordOAuthAnswer(line string) {
	s.oauthMu.Lock()
	defer s.oauthMu.Unlock()
	s.oauthAnswers = append(s.oauthAnswers, line)
}

// OAuthAnswers returns, oldest first, every line clients sent in answer to an OAuth error
// challenge: "" from an XOAUTH2 client, "AQ==" from an OAUTHBEARER one (RFC 7628 3.2.3), "*"
// for a cancel. Its length is the number of challenges answered.
func (s *Server) OAuthAnswers() []string {
	s.oauthMu.Lock()
	defer s.oauthMu.Unlock()
	return slices.Clone(s.oauthAnswers)
}

// LastOAuthAnswer is the last of OAuthAnswers, or "" when there is none (use OAuthAnswers to
// tell an empty answer from no answer).
func (s *Server) LastOAuthAnswer() string {
	s.oauthMu.Lock()
	defer s.oauthMu.Unlock()
	if len(s.oauthAnswers) == 0 {
		return ""
	}
	return s.oauthAnswers[len(s.oauthAnswers)-1]
}

// oauthExchange is what the engines share for one OAuth attempt after the client message was
// decoded: parse it, check the token, and on failure send the challenge and read the client's
// one answer. The engines answer everything else in their own words.
type oauthResult int

const (
	oauthSyntax    oauthResult = iota // malformed message: the protocol's syntax error
	oauthAccepted                     // the token is good: log in as user
	oauthFailed                       // challenge sent and answered: the final failure reply
	oauthCancelled                    // challenge answered with "*"
	oauthGone                         // the connection is gone
)

// oauthExchange runs the check for mech on the decoded message msg; challenge formats the
// protocol's continuation ("334 B64", "+ B64").
func (w *wire) oauthExchange(mech, msg string, challenge func(string) string) (user string, res oauthResult) {
	m, err := parseOAuthMessage(mech, msg)
	if err != nil {
		return "", oauthSyntax
	}
	user, st := w.srv.checkOAuth(m)
	if st == oauthOK {
		return user, oauthAccepted
	}
	if w.reply(challenge(w.srv.oauthChallenge(st))) != nil {
		return "", oauthGone
	}
	line, err := w.readCommand()
	if err != nil {
		return "", oauthGone
	}
	w.srv.recordOAuthAnswer(line)
	if line == "*" {
		return "", oauthCancelled
	}
	return "", oauthFailed
}
