package bunsql_test

import (
	"testing"

	"github.com/uptrace/bun"

	"github.com/kokmeal/kokmeal/adapters/bunsql"
	"github.com/kokmeal/kokmeal/adapters/bunsql/dbtest"
	"github.com/kokmeal/kokmeal/core/user/usertest"
	"github.com/kokmeal/kokmeal/migrations"
)

// TestAccountsContract runs the user ports' contract on SQLite, MariaDB and
// PostgreSQL. One database per engine serves every contract subtest: they
// use distinct emails and token hashes.
func TestAccountsContract(t *testing.T) {
	dbtest.ForEach(t, migrations.Main, func(t *testing.T, db *bun.DB) {
		main := bunsql.MainDB{DB: db}
		usertest.Run(t, func(t *testing.T) usertest.Stores {
			return usertest.Stores{Users: bunsql.NewUserStore(main), Tokens: bunsql.NewRefreshTokenStore(main)}
		})
	})
}
