package reports

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// The phone viewport the first-screen check uses (a common 6-inch phone, CSS pixels).
const phoneW, phoneH = 390, 844

var fixBottomRE = regexp.MustCompile(`data-fix-bottom="(-?\d+)" data-page-width="(\d+)" data-inner="(\d+)"`)

// TestFixOnFirstScreenAtPhoneWidth: in a real browser at phone width, the first problem's fix
// ends within the first screen of the HTML report, and the page does not scroll sideways. The
// report, unchanged (it runs no script; its Content-Security-Policy forbids one), is shown in a
// phone-sized iframe of a test page whose own script measures it: headless Chromium will not
// make its window narrower than 500 px.
func TestFixOnFirstScreenAtPhoneWidth(t *testing.T) {
	bin := findChromium()
	if bin == "" {
		t.Skip("chromium not installed: apt-get install chromium")
	}
	if testing.Short() {
		t.Skip("starts a browser")
	}
	const frame = `<!DOCTYPE html><html><body style="margin:0"><iframe id="f" width="%d" height="%d" style="border:0" srcdoc="%s"></iframe>` +
		`<script>document.getElementById("f").onload=function(){var d=this.contentDocument,e=d.querySelector("ol.todo li");` +
		`document.body.setAttribute("data-fix-bottom", e ? Math.round(e.getBoundingClientRect().bottom) : -1);` +
		`document.body.setAttribute("data-page-width", d.documentElement.scrollWidth);` +
		`document.body.setAttribute("data-inner", this.contentWindow.innerWidth);};</script></body></html>`
	for _, c := range screenCases {
		if c.name == "healthy" {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			rep := c.rep(t)
			for _, lang := range []string{"en", "zh"} {
				dir := t.TempDir()
				var b bytes.Buffer
				if err := Write(&b, rep, HTML, Options{Lang: lang}); err != nil {
					t.Fatal(err)
				}
				file := filepath.Join(dir, "phone.html")
				if err := os.WriteFile(file, []byte(fmt.Sprintf(frame, phoneW, phoneH, html.EscapeString(b.String()))), 0o644); err != nil {
					t.Fatal(err)
				}
				ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
				cmd := exec.CommandContext(ctx, bin, append(chromiumFlags(filepath.Join(dir, "profile")),
					"--window-size=800,1000", "--virtual-time-budget=5000", "--dump-dom", "file://"+file)...)
				cmd.Env = append(os.Environ(), "HOME="+dir)
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				dom, err := cmd.Output()
				cancel()
				if err != nil {
					t.Fatalf("chromium: %v\n%s", err, tail(stderr.String(), 2000))
				}
				m := fixBottomRE.FindStringSubmatch(string(dom))
				if m == nil {
					t.Fatalf("%s: the measuring script did not run", lang)
				}
				bottom, _ := strconv.Atoi(m[1])
				width, _ := strconv.Atoi(m[2])
				inner, _ := strconv.Atoi(m[3])
				t.Logf("%s: first fix ends at %d px, page %d px wide, viewport %d px", lang, bottom, width, inner)
				if inner != phoneW {
					t.Fatalf("%s: the report was laid out %d px wide, not at phone width %d", lang, inner, phoneW)
				}
				if bottom < 0 || bottom > phoneH {
					t.Errorf("%s: the first fix ends at %d px, below the first screen (%d px)", lang, bottom, phoneH)
				}
				if width > phoneW {
					t.Errorf("%s: the page is %d px wide at a %d px viewport (sideways scroll)", lang, width, phoneW)
				}
			}
		})
	}
}
