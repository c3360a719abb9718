package bunsql

import (
	"context"

	"github.com/google/wire"
	"github.com/uptrace/bun"

	"github.com/kokmeal/kokmeal/core/user"
)

// MainDSN names the main database (users, catalogue, orders), e.g.
// sqlite:./var/main.db or mysql://kokmeal:pw@127.0.0.1:3306/kokmeal.
type MainDSN string

// LogDSN names the log database (behaviour events, recommendation data),
// e.g. sqlite:./var/log.db or postgres://kokmeal@127.0.0.1:5432/kokmeal_log.
type LogDSN string

// MainDB is the main database, typed so that wire never confuses it with
// the log database.
type MainDB struct{ *bun.DB }

// LogDB is the log database.
type LogDB struct{ *bun.DB }

// OpenMain opens and pings the main database; cleanup closes it.
// It does not migrate: run migrations.Up (the migrate command) first.
func OpenMain(ctx context.Context, dsn MainDSN) (MainDB, func(), error) {
	db, err := Open(ctx, string(dsn))
	if err != nil {
		return MainDB{}, nil, err
	}
	return MainDB{db}, func() { _ = db.Close() }, nil
}

// OpenLog opens and pings the log database; cleanup closes it.
// It does not migrate: run migrations.Up (the migrate command) first.
func OpenLog(ctx context.Context, dsn LogDSN) (LogDB, func(), error) {
	db, err := Open(ctx, string(dsn))
	if err != nil {
		return LogDB{}, nil, err
	}
	return LogDB{db}, func() { _ = db.Close() }, nil
}

// Ready reports whether the main database answers, for /readyz: nil, or an
// errs.ErrUnavailable.
func (db MainDB) Ready(ctx context.Context) error {
	return translate(db.PingContext(ctx), "main database")
}

// Ready reports whether the log database answers, for /readyz.
func (db LogDB) Ready(ctx context.Context) error {
	return translate(db.PingContext(ctx), "log database")
}

// ProviderSet gives an injector that has a context.Context, a MainDSN and a
// LogDSN: MainDB, LogDB, and the account stores as user.UserStore and
// user.RefreshTokenStore (also as *UserStore and *RefreshTokenStore).
var ProviderSet = wire.NewSet(
	OpenMain,
	OpenLog,
	NewUserStore,
	NewRefreshTokenStore,
	wire.Bind(new(user.UserStore), new(*UserStore)),
	wire.Bind(new(user.RefreshTokenStore), new(*RefreshTokenStore)),
)
