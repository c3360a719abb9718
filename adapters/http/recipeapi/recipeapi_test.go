package recipeapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/kokmeal/kokmeal/adapters/http/kit"
	"github.com/kokmeal/kokmeal/adapters/http/recipeapi"
	"github.com/kokmeal/kokmeal/adapters/jwt"
	"github.com/kokmeal/kokmeal/adapters/memory"
	"github.com/kokmeal/kokmeal/adapters/recipedata"
	"github.com/kokmeal/kokmeal/core/homeshopping"
	"github.com/kokmeal/kokmeal/core/kok"
	"github.com/kokmeal/kokmeal/core/recipe"
	"github.com/kokmeal/kokmeal/core/recipe/recipetest"
	"github.com/kokmeal/kokmeal/core/user"
)

type products map[string][]kok.Product

func (p products) ByIngredient(_ context.Context, ing string, limit int) ([]kok.Product, error) {
	ps := p[ing]
	return ps[:min(len(ps), limit)], nil
}

type broadcasts map[string][]homeshopping.Broadcast

func (b broadcasts) UpcomingByIngredient(_ context.Context, ing string, _ time.Time, limit int) ([]homeshopping.Broadcast, error) {
	bs := b[ing]
	return bs[:min(len(bs), limit)], nil
}

type owned map[int64]map[string]bool

func (o owned) OwnedIngredients(_ context.Context, id int64) (map[string]bool, error) {
	return o[id], nil
}

type env struct {
	h       http.Handler
	token   string // a signed-in user allergic to 새우 who owns 대파
	userID  int64
	svc     *recipe.Service
	issuer  *jwt.Issuer
	refresh string
}

func setup(t testing.TB) *env {
	t.Helper()
	ctx := context.Background()
	issuer, err := jwt.New(jwt.DefaultConfig(jwt.Secret(strings.Repeat("k", 32)), false))
	if err != nil {
		t.Fatal(err)
	}
	accounts := memory.NewAccounts()
	now := time.Now().UTC()
	u, err := accounts.Users().Create(ctx, user.User{Email: "cook@example.com", Name: "요리사", Role: user.RoleUser,
		Preferences: user.Preferences{Allergies: []string{"새우"}, HouseholdSize: 2}, CreatedAt: now, UpdatedAt: now})
	if err != nil {
		t.Fatal(err)
	}
	token, _, err := issuer.IssueAccess(user.Claims{UserID: u.ID, Role: u.Role}, now)
	if err != nil {
		t.Fatal(err)
	}
	refresh, err := issuer.IssueRefresh(u.ID, "f", now, now.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}

	store := memory.NewRecipes()
	cat, err := recipe.NewCatalog(ctx, store)
	if err != nil {
		t.Fatal(err)
	}
	svc := recipe.NewService(cat, store, store, store, recipe.NewUsersPreferences(accounts.Users()),
		products{"배추김치": {{ID: 2, Name: "[비비고] 배추김치 900g", Price: 15000, DiscountRate: 30}, {ID: 1, Name: "[종가] 포기김치 1kg", Price: 12000}}},
		broadcasts{"배추김치": {{ID: 9, ChannelID: 1, Title: "김장 특집", StartsAt: now.Add(time.Hour), EndsAt: now.Add(2 * time.Hour),
			Products: []homeshopping.BroadcastProduct{{ProductName: "포기김치 10kg", Ingredient: "배추김치", Price: 90000, SalePrice: 69000, Main: true}}}}},
		owned{u.ID: {"대파": true}}, recipe.SystemClock{})
	if err := recipedata.Seed(ctx, svc.Import); err != nil {
		t.Fatal(err)
	}
	authn := user.NewAuthenticate(issuer, user.SystemClock{})
	h := kit.NewHandler(kit.DefaultConfig("recipe"), nil, nil, recipeapi.New(svc, authn))
	return &env{h: h, token: token, userID: u.ID, svc: svc, issuer: issuer, refresh: refresh}
}

type reply struct {
	status int
	header http.Header
	body   []byte
}

func (r reply) json(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("%s: %v", r.body, err)
	}
}

type errorBody struct {
	Error struct {
		Code    string            `json:"code"`
		Message string            `json:"message"`
		Fields  map[string]string `json:"fields"`
	} `json:"error"`
}

// do sends a request through the real handler; body, if a string, is sent
// as JSON.
func (e *env) do(t *testing.T, method, target, token string, body any) reply {
	t.Helper()
	var rd io.Reader
	if s, ok := body.(string); ok {
		rd = strings.NewReader(s)
	}
	req := httptest.NewRequest(method, target, rd)
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	return reply{status: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
}

// wantError checks an error answer and, for 422, that fields names each field.
func wantError(t *testing.T, r reply, status int, fields ...string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d: %s", r.status, status, r.body)
	}
	var eb errorBody
	r.json(t, &eb)
	if eb.Error.Code == "" || eb.Error.Message == "" {
		t.Fatalf("not the error shape: %s", r.body)
	}
	for _, f := range fields {
		if eb.Error.Fields[f] == "" {
			t.Fatalf("no reason for %q: %s", f, r.body)
		}
	}
}

func TestEveryRouteIsDocumented(t *testing.T) {
	e := setup(t)
	if err := kit.CheckDocumented(e.h); err != nil {
		t.Fatal(err)
	}
	r := e.do(t, "GET", "/openapi.json", "", nil)
	doc, err := openapi3.NewLoader().LoadFromData(r.body)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("the OpenAPI document does not validate: %v", err)
	}
	detail := doc.Components.Schemas["RecipeDetail"]
	if detail == nil || detail.Value.Properties["ingredients"] == nil || detail.Value.Properties["name"] == nil {
		t.Fatalf("RecipeDetail is not documented with its fields: %+v", detail)
	}
	for _, op := range []string{"searchRecipes", "getRecipe", "recipesByIngredients", "recipeProducts", "bookmarkRecipe", "unbookmarkRecipe", "myBookmarks", "rateRecipe"} {
		if !bytes.Contains(r.body, []byte(`"operationId":"`+op+`"`)) {
			t.Errorf("%s is not in /openapi.json", op)
		}
	}
}

func TestSearch(t *testing.T) {
	e := setup(t)
	var list recipeapi.RecipeList
	for _, q := range []string{"김치 찌개", "김치찌개", recipetest.NFD("김치찌개"), "ㄱㅊㅉㄱ"} {
		r := e.do(t, "GET", "/api/v1/recipes?q="+url.QueryEscape(q), "", nil)
		if r.status != 200 {
			t.Fatalf("%q: %d %s", q, r.status, r.body)
		}
		r.json(t, &list)
		if list.Total == 0 || list.Items[0].Name != "김치찌개" || list.Items[0].Source != recipe.SourceMAFRA || list.Page != 1 || list.Size != 20 {
			t.Fatalf("%q: %+v", q, list)
		}
	}
	r := e.do(t, "GET", "/api/v1/recipes?ingredient=두부&ingredient="+url.QueryEscape("대파(흰부분)")+"&cuisine=한식&level=쉬움&max_minutes=30&sort=minutes&size=5&page=2", "", nil)
	r.json(t, &list)
	if r.status != 200 || list.Page != 2 || list.Size != 5 || len(list.Items) == 0 {
		t.Fatalf("filters: %d %s", r.status, r.body)
	}
	for _, it := range list.Items {
		if it.Cuisine != "한식" || it.Level != "쉬움" || it.Minutes > 30 {
			t.Fatalf("filter broken: %+v", it)
		}
	}

	for _, c := range []struct {
		query string
		field string
	}{
		{"sort=price", "sort"}, {"max_minutes=abc", "max_minutes"}, {"max_minutes=-5", "max_minutes"}, {"max_minutes=0", "max_minutes"},
		{"cuisine=프랑스식", "cuisine"}, {"level=x", "level"}, {"page=0", "page"}, {"page=-1", "page"}, {"size=101", "size"},
		{"size=0", "size"}, {"page=99999", "page"}, {"q=" + strings.Repeat("가", 101), "q"}, {"ingredient=", "ingredient"},
	} {
		wantError(t, e.do(t, "GET", "/api/v1/recipes?"+c.query, "", nil), 422, c.field)
	}
}

func TestDetail(t *testing.T) {
	e := setup(t)
	r := e.do(t, "GET", "/api/v1/recipes/56", "", nil)
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
		t.Fatalf("%d %v", r.status, r.header)
	}
	var d recipeapi.RecipeDetail
	r.json(t, &d)
	if d.Name != "김치찌개" || d.Source != recipe.SourceMAFRA || len(d.Ingredients) != 9 || len(d.Steps) != 6 {
		t.Fatalf("%+v", d)
	}
	first := d.Ingredients[0]
	if first.Name != "배추김치" || first.Key != "배추김치" || first.Amount != "1/4포기" || first.Kind != "main" {
		t.Fatalf("first ingredient %+v", first)
	}
	if !bytes.Contains(r.body, []byte("냉장고에 있는 김치로 얼큰한 김치찌개 끓여보세요.")) {
		t.Fatal("summary is not byte-exact")
	}
	again := e.do(t, "GET", "/api/v1/recipes/56", "", nil)
	if !bytes.Equal(again.body, r.body) {
		t.Fatal("the cached detail differs")
	}

	// A rating changes the detail: the cache follows the catalogue.
	if rr := e.do(t, "PUT", "/api/v1/recipes/56/rating", e.token, `{"rating": 4}`); rr.status != 200 {
		t.Fatalf("rate: %d %s", rr.status, rr.body)
	}
	e.do(t, "GET", "/api/v1/recipes/56", "", nil).json(t, &d)
	if d.Rating != (recipeapi.Rating{Average: 4, Count: 1}) {
		t.Fatalf("rating after rate: %+v", d.Rating)
	}

	for _, path := range []string{"/api/v1/recipes/999999", "/api/v1/recipes/99999999999999999999", "/api/v1/recipes/abc", "/api/v1/recipes/-1"} {
		wantError(t, e.do(t, "GET", path, "", nil), 404)
	}
}

func TestByIngredients(t *testing.T) {
	e := setup(t)
	body := `{"ingredients": ["배추김치", "돼기고기", "가래떡", "대파", "다진마늘", "고춧가루"]}`
	var anon recipeapi.MatchList
	r := e.do(t, "POST", "/api/v1/recipes/by-ingredients?size=50", "", body)
	if r.status != 200 {
		t.Fatalf("%d %s", r.status, r.body)
	}
	r.json(t, &anon)
	top := anon.Items[0]
	if top.Recipe.ID != 56 || len(top.Matched) != 6 || len(top.Missing) != 3 || top.Coverage <= 0.7 || len(anon.Avoided) != 0 {
		t.Fatalf("anonymous top: %+v", top)
	}

	// Signed in: the user's 새우 allergy leaves out recipes with 새우 or 새우젓.
	shrimp := `{"ingredients": ["대파", "양파", "새우"], "exclude": ["돼지고기"]}`
	var mine, all recipeapi.MatchList
	e.do(t, "POST", "/api/v1/recipes/by-ingredients?size=100", e.token, shrimp).json(t, &mine)
	e.do(t, "POST", "/api/v1/recipes/by-ingredients?size=100", "", shrimp).json(t, &all)
	if !slices.Equal(mine.Avoided, []string{"돼지고기", "새우"}) || mine.Total >= all.Total {
		t.Fatalf("signed in: avoided %v total %d vs %d", mine.Avoided, mine.Total, all.Total)
	}
	for _, m := range mine.Items {
		for _, in := range append(m.Matched, m.Missing...) {
			if strings.Contains(in.Key, "새우") || strings.Contains(in.Key, "돼지고기") {
				t.Fatalf("%s has %s", m.Recipe.Name, in.Name)
			}
		}
	}

	wantError(t, e.do(t, "POST", "/api/v1/recipes/by-ingredients", "not-a-token", body), 401)
	wantError(t, e.do(t, "POST", "/api/v1/recipes/by-ingredients", e.refresh, body), 401)
	wantError(t, e.do(t, "POST", "/api/v1/recipes/by-ingredients", "", `{"ingredients": []}`), 422, "ingredients")
	wantError(t, e.do(t, "POST", "/api/v1/recipes/by-ingredients", "", `{"ingredients": ["대파", " "]}`), 422, "ingredients")
	wantError(t, e.do(t, "POST", "/api/v1/recipes/by-ingredients", "", `{"ingredients": ["`+strings.Repeat("파", 51)+`"]}`), 422, "ingredients")
	wantError(t, e.do(t, "POST", "/api/v1/recipes/by-ingredients?page=0", "", body), 422, "page")
	wantError(t, e.do(t, "POST", "/api/v1/recipes/by-ingredients?size=101", "", body), 422, "size")
	wantError(t, e.do(t, "POST", "/api/v1/recipes/by-ingredients", "", `{"ingredients": "대파"}`), 400)
	wantError(t, e.do(t, "POST", "/api/v1/recipes/by-ingredients", "", `{"ingredients": ["대파"], "sort": "x"}`), 400)
	wantError(t, e.do(t, "POST", "/api/v1/recipes/by-ingredients", "", `{"ingredients": ["대파"]`), 400)
}

func TestProducts(t *testing.T) {
	e := setup(t)
	var anon, mine recipeapi.RecipeProducts
	r := e.do(t, "GET", "/api/v1/recipes/56/products", "", nil)
	if r.status != 200 {
		t.Fatalf("%d %s", r.status, r.body)
	}
	r.json(t, &anon)
	kimchi := anon.Ingredients[0]
	if anon.RecipeName != "김치찌개" || anon.Source == "" || kimchi.Ingredient.Key != "배추김치" || kimchi.Products[0].ID != 2 ||
		kimchi.Products[0].DiscountedPrice != 10500 || kimchi.Broadcasts[0].SalePrice != 69000 {
		t.Fatalf("anonymous: %+v", anon)
	}
	e.do(t, "GET", "/api/v1/recipes/56/products?limit=1", e.token, nil).json(t, &mine)
	if !mine.Ingredients[3].Owned || anon.Ingredients[3].Owned || len(mine.Ingredients[0].Products) != 1 {
		t.Fatalf("owned 대파: mine %+v", mine.Ingredients[3])
	}
	wantError(t, e.do(t, "GET", "/api/v1/recipes/999999/products", "", nil), 404)
	wantError(t, e.do(t, "GET", "/api/v1/recipes/56/products?limit=0", "", nil), 422, "limit")
	wantError(t, e.do(t, "GET", "/api/v1/recipes/56/products?limit=11", "", nil), 422, "limit")
	wantError(t, e.do(t, "GET", "/api/v1/recipes/56/products?limit=abc", "", nil), 422, "limit")
	wantError(t, e.do(t, "GET", "/api/v1/recipes/56/products", "bad", nil), 401)
}

func TestBookmarks(t *testing.T) {
	e := setup(t)
	wantError(t, e.do(t, "PUT", "/api/v1/recipes/56/bookmark", "", nil), 401)
	wantError(t, e.do(t, "GET", "/api/v1/users/me/bookmarks", "", nil), 401)
	for _, id := range []string{"56", "1", "56"} {
		if r := e.do(t, "PUT", "/api/v1/recipes/"+id+"/bookmark", e.token, nil); r.status != 204 || len(r.body) != 0 {
			t.Fatalf("put %s: %d %s", id, r.status, r.body)
		}
	}
	wantError(t, e.do(t, "PUT", "/api/v1/recipes/999999/bookmark", e.token, nil), 404)
	var list recipeapi.SavedList
	e.do(t, "GET", "/api/v1/users/me/bookmarks", e.token, nil).json(t, &list)
	if list.Total != 2 || len(list.Items) != 2 || list.Items[0].SavedAt.IsZero() {
		t.Fatalf("bookmarks %+v", list)
	}
	for range 2 {
		if r := e.do(t, "DELETE", "/api/v1/recipes/56/bookmark", e.token, nil); r.status != 204 {
			t.Fatalf("delete: %d %s", r.status, r.body)
		}
	}
	e.do(t, "GET", "/api/v1/users/me/bookmarks?size=1", e.token, nil).json(t, &list)
	if list.Total != 1 || list.Items[0].Recipe.ID != 1 || list.Size != 1 {
		t.Fatalf("after delete %+v", list)
	}
	wantError(t, e.do(t, "GET", "/api/v1/users/me/bookmarks?page=0", e.token, nil), 422, "page")
	wantError(t, e.do(t, "GET", "/api/v1/users/me/bookmarks?page=10001", e.token, nil), 422, "page")
}

func TestRating(t *testing.T) {
	e := setup(t)
	wantError(t, e.do(t, "PUT", "/api/v1/recipes/1/rating", "", `{"rating": 5}`), 401)
	for _, body := range []string{`{"rating": 6}`, `{"rating": 0}`, `{"rating": -1}`, `{}`} {
		wantError(t, e.do(t, "PUT", "/api/v1/recipes/1/rating", e.token, body), 422, "rating")
	}
	wantError(t, e.do(t, "PUT", "/api/v1/recipes/1/rating", e.token, `{"rating": "5"}`), 400)
	wantError(t, e.do(t, "PUT", "/api/v1/recipes/1/rating", e.token, `{"rating": 4.5}`), 400)
	wantError(t, e.do(t, "PUT", "/api/v1/recipes/1/rating", e.token, `{"rating": 99999999999999999999}`), 400)
	wantError(t, e.do(t, "PUT", "/api/v1/recipes/1/rating", e.token, nil), 415)
	wantError(t, e.do(t, "PUT", "/api/v1/recipes/999999/rating", e.token, `{"rating": 5}`), 404)
	if r, _ := e.svc.Get.Handle(context.Background(), 1); r.Rating.Count != 0 {
		t.Fatalf("bad input wrote a rating: %+v", r.Rating)
	}

	var res recipeapi.RatingResult
	r := e.do(t, "PUT", "/api/v1/recipes/1/rating", e.token, `{"rating": 5}`)
	r.json(t, &res)
	if r.status != 200 || res != (recipeapi.RatingResult{RecipeID: 1, Rating: 5, Average: 5, Count: 1}) {
		t.Fatalf("%d %+v", r.status, res)
	}
	e.do(t, "PUT", "/api/v1/recipes/1/rating", e.token, `{"rating": 2}`).json(t, &res)
	if res.Average != 2 || res.Count != 1 {
		t.Fatalf("re-rating: %+v", res)
	}
	wantError(t, e.do(t, "POST", "/api/v1/recipes/1/rating", e.token, `{"rating": 2}`), 405)
}
