// Package usertest holds the contract suites every adapter of the user ports
// must pass: the in-memory adapter and bun on SQLite, MariaDB and PostgreSQL
// run the very same tests.
package usertest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/user"
)

// Stores is one adapter's pair of stores over the same storage.
type Stores struct {
	Users  user.UserStore
	Tokens user.RefreshTokenStore
}

var t0 = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

func newUser(email string) user.User {
	return user.User{
		Email: email, Name: "김콕", PasswordHash: "$argon2id$x", Role: user.RoleUser,
		Preferences: user.Preferences{Allergies: []string{}, DislikedIngredients: []string{}, Diets: []string{}, HouseholdSize: 1},
		CreatedAt:   t0, UpdatedAt: t0,
	}
}

// Run runs every contract test against fresh stores from open.
func Run(t *testing.T, open func(t *testing.T) Stores) {
	t.Run("UserStore", func(t *testing.T) { RunUserStore(t, func(t *testing.T) user.UserStore { return open(t).Users }) })
	t.Run("RefreshTokenStore", func(t *testing.T) { RunRefreshTokenStore(t, open) })
}

// RunUserStore is the UserStore contract.
func RunUserStore(t *testing.T, open func(t *testing.T) user.UserStore) {
	ctx := context.Background()

	t.Run("create then read back byte-exact, Korean included", func(t *testing.T) {
		s := open(t)
		in := newUser("kim@example.com")
		in.Name = "김콕 🍲 Kokmeal"
		in.Preferences = user.Preferences{Allergies: []string{"땅콩", "새우"}, DislikedIngredients: []string{"고수", "오이"}, Diets: []string{"vegan"}, HouseholdSize: 3}
		u, err := s.Create(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if u.ID == 0 {
			t.Fatal("Create gave no id")
		}
		for _, got := range []func() (user.User, error){
			func() (user.User, error) { return s.ByID(ctx, u.ID) },
			func() (user.User, error) { return s.ByEmail(ctx, "kim@example.com") },
		} {
			g, err := got()
			if err != nil {
				t.Fatal(err)
			}
			if g.Name != in.Name || g.Email != in.Email || g.Role != user.RoleUser || g.PasswordHash != in.PasswordHash {
				t.Fatalf("read back %+v, want %+v", g, in)
			}
			if fmt.Sprint(g.Preferences) != fmt.Sprint(in.Preferences) {
				t.Fatalf("preferences %+v, want %+v", g.Preferences, in.Preferences)
			}
			if !g.CreatedAt.Equal(t0) {
				t.Fatalf("created_at %v, want %v", g.CreatedAt, t0)
			}
		}
	})

	t.Run("duplicate email is a conflict", func(t *testing.T) {
		s := open(t)
		if _, err := s.Create(ctx, newUser("dup@example.com")); err != nil {
			t.Fatal(err)
		}
		_, err := s.Create(ctx, newUser("dup@example.com"))
		if !errors.Is(err, errs.ErrConflict) {
			t.Fatalf("got %v, want ErrConflict", err)
		}
	})

	t.Run("concurrent signups with one email create exactly one", func(t *testing.T) {
		s := open(t)
		var ok atomic.Int32
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				_, err := s.Create(ctx, newUser("race@example.com"))
				switch {
				case err == nil:
					ok.Add(1)
				case !errors.Is(err, errs.ErrConflict):
					t.Errorf("got %v, want nil or ErrConflict", err)
				}
			})
		}
		wg.Wait()
		if ok.Load() != 1 {
			t.Fatalf("%d creates succeeded, want 1", ok.Load())
		}
	})

	t.Run("missing is not found", func(t *testing.T) {
		s := open(t)
		if _, err := s.ByID(ctx, 999999); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("ByID: %v", err)
		}
		if _, err := s.ByEmail(ctx, "nobody@example.com"); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("ByEmail: %v", err)
		}
		if _, err := s.Update(ctx, 999999, func(*user.User) error { return nil }); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("Update: %v", err)
		}
		if err := s.Delete(ctx, 999999); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("Delete: %v", err)
		}
	})

	t.Run("update applies fn and persists; fn error writes nothing", func(t *testing.T) {
		s := open(t)
		u, err := s.Create(ctx, newUser("up@example.com"))
		if err != nil {
			t.Fatal(err)
		}
		later := t0.Add(time.Hour)
		got, err := s.Update(ctx, u.ID, func(u *user.User) error {
			u.Name = "이름 바꿈"
			u.Preferences.Allergies = []string{"우유"}
			u.Preferences.HouseholdSize = 4
			u.UpdatedAt = later
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != "이름 바꿈" {
			t.Fatalf("Update answered %+v", got)
		}
		boom := errors.New("boom")
		if _, err := s.Update(ctx, u.ID, func(u *user.User) error { u.Name = "버려짐"; return boom }); !errors.Is(err, boom) {
			t.Fatalf("Update with failing fn: %v", err)
		}
		g, err := s.ByID(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if g.Name != "이름 바꿈" || g.Preferences.HouseholdSize != 4 || len(g.Preferences.Allergies) != 1 || g.Preferences.Allergies[0] != "우유" || !g.UpdatedAt.Equal(later) {
			t.Fatalf("after update: %+v", g)
		}
	})

	t.Run("concurrent updates lose nothing", func(t *testing.T) {
		s := open(t)
		u, err := s.Create(ctx, newUser("cc@example.com"))
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for range 10 {
			wg.Go(func() {
				_, err := s.Update(ctx, u.ID, func(u *user.User) error { u.Preferences.HouseholdSize++; return nil })
				if err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		g, err := s.ByID(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if g.Preferences.HouseholdSize != 11 {
			t.Fatalf("household_size %d after 10 increments from 1, want 11", g.Preferences.HouseholdSize)
		}
	})

	t.Run("delete removes the account", func(t *testing.T) {
		s := open(t)
		u, err := s.Create(ctx, newUser("del@example.com"))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Delete(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ByID(ctx, u.ID); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("after delete: %v", err)
		}
		if _, err := s.Create(ctx, newUser("del@example.com")); err != nil {
			t.Fatalf("email not free after delete: %v", err)
		}
	})
}

// RunRefreshTokenStore is the RefreshTokenStore contract.
func RunRefreshTokenStore(t *testing.T, open func(t *testing.T) Stores) {
	ctx := context.Background()
	setup := func(t *testing.T) (Stores, int64) {
		s := open(t)
		u, err := s.Users.Create(ctx, newUser(fmt.Sprintf("tok%d@example.com", time.Now().UnixNano())))
		if err != nil {
			t.Fatal(err)
		}
		return s, u.ID
	}
	tok := func(hash string, uid int64, family string) user.RefreshToken {
		return user.RefreshToken{Hash: hash, UserID: uid, Family: family, CreatedAt: t0, ExpiresAt: t0.Add(24 * time.Hour)}
	}

	t.Run("consume returns the token once unused, then used", func(t *testing.T) {
		s, uid := setup(t)
		if err := s.Tokens.Save(ctx, tok("h1", uid, "f1")); err != nil {
			t.Fatal(err)
		}
		at := t0.Add(time.Minute)
		first, err := s.Tokens.Consume(ctx, "h1", at)
		if err != nil {
			t.Fatal(err)
		}
		if first.UsedAt != nil || first.RevokedAt != nil || first.UserID != uid || first.Family != "f1" || !first.ExpiresAt.Equal(t0.Add(24*time.Hour)) {
			t.Fatalf("first consume: %+v", first)
		}
		second, err := s.Tokens.Consume(ctx, "h1", at.Add(time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		if second.UsedAt == nil || !second.UsedAt.Equal(at) {
			t.Fatalf("second consume: UsedAt %v, want %v", second.UsedAt, at)
		}
	})

	t.Run("unknown hash is not found", func(t *testing.T) {
		s, _ := setup(t)
		if _, err := s.Tokens.Consume(ctx, "nope", t0); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("got %v", err)
		}
	})

	t.Run("concurrent consumes: exactly one sees it unused", func(t *testing.T) {
		s, uid := setup(t)
		if err := s.Tokens.Save(ctx, tok("race", uid, "f")); err != nil {
			t.Fatal(err)
		}
		var fresh atomic.Int32
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				got, err := s.Tokens.Consume(ctx, "race", t0)
				if err != nil {
					t.Error(err)
					return
				}
				if got.UsedAt == nil {
					fresh.Add(1)
				}
			})
		}
		wg.Wait()
		if fresh.Load() != 1 {
			t.Fatalf("%d consumers saw the token unused, want 1", fresh.Load())
		}
	})

	t.Run("revoke family touches only that family", func(t *testing.T) {
		s, uid := setup(t)
		for _, x := range []user.RefreshToken{tok("a1", uid, "A"), tok("a2", uid, "A"), tok("b1", uid, "B")} {
			if err := s.Tokens.Save(ctx, x); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Tokens.RevokeFamily(ctx, "A", t0.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		for hash, revoked := range map[string]bool{"a1": true, "a2": true, "b1": false} {
			got, err := s.Tokens.Consume(ctx, hash, t0.Add(2*time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			if (got.RevokedAt != nil) != revoked {
				t.Fatalf("%s revoked=%v, want %v", hash, got.RevokedAt != nil, revoked)
			}
		}
	})

	t.Run("duplicate hash is a conflict", func(t *testing.T) {
		s, uid := setup(t)
		if err := s.Tokens.Save(ctx, tok("same", uid, "f")); err != nil {
			t.Fatal(err)
		}
		if err := s.Tokens.Save(ctx, tok("same", uid, "f")); !errors.Is(err, errs.ErrConflict) {
			t.Fatalf("got %v, want ErrConflict", err)
		}
	})

	t.Run("deleting the user deletes its tokens", func(t *testing.T) {
		s, uid := setup(t)
		if err := s.Tokens.Save(ctx, tok("gone", uid, "f")); err != nil {
			t.Fatal(err)
		}
		if err := s.Users.Delete(ctx, uid); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Tokens.Consume(ctx, "gone", t0); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("token survived its user: %v", err)
		}
	})
}
