package reports

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/testservers"
)

// conformReport runs `mailcheck conform` against a lab SMTP server with two deliberate
// violations (a mixed-code EHLO reply, a MUST; an unknown command answered 250, a SHOULD) and
// normalises it like the other goldens.
func conformReport(t *testing.T) *probes.Report {
	t.Helper()
	ca := testCA(t)
	f := testservers.Faults{RequireTLSForAuth: true, SMTPMixedCodes: true, UnknownCommandCode: 250}
	srv := testservers.StartT(t, testservers.Config{Proto: "smtp", Faults: f}, ca)
	opts := probes.Options{Timeout: 2 * time.Second, RootCAs: ca.RootCAs(), User: testservers.DefaultUser,
		Password: []byte(testservers.DefaultPassword), Resolver: probes.NewResolver("127.0.0.1:1", 2*time.Second)}
	ep := probes.Endpoint{Proto: probes.SMTP, Host: "localhost", Port: srv.Port, Security: probes.STARTTLS, Source: "flag"}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	res, checks := probes.Conform(ctx, ep, opts)
	rep := &probes.Report{Schema: probes.Schema, Command: "conform", Input: "smtp localhost:" + strconv.Itoa(srv.Port),
		Started: time.Now(), Results: []probes.Result{res}, Checks: checks, Status: res.Status}
	normalise(rep, []int{srv.Port})
	return rep
}

// TestGoldenConform: the conformance table in every format, in both languages.
func TestGoldenConform(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			name := "conform-smtp"
			if lang == "zh" {
				name += ".zh"
			}
			checkGoldens(t, name, lang, conformReport(t), conformReport(t))
		})
	}
}

// TestConformFormats: every format carries every check with its verdict, the JSON is the
// report's checks in the report's language, and a conformance report has no settings table.
func TestConformFormats(t *testing.T) {
	rep := conformReport(t)
	for _, gf := range goldenFormats {
		out := string(render(t, rep, gf.f, "en"))
		for _, c := range rep.Checks {
			if !strings.Contains(out, c.ID) {
				t.Errorf("%s lacks check %s", gf.f, c.ID)
			}
		}
		if gf.f != JSON && !strings.Contains(out, "1 fail (1 MUST)") && !strings.Contains(out, "2 fail (1 MUST)") {
			t.Errorf("%s lacks the verdict summary:\n%s", gf.f, out)
		}
		if (gf.f == Markdown || gf.f == HTML) && strings.Contains(out, label("settings", "en")) {
			t.Errorf("%s shows a settings table for a conformance report", gf.f)
		}
	}
	var got struct {
		Checks []struct{ ID, RFC, Section, Level, Title, Verdict, Reason, Evidence, Step string }
	}
	if err := json.Unmarshal(render(t, rep, JSON, "zh"), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Checks) != len(probes.Suite(probes.SMTP)) {
		t.Fatalf("JSON has %d checks, want %d", len(got.Checks), len(probes.Suite(probes.SMTP)))
	}
	for _, c := range got.Checks {
		if c.ID == "" || c.RFC == "" || c.Level == "" || c.Verdict == "" || !hasHan(c.Title) {
			t.Errorf("JSON check %+v: want id, rfc, level, verdict and a Chinese title", c)
		}
		if c.ID == "smtp.reply.same-code" && (c.Verdict != "fail" || c.Evidence == "" || c.Step != "ehlo") {
			t.Errorf("smtp.reply.same-code = %+v, want fail with evidence from step ehlo", c)
		}
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}
