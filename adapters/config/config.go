// Package config reads the process configuration from environment variables
// and an optional .env file. Defaults run on a laptop with nothing but Go:
// SQLite files and a generated development secret under ./var.
package config

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/caarlos0/env/v11"
	"github.com/joho/godotenv"
)

// Config is every setting a host reads. Field docs are the README's table.
type Config struct {
	Addr        string        `env:"KOKMEAL_ADDR"`
	DataDir     string        `env:"KOKMEAL_DATA_DIR" envDefault:"./var"`
	MainDSN     string        `env:"KOKMEAL_MAIN_DSN"`
	LogDSN      string        `env:"KOKMEAL_LOG_DSN"`
	JWTSecret   string        `env:"KOKMEAL_JWT_SECRET"`
	Dev         bool          `env:"KOKMEAL_DEV"`
	AutoMigrate bool          `env:"KOKMEAL_AUTO_MIGRATE" envDefault:"true"`
	DemoData    bool          `env:"KOKMEAL_DEMO_DATA" envDefault:"true"`
	CORSOrigins []string      `env:"KOKMEAL_CORS_ORIGINS" envSeparator:"," envDefault:"http://localhost:3000,http://localhost:5173"`
	TrustProxy  bool          `env:"KOKMEAL_TRUST_PROXY"`
	BodyLimit   int64         `env:"KOKMEAL_BODY_LIMIT" envDefault:"1048576"`
	LogLevel    string        `env:"KOKMEAL_LOG_LEVEL" envDefault:"info"`
	LogFormat   string        `env:"KOKMEAL_LOG_FORMAT" envDefault:"json"`
	ShutdownIn  time.Duration `env:"KOKMEAL_SHUTDOWN_TIMEOUT" envDefault:"20s"`

	// Warnings are things the operator should read at start-up, logged by
	// the host once its logger exists.
	Warnings []string `env:"-"`
}

// Load reads .env (if present; real environment variables win), then the
// environment. defaultAddr is the host's own port, e.g. ":8001".
func Load(defaultAddr string) (Config, error) {
	if err := godotenv.Load(); err != nil && !errors.Is(err, os.ErrNotExist) {
		return Config{}, fmt.Errorf("reading .env: %w", err)
	}
	var c Config
	if err := env.Parse(&c); err != nil {
		return Config{}, fmt.Errorf("configuration: %w", err)
	}
	if c.Addr == "" {
		c.Addr = defaultAddr
	}
	if c.MainDSN == "" {
		c.MainDSN = "sqlite:" + filepath.Join(c.DataDir, "main.db")
	}
	if c.LogDSN == "" {
		c.LogDSN = "sqlite:" + filepath.Join(c.DataDir, "log.db")
	}
	if c.BodyLimit <= 0 {
		return Config{}, errors.New("configuration: KOKMEAL_BODY_LIMIT must be positive")
	}
	if c.JWTSecret == "" {
		secret, err := devSecret(c.DataDir)
		if err != nil {
			return Config{}, err
		}
		c.JWTSecret = secret
		c.Warnings = append(c.Warnings, "KOKMEAL_JWT_SECRET is not set: using the development secret kept in "+filepath.Join(c.DataDir, "jwt-secret")+"; set a secret of at least 32 bytes in production")
	}
	return c, nil
}

// devSecret makes a random secret once and keeps it, so tokens survive a
// restart on a laptop and every host of one checkout agrees on it.
func devSecret(dir string) (string, error) {
	path := filepath.Join(dir, "jwt-secret")
	if b, err := os.ReadFile(path); err == nil && len(strings.TrimSpace(string(b))) >= 32 {
		return strings.TrimSpace(string(b)), nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("creating %s: %w", dir, err)
	}
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	secret := hex.EncodeToString(b[:])
	// O_EXCL: when several hosts start at once, the first writer wins and the
	// others read its secret.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		time.Sleep(50 * time.Millisecond)
		b, err := os.ReadFile(path)
		if err != nil {
			return "", err
		}
		return strings.TrimSpace(string(b)), nil
	}
	if err != nil {
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	defer f.Close()
	if _, err := f.WriteString(secret + "\n"); err != nil {
		return "", err
	}
	return secret, nil
}
