package recipe

import (
	"cmp"
	"context"
	"slices"

	"github.com/kokmeal/kokmeal/core/errs"
)

// Staples are ingredient keys assumed at hand: they weigh nothing in
// coverage and always count as matched, so "물 100ml" never makes a recipe
// look out of reach.
var Staples = []string{"물"}

// ByIngredientsInput is what a shopper has and what they will not eat.
type ByIngredientsInput struct {
	// UserID is the signed-in caller, 0 for anonymous. A signed-in caller's
	// allergies and disliked ingredients are excluded too.
	UserID      int64
	Ingredients []string // 1..50, as typed: "대파", "돼지고기 목살"
	Exclude     []string // 0..50: recipes with any of these are left out
	Page        Page
}

// Match is a recipe ranked by how much of it the shopper has.
type Match struct {
	Recipe Recipe
	// Coverage is the weighted share of the recipe's ingredients given:
	// main ingredients weigh 3, sub 2, seasonings 1. 1 means nothing is missing.
	Coverage float64
	Matched  []Ingredient // in recipe order
	Missing  []Ingredient
}

// ByIngredientsResult is one page of matches, best first.
type ByIngredientsResult struct {
	Items []Match
	Total int
	Page  Page
	// Avoided lists the terms recipes were excluded for: the request's
	// Exclude and the caller's allergies and dislikes, so a client can say so.
	Avoided []string
}

// ByIngredients ranks recipes by weighted coverage of the given
// ingredients, from the catalogue's inverted ingredient index.
type ByIngredients struct {
	cat   *Catalog
	prefs UserPreferences
}

// NewByIngredients builds the use case; prefs may be nil (no personalisation).
func NewByIngredients(cat *Catalog, prefs UserPreferences) ByIngredients {
	return ByIngredients{cat: cat, prefs: prefs}
}

// rankScratch accumulates scores by slot; touched lists the slots to reset.
// A negative score marks an excluded recipe.
type rankScratch struct {
	score   []float32
	touched []int32
	cands   []ranked
	found   []candidate // Search's
}

type ranked struct {
	slot  int32
	score float32 // matched weight
	cov   float32
}

// Handle validates, gathers the avoid list, and ranks.
func (h ByIngredients) Handle(ctx context.Context, in ByIngredientsInput) (ByIngredientsResult, error) {
	f := errs.Fields{}
	keys := ingredientKeys(f, "ingredients", in.Ingredients)
	f.Check(len(in.Ingredients) == 0, "ingredients", "must have at least one ingredient")
	avoid := ingredientKeys(f, "exclude", in.Exclude)
	page := in.Page.check(f)
	if err := f.Err(); err != nil {
		return ByIngredientsResult{}, err
	}
	if in.UserID != 0 && h.prefs != nil {
		mine, err := h.prefs.Preferences(ctx, in.UserID)
		if err != nil {
			return ByIngredientsResult{}, err
		}
		for _, t := range mine {
			if k := IngredientKey(t); k != "" && !slices.Contains(avoid, k) {
				avoid = append(avoid, k)
			}
		}
	}

	st := h.cat.load()
	sc := st.scratch.Get().(*rankScratch)
	defer st.scratch.Put(sc)
	score := sc.score
	touched := sc.touched[:0]
	for _, term := range avoid {
		st.keysContaining(term, func(k string) {
			for _, p := range st.byKey[k] {
				if score[p.slot] == 0 {
					touched = append(touched, p.slot)
				}
				score[p.slot] = -1
			}
		})
	}
	for _, k := range keys {
		if slices.Contains(Staples, k) {
			continue
		}
		for _, p := range st.byKey[k] {
			switch s := score[p.slot]; {
			case s < 0:
			case s == 0:
				touched = append(touched, p.slot)
				score[p.slot] = p.w
			default:
				score[p.slot] = s + p.w
			}
		}
	}
	cands := sc.cands[:0]
	for _, s := range touched {
		if v := score[s]; v > 0 {
			cands = append(cands, ranked{slot: s, score: v, cov: v / st.info[s].weight})
		}
		score[s] = 0
	}
	sc.touched = touched

	total := len(cands)
	lo, hi := page.window(total)
	best := topN(cands, hi, func(a, b ranked) bool {
		if a.cov != b.cov {
			return a.cov > b.cov
		}
		if a.score != b.score {
			return a.score > b.score // more of it in absolute terms
		}
		if ra, rb := st.rating[a.slot].Load(), st.rating[b.slot].Load(); ra != rb {
			aa, ac := unpackRating(ra)
			ba, bc := unpackRating(rb)
			return cmp.Or(cmp.Compare(ba, aa), cmp.Compare(bc, ac)) < 0
		}
		return a.slot < b.slot // slots ascend with IDs
	})
	items := make([]Match, 0, hi-lo)
	for _, c := range best[lo:hi] {
		r := st.entry(c.slot).r
		m := Match{Recipe: r, Coverage: float64(c.cov)}
		for _, ing := range r.Ingredients {
			if slices.Contains(keys, ing.Key) || slices.Contains(Staples, ing.Key) {
				m.Matched = append(m.Matched, ing)
			} else {
				m.Missing = append(m.Missing, ing)
			}
		}
		items = append(items, m)
	}
	sc.cands = cands[:0]
	return ByIngredientsResult{Items: items, Total: total, Page: page, Avoided: avoid}, nil
}
