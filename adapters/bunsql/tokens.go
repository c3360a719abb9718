package bunsql

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/kokmeal/kokmeal/core/user"
)

// tokenRow is a row of refresh_tokens.
type tokenRow struct {
	bun.BaseModel `bun:"table:refresh_tokens"`

	Hash      string     `bun:"hash,pk"`
	UserID    int64      `bun:"user_id,notnull"`
	Family    string     `bun:"family,notnull"`
	ExpiresAt time.Time  `bun:"expires_at,notnull"`
	CreatedAt time.Time  `bun:"created_at,notnull"`
	UsedAt    *time.Time `bun:"used_at"`
	RevokedAt *time.Time `bun:"revoked_at"`
}

func toTokenRow(t user.RefreshToken) *tokenRow {
	return &tokenRow{
		Hash: t.Hash, UserID: t.UserID, Family: t.Family,
		ExpiresAt: dbTime(t.ExpiresAt), CreatedAt: dbTime(t.CreatedAt),
		UsedAt: dbTimePtr(t.UsedAt), RevokedAt: dbTimePtr(t.RevokedAt),
	}
}

func (r *tokenRow) token() user.RefreshToken {
	return user.RefreshToken{
		Hash: r.Hash, UserID: r.UserID, Family: r.Family,
		ExpiresAt: r.ExpiresAt.UTC(), CreatedAt: r.CreatedAt.UTC(),
		UsedAt: utcPtr(r.UsedAt), RevokedAt: utcPtr(r.RevokedAt),
	}
}

// RefreshTokenStore implements user.RefreshTokenStore on the main database.
type RefreshTokenStore struct {
	db *bun.DB
}

var _ user.RefreshTokenStore = (*RefreshTokenStore)(nil)

// NewRefreshTokenStore returns the store of refresh tokens of the main
// database.
func NewRefreshTokenStore(db MainDB) *RefreshTokenStore { return &RefreshTokenStore{db: db.DB} }

// Save inserts a token. A known hash is errs.ErrConflict; a token of no
// existing user is errs.ErrNotFound.
func (s *RefreshTokenStore) Save(ctx context.Context, t user.RefreshToken) error {
	if _, err := s.db.NewInsert().Model(toTokenRow(t)).Exec(ctx); err != nil {
		return translate(err, "save refresh token")
	}
	return nil
}

// Consume marks the token used at `at` and answers it as it was before.
//
// The claim is one conditional UPDATE (... WHERE hash = ? AND used_at IS
// NULL): every engine runs it atomically, so of concurrent consumers exactly
// one changes a row, and only that one is told the token was unused. The row
// is read afterwards; for the winner, UsedAt is reported as it was (nil).
func (s *RefreshTokenStore) Consume(ctx context.Context, hash string, at time.Time) (user.RefreshToken, error) {
	claimed, err := claimToken(ctx, s.db, hash, dbTime(at))
	if err != nil {
		return user.RefreshToken{}, translate(err, "consume refresh token")
	}
	row := new(tokenRow)
	if err := s.db.NewSelect().Model(row).Where("hash = ?", hash).Scan(ctx); err != nil {
		return user.RefreshToken{}, translate(err, "refresh token")
	}
	t := row.token()
	if claimed {
		t.UsedAt = nil
	}
	return t, nil
}

func claimToken(ctx context.Context, db bun.IDB, hash string, at time.Time) (bool, error) {
	res, err := db.NewUpdate().Model((*tokenRow)(nil)).
		Set("used_at = ?", at).
		Where("hash = ?", hash).
		Where("used_at IS NULL").
		Exec(ctx)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// RevokeFamily revokes every token of a family not revoked already; the
// first revocation time is kept.
func (s *RefreshTokenStore) RevokeFamily(ctx context.Context, family string, at time.Time) error {
	_, err := s.db.NewUpdate().Model((*tokenRow)(nil)).
		Set("revoked_at = ?", dbTime(at)).
		Where("family = ?", family).
		Where("revoked_at IS NULL").
		Exec(ctx)
	return translate(err, "revoke refresh token family")
}
