package cmd

import (
	"net/url"
	"strconv"
	"time"

	"github.com/spf13/pflag"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/providers"
)

// sendTestFlags are --send-test, --send-to and --wait: the opt-in round trip (account, probe).
type sendTestFlags struct {
	on   bool
	to   string
	wait time.Duration
}

func (f *sendTestFlags) register(fs *pflag.FlagSet) {
	fs.BoolVar(&f.on, "send-test", false, "send one labelled test message to the account itself, look for it, then delete it")
	fs.StringVar(&f.to, "send-to", "", "send the test message to `ADDR` instead (an address of your own)")
	fs.DurationVar(&f.wait, "wait", probes.DefaultSendWait, "how long --send-test looks for the message")
}

// plan checks the flags against the login given; nil when --send-test is off.
func (f *sendTestFlags) plan(popts probes.Options) (*probes.SendTest, error) {
	if !f.on {
		if f.to != "" {
			return nil, usagef("--send-to needs --send-test")
		}
		return nil, nil
	}
	if len(popts.Password) == 0 && len(popts.Token) == 0 {
		return nil, usagef("--send-test logs in to send and to look: give the password (--password-env VAR, --password-stdin) or a token (--oauth-token-env VAR)")
	}
	if f.to != "" {
		if _, _, err := providers.ParseAddress(f.to); err != nil {
			return nil, usagef("--send-to: %v", err)
		}
	}
	if f.wait <= 0 || f.wait > 10*time.Minute {
		return nil, usagef("--wait must be between 1s and 10m, got %s", f.wait)
	}
	return &probes.SendTest{To: f.to, Wait: f.wait}, nil
}

// receiveVia parses --receive-via: where probe smtp --send-test looks for the message. IMAP
// (imaps://, or imap:// with STARTTLS) sees INBOX and Junk; POP3 (pop3s://, pop3:// with STLS)
// only the maildrop, logging in again for every look.
func receiveVia(s string) (*probes.Endpoint, error) {
	const want = "imaps://HOST[:PORT], imap://, pop3s:// or pop3://"
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return nil, usagef("--receive-via: want %s, got %q", want, s)
	}
	var proto probes.Proto
	sec := probes.ImplicitTLS
	switch u.Scheme {
	case "imaps":
		proto = probes.IMAP
	case "imap":
		proto, sec = probes.IMAP, probes.STARTTLS
	case "pop3s":
		proto = probes.POP3
	case "pop3":
		proto, sec = probes.POP3, probes.STARTTLS
	default:
		return nil, usagef("--receive-via: the round trip receives over IMAP or POP3: %s, got %q", want, u.Scheme)
	}
	port := probes.DefaultPort(proto, sec)
	if p := u.Port(); p != "" {
		if port, err = strconv.Atoi(p); err != nil || port < 1 || port > 65535 {
			return nil, usagef("--receive-via: port %q out of range", p)
		}
	}
	return &probes.Endpoint{Proto: proto, Host: u.Hostname(), Port: port, Security: sec, Source: "flag"}, nil
}

// batchSendTestRefusal: a round trip sends real mail and needs each account's own login, so
// batch runs it only for the accounts a --credentials file lists.
const batchSendTestRefusal = "batch --send-test needs --credentials FILE (lines of ADDRESS ENVVAR, mode 600): a round trip sends a real message and needs each account's own login, and batch logs in to no other"
