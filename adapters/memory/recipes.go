package memory

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"time"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/recipe"
)

// Recipes keeps recipes with their ratings and bookmarks, and implements
// recipe.RecipeStore, recipe.RatingStore and recipe.BookmarkStore.
type Recipes struct {
	mu        sync.Mutex
	recipes   map[int64]recipe.Recipe
	ratings   map[userRecipe]int
	bookmarks map[userRecipe]time.Time
}

type userRecipe struct{ user, recipe int64 }

var (
	_ recipe.RecipeStore   = (*Recipes)(nil)
	_ recipe.RatingStore   = (*Recipes)(nil)
	_ recipe.BookmarkStore = (*Recipes)(nil)
)

// NewRecipes returns an empty store.
func NewRecipes() *Recipes {
	return &Recipes{recipes: map[int64]recipe.Recipe{}, ratings: map[userRecipe]int{}, bookmarks: map[userRecipe]time.Time{}}
}

func cloneRecipe(r recipe.Recipe) recipe.Recipe {
	r.Ingredients = slices.Clone(r.Ingredients)
	r.Steps = slices.Clone(r.Steps)
	return r
}

// Import saves recipes by ID, replacing known ones whole.
func (s *Recipes) Import(_ context.Context, rs []recipe.Recipe) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range rs {
		r = cloneRecipe(r)
		r.Rating, r.Rev = recipe.Rating{}, 0
		s.recipes[r.ID] = r
	}
	return nil
}

// All answers every recipe by ID, ingredients by Seq, steps by No.
func (s *Recipes) All(_ context.Context) ([]recipe.Recipe, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	agg := map[int64]recipe.Rating{}
	for k, stars := range s.ratings {
		a := agg[k.recipe]
		a.Count++
		a.Sum += stars
		agg[k.recipe] = a
	}
	out := make([]recipe.Recipe, 0, len(s.recipes))
	for _, r := range s.recipes {
		r = cloneRecipe(r)
		slices.SortStableFunc(r.Ingredients, func(a, b recipe.Ingredient) int { return cmp.Compare(a.Seq, b.Seq) })
		slices.SortStableFunc(r.Steps, func(a, b recipe.Step) int { return cmp.Compare(a.No, b.No) })
		r.Rating = agg[r.ID]
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b recipe.Recipe) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// Rate sets a user's rating and answers the recipe's aggregate.
func (s *Recipes) Rate(_ context.Context, userID, recipeID int64, stars int, _ time.Time) (recipe.Rating, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.recipes[recipeID]; !ok {
		return recipe.Rating{}, errs.Wrap(errs.ErrNotFound, "recipe %d", recipeID)
	}
	s.ratings[userRecipe{userID, recipeID}] = stars
	var agg recipe.Rating
	for k, v := range s.ratings {
		if k.recipe == recipeID {
			agg.Count++
			agg.Sum += v
		}
	}
	return agg, nil
}

// PutBookmark saves a bookmark once; the first time stays.
func (s *Recipes) PutBookmark(_ context.Context, b recipe.Bookmark) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.recipes[b.RecipeID]; !ok {
		return errs.Wrap(errs.ErrNotFound, "recipe %d", b.RecipeID)
	}
	k := userRecipe{b.UserID, b.RecipeID}
	if _, ok := s.bookmarks[k]; !ok {
		s.bookmarks[k] = b.CreatedAt
	}
	return nil
}

// DeleteBookmark removes a bookmark if there is one.
func (s *Recipes) DeleteBookmark(_ context.Context, userID, recipeID int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.bookmarks, userRecipe{userID, recipeID})
	return nil
}

// Bookmarks pages a user's bookmarks, newest first.
func (s *Recipes) Bookmarks(_ context.Context, userID int64, offset, limit int) ([]recipe.Bookmark, int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var bs []recipe.Bookmark
	for k, at := range s.bookmarks {
		if k.user == userID {
			bs = append(bs, recipe.Bookmark{UserID: userID, RecipeID: k.recipe, CreatedAt: at})
		}
	}
	slices.SortFunc(bs, func(a, b recipe.Bookmark) int {
		return cmp.Or(b.CreatedAt.Compare(a.CreatedAt), cmp.Compare(b.RecipeID, a.RecipeID))
	})
	lo := min(max(offset, 0), len(bs))
	hi := min(lo+max(limit, 0), len(bs))
	return slices.Clone(bs[lo:hi]), len(bs), nil
}

// DeleteUser drops a user's ratings and bookmarks, as the SQL schema's
// cascade does when an account is deleted.
func (s *Recipes) DeleteUser(userID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k := range s.ratings {
		if k.user == userID {
			delete(s.ratings, k)
		}
	}
	for k := range s.bookmarks {
		if k.user == userID {
			delete(s.bookmarks, k)
		}
	}
}
