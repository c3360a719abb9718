package main

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"

	"github.com/kokmeal/kokmeal/adapters/bunsql"
	"github.com/kokmeal/kokmeal/adapters/config"
	"github.com/kokmeal/kokmeal/migrations"
)

// migrate runs one action on each database role; up and down hold the
// role's migration lock so two operators cannot migrate at once, and unlock
// clears a lock left by a migration that was killed.
func migrate(ctx context.Context, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: kokmeal migrate up|down|status|unlock")
	}
	cfg, err := config.Load("")
	if err != nil {
		return err
	}
	for _, target := range []struct {
		role migrations.Role
		dsn  string
	}{{migrations.Main, cfg.MainDSN}, {migrations.Log, cfg.LogDSN}} {
		db, err := bunsql.Open(ctx, target.dsn)
		if err != nil {
			return fmt.Errorf("%s database: %w", target.role, err)
		}
		err = migrateOne(ctx, db, target.role, args[0])
		db.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

func migrateOne(ctx context.Context, db *bun.DB, role migrations.Role, action string) error {
	switch action {
	case "up":
		if err := migrations.Up(ctx, db, role); err != nil {
			return err
		}
		fmt.Printf("%s: up to date\n", role)
	case "down":
		g, err := migrations.Rollback(ctx, db, role)
		if err != nil {
			return err
		}
		if g.IsZero() {
			fmt.Printf("%s: nothing to roll back\n", role)
		} else {
			fmt.Printf("%s: rolled back %s\n", role, g)
		}
	case "status":
		m, err := migrations.New(db, role)
		if err != nil {
			return err
		}
		if err := m.Init(ctx); err != nil {
			return err
		}
		ms, err := m.MigrationsWithStatus(ctx)
		if err != nil {
			return err
		}
		fmt.Printf("%s: applied %s; pending %s\n", role, ms.Applied(), ms.Unapplied())
	case "unlock":
		if err := migrations.Unlock(ctx, db, role); err != nil {
			return err
		}
		fmt.Printf("%s: migration lock cleared\n", role)
	default:
		return fmt.Errorf("unknown migrate action %q: up, down, status or unlock", action)
	}
	return nil
}
