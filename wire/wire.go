//go:build wireinject

package wire

import (
	"context"

	gwire "github.com/google/wire"

	"github.com/kokmeal/kokmeal/adapters/config"
)

// Gateway serves every slice on one port.
func Gateway(ctx context.Context, c config.Config) (*App, func(), error) {
	gwire.Build(common, migrateLog, userSet, gatewayKit, gatewayHandler)
	return nil, nil, nil
}

// User serves the user slice alone.
func User(ctx context.Context, c config.Config) (*App, func(), error) {
	gwire.Build(common, userSet, userKit, userHandler)
	return nil, nil, nil
}
