// Command kok serves the U+콕 mall service (products, categories, wishlist,
// cart, orders) alone on :8002.
package main

import (
	"github.com/kokmeal/kokmeal/hosts/internal/serve"
	"github.com/kokmeal/kokmeal/wire"
)

func main() { serve.Main("kok", ":8002", wire.Kok) }
