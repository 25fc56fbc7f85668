package testservers

import (
	"bufio"
	"crypto/tls"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// OAuth fixtures: every test runs in a synctest bubble, so time.Now() is the bubble's clock
// and expiry is exact.
var (
	testKey  = []byte("test-hs256-key")
	otherKey = []byte("another-key")
)

// gmailJSON is the decoded error challenge with the test scope.
func gmailJSON(status string) string {
	return `{"status":"` + status + `","schemes":"bearer","scope":"https://mail.google.com/"}`
}

const (
	testIssuer = "https://accounts.mail.test"
	testScope  = "https://mail.google.com/"
)

func testOAuth() *OAuthConfig {
	return &OAuthConfig{Key: slices.Clone(testKey), Issuer: testIssuer, Scope: testScope, RequiredScope: testScope}
}

// goodClaims are the claims of a token the test servers accept, valid for an hour from now.
func goodClaims() map[string]any {
	return map[string]any{"iss": testIssuer, "email": DefaultUser, "scope": testScope + " openid",
		"iat": time.Now().Unix(), "exp": time.Now().Add(time.Hour).Unix()}
}

func xoauth2IR(user, token string) string {
	return b64("user=" + user + "\x01auth=Bearer " + token + "\x01\x01")
}

func bearerIR(user, token string) string {
	return b64("n,a=" + user + ",\x01host=mail.test\x01port=587\x01auth=Bearer " + token + "\x01\x01")
}

func oauthIR(mech, user, token string) string {
	if mech == "OAUTHBEARER" {
		return bearerIR(user, token)
	}
	return xoauth2IR(user, token)
}

// errorAnswer is what a client sends after an error challenge.
func errorAnswer(mech string) string {
	if mech == "OAUTHBEARER" {
		return "AQ==" // a single %x01, RFC 7628 3.2.3
	}
	return ""
}

// The replies each engine gives, by protocol; IMAP commands are tagged a1.
var (
	oauthCont        = map[string]string{"smtp": "334 ", "pop3": "+ ", "imap": "+ "}
	oauthSuccess     = map[string]string{"smtp": "235 2.7.0 Authentication successful", "pop3": "+OK Logged in.", "imap": "a1" + imapLoggedIn}
	oauthFinal       = map[string]string{"smtp": "535 5.7.8 Username and Password not accepted", "pop3": "-ERR [AUTH] Invalid credentials", "imap": "a1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)"}
	oauthCancelReply = map[string]string{"smtp": "501 5.7.0 Authentication cancelled", "pop3": "-ERR Authentication cancelled.", "imap": "a1 BAD Authentication aborted by client."}
	protos           = []string{"smtp", "pop3", "imap"}
	mechs            = []string{"XOAUTH2", "OAUTHBEARER"}
)

// oauthUsers are the accounts of oauthSession's servers: a token for the other one is not
// good for DefaultUser.
var oauthUsers = map[string]string{DefaultUser: DefaultPassword, "other@mail.test": "other-pass"}

// oauthSession starts a server over a Pipe and reads the greeting (and, for SMTP, the EHLO
// reply), so the next line sent can be the AUTH/AUTHENTICATE command. It returns the greeting
// or EHLO reply joined by "|".
func oauthSession(t *testing.T, proto string, o *OAuthConfig, f Faults) (*Server, *client, string) {
	t.Helper()
	ca := testCA(t)
	s := newT(t, Config{Proto: proto, OAuth: o, Faults: f, Users: oauthUsers}, ca)
	c := dialPipe(t, s)
	if f.ImplicitTLS {
		tc := tls.Client(c.c, tlsConfig(ca))
		c.c, c.r = tc, bufio.NewReader(tc)
	}
	first := c.line()
	if proto == "smtp" {
		first = c.cmd("EHLO client.test")
	}
	return s, c, first
}

// authCmd is the command that starts an OAuth exchange; ir "" sends none.
func authCmd(proto, mech, ir string) string {
	cmd := "AUTH " + mech
	if proto == "imap" {
		cmd = "a1 AUTHENTICATE " + mech
	}
	if ir != "" {
		cmd += " " + ir
	}
	return cmd
}

// startAuth sends the auth command with the initial response, or without it and then the
// response after the empty continuation, and returns the server's next line.
func startAuth(c *client, proto, mech, ir string, withIR bool) string {
	c.t.Helper()
	if withIR {
		return c.line2(authCmd(proto, mech, ir))
	}
	want(c.t, "continuation", c.line2(authCmd(proto, mech, "")), oauthCont[proto])
	return c.line2(ir)
}

// challengeJSON decodes an error challenge line ("334 B64" / "+ B64").
func challengeJSON(t *testing.T, proto, line string) string {
	t.Helper()
	b, ok := strings.CutPrefix(line, oauthCont[proto])
	if !ok || b == "" {
		t.Fatalf("got %q, want an error challenge %q+base64", line, oauthCont[proto])
	}
	raw, err := base64.StdEncoding.DecodeString(b)
	if err != nil {
		t.Fatalf("challenge %q: %v", b, err)
	}
	if !json.Valid(raw) {
		t.Fatalf("challenge %q is not JSON", raw)
	}
	return string(raw)
}

// checkLoggedIn runs one command only an authenticated session may.
func checkLoggedIn(t *testing.T, c *client, proto string) {
	t.Helper()
	switch proto {
	case "smtp":
		want(t, "MAIL after AUTH", c.cmd("MAIL FROM:<"+DefaultUser+">"), "250 2.1.0 Ok")
		want(t, "RCPT to elsewhere", c.cmd("RCPT TO:<x@example.com>"), "250 2.1.5 Ok") // relaying needs a login
	case "pop3":
		msgs := DefaultMessages()
		want(t, "STAT", c.line2("STAT"), fmt.Sprintf("+OK 2 %d", len(msgs[0])+len(msgs[1])))
	case "imap":
		want(t, "EXAMINE", c.icmd("a2 EXAMINE INBOX"), selectReply("a2", 2, true))
	}
}

func TestMintToken(t *testing.T) {
	tok := MintToken(testKey, map[string]any{"sub": "x", "exp": 5})
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		t.Fatalf("MintToken = %q, want three parts", tok)
	}
	h, _ := base64.RawURLEncoding.DecodeString(parts[0])
	p, _ := base64.RawURLEncoding.DecodeString(parts[1])
	want(t, "header", string(h), `{"alg":"HS256","typ":"JWT"}`)
	want(t, "payload", string(p), `{"exp":5,"sub":"x"}`)
	if claims, ok := verifyHS256(testKey, tok); !ok || claims["sub"] != "x" {
		t.Errorf("verifyHS256(own token) = %v, %v", claims, ok)
	}
	if _, ok := verifyHS256(otherKey, tok); ok {
		t.Errorf("verifyHS256 accepted a token signed with another key")
	}
	if _, ok := verifyHS256(testKey, tok+"x"); ok {
		t.Errorf("verifyHS256 accepted a changed signature")
	}
}

// TestOAuthLogin: a good token logs in on every protocol, with both mechanisms, with and
// without an initial response (IMAP without SASL-IR: "+ " then the message).
func TestOAuthLogin(t *testing.T) {
	for _, proto := range protos {
		for _, mech := range mechs {
			for _, withIR := range []bool{true, false} {
				t.Run(fmt.Sprintf("%s/%s/ir=%v", proto, mech, withIR), func(t *testing.T) {
					synctest.Test(t, func(t *testing.T) {
						s, c, _ := oauthSession(t, proto, testOAuth(), Faults{})
						ir := oauthIR(mech, DefaultUser, MintToken(testKey, goodClaims()))
						want(t, "auth", startAuth(c, proto, mech, ir, withIR), oauthSuccess[proto])
						checkLoggedIn(t, c, proto)
						if n := len(s.OAuthAnswers()); n != 0 {
							t.Errorf("OAuthAnswers has %d lines, want none (no challenge)", n)
						}
					})
				})
			}
		}
	}
}

// TestOAuthLoginVariants: the ways a correct client message may differ from the plain form.
func TestOAuthLoginVariants(t *testing.T) {
	users := map[string]string{DefaultUser: DefaultPassword, "a,b=c@mail.test": "x"}
	tests := []struct {
		name   string
		oauth  func(*OAuthConfig)
		claims func(map[string]any)
		mech   string
		msg    func(token string) string // the decoded client message
	}{
		{"oauthbearer without authzid takes the token's user", nil, nil, "OAUTHBEARER",
			func(tok string) string { return "n,,\x01auth=Bearer " + tok + "\x01\x01" }},
		{"oauthbearer escaped saslname", nil, func(c map[string]any) { c["email"] = "a,b=c@mail.test" }, "OAUTHBEARER",
			func(tok string) string { return "n,a=a=2Cb=3Dc@mail.test,\x01auth=Bearer " + tok + "\x01\x01" }},
		{"oauthbearer y flag, keys reordered, unknown key", nil, nil, "OAUTHBEARER",
			func(tok string) string {
				return "y,a=" + DefaultUser + ",\x01auth=Bearer " + tok + "\x01port=993\x01mthd=POST\x01host=mail.test\x01\x01"
			}},
		{"xoauth2 user in other case, scheme in lower case", nil, nil, "XOAUTH2",
			func(tok string) string { return "user=USER@Mail.Test\x01auth=bearer " + tok + "\x01\x01" }},
		{"sub when no email", nil, func(c map[string]any) { delete(c, "email"); c["sub"] = DefaultUser }, "XOAUTH2",
			func(tok string) string { return "user=" + DefaultUser + "\x01auth=Bearer " + tok + "\x01\x01" }},
		{"microsoft scp", func(o *OAuthConfig) { o.RequiredScope = "SMTP.Send" },
			func(c map[string]any) { delete(c, "scope"); c["scp"] = "IMAP.AccessAsUser.All SMTP.Send" }, "XOAUTH2",
			func(tok string) string { return "user=" + DefaultUser + "\x01auth=Bearer " + tok + "\x01\x01" }},
		{"scope as array, no issuer or scope required, no exp", func(o *OAuthConfig) { o.Issuer, o.RequiredScope = "", "" },
			func(c map[string]any) { delete(c, "iss"); delete(c, "exp"); c["scope"] = []string{"a", "b"} }, "XOAUTH2",
			func(tok string) string { return "user=" + DefaultUser + "\x01auth=Bearer " + tok + "\x01\x01" }},
	}
	for _, tt := range tests {
		for _, proto := range protos {
			t.Run(tt.name+"/"+proto, func(t *testing.T) {
				synctest.Test(t, func(t *testing.T) {
					o := testOAuth()
					if tt.oauth != nil {
						tt.oauth(o)
					}
					s := newT(t, Config{Proto: proto, OAuth: o, Users: users}, testCA(t))
					c := dialPipe(t, s)
					c.line()
					if proto == "smtp" {
						c.cmd("EHLO client.test")
					}
					claims := goodClaims()
					if tt.claims != nil {
						tt.claims(claims)
					}
					ir := b64(tt.msg(MintToken(testKey, claims)))
					want(t, "auth", c.line2(authCmd(proto, tt.mech, ir)), oauthSuccess[proto])
				})
			})
		}
	}
}

// TestOAuthRefused: every refused token gets the error challenge with the right JSON, the
// client's one answer is read and recorded, and then the final failure comes.
func TestOAuthRefused(t *testing.T) {
	noneToken := func() string {
		enc := base64.RawURLEncoding
		payload, _ := json.Marshal(goodClaims())
		signed := enc.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`)) + "." + enc.EncodeToString(payload)
		return signed + "." + enc.EncodeToString(hs256(testKey, signed))
	}
	tests := []struct {
		name   string
		oauth  func(*OAuthConfig)
		key    []byte
		claims func(map[string]any)
		token  func() string // instead of a minted token
		user   string        // the user the message names; "" = DefaultUser
		wait   time.Duration // fake time that passes between minting and sending
		want   string        // the decoded challenge
	}{
		{name: "expired", wait: time.Hour, want: gmailJSON("invalid_token")}, // exp is exclusive
		{name: "not yet valid", claims: func(c map[string]any) { c["nbf"] = time.Now().Add(time.Minute).Unix() }, want: gmailJSON("invalid_token")},
		{name: "exp not a number", claims: func(c map[string]any) { c["exp"] = "tomorrow" }, want: gmailJSON("invalid_token")},
		{name: "wrong key", key: otherKey, want: gmailJSON("invalid_token")},
		{name: "wrong user", claims: func(c map[string]any) { c["email"] = "other@mail.test" }, want: gmailJSON("invalid_token")},
		{name: "no such account", claims: func(c map[string]any) { c["email"] = "nobody@mail.test" }, user: "nobody@mail.test", want: gmailJSON("invalid_token")},
		{name: "wrong issuer", claims: func(c map[string]any) { c["iss"] = "https://login.example" }, want: gmailJSON("invalid_token")},
		{name: "no issuer", claims: func(c map[string]any) { delete(c, "iss") }, want: gmailJSON("invalid_token")},
		{name: "missing scope", claims: func(c map[string]any) { c["scope"] = "openid email" }, want: gmailJSON("insufficient_scope")},
		{name: "opaque token", token: func() string { return "ya29.a0AfH6SMBopaque" }, want: gmailJSON("invalid_token")},
		{name: "alg none", token: noneToken, want: gmailJSON("invalid_token")},
		{name: "numeric status, bad token", oauth: func(o *OAuthConfig) { o.NumericStatus = true }, key: otherKey, want: gmailJSON("401")},
		{name: "numeric status, scope", oauth: func(o *OAuthConfig) { o.NumericStatus = true },
			claims: func(c map[string]any) { delete(c, "scope") }, want: gmailJSON("400")},
		{name: "no scope configured", oauth: func(o *OAuthConfig) { o.Scope = "" }, key: otherKey, want: `{"status":"invalid_token","schemes":"bearer"}`},
	}
	for _, tt := range tests {
		for _, proto := range protos {
			for _, mech := range mechs {
				t.Run(fmt.Sprintf("%s/%s/%s", tt.name, proto, mech), func(t *testing.T) {
					synctest.Test(t, func(t *testing.T) {
						o := testOAuth()
						if tt.oauth != nil {
							tt.oauth(o)
						}
						claims, key := goodClaims(), testKey
						if tt.claims != nil {
							tt.claims(claims)
						}
						if tt.key != nil {
							key = tt.key
						}
						token := MintToken(key, claims)
						if tt.token != nil {
							token = tt.token()
						}
						user := DefaultUser
						if tt.user != "" {
							user = tt.user
						}
						time.Sleep(tt.wait) // before connecting: the server hangs up on an idle client
						s, c, _ := oauthSession(t, proto, o, Faults{})
						ch := c.line2(authCmd(proto, mech, oauthIR(mech, user, token)))
						want(t, "challenge", challengeJSON(t, proto, ch), tt.want)
						want(t, "final reply", c.line2(errorAnswer(mech)), oauthFinal[proto])
						if got := s.OAuthAnswers(); len(got) != 1 || got[0] != errorAnswer(mech) {
							t.Errorf("OAuthAnswers = %q, want [%q]", got, errorAnswer(mech))
						}
						want(t, "LastOAuthAnswer", s.LastOAuthAnswer(), errorAnswer(mech))
						// The session goes on: a good token still logs in.
						ok := oauthIR(mech, DefaultUser, MintToken(testKey, goodClaims()))
						want(t, "auth after failure", c.line2(authCmd(proto, mech, ok)), oauthSuccess[proto])
					})
				})
			}
		}
	}
}

// TestOAuthExpiryBoundary: a token is good until its exp second and refused from then on, on
// the bubble's clock.
func TestOAuthExpiryBoundary(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newT(t, Config{Proto: "smtp", OAuth: testOAuth()}, testCA(t))
		token := MintToken(testKey, goodClaims())
		ir := xoauth2IR(DefaultUser, token)
		time.Sleep(time.Hour - time.Second)
		c := dialPipe(t, s)
		c.line()
		c.cmd("EHLO client.test")
		want(t, "a second before exp", c.cmd(authCmd("smtp", "XOAUTH2", ir)), oauthSuccess["smtp"])
		time.Sleep(time.Second)
		c = dialPipe(t, s)
		c.line()
		c.cmd("EHLO client.test")
		want(t, "at exp", challengeJSON(t, "smtp", c.line2(authCmd("smtp", "XOAUTH2", ir))), gmailJSON("invalid_token"))
	})
}

// TestOAuthCancel: "*" after the error challenge cancels the exchange in each protocol's words.
func TestOAuthCancel(t *testing.T) {
	for _, proto := range protos {
		for _, withIR := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/ir=%v", proto, withIR), func(t *testing.T) {
				synctest.Test(t, func(t *testing.T) {
					s, c, _ := oauthSession(t, proto, testOAuth(), Faults{})
					ir := xoauth2IR(DefaultUser, MintToken(otherKey, goodClaims()))
					challengeJSON(t, proto, startAuth(c, proto, "XOAUTH2", ir, withIR))
					want(t, "cancel", c.line2("*"), oauthCancelReply[proto])
					want(t, "LastOAuthAnswer", s.LastOAuthAnswer(), "*")
				})
			})
			// "*" instead of the client message, before any challenge.
			t.Run(proto+"/cancel at the continuation", func(t *testing.T) {
				synctest.Test(t, func(t *testing.T) {
					s, c, _ := oauthSession(t, proto, testOAuth(), Faults{})
					want(t, "continuation", c.line2(authCmd(proto, "OAUTHBEARER", "")), oauthCont[proto])
					want(t, "cancel", c.line2("*"), oauthCancelReply[proto])
					if n := len(s.OAuthAnswers()); n != 0 {
						t.Errorf("OAuthAnswers has %d lines, want none", n)
					}
				})
			})
		}
	}
}

// TestOAuthSyntax: a malformed SASL message gets the protocol's syntax error, no challenge.
func TestOAuthSyntax(t *testing.T) {
	tok := "x.y.z"
	msgs := []struct{ name, mech, msg string }{
		{"xoauth2 without auth", "XOAUTH2", "user=" + DefaultUser + "\x01\x01"},
		{"xoauth2 without user", "XOAUTH2", "auth=Bearer " + tok + "\x01\x01"},
		{"xoauth2 not bearer", "XOAUTH2", "user=" + DefaultUser + "\x01auth=Basic " + tok + "\x01\x01"},
		{"xoauth2 unterminated", "XOAUTH2", "user=" + DefaultUser + "\x01auth=Bearer " + tok},
		{"xoauth2 pair without =", "XOAUTH2", "user=" + DefaultUser + "\x01junk\x01auth=Bearer " + tok + "\x01\x01"},
		{"oauthbearer no gs2 header", "OAUTHBEARER", "auth=Bearer " + tok + "\x01\x01"},
		{"oauthbearer channel binding", "OAUTHBEARER", "p=tls-unique,a=" + DefaultUser + ",\x01auth=Bearer " + tok + "\x01\x01"},
		{"oauthbearer bad escape", "OAUTHBEARER", "n,a=a=2Xb,\x01auth=Bearer " + tok + "\x01\x01"},
		{"oauthbearer empty token", "OAUTHBEARER", "n,,\x01auth=Bearer \x01\x01"},
	}
	wantReply := map[string]func(mech string) string{
		"smtp": func(m string) string { return "501 5.5.2 Error: malformed " + m + " response" },
		"pop3": func(m string) string { return "-ERR [AUTH] Invalid " + m + " response." },
		"imap": func(m string) string { return "a1 BAD Invalid " + m + " response." },
	}
	badB64 := map[string]string{"smtp": "501 5.5.2 Error: invalid base64 data", "pop3": "-ERR Invalid base64 data.", "imap": "a1 BAD Invalid base64 data."}
	for _, proto := range protos {
		t.Run(proto, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s, c, _ := oauthSession(t, proto, testOAuth(), Faults{})
				for _, m := range msgs {
					want(t, m.name, c.line2(authCmd(proto, m.mech, b64(m.msg))), wantReply[proto](m.mech))
				}
				want(t, "bad base64", c.line2(authCmd(proto, "XOAUTH2", "!!!")), badB64[proto])
				if n := len(s.OAuthAnswers()); n != 0 {
					t.Errorf("OAuthAnswers has %d lines, want none", n)
				}
			})
		})
	}
}

// TestOAuthAdvertised: what each protocol offers with OAuth on, with OnlyOAuth, and with one
// mechanism; and that password logins are refused under OnlyOAuth.
func TestOAuthAdvertised(t *testing.T) {
	only := testOAuth()
	only.OnlyOAuth = true
	xo := testOAuth()
	xo.Mechs = []string{"XOAUTH2"}
	const capsTail = "SASL-IR ID LITERAL+ IDLE NAMESPACE"
	tests := []struct {
		name  string
		proto string
		oauth *OAuthConfig
		f     Faults
		first string // greeting, or EHLO reply for SMTP
		steps []step
		login bool // a good token logs in after the steps
	}{
		{"smtp oauth", "smtp", testOAuth(), Faults{}, ehloHead + "|250-STARTTLS|250-AUTH PLAIN LOGIN XOAUTH2 OAUTHBEARER|250 SMTPUTF8", []step{
			{"AUTH PLAIN " + plainIR, "235 2.7.0 Authentication successful", false},
		}, false},
		{"smtp only oauth", "smtp", only, Faults{}, ehloHead + "|250-STARTTLS|250-AUTH XOAUTH2 OAUTHBEARER|250 SMTPUTF8", []step{
			{"AUTH PLAIN " + plainIR, "504 5.5.4 Unrecognized authentication type", false},
			{"AUTH LOGIN", "504 5.5.4 Unrecognized authentication type", false},
			{"AUTH XOAUTH", "504 5.5.4 Unrecognized authentication type", false},
		}, true},
		{"smtp one mechanism", "smtp", xo, Faults{}, ehloHead + "|250-STARTTLS|250-AUTH PLAIN LOGIN XOAUTH2|250 SMTPUTF8", []step{
			{"AUTH OAUTHBEARER", "504 5.5.4 Unrecognized authentication type", false},
		}, true},
		{"smtp tls required", "smtp", only, Faults{RequireTLSForAuth: true}, ehloHead + "|250-STARTTLS|250 SMTPUTF8", []step{
			{"AUTH XOAUTH2", "530 5.7.0 Must issue a STARTTLS command first", false},
		}, false},
		{"pop3 oauth", "pop3", testOAuth(), Faults{}, "+OK POP3 server ready <*", []step{
			{"CAPA", "+OK Capability list follows|TOP|UIDL|USER|SASL PLAIN XOAUTH2 OAUTHBEARER|RESP-CODES|AUTH-RESP-CODE|PIPELINING|STLS|IMPLEMENTATION mailcheck-testservers|.", false},
			{"AUTH", "+OK|PLAIN|XOAUTH2|OAUTHBEARER|.", false},
		}, true},
		{"pop3 only oauth", "pop3", only, Faults{}, "+OK POP3 server ready <*", []step{
			{"CAPA", "+OK Capability list follows|TOP|UIDL|SASL XOAUTH2 OAUTHBEARER|RESP-CODES|AUTH-RESP-CODE|PIPELINING|STLS|IMPLEMENTATION mailcheck-testservers|.", false},
			{"AUTH", "+OK|XOAUTH2|OAUTHBEARER|.", false},
			{"USER " + DefaultUser, pop3NoPassword, false},
			{"PASS " + DefaultPassword, pop3NoPassword, false},
			{"APOP " + DefaultUser + " 0123456789abcdef0123456789abcdef", pop3NoPassword, false},
			{"AUTH PLAIN " + plainIR, "-ERR Unsupported authentication mechanism.", false},
		}, true},
		{"pop3 one mechanism", "pop3", xo, Faults{ImplicitTLS: true}, "+OK POP3 server ready <*", []step{
			{"AUTH", "+OK|PLAIN|XOAUTH2|.", false},
			{"AUTH OAUTHBEARER", "-ERR Unsupported authentication mechanism.", false},
		}, true},
		{"pop3 tls required", "pop3", only, Faults{RequireTLSForAuth: true}, "+OK POP3 server ready <*", []step{
			{"CAPA", "+OK Capability list follows|TOP|UIDL|RESP-CODES|AUTH-RESP-CODE|PIPELINING|STLS|IMPLEMENTATION mailcheck-testservers|.", false},
			{"AUTH XOAUTH2", pop3Plaintext, false},
		}, false},
		{"imap oauth", "imap", testOAuth(), Faults{}, imapGreeting("IMAP4rev1 STARTTLS AUTH=PLAIN AUTH=XOAUTH2 AUTH=OAUTHBEARER " + capsTail), []step{
			{"a1 " + imapLogin, "a1" + imapLoggedIn, false},
		}, false},
		{"imap only oauth, even on tls", "imap", only, Faults{ImplicitTLS: true}, imapGreeting("IMAP4rev1 AUTH=XOAUTH2 AUTH=OAUTHBEARER LOGINDISABLED " + capsTail), []step{
			{"a1 CAPABILITY", "* CAPABILITY IMAP4rev1 AUTH=XOAUTH2 AUTH=OAUTHBEARER LOGINDISABLED " + capsTail + "|a1 OK Capability completed.", false},
			{"a2 " + imapLogin, "a2 " + imapLoginDisabled, false},
			{"a3 AUTHENTICATE PLAIN " + plainIR, "a3 NO [CANNOT] Unsupported authentication mechanism.", false},
			{"a4 AUTHENTICATE PLAIN", "a4 NO [CANNOT] Unsupported authentication mechanism.", false},
		}, true},
		{"imap only oauth, plaintext", "imap", only, Faults{}, imapGreeting("IMAP4rev1 STARTTLS AUTH=XOAUTH2 AUTH=OAUTHBEARER LOGINDISABLED " + capsTail), nil, true},
		{"imap one mechanism", "imap", xo, Faults{}, imapGreeting("IMAP4rev1 STARTTLS AUTH=PLAIN AUTH=XOAUTH2 " + capsTail), []step{
			{"a1 AUTHENTICATE OAUTHBEARER", "a1 NO [CANNOT] Unsupported authentication mechanism.", false},
		}, true},
		{"imap tls required", "imap", only, Faults{RequireTLSForAuth: true}, imapGreeting("IMAP4rev1 STARTTLS LOGINDISABLED " + capsTail), []step{
			{"a1 AUTHENTICATE XOAUTH2", "a1" + " NO [PRIVACYREQUIRED] Plaintext authentication disallowed", false},
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				_, c, first := oauthSession(t, tt.proto, tt.oauth, tt.f)
				if p, ok := strings.CutSuffix(tt.first, "*"); ok {
					wantPrefix(t, "greeting", first, p)
				} else {
					want(t, "greeting", first, tt.first)
				}
				for i, st := range tt.steps {
					var got string
					switch {
					case tt.proto == "smtp":
						got = c.cmd(st.send)
					case tt.proto == "imap":
						got = c.icmd(st.send)
					case st.send == "CAPA" || st.send == "AUTH":
						c.send(st.send)
						got = strings.Join(append([]string{c.line()}, append(c.multi(), ".")...), "|")
					default:
						got = c.line2(st.send)
					}
					want(t, fmt.Sprintf("step %d %q", i, st.send), got, st.want)
				}
				if !tt.login {
					return
				}
				// Whatever else is refused, a good token logs in.
				ir := xoauth2IR(DefaultUser, MintToken(testKey, goodClaims()))
				want(t, "oauth login", c.line2(authCmd(tt.proto, "XOAUTH2", ir)), oauthSuccess[tt.proto])
			})
		})
	}
}

// TestOAuthFaults: the existing faults that apply to a login apply to an OAuth one too.
func TestOAuthFaults(t *testing.T) {
	good := func() string { return xoauth2IR(DefaultUser, MintToken(testKey, goodClaims())) }
	t.Run("latency before the challenge", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			s := newT(t, Config{Proto: "smtp", OAuth: testOAuth(), Latency: 1500 * time.Millisecond}, testCA(t))
			c := dialPipe(t, s)
			c.line()
			c.cmd("EHLO client.test")
			start := time.Now()
			challengeJSON(t, "smtp", c.line2(authCmd("smtp", "XOAUTH2", xoauth2IR(DefaultUser, MintToken(otherKey, goodClaims())))))
			if d := time.Since(start); d != 1500*time.Millisecond {
				t.Errorf("challenge after %v, want the 1.5s latency", d)
			}
		})
	})
	tests := []struct {
		name  string
		proto string
		f     Faults
		want  string
	}{
		{"smtp auth reject", "smtp", Faults{AuthReject: "535 5.7.3 Authentication unsuccessful"}, "535 5.7.3 Authentication unsuccessful"},
		{"smtp success code", "smtp", Faults{SMTPAuthSuccessCode: 250}, "250 2.7.0 Authentication successful"},
		{"imap auth reject", "imap", Faults{AuthReject: "NO AUTHENTICATE failed."}, "a1 NO AUTHENTICATE failed."},
		{"pop3 auth reject", "pop3", Faults{AuthReject: "-ERR Authentication failure: unknown user name or bad password."}, "-ERR Authentication failure: unknown user name or bad password."},
		{"pop3 in use", "pop3", Faults{InUse: true}, "-ERR [IN-USE] Mailbox is locked by another POP3 session"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				_, c, _ := oauthSession(t, tt.proto, testOAuth(), tt.f)
				want(t, "reply", c.line2(authCmd(tt.proto, "XOAUTH2", good())), tt.want)
			})
		})
	}
	t.Run("pop3 cancel code", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			_, c, _ := oauthSession(t, "pop3", testOAuth(), Faults{AuthCancelCode: 1})
			challengeJSON(t, "pop3", c.line2(authCmd("pop3", "XOAUTH2", xoauth2IR(DefaultUser, "bad"))))
			want(t, "cancel", c.line2("*"), "+OK Authentication cancelled.")
		})
	})
}

// TestOAuthConfigCopied: New keeps its own copy, and refuses an empty key.
func TestOAuthConfigCopied(t *testing.T) {
	if _, err := New(Config{Proto: "smtp", OAuth: &OAuthConfig{}}, testCA(t)); err == nil {
		t.Errorf("New with an empty OAuth key: no error")
	}
	synctest.Test(t, func(t *testing.T) {
		o := testOAuth()
		s := newT(t, Config{Proto: "smtp", OAuth: o}, testCA(t))
		o.Key[0] ^= 0xff
		o.Issuer = "changed"
		c := dialPipe(t, s)
		c.line()
		c.cmd("EHLO client.test")
		ir := xoauth2IR(DefaultUser, MintToken([]byte("test-hs256-key"), goodClaims()))
		want(t, "auth", c.line2(authCmd("smtp", "XOAUTH2", ir)), oauthSuccess["smtp"])
	})
}
