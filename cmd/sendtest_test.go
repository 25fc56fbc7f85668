package cmd

import (
	"strings"
	"testing"
)

// TestSendTestBadInput: the round trip runs only when asked, with a login, to an address the
// user names, and says clearly what is missing.
func TestSendTestBadInput(t *testing.T) {
	pw := map[string]string{"P": "pw"}
	for _, tt := range []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"send-to alone", pw, []string{"account", "a@example.test", "--password-env", "P", "--send-to", "b@example.test"}, "--send-to needs --send-test"},
		{"no login", nil, []string{"account", "a@example.test", "--send-test"}, "--send-test logs in"},
		{"offline", pw, []string{"account", "a@qq.com", "--offline", "--send-test"}, "cannot run with --offline"},
		{"bad recipient", pw, []string{"account", "a@example.test", "--password-env", "P", "--send-test", "--send-to", "not an address"}, "--send-to"},
		{"wait too long", pw, []string{"account", "a@example.test", "--password-env", "P", "--send-test", "--wait", "1h"}, "--wait must be between"},
		{"probe imap", pw, []string{"probe", "imap", "localhost:1", "--user", "a@example.test", "--password-env", "P", "--send-test"}, "goes with probe smtp"},
		{"probe smtp without receive-via", pw, []string{"probe", "smtp", "localhost:1", "--user", "a@example.test", "--password-env", "P", "--send-test"}, "needs --receive-via"},
		{"receive via pop3", pw, []string{"probe", "smtp", "localhost:1", "--user", "a@example.test", "--password-env", "P", "--send-test", "--receive-via", "pop3s://localhost"}, "receives over IMAP"},
		{"receive-via alone", pw, []string{"probe", "smtp", "localhost:1", "--receive-via", "imaps://localhost"}, "--receive-via needs --send-test"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, "", tt.env, tt.args...)
			if code != ExitUsage || !strings.Contains(errs, tt.want) || out != "" {
				t.Errorf("exit %d stderr %q stdout %q, want 2 and %q", code, errs, out, tt.want)
			}
		})
	}
}
