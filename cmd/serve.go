package cmd

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/mailcheck/mailcheck/cmd/serve"
	"github.com/mailcheck/mailcheck/cmd/serve/store"
	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/providers"
)

type serveOptions struct {
	listen        string
	allowRemote   bool
	tlsCert       string
	tlsKey        string
	authFile      string
	allowPrivate  bool
	allowCIDR     []string
	db            string
	keep          string
	config        string
	rate          float64
	burst         int
	maxConcurrent int
	checkTimeout  time.Duration
	sources       sourceFlags
}

func newCmdServe(io_ *IO, g *globalOpts) *cobra.Command {
	o := &serveOptions{}
	c := &cobra.Command{
		Use:   "serve",
		Short: "A helpdesk web page, a JSON API and a Prometheus exporter on the same checks",
		Long: `serve runs mailcheck as a server: a web page for helpdesk agents (form, live progress, the
HTML report, a permalink and a history), a JSON API (POST /api/v1/check, GET /api/v1/reports/ID)
and a blackbox-style Prometheus exporter (GET /probe?target=HOST:PORT&module=NAME, modules from
--config). It listens on loopback unless --allow-remote, which needs --auth-file. Checks may not
connect to loopback, private, link-local, CGNAT, multicast or cloud-metadata addresses unless
--allow-private or --allow-cidr permits them.`,
		Example: `  mailcheck serve
  mailcheck serve --listen 127.0.0.1:8780 --db history.sqlite --keep 30d,10000 --config modules.yml
  mailcheck serve --listen 0.0.0.0:8780 --allow-remote --auth-file /etc/mailcheck/auth`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error { return runServe(c.Context(), io_, g, o) },
	}
	f := c.Flags()
	f.StringVar(&o.listen, "listen", "127.0.0.1:8780", "`ADDR:PORT` to listen on (loopback unless --allow-remote)")
	f.BoolVar(&o.allowRemote, "allow-remote", false, "permit a non-loopback --listen address (needs --auth-file)")
	f.StringVar(&o.tlsCert, "tls-cert", "", "serve HTTPS with this certificate chain (PEM `FILE`, with --tls-key)")
	f.StringVar(&o.tlsKey, "tls-key", "", "the private key of --tls-cert (PEM `FILE`)")
	f.StringVar(&o.authFile, "auth-file", "", "bearer tokens and USER:PASSWORD lines required of every request (`FILE`)")
	f.BoolVar(&o.allowPrivate, "allow-private", false, "let checks connect to loopback, private, link-local and CGNAT addresses")
	f.StringSliceVar(&o.allowCIDR, "allow-cidr", nil, "let checks connect to these `CIDR` ranges (repeatable)")
	f.StringVar(&o.db, "db", "", "history database `FILE` (SQLite; default: in memory, lost on exit)")
	f.StringVar(&o.keep, "keep", "30d", "retention: an age (30d, 720h), a count (10000), or both (30d,10000)")
	f.StringVar(&o.config, "config", "", "exporter modules (YAML `FILE`)")
	f.Float64Var(&o.rate, "rate", 10, "checks a minute from one client address")
	f.IntVar(&o.burst, "burst", 5, "checks one client may make at once before --rate applies")
	f.IntVar(&o.maxConcurrent, "max-concurrent", 8, "checks running at once, all clients together")
	f.DurationVar(&o.checkTimeout, "check-timeout", 2*time.Minute, "bound of one whole check")
	o.sources.register(f)
	return c
}

// parseKeep reads --keep: "30d", "720h", "10000", "30d,10000"; "0" or "" keeps everything.
func parseKeep(s string) (store.Keep, error) {
	var k store.Keep
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		switch {
		case part == "" || part == "0":
		case strings.HasSuffix(part, "d"):
			n, err := strconv.Atoi(strings.TrimSuffix(part, "d"))
			if err != nil || n <= 0 {
				return k, usagef("--keep %q: want DAYSd, a duration, a count, or AGE,COUNT", s)
			}
			k.MaxAge = time.Duration(n) * 24 * time.Hour
		default:
			if n, err := strconv.Atoi(part); err == nil && n > 0 {
				k.MaxCount = n
				continue
			}
			d, err := time.ParseDuration(part)
			if err != nil || d <= 0 {
				return k, usagef("--keep %q: want DAYSd, a duration, a count, or AGE,COUNT", s)
			}
			k.MaxAge = d
		}
	}
	return k, nil
}

// listenLoopback says whether the --listen host is a loopback address.
func listenLoopback(listen string) (bool, error) {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return false, usagef("--listen %q: want ADDR:PORT, e.g. 127.0.0.1:8780", listen)
	}
	if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		return false, usagef("--listen %q: bad port", listen)
	}
	if host == "localhost" {
		return true, nil
	}
	a, err := netip.ParseAddr(host)
	if host != "" && err != nil {
		return false, usagef("--listen %q: give an IP address, not a name", listen)
	}
	return host != "" && a.IsLoopback(), nil
}

func runServe(ctx context.Context, io_ *IO, g *globalOpts, o *serveOptions) error {
	if err := g.check(); err != nil {
		return err
	}
	if g.passwordStdin || g.passwordEnv != "" || g.tokenStdin || g.tokenEnv != "" || g.user != "" {
		return usagef("serve takes credentials per check (form, JSON body, or an exporter module), not from flags")
	}
	if err := o.sources.check(io_); err != nil {
		return err
	}
	if o.rate <= 0 || o.burst <= 0 || o.maxConcurrent <= 0 || o.checkTimeout <= 0 {
		return usagef("--rate, --burst, --max-concurrent and --check-timeout must be positive")
	}
	loop, err := listenLoopback(o.listen)
	if err != nil {
		return err
	}
	if !loop && !o.allowRemote {
		return usagef("--listen %s is not a loopback address: add --allow-remote (and --auth-file) to serve other machines", o.listen)
	}
	var auth *serve.Auth
	if o.authFile != "" {
		f, err := os.Open(o.authFile)
		if err != nil {
			return usagef("--auth-file: %v", err)
		}
		auth, err = serve.ParseAuth(f)
		f.Close()
		if err != nil {
			return usagef("--auth-file %s: %v", o.authFile, err)
		}
	} else if !loop {
		return usagef("--listen %s serves other machines: --auth-file is required", o.listen)
	}
	cidrs, err := serve.ParseCIDRs(o.allowCIDR)
	if err != nil {
		return usagef("%v", err)
	}
	keep, err := parseKeep(o.keep)
	if err != nil {
		return err
	}
	var mods map[string]serve.Module
	if o.config != "" {
		if mods, err = serve.LoadModules(o.config); err != nil {
			return usagef("--config %s: %v", o.config, err)
		}
	}
	db, err := g.loadDB()
	if err != nil {
		return err
	}
	popts, err := g.probeOptions(io_, "") // the resolver and CAs; credentials come per check
	if err != nil {
		return err
	}
	clear(popts.Password) // MAILCHECK_PASSWORD / MAILCHECK_OAUTH_TOKEN are not serve's
	clear(popts.Token)
	st, err := store.Open(o.db, keep)
	if err != nil {
		return usagef("--db: %v", err)
	}
	defer st.Close()
	srv, err := serve.New(serve.Config{Planner: &servePlanner{g: g, db: db, io: io_, sources: &o.sources}, Store: st, Auth: auth, Modules: mods,
		Guard: &serve.Guard{AllowPrivate: o.allowPrivate, Allow: cidrs}, Resolver: popts.Resolver, RootCAs: popts.RootCAs,
		Insecure: g.insecure, Timeout: g.timeout, CheckTimeout: o.checkTimeout, RatePerMinute: o.rate, Burst: o.burst,
		MaxConcurrent: o.maxConcurrent, Log: log.New(io_.Err, "", log.LstdFlags|log.LUTC)})
	if err != nil {
		return err
	}
	if (o.tlsCert == "") != (o.tlsKey == "") {
		return usagef("--tls-cert and --tls-key go together")
	}
	ln, err := serveListener(o)
	if err != nil {
		return err
	}
	if !loop && o.tlsCert == "" {
		fmt.Fprintln(io_.Err, "WARNING: serving other machines over plain HTTP: passwords typed into the form and the --auth-file credentials cross the network unencrypted; use --tls-cert/--tls-key or a TLS reverse proxy.")
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: o.checkTimeout + 30*time.Second, IdleTimeout: 60 * time.Second, MaxHeaderBytes: 16 << 10}
	scheme := "http"
	if o.tlsCert != "" {
		scheme = "https"
	}
	fmt.Fprintf(io_.Out, "mailcheck serve on %s://%s/ (API /api/v1/check, exporter /probe, metrics /metrics)\n", scheme, ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	hs.Shutdown(sctx)
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return ctx.Err() // Ctrl-C is the way out: exit 130, like lab serve
}

// serveListener listens on --listen, with TLS when --tls-cert and --tls-key are given.
func serveListener(o *serveOptions) (net.Listener, error) {
	var conf *tls.Config
	if o.tlsCert != "" {
		cert, err := tls.LoadX509KeyPair(o.tlsCert, o.tlsKey)
		if err != nil {
			return nil, usagef("--tls-cert/--tls-key: %v", err)
		}
		conf = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	ln, err := net.Listen("tcp", o.listen)
	if err != nil {
		return nil, fmt.Errorf("--listen: %w", err)
	}
	if conf != nil {
		ln = tls.NewListener(ln, conf)
	}
	return ln, nil
}

// servePlanner builds a serve request's plan with the CLI's own builders: parseEndpoint (probe),
// the discoverer's PlanAccount (account), the database's PlanProvider (provider).
type servePlanner struct {
	g       *globalOpts
	db      *providers.DB
	io      *IO
	sources *sourceFlags // --no-ispdb, --ispdb-url
	// httpsPort redirects autoconfig's port 443 (tests serve on a loopback port); 0 = 443.
	httpsPort int
}

func (p *servePlanner) Plan(ctx context.Context, req serve.Request, opts probes.Options) (probes.Plan, error) {
	// Every error here is the request's (a bad address, target or provider): a 400.
	usage := func(err error) error { return &serve.UsageError{Msg: err.Error()} }
	switch {
	case req.Address != "":
		if _, _, err := providers.ParseAddress(req.Address); err != nil {
			return probes.Plan{}, usage(err)
		}
		// Discovered servers stay on the mail ports and get no credential outside the
		// address's domain: the safe defaults of account (--any-port, --trust-discovered off).
		d := p.g.discoverer(p.db, opts, false, discoveryFlags{})
		if p.sources != nil {
			p.sources.apply(p.io, d)
		}
		d.Dialer, d.HTTPSPort = opts.Dialer, p.httpsPort
		plan, err := d.PlanAccount(ctx, probes.CmdAccount, req.Address)
		if err != nil {
			return probes.Plan{}, usage(err)
		}
		plan.Options = opts
		return plan, nil
	case req.Provider != "":
		pr, ok := p.db.Lookup(req.Provider)
		if !ok {
			msg := fmt.Sprintf("unknown provider %q", req.Provider)
			if s := p.db.Suggest(req.Provider, 3); len(s) > 0 {
				msg += "; did you mean " + strings.Join(s, ", ") + "?"
			}
			return probes.Plan{}, &serve.UsageError{Msg: msg}
		}
		if len(opts.Password) > 0 && opts.User == "" {
			return probes.Plan{}, &serve.UsageError{Msg: "a password needs a login name (user)"}
		}
		plan := p.db.PlanProvider(pr, req.Provider, false)
		plan.Options = opts
		return plan, nil
	}
	proto := probes.Proto(strings.ToLower(req.Protocol))
	if !probes.Supported(proto) {
		return probes.Plan{}, &serve.UsageError{Msg: fmt.Sprintf("protocol %q: want smtp, pop3 or imap", req.Protocol)}
	}
	if req.Target == "" {
		return probes.Plan{}, &serve.UsageError{Msg: "target: want HOST[:PORT]"}
	}
	sec := req.Security
	if sec == "" {
		sec = "auto"
	}
	ep, err := parseEndpoint(proto, req.Target, sec)
	if err != nil {
		return probes.Plan{}, usage(err)
	}
	return probes.Plan{Command: probes.CmdProbe, Input: string(proto) + " " + req.Target,
		Endpoints: []probes.Endpoint{ep}, Options: opts}, nil
}
