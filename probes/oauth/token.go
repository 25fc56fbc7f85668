package oauth

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// Profile is what a provider's authorization server puts in a token its mail servers take.
// providers.json holds one per provider family ("oauth" table); nothing of it is written in Go.
type Profile struct {
	// Issuers are prefixes of the "iss" claim ("https://login.microsoftonline.com/").
	Issuers []string `json:"issuers,omitempty"`
	// Audiences are the "aud" values the mail servers accept.
	Audiences []string `json:"audiences,omitempty"`
	// WrongAudiences names audiences people get by mistake (Microsoft Graph), aud → name.
	WrongAudiences map[string]string `json:"wrong_audiences,omitempty"`
	// Scopes are the delegated scopes each protocol needs, any one of them ("imap", "pop3",
	// "smtp", or "*" for all).
	Scopes map[string][]string `json:"scopes,omitempty"`
	// AppRoles are the application permissions ("roles") an app-only token needs per protocol.
	AppRoles map[string][]string `json:"app_roles,omitempty"`
	// Opaque are prefixes of the provider's non-JWT tokens ("ya29." for Google), which cannot be
	// read offline.
	Opaque []string `json:"opaque_prefixes,omitempty"`
	// Request is the scope string to ask for, as the provider documents it.
	Request string `json:"request_scope,omitempty"`
	// Source is where the facts come from.
	Source string `json:"source,omitempty"`
}

// Claims are the parts of a JWT access token that decide whether a mail server takes it.
type Claims struct {
	Issuer    string
	Audience  []string
	Subject   string
	Users     []string // upn, preferred_username, email, unique_name: the account it acts for
	Scopes    []string // "scp" or "scope", split on spaces
	Roles     []string // application permissions of an app-only token
	AppID     string   // appid, azp or client_id
	Expires   time.Time
	NotBefore time.Time
	IssuedAt  time.Time
}

// AppOnly reports whether the token is an application's own (client credentials): roles and
// no delegated scope, and no user.
func (c Claims) AppOnly() bool { return len(c.Roles) > 0 && len(c.Scopes) == 0 }

// User is the account the token acts for, "" if it names none.
func (c Claims) User() string {
	if len(c.Users) > 0 {
		return c.Users[0]
	}
	if strings.Contains(c.Subject, "@") {
		return c.Subject
	}
	return ""
}

// maxToken bounds what is decoded: real access tokens are under 8 KiB.
const maxToken = 64 << 10

// ErrNotJWT: the token is not a JWT (opaque, as Google's ya29. tokens are).
var ErrNotJWT = errors.New("not a JWT")

// Parse decodes a JWT access token without verifying its signature (only the issuer holds the
// key): header and claims. An opaque token gives ErrNotJWT.
func Parse(tok []byte) (alg string, c Claims, err error) {
	if len(tok) > maxToken {
		return "", c, fmt.Errorf("token of %d bytes: %w", len(tok), ErrNotJWT)
	}
	parts := bytes.Split(tok, []byte("."))
	if len(parts) != 3 && len(parts) != 5 { // 5: an encrypted JWE, which cannot be read
		return "", c, ErrNotJWT
	}
	if len(parts) == 5 {
		return "", c, fmt.Errorf("an encrypted token (JWE): %w", ErrNotJWT)
	}
	hdr, err := b64url(parts[0])
	if err != nil {
		return "", c, ErrNotJWT
	}
	var h struct {
		Alg string `json:"alg"`
		Typ string `json:"typ"`
	}
	if json.Unmarshal(hdr, &h) != nil || h.Alg == "" {
		return "", c, ErrNotJWT
	}
	body, err := b64url(parts[1])
	if err != nil {
		return h.Alg, c, fmt.Errorf("the token's claims are not base64url (cut off when copied?): %w", err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return h.Alg, c, fmt.Errorf("the token's claims are not JSON (cut off when copied?): %w", err)
	}
	str := func(k string) string {
		var s string
		json.Unmarshal(m[k], &s)
		return s
	}
	list := func(k string) []string {
		var l []string
		if json.Unmarshal(m[k], &l) == nil {
			return l
		}
		if s := str(k); s != "" {
			return strings.Fields(s)
		}
		return nil
	}
	when := func(k string) time.Time {
		var f float64
		if json.Unmarshal(m[k], &f) != nil || f <= 0 || f > math.MaxInt32*4 {
			return time.Time{}
		}
		return time.Unix(int64(f), 0).UTC()
	}
	c.Issuer, c.Subject = str("iss"), str("sub")
	c.Audience = list("aud")
	for _, k := range []string{"upn", "preferred_username", "email", "unique_name"} {
		if u := str(k); u != "" && !containsFold(c.Users, u) {
			c.Users = append(c.Users, u)
		}
	}
	c.Scopes = list("scp")
	if len(c.Scopes) == 0 {
		c.Scopes = list("scope")
	}
	c.Roles = list("roles")
	for _, k := range []string{"appid", "azp", "client_id"} {
		if c.AppID = str(k); c.AppID != "" {
			break
		}
	}
	c.Expires, c.NotBefore, c.IssuedAt = when("exp"), when("nbf"), when("iat")
	return h.Alg, c, nil
}

func b64url(b []byte) ([]byte, error) {
	return base64.RawURLEncoding.DecodeString(strings.TrimRight(string(b), "="))
}

// Clean strips what people paste around a token: spaces, quotes, a "Bearer " prefix. note says
// what was removed, "" if nothing.
func Clean(tok []byte) (out []byte, note string) {
	t := bytes.TrimSpace(tok)
	var did []string
	if len(t) >= 2 && (t[0] == '"' && t[len(t)-1] == '"' || t[0] == '\'' && t[len(t)-1] == '\'') {
		t = bytes.TrimSpace(t[1 : len(t)-1])
		did = append(did, "quotes")
	}
	if len(t) > 7 && strings.EqualFold(string(t[:7]), "bearer ") {
		t = bytes.TrimSpace(t[7:])
		did = append(did, `a "Bearer " prefix`)
	}
	if len(did) > 0 {
		note = "removed " + strings.Join(did, " and ") + " around the token"
	}
	return t, note
}

// Problem is one reason the token will be refused, found before any connection.
type Problem struct {
	Code     findings.Code
	Evidence string
}

// Verdict is what the offline check found for one protocol.
type Verdict struct {
	JWT      bool
	Claims   Claims
	Summary  string    // one line: issuer, audience, scopes, user, expiry
	Problems []Problem // most specific first
	Notes    []string  // what could not be checked, and why
}

// Skew is how far this machine's clock may be off before "not yet valid" is a token problem
// rather than a clock one; servers allow a few minutes too.
const Skew = 5 * time.Minute

// Check reads the token and compares it with what the provider's servers take (p, nil when the
// provider is unknown), for protocol proto ("imap", "pop3", "smtp") and login name user, at now.
func Check(tok []byte, p *Profile, proto, user string, now time.Time) Verdict {
	var v Verdict
	alg, c, err := Parse(tok)
	if err != nil {
		if errors.Is(err, ErrNotJWT) {
			v.Notes = append(v.Notes, opaqueNote(tok, p, err))
			return v
		}
		v.Problems = append(v.Problems, Problem{findings.AuthOAuthFailed, err.Error()})
		return v
	}
	v.JWT, v.Claims = true, c
	v.Summary = summary(alg, c, now)

	if !c.Expires.IsZero() && now.After(c.Expires) {
		v.Problems = append(v.Problems, Problem{findings.AuthOAuthTokenExpired,
			fmt.Sprintf("the token expired at %s, %s ago by this machine's clock (%s)",
				stamp(c.Expires), ago(now.Sub(c.Expires)), stamp(now))})
	}
	if !c.NotBefore.IsZero() && c.NotBefore.Sub(now) > Skew {
		v.Problems = append(v.Problems, Problem{findings.AuthOAuthTokenExpired,
			fmt.Sprintf("the token is not valid until %s, %s from now by this machine's clock (%s): the token is too new or this clock is behind",
				stamp(c.NotBefore), ago(c.NotBefore.Sub(now)), stamp(now))})
	} else if !c.NotBefore.IsZero() && c.NotBefore.After(now) {
		v.Notes = append(v.Notes, fmt.Sprintf("not valid for another %s: this clock is %s behind the issuer's, within tolerance", ago(c.NotBefore.Sub(now)), ago(c.NotBefore.Sub(now))))
	}
	if p != nil {
		if pr, ok := audienceProblem(c, p); ok {
			v.Problems = append(v.Problems, pr)
		}
		if pr, ok := scopeProblem(c, p, proto); ok {
			v.Problems = append(v.Problems, pr)
		}
	}
	if c.AppOnly() {
		v.Notes = append(v.Notes, fmt.Sprintf("an app-only token (roles %s, no user): the mailbox must grant the application access (Exchange: a service principal and mailbox permission)",
			strings.Join(c.Roles, " ")))
	} else if tu := c.User(); user != "" && tu != "" && !containsFold(c.Users, user) && !strings.EqualFold(c.Subject, user) {
		v.Problems = append(v.Problems, Problem{findings.AuthOAuthWrongUser,
			fmt.Sprintf("the token is for %s, but the login name is %s", tu, user)})
	}
	return v
}

func audienceProblem(c Claims, p *Profile) (Problem, bool) {
	if len(p.Issuers) > 0 && c.Issuer != "" && !hasPrefixFold(c.Issuer, p.Issuers) {
		return Problem{findings.AuthOAuthWrongAudience,
			fmt.Sprintf("the token was issued by %s, not by this provider (%s)", c.Issuer, strings.Join(p.Issuers, ", "))}, true
	}
	if len(p.Audiences) == 0 || len(c.Audience) == 0 {
		return Problem{}, false
	}
	for _, a := range c.Audience {
		for _, want := range p.Audiences {
			if sameAudience(a, want) {
				return Problem{}, false
			}
		}
	}
	got := strings.Join(c.Audience, ", ")
	for a, name := range p.WrongAudiences {
		if containsAudience(c.Audience, a) {
			got = fmt.Sprintf("%s (%s)", got, name)
			break
		}
	}
	return Problem{findings.AuthOAuthWrongAudience,
		fmt.Sprintf("the token is for %s; the mail servers take only %s", got, strings.Join(p.Audiences, " or "))}, true
}

func scopeProblem(c Claims, p *Profile, proto string) (Problem, bool) {
	table, have, kind := p.Scopes, c.Scopes, "scopes"
	if c.AppOnly() {
		table, have, kind = p.AppRoles, c.Roles, "roles"
	}
	need := table[proto]
	if need == nil {
		need = table["*"]
	}
	if len(need) == 0 {
		return Problem{}, false
	}
	for _, h := range have {
		for _, n := range need {
			if sameScope(h, n) {
				return Problem{}, false
			}
		}
	}
	return Problem{findings.AuthOAuthWrongScope,
		fmt.Sprintf("%s needs %s %s; the token has %s %s", strings.ToUpper(proto), kind[:len(kind)-1], strings.Join(need, " or "), kind, orNone(have))}, true
}

// sameScope compares scopes with or without their resource prefix:
// "https://outlook.office.com/IMAP.AccessAsUser.All" equals "IMAP.AccessAsUser.All".
func sameScope(a, b string) bool {
	short := func(s string) string {
		if i := strings.LastIndexByte(s, '/'); i >= 0 && i < len(s)-1 {
			return s[i+1:]
		}
		return s
	}
	return strings.EqualFold(a, b) || strings.EqualFold(short(a), short(b))
}

func sameAudience(a, b string) bool {
	return strings.EqualFold(strings.TrimRight(a, "/"), strings.TrimRight(b, "/"))
}

func containsAudience(l []string, a string) bool {
	for _, x := range l {
		if sameAudience(x, a) {
			return true
		}
	}
	return false
}

func opaqueNote(tok []byte, p *Profile, err error) string {
	if p != nil {
		for _, pre := range p.Opaque {
			if bytes.HasPrefix(tok, []byte(pre)) {
				return fmt.Sprintf("an opaque access token (%s…): its expiry, scope and user cannot be read here, only the server can check them", pre)
			}
		}
	}
	return fmt.Sprintf("the token is not a JWT (%v): its expiry, scope and user cannot be read here, only the server can check them", err)
}

func summary(alg string, c Claims, now time.Time) string {
	var parts []string
	if c.Issuer != "" {
		parts = append(parts, "issuer "+c.Issuer)
	}
	if len(c.Audience) > 0 {
		parts = append(parts, "audience "+strings.Join(c.Audience, " "))
	}
	if len(c.Scopes) > 0 {
		s := append([]string(nil), c.Scopes...)
		sort.Strings(s)
		parts = append(parts, "scopes "+strings.Join(s, " "))
	}
	if len(c.Roles) > 0 {
		parts = append(parts, "roles "+strings.Join(c.Roles, " "))
	}
	if u := c.User(); u != "" {
		parts = append(parts, "user "+u)
	}
	switch {
	case c.Expires.IsZero():
		parts = append(parts, "no expiry")
	case now.After(c.Expires):
		parts = append(parts, "expired "+ago(now.Sub(c.Expires))+" ago")
	default:
		parts = append(parts, "expires in "+ago(c.Expires.Sub(now)))
	}
	return "JWT (" + alg + "): " + strings.Join(parts, ", ")
}

func stamp(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05Z") }

// ago is a duration as people say it: "2h13m", "45s", "3d4h".
func ago(d time.Duration) string {
	d = d.Round(time.Second)
	days, h, m, sec := int(d/(24*time.Hour)), int(d/time.Hour)%24, int(d/time.Minute)%60, int(d/time.Second)%60
	switch {
	case days > 0:
		return fmt.Sprintf("%dd%dh", days, h)
	case h > 0:
		return fmt.Sprintf("%dh%02dm", h, m)
	case m > 0:
		return fmt.Sprintf("%dm%02ds", m, sec)
	}
	return fmt.Sprintf("%ds", sec)
}

func orNone(l []string) string {
	if len(l) == 0 {
		return "none"
	}
	return strings.Join(l, " ")
}

func containsFold(l []string, s string) bool {
	for _, x := range l {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func hasPrefixFold(s string, pre []string) bool {
	for _, p := range pre {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}
