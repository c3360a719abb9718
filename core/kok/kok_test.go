package kok

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/kokmeal/kokmeal/core/errs"
)

// source is a product table another process may write to.
type source struct {
	mu       sync.Mutex
	products map[int64]Product
	revision int64
	loads    int
}

func newSource(ps ...Product) *source {
	s := &source{products: map[int64]Product{}}
	for _, p := range ps {
		s.products[p.ID] = p
	}
	return s
}

func (s *source) ByID(_ context.Context, id int64) (Product, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p, ok := s.products[id]; ok {
		return p, nil
	}
	return Product{}, errs.Wrap(errs.ErrNotFound, "product %d", id)
}

func (s *source) All(context.Context) ([]Product, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.loads++
	var out []Product
	for _, p := range s.products {
		out = append(out, p)
	}
	return out, nil
}

func (s *source) Version(context.Context) (CatalogVersion, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v := CatalogVersion{Count: int64(len(s.products)), Revision: s.revision}
	for id := range s.products {
		v.MaxID = max(v.MaxID, id)
	}
	return v, nil
}

func (s *source) Import(_ context.Context, ps []Product) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range ps {
		s.products[p.ID] = p
	}
	s.revision++
	return nil
}

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func product(id int64, name, category, ingredient string, price int64, rate int) Product {
	return Product{ID: id, Name: name, Brand: "농협", Store: "농협몰", Category: category, Unit: "1개", Ingredient: ingredient,
		Price: price, DiscountRate: rate, ReviewScore: 4, ReviewCount: int(id), Kind: KindIngredient, CreatedAt: t0.Add(time.Duration(id) * time.Hour)}
}

func TestCatalogFollowsItsSource(t *testing.T) {
	ctx := context.Background()
	src := newSource(product(1, "양파 1kg", "채소/양파", "양파", 3000, 0))
	c := NewCatalog(src)
	search := NewSearchProducts(c)
	res, err := search.Handle(ctx, SearchQuery{Q: "대파"})
	if err != nil || res.Total != 0 {
		t.Fatalf("대파 before: %+v %v", res, err)
	}
	if reloaded, err := c.Refresh(ctx); err != nil || reloaded {
		t.Fatalf("refresh without a change reloaded=%v err=%v", reloaded, err)
	}
	// Another process writes: the catalogue sees it at the next refresh,
	// and a detail lookup sees it at once.
	if err := src.Import(ctx, []Product{product(2, "대파 1단", "채소/파", "대파", 2000, 10)}); err != nil {
		t.Fatal(err)
	}
	if p, err := NewGetProduct(c, src).Handle(ctx, 2); err != nil || p.Name != "대파 1단" {
		t.Fatalf("fresh product: %+v %v", p, err)
	}
	if reloaded, err := c.Refresh(ctx); err != nil || !reloaded {
		t.Fatalf("refresh after a write reloaded=%v err=%v", reloaded, err)
	}
	if res, _ := search.Handle(ctx, SearchQuery{Q: "대파"}); res.Total != 1 {
		t.Fatalf("대파 after refresh: %+v", res)
	}
	// A price change keeps count and max id: the revision tells.
	p := product(2, "대파 1단", "채소/파", "대파", 9000, 10)
	if err := src.Import(ctx, []Product{p}); err != nil {
		t.Fatal(err)
	}
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { c.Watch(wctx, time.Millisecond); close(done) }()
	deadline := time.Now().Add(5 * time.Second)
	for {
		got, _ := NewProductsByIngredient(c).ByIngredient(ctx, "대파", 1)
		if len(got) == 1 && got[0].Price == 9000 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("Watch never picked up the price change")
		}
		time.Sleep(time.Millisecond)
	}
	cancel()
	<-done
}

func TestImportThroughTheUseCaseRefreshesAtOnce(t *testing.T) {
	ctx := context.Background()
	src := newSource()
	c := NewCatalog(src)
	imp := NewImportProducts(src, c)
	if err := imp.ImportProducts(ctx, []Product{product(5, "  감자 2kg ", "채소 / 감자", "감자", 5000, 0)}); err != nil {
		t.Fatal(err)
	}
	res, err := NewSearchProducts(c).Handle(ctx, SearchQuery{Q: "감자", Category: "채소/감자"})
	if err != nil || res.Total != 1 || res.Items[0].Name != "감자 2kg" || res.Items[0].Category != "채소/감자" {
		t.Fatalf("after import: %+v %v", res, err)
	}
}

func TestImportRefusesBadProductsWritingNothing(t *testing.T) {
	ctx := context.Background()
	src := newSource()
	imp := NewImportProducts(src, NewCatalog(src))
	good := product(1, "양파", "채소/양파", "양파", 1000, 0)
	for name, tc := range map[string]struct {
		mut   func(*Product)
		field string
	}{
		"id":        {func(p *Product) { p.ID = 0 }, "products[1].id"},
		"name":      {func(p *Product) { p.Name = " " }, "products[1].name"},
		"price":     {func(p *Product) { p.Price = -1 }, "products[1].price"},
		"absurd":    {func(p *Product) { p.Price = MaxPrice + 1 }, "products[1].price"},
		"discount":  {func(p *Product) { p.DiscountRate = 95 }, "products[1].discount_rate"},
		"score":     {func(p *Product) { p.ReviewScore = 5.5 }, "products[1].review_score"},
		"category":  {func(p *Product) { p.Category = "채소" }, "products[1].category"},
		"kind":      {func(p *Product) { p.Kind = "food" }, "products[1].kind"},
		"created":   {func(p *Product) { p.CreatedAt = time.Time{} }, "products[1].created_at"},
		"repeated":  {func(p *Product) { p.ID = 1 }, "products[1].id"},
		"control":   {func(p *Product) { p.Brand = "a\x00b" }, "products[1].brand"},
		"too long":  {func(p *Product) { p.Unit = string(make([]rune, 51)) }, "products[1].unit"},
		"bad utf-8": {func(p *Product) { p.Store = "\xff" }, "products[1].store"},
	} {
		t.Run(name, func(t *testing.T) {
			bad := product(2, "대파", "채소/파", "대파", 1000, 0)
			tc.mut(&bad)
			err := imp.ImportProducts(ctx, []Product{good, bad})
			var inv *errs.Invalid
			if !errors.As(err, &inv) || inv.Fields[tc.field] == "" {
				t.Fatalf("got %v, want a reason for %s", err, tc.field)
			}
			if len(src.products) != 0 {
				t.Fatal("a refused import wrote")
			}
		})
	}
}

func TestByIngredientAndOwned(t *testing.T) {
	ctx := context.Background()
	src := newSource(
		product(1, "양파 3kg", "채소/양파", "양파", 9000, 0),
		product(2, "양파 1kg", "채소/양파", "양파", 4000, 50), // 2000
		product(3, "햇양파 1kg", "채소/양파", "양파", 2000, 0), // 2000, higher id
		product(4, "양파링", "간식/과자", "", 1500, 0),
	)
	c := NewCatalog(src)
	got, err := NewProductsByIngredient(c).ByIngredient(ctx, " 양파 ", 0)
	if err != nil {
		t.Fatal(err)
	}
	var gotIDs []int64
	for _, p := range got {
		gotIDs = append(gotIDs, p.ID)
	}
	if !slices.Equal(gotIDs, []int64{2, 3, 1}) {
		t.Fatalf("by ingredient %v, want [2 3 1]", gotIDs)
	}
	if got, _ := NewProductsByIngredient(c).ByIngredient(ctx, "양파", 1); len(got) != 1 || got[0].ID != 2 {
		t.Fatalf("limit 1: %+v", got)
	}
	if got, _ := NewProductsByIngredient(c).ByIngredient(ctx, "없는재료", 5); got == nil || len(got) != 0 {
		t.Fatalf("unknown: %+v", got)
	}
	owned := NewOwnedIngredients(c, ownership{4, 1, 3, 99}, src)
	m, err := owned.OwnedIngredients(ctx, 7)
	if err != nil || len(m) != 1 || !m["양파"] {
		t.Fatalf("owned %v %v", m, err)
	}
}

type ownership []int64

func (o ownership) OwnedProductIDs(context.Context, int64) ([]int64, error) { return o, nil }

// TestPagesTileTheResult checks that for every sort, filters and query, the
// pages concatenate to the whole ordered result, without gaps or repeats.
func TestPagesTileTheResult(t *testing.T) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 2))
	names := []string{"양파", "대파", "감자", "고구마", "김치", "두부", "마늘", "당근"}
	cats := []string{"채소/뿌리", "채소/잎", "가공/두부", "반찬/김치"}
	var ps []Product
	for i := range 500 {
		ps = append(ps, product(int64(i+1), fmt.Sprintf("%s %s %dg", names[r.IntN(len(names))], names[r.IntN(len(names))], 100*r.IntN(10)),
			cats[r.IntN(len(cats))], "", int64(100*r.IntN(100)), r.IntN(5)*10))
	}
	search := NewSearchProducts(NewCatalog(newSource(ps...)))
	lo, hi := int64(1000), int64(6000)
	for _, srt := range Sorts {
		for _, q := range []SearchQuery{{}, {Q: "양파"}, {Q: "ㄷㅍ"}, {Category: "채소", MinPrice: &lo, MaxPrice: &hi}, {Q: "감자", Category: "채소/잎"}} {
			q.Sort = string(srt)
			q.Page = Page{Number: 1, Size: 100}
			all, err := search.Handle(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			var paged []int64
			for n := 1; ; n++ {
				q.Page = Page{Number: n, Size: 7}
				res, err := search.Handle(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if res.Total != all.Total {
					t.Fatalf("%+v: total %d on page %d, %d on one page", q, res.Total, n, all.Total)
				}
				if len(res.Items) == 0 {
					break
				}
				for _, p := range res.Items {
					paged = append(paged, p.ID)
				}
			}
			var whole []int64
			for _, p := range all.Items {
				whole = append(whole, p.ID)
			}
			if len(whole) < 100 && !slices.Equal(paged, whole) {
				t.Fatalf("%+v: pages %v, whole %v", q, paged, whole)
			}
			if len(whole) == 100 && !slices.Equal(paged[:100], whole) {
				t.Fatalf("%+v: pages differ from the first 100", q)
			}
		}
	}
}

func TestSelectTopIsASortedPrefix(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		xs := make([]int, r.IntN(300))
		for i := range xs {
			xs[i] = r.IntN(50)
		}
		k := 1 + r.IntN(40)
		want := slices.Clone(xs)
		slices.Sort(want)
		got := selectTop(slices.Clone(xs), k, cmp.Compare[int])
		if !slices.Equal(got, want[:min(k, len(want))]) {
			t.Fatalf("selectTop(%v, %d) = %v", xs, k, got)
		}
	}
}
