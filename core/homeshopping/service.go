package homeshopping

import (
	"context"
	"time"
)

// Service gathers the home-shopping use cases: channels, daily schedules in
// Asia/Seoul time, what is on air, broadcast details, Korean search, alarms,
// bulk import, and upcoming broadcasts by ingredient for the recipe service.
// Reads run on an in-process read model (catalog.go); the stores arrive
// through the ports in ports.go. Routers and hosts depend on it.
type Service struct {
	Channels       Channels
	Schedule       Schedule
	Live           Live
	Detail         BroadcastDetail
	Search         Search
	SetAlarm       SetAlarm
	DeleteAlarm    DeleteAlarm
	ListAlarms     ListAlarms
	ImportSchedule ImportSchedule
	Upcoming       Upcoming
}

// NewService wires the use cases from their ports. cfg.Zone is required.
func NewService(schedule ScheduleStore, alarms AlarmStore, clock Clock, cfg Config) (*Service, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	catalog, err := NewCatalog(schedule, cfg)
	if err != nil {
		return nil, err
	}
	return &Service{
		Channels:       NewChannels(catalog),
		Schedule:       NewSchedule(catalog, clock, cfg),
		Live:           NewLive(catalog, clock, cfg),
		Detail:         NewBroadcastDetail(catalog, clock, cfg),
		Search:         NewSearch(catalog, clock, cfg),
		SetAlarm:       NewSetAlarm(catalog, alarms, clock, cfg),
		DeleteAlarm:    NewDeleteAlarm(alarms),
		ListAlarms:     NewListAlarms(catalog, alarms, clock, cfg),
		ImportSchedule: NewImportSchedule(catalog, schedule),
		Upcoming:       NewUpcoming(catalog, cfg),
	}, nil
}

// UpcomingByIngredient is Upcoming's method on the facade, so the recipe
// service can take *Service for its port.
func (s *Service) UpcomingByIngredient(ctx context.Context, ingredient string, from time.Time, limit int) ([]Broadcast, error) {
	return s.Upcoming.UpcomingByIngredient(ctx, ingredient, from, limit)
}
