package recipe_test

import (
	"github.com/kokmeal/kokmeal/core/homeshopping"
	"github.com/kokmeal/kokmeal/core/kok"
	"github.com/kokmeal/kokmeal/core/recipe"
)

// The other services' use cases are the adapters of the recipe service's
// cross-service ports; these fail to compile if a signature drifts.
var (
	_ recipe.ProductsByIngredient   = kok.ProductsByIngredient{}
	_ recipe.OwnedIngredients       = kok.OwnedIngredients{}
	_ recipe.BroadcastsByIngredient = (*homeshopping.Service)(nil)
	_ recipe.BroadcastsByIngredient = homeshopping.Upcoming{}
	_ recipe.UserPreferences        = recipe.UsersPreferences{}
)
