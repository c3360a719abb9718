package recipe

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/kokmeal/kokmeal/core/errs"
)

// Sorts a search may ask for.
const (
	SortRelevance = "relevance" // text relevance with q; best rated without
	SortMinutes   = "minutes"   // quickest first
	SortRating    = "rating"    // best average first, then most rated
	SortName      = "name"      // 가나다 order
)

// SearchSorts is the allowlist of SearchInput.Sort.
var SearchSorts = []string{SortRelevance, SortMinutes, SortRating, SortName}

// SearchInput filters the catalogue; every filter given must hold.
type SearchInput struct {
	Q           string   // Korean-aware text over names, ingredients, summaries
	Ingredients []string // each must be in the recipe (by ingredient key)
	Cuisine     string   // one of Cuisines, or ""
	Level       string   // one of Levels, or ""
	MaxMinutes  *int     // 1..1440, or nil
	Sort        string   // one of SearchSorts; "" is relevance
	Page        Page
}

// SearchResult is one page of recipes. Their slices are shared with the
// catalogue and must not be modified.
type SearchResult struct {
	Items []Recipe
	Total int
	Page  Page
}

// Search finds recipes in the catalogue.
type Search struct {
	cat *Catalog
}

// NewSearch builds the use case.
func NewSearch(cat *Catalog) Search { return Search{cat: cat} }

type candidate struct {
	slot  int32
	score float32
}

// Handle validates every field, then filters, ranks and pages.
func (h Search) Handle(_ context.Context, in SearchInput) (SearchResult, error) {
	f := errs.Fields{}
	q := strings.TrimSpace(in.Q)
	checkText(f, "q", q, MaxQueryChars, false)
	keys := ingredientKeys(f, "ingredient", in.Ingredients)
	f.Check(in.Cuisine != "" && !slices.Contains(Cuisines, in.Cuisine), "cuisine", "must be one of "+strings.Join(Cuisines, ", "))
	f.Check(in.Level != "" && !slices.Contains(Levels, in.Level), "level", "must be one of "+strings.Join(Levels, ", "))
	f.Check(in.MaxMinutes != nil && (*in.MaxMinutes < 1 || *in.MaxMinutes > MaxMinutes), "max_minutes", "must be between 1 and 1440")
	sort := cmp.Or(in.Sort, SortRelevance)
	f.Check(!slices.Contains(SearchSorts, sort), "sort", "must be one of "+strings.Join(SearchSorts, ", "))
	page := in.Page.check(f)
	if err := f.Err(); err != nil {
		return SearchResult{}, err
	}

	st := h.cat.load()
	var with []int32 // slots having every ingredient; nil when none asked
	if len(keys) > 0 {
		with = st.withAll(keys)
	}
	cuisine, level := enumIndex(Cuisines, in.Cuisine), enumIndex(Levels, in.Level)
	maxMin := uint16(0)
	if in.MaxMinutes != nil {
		maxMin = uint16(*in.MaxMinutes)
	}
	keep := func(s int32) bool {
		info := &st.info[s]
		return (cuisine == 0 || info.cuisine == cuisine) &&
			(level == 0 || info.level == level) &&
			(maxMin == 0 || info.minutes > 0 && info.minutes <= maxMin)
	}

	sc := st.scratch.Get().(*rankScratch)
	defer st.scratch.Put(sc)
	cands := sc.found[:0]
	switch {
	case q != "":
		allowed := keep
		if with != nil {
			in := sc.score // reused as a membership mark: 1 for slots having every ingredient
			for _, s := range with {
				in[s] = 1
			}
			defer func() {
				for _, s := range with {
					in[s] = 0
				}
			}()
			allowed = func(s int32) bool { return in[s] == 1 && keep(s) }
		}
		// Filters run before scoring: the index scores only what can be shown.
		for _, hit := range st.text.Search(q, 0, func(id int64) bool { return allowed(int32(id)) }) {
			cands = append(cands, candidate{slot: int32(hit.ID), score: float32(hit.Score)})
		}
	case with != nil:
		for _, s := range with {
			if keep(s) {
				cands = append(cands, candidate{slot: s})
			}
		}
	default:
		for s := range st.info {
			if keep(int32(s)) {
				cands = append(cands, candidate{slot: int32(s)})
			}
		}
	}

	total := len(cands)
	lo, hi := page.window(total)
	best := topN(cands, hi, searchOrder(st, sort))
	items := make([]Recipe, 0, hi-lo)
	for _, c := range best[lo:hi] {
		items = append(items, st.entry(c.slot).r)
	}
	sc.found = cands[:0]
	return SearchResult{Items: items, Total: total, Page: page}, nil
}

// searchOrder returns "a ranks before b" for a sort, from the catalogue's
// dense arrays; every order ends on the slot (the recipe ID order) so pages
// never overlap.
func searchOrder(st *state, sort string) func(a, b candidate) bool {
	byRating := func(a, b candidate) int {
		ra, rb := st.rating[a.slot].Load(), st.rating[b.slot].Load()
		if ra == rb {
			return 0
		}
		aa, ac := unpackRating(ra)
		ba, bc := unpackRating(rb)
		return cmp.Or(cmp.Compare(ba, aa), cmp.Compare(bc, ac))
	}
	byScore := func(a, b candidate) int { return cmp.Compare(b.score, a.score) }
	var order func(a, b candidate) int
	switch sort {
	case SortMinutes:
		order = func(a, b candidate) int {
			// Unknown times (0) go last.
			am, bm := st.info[a.slot].minutes, st.info[b.slot].minutes
			if (am == 0) != (bm == 0) {
				return cmp.Compare(bm, am)
			}
			return cmp.Or(cmp.Compare(am, bm), byScore(a, b))
		}
	case SortRating:
		order = func(a, b candidate) int { return cmp.Or(byRating(a, b), byScore(a, b)) }
	case SortName:
		order = func(a, b candidate) int { return cmp.Compare(st.info[a.slot].nameRank, st.info[b.slot].nameRank) }
	default:
		order = func(a, b candidate) int { return cmp.Or(byScore(a, b), byRating(a, b)) }
	}
	return func(a, b candidate) bool {
		if c := order(a, b); c != 0 {
			return c < 0
		}
		return a.slot < b.slot
	}
}
