package reports

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/schollz/progressbar/v3"

	"github.com/mailcheck/mailcheck/probes"
)

// Progress is the one status line on a terminal's stderr that account and provider update as
// each endpoint finishes; Done clears it. A nil Progress prints nothing.
type Progress struct {
	w     io.Writer
	total int
	mu    sync.Mutex
	done  int
}

// NewProgress returns a progress line on w; total 0 means unknown.
func NewProgress(w io.Writer, total int) *Progress { return &Progress{w: w, total: total} }

// Endpoint reports one finished endpoint.
func (p *Progress) Endpoint(ep probes.Endpoint, r probes.Result) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	of := ""
	if p.total > 0 {
		of = fmt.Sprintf("/%d", p.total)
	}
	fmt.Fprintf(p.w, "\r\033[K[%d%s] %s %s:%d %s: %s", p.done, of, strings.ToUpper(string(ep.Proto)),
		ep.Host, ep.Port, ep.Security, r.Status)
}

// Func is Endpoint as a plan's callback, nil for a nil Progress.
func (p *Progress) Func() func(probes.Endpoint, probes.Result) {
	if p == nil {
		return nil
	}
	return p.Endpoint
}

// Done clears the line.
func (p *Progress) Done() {
	if p != nil {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// Bar is batch's spinner with a count and rate on a terminal's stderr; nil prints nothing.
type Bar struct{ b *progressbar.ProgressBar }

// NewBar starts a bar on w.
func NewBar(w io.Writer) *Bar {
	return &Bar{progressbar.NewOptions(-1, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("probing"),
		progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSpinnerType(14))}
}

// Add counts one finished target.
func (b *Bar) Add() {
	if b != nil {
		b.b.Add(1)
	}
}

// Finish ends the bar and its line.
func (b *Bar) Finish(w io.Writer) {
	if b != nil {
		b.b.Finish()
		fmt.Fprintln(w)
	}
}
