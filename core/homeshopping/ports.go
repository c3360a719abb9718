package homeshopping

import (
	"context"
	"time"
)

// ScheduleStore keeps channels and broadcasts. It is written in bulk by
// Import (seeding, feeds) and read whole by Load: the service serves every
// read from an in-process read model built from Load (see catalog.go), so
// the store needs no query per use case.
type ScheduleStore interface {
	// Import upserts channels and broadcasts by ID in one transaction: a
	// known broadcast gets its new fields and its product list replaced,
	// keeping its alarms. It bumps the revision. A broadcast whose channel
	// is neither in channels nor stored answers errs.ErrNotFound, and a
	// channel code held by another channel errs.ErrConflict; either way
	// nothing is written.
	Import(ctx context.Context, channels []Channel, broadcasts []Broadcast) error
	// Load returns everything, with the revision it reflects: channels by
	// ID, broadcasts by ID, each broadcast's products in their stored order,
	// times in UTC.
	Load(ctx context.Context) (ScheduleData, error)
	// Revision changes whenever Import commits, so a read model can tell
	// cheaply whether it is stale (another process may have imported).
	Revision(ctx context.Context) (int64, error)
}

// ScheduleData is the whole content of a ScheduleStore.
type ScheduleData struct {
	Channels   []Channel
	Broadcasts []Broadcast
	Revision   int64
}

// AlarmStore keeps "tell me before it airs" alarms, one per user and
// broadcast.
type AlarmStore interface {
	// Put stores a unless the user already has an alarm for that broadcast;
	// it answers the stored alarm and whether it was created now. An unknown
	// broadcast answers errs.ErrNotFound. Concurrent Puts of one alarm
	// create it once.
	Put(ctx context.Context, a Alarm) (stored Alarm, created bool, err error)
	// Delete removes the alarm and reports whether there was one.
	Delete(ctx context.Context, userID, broadcastID int64) (removed bool, err error)
	// List returns the user's alarms, oldest first.
	List(ctx context.Context, userID int64) ([]Alarm, error)
}

// Clock tells the time, so tests can move it.
type Clock interface {
	Now() time.Time
}

// SystemClock is the wall clock.
type SystemClock struct{}

// Now returns time.Now in UTC.
func (SystemClock) Now() time.Time { return time.Now().UTC() }
