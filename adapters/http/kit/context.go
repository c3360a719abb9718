package kit

import (
	"context"

	"go.uber.org/zap"
)

type ctxKey int

const (
	keyRoute ctxKey = iota
	keyClaims
)

// RequestID is the request's id (from X-Request-ID or generated), "" outside
// a NewHandler chain.
func RequestID(ctx context.Context) string {
	if ri := routeFrom(ctx); ri != nil {
		return ri.id
	}
	return ""
}

// LoggerFrom is the request's logger, carrying its request id; a no-op
// logger outside a NewHandler chain. It is built on demand: most requests
// never log beyond the access line, and a zap child logger costs an
// encoder clone.
func LoggerFrom(ctx context.Context) *zap.Logger {
	if ri := routeFrom(ctx); ri != nil && ri.log != nil {
		return ri.log.With(zap.String("request_id", ri.id))
	}
	return zap.NewNop()
}

// routeInfo is the request's own state, in one context value (one request
// copy per request): its id and logger, set on the way in, and the route
// template and user, filled in by the router and auth (inside) and read by
// the access log and metrics (outside): mux only tells the matched route to
// handlers it calls, not to the middleware that wraps it.
type routeInfo struct {
	id       string
	log      *zap.Logger
	template string
	userID   int64
}

func routeFrom(ctx context.Context) *routeInfo {
	ri, _ := ctx.Value(keyRoute).(*routeInfo)
	return ri
}
