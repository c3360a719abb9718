// Package argon2 hashes passwords with argon2id from golang.org/x/crypto, in
// the PHC string format so parameters can change without breaking old hashes.
package argon2

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"github.com/google/wire"
	"golang.org/x/crypto/argon2"

	"github.com/kokmeal/kokmeal/core/user"
)

// ProviderSet builds a Hasher at OWASP's parameters and binds it to the port.
var ProviderSet = wire.NewSet(OWASP, New, wire.Bind(new(user.PasswordHasher), new(*Hasher)))

// Params are argon2id's cost settings.
type Params struct {
	MemoryKiB uint32
	Time      uint32
	Threads   uint8
	SaltLen   int
	KeyLen    uint32
}

// OWASP is the Password Storage Cheat Sheet's minimum: 19 MiB, t=2, p=1.
func OWASP() Params {
	return Params{MemoryKiB: 19 * 1024, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}
}

// Hasher implements user.PasswordHasher.
type Hasher struct {
	p Params
}

var _ user.PasswordHasher = (*Hasher)(nil)

// New builds a hasher with p.
func New(p Params) *Hasher { return &Hasher{p: p} }

var b64 = base64.RawStdEncoding

// Hash returns $argon2id$v=19$m=...,t=...,p=...$salt$key.
func (h *Hasher) Hash(password string) (string, error) {
	salt := make([]byte, h.p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, h.p.Time, h.p.MemoryKiB, h.p.Threads, h.p.KeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, h.p.MemoryKiB, h.p.Time, h.p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

var errFormat = errors.New("argon2: malformed hash")

// Verify recomputes with the hash's own parameters and compares in constant time.
func (h *Hasher) Verify(password, encoded string) (bool, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errFormat
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return false, errFormat
	}
	var p Params
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.MemoryKiB, &p.Time, &p.Threads); err != nil {
		return false, errFormat
	}
	// Bound the work a stored hash may ask for.
	if p.MemoryKiB == 0 || p.MemoryKiB > 1<<20 || p.Time == 0 || p.Time > 10 || p.Threads == 0 {
		return false, errFormat
	}
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false, errFormat
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 || len(want) > 128 {
		return false, errFormat
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}
