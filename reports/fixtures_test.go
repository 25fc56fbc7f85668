package reports

import (
	"bytes"
	"testing"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// Hand-made reports for what the lab servers cannot produce (settings only, explain, a step in
// every status). The lab-probed reports are in helpers_test.go and golden_test.go.

// settingsOnly is what `mailcheck provider qq --offline` reports: settings, nothing probed.
func settingsOnly() *probes.Report {
	return &probes.Report{Schema: probes.Schema, Command: "provider", Input: "qq", Provider: "qq", Status: probes.Skip,
		Settings: &probes.Settings{Provider: "qq", Name: findings.Text{EN: "QQ Mail", ZH: "QQ邮箱"}, Auth: "authorization-code",
			Endpoints: []probes.Endpoint{
				{Proto: probes.IMAP, Host: "imap.qq.com", Port: 993, Security: probes.ImplicitTLS, Source: "builtin:qq"},
				{Proto: probes.SMTP, Host: "smtp.qq.com", Port: 465, Security: probes.ImplicitTLS, Source: "builtin:qq"},
			},
			Forms: map[probes.Proto]probes.UsernameForm{probes.IMAP: probes.FormAddress, probes.SMTP: probes.FormAddress}}}
}

// stepsReport has one endpoint with a step in every status.
func stepsReport() *probes.Report {
	return &probes.Report{Schema: probes.Schema, Command: "probe", Input: "smtp mail.test", Status: probes.Fail,
		Results: []probes.Result{{
			Endpoint: probes.Endpoint{Proto: probes.SMTP, Host: "mail.test", Port: 587, Security: probes.STARTTLS},
			Status:   probes.Fail,
			Addr:     "127.0.0.1:587", RoundTrips: 3,
			Steps: []probes.Step{
				{Name: "connect", Status: probes.OK, Detail: "connected"},
				{Name: "greeting", Status: probes.Warn, Detail: "slow greeting"},
				{Name: "starttls", Status: probes.Fail, Error: "handshake failed",
					Findings: []findings.Finding{findings.New(findings.TLSRequired, "530 5.7.0 Must issue a STARTTLS command first")}},
				{Name: "auth", Status: probes.Skip, Detail: "no password"},
			},
		}}}
}

// probed is a report of one SMTP endpoint whose steps have the given statuses and findings.
func probed(st probes.Status, fs ...findings.Finding) *probes.Report {
	rep := &probes.Report{Schema: probes.Schema, Command: "probe", Input: "smtp mail.test",
		Results: []probes.Result{{
			Endpoint: probes.Endpoint{Proto: probes.SMTP, Host: "mail.test", Port: 465, Security: probes.ImplicitTLS},
			Status:   st, Addr: "127.0.0.1:465", RoundTrips: 2,
			Steps: []probes.Step{
				{Name: "connect", Status: probes.OK, Detail: "connected"},
				{Name: "greeting", Status: st, Detail: "220 mail.test", Findings: fs},
			},
		}}}
	rep.Status = probes.StatusOf(rep)
	return rep
}

// statusCase is a report whose Status the engine's one rule (probes.StatusOf) gives as want,
// and the verdict sentence (a label key and its count) every format must show for it.
type statusCase struct {
	name string
	rep  func() *probes.Report
	want probes.Status
	key  string
	n    int
}

// statusCases covers every status, and every reason for skip.
var statusCases = []statusCase{
	{"ok", func() *probes.Report { return probed(probes.OK) }, probes.OK, "ok", 0},
	{"warn", func() *probes.Report {
		return probed(probes.Warn, findings.New(findings.TLSCertExpiresSoon, "certificate valid until 2030-01-10"))
	}, probes.Warn, "warnings", 1},
	{"fail", func() *probes.Report {
		rep := stepsReport()
		rep.Status = probes.StatusOf(rep)
		return rep
	}, probes.Fail, "problems", 1},
	// A failed endpoint fails the report even when no finding is an error.
	{"fail-endpoint-only", func() *probes.Report {
		return probed(probes.Fail, findings.New(findings.AuthPlaintextOffered, "AUTH PLAIN LOGIN before STARTTLS"))
	}, probes.Fail, "problems", 1},
	{"skip-settings-only", func() *probes.Report {
		rep := settingsOnly()
		rep.Status = probes.StatusOf(rep)
		return rep
	}, probes.Skip, "offline", 0},
	{"skip-explain-no-match", func() *probes.Report {
		rep := &probes.Report{Schema: probes.Schema, Command: string(probes.CmdExplain), Input: "hello",
			Findings: []findings.Finding{findings.New(findings.ExplainNoMatch, "no known signature matched")}}
		rep.Status = probes.StatusOf(rep)
		return rep
	}, probes.Skip, "noMatch", 0},
}

func renderString(t *testing.T, rep *probes.Report, f Format, o Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, rep, f, o); err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	return b.String()
}
