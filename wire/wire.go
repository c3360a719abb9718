//go:build wireinject

package wire

import (
	"context"

	gwire "github.com/google/wire"

	"github.com/kokmeal/kokmeal/adapters/config"
	"github.com/kokmeal/kokmeal/adapters/seed"
)

// Gateway serves every slice on one port.
func Gateway(ctx context.Context, c config.Config) (*App, func(), error) {
	gwire.Build(common, migrateLog, userSet, catalogueSet, gatewayKit, gatewayHandler)
	return nil, nil, nil
}

// User serves the user slice alone.
func User(ctx context.Context, c config.Config) (*App, func(), error) {
	gwire.Build(common, userSet, userKit, userHandler)
	return nil, nil, nil
}

// Kok serves the mall alone.
func Kok(ctx context.Context, c config.Config) (*App, func(), error) {
	gwire.Build(common, userSet, catalogueSet, kokHandler)
	return nil, nil, nil
}

// HomeShopping serves home shopping alone.
func HomeShopping(ctx context.Context, c config.Config) (*App, func(), error) {
	gwire.Build(common, userSet, catalogueSet, homeShoppingHandler)
	return nil, nil, nil
}

// Recipe serves the recipe service alone.
func Recipe(ctx context.Context, c config.Config) (*App, func(), error) {
	gwire.Build(common, userSet, catalogueSet, recipeHandler)
	return nil, nil, nil
}

// Services builds the catalogue services over the configured databases,
// migrated, for the CLI's seed command.
func Services(ctx context.Context, c config.Config) (seed.Targets, func(), error) {
	gwire.Build(common, catalogueServices)
	return seed.Targets{}, nil, nil
}
