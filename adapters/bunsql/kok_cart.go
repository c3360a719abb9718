package bunsql

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/uptrace/bun"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/kok"
)

// cartItemRow is a row of kok_cart_items.
type cartItemRow struct {
	bun.BaseModel `bun:"table:kok_cart_items"`

	ID        int64     `bun:"id,pk,autoincrement"`
	UserID    int64     `bun:"user_id,notnull"`
	ProductID int64     `bun:"product_id,notnull"`
	Quantity  int       `bun:"quantity,notnull"`
	AddedAt   time.Time `bun:"added_at,notnull"`
	UpdatedAt time.Time `bun:"updated_at,notnull"`
}

func toCartItemRow(it kok.CartItem) *cartItemRow {
	return &cartItemRow{ID: it.ID, UserID: it.UserID, ProductID: it.ProductID, Quantity: it.Quantity,
		AddedAt: dbTime(it.AddedAt), UpdatedAt: dbTime(it.UpdatedAt)}
}

func (r *cartItemRow) toItem() kok.CartItem {
	return kok.CartItem{ID: r.ID, UserID: r.UserID, ProductID: r.ProductID, Quantity: r.Quantity,
		AddedAt: r.AddedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
}

// cartLines reads the user's cart, oldest line first, with its products;
// lock keeps the lines locked until the transaction ends.
func (m *Mall) cartLines(ctx context.Context, db bun.IDB, userID int64, lock bool) ([]kok.CartLine, error) {
	var rows []cartItemRow
	q := db.NewSelect().Model(&rows).Where("user_id = ?", userID).OrderExpr("added_at, id")
	if lock {
		q = m.forUpdate(q)
	}
	if err := q.Scan(ctx); err != nil {
		return nil, err
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ProductID
	}
	ps, err := productsByID(ctx, db, ids)
	if err != nil {
		return nil, err
	}
	out := make([]kok.CartLine, 0, len(rows))
	for i := range rows {
		// The foreign key cascades a deleted product's lines away.
		if p, ok := ps[rows[i].ProductID]; ok {
			out = append(out, kok.CartLine{Item: rows[i].toItem(), Product: p})
		}
	}
	return out, nil
}

// CartLines answers the user's cart with its products.
func (m *Mall) CartLines(ctx context.Context, userID int64) ([]kok.CartLine, error) {
	lines, err := m.cartLines(ctx, m.db, userID, false)
	return lines, translate(err, "cart")
}

// fnError carries an error of the caller's fn out of a transaction
// untranslated.
type fnError struct{ err error }

func (e *fnError) Error() string { return e.err.Error() }
func (e *fnError) Unwrap() error { return e.err }

// AddToCart locks the product's line (or finds none), applies fn and
// writes, in one transaction. Two first adds of one product race to insert:
// the loser fails on the (user, product) unique key, and runs again to find
// and update the winner's line.
func (m *Mall) AddToCart(ctx context.Context, userID, productID int64, at time.Time, fn func(*kok.CartItem) error) (kok.CartItem, error) {
	var out kok.CartItem
	run := func() error {
		return m.db.RunInTx(ctx, m.txOptions(), func(ctx context.Context, tx bun.Tx) error {
			row := new(cartItemRow)
			err := m.forUpdate(tx.NewSelect().Model(row).Where("user_id = ? AND product_id = ?", userID, productID)).Scan(ctx)
			switch {
			case errors.Is(err, sql.ErrNoRows):
				row = toCartItemRow(kok.CartItem{UserID: userID, ProductID: productID, AddedAt: at, UpdatedAt: at})
			case err != nil:
				return err
			}
			it := row.toItem()
			id := it.ID
			if err := fn(&it); err != nil {
				return &fnError{err}
			}
			it.ID, it.UserID, it.ProductID = id, userID, productID
			row = toCartItemRow(it)
			if id == 0 {
				row.ID = 0
				_, err = tx.NewInsert().Model(row).Exec(ctx)
			} else {
				_, err = tx.NewUpdate().Model(row).Column("quantity", "updated_at").WherePK().Exec(ctx)
			}
			if err != nil {
				return err
			}
			out = row.toItem()
			return nil
		})
	}
	var err error
	for range 3 {
		err = retry(ctx, run)
		if kind, _ := classify(err); kind != errs.ErrConflict {
			break
		}
	}
	if fe := (*fnError)(nil); errors.As(err, &fe) {
		return kok.CartItem{}, fe.err
	}
	if err != nil {
		return kok.CartItem{}, translate(err, "product %d", productID)
	}
	return out, nil
}

// UpdateCartItem locks the user's line, applies fn and writes.
func (m *Mall) UpdateCartItem(ctx context.Context, userID, itemID int64, fn func(*kok.CartItem) error) (kok.CartItem, error) {
	var out kok.CartItem
	err := retry(ctx, func() error {
		return m.db.RunInTx(ctx, m.txOptions(), func(ctx context.Context, tx bun.Tx) error {
			row := new(cartItemRow)
			if err := m.forUpdate(tx.NewSelect().Model(row).Where("id = ? AND user_id = ?", itemID, userID)).Scan(ctx); err != nil {
				return err
			}
			it := row.toItem()
			if err := fn(&it); err != nil {
				return &fnError{err}
			}
			it.ID, it.UserID, it.ProductID = row.ID, row.UserID, row.ProductID
			row = toCartItemRow(it)
			if _, err := tx.NewUpdate().Model(row).Column("quantity", "updated_at").WherePK().Exec(ctx); err != nil {
				return err
			}
			out = row.toItem()
			return nil
		})
	})
	if fe := (*fnError)(nil); errors.As(err, &fe) {
		return kok.CartItem{}, fe.err
	}
	if err != nil {
		return kok.CartItem{}, translate(err, "cart item %d", itemID)
	}
	return out, nil
}

// DeleteCartItem removes the user's line.
func (m *Mall) DeleteCartItem(ctx context.Context, userID, itemID int64) error {
	res, err := m.db.NewDelete().Model((*cartItemRow)(nil)).Where("id = ? AND user_id = ?", itemID, userID).Exec(ctx)
	if err != nil {
		return translate(err, "delete cart item %d", itemID)
	}
	if n, err := res.RowsAffected(); err != nil {
		return translate(err, "delete cart item %d", itemID)
	} else if n == 0 {
		return translate(sql.ErrNoRows, "cart item %d", itemID)
	}
	return nil
}
