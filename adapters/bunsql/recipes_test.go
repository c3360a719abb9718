package bunsql_test

import (
	"context"
	"fmt"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/kokmeal/kokmeal/adapters/bunsql"
	"github.com/kokmeal/kokmeal/adapters/bunsql/dbtest"
	"github.com/kokmeal/kokmeal/adapters/recipedata"
	"github.com/kokmeal/kokmeal/core/recipe"
	"github.com/kokmeal/kokmeal/core/recipe/recipetest"
	"github.com/kokmeal/kokmeal/core/user"
	"github.com/kokmeal/kokmeal/migrations"
)

var recipeUsers atomic.Int64

func newRecipeUser(t *testing.T, users *bunsql.UserStore) int64 {
	t.Helper()
	now := time.Now().UTC()
	u, err := users.Create(context.Background(), user.User{
		Email: fmt.Sprintf("recipe%d-%d@example.com", recipeUsers.Add(1), now.UnixNano()), Name: "요리사",
		PasswordHash: "$argon2id$x", Role: user.RoleUser, Preferences: user.Preferences{HouseholdSize: 1},
		CreatedAt: now, UpdatedAt: now,
	})
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

// TestRecipesContract runs the recipe stores' contract on SQLite, MariaDB
// and PostgreSQL; subtests share a database per engine and keep to their
// own recipe IDs.
func TestRecipesContract(t *testing.T) {
	dbtest.ForEach(t, migrations.Main, func(t *testing.T, db *bun.DB) {
		main := bunsql.MainDB{DB: db}
		users := bunsql.NewUserStore(main)
		recipetest.Run(t, func(t *testing.T) recipetest.Stores {
			s := bunsql.NewRecipes(main)
			return recipetest.Stores{Recipes: s, Ratings: s, Bookmarks: s, NewUser: func(t *testing.T) int64 { return newRecipeUser(t, users) }}
		})
	})
}

// TestRecipesFollowTheirUser checks what the schema adds to the contract:
// deleting an account deletes its ratings and bookmarks.
func TestRecipesFollowTheirUser(t *testing.T) {
	ctx := context.Background()
	dbtest.ForEach(t, migrations.Main, func(t *testing.T, db *bun.DB) {
		main := bunsql.MainDB{DB: db}
		users, s := bunsql.NewUserStore(main), bunsql.NewRecipes(main)
		if err := s.Import(ctx, []recipe.Recipe{recipetest.Sample(1, "김치찌개")}); err != nil {
			t.Fatal(err)
		}
		uid, keep := newRecipeUser(t, users), newRecipeUser(t, users)
		for _, u := range []int64{uid, keep} {
			if _, err := s.Rate(ctx, u, 1, 5, time.Now()); err != nil {
				t.Fatal(err)
			}
			if err := s.PutBookmark(ctx, recipe.Bookmark{UserID: u, RecipeID: 1, CreatedAt: time.Now()}); err != nil {
				t.Fatal(err)
			}
		}
		if err := users.Delete(ctx, uid); err != nil {
			t.Fatal(err)
		}
		all, err := s.All(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if all[0].Rating != (recipe.Rating{Count: 1, Sum: 5}) {
			t.Fatalf("rating after deleting a rater: %+v", all[0].Rating)
		}
		if _, n, err := s.Bookmarks(ctx, uid, 0, 10); err != nil || n != 0 {
			t.Fatalf("bookmarks of a deleted user: %d %v", n, err)
		}
	})
}

// TestRecipesDemoDataRoundTrips imports the 537 MAFRA recipes and reads them
// back byte-exact, parsed amounts included, on every engine.
func TestRecipesDemoDataRoundTrips(t *testing.T) {
	ctx := context.Background()
	want, err := recipedata.Load()
	if err != nil {
		t.Fatal(err)
	}
	dbtest.ForEach(t, migrations.Main, func(t *testing.T, db *bun.DB) {
		s := bunsql.NewRecipes(bunsql.MainDB{DB: db})
		for range 2 { // the second import replaces the first
			if err := s.Import(ctx, want); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.All(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%d recipes, want %d", len(got), len(want))
		}
		for i := range want {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("recipe %d:\n got %+v\nwant %+v", want[i].ID, got[i], want[i])
			}
		}
	})
}
