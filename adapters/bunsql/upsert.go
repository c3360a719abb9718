package bunsql

import (
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
)

// upsert makes q an insert-or-update by primary key on every engine, so
// imports replace rows with the same key; bun writes the SET list from the
// model's columns.
func upsert(q *bun.InsertQuery, pk string) *bun.InsertQuery {
	if q.Dialect().Name() == dialect.MySQL {
		return q.On("DUPLICATE KEY UPDATE")
	}
	return q.On("CONFLICT (" + pk + ") DO UPDATE")
}
