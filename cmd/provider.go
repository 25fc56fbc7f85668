package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/providers"
	"github.com/mailcheck/mailcheck/reports"
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

// settingsForDB describes what to type into a client for p (local/domain fill the login names;
// db names a closed provider's successor): eps (the endpoints probed), then
// p's alternative endpoints (overseas nodes, legacy hosts), which are shown but not probed and
// carry Source "builtin:KEY (alternative)".
func settingsForDB(db *providers.DB, p *providers.Provider, eps []probes.Endpoint, local, domain string) *probes.Settings {
	s := &probes.Settings{Name: probes.Text{EN: "unknown provider", ZH: "未知服务商"}, Endpoints: eps,
		Usernames: map[probes.Proto]string{}}
	if p == nil {
		return s
	}
	s.Endpoints = slices.Clip(eps)
	for _, alt := range p.AltEndpoints() {
		if !slices.ContainsFunc(s.Endpoints, func(e probes.Endpoint) bool {
			return e.Proto == alt.Proto && e.Host == alt.Host && e.Port == alt.Port
		}) {
			s.Endpoints = append(s.Endpoints, alt)
		}
	}
	s.Provider, s.Name, s.Status = p.Key, p.Name, string(p.Status)
	if p.Successor != "" {
		s.Successor = successorName(db, p.Successor)
	}
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
	for _, n := range p.AltNotes() {
		s.Notes = append(s.Notes, probes.Quirk{Text: n})
	}
	return s
}

// successorName names a closed provider's successor the way a person looks for it, in both
// languages with the key to type: "Aliyun Mail (personal) / 阿里邮箱（个人版） (aliyun)".
func successorName(db *providers.DB, key string) string {
	p, ok := db.ByKey(key)
	if !ok {
		return key
	}
	name := p.Name.EN
	switch {
	case name == "":
		name = p.Name.ZH
	case p.Name.ZH != "" && p.Name.ZH != name:
		name += " / " + p.Name.ZH
	}
	return fmt.Sprintf("%s (%s)", name, key)
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
	rep.Settings = settingsForDB(db, p, eps, "", "")
	if p.Status == providers.Closed {
		rep.Findings = append(rep.Findings, probes.NewFinding(probes.CodeProviderClosed,
			fmt.Sprintf("%s closed %s; successor: %s", p.Name.EN, p.Closed, rep.Settings.Successor), p.Key))
	}
	if !o.offline && len(eps) > 0 {
		popts, err := o.g.probeOptions(o.io, p.Key)
		if err != nil {
			return err
		}
		if len(popts.Password) > 0 && popts.User == "" {
			// Without a name every endpoint would be asked to log in as "": refuse before probing.
			clear(popts.Password)
			return usagef("provider: a password needs --user (the login name, usually your full address)")
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
	f, _ := reports.ParseFormat(g.format)
	if f == reports.JSON {
		return writeJSON(w, map[string]any{"schema": probes.Schema, "providers": db.All()})
	}
	l := reports.List{Title: providersTitle.In(g.lang), MaxWidth: 48}
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
	return reports.WriteList(w, l, f, reports.Options{Lang: g.lang})
}

var (
	providersTitle = probes.Text{EN: "Mail providers mailcheck knows", ZH: "mailcheck 收录的邮件服务商"}
	providersHead  = []probes.Text{{EN: "Key", ZH: "代号"}, {EN: "Name", ZH: "名称"}, {EN: "Domains", ZH: "域名"},
		{EN: "IMAP", ZH: "IMAP"}, {EN: "POP3", ZH: "POP3"}, {EN: "SMTP", ZH: "SMTP"}, {EN: "Password", ZH: "密码类型"},
		{EN: "Status", ZH: "状态"}}
)
