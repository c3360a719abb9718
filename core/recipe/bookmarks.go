package recipe

import (
	"context"
	"time"

	"github.com/kokmeal/kokmeal/core/errs"
)

// Saved is a bookmarked recipe.
type Saved struct {
	Recipe  Recipe
	SavedAt time.Time
}

// BookmarksResult is one page of a user's saved recipes, newest first.
type BookmarksResult struct {
	Items []Saved
	Total int
	Page  Page
}

// Bookmarks lists a user's saved recipes.
type Bookmarks struct {
	cat       *Catalog
	bookmarks BookmarkStore
}

// NewBookmarks builds the use case.
func NewBookmarks(cat *Catalog, bookmarks BookmarkStore) Bookmarks {
	return Bookmarks{cat: cat, bookmarks: bookmarks}
}

// Handle pages the store's bookmarks and fills them from the catalogue. A
// bookmark whose recipe the catalogue does not know (yet: another process
// imported it) is skipped rather than failing the page.
func (h Bookmarks) Handle(ctx context.Context, userID int64, p Page) (BookmarksResult, error) {
	f := errs.Fields{}
	p = p.check(f)
	if err := f.Err(); err != nil {
		return BookmarksResult{}, err
	}
	bs, total, err := h.bookmarks.Bookmarks(ctx, userID, p.offset(), p.Size)
	if err != nil {
		return BookmarksResult{}, err
	}
	items := make([]Saved, 0, len(bs))
	for _, b := range bs {
		if r, ok := h.cat.Get(b.RecipeID); ok {
			items = append(items, Saved{Recipe: r, SavedAt: b.CreatedAt})
		}
	}
	return BookmarksResult{Items: items, Total: total, Page: p}, nil
}
