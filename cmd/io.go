package cmd

import (
	"bytes"
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
