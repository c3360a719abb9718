package matcher_test

import (
	"slices"
	"testing"

	"github.com/kokmeal/kokmeal/adapters/matcher"
	"github.com/kokmeal/kokmeal/core/recipe"
)

func TestVocabularyAndKeyed(t *testing.T) {
	v := matcher.Vocabulary([]string{"대파(흰부분)", "다진 마늘", "계란", "다진마늘", " ", "[양념] 간장"})
	if want := []string{"간장", "계란", "다진마늘", "대파"}; !slices.Equal(v, want) {
		t.Fatalf("Vocabulary = %v, want %v", v, want)
	}
	m := matcher.Keyed(matcher.New(v, matcher.DefaultSynonyms()), recipe.IngredientKey)
	for name, want := range map[string]string{
		"[농협] 국내산 다진마늘 500g": "마늘", // the recipes' key, not the surface form
		"[풀무원] 무항생제 계란 30구":  "달걀",
		"[비비고] 김치찌개 밀키트":     "",
	} {
		got, ok := m.Match(name)
		if got != want || ok != (want != "") {
			t.Errorf("Match(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
}
