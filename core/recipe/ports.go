package recipe

import (
	"context"
	"time"

	"github.com/kokmeal/kokmeal/core/homeshopping"
	"github.com/kokmeal/kokmeal/core/kok"
)

// RecipeStore keeps the catalogue. The service reads it whole into its
// read model (see Catalog), so it needs no query methods.
type RecipeStore interface {
	// Import saves recipes by ID in one transaction: unknown IDs are
	// inserted, known ones replaced with their ingredients and steps.
	// Ratings and bookmarks of a replaced recipe survive, so seeding twice
	// is harmless. Rating and Rev of the input are ignored.
	Import(ctx context.Context, rs []Recipe) error
	// All answers every recipe by ascending ID, its ingredients by Seq,
	// steps by No, and its Rating aggregated from users' ratings.
	All(ctx context.Context) ([]Recipe, error)
}

// RatingStore keeps users' ratings, one per user and recipe.
type RatingStore interface {
	// Rate sets userID's rating of recipeID (replacing an earlier one) and
	// answers the recipe's aggregate including it, in one transaction.
	// An unknown recipe answers errs.ErrNotFound.
	Rate(ctx context.Context, userID, recipeID int64, stars int, at time.Time) (Rating, error)
}

// BookmarkStore keeps saved recipes.
type BookmarkStore interface {
	// PutBookmark saves b; saving it again changes nothing (the first
	// CreatedAt stays). An unknown recipe answers errs.ErrNotFound.
	PutBookmark(ctx context.Context, b Bookmark) error
	// DeleteBookmark removes a bookmark; removing a missing one is no error.
	DeleteBookmark(ctx context.Context, userID, recipeID int64) error
	// Bookmarks answers a page of userID's bookmarks, newest first (then
	// higher recipe ID), and how many there are in all.
	Bookmarks(ctx context.Context, userID int64, offset, limit int) ([]Bookmark, int, error)
}

// UserPreferences says what a signed-in user wants left out of their
// recipes: allergens and disliked ingredients, as they wrote them.
type UserPreferences interface {
	Preferences(ctx context.Context, userID int64) (avoid []string, err error)
}

// ProductsByIngredient finds mall products selling an ingredient (by
// ingredient key), cheapest discounted price first. The kok service
// implements it.
type ProductsByIngredient interface {
	ByIngredient(ctx context.Context, ingredient string, limit int) ([]kok.Product, error)
}

// OwnedIngredients answers the ingredient keys a user already has: bought
// in an order or sitting in the cart. The kok service implements it.
type OwnedIngredients interface {
	OwnedIngredients(ctx context.Context, userID int64) (map[string]bool, error)
}

// BroadcastsByIngredient finds broadcasts selling an ingredient that have
// not ended at from (on air or upcoming), soonest first. The home-shopping
// service implements it.
type BroadcastsByIngredient interface {
	UpcomingByIngredient(ctx context.Context, ingredient string, from time.Time, limit int) ([]homeshopping.Broadcast, error)
}

// Clock tells the time, so tests can move it.
type Clock interface {
	Now() time.Time
}

// SystemClock is the wall clock in UTC.
type SystemClock struct{}

// Now returns time.Now in UTC.
func (SystemClock) Now() time.Time { return time.Now().UTC() }
