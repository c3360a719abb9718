package jwt_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	gojwt "github.com/golang-jwt/jwt/v5"

	"github.com/kokmeal/kokmeal/adapters/jwt"
	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/user"
)

var (
	secret = jwt.Secret("0123456789abcdef0123456789abcdef")
	now    = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
)

func issuer(t *testing.T) *jwt.Issuer {
	t.Helper()
	i, err := jwt.New(jwt.DefaultConfig(secret, false))
	if err != nil {
		t.Fatal(err)
	}
	return i
}

func TestShortSecretRefusedOutsideDevMode(t *testing.T) {
	if _, err := jwt.New(jwt.DefaultConfig(jwt.Secret("short"), false)); !errors.Is(err, jwt.ErrWeakSecret) {
		t.Fatalf("short secret: %v", err)
	}
	if _, err := jwt.New(jwt.DefaultConfig(jwt.Secret("short"), true)); err != nil {
		t.Fatalf("dev mode: %v", err)
	}
}

func TestAccessRoundTripAndLifetime(t *testing.T) {
	i := issuer(t)
	tok, ttl, err := i.IssueAccess(user.Claims{UserID: 42, Role: user.RoleAdmin}, now)
	if err != nil || ttl != 15*time.Minute {
		t.Fatalf("issue: %v ttl=%v", err, ttl)
	}
	c, err := i.VerifyAccess(tok, now.Add(14*time.Minute))
	if err != nil || c.UserID != 42 || c.Role != user.RoleAdmin {
		t.Fatalf("verify: %+v %v", c, err)
	}
	if _, err := i.VerifyAccess(tok, now.Add(16*time.Minute)); !errors.Is(err, errs.ErrUnauthenticated) {
		t.Fatalf("expired token accepted: %v", err)
	}
}

func TestRejected(t *testing.T) {
	i := issuer(t)
	access, _, _ := i.IssueAccess(user.Claims{UserID: 1, Role: user.RoleUser}, now)
	refresh, _ := i.IssueRefresh(1, "fam", now, now.Add(time.Hour))
	sign := func(method gojwt.SigningMethod, key any, c gojwt.MapClaims) string {
		s, err := gojwt.NewWithClaims(method, c).SignedString(key)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	base := func() gojwt.MapClaims {
		return gojwt.MapClaims{"iss": "kokmeal", "aud": "kokmeal-api", "sub": "1", "typ": "access", "role": "user", "exp": now.Add(time.Minute).Unix()}
	}
	wrongAud, noExp, wrongIss := base(), base(), base()
	wrongAud["aud"] = "someone-else"
	delete(noExp, "exp")
	wrongIss["iss"] = "evil"
	parts := strings.Split(access, ".")
	tampered := parts[0] + "." + parts[1] + "x." + parts[2]

	for name, tok := range map[string]string{
		"refresh as access": refresh,
		"alg none":          sign(gojwt.SigningMethodNone, gojwt.UnsafeAllowNoneSignatureType, base()),
		"wrong audience":    sign(gojwt.SigningMethodHS256, []byte(secret), wrongAud),
		"wrong issuer":      sign(gojwt.SigningMethodHS256, []byte(secret), wrongIss),
		"no expiry":         sign(gojwt.SigningMethodHS256, []byte(secret), noExp),
		"other key":         sign(gojwt.SigningMethodHS256, []byte("ffffffffffffffffffffffffffffffff"), base()),
		"HS512":             sign(gojwt.SigningMethodHS512, []byte(secret), base()),
		"tampered":          tampered,
		"garbage":           "not.a.token",
	} {
		if _, err := i.VerifyAccess(tok, now); !errors.Is(err, errs.ErrUnauthenticated) {
			t.Errorf("%s: accepted as access token (%v)", name, err)
		}
	}
	if _, err := i.VerifyRefresh(access, now); !errors.Is(err, errs.ErrUnauthenticated) {
		t.Errorf("access token accepted as refresh token")
	}
	if id, err := i.VerifyRefresh(refresh, now); err != nil || id != 1 {
		t.Errorf("refresh: %d %v", id, err)
	}
}
