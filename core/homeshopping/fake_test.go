package homeshopping_test

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"time"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/homeshopping"
)

// fakeStore is a minimal store for the use-case tests, which stay on the
// standard library; the real adapters pass homeshoppingtest's contract.
type fakeStore struct {
	mu     sync.Mutex
	rev    int64
	loads  int
	down   bool // Revision fails, as with the database away
	chs    map[int64]homeshopping.Channel
	bs     map[int64]homeshopping.Broadcast
	alarms map[[2]int64]homeshopping.Alarm
}

func newFakeStore() *fakeStore {
	return &fakeStore{chs: map[int64]homeshopping.Channel{}, bs: map[int64]homeshopping.Broadcast{}, alarms: map[[2]int64]homeshopping.Alarm{}}
}

func (s *fakeStore) Import(_ context.Context, chs []homeshopping.Channel, bs []homeshopping.Broadcast) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range chs {
		s.chs[c.ID] = c
	}
	for _, b := range bs {
		if _, ok := s.chs[b.ChannelID]; !ok {
			return errs.ErrNotFound
		}
		b.Products = slices.Clone(b.Products)
		s.bs[b.ID] = b
	}
	s.rev++
	return nil
}

func (s *fakeStore) Load(_ context.Context) (homeshopping.ScheduleData, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.loads++
	d := homeshopping.ScheduleData{Revision: s.rev}
	for _, c := range s.chs {
		d.Channels = append(d.Channels, c)
	}
	for _, b := range s.bs {
		b.Products = slices.Clone(b.Products)
		d.Broadcasts = append(d.Broadcasts, b)
	}
	return d, nil
}

func (s *fakeStore) Revision(_ context.Context) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.down {
		return 0, errs.ErrUnavailable
	}
	return s.rev, nil
}

func (s *fakeStore) Put(_ context.Context, a homeshopping.Alarm) (homeshopping.Alarm, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := [2]int64{a.UserID, a.BroadcastID}
	if old, ok := s.alarms[k]; ok {
		return old, false, nil
	}
	s.alarms[k] = a
	return a, true, nil
}

func (s *fakeStore) Delete(_ context.Context, uid, bid int64) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.alarms[[2]int64{uid, bid}]
	delete(s.alarms, [2]int64{uid, bid})
	return ok, nil
}

func (s *fakeStore) List(_ context.Context, uid int64) ([]homeshopping.Alarm, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []homeshopping.Alarm
	for k, a := range s.alarms {
		if k[0] == uid {
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b homeshopping.Alarm) int { return cmp.Compare(a.BroadcastID, b.BroadcastID) })
	return out, nil
}

func seoul() *time.Location {
	if z, err := time.LoadLocation("Asia/Seoul"); err == nil {
		return z
	}
	return time.FixedZone("Asia/Seoul", 9*3600) // no tzdata here: Korea has had no DST since 1988
}
