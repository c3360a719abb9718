package kok

import (
	"context"
	"errors"

	"github.com/kokmeal/kokmeal/core/errs"
)

// OwnedIngredients tells the recipe service which ingredients a user
// already has: those sold by products in their cart or in any of their
// orders.
type OwnedIngredients struct {
	catalog *Catalog
	owned   OwnershipStore
	product ProductStore
}

// NewOwnedIngredients builds the use case.
func NewOwnedIngredients(catalog *Catalog, owned OwnershipStore, products ProductStore) OwnedIngredients {
	return OwnedIngredients{catalog: catalog, owned: owned, product: products}
}

// OwnedIngredients answers the set of ingredient keys the user owns (never
// nil). Products selling no ingredient count for nothing.
func (h OwnedIngredients) OwnedIngredients(ctx context.Context, userID int64) (map[string]bool, error) {
	ids, err := h.owned.OwnedProductIDs(ctx, userID)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	s, err := h.catalog.current(ctx)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		var ingr string
		if p, ok := s.pos[id]; ok {
			ingr = s.products[p].Ingredient
		} else {
			// Imported since the last refresh, or deleted.
			p, err := h.product.ByID(ctx, id)
			if err != nil && !errors.Is(err, errs.ErrNotFound) {
				return nil, err
			}
			ingr = p.Ingredient
		}
		if ingr != "" {
			out[ingr] = true
		}
	}
	return out, nil
}
