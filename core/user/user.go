// Package user holds the user service: accounts, sign-in with rotating refresh
// tokens, profiles and food preferences. It knows nothing of HTTP, SQL or JWT;
// those arrive through the ports in ports.go.
package user

import "time"

// Role says what an account may do. Signup always gives RoleUser; an admin is
// made by an operator, never by the account itself.
type Role string

const (
	RoleUser  Role = "user"
	RoleAdmin Role = "admin"
)

// User is an account. Email is stored lower-cased, so uniqueness is
// case-insensitive on every engine without collation tricks.
type User struct {
	ID           int64
	Email        string
	Name         string
	PasswordHash string
	Role         Role
	Preferences  Preferences
	Disabled     bool
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Preferences steer recommendations: allergens and dislikes exclude recipes,
// diets and household size shape ranking and portions.
type Preferences struct {
	Allergies           []string
	DislikedIngredients []string
	Diets               []string
	HouseholdSize       int
}

// Diets a user may declare; anything else is refused so that ranking code can
// rely on the values.
var Diets = []string{"vegetarian", "vegan", "pescatarian", "halal", "gluten_free", "dairy_free", "low_sodium", "low_sugar", "low_carb"}

// RefreshToken is the stored side of a refresh token: only its hash is kept.
// Tokens of one sign-in share a Family, so reuse of a rotated token can revoke
// every token descended from the same login.
type RefreshToken struct {
	Hash      string
	UserID    int64
	Family    string
	ExpiresAt time.Time
	CreatedAt time.Time
	UsedAt    *time.Time // set when rotated; a second use is a replay
	RevokedAt *time.Time
}

// Claims are what an access token says about its bearer.
type Claims struct {
	UserID int64
	Role   Role
}

// TokenPair is what login and refresh hand out.
type TokenPair struct {
	AccessToken  string
	RefreshToken string
	ExpiresIn    time.Duration
}
