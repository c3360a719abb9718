package kok

import "time"

// ProductKind says what a product is, so recipe features can skip what is
// not an ingredient without parsing names again.
type ProductKind string

// Product kinds.
const (
	KindIngredient ProductKind = "ingredient" // a raw ingredient or seasoning
	KindReadyMeal  ProductKind = "ready_meal" // meal kits, soups, side dishes, dumplings
	KindNonFood    ProductKind = "non_food"   // kitchenware and household goods
)

// Product is an item of the U+콕 mall.
type Product struct {
	ID           int64
	Name         string
	Brand        string
	Store        string
	Category     string // two levels, "대분류/소분류", e.g. "채소/마늘·양파"
	Unit         string // pack size as the mall writes it, e.g. "1kg"
	Ingredient   string // ingredient key it sells, "" if none
	Price        int64  // list price, won
	DiscountRate int    // percent, 0..90
	ReviewScore  float64
	ReviewCount  int
	Kind         ProductKind
	CreatedAt    time.Time
}

// DiscountedPrice is the price after the discount, rounded down to 10 won as
// the mall displays it. A rate outside 0..100 is clamped so a bad row can
// never produce a negative or inflated price.
func (p Product) DiscountedPrice() int64 {
	rate := int64(min(max(p.DiscountRate, 0), 100))
	v := p.Price * (100 - rate) / 100
	return v - v%10
}
