// Package reports renders a probes.Report for people and scripts: a terminal table, JSON,
// Markdown and HTML. It knows nothing of protocols.
package reports

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/mailcheck/mailcheck/probes"
)

// Format is an output format.
type Format string

const (
	Table    Format = "table"
	JSON     Format = "json"
	Markdown Format = "markdown"
	HTML     Format = "html"
	// Reply is a short polite reply to the user, in the report's language: what is wrong and
	// the steps to take in their mail app, no codes or transcript.
	Reply Format = "reply"
)

// Formats lists the valid formats, for flag help and validation.
var Formats = []Format{Table, JSON, Markdown, HTML, Reply}

// ParseFormat validates a --format value.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q (want table, json, markdown, html or reply)", s)
}

// Options shape the output.
type Options struct {
	Color      bool   // ANSI colour (terminal only)
	Lang       string // "en" or "zh"
	Transcript bool   // include the protocol transcript in the table
	// Width is the terminal's width in columns for the table; 0 means DefaultWidth.
	Width int
	// Brief is one screen for the table: the verdict, what to do, the settings to use.
	Brief bool
	// Version and Host, when set, go into the Markdown and HTML footer with the start time:
	// which mailcheck ran, and where.
	Version, Host string
}

// Write renders rep in format f. It resolves rep into one language once (toJSON): the JSON is
// that document, and the table, Markdown and HTML render the one view made from it (newView).
// It reads rep and never changes it.
func Write(w io.Writer, rep *probes.Report, f Format, o Options) error {
	if o.Lang == "" {
		o.Lang = "en"
	}
	switch f {
	case JSON, Table, "", Markdown, HTML, Reply:
	default:
		return fmt.Errorf("unknown format %q", f)
	}
	doc := toJSON(rep, o.Lang)
	switch f {
	case JSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(doc)
	case Reply:
		return writeReply(w, newView(&doc), o.Width)
	}
	v := newView(&doc)
	v.Version, v.Host = cleanText(o.Version), cleanText(o.Host)
	switch f {
	case Markdown:
		return writeMarkdown(w, v)
	case HTML:
		return writeHTML(w, v)
	}
	if o.Brief {
		return writeBrief(w, v, o)
	}
	return writeTable(w, v, o)
}
