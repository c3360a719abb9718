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
