package kok

import (
	"context"
	"errors"

	"github.com/kokmeal/kokmeal/core/errs"
)

// lookup answers the products of ids from the catalogue, falling back to
// the store for those it has not seen yet; ids of deleted products are
// left out.
func (c *Catalog) lookup(ctx context.Context, store ProductStore, ids []int64) (map[int64]Product, error) {
	s, err := c.current(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]Product, len(ids))
	for _, id := range ids {
		if p, ok := s.pos[id]; ok {
			out[id] = s.products[p]
			continue
		}
		p, err := store.ByID(ctx, id)
		switch {
		case err == nil:
			out[id] = p
		case !errors.Is(err, errs.ErrNotFound):
			return nil, err
		}
	}
	return out, nil
}
