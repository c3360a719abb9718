-- Accounts: users and their refresh tokens. MariaDB runs DDL outside
-- transactions, so this file is not .tx: each statement commits on its own.
-- utf8mb4_bin compares bytes: Korean is stored and matched exactly as given
-- (NFC and NFD stay distinct), and emails arrive lower-cased from the core.
CREATE TABLE users (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    email         VARCHAR(254) NOT NULL,
    name          VARCHAR(100) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(16)  NOT NULL DEFAULT 'user',
    preferences   JSON         NOT NULL,
    disabled      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY users_email_key (email),
    CONSTRAINT users_role_check CHECK (role IN ('user', 'admin'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

--bun:split

CREATE TABLE refresh_tokens (
    hash       VARCHAR(64) NOT NULL,
    user_id    BIGINT      NOT NULL,
    family     VARCHAR(64) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    revoked_at DATETIME(6) NULL,
    PRIMARY KEY (hash),
    KEY refresh_tokens_family_idx (family),
    KEY refresh_tokens_user_id_idx (user_id),
    CONSTRAINT refresh_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
