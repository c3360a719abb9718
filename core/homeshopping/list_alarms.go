package homeshopping

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/kokmeal/kokmeal/core/errs"
)

// AlarmPage is one page of a user's alarms.
type AlarmPage struct {
	Items []AlarmView
	Page  int
	Size  int
	Total int
}

// ListAlarms lists the caller's alarms with their broadcasts.
type ListAlarms struct {
	catalog *Catalog
	alarms  AlarmStore
	clock   Clock
	zone    *time.Location
}

// NewListAlarms builds the use case.
func NewListAlarms(catalog *Catalog, alarms AlarmStore, clock Clock, cfg Config) ListAlarms {
	return ListAlarms{catalog: catalog, alarms: alarms, clock: clock, zone: cfg.Zone}
}

// Handle answers the alarms in broadcast order (soonest first), so the next
// reminder is on top. page and size are as in SearchQuery.
func (h ListAlarms) Handle(ctx context.Context, userID int64, page, size int) (AlarmPage, error) {
	f := errs.Fields{}
	page, size = checkPage(f, page, size)
	if err := f.Err(); err != nil {
		return AlarmPage{}, err
	}
	alarms, err := h.alarms.List(ctx, userID)
	if err != nil {
		return AlarmPage{}, err
	}
	s, err := h.catalog.get(ctx)
	if err != nil {
		return AlarmPage{}, err
	}
	now := h.clock.Now()
	type item struct {
		a Alarm
		b *Broadcast
	}
	all := make([]item, 0, len(alarms))
	for _, a := range alarms {
		// A broadcast the model does not hold yet (imported elsewhere a
		// moment ago) is listed after the next revision check.
		if b, ok := s.broadcast(a.BroadcastID); ok {
			all = append(all, item{a, b})
		}
	}
	slices.SortFunc(all, func(x, y item) int {
		return cmp.Or(cmp.Compare(s.byID[x.b.ID], s.byID[y.b.ID]), cmp.Compare(x.a.BroadcastID, y.a.BroadcastID))
	})
	out := AlarmPage{Items: []AlarmView{}, Page: page, Size: size, Total: len(all)}
	for _, it := range window(all, page, size) {
		a := it.a
		a.CreatedAt = a.CreatedAt.In(h.zone)
		out.Items = append(out.Items, AlarmView{Alarm: a, Broadcast: s.airing(it.b, now, h.zone)})
	}
	return out, nil
}
