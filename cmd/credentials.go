package cmd

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/mailcheck/mailcheck/providers"
)

// maxCredentialsFile bounds --credentials: one short line per account.
const maxCredentialsFile = 1 << 20

// batchCredentials is batch's --credentials file: per address, the environment variable that
// holds its password. The secrets themselves are never in the file or argv.
type batchCredentials map[string]string // lower-cased address -> variable name

// loadCredentials reads and checks the --credentials file: not group/world-readable, lines of
// `ADDRESS ENVVAR`, blank lines and # comments skipped.
func loadCredentials(ctx context.Context, path string) (batchCredentials, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, usagef("--credentials: %v", err)
	}
	if !st.Mode().IsRegular() {
		return nil, usagef("--credentials %s: not a regular file", path)
	}
	// The file maps accounts to their secrets: readable by others, it tells them where to look.
	if perm := st.Mode().Perm(); perm&0o077 != 0 {
		return nil, usagef("--credentials %s: mode %04o lets other users read it; chmod 600 %s", path, perm, path)
	}
	b, err := readLocalFile(ctx, path, maxCredentialsFile)
	if err != nil {
		return nil, localFileErr("--credentials", path, err)
	}
	return parseCredentials(path, string(b))
}

func parseCredentials(path, s string) (batchCredentials, error) {
	creds := batchCredentials{}
	for i, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			return nil, usagef("--credentials %s line %d: want ADDRESS ENVVAR (the password is read from the variable), got %d field(s)", path, i+1, len(f))
		}
		if _, _, err := providers.ParseAddress(f[0]); err != nil {
			return nil, usagef("--credentials %s line %d: %v", path, i+1, err)
		}
		if !validEnvName(f[1]) {
			return nil, usagef("--credentials %s line %d: %q is not an environment variable name (letters, digits, _)", path, i+1, truncateRunes(f[1], 40))
		}
		key := strings.ToLower(f[0])
		if _, dup := creds[key]; dup {
			return nil, usagef("--credentials %s line %d: %s is listed twice", path, i+1, f[0])
		}
		creds[key] = f[1]
	}
	if len(creds) == 0 {
		return nil, usagef("--credentials %s: no ADDRESS ENVVAR line", path)
	}
	return creds, nil
}

func validEnvName(s string) bool {
	for i, c := range s {
		if !(c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}

// secretFor reads the password of address from its variable: nil, "" when address is not in
// the file; an error (for that line's record) when its variable is unset or unusable.
func (c batchCredentials) secretFor(io_ *IO, address string) ([]byte, error) {
	name, ok := c[strings.ToLower(address)]
	if !ok {
		return nil, nil
	}
	pw, err := envSecret(io_, "--credentials", name)
	if err != nil {
		return nil, fmt.Errorf("password of %s: %w", address, err)
	}
	if err := checkLine("the password", pw); err != nil {
		clear(pw)
		return nil, fmt.Errorf("password of %s (variable %s): %w", address, name, err)
	}
	return pw, nil
}
