package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/mattn/go-isatty"
)

// IO is where a command reads and writes; tests swap it for buffers.
type IO struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	InTTY  bool
	OutTTY bool
	ErrTTY bool
	// Getenv reads the environment (tests inject theirs).
	Getenv func(string) string
	// ReadPassword reads a line without echo from the terminal.
	ReadPassword func() ([]byte, error)
}

// SystemIO is the real process's streams.
func SystemIO() *IO {
	tty := func(f *os.File) bool { return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()) }
	return &IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		InTTY: tty(os.Stdin), OutTTY: tty(os.Stdout), ErrTTY: tty(os.Stderr),
		Getenv: os.Getenv, ReadPassword: readPasswordTTY}
}

// TestIO returns an IO on buffers, with no TTY and an empty environment.
func TestIO(stdin string, env map[string]string) (*IO, *bytes.Buffer, *bytes.Buffer) {
	out, errb := &bytes.Buffer{}, &bytes.Buffer{}
	return &IO{In: bytes.NewBufferString(stdin), Out: out, Err: errb,
		Getenv: func(k string) string { return env[k] }}, out, errb
}

// outWriter remembers the first failed write: the renderers write with fmt.Fprintf and do not
// look at its error, so a full disk (or /dev/full) would otherwise pass for a written report.
// Every byte of stdout and of --output goes through one.
type outWriter struct {
	w   io.Writer
	err error
}

func (o *outWriter) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	o.err = err
	return n, err
}

// writeFailure is the output error a run must end with, nil when every write went through.
// err is what the command returned: findings still exit 2 when their report was lost.
func writeFailure(err error, out *outWriter, where string) error {
	if out.err == nil || (err != nil && !errors.Is(err, errFindings)) {
		return err
	}
	return fmt.Errorf("writing the output to %s: %w", where, out.err)
}
