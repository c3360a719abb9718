package memory

import (
	"github.com/google/wire"

	"github.com/kokmeal/kokmeal/core/kok"
)

// KokSet gives an injector the in-memory kok stores: one *Mall bound to
// every kok store port and to kok.CatalogSource.
var KokSet = wire.NewSet(
	NewMall,
	wire.Bind(new(kok.ProductStore), new(*Mall)),
	wire.Bind(new(kok.CatalogSource), new(*Mall)),
	wire.Bind(new(kok.WishlistStore), new(*Mall)),
	wire.Bind(new(kok.CartStore), new(*Mall)),
	wire.Bind(new(kok.OrderStore), new(*Mall)),
	wire.Bind(new(kok.OwnershipStore), new(*Mall)),
)
