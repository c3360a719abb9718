package kok

import (
	"context"
	"time"
)

// ProductStore keeps the catalogue. It is the source of truth; searches run
// on the Catalog built from it.
type ProductStore interface {
	// ByID answers errs.ErrNotFound for an unknown id.
	ByID(ctx context.Context, id int64) (Product, error)
	// All answers every product, by ascending ID.
	All(ctx context.Context) ([]Product, error)
	// Version changes whenever the products do (count, highest id and a
	// revision every Import bumps), so a Catalog can cheaply tell that it is
	// stale, also after another process wrote.
	Version(ctx context.Context) (CatalogVersion, error)
	// Import saves products by ID, replacing those that exist, in one
	// transaction: all or nothing.
	Import(ctx context.Context, products []Product) error
}

// CatalogVersion identifies a state of the product table.
type CatalogVersion struct {
	Count    int64
	MaxID    int64
	Revision int64
}

// WishlistStore keeps liked products.
type WishlistStore interface {
	// Wishlist answers a window of the user's wishlist, most recently added
	// first, and its full length.
	Wishlist(ctx context.Context, userID int64, offset, limit int) ([]WishItem, int, error)
	// PutWish adds the product unless it is there already (keeping its
	// first AddedAt). An unknown product answers errs.ErrNotFound.
	PutWish(ctx context.Context, userID, productID int64, at time.Time) error
	// DeleteWish removes the product; removing an absent one is no error.
	DeleteWish(ctx context.Context, userID, productID int64) error
}

// CartStore keeps carts. The item functions run in one transaction with the
// read of the line, so concurrent changes of one line lose nothing; an
// error from fn aborts without writing.
type CartStore interface {
	// CartLines answers the user's cart with the products as they are now,
	// oldest line first.
	CartLines(ctx context.Context, userID int64) ([]CartLine, error)
	// AddToCart hands fn the user's line for productID, or a new line with
	// Quantity 0 (ID 0, AddedAt at) when there is none, and saves what fn
	// leaves. An unknown product answers errs.ErrNotFound.
	AddToCart(ctx context.Context, userID, productID int64, at time.Time, fn func(*CartItem) error) (CartItem, error)
	// UpdateCartItem hands fn the line itemID of the user; a line of
	// another user is errs.ErrNotFound, as is an unknown one.
	UpdateCartItem(ctx context.Context, userID, itemID int64, fn func(*CartItem) error) (CartItem, error)
	// DeleteCartItem removes the user's line itemID (errs.ErrNotFound if it
	// is not theirs or not there).
	DeleteCartItem(ctx context.Context, userID, itemID int64) error
}

// OrderStore records orders.
type OrderStore interface {
	// PlaceOrder, in one transaction: claims (o.UserID, o.IdempotencyKey)
	// for the order o (its header: status, memo, fingerprint, time), hands
	// it and the user's cart lines to fill, which sets the lines and
	// totals, saves the order and empties the cart. An error from fill
	// aborts without writing anything.
	//
	// When the user already has an order under the key, it answers that
	// order and replayed == true without calling fill: of any number of
	// concurrent calls with one key exactly one creates the order (a unique
	// constraint on (user, key) decides) and the others answer it.
	PlaceOrder(ctx context.Context, o Order, fill func(o *Order, lines []CartLine) error) (placed Order, replayed bool, err error)
	// Orders answers a window of the user's orders with their lines,
	// newest first, and how many orders the user has.
	Orders(ctx context.Context, userID int64, offset, limit int) ([]Order, int, error)
}

// OwnershipStore tells what a user has bought or is about to buy.
type OwnershipStore interface {
	// OwnedProductIDs answers the distinct products in the user's cart or
	// in any of their orders, in no particular order.
	OwnedProductIDs(ctx context.Context, userID int64) ([]int64, error)
}

// Clock tells the time, so tests can move it.
type Clock interface {
	Now() time.Time
}

// SystemClock is the wall clock.
type SystemClock struct{}

// Now returns time.Now in UTC to the microsecond, the precision every
// database keeps, so what a use case answers equals what it stored.
func (SystemClock) Now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }
