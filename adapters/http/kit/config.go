// Package kit is the HTTP toolkit every slice (user, kok, home shopping,
// recipe, recommend, log) is served with: a route registry that writes the
// OpenAPI document as routes are added, the middleware chain, strict JSON
// decoding with NFC normalisation, the one error mapper, bearer
// authentication, keyed rate limiting and pagination.
//
// A service is one call:
//
//	h := kit.NewHandler(cfg, log, []kit.ReadyCheck{{Name: "db", Check: db.PingContext}}, userSlice, kokSlice)
//
// and a slice is a type with Routes(api *kit.API) that calls api.Handle for
// each route with its Op (the route's documentation). There is no other way
// to put a route on the router, so an undocumented route cannot exist.
package kit

import "time"

// Rate is a token bucket: Events per Per on average, at most Burst at once.
// The zero Rate means "use the default" wherever a Config holds one.
type Rate struct {
	Events int
	Per    time.Duration
	Burst  int
}

// Disabled reports whether the rate lets everything through (Events < 0).
func (r Rate) Disabled() bool { return r.Events < 0 }

// Config is the HTTP layer's configuration. Zero fields take the defaults of
// DefaultConfig.
type Config struct {
	// Service names the service in metrics, logs and the OpenAPI title
	// ("user", "kok", "gateway").
	Service string
	// CORSOrigins is the allowlist of browser origins, e.g.
	// "https://kokmeal.example". A "*" entry is ignored: the API is for
	// known front-ends only.
	CORSOrigins []string
	// BodyLimit caps request bodies in bytes (default 1 MiB); larger ones
	// answer 413.
	BodyLimit int64
	// LoginPerAccount and LoginPerIP throttle failed sign-ins (default
	// 5/min burst 5 per account, 20/min burst 20 per client IP). Events < 0
	// disables a limit.
	LoginPerAccount Rate
	LoginPerIP      Rate
	// TrustProxy takes the client IP from X-Forwarded-For (its last entry,
	// the one our own proxy appended) instead of the connection's address.
	// Set it only behind exactly one trusted proxy hop, never when clients
	// reach the service directly: they could then choose their own IP.
	TrustProxy bool
	// Version is the API version shown in the OpenAPI document.
	Version string
}

// Default values.
const (
	DefaultBodyLimit int64 = 1 << 20
	defaultService         = "kokmeal"
	defaultVersion         = "1.0.0"
)

// DefaultConfig is the configuration of a service called service.
func DefaultConfig(service string) Config {
	return Config{Service: service}.WithDefaults()
}

// WithDefaults returns c with every zero field set to its default.
func (c Config) WithDefaults() Config {
	if c.Service == "" {
		c.Service = defaultService
	}
	if c.BodyLimit <= 0 {
		c.BodyLimit = DefaultBodyLimit
	}
	if c.LoginPerAccount == (Rate{}) {
		c.LoginPerAccount = Rate{Events: 5, Per: time.Minute, Burst: 5}
	}
	if c.LoginPerIP == (Rate{}) {
		c.LoginPerIP = Rate{Events: 20, Per: time.Minute, Burst: 20}
	}
	if c.Version == "" {
		c.Version = defaultVersion
	}
	return c
}
