package cmd

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/spf13/cobra"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/reports"
	"github.com/mailcheck/mailcheck/testservers"
)

func init() { extraCommands = append(extraCommands, newCmdLab) }

type labOptions struct {
	io   *IO
	g    *globalOpts
	name string
}

func newCmdLab(io_ *IO, g *globalOpts) *cobra.Command {
	o := &labOptions{io: io_, g: g}
	c := &cobra.Command{
		Use:   "lab [SCENARIO|list|serve]",
		Short: "Diagnose built-in broken and healthy mail servers on loopback, offline",
		Long: `lab starts mailcheck's own SMTP, POP3 and IMAP test servers on 127.0.0.1, each with a
fault a real server or a wrong client setting can have, and diagnoses them exactly as
'mailcheck probe' diagnoses a real server. No internet is needed.

  mailcheck lab            every scenario, one line each; exit 0 when each produced its expected findings
  mailcheck lab NAME       the full report for one scenario (exit status as for probe)
  mailcheck lab list       the scenarios
  mailcheck lab serve      keep healthy servers running, to point a real mail client at`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.name = args[0]
			}
			return runLab(c.Context(), o)
		},
	}
	return c
}

func runLab(ctx context.Context, o *labOptions) error {
	if err := o.g.check(); err != nil {
		return err
	}
	switch o.name {
	case "list":
		return o.g.withOutput(o.io, func(w io.Writer, _ bool) error { return labList(w, o.g) })
	case "serve":
		return labServe(ctx, o)
	}
	ca, err := testservers.NewCA()
	if err != nil {
		return fmt.Errorf("lab: making the test CA: %w", err)
	}
	scs := testservers.Scenarios()
	if o.name != "" {
		sc, ok := testservers.ScenarioByName(o.name)
		if !ok {
			return usagef("unknown lab scenario %q; see 'mailcheck lab list'", o.name)
		}
		scs = []testservers.Scenario{sc}
	}
	rep := &probes.Report{Schema: probes.Schema, Command: "lab", Input: o.name, Started: time.Now()}
	rep.Results = make([]probes.Result, len(scs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for i, sc := range scs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			rep.Results[i] = labProbe(ctx, ca, sc, o.g.timeout)
		}()
	}
	wg.Wait()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	rep.Elapsed = time.Since(rep.Started)
	for _, r := range rep.Results {
		rep.Status = probes.Worse(rep.Status, r.Status)
	}
	if o.name != "" {
		if err := o.g.write(o.io, rep); err != nil {
			return err
		}
		return reportErr(rep)
	}
	if o.g.format != "table" {
		// The report in the format asked for; the expectations are checked all the same, so a
		// script gets exit 1 when a scenario misbehaves, with the names on stderr.
		if err := o.g.write(o.io, rep); err != nil {
			return err
		}
		var bad []string
		for _, c := range labCheck(scs, rep) {
			if !c.ok {
				bad = append(bad, c.name)
			}
		}
		if len(bad) > 0 {
			fmt.Fprintf(o.io.Err, "mailcheck lab: %d scenario(s) did not produce their expected findings: %s\n",
				len(bad), strings.Join(bad, ", "))
			return errFindings
		}
		return nil
	}
	return o.g.withOutput(o.io, func(w io.Writer, _ bool) error { return labSummary(w, scs, rep) })
}

// labOutcome is one scenario's result against its expectation.
type labOutcome struct {
	name      string
	status    probes.Status
	got, want []string // error and warning codes, sorted
	ok        bool
}

// labCheck compares each scenario's result (rep.Results[i] for scs[i]) with the findings and
// status it must produce.
func labCheck(scs []testservers.Scenario, rep *probes.Report) []labOutcome {
	out := make([]labOutcome, len(scs))
	for i, sc := range scs {
		r := rep.Results[i]
		var got []string
		for _, f := range r.Findings() {
			if f.Severity != probes.SevInfo && !slices.Contains(got, string(f.Code)) {
				got = append(got, string(f.Code))
			}
		}
		want := append([]string(nil), sc.Want...)
		slices.Sort(got)
		slices.Sort(want)
		out[i] = labOutcome{name: sc.Name, status: r.Status, got: got, want: want,
			ok: slices.Equal(got, want) && string(r.Status) == sc.WantStatus}
	}
	return out
}

// labProbe starts one scenario's server and probes it as `mailcheck probe` would.
func labProbe(ctx context.Context, ca *testservers.CA, sc testservers.Scenario, maxTimeout time.Duration) probes.Result {
	srv, err := testservers.Start(sc.Config, ca)
	if err != nil {
		return probes.Result{Status: probes.Fail, Steps: []probes.Step{{Name: "lab", Status: probes.Fail, Error: err.Error()}}}
	}
	port := srv.Port
	if sc.Refused {
		srv.Close()
	} else {
		defer srv.Close()
	}
	timeout := sc.Timeout
	if timeout == 0 {
		timeout = 2 * time.Second
	}
	timeout = min(timeout, maxTimeout)
	opts := probes.Options{Timeout: timeout, User: sc.User, Password: []byte(sc.Password),
		AllowPlaintextAuth: sc.AllowPlaintextAuth, Resolver: probes.NewResolver("127.0.0.1:1", timeout)}
	if sc.TrustCA {
		opts.RootCAs = ca.RootCAs()
	}
	ep := probes.Endpoint{Proto: probes.Proto(sc.Proto), Host: "localhost", Port: port,
		Security: probes.Security(sc.Security), Source: "lab:" + sc.Name}
	return probes.Probe(ctx, ep, opts)
}

// labSummary prints one line per scenario and checks each produced its expected findings.
func labSummary(w io.Writer, scs []testservers.Scenario, rep *probes.Report) error {
	t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off), tablewriter.WithRowAutoWrap(tw.WrapNormal))
	t.Header("Scenario", "Status", "Findings", "As expected")
	bad := 0
	for _, c := range labCheck(scs, rep) {
		okv := "yes"
		if !c.ok {
			okv = "NO (want " + strings.Join(c.want, " ") + ")"
			bad++
		}
		t.Append(c.name, strings.ToUpper(string(c.status)), strings.Join(c.got, " "), okv)
	}
	if err := t.Render(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d scenarios in %s; run 'mailcheck lab NAME' for a full diagnosis, e.g. 'mailcheck lab smtp-tls-required'.\n",
		len(scs), rep.Elapsed.Round(time.Millisecond))
	if bad > 0 {
		fmt.Fprintf(w, "%d scenario(s) did not produce their expected findings.\n", bad)
		return errFindings
	}
	fmt.Fprintln(w, "Every scenario produced exactly its expected findings.")
	return nil
}

// labScenario is the JSON form of a scenario in 'lab list --format json'.
type labScenario struct {
	Name           string   `json:"name"`
	Title          string   `json:"title"`
	Proto          string   `json:"proto"`
	Security       string   `json:"security"`
	ExpectedCodes  []string `json:"expected_codes"`
	ExpectedStatus string   `json:"expected_status"`
}

func labList(w io.Writer, g *globalOpts) error {
	f, _ := reports.ParseFormat(g.format)
	scs := testservers.Scenarios()
	if f == reports.JSON {
		out := make([]labScenario, len(scs))
		for i, sc := range scs {
			out[i] = labScenario{Name: sc.Name, Title: sc.Title, Proto: sc.Proto, Security: sc.Security,
				ExpectedCodes: append([]string{}, sc.Want...), ExpectedStatus: sc.WantStatus}
		}
		return writeJSON(w, map[string]any{"schema": probes.Schema, "scenarios": out})
	}
	l := reports.List{Title: "mailcheck lab scenarios",
		Head: []string{"Scenario", "Protocol", "Probed as", "What it shows", "Expected findings"}}
	for _, sc := range scs {
		l.Rows = append(l.Rows, []string{sc.Name, sc.Proto, sc.Security, sc.Title, strings.Join(sc.Want, " ")})
	}
	return reports.WriteList(w, l, f, reports.Options{Lang: g.lang})
}

// labServe keeps healthy servers running until interrupted, for practice with real clients. It
// returns the context's error, which exitCode maps to 130 like any interrupted run.
func labServe(ctx context.Context, o *labOptions) error {
	ca, err := testservers.NewCA()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "mailcheck-lab-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	caFile := filepath.Join(dir, "lab-ca.pem")
	if err := os.WriteFile(caFile, ca.PEM(), 0o644); err != nil {
		return err
	}
	w := o.io.Out
	fmt.Fprintf(w, "mailcheck lab servers on loopback (user user@mail.test, password secret-pass); CA: %s\n", caFile)
	for _, name := range []string{"healthy-smtp-starttls", "healthy-smtps", "healthy-pop3-stls", "healthy-pop3s", "healthy-imap-starttls", "healthy-imaps"} {
		sc, ok := testservers.ScenarioByName(name)
		if !ok {
			continue
		}
		srv, err := testservers.Start(sc.Config, ca)
		if err != nil {
			return err
		}
		defer srv.Close()
		fmt.Fprintf(w, "  %-22s %s %-9s localhost:%d   try: mailcheck probe %s localhost:%d --security %s --ca-file %s\n",
			name, sc.Proto, sc.Security, srv.Port, sc.Proto, srv.Port, sc.Security, caFile)
	}
	fmt.Fprintln(w, "Press Ctrl-C to stop.")
	<-ctx.Done()
	return ctx.Err() // Ctrl-C is the only way out: exit 130, "interrupted" (CLI.md)
}
