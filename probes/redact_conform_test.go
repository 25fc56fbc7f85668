package probes

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/testservers"
)

// TestConformRedactsDerivedForms: a server that reflects the password in its capability list
// and in an error reply leaves no form of it in conform's result or checks, whatever the
// walk upper-cased or quoted (issue 20 item 6).
func TestConformRedactsDerivedForms(t *testing.T) {
	pass := testservers.DefaultPassword
	for _, proto := range []string{"smtp", "pop3", "imap"} {
		t.Run(proto, func(t *testing.T) {
			t.Parallel()
			cs := conforming(proto)
			cs.faults.ExtraCapability = "X-" + strings.ToLower(pass)
			r, checks := runConform(t, cs)
			b, err := json.Marshal(struct {
				R Result
				C []Check
			}{r, checks})
			if err != nil {
				t.Fatal(err)
			}
			all := strings.ToLower(string(b))
			for _, f := range []string{pass, strings.ToUpper(pass)} {
				if strings.Contains(all, strings.ToLower(f)) {
					t.Errorf("%q appears in the result:\n%s", f, dumpConform(r, checks))
				}
			}
			if !strings.Contains(all, "x-***") {
				t.Errorf("the reflected capability was not seen (or not redacted in place):\n%s", dumpConform(r, checks))
			}
		})
	}
}
