package kok

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strconv"

	"github.com/kokmeal/kokmeal/core/errs"
)

// PlaceOrderInput is an order request. IdempotencyKey is chosen by the
// client, one per order it means to place, and sent again on every retry.
type PlaceOrderInput struct {
	IdempotencyKey string
	// Memo is a delivery note ("문 앞에 놓아 주세요").
	Memo string
	// ExpectedTotal, when set, is the total the client showed the shopper:
	// if the cart costs something else now, nothing is ordered.
	ExpectedTotal *int64
}

// PlaceOrder orders the caller's cart. There is no payment step: the order
// is recorded as placed.
type PlaceOrder struct {
	orders OrderStore
	clock  Clock
}

// NewPlaceOrder builds the use case.
func NewPlaceOrder(orders OrderStore, clock Clock) PlaceOrder {
	return PlaceOrder{orders: orders, clock: clock}
}

// Handle places the order and empties the cart, atomically. Retrying with
// the same key and request answers the same order (replayed true) however
// many times and however concurrently it is sent; the same key with another
// request is errs.Invalid on Idempotency-Key. An empty cart is errs.Invalid
// on cart; an ExpectedTotal that differs from the cart's is errs.ErrConflict.
func (h PlaceOrder) Handle(ctx context.Context, userID int64, in PlaceOrderInput) (o Order, replayed bool, err error) {
	memo := text(in.Memo)
	f := errs.Fields{}
	checkIdempotencyKey(f, in.IdempotencyKey)
	checkText(f, "memo", memo, MaxMemoChars)
	if in.ExpectedTotal != nil {
		f.Check(*in.ExpectedTotal < 0 || *in.ExpectedTotal > MaxPrice*MaxQuantity, "expected_total", "must be between 0 and 9900000000")
	}
	if err := f.Err(); err != nil {
		return Order{}, false, err
	}
	fp := fingerprint(memo, in.ExpectedTotal)
	header := Order{
		UserID:         userID,
		Status:         OrderPlaced,
		Memo:           memo,
		IdempotencyKey: in.IdempotencyKey,
		Fingerprint:    fp,
		PlacedAt:       h.clock.Now(),
	}
	o, replayed, err = h.orders.PlaceOrder(ctx, header, func(o *Order, lines []CartLine) error {
		return fill(o, lines, in.ExpectedTotal)
	})
	if err != nil {
		return Order{}, false, err
	}
	if replayed && o.Fingerprint != fp {
		return Order{}, false, errs.Field("Idempotency-Key", "was already used for a different order request; use a new key")
	}
	return o, replayed, nil
}

// fill prices the order from the cart lines as they are now.
func fill(o *Order, lines []CartLine, expected *int64) error {
	if len(lines) == 0 {
		return errs.Field("cart", "is empty")
	}
	o.Lines = make([]OrderLine, len(lines))
	o.Quantity, o.Total = 0, 0
	for i, l := range lines {
		p := l.Product
		ol := OrderLine{
			ProductID:    p.ID,
			Name:         p.Name,
			Brand:        p.Brand,
			Unit:         p.Unit,
			Ingredient:   p.Ingredient,
			Quantity:     l.Item.Quantity,
			Price:        p.Price,
			DiscountRate: p.DiscountRate,
			SalePrice:    p.DiscountedPrice(),
		}
		ol.Total = ol.SalePrice * int64(ol.Quantity)
		o.Lines[i] = ol
		o.Quantity += ol.Quantity
		o.Total += ol.Total
	}
	if expected != nil && *expected != o.Total {
		return errs.Wrap(errs.ErrConflict, "the cart now costs %d won, not the expected %d; review it and order again", o.Total, *expected)
	}
	return nil
}

// checkIdempotencyKey wants 1 to MaxKeyBytes visible ASCII characters, as
// UUIDs and the usual client keys are.
func checkIdempotencyKey(f errs.Fields, key string) {
	if key == "" {
		f.Add("Idempotency-Key", "header is required")
		return
	}
	if len(key) > MaxKeyBytes {
		f.Add("Idempotency-Key", "must be at most 128 characters")
		return
	}
	for i := 0; i < len(key); i++ {
		if key[i] < 0x21 || key[i] > 0x7e {
			f.Add("Idempotency-Key", "must be visible ASCII characters")
			return
		}
	}
}

// fingerprint identifies the request body the key was first used with; it
// is computed from the normalised values, so formatting never matters.
func fingerprint(memo string, expected *int64) string {
	h := sha256.New()
	h.Write([]byte("order/v1\x00"))
	h.Write([]byte(memo))
	h.Write([]byte{0})
	if expected != nil {
		h.Write([]byte(strconv.FormatInt(*expected, 10)))
	}
	return hex.EncodeToString(h.Sum(nil))
}
