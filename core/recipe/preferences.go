package recipe

import (
	"context"
	"errors"
	"slices"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/user"
)

// UsersPreferences answers UserPreferences from the user service's store:
// a user's allergies and disliked ingredients. Wiring is one line:
// recipe.NewUsersPreferences(userStore).
type UsersPreferences struct {
	users user.UserStore
}

var _ UserPreferences = UsersPreferences{}

// NewUsersPreferences adapts a user store.
func NewUsersPreferences(users user.UserStore) UsersPreferences {
	return UsersPreferences{users: users}
}

// Preferences answers nothing to avoid for an account that is gone: its
// token is about to stop working anyway, and the answer is not personal.
func (p UsersPreferences) Preferences(ctx context.Context, userID int64) ([]string, error) {
	u, err := p.users.ByID(ctx, userID)
	if errors.Is(err, errs.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return slices.Concat(u.Preferences.Allergies, u.Preferences.DislikedIngredients), nil
}
