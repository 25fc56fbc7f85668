package cmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/spf13/cobra"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/providers"
	"github.com/mailcheck/mailcheck/reports"
)

type providerOptions struct {
	io      *IO
	g       *globalOpts
	name    string
	offline bool
	dl      runDeadline
}

func newCmdProvider(io_ *IO, g *globalOpts, runF func(context.Context, *providerOptions) error) *cobra.Command {
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
			if runF != nil {
				return runF(c.Context(), o)
			}
			return runProvider(c.Context(), o)
		},
	}
	c.Flags().BoolVar(&o.offline, "offline", false, "print the settings only; touch no network")
	o.dl.register(c.Flags(), "the live check of every endpoint")
	return c
}

// loadDB is the built-in database plus the user's config-dir file plus --providers.
func (g *globalOpts) loadDB() (*providers.DB, error) {
	db := providers.Builtin()
	add := func(path string, must bool) error {
		b, err := readLocalFile(g.ctx, path, providers.MaxFile)
		if err != nil {
			if !must && errors.Is(err, os.ErrNotExist) {
				return nil
			}
			return localFileErr("--providers", path, err)
		}
		extra, err := providers.Load(bytes.NewReader(b))
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

func runProvider(ctx context.Context, o *providerOptions) error {
	if err := o.g.check(); err != nil {
		return err
	}
	if err := o.dl.check(); err != nil {
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
	plan := db.PlanProvider(p, o.name, o.offline)
	if len(plan.Endpoints) > 0 {
		popts, err := o.g.probeOptions(o.io, p.Key)
		if err != nil {
			return err
		}
		defer clear(popts.Password)
		if len(popts.Password) > 0 && popts.User == "" {
			// Without a name every endpoint would be asked to log in as "": refuse before probing.
			return usagef("provider: a password needs --user (the login name, usually your full address)")
		}
		plan.Options = popts
		plan.Deadline = o.dl.at(nil)
	}
	return o.g.runWithProgress(ctx, o.io, plan)
}

func newCmdProviders(io_ *IO, g *globalOpts) *cobra.Command {
	c := &cobra.Command{
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
			return g.withOutput(io_, func(w io.Writer, _ bool) error { return writeProviders(w, g, db, termWidth(io_)) })
		},
	}
	c.AddCommand(newCmdProvidersVerify(io_, g))
	return c
}

func writeProviders(w io.Writer, g *globalOpts, db *providers.DB, width int) error {
	f, _ := reports.ParseFormat(g.format)
	if f == reports.JSON {
		return reports.WriteJSON(w, map[string]any{"schema": probes.Schema, "providers": db.All()})
	}
	l := reports.List{Title: providersTitle.In(g.lang)}
	for _, h := range providersHead {
		l.Head = append(l.Head, h.In(g.lang))
	}
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
		if len(doms) > 3 && f == reports.Table {
			doms = append(doms[:3:3], fmt.Sprintf("+%d", len(p.Domains)-3))
		}
		l.Rows = append(l.Rows, []string{p.Key, p.Name.In(g.lang), strings.Join(doms, " "), host(probes.IMAP),
			host(probes.POP3), host(probes.SMTP), string(p.Auth), string(p.Status)})
	}
	return reports.WriteList(w, l, f, reports.Options{Lang: g.lang, Width: width})
}

var (
	providersTitle = findings.Text{EN: "Mail providers mailcheck knows", ZH: "mailcheck 收录的邮件服务商"}
	providersHead  = []findings.Text{{EN: "Key", ZH: "代号"}, {EN: "Name", ZH: "名称"}, {EN: "Domains", ZH: "域名"},
		{EN: "IMAP", ZH: "IMAP"}, {EN: "POP3", ZH: "POP3"}, {EN: "SMTP", ZH: "SMTP"}, {EN: "Password", ZH: "密码类型"},
		{EN: "Status", ZH: "状态"}}
)
