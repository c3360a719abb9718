package recipe

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/kokmeal/kokmeal/core/errs"
)

// Import saves recipes in bulk (seeding, an admin import) and rebuilds the
// catalogue from the store. It is idempotent by recipe ID: importing the
// same recipes again replaces them and keeps their ratings and bookmarks.
type Import struct {
	cat   *Catalog
	store RecipeStore
}

// NewImport builds the use case.
func NewImport(cat *Catalog, store RecipeStore) Import { return Import{cat: cat, store: store} }

// Handle validates every recipe first (fields are named "recipes[i].name",
// "recipes[i].ingredients[j].kind", ...) and writes nothing if one is bad.
// An ingredient without a Key gets IngredientKey(Name).
func (h Import) Handle(ctx context.Context, rs []Recipe) error {
	rs = slices.Clone(rs)
	f := errs.Fields{}
	seen := make(map[int64]bool, len(rs))
	for i := range rs {
		r := &rs[i]
		at := func(field string) string { return fmt.Sprintf("recipes[%d].%s", i, field) }
		f.Check(r.ID <= 0, at("id"), "must be positive")
		f.Check(seen[r.ID], at("id"), "is repeated")
		seen[r.ID] = true
		checkText(f, at("name"), r.Name, MaxNameChars, true)
		checkText(f, at("summary"), r.Summary, MaxTextChars, false)
		checkText(f, at("source"), r.Source, MaxNameChars, false)
		f.Check(!slices.Contains(Cuisines, r.Cuisine), at("cuisine"), "must be one of "+strings.Join(Cuisines, ", "))
		f.Check(!slices.Contains(Levels, r.Level), at("level"), "must be one of "+strings.Join(Levels, ", "))
		f.Check(r.Minutes < 0 || r.Minutes > MaxMinutes, at("minutes"), "must be between 0 and 1440")
		f.Check(len(r.Ingredients) > MaxIngredients, at("ingredients"), "must have at most 100 items")
		f.Check(len(r.Steps) > MaxSteps, at("steps"), "must have at most 100 items")
		r.Ingredients = slices.Clone(r.Ingredients)
		seqs := map[int]bool{}
		for j := range r.Ingredients {
			in := &r.Ingredients[j]
			at := func(field string) string { return fmt.Sprintf("recipes[%d].ingredients[%d].%s", i, j, field) }
			checkText(f, at("name"), in.Name, MaxItemChars, true)
			checkText(f, at("amount"), in.Amount.Text, MaxItemChars, false)
			f.Check(!slices.Contains(Kinds, in.Kind), at("kind"), "must be main, sub or seasoning")
			f.Check(seqs[in.Seq], at("seq"), "is repeated")
			seqs[in.Seq] = true
			if in.Key == "" {
				in.Key = IngredientKey(in.Name)
			}
		}
		nos := map[int]bool{}
		for j, s := range r.Steps {
			at := func(field string) string { return fmt.Sprintf("recipes[%d].steps[%d].%s", i, j, field) }
			f.Check(s.No < 1 || nos[s.No], at("no"), "must be positive and not repeated")
			nos[s.No] = true
			checkText(f, at("text"), s.Text, MaxTextChars, true)
			checkText(f, at("tip"), s.Tip, MaxTextChars, false)
		}
		if len(f) >= 20 { // enough to fix; do not build a huge error for a bad file
			break
		}
	}
	if err := f.Err(); err != nil {
		return err
	}
	if err := h.store.Import(ctx, rs); err != nil {
		return err
	}
	return h.cat.Reload(ctx, h.store)
}
