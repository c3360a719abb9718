package homeshopping

import "context"

// DeleteAlarm cancels an alarm.
type DeleteAlarm struct {
	alarms AlarmStore
}

// NewDeleteAlarm builds the use case.
func NewDeleteAlarm(alarms AlarmStore) DeleteAlarm { return DeleteAlarm{alarms: alarms} }

// Handle is idempotent: cancelling an alarm that is not set succeeds, so a
// retried DELETE never fails.
func (h DeleteAlarm) Handle(ctx context.Context, userID, broadcastID int64) error {
	_, err := h.alarms.Delete(ctx, userID, broadcastID)
	return err
}
