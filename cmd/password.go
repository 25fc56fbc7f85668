package cmd

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"
)

// maxSecret bounds a password or token read from stdin: real ones are a few KiB at most, and
// `< /dev/zero` must not grow memory.
const maxSecret = 64 << 10

// stdinSecret reads a secret from the first line of standard input, bounded, and gives up
// when ctx is done (a pipe that sends nothing, or never ends, must not outlive SIGTERM).
func stdinSecret(ctx context.Context, io_ *IO, flag, what string) ([]byte, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		// Up to the first line break: what follows may never end (`< /dev/zero`, a live pipe).
		b, err := bufio.NewReader(io.LimitReader(ctxReader{ctx, io_.In}, maxSecret+2)).ReadBytes('\n')
		if err == io.EOF {
			err = nil
		}
		done <- result{b, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if r.err != nil {
		return nil, usagef("reading %s from stdin: %v", what, r.err)
	}
	line := bytes.TrimSuffix(r.b, []byte("\n"))
	if len(line) > maxSecret {
		clear(r.b)
		return nil, usagef("%s: more than %d KiB on the first line of standard input; that is not %s", flag, maxSecret>>10, what)
	}
	line = bytes.TrimRight(line, "\r")
	if len(line) == 0 {
		return nil, usagef("%s: standard input is empty", flag)
	}
	return line, nil
}

// envSecret reads a secret from the environment variable name.
func envSecret(io_ *IO, flag, name string) ([]byte, error) {
	v := io_.Getenv(name)
	if v == "" {
		return nil, usagef("%s %s: the variable is not set or empty", flag, name)
	}
	return []byte(v), nil
}

func readPasswordTTY() ([]byte, error) {
	return term.ReadPassword(int(os.Stdin.Fd()))
}

// checkLine refuses a login name or password with a CR, LF or NUL in it. mailcheck writes both
// into protocol command lines (AUTH, USER/PASS, LOGIN), so a line break would end the command
// early and send the rest to the server as a command of its own.
func checkLine(what string, v []byte) error {
	i := bytes.IndexAny(v, "\r\n\x00")
	switch {
	case i < 0:
		return nil
	case v[i] == 0:
		return usagef("%s contains a NUL character; mail servers cannot take it, so check where it came from", what)
	}
	return usagef("%s contains a line break; a mail server would read what follows it as a new command, so check where it came from (a file with Windows line endings, a pasted newline?)", what)
}

// password gets the secret from --password-stdin, --password-env VAR, MAILCHECK_PASSWORD or a
// no-echo prompt on a terminal; never from argv. It returns nil when there is none to be had,
// and refuses one with a CR, LF or NUL in it (checkLine).
func (g *globalOpts) password(io_ *IO, who string) ([]byte, error) {
	pw, err := g.readPassword(io_, who)
	if err != nil {
		return nil, err
	}
	if err := checkLine("the password", pw); err != nil {
		clear(pw)
		return nil, err
	}
	return pw, nil
}

func (g *globalOpts) readPassword(io_ *IO, who string) ([]byte, error) {
	switch {
	case g.passwordStdin && g.passwordEnv != "":
		return nil, usagef("--password-stdin and --password-env cannot be used together")
	case g.passwordStdin:
		return stdinSecret(g.ctx, io_, "--password-stdin", "the password")
	case g.passwordEnv != "":
		return envSecret(io_, "--password-env", g.passwordEnv)
	}
	if v := io_.Getenv("MAILCHECK_PASSWORD"); v != "" {
		return []byte(v), nil
	}
	if g.user != "" && io_.InTTY && io_.ReadPassword != nil {
		fmt.Fprintf(io_.Err, "Password for %s (not shown; Enter to skip login): ", who)
		p, err := io_.ReadPassword()
		fmt.Fprintln(io_.Err)
		if err != nil {
			return nil, usagef("reading the password: %v", err)
		}
		if len(p) == 0 {
			return nil, nil
		}
		return p, nil
	}
	return nil, nil
}
