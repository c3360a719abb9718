package kok

import (
	"context"
	"errors"

	"github.com/kokmeal/kokmeal/core/errs"
)

// AddToCartInput is a product and how many of it to add.
type AddToCartInput struct {
	ProductID int64
	Quantity  int
}

// AddToCart puts a product in the caller's cart.
type AddToCart struct {
	carts CartStore
	clock Clock
}

// NewAddToCart builds the use case.
func NewAddToCart(carts CartStore, clock Clock) AddToCart {
	return AddToCart{carts: carts, clock: clock}
}

// Handle adds the quantity to the product's line, creating the line when
// there is none, and answers the cart and whether a line was created. A
// line never holds more than MaxQuantity: a sum above it is refused
// (errs.Invalid on quantity), as is an unknown product (on product_id).
func (h AddToCart) Handle(ctx context.Context, userID int64, in AddToCartInput) (cart Cart, created bool, err error) {
	f := errs.Fields{}
	f.Check(in.ProductID <= 0, "product_id", "must be a positive id")
	f.Check(in.Quantity < 1 || in.Quantity > MaxQuantity, "quantity", "must be between 1 and 99")
	if err := f.Err(); err != nil {
		return Cart{}, false, err
	}
	now := h.clock.Now()
	_, err = h.carts.AddToCart(ctx, userID, in.ProductID, now, func(it *CartItem) error {
		created = it.Quantity == 0
		if it.Quantity+in.Quantity > MaxQuantity {
			return errs.Field("quantity", "the cart would hold more than 99 of this product")
		}
		it.Quantity += in.Quantity
		it.UpdatedAt = now
		return nil
	})
	switch {
	case errors.Is(err, errs.ErrNotFound):
		return Cart{}, false, errs.Field("product_id", "no such product")
	case err != nil:
		return Cart{}, false, err
	}
	lines, err := h.carts.CartLines(ctx, userID)
	return newCart(lines), created, err
}
