package cmd

import (
	"fmt"
	"strings"

	"github.com/mailcheck/mailcheck/probes/oauth"
)

// mechs are the values --auth-mech takes, and whether each carries a token.
var mechs = map[string]bool{"PLAIN": false, "LOGIN": false, oauth.XOAUTH2: true, oauth.OAUTHBEARER: true}

// token gets the OAuth2 access token from --oauth-token-stdin, --oauth-token-env VAR or
// MAILCHECK_OAUTH_TOKEN; never from argv. nil when none is given. What people paste around a
// token (quotes, "Bearer ") is removed, and said so on stderr.
func (g *globalOpts) token(io_ *IO) ([]byte, error) {
	var t []byte
	var err error
	switch {
	case g.tokenStdin && g.tokenEnv != "":
		return nil, usagef("--oauth-token-stdin and --oauth-token-env cannot be used together")
	case g.tokenStdin && g.passwordStdin:
		return nil, usagef("--oauth-token-stdin and --password-stdin cannot both read standard input")
	case g.tokenStdin:
		t, err = stdinSecret(g.ctx, io_, "--oauth-token-stdin", "an OAuth2 access token")
	case g.tokenEnv != "":
		t, err = envSecret(io_, "--oauth-token-env", g.tokenEnv)
	default:
		if v := io_.Getenv("MAILCHECK_OAUTH_TOKEN"); v != "" {
			t = []byte(v)
		}
	}
	if err != nil || t == nil {
		return nil, err
	}
	if len(t) > maxSecret {
		return nil, usagef("the OAuth2 token is longer than %d KiB; an access token is a few KiB", maxSecret>>10)
	}
	t, note := oauth.Clean(t)
	if note != "" {
		fmt.Fprintf(io_.Err, "mailcheck: %s\n", note)
	}
	if len(t) == 0 {
		return nil, usagef("the OAuth2 token is empty")
	}
	if err := checkLine("the OAuth2 token", t); err != nil {
		return nil, err
	}
	return t, nil
}

// authMech checks --auth-mech against what was given to log in with.
func (g *globalOpts) authMech(haveToken, havePassword bool) (string, error) {
	m := strings.ToUpper(strings.TrimSpace(g.authMechFlag))
	if m == "" {
		return "", nil
	}
	carries, ok := mechs[m]
	switch {
	case !ok:
		return "", usagef("--auth-mech %q: use PLAIN, LOGIN, XOAUTH2 or OAUTHBEARER", g.authMechFlag)
	case carries && !haveToken:
		return "", usagef("--auth-mech %s logs in with an OAuth2 token: give one with --oauth-token-env VAR or --oauth-token-stdin", m)
	case !carries && haveToken:
		return "", usagef("--auth-mech %s logs in with a password, but an OAuth2 token was given: use XOAUTH2 or OAUTHBEARER", m)
	case !carries && !havePassword:
		return "", usagef("--auth-mech %s needs a password (--password-env VAR or --password-stdin)", m)
	}
	return m, nil
}
