// Package wire is the composition root: the only place where adapters meet
// the core. Injectors live in wire.go (built by google/wire into
// wire_gen.go); the providers here turn configuration into the values the
// adapters' provider sets need.
package wire

import (
	"context"
	"net/http"

	gwire "github.com/google/wire"
	"go.uber.org/zap"

	"github.com/kokmeal/kokmeal/adapters/argon2"
	"github.com/kokmeal/kokmeal/adapters/bunsql"
	"github.com/kokmeal/kokmeal/adapters/config"
	"github.com/kokmeal/kokmeal/adapters/http/kit"
	"github.com/kokmeal/kokmeal/adapters/http/userapi"
	"github.com/kokmeal/kokmeal/adapters/jwt"
	"github.com/kokmeal/kokmeal/adapters/logging"
	"github.com/kokmeal/kokmeal/core/user"
	"github.com/kokmeal/kokmeal/migrations"
)

// App is what a host serves: its handler and its logger.
type App struct {
	Handler http.Handler
	Log     *zap.Logger
}

func newApp(c config.Config, h http.Handler, log *zap.Logger) *App {
	for _, w := range c.Warnings {
		log.Warn(w)
	}
	return &App{Handler: h, Log: log}
}

func newLogger(c config.Config) (*zap.Logger, func(), error) {
	return logging.New(c.LogLevel, c.LogFormat)
}

func mainDSN(c config.Config) bunsql.MainDSN { return bunsql.MainDSN(c.MainDSN) }
func logDSN(c config.Config) bunsql.LogDSN   { return bunsql.LogDSN(c.LogDSN) }

func jwtConfig(c config.Config) jwt.Config {
	return jwt.DefaultConfig(jwt.Secret(c.JWTSecret), c.Dev)
}

func kitConfig(c config.Config, service string) kit.Config {
	return kit.Config{Service: service, CORSOrigins: c.CORSOrigins, BodyLimit: c.BodyLimit, TrustProxy: c.TrustProxy}.WithDefaults()
}

// MainSchema and LogSchema prove a database was migrated (when configured
// to be) before anything serves from it.
type (
	MainSchema struct{}
	LogSchema  struct{}
)

func migrateMain(ctx context.Context, c config.Config, db bunsql.MainDB) (MainSchema, error) {
	if !c.AutoMigrate {
		return MainSchema{}, nil
	}
	return MainSchema{}, migrations.Up(ctx, db.DB, migrations.Main)
}

func migrateLog(ctx context.Context, c config.Config, db bunsql.LogDB) (LogSchema, error) {
	if !c.AutoMigrate {
		return LogSchema{}, nil
	}
	return LogSchema{}, migrations.Up(ctx, db.DB, migrations.Log)
}

func mainReady(db bunsql.MainDB) kit.ReadyCheck {
	return kit.ReadyCheck{Name: "main_db", Check: db.Ready}
}
func logReady(db bunsql.LogDB) kit.ReadyCheck { return kit.ReadyCheck{Name: "log_db", Check: db.Ready} }

// common is what every host needs: logging and the databases.
var common = gwire.NewSet(newLogger, newApp, mainDSN, logDSN, migrateMain, bunsql.ProviderSet)

// userSet is the user service from its ports to its router.
var userSet = gwire.NewSet(
	user.NewService, user.DefaultConfig,
	gwire.Struct(new(user.SystemClock)), gwire.Bind(new(user.Clock), new(user.SystemClock)),
	argon2.ProviderSet, jwt.ProviderSet, jwtConfig, userapi.ProviderSet,
)

// gatewayHandler mounts every slice on one handler.
func gatewayHandler(c config.Config, log *zap.Logger, main bunsql.MainDB, lg bunsql.LogDB, _ MainSchema, _ LogSchema, users *userapi.Slice) http.Handler {
	return kit.NewHandler(kitConfig(c, "gateway"), log, []kit.ReadyCheck{mainReady(main), logReady(lg)}, users)
}

func gatewayKit(c config.Config) kit.Config { return kitConfig(c, "gateway") }

// userHandler mounts the user slice alone.
func userHandler(c config.Config, log *zap.Logger, main bunsql.MainDB, _ MainSchema, users *userapi.Slice) http.Handler {
	return kit.NewHandler(kitConfig(c, "user"), log, []kit.ReadyCheck{mainReady(main)}, users)
}

func userKit(c config.Config) kit.Config { return kitConfig(c, "user") }
