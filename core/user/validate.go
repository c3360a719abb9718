package user

import (
	"net/mail"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kokmeal/kokmeal/core/errs"
)

// Limits on what a user may send. Passwords count characters, not bytes, so a
// Korean passphrase of ten syllables is long enough; the byte cap keeps the
// hasher's input bounded.
const (
	MinPasswordChars = 10
	MaxPasswordBytes = 256
	MaxNameChars     = 50
	MaxEmailBytes    = 254
	MaxListItems     = 50
	MaxItemChars     = 50
	MaxHouseholdSize = 20
)

// normaliseEmail trims and lower-cases; uniqueness is on this form.
func normaliseEmail(email string) string {
	return strings.ToLower(strings.TrimSpace(email))
}

func checkEmail(f errs.Fields, email string) {
	switch {
	case email == "":
		f.Add("email", "is required")
	case len(email) > MaxEmailBytes:
		f.Add("email", "is too long")
	default:
		a, err := mail.ParseAddress(email)
		if err != nil || a.Address != email || !strings.Contains(email[strings.LastIndexByte(email, '@')+1:], ".") {
			f.Add("email", "is not a valid email address")
		}
	}
}

func checkPassword(f errs.Fields, field, pw string) {
	switch {
	case !utf8.ValidString(pw):
		f.Add(field, "is not valid UTF-8")
	case utf8.RuneCountInString(pw) < MinPasswordChars:
		f.Add(field, "must be at least 10 characters")
	case len(pw) > MaxPasswordBytes:
		f.Add(field, "must be at most 256 bytes")
	}
}

func checkName(f errs.Fields, name string) {
	n := utf8.RuneCountInString(name)
	switch {
	case strings.TrimSpace(name) == "":
		f.Add("name", "is required")
	case n > MaxNameChars:
		f.Add("name", "must be at most 50 characters")
	case strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		f.Add("name", "must not contain control characters")
	}
}

// cleanList trims, drops empties and duplicates, keeping first-seen order.
func cleanList(f errs.Fields, field string, items []string) []string {
	if len(items) > MaxListItems {
		f.Add(field, "must have at most 50 items")
		return nil
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		it = strings.TrimSpace(it)
		switch {
		case it == "":
			f.Add(field, "must not contain empty values")
		case utf8.RuneCountInString(it) > MaxItemChars:
			f.Add(field, "values must be at most 50 characters")
		case !slices.Contains(out, it):
			out = append(out, it)
		}
	}
	return out
}
