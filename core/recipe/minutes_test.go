package recipe_test

import (
	"testing"

	"github.com/kokmeal/kokmeal/core/recipe"
)

func TestParseMinutes(t *testing.T) {
	for in, want := range map[string]int{
		"60분": 60, "5분": 5, "1시간 30분": 90, "2시간": 120, "1시간30분": 90, " 90 ": 90, "175분": 175,
	} {
		if got, ok := recipe.ParseMinutes(in); !ok || got != want {
			t.Errorf("ParseMinutes(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "분", "약 30분", "30분 이상", "-5분", "1441분", "25시간", "30초", "99999분", "1시간 1시간x"} {
		if got, ok := recipe.ParseMinutes(in); ok {
			t.Errorf("ParseMinutes(%q) = %d, ok; want not ok", in, got)
		}
	}
}

func FuzzParseMinutes(f *testing.F) {
	for _, s := range []string{"60분", "1시간 30분", "2시간", "90", "약간"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if m, ok := recipe.ParseMinutes(s); ok && (m < 0 || m > recipe.MaxMinutes) {
			t.Fatalf("ParseMinutes(%q) = %d", s, m)
		}
	})
}
