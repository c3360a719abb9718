package homeshopping_test

import (
	"errors"
	"testing"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/homeshopping"
)

// FuzzQueries feeds arbitrary dates, channels, search text and windows to
// the query use cases: they answer or refuse with *errs.Invalid, never
// panic or fail otherwise.
func FuzzQueries(f *testing.F) {
	for _, s := range [][4]string{
		{"2026-11-27", "cj", "김치 찌개", "2026-11-27"},
		{"", "2", "ㄱㅊㅉㄱ", "2026-11-27T09:00:00+09:00"},
		{"2026-02-30", "홈쇼핑", "김치찌게", "2026-13-01"},
		{"9999-12-31", "", "\u1100\u1161\u11a8", "0001-01-01T00:00:00Z"},
		{" 2026-11-27 ", "GS", "대파(흰부분) 1kg", "x"},
	} {
		f.Add(s[0], s[1], s[2], s[3])
	}
	e := newEnv(f)
	f.Fuzz(func(t *testing.T, date, channel, q, bound string) {
		ok := func(err error) {
			var inv *errs.Invalid
			if err != nil && !errors.As(err, &inv) {
				t.Fatalf("got %v, want nil or *errs.Invalid", err)
			}
		}
		_, err := e.svc.Schedule.Handle(ctx, homeshopping.ScheduleQuery{Date: date, Channel: channel})
		ok(err)
		_, err = e.svc.Search.Handle(ctx, homeshopping.SearchQuery{Q: q, From: bound, To: date})
		ok(err)
	})
}
