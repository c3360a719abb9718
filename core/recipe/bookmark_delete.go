package recipe

import (
	"context"

	"github.com/kokmeal/kokmeal/core/errs"
)

// DeleteBookmark un-saves a recipe; un-saving one that is not saved is
// harmless.
type DeleteBookmark struct {
	cat       *Catalog
	bookmarks BookmarkStore
}

// NewDeleteBookmark builds the use case.
func NewDeleteBookmark(cat *Catalog, bookmarks BookmarkStore) DeleteBookmark {
	return DeleteBookmark{cat: cat, bookmarks: bookmarks}
}

// Handle answers errs.ErrNotFound for an unknown recipe, like PutBookmark,
// so a client learns of a wrong ID either way.
func (h DeleteBookmark) Handle(ctx context.Context, userID, recipeID int64) error {
	if !h.cat.Has(recipeID) {
		return errs.Wrap(errs.ErrNotFound, "recipe %d", recipeID)
	}
	return h.bookmarks.DeleteBookmark(ctx, userID, recipeID)
}
