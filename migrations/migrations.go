// Package migrations holds the schema of every database role as SQL files,
// one folder per role and dialect, applied with bun's migrator:
//
//	main/{sqlite,mysql,postgres}/NNNN_name[.tx].up.sql and .down.sql
//	log/{sqlite,mysql,postgres}/...
//
// Role Main holds accounts and the shop's data; role Log holds behaviour
// events. Each role records its migrations in its own tables
// (bun_migrations_<role>, bun_migration_locks_<role>), so both roles can share
// one database, as they do in the embedded SQLite default.
//
// Files named .tx.up.sql run in one transaction (PostgreSQL and SQLite, whose
// DDL is transactional); MariaDB commits each DDL statement on its own, so its
// files are plain .up.sql. Statements are separated by --bun:split lines, since
// connections never allow several statements in one query.
//
// A new migration adds the same NNNN_name to all three dialect folders of its
// role. Never edit a migration that has shipped: add the next one.
package migrations

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/migrate"
)

// Role names a database role: the set of tables one logical database holds.
type Role string

const (
	// Main holds users, refresh tokens and, later, products, recipes,
	// carts and orders (MariaDB in production).
	Main Role = "main"
	// Log holds behaviour events and recommendation data (PostgreSQL in
	// production).
	Log Role = "log"
)

// Roles lists every role, in the order a full migration applies them.
func Roles() []Role { return []Role{Main, Log} }

//go:embed main log
var files embed.FS

// folder names the dialect's folder within a role.
func folder(name dialect.Name) (string, error) {
	switch name {
	case dialect.SQLite:
		return "sqlite", nil
	case dialect.MySQL:
		return "mysql", nil
	case dialect.PG:
		return "postgres", nil
	}
	return "", fmt.Errorf("migrations: no migrations for dialect %s", name)
}

// Migrations answers the role's migrations for a dialect.
func Migrations(role Role, name dialect.Name) (*migrate.Migrations, error) {
	if role != Main && role != Log {
		return nil, fmt.Errorf("migrations: unknown role %q", role)
	}
	dir, err := folder(name)
	if err != nil {
		return nil, err
	}
	sub, err := fs.Sub(files, string(role)+"/"+dir)
	if err != nil {
		return nil, err
	}
	ms := migrate.NewMigrations()
	if err := ms.Discover(sub); err != nil {
		return nil, fmt.Errorf("migrations: %s/%s: %w", role, dir, err)
	}
	return ms, nil
}

// New returns a migrator of role for db, choosing the SQL files of db's
// dialect. Migrations are marked applied only once they succeed.
func New(db *bun.DB, role Role) (*migrate.Migrator, error) {
	ms, err := Migrations(role, db.Dialect().Name())
	if err != nil {
		return nil, err
	}
	return migrate.NewMigrator(db, ms,
		migrate.WithTableName("bun_migrations_"+string(role)),
		migrate.WithLocksTableName("bun_migration_locks_"+string(role)),
		migrate.WithMarkAppliedOnSuccess(true),
	), nil
}

// Up applies every pending migration of role: Init, Lock, Migrate, Unlock,
// holding the role's migration lock for the whole run so that two processes
// never migrate at once.
//
// The lock is a row in bun_migration_locks_<role>: if a migrating process is
// killed, the row stays and later runs fail with "already locked" until an
// operator removes it (Unlock).
func Up(ctx context.Context, db *bun.DB, role Role) error {
	m, err := New(db, role)
	if err != nil {
		return err
	}
	if err := m.Init(ctx); err != nil {
		return fmt.Errorf("migrations: %s: init: %w", role, err)
	}
	_, err = locked(ctx, m, role, func() (*migrate.MigrationGroup, error) { return m.Migrate(ctx) })
	return err
}

// Rollback undoes the last applied group of role, under the role's lock. It
// answers the group rolled back, which is empty (IsZero) when none was left.
func Rollback(ctx context.Context, db *bun.DB, role Role) (*migrate.MigrationGroup, error) {
	m, err := New(db, role)
	if err != nil {
		return nil, err
	}
	if err := m.Init(ctx); err != nil {
		return nil, fmt.Errorf("migrations: %s: init: %w", role, err)
	}
	return locked(ctx, m, role, func() (*migrate.MigrationGroup, error) { return m.Rollback(ctx) })
}

// Unlock removes the role's migration lock, for an operator after a
// migrating process died holding it.
func Unlock(ctx context.Context, db *bun.DB, role Role) error {
	m, err := New(db, role)
	if err != nil {
		return err
	}
	if err := m.Init(ctx); err != nil {
		return fmt.Errorf("migrations: %s: init: %w", role, err)
	}
	return m.Unlock(ctx)
}

func locked(ctx context.Context, m *migrate.Migrator, role Role, run func() (*migrate.MigrationGroup, error)) (g *migrate.MigrationGroup, err error) {
	if err := m.Lock(ctx); err != nil {
		return nil, fmt.Errorf("migrations: %s: %w", role, err)
	}
	defer func() {
		// Unlock even when ctx is cancelled, or the lock would outlive us.
		if uerr := m.Unlock(context.WithoutCancel(ctx)); uerr != nil {
			err = errors.Join(err, fmt.Errorf("migrations: %s: unlock: %w", role, uerr))
		}
	}()
	g, err = run()
	if err != nil {
		return g, fmt.Errorf("migrations: %s: %w", role, err)
	}
	return g, nil
}
