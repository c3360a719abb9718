// Command recipe serves the recipe service (recipes, by-ingredients,
// recipe → products, bookmarks, ratings) alone on :8004.
package main

import (
	"github.com/kokmeal/kokmeal/hosts/internal/serve"
	"github.com/kokmeal/kokmeal/wire"
)

func main() { serve.Main("recipe", ":8004", wire.Recipe) }
