package user

import (
	"context"
	"errors"

	"github.com/kokmeal/kokmeal/core/errs"
)

// DeleteAccount removes the caller's account and personal data; the store
// drops its refresh tokens with it, so no sign-in survives.
type DeleteAccount struct {
	users UserStore
}

// NewDeleteAccount builds the use case.
func NewDeleteAccount(users UserStore) DeleteAccount { return DeleteAccount{users: users} }

// Handle deletes; deleting an account that is already gone is unauthenticated,
// like any other call with a token for nobody.
func (h DeleteAccount) Handle(ctx context.Context, userID int64) error {
	err := h.users.Delete(ctx, userID)
	if errors.Is(err, errs.ErrNotFound) {
		return errs.Wrap(errs.ErrUnauthenticated, "account no longer exists")
	}
	return err
}
