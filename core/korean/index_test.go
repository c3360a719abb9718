package korean

import (
	"fmt"
	"slices"
	"sync"
	"testing"
)

// sample is a small catalogue: name (weight 3) and brand (weight 1).
var sample = []struct {
	id          int64
	name, brand string
}{
	{1, "김치찌개", ""},
	{2, "김치 찌개", ""},
	{3, "된장찌개", ""},
	{4, "김치", ""},
	{5, "깍두기", ""},
	{6, "[비비고] 국내산 깐마늘 1kg", "비비고"},
	{7, "햇반 210g", "CJ"},
	{8, "김치볶음밥", ""},
	{9, "고추장", ""},
	{10, "고춧가루", ""},
	{11, "마늘", ""},
	{12, "마늘종", ""},
	{13, "다진마늘", ""},
	{14, "두부", ""},
	{15, "두부 300g 2개입", ""},
	{16, "Kimchi Fried Rice", ""},
	{17, "왕교자", "비비고"},
	{18, "떡볶이 밀키트", ""},
	{19, "국물떡볶이", ""},
	{21, "국내산 마늘 1kg", ""},
	{20, "비비고 만두", ""},
}

func sampleIndex(t testing.TB) *Index {
	t.Helper()
	ix := new(Index)
	for _, s := range sample {
		ix.Add(s.id, Field{s.name, 3}, Field{s.brand, 1})
	}
	return ix
}

func ids(hits []Hit) []int64 {
	out := make([]int64, len(hits))
	for i, h := range hits {
		out[i] = h.ID
	}
	return out
}

func TestSearchFinds(t *testing.T) {
	ix := sampleIndex(t)
	tests := []struct {
		name, q string
		want    []int64 // exactly these IDs, in any order
	}{
		{"spacing in query", "김치 찌개", []int64{1, 2}},
		{"spacing in text", "김치찌개", []int64{1, 2}},
		{"substring", "찌개", []int64{1, 2, 3}},
		{"prefix", "김치", []int64{1, 2, 4, 8}},
		{"choseong", "ㄱㅊㅉㄱ", []int64{1, 2}},
		{"choseong spaced", "ㄱㅊ ㅉㄱ", []int64{1, 2}},
		{"choseong short", "ㄱㅊ", []int64{1, 2, 4, 8, 9, 10}},
		{"choseong double consonant", "ㄲㄷㄱ", []int64{5}},
		{"choseong is not double", "ㄱㄷㄱ", nil},
		{"mixed syllable and choseong", "김ㅊㅉ", []int64{1, 2}},
		{"mixed syllable must match", "감ㅊ", nil},
		{"multi-word AND", "김치 볶음", []int64{8}},
		{"multi-word across fields", "비비고 마늘", []int64{6}},
		{"multi-word no match", "김치 마늘", nil},
		{"typo substitution", "김치찌게", []int64{1, 2}},
		{"typo other", "된장찌게", []int64{3}},
		{"typo jamo", "떡볶기", []int64{18, 19}},
		{"typo deletion in text", "김치볶밥", []int64{8}},
		{"no typo for short words", "찌게", nil},
		{"latin upper", "CJ", []int64{7}},
		{"latin lower", "cj", []int64{7}},
		{"latin word", "FRIED rice", []int64{16}},
		{"digits and unit", "1kg", []int64{6, 21}},
		{"one syllable", "반", []int64{7}},
		{"punctuation in query", "[비비고]", []int64{6, 17, 20}},
		{"nfd query", nfdKimchi + "찌개", []int64{1, 2}},
		{"empty", "", nil},
		{"only punctuation", "!! ??", nil},
		{"unknown", "초콜릿", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(ix.Search(tt.q, 0, nil))
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("Search(%q) = %v, want %v", tt.q, got, want)
			}
			m := ids(ix.Match(tt.q))
			slices.Sort(m)
			if !slices.Equal(m, got) {
				t.Errorf("Match(%q) = %v, Search = %v", tt.q, m, got)
			}
		})
	}
}

func TestSearchRanking(t *testing.T) {
	ix := sampleIndex(t)
	tests := []struct {
		name, q string
		want    []int64 // these IDs, in this order, first
	}{
		// exact text > whole word > prefix > substring.
		{"kinds", "마늘", []int64{11, 21, 12, 13, 6}},
		{"exact before prefix", "김치", []int64{4}},
		// Spacing is ignored: 1 and 2 tie and fall back to ID order.
		{"spacing ties", "김치찌개", []int64{1, 2}},
		{"spacing ties, spaced query", "김치 찌개", []int64{1, 2}},
		// Shorter text first among equal kinds.
		{"shorter first", "두부", []int64{14, 15}},
		// The name (weight 3) beats the brand (weight 1).
		{"field weight", "비비고", []int64{20, 6, 17}},
		// A 초성 match at a word start beats one inside a word.
		{"choseong", "ㄸㅂ", []int64{18, 19}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ix.Search(tt.q, 0, nil)
			if len(got) < len(tt.want) || !slices.Equal(ids(got[:len(tt.want)]), tt.want) {
				t.Errorf("Search(%q) = %v, want prefix %v", tt.q, got, tt.want)
			}
			for i := 1; i < len(got); i++ {
				if worse(got[i-1], got[i]) {
					t.Errorf("Search(%q) not sorted at %d: %v", tt.q, i, got)
				}
			}
		})
	}
}

func TestSearchKindOrder(t *testing.T) {
	// A kind never overtakes a better kind in a field of the same weight,
	// whatever the text lengths.
	ix := new(Index)
	ix.Add(1, Field{"김치찌개" + "아주긴이름을가진상품명입니다정말로요", 1}) // prefix, long
	ix.Add(2, Field{"맛있는김치", 1})                       // substring, short
	ix.Add(3, Field{"ㄱㅊ", 1})                          // literal jamo, matched as 초성
	got := ids(ix.Search("김치", 0, nil))
	if !slices.Equal(got, []int64{1, 2}) {
		t.Errorf("got %v", got)
	}
	got = ids(ix.Search("ㄱㅊ", 0, nil))
	if !slices.Equal(got, []int64{3, 1, 2}) { // whole, word start, inside
		t.Errorf("choseong got %v", got)
	}
}

func TestSearchLimitKeep(t *testing.T) {
	ix := sampleIndex(t)
	all := ix.Search("김치", 0, nil)
	top := ix.Search("김치", 2, nil)
	if !slices.Equal(top, all[:2]) {
		t.Errorf("limit 2 = %v, all = %v", top, all)
	}
	even := ix.Search("김치", 0, func(id int64) bool { return id%2 == 0 })
	if !slices.Equal(ids(even), []int64{4, 2, 8}) {
		t.Errorf("keep even = %v", even)
	}
}

func TestTypoOnlyAsFallback(t *testing.T) {
	ix := new(Index)
	for i := range typoFallback {
		ix.Add(int64(i+1), Field{fmt.Sprintf("된장찌게 %d호", i), 1})
	}
	ix.Add(100, Field{"된장찌개", 1})
	if got := ids(ix.Search("된장찌게", 0, nil)); slices.Contains(got, 100) || len(got) != typoFallback {
		t.Errorf("enough exact hits, typo pass should not run: %v", got)
	}
	ix.Remove(1)
	got := ix.Search("된장찌게", 0, nil)
	if len(got) != typoFallback || got[len(got)-1].ID != 100 {
		t.Errorf("typo hit should come last: %v", got)
	}
}

func TestAddRemove(t *testing.T) {
	ix := sampleIndex(t)
	if ix.Len() != len(sample) {
		t.Fatalf("Len = %d", ix.Len())
	}
	ix.Remove(4)
	ix.Remove(999) // unknown: no-op
	if ix.Len() != len(sample)-1 {
		t.Fatalf("Len after Remove = %d", ix.Len())
	}
	if got := ids(ix.Search("김치", 0, nil)); slices.Contains(got, 4) {
		t.Errorf("removed doc found: %v", got)
	}
	// Re-adding an ID replaces its texts; the free slot is reused.
	ix.Add(1, Field{"고등어 구이", 1})
	ix.Add(4, Field{"갈치 조림", 1})
	if got := ids(ix.Search("김치찌개", 0, nil)); !slices.Equal(got, []int64{2}) {
		t.Errorf("after replace: %v", got)
	}
	if got := ids(ix.Search("고등어", 0, nil)); !slices.Equal(got, []int64{1}) {
		t.Errorf("replacement not found: %v", got)
	}
	if got := ids(ix.Search("ㄱㅊ", 0, nil)); !slices.Equal(got, []int64{9, 2, 10, 8, 4}) {
		t.Errorf("choseong after replace: %v", got)
	}
	for _, s := range sample {
		ix.Remove(s.id)
	}
	if ix.Len() != 0 || len(ix.post) != 0 {
		t.Errorf("after removing all: Len %d, %d posting lists left", ix.Len(), len(ix.post))
	}
	var empty Index
	if got := empty.Search("김치", 10, nil); got != nil {
		t.Errorf("empty index: %v", got)
	}
}

func TestNFDDocument(t *testing.T) {
	ix := new(Index)
	ix.Add(1, Field{nfdKimchi + " 찌개", 1})
	for _, q := range []string{"김치찌개", "ㄱㅊㅉㄱ", nfdKimchi} {
		if got := ids(ix.Search(q, 0, nil)); !slices.Equal(got, []int64{1}) {
			t.Errorf("Search(%q) = %v", q, got)
		}
	}
}

func TestConcurrentSearch(t *testing.T) {
	ix := sampleIndex(t)
	stop := make(chan struct{})
	writerDone := make(chan struct{})
	go func() { // one writer churning other documents
		defer close(writerDone)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			id := int64(1000 + i%50)
			if i%3 == 0 {
				ix.Remove(id)
			} else {
				ix.Add(id, Field{fmt.Sprintf("김치 만두 %d", i), 3}, Field{"비비고", 1})
			}
		}
	}()
	var readers sync.WaitGroup
	for r := range 4 {
		readers.Go(func() {
			for i := range 300 {
				q := []string{"김치찌개", "ㄱㅊ", "된장찌게", "비비고 마늘"}[(r+i)%4]
				if hits := ix.Search(q, 5, nil); len(hits) == 0 {
					t.Errorf("Search(%q) found nothing", q)
					return
				}
				_ = ix.Match(q)
				_ = ix.Len()
			}
		})
	}
	readers.Wait()
	close(stop)
	<-writerDone
}

// TestSearchLimitEqualsSortedMatch checks the pruning of Search against
// sorting every hit of Match, on a catalogue of synthetic products.
func TestSearchLimitEqualsSortedMatch(t *testing.T) {
	ix := new(Index)
	for i, p := range syntheticProducts(3000) {
		ix.Add(int64(i+1), Field{p.name, 3}, Field{p.brand, 1}, Field{p.category, 1})
	}
	queries := []string{"김치", "찌개", "국내산", "1kg", "ㄱ", "ㄱㅊ", "김ㅊ", "파", "무", "김치찌게",
		"된장찌게", "떡볶기", "비비고 만두", "김치 찌개", "cj", "두부", "ㄷㅂ", "냉동 만두", "양파 1kg"}
	for _, q := range queries {
		all := ix.Match(q)
		SortHits(all)
		for _, k := range []int{1, 3, 5, 20, 100} {
			got := ix.Search(q, k, nil)
			want := all[:min(k, len(all))]
			if !slices.Equal(got, want) {
				t.Errorf("Search(%q, %d) = %v, want %v", q, k, got, want)
			}
		}
	}
}
