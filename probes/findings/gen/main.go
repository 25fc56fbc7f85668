// Command gen writes codes.go, one Go constant per entry of catalogue.json, so a code is
// declared once (in the data) and code that names it is checked by the compiler.
// Run it with `go generate ./probes/findings`; TestCodesGenerated fails when codes.go is stale.
package main

import (
	"fmt"
	"os"

	"github.com/mailcheck/mailcheck/probes/findings/gen/codegen"
)

func main() {
	src, err := os.ReadFile("catalogue.json")
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	out, err := codegen.Source(src)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile("codes.go", out, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
