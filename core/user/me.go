package user

import (
	"context"
	"errors"

	"github.com/kokmeal/kokmeal/core/errs"
)

// Me answers the caller's own account.
type Me struct {
	users UserStore
}

// NewMe builds the use case.
func NewMe(users UserStore) Me { return Me{users: users} }

// Handle answers errs.ErrUnauthenticated when the account behind a still-valid
// token is gone, since the caller is no longer anyone.
func (h Me) Handle(ctx context.Context, userID int64) (User, error) {
	u, err := h.users.ByID(ctx, userID)
	if errors.Is(err, errs.ErrNotFound) {
		return User{}, errs.Wrap(errs.ErrUnauthenticated, "account no longer exists")
	}
	return u, err
}
