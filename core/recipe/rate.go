package recipe

import (
	"context"
	"sync"

	"github.com/kokmeal/kokmeal/core/errs"
)

// Stars bound a rating.
const (
	MinStars = 1
	MaxStars = 5
)

// RateInput is a user's rating of a recipe.
type RateInput struct {
	UserID   int64
	RecipeID int64
	Stars    int // 1..5
}

// Rate records a rating (one per user and recipe; rating again replaces
// it) and refreshes the catalogue's average.
type Rate struct {
	cat     *Catalog
	ratings RatingStore
	clock   Clock
	// Ratings of one recipe are serialised in this process, so the
	// aggregate the catalogue keeps is the one of the last write.
	locks *[64]sync.Mutex
}

// NewRate builds the use case.
func NewRate(cat *Catalog, ratings RatingStore, clock Clock) Rate {
	return Rate{cat: cat, ratings: ratings, clock: clock, locks: new([64]sync.Mutex)}
}

// Handle answers the recipe's new aggregate.
func (h Rate) Handle(ctx context.Context, in RateInput) (Rating, error) {
	if in.Stars < MinStars || in.Stars > MaxStars {
		return Rating{}, errs.Field("rating", "must be an integer from 1 to 5")
	}
	if !h.cat.Has(in.RecipeID) {
		return Rating{}, errs.Wrap(errs.ErrNotFound, "recipe %d", in.RecipeID)
	}
	mu := &h.locks[uint64(in.RecipeID)%uint64(len(h.locks))]
	mu.Lock()
	defer mu.Unlock()
	agg, err := h.ratings.Rate(ctx, in.UserID, in.RecipeID, in.Stars, h.clock.Now())
	if err != nil {
		return Rating{}, err
	}
	h.cat.SetRating(in.RecipeID, agg)
	return agg, nil
}
