package seed

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/kokmeal/kokmeal/core/kok"
)

// Brands by category, then by the top level as a fallback.
var brandsByCategory = map[string][]string{
	"정육/소고기":    {"횡성축협", "정육각", "곰곰", "미트박스", "한우명가"},
	"정육/돼지고기":   {"도드람", "정육각", "곰곰", "선진포크", "하이포크"},
	"정육/닭고기":    {"하림", "마니커", "목우촌", "곰곰", "올품"},
	"정육/계란":     {"풀무원", "곰곰", "자연애", "가농"},
	"양념/장류":     {"샘표", "청정원", "해찬들", "몽고", "대상", "신송"},
	"양념/설탕·소금":  {"백설", "CJ", "청정원", "대상", "신안섬"},
	"양념/식초·당류":  {"오뚜기", "청정원", "백설", "동서", "곰곰"},
	"양념/기름":     {"백설", "오뚜기", "해표", "청정원", "곰곰", "올리타리아"},
	"양념/소스":     {"오뚜기", "청정원", "이금기", "하인즈", "백설"},
	"양념/조미료":    {"백설", "롯데", "청정원", "대상", "오뚜기"},
	"양념/향신료":    {"오뚜기", "청정원", "곰곰", "허브누리"},
	"가루/밀가루·전분": {"백설", "곰표", "오뚜기", "큐원"},
	"면/국수·면":    {"오뚜기", "농심", "면사랑", "칠갑농산", "풀무원", "바릴라"},
	"가공/두부·묵":   {"풀무원", "CJ", "맑은물에", "곰곰"},
	"가공/어묵·햄":   {"대림", "삼진어묵", "CJ", "목우촌", "롯데", "사조"},
	"가공/통조림":    {"동원", "오뚜기", "사조", "델몬트", "폰타나"},
	"가공/김치·절임":  {"종가", "비비고", "피코크", "일미"},
	"가공/떡":      {"송학", "곰곰", "칠갑농산"},
	"유제품/우유·크림": {"서울우유", "매일", "남양", "상하목장"},
	"유제품/치즈·버터": {"서울우유", "매일", "덴마크", "앵커"},
	"베이커리/빵":    {"삼립", "뚜레쥬르", "곰곰"},
	"베이커리/제과재료": {"오뚜기", "큐원", "스키피"},
	"간편식/밥":     {"CJ", "오뚜기", "곰곰"},
	"간편식/수프":    {"오뚜기", "청정원"},
	"채소":        {"농협", "자연맛남", "산지애", "곰곰", "팜플러스", "초록마을", "청년농부"},
	"과일":        {"농협", "자연맛남", "산지애", "곰곰", "과일궁"},
	"견과·건과":     {"HBAF", "곰곰", "산지애", "경동시장"},
	"쌀·잡곡":      {"농협", "곰곰", "이천농협", "철원농협", "해들녘"},
	"수산":        {"바다원", "해맑은", "완도수협", "곰곰", "어부의바다", "씨푸드"},
	"식품":        {"곰곰", "콕마켓"},
}

// Stores by top-level category; branded goods also sell in the brand's own
// store.
var storesByTop = map[string][]string{
	"채소":    {"콕 신선마켓", "농협 하나로 직송관", "산지직송 햇살농원", "청년농부 직거래"},
	"과일":    {"콕 신선마켓", "제철과일 모음전", "산지직송 햇살농원"},
	"견과·건과": {"콕 신선마켓", "경동시장 건강마켓"},
	"쌀·잡곡":  {"콕 신선마켓", "농협 하나로 직송관", "우리쌀 곳간"},
	"정육":    {"콕 정육점", "한우명가 직영점", "정육각 스토어"},
	"수산":    {"콕 수산", "완도 바다마켓", "노량진 직송"},
}

var qualifiersByTop = map[string][]string{
	"채소":    {"", "", "", "국내산", "국산", "친환경", "무농약", "유기농", "GAP", "산지직송"},
	"과일":    {"", "", "국내산", "산지직송", "GAP", "못난이"},
	"쌀·잡곡":  {"", "", "국산", "유기농", "무농약"},
	"정육":    {"", "", "냉장", "냉동"},
	"수산":    {"", "", "국산", "냉동", "손질", "자연산"},
	"견과·건과": {"", "", "국산"},
}

func top(category string) string {
	t, _, _ := strings.Cut(category, "/")
	return t
}

func brandsFor(category string) []string {
	if b, ok := brandsByCategory[category]; ok {
		return b
	}
	if b, ok := brandsByCategory[top(category)]; ok {
		return b
	}
	return brandsByCategory["식품"]
}

// skipKeys are recipe ingredient names that are not sold as such: parts
// and states of something (계란노른자, 불린미역, 찬밥), broths, generic
// words, and misspellings in the recipe data.
var skipKeys = set(`계란노른자 계란흰자 달걀노른자 찬밥 불린쌀 불린미역 김칫국물 동치미국물 멸칫국물
	다시마국물 가쓰오브시국물 맛국물 쇠고기육수 닭육수 육수 김칫잎 김치잎 배춧잎 배추잎 양배추잎 적양배추잎
	상추잎 근대잎 당근잎 파뿌리 장어뼈 장어대리 토란탕 양념 소스 기름 채소 허브 채썬마늘 채썬생강
	채썬쇠고기 저민마늘 간마늘 간생강 다진청고추 다진홍고추 다진풋고추 다진고추 다진식파 장식용어묵
	육수용대파 육수용무 시판용장국 삶은문어살 새우젓국 젓국 액체육젓 양념간장 양념장 돼기고기 다진생각
	소급 참쌀 머드터드 파마산치즈치즈 토마토페스트 파마르산치즈 가쯔오브시 체리알 절임무 동치미무
	통파 가는파 굵은파 붉은고추 삭힌고추 무지개고추 이태리고추 오곡곡물 모듬채소 흰살생선 생선살 게
	소잡뼈 쇠뼈 맛살조개 조개살 조갯살 중새우 중새우살 잔새우 가재새우 참소라살 검은껍질홍합 해초`)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// fallbackRules guess the category and a pack of an ingredient the
// catalogue does not list, from how its name ends.
var fallbackRules = []struct {
	suffix, category string
	pack             pack
}{
	{"버섯", "채소/버섯", pack{"300g", 4990}},
	{"고추", "채소/고추", pack{"300g", 2990}},
	{"파", "채소/마늘·양파", pack{"300g", 3490}},
	{"마늘", "채소/마늘·양파", pack{"300g", 4990}},
	{"양파", "채소/마늘·양파", pack{"500g", 3490}},
	{"가루", "가루/밀가루·전분", pack{"500g", 4990}},
	{"분말", "가루/밀가루·전분", pack{"100g", 5990}},
	{"소스", "양념/소스", pack{"300g", 3990}},
	{"드레싱", "양념/소스", pack{"300g", 3990}},
	{"치즈", "유제품/치즈·버터", pack{"200g", 5990}},
	{"젓", "수산/젓갈·액젓", pack{"500g", 9900}},
	{"젓갈", "수산/젓갈·액젓", pack{"500g", 9900}},
	{"김치", "가공/김치·절임", pack{"1kg", 7900}},
	{"면", "면/국수·면", pack{"500g", 3490}},
	{"국수", "면/국수·면", pack{"500g", 3490}},
	{"통조림", "가공/통조림", pack{"400g", 3490}},
	{"캔", "가공/통조림", pack{"150g", 2990}},
	{"장", "양념/장류", pack{"500g", 4990}},
	{"간장", "양념/장류", pack{"500ml", 4990}},
	{"된장", "양념/장류", pack{"500g", 5990}},
	{"유", "양념/기름", pack{"500ml", 7900}},
	{"오일", "양념/기름", pack{"500ml", 9900}},
	{"알", "수산/젓갈·액젓", pack{"100g", 6990}},
	{"새우", "수산/새우·게", pack{"500g", 12900}},
	{"살", "수산/조개·해산물", pack{"500g", 12900}},
	{"나물", "채소/나물", pack{"200g", 3490}},
	{"잎", "채소/잎채소", pack{"200g", 2990}},
	{"콩", "쌀·잡곡/잡곡", pack{"1kg", 8900}},
	{"쌀", "쌀·잡곡/쌀", pack{"4kg", 15900}},
	{"빵", "베이커리/빵", pack{"1봉", 3990}},
}

func fallback(key string) variant {
	v := variant{key: key, category: "식품/기타", weight: 1, surfaces: []string{key}, packs: []pack{{"1팩", 5990}}}
	best := 0
	for _, f := range fallbackRules {
		if strings.HasSuffix(key, f.suffix) && len(f.suffix) > best {
			best = len(f.suffix)
			v.category, v.packs = f.category, []pack{f.pack}
		}
	}
	return v
}

// plan lists the variants to sell: the catalogue's for ingredients in the
// vocabulary (all of them if there is none) and its foods no recipe names,
// then a plain product for each other vocabulary key the matcher
// recognises by name.
func plan(ingredients []string, m kok.IngredientMatcher) []variant {
	cat := loadCatalogue()
	vocab := map[string]bool{}
	for _, k := range ingredients {
		vocab[k] = true
	}
	var vs []variant
	listed := map[string]bool{}
	for _, v := range cat.variants {
		if v.key == "-" || vocab[v.key] || len(vocab) == 0 {
			vs = append(vs, v)
			listed[v.key] = true
		}
	}
	for _, k := range ingredients {
		if listed[k] || skipKeys[k] {
			continue
		}
		listed[k] = true
		v := fallback(k)
		if got, ok := m.Match("[곰곰] " + k + " " + v.packs[0].unit); ok && got == k {
			vs = append(vs, v)
		}
	}
	return vs
}

type productGen struct {
	r     *rand.Rand
	m     kok.IngredientMatcher
	start time.Time
	sb    strings.Builder
}

func products(cfg Config, m kok.IngredientMatcher, start time.Time, r *rand.Rand) []kok.Product {
	n := max(cfg.Products, 0)
	g := &productGen{r: r, m: m, start: start}
	vs := plan(cfg.Ingredients, m)
	nReady := n * 15 / 100
	nNonFood := n * 5 / 100
	nIng := n - nReady - nNonFood
	ps := make([]kok.Product, 0, n)

	// First one product per ingredient key, so every key is on sale,
	// then the rest by weight.
	// In random order, so a small catalogue is a sample of every aisle.
	seen := map[string]bool{}
	for _, i := range r.Perm(len(vs)) {
		if len(ps) == nIng {
			break
		}
		if v := &vs[i]; v.key != "-" && !seen[v.key] {
			seen[v.key] = true
			// A random name may qualify the key into another one
			// (적양배추 reads 양배추); draw again a few times.
			p := g.ingredient(v)
			for try := 0; try < 8 && p.Ingredient != v.key; try++ {
				p = g.ingredient(v)
			}
			ps = append(ps, p)
		}
	}
	cum := make([]int, len(vs))
	total := 0
	for i, v := range vs {
		total += v.weight
		cum[i] = total
	}
	for len(ps) < nIng && total > 0 {
		ps = append(ps, g.ingredient(&vs[searchInts(cum, r.IntN(total))]))
	}
	cat := loadCatalogue()
	for range nReady {
		ps = append(ps, g.ready(pick(r, cat.ready)))
	}
	for range nNonFood {
		ps = append(ps, g.nonFood(pick(r, cat.nonFood)))
	}
	// Shuffle so IDs do not group by kind or key.
	r.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
	for i := range ps {
		ps[i].ID = int64(i + 1)
	}
	return ps
}

// searchInts finds the first index whose cumulative weight exceeds x.
func searchInts(cum []int, x int) int {
	lo, hi := 0, len(cum)
	for lo < hi {
		mid := (lo + hi) / 2
		if cum[mid] > x {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

func (g *productGen) name(parts ...string) string {
	g.sb.Reset()
	for _, p := range parts {
		if p == "" {
			continue
		}
		if g.sb.Len() > 0 {
			g.sb.WriteByte(' ')
		}
		g.sb.WriteString(p)
	}
	return g.sb.String()
}

func (g *productGen) ingredient(v *variant) kok.Product {
	r := g.r
	surface := pick(r, v.surfaces)
	pk := pick(r, v.packs)
	brand := pick(r, brandsFor(v.category))
	qual := ""
	if qs := qualifiersByTop[top(v.category)]; len(qs) > 0 {
		if q := pick(r, qs); !strings.Contains(surface, q) {
			qual = q
		}
	}
	unit, p := pk.unit, price(r, pk.price)
	var name string
	switch t := r.IntN(20); {
	case t < 10:
		name = g.name("["+brand+"]", qual, surface, unit)
	case t < 15 && qual != "":
		name = g.name("["+brand+"]", surface, unit, "("+qual+")")
	case t < 18:
		name = g.name(qual, surface, unit)
	case p < 6000:
		// A multi-pack of something cheap.
		k := 2 + r.IntN(2)
		unit += " x " + strconv.Itoa(k)
		p = price(r, pk.price*int64(k)*95/100)
		name = g.name("["+brand+"]", surface, unit)
	default:
		name = g.name("["+brand+"]", qual, surface, unit)
	}
	return g.finish(kok.Product{
		Name: name, Brand: brand, Store: g.store(v.category, brand), Category: v.category,
		Unit: unit, Price: p, Kind: kok.KindIngredient,
	})
}

func (g *productGen) ready(rg readyGroup) kok.Product {
	r := g.r
	brand, dish, pk := pick(r, rg.brands), pick(r, rg.dishes), pick(r, rg.packs)
	return g.finish(kok.Product{
		Name: g.name("["+brand+"]", dish, pk.unit), Brand: brand, Store: brand + " 공식스토어",
		Category: rg.category, Unit: pk.unit, Price: price(r, pk.price), Kind: kok.KindReadyMeal,
	})
}

func (g *productGen) nonFood(ng nonFoodGroup) kok.Product {
	r := g.r
	brand, it := pick(r, ng.brands), pick(r, ng.items)
	return g.finish(kok.Product{
		Name: g.name("["+brand+"]", it.unit), Brand: brand, Store: brand + " 공식스토어",
		Category: ng.category, Unit: "1개", Price: price(r, it.price), Kind: kok.KindNonFood,
	})
}

func (g *productGen) store(category, brand string) string {
	if ss, ok := storesByTop[top(category)]; ok && g.r.IntN(3) > 0 {
		return pick(g.r, ss)
	}
	return brand + " 공식스토어"
}

// finish matches the ingredient and draws what every product has: a
// discount (mostly none to 30%, a few up to 60%), reviews (score 3.5-5.0
// leaning high, counts spread over four orders of magnitude) and a
// creation time in the 18 months before the start.
func (g *productGen) finish(p kok.Product) kok.Product {
	r := g.r
	if k, ok := g.m.Match(p.Name); ok {
		p.Ingredient = k
	}
	switch u := r.IntN(100); {
	case u < 40:
		p.DiscountRate = 0
	case u < 88:
		p.DiscountRate = 5 + r.IntN(26)
	case u < 97:
		p.DiscountRate = 31 + r.IntN(15)
	default:
		p.DiscountRate = 46 + r.IntN(15)
	}
	u := r.Float64()
	p.ReviewScore = math.Round((3.5+1.5*(1-u*u))*10) / 10
	p.ReviewCount = int(math.Exp(r.Float64() * math.Log(30000)))
	p.CreatedAt = g.start.Add(-time.Duration(1+r.Int64N(548*24*3600)) * time.Second)
	return p
}
