package memory_test

import (
	"bufio"
	"context"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kokmeal/kokmeal/adapters/matcher"
	"github.com/kokmeal/kokmeal/adapters/memory"
	"github.com/kokmeal/kokmeal/adapters/seed"
	"github.com/kokmeal/kokmeal/core/kok"
)

var parenthetical = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)

// generated is the seed catalogue of n products, made once per size.
var generated = sync.OnceValue(func() map[int][]kok.Product { return map[int][]kok.Product{} })
var generatedMu sync.Mutex

func seeded(tb testing.TB, n int) []kok.Product {
	tb.Helper()
	generatedMu.Lock()
	defer generatedMu.Unlock()
	if ps, ok := generated()[n]; ok {
		return ps
	}
	f, err := os.Open("../matcher/testdata/vocabulary.txt")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var vocab []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k := strings.Join(strings.Fields(parenthetical.ReplaceAllString(sc.Text(), "")), ""); k != "" && !slices.Contains(vocab, k) {
			vocab = append(vocab, k)
		}
	}
	d := seed.Generate(seed.Config{Seed: 1, Products: n, Ingredients: vocab}, matcher.New(vocab, matcher.DefaultSynonyms()))
	generated()[n] = d.Products
	return d.Products
}

func catalogOf(tb testing.TB, ps []kok.Product, cacheEntries int) *kok.Catalog {
	tb.Helper()
	m := memory.NewMall()
	if err := m.Import(context.Background(), ps); err != nil {
		tb.Fatal(err)
	}
	c := kok.NewCatalog(m)
	c.SetQueryCache(cacheEntries)
	if err := c.Load(context.Background()); err != nil {
		tb.Fatal(err)
	}
	return c
}

func ptr(v int64) *int64 { return &v }

// searchCases are the kinds of query shoppers send.
var searchCases = []struct {
	name string
	q    kok.SearchQuery
}{
	{"word", kok.SearchQuery{Q: "양파"}},
	{"compound", kok.SearchQuery{Q: "김치찌개"}},
	{"spaced", kok.SearchQuery{Q: "김치 찌개"}},
	{"two-words", kok.SearchQuery{Q: "비비고 미역국"}},
	{"choseong", kok.SearchQuery{Q: "ㄱㅊ"}},
	{"typo", kok.SearchQuery{Q: "고추가루"}},
	{"brand", kok.SearchQuery{Q: "비비고"}},
	{"one-syllable", kok.SearchQuery{Q: "파"}},
	{"filtered-sorted", kok.SearchQuery{Q: "우유", MinPrice: ptr(1000), MaxPrice: ptr(20000), Sort: "price_asc"}},
	{"browse-category", kok.SearchQuery{Category: "채소", Sort: "discount"}},
	{"browse-all", kok.SearchQuery{Sort: "newest", Page: kok.Page{Number: 50, Size: 20}}},
	{"deep-page", kok.SearchQuery{Q: "국내산", Page: kok.Page{Number: 100, Size: 20}}},
}

// BenchmarkSearch100k runs product search in process over 100,000 seeded
// products and prints p50/p99 per kind of query (target p99 <= 5 ms):
// cold with the query cache off (every call matches and scores afresh),
// warm with it on (paging, sorting or filtering a query asked before).
func BenchmarkSearch100k(b *testing.B) {
	ps := seeded(b, 100_000)
	for _, mode := range []struct {
		name    string
		entries int
	}{{"cold", 0}, {"warm", kok.DefaultQueryCacheEntries}} {
		b.Run(mode.name, func(b *testing.B) { benchSearch(b, catalogOf(b, ps, mode.entries)) })
	}
}

func benchSearch(b *testing.B, c *kok.Catalog) {
	search := kok.NewSearchProducts(c)
	ctx := context.Background()
	for _, tc := range searchCases {
		b.Run(tc.name, func(b *testing.B) {
			lat := make([]time.Duration, 0, 1024)
			total := 0
			b.ReportAllocs()
			for b.Loop() {
				start := time.Now()
				res, err := search.Handle(ctx, tc.q)
				lat = append(lat, time.Since(start))
				if err != nil {
					b.Fatal(err)
				}
				total = res.Total
			}
			report(b, lat)
			b.ReportMetric(float64(total), "matches")
		})
	}
}

func report(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	at := func(q float64) float64 {
		return float64(lat[min(len(lat)-1, int(q*float64(len(lat))))].Microseconds())
	}
	b.ReportMetric(at(0.50), "p50-µs")
	b.ReportMetric(at(0.99), "p99-µs")
}

// BenchmarkCatalogLoad100k builds the read model from 100,000 products:
// what a process pays at start and after another process imports.
func BenchmarkCatalogLoad100k(b *testing.B) {
	m := memory.NewMall()
	if err := m.Import(context.Background(), seeded(b, 100_000)); err != nil {
		b.Fatal(err)
	}
	c := kok.NewCatalog(m)
	b.ReportAllocs()
	for b.Loop() {
		if err := c.Load(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/load")
}
