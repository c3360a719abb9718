package userapi

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/kokmeal/kokmeal/adapters/http/kit"
	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/user"
)

// SignupRequest creates an account. There is no role field: a body with one
// is refused as an unknown field, and every signup is a plain user.
type SignupRequest struct {
	Email    string `json:"email" format:"email" doc:"Unique, case-insensitively; stored lower-cased."`
	Password string `json:"password" format:"password" doc:"At least 10 characters (a Korean syllable is one), at most 256 bytes."`
	Name     string `json:"name" doc:"1 to 50 characters."`
}

// LoginRequest signs in.
type LoginRequest struct {
	Email    string `json:"email" format:"email"`
	Password string `json:"password" format:"password"`
}

// RefreshRequest carries a refresh token (to rotate it, or to log out).
type RefreshRequest struct {
	RefreshToken string `json:"refresh_token"`
}

// Tokens is a sign-in: a short-lived access token for Authorization: Bearer,
// and a refresh token that can be used once to get the next pair.
type Tokens struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	TokenType    string `json:"token_type" enum:"Bearer"`
	ExpiresIn    int64  `json:"expires_in" doc:"Seconds until the access token expires."`
}

func tokensFrom(p user.TokenPair) Tokens {
	return Tokens{AccessToken: p.AccessToken, RefreshToken: p.RefreshToken, TokenType: "Bearer", ExpiresIn: int64(p.ExpiresIn / time.Second)}
}

// User is an account as its owner sees it; it never carries the password
// hash or tokens.
type User struct {
	ID          int64       `json:"id"`
	Email       string      `json:"email" format:"email"`
	Name        string      `json:"name"`
	Role        string      `json:"role" enum:"user,admin"`
	Preferences Preferences `json:"preferences"`
	CreatedAt   time.Time   `json:"created_at"`
	UpdatedAt   time.Time   `json:"updated_at"`
}

// Preferences steer recommendations.
type Preferences struct {
	Allergies           []string `json:"allergies" doc:"Ingredients the user must not eat (e.g. 땅콩)."`
	DislikedIngredients []string `json:"disliked_ingredients" doc:"Ingredients to avoid (e.g. 오이)."`
	Diets               []string `json:"diets" enum:"vegetarian,vegan,pescatarian,halal,gluten_free,dairy_free,low_sodium,low_sugar,low_carb"`
	HouseholdSize       int      `json:"household_size" doc:"People cooked for, 1 to 20."`
}

func userFrom(u user.User) User {
	return User{
		ID:    u.ID,
		Email: u.Email,
		Name:  u.Name,
		Role:  string(u.Role),
		Preferences: Preferences{
			Allergies:           nonNil(u.Preferences.Allergies),
			DislikedIngredients: nonNil(u.Preferences.DislikedIngredients),
			Diets:               nonNil(u.Preferences.Diets),
			HouseholdSize:       u.Preferences.HouseholdSize,
		},
		CreatedAt: u.CreatedAt.UTC(),
		UpdatedAt: u.UpdatedAt.UTC(),
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// ProfilePatch changes the fields it has and keeps the others. It is flat
// (the preference fields sit beside name) so that its field names are the
// ones validation errors use. A field may be left out but not be null: null
// is ambiguous (clear? keep?), so it is refused with 422; send [] to clear a
// list.
type ProfilePatch struct {
	Name                *string   `json:"name,omitempty" doc:"1 to 50 characters."`
	Allergies           *[]string `json:"allergies,omitempty" doc:"Replaces the list; at most 50 items of at most 50 characters."`
	DislikedIngredients *[]string `json:"disliked_ingredients,omitempty" doc:"Replaces the list; at most 50 items of at most 50 characters."`
	Diets               *[]string `json:"diets,omitempty" enum:"vegetarian,vegan,pescatarian,halal,gluten_free,dairy_free,low_sodium,low_sugar,low_carb" doc:"Replaces the list."`
	HouseholdSize       *int      `json:"household_size,omitempty" doc:"1 to 20."`
}

// UnmarshalJSON decodes strictly, as kit.Decode does, then refuses nulls.
func (p *ProfilePatch) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		return &kit.RequestError{Kind: kit.ErrMalformed, Message: "request body must be a JSON object"}
	}
	type plain ProfilePatch // no methods: no recursion
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode((*plain)(p)); err != nil {
		return err
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	f := errs.Fields{}
	for k, v := range raw {
		f.Check(string(v) == "null", k, "must not be null; leave the field out to keep its value (send [] to clear a list)")
	}
	return f.Err()
}

func (p ProfilePatch) toCore() user.ProfilePatch {
	return user.ProfilePatch{
		Name:                p.Name,
		Allergies:           p.Allergies,
		DislikedIngredients: p.DislikedIngredients,
		Diets:               p.Diets,
		HouseholdSize:       p.HouseholdSize,
	}
}
