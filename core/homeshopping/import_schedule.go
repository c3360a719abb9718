package homeshopping

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kokmeal/kokmeal/core/errs"
)

// Limits on imported data: generous for real schedules, small enough that a
// bad feed is refused instead of stored.
const (
	MaxCodeChars        = 32
	MaxChannelNameChars = 100
	MaxChannelNumber    = 9999
	MaxTitleChars       = 200
	MaxProductNameChars = 200
	MaxIngredientChars  = 50
	MaxProducts         = 50
	MaxPrice            = 100_000_000 // KRW
	MaxBroadcastLength  = 24 * time.Hour
)

// Times outside this range are a feed's bug (a zero time, a year 20260).
var (
	minTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	maxTime = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
)

// ImportSchedule saves channels and broadcasts in bulk (seeding, a feed). It
// is idempotent by ID: importing the same data twice changes nothing, and a
// known broadcast takes the new title, times and products while keeping its
// alarms.
type ImportSchedule struct {
	catalog *Catalog
	store   ScheduleStore
}

// NewImportSchedule builds the use case.
func NewImportSchedule(catalog *Catalog, store ScheduleStore) ImportSchedule {
	return ImportSchedule{catalog: catalog, store: store}
}

// Handle validates everything first (fields are named like
// "broadcasts[3].products[0].sale_price"), writes in one transaction, then
// refreshes the read model so the next query sees the import.
func (h ImportSchedule) Handle(ctx context.Context, channels []Channel, broadcasts []Broadcast) error {
	s, err := h.catalog.get(ctx)
	if err != nil {
		return err
	}
	f := errs.Fields{}
	known := map[int64]bool{}
	for id := range s.channelIx {
		known[id] = true
	}
	codes := map[string]int64{}
	for i, ch := range channels {
		p := fmt.Sprintf("channels[%d].", i)
		f.Check(ch.ID <= 0, p+"id", "must be positive")
		f.Check(slices.IndexFunc(channels[:i], func(c Channel) bool { return c.ID == ch.ID }) >= 0, p+"id", "is repeated")
		checkText(f, p+"code", ch.Code, MaxCodeChars)
		f.Check(strings.ContainsFunc(ch.Code, unicode.IsSpace), p+"code", "must not contain spaces")
		if other, ok := codes[strings.ToLower(ch.Code)]; ok && other != ch.ID {
			f.Add(p+"code", "is repeated")
		}
		codes[strings.ToLower(ch.Code)] = ch.ID
		checkText(f, p+"name", ch.Name, MaxChannelNameChars)
		f.Check(ch.Number < 0 || ch.Number > MaxChannelNumber, p+"number", "must be between 0 and 9999")
		known[ch.ID] = true
	}
	ids := make(map[int64]bool, len(broadcasts))
	clean := make([]Broadcast, len(broadcasts))
	for i, b := range broadcasts {
		p := fmt.Sprintf("broadcasts[%d].", i)
		f.Check(b.ID <= 0, p+"id", "must be positive")
		f.Check(ids[b.ID], p+"id", "is repeated")
		ids[b.ID] = true
		f.Check(!known[b.ChannelID], p+"channel_id", "is not a known channel")
		checkText(f, p+"title", b.Title, MaxTitleChars)
		f.Check(b.StartsAt.Before(minTime) || !b.StartsAt.Before(maxTime), p+"starts_at", "must be between 2000 and 2100")
		f.Check(!b.EndsAt.After(b.StartsAt), p+"ends_at", "must be after starts_at")
		f.Check(b.EndsAt.Sub(b.StartsAt) > MaxBroadcastLength, p+"ends_at", "must be at most 24 hours after starts_at")
		f.Check(len(b.Products) > MaxProducts, p+"products", "must have at most 50 items")
		mains := 0
		for _, pr := range b.Products {
			if pr.Main {
				mains++
			}
		}
		f.Check(len(b.Products) > 0 && mains != 1, p+"products", "must have exactly one main product")
		for j, pr := range b.Products {
			pp := fmt.Sprintf("%sproducts[%d].", p, j)
			checkText(f, pp+"product_name", pr.ProductName, MaxProductNameChars)
			if pr.Ingredient != "" {
				checkText(f, pp+"ingredient", pr.Ingredient, MaxIngredientChars)
			}
			f.Check(pr.Price < 0 || pr.Price > MaxPrice, pp+"price", "must be between 0 and 100000000")
			f.Check(pr.SalePrice < 0 || pr.SalePrice > pr.Price, pp+"sale_price", "must be between 0 and price")
		}
		// Storage keeps microseconds on every engine; keep the same here so
		// what is imported and what is read back are equal.
		b.StartsAt = b.StartsAt.UTC().Truncate(time.Microsecond)
		b.EndsAt = b.EndsAt.UTC().Truncate(time.Microsecond)
		b.Products = slices.Clone(b.Products)
		clean[i] = b
	}
	checkOverlaps(f, clean)
	if err := f.Err(); err != nil {
		return err
	}
	if err := h.store.Import(ctx, slices.Clone(channels), clean); err != nil {
		return err
	}
	_, err = h.catalog.refresh(ctx, true)
	return err
}

func checkText(f errs.Fields, field, v string, maxChars int) {
	switch {
	case !utf8.ValidString(v):
		f.Add(field, "is not valid UTF-8")
	case strings.TrimSpace(v) == "":
		f.Add(field, "is required")
	case utf8.RuneCountInString(v) > maxChars:
		f.Add(field, fmt.Sprintf("must be at most %d characters", maxChars))
	}
}

// checkOverlaps refuses two broadcasts of one channel on air at once within
// the batch: a schedule where they do is a broken feed.
func checkOverlaps(f errs.Fields, bs []Broadcast) {
	idx := make([]int, len(bs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(bs[a].ChannelID, bs[b].ChannelID), bs[a].StartsAt.Compare(bs[b].StartsAt))
	})
	for k := 1; k < len(idx); k++ {
		prev, cur := &bs[idx[k-1]], &bs[idx[k]]
		if prev.ChannelID == cur.ChannelID && cur.StartsAt.Before(prev.EndsAt) {
			f.Add(fmt.Sprintf("broadcasts[%d].starts_at", idx[k]), fmt.Sprintf("overlaps broadcast %d on the same channel", prev.ID))
		}
	}
}
