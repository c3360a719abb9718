package kok

import (
	"context"
	"strings"

	"github.com/kokmeal/kokmeal/core/korean"
)

// Limits of ProductsByIngredient.
const (
	DefaultIngredientLimit = 10
	MaxIngredientLimit     = 100
)

// ProductsByIngredient answers the products that sell an ingredient, for the
// recipe service ("what can I buy for this recipe").
type ProductsByIngredient struct {
	catalog *Catalog
}

// NewProductsByIngredient builds the use case.
func NewProductsByIngredient(catalog *Catalog) ProductsByIngredient {
	return ProductsByIngredient{catalog: catalog}
}

// ByIngredient answers up to limit products whose Ingredient is the given
// key, cheapest discounted price first (then lower ID). A limit below 1 is
// DefaultIngredientLimit, above MaxIngredientLimit is that. An unknown or
// empty ingredient answers an empty list.
func (h ProductsByIngredient) ByIngredient(ctx context.Context, ingredient string, limit int) ([]Product, error) {
	if limit < 1 {
		limit = DefaultIngredientLimit
	}
	limit = min(limit, MaxIngredientLimit)
	s, err := h.catalog.current(ctx)
	if err != nil {
		return nil, err
	}
	l := s.byIngr[strings.TrimSpace(korean.Compose(ingredient))]
	out := make([]Product, 0, min(limit, len(l)))
	for _, p := range l[:min(limit, len(l))] {
		out = append(out, s.products[p])
	}
	return out, nil
}
