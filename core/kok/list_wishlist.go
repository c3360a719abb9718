package kok

import (
	"context"
	"time"

	"github.com/kokmeal/kokmeal/core/errs"
)

// WishedProduct is a wishlist entry with its product.
type WishedProduct struct {
	Product Product
	AddedAt time.Time
}

// WishlistPage is one page of a wishlist.
type WishlistPage struct {
	Items []WishedProduct
	Total int
	Page  Page
}

// ListWishlist answers the caller's liked products, most recent first.
type ListWishlist struct {
	wishes   WishlistStore
	catalog  *Catalog
	products ProductStore
}

// NewListWishlist builds the use case.
func NewListWishlist(wishes WishlistStore, catalog *Catalog, products ProductStore) ListWishlist {
	return ListWishlist{wishes: wishes, catalog: catalog, products: products}
}

// Handle answers one page.
func (h ListWishlist) Handle(ctx context.Context, userID int64, page Page) (WishlistPage, error) {
	page = page.orDefault()
	f := errs.Fields{}
	page.check(f)
	if err := f.Err(); err != nil {
		return WishlistPage{}, err
	}
	items, total, err := h.wishes.Wishlist(ctx, userID, page.Offset(), page.Size)
	if err != nil {
		return WishlistPage{}, err
	}
	ids := make([]int64, len(items))
	for i, it := range items {
		ids[i] = it.ProductID
	}
	ps, err := h.catalog.lookup(ctx, h.products, ids)
	if err != nil {
		return WishlistPage{}, err
	}
	out := WishlistPage{Items: make([]WishedProduct, 0, len(items)), Total: total, Page: page}
	for _, it := range items {
		if p, ok := ps[it.ProductID]; ok {
			out.Items = append(out.Items, WishedProduct{Product: p, AddedAt: it.AddedAt})
		}
	}
	return out, nil
}
