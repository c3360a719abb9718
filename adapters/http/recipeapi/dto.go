package recipeapi

import (
	"math"
	"time"

	"github.com/kokmeal/kokmeal/core/homeshopping"
	"github.com/kokmeal/kokmeal/core/kok"
	"github.com/kokmeal/kokmeal/core/recipe"
)

// Rating is a recipe's users' rating.
type Rating struct {
	Average float64 `json:"average" doc:"Mean of 1..5 ratings, to two decimals; 0 when nobody rated."`
	Count   int     `json:"count"`
}

func ratingFrom(r recipe.Rating) Rating {
	return Rating{Average: math.Round(r.Average()*100) / 100, Count: r.Count}
}

// RecipeSummary is a recipe in a list.
type RecipeSummary struct {
	ID              int64    `json:"id"`
	Name            string   `json:"name"`
	Summary         string   `json:"summary"`
	Cuisine         string   `json:"cuisine" enum:"한식,양식,중식,일식,기타"`
	Level           string   `json:"level" enum:"쉬움,보통,어려움"`
	Minutes         int      `json:"minutes" doc:"Cooking time in minutes; 0 when unknown."`
	MainIngredients []string `json:"main_ingredients" doc:"Names of the main ingredients (주재료), as written."`
	Rating          Rating   `json:"rating"`
	Source          string   `json:"source" doc:"Who to credit for the recipe."`
}

func summaryFrom(r recipe.Recipe) RecipeSummary {
	main := []string{}
	for _, in := range r.Ingredients {
		if in.Kind == recipe.KindMain {
			main = append(main, in.Name)
		}
	}
	return RecipeSummary{
		ID: r.ID, Name: r.Name, Summary: r.Summary, Cuisine: r.Cuisine, Level: r.Level, Minutes: r.Minutes,
		MainIngredients: main, Rating: ratingFrom(r.Rating), Source: r.Source,
	}
}

// Ingredient is one line of a recipe's ingredient list.
type Ingredient struct {
	Seq         int      `json:"seq"`
	Name        string   `json:"name" doc:"As written: 대파(흰부분)."`
	Key         string   `json:"key" doc:"Normalised ingredient: 대파. Products and by-ingredients use it."`
	Amount      string   `json:"amount" doc:"As written: 1/2대, 200g, 약간."`
	Quantity    *float64 `json:"quantity,omitempty" doc:"Parsed quantity (1/2대 → 0.5); absent when the amount has none (약간)."`
	QuantityMax *float64 `json:"quantity_max,omitempty" doc:"Upper bound of a range (1~2개 → 2); absent otherwise."`
	Unit        string   `json:"unit" doc:"Parsed unit (대, g, 큰술); empty when none."`
	Kind        string   `json:"kind" enum:"main,sub,seasoning" doc:"주재료, 부재료 or 양념."`
}

func ingredientFrom(in recipe.Ingredient) Ingredient {
	out := Ingredient{Seq: in.Seq, Name: in.Name, Key: in.Key, Amount: in.Amount.Text, Unit: in.Amount.Unit, Kind: string(in.Kind)}
	if q := in.Amount.Quantity; q != 0 {
		out.Quantity = &q
		if qm := in.Amount.QuantityMax; qm != 0 && qm != q {
			out.QuantityMax = &qm
		}
	}
	return out
}

func ingredientsFrom(ins []recipe.Ingredient) []Ingredient {
	out := make([]Ingredient, 0, len(ins))
	for _, in := range ins {
		out = append(out, ingredientFrom(in))
	}
	return out
}

// Step is one numbered step.
type Step struct {
	No   int    `json:"no"`
	Text string `json:"text"`
	Tip  string `json:"tip"`
}

// RecipeDetail is a recipe with its ingredients and steps.
type RecipeDetail struct {
	RecipeSummary
	Ingredients []Ingredient `json:"ingredients"`
	Steps       []Step       `json:"steps"`
}

func detailFrom(r recipe.Recipe) RecipeDetail {
	d := RecipeDetail{RecipeSummary: summaryFrom(r), Ingredients: ingredientsFrom(r.Ingredients), Steps: make([]Step, 0, len(r.Steps))}
	for _, s := range r.Steps {
		d.Steps = append(d.Steps, Step{No: s.No, Text: s.Text, Tip: s.Tip})
	}
	return d
}

// RecipeList is a page of recipes.
type RecipeList struct {
	Items []RecipeSummary `json:"items"`
	Page  int             `json:"page"`
	Size  int             `json:"size"`
	Total int             `json:"total"`
}

// ByIngredientsRequest is what the caller has and will not eat.
type ByIngredientsRequest struct {
	Ingredients []string `json:"ingredients" doc:"1 to 50 ingredients the caller has, as typed (대파, 돼지고기 목살)."`
	Exclude     []string `json:"exclude,omitempty" doc:"Up to 50 ingredients to avoid: a recipe using one (or one containing it: 새우 → 새우젓) is left out."`
}

// MatchItem is a recipe ranked by what the caller has.
type MatchItem struct {
	Recipe   RecipeSummary `json:"recipe"`
	Coverage float64       `json:"coverage" doc:"Weighted share of the recipe's ingredients the caller has, 0..1 (main 3, sub 2, seasoning 1; 물 is assumed at hand)."`
	Matched  []Ingredient  `json:"matched"`
	Missing  []Ingredient  `json:"missing"`
}

// MatchList is a page of recipes ranked by coverage.
type MatchList struct {
	Items   []MatchItem `json:"items"`
	Page    int         `json:"page"`
	Size    int         `json:"size"`
	Total   int         `json:"total"`
	Avoided []string    `json:"avoided" doc:"What recipes were left out for: exclude, and a signed-in caller's allergies and disliked ingredients (as ingredient keys)."`
}

func matchListFrom(res recipe.ByIngredientsResult) MatchList {
	out := MatchList{Items: make([]MatchItem, 0, len(res.Items)), Page: res.Page.Page, Size: res.Page.Size, Total: res.Total, Avoided: nonNil(res.Avoided)}
	for _, m := range res.Items {
		out.Items = append(out.Items, MatchItem{
			Recipe: summaryFrom(m.Recipe), Coverage: math.Round(m.Coverage*1000) / 1000,
			Matched: ingredientsFrom(m.Matched), Missing: ingredientsFrom(m.Missing),
		})
	}
	return out
}

// Product is a U+콕 mall product offered for an ingredient.
type Product struct {
	ID              int64   `json:"id"`
	Name            string  `json:"name"`
	Brand           string  `json:"brand"`
	Store           string  `json:"store"`
	Unit            string  `json:"unit" doc:"Pack size as the mall writes it."`
	Price           int64   `json:"price" doc:"List price, won."`
	DiscountRate    int     `json:"discount_rate" doc:"Percent."`
	DiscountedPrice int64   `json:"discounted_price" doc:"Price after discount, won."`
	ReviewScore     float64 `json:"review_score"`
	ReviewCount     int     `json:"review_count"`
}

// Broadcast is an upcoming (or live) home-shopping broadcast selling an
// ingredient.
type Broadcast struct {
	ID          int64     `json:"id"`
	ChannelID   int64     `json:"channel_id"`
	Title       string    `json:"title"`
	StartsAt    time.Time `json:"starts_at"`
	EndsAt      time.Time `json:"ends_at"`
	ProductName string    `json:"product_name" doc:"The product on air that sells the ingredient."`
	Price       int64     `json:"price" doc:"List price, won."`
	SalePrice   int64     `json:"sale_price" doc:"Price on air, won."`
}

// Offer is where to buy one ingredient.
type Offer struct {
	Ingredient Ingredient  `json:"ingredient"`
	Owned      bool        `json:"owned" doc:"The signed-in caller ordered it or has it in the cart; always false for anonymous callers."`
	Products   []Product   `json:"products" doc:"Cheapest (discounted) first."`
	Broadcasts []Broadcast `json:"broadcasts" doc:"Soonest first; on air now counts."`
}

// RecipeProducts is a recipe's shopping list.
type RecipeProducts struct {
	RecipeID    int64   `json:"recipe_id"`
	RecipeName  string  `json:"recipe_name"`
	Source      string  `json:"source"`
	MissingCost int64   `json:"missing_cost" doc:"Cheapest product of every ingredient not owned, won."`
	Ingredients []Offer `json:"ingredients" doc:"One per distinct ingredient, in recipe order (물 left out)."`
}

func productsFrom(res recipe.ProductsResult) RecipeProducts {
	out := RecipeProducts{RecipeID: res.Recipe.ID, RecipeName: res.Recipe.Name, Source: res.Recipe.Source, MissingCost: res.MissingCost, Ingredients: make([]Offer, 0, len(res.Offers))}
	for _, o := range res.Offers {
		offer := Offer{Ingredient: ingredientFrom(o.Ingredient), Owned: o.Owned, Products: make([]Product, 0, len(o.Products)), Broadcasts: make([]Broadcast, 0, len(o.Broadcasts))}
		for _, p := range o.Products {
			offer.Products = append(offer.Products, productFrom(p))
		}
		for _, b := range o.Broadcasts {
			offer.Broadcasts = append(offer.Broadcasts, broadcastFrom(b, o.Ingredient.Key))
		}
		out.Ingredients = append(out.Ingredients, offer)
	}
	return out
}

func productFrom(p kok.Product) Product {
	return Product{ID: p.ID, Name: p.Name, Brand: p.Brand, Store: p.Store, Unit: p.Unit, Price: p.Price,
		DiscountRate: p.DiscountRate, DiscountedPrice: p.DiscountedPrice(), ReviewScore: p.ReviewScore, ReviewCount: p.ReviewCount}
}

// broadcastFrom shows the broadcast's product that sells the ingredient
// (its main product if several do).
func broadcastFrom(b homeshopping.Broadcast, key string) Broadcast {
	out := Broadcast{ID: b.ID, ChannelID: b.ChannelID, Title: b.Title, StartsAt: b.StartsAt.UTC(), EndsAt: b.EndsAt.UTC()}
	found := false
	for _, p := range b.Products {
		if p.Ingredient == key && (!found || p.Main) {
			out.ProductName, out.Price, out.SalePrice = p.ProductName, p.Price, p.SalePrice
			found = true
		}
	}
	return out
}

// RatingRequest rates a recipe.
type RatingRequest struct {
	Rating int `json:"rating" doc:"1 to 5."`
}

// RatingResult is the recipe's rating after the caller's.
type RatingResult struct {
	RecipeID int64   `json:"recipe_id"`
	Rating   int     `json:"rating" doc:"The caller's rating."`
	Average  float64 `json:"average"`
	Count    int     `json:"count"`
}

// SavedRecipe is a bookmarked recipe.
type SavedRecipe struct {
	Recipe  RecipeSummary `json:"recipe"`
	SavedAt time.Time     `json:"saved_at"`
}

// SavedList is a page of the caller's bookmarks, newest first.
type SavedList struct {
	Items []SavedRecipe `json:"items"`
	Page  int           `json:"page"`
	Size  int           `json:"size"`
	Total int           `json:"total"`
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
