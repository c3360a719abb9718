package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/kokmeal/kokmeal/adapters/matcher"
	"github.com/kokmeal/kokmeal/adapters/recipedata"
	"github.com/kokmeal/kokmeal/core/homeshopping"
	"github.com/kokmeal/kokmeal/core/kok"
	"github.com/kokmeal/kokmeal/core/recipe"
)

// DemoOptions size the demo data: the 537 real recipes, Products generated
// mall products and Days of schedule on 5 channels from Start.
type DemoOptions struct {
	Seed     uint64
	Products int
	Days     int
	Start    time.Time
}

// DefaultDemo is what a first start loads: a schedule that began two days
// before now, so that live, past and upcoming broadcasts all exist.
func DefaultDemo(now time.Time) DemoOptions {
	return DemoOptions{Seed: 1, Products: 5000, Days: 14, Start: now.In(Seoul).AddDate(0, 0, -2)}
}

// Targets are the services the demo data goes into, through their import
// use cases (validated, all or nothing, read models refreshed).
type Targets struct {
	Recipes      *recipe.Service
	Kok          *kok.Service
	HomeShopping *homeshopping.Service
}

// Summary says what was loaded; zero counts were left as they were.
type Summary struct {
	Recipes, Products, Channels, Broadcasts int
}

func (s Summary) String() string {
	return fmt.Sprintf("%d recipes, %d products, %d channels, %d broadcasts", s.Recipes, s.Products, s.Channels, s.Broadcasts)
}

// IsZero reports whether nothing was loaded.
func (s Summary) IsZero() bool { return s == Summary{} }

// Demo loads the demo data. With onlyEmpty it fills only the services that
// hold nothing yet, which is what a first start wants; otherwise it
// replaces by ID (imports are idempotent), which is what `kokmeal seed` does.
func Demo(ctx context.Context, o DemoOptions, t Targets, onlyEmpty bool) (Summary, error) {
	recipes, err := recipedata.Load()
	if err != nil {
		return Summary{}, err
	}
	var sum Summary
	if !onlyEmpty || t.Recipes.Catalog.Len() == 0 {
		if err := t.Recipes.Import.Handle(ctx, recipes); err != nil {
			return sum, fmt.Errorf("importing recipes: %w", err)
		}
		sum.Recipes = len(recipes)
	}
	channels, err := t.HomeShopping.Channels.Handle(ctx)
	if err != nil {
		return sum, err
	}
	needProducts := !onlyEmpty || t.Kok.Catalog.Len() == 0
	needSchedule := !onlyEmpty || len(channels) == 0
	if !needProducts && !needSchedule {
		return sum, nil
	}
	data := Generate(Config{Seed: o.Seed, Products: o.Products, Days: o.Days, Start: o.Start, Ingredients: ingredientKeys(recipes)}, demoMatcher(recipes))
	if needProducts {
		if err := t.Kok.ImportProducts.ImportProducts(ctx, data.Products); err != nil {
			return sum, fmt.Errorf("importing products: %w", err)
		}
		sum.Products = len(data.Products)
	}
	if needSchedule {
		if err := t.HomeShopping.ImportSchedule.Handle(ctx, data.Channels, data.Broadcasts); err != nil {
			return sum, fmt.Errorf("importing the schedule: %w", err)
		}
		sum.Channels, sum.Broadcasts = len(data.Channels), len(data.Broadcasts)
	}
	return sum, nil
}

// demoMatcher names what each product sells in the recipes' own keys, so
// that recipe → products finds them.
func demoMatcher(recipes []recipe.Recipe) kok.IngredientMatcher {
	var names []string
	for _, r := range recipes {
		for _, in := range r.Ingredients {
			names = append(names, in.Name)
		}
	}
	return matcher.Keyed(matcher.New(matcher.Vocabulary(names), matcher.DefaultSynonyms()), recipe.IngredientKey)
}

func ingredientKeys(recipes []recipe.Recipe) []string {
	seen := map[string]bool{}
	var keys []string
	for _, r := range recipes {
		for _, in := range r.Ingredients {
			if !seen[in.Key] {
				seen[in.Key] = true
				keys = append(keys, in.Key)
			}
		}
	}
	return keys
}
