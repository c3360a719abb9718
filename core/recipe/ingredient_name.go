package recipe

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IngredientKey normalises an ingredient name so that one ingredient has
// one key, shared by recipes, products and what users type. The key names
// what you buy or have, not how it is prepared:
//
//   - a leading label in brackets goes: "[양념장] 고춧가루" → "고춧가루";
//   - of a list, the first item stays: "소금, 후추" → "소금", "무,래디쉬" → "무";
//   - a parenthetical goes: "대파(흰부분)" → "대파", "쇠고기(안심 또는 등심)" →
//     "쇠고기"; but after a generic word (다짐육, 물, 허브) the parenthetical is
//     the ingredient: "다짐육(돼지고기)" → "돼지고기", "허브(민트)" → "민트";
//   - spaces go: "다진 마늘" → "다진마늘";
//   - preparation and purpose prefixes go (다진, 채썬, 저민, 삶은, 데친, 볶은,
//     불린, 절인, 구운, 고운, 굵은, 국물용, 육수용 …): "다진마늘" → "마늘",
//     "삶은계란" → "달걀". 말린 stays: dried goods are other products;
//   - spelling variants and synonyms map to one form (synonyms): 계란 → 달걀,
//     소고기 → 쇠고기, 파 → 대파, 고추가루 → 고춧가루, 미림 → 맛술 …, also as
//     the head of a longer name ("계란노른자" → "달걀노른자").
//
// So user input "마늘" matches a recipe's "다진마늘", and an allergy to
// "계란" excludes "달걀노른자".
func IngredientKey(name string) string {
	s := strings.TrimSpace(name)
	// "[양념장] 고춧가루": drop the label when something follows it.
	if strings.HasPrefix(s, "[") {
		if i := strings.IndexByte(s, ']'); i > 0 && strings.TrimSpace(s[i+1:]) != "" {
			s = strings.TrimSpace(s[i+1:])
		}
	}
	// Lists: keep the first non-empty item.
	for _, item := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(",/·、", r) }) {
		if strings.TrimSpace(item) != "" {
			s = item
			break
		}
	}
	s = dropParenthetical(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
	s = strings.TrimSuffix(s, "각각")
	for changed := true; changed; {
		changed = false
		for _, p := range prepPrefixes {
			rest, ok := strings.CutPrefix(s, p)
			if ok && utf8.RuneCountInString(rest) >= minRest(p) {
				s, changed = rest, true
			}
		}
	}
	if k, ok := synonyms[s]; ok {
		return k
	}
	for _, h := range headSynonyms {
		if rest, ok := strings.CutPrefix(s, h.from); ok {
			return h.to + rest
		}
	}
	return s
}

// genericNames are outer names whose parenthetical is the real ingredient.
var genericNames = map[string]bool{"다짐육": true, "물": true, "허브": true, "고기": true}

// dropParenthetical removes "(…)" parts (an unclosed one runs to the end),
// or returns the parenthetical when the outer name is generic or empty.
func dropParenthetical(s string) string {
	i := strings.IndexAny(s, "([{（")
	if i < 0 {
		return s
	}
	outer := strings.TrimSpace(s[:i])
	inner := s[i+1:]
	if j := strings.IndexAny(inner, ")]}）"); j >= 0 {
		rest := strings.TrimSpace(inner[j+1:])
		inner = inner[:j]
		if outer == "" && rest != "" {
			outer = rest // "(국산) 마늘"
		}
	}
	inner = strings.TrimSpace(inner)
	if (outer == "" || genericNames[outer]) && inner != "" {
		return dropParenthetical(inner)
	}
	return outer
}

// prepPrefixes say how an ingredient is prepared or used, not what it is.
// Longer ones first so "다진" is not read as something shorter.
var prepPrefixes = []string{
	"국물용", "육수용", "장식용", "절임용", "고명용",
	"다진", "채썬", "저민", "삶은", "데친", "볶은", "불린", "절인", "구운", "고운", "굵은",
	"찐",
}

// minRest is the shortest name a prefix may leave: one-syllable prefixes
// need two syllables after them ("찐옥수수" → "옥수수", but "찐빵" stays).
func minRest(prefix string) int {
	if utf8.RuneCountInString(prefix) == 1 {
		return 2
	}
	return 1
}

// synonyms map a whole (normalised) name to its key: spelling variants,
// typos seen in the data, and names of one thing.
var synonyms = map[string]string{
	"파":       "대파", // unqualified 파 in Korean recipes is 대파
	"계란":      "달걀",
	"소고기":     "쇠고기",
	"고춧기름":    "고추기름",
	"후춧가루":    "후추",
	"흰후춧가루":   "흰후추",
	"마요네스":    "마요네즈",
	"머스타드":    "머스터드",
	"머드터드":    "머스터드",
	"허니머스타드":  "허니머스터드",
	"케찹":      "케첩",
	"토마토케찹":   "케첩",
	"토마토케첩":   "케첩",
	"샐러리":     "셀러리",
	"가쓰오브시":   "가쓰오부시",
	"가쯔오브시":   "가쓰오부시",
	"가다랑이포":   "가쓰오부시",
	"들깻가루":    "들깨가루",
	"배춧잎":     "배추잎",
	"김칫잎":     "김치잎",
	"조개살":     "조갯살",
	"콘프레이크":   "콘플레이크",
	"피쉬소스":    "피시소스",
	"파마르산치즈":  "파마산치즈",
	"파마산치즈치즈": "파마산치즈",
	"트레비스":    "트레비소",
	"쭈꾸미":     "주꾸미",
	"아구":      "아귀",
	"소급":      "소금",
	"생각":      "생강", // "다진생각"
	"식파":      "실파", // "다진식파"
	"간마늘":     "마늘",
	"통마늘":     "마늘",
	"간생강":     "생강",
	"녹말가루":    "녹말",
	"올리브유":    "올리브오일",
	"식물성기름":   "식용유",
	"기름":      "식용유",
	"샐러드오일":   "식용유",
	"숙주나물":    "숙주",
	"토마토페스트":  "토마토페이스트",
	"청장":      "국간장",
	"미림":      "맛술",
	"요리술":     "맛술",
	"조미술":     "맛술",
	"정종":      "청주",
	"국멸치":     "멸치",
	"풋고추":     "청고추",
	"붉은고추":    "홍고추",
	"흰설탕":     "설탕",
	"생수":      "물",
	"찬물":      "물",
	"고추냉이":    "와사비",
	"양송이":     "양송이버섯",
	"쇠꼬리":     "소꼬리",
	"다시마국물":   "다시마육수",
	"다시마우린물":  "다시마육수",
	"멸칫국물":    "멸치육수",
	"멸치다시물":   "멸치육수",
}

// headSynonyms rewrite the head of a compound name: "계란노른자" →
// "달걀노른자". Only heads that cannot start another word are listed (not
// 파: 파슬리).
var headSynonyms = []struct{ from, to string }{
	{"계란", "달걀"},
	{"소고기", "쇠고기"},
	{"돼기고기", "돼지고기"},
	{"고추가루", "고춧가루"},
	{"쭈꾸미", "주꾸미"},
}
