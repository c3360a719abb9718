package recipe

import (
	"context"
	"time"
)

// Service gathers the recipe use cases; routers and hosts depend on it.
type Service struct {
	Catalog        *Catalog
	Search         Search
	Get            Get
	ByIngredients  ByIngredients
	Products       RecipeProducts
	PutBookmark    PutBookmark
	DeleteBookmark DeleteBookmark
	Bookmarks      Bookmarks
	Rate           Rate
	Import         Import

	store RecipeStore
}

// NewService wires the use cases from their ports. prefs, products,
// broadcasts and owned may be nil: the features they feed are then left out.
func NewService(cat *Catalog, store RecipeStore, ratings RatingStore, bookmarks BookmarkStore,
	prefs UserPreferences, products ProductsByIngredient, broadcasts BroadcastsByIngredient,
	owned OwnedIngredients, clock Clock) *Service {
	return &Service{
		Catalog:        cat,
		Search:         NewSearch(cat),
		Get:            NewGet(cat),
		ByIngredients:  NewByIngredients(cat, prefs),
		Products:       NewRecipeProducts(cat, products, broadcasts, owned, clock),
		PutBookmark:    NewPutBookmark(cat, bookmarks, clock),
		DeleteBookmark: NewDeleteBookmark(cat, bookmarks),
		Bookmarks:      NewBookmarks(cat, bookmarks),
		Rate:           NewRate(cat, ratings, clock),
		Import:         NewImport(cat, store),
		store:          store,
	}
}

// Reload rebuilds the catalogue from the store.
func (s *Service) Reload(ctx context.Context) error { return s.Catalog.Reload(ctx, s.store) }

// KeepFresh reloads the catalogue every interval until ctx ends, so a
// process picks up what other processes on the same database wrote
// (another host's imports and ratings). A failed reload keeps the current
// catalogue and is retried at the next tick; onErr, if not nil, hears of it.
func (s *Service) KeepFresh(ctx context.Context, every time.Duration, onErr func(error)) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.Reload(ctx); err != nil && onErr != nil && ctx.Err() == nil {
				onErr(err)
			}
		}
	}
}
