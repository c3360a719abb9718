package homeshopping

import (
	"errors"
	"time"
)

// Config holds the service's tunables.
type Config struct {
	// Zone is where schedule dates are days and answers are expressed:
	// Asia/Seoul. The core does not load it (that needs tzdata, an adapter
	// concern); hosts pass time.LoadLocation("Asia/Seoul").
	Zone *time.Location
	// RecheckEvery bounds how stale the read model may be when another
	// process imports: at most one revision query per interval (default 5s).
	// Imports through this service refresh it at once.
	RecheckEvery time.Duration
}

const defaultRecheck = 5 * time.Second

func (c Config) withDefaults() (Config, error) {
	if c.Zone == nil {
		return c, errors.New("homeshopping: Config.Zone is required (Asia/Seoul)")
	}
	if c.RecheckEvery <= 0 {
		c.RecheckEvery = defaultRecheck
	}
	return c, nil
}
