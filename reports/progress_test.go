package reports

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// ttyBuffer is an injected terminal: what the progress line writes, safe for the ticker.
type ttyBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (t *ttyBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.b.Write(p)
}

func (t *ttyBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.b.String()
}

// screen is what the terminal shows after the writes: the text after the last line clear.
func screen(s string) string {
	if i := strings.LastIndex(s, "\r\033[K"); i >= 0 {
		return s[i+len("\r\033[K"):]
	}
	return s
}

// TestProgressLine: the line shows the total and the running endpoints at once, a live count
// of seconds while a firewalled endpoint hangs (fake clock), each finished endpoint, "canceled"
// for one Ctrl-C cut short, and is cleared by Done.
func TestProgressLine(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var tty ttyBuffer
		p := NewProgressLine(&tty, 3, "en", 80)
		if got := screen(tty.String()); got != "[checking 3 endpoints, 0 s]" {
			t.Errorf("at the start the line is %q", got)
		}
		time.Sleep(5*time.Second + time.Millisecond)
		synctest.Wait()
		if got := screen(tty.String()); got != "[checking 3 endpoints, 5 s]" {
			t.Errorf("after 5 s of silence the line is %q", got)
		}
		ep := probes.Endpoint{Proto: probes.SMTP, Host: "smtp.example.test", Port: 587, Security: probes.STARTTLS}
		p.Endpoint(ep, probes.Result{Status: probes.OK})
		if got := screen(tty.String()); got != "[1/3 done, 2 running, 5 s] SMTP smtp.example.test:587 STARTTLS: OK" {
			t.Errorf("after one endpoint the line is %q", got)
		}
		canceled := probes.Result{Status: probes.Fail, Steps: []probes.Step{{Name: probes.StepConnect, Status: probes.Fail,
			Findings: []findings.Finding{findings.New(findings.ProbeCanceled, "interrupted")}}}}
		p.Endpoint(probes.Endpoint{Proto: probes.IMAP, Host: "imap.example.test", Port: 993, Security: probes.ImplicitTLS}, canceled)
		if got := screen(tty.String()); !strings.HasSuffix(got, "IMAP imap.example.test:993 SSL/TLS: canceled") {
			t.Errorf("a canceled endpoint shows %q, want canceled", got)
		}
		p.Done()
		if !strings.HasSuffix(tty.String(), "\r\033[K") {
			t.Errorf("Done did not clear the line: %q", tty.String())
		}
		n := len(tty.String())
		time.Sleep(3 * time.Second)
		synctest.Wait()
		if len(tty.String()) != n {
			t.Errorf("the line was drawn again after Done: %q", tty.String()[n:])
		}
	})
	// In Chinese, and never wider than the terminal (so the clear clears all of it).
	synctest.Test(t, func(t *testing.T) {
		var tty ttyBuffer
		p := NewProgressLine(&tty, 2, "zh", 40)
		p.Endpoint(probes.Endpoint{Proto: probes.POP3, Host: strings.Repeat("very-long-name.", 5) + "test", Port: 995,
			Security: probes.ImplicitTLS}, probes.Result{Status: probes.Fail})
		got := screen(tty.String())
		if !strings.HasPrefix(got, "[已完成 1/2，1 个进行中，0 秒]") || textWidth(got) > 39 {
			t.Errorf("zh line %q (%d columns)", got, textWidth(got))
		}
		p.Done()
	})
}

// TestBarCleared: batch's spinner line is cleared before the summary is printed.
func TestBarCleared(t *testing.T) {
	var tty ttyBuffer
	b := NewBar(&tty)
	b.Add()
	b.Add()
	b.Finish(&tty)
	if out := tty.String(); !strings.Contains(out, "probing") || !strings.HasSuffix(out, "\r\033[K") {
		t.Errorf("bar output %q: want the spinner, then the line cleared", out)
	}
	var nilBar *Bar
	nilBar.Add()
	nilBar.Finish(&tty)
}
