package cmd

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/testservers"
)

func TestConformFlags(t *testing.T) {
	tests := []struct {
		args     []string
		proto    probes.Proto
		target   string
		security string
		ehlo     string
	}{
		{[]string{"smtp", "mail.example.com:587"}, probes.SMTP, "mail.example.com:587", "auto", ""},
		{[]string{"IMAP", "mail.example.com", "--security", "tls"}, probes.IMAP, "mail.example.com", "tls", ""},
		{[]string{"pop3", "[::1]:110", "--security", "plain", "--ehlo", "client.example"}, probes.POP3, "[::1]:110", "plain", "client.example"},
	}
	for _, tt := range tests {
		io_, _, _ := TestIO("", nil)
		var got *conformOptions
		c := newCmdConform(io_, &globalOpts{}, func(_ context.Context, o *conformOptions) error { got = o; return nil })
		c.SetArgs(tt.args)
		if err := c.Execute(); err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		if got.proto != tt.proto || got.target != tt.target || got.security != tt.security || got.ehlo != tt.ehlo {
			t.Errorf("%v: got %+v", tt.args, got)
		}
	}
}

func TestConformBadInput(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"conform", "smtp"}, "needs a protocol and a host"},
		{[]string{"conform", "xmpp", "localhost"}, "unknown protocol"},
		{[]string{"conform", "smtp", "localhost", "--security", "ssl3"}, "--security"},
		{[]string{"conform", "smtp", "localhost:0"}, "out of range"},
		{[]string{"conform", "smtp", "localhost", "--format", "xml"}, "--format"},
	} {
		code, out, errs := run(t, "", nil, tt.args...)
		if code != ExitUsage || !strings.Contains(errs, tt.want) || out != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout %q; want 2 and %q", tt.args, code, errs, out, tt.want)
		}
	}
}

// conformServer starts an SMTP testserver with faults and writes its CA to a file.
func conformServer(t *testing.T, f testservers.Faults) (string, string) {
	t.Helper()
	ca, caFile := testCA(t)
	srv := testservers.StartT(t, testservers.Config{Proto: "smtp", Faults: f}, ca)
	return "localhost:" + itoa(srv.Port), caFile
}

// TestConformExitCodes: exit 0 for a conforming server (and for one that only breaks a
// SHOULD), exit 1 when a MUST fails; the password never shows.
func TestConformExitCodes(t *testing.T) {
	tests := []struct {
		name   string
		faults testservers.Faults
		exit   int
		want   []string
	}{
		{"conforming", testservers.Faults{RequireTLSForAuth: true}, ExitOK, []string{"Conformance", "25 pass, 0 fail (0 MUST)"}},
		{"SHOULD broken", testservers.Faults{RequireTLSForAuth: true, UnknownCommandCode: 250}, ExitOK,
			[]string{"conform.should-failed", "smtp.unknown-command"}},
		{"MUST broken", testservers.Faults{RequireTLSForAuth: true, SMTPMixedCodes: true}, ExitFindings,
			[]string{"conform.must-failed", "smtp.reply.same-code (RFC 5321 4.2.1, MUST)", "251-PIPELINING"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			addr, caFile := conformServer(t, tt.faults)
			code, out, errs := run(t, "secret-pass\n", nil, "conform", "smtp", addr, "--security", "starttls",
				"--ca-file", caFile, "--user", "user@mail.test", "--password-stdin", "--timeout", "2s")
			if code != tt.exit {
				t.Errorf("exit = %d, want %d\n%s%s", code, tt.exit, out, errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			if strings.Contains(out, "secret-pass") {
				t.Error("password in output")
			}
		})
	}
}

func TestConformJSON(t *testing.T) {
	addr, caFile := conformServer(t, testservers.Faults{RequireTLSForAuth: true, SMTPNoHELO: true})
	code, out, errs := run(t, "", nil, "conform", "smtp", addr, "--security", "starttls", "--ca-file", caFile, "--format", "json")
	if code != ExitFindings {
		t.Fatalf("exit = %d, want 1\n%s%s", code, out, errs)
	}
	var rep struct {
		Command string
		Checks  []struct{ ID, Level, Verdict, Reason, Evidence string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("JSON: %v\n%s", err, out)
	}
	if rep.Command != "conform" || len(rep.Checks) != len(probes.Suite(probes.SMTP)) {
		t.Fatalf("command %q with %d checks", rep.Command, len(rep.Checks))
	}
	for _, c := range rep.Checks {
		switch c.ID {
		case "smtp.helo":
			if c.Verdict != "fail" || !strings.Contains(c.Evidence, "502") {
				t.Errorf("smtp.helo = %+v, want fail with the 502 as evidence", c)
			}
		case "smtp.auth.success":
			if c.Verdict != "skip" || !strings.Contains(c.Reason, "no password") {
				t.Errorf("smtp.auth.success = %+v, want skip: no password", c)
			}
		}
	}
}
