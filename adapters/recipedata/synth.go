package recipedata

import (
	"math/rand/v2"
	"slices"

	"github.com/kokmeal/kokmeal/core/recipe"
)

// SynthIDBase is the first ID Synthesize gives, above every real recipe ID.
const SynthIDBase = 10_000_000

// Synthesize makes n recipes from base by recombination, deterministically
// for a seed: each takes a base recipe's seasonings and steps, swaps its
// main and sub ingredients for those of other recipes, and is named after
// its new main ingredient ("돼지고기 김치찌개"). The ingredient vocabulary
// and the kinds' proportions stay those of the real data, which is what
// by-ingredient ranking and search cost depend on.
func Synthesize(base []recipe.Recipe, n int, seed uint64) []recipe.Recipe {
	if len(base) == 0 {
		return nil
	}
	rng := rand.New(rand.NewPCG(seed, 0x6b6f6b6d65616c))
	byKind := map[recipe.Kind][]recipe.Ingredient{}
	for _, r := range base {
		for _, in := range r.Ingredients {
			byKind[in.Kind] = append(byKind[in.Kind], in)
		}
	}
	out := make([]recipe.Recipe, 0, n)
	for i := range n {
		b := base[rng.IntN(len(base))]
		r := b
		r.ID = SynthIDBase + int64(i)
		r.Rating = recipe.Rating{}
		r.Ingredients = slices.Clone(b.Ingredients)
		lead := ""
		for j := range r.Ingredients {
			in := &r.Ingredients[j]
			if in.Kind == recipe.KindSeasoning || rng.IntN(2) == 0 {
				continue
			}
			pool := byKind[in.Kind]
			seq := in.Seq
			*in = pool[rng.IntN(len(pool))]
			in.Seq = seq
			if in.Kind == recipe.KindMain && lead == "" {
				lead = in.Name
			}
		}
		if lead != "" {
			r.Name = lead + " " + b.Name
		}
		r.Minutes = max(5, b.Minutes+rng.IntN(21)-10)
		out = append(out, r)
	}
	return out
}
