package recipe_test

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/kokmeal/kokmeal/adapters/recipedata"
	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/recipe"
)

var (
	fuzzOnce sync.Once
	fuzzSvc  *recipe.Service
)

// FuzzQueries feeds arbitrary text to search and by-ingredients: each
// answers a result or an *errs.Invalid, never another error or a panic, so
// the HTTP layer never has a 500 to give.
func FuzzQueries(f *testing.F) {
	for _, s := range []string{"김치찌개", "김치 찌개", "ㄱㅊㅉㄱ", "김ㅊ", "된장찌게", "대파(흰부분)", "  ", "\xff\xfe", "ㅋ", strings.Repeat("가", 120), "[양념] 소금, 후추"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, q, ing string) {
		fuzzOnce.Do(func() {
			rs, err := recipedata.Load()
			if err != nil {
				t.Fatal(err)
			}
			cat := recipe.NewCatalogOf(rs)
			fuzzSvc = recipe.NewService(cat, nil, nil, nil, nil, nil, nil, nil, recipe.SystemClock{})
		})
		check := func(err error) {
			var inv *errs.Invalid
			if err != nil && !errors.As(err, &inv) {
				t.Fatalf("%q/%q: %v", q, ing, err)
			}
		}
		res, err := fuzzSvc.Search.Handle(ctx, recipe.SearchInput{Q: q, Ingredients: []string{ing}})
		check(err)
		if err == nil && len(res.Items) > res.Page.Size {
			t.Fatalf("page of %d", len(res.Items))
		}
		_, err = fuzzSvc.ByIngredients.Handle(ctx, recipe.ByIngredientsInput{Ingredients: []string{q, ing}, Exclude: []string{ing}})
		check(err)
	})
}
