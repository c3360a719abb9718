package recipe

import (
	"strconv"
	"strings"
)

// ParseMinutes reads a cooking time as written ("60분", "1시간 30분",
// "2시간", "90") into minutes. ok is false for anything else, including
// times over a day.
func ParseMinutes(s string) (minutes int, ok bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if s == "" {
		return 0, false
	}
	total, seen := 0, false
	for s != "" {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 || i > 4 {
			return 0, false
		}
		n, _ := strconv.Atoi(s[:i])
		s = s[i:]
		switch {
		case strings.HasPrefix(s, "시간"):
			n *= 60
			s = s[len("시간"):]
		case strings.HasPrefix(s, "분"):
			s = s[len("분"):]
		case s == "" && !seen:
			// a bare number is minutes
		default:
			return 0, false
		}
		total += n
		seen = true
	}
	if total > MaxMinutes {
		return 0, false
	}
	return total, true
}
