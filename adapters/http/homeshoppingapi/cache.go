package homeshoppingapi

import (
	"sync"
	"time"
)

// dayCache keeps encoded schedule answers. A day's schedule is the heaviest
// answer here (a hundred broadcasts with their products, ~50 KB of JSON),
// and encoding it is most of its cost, yet it only changes when an item's
// status flips (every few minutes) or the schedule does: the core says when
// (Day.StableUntil, Day.Revision), so the cache never serves a stale status.
type dayCache struct {
	mu sync.Mutex
	m  map[dayKey]dayEntry
}

type dayKey struct {
	date    string
	channel int64
}

type dayEntry struct {
	revision int64
	until    time.Time // zero: until the revision changes
	body     []byte    // encoded, with kit.WriteJSON's trailing newline
}

// maxCachedDays bounds the cache: dates are the client's choice.
const maxCachedDays = 256

func (c *dayCache) get(k dayKey, revision int64, at time.Time) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[k]
	if !ok || e.revision != revision || !e.until.IsZero() && !at.Before(e.until) {
		return nil, false
	}
	return e.body, true
}

func (c *dayCache) put(k dayKey, e dayEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxCachedDays {
		c.m = make(map[dayKey]dayEntry)
	}
	c.m[k] = e
}
