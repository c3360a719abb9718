package homeshopping

import (
	"context"
	"time"

	"github.com/kokmeal/kokmeal/core/errs"
)

// AlarmView is an alarm with the broadcast it is for.
type AlarmView struct {
	Alarm
	Broadcast Airing
}

// ErrAlreadyStarted refuses an alarm for a broadcast that is on air or over:
// there is nothing left to be told about. It is a conflict with the
// broadcast's state (409), not a malformed request.
var ErrAlreadyStarted = errs.Wrap(errs.ErrConflict, "the broadcast has already started")

// SetAlarm asks to be told before a broadcast airs. It is idempotent: setting
// an alarm twice keeps the first one.
type SetAlarm struct {
	catalog *Catalog
	alarms  AlarmStore
	clock   Clock
	zone    *time.Location
}

// NewSetAlarm builds the use case.
func NewSetAlarm(catalog *Catalog, alarms AlarmStore, clock Clock, cfg Config) SetAlarm {
	return SetAlarm{catalog: catalog, alarms: alarms, clock: clock, zone: cfg.Zone}
}

// Handle answers the alarm and whether it is new. An unknown broadcast is
// errs.ErrNotFound; one that has started is ErrAlreadyStarted, even when the
// alarm exists (repeating the PUT then says why it no longer matters).
func (h SetAlarm) Handle(ctx context.Context, userID, broadcastID int64) (AlarmView, bool, error) {
	s, b, err := h.catalog.lookup(ctx, broadcastID)
	if err != nil {
		return AlarmView{}, false, err
	}
	now := h.clock.Now()
	if !now.Before(b.StartsAt) {
		return AlarmView{}, false, ErrAlreadyStarted
	}
	a, created, err := h.alarms.Put(ctx, Alarm{UserID: userID, BroadcastID: broadcastID, CreatedAt: now.UTC()})
	if err != nil {
		return AlarmView{}, false, err
	}
	a.CreatedAt = a.CreatedAt.In(h.zone)
	return AlarmView{Alarm: a, Broadcast: s.airing(b, now, h.zone)}, created, nil
}
