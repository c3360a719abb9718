package homeshopping

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kokmeal/kokmeal/core/errs"
)

// Paging limits, as API.md sets them for every list.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
	MaxQueryChars   = 100
)

// SearchQuery looks for Q in broadcast titles and product names.
type SearchQuery struct {
	Q string
	// From and To optionally bound the broadcasts to those on air at some
	// instant of [From, To). Each is RFC 3339 ("2026-11-26T18:00:00+09:00")
	// or a day in the service zone ("2026-11-26"): From is then that day's
	// start, To its end, so From=To=a day means that whole day.
	From, To string
	// Page counts from 1; Size is 1..MaxPageSize. Zero means the default.
	Page, Size int
}

// SearchHit is a matching broadcast and its relevance (higher is better).
type SearchHit struct {
	Airing
	Score float64
}

// SearchPage is one page of hits, best first.
type SearchPage struct {
	Items []SearchHit
	Page  int
	Size  int
	Total int
}

// Search finds broadcasts by Korean text with core/korean: NFC, spacing
// insensitive ("김치 찌개" finds 김치찌개), 초성 ("ㄱㅊ"), partial words, and
// one typo in words of three syllables or more.
type Search struct {
	catalog *Catalog
	clock   Clock
	zone    *time.Location
}

// NewSearch builds the use case.
func NewSearch(catalog *Catalog, clock Clock, cfg Config) Search {
	return Search{catalog: catalog, clock: clock, zone: cfg.Zone}
}

// Handle ranks by relevance, then soonest start, then ID.
func (h Search) Handle(ctx context.Context, q SearchQuery) (SearchPage, error) {
	now := h.clock.Now()
	text := strings.TrimSpace(q.Q)
	f := errs.Fields{}
	f.Check(text == "", "q", "is required")
	f.Check(utf8.RuneCountInString(text) > MaxQueryChars, "q", "must be at most 100 characters")
	page, size := checkPage(f, q.Page, q.Size)
	from, hasFrom := parseBound(f, "from", q.From, false, h.zone)
	to, hasTo := parseBound(f, "to", q.To, true, h.zone)
	f.Check(hasFrom && hasTo && !from.Before(to), "to", "must be after from")
	if err := f.Err(); err != nil {
		return SearchPage{}, err
	}
	s, err := h.catalog.get(ctx)
	if err != nil {
		return SearchPage{}, err
	}
	hits := s.text.Match(text)
	type ranked struct {
		b     *Broadcast
		score float64
	}
	all := make([]ranked, 0, len(hits))
	for _, hit := range hits {
		b, ok := s.broadcast(hit.ID)
		if !ok || hasFrom && !b.EndsAt.After(from) || hasTo && !b.StartsAt.Before(to) {
			continue
		}
		all = append(all, ranked{b, hit.Score})
	}
	slices.SortFunc(all, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.score, a.score), a.b.StartsAt.Compare(b.b.StartsAt), cmp.Compare(a.b.ID, b.b.ID))
	})
	out := SearchPage{Items: []SearchHit{}, Page: page, Size: size, Total: len(all)}
	for _, r := range window(all, page, size) {
		out.Items = append(out.Items, SearchHit{Airing: s.airing(r.b, now, h.zone), Score: r.score})
	}
	return out, nil
}

// checkPage validates paging, zero meaning the default.
func checkPage(f errs.Fields, page, size int) (int, int) {
	if page == 0 {
		page = 1
	}
	if size == 0 {
		size = DefaultPageSize
	}
	f.Check(page < 1, "page", "must be at least 1")
	f.Check(size < 1 || size > MaxPageSize, "size", "must be between 1 and 100")
	return page, size
}

// window is page `page` of size `size` of all; out-of-range pages are empty.
func window[T any](all []T, page, size int) []T {
	if page < 1 || size < 1 || (page-1) >= len(all)/size+1 {
		return nil
	}
	lo := (page - 1) * size
	if lo >= len(all) {
		return nil
	}
	return all[lo:min(lo+size, len(all))]
}

// parseBound reads a search window bound: RFC 3339, or a day in zone (its
// start, or with end its end).
func parseBound(f errs.Fields, field, v string, end bool, zone *time.Location) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, false
	}
	if len(v) == len(DateLayout) {
		if t, err := time.ParseInLocation(DateLayout, v, zone); err == nil {
			if end {
				t = t.AddDate(0, 0, 1)
			}
			return t.UTC(), true
		}
	} else if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.UTC(), true
	}
	f.Add(field, "must be a date (YYYY-MM-DD) or an RFC 3339 time")
	return time.Time{}, false
}
