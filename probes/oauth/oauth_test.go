package oauth

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// jwt builds an unsigned-looking JWT (the signature is never checked offline).
func jwt(t *testing.T, claims map[string]any) []byte {
	t.Helper()
	h := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"RS256","typ":"JWT"}`))
	b, err := json.Marshal(claims)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(h + "." + base64.RawURLEncoding.EncodeToString(b) + ".c2ln")
}

var now = time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)

// microsoft mirrors the shape of providers.json's Microsoft profile.
var microsoft = &Profile{
	Issuers:        []string{"https://sts.windows.net/", "https://login.microsoftonline.com/"},
	Audiences:      []string{"https://outlook.office.com", "https://outlook.office365.com"},
	WrongAudiences: map[string]string{"00000003-0000-0000-c000-000000000000": "Microsoft Graph"},
	Scopes:         map[string][]string{"imap": {"IMAP.AccessAsUser.All"}, "pop3": {"POP.AccessAsUser.All"}, "smtp": {"SMTP.Send"}},
	AppRoles:       map[string][]string{"imap": {"IMAP.AccessAsApp"}, "pop3": {"POP.AccessAsApp"}, "smtp": {"SMTP.SendAsApp"}},
}

var google = &Profile{Issuers: []string{"https://accounts.google.com"}, Scopes: map[string][]string{"*": {"https://mail.google.com/"}}, Opaque: []string{"ya29."}}

func TestCheck(t *testing.T) {
	good := map[string]any{"iss": "https://sts.windows.net/tid/", "aud": "https://outlook.office.com",
		"scp": "IMAP.AccessAsUser.All SMTP.Send", "upn": "alice@contoso.com",
		"exp": now.Add(time.Hour).Unix(), "nbf": now.Add(-time.Minute).Unix()}
	with := func(kv ...any) map[string]any {
		m := map[string]any{}
		for k, v := range good {
			m[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			if kv[i+1] == nil {
				delete(m, kv[i].(string))
				continue
			}
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	cases := []struct {
		name    string
		tok     []byte
		prof    *Profile
		proto   string
		user    string
		want    findings.Code // "" = no problem
		inEvid  string
		inNotes string
	}{
		{"valid imap", jwt(t, good), microsoft, "imap", "alice@contoso.com", "", "", ""},
		{"valid smtp, user case differs", jwt(t, good), microsoft, "smtp", "Alice@Contoso.com", "", "", ""},
		{"expired", jwt(t, with("exp", now.Add(-2*time.Hour-13*time.Minute).Unix())), microsoft, "imap", "alice@contoso.com",
			findings.AuthOAuthTokenExpired, "expired at 2026-12-03 09:47:00Z, 2h13m ago", ""},
		{"not yet valid beyond skew", jwt(t, with("nbf", now.Add(20*time.Minute).Unix())), microsoft, "imap", "",
			findings.AuthOAuthTokenExpired, "not valid until 2026-12-03 12:20:00Z, 20m00s from now", ""},
		{"not yet valid within skew", jwt(t, with("nbf", now.Add(2*time.Minute).Unix())), microsoft, "imap", "", "", "", "within tolerance"},
		{"graph audience", jwt(t, with("aud", "00000003-0000-0000-c000-000000000000", "scp", "Mail.Read")), microsoft, "imap", "",
			findings.AuthOAuthWrongAudience, "Microsoft Graph", ""},
		{"google token at microsoft", jwt(t, with("iss", "https://accounts.google.com")), microsoft, "imap", "",
			findings.AuthOAuthWrongAudience, "issued by https://accounts.google.com", ""},
		{"pop3 scope missing", jwt(t, good), microsoft, "pop3", "", findings.AuthOAuthWrongScope, "needs scope POP.AccessAsUser.All", ""},
		{"scope with resource prefix", jwt(t, with("scp", "https://outlook.office.com/POP.AccessAsUser.All")), microsoft, "pop3", "", "", "", ""},
		{"wrong user", jwt(t, good), microsoft, "imap", "bob@contoso.com", findings.AuthOAuthWrongUser, "for alice@contoso.com, but the login name is bob@contoso.com", ""},
		{"app-only with role", jwt(t, with("scp", nil, "upn", nil, "roles", []string{"IMAP.AccessAsApp"})), microsoft, "imap", "shared@contoso.com", "", "", "app-only"},
		{"app-only lacking smtp role", jwt(t, with("scp", nil, "upn", nil, "roles", []string{"IMAP.AccessAsApp"})), microsoft, "smtp", "",
			findings.AuthOAuthWrongScope, "needs role SMTP.SendAsApp", ""},
		{"gmail scope", jwt(t, map[string]any{"iss": "https://accounts.google.com", "scope": "https://www.googleapis.com/auth/gmail.readonly", "email": "a@gmail.com", "exp": now.Add(time.Hour).Unix()}),
			google, "imap", "a@gmail.com", findings.AuthOAuthWrongScope, "https://mail.google.com/", ""},
		{"opaque google token", []byte("ya29.a0AfB_byC-opaque"), google, "imap", "", "", "", "opaque access token (ya29.…)"},
		{"opaque unknown", []byte("EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA"), nil, "imap", "", "", "", "not a JWT"},
		{"truncated claims", []byte("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL3N0cy53aW5.c2ln"), microsoft, "imap", "",
			findings.AuthOAuthFailed, "cut off", ""},
		{"no provider: only dates and user", jwt(t, with("aud", "whatever", "scp", "x")), nil, "imap", "alice@contoso.com", "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := Check(c.tok, c.prof, c.proto, c.user, now)
			if c.want == "" {
				if len(v.Problems) > 0 {
					t.Fatalf("problems %+v, want none", v.Problems)
				}
			} else {
				if len(v.Problems) == 0 || v.Problems[0].Code != c.want {
					t.Fatalf("problems %+v, want %s first", v.Problems, c.want)
				}
				if !strings.Contains(v.Problems[0].Evidence, c.inEvid) {
					t.Errorf("evidence %q lacks %q", v.Problems[0].Evidence, c.inEvid)
				}
			}
			if c.inNotes != "" && !strings.Contains(strings.Join(v.Notes, "|"), c.inNotes) {
				t.Errorf("notes %q lack %q", v.Notes, c.inNotes)
			}
		})
	}
}

func TestMessages(t *testing.T) {
	tok := []byte("tok123")
	x, _ := base64.StdEncoding.DecodeString(InitialResponse(XOAUTH2, "a@b.c", "imap.b.c", 993, tok))
	if string(x) != "user=a@b.c\x01auth=Bearer tok123\x01\x01" {
		t.Errorf("XOAUTH2 %q", x)
	}
	o, _ := base64.StdEncoding.DecodeString(InitialResponse(OAUTHBEARER, "a,=b@c", "imap.b.c", 993, tok))
	if string(o) != "n,a=a=2C=3Db@c,\x01host=imap.b.c\x01port=993\x01auth=Bearer tok123\x01\x01" {
		t.Errorf("OAUTHBEARER %q", o)
	}
	if ErrorAnswer(OAUTHBEARER) != "AQ==" || ErrorAnswer(XOAUTH2) != "" {
		t.Error("error answers")
	}
	forms := SecretForms("a@b.c", "imap.b.c", 993, tok)
	for _, want := range []string{"tok123", "Bearer tok123", InitialResponse(XOAUTH2, "a@b.c", "", 0, tok), InitialResponse(OAUTHBEARER, "a@b.c", "imap.b.c", 993, tok)} {
		found := false
		for _, f := range forms {
			found = found || f == want
		}
		if !found {
			t.Errorf("secret forms lack %q", want)
		}
	}
}

func TestPick(t *testing.T) {
	for _, c := range []struct {
		offered []string
		forced  string
		want    string
	}{
		{[]string{"PLAIN", "XOAUTH2", "OAUTHBEARER"}, "", OAUTHBEARER},
		{[]string{"LOGIN", "xoauth2"}, "", XOAUTH2},
		{[]string{"PLAIN", "LOGIN"}, "", ""},
		{[]string{"OAUTHBEARER"}, "xoauth2", XOAUTH2},
	} {
		if got := Pick(c.offered, c.forced); got != c.want {
			t.Errorf("Pick(%v, %q) = %q, want %q", c.offered, c.forced, got, c.want)
		}
	}
	if !Only([]string{"XOAUTH2", "OAUTHBEARER"}) || Only([]string{"XOAUTH2", "PLAIN"}) || Only(nil) {
		t.Error("Only")
	}
}

func TestParseChallenge(t *testing.T) {
	// Gmail's, from ../shared/reference/oauth-and-discovery.md.
	c, err := ParseChallenge("eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==")
	if err != nil || c.Status != "400" || c.Scope != "https://mail.google.com/" || c.InsufficientScope() {
		t.Fatalf("%+v %v", c, err)
	}
	c, err = ParseChallenge(base64.StdEncoding.EncodeToString([]byte(`{"status":"insufficient_scope","scope":"mail"}`)))
	if err != nil || !c.InsufficientScope() {
		t.Fatalf("%+v %v", c, err)
	}
	for _, bad := range []string{"", "AQ==", "bm90IGpzb24=", base64.StdEncoding.EncodeToString([]byte(`{"scope":"x"}`)), strings.Repeat("A", 5000)} {
		if _, err := ParseChallenge(bad); err == nil {
			t.Errorf("ParseChallenge(%q) accepted", bad)
		}
	}
}

func TestClean(t *testing.T) {
	got, note := Clean([]byte(" \"Bearer abc.def\"\n"))
	if string(got) != "abc.def" || !strings.Contains(note, "Bearer") {
		t.Errorf("%q %q", got, note)
	}
	if _, note := Clean([]byte("abc")); note != "" {
		t.Errorf("note %q for a clean token", note)
	}
}

// FuzzParse: a token and a challenge come from the user and from the server; neither may
// crash the parsers or make them allocate beyond their caps.
func FuzzParse(f *testing.F) {
	f.Add([]byte("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.x"), "eyJzdGF0dXMiOiI0MDEifQ==")
	f.Add([]byte("a.b.c.d.e"), "+")
	f.Add([]byte("ya29.x"), "e30=")
	f.Fuzz(func(t *testing.T, tok []byte, ch string) {
		Check(tok, microsoft, "imap", "u@x", now)
		Check(tok, nil, "smtp", "", now)
		// A challenge comes from the server: what it yields is bounded by what is decoded.
		if c, err := ParseChallenge(ch); err == nil {
			if c.Status == "" || len(c.Status)+len(c.Scope)+len(c.Schemes)+len(c.OpenIDConfiguration) > maxChallenge {
				t.Fatalf("ParseChallenge(%q) = %+v", ch, c)
			}
		} else if !errors.Is(err, ErrNotChallenge) {
			t.Fatalf("ParseChallenge(%q): %v, want ErrNotChallenge", ch, err)
		}
		Clean(tok)
	})
}
