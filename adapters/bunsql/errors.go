package bunsql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"

	"github.com/kokmeal/kokmeal/core/errs"
)

// Error is a database failure as the adapter hands it out. Its message is
// what was being done and the kind ("user 7: not found"), or, for a failure
// of no kind, the engine's error code ("create user: database error (mysql
// 1406)"): never the driver's text, which may quote SQL and values.
//
// errors.Is sees both the kind and the driver's error, so callers test
// errors.Is(err, errs.ErrConflict) and a logger that wants the driver's words
// can reach them with errors.Unwrap / Cause.
type Error struct {
	Op   string // what was being done: "create user", "user 7"
	Kind error  // an errs kind, or nil when the failure is of no kind
	code string // engine and code, for failures of no kind
	err  error
}

func (e *Error) Error() string {
	if e.Kind != nil {
		return e.Op + ": " + e.Kind.Error()
	}
	if e.code != "" {
		return e.Op + ": database error (" + e.code + ")"
	}
	return e.Op + ": database error"
}

// Unwrap answers the kind (when there is one) and the driver's error.
func (e *Error) Unwrap() []error {
	if e.Kind == nil {
		return []error{e.err}
	}
	return []error{e.Kind, e.err}
}

// Cause answers the driver's error, for logs only: its text may hold SQL
// and user data.
func (e *Error) Cause() error { return e.err }

// translate is the one place driver errors become core kinds:
//
//	no rows                                     errs.ErrNotFound
//	unique or primary key violation             errs.ErrConflict
//	foreign key violation (a missing parent)    errs.ErrNotFound
//	lost or refused connection, timeout,
//	cancelled context, deadlock, busy database  errs.ErrUnavailable
//
// op says what was being done, with fmt arguments ("user %d", id).
func translate(err error, op string, args ...any) error {
	if err == nil {
		return nil
	}
	if len(args) > 0 {
		op = fmt.Sprintf(op, args...)
	}
	kind, code := classify(err)
	return &Error{Op: op, Kind: kind, code: code, err: err}
}

// classify answers err's kind, or nil and an engine code for logs.
func classify(err error) (kind error, code string) {
	if errors.Is(err, sql.ErrNoRows) {
		return errs.ErrNotFound, ""
	}
	var my *mysql.MySQLError
	if errors.As(err, &my) {
		switch my.Number {
		case 1062, 1586: // ER_DUP_ENTRY, ER_DUP_ENTRY_WITH_KEY_NAME
			return errs.ErrConflict, ""
		case 1216, 1452: // ER_NO_REFERENCED_ROW(_2)
			return errs.ErrNotFound, ""
		case 1205, 1213, // lock wait timeout, deadlock
			1040, 1053, 1077, 1152, 1153, 1159, 1160, 1161, // too many connections, shutdown, aborted, net errors
			1317, 1927, 1969, 3024: // interrupted, connection killed, statement timeouts
			return errs.ErrUnavailable, ""
		}
		return nil, fmt.Sprintf("mysql %d", my.Number)
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		switch {
		case pg.Code == "23505":
			return errs.ErrConflict, ""
		case pg.Code == "23503":
			return errs.ErrNotFound, ""
		case pg.Code == "40001", pg.Code == "40P01", // serialization failure, deadlock
			strings.HasPrefix(pg.Code, "08"), // connection exception
			strings.HasPrefix(pg.Code, "53"), // insufficient resources (too many connections)
			strings.HasPrefix(pg.Code, "57"): // operator intervention (shutdown, cancel, timeout)
			return errs.ErrUnavailable, ""
		}
		return nil, "postgres " + pg.Code
	}
	var lite *sqlite.Error
	if errors.As(err, &lite) {
		switch c := lite.Code(); {
		case c == 2067 || c == 1555: // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
			return errs.ErrConflict, ""
		case c == 787: // SQLITE_CONSTRAINT_FOREIGNKEY
			return errs.ErrNotFound, ""
		case c&0xff == 5 || c&0xff == 6 || c&0xff == 10 || c&0xff == 14: // BUSY, LOCKED, IOERR, CANTOPEN
			return errs.ErrUnavailable, ""
		}
		return nil, fmt.Sprintf("sqlite %d", lite.Code())
	}
	if unavailable(err) {
		return errs.ErrUnavailable, ""
	}
	return nil, ""
}

// unavailable reports a failure of the connection rather than of the query.
func unavailable(err error) bool {
	var (
		netErr     net.Error
		connectErr *pgconn.ConnectError
	)
	return errors.Is(err, context.DeadlineExceeded) ||
		errors.Is(err, context.Canceled) ||
		errors.Is(err, driver.ErrBadConn) ||
		errors.Is(err, sql.ErrConnDone) ||
		errors.Is(err, mysql.ErrInvalidConn) ||
		errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.EPIPE) ||
		errors.As(err, &connectErr) ||
		errors.As(err, &netErr) ||
		pgconn.Timeout(err)
}
