// Package serve is `mailcheck serve`: a JSON API, a helpdesk web page and a blackbox-style
// Prometheus exporter, all on the CLI's pipeline (a probes.Plan from the same builders, run by
// probes.Run, rendered by reports). It never schedules checks itself: Prometheus does that.
package serve

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/mailcheck/mailcheck/cmd/serve/store"
	"github.com/mailcheck/mailcheck/probes"
)

// Request is one check, from the form or the JSON body: an address, a provider name, or a
// protocol with host[:port]. Password and Token come from the body only, never the URL.
type Request struct {
	Address  string `json:"address,omitempty"`
	Provider string `json:"provider,omitempty"`
	Protocol string `json:"protocol,omitempty"`
	Target   string `json:"target,omitempty"` // host[:port], with Protocol
	Security string `json:"security,omitempty"`
	User     string `json:"user,omitempty"`
	Password string `json:"password,omitempty"`
	Token    string `json:"token,omitempty"`
	Lang     string `json:"lang,omitempty"`
}

// kind is which of the three inputs a request names ("" when none or several).
func (r *Request) kind() string {
	var k []string
	if r.Address != "" {
		k = append(k, "address")
	}
	if r.Provider != "" {
		k = append(k, "provider")
	}
	if r.Protocol != "" || r.Target != "" {
		k = append(k, "endpoint")
	}
	if len(k) != 1 {
		return ""
	}
	return k[0]
}

// UsageError is a request the planner cannot turn into a plan (400 with its text).
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Planner builds the plan of a request with the CLI's builders (cmd supplies it). opts carries
// the timeout, resolver, CAs, credentials and the guarded dialer; the planner must use
// opts.Dialer for every connection discovery makes (autoconfig).
type Planner interface {
	Plan(ctx context.Context, req Request, opts probes.Options) (probes.Plan, error)
}

// Config is what `mailcheck serve` was started with.
type Config struct {
	Planner  Planner
	Guard    *Guard
	Store    *store.Store
	Auth     *Auth             // nil: no authentication (loopback only)
	Modules  map[string]Module // exporter modules (--config)
	Resolver *probes.Resolver
	RootCAs  *x509.CertPool
	Insecure bool
	// Timeout is each network step's; CheckTimeout bounds a whole check (the handler).
	Timeout, CheckTimeout time.Duration
	// RatePerMinute and Burst limit checks per client address; MaxConcurrent caps checks in flight.
	RatePerMinute float64
	Burst         int
	MaxConcurrent int
	Log           *log.Logger
}

// Server is the HTTP handler of mailcheck serve.
type Server struct {
	cfg     Config
	mux     *http.ServeMux
	limiter *clientLimiter
	slots   chan struct{}
	metrics *serverMetrics
	csrf    *csrfKey
}

// New builds the handler; cfg.Planner and cfg.Guard are required.
func New(cfg Config) (*Server, error) {
	if cfg.Planner == nil || cfg.Guard == nil {
		return nil, errors.New("serve: a planner and a guard are required")
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.CheckTimeout <= 0 {
		cfg.CheckTimeout = 2 * time.Minute
	}
	if cfg.RatePerMinute <= 0 {
		cfg.RatePerMinute = 10
	}
	if cfg.Burst <= 0 {
		cfg.Burst = 5
	}
	if cfg.MaxConcurrent <= 0 {
		cfg.MaxConcurrent = 8
	}
	if cfg.Log == nil {
		cfg.Log = log.New(discard{}, "", 0)
	}
	key, err := newCSRFKey()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), limiter: newClientLimiter(cfg.RatePerMinute, cfg.Burst),
		slots: make(chan struct{}, cfg.MaxConcurrent), metrics: newServerMetrics(), csrf: key}
	s.routes()
	return s, nil
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// Max sizes of what a client may send.
const (
	maxBody   = 64 << 10 // JSON body and form
	maxField  = 1024     // any one field (addresses, names, targets, tokens are shorter)
	maxSecret = 16 << 10 // a password or token (JWTs are long)
)

func (s *Server) routes() {
	s.mux.HandleFunc("POST /api/v1/check", s.apiCheck)
	s.mux.HandleFunc("GET /api/v1/reports/{id}", s.apiReport)
	s.mux.HandleFunc("GET /api/v1/reports", s.apiList)
	s.mux.HandleFunc("GET /probe", s.probe)
	s.mux.Handle("GET /metrics", s.metrics.handler())
	s.mux.HandleFunc("GET /{$}", s.page)
	s.mux.HandleFunc("POST /check", s.formCheck)
	s.mux.HandleFunc("GET /reports/{id}", s.pageReport)
	s.mux.HandleFunc("GET /reports", s.pageList)
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })
}

// ServeHTTP logs the request (method, path without the query, status, time, client: never a
// body, so never a credential) around serve.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
	s.serve(rw, r)
	s.cfg.Log.Printf("%s %s %d %s %s", r.Method, r.URL.Path, rw.code, time.Since(start).Round(time.Millisecond), clientAddr(r))
}

// statusWriter records the status for the log; Flush and Unwrap keep streaming working.
type statusWriter struct {
	http.ResponseWriter
	code  int
	wrote bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.code, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// serve applies the rules every request passes: security headers, no CORS, authentication.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	// The report page has inline styles and no scripts; nothing is ever loaded from elsewhere.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("Cache-Control", "no-store")
	if r.Method == http.MethodOptions || r.Header.Get("Access-Control-Request-Method") != "" {
		// No CORS: a preflight gets no Access-Control-Allow-* header, so browsers refuse.
		s.refuse(w, http.StatusMethodNotAllowed, "cors", "cross-origin requests are not allowed")
		return
	}
	if s.cfg.Auth != nil && r.URL.Path != "/healthz" {
		if !s.cfg.Auth.ok(r) {
			h.Set("WWW-Authenticate", `Basic realm="mailcheck", charset="UTF-8"`)
			s.refuse(w, http.StatusUnauthorized, "auth", "authentication required: a bearer token or basic auth from --auth-file")
			return
		}
	}
	s.mux.ServeHTTP(w, r)
}

// refuse answers a refused request with its reason: JSON for the API, text otherwise.
func (s *Server) refuse(w http.ResponseWriter, code int, reason, msg string, refused ...string) {
	s.metrics.refusals.WithLabelValues(reason).Inc()
	writeError(w, code, reason, msg, refused...)
}

// clientAddr is the rate limit's key: the peer's IP (a /64 for IPv6, one host's usual share).
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if a, err := netip.ParseAddr(host); err == nil && a.Is6() && !a.Is4In6() {
		p, _ := a.Prefix(64)
		return p.String()
	}
	return host
}

// admit applies the per-client rate limit and the global concurrency cap; release must be
// called when ok.
// accept is a check's way in, for the API and the form alike: the input is valid, then the
// client is within its rate and a slot is free. ok is false when it has answered.
func (s *Server) accept(w http.ResponseWriter, r *http.Request, req *Request) (release func(), ok bool) {
	if err := req.validate(); err != nil {
		s.refuse(w, http.StatusBadRequest, "input", err.Error())
		return nil, false
	}
	return s.admit(w, r)
}

func (s *Server) admit(w http.ResponseWriter, r *http.Request) (release func(), ok bool) {
	if wait, ok := s.limiter.allow(clientAddr(r)); !ok {
		w.Header().Set("Retry-After", fmt.Sprint(int(wait.Seconds())+1))
		s.refuse(w, http.StatusTooManyRequests, "rate-limit", fmt.Sprintf("rate limit: at most %g checks a minute from one client; retry in %ds", s.cfg.RatePerMinute, int(wait.Seconds())+1))
		return nil, false
	}
	select {
	case s.slots <- struct{}{}:
		return func() { <-s.slots }, true
	default:
		w.Header().Set("Retry-After", "5")
		s.refuse(w, http.StatusTooManyRequests, "busy", fmt.Sprintf("server busy: %d checks already running; retry shortly", cap(s.slots)))
		return nil, false
	}
}

// validate bounds every field and rejects what cannot be a check.
func (req *Request) validate() error {
	for name, v := range map[string]string{"address": req.Address, "provider": req.Provider, "protocol": req.Protocol,
		"target": req.Target, "security": req.Security, "user": req.User, "lang": req.Lang} {
		if len(v) > maxField {
			return &UsageError{fmt.Sprintf("%s: longer than %d bytes", name, maxField)}
		}
		if strings.ContainsAny(v, "\r\n\x00") {
			return &UsageError{fmt.Sprintf("%s: contains a line break or NUL", name)}
		}
	}
	if len(req.Password) > maxSecret || len(req.Token) > maxSecret {
		return &UsageError{fmt.Sprintf("password/token: longer than %d bytes", maxSecret)}
	}
	if req.Password != "" && req.Token != "" {
		return &UsageError{"give a password or an OAuth2 token, not both"}
	}
	if req.Lang != "" && req.Lang != "en" && req.Lang != "zh" {
		return &UsageError{fmt.Sprintf("lang: want en or zh, got %q", req.Lang)}
	}
	if req.kind() == "" {
		return &UsageError{"give exactly one of: address, provider, or protocol with target (host[:port])"}
	}
	return nil
}

// checkOutcome is a finished check: the report, or why it was refused.
type checkOutcome struct {
	rep      *probes.Report
	id       string
	refused  []string // guard refusals: the check is answered 403
	usage    error    // bad request: 400
	internal error    // 500
}

// deadlineMargin is how much earlier than the handler's deadline a check's run stops, to leave
// time for the answer.
const deadlineMargin = 250 * time.Millisecond

// runOpts vary a check by entry point.
type runOpts struct {
	timeout        time.Duration // per step; 0 = Config.Timeout
	allowPlaintext bool          // an exporter module may permit a password without TLS
	noStore        bool          // the exporter keeps nothing: Prometheus is the store
	// progress (may be nil) sees each endpoint as it finishes, planned the plan before it runs.
	progress func(probes.Endpoint, probes.Result)
	planned  func(probes.Plan)
}

// run plans and runs one check under the guard.
func (s *Server) run(ctx context.Context, req Request, ro runOpts) checkOutcome {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.CheckTimeout)
	defer cancel()
	s.metrics.inflight.Inc()
	defer s.metrics.inflight.Dec()
	if ro.timeout <= 0 {
		ro.timeout = s.cfg.Timeout
	}
	dialer := &requestDialer{g: s.cfg.Guard}
	opts := probes.Options{Timeout: ro.timeout, Resolver: s.cfg.Resolver, Dialer: dialer, RootCAs: s.cfg.RootCAs,
		Insecure: s.cfg.Insecure, User: req.User, AllowPlaintextAuth: ro.allowPlaintext}
	if req.Password != "" {
		opts.Password = []byte(req.Password)
	}
	if req.Token != "" {
		opts.Token = []byte(req.Token)
	}
	defer clear(opts.Password)
	defer clear(opts.Token)
	if req.kind() == "endpoint" {
		// A pre-check with a clear answer before any probe; the dial-time check stays the gate.
		if refused := s.precheck(ctx, req.Target); len(refused) > 0 {
			return checkOutcome{refused: refused}
		}
	}
	plan, err := s.cfg.Planner.Plan(ctx, req, opts)
	if r := dialer.refusals(); len(r) > 0 {
		return checkOutcome{refused: r}
	}
	if err != nil {
		var ue *UsageError
		if errors.As(err, &ue) {
			return checkOutcome{usage: err}
		}
		return checkOutcome{internal: err}
	}
	plan.Options.Dialer = dialer // whatever the planner did, every probe dials through the guard
	for i := range plan.EndpointOptions {
		plan.EndpointOptions[i].Dialer = dialer
	}
	if d, ok := ctx.Deadline(); ok {
		// The run's own deadline comes first, so what it cuts short is reported as
		// run.deadline (the check's budget), not as an interrupted run or a slow server.
		plan.Deadline = d.Add(-deadlineMargin)
	}
	plan.Progress = ro.progress
	if ro.planned != nil {
		ro.planned(plan)
	}
	rep := probes.Run(ctx, plan)
	if r := dialer.refusals(); len(r) > 0 {
		return checkOutcome{refused: r}
	}
	if req.Lang != "" {
		rep.Lang = req.Lang
	}
	out := checkOutcome{rep: &rep}
	if s.cfg.Store != nil && !ro.noStore {
		id, err := s.cfg.Store.Save(context.WithoutCancel(ctx), &rep, store.Meta{Address: req.Address, Kind: req.kind()})
		if err != nil {
			return checkOutcome{internal: fmt.Errorf("saving the report: %w", err)}
		}
		out.id = id
	}
	return out
}

// precheck resolves host[:port] with the run's resolver and refuses guarded addresses.
func (s *Server) precheck(ctx context.Context, target string) []string {
	host := target
	if h, _, err := net.SplitHostPort(target); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if a, err := netip.ParseAddr(host); err == nil {
		if err := s.cfg.Guard.Check(a); err != nil {
			return []string{err.Error()}
		}
		return nil
	}
	if s.cfg.Resolver == nil || host == "" {
		return nil
	}
	addrs, err := s.cfg.Resolver.LookupHost(ctx, host)
	if err != nil {
		return nil // the probe's resolve step reports it
	}
	var out []string
	for _, a := range addrs {
		if err := s.cfg.Guard.Check(a); err != nil {
			var re *RefusedError
			if errors.As(err, &re) {
				re.Host = host
			}
			out = append(out, err.Error())
		}
	}
	return out
}
