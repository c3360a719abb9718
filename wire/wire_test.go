package wire_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/kokmeal/kokmeal/adapters/config"
	"github.com/kokmeal/kokmeal/adapters/http/kit"
	"github.com/kokmeal/kokmeal/wire"
)

// embedded is the configuration of `make run`: SQLite files in a fresh data
// folder, migrated at start-up, with a generated development secret.
func embedded(t *testing.T) config.Config {
	t.Helper()
	t.Setenv("KOKMEAL_DATA_DIR", filepath.Join(t.TempDir(), "var"))
	t.Setenv("KOKMEAL_LOG_LEVEL", "error")
	cfg, err := config.Load(":0")
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func call(t *testing.T, srv *httptest.Server, method, path, token, body string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

var hosts = map[string]func(context.Context, config.Config) (*wire.App, func(), error){
	"gateway":      wire.Gateway,
	"user":         wire.User,
	"kok":          wire.Kok,
	"homeshopping": wire.HomeShopping,
	"recipe":       wire.Recipe,
}

// What each slice answers on a first start: the user flow, and searches
// over the demo data loaded into the empty database.
var probes = map[string]func(t *testing.T, srv *httptest.Server){
	"user": userFlow,
	"recipe": func(t *testing.T, srv *httptest.Server) {
		found(t, srv, "/api/v1/recipes?q="+url.QueryEscape("김치 찌개"))
	},
	"kok": func(t *testing.T, srv *httptest.Server) {
		found(t, srv, "/api/v1/kok/products?q="+url.QueryEscape("ㄱㅊㄱㄹ"))
	},
	"homeshopping": func(t *testing.T, srv *httptest.Server) {
		found(t, srv, "/api/v1/home-shopping/search?q="+url.QueryEscape("한우"))
	},
}

// Each host's injector builds on the embedded default (as `make run`),
// documents every route it serves in a valid OpenAPI document, is ready,
// and answers for its slices; the gateway answers for all of them.
func TestHostsOnTheEmbeddedDefault(t *testing.T) {
	for name, inject := range hosts {
		t.Run(name, func(t *testing.T) {
			app, cleanup, err := inject(context.Background(), embedded(t))
			if err != nil {
				t.Fatal(err)
			}
			defer cleanup()
			if err := kit.CheckDocumented(app.Handler); err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(app.Handler)
			defer srv.Close()
			validSpec(t, srv)
			if code, body := call(t, srv, "GET", "/readyz", "", ""); code != 200 {
				t.Fatalf("readyz %d %v", code, body)
			}
			for slice, probe := range probes {
				if name == "gateway" || name == slice {
					t.Run(slice, func(t *testing.T) { probe(t, srv) })
				}
			}
		})
	}
}

func validSpec(t *testing.T, srv *httptest.Server) {
	t.Helper()
	resp, err := srv.Client().Get(srv.URL + "/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	spec, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	doc, err := openapi3.NewLoader().LoadFromData(spec)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("/openapi.json does not validate: %v", err)
	}
}

func userFlow(t *testing.T, srv *httptest.Server) {
	code, body := call(t, srv, "POST", "/api/v1/auth/signup", "", `{"email":"cook@example.com","password":"열글자가넘는비밀번호","name":"요리사"}`)
	if code != 201 || body["name"] != "요리사" {
		t.Fatalf("signup %d %v", code, body)
	}
	code, body = call(t, srv, "POST", "/api/v1/auth/login", "", `{"email":"COOK@example.com","password":"열글자가넘는비밀번호"}`)
	if code != 200 {
		t.Fatalf("login %d %v", code, body)
	}
	access, _ := body["access_token"].(string)
	if code, body = call(t, srv, "GET", "/api/v1/users/me", access, ""); code != 200 || body["email"] != "cook@example.com" {
		t.Fatalf("me %d %v", code, body)
	}
}

func found(t *testing.T, srv *httptest.Server, path string) {
	t.Helper()
	code, body := call(t, srv, "GET", path, "", "")
	if items, _ := body["items"].([]any); code != 200 || len(items) == 0 {
		t.Fatalf("GET %s: %d, %d items: %v", path, code, len(items), body)
	}
}
