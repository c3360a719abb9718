package homeshoppingtest

import (
	"fmt"
	"time"

	"github.com/kokmeal/kokmeal/core/homeshopping"
)

// SampleChannels are five channels like the real ones.
func SampleChannels() []homeshopping.Channel {
	return []homeshopping.Channel{
		{ID: 1, Code: "gs", Name: "GS SHOP", Number: 8},
		{ID: 2, Code: "cj", Name: "CJ온스타일", Number: 10},
		{ID: 3, Code: "hyundai", Name: "현대홈쇼핑", Number: 12},
		{ID: 4, Code: "lotte", Name: "롯데홈쇼핑", Number: 14},
		{ID: 5, Code: "ns", Name: "NS홈쇼핑", Number: 6},
	}
}

type item struct{ name, ingredient string }

// items sell one ingredient each, or none (ready meals, non-food).
var items = []item{
	{"국내산 깐마늘 1kg", "마늘"},
	{"햇 대파 2단", "대파"},
	{"제주 무 2개입", "무"},
	{"국산 양파 3kg", "양파"},
	{"한돈 삼겹살 구이용 600g", "돼지고기"},
	{"1++ 한우 등심 300g", "소고기"},
	{"묵은지 김치찌개 밀키트 2인분", ""},
	{"전통 포기김치 5kg", "김치"},
	{"영광 굴비 20미", "굴비"},
	{"노르웨이 고등어 순살 10팩", "고등어"},
	{"청양고추 500g", "고추"},
	{"유기농 두부 3모", "두부"},
	{"국산 콩나물 1kg", "콩나물"},
	{"무항생제 계란 30구", "계란"},
	{"스테인리스 냄비 5종 세트", ""},
	{"프리미엄 고춧가루 1kg", "고춧가루"},
	{"순창 고추장 2kg", "고추장"},
	{"얼갈이 배추 4kg", "배추"},
	{"통영 생굴 1kg", "굴"},
	{"완도 전복 10미", "전복"},
}

var brands = []string{"[콕푸드]", "[바른농장]", "[해담]", "[한끼든든]", "[명가]"}

// Sample is days of schedule from the Seoul midnight of day on every channel
// of SampleChannels: one-hour slots, channel k starting k×10 minutes past the
// hour, so the last slot of a day runs past midnight. Each broadcast sells a
// main product and one or two others; IDs are 1, 2, ... in channel, day, slot
// order. zone is Asia/Seoul.
func Sample(day time.Time, days int, zone *time.Location) ([]homeshopping.Channel, []homeshopping.Broadcast) {
	chs := SampleChannels()
	y, m, d := day.In(zone).Date()
	start := time.Date(y, m, d, 0, 0, 0, 0, zone)
	var out []homeshopping.Broadcast
	n := 0
	for k, ch := range chs {
		for dd := range days {
			for slot := range 24 {
				n++
				at := start.AddDate(0, 0, dd).Add(time.Duration(slot)*time.Hour + time.Duration(k)*10*time.Minute)
				main := items[(n*7)%len(items)]
				b := homeshopping.Broadcast{
					ID: int64(n), ChannelID: ch.ID,
					Title:    fmt.Sprintf("%s %s 특집", brands[n%len(brands)], main.name),
					StartsAt: at.UTC(), EndsAt: at.Add(time.Hour).UTC(),
				}
				for j := range 1 + n%3 {
					it := items[(n*7+j*3)%len(items)]
					price := int64(10000 + (n*7919+j*31)%90*1000)
					b.Products = append(b.Products, homeshopping.BroadcastProduct{
						ProductName: brands[(n+j)%len(brands)] + " " + it.name,
						Ingredient:  it.ingredient,
						Price:       price,
						SalePrice:   price * int64(100-(n+j)%5*5) / 100 / 10 * 10,
						Main:        j == 0,
					})
				}
				out = append(out, b)
			}
		}
	}
	return chs, out
}
