package recipe

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestTopNMatchesSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	less := func(a, b int) bool { return a < b }
	for range 500 {
		items := make([]int, rng.IntN(60))
		for i := range items {
			items[i] = rng.IntN(20)
		}
		n := rng.IntN(70) - 5
		want := slices.Sorted(slices.Values(items))
		want = want[:max(0, min(n, len(want)))]
		got := topN(slices.Clone(items), n, less)
		if !slices.Equal(got, want) {
			t.Fatalf("topN(%v, %d) = %v, want %v", items, n, got, want)
		}
	}
}

func TestZeroCatalogAnswersNothing(t *testing.T) {
	var c Catalog
	if _, ok := c.Get(1); ok || c.Len() != 0 {
		t.Fatal("a zero catalogue has recipes")
	}
	res, err := NewSearch(&c).Handle(t.Context(), SearchInput{Q: "김치"})
	if err != nil || res.Total != 0 {
		t.Fatalf("%+v %v", res, err)
	}
	m, err := NewByIngredients(&c, nil).Handle(t.Context(), ByIngredientsInput{Ingredients: []string{"대파"}})
	if err != nil || m.Total != 0 {
		t.Fatalf("%+v %v", m, err)
	}
}
