package cmd

import (
	"github.com/spf13/pflag"

	"github.com/mailcheck/mailcheck/providers"
)

// sourceFlags are the discovery sources a user can turn off or redirect (account, batch).
type sourceFlags struct {
	noISPDB  bool
	ispdbURL string
}

func (f *sourceFlags) register(fs *pflag.FlagSet) {
	fs.BoolVar(&f.noISPDB, "no-ispdb", false, "do not ask Thunderbird's ISPDB (it learns the domain and the MX base domain)")
	fs.StringVar(&f.ispdbURL, "ispdb-url", "", "ISPDB base URL (default $MAILCHECK_ISPDB_URL or "+providers.DefaultISPDB+")")
}

// check validates the flags (and $MAILCHECK_ISPDB_URL) before anything runs.
func (f *sourceFlags) check(io_ *IO) error {
	if u := f.url(io_); u != "" {
		if err := providers.CheckISPDBURL(u); err != nil {
			return usagef("%v", err)
		}
	}
	return nil
}

func (f *sourceFlags) url(io_ *IO) string {
	if f.ispdbURL != "" {
		return f.ispdbURL
	}
	return io_.Getenv("MAILCHECK_ISPDB_URL")
}

// apply sets the ISPDB options of d (check has passed).
func (f *sourceFlags) apply(io_ *IO, d *providers.Discoverer) *providers.Discoverer {
	d.NoISPDB = f.noISPDB
	d.ISPDB = f.url(io_)
	return d
}
