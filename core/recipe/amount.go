package recipe

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Amount is an ingredient amount as written and as parsed.
//
// Quantity is the (lower) number, QuantityMax the upper end of a range
// ("1~2개") and equal to Quantity otherwise. Vague amounts ("약간",
// "적당량") have Quantity 0 and Unit "". Text is always the original.
type Amount struct {
	Quantity    float64
	QuantityMax float64
	Unit        string
	Text        string
}

// ParseAmount parses an amount as written in Korean recipes: "200g",
// "1/2대", "2큰술", "1~2개", "3-4쪽", "1과1/2컵", "1 1/2컵", "1½큰술",
// "1.5kg", "1/4개(50g)", "2 큰술", "100cc", "한 줌", "반컵", "약간".
// It never panics.
//
// The first amount in the text wins: "1/4개(50g)" is 1/4 개 and
// "180g (약2줌)" 180 g; words before it are ignored ("각 100g", "소1/2",
// "작은거1개"), as are sizes ("5*5cm 3조각" is 3 조각). Units are
// normalised lightly (see normalizeUnit). Two repairs are made for mangled
// spreadsheet exports seen in public data: a date "2011-01-02" is the
// fraction 1/2 it was typed as, and a two-digit numerator over a one-digit
// denominator with a smaller last digit ("11/2큰술") is a mixed number
// whose space was lost (1 1/2).
func ParseAmount(text string) Amount {
	a := Amount{Text: text}
	rs := normalizeAmount(text)
	lo, hi, rest, ok := findQuantity(rs)
	if !ok || !(lo > 0) || math.IsInf(hi, 0) {
		return a
	}
	unit := readUnit(rest, 0)
	// "1컵반" is one and a half cups.
	if u, found := strings.CutSuffix(unit, "반"); found && u != "" {
		lo, hi, unit = lo+0.5, hi+0.5, u
	}
	a.Quantity, a.QuantityMax = lo, max(lo, hi)
	a.Unit = normalizeUnit(unit)
	return a
}

// unicodeFractions are expanded to ASCII fractions before parsing.
var unicodeFractions = map[rune]string{
	'½': "1/2", '⅓': "1/3", '⅔': "2/3", '¼': "1/4", '¾': "3/4", '⅕': "1/5",
	'⅖': "2/5", '⅗': "3/5", '⅘': "4/5", '⅙': "1/6", '⅚': "5/6", '⅛': "1/8",
	'⅜': "3/8", '⅝': "5/8", '⅞': "7/8",
}

// normalizeAmount trims, maps full-width ASCII to ASCII, expands unicode
// fractions ("1½" → "1+1/2") and repairs spreadsheet dates.
func normalizeAmount(text string) []rune {
	var rs []rune
	for _, r := range strings.TrimSpace(text) {
		if r >= '！' && r <= '～' { // full-width ASCII block
			r -= '！' - '!'
		}
		if f, ok := unicodeFractions[r]; ok {
			if n := len(rs); n > 0 && isDigit(rs[n-1]) {
				rs = append(rs, '+')
			}
			rs = append(rs, []rune(f)...)
			continue
		}
		rs = append(rs, r)
	}
	// "2011-01-02": a spreadsheet turned "1/2" into January 2nd.
	if len(rs) == 10 && rs[4] == '-' && rs[7] == '-' && allDigits(rs[:4]) && allDigits(rs[5:7]) && allDigits(rs[8:]) {
		m, _ := strconv.Atoi(string(rs[5:7]))
		d, _ := strconv.Atoi(string(rs[8:]))
		if m > 0 && d > 0 {
			rs = []rune(strconv.Itoa(m) + "/" + strconv.Itoa(d))
		}
	}
	return rs
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func allDigits(rs []rune) bool {
	for _, r := range rs {
		if !isDigit(r) {
			return false
		}
	}
	return len(rs) > 0
}

// numberWords are the Korean words read as numbers before a unit: "한 줌",
// "반컵", "두 큰술".
var numberWords = []struct {
	word string
	n    float64
}{
	{"다섯", 5}, {"여섯", 6}, {"일곱", 7}, {"여덟", 8}, {"아홉", 9}, {"열", 10},
	{"반", 0.5}, {"한", 1}, {"두", 2}, {"세", 3}, {"석", 3}, {"네", 4}, {"넉", 4},
}

// findQuantity returns the first quantity (range) in rs and the text after
// it.
func findQuantity(rs []rune) (lo, hi float64, rest []rune, ok bool) {
	for i := 0; i < len(rs); i++ {
		if !isDigit(rs[i]) {
			continue
		}
		lo, hi, end := parseRange(rs, i)
		// "5*5cm 3조각": a size, not the amount; go on after it.
		if end+1 < len(rs) && strings.ContainsRune("*xX×", rs[end]) && isDigit(rs[end+1]) {
			for end < len(rs) && !unicode.IsSpace(rs[end]) {
				end++
			}
			i = end
			continue
		}
		return lo, hi, rs[end:], true
	}
	// No digits: a number word directly followed by a known unit.
	s := string(rs)
	for _, p := range []string{"약", "각", "대략"} {
		s = strings.TrimSpace(strings.TrimPrefix(s, p))
	}
	for _, w := range numberWords {
		after, found := strings.CutPrefix(s, w.word)
		if !found {
			continue
		}
		if u := readUnit([]rune(after), 0); u != "" && knownUnit(u) {
			return w.n, w.n, []rune(after), true
		}
	}
	return 0, 0, nil, false
}

// parseRange parses "a", "a~b" or "a-b" at i (rs[i] is a digit).
func parseRange(rs []rune, i int) (lo, hi float64, end int) {
	lo, end = parseMixed(rs, i)
	j := skipSpaces(rs, end)
	if j < len(rs) && strings.ContainsRune("~-∼〜", rs[j]) {
		if k := skipSpaces(rs, j+1); k < len(rs) && isDigit(rs[k]) {
			hi, end = parseMixed(rs, k)
			if hi < lo {
				lo, hi = hi, lo
			}
			return lo, hi, end
		}
	}
	return lo, lo, end
}

// parseMixed parses a number, a fraction, or an integer and a fraction
// joined by 과/와/+/spaces ("1과1/2", "2와 1/2", "1+1/2", "1 1/2").
func parseMixed(rs []rune, i int) (float64, int) {
	v, end, whole := parseSimple(rs, i, true)
	if !whole {
		return v, end
	}
	j := end
	if j < len(rs) && (rs[j] == '과' || rs[j] == '와' || rs[j] == '+') {
		j++
	}
	j = skipSpaces(rs, j)
	if j == end || j >= len(rs) || !isDigit(rs[j]) {
		return v, end
	}
	if f, e, w := parseSimple(rs, j, false); !w && f < 1 {
		return v + f, e
	}
	return v, end
}

// parseSimple parses digits with optional thousands commas and decimals,
// or a fraction a/b. whole reports a plain integer.
func parseSimple(rs []rune, i int, repair bool) (v float64, end int, whole bool) {
	j := i
	var num []rune
	for j < len(rs) {
		switch {
		case isDigit(rs[j]):
			num = append(num, rs[j])
			j++
			continue
		case rs[j] == ',' && j+3 < len(rs) && allDigits(rs[j+1:j+4]) && (j+4 == len(rs) || !isDigit(rs[j+4])):
			j++ // "1,000g"
			continue
		}
		break
	}
	whole = true
	if j+1 < len(rs) && rs[j] == '.' && isDigit(rs[j+1]) {
		whole = false
		num = append(num, '.')
		for j++; j < len(rs) && isDigit(rs[j]); j++ {
			num = append(num, rs[j])
		}
	}
	v, _ = strconv.ParseFloat(string(num), 64)
	if j+1 < len(rs) && rs[j] == '/' && isDigit(rs[j+1]) {
		k := j + 1
		for k < len(rs) && isDigit(rs[k]) {
			k++
		}
		den, _ := strconv.ParseFloat(string(rs[j+1:k]), 64)
		if den > 0 {
			// "11/2" typed for "1 1/2" (see ParseAmount).
			if n := len(num); repair && whole && n == 2 && k-j-1 == 1 && num[1] > '0' && float64(num[1]-'0') < den {
				v = float64(num[0]-'0') + float64(num[1]-'0')/den
			} else {
				v /= den
			}
			return v, k, false
		}
	}
	return v, j, whole
}

func skipSpaces(rs []rune, i int) int {
	for i < len(rs) && unicode.IsSpace(rs[i]) {
		i++
	}
	return i
}

// readUnit reads the letters right after a quantity (spaces allowed
// before): "컵" of "1/2컵(55g)", "개씩" of "1/2개씩".
func readUnit(rs []rune, i int) string {
	i = skipSpaces(rs, i)
	j := i
	for j < len(rs) && unicode.IsLetter(rs[j]) {
		j++
	}
	return string(rs[i:j])
}

// Unit spellings mapped to one name. Case matters for T (tablespoon) and
// t (teaspoon); other Latin units are matched lowercased.
var (
	unitsExact = map[string]string{
		"T": "큰술", "Ts": "큰술", "TS": "큰술", "Tbs": "큰술", "t": "작은술", "ts": "작은술",
	}
	unitsLower = map[string]string{
		"tbs": "큰술", "tbsp": "큰술", "tsp": "작은술", "c": "컵", "cup": "컵", "cups": "컵",
		"g": "g", "gr": "g", "kg": "kg", "mg": "mg", "ml": "ml", "cc": "ml", "l": "L", "cm": "cm",
		"oz": "oz", "lb": "lb",
		"큰": "큰술", "큰술": "큰술", "큰스푼": "큰술", "밥숟가락": "큰술", "숟가락": "큰술", "스푼": "큰술",
		"작은술": "작은술", "작은스푼": "작은술", "티스푼": "작은술", "찻숟가락": "작은술",
		"컵": "컵", "그램": "g", "킬로": "kg", "킬로그램": "kg", "리터": "L", "미리": "ml",
		"밀리리터": "ml", "씨씨": "ml", "게": "개",
	}
	// Korean counting units kept as written; knownUnit also accepts them
	// after number words ("한 줌").
	countUnits = map[string]bool{
		"개": true, "대": true, "쪽": true, "모": true, "장": true, "줌": true, "뿌리": true,
		"마리": true, "단": true, "봉": true, "봉지": true, "통": true, "포기": true, "알": true,
		"톨": true, "줄기": true, "잎": true, "공기": true, "그릇": true, "근": true, "되": true,
		"말": true, "관": true, "토막": true, "조각": true, "덩이": true, "덩어리": true,
		"묶음": true, "인분": true, "큐브": true, "캔": true, "팩": true, "줄": true, "꼬집": true,
		"방울": true, "컵": true, "큰술": true, "작은술": true, "스푼": true, "숟가락": true,
	}
)

// normalizeUnit maps tablespoon/teaspoon/cup spellings to 큰술/작은술/컵,
// g/kg/ml/L spellings (cc → ml) to those, drops "씩"/"정도"/"가량", and
// keeps other units (개, 대, 쪽, 모, 장, 줌, 뿌리 …) as written.
func normalizeUnit(u string) string {
	for _, suffix := range []string{"씩", "정도", "가량"} {
		u = strings.TrimSuffix(u, suffix)
	}
	if n, ok := unitsExact[u]; ok {
		return n
	}
	if n, ok := unitsLower[strings.ToLower(u)]; ok {
		return n
	}
	return u
}

func knownUnit(u string) bool {
	n := normalizeUnit(u)
	_, latin := unitsLower[strings.ToLower(n)]
	return countUnits[n] || latin || countUnits[strings.TrimSuffix(n, "반")]
}
