package kit

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/gorilla/mux"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/user"
)

// Authenticator turns an access token into claims; user.Authenticate is one.
// It answers errs.ErrUnauthenticated for any token it does not accept.
type Authenticator interface {
	Handle(ctx context.Context, accessToken string) (user.Claims, error)
}

var errNoBearer = errs.Wrap(errs.ErrUnauthenticated, "missing or malformed Authorization header; send Authorization: Bearer <access token>")

// RequireAuth lets a request through only with a valid
// "Authorization: Bearer <access token>"; the handler finds the claims with
// ClaimsFrom. Anything else is 401 with a WWW-Authenticate challenge.
// API.Handle applies it to every Op with Auth, so there is rarely a reason
// to use it directly.
func RequireAuth(authn Authenticator) mux.MiddlewareFunc {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			token, ok := bearerToken(r.Header.Get("Authorization"))
			if !ok {
				w.Header().Set("WWW-Authenticate", `Bearer realm="kokmeal"`)
				WriteError(w, r, errNoBearer)
				return
			}
			claims, err := authn.Handle(r.Context(), token)
			if err != nil {
				if errors.Is(err, errs.ErrUnauthenticated) {
					w.Header().Set("WWW-Authenticate", `Bearer realm="kokmeal", error="invalid_token"`)
				}
				WriteError(w, r, err)
				return
			}
			if ri := routeFrom(r.Context()); ri != nil {
				ri.userID = claims.UserID
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), keyClaims, claims)))
		})
	}
}

// ClaimsFrom is the caller's claims on a route behind RequireAuth.
func ClaimsFrom(ctx context.Context) (user.Claims, bool) {
	c, ok := ctx.Value(keyClaims).(user.Claims)
	return c, ok
}

// bearerToken takes the token from "Bearer <token>" (the scheme is
// case-insensitive, RFC 9110 §11.1); the token is one non-empty word of
// token68 characters.
func bearerToken(h string) (string, bool) {
	scheme, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimLeft(token, " ")
	if token == "" || len(token) > 8192 {
		return "", false
	}
	for i := range len(token) {
		c := token[i]
		isAlnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !isAlnum && !strings.ContainsRune("-._~+/=", rune(c)) {
			return "", false
		}
	}
	return token, true
}
