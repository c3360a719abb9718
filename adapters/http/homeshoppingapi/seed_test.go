package homeshoppingapi_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/kokmeal/kokmeal/adapters/http/homeshoppingapi"
	"github.com/kokmeal/kokmeal/adapters/matcher"
	"github.com/kokmeal/kokmeal/adapters/seed"
)

// TestSeededSchedule serves what `kokmeal seed` generates: 14 days on 5
// channels pass the import's validation, and read back as Seoul days.
func TestSeededSchedule(t *testing.T) {
	vocab := []string{"소고기", "돼지고기", "고등어", "갈치", "굴비", "전복", "새우", "김치", "배추", "고춧가루", "참기름", "쌀", "닭가슴살", "오징어", "연어", "꽃게"}
	start := time.Date(2026, 11, 26, 0, 0, 0, 0, seed.Seoul)
	data := seed.Generate(seed.Config{Seed: 1, Products: 10, Ingredients: vocab, Start: start, Days: 14}, matcher.New(vocab, matcher.DefaultSynonyms()))
	s := newServer(t, start.Add(20*time.Hour), data.Channels, data.Broadcasts)

	var day homeshoppingapi.Schedule
	s.do(t, http.MethodGet, "/api/v1/home-shopping/schedule?date=2026-11-30", 0, http.StatusOK, &day)
	if len(day.Items) < 5*13 {
		t.Fatalf("%d broadcasts on a seeded day", len(day.Items))
	}
	for i, b := range day.Items {
		if d := b.StartsAt.Format("2006-01-02 -07:00"); d != "2026-11-30 +09:00" {
			t.Fatalf("item %d starts %s", i, b.StartsAt.Format(time.RFC3339))
		}
		if i > 0 && b.StartsAt.Before(day.Items[i-1].StartsAt) {
			t.Fatal("not by start")
		}
	}
	// The seed's broadcast day runs 06:00 to 02:00; the schedule lists
	// calendar days in Seoul, so every broadcast is on exactly one day and
	// those after midnight open the next day's listing.
	seen := map[int64]bool{}
	for d := start; d.Before(start.AddDate(0, 0, 15)); d = d.AddDate(0, 0, 1) {
		s.do(t, http.MethodGet, "/api/v1/home-shopping/schedule?date="+d.Format("2006-01-02"), 0, http.StatusOK, &day)
		for _, b := range day.Items {
			if seen[b.ID] {
				t.Fatalf("broadcast %d listed on two days", b.ID)
			}
			seen[b.ID] = true
		}
	}
	if len(seen) != len(data.Broadcasts) {
		t.Fatalf("the days list %d of %d broadcasts", len(seen), len(data.Broadcasts))
	}
	s.do(t, http.MethodGet, "/api/v1/home-shopping/schedule?date=2026-12-01", 0, http.StatusOK, &day)
	if first := day.Items[0].StartsAt.Format(time.RFC3339); !strings.HasPrefix(first, "2026-12-01T00:") {
		t.Fatalf("2026-12-01 opens with %s, want the 00:xx late show", first)
	}

	var hits struct {
		Total int `json:"total"`
	}
	s.do(t, http.MethodGet, "/api/v1/home-shopping/search?q="+url.QueryEscape("ㄱㄷㅇ"), 0, http.StatusOK, &hits)
	if hits.Total == 0 {
		t.Fatal("초성 ㄱㄷㅇ finds no 고등어 broadcast")
	}

	var live homeshoppingapi.Live
	s.do(t, http.MethodGet, "/api/v1/home-shopping/live", 0, http.StatusOK, &live)
	if len(live.Items) != 5 {
		t.Fatalf("%d channels on air at 20:00, want all 5", len(live.Items))
	}
}
