package kok

import (
	"context"

	"github.com/kokmeal/kokmeal/core/errs"
)

// OrderPage is one page of a user's order history.
type OrderPage struct {
	Items []Order
	Total int
	Page  Page
}

// ListOrders answers the caller's orders, newest first, with their lines
// priced as they were ordered.
type ListOrders struct {
	orders OrderStore
}

// NewListOrders builds the use case.
func NewListOrders(orders OrderStore) ListOrders { return ListOrders{orders: orders} }

// Handle answers one page.
func (h ListOrders) Handle(ctx context.Context, userID int64, page Page) (OrderPage, error) {
	page = page.orDefault()
	f := errs.Fields{}
	page.check(f)
	if err := f.Err(); err != nil {
		return OrderPage{}, err
	}
	os, total, err := h.orders.Orders(ctx, userID, page.Offset(), page.Size)
	if err != nil {
		return OrderPage{}, err
	}
	return OrderPage{Items: os, Total: total, Page: page}, nil
}
