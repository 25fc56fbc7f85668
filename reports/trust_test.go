package reports

import (
	"testing"

	"github.com/mailcheck/mailcheck/probes"
)

func TestTrustNote(t *testing.T) {
	tests := []struct {
		ep   probes.Endpoint
		want string
	}{
		{probes.Endpoint{Source: "builtin:qq", Trust: probes.TrustDB}, "builtin:qq"},
		{probes.Endpoint{Source: "flag"}, "flag"},
		{probes.Endpoint{Source: "guess", Trust: probes.TrustGuess}, "guess"},
		{probes.Endpoint{Source: "autoconfig", Trust: probes.TrustHTTPS}, "autoconfig · https"},
		{probes.Endpoint{Source: "srv:_imaps._tcp", Trust: probes.TrustDNS, Foreign: true, Withheld: true}, "srv:_imaps._tcp · dns · no credentials sent"},
		{probes.Endpoint{Source: "srv:_imaps._tcp", Trust: probes.TrustDNSSEC, Foreign: true}, "srv:_imaps._tcp · dnssec · foreign host trusted"},
		{probes.Endpoint{Trust: probes.TrustDNS}, "dns"},
	}
	for _, tt := range tests {
		if got := withTrust(tt.ep.Source, tt.ep); got != tt.want {
			t.Errorf("withTrust(%+v) = %q, want %q", tt.ep, got, tt.want)
		}
	}
}
