package user

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"time"

	"github.com/kokmeal/kokmeal/core/errs"
)

// ErrBadCredentials is the one answer for an unknown email and a wrong
// password alike, so a caller cannot learn which accounts exist.
var ErrBadCredentials = errs.Wrap(errs.ErrUnauthenticated, "invalid email or password")

// LoginInput is an email and a password.
type LoginInput struct {
	Email    string
	Password string
}

// Login checks a password and starts a new token family.
type Login struct {
	users    UserStore
	hasher   PasswordHasher
	sessions sessions
	// dummyHash is verified when the email is unknown so that both failures
	// take the same time.
	dummyHash string
}

// NewLogin builds the use case.
func NewLogin(users UserStore, hasher PasswordHasher, tokens RefreshTokenStore, issuer TokenIssuer, clock Clock, cfg Config) (Login, error) {
	dummy, err := hasher.Hash("kokmeal-timing-equaliser")
	if err != nil {
		return Login{}, err
	}
	return Login{users: users, hasher: hasher, sessions: newSessions(tokens, issuer, clock, cfg), dummyHash: dummy}, nil
}

// Handle answers a token pair, or ErrBadCredentials.
func (h Login) Handle(ctx context.Context, in LoginInput) (TokenPair, error) {
	u, err := h.users.ByEmail(ctx, normaliseEmail(in.Email))
	if errors.Is(err, errs.ErrNotFound) {
		_, _ = h.hasher.Verify(in.Password, h.dummyHash)
		return TokenPair{}, ErrBadCredentials
	}
	if err != nil {
		return TokenPair{}, err
	}
	ok, err := h.hasher.Verify(in.Password, u.PasswordHash)
	if err != nil {
		return TokenPair{}, err
	}
	if !ok {
		return TokenPair{}, ErrBadCredentials
	}
	if u.Disabled {
		return TokenPair{}, errs.Wrap(errs.ErrForbidden, "account is disabled")
	}
	family, err := randomID()
	if err != nil {
		return TokenPair{}, err
	}
	return h.sessions.issue(ctx, u, family)
}

// Config holds the user service's tunables.
type Config struct {
	RefreshTTL time.Duration
}

// DefaultConfig keeps a sign-in alive for 30 days of inactivity.
func DefaultConfig() Config { return Config{RefreshTTL: 30 * 24 * time.Hour} }

// sessions issues token pairs and records the refresh side; login and
// refresh share it.
type sessions struct {
	tokens RefreshTokenStore
	issuer TokenIssuer
	clock  Clock
	ttl    time.Duration
}

func newSessions(tokens RefreshTokenStore, issuer TokenIssuer, clock Clock, cfg Config) sessions {
	if cfg.RefreshTTL <= 0 {
		cfg = DefaultConfig()
	}
	return sessions{tokens: tokens, issuer: issuer, clock: clock, ttl: cfg.RefreshTTL}
}

func (s sessions) issue(ctx context.Context, u User, family string) (TokenPair, error) {
	now := s.clock.Now()
	access, ttl, err := s.issuer.IssueAccess(Claims{UserID: u.ID, Role: u.Role}, now)
	if err != nil {
		return TokenPair{}, err
	}
	expires := now.Add(s.ttl)
	refresh, err := s.issuer.IssueRefresh(u.ID, family, now, expires)
	if err != nil {
		return TokenPair{}, err
	}
	err = s.tokens.Save(ctx, RefreshToken{Hash: hashToken(refresh), UserID: u.ID, Family: family, ExpiresAt: expires, CreatedAt: now})
	if err != nil {
		return TokenPair{}, err
	}
	return TokenPair{AccessToken: access, RefreshToken: refresh, ExpiresIn: ttl}, nil
}

// hashToken is how refresh tokens are stored: a leaked table yields nothing
// that can be replayed.
func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func randomID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return hex.EncodeToString(b[:]), nil
}
