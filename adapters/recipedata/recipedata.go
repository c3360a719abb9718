// Package recipedata is the demo recipe catalogue: 537 Korean recipes from
// 농림축산식품부 (data.mafra.go.kr, see SOURCE.md), embedded, and a
// deterministic generator of larger catalogues for benchmarks.
package recipedata

import (
	"cmp"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/google/wire"

	"github.com/kokmeal/kokmeal/core/recipe"
)

//go:embed recipes.json
var recipesJSON []byte

type fileRecipe struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Summary     string `json:"summary"`
	Cuisine     string `json:"cuisine"`
	CookingTime string `json:"cooking_time"`
	Level       string `json:"level"`
	Ingredients []struct {
		Seq    int    `json:"seq"`
		Name   string `json:"name"`
		Amount string `json:"amount"`
		Kind   string `json:"kind"`
	} `json:"ingredients"`
	Steps []fileStep `json:"steps"`
}

type fileStep struct {
	Step int    `json:"step"`
	Text string `json:"text"`
	Tip  string `json:"tip"`
}

var kinds = map[string]recipe.Kind{"주재료": recipe.KindMain, "부재료": recipe.KindSub, "양념": recipe.KindSeasoning}

// Load answers the embedded recipes: names as written, ingredient keys from
// recipe.IngredientKey, amounts from recipe.ParseAmount, minutes from the
// cooking time, and the source credited.
func Load() ([]recipe.Recipe, error) {
	var in []fileRecipe
	if err := json.Unmarshal(recipesJSON, &in); err != nil {
		return nil, fmt.Errorf("recipedata: %w", err)
	}
	out := make([]recipe.Recipe, 0, len(in))
	for _, f := range in {
		minutes, ok := recipe.ParseMinutes(f.CookingTime)
		if !ok && f.CookingTime != "" {
			return nil, fmt.Errorf("recipedata: recipe %d: cooking time %q", f.ID, f.CookingTime)
		}
		r := recipe.Recipe{
			ID: f.ID, Name: strings.TrimSpace(f.Name), Summary: strings.TrimSpace(f.Summary),
			Cuisine: f.Cuisine, Level: f.Level, Minutes: minutes, Source: recipe.SourceMAFRA,
			Ingredients: make([]recipe.Ingredient, 0, len(f.Ingredients)),
			Steps:       make([]recipe.Step, 0, len(f.Steps)),
		}
		for _, i := range f.Ingredients {
			k, ok := kinds[i.Kind]
			if !ok {
				return nil, fmt.Errorf("recipedata: recipe %d: ingredient kind %q", f.ID, i.Kind)
			}
			r.Ingredients = append(r.Ingredients, recipe.Ingredient{
				Seq: i.Seq, Name: i.Name, Key: recipe.IngredientKey(i.Name), Amount: recipe.ParseAmount(i.Amount), Kind: k,
			})
		}
		// The source numbers a few steps twice (3, 3, 5): steps are
		// renumbered 1..n in the source's order, which is the cooking order.
		slices.SortStableFunc(f.Steps, func(a, b fileStep) int { return cmp.Compare(a.Step, b.Step) })
		for i, s := range f.Steps {
			r.Steps = append(r.Steps, recipe.Step{No: i + 1, Text: s.Text, Tip: s.Tip})
		}
		out = append(out, r)
	}
	return out, nil
}

// ProviderSet gives Seeded: the demo recipes imported on a first start.
var ProviderSet = wire.NewSet(NewSeeded)

// Seeded says whether this start imported the demo recipes into an empty
// catalogue; a host depends on it so that it serves only after seeding,
// and logs when Imported.
type Seeded struct {
	Imported bool
	Recipes  int // recipes in the catalogue afterwards
}

// NewSeeded seeds an empty catalogue (see SeedIfEmpty).
func NewSeeded(ctx context.Context, svc *recipe.Service) (Seeded, error) {
	done, err := SeedIfEmpty(ctx, svc)
	if err != nil {
		return Seeded{}, fmt.Errorf("recipedata: seeding the demo recipes: %w", err)
	}
	return Seeded{Imported: done, Recipes: svc.Catalog.Len()}, nil
}

// Importer is the recipe service's Import use case.
type Importer interface {
	Handle(ctx context.Context, rs []recipe.Recipe) error
}

// SeedIfEmpty imports the demo recipes into an empty catalogue, for a first
// start; it answers whether it did. Importing is idempotent, so a race with
// another process seeding at once is harmless.
func SeedIfEmpty(ctx context.Context, svc *recipe.Service) (bool, error) {
	if svc.Catalog.Len() > 0 {
		return false, nil
	}
	return true, Seed(ctx, svc.Import)
}

// Seed imports the demo recipes (kokmeal seed).
func Seed(ctx context.Context, imp Importer) error {
	rs, err := Load()
	if err != nil {
		return err
	}
	return imp.Handle(ctx, rs)
}
