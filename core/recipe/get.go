package recipe

import (
	"context"

	"github.com/kokmeal/kokmeal/core/errs"
)

// Get answers one recipe from the catalogue: no store round trip, so a
// detail page costs a map lookup.
type Get struct {
	cat *Catalog
}

// NewGet builds the use case.
func NewGet(cat *Catalog) Get { return Get{cat: cat} }

// Handle answers errs.ErrNotFound for an unknown id. The recipe's slices are
// shared with the catalogue and must not be modified.
func (h Get) Handle(_ context.Context, id int64) (Recipe, error) {
	r, ok := h.cat.Get(id)
	if !ok {
		return Recipe{}, errs.Wrap(errs.ErrNotFound, "recipe %d", id)
	}
	return r, nil
}
