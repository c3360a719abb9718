package memory_test

import (
	"sync/atomic"
	"testing"

	"github.com/kokmeal/kokmeal/adapters/memory"
	"github.com/kokmeal/kokmeal/core/recipe/recipetest"
)

func TestRecipesContract(t *testing.T) {
	var users atomic.Int64
	recipetest.Run(t, func(t *testing.T) recipetest.Stores {
		s := memory.NewRecipes()
		return recipetest.Stores{Recipes: s, Ratings: s, Bookmarks: s, NewUser: func(*testing.T) int64 { return users.Add(1) }}
	})
}
