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
	file     string
}

// maxExplainInput bounds what explain reads from stdin: logs can be long, memory is not.
const maxExplainInput = 4 << 20

func newCmdExplain(io_ *IO, g *globalOpts, runF func(context.Context, *explainOptions) error) *cobra.Command {
	o := &explainOptions{io: io_, g: g}
	c := &cobra.Command{
		Use:   "explain TEXT|-|CODE",
		Short: "Explain a pasted error message or server reply, with the fix",
		Long: `explain classifies what a mail client or server said — a reply such as "535 5.7.8
Username and Password not accepted", an error from Outlook, Foxmail, Thunderbird, Go, Python,
Java, Node, PHP or .NET, or a whole log ('-' reads standard input) — and prints the finding, the
line that matched and the fix. A finding code (tls.cert-expired) prints that catalogue entry;
--file PATH reads a log file; --list prints the whole catalogue.`,
		Example: `  mailcheck explain "530 5.7.0 Must issue a STARTTLS command first"
  mailcheck explain --lang zh "535 Login Fail. Please enter your authorization code to login"
  journalctl -u myapp | mailcheck explain -
  mailcheck explain --file /var/log/mail.log
  mailcheck explain tls.cert-expired
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
			switch {
			case o.file != "" && len(args) > 0:
				return usagef("give the text or --file, not both")
			case o.file != "":
			case len(args) == 0:
				return usagef("explain needs the text to explain, '-' to read it from standard input, or --file PATH")
			case len(args) == 1 && runF == nil:
				if e, ok := findings.Lookup(findings.Code(strings.TrimSpace(args[0]))); ok {
					return runExplainCode(o, e)
				}
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
	c.Flags().StringVar(&o.file, "file", "", "read the text to explain from `PATH` (a log file)")
	return c
}

func runExplain(ctx context.Context, o *explainOptions) error {
	if err := o.g.check(); err != nil {
		return err
	}
	text := o.text
	if text == "-" || o.file != "" {
		var b []byte
		var err error
		name := "standard input"
		if o.file != "" {
			name = o.file
			b, err = readLocalFile(ctx, o.file, maxExplainInput)
		} else {
			b, err = readStdin(ctx, o.io.In, maxExplainInput)
		}
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case errors.Is(err, errTooLarge):
			return usagef("%s is larger than %d MiB; paste the relevant lines", name, maxExplainInput>>20)
		case err != nil && o.file != "":
			return usagef("--file: %v", err)
		case err != nil:
			return usagef("reading %s: %v", name, err)
		}
		if !looksLikeText(b) {
			return usagef("%s is not text (binary data); give a log file or a pasted reply", name)
		}
		text = findings.DecodeText(b)
	} else if !looksLikeText([]byte(text)) {
		return usagef("the argument is not text (binary data)")
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
		return reports.WriteCatalogue(w, findings.Catalogue(), db.FixesByCode(), f, reports.Options{Lang: o.g.lang, Color: color, Width: termWidth(o.io)})
	})
}

// runExplainCode prints one catalogue entry, with the providers' own fixes for it.
func runExplainCode(o *explainOptions, e findings.Entry) error {
	if err := o.g.check(); err != nil {
		return err
	}
	db, err := o.g.loadDB()
	if err != nil {
		return err
	}
	f, _ := reports.ParseFormat(o.g.format)
	return o.g.withOutput(o.io, func(w io.Writer, color bool) error {
		return reports.WriteEntry(w, e, db.FixesByCode()[e.Code], f, reports.Options{Lang: o.g.lang, Color: color, Width: termWidth(o.io)})
	})
}

// looksLikeText tells a log or a pasted reply from binary data: no NUL byte, and few control
// characters besides tab, line breaks, form feed and ESC (colour codes in a log). Non-UTF-8
// bytes are fine: DecodeText reads GBK.
func looksLikeText(b []byte) bool {
	if len(b) == 0 {
		return true
	}
	ctl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return false
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b:
			ctl++
		}
	}
	return ctl*20 <= len(b) // at most 5 %
}
