// Package dbtest gives tests real, migrated, throw-away databases on every
// engine bunsql supports.
//
// SQLite needs nothing: a file in t.TempDir(). MariaDB and PostgreSQL are
// reached with an admin DSN from the environment (defaults match a machine of
// this project):
//
//	KOKMEAL_TEST_MARIADB_DSN   default mysql://root@127.0.0.1:3306/
//	KOKMEAL_TEST_POSTGRES_DSN  default postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable
//
// Each Open creates a database named kokmeal_test_<random hex>, migrates it
// and drops it when the test ends. A server that cannot be reached skips the
// test with a message saying how to start it; with CI=true it fails instead.
package dbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/kokmeal/kokmeal/adapters/bunsql"
	"github.com/kokmeal/kokmeal/migrations"
)

// The engines, as Engines names them.
const (
	SQLite   = "sqlite"
	MariaDB  = "mariadb"
	Postgres = "postgres"
)

// Engines lists every engine, in the order ForEach runs them.
func Engines() []string { return []string{SQLite, MariaDB, Postgres} }

const (
	defaultMariaDB  = "mysql://root@127.0.0.1:3306/"
	defaultPostgres = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
)

// AdminDSN answers the DSN dbtest uses to create and drop databases on a
// server engine ("" for SQLite).
func AdminDSN(engine string) string {
	switch engine {
	case MariaDB:
		return envOr("KOKMEAL_TEST_MARIADB_DSN", defaultMariaDB)
	case Postgres:
		return envOr("KOKMEAL_TEST_POSTGRES_DSN", defaultPostgres)
	}
	return ""
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// Open answers a fresh database on engine with role's migrations applied,
// closed and dropped when t ends.
func Open(t testing.TB, engine string, role migrations.Role) *bun.DB {
	t.Helper()
	db := OpenEmpty(t, engine)
	if err := migrations.Up(context.Background(), db, role); err != nil {
		t.Fatalf("dbtest: migrate %s on %s: %v", role, engine, err)
	}
	return db
}

// OpenEmpty answers a fresh database on engine without any migration,
// closed and dropped when t ends.
func OpenEmpty(t testing.TB, engine string) *bun.DB {
	t.Helper()
	ctx := context.Background()
	if engine == SQLite {
		db, err := bunsql.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "test.db"))
		if err != nil {
			t.Fatalf("dbtest: open sqlite: %v", err)
		}
		t.Cleanup(func() { _ = db.Close() })
		return db
	}
	if engine != MariaDB && engine != Postgres {
		t.Fatalf("dbtest: unknown engine %q; want one of %v", engine, Engines())
	}

	admin := AdminDSN(engine)
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("dbtest: %s admin DSN is not a URL", engine)
	}
	adb, err := bunsql.Open(ctx, admin, bunsql.WithPool(bunsql.Pool{MaxOpenConns: 2}), bunsql.WithPingTimeout(3*time.Second))
	if err != nil {
		unreachable(t, engine, u, err)
	}
	name := randomName()
	create, drop := "CREATE DATABASE "+name, "DROP DATABASE IF EXISTS "+name
	if engine == MariaDB {
		create += " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
	} else {
		create += " ENCODING 'UTF8'"
		drop += " WITH (FORCE)"
	}
	if _, err := adb.ExecContext(ctx, create); err != nil {
		_ = adb.Close()
		t.Fatalf("dbtest: create database on %s: %v", engine, err)
	}

	var db *bun.DB
	t.Cleanup(func() {
		if db != nil {
			_ = db.Close()
		}
		// A fresh context: the test's may be done by now.
		cctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := adb.ExecContext(cctx, drop); err != nil {
			t.Errorf("dbtest: drop database %s on %s: %v", name, engine, err)
		}
		_ = adb.Close()
	})

	u.Path = "/" + name
	db, err = bunsql.Open(ctx, u.String())
	if err != nil {
		t.Fatalf("dbtest: open %s on %s: %v", name, engine, err)
	}
	return db
}

// ForEach runs fn as one subtest per engine, in turn, each with its own
// fresh database migrated for role. Subtests of fn share that database, so
// they must use distinct keys (emails, hashes) or make their own with Open.
func ForEach(t *testing.T, role migrations.Role, fn func(t *testing.T, db *bun.DB)) {
	t.Helper()
	for _, engine := range Engines() {
		t.Run(engine, func(t *testing.T) {
			fn(t, Open(t, engine, role))
		})
	}
}

func unreachable(t testing.TB, engine string, u *url.URL, err error) {
	t.Helper()
	start := map[string]string{
		MariaDB:  "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd",
		Postgres: "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
	}[engine]
	env := map[string]string{MariaDB: "KOKMEAL_TEST_MARIADB_DSN", Postgres: "KOKMEAL_TEST_POSTGRES_DSN"}[engine]
	msg := fmt.Sprintf("dbtest: %s not reachable at %s: %v\n\tstart it (%s) or point %s at a server",
		engine, u.Redacted(), err, start, env)
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

func randomName() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return "kokmeal_test_" + hex.EncodeToString(b[:])
}
