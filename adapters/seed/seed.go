// Package seed generates a realistic, deterministic U+콕 catalogue and TV
// home-shopping schedule for demos, tests and benchmarks: the same Config
// always yields byte-identical data, at any size.
//
// Every product's Ingredient comes from the IngredientMatcher passed in,
// the same one the service uses, so seeded data agrees with matching.
package seed

import (
	"math/rand/v2"
	"time"
	_ "time/tzdata" // Asia/Seoul must load on machines without zoneinfo

	"github.com/kokmeal/kokmeal/core/homeshopping"
	"github.com/kokmeal/kokmeal/core/kok"
)

// Config sizes the generated data.
type Config struct {
	Seed uint64
	// Products is the number of mall products: about 80% ingredients,
	// 15% ready-made food, 5% non-food.
	Products int
	// Ingredients are the ingredient keys recipes use. Each one the
	// generator can name a product for gets at least one product when
	// Products allows it.
	Ingredients []string
	// Start is the first day of the broadcast schedule (its date in
	// Asia/Seoul counts). Products are created during the 18 months
	// before. Zero means 2025-06-02.
	Start time.Time
	// Days of schedule; zero means 14.
	Days int
}

// Data is a generated catalogue and schedule. IDs run 1..n in each slice.
type Data struct {
	Products   []kok.Product
	Channels   []homeshopping.Channel
	Broadcasts []homeshopping.Broadcast
}

// Seoul is the time zone of the schedule.
var Seoul = func() *time.Location {
	if loc, err := time.LoadLocation("Asia/Seoul"); err == nil {
		return loc
	}
	return time.FixedZone("KST", 9*60*60)
}()

// Generate builds the data for cfg, naming ingredients with m.
func Generate(cfg Config, m kok.IngredientMatcher) Data {
	if cfg.Days <= 0 {
		cfg.Days = 14
	}
	start := time.Date(2025, 6, 2, 0, 0, 0, 0, Seoul)
	if !cfg.Start.IsZero() {
		y, mo, d := cfg.Start.In(Seoul).Date()
		start = time.Date(y, mo, d, 0, 0, 0, 0, Seoul)
	}
	m = memo(m)
	// Separate streams, so the schedule does not change with the number
	// of products and vice versa.
	return Data{
		Products:   products(cfg, m, start, rand.New(rand.NewPCG(cfg.Seed, 0x6b6f6b))),
		Channels:   channels(),
		Broadcasts: broadcasts(cfg.Days, m, start, rand.New(rand.NewPCG(cfg.Seed, 0x7476))),
	}
}

// memo caches match results: generated names repeat a lot, and matching is
// most of the generator's time.
func memo(m kok.IngredientMatcher) kok.IngredientMatcher {
	return &memoMatcher{m: m, seen: map[string]matched{}}
}

type matched struct {
	key string
	ok  bool
}

type memoMatcher struct {
	m    kok.IngredientMatcher
	seen map[string]matched
}

func (c *memoMatcher) Match(name string) (string, bool) {
	if r, ok := c.seen[name]; ok {
		return r.key, r.ok
	}
	k, ok := c.m.Match(name)
	c.seen[name] = matched{k, ok}
	return k, ok
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// price jitters a typical price by ±12% and rounds it the way malls do:
// 3,490 below ten thousand won, 12,900 above.
func price(r *rand.Rand, typical int64) int64 {
	p := typical * int64(88+r.IntN(25)) / 100
	if p < 10000 {
		p = max((p+50)/100*100, 100)
		if r.IntN(10) < 6 {
			p -= 10
		}
		return p
	}
	p = (p + 500) / 1000 * 1000
	if r.IntN(10) < 6 {
		p -= 100
	}
	return p
}
