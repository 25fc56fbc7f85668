package probes

import (
	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/probes/oauth"
)

// AuthKind is what a provider wants as the password; it sharpens a bare auth.failed.
type AuthKind string

const (
	// AuthPassword is the account's normal password.
	AuthPassword AuthKind = "password"
	// AuthAppPassword is a generated app-specific password (iCloud).
	AuthAppPassword AuthKind = "app-password"
	// AuthCode is a provider-generated client authorization code (授权码: QQ, 163, Sina…).
	AuthCode AuthKind = "authorization-code"
	// AuthOAuthOnly means password login is switched off: OAuth2 only (Outlook.com, Microsoft 365).
	AuthOAuthOnly AuthKind = "oauth-only"
	// AuthOAuthOrAppPassword accepts OAuth2 or an app password, never the web password (Gmail, Yahoo).
	AuthOAuthOrAppPassword AuthKind = "oauth-or-app-password"
)

// ProviderFacts are what the engine needs to know of the provider a run is about; the
// providers package fills them from providers.json, so no provider fact is written in Go here.
type ProviderFacts struct {
	Key  string
	Name findings.Text
	Auth AuthKind
	// Fixes are the provider's own fixes by finding code (its family's included).
	Fixes findings.Fixes
	// Closed is set for a discontinued service: when it ended, and who took its users.
	Closed, Successor string
	// Expected are the endpoints the database lists: a result that contradicts one is drift.
	Expected []Endpoint
	// OAuth is what the provider's tokens carry (issuer, audience, scopes); nil: not known.
	OAuth *oauth.Profile
}

// auth is the provider's password kind, "" when no provider is known.
func (p *ProviderFacts) auth() AuthKind {
	if p == nil {
		return ""
	}
	return p.Auth
}

// matchReply classifies one server reply of protocol p answering phase (findings.MatchReply).
func matchReply(p Proto, phase string, lines []string) (findings.Code, bool) {
	return findings.MatchReply(string(p), phase, lines)
}
