package korean

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query limits keep the cost of one query bounded whatever the input.
const (
	maxQueryWords = 8
	maxWordRunes  = 64
	maxTypoRunes  = 32 // also bounds the uint8 counters of typoCandidates
)

// Base scores per match kind. A match scores weight × (base + 0.9 ×
// coverage), coverage being the share of the field's runes matched, so the
// bases are 2 apart and a kind never overtakes a better one in one field.
const (
	scoreWhole     = 10 // the match spans whole words (or the whole text)
	scorePrefix    = 8  // the match starts a word
	scoreSubstring = 6
	scoreChoStart  = 5 // 초성 match starting a word
	scoreCho       = 4
	scoreTypo      = 2 // minus 0.3 per edit
)

// qword is one prepared query word.
type qword struct {
	text  string // folded
	proj  string // 초성 projection of text (cho words only)
	runes []rune
	n     int
	cho   bool     // has a 초성 consonant: matched against 초성 projections
	mixed bool     // cho and has syllables that must match as written
	typo  bool     // long enough (3+ syllables) for typo matching
	top   float64  // the best base score the word can get
	rest  float64  // the best where it does not begin a word
	keys  []uint64 // gram keys whose postings every exact match is in
	start uint64   // keys[0] where it begins a word: prefix/whole candidates
	jamo  []rune   // jamo codes, for typo matching
	uniq  []rune   // distinct runes, for typo candidates
}

func newQword(text string, allowTypo bool) qword {
	w := qword{text: text, runes: []rune(text)}
	w.n = len(w.runes)
	syl := 0
	for _, r := range w.runes {
		if isInitial(r) {
			w.cho = true
		}
		if isSyllable(r) {
			syl++
		}
	}
	rs := w.runes
	w.top, w.rest = scoreWhole, scoreSubstring
	if w.cho {
		w.top, w.rest = scoreChoStart, scoreCho
		w.proj = project(text)
		w.mixed = syl > 0
		rs = []rune(w.proj)
	}
	if len(rs) == 1 {
		tag := tagUni
		if isInitial(rs[0]) {
			tag = tagChoUni
		}
		w.keys = []uint64{gramKey(tag, rs[0], 0)}
	}
	for i := 1; i < len(rs); i++ {
		tag := tagBi
		if isInitial(rs[i-1]) || isInitial(rs[i]) {
			tag = tagChoBi
		}
		w.keys = append(w.keys, gramKey(tag, rs[i-1], rs[i]))
	}
	w.start = w.keys[0] + uint64(tagStart)<<42
	if allowTypo && !w.cho && syl >= 3 && w.n <= maxTypoRunes {
		w.typo = true
		w.jamo = appendJamo(nil, text)
		for _, r := range w.runes {
			if !containsRune(w.uniq, r) {
				w.uniq = append(w.uniq, r)
			}
		}
	}
	return w
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// parseQuery splits q at spaces into folded words, and returns the words
// joined as one more word when there are several (spacing insensitivity).
func parseQuery(q string) ([]qword, *qword) {
	var words []qword
	var joined strings.Builder
	for _, part := range strings.FieldsFunc(compose(q), unicode.IsSpace) {
		if len(words) == maxQueryWords {
			break
		}
		t := Fold(part)
		if t == "" {
			continue
		}
		if utf8.RuneCountInString(t) > maxWordRunes {
			t = string([]rune(t)[:maxWordRunes])
		}
		words = append(words, newQword(t, true))
		joined.WriteString(t)
	}
	if len(words) < 2 {
		return words, nil
	}
	j := newQword(joined.String(), false)
	return words, &j
}

// scratch is per-query working memory, pooled by the Index.
type scratch struct {
	cnt  []uint32
	text []rune
	tj   []rune
	row  []int
}

// scoreDoc returns d's score for the query, or 0 when a word matches no
// field, looking only at the fields in each word's mask.
func scoreDoc(d *doc, words []qword, masks []uint16, joined *qword, typo bool, sc *scratch) float64 {
	total := 0.0
	common := uint16(allFields)
	for i := range words {
		best := 0.0
		for j := range int(d.nf) {
			if masks[i]&(1<<j) != 0 {
				fd := d.field(j)
				best = max(best, fieldScore(&fd, &words[i], typo, sc))
			}
		}
		if best == 0 {
			return 0
		}
		total += best
		common &= masks[i]
	}
	if joined != nil {
		// The joined word can only be in a field holding every word.
		best := 0.0
		for j := range int(d.nf) {
			if common&(1<<j) != 0 {
				fd := d.field(j)
				best = max(best, fieldScore(&fd, joined, false, sc))
			}
		}
		total = max(total, best*float64(len(words)))
	}
	return total
}

// scoreBound is an upper bound of scoreDoc from d's dense metadata: every
// word matching as well as it can in its best field: its top base (whole
// words, 초성 at a word start) in the fields of tops[i], at most lows[i]
// elsewhere.
func scoreBound(d *doc, words []qword, masks []uint16, joined *qword, tops []uint16, lows []float64) float64 {
	if d.nf > boundFields {
		return math.Inf(1)
	}
	fieldBound := func(j int, w *qword, base float64) float64 {
		return float64(d.ws[j]) * (base + 0.9*min(1, float64(w.n)/float64(d.lens[j])))
	}
	total := 0.0
	common := uint16(allFields)
	for i := range words {
		best := 0.0
		for j := range int(d.nf) {
			if masks[i]&(1<<j) != 0 {
				base := words[i].top
				if tops[i]&(1<<j) == 0 {
					base = lows[i]
				}
				best = max(best, fieldBound(j, &words[i], base))
			}
		}
		total += best
		common &= masks[i]
	}
	if joined != nil {
		best := 0.0
		for j := range int(d.nf) {
			if common&(1<<j) != 0 {
				best = max(best, fieldBound(j, joined, joined.top))
			}
		}
		total = max(total, best*float64(len(words)))
	}
	return total
}

func fieldScore(fd *field, w *qword, typo bool, sc *scratch) float64 {
	var base float64
	if w.cho {
		base = choMatch(fd, w)
	} else {
		base = textMatch(fd.f, w.text, fd.flags)
	}
	if base > 0 {
		return scoreOf(fd.w, base, w.n, fd.n)
	}
	if typo && w.typo {
		if d := typoDistance(fd, w, sc); d >= 0 {
			cov := min(1, float64(w.n)/float64(fd.n))
			return fd.w * (scoreTypo + 0.9*cov - 0.3*float64(d))
		}
	}
	return 0
}

// scoreOf is a field's score for a match of base kind covering wn of its
// fn runes; scanExact shares it so that both paths round alike.
func scoreOf(fw, base float64, wn, fn int) float64 {
	return fw * (base + 0.9*float64(wn)/float64(fn))
}

// textMatch returns the base score of the best occurrence of w in f.
func textMatch(f, w string, flags string) float64 {
	i := strings.Index(f, w)
	if i < 0 {
		return 0
	}
	// Later occurrences only score better at a word start: compare there
	// instead of searching again. Word starts are rune boundaries.
	best := float64(scoreSubstring)
	for s := i; s+len(w) <= len(f); s++ {
		if flags[s]&tokStart == 0 || f[s:s+len(w)] != w {
			continue
		}
		if flags[s+len(w)]&tokEnd != 0 {
			return scoreWhole
		}
		best = scorePrefix
	}
	return best
}

// choMatch returns the base score of the best 초성 occurrence of w in fd.
// Syllables typed in full ("김ㅊ") must match as written.
func choMatch(fd *field, w *qword) float64 {
	best := 0.0
	for off := 0; off < len(fd.cho); {
		i := strings.Index(fd.cho[off:], w.proj)
		if i < 0 {
			break
		}
		s := off + i
		_, size := utf8.DecodeRuneInString(fd.cho[s:])
		off = s + size
		if w.mixed && !sameSyllables(fd.f[s:s+len(w.text)], w.text) {
			continue
		}
		if fd.flags[s]&tokStart != 0 {
			return scoreChoStart
		}
		best = scoreCho
	}
	return best
}

// sameSyllables reports whether text (same byte length as w) has w's
// syllables at w's positions; w's other runes matched by 초성 already.
func sameSyllables(text, w string) bool {
	for i, r := range w {
		if isSyllable(r) && text[i:i+3] != w[i:i+3] {
			return false
		}
	}
	return true
}

// typoDistance returns 1 if w is one syllable edit from a substring of the
// field, else its jamo distance to one if that is at most 2, else -1.
func typoDistance(fd *field, w *qword, sc *scratch) int {
	if fd.n+2 < w.n {
		return -1
	}
	sc.text = sc.text[:0]
	for _, r := range fd.f {
		sc.text = append(sc.text, r)
	}
	if need := len(w.jamo) + 1; len(sc.row) < need {
		sc.row = make([]int, need)
	}
	if substringDistance(sc.text, w.runes, 1, sc.row) <= 1 {
		return 1
	}
	sc.tj = appendJamo(sc.tj[:0], fd.f)
	if d := substringDistance(sc.tj, w.jamo, 2, sc.row); d <= 2 {
		return d
	}
	return -1
}
