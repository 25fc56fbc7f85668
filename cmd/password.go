package cmd

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

func readPasswordTTY() ([]byte, error) {
	return term.ReadPassword(int(os.Stdin.Fd()))
}

// password gets the secret from --password-stdin, --password-env VAR, MAILCHECK_PASSWORD or a
// no-echo prompt on a terminal; never from argv. It returns nil when there is none to be had.
func (g *globalOpts) password(io_ *IO, who string) ([]byte, error) {
	switch {
	case g.passwordStdin && g.passwordEnv != "":
		return nil, usagef("--password-stdin and --password-env cannot be used together")
	case g.passwordStdin:
		line, err := bufio.NewReaderSize(io_.In, 4096).ReadString('\n')
		if err != nil && err != io.EOF {
			return nil, usagef("reading the password from stdin: %v", err)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			return nil, usagef("--password-stdin: standard input is empty")
		}
		return []byte(line), nil
	case g.passwordEnv != "":
		v := io_.Getenv(g.passwordEnv)
		if v == "" {
			return nil, usagef("--password-env %s: the variable is not set or empty", g.passwordEnv)
		}
		return []byte(v), nil
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
