package cmd

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mailcheck/mailcheck/probes"
)

type probeOptions struct {
	io       *IO
	g        *globalOpts
	proto    probes.Proto
	target   string
	security string
	ehlo     string
	send     sendTestFlags
	receive  string
	dl       runDeadline
}

func newCmdProbe(io_ *IO, g *globalOpts, runF func(context.Context, *probeOptions) error) *cobra.Command {
	o := &probeOptions{io: io_, g: g}
	c := &cobra.Command{
		Use:   "probe smtp|pop3|imap HOST[:PORT]",
		Short: "Walk one server step by step, as a mail client does",
		Example: `  mailcheck probe smtp smtp.qq.com:465
  mailcheck probe pop3 pop.163.com --security tls --user you@163.com --password-stdin
  mailcheck probe smtp mail.example.com:25 --format json`,
		RunE: func(c *cobra.Command, args []string) error {
			p, target, err := protoArgs("probe", args)
			if err != nil {
				return err
			}
			o.proto, o.target = p, target
			if runF != nil {
				return runF(c.Context(), o)
			}
			return runProbe(c.Context(), o)
		},
	}
	c.Flags().StringVar(&o.security, "security", "auto", "connection security: auto, tls, starttls or plain")
	c.Flags().StringVar(&o.ehlo, "ehlo", "", "name to send in EHLO (default mailcheck.invalid)")
	o.send.register(c.Flags())
	c.Flags().StringVar(&o.receive, "receive-via", "", "with probe smtp --send-test: look for the message at `imaps://HOST[:PORT]`")
	o.dl.register(c.Flags(), "the whole run, both security modes and --send-test included")
	return c
}

// protoArgs checks the `smtp|pop3|imap HOST[:PORT]` arguments of probe and conform.
func protoArgs(command string, args []string) (probes.Proto, string, error) {
	if len(args) != 2 {
		return "", "", usagef("%s needs a protocol and a host: mailcheck %s smtp|pop3|imap HOST[:PORT]", command, command)
	}
	p := probes.Proto(strings.ToLower(args[0]))
	if !probes.Supported(p) {
		return "", "", usagef("unknown protocol %q: want smtp, pop3 or imap", args[0])
	}
	return p, args[1], nil
}

// parseSecurity validates --security.
func parseSecurity(s string) (probes.Security, error) {
	switch sec := probes.Security(strings.ToLower(s)); sec {
	case probes.Auto, probes.ImplicitTLS, probes.STARTTLS, probes.Plain:
		return sec, nil
	case "ssl":
		return probes.ImplicitTLS, nil
	}
	return "", usagef("--security: want auto, tls, starttls or plain, got %q", s)
}

// oneEndpoint turns `PROTO HOST[:PORT]` and --security into the endpoint and the probe
// options (password included) that probe and conform walk.
func (g *globalOpts) oneEndpoint(io_ *IO, proto probes.Proto, target, security, ehlo string) (probes.Endpoint, probes.Options, error) {
	if err := g.check(); err != nil {
		return probes.Endpoint{}, probes.Options{}, err
	}
	ep, err := parseEndpoint(proto, target, security)
	if err != nil {
		return probes.Endpoint{}, probes.Options{}, err
	}
	popts, err := g.probeOptions(io_, ep.Host)
	if err != nil {
		return probes.Endpoint{}, probes.Options{}, err
	}
	popts.EHLOName = ehlo
	return ep, popts, nil
}

// parseEndpoint turns `PROTO HOST[:PORT]` and a security mode into the endpoint (probe,
// conform, and serve's protocol+target checks).
func parseEndpoint(proto probes.Proto, target, security string) (probes.Endpoint, error) {
	sec, err := parseSecurity(security)
	if err != nil {
		return probes.Endpoint{}, err
	}
	host, port, err := splitHostPort(target, 0)
	if err != nil {
		return probes.Endpoint{}, usagef("%v", err)
	}
	if port == 0 {
		port = probes.DefaultPort(proto, sec)
	}
	return probes.Endpoint{Proto: proto, Host: host, Port: port, Security: probes.ResolveSecurity(sec, port), Source: "flag"}, nil
}

func runProbe(ctx context.Context, o *probeOptions) error {
	if err := o.dl.check(); err != nil {
		return err
	}
	ep, popts, err := o.g.oneEndpoint(o.io, o.proto, o.target, o.security, o.ehlo)
	if err != nil {
		return err
	}
	defer clear(popts.Password)
	plan := probes.Plan{Command: probes.CmdProbe, Input: string(o.proto) + " " + o.target,
		Endpoints: []probes.Endpoint{ep}, Options: popts}
	if plan.SendTest, err = o.send.plan(popts); err != nil {
		return err
	}
	switch {
	case plan.SendTest != nil && o.proto != probes.SMTP:
		return usagef("--send-test goes with probe smtp (or account), not %s", o.proto)
	case plan.SendTest != nil && o.receive == "":
		return usagef("probe smtp --send-test needs --receive-via imaps://HOST[:PORT] to look for the message (account finds it itself)")
	case o.receive != "" && plan.SendTest == nil:
		return usagef("--receive-via needs --send-test")
	case o.receive != "":
		if plan.Receive, err = receiveVia(o.receive); err != nil {
			return err
		}
	}
	plan.Deadline = o.dl.at(plan.SendTest)
	// A firewalled host shows the live counter on a terminal, not a blank screen.
	return o.g.runWithProgress(ctx, o.io, plan)
}
