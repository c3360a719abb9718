package kok

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kokmeal/kokmeal/core/korean"
)

// CatalogSource is what a Catalog is built from.
type CatalogSource interface {
	All(ctx context.Context) ([]Product, error)
	Version(ctx context.Context) (CatalogVersion, error)
}

// Catalog is the in-process read model of the products: a korean.Index over
// name, brand and category, the precomputed sort orders, the category tree
// and the products by ingredient, all in one immutable snapshot swapped
// atomically.
//
// Why in process rather than in the database: Korean-aware matching (초성,
// spacing, typos, relevance) cannot be written the same way in SQLite,
// MariaDB and PostgreSQL (their full-text features differ and none knows
// 초성), and the same query must give the same results on every engine. A
// query then costs a few posting-list intersections in memory instead of a
// scan of every row, which keeps search p99 within a few milliseconds at
// 100,000 products (see BenchmarkSearch). The database stays the source of
// truth: writes through this process reload the snapshot at once (Import
// does), and Watch reloads it when another process (the seed CLI, another
// host) changed the table, by polling the cheap CatalogVersion.
type Catalog struct {
	src          CatalogSource
	snap         atomic.Pointer[snapshot]
	mu           sync.Mutex // one reload at a time
	cacheEntries atomic.Int64
}

// NewCatalog returns a catalog of src; it loads on first use (or Load).
func NewCatalog(src CatalogSource) *Catalog {
	c := &Catalog{src: src}
	c.cacheEntries.Store(DefaultQueryCacheEntries)
	return c
}

// SetQueryCache sets how many recent queries' matches each snapshot keeps
// (DefaultQueryCacheEntries unless set; 0 turns the cache off), from the
// next load on.
func (c *Catalog) SetQueryCache(entries int) { c.cacheEntries.Store(int64(max(entries, 0))) }

// CatalogRefresh is how often a Catalog checks its source's version (a
// named type, so wire can provide it); 0 means DefaultCatalogRefresh.
type CatalogRefresh time.Duration

// DefaultCatalogRefresh is the version check interval of OpenCatalog.
const DefaultCatalogRefresh = CatalogRefresh(5 * time.Second)

// OpenCatalog loads a catalog and keeps it fresh, checking src's version
// every interval until the returned stop is called. It is the provider
// hosts use.
func OpenCatalog(ctx context.Context, src CatalogSource, every CatalogRefresh) (*Catalog, func(), error) {
	c := NewCatalog(src)
	if err := c.Load(ctx); err != nil {
		return nil, nil, err
	}
	wctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() {
		defer close(done)
		c.Watch(wctx, time.Duration(every))
	}()
	return c, func() { cancel(); <-done }, nil
}

// Load rebuilds the snapshot from the source now.
func (c *Catalog) Load(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.load(ctx)
}

func (c *Catalog) load(ctx context.Context) error {
	// The version is read first: a write landing between the two reads
	// makes the next Refresh reload again, never miss a change.
	v, err := c.src.Version(ctx)
	if err != nil {
		return fmt.Errorf("catalog version: %w", err)
	}
	ps, err := c.src.All(ctx)
	if err != nil {
		return fmt.Errorf("catalog products: %w", err)
	}
	s := buildSnapshot(v, ps)
	s.cache = &queryCache{entries: int(c.cacheEntries.Load()), maxHits: queryCacheMaxHits}
	c.snap.Store(s)
	return nil
}

// Refresh reloads when the source's version differs from the snapshot's,
// and reports whether it did.
func (c *Catalog) Refresh(ctx context.Context) (bool, error) {
	v, err := c.src.Version(ctx)
	if err != nil {
		return false, fmt.Errorf("catalog version: %w", err)
	}
	if s := c.snap.Load(); s != nil && s.version == v {
		return false, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s := c.snap.Load(); s != nil && s.version == v {
		return false, nil // another caller reloaded meanwhile
	}
	return true, c.load(ctx)
}

// Watch calls Refresh every interval until ctx ends. A failed refresh keeps
// the last snapshot: stale results beat none while the database is away.
func (c *Catalog) Watch(ctx context.Context, every time.Duration) {
	if every <= 0 {
		every = time.Duration(DefaultCatalogRefresh)
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			_, _ = c.Refresh(ctx)
		}
	}
}

// Len is the number of products in the snapshot (0 before the first load).
func (c *Catalog) Len() int {
	if s := c.snap.Load(); s != nil {
		return len(s.products)
	}
	return 0
}

// current answers the snapshot, loading it on first use.
func (c *Catalog) current(ctx context.Context) (*snapshot, error) {
	if s := c.snap.Load(); s != nil {
		return s, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s := c.snap.Load(); s != nil {
		return s, nil
	}
	if err := c.load(ctx); err != nil {
		return nil, err
	}
	return c.snap.Load(), nil
}

// snapshot is an immutable state of the catalogue. Products are addressed
// by their position in products (ascending ID); the index is private to the
// snapshot and keyed by position, so a hit needs no map lookup.
type snapshot struct {
	version  CatalogVersion
	products []Product
	pos      map[int64]int32
	price    []int64 // discounted price by position
	top      []int32 // top-level category number by position
	leaf     []int32 // full-path category number by position
	order    [][]int32
	rank     [][]int32 // rank[o][pos] = place of pos in order[o]
	index    *korean.Index
	byIngr   map[string][]int32 // cheapest first
	ingr     []int32            // folded ingredient number by position, -1 for none
	ingrIDs  map[string]int32   // Fold(ingredient) → number
	tops     map[string]int32
	leaves   map[string]int32
	tree     []CategoryNode
	cache    *queryCache
}

// Index weights: the name says what a product is; brand and category help
// ("비비고", "채소") but must not outrank a name match.
const (
	weightName     = 3
	weightBrand    = 1.5
	weightCategory = 1
)

func buildSnapshot(v CatalogVersion, ps []Product) *snapshot {
	ps = slices.Clone(ps)
	slices.SortFunc(ps, func(a, b Product) int { return cmp.Compare(a.ID, b.ID) })
	n := len(ps)
	s := &snapshot{
		version:  v,
		products: ps,
		pos:      make(map[int64]int32, n),
		price:    make([]int64, n),
		top:      make([]int32, n),
		leaf:     make([]int32, n),
		index:    new(korean.Index),
		byIngr:   map[string][]int32{},
		ingr:     make([]int32, n),
		ingrIDs:  map[string]int32{},
		tops:     map[string]int32{},
		leaves:   map[string]int32{},
	}
	var nTops int32
	leafCounts := []int{}
	for i := range ps {
		p := &ps[i]
		pi := int32(i)
		s.pos[p.ID] = pi
		s.price[i] = p.DiscountedPrice()
		top, _, _ := strings.Cut(p.Category, "/")
		t, ok := s.tops[top]
		if !ok {
			t = nTops
			nTops++
			s.tops[top] = t
		}
		s.top[i] = t
		l, ok := s.leaves[p.Category]
		if !ok {
			l = int32(len(leafCounts))
			s.leaves[p.Category] = l
			leafCounts = append(leafCounts, 0)
		}
		leafCounts[l]++
		s.leaf[i] = l
		s.ingr[i] = -1
		if p.Ingredient != "" {
			s.byIngr[p.Ingredient] = append(s.byIngr[p.Ingredient], pi)
			k := korean.Fold(p.Ingredient)
			id, ok := s.ingrIDs[k]
			if !ok {
				id = int32(len(s.ingrIDs))
				s.ingrIDs[k] = id
			}
			s.ingr[i] = id
		}
		s.index.Add(int64(i),
			korean.Field{Text: p.Name, Weight: weightName},
			korean.Field{Text: p.Brand, Weight: weightBrand},
			korean.Field{Text: strings.ReplaceAll(p.Category, "/", " "), Weight: weightCategory})
	}
	for _, l := range s.byIngr {
		slices.SortFunc(l, func(a, b int32) int { return compareBy(SortPriceAsc, &ps[a], &ps[b]) })
	}
	s.order = make([][]int32, len(orderSorts))
	s.rank = make([][]int32, len(orderSorts))
	for o, srt := range orderSorts {
		ord := make([]int32, n)
		for i := range ord {
			ord[i] = int32(i)
		}
		slices.SortFunc(ord, func(a, b int32) int { return compareBy(srt, &ps[a], &ps[b]) })
		rank := make([]int32, n)
		for r, p := range ord {
			rank[p] = int32(r)
		}
		s.order[o], s.rank[o] = ord, rank
	}
	counts := make(map[string]int, len(leafCounts))
	for path, l := range s.leaves {
		counts[path] = leafCounts[l]
	}
	s.tree = buildTree(counts)
	return s
}
