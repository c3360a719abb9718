// Package errs holds the few kinds of error every use case returns.
//
// Use cases wrap one of the sentinel kinds with fmt.Errorf("...: %w", errs.ErrNotFound)
// or build an *Invalid for bad input; the HTTP adapter maps kinds to status codes
// in one place with errors.Is / errors.As, so wrapping never breaks the mapping.
package errs

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// The kinds. Adapters never return driver errors across a port: they translate
// them to one of these (a unique-key violation is ErrConflict, a down database
// is ErrUnavailable).
var (
	ErrNotFound        = errors.New("not found")
	ErrInvalid         = errors.New("invalid input")
	ErrConflict        = errors.New("conflict")
	ErrUnauthenticated = errors.New("unauthenticated")
	ErrForbidden       = errors.New("forbidden")
	ErrUnavailable     = errors.New("unavailable")
)

// Invalid is an ErrInvalid that says which fields are wrong and why, so that a
// frontend can show each reason beside its field.
type Invalid struct {
	Fields map[string]string
}

// Error lists the fields in a stable order.
func (e *Invalid) Error() string {
	keys := slices.Sorted(maps.Keys(e.Fields))
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+": "+e.Fields[k])
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// Is makes errors.Is(err, ErrInvalid) true for every *Invalid.
func (e *Invalid) Is(target error) bool { return target == ErrInvalid }

// Fields collects field reasons; its Err is nil when nothing was added, so a
// use case can validate everything first and report every bad field at once.
type Fields map[string]string

// Add records reason for field unless the field already has one.
func (f Fields) Add(field, reason string) {
	if _, ok := f[field]; !ok {
		f[field] = reason
	}
}

// Check adds reason when bad is true.
func (f Fields) Check(bad bool, field, reason string) {
	if bad {
		f.Add(field, reason)
	}
}

// Err is nil when no field was added, else an *Invalid holding a copy.
func (f Fields) Err() error {
	if len(f) == 0 {
		return nil
	}
	return &Invalid{Fields: maps.Clone(f)}
}

// Field returns an *Invalid for a single field.
func Field(field, reason string) error {
	return &Invalid{Fields: map[string]string{field: reason}}
}

// Wrap annotates a kind with context: Wrap(ErrNotFound, "user %d", id).
func Wrap(kind error, format string, args ...any) error {
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), kind)
}
