package probes_test

import (
	"context"
	"net"
	"strconv"
	"testing"
	"testing/synctest"
	"time"

	"github.com/mailcheck/mailcheck/probes/findings"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/testservers"
)

// filterDialer drops connections to the given ports the way a firewall does: no answer until
// the deadline. Everything else goes to next (a testservers.Server, over an in-memory pipe).
type filterDialer struct {
	drop map[int]bool
	next probes.Dialer
}

func (d filterDialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	_, p, _ := net.SplitHostPort(addr)
	if port, _ := strconv.Atoi(p); d.drop[port] {
		<-ctx.Done()
		return nil, &net.OpError{Op: "dial", Net: network, Err: context.DeadlineExceeded}
	}
	return d.next.DialContext(ctx, network, addr)
}

func codesIn(fs []findings.Finding) map[findings.Code]bool {
	m := map[findings.Code]bool{}
	for _, f := range fs {
		m[f.Code] = true
	}
	return m
}

// TestConclude: cross-endpoint reasoning from real probes. Port 25 filtered while submission
// connects is the ISP blocking 25; every port filtered is the local network blocking mail.
// The probes run in synctest bubbles: the filtered ports' timeouts pass on the fake clock.
func TestConclude(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	// Port numbers stand for the real ones: the dialer filters by port, the server answers the rest.
	ep := func(port int, sec probes.Security) probes.Endpoint {
		return probes.Endpoint{Proto: probes.SMTP, Host: "127.0.0.1", Port: port, Security: sec}
	}
	opts := probes.Options{Timeout: 300 * time.Millisecond, RootCAs: ca.RootCAs(), NoModeDetect: true}
	tests := []struct {
		name string
		drop map[int]bool
		eps  []probes.Endpoint
		want findings.Code
		not  findings.Code
	}{
		{"port 25 blocked, 465 works", map[int]bool{25: true},
			[]probes.Endpoint{ep(25, probes.STARTTLS), ep(465, probes.ImplicitTLS)}, findings.TCPPort25Blocked, findings.NetMailPortsBlocked},
		{"every port filtered", map[int]bool{25: true, 465: true, 993: true},
			[]probes.Endpoint{ep(25, probes.STARTTLS), ep(465, probes.ImplicitTLS), ep(993, probes.ImplicitTLS)}, findings.NetMailPortsBlocked, findings.TCPPort25Blocked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				// What is not dropped (465 here) reaches an implicit-TLS server.
				smtps, err := testservers.New(testservers.Config{Proto: "smtp", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
				if err != nil {
					t.Fatal(err)
				}
				defer smtps.Close()
				o := opts
				o.Dialer = filterDialer{tt.drop, smtps}
				rep := probes.Run(context.Background(), probes.Plan{Command: probes.CmdAccount, Endpoints: tt.eps, Options: o})
				got := codesIn(rep.Findings)
				if !got[tt.want] || got[tt.not] {
					t.Errorf("conclusions = %v, want %s and not %s", got, tt.want, tt.not)
				}
			})
		})
	}
}

// TestAuthKindSharpens: a login refused with a generic reply at a provider that wants an
// authorization code is auth.authorization-code-required, with the provider's own fix.
func TestAuthKindSharpens(t *testing.T) {
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	for kind, want := range map[probes.AuthKind]findings.Code{
		"":                      findings.AuthFailed,
		"authorization-code":    findings.AuthAuthorizationCodeRequired,
		"oauth-or-app-password": findings.AuthAppPasswordRequired,
		"oauth-only":            findings.AuthBasicDisabled,
	} {
		qq := &probes.ProviderFacts{Key: "qq", Auth: kind, Fixes: findings.Fixes{
			findings.AuthAuthorizationCodeRequired: {Provider: "qq", Text: findings.Text{EN: "make a code", ZH: "生成授权码"}}}}
		var r probes.Result
		synctest.Test(t, func(t *testing.T) {
			srv, err := testservers.New(testservers.Config{Proto: "smtp", Faults: testservers.Faults{ImplicitTLS: true}}, ca)
			if err != nil {
				t.Fatal(err)
			}
			defer srv.Close()
			rep := probes.Run(context.Background(), probes.Plan{Command: probes.CmdProbe, Provider: qq,
				Endpoints: []probes.Endpoint{{Proto: probes.SMTP, Host: "localhost", Port: 465, Security: probes.ImplicitTLS}},
				Options: probes.Options{Timeout: 2 * time.Second, RootCAs: ca.RootCAs(), User: testservers.DefaultUser, Password: []byte("web-password"),
					Dialer: srv}})
			r = rep.Results[0]
		})
		if !r.HasCode(want) {
			t.Errorf("auth kind %q: codes %v, want %s", kind, codesOf(r), want)
		}
		for _, f := range r.Findings() {
			if f.Code == findings.AuthAuthorizationCodeRequired && f.Provider != "qq" {
				t.Errorf("the QQ-specific fix was not chosen: %+v", f)
			}
		}
	}
}
