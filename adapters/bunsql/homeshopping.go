package bunsql

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"time"

	"github.com/google/wire"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/homeshopping"
)

// HomeShoppingSet provides the home-shopping stores of the main database as
// homeshopping.ScheduleStore and homeshopping.AlarmStore.
var HomeShoppingSet = wire.NewSet(
	NewHomeShoppingSchedule,
	NewHomeShoppingAlarms,
	wire.Bind(new(homeshopping.ScheduleStore), new(*HomeShoppingSchedule)),
	wire.Bind(new(homeshopping.AlarmStore), new(*HomeShoppingAlarms)),
)

type hsChannelRow struct {
	bun.BaseModel `bun:"table:homeshopping_channels"`

	ID     int64  `bun:"id,pk"`
	Code   string `bun:"code,notnull"`
	Name   string `bun:"name,notnull"`
	Number int    `bun:"number,notnull"`
}

type hsBroadcastRow struct {
	bun.BaseModel `bun:"table:homeshopping_broadcasts"`

	ID        int64     `bun:"id,pk"`
	ChannelID int64     `bun:"channel_id,notnull"`
	Title     string    `bun:"title,notnull"`
	StartsAt  time.Time `bun:"starts_at,notnull"`
	EndsAt    time.Time `bun:"ends_at,notnull"`
}

// hsProductRow is one product of a broadcast; Pos keeps the feed's order.
type hsProductRow struct {
	bun.BaseModel `bun:"table:homeshopping_broadcast_products"`

	BroadcastID int64  `bun:"broadcast_id,pk"`
	Pos         int    `bun:"pos,pk"`
	ProductName string `bun:"product_name,notnull"`
	Ingredient  string `bun:"ingredient,notnull"`
	Price       int64  `bun:"price,notnull"`
	SalePrice   int64  `bun:"sale_price,notnull"`
	IsMain      bool   `bun:"is_main,notnull"`
}

type hsAlarmRow struct {
	bun.BaseModel `bun:"table:homeshopping_alarms"`

	UserID      int64     `bun:"user_id,pk"`
	BroadcastID int64     `bun:"broadcast_id,pk"`
	CreatedAt   time.Time `bun:"created_at,notnull"`
}

type hsRevisionRow struct {
	bun.BaseModel `bun:"table:homeshopping_revision"`

	ID       int   `bun:"id,pk"`
	Revision int64 `bun:"revision,notnull"`
}

// hsBatch bounds the rows of one INSERT: 500 × 7 placeholders stays far
// below every engine's limit, and a 14-day schedule is a handful of
// statements.
const hsBatch = 500

// HomeShoppingSchedule implements homeshopping.ScheduleStore on the main
// database.
type HomeShoppingSchedule struct {
	db *bun.DB
}

var _ homeshopping.ScheduleStore = (*HomeShoppingSchedule)(nil)

// NewHomeShoppingSchedule returns the schedule store of the main database.
func NewHomeShoppingSchedule(db MainDB) *HomeShoppingSchedule {
	return &HomeShoppingSchedule{db: db.DB}
}

// Import writes everything in one transaction, in batches.
//
// Channel codes are checked before the upsert: MariaDB's ON DUPLICATE KEY
// fires on any unique key, so a code taken by another channel would update
// that channel instead of failing. Broadcasts are upserted, never deleted
// and re-inserted, so their alarms survive; their products are replaced.
func (s *HomeShoppingSchedule) Import(ctx context.Context, channels []homeshopping.Channel, broadcasts []homeshopping.Broadcast) error {
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := importChannels(ctx, tx, channels); err != nil {
			return err
		}
		if err := checkChannels(ctx, tx, broadcasts); err != nil {
			return err
		}
		for chunk := range slices.Chunk(broadcasts, hsBatch) {
			if err := importBroadcasts(ctx, tx, chunk); err != nil {
				return err
			}
		}
		_, err := tx.NewUpdate().Model((*hsRevisionRow)(nil)).
			Set("revision = revision + 1").Where("id = 1").Exec(ctx)
		return err
	})
	var e *Error
	if errors.As(err, &e) {
		return err // already translated
	}
	return translate(err, "import home-shopping schedule")
}

func importChannels(ctx context.Context, tx bun.Tx, channels []homeshopping.Channel) error {
	if len(channels) == 0 {
		return nil
	}
	rows := make([]hsChannelRow, len(channels))
	codes := make([]string, len(channels))
	for i, ch := range channels {
		rows[i] = hsChannelRow{ID: ch.ID, Code: ch.Code, Name: ch.Name, Number: ch.Number}
		codes[i] = ch.Code
	}
	var holders []hsChannelRow
	if err := tx.NewSelect().Model(&holders).Column("id", "code").Where("code IN (?)", bun.In(codes)).Scan(ctx); err != nil {
		return err
	}
	for _, h := range holders {
		for _, ch := range channels {
			if ch.Code == h.Code && ch.ID != h.ID && !slices.ContainsFunc(channels, func(c homeshopping.Channel) bool { return c.ID == h.ID && c.Code != h.Code }) {
				return &Error{Op: "channel code " + h.Code + " is taken", Kind: errs.ErrConflict, err: errs.ErrConflict}
			}
		}
	}
	_, err := upsert(tx.NewInsert().Model(&rows), "id").Exec(ctx)
	return err
}

// checkChannels answers errs.ErrNotFound when a broadcast's channel is not
// stored, rather than leaving it to each engine's foreign-key error.
func checkChannels(ctx context.Context, tx bun.Tx, broadcasts []homeshopping.Broadcast) error {
	var ids []int64
	for _, b := range broadcasts {
		if !slices.Contains(ids, b.ChannelID) {
			ids = append(ids, b.ChannelID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	n, err := tx.NewSelect().Model((*hsChannelRow)(nil)).Where("id IN (?)", bun.In(ids)).Count(ctx)
	if err != nil {
		return err
	}
	if n != int64(len(ids)) {
		return translate(sql.ErrNoRows, "channel of a broadcast")
	}
	return nil
}

func importBroadcasts(ctx context.Context, tx bun.Tx, bs []homeshopping.Broadcast) error {
	rows := make([]hsBroadcastRow, len(bs))
	ids := make([]int64, len(bs))
	var products []hsProductRow
	for i, b := range bs {
		rows[i] = hsBroadcastRow{ID: b.ID, ChannelID: b.ChannelID, Title: b.Title, StartsAt: dbTime(b.StartsAt), EndsAt: dbTime(b.EndsAt)}
		ids[i] = b.ID
		for j, p := range b.Products {
			products = append(products, hsProductRow{
				BroadcastID: b.ID, Pos: j, ProductName: p.ProductName, Ingredient: p.Ingredient,
				Price: p.Price, SalePrice: p.SalePrice, IsMain: p.Main,
			})
		}
	}
	if _, err := upsert(tx.NewInsert().Model(&rows), "id").Exec(ctx); err != nil {
		return err
	}
	if _, err := tx.NewDelete().Model((*hsProductRow)(nil)).Where("broadcast_id IN (?)", bun.In(ids)).Exec(ctx); err != nil {
		return err
	}
	for chunk := range slices.Chunk(products, hsBatch) {
		if _, err := tx.NewInsert().Model(&chunk).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Load reads everything in one transaction, so the revision matches the
// rows: REPEATABLE READ on MariaDB and PostgreSQL; on SQLite a transaction
// sees one state of the file anyway.
func (s *HomeShoppingSchedule) Load(ctx context.Context) (homeshopping.ScheduleData, error) {
	var opts *sql.TxOptions
	if s.db.Dialect().Name() != dialect.SQLite {
		opts = &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	}
	var out homeshopping.ScheduleData
	err := s.db.RunInTx(ctx, opts, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if out.Revision, err = revision(ctx, tx); err != nil {
			return err
		}
		var chs []hsChannelRow
		if err := tx.NewSelect().Model(&chs).Order("id").Scan(ctx); err != nil {
			return err
		}
		var bs []hsBroadcastRow
		if err := tx.NewSelect().Model(&bs).Order("id").Scan(ctx); err != nil {
			return err
		}
		var ps []hsProductRow
		if err := tx.NewSelect().Model(&ps).Order("broadcast_id", "pos").Scan(ctx); err != nil {
			return err
		}
		out.Channels = make([]homeshopping.Channel, len(chs))
		for i, c := range chs {
			out.Channels[i] = homeshopping.Channel{ID: c.ID, Code: c.Code, Name: c.Name, Number: c.Number}
		}
		out.Broadcasts = make([]homeshopping.Broadcast, len(bs))
		k := 0
		for i, b := range bs {
			out.Broadcasts[i] = homeshopping.Broadcast{ID: b.ID, ChannelID: b.ChannelID, Title: b.Title, StartsAt: b.StartsAt.UTC(), EndsAt: b.EndsAt.UTC()}
			for ; k < len(ps) && ps[k].BroadcastID == b.ID; k++ {
				p := ps[k]
				out.Broadcasts[i].Products = append(out.Broadcasts[i].Products, homeshopping.BroadcastProduct{
					ProductName: p.ProductName, Ingredient: p.Ingredient, Price: p.Price, SalePrice: p.SalePrice, Main: p.IsMain,
				})
			}
		}
		return nil
	})
	if err != nil {
		return homeshopping.ScheduleData{}, translate(err, "load home-shopping schedule")
	}
	return out, nil
}

// Revision answers the import counter.
func (s *HomeShoppingSchedule) Revision(ctx context.Context) (int64, error) {
	rev, err := revision(ctx, s.db)
	return rev, translate(err, "home-shopping revision")
}

func revision(ctx context.Context, db bun.IDB) (int64, error) {
	var row hsRevisionRow
	err := db.NewSelect().Model(&row).Where("id = 1").Scan(ctx)
	return row.Revision, err
}

// HomeShoppingAlarms implements homeshopping.AlarmStore on the main database.
type HomeShoppingAlarms struct {
	db *bun.DB
}

var _ homeshopping.AlarmStore = (*HomeShoppingAlarms)(nil)

// NewHomeShoppingAlarms returns the alarm store of the main database.
func NewHomeShoppingAlarms(db MainDB) *HomeShoppingAlarms { return &HomeShoppingAlarms{db: db.DB} }

// Put inserts unless the alarm exists; the primary key decides between
// concurrent puts. MariaDB's INSERT IGNORE also swallows a missing
// broadcast, so "nothing inserted" is told apart by reading the row back.
func (s *HomeShoppingAlarms) Put(ctx context.Context, a homeshopping.Alarm) (homeshopping.Alarm, bool, error) {
	row := hsAlarmRow{UserID: a.UserID, BroadcastID: a.BroadcastID, CreatedAt: dbTime(a.CreatedAt)}
	res, err := s.db.NewInsert().Model(&row).Ignore().Exec(ctx)
	if err != nil {
		return homeshopping.Alarm{}, false, translate(err, "alarm for broadcast %d", a.BroadcastID)
	}
	if n, err := res.RowsAffected(); err != nil {
		return homeshopping.Alarm{}, false, translate(err, "alarm for broadcast %d", a.BroadcastID)
	} else if n == 1 {
		return alarmOf(row), true, nil
	}
	var old hsAlarmRow
	err = s.db.NewSelect().Model(&old).Where("user_id = ? AND broadcast_id = ?", a.UserID, a.BroadcastID).Scan(ctx)
	if err != nil {
		return homeshopping.Alarm{}, false, translate(err, "broadcast %d", a.BroadcastID)
	}
	return alarmOf(old), false, nil
}

func alarmOf(r hsAlarmRow) homeshopping.Alarm {
	return homeshopping.Alarm{UserID: r.UserID, BroadcastID: r.BroadcastID, CreatedAt: r.CreatedAt.UTC()}
}

// Delete removes the alarm if there is one.
func (s *HomeShoppingAlarms) Delete(ctx context.Context, userID, broadcastID int64) (bool, error) {
	res, err := s.db.NewDelete().Model((*hsAlarmRow)(nil)).Where("user_id = ? AND broadcast_id = ?", userID, broadcastID).Exec(ctx)
	if err != nil {
		return false, translate(err, "delete alarm")
	}
	n, err := res.RowsAffected()
	return n > 0, translate(err, "delete alarm")
}

// List answers the user's alarms, oldest first.
func (s *HomeShoppingAlarms) List(ctx context.Context, userID int64) ([]homeshopping.Alarm, error) {
	var rows []hsAlarmRow
	if err := s.db.NewSelect().Model(&rows).Where("user_id = ?", userID).Order("created_at", "broadcast_id").Scan(ctx); err != nil {
		return nil, translate(err, "alarms")
	}
	out := make([]homeshopping.Alarm, len(rows))
	for i, r := range rows {
		out[i] = alarmOf(r)
	}
	return out, nil
}
