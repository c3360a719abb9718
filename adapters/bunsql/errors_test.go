package bunsql_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/kokmeal/kokmeal/adapters/bunsql"
	"github.com/kokmeal/kokmeal/adapters/bunsql/dbtest"
	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/user"
	"github.com/kokmeal/kokmeal/migrations"
)

// leaks reports driver or SQL words in a message meant for callers.
func leaks(msg string) bool {
	low := strings.ToLower(msg)
	for _, w := range []string{"insert", "select", "duplicate", "unique", "constraint", "refresh_tokens", "error 1", "sqlstate", "sqlite_", "ka@example.com"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

func TestErrorsTranslated(t *testing.T) {
	ctx := context.Background()
	dbtest.ForEach(t, migrations.Main, func(t *testing.T, db *bun.DB) {
		main := bunsql.MainDB{DB: db}
		users, tokens := bunsql.NewUserStore(main), bunsql.NewRefreshTokenStore(main)
		u, err := users.Create(ctx, newUser("ka@example.com", "가"))
		if err != nil {
			t.Fatal(err)
		}

		_, err = users.Create(ctx, newUser("ka@example.com", "가"))
		if !errors.Is(err, errs.ErrConflict) || err.Error() != "email already registered: conflict" {
			t.Errorf("duplicate email: %v", err)
		}
		var dbErr *bunsql.Error
		if !errors.As(err, &dbErr) || dbErr.Cause() == nil {
			t.Errorf("duplicate email: no driver cause kept for logs: %#v", err)
		}

		other, err := users.Create(ctx, newUser("kb@example.com", "나"))
		if err != nil {
			t.Fatal(err)
		}
		_, err = users.Update(ctx, other.ID, func(x *user.User) error { x.Email = "ka@example.com"; return nil })
		if !errors.Is(err, errs.ErrConflict) || leaks(err.Error()) {
			t.Errorf("update to a taken email: %v", err)
		}

		now := time.Now()
		err = tokens.Save(ctx, user.RefreshToken{Hash: "orphan", UserID: u.ID + 1000, Family: "f", CreatedAt: now, ExpiresAt: now})
		if !errors.Is(err, errs.ErrNotFound) || leaks(err.Error()) {
			t.Errorf("token of no user: %v", err)
		}

		if _, err := users.ByID(ctx, 424242); !errors.Is(err, errs.ErrNotFound) || err.Error() != "user 424242: not found" {
			t.Errorf("missing user: %v", err)
		}

		// A failure of no kind names the engine's code, not its text.
		if db.Dialect().Name() != dialect.SQLite {
			_, err = users.Create(ctx, newUser("long@example.com", strings.Repeat("긴", 101)))
			if err == nil || leaks(err.Error()) || errors.Is(err, errs.ErrConflict) || !strings.Contains(err.Error(), "database error (") {
				t.Errorf("name too long for the column: %v", err)
			}
		}

		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := users.ByID(cancelled, u.ID); !errors.Is(err, errs.ErrUnavailable) || !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled context: %v", err)
		}
	})
}
