package cmd

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/providers"
)

func init() { extraCommands = append(extraCommands, newCmdAccount) }

type accountOptions struct {
	io      *IO
	g       *globalOpts
	address string
	offline bool
	all     bool
}

func newCmdAccount(io_ *IO, g *globalOpts) *cobra.Command {
	o := &accountOptions{io: io_, g: g}
	c := &cobra.Command{
		Use:   "account ADDRESS",
		Short: "Discover the settings for an address and check every endpoint",
		Long: `account finds the servers for an e-mail address — built-in database, MX records (a domain
hosted by Google, Microsoft, Tencent, NetEase, Alibaba, Zoho …), RFC 6186 SRV records,
autoconfig, then common host names — records where each came from, and probes every endpoint
concurrently. With a password it logs in once per endpoint and looks at the mailbox.`,
		Example: `  mailcheck account you@qq.com
  mailcheck account you@example.com --password-stdin < pw.txt
  mailcheck account user@some-company.test --resolver 127.0.0.1:5353`,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("account needs one e-mail address, e.g. mailcheck account you@qq.com")
			}
			o.address = strings.TrimSpace(args[0])
			return runAccount(c.Context(), o)
		},
	}
	c.Flags().BoolVar(&o.offline, "offline", false, "use the built-in database only; touch no network")
	c.Flags().BoolVar(&o.all, "all-sources", false, "run every discovery method even after one found endpoints")
	return c
}

func runAccount(ctx context.Context, o *accountOptions) error {
	if err := o.g.check(); err != nil {
		return err
	}
	local, domain, err := providers.ParseAddress(o.address)
	if err != nil {
		return usagef("%v", err)
	}
	db, err := o.g.loadDB()
	if err != nil {
		return err
	}
	rep := &probes.Report{Schema: probes.Schema, Command: "account", Input: o.address, Started: time.Now()}
	if o.offline {
		p, ok := db.ByDomain(domain)
		if !ok {
			return usagef("no built-in entry for %s; run without --offline to discover it", domain)
		}
		rep.Provider = p.Key
		rep.Settings = settingsForDB(db, p, p.Endpoints(), local, domain)
		if p.Status == providers.Closed {
			rep.Findings = append(rep.Findings, probes.NewFinding(probes.CodeProviderClosed,
				fmt.Sprintf("%s closed %s; successor: %s", p.Name.EN, p.Closed, p.Successor), p.Key))
		}
		finish(rep)
		if err := o.g.write(o.io, rep); err != nil {
			return err
		}
		return reportErr(rep)
	}
	popts, err := o.g.probeOptions(o.io, local+"@"+domain)
	if err != nil {
		return err
	}
	defer clear(popts.Password)
	if err := discoverAndProbe(ctx, rep, db, local, domain, popts, o.all, o.g.timeout, progressFunc(o.io, o.g, nil)); err != nil {
		return err
	}
	finish(rep)
	if err := o.g.write(o.io, rep); err != nil {
		return err
	}
	return reportErr(rep)
}

// discoverAndProbe fills rep for one address: discovery steps, settings, then every endpoint
// probed concurrently with the login name each protocol wants. It is shared by account and batch.
func discoverAndProbe(ctx context.Context, rep *probes.Report, db *providers.DB, local, domain string,
	popts probes.Options, all bool, timeout time.Duration, progress func(probes.Endpoint, probes.Result)) error {
	d := &providers.Discoverer{DB: db, DNS: popts.Resolver, Guess: true, All: all, Timeout: timeout,
		RootCAs: popts.RootCAs}
	disc, err := d.Discover(ctx, local+"@"+domain)
	if err != nil {
		return usagef("%v", err)
	}
	rep.Discovery = disc.Steps
	if disc.Provider != nil {
		rep.Provider = disc.Provider.Key
	}
	rep.Settings = settingsForDB(db, disc.Provider, disc.Endpoints, local, domain)
	for proto, u := range disc.Usernames {
		rep.Settings.Usernames[proto] = u
	}
	for _, c := range disc.Conflicts {
		rep.Findings = append(rep.Findings, probes.NewFinding(probes.CodeDiscoveryConflict, c, rep.Provider))
	}
	if len(disc.Endpoints) == 0 {
		rep.Findings = append(rep.Findings, probes.NewFinding(probes.CodeDiscoveryNone,
			fmt.Sprintf("no built-in entry, MX match, SRV record, autoconfig file or common host name for %s", domain), rep.Provider))
	}
	providerContext(&popts, disc.Provider)
	optsFor := func(ep probes.Endpoint) probes.Options {
		op := popts
		if op.User == "" {
			op.User = rep.Settings.Usernames[ep.Proto]
			if op.User == "" {
				op.User = local + "@" + domain
			}
		}
		return op
	}
	var pf func(int, probes.Result)
	if progress != nil {
		pf = func(i int, r probes.Result) { progress(disc.Endpoints[i], r) }
	}
	rep.Results = probes.ProbeAll(ctx, disc.Endpoints, optsFor, pf)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	rep.Findings = append(rep.Findings, probes.Conclude(rep.Results)...)
	if disc.Provider != nil {
		rep.Findings = append(rep.Findings, driftFindings(disc.Provider.Key, rep.Results)...)
	}
	return nil
}
