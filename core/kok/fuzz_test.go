package kok

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/kokmeal/kokmeal/core/errs"
)

func fuzzCatalog() *Catalog {
	return NewCatalog(newSource(
		product(1, "[비비고] 김치찌개 460g", "간편식/찌개", "", 5980, 10),
		product(2, "국내산 깐마늘 1kg", "채소/마늘·양파", "마늘", 9900, 0),
		product(3, "햇양파 3kg", "채소/마늘·양파", "양파", 6900, 30),
		product(4, "양파링 과자", "간식/과자", "", 1500, 0),
	))
}

// FuzzSearch: whatever a caller sends, search answers results or an
// errs.Invalid, never panics, and never answers more than a page.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"김치 찌개", "ㄱㅊ", "김ㅊ", "김치찌게", "\u1100\u1175\u11b7", "양파", "", " ", "\xff", "채소/", "/", "ㄱ", "a\x00b"} {
		f.Add(s, "채소", int64(0), int64(10000), "relevance", 1, 20)
	}
	f.Add("양파", "채소/마늘·양파", int64(-1), int64(1<<62), "price_asc", 0, 0)
	c := fuzzCatalog()
	search := NewSearchProducts(c)
	f.Fuzz(func(t *testing.T, q, category string, lo, hi int64, sort string, page, size int) {
		res, err := search.Handle(context.Background(), SearchQuery{Q: q, Category: category, MinPrice: &lo, MaxPrice: &hi, Sort: sort, Page: Page{Number: page, Size: size}})
		if err != nil {
			if !errors.Is(err, errs.ErrInvalid) {
				t.Fatalf("error of no kind: %v", err)
			}
			return
		}
		if len(res.Items) > res.Page.Size || len(res.Items) > res.Total {
			t.Fatalf("%d items, page size %d, total %d", len(res.Items), res.Page.Size, res.Total)
		}
	})
}

// TestSearchWhileReloading runs searches while the snapshot is swapped (go
// test -race checks the read model is safe to share).
func TestSearchWhileReloading(t *testing.T) {
	ctx := context.Background()
	c := fuzzCatalog()
	search := NewSearchProducts(c)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			for range 200 {
				res, err := search.Handle(ctx, SearchQuery{Q: []string{"양파", "ㄱㅊ", "마늘", "김치 찌개"}[i]})
				if err != nil || res.Total == 0 {
					t.Errorf("search: %+v %v", res, err)
					return
				}
			}
		})
	}
	wg.Go(func() {
		for range 50 {
			if err := c.Load(ctx); err != nil {
				t.Error(err)
			}
		}
	})
	wg.Wait()
}
