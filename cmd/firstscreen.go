package cmd

import (
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/term"

	"github.com/mailcheck/mailcheck/reports"
)

// formatByExt is the format an --output file's extension asks for.
var formatByExt = map[string]reports.Format{
	".html": reports.HTML, ".htm": reports.HTML,
	".json": reports.JSON,
	".md":   reports.Markdown, ".markdown": reports.Markdown,
}

// inferFormat makes `-o report.html` write HTML without --format; a --format that contradicts
// the file's extension is a usage error (exit 2), not a .html file full of JSON.
func (g *globalOpts) inferFormat() error {
	if g.output == "" {
		return nil
	}
	want, ok := formatByExt[strings.ToLower(filepath.Ext(g.output))]
	if !ok {
		return nil
	}
	if g.formatFlag == nil || !g.formatFlag.Changed {
		g.format = string(want)
		return nil
	}
	if f, _ := reports.ParseFormat(g.format); f != want {
		return usagef("--format %s conflicts with --output %s (a %s file); drop one of them", g.format, g.output, want)
	}
	return nil
}

// resolverAddr checks --resolver: an IP address with an optional port ("127.0.0.53",
// "127.0.0.1:5353", "::1", "[::1]:53"). A host name is refused: it would have to be looked up
// through the system's resolver, which is what --resolver is there to avoid.
func resolverAddr(s string) (string, error) {
	if a, err := netip.ParseAddr(strings.Trim(s, "[]")); err == nil && !strings.Contains(s, "%") {
		return netip.AddrPortFrom(a, 53).String(), nil
	}
	if ap, err := netip.ParseAddrPort(s); err == nil && ap.Port() != 0 {
		return ap.String(), nil
	}
	host := s
	if i := strings.Index(s, "]"); strings.HasPrefix(s, "[") && i > 0 {
		host = s[1:i]
	} else if h, _, ok := strings.Cut(s, ":"); ok {
		host = h
	}
	if _, err := netip.ParseAddr(host); err == nil {
		return "", fmt.Errorf("%q: bad port (want IP or IP:PORT, such as 127.0.0.53 or [::1]:53)", s)
	}
	return "", fmt.Errorf("%q is not an IP address: give the DNS server as IP or IP:PORT (such as 127.0.0.53 or [::1]:53); a host name would itself be looked up through the system resolver", s)
}

// termWidth is the width the table is laid out for: COLUMNS when set, else the terminal's when
// stdout is one, else reports.DefaultWidth (80).
func termWidth(io_ *IO) int {
	if io_.Getenv != nil {
		if n, err := strconv.Atoi(strings.TrimSpace(io_.Getenv("COLUMNS"))); err == nil && n > 0 {
			return n
		}
	}
	if f, ok := io_.Out.(*os.File); ok && io_.OutTTY {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return reports.DefaultWidth
}

// hostName is where the report was made, for the Markdown and HTML footer.
func hostName() string {
	h, err := os.Hostname()
	if err != nil {
		return ""
	}
	return h
}
