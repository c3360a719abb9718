package user

import "context"

// Authenticate turns an access token into claims. It is stateless: the
// token's 15-minute life bounds how long a revoked sign-in keeps access.
type Authenticate struct {
	issuer TokenIssuer
	clock  Clock
}

// NewAuthenticate builds the use case.
func NewAuthenticate(issuer TokenIssuer, clock Clock) Authenticate {
	return Authenticate{issuer: issuer, clock: clock}
}

// Handle answers errs.ErrUnauthenticated for anything but a valid access token.
func (h Authenticate) Handle(_ context.Context, accessToken string) (Claims, error) {
	return h.issuer.VerifyAccess(accessToken, h.clock.Now())
}
