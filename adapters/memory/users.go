// Package memory holds in-memory adapters of the core ports, for tests and for
// Go programs that use the core without a database. They copy on the way in
// and out, so callers never share slices with the store.
package memory

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/user"
)

// Accounts keeps users and their refresh tokens together, so deleting a user
// drops its tokens as the SQL schema's cascade does.
type Accounts struct {
	mu     sync.Mutex
	nextID int64
	users  map[int64]user.User
	tokens map[string]user.RefreshToken
}

// NewAccounts returns an empty store.
func NewAccounts() *Accounts {
	return &Accounts{users: map[int64]user.User{}, tokens: map[string]user.RefreshToken{}}
}

// Users is the user.UserStore view.
func (a *Accounts) Users() *UserStore { return (*UserStore)(a) }

// Tokens is the user.RefreshTokenStore view.
func (a *Accounts) Tokens() *RefreshTokenStore { return (*RefreshTokenStore)(a) }

// UserStore implements user.UserStore.
type UserStore Accounts

var _ user.UserStore = (*UserStore)(nil)

func cloneUser(u user.User) user.User {
	u.Preferences.Allergies = slices.Clone(u.Preferences.Allergies)
	u.Preferences.DislikedIngredients = slices.Clone(u.Preferences.DislikedIngredients)
	u.Preferences.Diets = slices.Clone(u.Preferences.Diets)
	return u
}

func (s *UserStore) emailTaken(email string, except int64) bool {
	for id, u := range s.users {
		if u.Email == email && id != except {
			return true
		}
	}
	return false
}

// Create stores a new user and assigns its ID.
func (s *UserStore) Create(_ context.Context, u user.User) (user.User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.emailTaken(u.Email, 0) {
		return user.User{}, errs.Wrap(errs.ErrConflict, "email already registered")
	}
	s.nextID++
	u.ID = s.nextID
	s.users[u.ID] = cloneUser(u)
	return cloneUser(u), nil
}

// ByID finds a user.
func (s *UserStore) ByID(_ context.Context, id int64) (user.User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users[id]
	if !ok {
		return user.User{}, errs.Wrap(errs.ErrNotFound, "user %d", id)
	}
	return cloneUser(u), nil
}

// ByEmail finds a user by its lower-cased email.
func (s *UserStore) ByEmail(_ context.Context, email string) (user.User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, u := range s.users {
		if u.Email == email {
			return cloneUser(u), nil
		}
	}
	return user.User{}, errs.Wrap(errs.ErrNotFound, "user")
}

// Update applies fn under the lock, so updates are serialised.
func (s *UserStore) Update(_ context.Context, id int64, fn func(*user.User) error) (user.User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users[id]
	if !ok {
		return user.User{}, errs.Wrap(errs.ErrNotFound, "user %d", id)
	}
	u = cloneUser(u)
	if err := fn(&u); err != nil {
		return user.User{}, err
	}
	u.ID = id
	if s.emailTaken(u.Email, id) {
		return user.User{}, errs.Wrap(errs.ErrConflict, "email already registered")
	}
	s.users[id] = cloneUser(u)
	return u, nil
}

// Delete removes a user and its refresh tokens.
func (s *UserStore) Delete(_ context.Context, id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.users[id]; !ok {
		return errs.Wrap(errs.ErrNotFound, "user %d", id)
	}
	delete(s.users, id)
	for h, t := range s.tokens {
		if t.UserID == id {
			delete(s.tokens, h)
		}
	}
	return nil
}

// RefreshTokenStore implements user.RefreshTokenStore.
type RefreshTokenStore Accounts

var _ user.RefreshTokenStore = (*RefreshTokenStore)(nil)

// Save stores a token; a known hash is a conflict.
func (s *RefreshTokenStore) Save(_ context.Context, t user.RefreshToken) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.tokens[t.Hash]; ok {
		return errs.Wrap(errs.ErrConflict, "refresh token exists")
	}
	if _, ok := s.users[t.UserID]; !ok {
		return errs.Wrap(errs.ErrNotFound, "user %d", t.UserID)
	}
	s.tokens[t.Hash] = t
	return nil
}

// Consume marks the token used and returns it as it was.
func (s *RefreshTokenStore) Consume(_ context.Context, hash string, at time.Time) (user.RefreshToken, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tokens[hash]
	if !ok {
		return user.RefreshToken{}, errs.Wrap(errs.ErrNotFound, "refresh token")
	}
	if t.UsedAt == nil {
		used := t
		used.UsedAt = &at
		s.tokens[hash] = used
	}
	return t, nil
}

// RevokeFamily revokes every token of a family not revoked already.
func (s *RefreshTokenStore) RevokeFamily(_ context.Context, family string, at time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for h, t := range s.tokens {
		if t.Family == family && t.RevokedAt == nil {
			t.RevokedAt = &at
			s.tokens[h] = t
		}
	}
	return nil
}
