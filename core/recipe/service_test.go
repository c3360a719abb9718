package recipe_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kokmeal/kokmeal/adapters/memory"
	"github.com/kokmeal/kokmeal/adapters/recipedata"
	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/homeshopping"
	"github.com/kokmeal/kokmeal/core/kok"
	"github.com/kokmeal/kokmeal/core/recipe"
	"github.com/kokmeal/kokmeal/core/user"
)

var ctx = context.Background()

type fixedClock struct{ t time.Time }

func (c fixedClock) Now() time.Time { return c.t }

var now = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

type prefs map[int64][]string

func (p prefs) Preferences(_ context.Context, id int64) ([]string, error) { return p[id], nil }

type products map[string][]kok.Product

func (p products) ByIngredient(_ context.Context, ing string, limit int) ([]kok.Product, error) {
	ps := slices.Clone(p[ing])
	slices.SortFunc(ps, func(a, b kok.Product) int { return int(a.DiscountedPrice() - b.DiscountedPrice()) })
	return ps[:min(len(ps), limit)], nil
}

type broadcasts map[string][]homeshopping.Broadcast

func (b broadcasts) UpcomingByIngredient(_ context.Context, ing string, from time.Time, limit int) ([]homeshopping.Broadcast, error) {
	var out []homeshopping.Broadcast
	for _, x := range b[ing] {
		if x.EndsAt.After(from) {
			out = append(out, x)
		}
	}
	return out[:min(len(out), limit)], nil
}

type owned map[int64]map[string]bool

func (o owned) OwnedIngredients(_ context.Context, id int64) (map[string]bool, error) {
	return o[id], nil
}

type deps struct {
	prefs      recipe.UserPreferences
	products   recipe.ProductsByIngredient
	broadcasts recipe.BroadcastsByIngredient
	owned      recipe.OwnedIngredients
}

// newService is the service over the in-memory store, seeded with the real
// recipes.
func newService(t testing.TB, d deps) (*recipe.Service, *memory.Recipes) {
	t.Helper()
	store := memory.NewRecipes()
	cat, err := recipe.NewCatalog(ctx, store)
	if err != nil {
		t.Fatal(err)
	}
	svc := recipe.NewService(cat, store, store, store, d.prefs, d.products, d.broadcasts, d.owned, fixedClock{now})
	if err := recipedata.Seed(ctx, svc.Import); err != nil {
		t.Fatal(err)
	}
	return svc, store
}

func names(rs []recipe.Recipe) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Name
	}
	return out
}

func fieldsOf(t *testing.T, err error) map[string]string {
	t.Helper()
	var inv *errs.Invalid
	if !errors.As(err, &inv) {
		t.Fatalf("got %v, want *errs.Invalid", err)
	}
	return inv.Fields
}

func intp(v int) *int { return &v }

func TestSearch(t *testing.T) {
	svc, _ := newService(t, deps{})
	search := func(in recipe.SearchInput) recipe.SearchResult {
		t.Helper()
		res, err := svc.Search.Handle(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}

	t.Run("spacing-insensitive, exact name first", func(t *testing.T) {
		for _, q := range []string{"김치찌개", "김치 찌개", "ㄱㅊㅉㄱ"} {
			res := search(recipe.SearchInput{Q: q})
			if res.Total == 0 || res.Items[0].Name != "김치찌개" {
				t.Fatalf("%q: %v", q, names(res.Items))
			}
		}
	})
	t.Run("typo tolerant for 3+ syllables", func(t *testing.T) {
		res := search(recipe.SearchInput{Q: "김치찌게"})
		if !slices.Contains(names(res.Items), "김치찌개") {
			t.Fatalf("김치찌게: %v", names(res.Items))
		}
	})
	t.Run("ingredients, summary and filters", func(t *testing.T) {
		res := search(recipe.SearchInput{Ingredients: []string{"두부", "대파(흰부분)"}, Cuisine: "한식", MaxMinutes: intp(30), Page: recipe.Page{Size: 100}})
		if res.Total == 0 {
			t.Fatal("no recipe with 두부 and 대파 in 30 minutes")
		}
		for _, r := range res.Items {
			keys := make([]string, 0, len(r.Ingredients))
			for _, in := range r.Ingredients {
				keys = append(keys, in.Key)
			}
			if !slices.Contains(keys, "두부") || !slices.Contains(keys, "대파") || r.Cuisine != "한식" || r.Minutes > 30 {
				t.Fatalf("%s (%s, %d분) %v", r.Name, r.Cuisine, r.Minutes, keys)
			}
		}
		if search(recipe.SearchInput{Ingredients: []string{"두부", "없는재료"}}).Total != 0 {
			t.Fatal("an unknown ingredient matched")
		}
	})
	t.Run("sorts and pages without overlap", func(t *testing.T) {
		all := search(recipe.SearchInput{Sort: recipe.SortMinutes, Page: recipe.Page{Size: 100}})
		if all.Total != 537 {
			t.Fatalf("total %d, want 537", all.Total)
		}
		if !slices.IsSortedFunc(all.Items, func(a, b recipe.Recipe) int { return a.Minutes - b.Minutes }) {
			t.Fatal("not quickest first")
		}
		byName := search(recipe.SearchInput{Sort: recipe.SortName, Level: "어려움", Page: recipe.Page{Size: 100}})
		if !slices.IsSortedFunc(byName.Items, func(a, b recipe.Recipe) int { return strings.Compare(a.Name, b.Name) }) {
			t.Fatal("not in name order")
		}
		seen := map[int64]bool{}
		for p := 1; p <= 6; p++ {
			res := search(recipe.SearchInput{Q: "김치", Page: recipe.Page{Page: p, Size: 10}})
			for _, r := range res.Items {
				if seen[r.ID] {
					t.Fatalf("recipe %d on two pages", r.ID)
				}
				seen[r.ID] = true
			}
		}
	})
	t.Run("bad input names the field", func(t *testing.T) {
		_, err := svc.Search.Handle(ctx, recipe.SearchInput{
			Q: strings.Repeat("김", 101), Cuisine: "프랑스식", Level: "최상", MaxMinutes: intp(0), Sort: "price",
			Ingredients: []string{" "}, Page: recipe.Page{Page: -1, Size: 101},
		})
		f := fieldsOf(t, err)
		for _, k := range []string{"q", "cuisine", "level", "max_minutes", "sort", "ingredient", "page", "size"} {
			if f[k] == "" {
				t.Errorf("no reason for %s in %v", k, f)
			}
		}
	})
}

func TestGetAndRate(t *testing.T) {
	svc, _ := newService(t, deps{})
	r, err := svc.Get.Handle(ctx, 56)
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "김치찌개" || r.Source != recipe.SourceMAFRA || len(r.Ingredients) != 9 || r.Ingredients[0].Name != "배추김치" {
		t.Fatalf("recipe 56: %+v", r)
	}
	if _, err := svc.Get.Handle(ctx, 999999); !errors.Is(err, errs.ErrNotFound) {
		t.Fatalf("unknown recipe: %v", err)
	}

	agg, err := svc.Rate.Handle(ctx, recipe.RateInput{UserID: 1, RecipeID: 56, Stars: 5})
	if err != nil || agg != (recipe.Rating{Count: 1, Sum: 5}) {
		t.Fatalf("rate: %+v %v", agg, err)
	}
	if _, err := svc.Rate.Handle(ctx, recipe.RateInput{UserID: 2, RecipeID: 56, Stars: 2}); err != nil {
		t.Fatal(err)
	}
	after, _ := svc.Get.Handle(ctx, 56)
	if after.Rating.Average() != 3.5 || after.Rev == r.Rev {
		t.Fatalf("after rating: %+v rev %d → %d", after.Rating, r.Rev, after.Rev)
	}
	top, _ := svc.Search.Handle(ctx, recipe.SearchInput{Sort: recipe.SortRating, Page: recipe.Page{Size: 1}})
	if top.Items[0].ID != 56 {
		t.Fatalf("best rated is %d", top.Items[0].ID)
	}
	for _, stars := range []int{0, 6, -1} {
		if f := fieldsOf(t, mustErr(svc.Rate.Handle(ctx, recipe.RateInput{UserID: 1, RecipeID: 56, Stars: stars}))); f["rating"] == "" {
			t.Fatalf("stars %d: %v", stars, f)
		}
	}
	if _, err := svc.Rate.Handle(ctx, recipe.RateInput{UserID: 1, RecipeID: 999999, Stars: 3}); !errors.Is(err, errs.ErrNotFound) {
		t.Fatalf("rating an unknown recipe: %v", err)
	}

	// Re-importing keeps the ratings and refreshes the catalogue.
	if err := recipedata.Seed(ctx, svc.Import); err != nil {
		t.Fatal(err)
	}
	if again, _ := svc.Get.Handle(ctx, 56); again.Rating != (recipe.Rating{Count: 2, Sum: 7}) {
		t.Fatalf("after re-import: %+v", again.Rating)
	}
}

func mustErr[T any](_ T, err error) error { return err }

func TestConcurrentRatingsKeepTheLastAggregate(t *testing.T) {
	svc, _ := newService(t, deps{})
	var wg sync.WaitGroup
	for u := range 20 {
		wg.Go(func() {
			if _, err := svc.Rate.Handle(ctx, recipe.RateInput{UserID: int64(u + 1), RecipeID: 1, Stars: 1 + u%5}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	r, _ := svc.Get.Handle(ctx, 1)
	if r.Rating != (recipe.Rating{Count: 20, Sum: 60}) {
		t.Fatalf("rating %+v, want 20 ratings summing to 60", r.Rating)
	}
}

func TestByIngredients(t *testing.T) {
	svc, _ := newService(t, deps{prefs: prefs{7: {"돼지고기", "새우"}}})
	rank := func(in recipe.ByIngredientsInput) recipe.ByIngredientsResult {
		t.Helper()
		res, err := svc.ByIngredients.Handle(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}

	have := []string{"배추김치", "돼기고기", "가래떡", "대파", "다진마늘", "고춧가루"}
	res := rank(recipe.ByIngredientsInput{Ingredients: have, Page: recipe.Page{Size: 50}})
	if res.Total == 0 || res.Items[0].Recipe.ID != 56 {
		t.Fatalf("first is %v", res.Items)
	}
	first := res.Items[0]
	if len(first.Missing) != 3 || len(first.Matched) != 6 {
		t.Fatalf("matched %d missing %d", len(first.Matched), len(first.Missing))
	}
	// 3 main (9) + 대파 sub (2) + 2 seasonings (2) of 9 + 2 (대파, 육수) + 4 = 15 + ... weights.
	if first.Coverage <= 0.7 || first.Coverage >= 1 {
		t.Fatalf("coverage %v", first.Coverage)
	}
	for i := 1; i < len(res.Items); i++ {
		if res.Items[i].Coverage > res.Items[i-1].Coverage {
			t.Fatalf("not ranked by coverage at %d", i)
		}
	}

	t.Run("main ingredients weigh more than seasonings", func(t *testing.T) {
		main := rank(recipe.ByIngredientsInput{Ingredients: []string{"배추김치"}, Page: recipe.Page{Size: 100}})
		season := rank(recipe.ByIngredientsInput{Ingredients: []string{"생강즙"}, Page: recipe.Page{Size: 100}})
		cov := func(r recipe.ByIngredientsResult, id int64) float64 {
			for _, m := range r.Items {
				if m.Recipe.ID == id {
					return m.Coverage
				}
			}
			t.Fatalf("recipe %d not ranked", id)
			return 0
		}
		if cov(main, 56) <= 2*cov(season, 56) {
			t.Fatalf("배추김치 %v vs 생강즙 %v", cov(main, 56), cov(season, 56))
		}
	})
	t.Run("exclude and the user's allergies leave recipes out", func(t *testing.T) {
		ex := rank(recipe.ByIngredientsInput{Ingredients: have, Exclude: []string{"가래떡"}, Page: recipe.Page{Size: 100}})
		for _, m := range ex.Items {
			for _, in := range m.Recipe.Ingredients {
				if in.Key == "가래떡" {
					t.Fatalf("%s has 가래떡", m.Recipe.Name)
				}
			}
		}
		mine := rank(recipe.ByIngredientsInput{UserID: 7, Ingredients: []string{"대파", "양파", "새우"}, Page: recipe.Page{Size: 100}})
		if !slices.Equal(mine.Avoided, []string{"돼지고기", "새우"}) {
			t.Fatalf("avoided %v", mine.Avoided)
		}
		for _, m := range mine.Items {
			for _, in := range m.Recipe.Ingredients {
				if strings.Contains(in.Key, "새우") || strings.Contains(in.Key, "돼지고기") {
					t.Fatalf("%s has %s", m.Recipe.Name, in.Name)
				}
			}
		}
		anon := rank(recipe.ByIngredientsInput{Ingredients: []string{"대파", "양파", "새우"}, Page: recipe.Page{Size: 1}})
		if anon.Total <= mine.Total {
			t.Fatalf("anonymous %d, user 7 %d", anon.Total, mine.Total)
		}
	})
	t.Run("water is at hand", func(t *testing.T) {
		res := rank(recipe.ByIngredientsInput{Ingredients: []string{"물"}})
		if res.Total != 0 {
			t.Fatalf("water alone ranked %d recipes", res.Total)
		}
	})
	t.Run("bad input names the field", func(t *testing.T) {
		f := fieldsOf(t, mustErr(svc.ByIngredients.Handle(ctx, recipe.ByIngredientsInput{Exclude: make([]string, 51), Page: recipe.Page{Size: 1000}})))
		for _, k := range []string{"ingredients", "exclude", "size"} {
			if f[k] == "" {
				t.Errorf("no reason for %s in %v", k, f)
			}
		}
	})
}

func TestRecipeProducts(t *testing.T) {
	p := func(id int64, name string, price int64, rate int) kok.Product {
		return kok.Product{ID: id, Name: name, Price: price, DiscountRate: rate, Kind: kok.KindIngredient}
	}
	svc, _ := newService(t, deps{
		products: products{
			"배추김치": {p(1, "[종가] 포기김치 1kg", 12000, 0), p(2, "[비비고] 배추김치 900g", 15000, 30)},
			"대파":   {p(3, "국내산 대파 1단", 3000, 10)},
		},
		broadcasts: broadcasts{
			"배추김치": {
				{ID: 9, Title: "김장 특집", StartsAt: now.Add(2 * time.Hour), EndsAt: now.Add(3 * time.Hour)},
				{ID: 8, Title: "지난 방송", StartsAt: now.Add(-3 * time.Hour), EndsAt: now.Add(-2 * time.Hour)},
				{ID: 7, Title: "방송 중", StartsAt: now.Add(-time.Hour), EndsAt: now.Add(time.Hour)},
			},
		},
		owned: owned{5: {"대파": true}},
	})
	res, err := svc.Products.Handle(ctx, recipe.ProductsInput{UserID: 5, RecipeID: 56})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Offers) != 9 {
		t.Fatalf("%d offers, want 9", len(res.Offers))
	}
	kimchi, pa := res.Offers[0], res.Offers[3]
	if kimchi.Ingredient.Key != "배추김치" || kimchi.Products[0].ID != 2 || kimchi.Products[1].ID != 1 {
		t.Fatalf("kimchi offer not cheapest first: %+v", kimchi.Products)
	}
	if len(kimchi.Broadcasts) != 2 || kimchi.Broadcasts[0].ID != 7 || kimchi.Broadcasts[1].ID != 9 {
		t.Fatalf("broadcasts %+v", kimchi.Broadcasts)
	}
	if !pa.Owned || kimchi.Owned {
		t.Fatalf("owned: 대파 %v, 배추김치 %v", pa.Owned, kimchi.Owned)
	}
	if res.MissingCost != 10500 { // 15000 × 0.7; 대파 is owned
		t.Fatalf("missing cost %d", res.MissingCost)
	}
	anon, _ := svc.Products.Handle(ctx, recipe.ProductsInput{RecipeID: 56, Limit: 1})
	if anon.Offers[3].Owned || len(anon.Offers[0].Products) != 1 || anon.MissingCost != 10500+2700 {
		t.Fatalf("anonymous: %+v", anon)
	}
	if _, err := svc.Products.Handle(ctx, recipe.ProductsInput{RecipeID: 999999}); !errors.Is(err, errs.ErrNotFound) {
		t.Fatalf("unknown recipe: %v", err)
	}
	if f := fieldsOf(t, mustErr(svc.Products.Handle(ctx, recipe.ProductsInput{RecipeID: 56, Limit: 11}))); f["limit"] == "" {
		t.Fatal(f)
	}
}

func TestBookmarks(t *testing.T) {
	svc, _ := newService(t, deps{})
	for _, id := range []int64{56, 1, 56} {
		if err := svc.PutBookmark.Handle(ctx, 3, id); err != nil {
			t.Fatal(err)
		}
	}
	if err := svc.PutBookmark.Handle(ctx, 3, 999999); !errors.Is(err, errs.ErrNotFound) {
		t.Fatalf("unknown recipe: %v", err)
	}
	res, err := svc.Bookmarks.Handle(ctx, 3, recipe.Page{})
	if err != nil || res.Total != 2 || len(res.Items) != 2 || !res.Items[0].SavedAt.Equal(now) {
		t.Fatalf("bookmarks %+v %v", res, err)
	}
	for range 2 {
		if err := svc.DeleteBookmark.Handle(ctx, 3, 56); err != nil {
			t.Fatal(err)
		}
	}
	if res, _ := svc.Bookmarks.Handle(ctx, 3, recipe.Page{}); res.Total != 1 || res.Items[0].Recipe.ID != 1 {
		t.Fatalf("after delete %+v", res)
	}
	if f := fieldsOf(t, mustErr(svc.Bookmarks.Handle(ctx, 3, recipe.Page{Page: 10001}))); f["page"] == "" {
		t.Fatal(f)
	}
}

func TestImportValidatesEverythingAndWritesNothing(t *testing.T) {
	svc, store := newService(t, deps{})
	good, _ := svc.Get.Handle(ctx, 56)
	bad := good
	bad.ID, bad.Name, bad.Cuisine, bad.Minutes = 0, " ", "프랑스식", -1
	bad.Ingredients = []recipe.Ingredient{{Seq: 1, Name: "", Kind: "garnish"}}
	bad.Steps = []recipe.Step{{No: 0, Text: ""}}
	renamed := good
	renamed.Name = "바뀐 이름"
	f := fieldsOf(t, svc.Import.Handle(ctx, []recipe.Recipe{renamed, bad}))
	for _, k := range []string{"recipes[1].id", "recipes[1].name", "recipes[1].cuisine", "recipes[1].minutes",
		"recipes[1].ingredients[0].name", "recipes[1].ingredients[0].kind", "recipes[1].steps[0].no", "recipes[1].steps[0].text"} {
		if f[k] == "" {
			t.Errorf("no reason for %s in %v", k, f)
		}
	}
	all, _ := store.All(ctx)
	for _, r := range all {
		if r.ID == 56 && r.Name != "김치찌개" {
			t.Fatal("a failed import wrote")
		}
	}
}

func TestUsersPreferences(t *testing.T) {
	accounts := memory.NewAccounts()
	u, err := accounts.Users().Create(ctx, user.User{Email: "a@example.com", Name: "김콕", Role: user.RoleUser,
		Preferences: user.Preferences{Allergies: []string{"땅콩", "새우"}, DislikedIngredients: []string{"오이"}}})
	if err != nil {
		t.Fatal(err)
	}
	p := recipe.NewUsersPreferences(accounts.Users())
	if avoid, err := p.Preferences(ctx, u.ID); err != nil || !slices.Equal(avoid, []string{"땅콩", "새우", "오이"}) {
		t.Fatalf("avoid %v %v", avoid, err)
	}
	if avoid, err := p.Preferences(ctx, 999); err != nil || len(avoid) != 0 {
		t.Fatalf("unknown user: %v %v", avoid, err)
	}
}
