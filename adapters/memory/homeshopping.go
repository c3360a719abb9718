package memory

import (
	"cmp"
	"context"
	"slices"
	"sync"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/homeshopping"
)

// HomeShopping keeps channels, broadcasts and alarms together, so an alarm
// can check its broadcast as the SQL foreign key does.
type HomeShopping struct {
	mu         sync.Mutex
	revision   int64
	channels   map[int64]homeshopping.Channel
	broadcasts map[int64]homeshopping.Broadcast
	alarms     map[alarmKey]homeshopping.Alarm
}

type alarmKey struct{ user, broadcast int64 }

// NewHomeShopping returns an empty store.
func NewHomeShopping() *HomeShopping {
	return &HomeShopping{
		channels:   map[int64]homeshopping.Channel{},
		broadcasts: map[int64]homeshopping.Broadcast{},
		alarms:     map[alarmKey]homeshopping.Alarm{},
	}
}

// Schedule is the homeshopping.ScheduleStore view.
func (h *HomeShopping) Schedule() *HomeShoppingSchedule { return (*HomeShoppingSchedule)(h) }

// Alarms is the homeshopping.AlarmStore view.
func (h *HomeShopping) Alarms() *HomeShoppingAlarms { return (*HomeShoppingAlarms)(h) }

// HomeShoppingSchedule implements homeshopping.ScheduleStore.
type HomeShoppingSchedule HomeShopping

var _ homeshopping.ScheduleStore = (*HomeShoppingSchedule)(nil)

func cloneBroadcast(b homeshopping.Broadcast) homeshopping.Broadcast {
	b.Products = slices.Clone(b.Products)
	b.StartsAt, b.EndsAt = b.StartsAt.UTC(), b.EndsAt.UTC()
	return b
}

// Import checks everything before it writes anything, as a transaction would.
func (s *HomeShoppingSchedule) Import(_ context.Context, channels []homeshopping.Channel, broadcasts []homeshopping.Broadcast) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	codes := map[string]int64{}
	for id, ch := range s.channels {
		codes[ch.Code] = id
	}
	ids := map[int64]bool{}
	for id := range s.channels {
		ids[id] = true
	}
	for _, ch := range channels {
		delete(codes, s.channels[ch.ID].Code)
	}
	for _, ch := range channels {
		if other, ok := codes[ch.Code]; ok && other != ch.ID {
			return errs.Wrap(errs.ErrConflict, "channel code %q is taken", ch.Code)
		}
		codes[ch.Code] = ch.ID
		ids[ch.ID] = true
	}
	for _, b := range broadcasts {
		if !ids[b.ChannelID] {
			return errs.Wrap(errs.ErrNotFound, "channel %d", b.ChannelID)
		}
	}
	for _, ch := range channels {
		s.channels[ch.ID] = ch
	}
	for _, b := range broadcasts {
		s.broadcasts[b.ID] = cloneBroadcast(b)
	}
	s.revision++
	return nil
}

// Load copies everything out, sorted by ID.
func (s *HomeShoppingSchedule) Load(_ context.Context) (homeshopping.ScheduleData, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := homeshopping.ScheduleData{
		Channels:   make([]homeshopping.Channel, 0, len(s.channels)),
		Broadcasts: make([]homeshopping.Broadcast, 0, len(s.broadcasts)),
		Revision:   s.revision,
	}
	for _, ch := range s.channels {
		out.Channels = append(out.Channels, ch)
	}
	for _, b := range s.broadcasts {
		out.Broadcasts = append(out.Broadcasts, cloneBroadcast(b))
	}
	slices.SortFunc(out.Channels, func(a, b homeshopping.Channel) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(out.Broadcasts, func(a, b homeshopping.Broadcast) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// Revision counts imports.
func (s *HomeShoppingSchedule) Revision(_ context.Context) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.revision, nil
}

// HomeShoppingAlarms implements homeshopping.AlarmStore.
type HomeShoppingAlarms HomeShopping

var _ homeshopping.AlarmStore = (*HomeShoppingAlarms)(nil)

// Put keeps the first alarm of a user for a broadcast.
func (s *HomeShoppingAlarms) Put(_ context.Context, a homeshopping.Alarm) (homeshopping.Alarm, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.broadcasts[a.BroadcastID]; !ok {
		return homeshopping.Alarm{}, false, errs.Wrap(errs.ErrNotFound, "broadcast %d", a.BroadcastID)
	}
	k := alarmKey{a.UserID, a.BroadcastID}
	if old, ok := s.alarms[k]; ok {
		return old, false, nil
	}
	a.CreatedAt = a.CreatedAt.UTC()
	s.alarms[k] = a
	return a, true, nil
}

// Delete removes an alarm if it is there.
func (s *HomeShoppingAlarms) Delete(_ context.Context, userID, broadcastID int64) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := alarmKey{userID, broadcastID}
	_, ok := s.alarms[k]
	delete(s.alarms, k)
	return ok, nil
}

// List answers the user's alarms, oldest first.
func (s *HomeShoppingAlarms) List(_ context.Context, userID int64) ([]homeshopping.Alarm, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []homeshopping.Alarm{}
	for k, a := range s.alarms {
		if k.user == userID {
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b homeshopping.Alarm) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.BroadcastID, b.BroadcastID))
	})
	return out, nil
}

// DeleteUser drops a user's alarms: the SQL schema cascades from users, and
// a program on memory stores calls this when it deletes an account.
func (s *HomeShoppingAlarms) DeleteUser(_ context.Context, userID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k := range s.alarms {
		if k.user == userID {
			delete(s.alarms, k)
		}
	}
}
