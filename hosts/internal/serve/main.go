package serve

import (
	"context"
	"fmt"
	"os"

	"github.com/kokmeal/kokmeal/adapters/config"
	"github.com/kokmeal/kokmeal/wire"
)

// Injector is one of the wire package's host injectors.
type Injector func(context.Context, config.Config) (*wire.App, func(), error)

// Main is every service host's main: configuration, injector, serve, and a
// graceful shutdown. It exits non-zero on a failure to start.
func Main(name, defaultAddr string, inject Injector) {
	if err := main(defaultAddr, inject); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		os.Exit(1)
	}
}

func main(defaultAddr string, inject Injector) error {
	cfg, err := config.Load(defaultAddr)
	if err != nil {
		return err
	}
	ctx := context.Background()
	app, cleanup, err := inject(ctx, cfg)
	if err != nil {
		return err
	}
	defer cleanup()
	return Run(ctx, NewServer(cfg.Addr, app.Handler, app.Log), app.Log, cfg.ShutdownIn)
}
