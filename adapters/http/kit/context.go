package kit

import (
	"context"

	"go.uber.org/zap"
)

type ctxKey int

const (
	keyRequestID ctxKey = iota
	keyLogger
	keyRoute
	keyClaims
)

// RequestID is the request's id (from X-Request-ID or generated), "" outside
// a NewHandler chain.
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(keyRequestID).(string)
	return id
}

// LoggerFrom is the request's logger, already carrying its request id; a
// no-op logger outside a NewHandler chain.
func LoggerFrom(ctx context.Context) *zap.Logger {
	if l, ok := ctx.Value(keyLogger).(*zap.Logger); ok {
		return l
	}
	return zap.NewNop()
}

// routeInfo is filled in by the router (inside) and read by the access log
// and metrics (outside): mux only tells the matched route to handlers it
// calls, not to the middleware that wraps it.
type routeInfo struct {
	template string
	userID   int64
}

func routeFrom(ctx context.Context) *routeInfo {
	ri, _ := ctx.Value(keyRoute).(*routeInfo)
	return ri
}
