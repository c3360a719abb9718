// Package recipetest holds the contract suite every adapter of the recipe
// stores must pass: the in-memory adapter and bun on SQLite, MariaDB and
// PostgreSQL run the very same tests.
package recipetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/recipe"
)

// Stores is one adapter's stores over the same storage.
type Stores struct {
	Recipes   recipe.RecipeStore
	Ratings   recipe.RatingStore
	Bookmarks recipe.BookmarkStore
	// NewUser makes an account that ratings and bookmarks may refer to
	// (SQL adapters keep users in a table the recipe tables reference).
	NewUser func(t *testing.T) int64
}

var t0 = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

// Subtests may share one database: each takes its own block of recipe IDs
// and reads back only those.
var nextBase atomic.Int64

func idBlock() int64 { return 1_000_000 + nextBase.Add(1)*10_000 }

// Sample builds a recipe with Korean text, parsed amounts, every kind and
// a few steps; base+n is its ID.
func Sample(id int64, name string) recipe.Recipe {
	ing := func(seq int, n, amount string, k recipe.Kind) recipe.Ingredient {
		return recipe.Ingredient{Seq: seq, Name: n, Key: recipe.IngredientKey(n), Amount: recipe.ParseAmount(amount), Kind: k}
	}
	return recipe.Recipe{
		ID: id, Name: name, Summary: "얼큰하고 시원한 국물 🍲 \"따옴표\" 'quote' \\ 백슬래시",
		Cuisine: "한식", Level: "보통", Minutes: 40, Source: recipe.SourceMAFRA,
		Ingredients: []recipe.Ingredient{
			ing(1, "돼지고기(목살)", "200g", recipe.KindMain),
			ing(2, "김치", "1/4포기", recipe.KindMain),
			ing(3, "두부", "1/2모", recipe.KindSub),
			ing(4, "대파(흰부분)", "1~2대", recipe.KindSub),
			ing(5, "고춧가루", "1.5큰술", recipe.KindSeasoning),
			ing(6, "소금", "약간", recipe.KindSeasoning),
		},
		Steps: []recipe.Step{
			{No: 1, Text: "돼지고기는 한입 크기로 썬다.", Tip: "기름기가 있는 부위가 좋다."},
			{No: 2, Text: "냄비에 김치와 고기를 볶는다.", Tip: ""},
			{No: 3, Text: "물을 붓고 끓이다가 두부와 대파를 넣는다.", Tip: "센 불 → 중불"},
		},
	}
}

// NFD spells Hangul syllables as conjoining jamo, as macOS file names and
// some keyboards send them: a store must keep them as given.
func NFD(s string) string {
	var out []rune
	for _, r := range s {
		if r < 0xAC00 || r > 0xD7A3 {
			out = append(out, r)
			continue
		}
		i := r - 0xAC00
		out = append(out, 0x1100+i/588, 0x1161+i%588/28)
		if t := i % 28; t > 0 {
			out = append(out, 0x11A7+t)
		}
	}
	return string(out)
}

// Run runs every contract test against fresh stores from open.
func Run(t *testing.T, open func(t *testing.T) Stores) {
	t.Run("RecipeStore", func(t *testing.T) { RunRecipeStore(t, open) })
	t.Run("RatingStore", func(t *testing.T) { RunRatingStore(t, open) })
	t.Run("BookmarkStore", func(t *testing.T) { RunBookmarkStore(t, open) })
}

// mine answers the recipes of All whose IDs are in [base, base+10000).
func mine(t *testing.T, s recipe.RecipeStore, base int64) []recipe.Recipe {
	t.Helper()
	all, err := s.All(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.IsSortedFunc(all, func(a, b recipe.Recipe) int { return int(a.ID - b.ID) }) {
		t.Fatal("All is not ordered by ID")
	}
	var out []recipe.Recipe
	for _, r := range all {
		if r.ID >= base && r.ID < base+10_000 {
			out = append(out, r)
		}
	}
	return out
}

func sameRecipe(t *testing.T, got, want recipe.Recipe) {
	t.Helper()
	want.Rev, got.Rev = 0, 0
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("read back\n%+v\nwant\n%+v", got, want)
	}
}

// RunRecipeStore is the RecipeStore contract.
func RunRecipeStore(t *testing.T, open func(t *testing.T) Stores) {
	ctx := context.Background()

	t.Run("import then read back byte-exact, Korean included", func(t *testing.T) {
		s, base := open(t), idBlock()
		a := Sample(base+2, "김치찌개")
		b := Sample(base+1, "된장찌개")
		b.Name = NFD("된장찌개") // must come back decomposed, not composed
		b.Ingredients = b.Ingredients[:2]
		b.Ingredients[0].Seq, b.Ingredients[1].Seq = 7, 3 // read back by Seq
		b.Steps = []recipe.Step{{No: 2, Text: "둘"}, {No: 1, Text: "하나"}}
		b.Cuisine, b.Level, b.Minutes, b.Source = "일식", "어려움", 0, ""
		if err := s.Recipes.Import(ctx, []recipe.Recipe{a, b}); err != nil {
			t.Fatal(err)
		}
		got := mine(t, s.Recipes, base)
		if len(got) != 2 {
			t.Fatalf("read back %d recipes, want 2", len(got))
		}
		b.Ingredients[0], b.Ingredients[1] = b.Ingredients[1], b.Ingredients[0]
		b.Steps[0], b.Steps[1] = b.Steps[1], b.Steps[0]
		sameRecipe(t, got[0], b)
		sameRecipe(t, got[1], a)
	})

	t.Run("import again replaces content and keeps ratings and bookmarks", func(t *testing.T) {
		s, base := open(t), idBlock()
		r := Sample(base+1, "김치찌개")
		if err := s.Recipes.Import(ctx, []recipe.Recipe{r}); err != nil {
			t.Fatal(err)
		}
		uid := s.NewUser(t)
		if _, err := s.Ratings.Rate(ctx, uid, r.ID, 4, t0); err != nil {
			t.Fatal(err)
		}
		if err := s.Bookmarks.PutBookmark(ctx, recipe.Bookmark{UserID: uid, RecipeID: r.ID, CreatedAt: t0}); err != nil {
			t.Fatal(err)
		}
		r.Name, r.Summary = "돼지고기 김치찌개", ""
		r.Ingredients = r.Ingredients[:3]
		r.Steps = r.Steps[:1]
		other := Sample(base+2, "새 레시피")
		if err := s.Recipes.Import(ctx, []recipe.Recipe{r, other}); err != nil {
			t.Fatal(err)
		}
		got := mine(t, s.Recipes, base)
		if len(got) != 2 {
			t.Fatalf("%d recipes after re-import, want 2", len(got))
		}
		want := r
		want.Rating = recipe.Rating{Count: 1, Sum: 4}
		sameRecipe(t, got[0], want)
		bs, total, err := s.Bookmarks.Bookmarks(ctx, uid, 0, 10)
		if err != nil || total != 1 || len(bs) != 1 || bs[0].RecipeID != r.ID {
			t.Fatalf("bookmarks after re-import: %v %d %v", bs, total, err)
		}
	})

	t.Run("a large import round-trips", func(t *testing.T) {
		s, base := open(t), idBlock()
		rs := make([]recipe.Recipe, 0, 700)
		for i := range 700 {
			r := Sample(base+int64(i), fmt.Sprintf("레시피 %d", i))
			for j := range 12 {
				r.Ingredients = append(r.Ingredients, recipe.Ingredient{Seq: 10 + j, Name: fmt.Sprintf("재료%d", j), Key: fmt.Sprintf("재료%d", j),
					Amount: recipe.ParseAmount(fmt.Sprintf("%dg", j*10)), Kind: recipe.KindSub})
			}
			rs = append(rs, r)
		}
		if err := s.Recipes.Import(ctx, rs); err != nil {
			t.Fatal(err)
		}
		got := mine(t, s.Recipes, base)
		if len(got) != len(rs) {
			t.Fatalf("read back %d, want %d", len(got), len(rs))
		}
		for i := range rs {
			sameRecipe(t, got[i], rs[i])
		}
	})

	t.Run("empty import is no error", func(t *testing.T) {
		s := open(t)
		if err := s.Recipes.Import(ctx, nil); err != nil {
			t.Fatal(err)
		}
	})
}

// RunRatingStore is the RatingStore contract.
func RunRatingStore(t *testing.T, open func(t *testing.T) Stores) {
	ctx := context.Background()
	setup := func(t *testing.T) (Stores, int64) {
		s, base := open(t), idBlock()
		if err := s.Recipes.Import(ctx, []recipe.Recipe{Sample(base+1, "비빔밥"), Sample(base+2, "잡채")}); err != nil {
			t.Fatal(err)
		}
		return s, base
	}

	t.Run("ratings aggregate; rating again replaces", func(t *testing.T) {
		s, base := setup(t)
		u1, u2 := s.NewUser(t), s.NewUser(t)
		steps := []struct {
			user  int64
			stars int
			want  recipe.Rating
		}{
			{u1, 5, recipe.Rating{Count: 1, Sum: 5}},
			{u2, 3, recipe.Rating{Count: 2, Sum: 8}},
			{u1, 1, recipe.Rating{Count: 2, Sum: 4}},
		}
		for i, st := range steps {
			got, err := s.Ratings.Rate(ctx, st.user, base+1, st.stars, t0.Add(time.Duration(i)*time.Minute))
			if err != nil {
				t.Fatal(err)
			}
			if got != st.want {
				t.Fatalf("step %d: aggregate %+v, want %+v", i, got, st.want)
			}
		}
		got := mine(t, s.Recipes, base)
		if got[0].Rating != (recipe.Rating{Count: 2, Sum: 4}) || got[1].Rating != (recipe.Rating{}) {
			t.Fatalf("All ratings: %+v, %+v", got[0].Rating, got[1].Rating)
		}
		if avg := got[0].Rating.Average(); avg != 2 {
			t.Fatalf("average %v, want 2", avg)
		}
	})

	t.Run("unknown recipe is not found and writes nothing", func(t *testing.T) {
		s, base := setup(t)
		u := s.NewUser(t)
		if _, err := s.Ratings.Rate(ctx, u, base+999, 5, t0); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("got %v, want ErrNotFound", err)
		}
		for _, r := range mine(t, s.Recipes, base) {
			if r.Rating != (recipe.Rating{}) {
				t.Fatalf("recipe %d rated: %+v", r.ID, r.Rating)
			}
		}
	})

	t.Run("concurrent ratings lose nothing", func(t *testing.T) {
		s, base := setup(t)
		users := make([]int64, 8)
		for i := range users {
			users[i] = s.NewUser(t)
		}
		var wg sync.WaitGroup
		for i, u := range users {
			wg.Go(func() {
				if _, err := s.Ratings.Rate(ctx, u, base+2, 1+i%5, t0); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		want := recipe.Rating{Count: 8, Sum: 1 + 2 + 3 + 4 + 5 + 1 + 2 + 3}
		if got := mine(t, s.Recipes, base)[1].Rating; got != want {
			t.Fatalf("after concurrent ratings %+v, want %+v", got, want)
		}
	})
}

// RunBookmarkStore is the BookmarkStore contract.
func RunBookmarkStore(t *testing.T, open func(t *testing.T) Stores) {
	ctx := context.Background()
	setup := func(t *testing.T) (Stores, int64) {
		s, base := open(t), idBlock()
		var rs []recipe.Recipe
		for i := range 5 {
			rs = append(rs, Sample(base+int64(i), fmt.Sprintf("레시피%d", i)))
		}
		if err := s.Recipes.Import(ctx, rs); err != nil {
			t.Fatal(err)
		}
		return s, base
	}

	t.Run("put is idempotent, list is newest first and pages, delete is idempotent", func(t *testing.T) {
		s, base := setup(t)
		u, other := s.NewUser(t), s.NewUser(t)
		put := func(uid, rid int64, at time.Time) {
			t.Helper()
			if err := s.Bookmarks.PutBookmark(ctx, recipe.Bookmark{UserID: uid, RecipeID: rid, CreatedAt: at}); err != nil {
				t.Fatal(err)
			}
		}
		put(u, base+0, t0)
		put(u, base+3, t0.Add(2*time.Minute))
		put(u, base+1, t0.Add(time.Minute))
		put(u, base+2, t0.Add(time.Minute)) // same time: higher recipe ID first
		put(u, base+0, t0.Add(time.Hour))   // again: keeps t0
		put(other, base+4, t0)

		list := func(uid int64, off, lim int) ([]int64, int) {
			t.Helper()
			bs, total, err := s.Bookmarks.Bookmarks(ctx, uid, off, lim)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, b := range bs {
				if b.UserID != uid {
					t.Fatalf("bookmark of user %d in user %d's list", b.UserID, uid)
				}
				ids = append(ids, b.RecipeID-base)
			}
			return ids, total
		}
		if ids, total := list(u, 0, 10); !slices.Equal(ids, []int64{3, 2, 1, 0}) || total != 4 {
			t.Fatalf("list %v total %d", ids, total)
		}
		if ids, total := list(u, 1, 2); !slices.Equal(ids, []int64{2, 1}) || total != 4 {
			t.Fatalf("page %v total %d", ids, total)
		}
		if ids, total := list(u, 10, 2); len(ids) != 0 || total != 4 {
			t.Fatalf("past the end %v total %d", ids, total)
		}
		bs, _, err := s.Bookmarks.Bookmarks(ctx, u, 3, 1)
		if err != nil || len(bs) != 1 || !bs[0].CreatedAt.Equal(t0) {
			t.Fatalf("first bookmark's time: %+v %v", bs, err)
		}

		for range 2 {
			if err := s.Bookmarks.DeleteBookmark(ctx, u, base+2); err != nil {
				t.Fatal(err)
			}
		}
		if ids, total := list(u, 0, 10); !slices.Equal(ids, []int64{3, 1, 0}) || total != 3 {
			t.Fatalf("after delete %v total %d", ids, total)
		}
		if ids, total := list(other, 0, 10); !slices.Equal(ids, []int64{4}) || total != 1 {
			t.Fatalf("other user %v total %d", ids, total)
		}
	})

	t.Run("unknown recipe is not found", func(t *testing.T) {
		s, base := setup(t)
		u := s.NewUser(t)
		err := s.Bookmarks.PutBookmark(ctx, recipe.Bookmark{UserID: u, RecipeID: base + 999, CreatedAt: t0})
		if !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("got %v, want ErrNotFound", err)
		}
		if _, total, err := s.Bookmarks.Bookmarks(ctx, u, 0, 10); err != nil || total != 0 {
			t.Fatalf("bookmarks %d %v", total, err)
		}
	})

	t.Run("concurrent puts of one bookmark store one", func(t *testing.T) {
		s, base := setup(t)
		u := s.NewUser(t)
		var wg sync.WaitGroup
		for i := range 8 {
			wg.Go(func() {
				err := s.Bookmarks.PutBookmark(ctx, recipe.Bookmark{UserID: u, RecipeID: base + 1, CreatedAt: t0.Add(time.Duration(i) * time.Second)})
				if err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		if _, total, err := s.Bookmarks.Bookmarks(ctx, u, 0, 10); err != nil || total != 1 {
			t.Fatalf("bookmarks %d %v", total, err)
		}
	})
}
