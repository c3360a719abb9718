package korean

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"
)

type product struct{ name, brand, category string }

// syntheticProducts returns n deterministic product names shaped like a
// Korean grocery mall's: "[비비고] 국내산 깐마늘 1kg".
func syntheticProducts(n int) []product {
	brands := []string{"비비고", "풀무원", "오뚜기", "청정원", "동원", "CJ", "농심", "해태",
		"사조", "하림", "대상", "샘표", "종가집", "노브랜드", "피코크", "곰곰", "백설", "양반",
		"목우촌", "남양", "매일", "서울우유", "빙그레", "롯데", "삼양", "팔도", "아워홈", "한살림"}
	quals := []string{"국내산", "국산", "유기농", "무농약", "친환경", "프리미엄", "냉동", "냉장",
		"햇", "특대", "실속", "대용량", "간편", "손질", "", "", ""}
	items := []struct{ name, cat string }{
		{"깐마늘", "채소"}, {"다진마늘", "채소"}, {"양파", "채소"}, {"대파", "채소"}, {"쪽파", "채소"},
		{"감자", "채소"}, {"고구마", "채소"}, {"당근", "채소"}, {"애호박", "채소"}, {"배추", "채소"},
		{"무", "채소"}, {"시금치", "채소"}, {"콩나물", "채소"}, {"숙주", "채소"}, {"청양고추", "채소"},
		{"두부", "두부·묵"}, {"순두부", "두부·묵"}, {"도토리묵", "두부·묵"}, {"계란", "달걀"},
		{"삼겹살", "정육"}, {"목살", "정육"}, {"앞다리살", "정육"}, {"닭가슴살", "정육"},
		{"닭다리", "정육"}, {"소고기 국거리", "정육"}, {"한우 불고기", "정육"}, {"고등어", "수산"},
		{"갈치", "수산"}, {"오징어", "수산"}, {"새우", "수산"}, {"김치찌개", "간편식"},
		{"된장찌개", "간편식"}, {"부대찌개", "간편식"}, {"순두부찌개", "간편식"}, {"김치볶음밥", "간편식"},
		{"떡볶이", "간편식"}, {"물만두", "간편식"}, {"왕교자", "간편식"}, {"포기김치", "김치"},
		{"깍두기", "김치"}, {"총각김치", "김치"}, {"열무김치", "김치"}, {"고추장", "장류"},
		{"된장", "장류"}, {"쌈장", "장류"}, {"진간장", "장류"}, {"고춧가루", "양념"},
		{"참기름", "양념"}, {"들기름", "양념"}, {"식용유", "양념"}, {"설탕", "양념"}, {"소금", "양념"},
		{"햇반", "즉석밥"}, {"라면", "면"}, {"짜장면", "면"}, {"냉면", "면"}, {"우동", "면"},
		{"어묵", "가공식품"}, {"햄", "가공식품"}, {"비엔나 소시지", "가공식품"}, {"치즈", "유제품"},
		{"우유", "유제품"}, {"요거트", "유제품"}, {"사과", "과일"}, {"배", "과일"}, {"귤", "과일"},
		{"딸기", "과일"}, {"바나나", "과일"},
	}
	sizes := []string{"1kg", "500g", "300g", "2kg", "200g x 3", "10개입", "30구", "1L", "900ml",
		"4인분", "2팩", "5봉", "1.5kg", "800g"}
	suffixes := []string{"", "", "", " (냉동)", " 특가", " 2개", " 묶음", " 선물세트"}
	r := rand.New(rand.NewPCG(42, 2024))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	out := make([]product, n)
	for i := range out {
		brand, it := pick(brands), items[r.IntN(len(items))]
		q, size := pick(quals), pick(sizes)
		var name string
		switch r.IntN(3) {
		case 0:
			name = fmt.Sprintf("[%s] %s %s %s", brand, q, it.name, size)
		case 1:
			name = fmt.Sprintf("%s %s%s %s", brand, q, it.name, size)
		default:
			name = fmt.Sprintf("%s %s %s", q, it.name, size)
		}
		out[i] = product{name + pick(suffixes), brand, it.cat}
	}
	return out
}

var (
	benchOnce sync.Once
	benchIx   *Index
	benchTook time.Duration
)

func benchIndex() *Index {
	benchOnce.Do(func() {
		start := time.Now()
		benchIx = new(Index)
		for i, p := range syntheticProducts(100_000) {
			benchIx.Add(int64(i+1), Field{p.name, 3}, Field{p.brand, 1}, Field{p.category, 1})
		}
		benchTook = time.Since(start)
	})
	return benchIx
}

// BenchmarkSearch measures Search (limit 20) over 100,000 synthetic product
// names, per kind of query, reporting per-query p50/p99 latencies.
func BenchmarkSearch(b *testing.B) {
	ix := benchIndex()
	b.Logf("built index of %d products in %v", ix.Len(), benchTook)
	kinds := []struct {
		name    string
		queries []string
	}{
		{"word", []string{"깐마늘", "삼겹살", "고추장", "햇반"}},
		{"prefix", []string{"닭가", "순두", "열무"}},
		{"substring", []string{"마늘", "찌개", "김치"}},
		{"common", []string{"국내산", "1kg", "냉동"}},
		{"spacing", []string{"김치 찌개", "김치찌개", "비엔나소시지"}},
		{"multiword", []string{"비비고 만두", "국내산 마늘 1kg", "풀무원 두부"}},
		{"choseong", []string{"ㄱㅊㅉㄱ", "ㄷㅈ", "ㅅㄱㅅ", "ㄱ"}},
		{"typo", []string{"김치찌게", "된장찌게", "떡볶기", "닭가슴설"}},
		{"latin", []string{"cj", "CJ 햇반"}},
		{"syllable", []string{"파", "무"}},
		{"none", []string{"초콜릿", "ㅃㅃㅃ"}},
	}
	for _, k := range kinds {
		b.Run(k.name, func(b *testing.B) {
			durs := make([]time.Duration, 0, b.N)
			hits := 0
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				start := time.Now()
				hits += len(ix.Search(k.queries[i%len(k.queries)], 20, nil))
				durs = append(durs, time.Since(start))
			}
			b.StopTimer()
			reportPercentiles(b, durs)
			b.ReportMetric(float64(hits)/float64(b.N), "hits/op")
		})
	}
	// Match returns every hit: the cost of filtering/sorting/counting all.
	b.Run("match-all", func(b *testing.B) {
		qs := []string{"찌개", "국내산", "ㄱㅊ", "김치찌게"}
		durs := make([]time.Duration, 0, b.N)
		hits := 0
		b.ReportAllocs()
		b.ResetTimer()
		for i := range b.N {
			start := time.Now()
			hits += len(ix.Match(qs[i%len(qs)]))
			durs = append(durs, time.Since(start))
		}
		b.StopTimer()
		reportPercentiles(b, durs)
		b.ReportMetric(float64(hits)/float64(b.N), "hits/op")
	})
}

func reportPercentiles(b *testing.B, durs []time.Duration) {
	slices.Sort(durs)
	at := func(p float64) float64 {
		return float64(durs[int(p*float64(len(durs)-1))].Microseconds())
	}
	b.ReportMetric(at(0.50), "p50-µs")
	b.ReportMetric(at(0.99), "p99-µs")
}
