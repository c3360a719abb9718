package bunsql

import (
	"context"
	"database/sql"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/google/wire"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/kokmeal/kokmeal/core/recipe"
)

// Recipes implements recipe.RecipeStore, recipe.RatingStore and
// recipe.BookmarkStore on the main database (migration 0003_recipes).
// The service serves reads from its in-process catalogue, so this store
// only loads everything at once and writes.
type Recipes struct {
	db *bun.DB
}

var (
	_ recipe.RecipeStore   = (*Recipes)(nil)
	_ recipe.RatingStore   = (*Recipes)(nil)
	_ recipe.BookmarkStore = (*Recipes)(nil)
)

// NewRecipes returns the recipe store of the main database.
func NewRecipes(db MainDB) *Recipes { return &Recipes{db: db.DB} }

// RecipesProviderSet gives *Recipes as the three recipe store ports.
var RecipesProviderSet = wire.NewSet(
	NewRecipes,
	wire.Bind(new(recipe.RecipeStore), new(*Recipes)),
	wire.Bind(new(recipe.RatingStore), new(*Recipes)),
	wire.Bind(new(recipe.BookmarkStore), new(*Recipes)),
)

type recipeRow struct {
	bun.BaseModel `bun:"table:recipes"`

	ID      int64  `bun:"id,pk"`
	Name    string `bun:"name,notnull"`
	Summary string `bun:"summary,notnull"`
	Cuisine string `bun:"cuisine,notnull"`
	Level   string `bun:"level,notnull"`
	Minutes int    `bun:"minutes,notnull"`
	Source  string `bun:"source,notnull"`
}

type recipeIngredientRow struct {
	bun.BaseModel `bun:"table:recipe_ingredients"`

	RecipeID    int64   `bun:"recipe_id,pk"`
	Seq         int     `bun:"seq,pk"`
	Name        string  `bun:"name,notnull"`
	Key         string  `bun:"ingredient_key,notnull"`
	Amount      string  `bun:"amount,notnull"`
	Quantity    float64 `bun:"quantity,notnull"`
	QuantityMax float64 `bun:"quantity_max,notnull"`
	Unit        string  `bun:"unit,notnull"`
	Kind        string  `bun:"kind,notnull"`
}

type recipeStepRow struct {
	bun.BaseModel `bun:"table:recipe_steps"`

	RecipeID int64  `bun:"recipe_id,pk"`
	No       int    `bun:"step_no,pk"`
	Body     string `bun:"body,notnull"`
	Tip      string `bun:"tip,notnull"`
}

type recipeRatingRow struct {
	bun.BaseModel `bun:"table:recipe_ratings"`

	UserID    int64     `bun:"user_id,pk"`
	RecipeID  int64     `bun:"recipe_id,pk"`
	Stars     int       `bun:"stars,notnull"`
	CreatedAt time.Time `bun:"created_at,notnull"`
	UpdatedAt time.Time `bun:"updated_at,notnull"`
}

type recipeBookmarkRow struct {
	bun.BaseModel `bun:"table:recipe_bookmarks"`

	UserID    int64     `bun:"user_id,pk"`
	RecipeID  int64     `bun:"recipe_id,pk"`
	CreatedAt time.Time `bun:"created_at,notnull"`
}

func (s *Recipes) dialect() dialect.Name { return s.db.Dialect().Name() }

// recipeBatch rows per INSERT: 537 recipes' 6,000 ingredient lines take a
// dozen statements, and every engine's statement limits are far away.
const recipeBatch = 500

// Import upserts the recipes and replaces their ingredients and steps, in
// one transaction. Ratings and bookmarks reference recipes, which are
// updated in place (never deleted), so they survive.
func (s *Recipes) Import(ctx context.Context, rs []recipe.Recipe) error {
	if len(rs) == 0 {
		return nil
	}
	err := recipeRetry(ctx, func() error {
		return s.db.RunInTx(ctx, s.writeTx(), func(ctx context.Context, tx bun.Tx) error {
			for start := 0; start < len(rs); start += recipeBatch {
				if err := s.importBatch(ctx, tx, rs[start:min(start+recipeBatch, len(rs))]); err != nil {
					return err
				}
			}
			return nil
		})
	})
	return translate(err, "import %d recipes", len(rs))
}

func (s *Recipes) importBatch(ctx context.Context, tx bun.Tx, rs []recipe.Recipe) error {
	rows := make([]recipeRow, 0, len(rs))
	ids := make([]int64, 0, len(rs))
	var ings []recipeIngredientRow
	var steps []recipeStepRow
	for _, r := range rs {
		rows = append(rows, recipeRow{ID: r.ID, Name: r.Name, Summary: r.Summary, Cuisine: r.Cuisine, Level: r.Level, Minutes: r.Minutes, Source: r.Source})
		ids = append(ids, r.ID)
		for _, in := range r.Ingredients {
			ings = append(ings, recipeIngredientRow{
				RecipeID: r.ID, Seq: in.Seq, Name: in.Name, Key: in.Key, Kind: string(in.Kind),
				Amount: in.Amount.Text, Quantity: in.Amount.Quantity, QuantityMax: in.Amount.QuantityMax, Unit: in.Amount.Unit,
			})
		}
		for _, st := range r.Steps {
			steps = append(steps, recipeStepRow{RecipeID: r.ID, No: st.No, Body: st.Text, Tip: st.Tip})
		}
	}
	if _, err := upsert(tx.NewInsert().Model(&rows), "id").Exec(ctx); err != nil {
		return err
	}
	for _, m := range []any{(*recipeIngredientRow)(nil), (*recipeStepRow)(nil)} {
		if _, err := tx.NewDelete().Model(m).Where("recipe_id IN (?)", bun.In(ids)).Exec(ctx); err != nil {
			return err
		}
	}
	for start := 0; start < len(ings); start += recipeBatch {
		batch := ings[start:min(start+recipeBatch, len(ings))]
		if _, err := tx.NewInsert().Model(&batch).Exec(ctx); err != nil {
			return err
		}
	}
	for start := 0; start < len(steps); start += recipeBatch {
		batch := steps[start:min(start+recipeBatch, len(steps))]
		if _, err := tx.NewInsert().Model(&batch).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}

// All reads the whole catalogue in one snapshot: four queries, joined in Go.
func (s *Recipes) All(ctx context.Context) ([]recipe.Recipe, error) {
	var out []recipe.Recipe
	err := s.db.RunInTx(ctx, s.readTx(), func(ctx context.Context, tx bun.Tx) error {
		var rows []recipeRow
		if err := tx.NewSelect().Model(&rows).Order("id").Scan(ctx); err != nil {
			return err
		}
		out = make([]recipe.Recipe, len(rows))
		at := make(map[int64]int, len(rows))
		for i, r := range rows {
			out[i] = recipe.Recipe{ID: r.ID, Name: r.Name, Summary: r.Summary, Cuisine: r.Cuisine, Level: r.Level, Minutes: r.Minutes, Source: r.Source}
			at[r.ID] = i
		}
		var ings []recipeIngredientRow
		if err := tx.NewSelect().Model(&ings).Order("recipe_id", "seq").Scan(ctx); err != nil {
			return err
		}
		for _, in := range ings {
			r := &out[at[in.RecipeID]]
			r.Ingredients = append(r.Ingredients, recipe.Ingredient{
				Seq: in.Seq, Name: in.Name, Key: in.Key, Kind: recipe.Kind(in.Kind),
				Amount: recipe.Amount{Text: in.Amount, Quantity: in.Quantity, QuantityMax: in.QuantityMax, Unit: in.Unit},
			})
		}
		var steps []recipeStepRow
		if err := tx.NewSelect().Model(&steps).Order("recipe_id", "step_no").Scan(ctx); err != nil {
			return err
		}
		for _, st := range steps {
			r := &out[at[st.RecipeID]]
			r.Steps = append(r.Steps, recipe.Step{No: st.No, Text: st.Body, Tip: st.Tip})
		}
		var aggs []struct {
			RecipeID int64 `bun:"recipe_id"`
			Count    int   `bun:"n"`
			Sum      int   `bun:"total"`
		}
		err := tx.NewSelect().Model((*recipeRatingRow)(nil)).
			Column("recipe_id").ColumnExpr("COUNT(*) AS n").ColumnExpr("SUM(stars) AS total").
			Group("recipe_id").Scan(ctx, &aggs)
		if err != nil {
			return err
		}
		for _, a := range aggs {
			if i, ok := at[a.RecipeID]; ok {
				out[i].Rating = recipe.Rating{Count: a.Count, Sum: a.Sum}
			}
		}
		return nil
	})
	if err != nil {
		return nil, translate(err, "load recipes")
	}
	return out, nil
}

// Rate upserts the user's rating and reads the recipe's aggregate in the
// same transaction, so the answer includes this rating.
func (s *Recipes) Rate(ctx context.Context, userID, recipeID int64, stars int, at time.Time) (recipe.Rating, error) {
	var agg recipe.Rating
	err := recipeRetry(ctx, func() error {
		return s.db.RunInTx(ctx, s.writeTx(), func(ctx context.Context, tx bun.Tx) error {
			var id int64
			if err := tx.NewSelect().Model((*recipeRow)(nil)).Column("id").Where("id = ?", recipeID).Scan(ctx, &id); err != nil {
				return err
			}
			at = dbTime(at)
			q := tx.NewInsert().Model(&recipeRatingRow{UserID: userID, RecipeID: recipeID, Stars: stars, CreatedAt: at, UpdatedAt: at})
			if s.dialect() == dialect.MySQL {
				q = q.On("DUPLICATE KEY UPDATE").Set("stars = VALUES(stars)").Set("updated_at = VALUES(updated_at)")
			} else {
				q = q.On("CONFLICT (user_id, recipe_id) DO UPDATE").Set("stars = EXCLUDED.stars").Set("updated_at = EXCLUDED.updated_at")
			}
			if _, err := q.Exec(ctx); err != nil {
				return err
			}
			return tx.NewSelect().Model((*recipeRatingRow)(nil)).
				ColumnExpr("COUNT(*)").ColumnExpr("COALESCE(SUM(stars), 0)").
				Where("recipe_id = ?", recipeID).Scan(ctx, &agg.Count, &agg.Sum)
		})
	})
	if err != nil {
		return recipe.Rating{}, translate(err, "rate recipe %d", recipeID)
	}
	return agg, nil
}

// PutBookmark inserts the bookmark unless it exists; the first time stays.
// A missing recipe fails the foreign key: errs.ErrNotFound.
func (s *Recipes) PutBookmark(ctx context.Context, b recipe.Bookmark) error {
	q := s.db.NewInsert().Model(&recipeBookmarkRow{UserID: b.UserID, RecipeID: b.RecipeID, CreatedAt: dbTime(b.CreatedAt)})
	if s.dialect() == dialect.MySQL {
		// Not INSERT IGNORE: it would turn a foreign key failure into a warning.
		q = q.On("DUPLICATE KEY UPDATE user_id = user_id")
	} else {
		q = q.On("CONFLICT (user_id, recipe_id) DO NOTHING")
	}
	_, err := q.Exec(ctx)
	return translate(err, "bookmark recipe %d", b.RecipeID)
}

// DeleteBookmark removes a bookmark if there is one.
func (s *Recipes) DeleteBookmark(ctx context.Context, userID, recipeID int64) error {
	_, err := s.db.NewDelete().Model((*recipeBookmarkRow)(nil)).
		Where("user_id = ?", userID).Where("recipe_id = ?", recipeID).Exec(ctx)
	return translate(err, "delete bookmark of recipe %d", recipeID)
}

// Bookmarks pages a user's bookmarks, newest first.
func (s *Recipes) Bookmarks(ctx context.Context, userID int64, offset, limit int) ([]recipe.Bookmark, int, error) {
	var rows []recipeBookmarkRow
	total, err := s.db.NewSelect().Model(&rows).Where("user_id = ?", userID).
		Order("created_at DESC", "recipe_id DESC").Offset(int64(offset)).Limit(int64(limit)).ScanAndCount(ctx)
	if err != nil {
		return nil, 0, translate(err, "bookmarks")
	}
	out := make([]recipe.Bookmark, len(rows))
	for i, r := range rows {
		out[i] = recipe.Bookmark{UserID: r.UserID, RecipeID: r.RecipeID, CreatedAt: r.CreatedAt.UTC()}
	}
	return out, int(total), nil
}

// writeTx: read committed on MariaDB and PostgreSQL, so concurrent ratings
// of one recipe wait for each other's rows instead of deadlocking on gap
// locks; SQLite (one connection, BEGIN IMMEDIATE) is serial anyway.
func (s *Recipes) writeTx() *sql.TxOptions {
	if s.dialect() == dialect.SQLite {
		return nil
	}
	return &sql.TxOptions{Isolation: sql.LevelReadCommitted}
}

// readTx: one snapshot for the four queries of All.
func (s *Recipes) readTx() *sql.TxOptions {
	if s.dialect() == dialect.SQLite {
		return nil
	}
	return &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
}

// recipeRetry runs fn again when the engine rolled its transaction back as
// a deadlock or serialisation victim; running it again is then safe.
func recipeRetry(ctx context.Context, fn func() error) error {
	const attempts = 6
	for i := 1; ; i++ {
		err := fn()
		if err == nil || i == attempts || !recipeTransient(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(time.Duration(i*(1+rand.IntN(5))) * time.Millisecond):
		}
	}
}

func recipeTransient(err error) bool {
	var my *mysql.MySQLError
	if errors.As(err, &my) {
		return my.Number == 1213 || my.Number == 1205
	}
	var pg *pgconn.PgError
	return errors.As(err, &pg) && (pg.Code == "40P01" || pg.Code == "40001")
}
