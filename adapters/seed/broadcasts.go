package seed

import (
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/kokmeal/kokmeal/core/homeshopping"
	"github.com/kokmeal/kokmeal/core/kok"
)

func channels() []homeshopping.Channel {
	return []homeshopping.Channel{
		{ID: 1, Code: "gsshop", Name: "GS샵", Number: 8},
		{ID: 2, Code: "cjonstyle", Name: "CJ온스타일", Number: 6},
		{ID: 3, Code: "hyundai", Name: "현대홈쇼핑", Number: 10},
		{ID: 4, Code: "lotte", Name: "롯데홈쇼핑", Number: 12},
		{ID: 5, Code: "nsmall", Name: "NS홈쇼핑", Number: 14},
	}
}

// Broadcast days run from 06:00 to 02:00 the next morning, in slots of 40
// to 90 minutes, in steps of 5.
const (
	dayStart = 6 * time.Hour
	dayEnd   = 26 * time.Hour
	minSlot  = 40
	maxSlot  = 90
	slotStep = 5
)

// showTable lists what home shopping sells, one show per line:
// title | main offers | sub offers, offers being "name:price" separated
// by commas. Mostly food; the last few are kitchenware.
const showTable = `
국내산 한우 등심 세트|[횡성축협] 1++ 한우 등심 세트 1.2kg:159000,[정육각] 한우 등심 구이 세트 1kg:129000|[횡성축협] 한우 불고기 500g:29900,[횡성축협] 한우 국거리 500g:27900,[횡성축협] 한우 사골 2kg:19900
양념 LA갈비|[조선호텔] 양념 LA갈비 2.4kg:89900,[김나운] 양념 LA갈비 3kg:99900|[조선호텔] 양념 소불고기 600g:19900,[김나운] 한돈 양념 돼지갈비 1kg:24900
안동 간고등어|[안동간고등어] 순살 간고등어 10팩:39900|[안동간고등어] 자반 고등어 2손:19900,[안동간고등어] 손질 삼치 5팩:29900
제주 은갈치|[제주] 은갈치 특대 6마리:99000,[제주] 손질 은갈치 2kg:79000|[제주] 옥돔 3마리:49000,[제주] 손질 갈치 1kg:39000
영광 법성포 굴비|[영광] 참굴비 20미:89000|[영광] 보리굴비 10미:79000
완도 활전복|[완도] 활전복 20미 1kg:59900|[완도] 전복장 500g:29900,[완도] 손질 전복 500g:34900
서해안 꽃게|[연평도] 절단 꽃게 2kg:49900|[연평도] 간장게장 1kg:39900,[연평도] 양념게장 1kg:39900
흰다리새우|[씨푸드] 흰다리새우 2kg:39900|[씨푸드] 칵테일새우 1kg:24900,[씨푸드] 새우살 500g:14900
포기김치|[팔도] 포기김치 10kg:69900,[종가] 포기김치 7kg:59900|[종가] 총각김치 2kg:19900,[종가] 갓김치 2kg:19900,[종가] 열무김치 2kg:17900
비비고 왕교자|[비비고] 왕교자 1.05kg x 4봉:39900|[비비고] 수제 김치만두 1.2kg:15900,[비비고] 물만두 1.2kg:12900
한우 사골곰탕|[조선호텔] 한우 사골곰탕 500g x 10팩:49900|[조선호텔] 갈비탕 700g x 4팩:39900,[조선호텔] 육개장 500g x 4팩:29900
한돈 삼겹살 목살|[도드람] 한돈 삼겹살 구이용 2kg:49900,[도드람] 한돈 목살 2kg:45900|[도드람] 한돈 앞다리살 1kg:15900,[도드람] 한돈 항정살 500g:19900
제주 한라봉|[제주] 한라봉 5kg:39900|[제주] 천혜향 3kg:29900,[제주] 레드향 3kg:34900
청송 꿀사과|[청송] 꿀사과 10kg:59900|[나주] 신고배 7.5kg:49900
서해안 쭈꾸미|[서해안] 손질 쭈꾸미 2kg:39900|[서해안] 쭈꾸미 볶음 1kg:19900,[서해안] 활낙지 3마리:29900
국산 참기름 들기름|[방앗간] 저온압착 국산 참기름 350ml x 2:49900|[방앗간] 국산 들기름 350ml:29900,[방앗간] 볶음참깨 500g:14900
철원 오대쌀|[철원농협] 오대쌀 20kg:69900|[철원농협] 찹쌀 4kg:22900,[철원농협] 현미 4kg:19900
영양 태양초 고춧가루|[영양] 태양초 고춧가루 3kg:99000|[영양] 건고추 1kg:34900
닭가슴살|[하림] 냉장 닭가슴살 2kg:24900|[하림] 훈제 닭가슴살 100g x 10팩:19900,[하림] 닭가슴살 소시지 120g x 10팩:19900
셰프의 밀키트|[마이셰프] 밀키트 6종 세트:59900|[마이셰프] 부대찌개 밀키트 2인분:14900,[마이셰프] 밀푀유나베 밀키트 3인분:19900
양반 전복죽|[동원] 양반 전복죽 288g x 12개:29900|[동원] 양반 호박죽 288g x 6개:12900
노르웨이 생연어|[씨푸드] 노르웨이 생연어 필렛 1kg:39900|[씨푸드] 훈제연어 슬라이스 500g:19900
해남 절임배추|[해남] 절임배추 20kg:49900|[해남] 김장 양념 5kg:49900,[신안] 천일염 5kg:12900
제주 흑돼지|[제주] 흑돼지 오겹살 1kg:39900|[제주] 흑돼지 목살 1kg:37900
울릉도 오징어|[울릉도] 손질 오징어 10미:49900|[울릉도] 마른오징어 10미:59900,[울릉도] 오징어채 500g:19900
해피콜 프라이팬|[해피콜] 다이아몬드 프라이팬 3종 세트:99000|[해피콜] 궁중팬 28cm:45900,[해피콜] 실리콘 주걱 세트:12900
글라스락 밀폐용기|[글라스락] 밀폐용기 20종 세트:69900|[락앤락] 지퍼백 100매:15900
통3중 스텐 냄비|[키친아트] 통3중 스텐 냄비 5종 세트:129000|[키친아트] 스텐 채반 2종:19900
헹켈 주방칼|[헹켈] 주방칼 3종 세트:89000|[헹켈] 원목 도마 (대):39900
`

var titlePrefixes = []string{"[방송특가] ", "[단독구성] ", "[홈쇼핑 최저가] ", "[오늘만 이 가격] ", "[앵콜방송] ", ""}
var titleSuffixes = []string{" 특집", " 대전", " 최대구성", " 기획전", ""}

type show struct {
	title      string
	main, subs []pack // unit holds the product name
}

var loadShows = sync.OnceValue(func() []show {
	var ss []show
	for _, f := range rows(showTable, 3) {
		ss = append(ss, show{title: f[0], main: packs(strings.Split(f[1], ",")), subs: packs(strings.Split(f[2], ","))})
	}
	return ss
})

func broadcasts(days int, m kok.IngredientMatcher, start time.Time, r *rand.Rand) []homeshopping.Broadcast {
	shows := loadShows()
	var bs []homeshopping.Broadcast
	for d := range days {
		day := start.AddDate(0, 0, d) // midnight, Seoul: AddDate keeps the wall clock
		for _, ch := range channels() {
			at, end := day.Add(dayStart), day.Add(dayEnd)
			for _, mins := range slots(r, int(end.Sub(at)/time.Minute)) {
				b := broadcast(r, m, pick(r, shows))
				b.ChannelID = ch.ID
				b.StartsAt = at
				at = at.Add(time.Duration(mins) * time.Minute)
				b.EndsAt = at
				bs = append(bs, b)
			}
		}
	}
	slices.SortStableFunc(bs, func(a, b homeshopping.Broadcast) int {
		if c := a.StartsAt.Compare(b.StartsAt); c != 0 {
			return c
		}
		return int(a.ChannelID - b.ChannelID)
	})
	for i := range bs {
		bs[i].ID = int64(i + 1)
	}
	return bs
}

// slots splits total minutes into contiguous slots of minSlot..maxSlot,
// each a multiple of slotStep, that add up exactly.
func slots(r *rand.Rand, total int) []int {
	var out []int
	for total > maxSlot {
		// Leave at least minSlot for the rest.
		hi := min(maxSlot, total-minSlot)
		d := minSlot + slotStep*r.IntN((hi-minSlot)/slotStep+1)
		out = append(out, d)
		total -= d
	}
	return append(out, total)
}

func broadcast(r *rand.Rand, m kok.IngredientMatcher, s show) homeshopping.Broadcast {
	b := homeshopping.Broadcast{Title: pick(r, titlePrefixes) + s.title + pick(r, titleSuffixes)}
	b.Products = append(b.Products, offer(r, m, pick(r, s.main), true))
	subs := slices.Clone(s.subs)
	r.Shuffle(len(subs), func(i, j int) { subs[i], subs[j] = subs[j], subs[i] })
	for _, o := range subs[:r.IntN(min(3, len(subs))+1)] {
		b.Products = append(b.Products, offer(r, m, o, false))
	}
	return b
}

// offer prices a product on air: the list price jittered, the sale price
// 10-40% below it.
func offer(r *rand.Rand, m kok.IngredientMatcher, o pack, main bool) homeshopping.BroadcastProduct {
	p := price(r, o.price)
	sale := p * int64(60+r.IntN(31)) / 100
	if sale >= 10000 {
		sale = sale/1000*1000 - 100
	} else {
		sale = sale/100*100 - 10
	}
	bp := homeshopping.BroadcastProduct{ProductName: o.unit, Price: p, SalePrice: max(sale, 10), Main: main}
	if k, ok := m.Match(o.unit); ok {
		bp.Ingredient = k
	}
	return bp
}
