package cmd

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/providers"
	"github.com/mailcheck/mailcheck/reports"
)

type batchOptions struct {
	io          *IO
	g           *globalOpts
	file        string
	send        sendTestFlags
	credsFile   string
	creds       batchCredentials // --credentials: only these accounts log in, each to its own plan
	concurrency int
	disc        discoveryFlags
	src         sourceFlags
}

func newCmdBatch(io_ *IO, g *globalOpts, runF func(context.Context, *batchOptions) error) *cobra.Command {
	o := &batchOptions{io: io_, g: g}
	c := &cobra.Command{
		Use:   "batch FILE",
		Short: "Check many addresses, domains or endpoints concurrently; JSON Lines out",
		Long: `batch reads one target per line from FILE ('-' for standard input):
  you@example.com          discover and probe the address's endpoints (as 'account', no login)
  example.com              the same for a domain
  smtps://host:465         one endpoint; schemes smtp, submission (587 STARTTLS), smtps,
  pop3://host, pop3s://host, imap://host, imaps://host; ?security=plain|starttls|tls overrides
Blank lines and lines starting with # are skipped. Each result is written as one JSON line as
soon as it is done, so memory stays bounded whatever the file size; a summary follows on stderr.
--format csv or --format table writes one row per target instead (line, input, status, finding
codes, verdict), also as each finishes.
--send-test --credentials CREDS (lines of ADDRESS ENVVAR, mode 600) logs each listed address in
with the password in its variable and runs the round trip for it, as 'account --send-test'.`,
		Example: `  mailcheck batch targets.txt > results.jsonl
  printf 'smtps://127.0.0.1:465\n' | mailcheck batch - --ca-file lab-ca.pem`,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("batch needs one FILE ('-' for standard input)")
			}
			o.file = args[0]
			if runF != nil {
				return runF(c.Context(), o)
			}
			return runBatch(c.Context(), o)
		},
	}
	c.Flags().IntVarP(&o.concurrency, "concurrency", "c", 64, "targets probed at once")
	o.send.register(c.Flags())
	c.Flags().StringVar(&o.credsFile, "credentials", "", "with --send-test: `FILE` of ADDRESS ENVVAR lines; each listed address logs in with the password in its variable (file mode 600)")
	// batch never logs in, so --trust-discovered has nothing to decide there.
	o.disc.register(c.Flags(), false, "each target's run, discovery included")
	o.src.register(c.Flags())
	return c
}

// parseTarget turns a line into an endpoint, or an address/domain for discovery.
func parseTarget(line string) (ep *probes.Endpoint, address string, err error) {
	if !strings.Contains(line, "://") {
		if strings.Contains(line, "@") {
			return nil, line, nil
		}
		return nil, "postmaster@" + line, nil
	}
	u, err := url.Parse(line)
	if err != nil {
		return nil, "", fmt.Errorf("not a URL: %v", err)
	}
	schemes := map[string]struct {
		proto probes.Proto
		sec   probes.Security
		port  int
	}{
		"smtp": {probes.SMTP, probes.Auto, 25}, "submission": {probes.SMTP, probes.STARTTLS, 587},
		"smtps": {probes.SMTP, probes.ImplicitTLS, 465}, "pop3": {probes.POP3, probes.STARTTLS, 110},
		"pop3s": {probes.POP3, probes.ImplicitTLS, 995}, "imap": {probes.IMAP, probes.STARTTLS, 143},
		"imaps": {probes.IMAP, probes.ImplicitTLS, 993},
	}
	if u.User != nil {
		return nil, "", fmt.Errorf("credentials in the URL are not accepted (batch never logs in)")
	}
	if u.Path != "" && u.Path != "/" {
		return nil, "", fmt.Errorf("unexpected path %q (want scheme://host[:port])", u.Path)
	}
	sc, ok := schemes[strings.ToLower(u.Scheme)]
	if !ok {
		return nil, "", fmt.Errorf("unknown scheme %q (want smtp, submission, smtps, pop3, pop3s, imap or imaps)", u.Scheme)
	}
	host, port, err := splitHostPort(u.Host, sc.port)
	if err != nil {
		return nil, "", err
	}
	sec := sc.sec
	if v := u.Query().Get("security"); v != "" {
		if sec, err = parseSecurity(v); err != nil {
			return nil, "", err
		}
	}
	e := probes.Endpoint{Proto: sc.proto, Host: host, Port: port, Security: probes.ResolveSecurity(sec, port), Source: "batch"}
	return &e, "", nil
}

func runBatch(ctx context.Context, o *batchOptions) error {
	// batch writes JSON Lines unless --format table or csv asks for rows; csv is batch's own
	// format, so it is taken out before the shared check.
	rows := ""
	if o.g.format == "csv" {
		rows, o.g.format = "csv", "json"
	} else if o.g.format == "table" && o.g.formatFlag != nil && o.g.formatFlag.Changed {
		rows = "table"
	}
	if err := o.g.check(); err != nil {
		return err
	}
	if o.send.on && o.credsFile == "" {
		return usagef(batchSendTestRefusal)
	}
	if o.credsFile != "" && !o.send.on {
		return usagef("--credentials is for --send-test: batch without it logs in to no account")
	}
	if o.send.on {
		// Checks --send-to and --wait once, with a stand-in secret: each line's own comes later.
		if _, err := o.send.plan(probes.Options{Password: []byte{1}}); err != nil {
			return err
		}
		creds, err := loadCredentials(o.g.ctx, o.credsFile)
		if err != nil {
			return err
		}
		o.creds = creds
	} else if o.send.to != "" {
		return usagef("--send-to needs --send-test")
	}
	if o.g.format != "table" && o.g.format != "json" {
		return usagef("batch writes JSON Lines, or rows with --format table or csv; --format %s does not apply", o.g.format)
	}
	if err := o.disc.check(); err != nil {
		return err
	}
	if err := o.src.check(o.io); err != nil {
		return err
	}
	if o.concurrency < 1 || o.concurrency > 4096 {
		return usagef("--concurrency must be between 1 and 4096, got %d", o.concurrency)
	}
	var in io.Reader = o.io.In
	if o.file != "-" {
		f, err := os.Open(o.file)
		if err != nil {
			return usagef("batch: %v", err)
		}
		defer f.Close()
		in = f
	}
	db, err := o.g.loadDB()
	if err != nil {
		return err
	}
	if o.g.tokenStdin || o.g.tokenEnv != "" {
		return usagef("batch does not log in (one token cannot fit many accounts): check a token with probe, account or provider --oauth-token-env VAR")
	}
	o.g.user, o.g.passwordStdin = "", false // batch never logs in: one password cannot fit many accounts
	popts, err := o.g.probeOptions(o.io, "")
	if err != nil {
		return err
	}
	popts.Password, popts.Token = nil, nil
	out, done, err := o.g.openOutput(o.io)
	if err != nil {
		return err
	}
	defer done()
	bw := bufio.NewWriterSize(out, 64<<10)
	defer bw.Flush()
	var outMu sync.Mutex
	stats := &reports.BatchStats{}
	var bar *reports.Bar
	if o.io.ErrTTY && !o.g.quiet {
		bar = reports.NewBar(o.io.Err)
	}
	// A failed write (a full disk) stops the batch: probing on would write nowhere.
	parent := ctx
	ctx, stopWriting := context.WithCancel(ctx)
	defer stopWriting()
	csvw := csv.NewWriter(bw)
	switch rows {
	case "csv":
		csvw.Write(reports.BatchHeader(o.g.lang))
	case "table":
		reports.WriteBatchRow(bw, reports.BatchHeader(o.g.lang), termWidth(o.io))
	}
	emit := func(l *reports.BatchLine) {
		stats.Add(l)
		outMu.Lock()
		defer outMu.Unlock()
		var err error
		switch rows {
		case "csv":
			csvw.Write(reports.BatchRow(l, o.g.lang))
			csvw.Flush()
			err = csvw.Error()
		case "table":
			err = reports.WriteBatchRow(bw, reports.BatchRow(l, o.g.lang), termWidth(o.io))
		default:
			bw.Write(reports.MarshalBatchLine(l, o.g.lang))
			err = bw.WriteByte('\n')
		}
		if err != nil {
			stopWriting()
		}
		bar.Add()
	}
	work := make(chan reports.BatchLine, o.concurrency)
	var wg sync.WaitGroup
	for range o.concurrency {
		wg.Go(func() {
			for l := range work {
				emit(o.one(ctx, db, popts, l))
			}
		})
	}
	start := time.Now()
	lines := make(chan batchInput)
	go readBatchLines(ctx, in, lines)
	var readErr error
read:
	for {
		var bi batchInput
		var ok bool
		select {
		case bi, ok = <-lines:
		case <-ctx.Done():
			// A read from a terminal or a stalled pipe cannot be interrupted: leave it.
			break read
		}
		switch {
		case !ok:
			break read
		case bi.err != nil:
			readErr = bi.err
			break read
		case bi.long > 0:
			emit(&reports.BatchLine{Line: bi.n, Input: truncateRunes(bi.line, 60),
				Error: fmt.Sprintf("line of %d bytes, longer than %d KiB: skipped", bi.long, maxBatchLine>>10)})
			continue
		}
		line := strings.TrimSpace(bi.line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		work <- reports.BatchLine{Line: bi.n, Input: line}
	}
	close(work)
	wg.Wait()
	bar.Finish(o.io.Err)
	if readErr != nil {
		return usagef("batch: reading %s: %v", o.file, readErr)
	}
	if err := bw.Flush(); err != nil && parent.Err() == nil {
		return fmt.Errorf("batch: writing results: %w", err)
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err := done(); err != nil {
		return fmt.Errorf("batch: writing results: %w", err)
	}
	if stats.Bad > 0 && stats.Bad == stats.Targets {
		// Nothing could be checked: bad input, one line on stderr (the JSON lines say why each
		// line was refused).
		return usagef("batch: none of the %d target line(s) could be read (line %d %q: %s)",
			stats.Targets, stats.FirstBad.Line, truncateRunes(stats.FirstBad.Input, 60), stats.FirstBad.Error)
	}
	if !o.g.quiet {
		stats.Write(o.io.Err, time.Since(start))
	}
	if stats.Failed || stats.Bad > 0 {
		return errFindings // some lines unreadable: counted in the summary and in the JSON lines
	}
	return nil
}

// one probes a single target line into its record; bad lines become error records.
func (o *batchOptions) one(ctx context.Context, db *providers.DB, popts probes.Options, l reports.BatchLine) *reports.BatchLine {
	if u, err := url.Parse(l.Input); err == nil && u.User != nil {
		u.User = url.User("***") // never echo credentials someone put in a target line
		l.Input = u.String()
	}
	ep, address, err := parseTarget(l.Input)
	if err != nil {
		l.Error = err.Error()
		return &l
	}
	var send *probes.SendTest
	note := ""
	if o.send.on {
		if ep != nil {
			note = "round trip not run: --send-test runs for address lines listed in --credentials, not endpoints"
		} else if pw, err := o.creds.secretFor(o.io, address); err != nil {
			l.Error = err.Error()
			return &l
		} else if pw == nil {
			note = "round trip not run: " + address + " is not in --credentials, so it was probed without login"
		} else {
			// This account's password goes into this line's plan only; Plan.optionsFor still
			// withholds it from hosts outside the address's domain.
			defer clear(pw)
			popts.Password = pw
			if send, err = o.send.plan(popts); err != nil {
				l.Error = err.Error()
				return &l
			}
		}
	}
	deadline := o.disc.at(send)
	plan := probes.Plan{Command: probes.CmdBatch}
	if ep != nil {
		plan.Endpoints = []probes.Endpoint{*ep}
	} else {
		dctx, cancel := context.WithDeadline(ctx, deadline)
		plan, err = o.src.apply(o.io, o.g.discoverer(db, popts, false, o.disc)).PlanAccount(dctx, probes.CmdBatch, address)
		cancel()
		if err != nil {
			l.Error = err.Error()
			return &l
		}
	}
	plan.Input = l.Input
	plan.Options = popts
	plan.Deadline = deadline
	plan.SendTest = send
	rep := probes.Run(ctx, plan)
	l.Report = &rep
	l.Note = note
	return &l
}

// maxBatchLine bounds one target line: a longer line becomes an error record of its own and
// the batch goes on, holding no more than this of it.
const maxBatchLine = 64 << 10

// batchInput is one input line (numbered from 1), or the read error that ended the input.
// long > 0: the line had that many bytes, more than maxBatchLine; line holds its start.
type batchInput struct {
	n    int
	line string
	long int64
	err  error
}

// readBatchLines sends r's lines to out and closes it at the end of the input, after a read
// error, or when ctx is done.
func readBatchLines(ctx context.Context, r io.Reader, out chan<- batchInput) {
	defer close(out)
	br := bufio.NewReaderSize(r, 64<<10)
	send := func(bi batchInput) bool {
		select {
		case out <- bi:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for n := 1; ctx.Err() == nil; n++ {
		var buf []byte
		var size int64
		var tail [2]byte // the line's last two bytes read: its terminator, CR LF or LF
		var err error
		for {
			var frag []byte
			frag, err = br.ReadSlice('\n')
			size += int64(len(frag))
			for _, c := range frag[max(0, len(frag)-2):] {
				tail = [2]byte{tail[1], c}
			}
			if room := maxBatchLine + 1 - len(buf); room > 0 {
				buf = append(buf, frag[:min(len(frag), room)]...)
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err != nil && err != io.EOF {
			send(batchInput{err: err})
			return
		}
		if size == 0 && err == io.EOF {
			return
		}
		text := size // the line's length without its terminator
		if err == nil {
			text--
			if tail[0] == '\r' && size >= 2 {
				text--
			}
		}
		bi := batchInput{n: n, line: string(buf[:min(int64(len(buf)), text)])}
		if text > maxBatchLine {
			bi.long = text
			bi.line = strings.ToValidUTF8(bi.line[:min(len(bi.line), 80)], "")
		}
		if !send(bi) || err == io.EOF {
			return
		}
	}
}
