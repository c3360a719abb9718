package homeshopping

import (
	"context"
	"strings"
	"time"

	"github.com/kokmeal/kokmeal/core/errs"
)

// MaxUpcoming caps UpcomingByIngredient's limit.
const MaxUpcoming = 100

// Upcoming finds broadcasts that sell an ingredient, for the recipe service
// ("buy what is missing"). Its method is the port the recipe service declares.
type Upcoming struct {
	catalog *Catalog
	zone    *time.Location
}

// NewUpcoming builds the use case.
func NewUpcoming(catalog *Catalog, cfg Config) Upcoming {
	return Upcoming{catalog: catalog, zone: cfg.Zone}
}

// UpcomingByIngredient answers up to limit (1..MaxUpcoming) broadcasts not yet
// ended at from (EndsAt > from, so one on air counts) with a product selling
// ingredient (an ingredient key such as "대파", matched exactly), soonest
// first, with all their products and times in the service zone. A limit out
// of range is an *errs.Invalid naming "limit".
func (h Upcoming) UpcomingByIngredient(ctx context.Context, ingredient string, from time.Time, limit int) ([]Broadcast, error) {
	if limit < 1 || limit > MaxUpcoming {
		return nil, errs.Field("limit", "must be between 1 and 100")
	}
	s, err := h.catalog.get(ctx)
	if err != nil {
		return nil, err
	}
	list := s.byIngr[strings.TrimSpace(ingredient)]
	out := []Broadcast{}
	from = from.UTC()
	// list is in start order; skip what ended before from could start.
	for _, i := range list {
		b := &s.list[i]
		if !b.EndsAt.After(from) {
			continue
		}
		out = append(out, broadcastIn(b, h.zone))
		if len(out) == limit {
			break
		}
	}
	return out, nil
}
