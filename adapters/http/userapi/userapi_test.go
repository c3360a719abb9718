package userapi_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	gojwt "github.com/golang-jwt/jwt/v5"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"
	"golang.org/x/text/unicode/norm"

	"github.com/kokmeal/kokmeal/adapters/argon2"
	"github.com/kokmeal/kokmeal/adapters/http/kit"
	"github.com/kokmeal/kokmeal/adapters/http/userapi"
	"github.com/kokmeal/kokmeal/adapters/jwt"
	"github.com/kokmeal/kokmeal/adapters/memory"
	"github.com/kokmeal/kokmeal/core/user"
)

var secret = jwt.Secret("test-secret-0123456789abcdef-0123456789")

// cheap argon2id: the real hasher, at a cost tests can afford.
var cheap = argon2.Params{MemoryKiB: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

type env struct {
	t     *testing.T
	h     http.Handler
	logs  *observer.ObservedLogs
	accts *memory.Accounts
}

func newEnv(t *testing.T, cfg kit.Config) *env {
	t.Helper()
	issuer, err := jwt.New(jwt.DefaultConfig(secret, false))
	if err != nil {
		t.Fatal(err)
	}
	accts := memory.NewAccounts()
	svc, err := user.NewService(accts.Users(), accts.Tokens(), argon2.New(cheap), issuer, user.SystemClock{}, user.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if cfg.CORSOrigins == nil {
		cfg.CORSOrigins = []string{"https://kokmeal.kr"}
	}
	cfg.Service = "user"
	core, logs := observer.New(zap.DebugLevel)
	h := kit.NewHandler(cfg, zap.New(core), nil, userapi.New(svc, userapi.NewLimiters(cfg), cfg))
	return &env{t: t, h: h, logs: logs, accts: accts}
}

type resp struct {
	*httptest.ResponseRecorder
}

func (r resp) json(v any) {
	if err := json.Unmarshal(r.Body.Bytes(), v); err != nil {
		panic(err)
	}
}

func (r resp) err() kit.ErrorDetail {
	var b kit.ErrorBody
	if err := json.Unmarshal(r.Body.Bytes(), &b); err != nil || b.Error.Code == "" || b.Error.RequestID == "" {
		panic("not the error shape: " + r.Body.String())
	}
	return b.Error
}

// req sends a request; header pairs follow the body. A JSON body gets
// Content-Type: application/json unless a header sets another.
func (e *env) req(method, path, body string, header ...string) resp {
	e.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	r := httptest.NewRequest(method, path, rd)
	r.RemoteAddr = "192.0.2.10:40000"
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, r)
	return resp{w}
}

func (e *env) want(r resp, status int) resp {
	e.t.Helper()
	if r.Code != status {
		e.t.Fatalf("status %d, want %d: %s", r.Code, status, r.Body)
	}
	return r
}

func body(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func (e *env) signup(email, password, name string) userapi.User {
	e.t.Helper()
	var u userapi.User
	e.want(e.req("POST", "/api/v1/auth/signup", body(map[string]string{"email": email, "password": password, "name": name})), 201).json(&u)
	return u
}

func (e *env) login(email, password string) userapi.Tokens {
	e.t.Helper()
	var tk userapi.Tokens
	e.want(e.req("POST", "/api/v1/auth/login", body(map[string]string{"email": email, "password": password})), 200).json(&tk)
	return tk
}

func bearer(tok string) []string { return []string{"Authorization", "Bearer " + tok} }

const pw = "correct horse battery"

func TestJourney(t *testing.T) {
	e := newEnv(t, kit.Config{})
	u := e.signup("Kim@Example.KR", pw, "김하늘")
	if u.ID == 0 || u.Email != "kim@example.kr" || u.Name != "김하늘" || u.Role != "user" || u.CreatedAt.IsZero() ||
		u.Preferences.HouseholdSize != 1 || u.Preferences.Allergies == nil || u.Preferences.Diets == nil {
		t.Fatalf("signup answered %+v", u)
	}
	r := e.req("POST", "/api/v1/auth/signup", body(map[string]string{"email": "x@example.kr", "password": pw, "name": "x"}))
	for _, secretish := range []string{"password", "hash", "argon2", "token"} {
		if strings.Contains(r.Body.String(), secretish) {
			t.Fatalf("signup answer mentions %q: %s", secretish, r.Body)
		}
	}
	if r.Header().Get("Location") != "/api/v1/users/me" {
		t.Fatalf("Location %q", r.Header().Get("Location"))
	}

	tk := e.login(" KIM@example.kr ", pw)
	if tk.TokenType != "Bearer" || tk.ExpiresIn != 900 || tk.AccessToken == "" || tk.RefreshToken == "" {
		t.Fatalf("login answered %+v", tk)
	}

	var me userapi.User
	e.want(e.req("GET", "/api/v1/users/me", "", bearer(tk.AccessToken)...), 200).json(&me)
	if me.ID != u.ID || me.Email != "kim@example.kr" {
		t.Fatalf("me %+v", me)
	}

	// PATCH: Korean values round-trip byte for byte; NFD comes back NFC.
	nfdName := norm.NFD.String("박보검")
	patch := `{"name":"` + nfdName + `","allergies":["땅콩","새우","` + norm.NFD.String("복숭아") + `"],` +
		`"disliked_ingredients":["오이","고수"],"diets":["pescatarian"],"household_size":3}`
	r = e.want(e.req("PATCH", "/api/v1/users/me", patch, bearer(tk.AccessToken)...), 200)
	for _, exact := range []string{`"name":"박보검"`, `"allergies":["땅콩","새우","복숭아"]`, `"disliked_ingredients":["오이","고수"]`, `"diets":["pescatarian"]`, `"household_size":3`} {
		if !strings.Contains(r.Body.String(), exact) {
			t.Fatalf("PATCH answer lacks %s: %s", exact, r.Body)
		}
	}
	r = e.want(e.req("GET", "/api/v1/users/me", "", bearer(tk.AccessToken)...), 200)
	if !strings.Contains(r.Body.String(), `"allergies":["땅콩","새우","복숭아"]`) || !strings.Contains(r.Body.String(), `"name":"박보검"`) {
		t.Fatalf("not stored: %s", r.Body)
	}
	// Absent fields stay; [] clears.
	r = e.want(e.req("PATCH", "/api/v1/users/me", `{"diets":[]}`, bearer(tk.AccessToken)...), 200)
	if !strings.Contains(r.Body.String(), `"diets":[]`) || !strings.Contains(r.Body.String(), `"name":"박보검"`) {
		t.Fatalf("partial PATCH: %s", r.Body)
	}

	// Refresh rotates: the old token then fails, and its reuse revokes the
	// family, so the new one fails too.
	var tk2 userapi.Tokens
	e.want(e.req("POST", "/api/v1/auth/refresh", body(map[string]string{"refresh_token": tk.RefreshToken})), 200).json(&tk2)
	if tk2.RefreshToken == tk.RefreshToken || tk2.TokenType != "Bearer" {
		t.Fatalf("refresh answered %+v", tk2)
	}
	e.want(e.req("GET", "/api/v1/users/me", "", bearer(tk2.AccessToken)...), 200)
	if d := e.want(e.req("POST", "/api/v1/auth/refresh", body(map[string]string{"refresh_token": tk.RefreshToken})), 401).err(); d.Code != "unauthenticated" {
		t.Fatalf("replay: %+v", d)
	}
	e.want(e.req("POST", "/api/v1/auth/refresh", body(map[string]string{"refresh_token": tk2.RefreshToken})), 401)

	// Logout revokes: the refresh token then fails.
	tk3 := e.login("kim@example.kr", pw)
	e.want(e.req("POST", "/api/v1/auth/logout", body(map[string]string{"refresh_token": tk3.RefreshToken})), 204)
	e.want(e.req("POST", "/api/v1/auth/refresh", body(map[string]string{"refresh_token": tk3.RefreshToken})), 401)
	e.want(e.req("POST", "/api/v1/auth/logout", body(map[string]string{"refresh_token": "not-a-token"})), 401)

	// Delete: the account and its sign-ins are gone.
	tk4 := e.login("kim@example.kr", pw)
	e.want(e.req("DELETE", "/api/v1/users/me", "", bearer(tk4.AccessToken)...), 204)
	e.want(e.req("GET", "/api/v1/users/me", "", bearer(tk4.AccessToken)...), 401)
	e.want(e.req("POST", "/api/v1/auth/refresh", body(map[string]string{"refresh_token": tk4.RefreshToken})), 401)
	e.want(e.req("POST", "/api/v1/auth/login", body(map[string]string{"email": "kim@example.kr", "password": pw})), 401)

	// Nothing secret reached the log.
	for _, entry := range e.logs.All() {
		line := entry.Message + " " + body(entry.ContextMap())
		for _, s := range []string{pw, tk.AccessToken, tk.RefreshToken} {
			if strings.Contains(line, s) {
				t.Fatalf("log holds a secret: %s", line)
			}
		}
	}
}

func TestBadCredentialsLookAlike(t *testing.T) {
	e := newEnv(t, kit.Config{})
	e.signup("lee@example.kr", pw, "이")
	wrong := e.req("POST", "/api/v1/auth/login", body(map[string]string{"email": "lee@example.kr", "password": "wrong password!"}))
	unknown := e.req("POST", "/api/v1/auth/login", body(map[string]string{"email": "nobody@example.kr", "password": pw}))
	a, b := wrong.err(), unknown.err()
	if wrong.Code != 401 || unknown.Code != 401 || a.Code != b.Code || a.Message != b.Message || a.Fields != nil || b.Fields != nil {
		t.Fatalf("wrong password %d %+v vs unknown email %d %+v", wrong.Code, a, unknown.Code, b)
	}
	if a.Message != "invalid email or password" {
		t.Fatalf("message %q", a.Message)
	}
	if wrong.Header().Get("WWW-Authenticate") != unknown.Header().Get("WWW-Authenticate") {
		t.Fatal("headers differ")
	}
}

func TestTokensThatMustFail(t *testing.T) {
	e := newEnv(t, kit.Config{})
	u := e.signup("park@example.kr", pw, "박")
	tk := e.login("park@example.kr", pw)
	sub := strconv.FormatInt(u.ID, 10)
	now := time.Now()
	valid := gojwt.MapClaims{"iss": "kokmeal", "aud": []string{"kokmeal-api"}, "sub": sub, "typ": "access", "role": "user",
		"iat": now.Unix(), "nbf": now.Unix(), "exp": now.Add(10 * time.Minute).Unix()}
	sign := func(method gojwt.SigningMethod, key any, change func(gojwt.MapClaims)) string {
		c := gojwt.MapClaims{}
		for k, v := range valid {
			c[k] = v
		}
		change(c)
		s, err := gojwt.NewWithClaims(method, c).SignedString(key)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	hs := gojwt.SigningMethodHS256
	// Our own forgery works: the test crafts tokens the way the issuer does.
	e.want(e.req("GET", "/api/v1/users/me", "", bearer(sign(hs, []byte(secret), func(gojwt.MapClaims) {}))...), 200)

	parts := strings.Split(tk.AccessToken, ".")
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	adminPayload := strings.Replace(string(payload), `"role":"user"`, `"role":"admin"`, 1)
	tampered := parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(adminPayload)) + "." + parts[2]

	bad := map[string]string{
		"tampered":        tampered,
		"bad signature":   parts[0] + "." + parts[1] + "." + strings.Repeat("A", len(parts[2])),
		"expired":         sign(hs, []byte(secret), func(c gojwt.MapClaims) { c["exp"] = now.Add(-time.Minute).Unix() }),
		"no expiry":       sign(hs, []byte(secret), func(c gojwt.MapClaims) { delete(c, "exp") }),
		"alg none":        sign(gojwt.SigningMethodNone, gojwt.UnsafeAllowNoneSignatureType, func(gojwt.MapClaims) {}),
		"wrong audience":  sign(hs, []byte(secret), func(c gojwt.MapClaims) { c["aud"] = []string{"another-api"} }),
		"wrong issuer":    sign(hs, []byte(secret), func(c gojwt.MapClaims) { c["iss"] = "evil" }),
		"other secret":    sign(hs, []byte("another-secret-0123456789abcdef-0123"), func(gojwt.MapClaims) {}),
		"HS512":           sign(gojwt.SigningMethodHS512, []byte(secret), func(gojwt.MapClaims) {}),
		"refresh as auth": tk.RefreshToken,
		"refresh typ":     sign(hs, []byte(secret), func(c gojwt.MapClaims) { c["typ"] = "refresh" }),
		"role forged":     sign(hs, []byte(secret), func(c gojwt.MapClaims) { c["role"] = "root" }),
		"empty":           "",
		"garbage":         "a.b.c",
	}
	for name, tok := range bad {
		t.Run(name, func(t *testing.T) {
			r := e.req("GET", "/api/v1/users/me", "", bearer(tok)...)
			if r.Code != 401 || r.err().Code != "unauthenticated" || !strings.HasPrefix(r.Header().Get("WWW-Authenticate"), "Bearer") {
				t.Fatalf("%d %s", r.Code, r.Body)
			}
		})
	}
	// An access token is no refresh token either.
	e.want(e.req("POST", "/api/v1/auth/refresh", body(map[string]string{"refresh_token": tk.AccessToken})), 401)
	e.want(e.req("GET", "/api/v1/users/me", ""), 401)
}

func TestSignupRefusals(t *testing.T) {
	e := newEnv(t, kit.Config{BodyLimit: 4096})
	signup := func(b string, header ...string) resp { return e.req("POST", "/api/v1/auth/signup", b, header...) }

	// A role in the body is an unknown field, and makes nobody an admin.
	r := e.want(signup(`{"email":"admin@example.kr","password":"`+pw+`","name":"관리자","role":"admin"}`), 400)
	if d := r.err(); d.Code != "malformed" || d.Fields["role"] != "unknown field" {
		t.Fatalf("%+v", d)
	}
	if u := e.signup("admin@example.kr", pw, "관리자"); u.Role != "user" {
		t.Fatalf("role %q", u.Role)
	}

	if d := e.want(signup(body(map[string]string{"email": "ADMIN@Example.kr", "password": pw, "name": "또"})), 409).err(); d.Code != "conflict" {
		t.Fatalf("%+v", d)
	}
	if d := e.want(signup(`{"email": "a@b.kr", "password": `), 400).err(); d.Code != "malformed" {
		t.Fatalf("%+v", d)
	}
	if d := e.want(signup(`{"email":"a@b.kr","password":12345678901,"name":"n"}`), 400).err(); d.Fields["password"] != "must be a string" {
		t.Fatalf("%+v", d)
	}
	if d := e.want(signup(`{"email":"x@b.kr","password":"`+pw+`","name":"`+strings.Repeat("가", 5000)+`"}`), 413).err(); d.Code != "too_large" {
		t.Fatalf("%+v", d)
	}
	if d := e.want(signup(body(map[string]string{"email": "y@b.kr", "password": pw, "name": "n"}), "Content-Type", "text/plain"), 415).err(); d.Code != "unsupported_media_type" {
		t.Fatalf("%+v", d)
	}
	d := e.want(signup(`{"email":"not-an-email","password":"short","name":""}`), 422).err()
	if d.Code != "invalid" || d.Fields["email"] == "" || d.Fields["password"] == "" || d.Fields["name"] == "" {
		t.Fatalf("%+v", d)
	}

	// Passwords count characters, after NFC: ten Korean syllables pass, nine
	// do not, however they are encoded.
	ten, nine := "가나다라마바사아자차", "가나다라마바사아자"
	e.signup("ten@example.kr", ten, "열")
	e.signup("tennfd@example.kr", norm.NFD.String(ten), "열")
	for _, p := range []string{nine, norm.NFD.String(nine)} { // NFD nine is 18 jamo: NFC first, then count
		d := e.want(signup(body(map[string]string{"email": "nine@example.kr", "password": p, "name": "아홉"})), 422).err()
		if d.Fields["password"] != "must be at least 10 characters" {
			t.Fatalf("%+v", d)
		}
	}
	// The same password typed decomposed signs in.
	e.login("ten@example.kr", norm.NFD.String(ten))
	e.login("tennfd@example.kr", ten)
}

func TestPatchRefusals(t *testing.T) {
	e := newEnv(t, kit.Config{})
	e.signup("choi@example.kr", pw, "최")
	auth := bearer(e.login("choi@example.kr", pw).AccessToken)
	patch := func(b string) resp { return e.req("PATCH", "/api/v1/users/me", b, auth...) }
	if d := e.want(patch(`{"allergies":null}`), 422).err(); !strings.HasPrefix(d.Fields["allergies"], "must not be null") {
		t.Fatalf("%+v", d)
	}
	if d := e.want(patch(`{"household_size":"two"}`), 400).err(); d.Fields["household_size"] != "must be an integer" || d.Message != "household_size: must be an integer" {
		t.Fatalf("%+v", d)
	}
	if d := e.want(patch(`{"household_size":21,"diets":["keto"],"name":"  "}`), 422).err(); d.Fields["household_size"] == "" || d.Fields["diets"] == "" || d.Fields["name"] == "" {
		t.Fatalf("%+v", d)
	}
	if d := e.want(patch(`{"email":"new@example.kr"}`), 400).err(); d.Fields["email"] != "unknown field" {
		t.Fatalf("%+v", d)
	}
	e.want(patch(`null`), 400)
	e.want(patch(`[]`), 400)
	e.want(patch(`{}`), 200)
	e.want(e.req("PATCH", "/api/v1/users/me", `{}`), 401)
}

func TestLoginRateLimit(t *testing.T) {
	e := newEnv(t, kit.Config{
		LoginPerAccount: kit.Rate{Events: 3, Per: time.Hour, Burst: 3},
		LoginPerIP:      kit.Rate{Events: 6, Per: time.Hour, Burst: 6},
	})
	e.signup("jung@example.kr", pw, "정")
	fail := func(email string, header ...string) resp {
		return e.req("POST", "/api/v1/auth/login", body(map[string]string{"email": email, "password": "guess guess guess"}), header...)
	}
	// Successes do not count: the owner is never slowed by signing in.
	for range 5 {
		e.login("jung@example.kr", pw)
	}
	for range 3 {
		e.want(fail("jung@example.kr"), 401)
	}
	r := e.want(fail("JUNG@example.kr"), 429) // same account, however spelled
	if d := r.err(); d.Code != "rate_limited" {
		t.Fatalf("%+v", d)
	}
	if s, _ := strconv.Atoi(r.Header().Get("Retry-After")); s < 1100 || s > 1200 {
		t.Fatalf("Retry-After %q, want about 1200 s", r.Header().Get("Retry-After"))
	}
	// The right password is throttled too while the bucket is empty: the
	// limiter does not look at the password, or it would be an oracle.
	e.want(e.req("POST", "/api/v1/auth/login", body(map[string]string{"email": "jung@example.kr", "password": pw})), 429)

	// Per IP: 6 failed checks from one address over any accounts (the 3
	// above, and these; refused attempts checked nothing and do not count).
	for i := range 3 {
		e.want(fail("nobody"+strconv.Itoa(i)+"@example.kr"), 401)
	}
	e.want(fail("nobody9@example.kr"), 429)
	other := []string{"X-Forwarded-For", "198.51.100.1"}
	e.want(fail("nobody9@example.kr", other...), 429) // XFF is ignored without TrustProxy

	e2 := newEnv(t, kit.Config{TrustProxy: true, LoginPerIP: kit.Rate{Events: 1, Per: time.Hour, Burst: 1}})
	e2.want(e2.req("POST", "/api/v1/auth/login", `{"email":"a@b.kr","password":"x"}`, "X-Forwarded-For", "198.51.100.1"), 401)
	e2.want(e2.req("POST", "/api/v1/auth/login", `{"email":"a@b.kr","password":"x"}`, "X-Forwarded-For", "198.51.100.1"), 429)
	e2.want(e2.req("POST", "/api/v1/auth/login", `{"email":"a@b.kr","password":"x"}`, "X-Forwarded-For", "198.51.100.2"), 401)
}

func TestRouterBehaviour(t *testing.T) {
	e := newEnv(t, kit.Config{})
	if d := e.want(e.req("GET", "/api/v1/users/nobody", ""), 404).err(); d.Code != "not_found" {
		t.Fatalf("%+v", d)
	}
	r := e.want(e.req("GET", "/api/v1/auth/login", ""), 405)
	if d := r.err(); d.Code != "method_not_allowed" || r.Header().Get("Allow") != "POST" {
		t.Fatalf("%+v %q", d, r.Header().Get("Allow"))
	}
	if r := e.want(e.req("PUT", "/api/v1/users/me", "{}"), 405); r.Header().Get("Allow") != "GET, PATCH, DELETE" {
		t.Fatalf("Allow %q", r.Header().Get("Allow"))
	}

	// CORS: the allowed origin gets the headers, another does not.
	pre := func(origin string) resp {
		return e.req("OPTIONS", "/api/v1/users/me", "", "Origin", origin, "Access-Control-Request-Method", "PATCH", "Access-Control-Request-Headers", "authorization,content-type")
	}
	if r := pre("https://kokmeal.kr"); r.Header().Get("Access-Control-Allow-Origin") != "https://kokmeal.kr" || r.Header().Get("Access-Control-Allow-Methods") != "PATCH" {
		t.Fatalf("allowed origin: %d %v", r.Code, r.Header())
	}
	if r := pre("https://evil.example"); r.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Fatalf("other origin: %v", r.Header())
	}

	r = e.req("POST", "/api/v1/auth/login", `{"email":"a@b.kr","password":"x"}`)
	for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"} {
		if r.Header().Get(k) != v {
			t.Fatalf("%s = %q", k, r.Header().Get(k))
		}
	}

	metrics := e.want(e.req("GET", "/metrics", ""), 200).Body.String()
	if !regexp.MustCompile(`http_requests_total\{method="POST",route="/api/v1/auth/login",service="user",status="401"\} 1`).MatchString(metrics) {
		t.Fatalf("no login counter in:\n%s", grep(metrics, "http_requests_total"))
	}
}

func grep(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func TestDocumentation(t *testing.T) {
	e := newEnv(t, kit.Config{})
	if err := kit.CheckDocumented(e.h); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]struct {
			OperationID string                     `json:"operationId"`
			Security    []map[string][]string      `json:"security"`
			Responses   map[string]json.RawMessage `json:"responses"`
		} `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]struct {
					Items struct {
						Enum []string `json:"enum"`
					} `json:"items"`
				} `json:"properties"`
				Required []string `json:"required"`
			} `json:"schemas"`
		} `json:"components"`
	}
	raw := e.want(e.req("GET", "/openapi.json", ""), 200)
	raw.json(&doc)
	loaded, err := openapi3.NewLoader().LoadFromData(raw.Body.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if err := loaded.Validate(context.Background()); err != nil {
		t.Fatalf("the OpenAPI document does not validate: %v", err)
	}
	routes := map[string][]string{
		"/api/v1/auth/signup":  {"post"},
		"/api/v1/auth/login":   {"post"},
		"/api/v1/auth/refresh": {"post"},
		"/api/v1/auth/logout":  {"post"},
		"/api/v1/users/me":     {"delete", "get", "patch"},
	}
	for path, methods := range routes {
		var got []string
		for m, op := range doc.Paths[path] {
			got = append(got, m)
			if (path == "/api/v1/users/me") != (len(op.Security) == 1) {
				t.Fatalf("%s %s: security %v", m, path, op.Security)
			}
			if _, ok := op.Responses["500"]; !ok {
				t.Fatalf("%s %s lacks 500", m, path)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, methods) {
			t.Fatalf("%s documents %v, want %v", path, got, methods)
		}
	}
	if _, ok := doc.Paths["/api/v1/auth/login"]["post"].Responses["429"]; !ok {
		t.Fatal("login does not document 429")
	}
	s := doc.Components.Schemas
	if !slices.Equal(s["SignupRequest"].Required, []string{"email", "password", "name"}) || len(s["ProfilePatch"].Required) != 0 {
		t.Fatalf("required: %v / %v", s["SignupRequest"].Required, s["ProfilePatch"].Required)
	}
	if _, ok := s["SignupRequest"].Properties["role"]; ok {
		t.Fatal("signup documents a role")
	}
	if !slices.Equal(s["Preferences"].Properties["diets"].Items.Enum, user.Diets) || !slices.Equal(s["ProfilePatch"].Properties["diets"].Items.Enum, user.Diets) {
		t.Fatalf("documented diets %v differ from the core's %v", s["Preferences"].Properties["diets"].Items.Enum, user.Diets)
	}
	if _, ok := s["Error"]; !ok {
		t.Fatal("no Error schema")
	}

	html := e.want(e.req("GET", "/docs", ""), 200).Body.String()
	if m := regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?\s*(https?:)?//`).FindString(html); m != "" {
		t.Fatalf("external URL in /docs: %s", m)
	}
}
