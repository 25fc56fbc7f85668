package serve

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"gopkg.in/yaml.v3"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// Module is one exporter module of --config: how to probe a target. Credentials come from a
// file or the environment, never from the scrape URL.
type Module struct {
	Protocol           string        `yaml:"protocol"`
	Security           string        `yaml:"security"`
	Timeout            time.Duration `yaml:"timeout"`
	User               string        `yaml:"user"`
	PasswordFile       string        `yaml:"password_file"`
	PasswordEnv        string        `yaml:"password_env"`
	TokenFile          string        `yaml:"token_file"`
	TokenEnv           string        `yaml:"token_env"`
	AllowPlaintextAuth bool          `yaml:"allow_plaintext_auth"`
}

type moduleFile struct {
	Modules map[string]Module `yaml:"modules"`
}

var moduleName = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,64}$`)

// LoadModules reads the --config YAML file ("modules: NAME: {protocol: …}").
func LoadModules(path string) (map[string]Module, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) > 1<<20 {
		return nil, fmt.Errorf("%s: larger than 1 MiB", path)
	}
	return ParseModules(b)
}

// ParseModules parses and validates the module YAML.
func ParseModules(b []byte) (map[string]Module, error) {
	var f moduleFile
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && err != io.EOF {
		return nil, fmt.Errorf("config: %w", err)
	}
	if len(f.Modules) == 0 {
		return nil, fmt.Errorf("config: no modules")
	}
	for name, m := range f.Modules {
		if !moduleName.MatchString(name) {
			return nil, fmt.Errorf("config: module name %q: use letters, digits, _ . -", name)
		}
		if !probes.Supported(probes.Proto(strings.ToLower(m.Protocol))) {
			return nil, fmt.Errorf("config: module %s: protocol %q: want smtp, pop3 or imap", name, m.Protocol)
		}
		switch strings.ToLower(m.Security) {
		case "", "auto", "tls", "ssl", "starttls", "plain":
		default:
			return nil, fmt.Errorf("config: module %s: security %q: want auto, tls, starttls or plain", name, m.Security)
		}
		if m.Timeout < 0 || m.Timeout > 5*time.Minute {
			return nil, fmt.Errorf("config: module %s: timeout %s: want 0 (the default) to 5m", name, m.Timeout)
		}
		n := 0
		for _, v := range []string{m.PasswordFile, m.PasswordEnv, m.TokenFile, m.TokenEnv} {
			if v != "" {
				n++
			}
		}
		if n > 1 {
			return nil, fmt.Errorf("config: module %s: give one of password_file, password_env, token_file, token_env", name)
		}
		if n == 1 && m.User == "" {
			return nil, fmt.Errorf("config: module %s: a credential needs user", name)
		}
	}
	return f.Modules, nil
}

// secret reads the module's credential at scrape time (a rotated file is picked up).
func (m Module) secret() (password, token []byte, err error) {
	read := func(file, env string) ([]byte, error) {
		if file != "" {
			b, err := os.ReadFile(file)
			if err != nil {
				return nil, err
			}
			line, _, _ := strings.Cut(string(b), "\n")
			return []byte(strings.TrimRight(line, "\r")), nil
		}
		if env != "" {
			v, ok := os.LookupEnv(env)
			if !ok {
				return nil, fmt.Errorf("environment variable %s is not set", env)
			}
			return []byte(v), nil
		}
		return nil, nil
	}
	if password, err = read(m.PasswordFile, m.PasswordEnv); err != nil {
		return nil, nil, err
	}
	token, err = read(m.TokenFile, m.TokenEnv)
	return password, token, err
}

// probe is GET /probe?target=HOST[:PORT]&module=NAME, as blackbox_exporter: one check, its
// metrics in the answer, nothing kept.
func (s *Server) probe(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for k := range q {
		if k != "target" && k != "module" {
			s.refuse(w, http.StatusBadRequest, "query", fmt.Sprintf("unknown parameter %q: /probe takes target and module only (credentials come from the module)", k))
			return
		}
	}
	target, modName := q.Get("target"), q.Get("module")
	if target == "" || len(target) > 300 {
		s.refuse(w, http.StatusBadRequest, "input", "target: want HOST[:PORT]")
		return
	}
	mod, ok := s.cfg.Modules[modName]
	if !ok {
		s.refuse(w, http.StatusBadRequest, "input", fmt.Sprintf("unknown module %q (see --config)", modName))
		return
	}
	select {
	case s.slots <- struct{}{}:
		defer func() { <-s.slots }()
	default:
		s.refuse(w, http.StatusTooManyRequests, "busy", fmt.Sprintf("server busy: %d checks already running", cap(s.slots)))
		return
	}
	pw, tok, err := mod.secret()
	defer clear(pw)
	defer clear(tok)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "credential", fmt.Sprintf("module %s: reading the credential: %v", modName, err))
		return
	}
	req := Request{Protocol: mod.Protocol, Target: target, Security: mod.Security, User: mod.User,
		Password: string(pw), Token: string(tok)}
	if err := req.validate(); err != nil {
		s.refuse(w, http.StatusBadRequest, "input", err.Error())
		return
	}
	ctx := r.Context()
	timeout := s.cfg.CheckTimeout
	if d := prometheusTimeout(r); d > 0 && d < timeout {
		timeout = d
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	out := s.run(ctx, req, runOpts{timeout: mod.Timeout, allowPlaintext: mod.AllowPlaintextAuth, noStore: true})
	if len(out.refused) > 0 || out.usage != nil || out.internal != nil {
		s.answerOutcome(w, out, "probe")
		return
	}
	s.metrics.checks.WithLabelValues("probe", string(out.rep.Status)).Inc()
	reg := prometheus.NewRegistry()
	probeMetrics(reg, out.rep, req.Password != "" || req.Token != "")
	promhttp.HandlerFor(reg, promhttp.HandlerOpts{}).ServeHTTP(w, r)
}

// prometheusTimeout is the scrape timeout Prometheus sends, minus a margin to answer in time
// (the run stops deadlineMargin earlier still).
func prometheusTimeout(r *http.Request) time.Duration {
	v := r.Header.Get("X-Prometheus-Scrape-Timeout-Seconds")
	var f float64
	if _, err := fmt.Sscanf(v, "%g", &f); err != nil || f <= 0 {
		return 0
	}
	return time.Duration(f*float64(time.Second)) - deadlineMargin
}

var stepLabel = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,31}$`)

// probeMetrics turns a report into the probe's series. Labels come from closed sets only:
// step names are the engine's constants, codes the catalogue's, TLS versions crypto/tls's.
// login says a credential was given: only then is the auth step a login (without one it only
// asks whether the server would take one).
func probeMetrics(reg *prometheus.Registry, rep *probes.Report, login bool) {
	gauge := func(name, help string) prometheus.Gauge {
		g := prometheus.NewGauge(prometheus.GaugeOpts{Name: name, Help: help})
		reg.MustRegister(g)
		return g
	}
	vec := func(name, help string, labels ...string) *prometheus.GaugeVec {
		g := prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: name, Help: help}, labels)
		reg.MustRegister(g)
		return g
	}
	success := 0.0
	if rep.Status != probes.Fail && !rep.HasError() {
		success = 1
	}
	gauge("probe_success", "1 when the endpoint works for a mail client (no error finding).").Set(success)
	gauge("probe_duration_seconds", "How long the check took.").Set(rep.Elapsed.Seconds())
	steps := vec("mailcheck_step_duration_seconds", "Duration of each protocol step, by step name (summed when repeated).", "step")
	trips := gauge("mailcheck_round_trips", "Client-to-server exchanges that waited for a reply.")
	tlsv := vec("probe_tls_version_info", "The TLS version negotiated.", "version")
	var expiry prometheus.Gauge
	loginOK := -1.0
	var earliest time.Time
	for i := range rep.Results {
		res := &rep.Results[i]
		trips.Add(float64(res.RoundTrips))
		seen := map[string]bool{}
		for _, st := range res.Steps {
			name := st.Name
			if !stepLabel.MatchString(name) {
				name = "other"
			}
			if !seen[name] && len(seen) >= 40 {
				name = "other"
			}
			seen[name] = true
			steps.WithLabelValues(name).Add(st.Duration.Seconds())
			if login && st.Name == probes.StepAuth && st.Status != probes.Skip {
				if st.Status == probes.Fail {
					loginOK = 0
				} else if loginOK != 0 {
					loginOK = 1
				}
			}
		}
		if res.TLS != nil {
			if strings.HasPrefix(res.TLS.Version, "TLS ") || strings.HasPrefix(res.TLS.Version, "SSL") {
				tlsv.WithLabelValues(res.TLS.Version).Set(1)
			}
			for _, c := range res.TLS.Chain {
				if earliest.IsZero() || c.NotAfter.Before(earliest) {
					earliest = c.NotAfter
				}
			}
		}
	}
	if !earliest.IsZero() {
		expiry = gauge("probe_ssl_earliest_cert_expiry", "Earliest expiry of the certificates the server sent, in Unix seconds.")
		expiry.Set(float64(earliest.Unix()))
	}
	if loginOK >= 0 {
		gauge("mailcheck_login_success", "1 when the login succeeded, 0 when it was refused (absent without a credential).").Set(loginOK)
	}
	fv := vec("mailcheck_finding", "One series per finding of the check: the reason, by catalogue code and severity.", "code", "severity")
	for _, f := range rep.AllFindings() {
		code, sev := string(f.Code), string(f.Severity)
		if _, ok := findings.Lookup(f.Code); !ok {
			code = "other"
		}
		switch f.Severity {
		case findings.SevError, findings.SevWarning, findings.SevInfo:
		default:
			sev = "other"
		}
		fv.WithLabelValues(code, sev).Set(1)
	}
}
