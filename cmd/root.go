// Package cmd holds mailcheck's cobra commands: flags in, a probes.Report out, an exit status.
package cmd

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/fatih/color"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/reports"
)

// globalOpts are the flags shared by every command that probes or reports (CLI.md).
type globalOpts struct {
	format             string
	output             string
	lang               string
	timeout            time.Duration
	resolver           string
	caFile             string
	insecure           bool
	user               string
	passwordStdin      bool
	passwordEnv        string
	tokenStdin         bool
	tokenEnv           string
	authMechFlag       string
	allowPlaintextAuth bool
	noColor            bool
	quiet              bool
	transcript         bool
	providersFile      string
	brief              bool
	formatFlag         *pflag.Flag // to tell --format given from its default (inferFormat)

	// outputCreated: check() created --output (it did not exist), so a run that ends before
	// writing the report removes it again; outputWritten: openOutput has truncated it.
	outputCreated, outputWritten bool
	// ctx is the run's (Ctrl-C, SIGTERM): reading a local input file gives up with it.
	ctx context.Context
}

// Main runs the CLI on the real process and returns the exit status.
func Main() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return Run(ctx, os.Args[1:], SystemIO())
}

// Run executes argv with io and returns the exit status; errors are printed once, here.
func Run(ctx context.Context, args []string, io_ *IO) int {
	stdout := &outWriter{w: io_.Out}
	sio := *io_
	sio.Out = stdout
	io_ = &sio
	root, g := newRoot(io_)
	g.ctx = ctx
	root.SetArgs(explainArgs(root, args))
	err := root.ExecuteContext(ctx)
	err = writeFailure(err, stdout, "standard output")
	g.removeUnwrittenOutput()
	code := exitCode(ctx, err)
	switch {
	case err == nil || errors.Is(err, errFindings):
	case code == ExitInterrupted:
		fmt.Fprintln(io_.Err, "mailcheck: interrupted")
	default:
		// Errors echo local input (file names, provider names, target lines): no control
		// character of theirs may reach the terminal.
		fmt.Fprintf(io_.Err, "mailcheck: %s\n", reports.Neutralize(err.Error()))
	}
	return code
}

func newRoot(io_ *IO) (*cobra.Command, *globalOpts) {
	g := &globalOpts{}
	root := &cobra.Command{
		Use:   "mailcheck",
		Short: "Tell exactly why a mail client cannot send or receive mail, and what to change",
		Long: `mailcheck probes SMTP, POP3 and IMAP servers the way a mail client does, step by step,
and explains every failure with a stable finding code and the fix, in English and 中文.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(),
	}
	root.SetOut(io_.Out)
	root.SetErr(io_.Err)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usagef("%v (see %s --help)", err, c.CommandPath()) })
	f := root.PersistentFlags()
	f.StringVar(&g.format, "format", "table", "output format: table, json, markdown, html or reply (default from the --output file's extension)")
	f.StringVarP(&g.output, "output", "o", "", "write the report to `FILE`")
	f.StringVar(&g.lang, "lang", defaultLang(io_.Getenv), "language of explanations: en or zh")
	f.DurationVar(&g.timeout, "timeout", 10*time.Second, "timeout of each network step")
	f.StringVar(&g.resolver, "resolver", "", "DNS server `IP[:PORT]` for every lookup (default: the system's)")
	f.StringVar(&g.caFile, "ca-file", "", "extra trusted CA certificates (PEM `FILE`)")
	f.BoolVar(&g.insecure, "insecure", false, "do not abort on certificate errors (still reported, loudly)")
	f.StringVar(&g.user, "user", "", "login `NAME`")
	f.BoolVar(&g.passwordStdin, "password-stdin", false, "read the password from the first line of standard input")
	f.StringVar(&g.passwordEnv, "password-env", "", "read the password from environment variable `VAR`")
	f.BoolVar(&g.tokenStdin, "oauth-token-stdin", false, "read an OAuth2 access token from standard input")
	f.StringVar(&g.tokenEnv, "oauth-token-env", "", "read an OAuth2 access token from environment variable `VAR` (also MAILCHECK_OAUTH_TOKEN)")
	f.StringVar(&g.authMechFlag, "auth-mech", "", "force the login mechanism: PLAIN, LOGIN, XOAUTH2 or OAUTHBEARER")
	f.BoolVar(&g.allowPlaintextAuth, "allow-plaintext-auth", false, "permit sending a password without TLS")
	f.BoolVar(&g.noColor, "no-color", false, "no colour (also: NO_COLOR, or stdout not a terminal)")
	f.BoolVarP(&g.quiet, "quiet", "q", false, "no progress output")
	f.BoolVar(&g.transcript, "transcript", false, "show the protocol transcript in the table")
	f.StringVar(&g.providersFile, "providers", "", "extra provider entries (JSON `FILE`)")
	f.BoolVar(&g.brief, "brief", false, "one screen: verdict, what to do, settings to use")
	g.formatFlag = f.Lookup("format")
	root.AddCommand(newCmdProbe(io_, g, nil), newCmdConform(io_, g, nil), newCmdAccount(io_, g, nil),
		newCmdProvider(io_, g, nil), newCmdProviders(io_, g), newCmdExplain(io_, g, nil), newCmdBatch(io_, g, nil),
		newCmdLab(io_, g, nil), newCmdConfig(io_, g, nil))
	root.AddCommand(newCmdServe(io_, g)) // issue 17
	addCompletions(root)
	return root, g
}

// explainArgs lets a pasted POP3 reply such as "-ERR [IN-USE] …" reach explain as text, not as
// a flag: from the first argument that looks like a server reply on, every argument is text
// except explain's own long flags (--lang zh, --format json, --provider qq …), which still
// count wherever they stand. After "--" everything is text, as usual.
func explainArgs(root *cobra.Command, args []string) []string {
	if len(args) == 0 || args[0] != "explain" {
		return args
	}
	c, _, err := root.Find(args[:1])
	if err != nil || c == root {
		return args
	}
	lookup := func(name string) *pflag.Flag {
		if f := c.Flags().Lookup(name); f != nil {
			return f
		}
		return root.PersistentFlags().Lookup(name)
	}
	head, flags, text := []string{args[0]}, []string{}, []string{}
	inText := false
	for i := 1; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			if !inText {
				return args
			}
			text = append(text, args[i+1:]...)
			break
		}
		if !inText && (strings.HasPrefix(a, "-ERR") || strings.HasPrefix(a, "-err") || (len(a) > 1 && a[0] == '-' && a[1] >= '0' && a[1] <= '9')) {
			inText = true
		}
		if !inText {
			head = append(head, a)
			continue
		}
		if name, ok := strings.CutPrefix(a, "--"); ok {
			name, _, hasValue := strings.Cut(name, "=")
			if f := lookup(name); f != nil {
				flags = append(flags, a)
				if !hasValue && f.NoOptDefVal == "" && i+1 < len(args) {
					i++ // the flag's value
					flags = append(flags, args[i])
				}
				continue
			}
		}
		text = append(text, a)
	}
	if !inText {
		return args
	}
	out := append(head, flags...)
	return append(append(out, "--"), text...)
}

// version is the module version when installed with go install, else what the build recorded.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version + " (" + probes.Schema + ")"
	}
	return "devel (" + probes.Schema + ")"
}

// check validates the shared flags.
func (g *globalOpts) check() error {
	if err := g.inferFormat(); err != nil {
		return err
	}
	if _, err := reports.ParseFormat(g.format); err != nil {
		return usagef("--format: %v", err)
	}
	if g.lang != "en" && g.lang != "zh" {
		return usagef("--lang: want en or zh, got %q", g.lang)
	}
	if g.timeout <= 0 {
		return usagef("--timeout must be positive, got %s", g.timeout)
	}
	if g.resolver != "" {
		if _, err := resolverAddr(g.resolver); err != nil {
			return usagef("--resolver: %v", err)
		}
	}
	if err := checkLine("--user", []byte(g.user)); err != nil {
		return err
	}
	return g.checkOutput()
}

// checkOutput makes sure --output can be written before any network step, so a bad path fails
// at once instead of after a long probe. It creates the file when it is missing (the report
// overwrites it later, and Run removes it again if no report is written) and leaves an
// existing file untouched until the report replaces it.
func (g *globalOpts) checkOutput() error {
	if g.output == "" || g.outputCreated || g.outputWritten {
		return nil
	}
	f, err := os.OpenFile(g.output, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err == nil {
		g.outputCreated = true
	} else if errors.Is(err, fs.ErrExist) {
		f, err = os.OpenFile(g.output, os.O_WRONLY, 0)
	}
	if err != nil {
		return usagef("--output: %v", err)
	}
	return f.Close()
}

// removeUnwrittenOutput deletes the --output file check() created when the run ended before
// writing a report (bad input, interrupted, or a command that prints to stdout only).
func (g *globalOpts) removeUnwrittenOutput() {
	if g.outputCreated && !g.outputWritten {
		os.Remove(g.output)
	}
}

// probeOptions builds the engine's options from the flags; it reads the CA file and password.
func (g *globalOpts) probeOptions(io_ *IO, who string) (probes.Options, error) {
	o := probes.Options{Timeout: g.timeout, Insecure: g.insecure, User: g.user,
		AllowPlaintextAuth: g.allowPlaintextAuth}
	if g.resolver != "" {
		hp, _ := resolverAddr(g.resolver)
		o.Resolver = probes.NewResolver(hp, g.timeout)
	} else {
		o.Resolver = probes.NewResolver("", g.timeout)
	}
	if g.caFile != "" {
		pem, err := readLocalFile(g.ctx, g.caFile, maxCAFile)
		if err != nil {
			return o, localFileErr("--ca-file", g.caFile, err)
		}
		pool, err := x509.SystemCertPool()
		if err != nil || pool == nil {
			pool = x509.NewCertPool()
		}
		if !pool.AppendCertsFromPEM(pem) {
			return o, usagef("--ca-file %s: no PEM certificate found", g.caFile)
		}
		o.RootCAs = pool
	}
	tok, err := g.token(io_)
	if err != nil {
		return o, err
	}
	if tok != nil {
		if g.passwordStdin || g.passwordEnv != "" {
			clear(tok)
			return o, usagef("give a password or an OAuth2 token, not both")
		}
		o.Token = tok
	} else {
		pw, err := g.password(io_, who)
		if err != nil {
			return o, err
		}
		o.Password = pw
	}
	if o.AuthMech, err = g.authMech(o.Token != nil, o.Password != nil); err != nil {
		return o, err
	}
	if g.insecure {
		fmt.Fprintln(io_.Err, color.New(color.FgRed, color.Bold).Sprint("WARNING: --insecure: certificate errors will not stop the probe; a man in the middle could read your password."))
	}
	return o, nil
}

// defaultLang picks "zh" when LC_ALL, LC_MESSAGES or LANG (first set wins) names Chinese.
func defaultLang(getenv func(string) string) string {
	if getenv == nil {
		return "en"
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" {
			if strings.HasPrefix(strings.ToLower(s), "zh") {
				return "zh"
			}
			return "en"
		}
	}
	return "en"
}

// finish writes the report of a finished run and turns its status into the command's outcome.
func (g *globalOpts) finish(ctx context.Context, io_ *IO, rep *probes.Report) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err := g.write(io_, rep); err != nil {
		return err
	}
	return reportErr(rep)
}

// runWithProgress runs plan with the progress line on a terminal, then finishes the report.
func (g *globalOpts) runWithProgress(ctx context.Context, io_ *IO, plan probes.Plan) error {
	prog := g.progress(io_, len(plan.Endpoints))
	plan.Progress = prog.Func()
	rep := probes.Run(ctx, plan)
	prog.Done()
	return g.finish(ctx, io_, &rep)
}

// progress is the endpoint progress line on a terminal's stderr, nil when stderr is not a
// terminal, with --quiet, or with nothing to probe.
func (g *globalOpts) progress(io_ *IO, total int) *reports.Progress {
	if !io_.ErrTTY || g.quiet || total == 0 {
		return nil
	}
	return reports.NewProgressLine(io_.Err, total, g.lang, termWidth(io_))
}

// write renders the report to --output or stdout.
func (g *globalOpts) write(io_ *IO, rep *probes.Report) error {
	fmtv, _ := reports.ParseFormat(g.format)
	o := reports.Options{Lang: g.lang, Transcript: g.transcript, Width: termWidth(io_), Brief: g.brief,
		Version: version(), Host: hostName()}
	w, done, err := g.openOutput(io_)
	if err != nil {
		return err
	}
	if g.output == "" {
		o.Color = io_.OutTTY && !g.noColor && io_.Getenv("NO_COLOR") == ""
	}
	if err := reports.Write(w, rep, fmtv, o); err != nil {
		done()
		return fmt.Errorf("writing the report: %w", err)
	}
	if err := done(); err != nil {
		return err
	}
	if g.output != "" && !g.quiet {
		fmt.Fprintf(io_.Err, "report written to %s\n", g.output)
	}
	return nil
}

// openOutput returns where the report goes: --output FILE or stdout. done closes the file and
// reports a failed write, which a full disk would otherwise hide.
func (g *globalOpts) openOutput(io_ *IO) (io.Writer, func() error, error) {
	if g.output == "" {
		return io_.Out, func() error { return nil }, nil
	}
	f, err := os.Create(g.output)
	if err != nil {
		return nil, nil, usagef("--output: %v", err)
	}
	g.outputWritten = true
	w := &outWriter{w: f}
	return w, func() error {
		cerr := f.Close()
		if err := writeFailure(nil, w, g.output); err != nil {
			return err
		}
		if cerr != nil {
			return fmt.Errorf("writing the output to %s: %w", g.output, cerr)
		}
		return nil
	}, nil
}

// withOutput runs write against --output or stdout, closing the file and reporting a failed
// write; color says whether ANSI colour may be used (stdout is a terminal, not disabled).
func (g *globalOpts) withOutput(io_ *IO, write func(w io.Writer, color bool) error) error {
	w, done, err := g.openOutput(io_)
	if err != nil {
		return err
	}
	color := g.output == "" && io_.OutTTY && !g.noColor && io_.Getenv("NO_COLOR") == ""
	if err := write(w, color); err != nil {
		done()
		return err
	}
	return done()
}
