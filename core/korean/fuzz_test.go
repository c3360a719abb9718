package korean

import (
	"slices"
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"김치찌개", "김치 찌개", "ㄱㅊㅉㄱ", "[비비고] 국내산 깐마늘 1kg", "CJ 햇반 210g×3",
	"된장찌게", "김ㅊ", nfdKimchi, "\u1100\u1161\u11a8\u11a8", "ㄳㅏ", "떡볶이 밀키트",
	"", " ", "!!", "Ａｂｃ", "\xff\xfe", "가나다라마바사아자차카타파하",
}

func FuzzChoseong(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Compose(s)
		if Compose(c) != c {
			t.Errorf("Compose not idempotent on %q", s)
		}
		folded := Fold(s)
		if Fold(folded) != folded {
			t.Errorf("Fold not idempotent on %q: %q then %q", s, folded, Fold(folded))
		}
		cho := Choseong(s)
		if utf8.RuneCountInString(cho) != utf8.RuneCountInString(c) {
			t.Errorf("Choseong(%q) = %q changes the rune count", s, cho)
		}
		allSyllables := c != ""
		for _, r := range c {
			allSyllables = allSyllables && isSyllable(r)
		}
		if allSyllables && !IsChoseong(cho) {
			t.Errorf("IsChoseong(Choseong(%q)) = false", s)
		}
		_ = Decompose(s)
		if d := JamoDistance(s, s); d != 0 {
			t.Errorf("JamoDistance(%q, itself) = %d", s, d)
		}
	})
}

func FuzzSearch(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, fuzzSeeds[(i+3)%len(fuzzSeeds)])
	}
	f.Fuzz(func(t *testing.T, name, q string) {
		if len(name) > 1024 || len(q) > 1024 {
			t.Skip("long inputs only slow the fuzzer's minimiser down")
		}
		ix := sampleIndex(t)
		ix.Add(999, Field{name, 3}, Field{q, 1})
		if Fold(name) != "" {
			if hits := ix.Search(name, 0, nil); !slices.ContainsFunc(hits, func(h Hit) bool { return h.ID == 999 }) {
				t.Errorf("Search(%q) does not find its own document: %v", name, hits)
			}
		}
		all := ix.Search(q, 0, nil)
		seen := map[int64]bool{}
		for i, h := range all {
			if seen[h.ID] || h.Score <= 0 || i > 0 && worse(all[i-1], h) {
				t.Fatalf("Search(%q) bad hits: %v", q, all)
			}
			seen[h.ID] = true
		}
		top := ix.Search(q, 3, nil)
		if len(top) > 3 || !slices.Equal(top, all[:len(top)]) {
			t.Errorf("Search(%q, 3) = %v, all = %v", q, top, all)
		}
		if m := ix.Match(q); len(m) != len(all) {
			t.Errorf("Match(%q) has %d hits, Search %d", q, len(m), len(all))
		}
		ix.Remove(999)
		if ix.Len() != len(sample) {
			t.Errorf("Len = %d after Remove", ix.Len())
		}
		for _, h := range ix.Match(name) {
			if h.ID == 999 {
				t.Errorf("removed document still found")
			}
		}
	})
}
