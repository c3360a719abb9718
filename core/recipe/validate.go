package recipe

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kokmeal/kokmeal/core/errs"
)

// Limits on what a caller may ask; they bound the work one request can cost.
const (
	DefaultSize    = 20
	MaxSize        = 100
	MaxPage        = 10000
	MaxQueryChars  = 100
	MaxListItems   = 50 // ingredients / exclude in one request
	MaxItemChars   = 50
	MaxMinutes     = 24 * 60
	MaxNameChars   = 200
	MaxTextChars   = 5000 // a summary, a step, a tip
	MaxIngredients = 100
	MaxSteps       = 100
)

// Page is a page request: Page from 1, Size 1..MaxSize. A zero value takes
// the defaults.
type Page struct {
	Page int
	Size int
}

func (p Page) check(f errs.Fields) Page {
	if p.Page == 0 {
		p.Page = 1
	}
	if p.Size == 0 {
		p.Size = DefaultSize
	}
	f.Check(p.Page < 1 || p.Page > MaxPage, "page", "must be between 1 and 10000")
	f.Check(p.Size < 1 || p.Size > MaxSize, "size", "must be between 1 and 100")
	return p
}

func (p Page) offset() int { return (p.Page - 1) * p.Size }

// window returns the part of n items that page p shows.
func (p Page) window(n int) (lo, hi int) {
	lo = min(p.offset(), n)
	return lo, min(lo+p.Size, n)
}

// ingredientKeys turns what a caller typed into distinct ingredient keys,
// reporting empty, overlong and too many values on field.
func ingredientKeys(f errs.Fields, field string, items []string) []string {
	if len(items) > MaxListItems {
		f.Add(field, "must have at most 50 items")
		return nil
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		switch {
		case !utf8.ValidString(it):
			f.Add(field, "must be valid UTF-8")
		case utf8.RuneCountInString(it) > MaxItemChars:
			f.Add(field, "values must be at most 50 characters")
		default:
			k := IngredientKey(it)
			if k == "" {
				f.Add(field, "must not contain empty values")
			} else if !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	return out
}

func checkText(f errs.Fields, field, s string, maxChars int, required bool) {
	switch {
	case !utf8.ValidString(s):
		f.Add(field, "must be valid UTF-8")
	case required && strings.TrimSpace(s) == "":
		f.Add(field, "is required")
	case utf8.RuneCountInString(s) > maxChars:
		f.Add(field, "is too long")
	}
}
