// Package oauth knows what an OAuth2 login to a mail server is made of: the SASL messages of
// XOAUTH2 and OAUTHBEARER (RFC 7628), the server's error challenge, and the claims of a JWT
// access token checked offline against what a provider expects. It does no I/O.
package oauth

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// The two SASL mechanisms that carry a bearer token.
const (
	XOAUTH2     = "XOAUTH2"     // Google's, also Microsoft's and Yahoo's
	OAUTHBEARER = "OAUTHBEARER" // RFC 7628
)

// Pick chooses the mechanism for a token among those a server offers: OAUTHBEARER (the
// standard) before XOAUTH2. forced, when set, wins whether offered or not. "" means none fits.
func Pick(offered []string, forced string) string {
	if forced != "" {
		return strings.ToUpper(forced)
	}
	has := func(m string) bool {
		for _, o := range offered {
			if strings.EqualFold(o, m) {
				return true
			}
		}
		return false
	}
	switch {
	case has(OAUTHBEARER):
		return OAUTHBEARER
	case has(XOAUTH2):
		return XOAUTH2
	}
	return ""
}

// IsOAuth reports whether mech carries a bearer token.
func IsOAuth(mech string) bool {
	return strings.EqualFold(mech, XOAUTH2) || strings.EqualFold(mech, OAUTHBEARER)
}

// Only reports whether every mechanism offered is an OAuth one (and at least one is): then a
// password cannot log in by SASL.
func Only(offered []string) bool {
	n := 0
	for _, m := range offered {
		if !IsOAuth(m) {
			return false
		}
		n++
	}
	return n > 0
}

// message is the raw (not base64) client message of mech.
func message(mech, user, host string, port int, token []byte) []byte {
	var b bytes.Buffer
	switch strings.ToUpper(mech) {
	case OAUTHBEARER:
		// RFC 7628 3.1: gs2-header "n,a=USER," then kvpairs separated by ^A, ended by ^A^A.
		b.WriteString("n,a=" + saslName(user) + ",\x01")
		if host != "" {
			b.WriteString("host=" + host + "\x01")
		}
		if port > 0 {
			b.WriteString("port=" + strconv.Itoa(port) + "\x01")
		}
	default:
		b.WriteString("user=" + user + "\x01")
	}
	b.WriteString("auth=Bearer ")
	b.Write(token)
	b.WriteString("\x01\x01")
	return b.Bytes()
}

// saslName escapes "," and "=" in a gs2 authzid (RFC 5801 4).
func saslName(s string) string {
	return strings.NewReplacer("=", "=3D", ",", "=2C").Replace(s)
}

// InitialResponse is the base64 client message of mech for user and token; host and port
// are the server's, which OAUTHBEARER names.
func InitialResponse(mech, user, host string, port int, token []byte) string {
	m := message(mech, user, host, port, token)
	s := base64.StdEncoding.EncodeToString(m)
	clear(m)
	return s
}

// ErrorAnswer is what a client sends after an error challenge to end the exchange: an empty
// line for XOAUTH2, a single %x01 (base64 "AQ==") for OAUTHBEARER (RFC 7628 3.2.3).
func ErrorAnswer(mech string) string {
	if strings.EqualFold(mech, OAUTHBEARER) {
		return "AQ=="
	}
	return ""
}

// SecretForms are every form in which the token may be written on the wire or echoed, for
// redaction: the token, "Bearer TOKEN", and the base64 of each mechanism's message.
func SecretForms(user, host string, port int, token []byte) []string {
	if len(token) == 0 {
		return nil
	}
	t := string(token)
	out := []string{t, "Bearer " + t,
		base64.StdEncoding.EncodeToString(token), base64.RawStdEncoding.EncodeToString(token)}
	for _, m := range []string{XOAUTH2, OAUTHBEARER} {
		out = append(out, InitialResponse(m, user, host, port, token))
		if m == OAUTHBEARER {
			out = append(out, InitialResponse(m, user, "", 0, token))
		}
	}
	return out
}

// Challenge is a server's decoded error challenge (RFC 7628 3.2.2; Google's XOAUTH2 uses the
// same JSON).
type Challenge struct {
	Status  string `json:"status"`
	Schemes string `json:"schemes,omitempty"`
	Scope   string `json:"scope,omitempty"`
	// OpenIDConfiguration is where the server's authorization server describes itself.
	OpenIDConfiguration string `json:"openid-configuration,omitempty"`
}

// maxChallenge bounds what is decoded: a real challenge is under 300 bytes.
const maxChallenge = 4096

// ErrNotChallenge: the text is not a base64 JSON error challenge.
var ErrNotChallenge = errors.New("not an OAuth error challenge")

// ParseChallenge decodes a base64 error challenge ("eyJzdGF0dXMiOi...").
func ParseChallenge(b64 string) (Challenge, error) {
	b64 = strings.TrimSpace(b64)
	if b64 == "" || len(b64) > maxChallenge {
		return Challenge{}, ErrNotChallenge
	}
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		if raw, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(b64, "=")); err != nil {
			return Challenge{}, fmt.Errorf("%w: %v", ErrNotChallenge, err)
		}
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return Challenge{}, fmt.Errorf("%w: %v", ErrNotChallenge, err)
	}
	str := func(k string) string {
		switch v := m[k].(type) {
		case string:
			return v
		case float64:
			return strconv.FormatFloat(v, 'f', -1, 64)
		}
		return ""
	}
	c := Challenge{Status: str("status"), Schemes: str("schemes"), Scope: str("scope"),
		OpenIDConfiguration: str("openid-configuration")}
	if c.Status == "" {
		return Challenge{}, fmt.Errorf("%w: no status", ErrNotChallenge)
	}
	return c, nil
}

// InsufficientScope reports whether the challenge says the token lacks a scope: RFC 6750's
// "insufficient_scope", or HTTP 403.
func (c Challenge) InsufficientScope() bool {
	return strings.EqualFold(c.Status, "insufficient_scope") || c.Status == "403"
}

// String is the challenge as evidence shows it.
func (c Challenge) String() string {
	s := "status " + c.Status
	if c.Scope != "" {
		s += ", scope " + c.Scope
	}
	if c.Schemes != "" {
		s += ", schemes " + c.Schemes
	}
	return s
}
