// Package homeshoppingtest holds the contract suites every adapter of the
// home-shopping ports must pass (the in-memory adapter and bun on SQLite,
// MariaDB and PostgreSQL run the very same tests), and sample data for tests
// and benchmarks.
package homeshoppingtest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/homeshopping"
)

// Stores is one adapter's pair of stores over the same storage.
type Stores struct {
	Schedule homeshopping.ScheduleStore
	Alarms   homeshopping.AlarmStore
	// NewUser makes a user that alarms may belong to (SQL alarms reference
	// the users table); a memory adapter just counts.
	NewUser func(t *testing.T) int64
}

var t0 = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

func korean() ([]homeshopping.Channel, []homeshopping.Broadcast) {
	chs := []homeshopping.Channel{
		{ID: 10, Code: "gs", Name: "GS SHOP", Number: 8},
		{ID: 20, Code: "hyundai", Name: "현대홈쇼핑 🛒", Number: 12},
	}
	bs := []homeshopping.Broadcast{
		{ID: 100, ChannelID: 20, Title: "[한끼든든] 김치찌개 밀키트 특집 🍲", StartsAt: t0.Add(9 * time.Hour), EndsAt: t0.Add(10 * time.Hour),
			Products: []homeshopping.BroadcastProduct{
				{ProductName: "묵은지 김치찌개 2인분 (NFC 한글)", Ingredient: "", Price: 29900, SalePrice: 19900, Main: true},
				{ProductName: "국내산 깐마늘 1kg", Ingredient: "마늘", Price: 12000, SalePrice: 12000},
				{ProductName: "햇 대파(흰부분) 2단", Ingredient: "대파", Price: 5000, SalePrice: 4500},
			}},
		{ID: 101, ChannelID: 10, Title: "국산 양파 3kg", StartsAt: t0.Add(9*time.Hour + 30*time.Minute + 123456*time.Microsecond), EndsAt: t0.Add(11 * time.Hour),
			Products: []homeshopping.BroadcastProduct{{ProductName: "국산 양파 3kg", Ingredient: "양파", Price: 0, SalePrice: 0, Main: true}}},
		{ID: 102, ChannelID: 10, Title: "상품 없는 방송", StartsAt: t0.Add(11 * time.Hour), EndsAt: t0.Add(12 * time.Hour)},
	}
	return chs, bs
}

// Run runs every contract test against fresh stores from open.
func Run(t *testing.T, open func(t *testing.T) Stores) {
	t.Run("ScheduleStore", func(t *testing.T) {
		RunScheduleStore(t, func(t *testing.T) homeshopping.ScheduleStore { return open(t).Schedule })
	})
	t.Run("AlarmStore", func(t *testing.T) { RunAlarmStore(t, open) })
}

func mustImport(t *testing.T, s homeshopping.ScheduleStore, chs []homeshopping.Channel, bs []homeshopping.Broadcast) {
	t.Helper()
	if err := s.Import(context.Background(), chs, bs); err != nil {
		t.Fatal(err)
	}
}

func mustLoad(t *testing.T, s homeshopping.ScheduleStore) homeshopping.ScheduleData {
	t.Helper()
	d, err := s.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// sameSchedule compares what was imported with what was loaded: equal
// instants in UTC, nil and empty product lists alike.
func sameSchedule(t *testing.T, got homeshopping.ScheduleData, chs []homeshopping.Channel, bs []homeshopping.Broadcast) {
	t.Helper()
	if !reflect.DeepEqual(got.Channels, chs) {
		t.Fatalf("channels\n got %+v\nwant %+v", got.Channels, chs)
	}
	if len(got.Broadcasts) != len(bs) {
		t.Fatalf("%d broadcasts, want %d", len(got.Broadcasts), len(bs))
	}
	for i, g := range got.Broadcasts {
		w := bs[i]
		if g.StartsAt.Location() != time.UTC || g.EndsAt.Location() != time.UTC {
			t.Fatalf("broadcast %d: times not in UTC: %v, %v", g.ID, g.StartsAt, g.EndsAt)
		}
		if !g.StartsAt.Equal(w.StartsAt) || !g.EndsAt.Equal(w.EndsAt) {
			t.Fatalf("broadcast %d: times %v–%v, want %v–%v", g.ID, g.StartsAt, g.EndsAt, w.StartsAt, w.EndsAt)
		}
		g.StartsAt, g.EndsAt, w.StartsAt, w.EndsAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
		if len(g.Products) == 0 && len(w.Products) == 0 {
			g.Products, w.Products = nil, nil
		}
		if !reflect.DeepEqual(g, w) {
			t.Fatalf("broadcast\n got %+v\nwant %+v", g, w)
		}
	}
}

// RunScheduleStore is the ScheduleStore contract.
func RunScheduleStore(t *testing.T, open func(t *testing.T) homeshopping.ScheduleStore) {
	ctx := context.Background()

	t.Run("an empty store loads nothing", func(t *testing.T) {
		s := open(t)
		d := mustLoad(t, s)
		if len(d.Channels) != 0 || len(d.Broadcasts) != 0 {
			t.Fatalf("loaded %+v", d)
		}
		rev, err := s.Revision(ctx)
		if err != nil || rev != d.Revision {
			t.Fatalf("Revision %d, %v; Load said %d", rev, err, d.Revision)
		}
	})

	t.Run("import then load byte-exact: Korean, emoji, product order, UTC times to the microsecond", func(t *testing.T) {
		s := open(t)
		chs, bs := korean()
		mustImport(t, s, chs, bs)
		sameSchedule(t, mustLoad(t, s), chs, bs)
	})

	t.Run("import is idempotent by ID and moves the revision", func(t *testing.T) {
		s := open(t)
		r0 := mustLoad(t, s).Revision
		chs, bs := korean()
		mustImport(t, s, chs, bs)
		r1, err := s.Revision(ctx)
		if err != nil {
			t.Fatal(err)
		}
		mustImport(t, s, chs, bs)
		d := mustLoad(t, s)
		sameSchedule(t, d, chs, bs)
		if r1 == r0 || d.Revision == r1 {
			t.Fatalf("revisions %d → %d → %d: each import must move it", r0, r1, d.Revision)
		}
	})

	t.Run("re-import replaces a broadcast's fields and products, and a channel's", func(t *testing.T) {
		s := open(t)
		chs, bs := korean()
		mustImport(t, s, chs, bs)
		chs[1].Name, chs[1].Number = "현대홈쇼핑+", 13
		b := bs[0]
		b.Title = "제목 바뀜"
		b.ChannelID = 10
		b.StartsAt, b.EndsAt = t0.Add(20*time.Hour), t0.Add(21*time.Hour)
		b.Products = []homeshopping.BroadcastProduct{{ProductName: "대파 한 단", Ingredient: "대파", Price: 3000, SalePrice: 2500, Main: true}}
		mustImport(t, s, chs[1:], []homeshopping.Broadcast{b})
		bs[0] = b
		sameSchedule(t, mustLoad(t, s), chs, bs)
	})

	t.Run("a broadcast on an unknown channel is not found and writes nothing", func(t *testing.T) {
		s := open(t)
		chs, bs := korean()
		mustImport(t, s, chs, bs)
		before := mustLoad(t, s)
		newCh := homeshopping.Channel{ID: 30, Code: "new", Name: "새 채널", Number: 20}
		bad := []homeshopping.Broadcast{
			{ID: 200, ChannelID: 30, Title: "ok", StartsAt: t0, EndsAt: t0.Add(time.Hour)},
			{ID: 201, ChannelID: 99, Title: "no channel", StartsAt: t0, EndsAt: t0.Add(time.Hour)},
		}
		if err := s.Import(ctx, []homeshopping.Channel{newCh}, bad); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("got %v, want ErrNotFound", err)
		}
		after := mustLoad(t, s)
		sameSchedule(t, after, chs, bs)
		if after.Revision != before.Revision {
			t.Fatalf("revision moved from %d to %d on a failed import", before.Revision, after.Revision)
		}
	})

	t.Run("a code held by another channel is a conflict and writes nothing", func(t *testing.T) {
		s := open(t)
		chs, bs := korean()
		mustImport(t, s, chs, bs)
		dup := homeshopping.Channel{ID: 30, Code: "gs", Name: "짝퉁", Number: 1}
		b := homeshopping.Broadcast{ID: 300, ChannelID: 30, Title: "x", StartsAt: t0, EndsAt: t0.Add(time.Hour)}
		if err := s.Import(ctx, []homeshopping.Channel{dup}, []homeshopping.Broadcast{b}); !errors.Is(err, errs.ErrConflict) {
			t.Fatalf("got %v, want ErrConflict", err)
		}
		sameSchedule(t, mustLoad(t, s), chs, bs)
	})

	t.Run("bulk import of 14 days on 5 channels, twice", func(t *testing.T) {
		s := open(t)
		zone := time.FixedZone("KST", 9*3600)
		chs, bs := Sample(t0, 14, zone)
		mustImport(t, s, chs, bs)
		mustImport(t, s, chs, bs)
		sameSchedule(t, mustLoad(t, s), chs, bs)
	})
}

// RunAlarmStore is the AlarmStore contract.
func RunAlarmStore(t *testing.T, open func(t *testing.T) Stores) {
	ctx := context.Background()
	setup := func(t *testing.T) (Stores, int64) {
		s := open(t)
		chs, bs := korean()
		mustImport(t, s.Schedule, chs, bs)
		return s, s.NewUser(t)
	}
	alarm := func(uid, bid int64, at time.Time) homeshopping.Alarm {
		return homeshopping.Alarm{UserID: uid, BroadcastID: bid, CreatedAt: at}
	}

	t.Run("put creates once; a second put keeps the first", func(t *testing.T) {
		s, uid := setup(t)
		a, created, err := s.Alarms.Put(ctx, alarm(uid, 100, t0))
		if err != nil || !created {
			t.Fatalf("first put: %+v created=%v err=%v", a, created, err)
		}
		if a.UserID != uid || a.BroadcastID != 100 || !a.CreatedAt.Equal(t0) {
			t.Fatalf("first put answered %+v", a)
		}
		b, created, err := s.Alarms.Put(ctx, alarm(uid, 100, t0.Add(time.Hour)))
		if err != nil || created {
			t.Fatalf("second put: created=%v err=%v", created, err)
		}
		if !b.CreatedAt.Equal(t0) {
			t.Fatalf("second put answered created_at %v, want the first's %v", b.CreatedAt, t0)
		}
		list, err := s.Alarms.List(ctx, uid)
		if err != nil || len(list) != 1 {
			t.Fatalf("list %+v, %v", list, err)
		}
	})

	t.Run("an alarm for an unknown broadcast is not found", func(t *testing.T) {
		s, uid := setup(t)
		if _, _, err := s.Alarms.Put(ctx, alarm(uid, 999999, t0)); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("got %v, want ErrNotFound", err)
		}
	})

	t.Run("list answers only the user's alarms, oldest first", func(t *testing.T) {
		s, uid := setup(t)
		other := s.NewUser(t)
		for _, a := range []homeshopping.Alarm{alarm(uid, 102, t0.Add(2*time.Minute)), alarm(uid, 100, t0.Add(time.Minute)), alarm(other, 101, t0), alarm(uid, 101, t0.Add(3*time.Minute))} {
			if _, _, err := s.Alarms.Put(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		list, err := s.Alarms.List(ctx, uid)
		if err != nil {
			t.Fatal(err)
		}
		got := fmt.Sprint(ids(list))
		if got != "[100 102 101]" {
			t.Fatalf("list %s, want [100 102 101]", got)
		}
		for _, a := range list {
			if a.UserID != uid || a.CreatedAt.Location() != time.UTC {
				t.Fatalf("listed %+v", a)
			}
		}
		if none, err := s.Alarms.List(ctx, 987654); err != nil || len(none) != 0 {
			t.Fatalf("list of a user without alarms: %+v, %v", none, err)
		}
	})

	t.Run("delete reports whether there was an alarm", func(t *testing.T) {
		s, uid := setup(t)
		if _, _, err := s.Alarms.Put(ctx, alarm(uid, 100, t0)); err != nil {
			t.Fatal(err)
		}
		for i, want := range []bool{true, false} {
			removed, err := s.Alarms.Delete(ctx, uid, 100)
			if err != nil || removed != want {
				t.Fatalf("delete #%d: removed=%v err=%v, want %v", i+1, removed, err, want)
			}
		}
		if list, _ := s.Alarms.List(ctx, uid); len(list) != 0 {
			t.Fatalf("after delete: %+v", list)
		}
	})

	t.Run("concurrent puts of one alarm create it once", func(t *testing.T) {
		s, uid := setup(t)
		var created atomic.Int32
		var wg sync.WaitGroup
		for i := range 8 {
			wg.Go(func() {
				_, c, err := s.Alarms.Put(ctx, alarm(uid, 101, t0.Add(time.Duration(i)*time.Second)))
				if err != nil {
					t.Error(err)
				}
				if c {
					created.Add(1)
				}
			})
		}
		wg.Wait()
		if created.Load() != 1 {
			t.Fatalf("%d puts created the alarm, want 1", created.Load())
		}
	})

	t.Run("re-importing a broadcast keeps its alarms", func(t *testing.T) {
		s, uid := setup(t)
		if _, _, err := s.Alarms.Put(ctx, alarm(uid, 100, t0)); err != nil {
			t.Fatal(err)
		}
		chs, bs := korean()
		bs[0].Title = "다시 들여옴"
		mustImport(t, s.Schedule, chs, bs)
		if list, err := s.Alarms.List(ctx, uid); err != nil || len(list) != 1 {
			t.Fatalf("after re-import: %+v, %v", list, err)
		}
	})
}

func ids(as []homeshopping.Alarm) []int64 {
	out := make([]int64, 0, len(as))
	for _, a := range as {
		out = append(out, a.BroadcastID)
	}
	return out
}
