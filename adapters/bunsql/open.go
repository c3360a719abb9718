// Package bunsql holds the SQL adapters of the core ports, on bun, for
// SQLite (the embedded default), MariaDB and PostgreSQL.
//
// Storage models carry the bun tags and convert to and from core entities;
// transactions stay inside the adapter; driver errors are translated to the
// core's error kinds in one place (errors.go) and never reach a caller's
// message.
package bunsql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/dialect/mysqldialect"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/schema"
	_ "modernc.org/sqlite" // registers driver "sqlite"

	"github.com/kokmeal/kokmeal/core/errs"
)

// Pool sizes a connection pool. Zero fields keep the defaults of DefaultPool.
type Pool struct {
	MaxOpenConns    int
	MaxIdleConns    int
	ConnMaxLifetime time.Duration
	ConnMaxIdleTime time.Duration
}

// DefaultPool suits one service process against MariaDB or PostgreSQL:
// enough connections for concurrent requests, recycled well before a
// server's idle timeout (MariaDB's wait_timeout is 8h by default).
func DefaultPool() Pool {
	return Pool{MaxOpenConns: 20, MaxIdleConns: 10, ConnMaxLifetime: 30 * time.Minute, ConnMaxIdleTime: 5 * time.Minute}
}

type options struct {
	pool        Pool
	pingTimeout time.Duration
}

// Option tunes Open.
type Option func(*options)

// WithPool overrides the pool settings (ignored for SQLite, see Open).
func WithPool(p Pool) Option {
	return func(o *options) {
		d := DefaultPool()
		if p.MaxOpenConns > 0 {
			d.MaxOpenConns = p.MaxOpenConns
		}
		if p.MaxIdleConns > 0 {
			d.MaxIdleConns = p.MaxIdleConns
		}
		if p.ConnMaxLifetime > 0 {
			d.ConnMaxLifetime = p.ConnMaxLifetime
		}
		if p.ConnMaxIdleTime > 0 {
			d.ConnMaxIdleTime = p.ConnMaxIdleTime
		}
		o.pool = d
	}
}

// WithPingTimeout bounds the ping Open makes (default 5s).
func WithPingTimeout(d time.Duration) Option {
	return func(o *options) { o.pingTimeout = d }
}

// Open connects to the database a DSN names, by scheme, and pings it:
//
//	sqlite:PATH                  a file, e.g. sqlite:./var/main.db (its folder
//	                             is created); sqlite::memory: for a private
//	                             in-memory database; extra driver parameters
//	                             may follow a '?'.
//	mysql://user:pass@host:port/db?params
//	                             MariaDB or MySQL; params are go-sql-driver's
//	                             (tls, timeout, ...).
//	postgres://... postgresql://...
//	                             PostgreSQL through pgx; params are libpq's.
//
// Whatever the DSN says, connections are set up so that text and time
// round-trip exactly: MariaDB talks utf8mb4 with utf8mb4_bin, parses DATETIME
// as time.Time in UTC, sets the session time_zone to +00:00 and never allows
// several statements in one query; PostgreSQL sets timezone UTC; SQLite sets
// journal_mode WAL, busy_timeout 5000, foreign_keys on, synchronous NORMAL,
// and begins transactions IMMEDIATE.
//
// SQLite gets a pool of exactly one connection: SQLite allows one writer at a
// time, and funnelling every statement through one connection serialises
// writers in Go instead of failing with SQLITE_BUSY, makes read-modify-write
// transactions safe without SELECT ... FOR UPDATE (which SQLite lacks), and
// keeps sqlite::memory: one database. The price: while a transaction runs,
// other statements wait, so code inside RunInTx must use the tx, never the
// *bun.DB, or it waits forever.
//
// Errors never contain the password: a connection failure is an
// errs.ErrUnavailable naming the scheme and host.
func Open(ctx context.Context, dsn string, opts ...Option) (*bun.DB, error) {
	o := options{pool: DefaultPool(), pingTimeout: 5 * time.Second}
	for _, opt := range opts {
		opt(&o)
	}
	scheme, rest, ok := strings.Cut(dsn, ":")
	if !ok || scheme == "" {
		return nil, errors.New("bunsql: DSN has no scheme; want sqlite:PATH, mysql://... or postgres://...")
	}
	var (
		sqldb *sql.DB
		dia   schema.Dialect
		where string
		err   error
	)
	switch strings.ToLower(scheme) {
	case "sqlite", "sqlite3":
		sqldb, dia, where, err = openSQLite(rest)
	case "mysql", "mariadb":
		sqldb, dia, where, err = openMySQL(dsn)
	case "postgres", "postgresql":
		sqldb, dia, where, err = openPostgres(dsn)
	default:
		return nil, fmt.Errorf("bunsql: unknown DSN scheme %q; want sqlite, mysql or postgres", scheme)
	}
	if err != nil {
		return nil, err
	}
	if dia.Name() != dialect.SQLite {
		sqldb.SetMaxOpenConns(o.pool.MaxOpenConns)
		sqldb.SetMaxIdleConns(min(o.pool.MaxIdleConns, o.pool.MaxOpenConns))
		sqldb.SetConnMaxLifetime(o.pool.ConnMaxLifetime)
		sqldb.SetConnMaxIdleTime(o.pool.ConnMaxIdleTime)
	}
	// Ping before bun.NewDB: the MySQL dialect's Init queries the server's
	// version at once, without a deadline.
	pctx, cancel := context.WithTimeout(ctx, o.pingTimeout)
	defer cancel()
	if err := sqldb.PingContext(pctx); err != nil {
		_ = sqldb.Close()
		return nil, openError(scheme, where, err)
	}
	return bun.NewDB(sqldb, dia), nil
}

// openError keeps the driver's reason (a refused connection, a denied user:
// never the password) for the operator starting the process.
func openError(scheme, where string, err error) error {
	return fmt.Errorf("bunsql: cannot reach %s at %s: %w: %w", scheme, where, errs.ErrUnavailable, err)
}

// sqlitePragmas are run on every new connection; busy_timeout first.
var sqlitePragmas = []string{"busy_timeout(5000)", "journal_mode(WAL)", "foreign_keys(1)", "synchronous(NORMAL)"}

func openSQLite(rest string) (*sql.DB, schema.Dialect, string, error) {
	path, params, _ := strings.Cut(strings.TrimPrefix(rest, "//"), "?")
	if path == "" {
		return nil, nil, "", errors.New("bunsql: sqlite DSN has no path; want sqlite:./var/main.db")
	}
	q, err := url.ParseQuery(params)
	if err != nil {
		return nil, nil, "", errors.New("bunsql: sqlite DSN has malformed parameters")
	}
	memory := path == ":memory:" || strings.Contains(path, "mode=memory")
	if !memory {
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			return nil, nil, "", fmt.Errorf("bunsql: sqlite: create folder of %s: %w", path, err)
		}
	}
	for _, p := range sqlitePragmas {
		q.Add("_pragma", p)
	}
	if q.Get("_txlock") == "" {
		q.Set("_txlock", "immediate")
	}
	sqldb, err := sql.Open("sqlite", path+"?"+q.Encode())
	if err != nil {
		return nil, nil, "", fmt.Errorf("bunsql: sqlite: %w", err)
	}
	sqldb.SetMaxOpenConns(1)
	sqldb.SetMaxIdleConns(1)
	sqldb.SetConnMaxLifetime(0)
	sqldb.SetConnMaxIdleTime(0)
	return sqldb, sqlitedialect.New(), path, nil
}

func openMySQL(dsn string) (*sql.DB, schema.Dialect, string, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		// url.Error quotes the whole DSN, password included.
		return nil, nil, "", errors.New("bunsql: mysql DSN is not a valid URL; want mysql://user:pass@host:port/db")
	}
	// Parse the query as go-sql-driver parameters, then set the parts the
	// URL gives and the settings we never let a DSN change.
	cfg, err := mysql.ParseDSN("/?" + u.RawQuery)
	if err != nil {
		return nil, nil, "", errors.New("bunsql: mysql DSN has invalid parameters")
	}
	cfg.User = u.User.Username()
	cfg.Passwd, _ = u.User.Password()
	cfg.Net = "tcp"
	host := u.Hostname()
	if host == "" {
		host = "127.0.0.1"
	}
	port := u.Port()
	if port == "" {
		port = "3306"
	}
	cfg.Addr = net.JoinHostPort(host, port)
	cfg.DBName = strings.TrimPrefix(u.Path, "/")
	cfg.ParseTime = true
	cfg.Loc = time.UTC
	cfg.MultiStatements = false
	if err := cfg.Apply(mysql.Charset("utf8mb4", "utf8mb4_bin")); err != nil {
		return nil, nil, "", fmt.Errorf("bunsql: mysql: %w", err)
	}
	if cfg.Params == nil {
		cfg.Params = map[string]string{}
	}
	cfg.Params["time_zone"] = "'+00:00'"
	if cfg.Timeout == 0 {
		cfg.Timeout = 5 * time.Second
	}
	connector, err := mysql.NewConnector(cfg)
	if err != nil {
		return nil, nil, "", fmt.Errorf("bunsql: mysql: %w", err)
	}
	sqldb := sql.OpenDB(connector)
	return sqldb, mysqldialect.New(mysqldialect.WithTimeLocation("UTC")), cfg.Addr, nil
}

func openPostgres(dsn string) (*sql.DB, schema.Dialect, string, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, nil, "", errors.New("bunsql: postgres DSN is not valid; want postgres://user:pass@host:port/db?sslmode=disable")
	}
	cfg.RuntimeParams["timezone"] = "UTC"
	// bun formats every value into the query text itself, so queries carry
	// no arguments; the simple protocol runs each in one round trip instead of
	// preparing and caching statements that never repeat.
	if !strings.Contains(dsn, "default_query_exec_mode") {
		cfg.DefaultQueryExecMode = pgx.QueryExecModeSimpleProtocol
	}
	sqldb := stdlib.OpenDB(*cfg)
	where := net.JoinHostPort(cfg.Host, fmt.Sprint(cfg.Port))
	return sqldb, pgdialect.New(), where, nil
}
