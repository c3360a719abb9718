package user

import (
	"context"
	"strings"

	"github.com/kokmeal/kokmeal/core/errs"
)

// SignupInput is what a new user gives. There is no role: every signup is a
// plain user.
type SignupInput struct {
	Email    string
	Password string
	Name     string
}

// Signup creates an account.
type Signup struct {
	users  UserStore
	hasher PasswordHasher
	clock  Clock
}

// NewSignup builds the use case.
func NewSignup(users UserStore, hasher PasswordHasher, clock Clock) Signup {
	return Signup{users: users, hasher: hasher, clock: clock}
}

// Handle validates every field, then stores the user with a hashed password.
// A taken email answers errs.ErrConflict.
func (h Signup) Handle(ctx context.Context, in SignupInput) (User, error) {
	email := normaliseEmail(in.Email)
	name := strings.TrimSpace(in.Name)
	f := errs.Fields{}
	checkEmail(f, email)
	checkPassword(f, "password", in.Password)
	checkName(f, name)
	if err := f.Err(); err != nil {
		return User{}, err
	}
	hash, err := h.hasher.Hash(in.Password)
	if err != nil {
		return User{}, err
	}
	now := h.clock.Now()
	return h.users.Create(ctx, User{
		Email:        email,
		Name:         name,
		PasswordHash: hash,
		Role:         RoleUser,
		Preferences:  Preferences{Allergies: []string{}, DislikedIngredients: []string{}, Diets: []string{}, HouseholdSize: 1},
		CreatedAt:    now,
		UpdatedAt:    now,
	})
}
