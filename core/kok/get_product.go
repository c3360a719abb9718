package kok

import (
	"context"

	"github.com/kokmeal/kokmeal/core/errs"
)

// GetProduct answers one product.
type GetProduct struct {
	catalog  *Catalog
	products ProductStore
}

// NewGetProduct builds the use case.
func NewGetProduct(catalog *Catalog, products ProductStore) GetProduct {
	return GetProduct{catalog: catalog, products: products}
}

// Handle answers the product from the catalogue, or from the store when the
// catalogue has not seen it yet (another process imported it since the last
// refresh). An unknown id is errs.ErrNotFound.
func (h GetProduct) Handle(ctx context.Context, id int64) (Product, error) {
	if id <= 0 {
		return Product{}, errs.Wrap(errs.ErrNotFound, "product %d", id)
	}
	s, err := h.catalog.current(ctx)
	if err != nil {
		return Product{}, err
	}
	if p, ok := s.pos[id]; ok {
		return s.products[p], nil
	}
	return h.products.ByID(ctx, id)
}
