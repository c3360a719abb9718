package homeshopping

import (
	"context"
	"time"

	"github.com/kokmeal/kokmeal/core/errs"
)

// BroadcastDetail answers one broadcast with its channel and products.
type BroadcastDetail struct {
	catalog *Catalog
	clock   Clock
	zone    *time.Location
}

// NewBroadcastDetail builds the use case.
func NewBroadcastDetail(catalog *Catalog, clock Clock, cfg Config) BroadcastDetail {
	return BroadcastDetail{catalog: catalog, clock: clock, zone: cfg.Zone}
}

// Handle answers errs.ErrNotFound for an unknown broadcast.
func (h BroadcastDetail) Handle(ctx context.Context, id int64) (Airing, error) {
	s, b, err := h.catalog.lookup(ctx, id)
	if err != nil {
		return Airing{}, err
	}
	return s.airing(b, h.clock.Now(), h.zone), nil
}

// lookup finds a broadcast. One imported by another process a moment ago is
// found after the next revision check (Config.RecheckEvery).
func (c *Catalog) lookup(ctx context.Context, id int64) (*snapshot, *Broadcast, error) {
	s, err := c.get(ctx)
	if err != nil {
		return nil, nil, err
	}
	b, ok := s.broadcast(id)
	if !ok {
		return nil, nil, errs.Wrap(errs.ErrNotFound, "broadcast %d", id)
	}
	return s, b, nil
}
