package kit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"

	"github.com/kokmeal/kokmeal/core/errs"
)

func TestWriteErrorMapsEveryKind(t *testing.T) {
	cases := []struct {
		name    string
		err     error
		status  int
		code    string
		message string
		fields  map[string]string
	}{
		{"invalid with fields", fmt.Errorf("signup: %w", errs.Field("email", "is required")), 422, "invalid", "invalid input: email: is required", map[string]string{"email": "is required"}},
		{"bare invalid", errs.Wrap(errs.ErrInvalid, "bad date"), 422, "invalid", "bad date", nil},
		{"not found", errs.Wrap(errs.ErrNotFound, "recipe 7"), 404, "not_found", "recipe 7", nil},
		{"conflict", errs.Wrap(errs.ErrConflict, "email already registered"), 409, "conflict", "email already registered", nil},
		{"unauthenticated", errs.Wrap(errs.ErrUnauthenticated, "invalid email or password"), 401, "unauthenticated", "invalid email or password", nil},
		{"forbidden", fmt.Errorf("admin only: %w", errs.ErrForbidden), 403, "forbidden", "admin only", nil},
		{"unavailable hides its cause", fmt.Errorf("dial tcp 10.0.0.5:3306: connection refused: %w", errs.ErrUnavailable), 503, "unavailable", unavailableMessage, nil},
		{"deadline", context.DeadlineExceeded, 503, "unavailable", unavailableMessage, nil},
		{"malformed", malformed("malformed JSON at byte 3"), 400, "malformed", "malformed JSON at byte 3", nil},
		{"too large", &RequestError{Kind: ErrTooLarge, Message: "big"}, 413, "too_large", "big", nil},
		{"media type", &RequestError{Kind: ErrUnsupportedMediaType, Message: "json please"}, 415, "unsupported_media_type", "json please", nil},
		{"rate limited", fmt.Errorf("login: %w", &RateLimitedError{RetryAfter: 1500 * time.Millisecond}), 429, "rate_limited", "too many requests; retry later", nil},
		{"anything else", errors.New(`pq: syntax error at or near "SELECT"`), 500, "internal", internalMessage, nil},
		{"the bare kind", errs.ErrNotFound, 404, "not_found", "not found", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			core, logs := observer.New(zap.DebugLevel)
			r := httptest.NewRequest(http.MethodGet, "/x", nil)
			ctx := context.WithValue(r.Context(), keyRoute, &routeInfo{id: "req-1", log: zap.New(core)})
			w := httptest.NewRecorder()
			WriteError(w, r.WithContext(ctx), c.err)
			if w.Code != c.status {
				t.Fatalf("status %d, want %d", w.Code, c.status)
			}
			var body ErrorBody
			if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
				t.Fatal(err)
			}
			d := body.Error
			if d.Code != c.code || d.Message != c.message || d.RequestID != "req-1" {
				t.Fatalf("got %+v", d)
			}
			if fmt.Sprint(d.Fields) != fmt.Sprint(c.fields) {
				t.Fatalf("fields %v, want %v", d.Fields, c.fields)
			}
			if strings.Contains(w.Body.String(), "SELECT") || strings.Contains(w.Body.String(), "10.0.0.5") {
				t.Fatalf("internal detail leaked: %s", w.Body)
			}
			if got := w.Header().Get("Content-Type"); got != "application/json; charset=utf-8" {
				t.Fatalf("content type %q", got)
			}
			switch c.status {
			case 401:
				if w.Header().Get("WWW-Authenticate") != "Bearer" {
					t.Fatal("401 without a Bearer challenge")
				}
			case 429:
				if w.Header().Get("Retry-After") != "2" {
					t.Fatalf("Retry-After %q, want 2 (rounded up)", w.Header().Get("Retry-After"))
				}
			case 500, 503:
				if logs.Len() != 1 || !strings.Contains(logs.All()[0].ContextMap()["error"].(string), c.err.Error()) {
					t.Fatalf("a %d must be logged with its cause: %v", c.status, logs.All())
				}
			}
		})
	}
}

func TestWriteJSON(t *testing.T) {
	w := httptest.NewRecorder()
	WriteJSON(w, http.StatusCreated, map[string]string{"이름": "김치"})
	if w.Code != 201 || w.Body.String() != "{\"이름\":\"김치\"}\n" {
		t.Fatalf("%d %q", w.Code, w.Body)
	}
	w = httptest.NewRecorder()
	WriteJSON(w, http.StatusNoContent, nil)
	if w.Code != 204 || w.Body.Len() != 0 {
		t.Fatalf("%d %q", w.Code, w.Body)
	}
	w = httptest.NewRecorder()
	WriteJSON(w, http.StatusOK, func() {})
	if w.Code != 500 || !strings.Contains(w.Body.String(), `"internal"`) {
		t.Fatalf("unmarshalable value: %d %q", w.Code, w.Body)
	}
}
