// Package wire is the composition root: the only place where adapters meet
// the core. Injectors live in wire.go (built by google/wire into
// wire_gen.go); the providers here turn configuration into the values the
// adapters' provider sets need.
package wire

import (
	"context"
	"fmt"
	"net/http"
	"time"

	gwire "github.com/google/wire"
	"go.uber.org/zap"

	"github.com/kokmeal/kokmeal/adapters/argon2"
	"github.com/kokmeal/kokmeal/adapters/bunsql"
	"github.com/kokmeal/kokmeal/adapters/config"
	"github.com/kokmeal/kokmeal/adapters/http/homeshoppingapi"
	"github.com/kokmeal/kokmeal/adapters/http/kit"
	"github.com/kokmeal/kokmeal/adapters/http/kokapi"
	"github.com/kokmeal/kokmeal/adapters/http/recipeapi"
	"github.com/kokmeal/kokmeal/adapters/http/userapi"
	"github.com/kokmeal/kokmeal/adapters/jwt"
	"github.com/kokmeal/kokmeal/adapters/logging"
	"github.com/kokmeal/kokmeal/adapters/seed"
	"github.com/kokmeal/kokmeal/core/homeshopping"
	"github.com/kokmeal/kokmeal/core/kok"
	"github.com/kokmeal/kokmeal/core/recipe"
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

// userSet is the user service from its ports to its router. Every host has
// it: the other slices authenticate with its Authenticate use case, and the
// recipe service reads its users' allergies.
var userSet = gwire.NewSet(
	user.NewService, user.DefaultConfig,
	gwire.Struct(new(user.SystemClock)), gwire.Bind(new(user.Clock), new(user.SystemClock)),
	argon2.ProviderSet, jwt.ProviderSet, jwtConfig, userapi.ProviderSet,
	gwire.FieldsOf(new(*user.Service), "Authenticate"),
	gwire.Bind(new(kit.Authenticator), new(user.Authenticate)),
)

// kokSet is the mall: bun stores, the in-process catalogue and its router.
var kokSet = gwire.NewSet(
	bunsql.KokSet, gwire.Struct(new(kok.Stores), "*"), kokCatalog, kok.NewService, kokapi.ProviderSet,
	gwire.Struct(new(kok.SystemClock)), gwire.Bind(new(kok.Clock), new(kok.SystemClock)),
	gwire.FieldsOf(new(*kok.Service), "ByIngredient", "Owned"),
)

// kokCatalog loads the products once migrated and re-checks the table's
// version every few seconds, so a seed run by the CLI shows up.
func kokCatalog(ctx context.Context, _ MainSchema, src kok.CatalogSource) (*kok.Catalog, func(), error) {
	return kok.OpenCatalog(ctx, src, kok.DefaultCatalogRefresh)
}

// homeShoppingSet is the home-shopping service and its router.
var homeShoppingSet = gwire.NewSet(
	homeShoppingService, homeshoppingapi.ProviderSet, bunsql.HomeShoppingSet,
	gwire.Struct(new(homeshopping.SystemClock)), gwire.Bind(new(homeshopping.Clock), new(homeshopping.SystemClock)),
)

func homeShoppingService(_ MainSchema, s homeshopping.ScheduleStore, a homeshopping.AlarmStore, c homeshopping.Clock, cfg homeshopping.Config) (*homeshopping.Service, error) {
	return homeshopping.NewService(s, a, c, cfg)
}

// recipeSet is the recipe service, fed by the mall and home shopping for
// recipe → products, and by the users' preferences.
var recipeSet = gwire.NewSet(
	bunsql.RecipesProviderSet, recipeCatalog, recipe.NewService, recipeapi.ProviderSet,
	recipe.NewUsersPreferences, gwire.Bind(new(recipe.UserPreferences), new(recipe.UsersPreferences)),
	gwire.Struct(new(recipe.SystemClock)), gwire.Bind(new(recipe.Clock), new(recipe.SystemClock)),
)

func recipeCatalog(ctx context.Context, _ MainSchema, s recipe.RecipeStore) (*recipe.Catalog, error) {
	return recipe.NewCatalog(ctx, s)
}

// catalogueServices are the three catalogue services, the recipe service
// reading the other two in process for recipe → products.
var catalogueServices = gwire.NewSet(
	kokSet, homeShoppingSet, recipeSet, gwire.Struct(new(seed.Targets), "*"),
	gwire.Bind(new(recipe.ProductsByIngredient), new(kok.ProductsByIngredient)),
	gwire.Bind(new(recipe.OwnedIngredients), new(kok.OwnedIngredients)),
	gwire.Bind(new(recipe.BroadcastsByIngredient), new(*homeshopping.Service)),
)

// catalogueSet adds the demo data, loaded into an empty database, and keeps
// the recipe catalogue fresh against writes by other processes.
var catalogueSet = gwire.NewSet(catalogueServices, demoData)

// Catalogues proves the catalogue services are ready: demo data loaded when
// asked for, and the recipe catalogue's refresher running.
type Catalogues struct{}

func demoData(ctx context.Context, c config.Config, log *zap.Logger, t seed.Targets) (Catalogues, func(), error) {
	if c.DemoData {
		sum, err := seed.Demo(ctx, seed.DefaultDemo(time.Now()), t, true)
		if err != nil {
			return Catalogues{}, nil, fmt.Errorf("loading the demo data: %w", err)
		}
		if !sum.IsZero() {
			log.Info("first start: loaded the demo data (KOKMEAL_DEMO_DATA=false turns this off)", zap.Stringer("loaded", sum))
		}
	}
	fresh, stop := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() {
		defer close(done)
		t.Recipes.KeepFresh(fresh, 30*time.Second, func(err error) { log.Warn("reloading the recipe catalogue", zap.Error(err)) })
	}()
	return Catalogues{}, func() { stop(); <-done }, nil
}

func readyChecks(main bunsql.MainDB, lg *bunsql.LogDB) []kit.ReadyCheck {
	checks := []kit.ReadyCheck{mainReady(main)}
	if lg != nil {
		checks = append(checks, logReady(*lg))
	}
	return checks
}

// gatewayHandler mounts every slice on one handler.
func gatewayHandler(c config.Config, log *zap.Logger, main bunsql.MainDB, lg bunsql.LogDB, _ MainSchema, _ LogSchema, _ Catalogues,
	users *userapi.Slice, mall *kokapi.Slice, hs *homeshoppingapi.Slice, recipes *recipeapi.Slice) http.Handler {
	return kit.NewHandler(kitConfig(c, "gateway"), log, readyChecks(main, &lg), users, mall, hs, recipes)
}

func gatewayKit(c config.Config) kit.Config { return kitConfig(c, "gateway") }

// userHandler mounts the user slice alone.
func userHandler(c config.Config, log *zap.Logger, main bunsql.MainDB, _ MainSchema, users *userapi.Slice) http.Handler {
	return kit.NewHandler(kitConfig(c, "user"), log, readyChecks(main, nil), users)
}

func userKit(c config.Config) kit.Config { return kitConfig(c, "user") }

func kokHandler(c config.Config, log *zap.Logger, main bunsql.MainDB, _ Catalogues, mall *kokapi.Slice) http.Handler {
	return kit.NewHandler(kitConfig(c, "kok"), log, readyChecks(main, nil), mall)
}

func homeShoppingHandler(c config.Config, log *zap.Logger, main bunsql.MainDB, _ Catalogues, hs *homeshoppingapi.Slice) http.Handler {
	return kit.NewHandler(kitConfig(c, "homeshopping"), log, readyChecks(main, nil), hs)
}

func recipeHandler(c config.Config, log *zap.Logger, main bunsql.MainDB, _ Catalogues, recipes *recipeapi.Slice) http.Handler {
	return kit.NewHandler(kitConfig(c, "recipe"), log, readyChecks(main, nil), recipes)
}
