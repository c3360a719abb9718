package user

import (
	"context"
	"errors"

	"github.com/kokmeal/kokmeal/core/errs"
)

// Logout revokes a refresh token and every token of its sign-in.
type Logout struct {
	tokens RefreshTokenStore
	issuer TokenIssuer
	clock  Clock
}

// NewLogout builds the use case.
func NewLogout(tokens RefreshTokenStore, issuer TokenIssuer, clock Clock) Logout {
	return Logout{tokens: tokens, issuer: issuer, clock: clock}
}

// Handle revokes the family. A token we never issued is unauthenticated; one
// that is already used or revoked still revokes its family, so logging out
// twice is harmless.
func (h Logout) Handle(ctx context.Context, refreshToken string) error {
	now := h.clock.Now()
	if _, err := h.issuer.VerifyRefresh(refreshToken, now); err != nil {
		return errRefreshRejected
	}
	t, err := h.tokens.Consume(ctx, hashToken(refreshToken), now)
	if errors.Is(err, errs.ErrNotFound) {
		return errRefreshRejected
	}
	if err != nil {
		return err
	}
	return h.tokens.RevokeFamily(ctx, t.Family, now)
}
