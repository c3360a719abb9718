package recipeapi_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/kokmeal/kokmeal/adapters/recipedata"
)

// BenchmarkDetailHandler is GET /api/v1/recipes/{id} through the whole kit
// middleware chain in process (no network): the server-side cost behind
// the gateway's requests/s. Figures are printed, never asserted.
func BenchmarkDetailHandler(b *testing.B) {
	e := setup(b)
	rs, err := recipedata.Load()
	if err != nil {
		b.Fatal(err)
	}
	reqs := make([]*http.Request, len(rs))
	for i, r := range rs {
		reqs[i] = httptest.NewRequest("GET", "/api/v1/recipes/"+strconv.FormatInt(r.ID, 10), nil)
	}
	b.ReportAllocs()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := time.Now()
		rec := httptest.NewRecorder()
		e.h.ServeHTTP(rec, reqs[i%len(reqs)])
		lat = append(lat, time.Since(t))
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2]), "p50-ns")
	b.ReportMetric(float64(lat[len(lat)*99/100]), "p99-ns")
}
