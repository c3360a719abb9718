package bunsql_test

import (
	"bufio"
	"context"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kokmeal/kokmeal/adapters/bunsql"
	"github.com/kokmeal/kokmeal/adapters/bunsql/dbtest"
	"github.com/kokmeal/kokmeal/adapters/matcher"
	"github.com/kokmeal/kokmeal/adapters/seed"
	"github.com/kokmeal/kokmeal/core/kok"
	"github.com/kokmeal/kokmeal/migrations"
)

var parenthetical = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)

func seededProducts(b *testing.B, n int) []kok.Product {
	b.Helper()
	f, err := os.Open("../matcher/testdata/vocabulary.txt")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var vocab []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k := strings.Join(strings.Fields(parenthetical.ReplaceAllString(sc.Text(), "")), ""); k != "" && !slices.Contains(vocab, k) {
			vocab = append(vocab, k)
		}
	}
	return seed.Generate(seed.Config{Seed: 1, Products: n, Ingredients: vocab}, matcher.New(vocab, matcher.DefaultSynonyms())).Products
}

// BenchmarkMallImport100k imports 100,000 seeded products into a fresh
// database per engine (insert), imports them again (the idempotent
// upsert), then reads them all back as a Catalog load does.
func BenchmarkMallImport100k(b *testing.B) {
	ps := seededProducts(b, 100_000)
	ctx := context.Background()
	for _, engine := range dbtest.Engines() {
		b.Run(engine, func(b *testing.B) {
			var insert, upsert, load time.Duration
			for b.Loop() {
				b.StopTimer()
				m := bunsql.NewMall(bunsql.MainDB{DB: dbtest.Open(b, engine, migrations.Main)})
				b.StartTimer()
				start := time.Now()
				if err := m.Import(ctx, ps); err != nil {
					b.Fatal(err)
				}
				insert += time.Since(start)
				start = time.Now()
				if err := m.Import(ctx, ps); err != nil {
					b.Fatal(err)
				}
				upsert += time.Since(start)
				start = time.Now()
				all, err := m.All(ctx)
				if err != nil || len(all) != len(ps) {
					b.Fatalf("loaded %d, %v", len(all), err)
				}
				load += time.Since(start)
			}
			n := float64(b.N)
			b.ReportMetric(insert.Seconds()/n, "insert-s")
			b.ReportMetric(upsert.Seconds()/n, "upsert-s")
			b.ReportMetric(load.Seconds()/n, "load-all-s")
			b.ReportMetric(float64(len(ps))*n/insert.Seconds(), "inserts/s")
		})
	}
}
