package providers

import (
	"strings"
	"testing"
)

// TestOAuthProfiles: the providers that push OAuth2 carry the profile of their tokens, a family
// member inherits it, every profile in the file is used, and a company file cannot name one
// that does not exist.
func TestOAuthProfiles(t *testing.T) {
	db := Builtin()
	for key, scope := range map[string]string{"gmail": "https://mail.google.com/", "google-workspace": "https://mail.google.com/",
		"outlook": "IMAP.AccessAsUser.All", "microsoft365": "IMAP.AccessAsUser.All", "yahoo": "mail-w", "aol": "mail-w"} {
		p, ok := db.byKey(key)
		if !ok {
			t.Fatalf("no provider %s", key)
		}
		f := db.Facts(p)
		if f.OAuth == nil || !strings.Contains(f.OAuth.Request, scope) {
			t.Errorf("%s: OAuth profile %+v, want one asking for %s", key, f.OAuth, scope)
		}
	}
	if p, _ := db.byKey("qq"); db.Facts(p).OAuth != nil {
		t.Error("qq has an OAuth profile")
	}
	used := map[string]bool{}
	for _, p := range db.All() {
		used[p.OAuth] = true
	}
	for name := range builtinProfiles() {
		if !used[name] {
			t.Errorf("oauth profile %q is used by no provider", name)
		}
	}
	_, err := Load(strings.NewReader(`{"version":1,"providers":[{"key":"corp","name":{"en":"Corp","zh":"Corp"},"oauth":"nosuch","status":"active",
		"endpoints":[{"proto":"imap","host":"imap.corp.example","port":993,"security":"tls"}]}]}`))
	if err == nil || !strings.Contains(err.Error(), `oauth profile "nosuch"`) {
		t.Errorf("unknown profile: err %v", err)
	}
	c, err := Load(strings.NewReader(`{"version":1,"providers":[{"key":"corp","name":{"en":"Corp","zh":"Corp"},"oauth":"microsoft","status":"active","username":"address","auth":"oauth-only",
		"endpoints":[{"proto":"imap","host":"imap.corp.example","port":993,"security":"tls"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := c.byKey("corp"); c.Facts(p).OAuth == nil {
		t.Error("a company entry naming the built-in microsoft profile has none")
	}
}
