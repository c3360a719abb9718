package kok

// IngredientMatcher maps a mall product name, such as "[농협] 국내산 깐마늘 1kg",
// to the ingredient key it sells ("마늘"). Keys are the normalised ingredient
// names recipes use. ok is false for whatever is not a single raw ingredient
// or seasoning: ready-made food (밀키트, 국, 반찬, 만두), drinks, non-food.
type IngredientMatcher interface {
	Match(productName string) (ingredient string, ok bool)
}
