package homeshopping

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/kokmeal/kokmeal/core/errs"
)

// DateLayout is how a schedule day is written: 2026-11-26.
const DateLayout = "2006-01-02"

// ScheduleQuery picks a day and optionally a channel.
type ScheduleQuery struct {
	// Date is a day in the service zone, YYYY-MM-DD; empty means today there.
	Date string
	// Channel is a channel code (any case) or ID; empty means every channel.
	Channel string
}

// Day is one day's schedule: the broadcasts that start in [From, To),
// ordered by start, then channel number.
type Day struct {
	Date      string
	ChannelID int64 // the channel filter, 0 for every channel
	From      time.Time
	To        time.Time
	Items     []Airing
	// At is when the answer was computed; the same query gives the same
	// answer until StableUntil (zero: as long as the schedule is unchanged,
	// Revision), when an item's status changes. Adapters may cache on it.
	At          time.Time
	StableUntil time.Time
	Revision    int64
}

// Schedule answers a day's broadcasts. A broadcast belongs to the day it
// starts on, as in a TV listing, even when it runs past midnight.
type Schedule struct {
	catalog *Catalog
	clock   Clock
	zone    *time.Location
}

// NewSchedule builds the use case.
func NewSchedule(catalog *Catalog, clock Clock, cfg Config) Schedule {
	return Schedule{catalog: catalog, clock: clock, zone: cfg.Zone}
}

// Handle validates the query, then answers the day. An unknown channel is
// invalid rather than an empty day, so a typo is not mistaken for a day
// without broadcasts.
func (h Schedule) Handle(ctx context.Context, q ScheduleQuery) (Day, error) {
	now := h.clock.Now()
	f := errs.Fields{}
	from, ok := dayStart(q.Date, now, h.zone)
	f.Check(!ok, "date", "must be a date as YYYY-MM-DD")
	if err := f.Err(); err != nil {
		return Day{}, err
	}
	s, err := h.catalog.get(ctx)
	if err != nil {
		return Day{}, err
	}
	chID := int64(0)
	if ref := strings.TrimSpace(q.Channel); ref != "" {
		ch, ok := s.channel(ref)
		if !ok {
			return Day{}, errs.Field("channel", "unknown channel; one of "+channelCodes(s))
		}
		chID = ch.ID
	}
	to := from.AddDate(0, 0, 1) // a calendar day, whatever its length
	day := Day{Date: from.Format(DateLayout), ChannelID: chID, From: from, To: to, Items: []Airing{}, At: now, Revision: s.revision}
	for i := s.startingFrom(from); i < len(s.list) && s.list[i].StartsAt.Before(to); i++ {
		if b := &s.list[i]; chID == 0 || b.ChannelID == chID {
			day.Items = append(day.Items, s.airing(b, now, h.zone))
			if next, ok := nextChange(b, now); ok && (day.StableUntil.IsZero() || next.Before(day.StableUntil)) {
				day.StableUntil = next
			}
		}
	}
	return day, nil
}

// dayStart is the first instant of date in zone, or of today there when date
// is empty.
func dayStart(date string, now time.Time, zone *time.Location) (time.Time, bool) {
	date = strings.TrimSpace(date)
	if date == "" {
		y, m, d := now.In(zone).Date()
		return time.Date(y, m, d, 0, 0, 0, 0, zone), true
	}
	if len(date) != len(DateLayout) {
		return time.Time{}, false // ParseInLocation accepts a 1-digit day or month
	}
	t, err := time.ParseInLocation(DateLayout, date, zone)
	return t, err == nil
}

func channelCodes(s *snapshot) string {
	codes := make([]string, 0, len(s.channels))
	for _, ch := range s.channels {
		codes = append(codes, ch.Code)
	}
	slices.Sort(codes)
	return strings.Join(codes, ", ")
}

// nextChange is when b's status next changes after now, if it still does.
func nextChange(b *Broadcast, now time.Time) (time.Time, bool) {
	switch {
	case now.Before(b.StartsAt):
		return b.StartsAt, true
	case now.Before(b.EndsAt):
		return b.EndsAt, true
	}
	return time.Time{}, false
}
