// Package matcher maps U+콕 product names to the recipe ingredient they sell,
// with a dictionary and a few rules of Korean noun compounds.
//
// A Korean product name is head-final: the thing sold is the last noun, and
// whatever comes before it only qualifies it (국내산 깐마늘, 호박 고구마,
// 소고기 미역국). So the matcher drops what cannot be the head (brand in
// brackets, pack sizes, origin and marketing words, "찌개용"-style usage
// words, flavours), then walks the tokens from the right and takes the first
// one that the dictionary knows, by the longest dictionary word that ends it,
// possibly joined with up to two tokens before it (다진 마늘 → 다진마늘).
// Within a word the head is also the tail: 깐마늘 is 마늘, 밤고구마 is 고구마,
// but 마늘쫑 is not 마늘. The dictionary holds the recipe vocabulary, the
// synonyms, and markers of what is not an ingredient (찌개, 밀키트, 즙,
// 프라이팬); a marker at the head makes the product match nothing.
package matcher

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type class uint8

const (
	ingredient class = iota + 1
	prepared         // ready-made food, snacks, drinks, health food
	nonFood          // kitchenware, household goods, pet food
	other            // a known food that no recipe key names (방울양배추)
)

type entry struct {
	key     string
	class   class
	exact   bool // matches a whole word only, never as the tail of a longer one
	generic bool // 소스, 양념: names a kind; a qualifier just before it wins
}

// Matcher implements kok.IngredientMatcher. It is immutable after New and
// safe for concurrent use.
type Matcher struct {
	dict     map[string]entry
	maxRunes int // longest dictionary word, bounds the suffixes to try
}

// New builds a matcher over the ingredient keys recipes use. vocabulary holds
// normalised keys (no spaces or parentheticals); synonyms maps a surface word
// of product names to a key ("깐마늘" → "마늘"). A synonym whose key is not in
// the vocabulary is ignored, so Match only ever answers vocabulary keys.
func New(vocabulary []string, synonyms map[string]string) *Matcher {
	m := &Matcher{dict: make(map[string]entry, len(vocabulary)+len(synonyms)+len(markers))}
	vocab := make(map[string]bool, len(vocabulary))
	for _, k := range vocabulary {
		k = strings.TrimSpace(k)
		if k == "" || blocked[k] {
			continue
		}
		vocab[k] = true
		m.add(k, k, ingredient)
	}
	for s, k := range synonyms {
		if s = strings.ToLower(strings.TrimSpace(s)); s != "" && vocab[k] {
			m.add(s, k, ingredient)
		}
	}
	// Markers last: they win over a recipe key of the same spelling, because
	// recipes also name dishes and drinks (장조림, 순대, 양파즙) that the mall
	// sells ready-made.
	for s, c := range markers {
		m.add(s, "", c)
	}
	for k := range vocab {
		// Juices in the mall are health drinks by the box (양파즙 30포), not
		// the grated juice a recipe means.
		if strings.HasSuffix(k, "즙") {
			m.add(k, "", prepared)
		}
	}
	return m
}

func (m *Matcher) add(surface, key string, c class) {
	n := utf8.RuneCountInString(surface)
	m.dict[surface] = entry{
		key:     key,
		class:   c,
		exact:   c == ingredient && n == 1 && !tailSyllables[surface],
		generic: c == ingredient && generic[key],
	}
	m.maxRunes = max(m.maxRunes, n)
}

// Match answers the ingredient key a product name sells, or ok=false when it
// is not a single raw ingredient or seasoning.
func (m *Matcher) Match(productName string) (string, bool) {
	outer, inner := splitBrackets(productName)
	var f flags
	toks := tokenize(outer, &f)
	in := tokenize(inner, &f)
	if f.pet || (f.servings && !f.sari) || f.instant {
		return "", false
	}
	h, ok := m.head(toks)
	if !ok {
		// Bracketed text is mostly the brand, but sometimes all there is
		// ("[한우] 1++ 등심", "[스팸] 클래식").
		h, ok = m.head(in)
	}
	if !ok || h.e.class != ingredient || h.prepped {
		return "", false
	}
	return h.e.key, true
}

type hit struct {
	e       entry
	runes   int
	prepped bool // qualified by 양념/훈제: marinated or smoked, ready to eat
}

// head finds the rightmost token the dictionary knows.
func (m *Matcher) head(toks []string) (hit, bool) {
	for i := len(toks) - 1; i >= 0; i-- {
		if skip(toks[i]) {
			continue
		}
		h, ok := m.best(toks, i)
		if !ok {
			continue
		}
		for _, t := range toks[i+1:] {
			if strings.HasPrefix(t, "훈제") || strings.HasPrefix(t, "맥반석") {
				h.prepped = true
			}
		}
		if h.e.generic && i > 0 && !skip(toks[i-1]) {
			// "허니 머스타드 소스" sells 머스타드; "스테이크 소스" stays 소스.
			if p, ok := m.best(toks, i-1); ok && !p.e.generic {
				return p, true
			}
		}
		return h, true
	}
	return hit{}, false
}

// best answers the longest dictionary word ending token i: any tail of token
// i, or token i joined whole with one or two tokens before it (다진 마늘).
// A joined word must start where a token starts, or "태양초 고추장" would
// read 초고추장.
func (m *Matcher) best(toks []string, i int) (hit, bool) {
	var (
		best  hit
		found bool
		// where the best match starts: token index and bytes into it
		startTok, startOff int
	)
	t := toks[i]
	runes := utf8.RuneCountInString(t)
	for off, r := 0, 0; off < len(t); r++ {
		if runes-r <= m.maxRunes {
			if e, ok := m.dict[t[off:]]; ok && (!e.exact || off == 0) {
				best, found, startTok, startOff = hit{e: e, runes: runes - r}, true, i, off
				break // the first tail found is the longest
			}
		}
		_, size := utf8.DecodeRuneInString(t[off:])
		off += size
	}
	var buf [128]byte
	n, joined := copy(buf[:], t), runes
	for j := i - 1; j >= 0 && j >= i-2 && n+len(toks[j]) <= len(buf); j-- {
		copy(buf[len(toks[j]):n+len(toks[j])], buf[:n])
		n += copy(buf[:], toks[j])
		joined += utf8.RuneCountInString(toks[j])
		if e, ok := m.dict[string(buf[:n])]; ok && joined > best.runes {
			best, found, startTok, startOff = hit{e: e, runes: joined}, true, j, 0
		}
	}
	if !found {
		// 홍합살, 바지락살: try the word without its form or cut.
		t := toks[i]
		for _, tail := range formTails {
			if s, ok := strings.CutSuffix(t, tail); ok && s != "" {
				if e, ok := m.dict[s]; ok && e.class == ingredient {
					return hit{e: e, runes: utf8.RuneCountInString(s)}, true
				}
			}
		}
		return best, false
	}
	if best.e.class != ingredient {
		return best, found
	}
	// What qualifies the match: the rest of its first token, and the token
	// before.
	before, prev := toks[startTok][:startOff], ""
	if startTok > 0 {
		prev = toks[startTok-1]
	}
	for _, p := range prepPrefixes {
		if strings.HasPrefix(before, p) || strings.HasPrefix(prev, p) {
			best.prepped = true
		}
	}
	// 바나나맛 우유, 불고기맛 햄: a flavoured product, not the ingredient.
	if flavour(prev) {
		best.prepped = true
	}
	return best, found
}

// skip tells tokens that are never the head: usage (찌개용 두부 is 두부,
// though a joined span may still use it: 국물용 멸치 is 국물용멸치), flavour
// (매운맛) and a few words that end like a dictionary word by accident
// (국산콩, 한국).
func skip(t string) bool {
	return neutral[t] || flavour(t) ||
		(strings.HasSuffix(t, "용") && utf8.RuneCountInString(t) > 1)
}

func flavour(t string) bool {
	return strings.HasSuffix(t, "맛") && utf8.RuneCountInString(t) > 1
}

type flags struct {
	pet      bool // 강아지, 고양이: pet food is not food for recipes
	servings bool // "2인분", "2인": a meal, not an ingredient
	sari     bool // "사리": noodles by the serving are still noodles
	instant  bool // "3분": 3분 카레, retort food
}

// splitBrackets separates text inside (), [], {}, <> and their full-width
// forms from the rest.
func splitBrackets(s string) (outer, inner string) {
	var o, in strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '[', '{', '<', '【', '「', '『', '〔', '（', '［':
			depth++
			in.WriteByte(' ')
			continue
		case ')', ']', '}', '>', '】', '」', '』', '〕', '）', '］':
			if depth > 0 {
				depth--
			}
			in.WriteByte(' ')
			continue
		}
		if depth > 0 {
			in.WriteRune(r)
		} else {
			o.WriteRune(r)
		}
	}
	return o.String(), in.String()
}

// tokenize lower-cases s and splits it on anything that is not a letter or
// digit, and between a Hangul syllable and a following digit (깐마늘1kg).
// It drops quantities (1kg, 30구, 2개입: anything starting with a digit) and
// Latin-only words (brands, "x", "kg"), noting the flags they carry.
func tokenize(s string, f *flags) []string {
	var toks []string
	start := -1
	prevHangul := false
	emit := func(end int) {
		if start < 0 {
			return
		}
		t := strings.ToLower(s[start:end])
		start = -1
		first, _ := utf8.DecodeRuneInString(t)
		switch {
		case unicode.IsDigit(first):
			switch {
			case strings.HasSuffix(t, "인분"), strings.HasSuffix(t, "인"), strings.HasSuffix(t, "인용"):
				f.servings = true
			case strings.HasSuffix(t, "분"):
				f.instant = true
			}
			return
		case latinOnly(t):
			return
		}
		for _, p := range petWords {
			if strings.Contains(t, p) {
				f.pet = true
			}
		}
		if strings.HasSuffix(t, "사리") {
			f.sari = true
		}
		// 분말 is 가루 (카레 분말 is 카레가루).
		if s, ok := strings.CutSuffix(t, "분말"); ok {
			t = s + "가루"
		}
		toks = append(toks, t)
	}
	for i, r := range s {
		letter := unicode.IsLetter(r)
		digit := unicode.IsDigit(r)
		switch {
		case !letter && !digit:
			emit(i)
		case digit && prevHangul:
			emit(i)
			start = i
		case start < 0:
			start = i
		}
		prevHangul = letter && unicode.Is(unicode.Hangul, r)
	}
	emit(len(s))
	return toks
}

func latinOnly(t string) bool {
	for _, r := range t {
		if r >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
