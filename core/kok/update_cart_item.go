package kok

import (
	"context"

	"github.com/kokmeal/kokmeal/core/errs"
)

// UpdateCartItem sets the quantity of a line of the caller's cart.
type UpdateCartItem struct {
	carts CartStore
	clock Clock
}

// NewUpdateCartItem builds the use case.
func NewUpdateCartItem(carts CartStore, clock Clock) UpdateCartItem {
	return UpdateCartItem{carts: carts, clock: clock}
}

// Handle sets the line's quantity (1..MaxQuantity) and answers the cart. A
// line that is not the caller's is errs.ErrNotFound.
func (h UpdateCartItem) Handle(ctx context.Context, userID, itemID int64, quantity int) (Cart, error) {
	if quantity < 1 || quantity > MaxQuantity {
		return Cart{}, errs.Field("quantity", "must be between 1 and 99")
	}
	if itemID <= 0 {
		return Cart{}, errs.Wrap(errs.ErrNotFound, "cart item %d", itemID)
	}
	now := h.clock.Now()
	if _, err := h.carts.UpdateCartItem(ctx, userID, itemID, func(it *CartItem) error {
		it.Quantity = quantity
		it.UpdatedAt = now
		return nil
	}); err != nil {
		return Cart{}, err
	}
	lines, err := h.carts.CartLines(ctx, userID)
	return newCart(lines), err
}
