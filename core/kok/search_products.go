package kok

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/korean"
)

// SearchQuery is a product search. Every field is optional.
type SearchQuery struct {
	// Q is Korean-aware: spacing-insensitive, 초성 ("ㄱㅊ"), partial words,
	// typo-tolerant for words of 3+ syllables.
	Q string
	// Category is a category path or its top level ("채소" or
	// "채소/마늘·양파").
	Category string
	// MinPrice and MaxPrice bound the discounted price, inclusive.
	MinPrice *int64
	MaxPrice *int64
	// Sort is one of Sorts; "" is SortRelevance.
	Sort string
	Page Page
}

// SearchResult is one page of matching products and how many match.
type SearchResult struct {
	Items []Product
	Total int
	Page  Page
}

// SearchProducts finds products in the Catalog.
type SearchProducts struct {
	catalog *Catalog
}

// NewSearchProducts builds the use case.
func NewSearchProducts(catalog *Catalog) SearchProducts { return SearchProducts{catalog: catalog} }

// Handle validates the whole query, then answers one page. Filters and sorts
// other than relevance run over the matched set in memory; relevance ties
// go to the more popular product.
func (h SearchProducts) Handle(ctx context.Context, in SearchQuery) (SearchResult, error) {
	q := text(in.Q)
	category := normaliseCategory(in.Category)
	page := in.Page.orDefault()
	f := errs.Fields{}
	checkText(f, "q", q, MaxQueryChars)
	checkText(f, "category", category, MaxPathChars)
	checkPriceBound(f, "min_price", in.MinPrice)
	checkPriceBound(f, "max_price", in.MaxPrice)
	if in.MinPrice != nil && in.MaxPrice != nil && *in.MinPrice > *in.MaxPrice {
		f.Add("max_price", "must not be below min_price")
	}
	srt, ok := parseSort(in.Sort)
	f.Check(!ok, "sort", "must be one of "+strings.Join(SortNames(), ", "))
	page.check(f)
	if err := f.Err(); err != nil {
		return SearchResult{}, err
	}
	s, err := h.catalog.current(ctx)
	if err != nil {
		return SearchResult{}, err
	}
	filter, ok := s.filter(category, in.MinPrice, in.MaxPrice)
	if !ok {
		return SearchResult{Items: []Product{}, Page: page}, nil // unknown category
	}
	var (
		window []int32
		total  int
	)
	if korean.Fold(q) == "" {
		window, total = s.browse(orderIndex(srt), filter, page)
	} else {
		window, total = s.search(q, srt, filter, page)
	}
	items := make([]Product, len(window))
	for i, p := range window {
		items[i] = s.products[p]
	}
	return SearchResult{Items: items, Total: total, Page: page}, nil
}

func checkPriceBound(f errs.Fields, field string, v *int64) {
	if v != nil {
		f.Check(*v < 0 || *v > MaxPrice, field, "must be between 0 and 100000000")
	}
}

// normaliseCategory composes Hangul and drops spaces around the separator,
// so "채소 / 마늘·양파" names the same category.
func normaliseCategory(c string) string {
	c = text(c)
	if !strings.Contains(c, "/") {
		return c
	}
	top, sub, _ := strings.Cut(c, "/")
	return strings.TrimSpace(top) + "/" + strings.TrimSpace(sub)
}

// productFilter tests a position; nil passes everything.
type productFilter func(pos int32) bool

// filter compiles the filters; ok is false for an unknown category.
func (s *snapshot) filter(category string, minPrice, maxPrice *int64) (productFilter, bool) {
	var tests []productFilter
	switch {
	case category == "":
	case strings.Contains(category, "/"):
		l, ok := s.leaves[category]
		if !ok {
			return nil, false
		}
		tests = append(tests, func(p int32) bool { return s.leaf[p] == l })
	default:
		t, ok := s.tops[category]
		if !ok {
			return nil, false
		}
		tests = append(tests, func(p int32) bool { return s.top[p] == t })
	}
	if minPrice != nil {
		lo := *minPrice
		tests = append(tests, func(p int32) bool { return s.price[p] >= lo })
	}
	if maxPrice != nil {
		hi := *maxPrice
		tests = append(tests, func(p int32) bool { return s.price[p] <= hi })
	}
	switch len(tests) {
	case 0:
		return nil, true
	case 1:
		return tests[0], true
	}
	return func(p int32) bool {
		for _, t := range tests {
			if !t(p) {
				return false
			}
		}
		return true
	}, true
}

// browse pages through a precomputed order without a query.
func (s *snapshot) browse(o int, keep productFilter, page Page) ([]int32, int) {
	ord := s.order[o]
	from := page.Offset()
	if keep == nil {
		if from >= len(ord) {
			return nil, len(ord)
		}
		return ord[from:min(from+page.Size, len(ord))], len(ord)
	}
	window := make([]int32, 0, page.Size)
	total := 0
	for _, p := range ord {
		if !keep(p) {
			continue
		}
		if total >= from && len(window) < page.Size {
			window = append(window, p)
		}
		total++
	}
	return window, total
}

// ingredientBoost lifts a product selling the ingredient a query names by
// more than the gap between a prefix and a substring match in the name
// (korean.Index scores those 8 and 6, times the name weight 3).
const ingredientBoost = 10

// search matches q, filters, orders and pages.
func (s *snapshot) search(q string, srt Sort, keep productFilter, page Page) ([]int32, int) {
	hits := s.matches(q)
	kept := hits // shared: never reorder it (selectTop copies before sorting)
	if keep != nil {
		kept = make([]korean.Hit, 0, len(hits))
		for _, h := range hits {
			if keep(int32(h.ID)) {
				kept = append(kept, h)
			}
		}
	}
	total := len(kept)
	var less func(a, b korean.Hit) int
	if srt == SortRelevance {
		pop := s.rank[orderIndex(SortPopular)]
		less = func(a, b korean.Hit) int {
			return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(pop[a.ID], pop[b.ID]))
		}
	} else {
		rank := s.rank[orderIndex(srt)]
		less = func(a, b korean.Hit) int { return cmp.Compare(rank[a.ID], rank[b.ID]) }
	}
	from := page.Offset()
	if from >= total {
		return nil, total
	}
	top := selectTop(kept, from+page.Size, less)
	window := make([]int32, 0, len(top)-from)
	for _, h := range top[from:] {
		window = append(window, int32(h.ID))
	}
	return window, total
}

// matches answers every hit of q with the ingredient boost applied, from
// the snapshot's cache when the query was asked before. The slice is
// shared: callers must not modify it.
//
// Why a cache: a broad query (one syllable, a 초성 pair) matches thousands
// of products, and the index must verify and score each to give the total
// and the other sort orders; shoppers then page, sort and filter the same
// query, which costs only the filter and a top-k selection once cached.
// The cache lives in the snapshot, so a reload empties it.
func (s *snapshot) matches(q string) []korean.Hit {
	if hits, ok := s.cache.get(q); ok {
		return hits
	}
	hits := s.index.Match(q)
	// A query that names an ingredient ("양파") puts the products selling it
	// above names that merely start with it (양파링 과자).
	if ingr, named := s.ingrIDs[korean.Fold(q)]; named {
		for i := range hits {
			if s.ingr[hits[i].ID] == ingr {
				hits[i].Score += ingredientBoost
			}
		}
	}
	s.cache.put(q, hits)
	return hits
}

// queryCache keeps the hits of recent queries, up to a number of queries
// and of hits in all (16 bytes each), evicting an arbitrary entry when
// full. Entries are cheap to recompute; the bound is what matters.
type queryCache struct {
	mu      sync.Mutex
	entries int // 0: off
	maxHits int
	hits    int
	m       map[string][]korean.Hit
}

// Query cache bounds per snapshot: at most 16 MB of hits.
const (
	DefaultQueryCacheEntries = 512
	queryCacheMaxHits        = 1 << 20
)

func (c *queryCache) get(q string) ([]korean.Hit, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.m[q]
	return h, ok
}

func (c *queryCache) put(q string, h []korean.Hit) {
	if c == nil || c.entries <= 0 || len(h) > c.maxHits {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string][]korean.Hit{}
	}
	if _, ok := c.m[q]; ok {
		return
	}
	for k, v := range c.m {
		if len(c.m) < c.entries && c.hits+len(h) <= c.maxHits {
			break
		}
		delete(c.m, k)
		c.hits -= len(v)
	}
	c.m[q] = h
	c.hits += len(h)
}

// selectTop answers the k smallest of xs by cmp, in order, leaving xs as it
// is. For a small k it keeps a bounded max-heap (n log k) instead of
// sorting every match, which matters for broad queries that match tens of
// thousands of products.
func selectTop[T any](xs []T, k int, cmp func(a, b T) int) []T {
	if k >= len(xs) || k > len(xs)/8 {
		xs = slices.Clone(xs)
		slices.SortFunc(xs, cmp)
		return xs[:min(k, len(xs))]
	}
	h := make([]T, 0, k) // max-heap: h[0] is the worst kept
	down := func(i int) {
		for {
			l, m := 2*i+1, i
			if l < len(h) && cmp(h[l], h[m]) > 0 {
				m = l
			}
			if r := l + 1; r < len(h) && cmp(h[r], h[m]) > 0 {
				m = r
			}
			if m == i {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	for _, x := range xs {
		if len(h) < k {
			h = append(h, x)
			for i := len(h) - 1; i > 0; {
				p := (i - 1) / 2
				if cmp(h[i], h[p]) <= 0 {
					break
				}
				h[i], h[p] = h[p], h[i]
				i = p
			}
			continue
		}
		if cmp(x, h[0]) < 0 {
			h[0] = x
			down(0)
		}
	}
	slices.SortFunc(h, cmp)
	return h
}
