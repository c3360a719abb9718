package kok

import "context"

// GetCart answers the caller's cart with today's prices.
type GetCart struct {
	carts CartStore
}

// NewGetCart builds the use case.
func NewGetCart(carts CartStore) GetCart { return GetCart{carts: carts} }

// Handle answers the cart, oldest line first; an empty cart has no lines.
func (h GetCart) Handle(ctx context.Context, userID int64) (Cart, error) {
	lines, err := h.carts.CartLines(ctx, userID)
	if err != nil {
		return Cart{}, err
	}
	return newCart(lines), nil
}
