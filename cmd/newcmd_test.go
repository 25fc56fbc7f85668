package cmd

import (
	"context"
	"testing"

	"github.com/spf13/cobra"

	"github.com/mailcheck/mailcheck/probes"
)

// TestNewCmdParsing: each command's flags and arguments land in its options, checked through
// the runF seam so nothing runs (cli/cli's TestNewCmdX).
func TestNewCmdParsing(t *testing.T) {
	type got struct {
		probe    *probeOptions
		conform  *conformOptions
		account  *accountOptions
		provider *providerOptions
		explain  *explainOptions
		batch    *batchOptions
		lab      *labOptions
		config   *configOptions
	}
	build := func(io_ *IO, g *globalOpts, r *got) []*cobra.Command {
		return []*cobra.Command{
			newCmdProbe(io_, g, func(_ context.Context, o *probeOptions) error { r.probe = o; return nil }),
			newCmdConform(io_, g, func(_ context.Context, o *conformOptions) error { r.conform = o; return nil }),
			newCmdAccount(io_, g, func(_ context.Context, o *accountOptions) error { r.account = o; return nil }),
			newCmdProvider(io_, g, func(_ context.Context, o *providerOptions) error { r.provider = o; return nil }),
			newCmdExplain(io_, g, func(_ context.Context, o *explainOptions) error { r.explain = o; return nil }),
			newCmdBatch(io_, g, func(_ context.Context, o *batchOptions) error { r.batch = o; return nil }),
			newCmdLab(io_, g, func(_ context.Context, o *labOptions) error { r.lab = o; return nil }),
			newCmdConfig(io_, g, func(_ context.Context, o *configOptions) error { r.config = o; return nil }),
		}
	}
	tests := []struct {
		args  []string
		check func(t *testing.T, r *got, g *globalOpts)
	}{
		{[]string{"probe", "SMTP", "mail.test:465", "--security", "tls", "--ehlo", "me.test"}, func(t *testing.T, r *got, _ *globalOpts) {
			if o := r.probe; o == nil || o.proto != probes.SMTP || o.target != "mail.test:465" || o.security != "tls" || o.ehlo != "me.test" {
				t.Errorf("probe: %+v", o)
			}
		}},
		{[]string{"conform", "imap", "mail.test", "--security", "starttls"}, func(t *testing.T, r *got, _ *globalOpts) {
			if o := r.conform; o == nil || o.proto != probes.IMAP || o.target != "mail.test" || o.security != "starttls" {
				t.Errorf("conform: %+v", o)
			}
		}},
		{[]string{"account", " you@qq.com ", "--offline", "--all-sources"}, func(t *testing.T, r *got, _ *globalOpts) {
			if o := r.account; o == nil || o.address != "you@qq.com" || !o.offline || !o.all {
				t.Errorf("account: %+v", o)
			}
		}},
		{[]string{"provider", "网易", "--offline"}, func(t *testing.T, r *got, _ *globalOpts) {
			if o := r.provider; o == nil || o.name != "网易" || !o.offline {
				t.Errorf("provider: %+v", o)
			}
		}},
		{[]string{"explain", "535", "5.7.8", "bad", "--provider", "qq"}, func(t *testing.T, r *got, _ *globalOpts) {
			if o := r.explain; o == nil || o.text != "535 5.7.8 bad" || o.provider != "qq" || o.list {
				t.Errorf("explain: %+v", o)
			}
		}},
		{[]string{"explain", "--list"}, func(t *testing.T, r *got, _ *globalOpts) {
			if o := r.explain; o == nil || !o.list {
				t.Errorf("explain --list: %+v", o)
			}
		}},
		{[]string{"batch", "targets.txt", "-c", "8"}, func(t *testing.T, r *got, _ *globalOpts) {
			if o := r.batch; o == nil || o.file != "targets.txt" || o.concurrency != 8 {
				t.Errorf("batch: %+v", o)
			}
		}},
		{[]string{"lab", "smtp-tls-required"}, func(t *testing.T, r *got, _ *globalOpts) {
			if o := r.lab; o == nil || o.name != "smtp-tls-required" {
				t.Errorf("lab: %+v", o)
			}
		}},
		{[]string{"lab"}, func(t *testing.T, r *got, _ *globalOpts) {
			if o := r.lab; o == nil || o.name != "" {
				t.Errorf("lab: %+v", o)
			}
		}},
		{[]string{"config", "prefs.js", "--offline"}, func(t *testing.T, r *got, _ *globalOpts) {
			if o := r.config; o == nil || o.file != "prefs.js" || !o.offline {
				t.Errorf("config: %+v", o)
			}
		}},
		{[]string{"account", "you@qq.com", "--export", "mobileconfig", "-o", "x.mobileconfig"}, func(t *testing.T, r *got, g *globalOpts) {
			if o := r.account; o == nil || o.export.kind != "mobileconfig" || g.output != "x.mobileconfig" {
				t.Errorf("account --export: %+v", o)
			}
		}},
		// Shared flags reach the global options.
		{[]string{"probe", "pop3", "h.test", "--format", "json", "--lang", "zh", "--timeout", "3s", "--user", "u", "--insecure"}, func(t *testing.T, r *got, g *globalOpts) {
			if g.format != "json" || g.lang != "zh" || g.timeout.String() != "3s" || g.user != "u" || !g.insecure || r.probe == nil {
				t.Errorf("globals: %+v", g)
			}
		}},
	}
	for _, tt := range tests {
		io_, _, _ := TestIO("", nil)
		root, g := newRoot(io_)
		var r got
		for _, c := range root.Commands() {
			root.RemoveCommand(c)
		}
		root.AddCommand(build(io_, g, &r)...)
		root.SetArgs(tt.args)
		if err := root.Execute(); err != nil {
			t.Errorf("%q: %v", tt.args, err)
			continue
		}
		tt.check(t, &r, g)
	}
}

// TestNewCmdArgsRefused: wrong argument counts are usage errors before any run function.
func TestNewCmdArgsRefused(t *testing.T) {
	for _, args := range [][]string{
		{"probe", "smtp"}, {"probe", "x400", "h"}, {"conform"}, {"account"}, {"account", "a@b.test", "c@d.test"},
		{"provider"}, {"provider", " "}, {"explain"}, {"explain", "--list", "text"}, {"batch"}, {"lab", "a", "b"},
		{"config"}, {"config", "a", "b"}, {"config", " "},
	} {
		io_, _, _ := TestIO("", nil)
		root, g := newRoot(io_)
		called := false
		for _, c := range root.Commands() {
			root.RemoveCommand(c)
		}
		mark := func() { called = true }
		root.AddCommand(
			newCmdProbe(io_, g, func(context.Context, *probeOptions) error { mark(); return nil }),
			newCmdConform(io_, g, func(context.Context, *conformOptions) error { mark(); return nil }),
			newCmdAccount(io_, g, func(context.Context, *accountOptions) error { mark(); return nil }),
			newCmdProvider(io_, g, func(context.Context, *providerOptions) error { mark(); return nil }),
			newCmdExplain(io_, g, func(context.Context, *explainOptions) error { mark(); return nil }),
			newCmdBatch(io_, g, func(context.Context, *batchOptions) error { mark(); return nil }),
			newCmdLab(io_, g, func(context.Context, *labOptions) error { mark(); return nil }),
			newCmdConfig(io_, g, func(context.Context, *configOptions) error { mark(); return nil }))
		root.SetArgs(args)
		err := root.Execute()
		if err == nil || called {
			t.Errorf("%q: err %v, run called %v; want a usage error and no run", args, err, called)
		} else if exitCode(context.Background(), err) != ExitUsage {
			t.Errorf("%q: exit %d, want 2 (%v)", args, exitCode(context.Background(), err), err)
		}
	}
}
