package korean

import (
	"bufio"
	"math/rand"
	"os"
	"slices"
	"testing"
)

// scanMatch is Match of a one-word query through the generic scan, which
// scanExact must agree with exactly.
func scanMatch(ix *Index, q string) []Hit {
	words, joined := parseQuery(q)
	if len(words) != 1 {
		return ix.Match(q)
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	cs := []cands{{e: ix.exactCandidates(&words[0])}}
	if len(cs[0].e) == 0 {
		return nil
	}
	var a appendSink
	qq := query{words: words, joined: joined, cs: cs, typo: false, sc: new(scratch), out: &a,
		tops: make([]*cands, 1), lows: make([]float64, 1)}
	ix.scan(&qq, cs[0].e, nil)
	return a.h
}

// TestScanExactEqualsScan checks the fast path of short words against the
// general one on a vocabulary-built index: same hits, same scores.
func TestScanExactEqualsScan(t *testing.T) {
	f, err := os.Open("../../adapters/matcher/testdata/vocabulary.txt")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	var vocab []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		vocab = append(vocab, sc.Text())
	}
	rng := rand.New(rand.NewSource(1))
	pick := func() string { return vocab[rng.Intn(len(vocab))] }
	ix := new(Index)
	extra := []string{"ㄱㅊ", "a", "1kg", "CJ", "x파", "파파", "ㄱ"}
	for i := range 3000 {
		name := pick()
		for range rng.Intn(4) {
			if rng.Intn(3) == 0 {
				name += " "
			}
			if rng.Intn(8) == 0 {
				name += extra[rng.Intn(len(extra))]
			}
			name += pick()
		}
		fs := []Field{{name, 3}, {pick(), 1.5}, {pick() + " " + pick(), 1}}
		for range rng.Intn(7) {
			fs = append(fs, Field{pick(), float64(rng.Intn(5))})
		}
		ix.Add(int64(i), fs...)
	}
	qs := []string{"파", "ㄱ", "ㄱㅊ", "양파", "김치", "ㄱㅊㅉ", "김ㅊ", "a", "kg", "1", "ㅍ", "ㄷㅈ", "고", "소금", "x", "파파"}
	for range 100 {
		r := []rune(pick())
		i := rng.Intn(len(r))
		qs = append(qs, string(r[i:min(len(r), i+1+rng.Intn(2))]), Choseong(string(r[i:min(len(r), i+1+rng.Intn(2))])))
	}
	for _, q := range qs {
		got, want := ix.Match(q), scanMatch(ix, q)
		if !slices.Equal(got, want) {
			t.Fatalf("Match(%q): %d hits vs %d", q, len(got), len(want))
		}
		for _, k := range []int{1, 3, 4} {
			s := ix.Search(q, k, nil)
			w := slices.Clone(want)
			SortHits(w)
			if !slices.Equal(s, w[:min(k, len(w))]) {
				t.Fatalf("Search(%q,%d)", q, k)
			}
		}
	}
}
