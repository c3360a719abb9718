// Package userapi serves the user service's routes (API.md, "user") on kit:
// sign-up, sign-in with rotating refresh tokens, sign-out, and the caller's
// own profile.
package userapi

import (
	"errors"
	"net/http"
	"strings"

	"github.com/google/wire"

	"github.com/kokmeal/kokmeal/adapters/http/kit"
	"github.com/kokmeal/kokmeal/core/user"
)

// ProviderSet builds the slice and its sign-in limiters.
var ProviderSet = wire.NewSet(New, NewLimiters)

// Limiters throttle sign-in attempts per account (the normalised email) and
// per client IP.
//
// Only failed password checks count: a token is taken before the password is
// checked (so a burst of parallel guesses cannot slip past the check) and
// given back when the attempt succeeds or fails for a reason other than bad
// credentials. So a guesser gets the burst (5 per account, 20 per IP by
// default) and then one try per refill interval (12 s, 3 s), while the owner
// who types the password right is never slowed by their own successes, and
// a lockout never outlasts the refill (a minute for a full bucket). The
// price: someone failing on purpose against an account holds its owner to
// the refill pace as well (an attacker spread over many IPs is not stopped
// by the per-IP limit); the limiter never looks at the password, or its
// answer would tell a guesser when a guess was right.
type Limiters struct {
	PerAccount *kit.Limiter
	PerIP      *kit.Limiter
}

// NewLimiters builds the limiters from cfg's LoginPerAccount and LoginPerIP.
func NewLimiters(cfg kit.Config) Limiters {
	cfg = cfg.WithDefaults()
	return Limiters{PerAccount: kit.NewLimiter(cfg.LoginPerAccount), PerIP: kit.NewLimiter(cfg.LoginPerIP)}
}

// Slice is the user service's HTTP side.
type Slice struct {
	svc *user.Service
	lim Limiters
	cfg kit.Config
}

var _ kit.Slice = (*Slice)(nil)

// New builds the slice; a nil limiter in lim is built from cfg.
func New(svc *user.Service, lim Limiters, cfg kit.Config) *Slice {
	cfg = cfg.WithDefaults()
	def := NewLimiters(cfg)
	if lim.PerAccount == nil {
		lim.PerAccount = def.PerAccount
	}
	if lim.PerIP == nil {
		lim.PerIP = def.PerIP
	}
	return &Slice{svc: svc, lim: lim, cfg: cfg}
}

// Routes registers the routes of API.md's user table.
func (s *Slice) Routes(api *kit.API) {
	api = api.WithAuth(s.svc.Authenticate)
	auth, me := []string{"auth"}, []string{"users"}
	api.Handle(http.MethodPost, "/api/v1/auth/signup", s.signup, kit.Op{
		ID: "signup", Summary: "Create an account", Tags: auth,
		Description: "Every account starts as a plain user with default preferences. A taken email (compared case-insensitively) is 409.",
		Request:     SignupRequest{}, Response: User{}, Status: http.StatusCreated,
		Errors: []int{http.StatusConflict, http.StatusUnprocessableEntity},
	})
	api.Handle(http.MethodPost, "/api/v1/auth/login", s.login, kit.Op{
		ID: "login", Summary: "Sign in with email and password", Tags: auth,
		Description: "An unknown email and a wrong password answer the same 401. Failed attempts are throttled per account and per client IP " +
			"(by default a burst of 5 per account and 20 per IP, then one every 12 s / 3 s): past that, 429 with Retry-After. Successful attempts do not count.",
		Request: LoginRequest{}, Response: Tokens{},
		Errors: []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusTooManyRequests},
	})
	api.Handle(http.MethodPost, "/api/v1/auth/refresh", s.refresh, kit.Op{
		ID: "refresh", Summary: "Rotate a refresh token for a new pair", Tags: auth,
		Description: "The refresh token works once. Using it again (a sign it was stolen) revokes every token of the sign-in, the new ones included.",
		Request:     RefreshRequest{}, Response: Tokens{},
		Errors: []int{http.StatusUnauthorized, http.StatusForbidden},
	})
	api.Handle(http.MethodPost, "/api/v1/auth/logout", s.logout, kit.Op{
		ID: "logout", Summary: "Sign out: revoke the refresh token and its whole sign-in", Tags: auth,
		Description: "Access tokens already issued stay valid until they expire (15 minutes).",
		Request:     RefreshRequest{}, Status: http.StatusNoContent,
		Errors: []int{http.StatusUnauthorized},
	})
	api.Handle(http.MethodGet, "/api/v1/users/me", s.getMe, kit.Op{
		ID: "getMe", Summary: "The caller's profile and preferences", Tags: me, Auth: true,
		Response: User{},
	})
	api.Handle(http.MethodPatch, "/api/v1/users/me", s.updateMe, kit.Op{
		ID: "updateMe", Summary: "Change name and preferences", Tags: me, Auth: true,
		Description: "Only the fields present change; a list replaces the old one. null is refused (422): leave a field out to keep it.",
		Request:     ProfilePatch{}, Response: User{},
		Errors: []int{http.StatusUnprocessableEntity},
	})
	api.Handle(http.MethodDelete, "/api/v1/users/me", s.deleteMe, kit.Op{
		ID: "deleteMe", Summary: "Delete the account and its personal data", Tags: me, Auth: true,
		Description: "Every refresh token goes with it. Access tokens already issued are refused by the user routes at once and expire elsewhere within 15 minutes.",
		Status:      http.StatusNoContent,
	})
}

func (s *Slice) signup(w http.ResponseWriter, r *http.Request) {
	var in SignupRequest
	if err := kit.Decode(r, &in); err != nil {
		kit.WriteError(w, r, err)
		return
	}
	u, err := s.svc.Signup.Handle(r.Context(), user.SignupInput{Email: in.Email, Password: in.Password, Name: in.Name})
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/users/me")
	kit.WriteJSON(w, http.StatusCreated, userFrom(u))
}

func (s *Slice) login(w http.ResponseWriter, r *http.Request) {
	var in LoginRequest
	if err := kit.Decode(r, &in); err != nil {
		kit.WriteError(w, r, err)
		return
	}
	ipOK, ipWait, undoIP := s.lim.PerIP.Take(kit.IPKey(kit.ClientIP(r, s.cfg.TrustProxy)))
	if !ipOK {
		kit.WriteError(w, r, &kit.RateLimitedError{RetryAfter: ipWait})
		return
	}
	// The same form the core looks accounts up by, so "A@x.kr" and
	// " a@x.kr" share a bucket.
	acctOK, acctWait, undoAcct := s.lim.PerAccount.Take("account:" + strings.ToLower(strings.TrimSpace(in.Email)))
	if !acctOK {
		undoIP() // no password was checked
		kit.WriteError(w, r, &kit.RateLimitedError{RetryAfter: acctWait})
		return
	}
	pair, err := s.svc.Login.Handle(r.Context(), user.LoginInput{Email: in.Email, Password: in.Password})
	if !errors.Is(err, user.ErrBadCredentials) {
		undoIP()
		undoAcct()
	}
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, tokensFrom(pair))
}

func (s *Slice) refresh(w http.ResponseWriter, r *http.Request) {
	var in RefreshRequest
	if err := kit.Decode(r, &in); err != nil {
		kit.WriteError(w, r, err)
		return
	}
	pair, err := s.svc.Refresh.Handle(r.Context(), in.RefreshToken)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, tokensFrom(pair))
}

func (s *Slice) logout(w http.ResponseWriter, r *http.Request) {
	var in RefreshRequest
	if err := kit.Decode(r, &in); err != nil {
		kit.WriteError(w, r, err)
		return
	}
	if err := s.svc.Logout.Handle(r.Context(), in.RefreshToken); err != nil {
		kit.WriteError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Slice) getMe(w http.ResponseWriter, r *http.Request) {
	c, _ := kit.ClaimsFrom(r.Context()) // the route is Auth: RequireAuth ran
	u, err := s.svc.Me.Handle(r.Context(), c.UserID)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, userFrom(u))
}

func (s *Slice) updateMe(w http.ResponseWriter, r *http.Request) {
	c, _ := kit.ClaimsFrom(r.Context())
	var in ProfilePatch
	if err := kit.Decode(r, &in); err != nil {
		kit.WriteError(w, r, err)
		return
	}
	u, err := s.svc.UpdateProfile.Handle(r.Context(), c.UserID, in.toCore())
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, userFrom(u))
}

func (s *Slice) deleteMe(w http.ResponseWriter, r *http.Request) {
	c, _ := kit.ClaimsFrom(r.Context())
	if err := s.svc.DeleteAccount.Handle(r.Context(), c.UserID); err != nil {
		kit.WriteError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
