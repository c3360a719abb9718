package kok

import (
	"context"

	"github.com/kokmeal/kokmeal/core/errs"
)

// PutWish adds a product to the caller's wishlist.
type PutWish struct {
	wishes WishlistStore
	clock  Clock
}

// NewPutWish builds the use case.
func NewPutWish(wishes WishlistStore, clock Clock) PutWish {
	return PutWish{wishes: wishes, clock: clock}
}

// Handle is idempotent: a product already on the list stays as it was. An
// unknown product is errs.ErrNotFound.
func (h PutWish) Handle(ctx context.Context, userID, productID int64) error {
	if productID <= 0 {
		return errs.Wrap(errs.ErrNotFound, "product %d", productID)
	}
	return h.wishes.PutWish(ctx, userID, productID, h.clock.Now())
}
