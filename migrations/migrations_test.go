package migrations_test

import (
	"context"
	"strings"
	"testing"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/kokmeal/kokmeal/adapters/bunsql/dbtest"
	"github.com/kokmeal/kokmeal/migrations"
)

// tables answers the tables of db's current database, migration
// bookkeeping included.
func tables(t *testing.T, db *bun.DB) []string {
	t.Helper()
	var q string
	switch db.Dialect().Name() {
	case dialect.SQLite:
		q = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
	case dialect.MySQL:
		q = "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name"
	default:
		q = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name"
	}
	var names []string
	if err := db.NewRaw(q).Scan(context.Background(), &names); err != nil {
		t.Fatal(err)
	}
	return names
}

func has(names []string, name string) bool {
	for _, n := range names {
		if n == name {
			return true
		}
	}
	return false
}

// TestUpDownUp applies both roles to one database, rolls every group back,
// and applies them again, on every engine.
func TestUpDownUp(t *testing.T) {
	ctx := context.Background()
	for _, engine := range dbtest.Engines() {
		t.Run(engine, func(t *testing.T) {
			db := dbtest.OpenEmpty(t, engine)
			want := map[migrations.Role][]string{
				migrations.Main: {"users", "refresh_tokens"},
				migrations.Log:  {"events"},
			}
			up := func() {
				t.Helper()
				for _, role := range migrations.Roles() {
					if err := migrations.Up(ctx, db, role); err != nil {
						t.Fatalf("up %s: %v", role, err)
					}
				}
				names := tables(t, db)
				for role, ts := range want {
					for _, tb := range append(ts, "bun_migrations_"+string(role), "bun_migration_locks_"+string(role)) {
						if !has(names, tb) {
							t.Fatalf("after up: no table %s in %v", tb, names)
						}
					}
				}
			}
			up()
			// A second Up has nothing to do and is no error.
			if err := migrations.Up(ctx, db, migrations.Main); err != nil {
				t.Fatalf("second up: %v", err)
			}
			for _, role := range migrations.Roles() {
				for i := 0; ; i++ {
					g, err := migrations.Rollback(ctx, db, role)
					if err != nil {
						t.Fatalf("rollback %s: %v", role, err)
					}
					if g.IsZero() {
						break
					}
					if i > 100 {
						t.Fatalf("rollback %s never ends", role)
					}
				}
			}
			names := tables(t, db)
			for _, ts := range want {
				for _, tb := range ts {
					if has(names, tb) {
						t.Fatalf("after down: table %s remains in %v", tb, names)
					}
				}
			}
			up()
		})
	}
}

// TestLockHeld: a run while another holds the role's lock fails, and does
// not take the lock away from its holder; the other role is unaffected.
func TestLockHeld(t *testing.T) {
	ctx := context.Background()
	db := dbtest.OpenEmpty(t, dbtest.SQLite)
	m, err := migrations.New(db, migrations.Main)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Init(ctx); err != nil {
		t.Fatal(err)
	}
	if err := m.Lock(ctx); err != nil {
		t.Fatal(err)
	}
	if err := migrations.Up(ctx, db, migrations.Main); err == nil || !strings.Contains(err.Error(), "locked") {
		t.Fatalf("up while locked: %v, want an already-locked error", err)
	}
	if err := migrations.Up(ctx, db, migrations.Log); err != nil {
		t.Fatalf("log role blocked by main's lock: %v", err)
	}
	if err := migrations.Unlock(ctx, db, migrations.Main); err != nil {
		t.Fatal(err)
	}
	if err := migrations.Up(ctx, db, migrations.Main); err != nil {
		t.Fatalf("up after unlock: %v", err)
	}
}

// TestEveryDialectHasEveryMigration keeps the three dialect folders of a
// role in step: same migration names, each with up and down.
func TestEveryDialectHasEveryMigration(t *testing.T) {
	for _, role := range migrations.Roles() {
		var first []string
		for i, d := range []dialect.Name{dialect.SQLite, dialect.MySQL, dialect.PG} {
			ms, err := migrations.Migrations(role, d)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, m := range ms.Sorted() {
				if m.Up == nil || m.Down == nil {
					t.Errorf("%s/%s: migration %s lacks up or down", role, d, m)
				}
				names = append(names, m.String())
			}
			if len(names) == 0 {
				t.Errorf("%s/%s: no migrations", role, d)
			}
			if i == 0 {
				first = names
			} else if strings.Join(names, ",") != strings.Join(first, ",") {
				t.Errorf("%s/%s has %v, sqlite has %v", role, d, names, first)
			}
		}
	}
	if _, err := migrations.Migrations("nope", dialect.SQLite); err == nil {
		t.Error("unknown role accepted")
	}
}
