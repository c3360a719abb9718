package seed

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kokmeal/kokmeal/adapters/matcher"
	"github.com/kokmeal/kokmeal/core/kok"
)

var parenthetical = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)

// vocabulary is the recipe ingredient vocabulary the matcher tests use,
// normalised as recipe.IngredientKey will (no parentheticals, no spaces).
var vocabulary = sync.OnceValues(func() ([]string, error) {
	f, err := os.Open("../matcher/testdata/vocabulary.txt")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	seen := map[string]bool{}
	var keys []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k := strings.Join(strings.Fields(parenthetical.ReplaceAllString(sc.Text(), "")), "")
		if k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	return keys, sc.Err()
})

var newMatcher = sync.OnceValue(func() *matcher.Matcher {
	v, _ := vocabulary()
	return matcher.New(v, matcher.DefaultSynonyms())
})

func config(t testing.TB, seed uint64, n int) Config {
	t.Helper()
	v, err := vocabulary()
	if err != nil {
		t.Fatal(err)
	}
	return Config{Seed: seed, Products: n, Ingredients: v, Start: time.Date(2025, 9, 1, 15, 0, 0, 0, time.UTC)}
}

func encode(t *testing.T, d any) []byte {
	t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDeterministic(t *testing.T) {
	m := newMatcher()
	a := encode(t, Generate(config(t, 7, 3000), m))
	b := encode(t, Generate(config(t, 7, 3000), m))
	if string(a) != string(b) {
		t.Fatal("same seed and sizes gave different data")
	}
	c := Generate(config(t, 8, 3000), m)
	if string(encode(t, c)) == string(a) {
		t.Fatal("another seed gave the same data")
	}
	// The schedule does not depend on the number of products.
	d := Generate(config(t, 7, 10), m)
	if string(encode(t, d.Broadcasts)) != string(encode(t, Generate(config(t, 7, 3000), m).Broadcasts)) {
		t.Error("the schedule changed with the number of products")
	}
}

func TestSizes(t *testing.T) {
	m := newMatcher()
	for _, n := range []int{0, 1, 20, 2000} {
		d := Generate(config(t, 1, n), m)
		if len(d.Products) != n {
			t.Fatalf("Products = %d, want %d", len(d.Products), n)
		}
		kinds := map[kok.ProductKind]int{}
		for i, p := range d.Products {
			if p.ID != int64(i+1) {
				t.Fatalf("product %d has ID %d", i, p.ID)
			}
			kinds[p.Kind]++
		}
		if kinds[kok.KindReadyMeal] != n*15/100 || kinds[kok.KindNonFood] != n*5/100 {
			t.Errorf("n=%d kinds %v, want 15%% ready meals and 5%% non-food", n, kinds)
		}
		if len(d.Channels) != 5 {
			t.Errorf("%d channels, want 5", len(d.Channels))
		}
		for i, b := range d.Broadcasts {
			if b.ID != int64(i+1) {
				t.Fatalf("broadcast %d has ID %d", i, b.ID)
			}
		}
	}
	// Without a vocabulary the whole catalogue is on sale.
	d := Generate(Config{Seed: 1, Products: 500}, m)
	keys := map[string]bool{}
	for _, p := range d.Products {
		keys[p.Ingredient] = true
	}
	if len(d.Products) != 500 || len(keys) < 100 {
		t.Errorf("no vocabulary: %d products selling %d keys", len(d.Products), len(keys))
	}
}

// TestCoverage: every vocabulary key the matcher recognises by its own name
// is sold by at least one product, unless it is not something one buys.
func TestCoverage(t *testing.T) {
	m := newMatcher()
	cfg := config(t, 3, 5000)
	d := Generate(cfg, m)
	sold := map[string]int{}
	for _, p := range d.Products {
		if p.Ingredient != "" {
			sold[p.Ingredient]++
		}
	}
	want := 0
	for _, k := range cfg.Ingredients {
		if got, ok := m.Match(k); !ok || got != k || skipKeys[k] {
			continue
		}
		want++
		if sold[k] == 0 {
			t.Errorf("no product sells %q", k)
		}
	}
	t.Logf("%d of %d vocabulary keys are sellable; products sell %d distinct keys", want, len(cfg.Ingredients), len(sold))
}

// TestCatalogueAgreesWithMatcher: the names the catalogue builds match the
// key they are listed under, and ready meals and non-food match nothing.
func TestCatalogueAgreesWithMatcher(t *testing.T) {
	m := newMatcher()
	c := loadCatalogue()
	for _, v := range c.variants {
		for _, s := range v.surfaces {
			for _, p := range v.packs {
				name := "[곰곰] " + s + " " + p.unit
				got, ok := m.Match(name)
				if v.key == "-" && ok {
					t.Errorf("%q matches %q, listed as no ingredient", name, got)
				}
				if v.key != "-" && got != v.key {
					t.Errorf("%q matches %q, listed as %q", name, got, v.key)
				}
			}
		}
	}
	for _, g := range c.ready {
		for _, dish := range g.dishes {
			for _, p := range g.packs {
				if got, ok := m.Match("[" + g.brands[0] + "] " + dish + " " + p.unit); ok {
					t.Errorf("ready meal %q %q matches %q", dish, p.unit, got)
				}
			}
		}
	}
	for _, g := range c.nonFood {
		for _, it := range g.items {
			if got, ok := m.Match(it.unit); ok {
				t.Errorf("non-food %q matches %q", it.unit, got)
			}
		}
	}
	// Generated products: ready meals and non-food never carry an
	// ingredient; ingredients mostly do (foods no recipe names do not).
	d := Generate(config(t, 5, 20000), m)
	var ing, withKey int
	for _, p := range d.Products {
		switch p.Kind {
		case kok.KindIngredient:
			ing++
			if p.Ingredient != "" {
				withKey++
			}
		default:
			if p.Ingredient != "" {
				t.Errorf("%s %q has ingredient %q", p.Kind, p.Name, p.Ingredient)
			}
		}
	}
	t.Logf("%d of %d ingredient products carry a key", withKey, ing)
	if float64(withKey) < 0.9*float64(ing) {
		t.Errorf("only %d of %d ingredient products carry a key", withKey, ing)
	}
}

var oneDecimal = func(f float64) bool { return math.Abs(f*10-math.Round(f*10)) < 1e-9 }

func TestProductFields(t *testing.T) {
	cfg := config(t, 11, 5000)
	d := Generate(cfg, newMatcher())
	start := time.Date(2025, 9, 2, 0, 0, 0, 0, Seoul) // 2025-09-01 15:00 UTC is the 2nd in Seoul
	names := map[string]bool{}
	discounted := 0
	for _, p := range d.Products {
		names[p.Name] = true
		if p.Name == "" || p.Brand == "" || p.Store == "" || p.Unit == "" {
			t.Fatalf("product with empty text: %+v", p)
		}
		if strings.Count(p.Category, "/") != 1 {
			t.Errorf("category %q is not two levels", p.Category)
		}
		if p.Price < 500 || p.Price > 300000 {
			t.Errorf("%q price %d", p.Name, p.Price)
		}
		if p.DiscountRate < 0 || p.DiscountRate > 60 {
			t.Errorf("%q discount %d", p.Name, p.DiscountRate)
		}
		if p.DiscountRate > 0 {
			discounted++
		}
		if dp := p.DiscountedPrice(); dp%10 != 0 || dp > p.Price || dp <= 0 {
			t.Errorf("%q discounted price %d of %d at %d%%", p.Name, dp, p.Price, p.DiscountRate)
		}
		if p.ReviewScore < 3.5 || p.ReviewScore > 5 || !oneDecimal(p.ReviewScore) {
			t.Errorf("%q review score %v", p.Name, p.ReviewScore)
		}
		if p.ReviewCount < 1 {
			t.Errorf("%q review count %d", p.Name, p.ReviewCount)
		}
		if !p.CreatedAt.Before(start) || p.CreatedAt.Before(start.AddDate(-2, 0, 0)) || p.CreatedAt.Location() != Seoul {
			t.Errorf("%q created %v", p.Name, p.CreatedAt)
		}
	}
	if share := float64(discounted) / float64(len(d.Products)); share < 0.5 || share > 0.7 {
		t.Errorf("%.2f of products discounted, want about 0.6", share)
	}
	t.Logf("%d products, %d distinct names", len(d.Products), len(names))
}

func TestDiscountedPrice(t *testing.T) {
	for _, c := range []struct {
		price int64
		rate  int
		want  int64
	}{
		{12900, 0, 12900}, {12900, 10, 11610}, {9990, 15, 8490}, {3490, 33, 2330}, {1000, 90, 100},
		{1000, -5, 1000}, {1000, 150, 0}, {15, 0, 10},
	} {
		if got := (kok.Product{Price: c.price, DiscountRate: c.rate}).DiscountedPrice(); got != c.want {
			t.Errorf("DiscountedPrice(%d, %d%%) = %d, want %d", c.price, c.rate, got, c.want)
		}
	}
}

func TestSchedule(t *testing.T) {
	d := Generate(config(t, 2, 0), newMatcher())
	if Seoul.String() != "Asia/Seoul" {
		t.Errorf("zone %q, want Asia/Seoul", Seoul)
	}
	first := time.Date(2025, 9, 2, 6, 0, 0, 0, Seoul)
	byChannel := map[int64][]int{}
	for i, b := range d.Broadcasts {
		byChannel[b.ChannelID] = append(byChannel[b.ChannelID], i)
		if b.StartsAt.Location() != Seoul || b.EndsAt.Location() != Seoul {
			t.Fatalf("broadcast %d not in Asia/Seoul", b.ID)
		}
		if mins := b.EndsAt.Sub(b.StartsAt).Minutes(); mins < 40 || mins > 90 || int(mins)%5 != 0 {
			t.Errorf("broadcast %d lasts %v min", b.ID, mins)
		}
		if i > 0 && b.StartsAt.Before(d.Broadcasts[i-1].StartsAt) {
			t.Fatalf("broadcasts not ordered by start at %d", b.ID)
		}
		if b.Title == "" || len(b.Products) < 1 || len(b.Products) > 4 {
			t.Errorf("broadcast %d: title %q, %d products", b.ID, b.Title, len(b.Products))
		}
		for j, p := range b.Products {
			if p.Main != (j == 0) {
				t.Errorf("broadcast %d product %d main=%v", b.ID, j, p.Main)
			}
			if p.SalePrice <= 0 || p.SalePrice >= p.Price {
				t.Errorf("broadcast %d %q sale %d of %d", b.ID, p.ProductName, p.SalePrice, p.Price)
			}
		}
	}
	if len(byChannel) != 5 {
		t.Fatalf("%d channels on air, want 5", len(byChannel))
	}
	for ch, idx := range byChannel {
		day := 0
		at := first
		for _, i := range idx {
			b := d.Broadcasts[i]
			if !b.StartsAt.Equal(at) {
				if at.Hour() != 2 || !b.StartsAt.Equal(first.AddDate(0, 0, day+1)) {
					t.Fatalf("channel %d: broadcast %d starts %v, want %v (gap or overlap)", ch, b.ID, b.StartsAt, at)
				}
				day++
			}
			at = b.EndsAt
		}
		if day != 13 || !at.Equal(first.AddDate(0, 0, 13).Add(20*time.Hour)) {
			t.Errorf("channel %d: schedule covers %d days, ends %v", ch, day+1, at)
		}
	}
}

func BenchmarkGenerate100k(b *testing.B) {
	cfg := config(b, 1, 100_000)
	m := newMatcher()
	for b.Loop() {
		Generate(cfg, m)
	}
}
