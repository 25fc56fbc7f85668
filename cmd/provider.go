package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/spf13/cobra"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/providers"
)

func init() {
	extraCommands = append(extraCommands, newCmdProvider, newCmdProviders)
}

type providerOptions struct {
	io      *IO
	g       *globalOpts
	name    string
	offline bool
}

func newCmdProvider(io_ *IO, g *globalOpts) *cobra.Command {
	o := &providerOptions{io: io_, g: g}
	c := &cobra.Command{
		Use:   "provider NAME",
		Short: "The right settings for a provider, and a live check of each endpoint",
		Long: `provider prints what to type into Foxmail, Outlook, Thunderbird or a phone for a provider
(by name, alias, Chinese name or domain: qq, 网易, 163, gmail, outlook.com, yahoo.com.cn …),
then probes every endpoint concurrently and reports what fails or has drifted.`,
		Example: `  mailcheck provider qq --offline
  mailcheck provider 网易
  mailcheck provider gmail --user you@gmail.com --password-stdin`,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) != 1 || strings.TrimSpace(args[0]) == "" {
				return usagef("provider needs one name, e.g. mailcheck provider qq (see 'mailcheck providers')")
			}
			o.name = args[0]
			return runProvider(c.Context(), o)
		},
	}
	c.Flags().BoolVar(&o.offline, "offline", false, "print the settings only; touch no network")
	return c
}

// loadDB is the built-in database plus the user's config-dir file plus --providers.
func (g *globalOpts) loadDB() (*providers.DB, error) {
	db := providers.Builtin()
	add := func(path string, must bool) error {
		f, err := os.Open(path)
		if err != nil {
			if !must && errors.Is(err, os.ErrNotExist) {
				return nil
			}
			return usagef("--providers: %v", err)
		}
		defer f.Close()
		extra, err := providers.Load(f)
		if err != nil {
			return usagef("provider file %s: %v", path, err)
		}
		db = db.Merge(extra)
		return nil
	}
	if p := providers.ConfigPath(); p != "" {
		if err := add(p, false); err != nil {
			return nil, err
		}
	}
	if g.providersFile != "" {
		if err := add(g.providersFile, true); err != nil {
			return nil, err
		}
	}
	return db, nil
}

// settingsFor describes what to type into a client for p; local/domain fill the login names.
func settingsFor(p *providers.Provider, eps []probes.Endpoint, local, domain string) *probes.Settings {
	s := &probes.Settings{Name: probes.Text{EN: "unknown provider", ZH: "未知服务商"}, Endpoints: eps,
		Usernames: map[probes.Proto]string{}}
	if p == nil {
		return s
	}
	s.Provider, s.Name, s.Status, s.Successor = p.Key, p.Name, string(p.Status), p.Successor
	s.Auth, s.Sources, s.Verified = string(p.Auth), p.Sources, p.Verified
	for _, proto := range probes.Protos {
		if local != "" {
			s.Usernames[proto] = p.Login(proto, local, domain)
		} else if p.Login(proto, "you", "example.com") == "you" {
			s.Usernames[proto] = "local part (before @)"
		} else {
			s.Usernames[proto] = "full address"
		}
	}
	for _, q := range p.Quirks {
		s.Notes = append(s.Notes, probes.Quirk{Text: q.Text, Fix: q.Fix, URL: q.URL})
	}
	for _, n := range p.Notes {
		s.Notes = append(s.Notes, probes.Quirk{Text: n})
	}
	return s
}

// providerContext sets the provider-aware parts of the probe options.
func providerContext(o *probes.Options, p *providers.Provider) {
	if p != nil {
		o.Provider, o.AuthKind = p.Key, string(p.Auth)
	}
}

func runProvider(ctx context.Context, o *providerOptions) error {
	if err := o.g.check(); err != nil {
		return err
	}
	db, err := o.g.loadDB()
	if err != nil {
		return err
	}
	p, ok := db.Lookup(o.name)
	if !ok {
		msg := fmt.Sprintf("unknown provider %q", o.name)
		if s := db.Suggest(o.name, 3); len(s) > 0 {
			msg += "; did you mean " + strings.Join(s, ", ") + "?"
		}
		return usagef("%s (see 'mailcheck providers', or try 'mailcheck account you@DOMAIN')", msg)
	}
	rep := &probes.Report{Schema: probes.Schema, Command: "provider", Input: o.name, Provider: p.Key, Started: time.Now()}
	eps := p.Endpoints()
	rep.Settings = settingsFor(p, eps, "", "")
	if p.Status == providers.Closed {
		rep.Findings = append(rep.Findings, probes.NewFinding(probes.CodeProviderClosed,
			fmt.Sprintf("%s closed %s; successor: %s", p.Name.EN, p.Closed, p.Successor), p.Key))
	}
	if !o.offline && len(eps) > 0 {
		popts, err := o.g.probeOptions(o.io, p.Key)
		if err != nil {
			return err
		}
		providerContext(&popts, p)
		total := len(eps)
		var pf func(int, probes.Result)
		if p := progressFunc(o.io, o.g, &total); p != nil {
			pf = func(i int, r probes.Result) { p(eps[i], r) }
		}
		rep.Results = probes.ProbeAll(ctx, eps, func(probes.Endpoint) probes.Options { return popts }, pf)
		progressDone(o.io, o.g)
		clear(popts.Password)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		rep.Findings = append(rep.Findings, probes.Conclude(rep.Results)...)
		rep.Findings = append(rep.Findings, driftFindings(p.Key, rep.Results)...)
	}
	finish(rep)
	if err := o.g.write(o.io, rep); err != nil {
		return err
	}
	return reportErr(rep)
}

// driftFindings flag built-in endpoints that no longer look like the database says: the host is
// gone, the port is closed, or the port speaks the other TLS mode.
func driftFindings(key string, results []probes.Result) []probes.Finding {
	var out []probes.Finding
	for _, r := range results {
		for _, c := range []probes.Code{probes.CodeDNSNXDomain, probes.CodeTCPRefused, probes.CodePortExpectsTLS, probes.CodePortExpectsSTARTTLS} {
			if r.HasCode(c) {
				out = append(out, probes.NewFinding(probes.CodeProviderDrift,
					fmt.Sprintf("%s %s:%d %s: %s", r.Endpoint.Proto, r.Endpoint.Host, r.Endpoint.Port, r.Endpoint.Security, c), key))
				break
			}
		}
	}
	return out
}

// finish fills the report's status and elapsed time.
func finish(rep *probes.Report) {
	rep.Elapsed = time.Since(rep.Started)
	for _, r := range rep.Results {
		rep.Status = probes.Worse(rep.Status, r.Status)
	}
	if rep.HasError() {
		rep.Status = probes.Fail
	} else if rep.Status == "" {
		rep.Status = probes.OK
	}
}

func newCmdProviders(io_ *IO, g *globalOpts) *cobra.Command {
	return &cobra.Command{
		Use:   "providers",
		Short: "List the providers mailcheck knows",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := g.check(); err != nil {
				return err
			}
			db, err := g.loadDB()
			if err != nil {
				return err
			}
			return g.withOutput(io_, func(w io.Writer, _ bool) error { return writeProviders(w, g, db) })
		},
	}
}

func writeProviders(w io.Writer, g *globalOpts, db *providers.DB) error {
	if g.format == "json" {
		return writeJSON(w, map[string]any{"schema": probes.Schema, "providers": db.All()})
	}
	opts := []tablewriter.Option{tablewriter.WithHeaderAutoFormat(tw.Off), tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithRowMaxWidth(48)}
	t := tablewriter.NewTable(w, opts...)
	t.Header("Key", "Name", "Domains", "IMAP", "POP3", "SMTP", "Password", "Status")
	for _, p := range db.All() {
		host := func(proto probes.Proto) string {
			var hs []string
			for _, e := range p.Endpoints() {
				if e.Proto == proto {
					hs = append(hs, fmt.Sprintf("%s:%d", e.Host, e.Port))
				}
			}
			return strings.Join(hs, " ")
		}
		doms := p.Domains
		if len(doms) > 3 {
			doms = append(doms[:3:3], fmt.Sprintf("+%d", len(p.Domains)-3))
		}
		t.Append(p.Key, p.Name.In(g.lang), strings.Join(doms, " "), host(probes.IMAP), host(probes.POP3), host(probes.SMTP),
			string(p.Auth), string(p.Status))
	}
	return t.Render()
}
