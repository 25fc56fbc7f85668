package cmd

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mailcheck/mailcheck/probes"
)

type conformOptions struct {
	io       *IO
	g        *globalOpts
	proto    probes.Proto
	target   string
	security string
	ehlo     string
	dl       runDeadline
}

func newCmdConform(io_ *IO, g *globalOpts, runF func(context.Context, *conformOptions) error) *cobra.Command {
	o := &conformOptions{io: io_, g: g}
	c := &cobra.Command{
		Use:   "conform smtp|pop3|imap HOST[:PORT]",
		Short: "Check a server against its RFCs, with a verdict per clause",
		Long: `conform walks one server as a conformance tester: every check names its RFC clause and
level (MUST, SHOULD, MAY) and gets a verdict (pass, fail, warn, skip) with the server's own line
as evidence. A failed MUST exits 1; a failed SHOULD is a warning.

It never sends DATA or deletes anything. With a password (--password-stdin, --password-env) it
also logs in, over TLS only unless --allow-plaintext-auth, to check what needs a session (POP3
STAT/LIST/UIDL, IMAP EXAMINE, SMTP's 235); without one those checks are skipped.`,
		Example: `  mailcheck conform smtp mail.example.com:587
  mailcheck conform imap mail.example.com:993 --user you@example.com --password-stdin
  mailcheck conform pop3 localhost:110 --security plain --format json`,
		RunE: func(c *cobra.Command, args []string) error {
			p, target, err := protoArgs("conform", args)
			if err != nil {
				return err
			}
			o.proto, o.target = p, target
			if runF != nil {
				return runF(c.Context(), o)
			}
			return runConform(c.Context(), o)
		},
	}
	c.Flags().StringVar(&o.security, "security", "auto", "connection security: auto, tls, starttls or plain")
	c.Flags().StringVar(&o.ehlo, "ehlo", "", "name to send in HELO/EHLO (default mailcheck.invalid)")
	o.dl.register(c.Flags(), "the whole walk")
	return c
}

func runConform(ctx context.Context, o *conformOptions) error {
	if err := o.dl.check(); err != nil {
		return err
	}
	ep, popts, err := o.g.oneEndpoint(o.io, o.proto, o.target, o.security, o.ehlo)
	if err != nil {
		return err
	}
	defer clear(popts.Password)
	rep := probes.Run(ctx, probes.Plan{Command: probes.CmdConform, Input: string(o.proto) + " " + o.target,
		Endpoints: []probes.Endpoint{ep}, Options: popts, Conform: true, Deadline: o.dl.at(nil)})
	return o.g.finish(ctx, o.io, &rep)
}
