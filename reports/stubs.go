package reports

import (
	"errors"
	"io"

	"github.com/mailcheck/mailcheck/probes"
)

// todo: Markdown and HTML reports (issue 6).
func writeMarkdown(w io.Writer, rep *probes.Report, o Options) error {
	return errors.New("markdown output is not available yet")
}

func writeHTML(w io.Writer, rep *probes.Report, o Options) error {
	return errors.New("html output is not available yet")
}
