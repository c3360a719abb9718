package homeshopping

import "time"

// Alarm asks to be told before a broadcast airs. Delivering the reminder is
// a notifier's job; this service keeps who wants which broadcast.
type Alarm struct {
	UserID      int64
	BroadcastID int64
	CreatedAt   time.Time
}
