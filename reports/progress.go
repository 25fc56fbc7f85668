package reports

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// Progress is the one status line on a terminal's stderr that account and provider keep up to
// date: from the start it shows how many endpoints there are and how many are still running
// (a firewalled host shows a live counter and the seconds waited, not a blank screen), then
// each finished one. Done clears it before the report. A nil Progress prints nothing.
type Progress struct {
	w       io.Writer
	total   int
	lang    string
	width   int
	mu      sync.Mutex
	done    int
	last    string // the latest finished endpoint, "SMTP host:587 STARTTLS: OK"
	start   time.Time
	stop    chan struct{}
	stopped chan struct{}
	cleared bool
}

var progressLabels = map[string]findings.Text{
	"checking":  {EN: "checking %d endpoints", ZH: "正在检查 %d 个服务器"},
	"checking1": {EN: "checking 1 endpoint", ZH: "正在检查 1 个服务器"},
	"checked":   {EN: "%d/%d done, %d running", ZH: "已完成 %d/%d，%d 个进行中"},
	"waited":    {EN: "%.0f s", ZH: "%.0f 秒"},
	"canceled":  {EN: "canceled", ZH: "已取消"},
	"sep":       {EN: ", ", ZH: "，"},
}

// NewProgress returns a progress line on w in English, 80 columns wide; total 0 means unknown.
func NewProgress(w io.Writer, total int) *Progress { return NewProgressLine(w, total, "en", 0) }

// NewProgressLine starts the progress line on w for total endpoints, in lang, kept within
// width columns (0: DefaultWidth) so that clearing it clears all of it. It shows at once, and
// every second while endpoints run.
func NewProgressLine(w io.Writer, total int, lang string, width int) *Progress {
	p := &Progress{w: w, total: total, lang: lang, width: tableWidth(width), start: time.Now(),
		stop: make(chan struct{}), stopped: make(chan struct{})}
	p.mu.Lock()
	p.draw()
	p.mu.Unlock()
	go p.tick()
	return p
}

func (p *Progress) tick() {
	defer close(p.stopped)
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			p.mu.Lock()
			if !p.cleared {
				p.draw()
			}
			p.mu.Unlock()
		}
	}
}

// draw rewrites the line; the caller holds mu.
func (p *Progress) draw() {
	pl := func(k string) string { return progressLabels[k].In(p.lang) }
	var line string
	if p.total > 0 {
		line = fmt.Sprintf(pl("checked"), p.done, p.total, p.total-p.done)
	} else {
		line = fmt.Sprintf(pl("checked"), p.done, p.done, 0)
	}
	switch {
	case p.done == 0 && p.total == 1:
		line = pl("checking1")
	case p.done == 0 && p.total > 0:
		line = fmt.Sprintf(pl("checking"), p.total)
	}
	line = "[" + line + pl("sep") + fmt.Sprintf(pl("waited"), time.Since(p.start).Seconds()) + "]"
	if p.last != "" {
		line += " " + p.last
	}
	fmt.Fprint(p.w, "\r\033[K"+shorten(line, p.width-1))
}

// Endpoint reports one finished endpoint: its status, or "canceled" when Ctrl-C cut it short
// (an interrupted probe is not a failed server).
func (p *Progress) Endpoint(ep probes.Endpoint, r probes.Result) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	st := statusBadge(r.Status, p.lang).Text
	if r.HasCode(findings.ProbeCanceled) || r.HasCode(findings.RunDeadline) {
		st = progressLabels["canceled"].In(p.lang)
	}
	p.last = fmt.Sprintf("%s %s:%d %s: %s", strings.ToUpper(string(ep.Proto)), ep.Host, ep.Port,
		SecurityLabel(ep.Security, p.lang), st)
	p.draw()
}

// Func is Endpoint as a plan's callback, nil for a nil Progress.
func (p *Progress) Func() func(probes.Endpoint, probes.Result) {
	if p == nil {
		return nil
	}
	return p.Endpoint
}

// Done stops the line and clears it, so the report starts on a clean line.
func (p *Progress) Done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	if !p.cleared {
		p.cleared = true
		close(p.stop)
		fmt.Fprint(p.w, "\r\033[K")
	}
	p.mu.Unlock()
	<-p.stopped
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

// Finish clears the spinner's line, so batch's summary starts on a clean line.
func (b *Bar) Finish(w io.Writer) {
	if b != nil {
		b.b.Exit()
		fmt.Fprint(w, "\r\033[K")
	}
}
