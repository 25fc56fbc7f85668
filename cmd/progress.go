package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/mailcheck/mailcheck/probes"
)

// progressFunc updates one status line on a terminal's stderr as each endpoint finishes, and
// prints nothing when stderr is not a terminal or with --quiet.
func progressFunc(io_ *IO, g *globalOpts, total *int) func(probes.Endpoint, probes.Result) {
	if !io_.ErrTTY || g.quiet {
		return nil
	}
	done := 0
	return func(ep probes.Endpoint, r probes.Result) {
		done++
		of := ""
		if total != nil {
			of = fmt.Sprintf("/%d", *total)
		}
		fmt.Fprintf(io_.Err, "\r\033[K[%d%s] %s %s:%d %s: %s", done, of, strings.ToUpper(string(ep.Proto)),
			ep.Host, ep.Port, ep.Security, r.Status)
	}
}

// progressDone clears the status line.
func progressDone(io_ *IO, g *globalOpts) {
	if io_.ErrTTY && !g.quiet {
		fmt.Fprint(io_.Err, "\r\033[K")
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
