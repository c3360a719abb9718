package kit

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/gorilla/mux"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/swaggest/swgui"
	"github.com/swaggest/swgui/v5emb"
	"go.uber.org/zap"

	"github.com/kokmeal/kokmeal/core/errs"
)

// Slice is a vertical slice's HTTP side: it registers its routes.
type Slice interface {
	Routes(api *API)
}

// ReadyCheck is one dependency /readyz asks about (a database ping).
type ReadyCheck struct {
	Name  string
	Check func(context.Context) error
}

// ReadyTimeout bounds each readiness check.
const ReadyTimeout = 2 * time.Second

// readyTimeout is ReadyTimeout, shortened by tests.
var readyTimeout = ReadyTimeout

// server is what NewHandler builds: the middleware chain around the router,
// plus the OpenAPI document of every route on it.
type server struct {
	http.Handler
	router *mux.Router
	doc    *openapi3.T
}

// NewHandler builds the service's handler: the slices' routes, the
// operational routes (/healthz, /readyz, /metrics, /openapi.json, /docs),
// and around them, outermost first: request id, access log and metrics,
// panic recovery, security headers, CORS, body limit. 404 and 405 answer in
// the error shape. It panics if a slice registers a route it cannot
// document (see API.Handle).
func NewHandler(cfg Config, log *zap.Logger, ready []ReadyCheck, slices ...Slice) http.Handler {
	cfg = cfg.WithDefaults()
	if log == nil {
		log = zap.NewNop()
	}
	log = log.With(zap.String("service", cfg.Service))

	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m := newMetrics(reg, cfg.Service)

	router := mux.NewRouter()
	api := newAPI(cfg, router)
	for _, s := range slices {
		s.Routes(api)
	}
	var spec []byte // set below, once every route is in
	ops := &opsRoutes{ready: ready, spec: func() []byte { return spec }, metrics: promhttp.HandlerFor(reg, promhttp.HandlerOpts{})}
	ops.routes(api)
	var err error
	if spec, err = json.Marshal(api.reg.doc); err != nil {
		panic(fmt.Sprintf("kit: encoding the OpenAPI document: %v", err))
	}
	// Validate what clients get: the served JSON, with its $refs resolved
	// (the in-memory document leaves component refs unresolved).
	if err := validateSpec(spec); err != nil {
		log.Error("the OpenAPI document does not validate", zap.Error(err))
	}

	router.Use(captureRoute)
	router.NotFoundHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		WriteError(w, r, errs.Wrap(errs.ErrNotFound, "no route for %s", r.URL.Path))
	})
	router.MethodNotAllowedHandler = methodNotAllowed(router)

	var h http.Handler = router
	h = withBodyLimit(cfg.BodyLimit, h)
	h = withCORS(cfg.CORSOrigins, log, h)
	h = withSecurityHeaders(h)
	h = withRecovery(h)
	h = withObservation(log, m, h)
	h = withRequestID(log, h)
	return &server{Handler: h, router: router, doc: api.reg.doc}
}

// methodNotAllowed answers 405 with the Allow header RFC 9110 requires,
// found by asking the router which methods would match the path.
func methodNotAllowed(router *mux.Router) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, m := range methods {
			probe := r.Clone(r.Context())
			probe.Method = m
			var match mux.RouteMatch
			if router.Match(probe, &match) && match.MatchErr == nil {
				allow = append(allow, m)
				if ri := routeFrom(r.Context()); ri != nil && ri.template == "" && match.Route != nil {
					ri.template, _ = match.Route.GetPathTemplate()
				}
			}
		}
		w.Header().Set("Allow", strings.Join(allow, ", "))
		status, body := errorResponse(r.Context(), nil)
		status, body.Error.Code = http.StatusMethodNotAllowed, CodeMethodNotAllowed
		body.Error.Message = fmt.Sprintf("%s is not allowed on %s; allowed: %s", r.Method, r.URL.Path, strings.Join(allow, ", "))
		WriteJSON(w, status, body)
	})
}

// opsRoutes are the operational routes, documented like any other.
type opsRoutes struct {
	ready   []ReadyCheck
	spec    func() []byte
	metrics http.Handler
}

// Health is /healthz's answer.
type Health struct {
	Status string `json:"status" enum:"ok"`
}

// Readiness is /readyz's answer: "ok" or "unavailable", overall and per
// check.
type Readiness struct {
	Status string            `json:"status" enum:"ok,unavailable"`
	Checks map[string]string `json:"checks"`
}

func (o *opsRoutes) routes(api *API) {
	api.Handle(http.MethodGet, "/healthz", o.health, Op{ID: "healthz", Summary: "Liveness: the process answers", Tags: []string{"ops"}, Response: Health{}})
	api.Handle(http.MethodGet, "/readyz", o.readyz, Op{ID: "readyz", Summary: "Readiness: every dependency answers (2 s each)", Tags: []string{"ops"}, Response: Readiness{}, Errors: []int{http.StatusServiceUnavailable}})
	api.Handle(http.MethodGet, "/metrics", o.metrics.ServeHTTP, Op{ID: "metrics", Summary: "Prometheus metrics (text exposition format)", Tags: []string{"ops"}})
	api.Handle(http.MethodGet, "/openapi.json", o.openapi, Op{ID: "openapi", Summary: "This document", Tags: []string{"ops"}})
	ui := v5emb.NewHandlerWithConfig(swgui.Config{Title: "Kokmeal API", SwaggerJSON: "/openapi.json", BasePath: "/docs/", HideCurl: false})
	api.Handle(http.MethodGet, "/docs", ui.ServeHTTP, Op{ID: "docs", Summary: "Interactive API documentation (Swagger UI, HTML)", Tags: []string{"ops"}})
	api.Handle(http.MethodGet, "/docs/{file}", ui.ServeHTTP, Op{ID: "docsAsset", Summary: "Swagger UI's embedded assets", Tags: []string{"ops"},
		Params: []Param{{Name: "file", In: "path", Description: "Asset file name."}}, Errors: []int{http.StatusNotFound}})
}

func (o *opsRoutes) health(w http.ResponseWriter, _ *http.Request) {
	WriteJSON(w, http.StatusOK, Health{Status: "ok"})
}

func (o *opsRoutes) readyz(w http.ResponseWriter, r *http.Request) {
	res := Readiness{Status: "ok", Checks: make(map[string]string, len(o.ready))}
	var (
		mu sync.Mutex
		wg sync.WaitGroup
	)
	for _, c := range o.ready {
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
			defer cancel()
			err := safeCheck(ctx, c.Check)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				// The reason goes to the log only: it may be a driver
				// message, which the API never shows.
				LoggerFrom(r.Context()).Warn("readiness check failed", zap.String("check", c.Name), zap.Error(err))
				res.Status, res.Checks[c.Name] = "unavailable", "unavailable"
				return
			}
			res.Checks[c.Name] = "ok"
		})
	}
	wg.Wait()
	status := http.StatusOK
	if res.Status != "ok" {
		status = http.StatusServiceUnavailable
	}
	WriteJSON(w, status, res)
}

// safeCheck runs a check, turning a panic or a check that ignores its
// context into a failure.
func safeCheck(ctx context.Context, check func(context.Context) error) (err error) {
	done := make(chan error, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				done <- fmt.Errorf("check panicked: %v", v)
			}
		}()
		done <- check(ctx)
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (o *opsRoutes) openapi(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(o.spec())
}

// CheckDocumented compares the routes on h's router (walked with
// mux.Router.Walk) with the paths and methods of its OpenAPI document, and
// reports any route that is on one and not the other. h must come from
// NewHandler. Every slice's tests call it.
func CheckDocumented(h http.Handler) error {
	s, ok := h.(*server)
	if !ok {
		return fmt.Errorf("kit: %T is not a handler from NewHandler", h)
	}
	return compareRoutes(s.router, s.doc)
}

func compareRoutes(router *mux.Router, doc *openapi3.T) error {
	onRouter := map[string]bool{}
	err := router.Walk(func(route *mux.Route, _ *mux.Router, _ []*mux.Route) error {
		tpl, err := route.GetPathTemplate()
		if err != nil {
			return nil // a route without a path (a bare subrouter)
		}
		ms, err := route.GetMethods()
		if err != nil || len(ms) == 0 {
			onRouter["ANY "+tpl] = true // a route for every method cannot be documented
			return nil
		}
		for _, m := range ms {
			onRouter[m+" "+pathVar.ReplaceAllString(tpl, "{$1}")] = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	inDoc := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for m := range item.Operations() {
			inDoc[strings.ToUpper(m)+" "+path] = true
		}
	}
	var problems []string
	for k := range onRouter {
		if !inDoc[k] {
			problems = append(problems, "undocumented route: "+k)
		}
	}
	for k := range inDoc {
		if !onRouter[k] {
			problems = append(problems, "documented but not routed: "+k)
		}
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		return fmt.Errorf("kit: router and OpenAPI document disagree:\n%s", strings.Join(problems, "\n"))
	}
	return nil
}

func validateSpec(spec []byte) error {
	doc, err := openapi3.NewLoader().LoadFromData(spec)
	if err != nil {
		return err
	}
	return doc.Validate(context.Background())
}
