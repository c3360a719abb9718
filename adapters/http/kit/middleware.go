package kit

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/gorilla/mux"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/rs/cors"
	"go.uber.org/zap"
)

// recorder remembers what a handler answered, for the access log, metrics
// and panic recovery.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *recorder) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *recorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (w *recorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Flush keeps streaming handlers working behind the recorder.
func (w *recorder) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		if w.status == 0 {
			w.status = http.StatusOK
		}
		f.Flush()
	}
}

// withRequestID takes a sane incoming X-Request-ID (1-128 of [A-Za-z0-9._:-],
// so it is safe in logs and headers) or makes a UUID, puts it in the
// context with a logger carrying it, and echoes it in the answer.
func withRequestID(log *zap.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-ID")
		if !validRequestID(id) {
			id = uuid.NewString()
		}
		w.Header().Set("X-Request-ID", id)
		ri := &routeInfo{id: id, log: log}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), keyRoute, ri)))
	})
}

func validRequestID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for i := range len(id) {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == ':' || c == '-') {
			return false
		}
	}
	return true
}

type metrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	inFlight prometheus.Gauge
}

func newMetrics(reg prometheus.Registerer, service string) *metrics {
	labels := []string{"route", "method", "status"}
	constLabels := prometheus.Labels{"service": service}
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "http_requests_total", Help: "HTTP requests answered, by route template, method and status.", ConstLabels: constLabels,
		}, labels),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "http_request_duration_seconds", Help: "Time to answer HTTP requests, by route template, method and status.", ConstLabels: constLabels,
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, labels),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "http_requests_in_flight", Help: "HTTP requests being answered.", ConstLabels: constLabels,
		}),
	}
	reg.MustRegister(m.requests, m.duration, m.inFlight)
	return m
}

// routeUnmatched labels requests no route matched (404s, and 405s of
// unknown shape), so a scanner cannot blow up the metrics' cardinality.
const routeUnmatched = "unmatched"

// withObservation logs each request once it is answered and counts it. The
// route is the mux template ("/api/v1/recipes/{id}"), never the raw path.
// The log has no bodies, no query string and no headers but the request id.
func withObservation(log *zap.Logger, m *metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ri := routeFrom(r.Context())
		if ri == nil { // outside withRequestID, as in some tests
			ri = &routeInfo{}
			r = r.WithContext(context.WithValue(r.Context(), keyRoute, ri))
		}
		rec := &recorder{ResponseWriter: w}
		m.inFlight.Inc()
		defer func() {
			m.inFlight.Dec()
			status := rec.status
			if status == 0 {
				status = http.StatusOK
			}
			route := cmp.Or(ri.template, routeUnmatched)
			method := r.Method
			if !slices.Contains(methods, method) && method != http.MethodOptions && method != http.MethodHead {
				method = "OTHER"
			}
			elapsed := time.Since(start)
			code := strconv.Itoa(status)
			m.requests.WithLabelValues(route, method, code).Inc()
			m.duration.WithLabelValues(route, method, code).Observe(elapsed.Seconds())
			fields := []zap.Field{
				zap.String("method", method), zap.String("route", route), zap.String("path", r.URL.Path),
				zap.Int("status", status), zap.Int64("bytes", rec.bytes), zap.Duration("duration", elapsed),
				zap.String("request_id", ri.id),
			}
			if ri.userID != 0 {
				fields = append(fields, zap.Int64("user_id", ri.userID))
			}
			if status >= 500 {
				log.Warn("request", fields...)
			} else {
				log.Info("request", fields...)
			}
		}()
		next.ServeHTTP(rec, r)
	})
}

// captureRoute runs inside the router, where mux knows the matched route,
// and tells withObservation its template.
func captureRoute(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		setRoute(r)
		next.ServeHTTP(w, r)
	})
}

func setRoute(r *http.Request) {
	ri := routeFrom(r.Context())
	if ri == nil {
		return
	}
	if route := mux.CurrentRoute(r); route != nil {
		if t, err := route.GetPathTemplate(); err == nil {
			ri.template = t
		}
	}
}

var errPanic = errors.New("handler panicked")

// withRecovery turns a panic into a logged 500 in the error shape; the
// client never sees the panic value or the stack. http.ErrAbortHandler is
// re-raised, as net/http expects.
func withRecovery(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler { //nolint:errorlint // sentinel compared as net/http does
				panic(v)
			}
			LoggerFrom(r.Context()).Error("panic serving request",
				zap.String("panic", fmt.Sprint(v)), zap.ByteString("stack", debug.Stack()))
			if rec, ok := w.(*recorder); ok && rec.status != 0 {
				return // the answer has begun; nothing sane can be added
			}
			status, body := errorResponse(r.Context(), errPanic)
			WriteJSON(w, status, body)
		}()
		next.ServeHTTP(w, r)
	})
}

// withSecurityHeaders sets the headers every answer carries, and no-store
// on API answers (they hold tokens and personal data).
func withSecurityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		if strings.HasPrefix(r.URL.Path, "/api/") {
			h.Set("Cache-Control", "no-store")
			h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		}
		next.ServeHTTP(w, r)
	})
}

// withBodyLimit refuses a declared oversize body at once and caps the rest
// with http.MaxBytesReader, which Decode turns into 413.
func withBodyLimit(limit int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > limit {
			WriteError(w, r, &RequestError{Kind: ErrTooLarge, Message: fmt.Sprintf("request body is larger than %d bytes", limit)})
			return
		}
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = http.MaxBytesReader(w, r.Body, limit)
		}
		next.ServeHTTP(w, r)
	})
}

// withCORS answers preflights and adds CORS headers for the allowlisted
// origins only. Credentials are never allowed: the API authenticates with a
// bearer header, not cookies, so no origin needs them, and a "*" entry is
// dropped (logged) rather than opening the API to every site. With no
// origins, no CORS headers are sent at all (rs/cors would treat an empty
// list as "allow all").
func withCORS(origins []string, log *zap.Logger, next http.Handler) http.Handler {
	allowed := make([]string, 0, len(origins))
	for _, o := range origins {
		o = strings.TrimSpace(o)
		switch {
		case o == "":
		case strings.Contains(o, "*"):
			log.Warn("ignoring wildcard CORS origin; list each front-end origin", zap.String("origin", o))
		default:
			allowed = append(allowed, strings.TrimSuffix(o, "/"))
		}
	}
	if len(allowed) == 0 {
		return next
	}
	return cors.New(cors.Options{
		AllowedOrigins:   allowed,
		AllowedMethods:   []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete},
		AllowedHeaders:   []string{"Authorization", "Content-Type", "X-Request-ID", "Idempotency-Key"},
		ExposedHeaders:   []string{"X-Request-ID", "Retry-After", "Location"},
		AllowCredentials: false,
		MaxAge:           600,
	}).Handler(next)
}
