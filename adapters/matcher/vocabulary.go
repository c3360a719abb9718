package matcher

import (
	"regexp"
	"slices"
	"strings"

	"github.com/kokmeal/kokmeal/core/kok"
)

var bracketed = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)

// Vocabulary turns recipe ingredient names as written into the matcher's
// vocabulary: parentheticals and spaces dropped, duplicates removed. It is
// lighter than the recipe service's IngredientKey on purpose: the matcher
// needs surface forms such as 다진마늘 and 계란 to recognise product names.
func Vocabulary(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		n = strings.Join(strings.Fields(bracketed.ReplaceAllString(n, "")), "")
		if n != "" {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Keyed maps a matcher's answers into another key space, so that products
// carry the very keys recipes use (the recipe service's IngredientKey folds
// 계란 into 달걀 and 다진마늘 into 마늘).
func Keyed(m kok.IngredientMatcher, key func(string) string) kok.IngredientMatcher {
	return keyed{m: m, key: key}
}

type keyed struct {
	m   kok.IngredientMatcher
	key func(string) string
}

func (k keyed) Match(name string) (string, bool) {
	ing, ok := k.m.Match(name)
	if !ok {
		return "", false
	}
	if ing = k.key(ing); ing == "" {
		return "", false
	}
	return ing, true
}
