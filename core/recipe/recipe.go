// Package recipe holds the recipe service: the recipe catalogue with
// Korean-aware search, recipes ranked by the ingredients a shopper has,
// recipe → mall products and broadcasts, bookmarks and ratings. It knows
// nothing of HTTP or SQL; stores and the other services arrive through the
// ports in ports.go.
package recipe

import "time"

// Kind says how much an ingredient matters to a recipe: by-ingredients
// ranking weighs a missing main ingredient more than a missing seasoning.
type Kind string

const (
	KindMain      Kind = "main"      // 주재료
	KindSub       Kind = "sub"       // 부재료
	KindSeasoning Kind = "seasoning" // 양념
)

// Kinds lists the valid kinds.
var Kinds = []Kind{KindMain, KindSub, KindSeasoning}

// Weight is the kind's share in by-ingredients coverage.
func (k Kind) Weight() float64 {
	switch k {
	case KindMain:
		return 3
	case KindSub:
		return 2
	default:
		return 1
	}
}

// Cuisines and Levels are the values the catalogue uses; filters accept
// nothing else, so a typo answers 422 instead of an empty list.
var (
	Cuisines = []string{"한식", "양식", "중식", "일식", "기타"}
	Levels   = []string{"쉬움", "보통", "어려움"}
)

// SourceMAFRA credits the public data the demo recipes come from; every
// answer that shows those recipes carries it.
const SourceMAFRA = "농림축산식품부 농식품 공공데이터 (data.mafra.go.kr): 레시피 기본·재료·과정 정보"

// Recipe is one recipe with its ingredients and steps.
type Recipe struct {
	ID          int64
	Name        string
	Summary     string
	Cuisine     string
	Level       string
	Minutes     int // cooking time; 0 when unknown
	Ingredients []Ingredient
	Steps       []Step
	Source      string // who to credit
	Rating      Rating // kept by the store from users' ratings

	// Rev changes whenever the catalogue's copy of this recipe changes (a
	// new rating, a re-import), so a caller may cache what it renders from
	// a recipe under (ID, Rev). Stores ignore it.
	Rev uint64
}

// Ingredient is one line of a recipe's ingredient list.
type Ingredient struct {
	Seq    int
	Name   string // as written: "대파(흰부분)"
	Key    string // IngredientKey(Name): "대파", shared with products and user input
	Amount Amount // parsed, with the text as written
	Kind   Kind
}

// Step is one numbered step.
type Step struct {
	No   int
	Text string
	Tip  string
}

// Rating aggregates users' ratings of a recipe. The sum is kept, not the
// average, so every engine answers the same average.
type Rating struct {
	Count int
	Sum   int
}

// Average is 0 for a recipe nobody rated.
func (r Rating) Average() float64 {
	if r.Count == 0 {
		return 0
	}
	return float64(r.Sum) / float64(r.Count)
}

// Bookmark is a recipe a user saved.
type Bookmark struct {
	UserID    int64
	RecipeID  int64
	CreatedAt time.Time
}
