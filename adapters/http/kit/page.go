package kit

import (
	"net/http"
	"strconv"

	"github.com/kokmeal/kokmeal/core/errs"
)

// Paging limits.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// Page reads ?page= (from 1, default 1) and ?size= (1..100, default 20). A
// bad value is an *errs.Invalid (422) naming the parameter.
func Page(r *http.Request) (page, size int, err error) {
	f := errs.Fields{}
	page = intParam(r, "page", 1, f, "must be an integer of at least 1", func(n int) bool { return n >= 1 })
	size = intParam(r, "size", DefaultPageSize, f, "must be an integer from 1 to 100", func(n int) bool { return n >= 1 && n <= MaxPageSize })
	if err := f.Err(); err != nil {
		return 0, 0, err
	}
	return page, size, nil
}

func intParam(r *http.Request, name string, def int, f errs.Fields, reason string, ok func(int) bool) int {
	raw := r.URL.Query().Get(name)
	if raw == "" {
		return def
	}
	n, err := strconv.Atoi(raw)
	if err != nil || !ok(n) {
		f.Add(name, reason)
		return def
	}
	return n
}

// PageParams documents page and size for an Op.
func PageParams() []Param {
	return []Param{
		{Name: "page", Type: "integer", Description: "Page number, from 1 (default 1)."},
		{Name: "size", Type: "integer", Description: "Items per page, 1 to 100 (default 20)."},
	}
}

// List is a page of items: {"items": [...], "page": 1, "size": 20, "total": 123}.
type List[T any] struct {
	Items []T `json:"items"`
	Page  int `json:"page"`
	Size  int `json:"size"`
	Total int `json:"total"`
}

// NewList builds a page; nil items answer [] rather than null.
func NewList[T any](items []T, page, size, total int) List[T] {
	if items == nil {
		items = []T{}
	}
	return List[T]{Items: items, Page: page, Size: size, Total: total}
}
