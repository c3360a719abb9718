package kok

import (
	"strings"
	"unicode/utf8"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/korean"
)

// Limits on what a caller may send. MaxPrice bounds every price, filter and
// total a caller names: anything above 100,000,000 won is a typo or an
// attack, never a grocery.
const (
	MaxPrice        int64 = 100_000_000
	MaxQuantity           = 99
	MaxQueryChars         = 100
	MaxPathChars          = 100
	MaxMemoChars          = 200
	MaxKeyBytes           = 128
	MaxPage               = 10_000
	MaxPageSize           = 100
	DefaultPageSize       = 20
	MaxImport             = 1_000_000
)

// Page selects a window of a list: Number from 1, Size from 1 to
// MaxPageSize. The zero Page is the first page of DefaultPageSize.
type Page struct {
	Number int
	Size   int
}

func (p Page) orDefault() Page {
	if p.Number == 0 {
		p.Number = 1
	}
	if p.Size == 0 {
		p.Size = DefaultPageSize
	}
	return p
}

func (p Page) check(f errs.Fields) {
	f.Check(p.Number < 1 || p.Number > MaxPage, "page", "must be between 1 and 10000")
	f.Check(p.Size < 1 || p.Size > MaxPageSize, "size", "must be between 1 and 100")
}

// Offset is the number of items before the page.
func (p Page) Offset() int { return (p.Number - 1) * p.Size }

// text normalises caller text: Hangul composed (NFC for Korean), trimmed.
func text(s string) string { return strings.TrimSpace(korean.Compose(s)) }

func checkText(f errs.Fields, field, s string, maxChars int) {
	switch {
	case !utf8.ValidString(s):
		f.Add(field, "is not valid UTF-8")
	case utf8.RuneCountInString(s) > maxChars:
		f.Add(field, "is too long")
	case strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		f.Add(field, "must not contain control characters")
	}
}

func checkID(f errs.Fields, field string, id int64) {
	f.Check(id <= 0, field, "must be a positive id")
}
