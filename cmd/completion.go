package cmd

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/providers"
	"github.com/mailcheck/mailcheck/reports"
	"github.com/mailcheck/mailcheck/testservers"
)

// addCompletions teaches cobra's shell completion (mailcheck completion bash|zsh|fish|powershell)
// mailcheck's own words: provider names, lab scenarios, protocols, and the values of --format,
// --security, --lang and --auth-mech. Completion runs locally: nothing is looked up.
func addCompletions(root *cobra.Command) {
	fixed := func(words ...string) cobra.CompletionFunc {
		return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return words, cobra.ShellCompDirectiveNoFileComp
		}
	}
	var formats []string
	for _, f := range reports.Formats {
		formats = append(formats, string(f))
	}
	flagWords := map[string]cobra.CompletionFunc{
		"format":    fixed(append(formats, "csv")...),
		"security":  fixed("auto", "tls", "starttls", "plain"),
		"lang":      fixed("en", "zh"),
		"auth-mech": fixed("PLAIN", "LOGIN", "XOAUTH2", "OAUTHBEARER"),
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for name, fn := range flagWords {
			if c.Flags().Lookup(name) != nil || (c == root && c.PersistentFlags().Lookup(name) != nil) {
				_ = c.RegisterFlagCompletionFunc(name, fn) // an error only means already registered
			}
		}
		switch c.Name() {
		case "provider":
			c.ValidArgsFunction = firstArg(providerNames)
		case "lab":
			c.ValidArgsFunction = firstArg(labNames)
		case "probe", "conform":
			c.ValidArgsFunction = firstArg(func() []string { return []string{string(probes.SMTP), string(probes.POP3), string(probes.IMAP)} })
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// firstArg completes the first argument from words(), and nothing after it.
func firstArg(words func() []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []string
		for _, w := range words() {
			if strings.HasPrefix(strings.ToLower(w), strings.ToLower(prefix)) && !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// providerNames are the built-in providers' keys and aliases (what `provider NAME` accepts).
func providerNames() []string {
	var out []string
	for _, p := range providers.Builtin().All() {
		out = append(out, p.Key)
		for _, a := range p.Aliases {
			if !strings.ContainsAny(a, " \t") {
				out = append(out, a)
			}
		}
	}
	return out
}

// labNames are lab's scenarios and its list and serve words.
func labNames() []string {
	out := []string{"list", "serve"}
	for _, sc := range testservers.Scenarios() {
		out = append(out, sc.Name)
	}
	return out
}
