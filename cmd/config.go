package cmd

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/providers"
)

type configOptions struct {
	io      *IO
	g       *globalOpts
	file    string
	offline bool
}

func newCmdConfig(io_ *IO, g *globalOpts, runF func(context.Context, *configOptions) error) *cobra.Command {
	o := &configOptions{io: io_, g: g}
	c := &cobra.Command{
		Use:   "config FILE",
		Short: "Read a mail client's configuration file, lint it, and probe exactly those settings",
		Long: `config reads what a mail client was actually given — a Thunderbird autoconfig document
(config-v1.1.xml), an Exchange Autodiscover response, an Apple .mobileconfig profile or a
Thunderbird prefs.js — and says what is wrong with it: "Use SSL" on 587 or 143 (STARTTLS), a
misspelt or unknown setting name, a missing port, a password over plain text, an embedded
password (never printed), and where it differs from mailcheck's provider database. Without
--offline it then probes exactly those servers. FILE "-" reads standard input.`,
		Example: `  mailcheck config config-v1.1.xml --offline
  mailcheck config profile.mobileconfig
  mailcheck config ~/.thunderbird/xxxx.default/prefs.js --format json`,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) != 1 || strings.TrimSpace(args[0]) == "" {
				return usagef("config needs one file, e.g. mailcheck config config-v1.1.xml")
			}
			o.file = args[0]
			if runF != nil {
				return runF(c.Context(), o)
			}
			return runConfig(c.Context(), o)
		},
	}
	c.Flags().BoolVar(&o.offline, "offline", false, "lint and compare only; touch no network")
	return c
}

// readConfigFile reads FILE (or stdin for "-"), bounded to providers.MaxConfigFile.
func readConfigFile(io_ *IO, name string) ([]byte, error) {
	var r io.Reader
	if name == "-" {
		r = io_.In
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, usagef("config: %v", err)
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, providers.MaxConfigFile+1))
	if err != nil {
		return nil, usagef("config: reading %s: %v", name, err)
	}
	if len(data) > providers.MaxConfigFile {
		return nil, usagef("config: %s is larger than %d bytes; not a client configuration file", name, providers.MaxConfigFile)
	}
	return data, nil
}

func runConfig(ctx context.Context, o *configOptions) error {
	if err := o.g.check(); err != nil {
		return err
	}
	data, err := readConfigFile(o.io, o.file)
	if err != nil {
		return err
	}
	cc, err := providers.ParseClientConfig(data)
	clear(data) // it may hold a password
	if err != nil {
		return usagef("config %s: %v", o.file, err)
	}
	db, err := o.g.loadDB()
	if err != nil {
		return err
	}
	plan := db.PlanConfig(cc, o.file, o.offline)
	if o.offline {
		rep := probes.Run(ctx, plan)
		return o.g.finish(ctx, o.io, &rep)
	}
	popts, err := o.g.probeOptions(o.io, cc.Address)
	if err != nil {
		return err
	}
	defer clear(popts.Password)
	if (len(popts.Password) > 0 || popts.Token != nil) && popts.User == "" {
		// Without a name an endpoint would be asked to log in as "": refuse before probing.
		for _, e := range plan.Endpoints {
			if plan.Logins[e.Proto] == "" {
				return usagef("config: the file gives no login name for %s; add --user NAME", e.Proto)
			}
		}
	}
	plan.Options = popts
	return o.g.runWithProgress(ctx, o.io, plan)
}

// exportFlag is account's --export: write the settings as a client file to --output.
type exportFlag struct{ kind string }

func (e *exportFlag) register(c *cobra.Command) {
	var kinds []string
	for _, k := range providers.ExportKinds {
		kinds = append(kinds, string(k))
	}
	c.Flags().StringVar(&e.kind, "export", "", "write the settings as `FORMAT` ("+strings.Join(kinds, ", ")+") to --output FILE; the report goes to stdout")
}

// check validates the flag before any network step.
func (e *exportFlag) check(g *globalOpts) error {
	if e.kind == "" {
		return nil
	}
	ok := false
	for _, k := range providers.ExportKinds {
		ok = ok || string(k) == e.kind
	}
	if !ok {
		return usagef("--export: want autoconfig, mobileconfig or autodiscover, got %q", e.kind)
	}
	if g.output == "" {
		return usagef("--export needs -o FILE, the file to write")
	}
	return nil
}

// exportSpec is what to export from a finished run: the endpoints that passed (all of them when
// nothing was probed, i.e. the database's settings offline) and the login names.
func exportSpec(address string, plan probes.Plan, rep *probes.Report) providers.ExportSpec {
	spec := providers.ExportSpec{Address: address, Usernames: map[probes.Proto]string{}}
	if plan.Settings != nil {
		spec.DisplayName = plan.Settings.Name.EN
		spec.OAuth = plan.Settings.Auth == probes.AuthOAuthOnly
		for p, u := range plan.Settings.Usernames {
			spec.Usernames[p] = u
		}
	}
	if len(rep.Results) == 0 {
		if plan.Settings != nil {
			for _, e := range plan.Settings.Endpoints {
				if !e.Alt {
					spec.Endpoints = append(spec.Endpoints, e)
				}
			}
		}
		return spec
	}
	// Passed: ok, or working with a warning (a certificate that expires soon still works).
	for _, r := range rep.Results {
		if (r.Status == probes.OK || r.Status == probes.Warn) && r.Endpoint.Source != "send-test" {
			spec.Endpoints = append(spec.Endpoints, r.Endpoint)
		}
	}
	return spec
}

// finishExport writes the report to stdout and the export to --output. Nothing verified to
// export is exit 1 with the report still shown.
func (g *globalOpts) finishExport(ctx context.Context, io_ *IO, kind, address string, plan probes.Plan, rep *probes.Report) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	out := g.output
	g.output = ""
	err := g.write(io_, rep)
	g.output = out
	if err != nil {
		return err
	}
	data, xerr := providers.Export(providers.ConfigKind(kind), exportSpec(address, plan, rep))
	if xerr != nil {
		why := ""
		if len(rep.Results) > 0 {
			why = " (no endpoint passed the check)"
		}
		fmt.Fprintf(io_.Err, "mailcheck: --export %s: %v%s\n", kind, xerr, why)
		return errFindings
	}
	if err := g.withOutput(io_, func(w io.Writer, _ bool) error {
		_, err := w.Write(data)
		return err
	}); err != nil {
		return fmt.Errorf("--export: %w", err)
	}
	if !g.quiet {
		fmt.Fprintf(io_.Err, "%s written to %s\n", kind, g.output)
	}
	return reportErr(rep)
}

// runPlan runs plan with the progress line on a terminal and returns the report unwritten.
func (g *globalOpts) runPlan(ctx context.Context, io_ *IO, plan probes.Plan) probes.Report {
	prog := g.progress(io_, len(plan.Endpoints))
	plan.Progress = prog.Func()
	rep := probes.Run(ctx, plan)
	prog.Done()
	return rep
}
