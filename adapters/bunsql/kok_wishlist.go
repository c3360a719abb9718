package bunsql

import (
	"context"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/kokmeal/kokmeal/core/kok"
)

// wishRow is a row of kok_wishes.
type wishRow struct {
	bun.BaseModel `bun:"table:kok_wishes"`

	UserID    int64     `bun:"user_id,pk"`
	ProductID int64     `bun:"product_id,pk"`
	AddedAt   time.Time `bun:"added_at,notnull"`
}

// Wishlist answers a window of the user's wishlist, newest first.
func (m *Mall) Wishlist(ctx context.Context, userID int64, offset, limit int) ([]kok.WishItem, int, error) {
	var rows []wishRow
	total, err := m.db.NewSelect().Model(&rows).Where("user_id = ?", userID).
		OrderExpr("added_at DESC, product_id DESC").Offset(int64(offset)).Limit(int64(limit)).ScanAndCount(ctx)
	if err != nil {
		return nil, 0, translate(err, "wishlist")
	}
	out := make([]kok.WishItem, len(rows))
	for i, r := range rows {
		out[i] = kok.WishItem{ProductID: r.ProductID, AddedAt: r.AddedAt.UTC()}
	}
	return out, int(total), nil
}

// PutWish inserts the wish unless it exists; the foreign key answers an
// unknown product as errs.ErrNotFound.
func (m *Mall) PutWish(ctx context.Context, userID, productID int64, at time.Time) error {
	row := &wishRow{UserID: userID, ProductID: productID, AddedAt: dbTime(at)}
	q := m.db.NewInsert().Model(row)
	if m.dialect() == dialect.MySQL {
		q = q.On("DUPLICATE KEY UPDATE user_id = user_id")
	} else {
		q = q.On("CONFLICT (user_id, product_id) DO NOTHING")
	}
	_, err := q.Exec(ctx)
	return translate(err, "product %d", productID)
}

// DeleteWish removes the wish if it is there.
func (m *Mall) DeleteWish(ctx context.Context, userID, productID int64) error {
	_, err := m.db.NewDelete().Model((*wishRow)(nil)).Where("user_id = ? AND product_id = ?", userID, productID).Exec(ctx)
	return translate(err, "delete wish")
}
