package recipe

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/kokmeal/kokmeal/core/korean"
)

// Catalog is the read model every recipe query is served from: all recipes
// in memory, a korean.Index over names, summaries and ingredients, and an
// inverted index from ingredient key to recipes.
//
// Why in process rather than in SQL: the same query answers the same
// results on SQLite, MariaDB and PostgreSQL (their LIKE, collation and
// full-text search all differ, and none knows 초성 or Korean typos), and
// it is fast: a recipe detail is a map lookup with no SQL, and ranking by
// ingredient coverage is a pass over posting lists instead of a GROUP BY
// per request. The catalogue is small (537 recipes; 50,000 fit in tens of
// megabytes). It is rebuilt from the store on Import and on Reload, and
// ratings update it in place.
//
// Readers never lock: they load the current state atomically, and each
// recipe is an immutable entry replaced whole when it changes.
type Catalog struct {
	mu  sync.Mutex // serialises writers: Reload and SetRating
	st  atomic.Pointer[state]
	rev atomic.Uint64 // last Rev handed out; never reused across reloads
}

type state struct {
	entries []atomic.Pointer[entry] // by slot; slots ascend with recipe ID
	info    []slotInfo              // by slot: what ranking and filters read
	rating  []atomic.Uint64         // by slot: packRating of the entry's Rating
	slot    map[int64]int32
	text    *korean.Index        // documents keyed by slot
	byKey   map[string][]posting // ingredient key → ascending slots
	keys    []string             // distinct ingredient keys, sorted
	scratch sync.Pool            // *rankScratch sized to entries
}

// slotInfo keeps what filters and orders compare in one dense array, so
// ranking 50,000 candidates never chases a pointer per recipe; entries are
// loaded for the page shown only.
type slotInfo struct {
	weight   float32 // total weight of the recipe's distinct ingredient keys
	nameRank int32   // position in name order
	minutes  uint16
	cuisine  uint8 // 1 + index in Cuisines, 0 for another value
	level    uint8 // 1 + index in Levels
}

// packRating keeps a rating's average and count in one word, so a reader
// never sees the average of one rating with the count of another.
func packRating(r Rating) uint64 {
	return uint64(math.Float32bits(float32(r.Average())))<<32 | uint64(uint32(min(r.Count, math.MaxUint32)))
}

func unpackRating(v uint64) (avg float32, count uint32) {
	return math.Float32frombits(uint32(v >> 32)), uint32(v)
}

func enumIndex(values []string, v string) uint8 {
	return uint8(slices.Index(values, v) + 1)
}

type posting struct {
	slot int32
	w    float32
}

// entry is one recipe as served. It is never modified once published.
type entry struct {
	r Recipe
}

// NewCatalog loads the catalogue from store.
func NewCatalog(ctx context.Context, store RecipeStore) (*Catalog, error) {
	c := &Catalog{}
	if err := c.Reload(ctx, store); err != nil {
		return nil, err
	}
	return c, nil
}

// NewCatalogOf builds a catalogue from recipes in hand (tests, benchmarks,
// programs without a store).
func NewCatalogOf(rs []Recipe) *Catalog {
	c := &Catalog{}
	c.st.Store(c.build(rs))
	return c
}

// Reload rebuilds the catalogue from store and swaps it in; readers keep
// the old one until then. Writers wait meanwhile, so a rating recorded
// during the reload is applied to the new catalogue, not lost with the old.
// A process that shares its database with other writers (the gateway and
// the recipe host) may call Reload periodically to pick up their changes.
func (c *Catalog) Reload(ctx context.Context, store RecipeStore) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	rs, err := store.All(ctx)
	if err != nil {
		return err
	}
	c.st.Store(c.build(rs))
	return nil
}

func (c *Catalog) build(rs []Recipe) *state {
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b Recipe) int { return cmp.Compare(a.ID, b.ID) })
	rs = slices.CompactFunc(rs, func(a, b Recipe) bool { return a.ID == b.ID })
	st := &state{
		entries: make([]atomic.Pointer[entry], len(rs)),
		info:    make([]slotInfo, len(rs)),
		rating:  make([]atomic.Uint64, len(rs)),
		slot:    make(map[int64]int32, len(rs)),
		text:    new(korean.Index),
		byKey:   map[string][]posting{},
	}
	n := len(rs)
	st.scratch.New = func() any { return &rankScratch{score: make([]float32, n)} }
	var names strings.Builder
	for i, r := range rs {
		s := int32(i)
		r.Rev = c.rev.Add(1)
		e := &entry{r: r}
		info := &st.info[i]
		info.minutes = uint16(min(max(r.Minutes, 0), MaxMinutes))
		info.cuisine, info.level = enumIndex(Cuisines, r.Cuisine), enumIndex(Levels, r.Level)
		st.rating[i].Store(packRating(r.Rating))
		names.Reset()
		for key, w := range distinctKeys(r.Ingredients) {
			if slices.Contains(Staples, key) {
				w = 0
			}
			st.byKey[key] = append(st.byKey[key], posting{slot: s, w: w})
			info.weight += w
		}
		for _, in := range r.Ingredients {
			names.WriteString(in.Name)
			names.WriteByte(' ')
		}
		st.entries[i].Store(e)
		st.slot[r.ID] = s
		st.text.Add(int64(s),
			korean.Field{Text: r.Name, Weight: 3},
			korean.Field{Text: names.String(), Weight: 1.5},
			korean.Field{Text: r.Summary, Weight: 1},
		)
	}
	for k := range st.byKey {
		st.keys = append(st.keys, k)
	}
	slices.Sort(st.keys)
	byName := make([]int32, len(rs))
	for i := range byName {
		byName[i] = int32(i)
	}
	slices.SortStableFunc(byName, func(a, b int32) int { return strings.Compare(rs[a].Name, rs[b].Name) })
	for rank, s := range byName {
		st.info[s].nameRank = int32(rank)
	}
	return st
}

// distinctKeys yields each ingredient key of a recipe once, with the
// weight of its most important use (대파 as main and as garnish is main).
func distinctKeys(ins []Ingredient) func(yield func(string, float32) bool) {
	return func(yield func(string, float32) bool) {
		for i, in := range ins {
			if in.Key == "" || slices.ContainsFunc(ins[:i], func(p Ingredient) bool { return p.Key == in.Key }) {
				continue
			}
			w := in.Kind.Weight()
			for _, later := range ins[i+1:] {
				if later.Key == in.Key {
					w = max(w, later.Kind.Weight())
				}
			}
			if !yield(in.Key, float32(w)) {
				return
			}
		}
	}
}

// Len is the number of recipes.
func (c *Catalog) Len() int { return len(c.load().entries) }

// Get answers the recipe with id. Its slices are shared with the catalogue
// and must not be modified.
func (c *Catalog) Get(id int64) (Recipe, bool) {
	st := c.load()
	s, ok := st.slot[id]
	if !ok {
		return Recipe{}, false
	}
	return st.entries[s].Load().r, true
}

// Has reports whether a recipe with id exists.
func (c *Catalog) Has(id int64) bool {
	_, ok := c.load().slot[id]
	return ok
}

// SetRating replaces a recipe's rating aggregate; unknown IDs are ignored.
func (c *Catalog) SetRating(id int64, r Rating) {
	c.mu.Lock()
	defer c.mu.Unlock()
	st := c.load()
	s, ok := st.slot[id]
	if !ok {
		return
	}
	e := *st.entries[s].Load()
	e.r.Rating = r
	e.r.Rev = c.rev.Add(1)
	st.entries[s].Store(&e)
	st.rating[s].Store(packRating(r))
}

func (c *Catalog) load() *state {
	if st := c.st.Load(); st != nil {
		return st
	}
	return emptyState()
}

// emptyState serves a Catalog that was never loaded (a zero Catalog).
var emptyState = sync.OnceValue(func() *state { return new(Catalog).build(nil) })

func (st *state) entry(s int32) *entry { return st.entries[s].Load() }

// keysContaining answers the ingredient keys that contain term: an allergy
// to 새우 avoids 새우젓 and 건새우 too. A scan of the distinct keys (a few
// hundred) costs microseconds, so it is not memoised.
func (st *state) keysContaining(term string, yield func(string)) {
	for _, k := range st.keys {
		if strings.Contains(k, term) {
			yield(k)
		}
	}
}

// withAll answers the ascending slots of the recipes that have every key;
// an empty (non-nil) slice when none has.
func (st *state) withAll(keys []string) []int32 {
	res := []int32{}
	for i, k := range keys {
		ps := st.byKey[k]
		if i == 0 {
			res = make([]int32, len(ps))
			for j, p := range ps {
				res[j] = p.slot
			}
		} else {
			res = intersectPostings(res, ps)
		}
		if len(res) == 0 {
			return res
		}
	}
	return res
}

// intersectPostings keeps the slots of a (ascending) that ps holds, in place.
func intersectPostings(a []int32, ps []posting) []int32 {
	out, j := a[:0], 0
	for _, s := range a {
		for j < len(ps) && ps[j].slot < s {
			j++
		}
		if j == len(ps) {
			break
		}
		if ps[j].slot == s {
			out = append(out, s)
		}
	}
	return out
}
