package bunsql_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/kokmeal/kokmeal/adapters/bunsql"
	"github.com/kokmeal/kokmeal/adapters/bunsql/dbtest"
	"github.com/kokmeal/kokmeal/core/kok/koktest"
	"github.com/kokmeal/kokmeal/core/user"
	"github.com/kokmeal/kokmeal/migrations"
)

// kokTables in an order that deletes children first.
var kokTables = []string{"kok_order_lines", "kok_orders", "kok_cart_items", "kok_wishes", "kok_products"}

// TestMallContract runs the kok ports' contract on SQLite, MariaDB and
// PostgreSQL. One database per engine serves every subtest, emptied of kok
// data before each: the suite expects fresh stores.
func TestMallContract(t *testing.T) {
	dbtest.ForEach(t, migrations.Main, func(t *testing.T, db *bun.DB) {
		main := bunsql.MainDB{DB: db}
		users := bunsql.NewUserStore(main)
		var n atomic.Int64
		koktest.Run(t, func(t *testing.T) koktest.Stores {
			ctx := context.Background()
			for _, table := range kokTables {
				if _, err := db.NewDelete().TableExpr("?", bun.Ident(table)).Where("1 = 1").Exec(ctx); err != nil {
					t.Fatal(err)
				}
			}
			m := bunsql.NewMall(main)
			return koktest.Stores{Products: m, Wishlist: m, Carts: m, Orders: m, Ownership: m,
				NewUser: func(t *testing.T) int64 {
					u, err := users.Create(ctx, user.User{
						Email: fmt.Sprintf("kok%d@example.com", n.Add(1)), Name: "김콕", PasswordHash: "x", Role: user.RoleUser,
						Preferences: user.Preferences{HouseholdSize: 1}, CreatedAt: time.Now(), UpdatedAt: time.Now(),
					})
					if err != nil {
						t.Fatal(err)
					}
					return u.ID
				}}
		})
	})
}
