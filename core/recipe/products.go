package recipe

import (
	"cmp"
	"context"
	"slices"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/homeshopping"
	"github.com/kokmeal/kokmeal/core/kok"
)

// Offers per ingredient: ProductsInput.Limit bounds both products and
// broadcasts.
const (
	DefaultOffers = 3
	MaxOffers     = 10
)

// ProductsInput asks where to buy a recipe's ingredients.
type ProductsInput struct {
	UserID   int64 // signed-in caller, 0 for anonymous: marks what they own
	RecipeID int64
	Limit    int // products and broadcasts per ingredient, 1..10; 0 is 3
}

// Offer is where to get one ingredient.
type Offer struct {
	Ingredient Ingredient // its first line in the recipe
	Owned      bool       // the caller ordered it or has it in the cart
	Products   []kok.Product
	Broadcasts []homeshopping.Broadcast
}

// ProductsResult is a recipe's shopping list.
type ProductsResult struct {
	Recipe Recipe
	Offers []Offer // one per distinct ingredient, in recipe order; staples left out
	// MissingCost is what the cheapest product of every ingredient not
	// owned costs (discounted, won); ingredients no product sells add nothing.
	MissingCost int64
}

// RecipeProducts matches each ingredient of a recipe to mall products
// (cheapest first) and upcoming home-shopping broadcasts.
type RecipeProducts struct {
	cat        *Catalog
	products   ProductsByIngredient
	broadcasts BroadcastsByIngredient
	owned      OwnedIngredients
	clock      Clock
}

// NewRecipeProducts builds the use case. A nil port leaves its part out
// (a deployment without the mall has no products to offer).
func NewRecipeProducts(cat *Catalog, products ProductsByIngredient, broadcasts BroadcastsByIngredient, owned OwnedIngredients, clock Clock) RecipeProducts {
	return RecipeProducts{cat: cat, products: products, broadcasts: broadcasts, owned: owned, clock: clock}
}

// Handle answers errs.ErrNotFound for an unknown recipe.
func (h RecipeProducts) Handle(ctx context.Context, in ProductsInput) (ProductsResult, error) {
	limit := cmp.Or(in.Limit, DefaultOffers)
	if limit < 1 || limit > MaxOffers {
		return ProductsResult{}, errs.Field("limit", "must be between 1 and 10")
	}
	r, ok := h.cat.Get(in.RecipeID)
	if !ok {
		return ProductsResult{}, errs.Wrap(errs.ErrNotFound, "recipe %d", in.RecipeID)
	}
	var owned map[string]bool
	if in.UserID != 0 && h.owned != nil {
		var err error
		if owned, err = h.owned.OwnedIngredients(ctx, in.UserID); err != nil {
			return ProductsResult{}, err
		}
	}
	now := h.clock.Now()
	res := ProductsResult{Recipe: r}
	for i, ing := range r.Ingredients {
		if ing.Key == "" || slices.Contains(Staples, ing.Key) ||
			slices.ContainsFunc(r.Ingredients[:i], func(p Ingredient) bool { return p.Key == ing.Key }) {
			continue
		}
		o := Offer{Ingredient: ing, Owned: owned[ing.Key]}
		if h.products != nil {
			ps, err := h.products.ByIngredient(ctx, ing.Key, limit)
			if err != nil {
				return ProductsResult{}, err
			}
			// The port promises this order; sorting again costs nothing and
			// keeps "cheapest first" true whatever the adapter.
			slices.SortStableFunc(ps, func(a, b kok.Product) int {
				return cmp.Or(cmp.Compare(a.DiscountedPrice(), b.DiscountedPrice()), cmp.Compare(a.ID, b.ID))
			})
			o.Products = ps[:min(len(ps), limit)]
		}
		if h.broadcasts != nil {
			bs, err := h.broadcasts.UpcomingByIngredient(ctx, ing.Key, now, limit)
			if err != nil {
				return ProductsResult{}, err
			}
			slices.SortStableFunc(bs, func(a, b homeshopping.Broadcast) int {
				return cmp.Or(a.StartsAt.Compare(b.StartsAt), cmp.Compare(a.ID, b.ID))
			})
			o.Broadcasts = bs[:min(len(bs), limit)]
		}
		if !o.Owned && len(o.Products) > 0 {
			res.MissingCost += o.Products[0].DiscountedPrice()
		}
		res.Offers = append(res.Offers, o)
	}
	return res, nil
}
