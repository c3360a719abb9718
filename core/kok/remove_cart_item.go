package kok

import (
	"context"

	"github.com/kokmeal/kokmeal/core/errs"
)

// RemoveCartItem deletes a line of the caller's cart.
type RemoveCartItem struct {
	carts CartStore
}

// NewRemoveCartItem builds the use case.
func NewRemoveCartItem(carts CartStore) RemoveCartItem { return RemoveCartItem{carts: carts} }

// Handle removes the line; one that is not the caller's is
// errs.ErrNotFound.
func (h RemoveCartItem) Handle(ctx context.Context, userID, itemID int64) error {
	if itemID <= 0 {
		return errs.Wrap(errs.ErrNotFound, "cart item %d", itemID)
	}
	return h.carts.DeleteCartItem(ctx, userID, itemID)
}
