package bunsql

import (
	"context"
	"errors"
	"time"

	"github.com/uptrace/bun"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/kok"
)

// orderRow is a row of kok_orders.
type orderRow struct {
	bun.BaseModel `bun:"table:kok_orders"`

	ID             int64     `bun:"id,pk,autoincrement"`
	UserID         int64     `bun:"user_id,notnull"`
	IdempotencyKey string    `bun:"idempotency_key,notnull"`
	Fingerprint    string    `bun:"fingerprint,notnull"`
	Status         string    `bun:"status,notnull"`
	Memo           string    `bun:"memo,notnull"`
	Quantity       int       `bun:"quantity,notnull"`
	Total          int64     `bun:"total,notnull"`
	PlacedAt       time.Time `bun:"placed_at,notnull"`
}

// orderLineRow is a row of kok_order_lines.
type orderLineRow struct {
	bun.BaseModel `bun:"table:kok_order_lines"`

	OrderID      int64  `bun:"order_id,pk"`
	LineNo       int    `bun:"line_no,pk"`
	ProductID    int64  `bun:"product_id,notnull"`
	Name         string `bun:"name,notnull"`
	Brand        string `bun:"brand,notnull"`
	Unit         string `bun:"unit,notnull"`
	Ingredient   string `bun:"ingredient,notnull"`
	Quantity     int    `bun:"quantity,notnull"`
	Price        int64  `bun:"price,notnull"`
	DiscountRate int    `bun:"discount_rate,notnull"`
	SalePrice    int64  `bun:"sale_price,notnull"`
	Total        int64  `bun:"total,notnull"`
}

func toOrderRow(o kok.Order) *orderRow {
	return &orderRow{ID: o.ID, UserID: o.UserID, IdempotencyKey: o.IdempotencyKey, Fingerprint: o.Fingerprint,
		Status: string(o.Status), Memo: o.Memo, Quantity: o.Quantity, Total: o.Total, PlacedAt: dbTime(o.PlacedAt)}
}

func (r *orderRow) toOrder(lines []orderLineRow) kok.Order {
	o := kok.Order{ID: r.ID, UserID: r.UserID, IdempotencyKey: r.IdempotencyKey, Fingerprint: r.Fingerprint,
		Status: kok.OrderStatus(r.Status), Memo: r.Memo, Quantity: r.Quantity, Total: r.Total, PlacedAt: r.PlacedAt.UTC(),
		Lines: make([]kok.OrderLine, len(lines))}
	for i, l := range lines {
		o.Lines[i] = kok.OrderLine{ProductID: l.ProductID, Name: l.Name, Brand: l.Brand, Unit: l.Unit, Ingredient: l.Ingredient,
			Quantity: l.Quantity, Price: l.Price, DiscountRate: l.DiscountRate, SalePrice: l.SalePrice, Total: l.Total}
	}
	return o
}

// PlaceOrder claims (user, key) first, by inserting the order's header:
// the unique key makes a concurrent request with the same key wait for this
// transaction and then fail, after which it reads and answers this order.
// Only then are the cart lines read, locked (a concurrent order under
// another key waits, then finds the cart empty), priced by fill, written
// as order lines and deleted. An error anywhere rolls everything back,
// which also frees the key.
func (m *Mall) PlaceOrder(ctx context.Context, o kok.Order, fill func(*kok.Order, []kok.CartLine) error) (kok.Order, bool, error) {
	var placed kok.Order
	err := retry(ctx, func() error {
		return m.db.RunInTx(ctx, m.txOptions(), func(ctx context.Context, tx bun.Tx) error {
			o := o
			o.ID, o.Lines, o.Quantity, o.Total = 0, nil, 0, 0
			header := toOrderRow(o)
			if _, err := tx.NewInsert().Model(header).Exec(ctx); err != nil {
				return err
			}
			o.ID = header.ID
			lines, err := m.cartLines(ctx, tx, o.UserID, true)
			if err != nil {
				return err
			}
			if err := fill(&o, lines); err != nil {
				return &fnError{err}
			}
			if err := m.writeOrder(ctx, tx, o, lines); err != nil {
				return err
			}
			placed, err = m.order(ctx, tx, o.ID)
			return err
		})
	})
	if fe := (*fnError)(nil); errors.As(err, &fe) {
		return kok.Order{}, false, fe.err
	}
	if kind, _ := classify(err); kind == errs.ErrConflict {
		// The key is taken: by a committed order, since the insert waited
		// for any transaction still holding it.
		existing, err := m.orderByKey(ctx, o.UserID, o.IdempotencyKey)
		if err != nil {
			return kok.Order{}, false, translate(err, "order by idempotency key")
		}
		return existing, true, nil
	}
	if err != nil {
		return kok.Order{}, false, translate(err, "place order")
	}
	return placed, false, nil
}

// writeOrder saves what fill priced: the lines, the header's totals, and
// the cart without the lines ordered (a line added meanwhile stays).
func (m *Mall) writeOrder(ctx context.Context, tx bun.Tx, o kok.Order, cart []kok.CartLine) error {
	if len(o.Lines) > 0 {
		rows := make([]orderLineRow, len(o.Lines))
		for i, l := range o.Lines {
			rows[i] = orderLineRow{OrderID: o.ID, LineNo: i + 1, ProductID: l.ProductID, Name: l.Name, Brand: l.Brand,
				Unit: l.Unit, Ingredient: l.Ingredient, Quantity: l.Quantity, Price: l.Price, DiscountRate: l.DiscountRate,
				SalePrice: l.SalePrice, Total: l.Total}
		}
		if _, err := tx.NewInsert().Model(&rows).Exec(ctx); err != nil {
			return err
		}
	}
	if _, err := tx.NewUpdate().Model(toOrderRow(o)).Column("status", "memo", "quantity", "total").WherePK().Exec(ctx); err != nil {
		return err
	}
	if len(cart) == 0 {
		return nil
	}
	ids := make([]int64, len(cart))
	for i, l := range cart {
		ids[i] = l.Item.ID
	}
	_, err := tx.NewDelete().Model((*cartItemRow)(nil)).Where("id IN (?)", bun.In(ids)).Exec(ctx)
	return err
}

func (m *Mall) order(ctx context.Context, db bun.IDB, id int64) (kok.Order, error) {
	var row orderRow
	if err := db.NewSelect().Model(&row).Where("id = ?", id).Scan(ctx); err != nil {
		return kok.Order{}, err
	}
	os, err := withLines(ctx, db, []orderRow{row})
	if err != nil {
		return kok.Order{}, err
	}
	return os[0], nil
}

func (m *Mall) orderByKey(ctx context.Context, userID int64, key string) (kok.Order, error) {
	var row orderRow
	if err := m.db.NewSelect().Model(&row).Where("user_id = ? AND idempotency_key = ?", userID, key).Scan(ctx); err != nil {
		return kok.Order{}, err
	}
	os, err := withLines(ctx, m.db, []orderRow{row})
	if err != nil {
		return kok.Order{}, err
	}
	return os[0], nil
}

// withLines reads the lines of the orders in one query.
func withLines(ctx context.Context, db bun.IDB, rows []orderRow) ([]kok.Order, error) {
	out := make([]kok.Order, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	var lines []orderLineRow
	if err := db.NewSelect().Model(&lines).Where("order_id IN (?)", bun.In(ids)).OrderExpr("order_id, line_no").Scan(ctx); err != nil {
		return nil, err
	}
	byOrder := map[int64][]orderLineRow{}
	for _, l := range lines {
		byOrder[l.OrderID] = append(byOrder[l.OrderID], l)
	}
	for i := range rows {
		out[i] = rows[i].toOrder(byOrder[rows[i].ID])
	}
	return out, nil
}

// Orders answers a window of the user's orders, newest first.
func (m *Mall) Orders(ctx context.Context, userID int64, offset, limit int) ([]kok.Order, int, error) {
	var rows []orderRow
	total, err := m.db.NewSelect().Model(&rows).Where("user_id = ?", userID).
		OrderExpr("placed_at DESC, id DESC").Offset(int64(offset)).Limit(int64(limit)).ScanAndCount(ctx)
	if err != nil {
		return nil, 0, translate(err, "orders")
	}
	os, err := withLines(ctx, m.db, rows)
	if err != nil {
		return nil, 0, translate(err, "order lines")
	}
	return os, int(total), nil
}

// OwnedProductIDs answers the distinct products of the user's cart and
// orders.
func (m *Mall) OwnedProductIDs(ctx context.Context, userID int64) ([]int64, error) {
	var ids []int64
	err := m.db.NewRaw(`SELECT product_id FROM kok_cart_items WHERE user_id = ?
		UNION
		SELECT l.product_id FROM kok_order_lines AS l JOIN kok_orders AS o ON o.id = l.order_id WHERE o.user_id = ?`,
		userID, userID).Scan(ctx, &ids)
	if err != nil {
		return nil, translate(err, "owned products")
	}
	return ids, nil
}
