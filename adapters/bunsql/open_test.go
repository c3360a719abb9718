package bunsql_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/kokmeal/kokmeal/adapters/bunsql"
	"github.com/kokmeal/kokmeal/adapters/bunsql/dbtest"
	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/migrations"
)

func TestOpenRefusesWithoutLeakingPassword(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		dsn         string
		unavailable bool
		mention     string
	}{
		{dsn: "redis://u:s3cret@127.0.0.1:6379/0", mention: `"redis"`},
		{dsn: "no-scheme-s3cret", mention: "scheme"},
		{dsn: "mysql://u:s3cret@127.0.0.1:1/db", unavailable: true, mention: "mysql"},
		{dsn: "mysql://u:s3cret%zz@127.0.0.1:3306/db", mention: "mysql"},
		{dsn: "postgres://u:s3cret@127.0.0.1:1/db?sslmode=disable", unavailable: true, mention: "postgres"},
		{dsn: "postgresql://u:s3cret@127.0.0.1:1/db?sslmode=disable", unavailable: true, mention: "postgres"},
		{dsn: "postgres://u:s3cret@127.0.0.1:5432/db?sslmode=bogus", mention: "postgres"},
		{dsn: "sqlite:", mention: "sqlite"},
	} {
		db, err := bunsql.Open(ctx, tc.dsn, bunsql.WithPingTimeout(2*time.Second))
		if err == nil {
			_ = db.Close()
			t.Errorf("%s: opened", tc.dsn)
			continue
		}
		if strings.Contains(err.Error(), "s3cret") {
			t.Errorf("%s: error shows the password: %v", tc.dsn, err)
		}
		if !strings.Contains(err.Error(), tc.mention) {
			t.Errorf("%s: error %q does not mention %s", tc.dsn, err, tc.mention)
		}
		if got := errors.Is(err, errs.ErrUnavailable); got != tc.unavailable {
			t.Errorf("%s: unavailable=%v, want %v (%v)", tc.dsn, got, tc.unavailable, err)
		}
	}
}

func TestOpenSQLiteFileAndPragmas(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "var", "nested", "main.db")
	db, err := bunsql.Open(ctx, "sqlite:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for pragma, want := range map[string]string{"foreign_keys": "1", "journal_mode": "wal", "synchronous": "1", "busy_timeout": "5000"} {
		var got string
		if err := db.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %s, want %s", pragma, got, want)
		}
	}
	if s := db.Stats(); s.MaxOpenConnections != 1 {
		t.Errorf("max open connections %d, want 1", s.MaxOpenConnections)
	}

	mem, err := bunsql.Open(ctx, "sqlite::memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	if err := migrations.Up(ctx, mem, migrations.Main); err != nil {
		t.Fatalf("in-memory database lost between statements: %v", err)
	}
}

// TestSessionSettings: whatever the DSN, sessions speak utf8mb4/binary and UTC.
func TestSessionSettings(t *testing.T) {
	ctx := context.Background()
	dbtest.ForEach(t, migrations.Main, func(t *testing.T, db *bun.DB) {
		want := map[string]string{}
		switch db.Dialect().Name() {
		case dialect.MySQL:
			want = map[string]string{
				"SELECT @@time_zone":                "+00:00",
				"SELECT @@character_set_connection": "utf8mb4",
				"SELECT @@collation_connection":     "utf8mb4_bin",
				"SELECT table_collation FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'users'":                             "utf8mb4_bin",
				"SELECT column_type FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'users' AND column_name = 'created_at'": "datetime(6)",
			}
		case dialect.PG:
			want = map[string]string{
				"SHOW timezone": "UTC",
				"SELECT data_type FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'created_at'": "timestamp with time zone",
			}
		}
		for q, w := range want {
			var got string
			if err := db.QueryRowContext(ctx, q).Scan(&got); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			if got != w {
				t.Errorf("%s = %q, want %q", q, got, w)
			}
		}
		if err := (bunsql.MainDB{DB: db}).Ready(ctx); err != nil {
			t.Errorf("Ready: %v", err)
		}
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		if err := (bunsql.LogDB{DB: db}).Ready(cancelled); !errors.Is(err, errs.ErrUnavailable) {
			t.Errorf("Ready with a cancelled context: %v, want ErrUnavailable", err)
		}
	})
}

func TestProvidersOpenAndClose(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	main, closeMain, err := bunsql.OpenMain(ctx, bunsql.MainDSN("sqlite:"+filepath.Join(dir, "main.db")))
	if err != nil {
		t.Fatal(err)
	}
	logdb, closeLog, err := bunsql.OpenLog(ctx, bunsql.LogDSN("sqlite:"+filepath.Join(dir, "log.db")))
	if err != nil {
		t.Fatal(err)
	}
	if err := main.Ready(ctx); err != nil {
		t.Fatal(err)
	}
	if err := logdb.Ready(ctx); err != nil {
		t.Fatal(err)
	}
	closeMain()
	closeLog()
	if err := main.Ready(ctx); err == nil {
		t.Fatal("Ready after cleanup")
	}
	if _, _, err := bunsql.OpenMain(ctx, "bogus://x"); err == nil {
		t.Fatal("OpenMain of a bogus DSN")
	}
}
