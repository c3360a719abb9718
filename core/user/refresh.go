package user

import (
	"context"
	"errors"

	"github.com/kokmeal/kokmeal/core/errs"
)

var errRefreshRejected = errs.Wrap(errs.ErrUnauthenticated, "refresh token is invalid, expired or revoked")

// Refresh rotates a refresh token: the old one stops working, and a replay of
// a rotated token revokes its whole family (it was probably stolen).
type Refresh struct {
	users    UserStore
	sessions sessions
}

// NewRefresh builds the use case.
func NewRefresh(users UserStore, tokens RefreshTokenStore, issuer TokenIssuer, clock Clock, cfg Config) Refresh {
	return Refresh{users: users, sessions: newSessions(tokens, issuer, clock, cfg)}
}

// Handle answers a new pair for a live refresh token.
func (h Refresh) Handle(ctx context.Context, refreshToken string) (TokenPair, error) {
	now := h.sessions.clock.Now()
	if _, err := h.sessions.issuer.VerifyRefresh(refreshToken, now); err != nil {
		return TokenPair{}, errRefreshRejected
	}
	old, err := h.sessions.tokens.Consume(ctx, hashToken(refreshToken), now)
	if errors.Is(err, errs.ErrNotFound) {
		return TokenPair{}, errRefreshRejected
	}
	if err != nil {
		return TokenPair{}, err
	}
	if old.UsedAt != nil {
		if err := h.sessions.tokens.RevokeFamily(ctx, old.Family, now); err != nil {
			return TokenPair{}, err
		}
		return TokenPair{}, errRefreshRejected
	}
	if old.RevokedAt != nil || !now.Before(old.ExpiresAt) {
		return TokenPair{}, errRefreshRejected
	}
	u, err := h.users.ByID(ctx, old.UserID)
	if errors.Is(err, errs.ErrNotFound) {
		return TokenPair{}, errRefreshRejected
	}
	if err != nil {
		return TokenPair{}, err
	}
	if u.Disabled {
		return TokenPair{}, errs.Wrap(errs.ErrForbidden, "account is disabled")
	}
	return h.sessions.issue(ctx, u, old.Family)
}
