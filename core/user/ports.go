package user

import (
	"context"
	"time"
)

// UserStore keeps accounts. Create and Update answer errs.ErrConflict when the
// email is taken; lookups answer errs.ErrNotFound.
type UserStore interface {
	Create(ctx context.Context, u User) (User, error)
	ByID(ctx context.Context, id int64) (User, error)
	ByEmail(ctx context.Context, email string) (User, error)
	// Update loads the user, applies fn and saves the result in one
	// transaction; fn's error aborts without writing.
	Update(ctx context.Context, id int64, fn func(*User) error) (User, error)
	// Delete removes the account and everything the store keeps for it.
	Delete(ctx context.Context, id int64) error
}

// RefreshTokenStore keeps hashed refresh tokens.
type RefreshTokenStore interface {
	Save(ctx context.Context, t RefreshToken) error
	// Consume marks the token used at `at` and returns it as it was before,
	// atomically: of two concurrent calls only one sees UsedAt == nil.
	// Unknown hashes answer errs.ErrNotFound.
	Consume(ctx context.Context, hash string, at time.Time) (RefreshToken, error)
	// RevokeFamily revokes every token of a sign-in.
	RevokeFamily(ctx context.Context, family string, at time.Time) error
}

// PasswordHasher turns passwords into slow, salted hashes.
type PasswordHasher interface {
	Hash(password string) (string, error)
	// Verify reports whether password matches hash.
	Verify(password, hash string) (bool, error)
}

// TokenIssuer signs and checks tokens. Access and refresh tokens are of
// different types, and each Verify refuses the other type.
type TokenIssuer interface {
	IssueAccess(c Claims, now time.Time) (token string, ttl time.Duration, err error)
	IssueRefresh(userID int64, family string, now, expires time.Time) (string, error)
	// VerifyAccess answers errs.ErrUnauthenticated for any token that is not a
	// valid, unexpired access token of ours.
	VerifyAccess(token string, now time.Time) (Claims, error)
	VerifyRefresh(token string, now time.Time) (userID int64, err error)
}

// Clock tells the time, so tests can move it.
type Clock interface {
	Now() time.Time
}

// SystemClock is the wall clock.
type SystemClock struct{}

// Now returns time.Now in UTC.
func (SystemClock) Now() time.Time { return time.Now().UTC() }
