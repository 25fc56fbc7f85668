package cmd

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
	"github.com/mailcheck/mailcheck/providers"
	"github.com/mailcheck/mailcheck/reports"
)

type verifyOptions struct {
	io        *IO
	g         *globalOpts
	names     []string
	httpsPort int
	src       sourceFlags
}

// verifyParallel bounds how many entries are checked at once (each probes its endpoints
// concurrently already).
const verifyParallel = 4

func newCmdProvidersVerify(io_ *IO, g *globalOpts) *cobra.Command {
	o := &verifyOptions{io: io_, g: g}
	c := &cobra.Command{
		Use:   "verify [NAME…]",
		Short: "Check database entries live: DNS, connect, TLS mode, certificate, capabilities, and drift from the provider's autoconfig, Autodiscover and the ISPDB",
		Long: `verify probes every endpoint of the named entries (all active ones when none is named) through
the normal pipeline, without logging in, and compares each entry with what the provider
publishes: its own autoconfig document, its Exchange Autodiscover (POX) answer and its
Thunderbird ISPDB entry (--no-ispdb, --ispdb-url). Any difference is a verify.drift finding
naming the source and both values; the exit status is 1 when an entry drifted. It is how the
provider database stays true.`,
		Example: `  mailcheck providers verify qq 163 gmail
  mailcheck providers verify --format json > verify.json`,
		RunE: func(c *cobra.Command, args []string) error {
			o.names = args
			return runVerify(c.Context(), o)
		},
	}
	o.src.register(c.Flags())
	c.Flags().IntVar(&o.httpsPort, "https-port", 0, "connect autoconfig and Autodiscover HTTPS to this port instead of 443 (tests)")
	c.Flags().MarkHidden("https-port")
	return c
}

type verifyEndpoint struct {
	Proto    probes.Proto    `json:"proto"`
	Host     string          `json:"host"`
	Port     int             `json:"port"`
	Security probes.Security `json:"security"`
	Status   probes.Status   `json:"status"`
	Codes    []findings.Code `json:"codes,omitempty"`
}

type verifyJSON struct {
	Key        string           `json:"key"`
	Status     string           `json:"status"` // ok or drift
	Endpoints  []verifyEndpoint `json:"endpoints"`
	Autoconfig probes.Step      `json:"autoconfig"`
	// AutoconfigURL is where the provider's autoconfig was found, "" when it was not.
	AutoconfigURL     string `json:"autoconfig_url,omitempty"`
	AutoconfigServers int    `json:"autoconfig_servers,omitempty"`
	// Sources compares the entry with each published source: autoconfig (as above),
	// autodiscover, ispdb.
	Sources []providers.SourceCheck `json:"sources"`
	Drift   []findings.Finding      `json:"drift"`
}

func runVerify(ctx context.Context, o *verifyOptions) error {
	if err := o.g.check(); err != nil {
		return err
	}
	if err := o.src.check(o.io); err != nil {
		return err
	}
	db, err := o.g.loadDB()
	if err != nil {
		return err
	}
	var list []*providers.Provider
	if len(o.names) == 0 {
		for _, p := range db.All() {
			if p.Status != providers.Closed {
				list = append(list, p)
			}
		}
	}
	for _, n := range o.names {
		p, ok := db.Lookup(n)
		if !ok {
			msg := fmt.Sprintf("providers verify: unknown provider %q", n)
			if s := db.Suggest(n, 3); len(s) > 0 {
				msg += "; did you mean " + strings.Join(s, ", ") + "?"
			}
			return usagef("%s", msg)
		}
		list = append(list, p)
	}
	if o.g.passwordStdin || o.g.passwordEnv != "" || o.g.tokenStdin || o.g.tokenEnv != "" {
		return usagef("providers verify does not log in: give no password or token")
	}
	popts, err := o.g.probeOptions(o.io, "")
	if err != nil {
		return err
	}
	clear(popts.Password)
	popts.Password, popts.Token, popts.User = nil, nil, ""
	// Only the document lookups of Discoverer are used: of the discovery flags, only the ISPDB's apply.
	d := o.src.apply(o.io, &providers.Discoverer{DB: db, DNS: popts.Resolver, Timeout: o.g.timeout, RootCAs: popts.RootCAs,
		HTTPSPort: o.httpsPort})
	out := make([]providers.Verification, len(list))
	var wg sync.WaitGroup
	sem := make(chan struct{}, verifyParallel)
	prog := o.g.progress(o.io, len(list))
	var mu sync.Mutex
	for i, p := range list {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			out[i] = d.Verify(ctx, p, popts)
			if prog != nil {
				mu.Lock()
				prog.Func()(probes.Endpoint{Host: p.Key}, probes.Result{})
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	prog.Done()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	drift := false
	for i := range out {
		drift = drift || out[i].Drifted()
	}
	if err := o.g.withOutput(o.io, func(w io.Writer, _ bool) error { return writeVerify(w, o.g, out, termWidth(o.io)) }); err != nil {
		return err
	}
	if drift {
		return errFindings
	}
	return nil
}

func writeVerify(w io.Writer, g *globalOpts, vs []providers.Verification, width int) error {
	f, _ := reports.ParseFormat(g.format)
	if f == reports.JSON {
		var js []verifyJSON
		for _, v := range vs {
			ac := v.Source(providers.VerifyAutoconfig)
			j := verifyJSON{Key: v.Key, Status: "ok", Autoconfig: ac.Step, AutoconfigURL: ac.URL,
				AutoconfigServers: ac.Servers, Sources: v.Sources, Drift: v.Drift}
			if v.Drifted() {
				j.Status = "drift"
			}
			if j.Drift == nil {
				j.Drift = []findings.Finding{}
			}
			for _, r := range v.Report.Results {
				e := verifyEndpoint{Proto: r.Endpoint.Proto, Host: r.Endpoint.Host, Port: r.Endpoint.Port,
					Security: r.Endpoint.Security, Status: r.Status}
				for _, s := range r.Steps {
					for _, f := range s.Findings {
						e.Codes = append(e.Codes, f.Code)
					}
				}
				j.Endpoints = append(j.Endpoints, e)
			}
			js = append(js, j)
		}
		return reports.WriteJSON(w, map[string]any{"schema": probes.Schema, "providers": js})
	}
	l := reports.List{Title: verifyTitle.In(g.lang)}
	for _, h := range verifyHead {
		l.Head = append(l.Head, h.In(g.lang))
	}
	for _, v := range vs {
		ok := 0
		for _, r := range v.Report.Results {
			if r.Status == probes.OK || r.Status == probes.Warn {
				ok++
			}
		}
		// One line per source: what it published.
		var pub []string
		for _, s := range v.Sources {
			what := notPublished.In(g.lang)
			switch {
			case s.Off:
				what = verifyOff.In(g.lang)
			case s.Found():
				what = fmt.Sprintf("%s: %d %s", s.Step.Status, s.Servers, servers.In(g.lang))
			case s.Step.Status == probes.Warn:
				what = unusable.In(g.lang)
			}
			pub = append(pub, s.Source+" "+what)
		}
		auto := strings.Join(pub, "; ")
		// One row per difference, the entry's columns on the first.
		drift := []string{"—"}
		if len(v.Drift) > 0 {
			drift = drift[:0]
			for _, f := range v.Drift {
				drift = append(drift, f.Evidence)
			}
		}
		for i, d := range drift {
			if i == 0 {
				l.Rows = append(l.Rows, []string{v.Key, fmt.Sprintf("%d/%d", ok, len(v.Report.Results)), auto, d})
			} else {
				l.Rows = append(l.Rows, []string{"", "", "", d})
			}
		}
	}
	return reports.WriteList(w, l, f, reports.Options{Lang: g.lang, Width: width})
}

var (
	verifyTitle = findings.Text{EN: "Provider database, checked live", ZH: "服务商数据库实时核对"}
	verifyHead  = []findings.Text{{EN: "Key", ZH: "代号"}, {EN: "Endpoints answering", ZH: "可用服务器"},
		{EN: "Published settings", ZH: "公开的设置"}, {EN: "Drift", ZH: "差异"}}
	notPublished = findings.Text{EN: "not published", ZH: "未发布"}
	unusable     = findings.Text{EN: "published, unusable", ZH: "已发布但无法使用"}
	servers      = findings.Text{EN: "servers", ZH: "个服务器"}
	verifyOff    = findings.Text{EN: "off", ZH: "已关闭"}
)
