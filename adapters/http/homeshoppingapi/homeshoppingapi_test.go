package homeshoppingapi_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/kokmeal/kokmeal/adapters/http/homeshoppingapi"
	"github.com/kokmeal/kokmeal/adapters/http/kit"
	"github.com/kokmeal/kokmeal/adapters/jwt"
	"github.com/kokmeal/kokmeal/adapters/memory"
	"github.com/kokmeal/kokmeal/core/homeshopping"
	"github.com/kokmeal/kokmeal/core/homeshopping/homeshoppingtest"
	"github.com/kokmeal/kokmeal/core/user"
)

type server struct {
	h      http.Handler
	svc    *homeshopping.Service
	clock  *homeshoppingtest.Clock
	issuer *jwt.Issuer
	zone   *time.Location
}

// newServer serves chs and bs through the real router at now.
func newServer(t *testing.T, now time.Time, chs []homeshopping.Channel, bs []homeshopping.Broadcast) *server {
	t.Helper()
	cfg, err := homeshoppingapi.SeoulConfig()
	if err != nil {
		t.Fatal(err)
	}
	c := homeshoppingtest.NewClock(now)
	store := memory.NewHomeShopping()
	svc, err := homeshopping.NewService(store.Schedule(), store.Alarms(), c, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.ImportSchedule.Handle(context.Background(), chs, bs); err != nil {
		t.Fatal(err)
	}
	issuer, err := jwt.New(jwt.DefaultConfig(jwt.Secret(strings.Repeat("k", 32)), false))
	if err != nil {
		t.Fatal(err)
	}
	h := kit.NewHandler(kit.DefaultConfig("homeshopping"), nil, nil, homeshoppingapi.New(svc, user.NewAuthenticate(issuer, c)))
	return &server{h: h, svc: svc, clock: c, issuer: issuer, zone: cfg.Zone}
}

// sampleServer serves 3 sample days from 2026-11-26 in Seoul, at 12:05 that day.
func sampleServer(t *testing.T) *server {
	zone, _ := time.LoadLocation("Asia/Seoul")
	chs, bs := homeshoppingtest.Sample(time.Date(2026, 11, 26, 0, 0, 0, 0, zone), 3, zone)
	return newServer(t, time.Date(2026, 11, 26, 12, 5, 0, 0, zone), chs, bs)
}

func (s *server) token(t *testing.T, uid int64) string {
	t.Helper()
	tok, _, err := s.issuer.IssueAccess(user.Claims{UserID: uid, Role: user.RoleUser}, s.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// do sends a request (with a bearer token for uid > 0) and decodes the
// answer into out when it is not nil.
func (s *server) do(t *testing.T, method, path string, uid int64, wantStatus int, out any) string {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	if uid > 0 {
		req.Header.Set("Authorization", "Bearer "+s.token(t, uid))
	}
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	if rec.Code != wantStatus {
		t.Fatalf("%s %s: %d %s, want %d", method, path, rec.Code, rec.Body.String(), wantStatus)
	}
	if out != nil {
		if err := json.Unmarshal(rec.Body.Bytes(), out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, path, err, rec.Body.String())
		}
	}
	return rec.Body.String()
}

type errorBody struct {
	Error struct {
		Code   string            `json:"code"`
		Fields map[string]string `json:"fields"`
	} `json:"error"`
}

// invalid expects a 422 naming field.
func (s *server) invalid(t *testing.T, method, path string, uid int64, field string) {
	t.Helper()
	var e errorBody
	s.do(t, method, path, uid, http.StatusUnprocessableEntity, &e)
	if _, ok := e.Error.Fields[field]; !ok || e.Error.Code != "invalid" {
		t.Fatalf("%s %s: %+v does not name %q", method, path, e.Error, field)
	}
}

type list[T any] struct {
	Items []T `json:"items"`
	Page  int `json:"page"`
	Size  int `json:"size"`
	Total int `json:"total"`
}

func TestEveryRouteIsDocumented(t *testing.T) {
	s := sampleServer(t)
	if err := kit.CheckDocumented(s.h); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	s.do(t, http.MethodGet, "/openapi.json", 0, http.StatusOK, &doc)
	for _, p := range []string{"/api/v1/home-shopping/channels", "/api/v1/home-shopping/schedule", "/api/v1/home-shopping/live",
		"/api/v1/home-shopping/broadcasts/{id}", "/api/v1/home-shopping/search", "/api/v1/home-shopping/alarms", "/api/v1/home-shopping/alarms/{broadcast_id}"} {
		if doc.Paths[p] == nil {
			t.Errorf("%s is not in /openapi.json", p)
		}
	}
}

func TestChannels(t *testing.T) {
	s := sampleServer(t)
	var got homeshoppingapi.Channels
	s.do(t, http.MethodGet, "/api/v1/home-shopping/channels", 0, http.StatusOK, &got)
	if len(got.Items) != 5 || got.Items[0].Code != "ns" || got.Items[1].Name != "GS SHOP" || got.Items[2].Name != "CJ온스타일" {
		t.Fatalf("channels %+v", got.Items)
	}
}

// TestScheduleIsASeoulDayAcrossMidnightUTC: 2026-11-27 in Seoul runs from
// 15:00 UTC on the 26th to 15:00 UTC on the 27th.
func TestScheduleIsASeoulDayAcrossMidnightUTC(t *testing.T) {
	utc := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, time.UTC) }
	chs := []homeshopping.Channel{{ID: 1, Code: "gs", Name: "GS SHOP", Number: 8}}
	bs := []homeshopping.Broadcast{
		{ID: 1, ChannelID: 1, Title: "26일 밤 (자정 넘김)", StartsAt: utc(26, 14, 30), EndsAt: utc(26, 15, 30)},
		{ID: 2, ChannelID: 1, Title: "27일 새벽", StartsAt: utc(26, 15, 30), EndsAt: utc(26, 16, 30)},
		{ID: 3, ChannelID: 1, Title: "27일 아침 (UTC로는 26일)", StartsAt: utc(26, 23, 30), EndsAt: utc(27, 0, 30)},
		{ID: 4, ChannelID: 1, Title: "27일 오전 (UTC로도 27일)", StartsAt: utc(27, 0, 30), EndsAt: utc(27, 1, 30)},
		{ID: 5, ChannelID: 1, Title: "28일 0시", StartsAt: utc(27, 15, 0), EndsAt: utc(27, 16, 0)},
	}
	s := newServer(t, utc(26, 16, 0), chs, bs) // 01:00 on the 27th in Seoul
	var day homeshoppingapi.Schedule
	raw := s.do(t, http.MethodGet, "/api/v1/home-shopping/schedule?date=2026-11-27", 0, http.StatusOK, &day)
	var ids []int64
	for _, b := range day.Items {
		ids = append(ids, b.ID)
	}
	if len(ids) != 3 || ids[0] != 2 || ids[1] != 3 || ids[2] != 4 {
		t.Fatalf("2026-11-27 has %v, want [2 3 4]", ids)
	}
	for _, want := range []string{`"date":"2026-11-27"`, `"time_zone":"Asia/Seoul"`, `"from":"2026-11-27T00:00:00+09:00"`, `"to":"2026-11-28T00:00:00+09:00"`,
		`"starts_at":"2026-11-27T00:30:00+09:00"`, `"starts_at":"2026-11-27T08:30:00+09:00"`, `"ends_at":"2026-11-27T10:30:00+09:00"`,
		`"title":"27일 아침 (UTC로는 26일)"`, `"status":"live"`, `"status":"upcoming"`} {
		if !strings.Contains(raw, want) {
			t.Errorf("schedule lacks %s:\n%s", want, raw)
		}
	}
	s.do(t, http.MethodGet, "/api/v1/home-shopping/schedule?date=2026-11-26", 0, http.StatusOK, &day)
	if len(day.Items) != 1 || day.Items[0].ID != 1 || day.Items[0].EndsAt.Format(time.RFC3339) != "2026-11-27T00:30:00+09:00" {
		t.Fatalf("2026-11-26: %+v", day.Items)
	}
	// No date: today in Seoul, which is already the 27th.
	s.do(t, http.MethodGet, "/api/v1/home-shopping/schedule", 0, http.StatusOK, &day)
	if day.Date != "2026-11-27" || len(day.Items) != 3 {
		t.Fatalf("today: %s with %d items", day.Date, len(day.Items))
	}
}

func TestScheduleChannelAndBadInput(t *testing.T) {
	s := sampleServer(t)
	var day homeshoppingapi.Schedule
	s.do(t, http.MethodGet, "/api/v1/home-shopping/schedule?date=2026-11-27&channel=CJ", 0, http.StatusOK, &day)
	if len(day.Items) != 24 || day.Items[0].Channel.Code != "cj" || day.Items[0].StartsAt.Format(time.RFC3339) != "2026-11-27T00:10:00+09:00" {
		t.Fatalf("cj on the 27th: %d items, first %+v", len(day.Items), day.Items[0])
	}
	for _, d := range []string{"2026-13-01", "2026-02-30", "26-11-27", "2026-11-27T00:00:00Z", url.QueryEscape("내일")} {
		s.invalid(t, http.MethodGet, "/api/v1/home-shopping/schedule?date="+d, 0, "date")
	}
	s.invalid(t, http.MethodGet, "/api/v1/home-shopping/schedule?channel=kbs", 0, "channel")
}

func TestLive(t *testing.T) {
	s := sampleServer(t)
	var live homeshoppingapi.Live
	s.do(t, http.MethodGet, "/api/v1/home-shopping/live", 0, http.StatusOK, &live)
	if len(live.Items) != 5 {
		t.Fatalf("%d on air", len(live.Items))
	}
	now := s.clock.Now()
	for i, b := range live.Items {
		if b.Status != "live" || b.StartsAt.After(now) || !b.EndsAt.After(now) {
			t.Fatalf("not on air at %v: %+v", now, b)
		}
		if i > 0 && b.Channel.Number < live.Items[i-1].Channel.Number {
			t.Fatal("not by channel number")
		}
	}
}

func TestBroadcastDetail(t *testing.T) {
	s := sampleServer(t)
	var b homeshoppingapi.Broadcast
	raw := s.do(t, http.MethodGet, "/api/v1/home-shopping/broadcasts/3", 0, http.StatusOK, &b)
	if b.ID != 3 || b.Channel.Code != "gs" || b.StartsAt.Format(time.RFC3339) != "2026-11-26T02:00:00+09:00" || b.Status != "ended" {
		t.Fatalf("detail %+v", b)
	}
	mains := 0
	for _, p := range b.Products {
		if p.Main {
			mains++
		}
		if p.SalePrice > p.Price || p.DiscountRate < 0 || p.DiscountRate > 100 {
			t.Fatalf("product %+v", p)
		}
	}
	if mains != 1 || !strings.Contains(raw, `"discount_rate":`) || !strings.Contains(raw, `"sale_price":`) {
		t.Fatalf("products %s", raw)
	}
	// The sample's broadcast 18 features a ready meal (no ingredient): null.
	s.do(t, http.MethodGet, "/api/v1/home-shopping/broadcasts/18", 0, http.StatusOK, &b)
	if b.Products[0].Ingredient != nil {
		t.Fatalf("a ready meal sells %q", *b.Products[0].Ingredient)
	}
	s.do(t, http.MethodGet, "/api/v1/home-shopping/broadcasts/999999", 0, http.StatusNotFound, nil)
	for _, id := range []string{"abc", "0", "-1", "99999999999999999999", "1.5"} {
		s.invalid(t, http.MethodGet, "/api/v1/home-shopping/broadcasts/"+id, 0, "id")
	}
}

func TestSearch(t *testing.T) {
	s := sampleServer(t)
	var exact, spaced, cho list[homeshoppingapi.SearchHit]
	s.do(t, http.MethodGet, "/api/v1/home-shopping/search?q="+url.QueryEscape("김치찌개")+"&size=100", 0, http.StatusOK, &exact)
	s.do(t, http.MethodGet, "/api/v1/home-shopping/search?q="+url.QueryEscape("김치 찌개")+"&size=100", 0, http.StatusOK, &spaced)
	s.do(t, http.MethodGet, "/api/v1/home-shopping/search?q="+url.QueryEscape("ㄱㅊㅉㄱ")+"&size=100", 0, http.StatusOK, &cho)
	if exact.Total == 0 || spaced.Total != exact.Total || cho.Total != exact.Total {
		t.Fatalf("김치찌개 %d, 김치 찌개 %d, ㄱㅊㅉㄱ %d", exact.Total, spaced.Total, cho.Total)
	}
	for _, h := range exact.Items {
		if !strings.Contains(h.Title+h.Products[0].Name, "김치찌개") && h.Score <= 0 {
			t.Fatalf("hit %+v", h)
		}
	}
	var page list[homeshoppingapi.SearchHit]
	s.do(t, http.MethodGet, "/api/v1/home-shopping/search?q="+url.QueryEscape("대파")+"&page=2&size=5&from=2026-11-27&to=2026-11-27", 0, http.StatusOK, &page)
	if page.Page != 2 || page.Size != 5 || len(page.Items) != 5 || page.Total <= 5 {
		t.Fatalf("page %d size %d: %d items of %d", page.Page, page.Size, len(page.Items), page.Total)
	}
	for _, h := range page.Items {
		if h.StartsAt.Format("2006-01-02") != "2026-11-27" && h.EndsAt.Format("2006-01-02") != "2026-11-27" {
			t.Fatalf("outside the window: %v", h.StartsAt)
		}
	}
	base := "/api/v1/home-shopping/search?q=" + url.QueryEscape("대파")
	for _, c := range []struct{ query, field string }{
		{"/api/v1/home-shopping/search", "q"},
		{"/api/v1/home-shopping/search?q=%20", "q"},
		{base + "&size=0", "size"},
		{base + "&size=101", "size"},
		{base + "&page=0", "page"},
		{base + "&page=abc", "page"},
		{base + "&from=yesterday", "from"},
		{base + "&to=2026-11-31", "to"},
		{base + "&from=2026-11-28&to=2026-11-27", "to"},
	} {
		s.invalid(t, http.MethodGet, c.query, 0, c.field)
	}
}

func TestAlarmsFlow(t *testing.T) {
	s := sampleServer(t)
	const me, other = 7, 8
	path := "/api/v1/home-shopping/alarms"
	s.do(t, http.MethodGet, path, 0, http.StatusUnauthorized, nil)
	s.do(t, http.MethodPut, path+"/20", 0, http.StatusUnauthorized, nil)

	// Broadcast 20 is gs at 19:00 on the 26th: upcoming at 12:05.
	var a homeshoppingapi.Alarm
	s.do(t, http.MethodPut, path+"/20", me, http.StatusCreated, &a)
	if a.BroadcastID != 20 || a.Broadcast.StartsAt.Format(time.RFC3339) != "2026-11-26T19:00:00+09:00" || a.CreatedAt.IsZero() {
		t.Fatalf("alarm %+v", a)
	}
	first := a.CreatedAt
	s.clock.Set(s.clock.Now().Add(time.Minute))
	s.do(t, http.MethodPut, path+"/20", me, http.StatusOK, &a)
	if !a.CreatedAt.Equal(first) {
		t.Fatalf("a repeated PUT moved created_at from %v to %v", first, a.CreatedAt)
	}
	s.do(t, http.MethodPut, path+"/15", me, http.StatusCreated, nil)  // 14:00
	s.do(t, http.MethodPut, path+"/13", me, http.StatusConflict, nil) // 12:00: on air
	s.do(t, http.MethodPut, path+"/1", me, http.StatusConflict, nil)  // over
	s.do(t, http.MethodPut, path+"/999999", me, http.StatusNotFound, nil)
	s.invalid(t, http.MethodPut, path+"/abc", me, "broadcast_id")
	s.invalid(t, http.MethodDelete, path+"/0", me, "broadcast_id")

	var mine list[homeshoppingapi.Alarm]
	s.do(t, http.MethodGet, path, me, http.StatusOK, &mine)
	if mine.Total != 2 || mine.Items[0].BroadcastID != 15 || mine.Items[1].BroadcastID != 20 || mine.Items[0].Broadcast.Title == "" {
		t.Fatalf("my alarms %+v", mine)
	}
	s.do(t, http.MethodGet, path, other, http.StatusOK, &mine)
	if mine.Total != 0 || mine.Items == nil {
		t.Fatalf("another user's alarms %+v", mine)
	}
	s.invalid(t, http.MethodGet, path+"?size=1000", me, "size")

	s.do(t, http.MethodDelete, path+"/20", me, http.StatusNoContent, nil)
	s.do(t, http.MethodDelete, path+"/20", me, http.StatusNoContent, nil)
	s.do(t, http.MethodGet, path+"?page=1&size=1", me, http.StatusOK, &mine)
	if mine.Total != 1 || len(mine.Items) != 1 || mine.Items[0].BroadcastID != 15 {
		t.Fatalf("after delete %+v", mine)
	}
}

func TestKoreanRoundTripsByteExact(t *testing.T) {
	title := "[한끼든든] 묵은지 김치찌개 🍲 특가 (NFC: 한글)"
	chs := []homeshopping.Channel{{ID: 1, Code: "hyundai", Name: "현대홈쇼핑", Number: 12}}
	at := time.Date(2026, 11, 26, 3, 0, 0, 0, time.UTC)
	bs := []homeshopping.Broadcast{{ID: 1, ChannelID: 1, Title: title, StartsAt: at, EndsAt: at.Add(time.Hour),
		Products: []homeshopping.BroadcastProduct{{ProductName: "햇 대파(흰부분) 2단", Ingredient: "대파", Price: 5000, SalePrice: 4500, Main: true}}}}
	s := newServer(t, at, chs, bs)
	var b homeshoppingapi.Broadcast
	s.do(t, http.MethodGet, "/api/v1/home-shopping/broadcasts/1", 0, http.StatusOK, &b)
	if b.Title != title || b.Channel.Name != "현대홈쇼핑" || b.Products[0].Name != "햇 대파(흰부분) 2단" || *b.Products[0].Ingredient != "대파" || b.Products[0].DiscountRate != 10 {
		t.Fatalf("round trip %+v", b)
	}
	var hits list[homeshoppingapi.SearchHit]
	s.do(t, http.MethodGet, "/api/v1/home-shopping/search?q="+url.QueryEscape("흰부분"), 0, http.StatusOK, &hits)
	if hits.Total != 1 {
		t.Fatalf("search in product names: %d", hits.Total)
	}
}

// TestScheduleAnswersFollowTheClockAndImports: the encoded day is reused
// only while no status flips and the schedule is unchanged.
func TestScheduleAnswersFollowTheClockAndImports(t *testing.T) {
	s := sampleServer(t) // 12:05 on the 26th
	path := "/api/v1/home-shopping/schedule?date=2026-11-26&channel=gs"
	status := func() (string, string, string) {
		var day homeshoppingapi.Schedule
		s.do(t, http.MethodGet, path, 0, http.StatusOK, &day)
		return day.Items[12].Status, day.Items[13].Status, day.Items[13].Title // gs at 12:00 and 13:00
	}
	for range 2 {
		if a, b, _ := status(); a != "live" || b != "upcoming" {
			t.Fatalf("at 12:05: %s, %s", a, b)
		}
	}
	s.clock.Set(s.clock.Now().Add(55 * time.Minute)) // 13:00
	if a, b, _ := status(); a != "ended" || b != "live" {
		t.Fatalf("at 13:00: %s, %s", a, b)
	}
	chs, bs := homeshoppingtest.Sample(time.Date(2026, 11, 26, 0, 0, 0, 0, s.zone), 3, s.zone)
	bs[13].Title = "제목이 바뀐 방송"
	if err := s.svc.ImportSchedule.Handle(context.Background(), chs, bs); err != nil {
		t.Fatal(err)
	}
	if _, _, title := status(); title != "제목이 바뀐 방송" {
		t.Fatalf("after an import the title is %q", title)
	}
}
