package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/mailcheck/mailcheck/cmd/serve/store"
	"github.com/mailcheck/mailcheck/reports"
)

// apiError is the body of every refused API request: a stable reason and a sentence.
type apiError struct {
	Error   string   `json:"error"`
	Reason  string   `json:"reason"`
	Refused []string `json:"refused,omitempty"`
}

func writeError(w http.ResponseWriter, code int, reason, msg string, refused ...string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(apiError{Error: msg, Reason: reason, Refused: refused})
}

// decodeJSON reads a bounded JSON body with no unknown fields into v.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) (int, string) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "application/json" {
		// Also what stops a cross-site form post: browsers cannot send this type without a
		// preflight, which gets no CORS answer.
		return http.StatusUnsupportedMediaType, "Content-Type must be application/json"
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return http.StatusRequestEntityTooLarge, fmt.Sprintf("body larger than %d bytes", maxBody)
		}
		return http.StatusBadRequest, "invalid JSON body: " + err.Error()
	}
	if dec.More() {
		return http.StatusBadRequest, "invalid JSON body: more than one value"
	}
	return 0, ""
}

// apiCheck is POST /api/v1/check: the request in the body, the Report JSON (CLI.md) back, its
// permalink in Location.
func (s *Server) apiCheck(w http.ResponseWriter, r *http.Request) {
	if r.URL.RawQuery != "" {
		s.refuse(w, http.StatusBadRequest, "query", "the check takes its input from the JSON body only (no query string: it would put credentials in logs)")
		return
	}
	var req Request
	if code, msg := decodeJSON(w, r, &req); code != 0 {
		s.refuse(w, code, "body", msg)
		return
	}
	release, ok := s.accept(w, r, &req)
	if !ok {
		return
	}
	defer release()
	out := s.run(r.Context(), req, runOpts{})
	if !s.answerOutcome(w, out, "api") {
		return
	}
	if out.id != "" {
		w.Header().Set("Location", "/api/v1/reports/"+out.id)
		w.Header().Set("X-Mailcheck-Report", "/reports/"+out.id)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	lang := req.Lang
	if lang == "" {
		lang = "en"
	}
	reports.Write(w, out.rep, reports.JSON, reports.Options{Lang: lang})
}

// answerOutcome writes the refusal of a check that did not produce a report; true when there is
// a report to write.
func (s *Server) answerOutcome(w http.ResponseWriter, out checkOutcome, via string) bool {
	switch {
	case len(out.refused) > 0:
		s.metrics.checks.WithLabelValues(via, "refused").Inc()
		s.refuse(w, http.StatusForbidden, "ssrf", "the check would connect to an address this server does not allow", out.refused...)
		return false
	case out.usage != nil:
		s.metrics.checks.WithLabelValues(via, "bad-input").Inc()
		s.refuse(w, http.StatusBadRequest, "input", out.usage.Error())
		return false
	case out.internal != nil:
		s.metrics.checks.WithLabelValues(via, "internal").Inc()
		writeError(w, http.StatusInternalServerError, "internal", out.internal.Error())
		return false
	}
	s.metrics.checks.WithLabelValues(via, string(out.rep.Status)).Inc()
	return true
}

// apiReport is GET /api/v1/reports/{id}: a stored report as JSON (?lang=zh for Chinese).
func (s *Server) apiReport(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Store == nil {
		s.refuse(w, http.StatusNotFound, "no-history", "this server keeps no history")
		return
	}
	rep, _, err := s.cfg.Store.Get(r.Context(), r.PathValue("id"))
	if errors.Is(err, store.ErrNotFound) {
		s.refuse(w, http.StatusNotFound, "not-found", "no report with this id (it may have expired)")
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, "internal", err.Error())
		return
	}
	lang := r.URL.Query().Get("lang")
	if lang != "zh" {
		lang = "en"
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	reports.Write(w, rep, reports.JSON, reports.Options{Lang: lang})
}

// listFilter reads ?address=&domain=&code=&limit= .
func listFilter(r *http.Request) (store.Filter, error) {
	q := r.URL.Query()
	f := store.Filter{Address: q.Get("address"), Domain: q.Get("domain"), Code: q.Get("code")}
	for _, v := range []string{f.Address, f.Domain, f.Code} {
		if len(v) > maxField {
			return f, fmt.Errorf("filter longer than %d bytes", maxField)
		}
	}
	if l := q.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 500 {
			return f, fmt.Errorf("limit: want 1..500, got %q", l)
		}
		f.Limit = n
	}
	f.Domain = strings.TrimPrefix(f.Domain, "@")
	return f, nil
}

// list answers a history listing's refusals (no store, a bad filter, a store error) for the
// API and the page alike; ok is false when it has answered.
func (s *Server) list(w http.ResponseWriter, r *http.Request) (store.Filter, []store.Meta, bool) {
	if s.cfg.Store == nil {
		s.refuse(w, http.StatusNotFound, "no-history", "this server keeps no history")
		return store.Filter{}, nil, false
	}
	f, err := listFilter(r)
	if err != nil {
		s.refuse(w, http.StatusBadRequest, "input", err.Error())
		return f, nil, false
	}
	list, err := s.cfg.Store.List(r.Context(), f)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "internal", err.Error())
		return f, nil, false
	}
	return f, list, true
}

// apiList is GET /api/v1/reports: the newest reports, filtered.
func (s *Server) apiList(w http.ResponseWriter, r *http.Request) {
	_, list, ok := s.list(w, r)
	if !ok {
		return
	}
	if list == nil {
		list = []store.Meta{}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	reports.WriteJSON(w, map[string]any{"reports": list})
}
