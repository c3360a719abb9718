package kok

import "time"

// WishItem is a product a user liked.
type WishItem struct {
	ProductID int64
	AddedAt   time.Time
}

// CartItem is one line of a user's cart: a product at most once per cart,
// its quantity between 1 and MaxQuantity.
type CartItem struct {
	ID        int64
	UserID    int64
	ProductID int64
	Quantity  int
	AddedAt   time.Time
	UpdatedAt time.Time
}

// CartLine is a cart item with its product as the mall sells it now.
type CartLine struct {
	Item    CartItem
	Product Product
}

// Total is the line's price: the discounted unit price times the quantity.
func (l CartLine) Total() int64 { return l.Product.DiscountedPrice() * int64(l.Item.Quantity) }

// Cart is a user's cart with today's prices.
type Cart struct {
	Lines    []CartLine
	Quantity int   // units over every line
	Total    int64 // sum of the line totals, what an order would cost now
}

func newCart(lines []CartLine) Cart {
	c := Cart{Lines: lines}
	for _, l := range lines {
		c.Quantity += l.Item.Quantity
		c.Total += l.Total()
	}
	return c
}

// OrderStatus is where an order is. There is no payment provider: an order
// is recorded as placed and stays so.
type OrderStatus string

// OrderPlaced is the status of every order.
const OrderPlaced OrderStatus = "placed"

// Order is a placed cart. Lines copy the product's name and prices at order
// time, so history never changes when the catalogue does.
//
// IdempotencyKey and Fingerprint make placing an order safe to retry: a user
// has at most one order per key, and the fingerprint of the request that
// created it tells a retry (same request) from a misuse of the key.
type Order struct {
	ID             int64
	UserID         int64
	Status         OrderStatus
	Memo           string
	Lines          []OrderLine
	Quantity       int
	Total          int64
	IdempotencyKey string
	Fingerprint    string
	PlacedAt       time.Time
}

// OrderLine is one product of an order, priced as it was when ordered.
type OrderLine struct {
	ProductID    int64
	Name         string
	Brand        string
	Unit         string
	Ingredient   string
	Quantity     int
	Price        int64 // list unit price
	DiscountRate int
	SalePrice    int64 // discounted unit price, what was charged per unit
	Total        int64 // SalePrice × Quantity
}
