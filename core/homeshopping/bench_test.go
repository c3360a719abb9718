package homeshopping_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/kokmeal/kokmeal/core/homeshopping"
	"github.com/kokmeal/kokmeal/core/homeshopping/homeshoppingtest"
)

// latencies records each call's duration and reports p50 and p99: a mean
// hides the tail a shopper feels.
type latencies []time.Duration

func (l *latencies) time(fn func()) {
	t := time.Now()
	fn()
	*l = append(*l, time.Since(t))
}

func (l latencies) report(b *testing.B) {
	if len(l) == 0 {
		return
	}
	slices.Sort(l)
	q := func(p float64) float64 { return float64(l[int(p*float64(len(l)-1))].Nanoseconds()) / 1e3 }
	b.ReportMetric(q(0.50), "p50-µs")
	b.ReportMetric(q(0.99), "p99-µs")
}

// benchEnv serves days of the sample schedule (5 channels, 24 slots a day).
func benchEnv(b *testing.B, days int) env {
	zone := seoul()
	st := newFakeStore()
	c := homeshoppingtest.NewClock(kst(zone, "2026-11-26 12:05"))
	svc, err := homeshopping.NewService(st, st, c, homeshopping.Config{Zone: zone, RecheckEvery: time.Hour})
	if err != nil {
		b.Fatal(err)
	}
	chs, bs := homeshoppingtest.Sample(kst(zone, "2026-11-20 00:00"), days, zone)
	if err := svc.ImportSchedule.Handle(ctx, chs, bs); err != nil {
		b.Fatal(err)
	}
	return env{svc, st, c, zone}
}

// BenchmarkSchedule answers one day (120 broadcasts with their products) out
// of 14 days, and out of 140 to show it does not grow with the schedule.
func BenchmarkSchedule(b *testing.B) {
	for _, days := range []int{14, 140} {
		b.Run(fmt.Sprintf("days=%d", days), func(b *testing.B) {
			e := benchEnv(b, days)
			dates := []string{"2026-11-20", "2026-11-26", "2026-12-03", ""}
			var l latencies
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				l.time(func() {
					d, err := e.svc.Schedule.Handle(ctx, homeshopping.ScheduleQuery{Date: dates[i%len(dates)]})
					if err != nil || len(d.Items) != 120 {
						b.Fatalf("%d items, %v", len(d.Items), err)
					}
				})
			}
			l.report(b)
		})
	}
}

// BenchmarkSearch runs a mix of queries (exact, spaced, 초성, partial, typo,
// with a window) over 14 and 140 days of broadcasts.
func BenchmarkSearch(b *testing.B) {
	queries := []homeshopping.SearchQuery{
		{Q: "김치찌개"}, {Q: "김치 찌개"}, {Q: "ㄱㅊㅉㄱ"}, {Q: "마늘"}, {Q: "삼겹"},
		{Q: "김치찌게"}, {Q: "한우 등심"}, {Q: "대파", From: "2026-11-26", To: "2026-11-26"}, {Q: "고등어", Page: 2, Size: 10},
	}
	for _, days := range []int{14, 140} {
		b.Run(fmt.Sprintf("days=%d", days), func(b *testing.B) {
			e := benchEnv(b, days)
			var l latencies
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				l.time(func() {
					if _, err := e.svc.Search.Handle(ctx, queries[i%len(queries)]); err != nil {
						b.Fatal(err)
					}
				})
			}
			l.report(b)
		})
	}
}

// BenchmarkLiveAndUpcoming covers the two per-page-view lookups.
func BenchmarkLiveAndUpcoming(b *testing.B) {
	e := benchEnv(b, 14)
	from := kst(e.zone, "2026-11-26 12:05")
	var l latencies
	b.ReportAllocs()
	for b.Loop() {
		l.time(func() {
			if _, err := e.svc.Live.Handle(ctx); err != nil {
				b.Fatal(err)
			}
			if _, err := e.svc.UpcomingByIngredient(ctx, "대파", from, 10); err != nil {
				b.Fatal(err)
			}
		})
	}
	l.report(b)
}

// BenchmarkImport is the seeding path in process: validating 14 days × 5
// channels and rebuilding the read model (the store is a map here; see
// bunsql's BenchmarkHomeShoppingImport for the databases).
func BenchmarkImport(b *testing.B) {
	zone := seoul()
	chs, bs := homeshoppingtest.Sample(kst(zone, "2026-11-20 00:00"), 14, zone)
	st := newFakeStore()
	svc, err := homeshopping.NewService(st, st, homeshoppingtest.NewClock(kst(zone, "2026-11-26 12:05")), homeshopping.Config{Zone: zone})
	if err != nil {
		b.Fatal(err)
	}
	var l latencies
	b.ReportAllocs()
	for b.Loop() {
		l.time(func() {
			if err := svc.ImportSchedule.Handle(ctx, chs, bs); err != nil {
				b.Fatal(err)
			}
		})
	}
	l.report(b)
}
