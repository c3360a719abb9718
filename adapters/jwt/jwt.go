// Package jwt issues and verifies the user service's tokens with
// github.com/golang-jwt/jwt/v5: HS256 only, expiry required, issuer and
// audience checked, and a token-type claim so that a refresh token is never
// accepted where an access token is due (nor the other way round).
package jwt

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"

	gojwt "github.com/golang-jwt/jwt/v5"
	"github.com/google/wire"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/user"
)

// ProviderSet builds an *Issuer and binds it to the user port.
var ProviderSet = wire.NewSet(New, wire.Bind(new(user.TokenIssuer), new(*Issuer)))

// MinSecretBytes is the shortest HS256 key accepted outside dev mode: a key
// shorter than the hash output weakens the MAC (RFC 7518 §3.2).
const MinSecretBytes = 32

// Secret is the signing key; a named type so wire cannot confuse it with
// another string.
type Secret []byte

// Config sets who signs and for whom.
type Config struct {
	Secret    Secret
	Issuer    string
	Audience  string
	AccessTTL time.Duration
	// DevMode allows a short secret, for a laptop only.
	DevMode bool
}

// DefaultConfig has 15-minute access tokens.
func DefaultConfig(secret Secret, dev bool) Config {
	return Config{Secret: secret, Issuer: "kokmeal", Audience: "kokmeal-api", AccessTTL: 15 * time.Minute, DevMode: dev}
}

const (
	typeAccess  = "access"
	typeRefresh = "refresh"
)

// claims is the token body. Typ keeps the two token kinds apart.
type claims struct {
	gojwt.RegisteredClaims
	Typ    string `json:"typ"`
	Role   string `json:"role,omitempty"`
	Family string `json:"fam,omitempty"`
}

// Issuer implements user.TokenIssuer.
type Issuer struct {
	cfg Config
}

var _ user.TokenIssuer = (*Issuer)(nil)

// ErrWeakSecret refuses to start with a short key outside dev mode.
var ErrWeakSecret = fmt.Errorf("jwt secret must be at least %d bytes", MinSecretBytes)

// New checks the configuration.
func New(cfg Config) (*Issuer, error) {
	if len(cfg.Secret) == 0 || (len(cfg.Secret) < MinSecretBytes && !cfg.DevMode) {
		return nil, ErrWeakSecret
	}
	if cfg.Issuer == "" || cfg.Audience == "" || cfg.AccessTTL <= 0 {
		return nil, errors.New("jwt issuer, audience and access ttl are required")
	}
	return &Issuer{cfg: cfg}, nil
}

func (i *Issuer) sign(c claims) (string, error) {
	return gojwt.NewWithClaims(gojwt.SigningMethodHS256, c).SignedString([]byte(i.cfg.Secret))
}

func (i *Issuer) registered(sub int64, now, expires time.Time) (gojwt.RegisteredClaims, error) {
	var id [16]byte
	if _, err := rand.Read(id[:]); err != nil {
		return gojwt.RegisteredClaims{}, err
	}
	return gojwt.RegisteredClaims{
		Issuer:    i.cfg.Issuer,
		Subject:   strconv.FormatInt(sub, 10),
		Audience:  gojwt.ClaimStrings{i.cfg.Audience},
		IssuedAt:  gojwt.NewNumericDate(now),
		NotBefore: gojwt.NewNumericDate(now),
		ExpiresAt: gojwt.NewNumericDate(expires),
		// A unique id keeps two tokens issued in the same second distinct,
		// which matters because refresh tokens are stored by hash.
		ID: hex.EncodeToString(id[:]),
	}, nil
}

// IssueAccess signs a short-lived access token.
func (i *Issuer) IssueAccess(c user.Claims, now time.Time) (string, time.Duration, error) {
	rc, err := i.registered(c.UserID, now, now.Add(i.cfg.AccessTTL))
	if err != nil {
		return "", 0, err
	}
	tok, err := i.sign(claims{RegisteredClaims: rc, Typ: typeAccess, Role: string(c.Role)})
	return tok, i.cfg.AccessTTL, err
}

// IssueRefresh signs a refresh token of a family.
func (i *Issuer) IssueRefresh(userID int64, family string, now, expires time.Time) (string, error) {
	rc, err := i.registered(userID, now, expires)
	if err != nil {
		return "", err
	}
	return i.sign(claims{RegisteredClaims: rc, Typ: typeRefresh, Family: family})
}

func (i *Issuer) parse(token, typ string, now time.Time) (claims, int64, error) {
	var c claims
	_, err := gojwt.ParseWithClaims(token, &c, func(*gojwt.Token) (any, error) { return []byte(i.cfg.Secret), nil },
		gojwt.WithValidMethods([]string{gojwt.SigningMethodHS256.Alg()}),
		gojwt.WithExpirationRequired(),
		gojwt.WithIssuer(i.cfg.Issuer),
		gojwt.WithAudience(i.cfg.Audience),
		gojwt.WithTimeFunc(func() time.Time { return now }),
	)
	if err != nil {
		return claims{}, 0, errs.Wrap(errs.ErrUnauthenticated, "invalid token")
	}
	if c.Typ != typ {
		return claims{}, 0, errs.Wrap(errs.ErrUnauthenticated, "wrong token type")
	}
	id, err := strconv.ParseInt(c.Subject, 10, 64)
	if err != nil || id <= 0 {
		return claims{}, 0, errs.Wrap(errs.ErrUnauthenticated, "invalid token subject")
	}
	return c, id, nil
}

// VerifyAccess accepts only our unexpired access tokens.
func (i *Issuer) VerifyAccess(token string, now time.Time) (user.Claims, error) {
	c, id, err := i.parse(token, typeAccess, now)
	if err != nil {
		return user.Claims{}, err
	}
	role := user.Role(c.Role)
	if role != user.RoleUser && role != user.RoleAdmin {
		return user.Claims{}, errs.Wrap(errs.ErrUnauthenticated, "invalid token role")
	}
	return user.Claims{UserID: id, Role: role}, nil
}

// VerifyRefresh accepts only our unexpired refresh tokens.
func (i *Issuer) VerifyRefresh(token string, now time.Time) (int64, error) {
	_, id, err := i.parse(token, typeRefresh, now)
	return id, err
}
