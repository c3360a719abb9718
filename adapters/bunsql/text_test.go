package bunsql_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/kokmeal/kokmeal/adapters/bunsql"
	"github.com/kokmeal/kokmeal/adapters/bunsql/dbtest"
	"github.com/kokmeal/kokmeal/core/user"
	"github.com/kokmeal/kokmeal/migrations"
)

const (
	nfc = "김콕 🍲"                                            // precomposed syllables
	nfd = "\u1100\u1175\u11b7\u110f\u1169\u11a8 \U0001F372" // the same, as conjoining jamo
)

func newUser(email, name string) user.User {
	t0 := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	return user.User{Email: email, Name: name, PasswordHash: "$argon2id$x", Role: user.RoleUser, CreatedAt: t0, UpdatedAt: t0}
}

// TestTextByteExact: Korean and emoji come back byte for byte, and NFC and
// NFD forms are distinct values, in names, preferences and unique emails.
func TestTextByteExact(t *testing.T) {
	if nfc == nfd {
		t.Fatal("test strings are equal")
	}
	ctx := context.Background()
	dbtest.ForEach(t, migrations.Main, func(t *testing.T, db *bun.DB) {
		users := bunsql.NewUserStore(bunsql.MainDB{DB: db})
		ids := map[string]int64{}
		for i, s := range []string{nfc, nfd} {
			in := newUser(fmt.Sprintf("form%d@example.com", i), s)
			in.Preferences.Allergies = []string{s, "새우"}
			u, err := users.Create(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			ids[s] = u.ID
			// Emails that differ only in normalisation form are two
			// accounts: the store compares bytes.
			if _, err := users.Create(ctx, newUser(s+"@example.com", "x")); err != nil {
				t.Fatalf("email in form %d: %v", i, err)
			}
		}
		for _, s := range []string{nfc, nfd} {
			g, err := users.ByID(ctx, ids[s])
			if err != nil {
				t.Fatal(err)
			}
			if g.Name != s || g.Preferences.Allergies[0] != s {
				t.Fatalf("stored %q, read back name %q allergy %q", s, g.Name, g.Preferences.Allergies[0])
			}
			e, err := users.ByEmail(ctx, s+"@example.com")
			if err != nil {
				t.Fatal(err)
			}
			if e.Email != s+"@example.com" {
				t.Fatalf("email %q read back as %q", s+"@example.com", e.Email)
			}
			n, err := db.NewSelect().Table("users").Where("name = ?", s).Count(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if n != 1 {
				t.Fatalf("%d rows match %q, want 1: the engine folds normalisation forms", n, s)
			}
		}
	})
}

// TestTimesUTCMicroseconds: timestamps are stored as instants, in UTC, to
// the microsecond, whatever zone they arrive in.
func TestTimesUTCMicroseconds(t *testing.T) {
	ctx := context.Background()
	seoul := time.FixedZone("KST", 9*3600)
	at := time.Date(2026, 11, 26, 18, 30, 15, 123456789, seoul)
	dbtest.ForEach(t, migrations.Main, func(t *testing.T, db *bun.DB) {
		users := bunsql.NewUserStore(bunsql.MainDB{DB: db})
		in := newUser("time@example.com", "시간")
		in.CreatedAt, in.UpdatedAt = at, at
		created, err := users.Create(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		g, err := users.ByID(ctx, created.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := at.UTC().Truncate(time.Microsecond)
		if !g.CreatedAt.Equal(want) || g.CreatedAt.Location() != time.UTC || g.CreatedAt.Nanosecond() != 123456000 {
			t.Fatalf("read back %v, want %v in UTC", g.CreatedAt, want)
		}
		if !created.CreatedAt.Equal(g.CreatedAt) {
			t.Fatalf("Create answered %v, store holds %v", created.CreatedAt, g.CreatedAt)
		}
	})
}

// TestFieldsRoundTrip: every field of a user survives a write and a read,
// including the ones the contract leaves at their zero values.
func TestFieldsRoundTrip(t *testing.T) {
	ctx := context.Background()
	dbtest.ForEach(t, migrations.Main, func(t *testing.T, db *bun.DB) {
		users := bunsql.NewUserStore(bunsql.MainDB{DB: db})
		in := newUser("admin@example.com", "관리자")
		in.Role, in.Disabled = user.RoleAdmin, true
		in.Preferences = user.Preferences{Diets: []string{"halal", "low_sodium"}, HouseholdSize: 20}
		u, err := users.Create(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		g, err := users.ByEmail(ctx, "admin@example.com")
		if err != nil {
			t.Fatal(err)
		}
		in.ID = u.ID
		in.Preferences.Allergies, in.Preferences.DislikedIngredients = []string{}, []string{}
		if fmt.Sprintf("%#v", g) != fmt.Sprintf("%#v", in) {
			t.Fatalf("read back\n%#v\nwant\n%#v", g, in)
		}
		g, err = users.Update(ctx, u.ID, func(x *user.User) error { x.Disabled = false; x.Role = user.RoleUser; return nil })
		if err != nil {
			t.Fatal(err)
		}
		if g, err = users.ByID(ctx, u.ID); err != nil || g.Disabled || g.Role != user.RoleUser {
			t.Fatalf("after update: %+v, %v", g, err)
		}
	})
}
