package kokapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/kokmeal/kokmeal/adapters/bunsql"
	"github.com/kokmeal/kokmeal/adapters/bunsql/dbtest"
	"github.com/kokmeal/kokmeal/adapters/http/kit"
	"github.com/kokmeal/kokmeal/adapters/http/kokapi"
	"github.com/kokmeal/kokmeal/adapters/jwt"
	"github.com/kokmeal/kokmeal/adapters/memory"
	"github.com/kokmeal/kokmeal/core/kok"
	"github.com/kokmeal/kokmeal/core/user"
	"github.com/kokmeal/kokmeal/migrations"
)

// env is a kok service behind the real router, on one backend.
type env struct {
	h       http.Handler
	svc     *kok.Service
	issuer  *jwt.Issuer
	newUser func(t *testing.T) int64
}

var t0 = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)

// fixture is a small catalogue with the traps search must handle.
func fixture() []kok.Product {
	p := func(id int64, name, brand, category, ingredient string, price int64, rate int, reviews int, kind kok.ProductKind) kok.Product {
		return kok.Product{ID: id, Name: name, Brand: brand, Store: brand + " 공식스토어", Category: category, Unit: "1개",
			Ingredient: ingredient, Price: price, DiscountRate: rate, ReviewScore: 4.5, ReviewCount: reviews, Kind: kind,
			CreatedAt: t0.Add(time.Duration(id) * time.Hour)}
	}
	return []kok.Product{
		p(1, "[비비고] 김치찌개 460g", "비비고", "간편식/국·탕·찌개", "", 5980, 10, 900, kok.KindReadyMeal),
		p(2, "[종가] 포기김치 1kg", "종가", "반찬/김치", "김치", 12900, 20, 1500, kok.KindIngredient),
		p(3, "국내산 깐마늘 1kg", "농협", "채소/마늘·양파", "마늘", 9900, 0, 300, kok.KindIngredient),
		p(4, "햇양파 3kg", "농협", "채소/마늘·양파", "양파", 6900, 30, 1200, kok.KindIngredient),
		p(5, "대파 1단", "농협", "채소/잎채소", "대파", 2990, 5, 800, kok.KindIngredient),
		p(6, "[CJ] 고추장 500g", "CJ", "양념/장류", "고추장", 4500, 15, 2000, kok.KindIngredient),
		p(7, "국산 고춧가루 500g", "농협", "양념/가루", "고춧가루", 15900, 25, 100, kok.KindIngredient),
		p(8, "스테인리스 냄비 24cm", "해피콜", "주방/조리도구", "", 39000, 40, 50, kok.KindNonFood),
		p(9, "양파링 과자 84g", "농심", "간식/과자", "", 1500, 0, 3000, kok.KindNonFood),
		p(10, "된장찌개 밀키트 2인분", "마이셰프", "간편식/밀키트", "", 8900, 10, 400, kok.KindReadyMeal),
		p(11, "무농약 양파 1.5kg", "초록마을", "채소/마늘·양파", "양파", 5900, 0, 20, kok.KindIngredient),
	}
}

func newEnv(t *testing.T, stores kok.Stores, newUser func(t *testing.T) int64) env {
	t.Helper()
	issuer, err := jwt.New(jwt.DefaultConfig(jwt.Secret(strings.Repeat("k", 32)), false))
	if err != nil {
		t.Fatal(err)
	}
	catalog := kok.NewCatalog(stores.Products)
	svc := kok.NewService(catalog, stores, kok.SystemClock{})
	if err := svc.ImportProducts.ImportProducts(context.Background(), fixture()); err != nil {
		t.Fatal(err)
	}
	authn := user.NewAuthenticate(issuer, user.SystemClock{})
	h := kit.NewHandler(kit.Config{Service: "kok"}, nil, nil, kokapi.New(svc, authn))
	return env{h: h, svc: svc, issuer: issuer, newUser: newUser}
}

func memoryEnv(t *testing.T) env {
	m := memory.NewMall()
	var n atomic.Int64
	return newEnv(t, kok.Stores{Products: m, Wishlist: m, Carts: m, Orders: m, Ownership: m}, func(*testing.T) int64 { return n.Add(1) })
}

func sqlEnv(t *testing.T, db *bun.DB) env {
	main := bunsql.MainDB{DB: db}
	m := bunsql.NewMall(main)
	users := bunsql.NewUserStore(main)
	var n atomic.Int64
	return newEnv(t, kok.Stores{Products: m, Wishlist: m, Carts: m, Orders: m, Ownership: m}, func(t *testing.T) int64 {
		u, err := users.Create(context.Background(), user.User{Email: fmt.Sprintf("http%d@example.com", n.Add(1)), Name: "김콕",
			PasswordHash: "x", Role: user.RoleUser, Preferences: user.Preferences{HouseholdSize: 1}, CreatedAt: t0, UpdatedAt: t0})
		if err != nil {
			t.Fatal(err)
		}
		return u.ID
	})
}

// backends runs fn on the in-memory stores and on bun over SQLite.
func backends(t *testing.T, fn func(t *testing.T, e env)) {
	t.Run("memory", func(t *testing.T) { fn(t, memoryEnv(t)) })
	t.Run("sqlite", func(t *testing.T) { fn(t, sqlEnv(t, dbtest.Open(t, dbtest.SQLite, migrations.Main))) })
}

func (e env) token(t *testing.T, uid int64) string {
	t.Helper()
	tok, _, err := e.issuer.IssueAccess(user.Claims{UserID: uid, Role: user.RoleUser}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

type reply struct {
	*httptest.ResponseRecorder
}

// do sends a request; header is name, value pairs ("auth", token sets the
// bearer).
func (e env) do(method, target, body string, header ...string) reply {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	r := httptest.NewRequest(method, target, rd)
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "auth" {
			r.Header.Set("Authorization", "Bearer "+header[i+1])
		} else {
			r.Header.Set(header[i], header[i+1])
		}
	}
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, r)
	return reply{w}
}

func (r reply) want(t *testing.T, status int) reply {
	t.Helper()
	if r.Code != status {
		t.Fatalf("status %d, want %d: %s", r.Code, status, r.Body)
	}
	return r
}

func (r reply) decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body.Bytes(), v); err != nil {
		t.Fatalf("decoding %q: %v", r.Body, err)
	}
}

// field asserts an error answer of status naming field.
func (r reply) field(t *testing.T, status int, field string) {
	t.Helper()
	r.want(t, status)
	var b kit.ErrorBody
	r.decode(t, &b)
	if _, ok := b.Error.Fields[field]; !ok {
		t.Fatalf("error does not name %q: %s", field, r.Body)
	}
}

func ids(ps []kokapi.Product) []int64 {
	out := make([]int64, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

func (e env) search(t *testing.T, query string) kit.List[kokapi.Product] {
	t.Helper()
	var l kit.List[kokapi.Product]
	e.do(http.MethodGet, "/api/v1/kok/products?"+query, "").want(t, http.StatusOK).decode(t, &l)
	return l
}

func TestEveryRouteIsDocumented(t *testing.T) {
	if err := kit.CheckDocumented(memoryEnv(t).h); err != nil {
		t.Fatal(err)
	}
}

func TestSearch(t *testing.T) {
	backends(t, func(t *testing.T, e env) {
		q := func(s string) string { return "q=" + url.QueryEscape(s) }
		first := func(t *testing.T, query string, want int64) {
			t.Helper()
			l := e.search(t, query)
			if len(l.Items) == 0 || l.Items[0].ID != want {
				t.Fatalf("%s: got %v, want %d first", query, ids(l.Items), want)
			}
		}
		first(t, q("김치찌개"), 1)
		first(t, q("김치 찌개"), 1) // spacing
		first(t, q("ㄱㅊㅉㄱ"), 1)  // 초성
		first(t, q("김치찌게"), 1)  // a typo in a 3+ syllable word
		// NFD 김치 is NFC 김치: the same results.
		if nfd, nfc := e.search(t, q("\u1100\u1175\u11b7\u110e\u1175")), e.search(t, q("김치")); fmt.Sprint(ids(nfd.Items)) != fmt.Sprint(ids(nfc.Items)) || nfc.Total != 2 {
			t.Fatalf("NFD 김치 %v, NFC %v", ids(nfd.Items), ids(nfc.Items))
		}
		first(t, q("비비고"), 1) // brand
		first(t, q("고추장"), 6)

		// Partial words: 찌개 inside 김치찌개 and 된장찌개, the shorter name first.
		if l := e.search(t, q("찌개")); fmt.Sprint(ids(l.Items)) != "[10 1]" {
			t.Fatalf("찌개: %v", ids(l.Items))
		}
		// Relevance: the whole word 양파 first, then 햇양파 (it sells 양파)
		// above 양파링 과자, then 깐마늘 by its category 마늘·양파.
		l := e.search(t, q("양파"))
		if fmt.Sprint(ids(l.Items)) != "[11 4 9 3]" || l.Total != 4 {
			t.Fatalf("양파: %v total %d", ids(l.Items), l.Total)
		}
		// Filters and sorts.
		l = e.search(t, "category="+url.QueryEscape("채소")+"&sort=price_asc")
		if fmt.Sprint(ids(l.Items)) != "[5 4 11 3]" || l.Total != 4 {
			t.Fatalf("채소 by price: %v", ids(l.Items))
		}
		l = e.search(t, "category="+url.QueryEscape("채소/마늘·양파")+"&sort=price_desc")
		if fmt.Sprint(ids(l.Items)) != "[3 11 4]" {
			t.Fatalf("채소/마늘·양파 by price desc: %v", ids(l.Items))
		}
		l = e.search(t, q("양파")+"&min_price=4000&max_price=5900&sort=discount")
		if fmt.Sprint(ids(l.Items)) != "[4 11]" { // 4: 6900 -30% = 4830
			t.Fatalf("양파 4000..5900 by discount: %v", ids(l.Items))
		}
		l = e.search(t, "sort=popular&size=2&page=2")
		if fmt.Sprint(ids(l.Items)) != "[2 4]" || l.Total != 11 || l.Page != 2 || l.Size != 2 {
			t.Fatalf("popular page 2: %v total %d", ids(l.Items), l.Total)
		}
		l = e.search(t, "sort=newest&size=1")
		if ids(l.Items)[0] != 11 {
			t.Fatalf("newest: %v", ids(l.Items))
		}
		if l := e.search(t, "category="+url.QueryEscape("없는분류")); l.Total != 0 || len(l.Items) != 0 {
			t.Fatalf("unknown category: %+v", l)
		}
		if l := e.search(t, q("없는상품이름")); l.Total != 0 || l.Items == nil {
			t.Fatalf("no match: %+v", l)
		}
		// A product answers with its prices and ingredient.
		l = e.search(t, q("햇양파"))
		if p := l.Items[0]; p.DiscountedPrice != 4830 || p.Ingredient != "양파" || p.Category != "채소/마늘·양파" || p.Kind != "ingredient" {
			t.Fatalf("product %+v", p)
		}
	})
}

func TestSearchRefusesBadInput(t *testing.T) {
	e := memoryEnv(t)
	for query, field := range map[string]string{
		"sort=cheap":                           "sort",
		"min_price=-1":                         "min_price",
		"max_price=100000001":                  "max_price",
		"max_price=abc":                        "max_price",
		"min_price=1.5":                        "min_price",
		"min_price=5000&max_price=4000":        "max_price",
		"page=0":                               "page",
		"page=10001":                           "page",
		"size=101":                             "size",
		"size=x":                               "size",
		"q=" + strings.Repeat("가", 101):        "q",
		"category=" + strings.Repeat("a", 101): "category",
	} {
		t.Run(query[:min(len(query), 20)], func(t *testing.T) {
			e.do(http.MethodGet, "/api/v1/kok/products?"+query, "").field(t, http.StatusUnprocessableEntity, field)
		})
	}
}

func TestProductAndCategories(t *testing.T) {
	backends(t, func(t *testing.T, e env) {
		var p kokapi.Product
		e.do(http.MethodGet, "/api/v1/kok/products/4", "").want(t, http.StatusOK).decode(t, &p)
		if p.Name != "햇양파 3kg" || p.Brand != "농협" || p.Store != "농협 공식스토어" || p.Price != 6900 || p.DiscountRate != 30 ||
			p.DiscountedPrice != 4830 || p.ReviewCount != 1200 || p.ReviewScore != 4.5 || p.Ingredient != "양파" {
			t.Fatalf("product 4: %+v", p)
		}
		e.do(http.MethodGet, "/api/v1/kok/products/999", "").want(t, http.StatusNotFound)
		e.do(http.MethodGet, "/api/v1/kok/products/abc", "").field(t, http.StatusUnprocessableEntity, "id")
		e.do(http.MethodGet, "/api/v1/kok/products/-3", "").field(t, http.StatusUnprocessableEntity, "id")

		var tree kokapi.CategoryTree
		e.do(http.MethodGet, "/api/v1/kok/categories", "").want(t, http.StatusOK).decode(t, &tree)
		if tree.Total != 11 {
			t.Fatalf("total %d", tree.Total)
		}
		for _, c := range tree.Categories {
			if c.Name == "채소" {
				if c.Count != 4 || len(c.Children) != 2 || c.Children[0].Path != "채소/마늘·양파" || c.Children[0].Count != 3 {
					t.Fatalf("채소: %+v", c)
				}
				return
			}
		}
		t.Fatalf("no 채소 in %+v", tree)
	})
}

func TestWishlist(t *testing.T) {
	backends(t, func(t *testing.T, e env) {
		uid := e.newUser(t)
		tok := e.token(t, uid)
		e.do(http.MethodGet, "/api/v1/kok/wishlist", "").want(t, http.StatusUnauthorized)
		e.do(http.MethodPut, "/api/v1/kok/wishlist/3", "").want(t, http.StatusUnauthorized)
		for _, id := range []string{"3", "4", "3"} {
			e.do(http.MethodPut, "/api/v1/kok/wishlist/"+id, "", "auth", tok).want(t, http.StatusNoContent)
		}
		e.do(http.MethodPut, "/api/v1/kok/wishlist/999", "", "auth", tok).want(t, http.StatusNotFound)
		e.do(http.MethodPut, "/api/v1/kok/wishlist/x", "", "auth", tok).field(t, http.StatusUnprocessableEntity, "product_id")
		var l kit.List[kokapi.WishItem]
		e.do(http.MethodGet, "/api/v1/kok/wishlist", "", "auth", tok).want(t, http.StatusOK).decode(t, &l)
		if l.Total != 2 || len(l.Items) != 2 || l.Items[0].Product.ID != 4 || l.Items[1].Product.Name != "국내산 깐마늘 1kg" {
			t.Fatalf("wishlist %+v", l)
		}
		e.do(http.MethodGet, "/api/v1/kok/wishlist?size=0", "", "auth", tok).field(t, http.StatusUnprocessableEntity, "size")
		for range 2 {
			e.do(http.MethodDelete, "/api/v1/kok/wishlist/4", "", "auth", tok).want(t, http.StatusNoContent)
		}
		other := e.token(t, e.newUser(t))
		e.do(http.MethodGet, "/api/v1/kok/wishlist", "", "auth", other).want(t, http.StatusOK).decode(t, &l)
		if l.Total != 0 {
			t.Fatalf("another user sees %d wishes", l.Total)
		}
		e.do(http.MethodGet, "/api/v1/kok/wishlist", "", "auth", tok).want(t, http.StatusOK).decode(t, &l)
		if l.Total != 1 || l.Items[0].Product.ID != 3 {
			t.Fatalf("after delete: %+v", l)
		}
	})
}

func (e env) cart(t *testing.T, tok string) kokapi.Cart {
	t.Helper()
	var c kokapi.Cart
	e.do(http.MethodGet, "/api/v1/kok/cart", "", "auth", tok).want(t, http.StatusOK).decode(t, &c)
	return c
}

func TestCart(t *testing.T) {
	backends(t, func(t *testing.T, e env) {
		tok := e.token(t, e.newUser(t))
		e.do(http.MethodGet, "/api/v1/kok/cart", "").want(t, http.StatusUnauthorized)
		if c := e.cart(t, tok); len(c.Items) != 0 || c.Total != 0 || c.Items == nil {
			t.Fatalf("new cart %+v", c)
		}
		var c kokapi.Cart
		e.do(http.MethodPost, "/api/v1/kok/cart/items", `{"product_id": 4, "quantity": 2}`, "auth", tok).want(t, http.StatusCreated).decode(t, &c)
		e.do(http.MethodPost, "/api/v1/kok/cart/items", `{"product_id": 4, "quantity": 3}`, "auth", tok).want(t, http.StatusOK).decode(t, &c)
		if len(c.Items) != 1 || c.Items[0].Quantity != 5 || c.Items[0].LineTotal != 5*4830 || c.Total != 5*4830 {
			t.Fatalf("merged cart %+v", c)
		}
		item := c.Items[0].ID

		// Bad input: each names its field, and the cart stays as it was.
		for body, field := range map[string]string{
			`{"product_id": 4, "quantity": 0}`:   "quantity",
			`{"product_id": 4, "quantity": -1}`:  "quantity",
			`{"product_id": 4, "quantity": 100}`: "quantity",
			`{"product_id": 4, "quantity": 95}`:  "quantity", // 5 + 95 > 99
			`{"product_id": 999, "quantity": 1}`: "product_id",
			`{"product_id": -4, "quantity": 1}`:  "product_id",
			`{"product_id": 4}`:                  "quantity",
		} {
			e.do(http.MethodPost, "/api/v1/kok/cart/items", body, "auth", tok).field(t, http.StatusUnprocessableEntity, field)
		}
		e.do(http.MethodPost, "/api/v1/kok/cart/items", `{"product_id": "4", "quantity": 1}`, "auth", tok).field(t, http.StatusBadRequest, "product_id")
		e.do(http.MethodPost, "/api/v1/kok/cart/items", `{"product_id": 4, "quantity": 1, "price": 0}`, "auth", tok).want(t, http.StatusBadRequest)
		e.do(http.MethodPost, "/api/v1/kok/cart/items", `{"product_id": 4,`, "auth", tok).want(t, http.StatusBadRequest)
		path := fmt.Sprintf("/api/v1/kok/cart/items/%d", item)
		e.do(http.MethodPatch, path, `{"quantity": 0}`, "auth", tok).field(t, http.StatusUnprocessableEntity, "quantity")
		e.do(http.MethodPatch, path, `{"quantity": 1000000}`, "auth", tok).field(t, http.StatusUnprocessableEntity, "quantity")
		e.do(http.MethodPatch, "/api/v1/kok/cart/items/abc", `{"quantity": 1}`, "auth", tok).field(t, http.StatusUnprocessableEntity, "item_id")
		if c := e.cart(t, tok); len(c.Items) != 1 || c.Items[0].Quantity != 5 {
			t.Fatalf("bad input changed the cart: %+v", c)
		}

		e.do(http.MethodPost, "/api/v1/kok/cart/items", `{"product_id": 5, "quantity": 1}`, "auth", tok).want(t, http.StatusCreated)
		e.do(http.MethodPatch, path, `{"quantity": 7}`, "auth", tok).want(t, http.StatusOK).decode(t, &c)
		if len(c.Items) != 2 || c.Items[0].Quantity != 7 || c.Items[1].Product.ID != 5 || c.Quantity != 8 || c.Total != 7*4830+2840 {
			t.Fatalf("after patch %+v", c)
		}
		other := e.token(t, e.newUser(t))
		e.do(http.MethodPatch, path, `{"quantity": 1}`, "auth", other).want(t, http.StatusNotFound)
		e.do(http.MethodDelete, path, "", "auth", other).want(t, http.StatusNotFound)
		e.do(http.MethodDelete, path, "", "auth", tok).want(t, http.StatusNoContent)
		e.do(http.MethodDelete, path, "", "auth", tok).want(t, http.StatusNotFound)
		if c := e.cart(t, tok); len(c.Items) != 1 || c.Items[0].Product.ID != 5 {
			t.Fatalf("after delete %+v", c)
		}
	})
}

func (e env) orders(t *testing.T, tok string) kit.List[kokapi.Order] {
	t.Helper()
	var l kit.List[kokapi.Order]
	e.do(http.MethodGet, "/api/v1/kok/orders", "", "auth", tok).want(t, http.StatusOK).decode(t, &l)
	return l
}

func TestOrders(t *testing.T) {
	backends(t, func(t *testing.T, e env) {
		uid := e.newUser(t)
		tok := e.token(t, uid)
		e.do(http.MethodPost, "/api/v1/kok/orders", "", "auth", tok).field(t, http.StatusBadRequest, "Idempotency-Key")
		e.do(http.MethodPost, "/api/v1/kok/orders", "", "auth", tok, "Idempotency-Key", "k0").field(t, http.StatusUnprocessableEntity, "cart")
		e.do(http.MethodPost, "/api/v1/kok/orders", "", "auth", tok, "Idempotency-Key", strings.Repeat("k", 129)).field(t, http.StatusUnprocessableEntity, "Idempotency-Key")
		e.do(http.MethodPost, "/api/v1/kok/orders", "", "Idempotency-Key", "k0").want(t, http.StatusUnauthorized)

		e.do(http.MethodPost, "/api/v1/kok/cart/items", `{"product_id": 4, "quantity": 2}`, "auth", tok).want(t, http.StatusCreated)
		e.do(http.MethodPost, "/api/v1/kok/cart/items", `{"product_id": 1, "quantity": 1}`, "auth", tok).want(t, http.StatusCreated)
		total := int64(2*4830 + 5380)

		// A total the shopper did not see orders nothing.
		e.do(http.MethodPost, "/api/v1/kok/orders", `{"expected_total": 100}`, "auth", tok, "Idempotency-Key", "k1").want(t, http.StatusConflict)
		e.do(http.MethodPost, "/api/v1/kok/orders", `{"memo": "a\u0000b"}`, "auth", tok, "Idempotency-Key", "k1").field(t, http.StatusUnprocessableEntity, "memo")
		e.do(http.MethodPost, "/api/v1/kok/orders", `{"expected_total": -1}`, "auth", tok, "Idempotency-Key", "k1").field(t, http.StatusUnprocessableEntity, "expected_total")
		if c := e.cart(t, tok); len(c.Items) != 2 {
			t.Fatalf("a refused order touched the cart: %+v", c)
		}
		if l := e.orders(t, tok); l.Total != 0 {
			t.Fatalf("a refused order was recorded: %+v", l)
		}

		body := fmt.Sprintf(`{"memo": "문 앞에 놓아 주세요 🙏", "expected_total": %d}`, total)
		first := e.do(http.MethodPost, "/api/v1/kok/orders", body, "auth", tok, "Idempotency-Key", "k1").want(t, http.StatusCreated)
		var o kokapi.Order
		first.decode(t, &o)
		if o.Total != total || o.Status != "placed" || o.Memo != "문 앞에 놓아 주세요 🙏" || len(o.Items) != 2 || o.Items[0].Name != "햇양파 3kg" ||
			o.Items[0].SalePrice != 4830 || o.Items[0].Total != 9660 || o.Quantity != 3 {
			t.Fatalf("order %+v", o)
		}
		if first.Header().Get(kokapi.ReplayedHeader) != "" {
			t.Fatal("a first answer says it is a replay")
		}
		if c := e.cart(t, tok); len(c.Items) != 0 {
			t.Fatalf("cart not emptied: %+v", c)
		}
		// The same key and body: the same answer, even with a new cart.
		e.do(http.MethodPost, "/api/v1/kok/cart/items", `{"product_id": 5, "quantity": 1}`, "auth", tok).want(t, http.StatusCreated)
		again := e.do(http.MethodPost, "/api/v1/kok/orders", body, "auth", tok, "Idempotency-Key", "k1").want(t, http.StatusCreated)
		if again.Body.String() != first.Body.String() || again.Header().Get(kokapi.ReplayedHeader) != "true" {
			t.Fatalf("replay answered %s, first %s", again.Body, first.Body)
		}
		// The same key with another body is refused.
		e.do(http.MethodPost, "/api/v1/kok/orders", `{"memo": "다른 요청"}`, "auth", tok, "Idempotency-Key", "k1").field(t, http.StatusUnprocessableEntity, "Idempotency-Key")
		if c := e.cart(t, tok); len(c.Items) != 1 {
			t.Fatalf("replays touched the cart: %+v", c)
		}

		// History keeps prices at order time.
		dearer := fixture()[3]
		dearer.Price = 99000
		if err := e.svc.ImportProducts.ImportProducts(context.Background(), []kok.Product{dearer}); err != nil {
			t.Fatal(err)
		}
		e.do(http.MethodPost, "/api/v1/kok/orders", "", "auth", tok, "Idempotency-Key", "k2").want(t, http.StatusCreated)
		l := e.orders(t, tok)
		if l.Total != 2 || len(l.Items) != 2 || l.Items[1].ID != o.ID || l.Items[1].Items[0].SalePrice != 4830 || l.Items[0].Items[0].ProductID != 5 {
			t.Fatalf("history %+v", l)
		}
		e.do(http.MethodGet, "/api/v1/kok/orders?page=0", "", "auth", tok).field(t, http.StatusUnprocessableEntity, "page")

		// What the recipe service asks.
		owned, err := e.svc.Owned.OwnedIngredients(context.Background(), uid)
		if err != nil || !owned["양파"] || !owned["대파"] || len(owned) != 2 {
			t.Fatalf("owned %v %v", owned, err)
		}
	})
}

// TestOneOrderPerKeyUnderConcurrency sends 50 concurrent orders with one
// key through the router, on every backend.
func TestOneOrderPerKeyUnderConcurrency(t *testing.T) {
	run := func(t *testing.T, e env) {
		tok := e.token(t, e.newUser(t))
		e.do(http.MethodPost, "/api/v1/kok/cart/items", `{"product_id": 3, "quantity": 2}`, "auth", tok).want(t, http.StatusCreated)
		var (
			wg     sync.WaitGroup
			mu     sync.Mutex
			bodies = map[string]int{}
			codes  = map[int]int{}
		)
		for range 50 {
			wg.Go(func() {
				r := e.do(http.MethodPost, "/api/v1/kok/orders", `{"memo": "한 번만"}`, "auth", tok, "Idempotency-Key", "burst-1")
				mu.Lock()
				defer mu.Unlock()
				codes[r.Code]++
				bodies[r.Body.String()]++
			})
		}
		wg.Wait()
		if codes[http.StatusCreated] != 50 || len(bodies) != 1 {
			t.Fatalf("codes %v, %d distinct bodies: %v", codes, len(bodies), bodies)
		}
		if l := e.orders(t, tok); l.Total != 1 {
			t.Fatalf("%d orders, want 1", l.Total)
		}
		if c := e.cart(t, tok); len(c.Items) != 0 {
			t.Fatalf("cart %+v", c)
		}
	}
	t.Run("memory", func(t *testing.T) { run(t, memoryEnv(t)) })
	for _, engine := range dbtest.Engines() {
		t.Run(engine, func(t *testing.T) { run(t, sqlEnv(t, dbtest.Open(t, engine, migrations.Main))) })
	}
}
