package recipe_test

import (
	"context"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/kokmeal/kokmeal/adapters/recipedata"
	"github.com/kokmeal/kokmeal/core/recipe"
)

var (
	benchOnce sync.Once
	benchCats map[int]*recipe.Catalog
	benchReal []recipe.Recipe
)

// benchCatalog is the real 537 recipes, or n recipes synthesised from them.
func benchCatalog(b *testing.B, n int) *recipe.Catalog {
	benchOnce.Do(func() {
		rs, err := recipedata.Load()
		if err != nil {
			b.Fatal(err)
		}
		benchReal = rs
		benchCats = map[int]*recipe.Catalog{
			len(rs): recipe.NewCatalogOf(rs),
			50_000:  recipe.NewCatalogOf(recipedata.Synthesize(rs, 50_000, 1)),
		}
	})
	return benchCats[n]
}

// measure runs op b.N times and reports the latency percentiles; the
// figures are printed, never asserted.
func measure(b *testing.B, op func(i int)) {
	b.ReportAllocs()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := time.Now()
		op(i)
		lat = append(lat, time.Since(t))
	}
	b.StopTimer()
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))]) }
	b.ReportMetric(pct(0.50), "p50-ns")
	b.ReportMetric(pct(0.99), "p99-ns")
}

// pantries are deterministic shopping baskets: 3 to 8 ingredients drawn
// from real recipes, as a shopper's fridge would hold.
func pantries(n int) [][]string {
	rng := rand.New(rand.NewPCG(7, 7))
	out := make([][]string, n)
	for i := range out {
		r := benchReal[rng.IntN(len(benchReal))]
		k := 3 + rng.IntN(6)
		for _, j := range rng.Perm(len(r.Ingredients))[:min(k, len(r.Ingredients))] {
			out[i] = append(out[i], r.Ingredients[j].Name)
		}
	}
	return out
}

func BenchmarkByIngredients(b *testing.B) {
	for _, n := range []int{537, 50_000} {
		b.Run(itoa(n)+"recipes", func(b *testing.B) {
			h := recipe.NewByIngredients(benchCatalog(b, n), nil)
			baskets := pantries(256)
			measure(b, func(i int) {
				res, err := h.Handle(context.Background(), recipe.ByIngredientsInput{Ingredients: baskets[i%len(baskets)], Exclude: []string{"땅콩"}})
				if err != nil || res.Total == 0 {
					b.Fatal(err, res.Total)
				}
			})
		})
	}
}

func BenchmarkSearch(b *testing.B) {
	queries := []recipe.SearchInput{
		{Q: "김치찌개"}, {Q: "김치 찌개"}, {Q: "ㄱㅊㅉㄱ"}, {Q: "된장"}, {Q: "돼지고기 볶음"}, {Q: "비빔밥"},
		{Q: "김치찌게"}, {Q: "샐러드", Sort: recipe.SortRating}, {Q: "두부", Cuisine: "한식", MaxMinutes: intp(30)},
		{Ingredients: []string{"두부", "대파"}}, {Level: "쉬움", Sort: recipe.SortMinutes}, {},
	}
	for _, n := range []int{537, 50_000} {
		b.Run(itoa(n)+"recipes", func(b *testing.B) {
			h := recipe.NewSearch(benchCatalog(b, n))
			measure(b, func(i int) {
				if _, err := h.Handle(context.Background(), queries[i%len(queries)]); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

func BenchmarkGet(b *testing.B) {
	h := recipe.NewGet(benchCatalog(b, 50_000))
	measure(b, func(i int) {
		if _, err := h.Handle(context.Background(), recipedata.SynthIDBase+int64(i%50_000)); err != nil {
			b.Fatal(err)
		}
	})
}

func itoa(n int) string {
	if n >= 1000 && n%1000 == 0 {
		return string(rune('0'+n/10000)) + string(rune('0'+n/1000%10)) + "k"
	}
	return "537"
}
