package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/mailcheck/mailcheck/probes"
)

// progressFunc prints one line per finished endpoint on a terminal's stderr, nothing otherwise.
func progressFunc(io_ *IO, g *globalOpts, eps []probes.Endpoint) func(int, probes.Result) {
	if !io_.ErrTTY || g.quiet {
		return nil
	}
	done := 0
	return func(i int, r probes.Result) {
		done++
		ep := eps[i]
		fmt.Fprintf(io_.Err, "\r\033[K[%d/%d] %s %s:%d %s: %s", done, len(eps), strings.ToUpper(string(ep.Proto)),
			ep.Host, ep.Port, ep.Security, r.Status)
		if done == len(eps) {
			fmt.Fprint(io_.Err, "\r\033[K")
		}
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
