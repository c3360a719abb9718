package homeshopping

import (
	"context"
	"time"
)

// Live answers what is on air now on every channel.
type Live struct {
	catalog *Catalog
	clock   Clock
	zone    *time.Location
}

// NewLive builds the use case.
func NewLive(catalog *Catalog, clock Clock, cfg Config) Live {
	return Live{catalog: catalog, clock: clock, zone: cfg.Zone}
}

// Handle answers the broadcasts with StartsAt ≤ now < EndsAt, by channel
// number.
func (h Live) Handle(ctx context.Context) ([]Airing, error) {
	s, err := h.catalog.get(ctx)
	if err != nil {
		return nil, err
	}
	now := h.clock.Now()
	out := []Airing{}
	s.overlapping(now, now.Add(time.Nanosecond), func(_ int, b *Broadcast) bool {
		out = append(out, s.airing(b, now, h.zone))
		return true
	})
	sortByChannel(out)
	return out, nil
}
