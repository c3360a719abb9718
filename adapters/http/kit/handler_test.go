package kit

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/gorilla/mux"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/user"
)

type fakeAuthn struct{}

func (fakeAuthn) Handle(_ context.Context, token string) (user.Claims, error) {
	if token == "good.token" {
		return user.Claims{UserID: 7, Role: user.RoleUser}, nil
	}
	return user.Claims{}, errs.Wrap(errs.ErrUnauthenticated, "invalid token")
}

type thing struct {
	ID   int64  `json:"id"`
	Name string `json:"name" doc:"What it is called."`
}

type newThing struct {
	Name string  `json:"name"`
	Note *string `json:"note,omitempty"`
}

type testSlice struct{}

func (testSlice) Routes(api *API) {
	api = api.WithAuth(fakeAuthn{})
	api.Handle(http.MethodGet, "/api/v1/things/{id:[0-9]+}", func(w http.ResponseWriter, r *http.Request) {
		WriteJSON(w, http.StatusOK, thing{ID: 1, Name: "김치"})
	}, Op{ID: "getThing", Summary: "A thing", Tags: []string{"things"}, Response: thing{}, Errors: []int{404},
		Params: []Param{{Name: "id", In: "path", Type: "integer", Description: "Thing id."}}})
	api.Handle(http.MethodPost, "/api/v1/things", func(w http.ResponseWriter, r *http.Request) {
		var in newThing
		if err := Decode(r, &in); err != nil {
			WriteError(w, r, err)
			return
		}
		WriteJSON(w, http.StatusCreated, thing{ID: 2, Name: in.Name})
	}, Op{ID: "createThing", Summary: "Make a thing", Request: newThing{}, Response: thing{}, Status: 201, Errors: []int{422}})
	api.Handle(http.MethodGet, "/api/v1/things", func(w http.ResponseWriter, r *http.Request) {
		page, size, err := Page(r)
		if err != nil {
			WriteError(w, r, err)
			return
		}
		WriteJSON(w, http.StatusOK, NewList([]thing(nil), page, size, 0))
	}, Op{ID: "listThings", Summary: "Things", Response: List[thing]{}, Params: append(PageParams(), Param{Name: "q", Description: "Search text."}), Errors: []int{422}})
	api.Handle(http.MethodGet, "/api/v1/secret", func(w http.ResponseWriter, r *http.Request) {
		c, ok := ClaimsFrom(r.Context())
		if !ok {
			t := "no claims"
			panic(t)
		}
		WriteJSON(w, http.StatusOK, map[string]int64{"user_id": c.UserID})
	}, Op{ID: "secret", Summary: "Needs a token", Auth: true, Response: map[string]int64{}})
	api.Handle(http.MethodGet, "/api/v1/boom", func(http.ResponseWriter, *http.Request) {
		panic("secret internal state 0xdeadbeef")
	}, Op{ID: "boom", Summary: "Panics"})
}

type harness struct {
	h    http.Handler
	logs *observer.ObservedLogs
}

func newHarness(t *testing.T, cfg Config, ready ...ReadyCheck) harness {
	t.Helper()
	core, logs := observer.New(zap.DebugLevel)
	if cfg.CORSOrigins == nil {
		cfg.CORSOrigins = []string{"https://app.kokmeal.kr"}
	}
	cfg.Service = "test"
	return harness{h: NewHandler(cfg, zap.New(core), ready, testSlice{}), logs: logs}
}

func (h harness) do(method, target, body string, header ...string) *httptest.ResponseRecorder {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	r := httptest.NewRequest(method, target, rd)
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.h.ServeHTTP(w, r)
	return w
}

func errorOf(t *testing.T, w *httptest.ResponseRecorder) ErrorDetail {
	t.Helper()
	var b ErrorBody
	if err := json.Unmarshal(w.Body.Bytes(), &b); err != nil || b.Error.Code == "" {
		t.Fatalf("not the error shape: %q (%v)", w.Body, err)
	}
	return b.Error
}

func TestHealthAndReady(t *testing.T) {
	h := newHarness(t, Config{})
	if w := h.do("GET", "/healthz", ""); w.Code != 200 || strings.TrimSpace(w.Body.String()) != `{"status":"ok"}` {
		t.Fatalf("healthz %d %s", w.Code, w.Body)
	}
	old := readyTimeout
	readyTimeout = 50 * time.Millisecond
	t.Cleanup(func() { readyTimeout = old })
	h = newHarness(t, Config{},
		ReadyCheck{Name: "db", Check: func(context.Context) error { return nil }},
		ReadyCheck{Name: "nats", Check: func(context.Context) error { return errors.New("dial tcp 10.1.1.1:4222: refused") }},
		ReadyCheck{Name: "slow", Check: func(context.Context) error { time.Sleep(time.Second); return nil }}, // ignores its context
	)
	start := time.Now()
	w := h.do("GET", "/readyz", "")
	if time.Since(start) > 900*time.Millisecond {
		t.Fatal("a check that ignores its context held /readyz past the timeout")
	}
	var res Readiness
	_ = json.Unmarshal(w.Body.Bytes(), &res)
	if w.Code != 503 || res.Status != "unavailable" || res.Checks["db"] != "ok" || res.Checks["nats"] != "unavailable" || res.Checks["slow"] != "unavailable" {
		t.Fatalf("readyz %d %s", w.Code, w.Body)
	}
	if strings.Contains(w.Body.String(), "10.1.1.1") {
		t.Fatal("a check's error text reached the client")
	}
	h = newHarness(t, Config{}, ReadyCheck{Name: "db", Check: func(context.Context) error { return nil }})
	if w := h.do("GET", "/readyz", ""); w.Code != 200 || !strings.Contains(w.Body.String(), `"db":"ok"`) {
		t.Fatalf("readyz %d %s", w.Code, w.Body)
	}
}

func TestRequestID(t *testing.T) {
	h := newHarness(t, Config{})
	w := h.do("GET", "/nowhere", "", "X-Request-ID", "trace-42.a:b_c")
	if w.Header().Get("X-Request-ID") != "trace-42.a:b_c" || errorOf(t, w).RequestID != "trace-42.a:b_c" {
		t.Fatalf("sane id not echoed: %q %s", w.Header().Get("X-Request-ID"), w.Body)
	}
	for _, bad := range []string{"", "has space", "<script>", strings.Repeat("a", 129), "줄바꿈"} {
		w := h.do("GET", "/nowhere", "", "X-Request-ID", bad)
		id := w.Header().Get("X-Request-ID")
		if !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(id) || errorOf(t, w).RequestID != id {
			t.Fatalf("id %q for incoming %q", id, bad)
		}
	}
}

func TestNotFoundAndMethodNotAllowed(t *testing.T) {
	h := newHarness(t, Config{})
	w := h.do("GET", "/api/v1/nope", "")
	if d := errorOf(t, w); w.Code != 404 || d.Code != "not_found" {
		t.Fatalf("%d %+v", w.Code, d)
	}
	w = h.do("DELETE", "/api/v1/things", "")
	if d := errorOf(t, w); w.Code != 405 || d.Code != "method_not_allowed" {
		t.Fatalf("%d %+v", w.Code, d)
	}
	if got := w.Header().Get("Allow"); got != "GET, POST" {
		t.Fatalf("Allow %q", got)
	}
}

func TestPanicIsA500InTheErrorShapeAndLogged(t *testing.T) {
	h := newHarness(t, Config{})
	w := h.do("GET", "/api/v1/boom", "")
	d := errorOf(t, w)
	if w.Code != 500 || d.Code != "internal" || strings.Contains(w.Body.String(), "deadbeef") || strings.Contains(w.Body.String(), "goroutine") {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	logged := h.logs.FilterMessage("panic serving request").All()
	if len(logged) != 1 || !strings.Contains(logged[0].ContextMap()["stack"].(string), "goroutine") || logged[0].ContextMap()["request_id"] != d.RequestID {
		t.Fatalf("panic not logged with stack and request id: %v", logged)
	}
	access := h.logs.FilterMessage("request").FilterField(zap.Int("status", 500)).All()
	if len(access) != 1 {
		t.Fatalf("the access log missed the 500: %v", h.logs.All())
	}
}

func TestAccessLog(t *testing.T) {
	h := newHarness(t, Config{})
	h.do("GET", "/api/v1/secret?token=hunter2", "", "Authorization", "Bearer good.token", "X-Request-ID", "rid-1")
	entries := h.logs.FilterMessage("request").All()
	if len(entries) != 1 {
		t.Fatalf("%d access log entries", len(entries))
	}
	m := entries[0].ContextMap()
	want := map[string]any{"method": "GET", "route": "/api/v1/secret", "path": "/api/v1/secret", "status": int64(200), "request_id": "rid-1", "user_id": int64(7), "service": "test"}
	for k, v := range want {
		if m[k] != v {
			t.Fatalf("%s = %v, want %v (entry %v)", k, m[k], v, m)
		}
	}
	if _, ok := m["duration"]; !ok || m["bytes"].(int64) == 0 {
		t.Fatalf("duration or bytes missing: %v", m)
	}
	for _, e := range h.logs.All() {
		for k, v := range e.ContextMap() {
			if s, ok := v.(string); ok && (strings.Contains(s, "good.token") || strings.Contains(s, "hunter2")) {
				t.Fatalf("a secret reached the log in %s: %v", k, e)
			}
		}
	}
}

func TestAuth(t *testing.T) {
	h := newHarness(t, Config{})
	for _, hdr := range []string{"", "Bearer", "Bearer ", "Basic Zm9vOmJhcg==", "Bearer a b", "Bearer <x>", "good.token"} {
		w := h.do("GET", "/api/v1/secret", "", "Authorization", hdr)
		if d := errorOf(t, w); w.Code != 401 || d.Code != "unauthenticated" || !strings.HasPrefix(w.Header().Get("WWW-Authenticate"), "Bearer") {
			t.Fatalf("%q: %d %+v", hdr, w.Code, d)
		}
	}
	w := h.do("GET", "/api/v1/secret", "", "Authorization", "Bearer bad.token")
	if w.Code != 401 || !strings.Contains(w.Header().Get("WWW-Authenticate"), `error="invalid_token"`) {
		t.Fatalf("%d %q", w.Code, w.Header().Get("WWW-Authenticate"))
	}
	w = h.do("GET", "/api/v1/secret", "", "Authorization", "bearer good.token")
	if w.Code != 200 || strings.TrimSpace(w.Body.String()) != `{"user_id":7}` {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
}

func TestSecurityHeaders(t *testing.T) {
	h := newHarness(t, Config{})
	for _, path := range []string{"/api/v1/things/1", "/healthz", "/api/v1/nope"} {
		w := h.do("GET", path, "")
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"} {
			if w.Header().Get(k) != v {
				t.Fatalf("%s: %s = %q", path, k, w.Header().Get(k))
			}
		}
		noStore := w.Header().Get("Cache-Control") == "no-store"
		if noStore != strings.HasPrefix(path, "/api/") {
			t.Fatalf("%s: Cache-Control %q", path, w.Header().Get("Cache-Control"))
		}
	}
}

func TestBodyLimit(t *testing.T) {
	h := newHarness(t, Config{BodyLimit: 100})
	big := `{"name":"` + strings.Repeat("김", 100) + `"}`
	w := h.do("POST", "/api/v1/things", big)
	if d := errorOf(t, w); w.Code != 413 || d.Code != "too_large" {
		t.Fatalf("declared length: %d %+v", w.Code, d)
	}
	// Without a Content-Length (chunked), the reader stops at the limit.
	r := httptest.NewRequest("POST", "/api/v1/things", io.MultiReader(strings.NewReader(big)))
	r.ContentLength = -1
	r.Header.Set("Content-Type", "application/json")
	w = httptest.NewRecorder()
	h.h.ServeHTTP(w, r)
	if d := errorOf(t, w); w.Code != 413 || d.Code != "too_large" {
		t.Fatalf("chunked: %d %+v", w.Code, d)
	}
	if w := h.do("POST", "/api/v1/things", `{"name":"김치"}`); w.Code != 201 {
		t.Fatalf("small body: %d %s", w.Code, w.Body)
	}
}

func TestDecodeThroughTheRouter(t *testing.T) {
	h := newHarness(t, Config{})
	cases := []struct {
		body, ct string
		status   int
		code     string
	}{
		{`{"name":"x"`, "application/json", 400, "malformed"},
		{`{"name":"x","id":3}`, "application/json", 400, "malformed"},
		{`{"name":"x"}`, "text/plain", 415, "unsupported_media_type"},
	}
	for _, c := range cases {
		w := h.do("POST", "/api/v1/things", c.body, "Content-Type", c.ct)
		if d := errorOf(t, w); w.Code != c.status || d.Code != c.code {
			t.Fatalf("%s: %d %+v", c.body, w.Code, d)
		}
	}
}

func TestPaging(t *testing.T) {
	h := newHarness(t, Config{})
	w := h.do("GET", "/api/v1/things", "")
	if w.Code != 200 || strings.TrimSpace(w.Body.String()) != `{"items":[],"page":1,"size":20,"total":0}` {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	w = h.do("GET", "/api/v1/things?page=3&size=100", "")
	if !strings.Contains(w.Body.String(), `"page":3,"size":100`) {
		t.Fatalf("%s", w.Body)
	}
	w = h.do("GET", "/api/v1/things?page=0&size=101", "")
	d := errorOf(t, w)
	if w.Code != 422 || d.Fields["page"] == "" || d.Fields["size"] == "" {
		t.Fatalf("%d %+v", w.Code, d)
	}
	if w := h.do("GET", "/api/v1/things?size=abc", ""); w.Code != 422 || errorOf(t, w).Fields["size"] == "" {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
}

func TestCORS(t *testing.T) {
	h := newHarness(t, Config{CORSOrigins: []string{"https://app.kokmeal.kr", "*"}})
	preflight := func(origin string) *httptest.ResponseRecorder {
		return h.do("OPTIONS", "/api/v1/things", "", "Origin", origin, "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type") // as browsers send it: lower-case, sorted
	}
	w := preflight("https://app.kokmeal.kr")
	if w.Header().Get("Access-Control-Allow-Origin") != "https://app.kokmeal.kr" || !strings.Contains(w.Header().Get("Access-Control-Allow-Methods"), "POST") {
		t.Fatalf("allowed origin: %d %v", w.Code, w.Header())
	}
	if w.Header().Get("Access-Control-Allow-Credentials") != "" {
		t.Fatal("credentials must never be allowed")
	}
	w = preflight("https://evil.example")
	if w.Header().Get("Access-Control-Allow-Origin") != "" || w.Header().Get("Access-Control-Allow-Methods") != "" {
		t.Fatalf("other origin got CORS headers (the * entry must be ignored): %v", w.Header())
	}
	w = h.do("GET", "/api/v1/things/1", "", "Origin", "https://app.kokmeal.kr")
	if w.Header().Get("Access-Control-Allow-Origin") != "https://app.kokmeal.kr" || !strings.Contains(w.Header().Get("Access-Control-Expose-Headers"), "X-Request-Id") {
		t.Fatalf("actual request: %v", w.Header())
	}
	// No origins configured: no CORS at all (rs/cors alone would allow all).
	h = newHarness(t, Config{CORSOrigins: []string{}})
	if w := h.do("GET", "/api/v1/things/1", "", "Origin", "https://evil.example"); w.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Fatalf("empty allowlist allowed an origin: %v", w.Header())
	}
}

func TestMetricsUseRouteTemplates(t *testing.T) {
	h := newHarness(t, Config{})
	h.do("GET", "/api/v1/things/12345", "")
	h.do("GET", "/api/v1/things/67890", "")
	h.do("GET", "/api/v1/random-scanner-path-1", "")
	w := h.do("GET", "/metrics", "")
	if w.Code != 200 {
		t.Fatalf("metrics %d", w.Code)
	}
	body := w.Body.String()
	for _, want := range []string{
		`http_requests_total{method="GET",route="/api/v1/things/{id:[0-9]+}",service="test",status="200"} 2`,
		`http_requests_total{method="GET",route="unmatched",service="test",status="404"} 1`,
		`http_request_duration_seconds_bucket{method="GET",route="/api/v1/things/{id:[0-9]+}",service="test",status="200",le="+Inf"} 2`,
		"go_goroutines", "process_cpu_seconds_total",
	} {
		if !strings.Contains(body, want) {
			t.Fatalf("metrics lack %s", want)
		}
	}
	if strings.Contains(body, "12345") || strings.Contains(body, "random-scanner") {
		t.Fatal("raw paths in metric labels")
	}
	// A fresh registry per handler: a second handler starts from zero.
	h2 := newHarness(t, Config{})
	if strings.Contains(h2.do("GET", "/metrics", "").Body.String(), `route="/api/v1/things/{id:[0-9]+}"`) {
		t.Fatal("metrics shared between handlers")
	}
}

func TestOpenAPIDocument(t *testing.T) {
	h := newHarness(t, Config{})
	w := h.do("GET", "/openapi.json", "")
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		t.Fatalf("%d %v", w.Code, w.Header())
	}
	doc, err := openapi3.NewLoader().LoadFromData(w.Body.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("invalid OpenAPI: %v", err)
	}
	get := doc.Paths.Value("/api/v1/things/{id}").Get
	if get == nil || get.OperationID != "getThing" || get.Parameters[0].Value.In != "path" || !get.Parameters[0].Value.Required {
		t.Fatalf("path param route: %+v", get)
	}
	ok := get.Responses.Value("200").Value.Content.Get("application/json").Schema
	if ok.Ref != "#/components/schemas/thing" {
		t.Fatalf("response schema %+v", ok)
	}
	thingSchema := doc.Components.Schemas["thing"].Value
	if thingSchema.Properties["name"].Value.Description != "What it is called." || len(thingSchema.Required) != 2 {
		t.Fatalf("thing schema %+v", thingSchema)
	}
	if doc.Paths.Value("/api/v1/things/{id}").Get.Responses.Value("404").Value.Content.Get("application/json").Schema.Ref != "#/components/schemas/Error" {
		t.Fatal("errors must use the shared Error schema")
	}
	post := doc.Paths.Value("/api/v1/things").Post
	for _, s := range []string{"201", "400", "413", "415", "422", "500"} {
		if post.Responses.Value(s) == nil {
			t.Fatalf("createThing lacks %s", s)
		}
	}
	nt := doc.Components.Schemas["newThing"].Value
	if len(nt.Required) != 1 || nt.Required[0] != "name" || nt.Properties["note"].Value.Nullable {
		t.Fatalf("newThing: required %v, note %+v", nt.Required, nt.Properties["note"].Value)
	}
	secret := doc.Paths.Value("/api/v1/secret").Get
	if secret.Security == nil || len(*secret.Security) != 1 || secret.Responses.Value("401") == nil {
		t.Fatal("Auth route without bearer security or 401")
	}
	if doc.Components.SecuritySchemes["bearerAuth"].Value.Scheme != "bearer" {
		t.Fatal("no bearer scheme")
	}
	if doc.Paths.Value("/api/v1/things").Get.Responses.Value("200").Value.Content.Get("application/json").Schema.Value.Properties["items"] == nil {
		t.Fatal("List[T] not documented")
	}
	for _, p := range []string{"/healthz", "/readyz", "/metrics", "/openapi.json", "/docs", "/docs/{file}"} {
		if doc.Paths.Value(p) == nil {
			t.Fatalf("%s not documented", p)
		}
	}
}

func TestEveryRouteIsDocumented(t *testing.T) {
	h := newHarness(t, Config{})
	if err := CheckDocumented(h.h); err != nil {
		t.Fatal(err)
	}
	// The check is not vacuous: a route slipped onto the router behind the
	// registry's back is caught, and so is a documented route that is gone.
	s := h.h.(*server)
	s.router.HandleFunc("/api/v1/sneaky", func(http.ResponseWriter, *http.Request) {}).Methods("GET")
	err := CheckDocumented(h.h)
	if err == nil || !strings.Contains(err.Error(), "undocumented route: GET /api/v1/sneaky") {
		t.Fatalf("sneaky route not caught: %v", err)
	}
	s.doc.Paths.Set("/api/v1/ghost", &openapi3.PathItem{Get: openapi3.NewOperation()})
	err = CheckDocumented(h.h)
	if err == nil || !strings.Contains(err.Error(), "documented but not routed: GET /api/v1/ghost") {
		t.Fatalf("ghost route not caught: %v", err)
	}
	if err := CheckDocumented(http.NotFoundHandler()); err == nil {
		t.Fatal("a foreign handler passed")
	}
	r := mux.NewRouter()
	r.HandleFunc("/any-method", func(http.ResponseWriter, *http.Request) {})
	if err := compareRoutes(r, &openapi3.T{Paths: openapi3.NewPaths()}); err == nil {
		t.Fatal("a route without methods passed")
	}
}

func TestHandleRefusesWhatItCannotDocument(t *testing.T) {
	noop := func(http.ResponseWriter, *http.Request) {}
	cases := map[string]func(api *API){
		"no id":      func(api *API) { api.Handle("GET", "/a", noop, Op{Summary: "a"}) },
		"no summary": func(api *API) { api.Handle("GET", "/a", noop, Op{ID: "a"}) },
		"duplicate id": func(api *API) {
			api.Handle("GET", "/a", noop, Op{ID: "x", Summary: "a"})
			api.Handle("GET", "/b", noop, Op{ID: "x", Summary: "b"})
		},
		"duplicate": func(api *API) {
			api.Handle("GET", "/a", noop, Op{ID: "a", Summary: "a"})
			api.Handle("GET", "/a", noop, Op{ID: "b", Summary: "b"})
		},
		"path var": func(api *API) { api.Handle("GET", "/a/{id}", noop, Op{ID: "a", Summary: "a"}) },
		"stray param": func(api *API) {
			api.Handle("GET", "/a", noop, Op{ID: "a", Summary: "a", Params: []Param{{Name: "id", In: "path"}}})
		},
		"auth no authn": func(api *API) { api.Handle("GET", "/a", noop, Op{ID: "a", Summary: "a", Auth: true}) },
		"method":        func(api *API) { api.Handle("TRACE", "/a", noop, Op{ID: "a", Summary: "a"}) },
	}
	for name, register := range cases {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Fatal("registered anyway")
				}
			}()
			register(newAPI(DefaultConfig("t"), mux.NewRouter()))
		})
	}
}

func TestSwaggerUIIsSelfContained(t *testing.T) {
	h := newHarness(t, Config{})
	w := h.do("GET", "/docs", "")
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("%d %v", w.Code, w.Header())
	}
	html := w.Body.String()
	if !strings.Contains(html, "/openapi.json") || !strings.Contains(html, "swagger-ui-bundle.js") {
		t.Fatalf("not the Swagger UI page: %s", html)
	}
	external := regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?\s*(https?:)?//`)
	if m := external.FindString(html); m != "" {
		t.Fatalf("external URL in /docs: %s", m)
	}
	for _, asset := range regexp.MustCompile(`(?:src|href)="(/docs/[^"]+)"`).FindAllStringSubmatch(html, -1) {
		if w := h.do("GET", asset[1], ""); w.Code != 200 || w.Body.Len() == 0 {
			t.Fatalf("asset %s: %d", asset[1], w.Code)
		}
	}
	if w := h.do("GET", "/docs/nope.js", ""); w.Code != 404 {
		t.Fatalf("missing asset: %d", w.Code)
	}
}
