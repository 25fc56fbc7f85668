package cmd

import (
	"context"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

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
	disc    discoveryFlags
	src     sourceFlags
	// httpsPort redirects discovery's HTTPS port 443 (tests serve Autodiscover and autoconfig
	// on a loopback port); hidden, like verify's.
	httpsPort int
}

// DefaultDeadline bounds a whole account run (discovery and every probe): with 32 endpoints at
// most, 4 connections per address and --timeout per step, a healthy run ends far sooner, and a
// hostile zone of silent servers cannot hold it for longer.
const DefaultDeadline = 5 * time.Minute

// runDeadline is --deadline, one definition for every command that probes (account, batch,
// provider, probe, conform): a bound on the whole run, whatever each step's --timeout allows.
type runDeadline struct {
	deadline time.Duration
	fs       *pflag.FlagSet
}

func (f *runDeadline) register(fs *pflag.FlagSet, what string) {
	f.fs = fs
	fs.DurationVar(&f.deadline, "deadline", DefaultDeadline, "bound on "+what+" (every step still has --timeout)")
}

func (f *runDeadline) check() error {
	if f.deadline <= 0 {
		return usagef("--deadline must be positive, got %s", f.deadline)
	}
	return nil
}

// at is the run's deadline when it starts now. A --send-test round trip may wait up to 10
// minutes for its message: unless --deadline was given, the default bound comes on top of it.
func (f *runDeadline) at(send *probes.SendTest) time.Time {
	d := f.deadline
	if send != nil && (f.fs == nil || !f.fs.Changed("deadline")) {
		d += send.Wait
	}
	return time.Now().Add(d)
}

// discoveryFlags are the discovery safety flags of account and batch (issue 20).
type discoveryFlags struct {
	anyPort         bool
	trustDiscovered bool
	runDeadline
}

// register adds the flags; logsIn: the command may log in, so --trust-discovered applies.
func (f *discoveryFlags) register(fs *pflag.FlagSet, logsIn bool, deadlineWhat string) {
	fs.BoolVar(&f.anyPort, "any-port", false, "keep discovered servers on any port, not only the mail ports ("+providers.MailPortList()+")")
	if logsIn {
		fs.BoolVar(&f.trustDiscovered, "trust-discovered", false, "send the password or token to discovered servers outside the address's domain")
	}
	f.runDeadline.register(fs, deadlineWhat)
}

func newCmdAccount(io_ *IO, g *globalOpts, runF func(context.Context, *accountOptions) error) *cobra.Command {
	o := &accountOptions{io: io_, g: g}
	c := &cobra.Command{
		Use:   "account ADDRESS",
		Short: "Discover the settings for an address and check every endpoint",
		Long: `account finds the servers for an e-mail address — built-in database, MX records (a domain
hosted by Google, Microsoft, Tencent, NetEase, Alibaba, Zoho …), RFC 6186 SRV records, the
Microsoft 365 mailbox check, autoconfig, Thunderbird's ISPDB, the MX host's base domain,
Exchange Autodiscover, then common host names (the bare domain and its MX hosts too) — all at
once, records where each came from, and probes every endpoint concurrently. With a password
it logs in once per endpoint and looks at the mailbox.`,
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
	c.Flags().BoolVar(&o.all, "all-sources", false, "run every discovery method even after one found endpoints, and compare what each said")
	o.send.register(c.Flags())
	o.disc.register(c.Flags(), true, "the whole run, discovery included")
	o.src.register(c.Flags())
	c.Flags().IntVar(&o.httpsPort, "https-port", 0, "connect discovery's HTTPS to this port instead of 443 (tests)")
	c.Flags().MarkHidden("https-port")
	return c
}

func runAccount(ctx context.Context, o *accountOptions) error {
	if err := o.g.check(); err != nil {
		return err
	}
	if err := o.disc.check(); err != nil {
		return err
	}
	if err := o.src.check(o.io); err != nil {
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
	deadline := o.disc.at(send)
	// Discovery runs under the deadline too; Run reports what the deadline cut (run.deadline).
	dctx, cancel := context.WithDeadline(ctx, deadline)
	d := o.src.apply(o.io, o.g.discoverer(db, popts, o.all, o.disc))
	d.M365 = true // the user's own address: Exchange Online's unauthenticated check is fine
	d.HTTPSPort = o.httpsPort
	plan, err := d.PlanAccount(dctx, probes.CmdAccount, o.address)
	cancel()
	if err != nil {
		return usagef("%v", err)
	}
	plan.Options = popts
	plan.Deadline = deadline
	plan.SendTest = send
	if o.export.kind != "" {
		rep := o.g.runPlan(ctx, o.io, plan)
		return o.g.finishExport(ctx, o.io, o.export.kind, o.address, plan, &rep)
	}
	return o.g.runWithProgress(ctx, o.io, plan)
}

// discoverer is the discovery chain with the run's resolver, CAs and timeout.
func (g *globalOpts) discoverer(db *providers.DB, popts probes.Options, all bool, f discoveryFlags) *providers.Discoverer {
	return &providers.Discoverer{DB: db, DNS: popts.Resolver, Guess: true, All: all, Timeout: g.timeout,
		RootCAs: popts.RootCAs, AnyPort: f.anyPort, TrustDiscovered: f.trustDiscovered}
}
