package cmd

import (
	"context"
	"errors"
	"io"
	"strings"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/spf13/cobra"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/reports"
)

type explainOptions struct {
	io       *IO
	g        *globalOpts
	text     string
	provider string
	list     bool
}

// maxExplainInput bounds what explain reads from stdin: logs can be long, memory is not.
const maxExplainInput = 4 << 20

func newCmdExplain(io_ *IO, g *globalOpts, runF func(context.Context, *explainOptions) error) *cobra.Command {
	o := &explainOptions{io: io_, g: g}
	c := &cobra.Command{
		Use:   "explain TEXT|-",
		Short: "Explain a pasted error message or server reply, with the fix",
		Long: `explain classifies what a mail client or server said — a reply such as "535 5.7.8
Username and Password not accepted", an error from Outlook, Foxmail, Thunderbird, Go, Python,
Java, Node, PHP or .NET, or a whole log ('-' reads standard input) — and prints the finding, the
line that matched and the fix. --list prints the whole catalogue.`,
		Example: `  mailcheck explain "530 5.7.0 Must issue a STARTTLS command first"
  mailcheck explain --lang zh "535 Login Fail. Please enter your authorization code to login"
  journalctl -u myapp | mailcheck explain -
  mailcheck explain --list --format markdown`,
		RunE: func(c *cobra.Command, args []string) error {
			if o.list {
				if len(args) > 0 {
					return usagef("--list takes no text")
				}
				if runF != nil {
					return runF(c.Context(), o)
				}
				return runExplainList(o)
			}
			if len(args) == 0 {
				return usagef("explain needs the text to explain, or '-' to read it from standard input")
			}
			o.text = strings.Join(args, " ")
			if runF != nil {
				return runF(c.Context(), o)
			}
			return runExplain(c.Context(), o)
		},
	}
	c.Flags().StringVar(&o.provider, "provider", "", "provider `NAME` whose specific fix to show (default: guessed from the text)")
	c.Flags().BoolVar(&o.list, "list", false, "print the whole findings catalogue")
	return c
}

func runExplain(ctx context.Context, o *explainOptions) error {
	if err := o.g.check(); err != nil {
		return err
	}
	text := o.text
	if text == "-" {
		b, err := readStdin(ctx, o.io.In, maxExplainInput)
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case errors.Is(err, errTooLarge):
			return usagef("standard input is larger than %d MiB; paste the relevant lines", maxExplainInput>>20)
		case err != nil:
			return usagef("reading standard input: %v", err)
		}
		text = findings.DecodeText(b)
	}
	if strings.TrimSpace(text) == "" {
		return usagef("nothing to explain: the text is empty")
	}
	db, err := o.g.loadDB()
	if err != nil {
		return err
	}
	plan, err := db.PlanExplain(text, o.provider)
	if err != nil {
		return usagef("--provider: %v", err)
	}
	input := strings.TrimSpace(text)
	if first, _, multi := strings.Cut(input, "\n"); multi {
		input = first + " …"
	}
	plan.Input = truncateRunes(input, 120)
	rep := probes.Run(ctx, plan)
	return o.g.finish(ctx, o.io, &rep)
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func runExplainList(o *explainOptions) error {
	if err := o.g.check(); err != nil {
		return err
	}
	db, err := o.g.loadDB()
	if err != nil {
		return err
	}
	f, _ := reports.ParseFormat(o.g.format)
	return o.g.withOutput(o.io, func(w io.Writer, color bool) error {
		return reports.WriteCatalogue(w, findings.Catalogue(), db.FixesByCode(), f, reports.Options{Lang: o.g.lang, Color: color})
	})
}
