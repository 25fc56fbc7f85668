package serve

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// serverMetrics are the server's own metrics on /metrics; every label is a closed set.
type serverMetrics struct {
	reg      *prometheus.Registry
	checks   *prometheus.CounterVec // via: api, form, probe; outcome: a status or a refusal
	refusals *prometheus.CounterVec // reason: refuse's reasons
	inflight prometheus.Gauge
}

func newServerMetrics() *serverMetrics {
	m := &serverMetrics{
		reg: prometheus.NewRegistry(),
		checks: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "mailcheck_serve_checks_total",
			Help: "Checks finished, by entry point and outcome (ok, warn, fail, refused, bad-input, internal)."}, []string{"via", "outcome"}),
		refusals: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "mailcheck_serve_refusals_total",
			Help: "Requests refused, by reason (auth, rate-limit, busy, ssrf, csrf, body, input, …)."}, []string{"reason"}),
		inflight: prometheus.NewGauge(prometheus.GaugeOpts{Name: "mailcheck_serve_checks_in_flight",
			Help: "Checks running now."}),
	}
	m.reg.MustRegister(m.checks, m.refusals, m.inflight,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *serverMetrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}
