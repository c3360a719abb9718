// Package homeshoppingapi serves the home-shopping routes (API.md, "home
// shopping") on kit: channels, the schedule of a day in Asia/Seoul, what is
// on air, broadcast details, Korean search and the caller's alarms.
package homeshoppingapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"
	_ "time/tzdata" // Asia/Seoul without the system's tzdata (distroless, scratch)

	"github.com/google/wire"
	"github.com/gorilla/mux"

	"github.com/kokmeal/kokmeal/adapters/http/kit"
	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/homeshopping"
)

// ProviderSet builds the slice and the service's zone configuration.
var ProviderSet = wire.NewSet(New, SeoulConfig)

// Zone is where schedules are days and times are answered.
const Zone = "Asia/Seoul"

// SeoulConfig is the service configuration with Zone loaded from the
// embedded tzdata, so the binary needs none installed.
func SeoulConfig() (homeshopping.Config, error) {
	loc, err := time.LoadLocation(Zone)
	if err != nil {
		return homeshopping.Config{}, fmt.Errorf("homeshoppingapi: load %s: %w", Zone, err)
	}
	return homeshopping.Config{Zone: loc}, nil
}

// Slice is the home-shopping service's HTTP side.
type Slice struct {
	svc   *homeshopping.Service
	authn kit.Authenticator
	days  dayCache
}

var _ kit.Slice = (*Slice)(nil)

// New builds the slice; authn checks the bearer tokens of the alarm routes
// (user.Service's Authenticate).
func New(svc *homeshopping.Service, authn kit.Authenticator) *Slice {
	return &Slice{svc: svc, authn: authn}
}

const base = "/api/v1/home-shopping"

// Routes registers the routes of API.md's home-shopping table.
func (s *Slice) Routes(api *kit.API) {
	api = api.WithAuth(s.authn)
	tv, alarms := []string{"home-shopping"}, []string{"home-shopping alarms"}
	idParam := func(name string) kit.Param {
		return kit.Param{Name: name, In: "path", Type: "integer", Required: true, Description: "Broadcast ID (a positive integer; anything else is 422)."}
	}
	api.Handle(http.MethodGet, base+"/channels", s.channels, kit.Op{
		ID: "listChannels", Summary: "Home-shopping channels", Tags: tv,
		Response: Channels{},
	})
	api.Handle(http.MethodGet, base+"/schedule", s.schedule, kit.Op{
		ID: "getSchedule", Summary: "A day's broadcasts, in Asia/Seoul time", Tags: tv,
		Description: "Every broadcast starting on the day (a broadcast past midnight belongs to the day it starts on), by start time then channel number, " +
			"with its products and prices. Not paged: a day is at most a few hundred broadcasts.",
		Response: Schedule{},
		Errors:   []int{http.StatusUnprocessableEntity},
		Params: []kit.Param{
			{Name: "date", Description: "The day, YYYY-MM-DD, in Asia/Seoul; default today there. Anything else is 422."},
			{Name: "channel", Description: "A channel code (any case) or ID; an unknown channel is 422 rather than an empty day."},
		},
	})
	api.Handle(http.MethodGet, base+"/live", s.live, kit.Op{
		ID: "getLive", Summary: "What is on air now", Tags: tv,
		Description: "Broadcasts with starts_at ≤ now < ends_at, by channel number.",
		Response:    Live{},
	})
	api.Handle(http.MethodGet, base+"/broadcasts/{id}", s.broadcast, kit.Op{
		ID: "getBroadcast", Summary: "A broadcast with its products and prices", Tags: tv,
		Response: Broadcast{},
		Errors:   []int{http.StatusNotFound, http.StatusUnprocessableEntity},
		Params:   []kit.Param{idParam("id")},
	})
	api.Handle(http.MethodGet, base+"/search", s.search, kit.Op{
		ID: "searchBroadcasts", Summary: "Search broadcast titles and products", Tags: tv,
		Description: "Korean-aware: spacing-insensitive (김치 찌개 finds 김치찌개), 초성 (ㄱㅊㅉㄱ), partial words, one typo in words of 3+ syllables. " +
			"Ranked by relevance (title matches first), then soonest start.",
		Response: kit.List[SearchHit]{},
		Errors:   []int{http.StatusUnprocessableEntity},
		Params: append([]kit.Param{
			{Name: "q", Required: true, Description: "Search text, 1 to 100 characters."},
			{Name: "from", Description: "Only broadcasts on air at or after this: RFC 3339, or a day YYYY-MM-DD in Asia/Seoul (its start)."},
			{Name: "to", Description: "Only broadcasts on air before this: RFC 3339, or a day YYYY-MM-DD in Asia/Seoul (its end, so from=to=a day is that day)."},
		}, kit.PageParams()...),
	})
	api.Handle(http.MethodGet, base+"/alarms", s.listAlarms, kit.Op{
		ID: "listAlarms", Summary: "The caller's broadcast alarms", Tags: alarms, Auth: true,
		Description: "Soonest broadcast first.",
		Response:    kit.List[Alarm]{},
		Errors:      []int{http.StatusUnprocessableEntity},
		Params:      kit.PageParams(),
	})
	api.Handle(http.MethodPut, base+"/alarms/{broadcast_id}", s.putAlarm, kit.Op{
		ID: "putAlarm", Summary: "Ask to be told before a broadcast airs", Tags: alarms, Auth: true,
		Description: "Idempotent: 201 when the alarm is new, 200 with the first one when it was set already. " +
			"A broadcast that has started (on air or over) is 409: there is nothing left to be told about.",
		Response: Alarm{}, Status: http.StatusCreated,
		Errors: []int{http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
		Params: []kit.Param{idParam("broadcast_id")},
	})
	api.Handle(http.MethodDelete, base+"/alarms/{broadcast_id}", s.deleteAlarm, kit.Op{
		ID: "deleteAlarm", Summary: "Cancel a broadcast alarm", Tags: alarms, Auth: true,
		Description: "Idempotent: 204 whether or not the alarm was set.",
		Status:      http.StatusNoContent,
		Errors:      []int{http.StatusUnprocessableEntity},
		Params:      []kit.Param{idParam("broadcast_id")},
	})
}

func (s *Slice) channels(w http.ResponseWriter, r *http.Request) {
	chs, err := s.svc.Channels.Handle(r.Context())
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	out := Channels{Items: make([]Channel, len(chs))}
	for i, c := range chs {
		out.Items[i] = channelFrom(c)
	}
	kit.WriteJSON(w, http.StatusOK, out)
}

func (s *Slice) schedule(w http.ResponseWriter, r *http.Request) {
	day, err := s.svc.Schedule.Handle(r.Context(), homeshopping.ScheduleQuery{Date: kit.Query(r, "date"), Channel: kit.Query(r, "channel")})
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	k := dayKey{day.Date, day.ChannelID}
	body, ok := s.days.get(k, day.Revision, day.At)
	if !ok {
		if body, err = json.Marshal(Schedule{Date: day.Date, TimeZone: Zone, From: day.From, To: day.To, Items: broadcastsFrom(day.Items)}); err != nil {
			kit.WriteError(w, r, err)
			return
		}
		body = append(body, '\n')
		s.days.put(k, dayEntry{revision: day.Revision, until: day.StableUntil, body: body})
	}
	// Written as kit.WriteJSON would, without re-encoding: json.Marshal of a
	// RawMessage re-scans every byte, which costs as much as encoding.
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

func (s *Slice) live(w http.ResponseWriter, r *http.Request) {
	as, err := s.svc.Live.Handle(r.Context())
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, Live{Items: broadcastsFrom(as)})
}

// pathID reads a positive integer path variable, or names it in a 422.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(mux.Vars(r)[name], 10, 64)
	if err != nil || id < 1 {
		return 0, errs.Field(name, "must be a positive integer")
	}
	return id, nil
}

func (s *Slice) broadcast(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err == nil {
		var a homeshopping.Airing
		if a, err = s.svc.Detail.Handle(r.Context(), id); err == nil {
			kit.WriteJSON(w, http.StatusOK, broadcastFrom(a))
			return
		}
	}
	kit.WriteError(w, r, err)
}

func (s *Slice) search(w http.ResponseWriter, r *http.Request) {
	page, size, err := kit.Page(r)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	res, err := s.svc.Search.Handle(r.Context(), homeshopping.SearchQuery{
		Q: kit.Query(r, "q"), From: kit.Query(r, "from"), To: kit.Query(r, "to"), Page: page, Size: size,
	})
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	items := make([]SearchHit, len(res.Items))
	for i, h := range res.Items {
		items[i] = SearchHit{Broadcast: broadcastFrom(h.Airing), Score: h.Score}
	}
	kit.WriteJSON(w, http.StatusOK, kit.NewList(items, res.Page, res.Size, res.Total))
}

func (s *Slice) listAlarms(w http.ResponseWriter, r *http.Request) {
	c, _ := kit.ClaimsFrom(r.Context()) // the route is Auth: RequireAuth ran
	page, size, err := kit.Page(r)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	res, err := s.svc.ListAlarms.Handle(r.Context(), c.UserID, page, size)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	items := make([]Alarm, len(res.Items))
	for i, a := range res.Items {
		items[i] = alarmFrom(a)
	}
	kit.WriteJSON(w, http.StatusOK, kit.NewList(items, res.Page, res.Size, res.Total))
}

func (s *Slice) putAlarm(w http.ResponseWriter, r *http.Request) {
	c, _ := kit.ClaimsFrom(r.Context())
	id, err := pathID(r, "broadcast_id")
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	a, created, err := s.svc.SetAlarm.Handle(r.Context(), c.UserID, id)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	kit.WriteJSON(w, status, alarmFrom(a))
}

func (s *Slice) deleteAlarm(w http.ResponseWriter, r *http.Request) {
	c, _ := kit.ClaimsFrom(r.Context())
	id, err := pathID(r, "broadcast_id")
	if err == nil {
		err = s.svc.DeleteAlarm.Handle(r.Context(), c.UserID, id)
	}
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusNoContent, nil)
}
