-- Accounts: users and their refresh tokens, in one transaction.
-- TEXT compares with the BINARY collation: Korean is matched byte for byte.
-- Timestamps are TIMESTAMP columns holding what bun's sqlitedialect writes:
-- UTC text 'YYYY-MM-DD HH:MM:SS.ffffff+00:00', which sorts chronologically.
-- Foreign keys are enforced because bunsql.Open sets _pragma=foreign_keys(1).
CREATE TABLE users (
    id            INTEGER   PRIMARY KEY AUTOINCREMENT,
    email         TEXT      NOT NULL,
    name          TEXT      NOT NULL,
    password_hash TEXT      NOT NULL,
    role          TEXT      NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
    preferences   TEXT      NOT NULL CHECK (json_valid(preferences)),
    disabled      BOOLEAN   NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);

--bun:split

CREATE UNIQUE INDEX users_email_key ON users (email);

--bun:split

CREATE TABLE refresh_tokens (
    hash       TEXT      PRIMARY KEY NOT NULL,
    user_id    INTEGER   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family     TEXT      NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP,
    revoked_at TIMESTAMP
);

--bun:split

CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family);

--bun:split

CREATE INDEX refresh_tokens_user_id_idx ON refresh_tokens (user_id);
