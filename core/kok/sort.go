package kok

import (
	"cmp"
	"slices"
	"strings"
)

// Sort orders a product list.
type Sort string

// The sorts. Relevance without a query is popularity; every order ends on
// the product ID so pages never overlap.
const (
	SortRelevance Sort = "relevance"
	SortPriceAsc  Sort = "price_asc"  // discounted price, cheapest first
	SortPriceDesc Sort = "price_desc" // discounted price, dearest first
	SortDiscount  Sort = "discount"   // largest discount rate first
	SortPopular   Sort = "popular"    // most reviews, then best score
	SortNewest    Sort = "newest"     // most recently listed first
)

// Sorts lists every sort a caller may ask for.
var Sorts = []Sort{SortRelevance, SortPriceAsc, SortPriceDesc, SortDiscount, SortPopular, SortNewest}

// SortNames is Sorts as strings, for documentation.
func SortNames() []string {
	out := make([]string, len(Sorts))
	for i, s := range Sorts {
		out[i] = string(s)
	}
	return out
}

// orderSorts are the precomputed orders of a snapshot, in index order.
var orderSorts = []Sort{SortPriceAsc, SortPriceDesc, SortDiscount, SortPopular, SortNewest}

func orderIndex(s Sort) int {
	if s == SortRelevance {
		s = SortPopular
	}
	return slices.Index(orderSorts, s)
}

func parseSort(s string) (Sort, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return SortRelevance, true
	}
	i := slices.Index(Sorts, Sort(s))
	if i < 0 {
		return "", false
	}
	return Sorts[i], true
}

// compareBy compares two products in the order of s (never SortRelevance).
func compareBy(s Sort, a, b *Product) int {
	var c int
	switch s {
	case SortPriceAsc:
		c = cmp.Compare(a.DiscountedPrice(), b.DiscountedPrice())
	case SortPriceDesc:
		c = cmp.Compare(b.DiscountedPrice(), a.DiscountedPrice())
	case SortDiscount:
		c = cmp.Or(cmp.Compare(b.DiscountRate, a.DiscountRate), cmp.Compare(a.DiscountedPrice(), b.DiscountedPrice()))
	case SortPopular:
		c = cmp.Or(cmp.Compare(b.ReviewCount, a.ReviewCount), cmp.Compare(b.ReviewScore, a.ReviewScore))
	case SortNewest:
		if c = b.CreatedAt.Compare(a.CreatedAt); c == 0 {
			return cmp.Compare(b.ID, a.ID)
		}
		return c
	}
	return cmp.Or(c, cmp.Compare(a.ID, b.ID))
}
