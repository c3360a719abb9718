package homeshopping_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/homeshopping"
	"github.com/kokmeal/kokmeal/core/homeshopping/homeshoppingtest"
)

var ctx = context.Background()

type env struct {
	svc   *homeshopping.Service
	store *fakeStore
	clock *homeshoppingtest.Clock
	zone  *time.Location
}

func kst(zone *time.Location, s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, zone)
	if err != nil {
		panic(err)
	}
	return t
}

// newEnv serves 3 sample days from 2026-11-26 (Seoul), at noon of the first.
func newEnv(t testing.TB) env {
	zone := seoul()
	st := newFakeStore()
	c := homeshoppingtest.NewClock(kst(zone, "2026-11-26 12:05"))
	svc, err := homeshopping.NewService(st, st, c, homeshopping.Config{Zone: zone})
	if err != nil {
		t.Fatal(err)
	}
	chs, bs := homeshoppingtest.Sample(kst(zone, "2026-11-26 00:00"), 3, zone)
	if err := svc.ImportSchedule.Handle(ctx, chs, bs); err != nil {
		t.Fatal(err)
	}
	return env{svc, st, c, zone}
}

func wantFields(t *testing.T, err error, fields ...string) {
	t.Helper()
	var inv *errs.Invalid
	if !errors.As(err, &inv) {
		t.Fatalf("got %v, want *errs.Invalid naming %v", err, fields)
	}
	for _, f := range fields {
		if _, ok := inv.Fields[f]; !ok {
			t.Fatalf("fields %v do not name %q", inv.Fields, f)
		}
	}
}

func TestNewServiceNeedsAZone(t *testing.T) {
	st := newFakeStore()
	if _, err := homeshopping.NewService(st, st, homeshoppingtest.NewClock(time.Time{}), homeshopping.Config{}); err == nil {
		t.Fatal("no error without a zone")
	}
}

func TestScheduleIsASeoulDay(t *testing.T) {
	e := newEnv(t)
	// 2026-11-27 in Seoul runs from 2026-11-26T15:00Z: it spans two UTC dates.
	day, err := e.svc.Schedule.Handle(ctx, homeshopping.ScheduleQuery{Date: "2026-11-27"})
	if err != nil {
		t.Fatal(err)
	}
	if len(day.Items) != 5*24 {
		t.Fatalf("%d items, want 120", len(day.Items))
	}
	first, last := day.Items[0], day.Items[len(day.Items)-1]
	if got := first.StartsAt.Format(time.RFC3339); got != "2026-11-27T00:00:00+09:00" {
		t.Fatalf("first starts %s", got)
	}
	if got := last.StartsAt.Format(time.RFC3339); got != "2026-11-27T23:40:00+09:00" {
		t.Fatalf("last starts %s", got)
	}
	if got := last.EndsAt.Format(time.RFC3339); got != "2026-11-28T00:40:00+09:00" {
		t.Fatalf("last ends %s: a broadcast belongs to the day it starts on", got)
	}
	if day.Date != "2026-11-27" || !day.From.Equal(time.Date(2026, 11, 26, 15, 0, 0, 0, time.UTC)) {
		t.Fatalf("day %s from %v", day.Date, day.From)
	}
	for i := 1; i < len(day.Items); i++ {
		a, b := day.Items[i-1], day.Items[i]
		if b.StartsAt.Before(a.StartsAt) || b.StartsAt.Equal(a.StartsAt) && b.Channel.Number < a.Channel.Number {
			t.Fatalf("not ordered by start, channel: %v then %v", a.StartsAt, b.StartsAt)
		}
	}
	if first.Status != homeshopping.StatusUpcoming || first.Channel.Code == "" {
		t.Fatalf("first item %+v", first)
	}
	// At 12:05 on the 26th, nothing of the 27th changes before its first start.
	if !day.StableUntil.Equal(first.StartsAt) || day.Revision == 0 || !day.At.Equal(e.clock.Now()) {
		t.Fatalf("stable until %v (revision %d, at %v), want %v", day.StableUntil, day.Revision, day.At, first.StartsAt)
	}
	today, err := e.svc.Schedule.Handle(ctx, homeshopping.ScheduleQuery{Date: "2026-11-26"})
	if err != nil {
		t.Fatal(err)
	}
	if got := today.StableUntil.In(e.zone).Format("15:04"); got != "12:10" { // cj's next slot starts
		t.Fatalf("today stable until %s, want 12:10", got)
	}
	past, _ := e.svc.Schedule.Handle(ctx, homeshopping.ScheduleQuery{Date: "2026-11-25"})
	if !past.StableUntil.IsZero() {
		t.Fatalf("a past day is stable until %v, want for ever", past.StableUntil)
	}
}

func TestScheduleDefaultsToTodayInSeoul(t *testing.T) {
	e := newEnv(t)
	e.clock.Set(time.Date(2026, 11, 26, 16, 0, 0, 0, time.UTC)) // 01:00 on the 27th in Seoul
	day, err := e.svc.Schedule.Handle(ctx, homeshopping.ScheduleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if day.Date != "2026-11-27" {
		t.Fatalf("today is %s, want 2026-11-27", day.Date)
	}
	var live int
	for _, it := range day.Items {
		if it.Status == homeshopping.StatusLive {
			live++
		}
	}
	if live != 5 {
		t.Fatalf("%d live items at 01:00, want one per channel", live)
	}
}

func TestScheduleChannelFilter(t *testing.T) {
	e := newEnv(t)
	for _, ref := range []string{"cj", "CJ", "2"} {
		day, err := e.svc.Schedule.Handle(ctx, homeshopping.ScheduleQuery{Date: "2026-11-26", Channel: ref})
		if err != nil {
			t.Fatal(err)
		}
		if len(day.Items) != 24 {
			t.Fatalf("channel %s: %d items", ref, len(day.Items))
		}
		for _, it := range day.Items {
			if it.Channel.Code != "cj" {
				t.Fatalf("channel %s answered %s", ref, it.Channel.Code)
			}
		}
	}
	_, err := e.svc.Schedule.Handle(ctx, homeshopping.ScheduleQuery{Channel: "kbs"})
	wantFields(t, err, "channel")
}

func TestScheduleRefusesBadDates(t *testing.T) {
	e := newEnv(t)
	for _, d := range []string{"2026-13-01", "2026-02-30", "2026-2-1", "20261126", "2026-11-26T00:00:00Z", "어제", "0"} {
		_, err := e.svc.Schedule.Handle(ctx, homeshopping.ScheduleQuery{Date: d})
		wantFields(t, err, "date")
	}
	day, err := e.svc.Schedule.Handle(ctx, homeshopping.ScheduleQuery{Date: "1999-01-01"})
	if err != nil || len(day.Items) != 0 {
		t.Fatalf("a day without broadcasts: %d items, %v", len(day.Items), err)
	}
}

func TestLiveIsStartInclusiveEndExclusive(t *testing.T) {
	e := newEnv(t)
	e.clock.Set(kst(e.zone, "2026-11-26 12:10")) // cj's 12:10 slot starts now; its 11:10 slot ends now
	live, err := e.svc.Live.Handle(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(live) != 5 {
		t.Fatalf("%d live, want 5", len(live))
	}
	var got []string
	for _, a := range live {
		got = append(got, a.Channel.Code+"@"+a.StartsAt.Format("15:04"))
		if a.Status != homeshopping.StatusLive {
			t.Fatalf("status %s", a.Status)
		}
	}
	// By channel number: ns(6) gs(8) cj(10) hyundai(12) lotte(14).
	if want := "[ns@11:40 gs@12:00 cj@12:10 hyundai@11:20 lotte@11:30]"; fmt.Sprint(got) != want {
		t.Fatalf("live %v, want %s", got, want)
	}
	e.clock.Set(kst(e.zone, "2099-01-01 00:00"))
	if live, _ := e.svc.Live.Handle(ctx); len(live) != 0 {
		t.Fatalf("live after the schedule: %d", len(live))
	}
}

func TestDetail(t *testing.T) {
	e := newEnv(t)
	a, err := e.svc.Detail.Handle(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != 1 || a.Channel.Code != "gs" || len(a.Products) == 0 || !a.Products[0].Main || a.Status != homeshopping.StatusEnded {
		t.Fatalf("detail %+v", a)
	}
	if a.StartsAt.Location() != e.zone {
		t.Fatalf("detail in %v, want Seoul", a.StartsAt.Location())
	}
	a.Products[0].ProductName = "changed by the caller"
	if b, _ := e.svc.Detail.Handle(ctx, 1); b.Products[0].ProductName == "changed by the caller" {
		t.Fatal("the caller changed the read model")
	}
	if _, err := e.svc.Detail.Handle(ctx, 999999); !errors.Is(err, errs.ErrNotFound) {
		t.Fatalf("unknown: %v", err)
	}
}

func TestDiscountRate(t *testing.T) {
	for _, c := range []struct {
		price, sale int64
		want        int
	}{{10000, 7000, 30}, {29900, 19900, 33}, {3, 2, 33}, {3, 1, 67}, {0, 0, 0}, {5000, 5000, 0}, {5000, 0, 0}} {
		if got := homeshopping.DiscountRate(homeshopping.BroadcastProduct{Price: c.price, SalePrice: c.sale}); got != c.want {
			t.Errorf("DiscountRate(%d, %d) = %d, want %d", c.price, c.sale, got, c.want)
		}
	}
}

func search(t *testing.T, e env, q homeshopping.SearchQuery) homeshopping.SearchPage {
	t.Helper()
	p, err := e.svc.Search.Handle(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSearchIsKoreanAware(t *testing.T) {
	e := newEnv(t)
	for _, q := range []string{"김치찌개", "김치 찌개", "ㄱㅊㅉㄱ", "김치찌게", "찌개", "밀키트"} {
		p := search(t, e, homeshopping.SearchQuery{Q: q, Size: 100})
		if p.Total == 0 {
			t.Fatalf("%q found nothing", q)
		}
		for _, h := range p.Items {
			found := strings.Contains(h.Title, "김치찌개")
			for _, pr := range h.Products {
				found = found || strings.Contains(pr.ProductName, "김치찌개")
			}
			if !found {
				t.Fatalf("%q found %q", q, h.Title)
			}
		}
	}
	if p := search(t, e, homeshopping.SearchQuery{Q: "없는상품이름"}); p.Total != 0 {
		t.Fatalf("nonsense found %d", p.Total)
	}
}

func TestSearchRanksTitlesFirstThenSoonest(t *testing.T) {
	e := newEnv(t)
	p := search(t, e, homeshopping.SearchQuery{Q: "깐마늘", Size: 100})
	if p.Total < 2 {
		t.Fatalf("total %d", p.Total)
	}
	for i := 1; i < len(p.Items); i++ {
		a, b := p.Items[i-1], p.Items[i]
		if b.Score > a.Score || b.Score == a.Score && b.StartsAt.Before(a.StartsAt) {
			t.Fatalf("not ranked: %v@%v then %v@%v", a.Score, a.StartsAt, b.Score, b.StartsAt)
		}
	}
	if !strings.Contains(p.Items[0].Title, "깐마늘") {
		t.Fatalf("best hit %q does not have it in the title", p.Items[0].Title)
	}
}

func TestSearchWindowAndPages(t *testing.T) {
	e := newEnv(t)
	all := search(t, e, homeshopping.SearchQuery{Q: "대파", Size: 100})
	day := search(t, e, homeshopping.SearchQuery{Q: "대파", From: "2026-11-27", To: "2026-11-27", Size: 100})
	if day.Total == 0 || day.Total >= all.Total {
		t.Fatalf("window: %d of %d", day.Total, all.Total)
	}
	from, to := kst(e.zone, "2026-11-27 00:00"), kst(e.zone, "2026-11-28 00:00")
	for _, h := range day.Items {
		if !h.EndsAt.After(from) || !h.StartsAt.Before(to) {
			t.Fatalf("%v–%v outside the window", h.StartsAt, h.EndsAt)
		}
	}
	rfc := search(t, e, homeshopping.SearchQuery{Q: "대파", From: "2026-11-27T00:00:00+09:00", To: "2026-11-27T15:00:00Z", Size: 100})
	if rfc.Total != day.Total {
		t.Fatalf("RFC 3339 window %d, day window %d", rfc.Total, day.Total)
	}
	var seen []int64
	for page := 1; ; page++ {
		p := search(t, e, homeshopping.SearchQuery{Q: "대파", Page: page, Size: 7})
		if p.Total != all.Total {
			t.Fatalf("page %d total %d", page, p.Total)
		}
		if len(p.Items) == 0 {
			break
		}
		for _, h := range p.Items {
			seen = append(seen, h.ID)
		}
	}
	if len(seen) != all.Total {
		t.Fatalf("paged through %d of %d", len(seen), all.Total)
	}
	for i, h := range all.Items {
		if seen[i] != h.ID {
			t.Fatalf("pages and one big page disagree at %d", i)
		}
	}
	if p := search(t, e, homeshopping.SearchQuery{Q: "대파", Page: 1 << 40}); len(p.Items) != 0 {
		t.Fatal("a page far past the end is not empty")
	}
}

func TestSearchRefusesBadInput(t *testing.T) {
	e := newEnv(t)
	for _, c := range []struct {
		q     homeshopping.SearchQuery
		field string
	}{
		{homeshopping.SearchQuery{Q: "  "}, "q"},
		{homeshopping.SearchQuery{Q: strings.Repeat("가", 101)}, "q"},
		{homeshopping.SearchQuery{Q: "대파", Page: -1}, "page"},
		{homeshopping.SearchQuery{Q: "대파", Size: 101}, "size"},
		{homeshopping.SearchQuery{Q: "대파", Size: -5}, "size"},
		{homeshopping.SearchQuery{Q: "대파", From: "tomorrow"}, "from"},
		{homeshopping.SearchQuery{Q: "대파", To: "2026-11-31"}, "to"},
		{homeshopping.SearchQuery{Q: "대파", From: "2026-11-28", To: "2026-11-27"}, "to"},
	} {
		_, err := e.svc.Search.Handle(ctx, c.q)
		wantFields(t, err, c.field)
	}
}

func TestAlarmsFlow(t *testing.T) {
	e := newEnv(t)
	const uid = 7
	// Broadcast 14 is gs at 13:00 on the 26th: upcoming at 12:05.
	a, created, err := e.svc.SetAlarm.Handle(ctx, uid, 14)
	if err != nil || !created {
		t.Fatalf("set: created=%v err=%v", created, err)
	}
	if a.Broadcast.ID != 14 || a.Broadcast.StartsAt.Format(time.RFC3339) != "2026-11-26T13:00:00+09:00" {
		t.Fatalf("alarm %+v", a)
	}
	if _, created, err := e.svc.SetAlarm.Handle(ctx, uid, 14); err != nil || created {
		t.Fatalf("set again: created=%v err=%v", created, err)
	}
	if _, _, err := e.svc.SetAlarm.Handle(ctx, uid, 20); err != nil { // 19:00
		t.Fatal(err)
	}
	if _, _, err := e.svc.SetAlarm.Handle(ctx, uid, 13); !errors.Is(err, homeshopping.ErrAlreadyStarted) || !errors.Is(err, errs.ErrConflict) {
		t.Fatalf("started: %v", err)
	}
	if _, _, err := e.svc.SetAlarm.Handle(ctx, uid, 999999); !errors.Is(err, errs.ErrNotFound) {
		t.Fatalf("unknown: %v", err)
	}
	p, err := e.svc.ListAlarms.Handle(ctx, uid, 0, 0)
	if err != nil || p.Total != 2 || p.Items[0].Broadcast.ID != 14 || p.Items[1].Broadcast.ID != 20 {
		t.Fatalf("list %+v, %v", p, err)
	}
	if _, err := e.svc.ListAlarms.Handle(ctx, uid, 0, 1000); err == nil {
		t.Fatal("size 1000 accepted")
	}
	for range 2 {
		if err := e.svc.DeleteAlarm.Handle(ctx, uid, 14); err != nil {
			t.Fatal(err)
		}
	}
	if p, _ := e.svc.ListAlarms.Handle(ctx, uid, 1, 20); p.Total != 1 || p.Items[0].Broadcast.ID != 20 {
		t.Fatalf("after delete %+v", p)
	}
}

func TestUpcomingByIngredient(t *testing.T) {
	e := newEnv(t)
	from := kst(e.zone, "2026-11-26 12:30")
	got, err := e.svc.UpcomingByIngredient(ctx, "대파", from, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 {
		t.Fatalf("%d broadcasts", len(got))
	}
	for i, b := range got {
		if !b.EndsAt.After(from) {
			t.Fatalf("%d ended at %v", b.ID, b.EndsAt)
		}
		if i > 0 && b.StartsAt.Before(got[i-1].StartsAt) {
			t.Fatal("not soonest first")
		}
		sells := false
		for _, p := range b.Products {
			sells = sells || p.Ingredient == "대파"
		}
		if !sells {
			t.Fatalf("%d does not sell 대파", b.ID)
		}
		if b.StartsAt.Location() != e.zone {
			t.Fatal("not in Seoul time")
		}
	}
	if got, err := e.svc.UpcomingByIngredient(ctx, "용과", from, 5); err != nil || len(got) != 0 {
		t.Fatalf("unsold ingredient: %v, %v", got, err)
	}
	for _, limit := range []int{0, -1, 101} {
		_, err := e.svc.UpcomingByIngredient(ctx, "대파", from, limit)
		wantFields(t, err, "limit")
	}
}

func TestImportValidatesEverythingFirst(t *testing.T) {
	e := newEnv(t)
	loads := e.store.rev
	at := kst(e.zone, "2026-12-01 10:00")
	bad := []homeshopping.Broadcast{
		{ID: 0, ChannelID: 1, Title: "", StartsAt: at, EndsAt: at},
		{ID: 9001, ChannelID: 77, Title: "x", StartsAt: at, EndsAt: at.Add(25 * time.Hour)},
		{ID: 9002, ChannelID: 1, Title: "ok", StartsAt: at, EndsAt: at.Add(time.Hour), Products: []homeshopping.BroadcastProduct{
			{ProductName: "", Price: -1, SalePrice: 10},
			{ProductName: "y", Price: 1000, SalePrice: 2000},
			{ProductName: "z", Price: 1 << 40},
		}},
		{ID: 9003, ChannelID: 1, Title: "겹침", StartsAt: at.Add(30 * time.Minute), EndsAt: at.Add(2 * time.Hour)},
		{ID: 9003, ChannelID: 1, Title: "zero", EndsAt: at},
	}
	err := e.svc.ImportSchedule.Handle(ctx, []homeshopping.Channel{{ID: -1, Code: "a b", Name: " ", Number: 10000}}, bad)
	wantFields(t, err,
		"channels[0].id", "channels[0].code", "channels[0].name", "channels[0].number",
		"broadcasts[0].id", "broadcasts[0].title", "broadcasts[0].ends_at",
		"broadcasts[1].channel_id", "broadcasts[1].ends_at",
		"broadcasts[2].products[0].product_name", "broadcasts[2].products[0].price", "broadcasts[2].products[0].sale_price",
		"broadcasts[2].products", "broadcasts[2].products[1].sale_price", "broadcasts[2].products[2].price",
		"broadcasts[3].starts_at", "broadcasts[4].id", "broadcasts[4].starts_at")
	if e.store.rev != loads {
		t.Fatal("a refused import wrote")
	}
}

func TestImportRefreshesAtOnceAndOtherWritersWithinTheInterval(t *testing.T) {
	zone := seoul()
	st := newFakeStore()
	c := homeshoppingtest.NewClock(kst(zone, "2026-11-26 12:00"))
	svc, err := homeshopping.NewService(st, st, c, homeshopping.Config{Zone: zone, RecheckEvery: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	chs, bs := homeshoppingtest.Sample(kst(zone, "2026-11-26 00:00"), 1, zone)
	if err := svc.ImportSchedule.Handle(ctx, chs, bs[:10]); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Detail.Handle(ctx, 10); err != nil {
		t.Fatalf("import through the service is not visible at once: %v", err)
	}
	// Another process writes to the store directly.
	if err := st.Import(ctx, nil, bs[10:20]); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, err := svc.Detail.Handle(ctx, 20); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("another writer's import never became visible")
		}
		time.Sleep(5 * time.Millisecond)
	}
	loads := st.loads
	for range 100 {
		if _, err := svc.Channels.Handle(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if st.loads != loads {
		t.Fatalf("%d reloads without a change", st.loads-loads)
	}
}

func TestAStoreOutageServesTheLastModel(t *testing.T) {
	zone := seoul()
	st := newFakeStore()
	svc, err := homeshopping.NewService(st, st, homeshoppingtest.NewClock(kst(zone, "2026-11-26 12:00")), homeshopping.Config{Zone: zone, RecheckEvery: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	chs, bs := homeshoppingtest.Sample(kst(zone, "2026-11-26 00:00"), 1, zone)
	if err := svc.ImportSchedule.Handle(ctx, chs, bs); err != nil {
		t.Fatal(err)
	}
	st.mu.Lock()
	st.down = true
	st.mu.Unlock()
	time.Sleep(5 * time.Millisecond)
	if got, err := svc.Channels.Handle(ctx); err != nil || len(got) != 5 {
		t.Fatalf("during an outage: %d channels, %v", len(got), err)
	}
}
