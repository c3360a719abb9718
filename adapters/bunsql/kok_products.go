package bunsql

import (
	"context"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/dialect/pgdialect"

	"github.com/kokmeal/kokmeal/core/kok"
)

// productRow is a row of kok_products.
type productRow struct {
	bun.BaseModel `bun:"table:kok_products"`

	ID           int64     `bun:"id,pk"`
	Name         string    `bun:"name,notnull"`
	Brand        string    `bun:"brand,notnull"`
	Store        string    `bun:"store,notnull"`
	Category     string    `bun:"category,notnull"`
	Unit         string    `bun:"unit,notnull"`
	Ingredient   string    `bun:"ingredient,notnull"`
	Price        int64     `bun:"price,notnull"`
	DiscountRate int       `bun:"discount_rate,notnull"`
	ReviewScore  float64   `bun:"review_score,notnull"`
	ReviewCount  int64     `bun:"review_count,notnull"`
	Kind         string    `bun:"kind,notnull"`
	CreatedAt    time.Time `bun:"created_at,notnull"`
}

func toProductRow(p kok.Product) productRow {
	return productRow{
		ID: p.ID, Name: p.Name, Brand: p.Brand, Store: p.Store, Category: p.Category, Unit: p.Unit,
		Ingredient: p.Ingredient, Price: p.Price, DiscountRate: p.DiscountRate, ReviewScore: p.ReviewScore,
		ReviewCount: int64(p.ReviewCount), Kind: string(p.Kind), CreatedAt: dbTime(p.CreatedAt),
	}
}

func (r *productRow) toProduct() kok.Product {
	return kok.Product{
		ID: r.ID, Name: r.Name, Brand: r.Brand, Store: r.Store, Category: r.Category, Unit: r.Unit,
		Ingredient: r.Ingredient, Price: r.Price, DiscountRate: r.DiscountRate, ReviewScore: r.ReviewScore,
		ReviewCount: int(r.ReviewCount), Kind: kok.ProductKind(r.Kind), CreatedAt: r.CreatedAt.UTC(),
	}
}

// catalogMeta is the one row of kok_catalog_meta.
type catalogMeta struct {
	bun.BaseModel `bun:"table:kok_catalog_meta"`

	ID       int   `bun:"id,pk"`
	Revision int64 `bun:"revision,notnull"`
}

// ByID finds a product.
func (m *Mall) ByID(ctx context.Context, id int64) (kok.Product, error) {
	var row productRow
	if err := m.db.NewSelect().Model(&row).Where("id = ?", id).Scan(ctx); err != nil {
		return kok.Product{}, translate(err, "product %d", id)
	}
	return row.toProduct(), nil
}

// productsByID reads the products of ids, by id.
func productsByID(ctx context.Context, db bun.IDB, ids []int64) (map[int64]kok.Product, error) {
	out := make(map[int64]kok.Product, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var rows []productRow
	if err := db.NewSelect().Model(&rows).Where("id IN (?)", bun.In(ids)).Scan(ctx); err != nil {
		return nil, err
	}
	for i := range rows {
		out[rows[i].ID] = rows[i].toProduct()
	}
	return out, nil
}

// All answers every product by ascending ID.
func (m *Mall) All(ctx context.Context) ([]kok.Product, error) {
	var rows []productRow
	if err := m.db.NewSelect().Model(&rows).Order("id").Scan(ctx); err != nil {
		return nil, translate(err, "all products")
	}
	out := make([]kok.Product, len(rows))
	for i := range rows {
		out[i] = rows[i].toProduct()
	}
	return out, nil
}

// Version reads count, highest id and the import revision in one query:
// cheap enough to poll every few seconds.
func (m *Mall) Version(ctx context.Context) (kok.CatalogVersion, error) {
	var v kok.CatalogVersion
	err := m.db.NewRaw(`SELECT
		(SELECT COUNT(*) FROM kok_products),
		(SELECT COALESCE(MAX(id), 0) FROM kok_products),
		(SELECT revision FROM kok_catalog_meta WHERE id = 1)`).Scan(ctx, &v.Count, &v.MaxID, &v.Revision)
	if err != nil {
		return kok.CatalogVersion{}, translate(err, "catalogue version")
	}
	return v, nil
}

// importBatch rows per INSERT: large enough that 100,000 products take a
// couple of hundred statements, small enough for every engine's statement
// and packet limits (bun inlines the values).
const importBatch = 500

// Import upserts products in batches of multi-row inserts, in one
// transaction, and bumps the catalogue revision in it.
func (m *Mall) Import(ctx context.Context, ps []kok.Product) error {
	err := retry(ctx, func() error {
		return m.db.RunInTx(ctx, m.txOptions(), func(ctx context.Context, tx bun.Tx) error {
			if m.dialect() == dialect.PG {
				return importPG(ctx, tx, ps)
			}
			rows := make([]productRow, 0, min(importBatch, len(ps)))
			for start := 0; start < len(ps); start += importBatch {
				rows = rows[:0]
				for _, p := range ps[start:min(start+importBatch, len(ps))] {
					rows = append(rows, toProductRow(p))
				}
				if _, err := upsert(tx.NewInsert().Model(&rows), "id").Exec(ctx); err != nil {
					return err
				}
			}
			_, err := tx.NewUpdate().Model((*catalogMeta)(nil)).Set("revision = revision + 1").Where("id = 1").Exec(ctx)
			return err
		})
	})
	return translate(err, "import %d products", len(ps))
}

// pgImportBatch rows per statement on PostgreSQL, which takes each column
// as one array literal.
const pgImportBatch = 5000

// importPG upserts with one array per column through unnest: PostgreSQL
// parses 13 array literals several times faster than thousands of row
// literals (measured: about 5x on 100,000 products), and the values are
// still bound as placeholders.
func importPG(ctx context.Context, tx bun.Tx, ps []kok.Product) error {
	for start := 0; start < len(ps); start += pgImportBatch {
		batch := ps[start:min(start+pgImportBatch, len(ps))]
		n := len(batch)
		var (
			ids, prices, counts                              = make([]int64, n), make([]int64, n), make([]int64, n)
			rates                                            = make([]int32, n)
			scores                                           = make([]float64, n)
			names, brands, stores, cats, units, ingrs, kinds = make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
			created                                          = make([]time.Time, n)
		)
		for i, p := range batch {
			r := toProductRow(p)
			ids[i], names[i], brands[i], stores[i], cats[i], units[i], ingrs[i] = r.ID, r.Name, r.Brand, r.Store, r.Category, r.Unit, r.Ingredient
			prices[i], rates[i], scores[i], counts[i], kinds[i], created[i] = r.Price, int32(r.DiscountRate), r.ReviewScore, r.ReviewCount, r.Kind, r.CreatedAt
		}
		q := tx.NewRaw(`INSERT INTO kok_products (id, name, brand, store, category, unit, ingredient, price, discount_rate, review_score, review_count, kind, created_at)
			SELECT * FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
				?::bigint[], ?::int[], ?::double precision[], ?::bigint[], ?::varchar[], ?::timestamptz[])
			ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, brand = EXCLUDED.brand, store = EXCLUDED.store,
				category = EXCLUDED.category, unit = EXCLUDED.unit, ingredient = EXCLUDED.ingredient, price = EXCLUDED.price,
				discount_rate = EXCLUDED.discount_rate, review_score = EXCLUDED.review_score, review_count = EXCLUDED.review_count,
				kind = EXCLUDED.kind, created_at = EXCLUDED.created_at`,
			pgdialect.Array(ids), pgdialect.Array(names), pgdialect.Array(brands), pgdialect.Array(stores), pgdialect.Array(cats),
			pgdialect.Array(units), pgdialect.Array(ingrs), pgdialect.Array(prices), pgdialect.Array(rates), pgdialect.Array(scores),
			pgdialect.Array(counts), pgdialect.Array(kinds), pgdialect.Array(created))
		if _, err := q.Exec(ctx); err != nil {
			return err
		}
	}
	_, err := tx.NewUpdate().Model((*catalogMeta)(nil)).Set("revision = revision + 1").Where("id = 1").Exec(ctx)
	return err
}
