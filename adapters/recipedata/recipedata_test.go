package recipedata_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/kokmeal/kokmeal/adapters/memory"
	"github.com/kokmeal/kokmeal/adapters/recipedata"
	"github.com/kokmeal/kokmeal/core/recipe"
)

func TestLoad(t *testing.T) {
	rs, err := recipedata.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 537 {
		t.Fatalf("%d recipes, want 537", len(rs))
	}
	ids, lines, parsed := map[int64]bool{}, 0, 0
	for _, r := range rs {
		if ids[r.ID] || r.ID <= 0 {
			t.Fatalf("id %d repeated or not positive", r.ID)
		}
		ids[r.ID] = true
		if r.Name == "" || r.Minutes <= 0 || r.Source != recipe.SourceMAFRA || len(r.Ingredients) == 0 || len(r.Steps) == 0 {
			t.Fatalf("recipe %d: %+v", r.ID, r)
		}
		for i, s := range r.Steps {
			if s.No != i+1 {
				t.Fatalf("recipe %d: steps not numbered 1..n: %+v", r.ID, r.Steps)
			}
		}
		for _, in := range r.Ingredients {
			lines++
			if in.Key == "" || in.Amount.Text == "" && in.Amount.Quantity != 0 {
				t.Fatalf("recipe %d: ingredient %+v", r.ID, in)
			}
			if in.Amount.Quantity > 0 {
				parsed++
			}
		}
	}
	t.Logf("%d recipes, %d ingredient lines, %d with a parsed quantity", len(rs), lines, parsed)

	r56 := rs[55]
	if r56.ID != 56 || r56.Name != "김치찌개" || r56.Minutes != 40 || r56.Ingredients[0].Kind != recipe.KindMain || r56.Ingredients[5].Kind != recipe.KindSeasoning {
		t.Fatalf("recipe 56: %+v", r56)
	}
	if a := r56.Ingredients[0].Amount; a.Text != "1/4포기" || a.Quantity != 0.25 || a.Unit != "포기" {
		t.Fatalf("1/4포기 parsed as %+v", a)
	}
}

func TestSynthesizeIsDeterministic(t *testing.T) {
	rs, err := recipedata.Load()
	if err != nil {
		t.Fatal(err)
	}
	a, b := recipedata.Synthesize(rs, 2000, 42), recipedata.Synthesize(rs, 2000, 42)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed, different recipes")
	}
	if reflect.DeepEqual(a, recipedata.Synthesize(rs, 2000, 43)) {
		t.Fatal("another seed, same recipes")
	}
	seen := map[int64]bool{}
	for _, r := range a {
		if seen[r.ID] || r.ID < recipedata.SynthIDBase {
			t.Fatalf("id %d", r.ID)
		}
		seen[r.ID] = true
	}
}

func TestSeedIfEmpty(t *testing.T) {
	ctx := context.Background()
	store := memory.NewRecipes()
	cat, err := recipe.NewCatalog(ctx, store)
	if err != nil {
		t.Fatal(err)
	}
	svc := recipe.NewService(cat, store, store, store, nil, nil, nil, nil, recipe.SystemClock{})
	first, err := recipedata.NewSeeded(ctx, svc)
	if err != nil || !first.Imported || first.Recipes != 537 {
		t.Fatalf("first start: %+v %v", first, err)
	}
	second, err := recipedata.NewSeeded(ctx, svc)
	if err != nil || second.Imported || second.Recipes != 537 {
		t.Fatalf("second start: %+v %v", second, err)
	}
}
