package kok

import (
	"cmp"
	"context"
	"slices"
	"strings"
)

// CategoryNode is a category with the number of products in it (children
// included). Top-level nodes have children; Path is what the category
// filter of SearchProducts takes.
type CategoryNode struct {
	Name     string
	Path     string
	Count    int
	Children []CategoryNode
}

// buildTree makes the two-level tree from product counts per category path,
// ordered by name.
func buildTree(counts map[string]int) []CategoryNode {
	tops := map[string]*CategoryNode{}
	for path, n := range counts {
		top, sub, hasSub := strings.Cut(path, "/")
		t := tops[top]
		if t == nil {
			t = &CategoryNode{Name: top, Path: top}
			tops[top] = t
		}
		t.Count += n
		if hasSub {
			t.Children = append(t.Children, CategoryNode{Name: sub, Path: path, Count: n})
		}
	}
	out := make([]CategoryNode, 0, len(tops))
	for _, t := range tops {
		slices.SortFunc(t.Children, func(a, b CategoryNode) int { return cmp.Compare(a.Name, b.Name) })
		out = append(out, *t)
	}
	slices.SortFunc(out, func(a, b CategoryNode) int { return cmp.Compare(a.Name, b.Name) })
	return out
}

// Categories answers the category tree with counts.
type Categories struct {
	catalog *Catalog
}

// NewCategories builds the use case.
func NewCategories(catalog *Catalog) Categories { return Categories{catalog: catalog} }

// Handle answers the tree, a copy the caller owns.
func (h Categories) Handle(ctx context.Context) ([]CategoryNode, error) {
	s, err := h.catalog.current(ctx)
	if err != nil {
		return nil, err
	}
	out := slices.Clone(s.tree)
	for i := range out {
		out[i].Children = slices.Clone(out[i].Children)
	}
	return out, nil
}
