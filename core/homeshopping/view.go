package homeshopping

import (
	"cmp"
	"slices"
	"time"
)

// Status says where a broadcast stands at the time of the query.
type Status string

const (
	StatusUpcoming Status = "upcoming"
	StatusLive     Status = "live"
	StatusEnded    Status = "ended"
)

// Airing is a broadcast as the use cases answer it: with its channel, its
// status at the time of the query, and its times in the service's zone
// (Asia/Seoul), so an adapter formats them with the zone's offset.
type Airing struct {
	Broadcast
	Channel Channel
	Status  Status
}

// DiscountRate is the sale's discount in whole percent, rounded to nearest
// (0 when there is no list price or no discount).
func DiscountRate(p BroadcastProduct) int {
	if p.Price <= 0 || p.SalePrice <= 0 || p.SalePrice >= p.Price {
		return 0
	}
	return int(((p.Price-p.SalePrice)*100 + p.Price/2) / p.Price)
}

// statusAt tells where b stands at now.
func statusAt(b *Broadcast, now time.Time) Status {
	switch {
	case now.Before(b.StartsAt):
		return StatusUpcoming
	case now.Before(b.EndsAt):
		return StatusLive
	default:
		return StatusEnded
	}
}

// airing copies b out of the read model: the products slice is cloned so a
// caller cannot change the model, and times move to zone.
func (s *snapshot) airing(b *Broadcast, now time.Time, zone *time.Location) Airing {
	a := Airing{Broadcast: *b, Channel: s.channels[s.channelIx[b.ChannelID]], Status: statusAt(b, now)}
	a.Products = slices.Clone(b.Products)
	a.StartsAt = b.StartsAt.In(zone)
	a.EndsAt = b.EndsAt.In(zone)
	return a
}

// broadcastIn copies b with its times in zone.
func broadcastIn(b *Broadcast, zone *time.Location) Broadcast {
	c := *b
	c.Products = slices.Clone(b.Products)
	c.StartsAt = b.StartsAt.In(zone)
	c.EndsAt = b.EndsAt.In(zone)
	return c
}

// sortByChannel orders airings by channel number, then start, then ID.
func sortByChannel(as []Airing) {
	slices.SortFunc(as, func(a, b Airing) int {
		return cmp.Or(cmp.Compare(a.Channel.Number, b.Channel.Number), a.StartsAt.Compare(b.StartsAt), cmp.Compare(a.ID, b.ID))
	})
}
