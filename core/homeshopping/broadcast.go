// Package homeshopping is TV home shopping: channels, their broadcast
// schedules and the products sold on air.
package homeshopping

import "time"

// Channel is a home-shopping TV channel.
type Channel struct {
	ID     int64
	Code   string // stable short name, e.g. "gsshop"
	Name   string // display name, e.g. "GS샵"
	Number int    // channel number
}

// Broadcast is one time slot of a channel's schedule.
type Broadcast struct {
	ID        int64
	ChannelID int64
	Title     string
	StartsAt  time.Time
	EndsAt    time.Time // exclusive: the next slot starts here
	Products  []BroadcastProduct
}

// BroadcastProduct is a product sold during a broadcast.
type BroadcastProduct struct {
	ProductName string
	Ingredient  string // ingredient key it sells, "" if none
	Price       int64  // list price, won
	SalePrice   int64  // price on air, won
	Main        bool   // the featured product; a broadcast has exactly one
}
