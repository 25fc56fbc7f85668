package probes

import (
	"strings"
	"testing"
)

// TestOptionsForWithheld: the plan is the one place the credential rule is enforced — a
// Withheld endpoint gets no password and no token whatever Options holds, and the auth step's
// note names what was held back; other endpoints keep theirs.
func TestOptionsForWithheld(t *testing.T) {
	tests := []struct {
		name     string
		opts     Options
		withheld bool
		note     string // "" = no note
	}{
		{"password held back", Options{Password: []byte("pw")}, true, "so the password was not sent"},
		{"token held back", Options{Token: []byte("tok")}, true, "so the token was not sent"},
		{"nothing to hold back", Options{}, true, ""},
		{"trusted endpoint keeps the password", Options{Password: []byte("pw")}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Plan{Endpoints: []Endpoint{{Proto: IMAP, Host: "mail.evil.test", Port: 993, Withheld: tt.withheld, Foreign: true}},
				Options: tt.opts}
			o := p.optionsFor(0)
			if tt.withheld && (o.Password != nil || o.Token != nil) {
				t.Errorf("secret left in the options: %q %q", o.Password, o.Token)
			}
			if !tt.withheld && string(o.Password) != string(tt.opts.Password) {
				t.Errorf("password dropped for a trusted endpoint")
			}
			if (tt.note == "") != (o.Withheld == "") || !strings.Contains(o.Withheld, tt.note) {
				t.Errorf("note %q, want %q", o.Withheld, tt.note)
			}
			if len(tt.opts.Password) > 0 && string(p.Options.Password) != string(tt.opts.Password) {
				t.Error("the plan's own options were changed")
			}
		})
	}
}
