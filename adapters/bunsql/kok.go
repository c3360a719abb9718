package bunsql

import (
	"context"
	"database/sql"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/kokmeal/kokmeal/core/kok"
)

// Mall implements every kok store port on the main database (tables
// kok_*, migration 0002_kok).
type Mall struct {
	db *bun.DB
}

var (
	_ kok.ProductStore   = (*Mall)(nil)
	_ kok.WishlistStore  = (*Mall)(nil)
	_ kok.CartStore      = (*Mall)(nil)
	_ kok.OrderStore     = (*Mall)(nil)
	_ kok.OwnershipStore = (*Mall)(nil)
)

// NewMall returns the kok stores of the main database.
func NewMall(db MainDB) *Mall { return &Mall{db: db.DB} }

func (m *Mall) dialect() dialect.Name { return m.db.Dialect().Name() }

// txOptions: read committed on MariaDB and PostgreSQL. Under MariaDB's
// default REPEATABLE READ a SELECT ... FOR UPDATE that finds no row takes a
// gap lock, and two transactions inserting into the same gap deadlock; under
// read committed the second insert just waits for the first and fails on
// the unique key, which the callers handle. SQLite (one connection, BEGIN
// IMMEDIATE) is serial whatever the level, and its driver takes none.
func (m *Mall) txOptions() *sql.TxOptions {
	if m.dialect() == dialect.SQLite {
		return nil
	}
	return &sql.TxOptions{Isolation: sql.LevelReadCommitted}
}

// forUpdate locks the rows a query reads until the transaction ends, where
// the engine can; SQLite needs no lock (see Open).
func (m *Mall) forUpdate(q *bun.SelectQuery) *bun.SelectQuery {
	if m.dialect() == dialect.SQLite {
		return q
	}
	return q.For("UPDATE")
}

// retry runs fn again when the engine chose it as a deadlock or
// serialisation victim: the transaction was rolled back whole, so running
// it again is safe. Other errors, and the last attempt's, are answered.
func retry(ctx context.Context, fn func() error) error {
	const attempts = 8
	for i := 1; ; i++ {
		err := fn()
		if err == nil || i == attempts || !transient(err) {
			return err
		}
		// Jittered backoff so the victims do not collide again in step.
		d := time.Duration(i) * time.Duration(1+rand.IntN(5)) * time.Millisecond
		select {
		case <-ctx.Done():
			return err
		case <-time.After(d):
		}
	}
}

// transient reports a deadlock or serialisation failure.
func transient(err error) bool {
	var my *mysql.MySQLError
	if errors.As(err, &my) {
		return my.Number == 1213 || my.Number == 1205 // deadlock, lock wait timeout
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code == "40P01" || pg.Code == "40001"
	}
	return false
}
