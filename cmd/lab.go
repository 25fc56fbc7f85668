package cmd

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/reports"
	"github.com/mailcheck/mailcheck/testservers"
)

type labOptions struct {
	io   *IO
	g    *globalOpts
	name string
	// portBase, when set, is the first of the fixed ports lab serve listens on (one per server,
	// in order), so a mail client set up once keeps working across runs.
	portBase int
}

func newCmdLab(io_ *IO, g *globalOpts, runF func(context.Context, *labOptions) error) *cobra.Command {
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
  mailcheck lab serve      keep healthy servers running, to point a real mail client at
                           (--port-base N: on ports N, N+1, … instead of random ones)`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.name = args[0]
			}
			if runF != nil {
				return runF(c.Context(), o)
			}
			return runLab(c.Context(), o)
		},
	}
	c.Flags().IntVar(&o.portBase, "port-base", 0, "lab serve: listen on fixed ports `N`, N+1, … (127.0.0.1)")
	return c
}

func runLab(ctx context.Context, o *labOptions) error {
	if err := o.g.check(); err != nil {
		return err
	}
	switch o.name {
	case "list":
		return o.g.withOutput(o.io, func(w io.Writer, _ bool) error { return labList(w, o.g, termWidth(o.io)) })
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
	plan := probes.Plan{Command: probes.CmdLab, Input: o.name}
	wants := make([]reports.LabWant, len(scs))
	var servers []*testservers.Server
	defer func() {
		for _, srv := range servers {
			srv.Close()
		}
	}()
	for i, sc := range scs {
		ep, opts, srv, err := labTarget(ca, sc, o.g.timeout)
		if err != nil {
			return fmt.Errorf("lab: starting %s: %w", sc.Name, err)
		}
		if srv != nil {
			servers = append(servers, srv)
		}
		plan.Endpoints = append(plan.Endpoints, ep)
		plan.EndpointOptions = append(plan.EndpointOptions, opts)
		wants[i] = reports.LabWant{Name: sc.Name, Codes: sc.Want, Status: sc.WantStatus}
	}
	rep := probes.Run(ctx, plan)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if o.name != "" {
		return o.g.finish(ctx, o.io, &rep)
	}
	outcomes := reports.LabOutcomes(&rep, wants)
	var bad []string
	for _, c := range outcomes {
		if !c.OK {
			bad = append(bad, c.Name)
		}
	}
	if o.g.format != "table" {
		// The report in the format asked for; the expectations are checked all the same, so a
		// script gets exit 1 when a scenario misbehaves, with the names on stderr.
		if err := o.g.write(o.io, &rep); err != nil {
			return err
		}
		if len(bad) > 0 {
			fmt.Fprintf(o.io.Err, "mailcheck lab: %d scenario(s) did not produce their expected findings: %s\n",
				len(bad), strings.Join(bad, ", "))
			return errFindings
		}
		return nil
	}
	err = o.g.withOutput(o.io, func(w io.Writer, _ bool) error {
		_, err := reports.WriteLabSummary(w, outcomes, rep.Elapsed, reports.Options{Lang: o.g.lang, Width: termWidth(o.io)})
		return err
	})
	if err == nil && len(bad) > 0 {
		return errFindings
	}
	return err
}

// labTarget starts one scenario's server and returns the endpoint and options to probe it
// as 'mailcheck probe' would; the server is nil when the scenario wants a closed port.
func labTarget(ca *testservers.CA, sc testservers.Scenario, maxTimeout time.Duration) (probes.Endpoint, probes.Options, *testservers.Server, error) {
	srv, err := testservers.Start(sc.Config, ca)
	if err != nil {
		return probes.Endpoint{}, probes.Options{}, nil, err
	}
	port := srv.Port
	if sc.Refused {
		srv.Close()
		srv = nil
	}
	timeout := sc.Timeout
	if timeout == 0 {
		timeout = 2 * time.Second
	}
	timeout = min(timeout, maxTimeout)
	opts := probes.Options{Timeout: timeout, User: sc.User, Password: []byte(sc.Password),
		AllowPlaintextAuth: sc.AllowPlaintextAuth, Resolver: probes.NewResolver("127.0.0.1:1", timeout)}
	if sc.Token != nil {
		opts.User, opts.Token = sc.Token.User, []byte(sc.MintToken(time.Now()))
	}
	if sc.TrustCA {
		opts.RootCAs = ca.RootCAs()
	}
	ep := probes.Endpoint{Proto: probes.Proto(sc.Proto), Host: "localhost", Port: port,
		Security: probes.Security(sc.Security), Source: "lab:" + sc.Name}
	return ep, opts, srv, nil
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

var (
	labListTitle = findings.Text{EN: "mailcheck lab scenarios", ZH: "mailcheck 实验场景"}
	labListHead  = []findings.Text{{EN: "Scenario", ZH: "场景"}, {EN: "Protocol", ZH: "协议"}, {EN: "Probed as", ZH: "检测方式"},
		{EN: "What it shows", ZH: "演示内容"}, {EN: "Expected findings", ZH: "预期问题"}}
)

func labList(w io.Writer, g *globalOpts, width int) error {
	f, _ := reports.ParseFormat(g.format)
	scs := testservers.Scenarios()
	if f == reports.JSON {
		out := make([]labScenario, len(scs))
		for i, sc := range scs {
			out[i] = labScenario{Name: sc.Name, Title: sc.Title, Proto: sc.Proto, Security: sc.Security,
				ExpectedCodes: append([]string{}, sc.Want...), ExpectedStatus: sc.WantStatus}
		}
		return reports.WriteJSON(w, map[string]any{"schema": probes.Schema, "scenarios": out})
	}
	l := reports.List{Title: labListTitle.In(g.lang)}
	for _, h := range labListHead {
		l.Head = append(l.Head, h.In(g.lang))
	}
	for _, sc := range scs {
		l.Rows = append(l.Rows, []string{sc.Name, sc.Proto, sc.Security, sc.Title, strings.Join(sc.Want, " ")})
	}
	return reports.WriteList(w, l, f, reports.Options{Lang: g.lang, Width: width})
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
	names := []string{"healthy-smtp-starttls", "healthy-smtps", "healthy-pop3-stls", "healthy-pop3s", "healthy-imap-starttls", "healthy-imaps"}
	if o.portBase != 0 && (o.portBase < 1 || o.portBase > 65535-len(names)+1) {
		return usagef("--port-base %d: want a port from 1 to %d", o.portBase, 65535-len(names)+1)
	}
	fmt.Fprintf(w, "mailcheck lab servers on loopback (user user@mail.test, password secret-pass); CA: %s\n", caFile)
	// One mailbox behind all of them: mail sent to user@mail.test arrives over POP3 and IMAP,
	// so a client (or --send-test) can try the whole round trip.
	store := testservers.NewStore(testservers.StoreConfig{QuotaKiB: 100 << 10})
	fmt.Fprintln(w, "  one mailbox: mail sent to user@mail.test over SMTP shows up in POP3 and IMAP (100 MiB quota)")
	for i, name := range names {
		sc, ok := testservers.ScenarioByName(name)
		if !ok {
			continue
		}
		sc.Config.Store = store
		port, stop, err := labListen(sc, ca, o.portBase, i)
		if err != nil {
			return err
		}
		defer stop()
		// The test login goes in the environment, never on the command line (CLI.md).
		fmt.Fprintf(w, "  %-22s %s %-9s localhost:%d\n    try: MAILCHECK_PASSWORD=%s mailcheck probe %s localhost:%d --security %s --user %s --ca-file %s\n",
			name, sc.Proto, sc.Security, port, sc.Password, sc.Proto, port, sc.Security, sc.User, caFile)
	}
	fmt.Fprintln(w, "Press Ctrl-C to stop.")
	if ow, ok := w.(*outWriter); ok && ow.err != nil {
		return nil // nobody can read the ports: do not serve blind (Run reports the write error, exit 2)
	}
	<-ctx.Done()
	return ctx.Err() // Ctrl-C is the only way out: exit 130, "interrupted" (CLI.md)
}

// labListen starts sc's server: on a random loopback port, or on portBase+i when a base is
// given. It returns the port and how to stop it.
func labListen(sc testservers.Scenario, ca *testservers.CA, portBase, i int) (int, func(), error) {
	if portBase == 0 {
		srv, err := testservers.Start(sc.Config, ca)
		if err != nil {
			return 0, nil, err
		}
		return srv.Port, func() { srv.Close() }, nil
	}
	srv, err := testservers.New(sc.Config, ca)
	if err != nil {
		return 0, nil, err
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(portBase+i)))
	if err != nil {
		return 0, nil, usagef("--port-base: %v", err)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go srv.ServeConn(c)
		}
	}()
	return portBase + i, func() { ln.Close(); srv.Close() }, nil
}
