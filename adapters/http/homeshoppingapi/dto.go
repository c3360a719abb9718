package homeshoppingapi

import (
	"time"

	"github.com/kokmeal/kokmeal/core/homeshopping"
)

// Channel is a home-shopping TV channel.
type Channel struct {
	ID     int64  `json:"id"`
	Code   string `json:"code" doc:"Stable short name; the schedule's channel filter takes it."`
	Name   string `json:"name"`
	Number int    `json:"number" doc:"Channel number on TV."`
}

// Channels lists every channel by number.
type Channels struct {
	Items []Channel `json:"items"`
}

// Product is a product sold during a broadcast.
type Product struct {
	Name         string  `json:"name"`
	Ingredient   *string `json:"ingredient" doc:"Ingredient key the product sells (e.g. 대파), null for ready meals and non-food."`
	Price        int64   `json:"price" doc:"List price, won."`
	SalePrice    int64   `json:"sale_price" doc:"Price on air, won."`
	DiscountRate int     `json:"discount_rate" doc:"Percent off the list price on air, rounded."`
	Main         bool    `json:"main" doc:"The featured product; the others are sub products."`
}

// Broadcast is a time slot of a channel with what it sells. Times are RFC
// 3339 in Asia/Seoul (+09:00).
type Broadcast struct {
	ID       int64     `json:"id"`
	Title    string    `json:"title"`
	Channel  Channel   `json:"channel"`
	StartsAt time.Time `json:"starts_at" doc:"RFC 3339, +09:00."`
	EndsAt   time.Time `json:"ends_at" doc:"RFC 3339, +09:00; exclusive: the next slot may start here."`
	Status   string    `json:"status" enum:"upcoming,live,ended" doc:"At the time of the request."`
	Products []Product `json:"products"`
}

// Schedule is a day of broadcasts.
type Schedule struct {
	Date     string      `json:"date" doc:"The day, YYYY-MM-DD, in Asia/Seoul."`
	TimeZone string      `json:"time_zone" enum:"Asia/Seoul"`
	From     time.Time   `json:"from" doc:"The day's first instant."`
	To       time.Time   `json:"to" doc:"The next day's first instant."`
	Items    []Broadcast `json:"items" doc:"Broadcasts starting that day, by start time, then channel number."`
}

// Live is what is on air.
type Live struct {
	Items []Broadcast `json:"items" doc:"One per channel on air, by channel number."`
}

// SearchHit is a broadcast that matches a search, with its relevance.
type SearchHit struct {
	Broadcast
	Score float64 `json:"score" doc:"Relevance; higher is better."`
}

// Alarm is a "tell me before it airs" request.
type Alarm struct {
	BroadcastID int64     `json:"broadcast_id"`
	CreatedAt   time.Time `json:"created_at"`
	Broadcast   Broadcast `json:"broadcast"`
}

func channelFrom(c homeshopping.Channel) Channel {
	return Channel{ID: c.ID, Code: c.Code, Name: c.Name, Number: c.Number}
}

func broadcastFrom(a homeshopping.Airing) Broadcast {
	b := Broadcast{
		ID: a.ID, Title: a.Title, Channel: channelFrom(a.Channel),
		StartsAt: a.StartsAt, EndsAt: a.EndsAt, Status: string(a.Status),
		Products: make([]Product, len(a.Products)),
	}
	for i, p := range a.Products {
		var ingredient *string
		if p.Ingredient != "" {
			ingredient = &p.Ingredient
		}
		b.Products[i] = Product{
			Name: p.ProductName, Ingredient: ingredient, Price: p.Price, SalePrice: p.SalePrice,
			DiscountRate: homeshopping.DiscountRate(p), Main: p.Main,
		}
	}
	return b
}

func broadcastsFrom(as []homeshopping.Airing) []Broadcast {
	out := make([]Broadcast, len(as))
	for i, a := range as {
		out[i] = broadcastFrom(a)
	}
	return out
}

func alarmFrom(a homeshopping.AlarmView) Alarm {
	return Alarm{BroadcastID: a.BroadcastID, CreatedAt: a.CreatedAt, Broadcast: broadcastFrom(a.Broadcast)}
}
