package cmd

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/providers"
)

type accountOptions struct {
	io      *IO
	g       *globalOpts
	address string
	export  exportFlag
	offline bool
	all     bool
	send    sendTestFlags
}

func newCmdAccount(io_ *IO, g *globalOpts, runF func(context.Context, *accountOptions) error) *cobra.Command {
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
			if runF != nil {
				return runF(c.Context(), o)
			}
			return runAccount(c.Context(), o)
		},
	}
	o.export.register(c)
	c.Flags().BoolVar(&o.offline, "offline", false, "use the built-in database only; touch no network")
	c.Flags().BoolVar(&o.all, "all-sources", false, "run every discovery method even after one found endpoints")
	o.send.register(c.Flags())
	return c
}

func runAccount(ctx context.Context, o *accountOptions) error {
	if err := o.g.check(); err != nil {
		return err
	}
	if _, _, err := providers.ParseAddress(o.address); err != nil {
		return usagef("%v", err)
	}
	if err := o.export.check(o.g); err != nil {
		return err
	}
	db, err := o.g.loadDB()
	if err != nil {
		return err
	}
	if o.offline {
		if o.send.on {
			return usagef("--send-test sends mail: it cannot run with --offline")
		}
		plan, ok, err := db.PlanAccountOffline(o.address)
		if err != nil {
			return usagef("%v", err)
		}
		if !ok {
			return usagef("no built-in entry for %s; run without --offline to discover it", o.address[strings.LastIndexByte(o.address, '@')+1:])
		}
		rep := probes.Run(ctx, plan)
		if o.export.kind != "" {
			return o.g.finishExport(ctx, o.io, o.export.kind, o.address, plan, &rep)
		}
		return o.g.finish(ctx, o.io, &rep)
	}
	popts, err := o.g.probeOptions(o.io, o.address)
	if err != nil {
		return err
	}
	defer clear(popts.Password)
	send, err := o.send.plan(popts)
	if err != nil {
		return err
	}
	plan, err := o.g.discoverer(db, popts, o.all).PlanAccount(ctx, probes.CmdAccount, o.address)
	if err != nil {
		return usagef("%v", err)
	}
	plan.Options = popts
	plan.SendTest = send
	if o.export.kind != "" {
		rep := o.g.runPlan(ctx, o.io, plan)
		return o.g.finishExport(ctx, o.io, o.export.kind, o.address, plan, &rep)
	}
	return o.g.runWithProgress(ctx, o.io, plan)
}

// discoverer is the discovery chain with the run's resolver, CAs and timeout.
func (g *globalOpts) discoverer(db *providers.DB, popts probes.Options, all bool) *providers.Discoverer {
	return &providers.Discoverer{DB: db, DNS: popts.Resolver, Guess: true, All: all, Timeout: g.timeout,
		RootCAs: popts.RootCAs}
}
