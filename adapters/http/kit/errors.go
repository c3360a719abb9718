package kit

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"go.uber.org/zap"

	"github.com/kokmeal/kokmeal/core/errs"
)

// Error codes, one per status the API answers with an error body.
const (
	CodeMalformed            = "malformed"              // 400
	CodeUnauthenticated      = "unauthenticated"        // 401
	CodeForbidden            = "forbidden"              // 403
	CodeNotFound             = "not_found"              // 404
	CodeMethodNotAllowed     = "method_not_allowed"     // 405
	CodeConflict             = "conflict"               // 409
	CodeTooLarge             = "too_large"              // 413
	CodeUnsupportedMediaType = "unsupported_media_type" // 415
	CodeInvalid              = "invalid"                // 422
	CodeRateLimited          = "rate_limited"           // 429
	CodeInternal             = "internal"               // 500
	CodeUnavailable          = "unavailable"            // 503
)

// The kinds of request error, for errors.Is. They belong to the HTTP layer:
// the core never sees a malformed body.
var (
	ErrMalformed            = errors.New("malformed request")
	ErrTooLarge             = errors.New("request body too large")
	ErrUnsupportedMediaType = errors.New("unsupported media type")
	ErrRateLimited          = errors.New("too many requests")
)

// RequestError is a request the HTTP layer refused before any use case ran:
// Kind is ErrMalformed, ErrTooLarge or ErrUnsupportedMediaType, Message is
// safe to show, Fields (optional) names the offending JSON fields.
type RequestError struct {
	Kind    error
	Message string
	Fields  map[string]string
}

func (e *RequestError) Error() string { return e.Message }

// Unwrap makes errors.Is(err, ErrMalformed) and friends work.
func (e *RequestError) Unwrap() error { return e.Kind }

// RateLimitedError says a limit was hit and when to retry.
type RateLimitedError struct {
	RetryAfter time.Duration
}

func (e *RateLimitedError) Error() string { return "too many requests; retry later" }

// Unwrap makes errors.Is(err, ErrRateLimited) true.
func (e *RateLimitedError) Unwrap() error { return ErrRateLimited }

// ErrorBody is the body of every error answer.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail says what went wrong. Fields names invalid fields and why;
// RequestID is the X-Request-ID of the request, to quote in a bug report.
type ErrorDetail struct {
	Code      string            `json:"code" enum:"malformed,unauthenticated,forbidden,not_found,method_not_allowed,conflict,too_large,unsupported_media_type,invalid,rate_limited,internal,unavailable"`
	Message   string            `json:"message"`
	Fields    map[string]string `json:"fields,omitempty"`
	RequestID string            `json:"request_id,omitempty"`
}

// WriteJSON answers status with v as JSON. A nil v (or status 204) writes
// no body.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	if v == nil || status == http.StatusNoContent {
		w.WriteHeader(status)
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		// A response type that cannot marshal is a bug; answer 500 rather
		// than a truncated body.
		status = http.StatusInternalServerError
		b, _ = json.Marshal(ErrorBody{Error: ErrorDetail{Code: CodeInternal, Message: internalMessage}})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)+1))
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

const (
	internalMessage    = "internal error; quote the request_id when reporting it"
	unavailableMessage = "the service is temporarily unavailable; retry later"
)

// WriteError is the one place an error becomes a status and a body. It
// matches with errors.Is/As, so wrapping never breaks the mapping:
//
//	*RequestError           400 malformed, 413 too_large, 415 unsupported_media_type
//	*RateLimitedError       429 rate_limited, with Retry-After (whole seconds, at least 1)
//	errs.ErrInvalid         422 invalid, with fields from *errs.Invalid
//	errs.ErrNotFound        404 not_found
//	errs.ErrConflict        409 conflict
//	errs.ErrUnauthenticated 401 unauthenticated, with WWW-Authenticate: Bearer
//	errs.ErrForbidden       403 forbidden
//	errs.ErrUnavailable     503 unavailable (generic message: an adapter may
//	                        have wrapped a driver error into it), logged
//	context deadline        503 unavailable
//	anything else           500 internal (generic message), logged with the error
//
// The message of a kind error is its text without the kind's own suffix
// ("invalid email or password", not "invalid email or password:
// unauthenticated"): the core's messages are written to be shown.
func WriteError(w http.ResponseWriter, r *http.Request, err error) {
	status, body := errorResponse(r.Context(), err)
	switch status {
	case http.StatusUnauthorized:
		if w.Header().Get("WWW-Authenticate") == "" {
			w.Header().Set("WWW-Authenticate", "Bearer")
		}
	case http.StatusTooManyRequests:
		var rl *RateLimitedError
		if errors.As(err, &rl) {
			w.Header().Set("Retry-After", strconv.FormatInt(retryAfterSeconds(rl.RetryAfter), 10))
		}
	case http.StatusInternalServerError, http.StatusServiceUnavailable:
		if !errors.Is(err, context.Canceled) {
			LoggerFrom(r.Context()).Error("request failed", zap.Int("status", status), zap.Error(err))
		}
	}
	WriteJSON(w, status, body)
}

func retryAfterSeconds(d time.Duration) int64 {
	s := int64(math.Ceil(d.Seconds()))
	return max(s, 1)
}

func errorResponse(ctx context.Context, err error) (int, ErrorBody) {
	d := ErrorDetail{RequestID: RequestID(ctx)}
	status := http.StatusInternalServerError
	var (
		re  *RequestError
		rl  *RateLimitedError
		inv *errs.Invalid
	)
	switch {
	case errors.As(err, &re):
		d.Message, d.Fields = re.Message, re.Fields
		switch {
		case errors.Is(re.Kind, ErrTooLarge):
			status, d.Code = http.StatusRequestEntityTooLarge, CodeTooLarge
		case errors.Is(re.Kind, ErrUnsupportedMediaType):
			status, d.Code = http.StatusUnsupportedMediaType, CodeUnsupportedMediaType
		default:
			status, d.Code = http.StatusBadRequest, CodeMalformed
		}
	case errors.As(err, &rl):
		status, d.Code, d.Message = http.StatusTooManyRequests, CodeRateLimited, rl.Error()
	case errors.As(err, &inv):
		status, d.Code, d.Message, d.Fields = http.StatusUnprocessableEntity, CodeInvalid, inv.Error(), inv.Fields
	case errors.Is(err, errs.ErrInvalid):
		status, d.Code, d.Message = http.StatusUnprocessableEntity, CodeInvalid, kindMessage(err, errs.ErrInvalid)
	case errors.Is(err, errs.ErrNotFound):
		status, d.Code, d.Message = http.StatusNotFound, CodeNotFound, kindMessage(err, errs.ErrNotFound)
	case errors.Is(err, errs.ErrConflict):
		status, d.Code, d.Message = http.StatusConflict, CodeConflict, kindMessage(err, errs.ErrConflict)
	case errors.Is(err, errs.ErrUnauthenticated):
		status, d.Code, d.Message = http.StatusUnauthorized, CodeUnauthenticated, kindMessage(err, errs.ErrUnauthenticated)
	case errors.Is(err, errs.ErrForbidden):
		status, d.Code, d.Message = http.StatusForbidden, CodeForbidden, kindMessage(err, errs.ErrForbidden)
	case errors.Is(err, errs.ErrUnavailable), errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		status, d.Code, d.Message = http.StatusServiceUnavailable, CodeUnavailable, unavailableMessage
	default:
		d.Code, d.Message = CodeInternal, internalMessage
	}
	return status, ErrorBody{Error: d}
}

// kindMessage is err's text less the ": <kind>" errs.Wrap appends.
func kindMessage(err, kind error) string {
	msg := strings.TrimSuffix(err.Error(), ": "+kind.Error())
	if msg == "" {
		return kind.Error()
	}
	return msg
}
