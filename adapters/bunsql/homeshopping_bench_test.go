package bunsql_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/kokmeal/kokmeal/adapters/bunsql"
	"github.com/kokmeal/kokmeal/adapters/bunsql/dbtest"
	"github.com/kokmeal/kokmeal/core/homeshopping/homeshoppingtest"
	"github.com/kokmeal/kokmeal/migrations"
)

// BenchmarkHomeShoppingImport saves 14 days × 5 channels (1,680 broadcasts,
// ~3,400 products) in one transaction, the seeding path, and loads it back
// whole, as the read model does on a change; per engine, with p50/p99.
func BenchmarkHomeShoppingImport(b *testing.B) {
	ctx := context.Background()
	zone := time.FixedZone("KST", 9*3600)
	chs, bs := homeshoppingtest.Sample(time.Date(2026, 11, 20, 0, 0, 0, 0, zone), 14, zone)
	for _, engine := range dbtest.Engines() {
		b.Run(engine, func(b *testing.B) {
			s := bunsql.NewHomeShoppingSchedule(bunsql.MainDB{DB: dbtest.Open(b, engine, migrations.Main)})
			for _, op := range []struct {
				name string
				fn   func() error
			}{
				{"import", func() error { return s.Import(ctx, chs, bs) }},
				{"load", func() error { _, err := s.Load(ctx); return err }},
			} {
				b.Run(op.name, func(b *testing.B) {
					var l []time.Duration
					for b.Loop() {
						t := time.Now()
						if err := op.fn(); err != nil {
							b.Fatal(err)
						}
						l = append(l, time.Since(t))
					}
					slices.Sort(l)
					b.ReportMetric(float64(l[len(l)/2].Microseconds())/1e3, "p50-ms")
					b.ReportMetric(float64(l[(len(l)-1)*99/100].Microseconds())/1e3, "p99-ms")
				})
			}
		})
	}
}
