package bunsql

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/user"
)

// userRow is a row of users. Preferences are one JSON document: they are
// read and written whole, never queried by part.
type userRow struct {
	bun.BaseModel `bun:"table:users"`

	ID           int64     `bun:"id,pk,autoincrement"`
	Email        string    `bun:"email,notnull"`
	Name         string    `bun:"name,notnull"`
	PasswordHash string    `bun:"password_hash,notnull"`
	Role         string    `bun:"role,notnull"`
	Preferences  string    `bun:"preferences,notnull"`
	Disabled     bool      `bun:"disabled,notnull"`
	CreatedAt    time.Time `bun:"created_at,notnull"`
	UpdatedAt    time.Time `bun:"updated_at,notnull"`
}

// preferencesDoc is the stored JSON form of user.Preferences.
type preferencesDoc struct {
	Allergies           []string `json:"allergies"`
	DislikedIngredients []string `json:"disliked_ingredients"`
	Diets               []string `json:"diets"`
	HouseholdSize       int      `json:"household_size"`
}

// dbTime is how every timestamp is stored: UTC, to the microsecond, the
// precision all three engines keep.
func dbTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

func dbTimePtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	v := dbTime(*t)
	return &v
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	v := t.UTC()
	return &v
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func toUserRow(u user.User) (*userRow, error) {
	prefs, err := json.Marshal(preferencesDoc{
		Allergies:           nonNil(u.Preferences.Allergies),
		DislikedIngredients: nonNil(u.Preferences.DislikedIngredients),
		Diets:               nonNil(u.Preferences.Diets),
		HouseholdSize:       u.Preferences.HouseholdSize,
	})
	if err != nil {
		return nil, translate(err, "user %d: preferences", u.ID)
	}
	return &userRow{
		ID: u.ID, Email: u.Email, Name: u.Name, PasswordHash: u.PasswordHash,
		Role: string(u.Role), Preferences: string(prefs), Disabled: u.Disabled,
		CreatedAt: dbTime(u.CreatedAt), UpdatedAt: dbTime(u.UpdatedAt),
	}, nil
}

func (r *userRow) toUser() (user.User, error) {
	var p preferencesDoc
	if err := json.Unmarshal([]byte(r.Preferences), &p); err != nil {
		return user.User{}, translate(err, "user %d: preferences", r.ID)
	}
	return user.User{
		ID: r.ID, Email: r.Email, Name: r.Name, PasswordHash: r.PasswordHash,
		Role: user.Role(r.Role), Disabled: r.Disabled,
		Preferences: user.Preferences{
			Allergies:           nonNil(p.Allergies),
			DislikedIngredients: nonNil(p.DislikedIngredients),
			Diets:               nonNil(p.Diets),
			HouseholdSize:       p.HouseholdSize,
		},
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
	}, nil
}

// UserStore implements user.UserStore on the main database.
type UserStore struct {
	db *bun.DB
}

var _ user.UserStore = (*UserStore)(nil)

// NewUserStore returns the store of users of the main database.
func NewUserStore(db MainDB) *UserStore { return &UserStore{db: db.DB} }

// Create inserts u and answers it with its new ID and its timestamps as
// stored (UTC, microseconds). A taken email is errs.ErrConflict.
func (s *UserStore) Create(ctx context.Context, u user.User) (user.User, error) {
	u.ID = 0
	row, err := toUserRow(u)
	if err != nil {
		return user.User{}, err
	}
	if err := insertUser(ctx, s.db, row); err != nil {
		return user.User{}, emailTaken(err)
	}
	return row.toUser()
}

// ByID finds a user.
func (s *UserStore) ByID(ctx context.Context, id int64) (user.User, error) {
	row, err := selectUser(ctx, s.db, "id", id, false)
	if err != nil {
		return user.User{}, translate(err, "user %d", id)
	}
	return row.toUser()
}

// ByEmail finds a user by its lower-cased email, byte for byte.
func (s *UserStore) ByEmail(ctx context.Context, email string) (user.User, error) {
	row, err := selectUser(ctx, s.db, "email", email, false)
	if err != nil {
		return user.User{}, translate(err, "user by email")
	}
	return row.toUser()
}

// Update reads the user with a row lock (SELECT ... FOR UPDATE on MariaDB
// and PostgreSQL; on SQLite the single connection and BEGIN IMMEDIATE
// serialise transactions), applies fn and writes the result in the same
// transaction. fn's error is answered as is, and nothing is written.
func (s *UserStore) Update(ctx context.Context, id int64, fn func(*user.User) error) (user.User, error) {
	var (
		out   user.User
		fnErr error
	)
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		row, err := selectUser(ctx, tx, "id", id, true)
		if err != nil {
			return err
		}
		u, err := row.toUser()
		if err != nil {
			return err
		}
		if err := fn(&u); err != nil {
			fnErr = err
			return err
		}
		u.ID = id
		if row, err = toUserRow(u); err != nil {
			return err
		}
		if err := updateUser(ctx, tx, row); err != nil {
			return err
		}
		out, err = row.toUser()
		return err
	})
	if fnErr != nil {
		return user.User{}, fnErr
	}
	if err != nil {
		return user.User{}, emailTaken(translate(err, "update user %d", id))
	}
	return out, nil
}

// Delete removes the user; the schema's ON DELETE CASCADE removes its
// refresh tokens in the same statement.
func (s *UserStore) Delete(ctx context.Context, id int64) error {
	res, err := s.db.NewDelete().Model((*userRow)(nil)).Where("id = ?", id).Exec(ctx)
	if err != nil {
		return translate(err, "delete user %d", id)
	}
	if n, err := res.RowsAffected(); err != nil {
		return translate(err, "delete user %d", id)
	} else if n == 0 {
		return translate(sql.ErrNoRows, "user %d", id)
	}
	return nil
}

// emailTaken names the conflict: email is the one unique key a caller sets.
func emailTaken(err error) error {
	var e *Error
	if errors.As(err, &e) && e.Kind == errs.ErrConflict {
		e.Op = "email already registered"
	}
	return err
}

func insertUser(ctx context.Context, db bun.IDB, row *userRow) error {
	if _, err := db.NewInsert().Model(row).Exec(ctx); err != nil {
		return translate(err, "create user")
	}
	return nil
}

func updateUser(ctx context.Context, db bun.IDB, row *userRow) error {
	_, err := db.NewUpdate().Model(row).ExcludeColumn("id").WherePK().Exec(ctx)
	return err
}

// selectUser reads one user by an allowlisted column; lock takes a row lock
// for the rest of the transaction where the engine has one.
func selectUser(ctx context.Context, db bun.IDB, column string, value any, lock bool) (*userRow, error) {
	if column != "id" && column != "email" {
		return nil, errors.New("bunsql: selectUser: column not allowed")
	}
	row := new(userRow)
	q := db.NewSelect().Model(row).Where("? = ?", bun.Ident(column), value)
	if lock && db.Dialect().Name() != dialect.SQLite {
		q = q.For("UPDATE")
	}
	if err := q.Scan(ctx); err != nil {
		return nil, err
	}
	return row, nil
}
