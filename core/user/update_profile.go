package user

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/kokmeal/kokmeal/core/errs"
)

// ProfilePatch changes only the fields that are set.
type ProfilePatch struct {
	Name                *string
	Allergies           *[]string
	DislikedIngredients *[]string
	Diets               *[]string
	HouseholdSize       *int
}

// UpdateProfile changes the caller's name and preferences.
type UpdateProfile struct {
	users UserStore
	clock Clock
}

// NewUpdateProfile builds the use case.
func NewUpdateProfile(users UserStore, clock Clock) UpdateProfile {
	return UpdateProfile{users: users, clock: clock}
}

// Handle validates the whole patch before anything is written.
func (h UpdateProfile) Handle(ctx context.Context, userID int64, p ProfilePatch) (User, error) {
	f := errs.Fields{}
	var name string
	if p.Name != nil {
		name = strings.TrimSpace(*p.Name)
		checkName(f, name)
	}
	var allergies, disliked, diets []string
	if p.Allergies != nil {
		allergies = cleanList(f, "allergies", *p.Allergies)
	}
	if p.DislikedIngredients != nil {
		disliked = cleanList(f, "disliked_ingredients", *p.DislikedIngredients)
	}
	if p.Diets != nil {
		diets = cleanList(f, "diets", *p.Diets)
		for _, d := range diets {
			if !slices.Contains(Diets, d) {
				f.Add("diets", "unknown diet "+d+"; one of "+strings.Join(Diets, ", "))
			}
		}
	}
	if p.HouseholdSize != nil {
		f.Check(*p.HouseholdSize < 1 || *p.HouseholdSize > MaxHouseholdSize, "household_size", "must be between 1 and 20")
	}
	if err := f.Err(); err != nil {
		return User{}, err
	}
	u, err := h.users.Update(ctx, userID, func(u *User) error {
		if p.Name != nil {
			u.Name = name
		}
		if p.Allergies != nil {
			u.Preferences.Allergies = allergies
		}
		if p.DislikedIngredients != nil {
			u.Preferences.DislikedIngredients = disliked
		}
		if p.Diets != nil {
			u.Preferences.Diets = diets
		}
		if p.HouseholdSize != nil {
			u.Preferences.HouseholdSize = *p.HouseholdSize
		}
		u.UpdatedAt = h.clock.Now()
		return nil
	})
	if errors.Is(err, errs.ErrNotFound) {
		return User{}, errs.Wrap(errs.ErrUnauthenticated, "account no longer exists")
	}
	return u, err
}
