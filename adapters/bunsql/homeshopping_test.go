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
	"github.com/kokmeal/kokmeal/core/homeshopping"
	"github.com/kokmeal/kokmeal/core/homeshopping/homeshoppingtest"
	"github.com/kokmeal/kokmeal/core/user"
	"github.com/kokmeal/kokmeal/migrations"
)

var hsUsers atomic.Int64

// hsUser creates an account for alarms to belong to.
func hsUser(t *testing.T, main bunsql.MainDB) int64 {
	t.Helper()
	now := time.Now().UTC()
	u, err := bunsql.NewUserStore(main).Create(context.Background(), user.User{
		Email: fmt.Sprintf("hs%d-%d@example.com", hsUsers.Add(1), now.UnixNano()), Name: "홈쇼핑", PasswordHash: "x", Role: user.RoleUser,
		Preferences: user.Preferences{HouseholdSize: 1}, CreatedAt: now, UpdatedAt: now,
	})
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

// hsEmpty clears the home-shopping tables, so the subtests, sharing one
// database per engine, each start from an empty store.
func hsEmpty(t *testing.T, db *bun.DB) {
	t.Helper()
	for _, table := range []string{"homeshopping_alarms", "homeshopping_broadcast_products", "homeshopping_broadcasts", "homeshopping_channels"} {
		if _, err := db.NewDelete().TableExpr(table).Where("1 = 1").Exec(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}

func TestHomeShoppingContract(t *testing.T) {
	dbtest.ForEach(t, migrations.Main, func(t *testing.T, db *bun.DB) {
		main := bunsql.MainDB{DB: db}
		homeshoppingtest.Run(t, func(t *testing.T) homeshoppingtest.Stores {
			hsEmpty(t, db)
			return homeshoppingtest.Stores{
				Schedule: bunsql.NewHomeShoppingSchedule(main),
				Alarms:   bunsql.NewHomeShoppingAlarms(main),
				NewUser:  func(t *testing.T) int64 { return hsUser(t, main) },
			}
		})
	})
}

// TestHomeShoppingAlarmsGoWithTheAccount: deleting an account deletes its
// alarms (personal data), by the schema's cascade.
func TestHomeShoppingAlarmsGoWithTheAccount(t *testing.T) {
	ctx := context.Background()
	dbtest.ForEach(t, migrations.Main, func(t *testing.T, db *bun.DB) {
		main := bunsql.MainDB{DB: db}
		sched, alarms := bunsql.NewHomeShoppingSchedule(main), bunsql.NewHomeShoppingAlarms(main)
		zone := time.FixedZone("KST", 9*3600)
		chs, bs := homeshoppingtest.Sample(time.Date(2026, 11, 26, 0, 0, 0, 0, zone), 1, zone)
		if err := sched.Import(ctx, chs, bs); err != nil {
			t.Fatal(err)
		}
		uid := hsUser(t, main)
		if _, _, err := alarms.Put(ctx, homeshopping.Alarm{UserID: uid, BroadcastID: bs[0].ID, CreatedAt: time.Now()}); err != nil {
			t.Fatal(err)
		}
		if err := bunsql.NewUserStore(main).Delete(ctx, uid); err != nil {
			t.Fatal(err)
		}
		n, err := db.NewSelect().TableExpr("homeshopping_alarms").Where("user_id = ?", uid).Count(ctx)
		if err != nil || n != 0 {
			t.Fatalf("%d alarms survived their account (%v)", n, err)
		}
	})
}
