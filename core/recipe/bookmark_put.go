package recipe

import (
	"context"

	"github.com/kokmeal/kokmeal/core/errs"
)

// PutBookmark saves a recipe for a user; saving it twice is harmless.
type PutBookmark struct {
	cat       *Catalog
	bookmarks BookmarkStore
	clock     Clock
}

// NewPutBookmark builds the use case.
func NewPutBookmark(cat *Catalog, bookmarks BookmarkStore, clock Clock) PutBookmark {
	return PutBookmark{cat: cat, bookmarks: bookmarks, clock: clock}
}

// Handle answers errs.ErrNotFound for an unknown recipe.
func (h PutBookmark) Handle(ctx context.Context, userID, recipeID int64) error {
	if !h.cat.Has(recipeID) {
		return errs.Wrap(errs.ErrNotFound, "recipe %d", recipeID)
	}
	return h.bookmarks.PutBookmark(ctx, Bookmark{UserID: userID, RecipeID: recipeID, CreatedAt: h.clock.Now()})
}
