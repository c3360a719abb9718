package kokapi

import (
	"time"

	"github.com/kokmeal/kokmeal/core/kok"
)

// Product is a mall product.
type Product struct {
	ID              int64     `json:"id"`
	Name            string    `json:"name"`
	Brand           string    `json:"brand"`
	Store           string    `json:"store" doc:"The seller's store in the mall."`
	Category        string    `json:"category" doc:"Two levels, 대분류/소분류, e.g. 채소/마늘·양파."`
	Unit            string    `json:"unit" doc:"Pack size as the mall writes it, e.g. 1kg."`
	Price           int64     `json:"price" doc:"List price in won."`
	DiscountRate    int       `json:"discount_rate" doc:"Percent, 0 to 90."`
	DiscountedPrice int64     `json:"discounted_price" doc:"Price after the discount, rounded down to 10 won: what the cart charges."`
	ReviewScore     float64   `json:"review_score" doc:"0 to 5."`
	ReviewCount     int       `json:"review_count"`
	Ingredient      string    `json:"ingredient" doc:"The ingredient key the product sells (e.g. 마늘), empty when it sells none (ready meals, non-food)."`
	Kind            string    `json:"kind" enum:"ingredient,ready_meal,non_food"`
	CreatedAt       time.Time `json:"created_at"`
}

func productFrom(p kok.Product) Product {
	return Product{
		ID: p.ID, Name: p.Name, Brand: p.Brand, Store: p.Store, Category: p.Category, Unit: p.Unit,
		Price: p.Price, DiscountRate: p.DiscountRate, DiscountedPrice: p.DiscountedPrice(),
		ReviewScore: p.ReviewScore, ReviewCount: p.ReviewCount, Ingredient: p.Ingredient,
		Kind: string(p.Kind), CreatedAt: p.CreatedAt,
	}
}

func productsFrom(ps []kok.Product) []Product {
	out := make([]Product, len(ps))
	for i, p := range ps {
		out[i] = productFrom(p)
	}
	return out
}

// CategoryTree is every category with its product count.
type CategoryTree struct {
	Categories []Category `json:"categories"`
	Total      int        `json:"total" doc:"Products in every category."`
}

// Category is a top-level category.
type Category struct {
	Name     string        `json:"name"`
	Path     string        `json:"path" doc:"What the category filter of the product search takes."`
	Count    int           `json:"count" doc:"Products in it and its subcategories."`
	Children []Subcategory `json:"children"`
}

// Subcategory is a second-level category.
type Subcategory struct {
	Name  string `json:"name"`
	Path  string `json:"path" doc:"대분류/소분류."`
	Count int    `json:"count"`
}

func treeFrom(nodes []kok.CategoryNode) CategoryTree {
	t := CategoryTree{Categories: make([]Category, len(nodes))}
	for i, n := range nodes {
		c := Category{Name: n.Name, Path: n.Path, Count: n.Count, Children: make([]Subcategory, len(n.Children))}
		for j, ch := range n.Children {
			c.Children[j] = Subcategory{Name: ch.Name, Path: ch.Path, Count: ch.Count}
		}
		t.Categories[i] = c
		t.Total += n.Count
	}
	return t
}

// WishItem is a liked product.
type WishItem struct {
	Product Product   `json:"product"`
	AddedAt time.Time `json:"added_at"`
}

// AddCartItemRequest puts a product in the cart; a product already there
// gets the quantity added to its line.
type AddCartItemRequest struct {
	ProductID int64 `json:"product_id"`
	Quantity  int   `json:"quantity" doc:"1 to 99; a line never holds more than 99."`
}

// UpdateCartItemRequest sets a line's quantity.
type UpdateCartItemRequest struct {
	Quantity int `json:"quantity" doc:"1 to 99."`
}

// Cart is the caller's cart at today's prices.
type Cart struct {
	Items    []CartItem `json:"items"`
	Quantity int        `json:"quantity" doc:"Units over every line."`
	Total    int64      `json:"total" doc:"Sum of the line totals in won: what ordering now would cost."`
}

// CartItem is a line of the cart.
type CartItem struct {
	ID        int64     `json:"id" doc:"The line's id, for PATCH and DELETE /api/v1/kok/cart/items/{item_id}."`
	Product   Product   `json:"product"`
	Quantity  int       `json:"quantity"`
	LineTotal int64     `json:"line_total" doc:"Discounted price × quantity, won."`
	AddedAt   time.Time `json:"added_at"`
}

func cartFrom(c kok.Cart) Cart {
	out := Cart{Items: make([]CartItem, len(c.Lines)), Quantity: c.Quantity, Total: c.Total}
	for i, l := range c.Lines {
		out.Items[i] = CartItem{ID: l.Item.ID, Product: productFrom(l.Product), Quantity: l.Item.Quantity, LineTotal: l.Total(), AddedAt: l.Item.AddedAt}
	}
	return out
}

// PlaceOrderRequest orders the whole cart. The body is optional (no body is
// {}); it is part of what the Idempotency-Key is checked against.
type PlaceOrderRequest struct {
	Memo          string `json:"memo,omitempty" doc:"Delivery note, at most 200 characters."`
	ExpectedTotal *int64 `json:"expected_total,omitempty" doc:"The total the shopper saw; if the cart costs something else now, 409 and nothing is ordered."`
}

// Order is a placed order with its lines priced as they were ordered.
type Order struct {
	ID       int64       `json:"id"`
	Status   string      `json:"status" enum:"placed" doc:"No payment step: every order is recorded as placed."`
	Memo     string      `json:"memo"`
	Items    []OrderLine `json:"items"`
	Quantity int         `json:"quantity"`
	Total    int64       `json:"total" doc:"Won, at order time."`
	PlacedAt time.Time   `json:"placed_at"`
}

// OrderLine is a product of an order, as it was when ordered.
type OrderLine struct {
	ProductID    int64  `json:"product_id"`
	Name         string `json:"name"`
	Brand        string `json:"brand"`
	Unit         string `json:"unit"`
	Ingredient   string `json:"ingredient"`
	Quantity     int    `json:"quantity"`
	Price        int64  `json:"price" doc:"List unit price at order time."`
	DiscountRate int    `json:"discount_rate"`
	SalePrice    int64  `json:"sale_price" doc:"Discounted unit price charged."`
	Total        int64  `json:"total" doc:"sale_price × quantity."`
}

func orderFrom(o kok.Order) Order {
	out := Order{ID: o.ID, Status: string(o.Status), Memo: o.Memo, Quantity: o.Quantity, Total: o.Total, PlacedAt: o.PlacedAt,
		Items: make([]OrderLine, len(o.Lines))}
	for i, l := range o.Lines {
		out.Items[i] = OrderLine{ProductID: l.ProductID, Name: l.Name, Brand: l.Brand, Unit: l.Unit, Ingredient: l.Ingredient,
			Quantity: l.Quantity, Price: l.Price, DiscountRate: l.DiscountRate, SalePrice: l.SalePrice, Total: l.Total}
	}
	return out
}
