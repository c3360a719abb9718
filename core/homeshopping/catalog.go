package homeshopping

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kokmeal/kokmeal/core/korean"
)

// Catalog is the read model every query use case runs on: the whole schedule
// (5 channels × 14 days is a few thousand broadcasts, a few MB) held in
// process, sorted by start and indexed by ID, channel code, ingredient and
// Korean text.
//
// Why in process rather than SQL: Korean search (spacing, 초성, typos) has
// no equivalent in SQLite, MariaDB and PostgreSQL alike, and running it and
// the schedule on one model gives the very same answers on every engine,
// in microseconds. It stays fresh because Import through the service swaps
// in a new model at once, and a change by another process (the seed CLI, a
// second host) shows the store's revision moving, checked at most every
// Config.RecheckEvery. A model is immutable once built; readers load it
// through an atomic pointer and never lock.
type Catalog struct {
	store ScheduleStore
	every time.Duration
	snap  atomic.Pointer[snapshot]
	// next is the monotonic time (ns since base) of the next revision check.
	next atomic.Int64
	base time.Time
	mu   sync.Mutex // serialises loads
}

// NewCatalog builds the read model over store; it loads on first use.
func NewCatalog(store ScheduleStore, cfg Config) (*Catalog, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	return &Catalog{store: store, every: cfg.RecheckEvery, base: time.Now()}, nil
}

// get returns the current model, reloading it first when the store's
// revision has moved since the last check (at most one check per interval).
func (c *Catalog) get(ctx context.Context) (*snapshot, error) {
	s := c.snap.Load()
	if s != nil && int64(time.Since(c.base)) < c.next.Load() {
		return s, nil
	}
	return c.refresh(ctx, false)
}

// refresh checks the revision now (or, with force, reloads regardless) and
// rebuilds the model if it moved. Concurrent callers wait for one load.
func (c *Catalog) refresh(ctx context.Context, force bool) (*snapshot, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.snap.Load()
	if !force && s != nil && int64(time.Since(c.base)) < c.next.Load() {
		return s, nil // another caller just checked
	}
	if !force && s != nil {
		rev, err := c.store.Revision(ctx)
		if err != nil {
			// Serve the last model while the database is away: stale
			// listings beat none. Try again after the interval.
			c.next.Store(int64(time.Since(c.base) + c.every))
			return s, nil
		}
		if rev == s.revision {
			c.next.Store(int64(time.Since(c.base) + c.every))
			return s, nil
		}
	}
	sch, err := c.store.Load(ctx)
	if err != nil {
		return nil, err
	}
	s = build(sch)
	c.snap.Store(s)
	c.next.Store(int64(time.Since(c.base) + c.every))
	return s, nil
}

// snapshot is one immutable build of the read model. Times are UTC.
type snapshot struct {
	revision  int64
	channels  []Channel       // by number, then ID
	channelIx map[int64]int   // channel ID → index in channels
	byCode    map[string]int  // lower-cased code → index in channels
	list      []Broadcast     // by start, channel number, ID
	byID      map[int64]int32 // broadcast ID → index in list
	byIngr    map[string][]int32
	longest   time.Duration // longest broadcast: bounds backward scans
	text      *korean.Index // keyed by broadcast ID
}

// Search field weights: a title speaks for the whole broadcast, a product
// name for one item of it.
const (
	weightTitle   = 3
	weightProduct = 2
)

func build(sch ScheduleData) *snapshot {
	s := &snapshot{
		revision:  sch.Revision,
		channels:  slices.Clone(sch.Channels),
		channelIx: make(map[int64]int, len(sch.Channels)),
		byCode:    make(map[string]int, len(sch.Channels)),
		byID:      make(map[int64]int32, len(sch.Broadcasts)),
		byIngr:    map[string][]int32{},
		text:      new(korean.Index),
	}
	slices.SortFunc(s.channels, func(a, b Channel) int {
		return cmp.Or(cmp.Compare(a.Number, b.Number), cmp.Compare(a.ID, b.ID))
	})
	for i, ch := range s.channels {
		s.channelIx[ch.ID] = i
		s.byCode[strings.ToLower(ch.Code)] = i
	}
	s.list = make([]Broadcast, 0, len(sch.Broadcasts))
	for _, b := range sch.Broadcasts {
		if _, ok := s.channelIx[b.ChannelID]; !ok {
			continue // the stores refuse this; never index a broadcast without its channel
		}
		b.StartsAt, b.EndsAt = b.StartsAt.UTC(), b.EndsAt.UTC()
		s.list = append(s.list, b)
	}
	slices.SortFunc(s.list, func(a, b Broadcast) int {
		return cmp.Or(a.StartsAt.Compare(b.StartsAt),
			cmp.Compare(s.channels[s.channelIx[a.ChannelID]].Number, s.channels[s.channelIx[b.ChannelID]].Number),
			cmp.Compare(a.ID, b.ID))
	})
	for i := range s.list {
		b := &s.list[i]
		s.byID[b.ID] = int32(i)
		s.longest = max(s.longest, b.EndsAt.Sub(b.StartsAt))
		fields := make([]korean.Field, 0, 1+len(b.Products))
		fields = append(fields, korean.Field{Text: b.Title, Weight: weightTitle})
		var seen []string
		for _, p := range b.Products {
			fields = append(fields, korean.Field{Text: p.ProductName, Weight: weightProduct})
			if p.Ingredient != "" && !slices.Contains(seen, p.Ingredient) {
				seen = append(seen, p.Ingredient)
				s.byIngr[p.Ingredient] = append(s.byIngr[p.Ingredient], int32(i))
			}
		}
		s.text.Add(b.ID, fields...)
	}
	return s
}

// channel finds a channel by code (any case) or decimal ID.
func (s *snapshot) channel(ref string) (Channel, bool) {
	if i, ok := s.byCode[strings.ToLower(ref)]; ok {
		return s.channels[i], true
	}
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		if i, ok := s.channelIx[id]; ok {
			return s.channels[i], true
		}
	}
	return Channel{}, false
}

// broadcast finds a broadcast by ID.
func (s *snapshot) broadcast(id int64) (*Broadcast, bool) {
	i, ok := s.byID[id]
	if !ok {
		return nil, false
	}
	return &s.list[i], true
}

// startingFrom is the index of the first broadcast starting at or after t.
func (s *snapshot) startingFrom(t time.Time) int {
	i, _ := slices.BinarySearchFunc(s.list, t, func(b Broadcast, t time.Time) int {
		if b.StartsAt.Before(t) {
			return -1
		}
		return 1
	})
	return i
}

// overlapping calls fn, in list order, for each broadcast on air at some
// instant of [from, to): StartsAt < to and EndsAt > from. fn returns false
// to stop.
func (s *snapshot) overlapping(from, to time.Time, fn func(i int, b *Broadcast) bool) {
	end := s.startingFrom(to)
	for i := s.startingFrom(from.Add(-s.longest)); i < end; i++ {
		if b := &s.list[i]; b.EndsAt.After(from) && !fn(i, b) {
			return
		}
	}
}
