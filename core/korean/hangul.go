// Package korean provides Korean-aware text helpers (초성, folding, jamo
// distance) and an in-memory inverted index for searching short Korean
// texts such as product names, broadcast titles and recipe names.
package korean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Unicode Hangul constants (Unicode §3.12, "Conjoining Jamo Behavior").
const (
	sBase  = 0xAC00
	sLast  = 0xD7A3
	lBase  = 0x1100
	vBase  = 0x1161
	tBase  = 0x11A7
	lCount = 19
	vCount = 21
	tCount = 28
	nCount = vCount * tCount
)

// Compatibility jamo for the conjoining leads, vowels and tails, in Unicode
// index order. Compatibility jamo are what keyboards type ("ㄱㅊ").
var (
	compatL = []rune("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ")
	compatV = []rune("ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ")
	compatT = []rune("ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")
)

func isSyllable(r rune) bool { return r >= sBase && r <= sLast }
func isLead(r rune) bool     { return r >= lBase && r < lBase+lCount }
func isVowel(r rune) bool    { return r >= vBase && r < vBase+vCount }
func isTail(r rune) bool     { return r > tBase && r < tBase+tCount }

// isInitial reports whether r is a compatibility jamo that can start a
// syllable (ㄱ ㄲ ㄴ … ㅎ, not clusters like ㄳ): the alphabet of 초성 queries.
func isInitial(r rune) bool {
	if r < 'ㄱ' || r > 'ㅎ' {
		return false
	}
	for _, c := range compatL {
		if c == r {
			return true
		}
	}
	return false
}

// initialOf returns the 초성 of a syllable as a compatibility jamo, or r
// itself when r is not a precomposed syllable.
func initialOf(r rune) rune {
	if isSyllable(r) {
		return compatL[(r-sBase)/nCount]
	}
	return r
}

func hasConjoining(s string) bool {
	for i := 0; i < len(s); i++ {
		// Conjoining jamo U+1100..U+11FF are encoded as E1 84..E1 87 xx.
		if s[i] == 0xE1 && i+1 < len(s) && s[i+1] >= 0x84 && s[i+1] <= 0x87 {
			return true
		}
	}
	return false
}

// compose turns conjoining jamo sequences (NFD Hangul, U+1100..) into
// precomposed syllables, and maps leftover modern conjoining jamo to their
// compatibility forms, so that the result never contains modern conjoining
// jamo: that makes it idempotent. Archaic jamo are left alone.
func compose(s string) string {
	if !hasConjoining(s) {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case isLead(r) && i+1 < len(rs) && isVowel(rs[i+1]):
			syl := sBase + ((r-lBase)*vCount+(rs[i+1]-vBase))*tCount
			i++
			if i+1 < len(rs) && isTail(rs[i+1]) {
				syl += rs[i+1] - tBase
				i++
			}
			b.WriteRune(syl)
		case isSyllable(r) && (r-sBase)%tCount == 0 && i+1 < len(rs) && isTail(rs[i+1]):
			b.WriteRune(r + rs[i+1] - tBase)
			i++
		case isLead(r):
			b.WriteRune(compatL[r-lBase])
		case isVowel(r):
			b.WriteRune(compatV[r-vBase])
		case isTail(r):
			b.WriteRune(compatT[r-tBase-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Compose returns s with conjoining jamo sequences composed into Hangul
// syllables (the Hangul part of NFC), using only the Unicode algorithm.
func Compose(s string) string { return compose(s) }

// Choseong returns the initial consonant (초성) of every Hangul syllable in
// s, as compatibility jamo; other characters are kept, lowercased.
// Choseong("김치찌개") == "ㄱㅊㅉㄱ".
func Choseong(s string) string {
	s = compose(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isSyllable(r) {
			b.WriteRune(initialOf(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// IsChoseong reports whether q is a 초성 query: at least one initial
// consonant (ㄱ..ㅎ, compatibility jamo) and nothing else but spaces.
func IsChoseong(q string) bool {
	q = compose(q)
	seen := false
	for _, r := range q {
		switch {
		case isInitial(r):
			seen = true
		case unicode.IsSpace(r):
		default:
			return false
		}
	}
	return seen
}

func keep(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Fold lowercases s and keeps only letters and digits (Hangul included), so
// that spacing and punctuation never matter: Fold("[비비고] 김치 찌개!") ==
// "비비고김치찌개". Fold is idempotent.
func Fold(s string) string {
	s = compose(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r = unicode.ToLower(r); keep(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Decompose spells every Hangul syllable of s as its compatibility jamo
// ("김" → "ㄱㅣㅁ"); other characters are kept. Compound vowels and final
// clusters stay single jamo (ㅘ, ㄳ), as a keyboard-agnostic approximation.
func Decompose(s string) string {
	s = compose(s)
	var b strings.Builder
	b.Grow(len(s) * 3)
	for _, r := range s {
		if !isSyllable(r) {
			b.WriteRune(r)
			continue
		}
		i := r - sBase
		b.WriteRune(compatL[i/nCount])
		b.WriteRune(compatV[i%nCount/tCount])
		if t := i % tCount; t > 0 {
			b.WriteRune(compatT[t-1])
		}
	}
	return b.String()
}

// JamoDistance is the Levenshtein distance between the jamo spellings of
// Fold(a) and Fold(b): "찌개" and "찌게" are 1 apart (ㅐ/ㅔ).
func JamoDistance(a, b string) int {
	x := appendJamo(nil, Fold(a))
	y := appendJamo(nil, Fold(b))
	return levenshtein(x, y)
}

// appendJamo appends the jamo codes of s: syllables become conjoining jamo
// code points (distinct from any text rune), other runes stay as they are.
func appendJamo(dst []rune, s string) []rune {
	for _, r := range s {
		dst = appendRuneJamo(dst, r)
	}
	return dst
}

func appendRuneJamo(dst []rune, r rune) []rune {
	if !isSyllable(r) {
		return append(dst, r)
	}
	i := r - sBase
	dst = append(dst, lBase+i/nCount, vBase+i%nCount/tCount)
	if t := i % tCount; t > 0 {
		dst = append(dst, tBase+t)
	}
	return dst
}

func levenshtein(a, b []rune) int {
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			up := row[j]
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			row[j] = min(row[j]+1, row[j-1]+1, diag+cost)
			diag = up
		}
	}
	return row[len(b)]
}

// substringDistance is the smallest edit distance between pat and any
// substring of text (Sellers' algorithm), capped at k+1 so callers can stop
// caring past their threshold. row is scratch of at least len(pat)+1.
func substringDistance(text, pat []rune, k int, row []int) int {
	m := len(pat)
	row = row[:m+1]
	for i := range row {
		row[i] = i
	}
	best := m
	for _, c := range text {
		diag := 0 // row[0] stays 0: a match may start anywhere
		for i := 1; i <= m; i++ {
			up := row[i]
			cost := 1
			if pat[i-1] == c {
				cost = 0
			}
			v := min(up+1, row[i-1]+1, diag+cost)
			row[i] = v
			diag = up
		}
		best = min(best, row[m])
		if best == 0 {
			return 0
		}
	}
	if best > k {
		return k + 1
	}
	return best
}

// runeClass separates digits, Hangul and other letters so that "1kg" and
// "cj제일제당" have word boundaries between scripts.
func runeClass(r rune) int {
	switch {
	case r < utf8.RuneSelf && r >= '0' && r <= '9', unicode.IsDigit(r):
		return 1
	case isSyllable(r), r >= 0x3131 && r <= 0x318E:
		return 2
	default:
		return 3
	}
}
