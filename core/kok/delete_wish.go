package kok

import "context"

// DeleteWish removes a product from the caller's wishlist.
type DeleteWish struct {
	wishes WishlistStore
}

// NewDeleteWish builds the use case.
func NewDeleteWish(wishes WishlistStore) DeleteWish { return DeleteWish{wishes: wishes} }

// Handle is idempotent: removing a product that is not on the list (or
// does not exist) is no error.
func (h DeleteWish) Handle(ctx context.Context, userID, productID int64) error {
	if productID <= 0 {
		return nil
	}
	return h.wishes.DeleteWish(ctx, userID, productID)
}
