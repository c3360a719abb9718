-- Home shopping: channels, broadcasts with their products, alarms, and the
-- revision every import bumps (read models poll it to know they are stale).
-- MariaDB runs DDL outside transactions, so this file is not .tx.
-- utf8mb4_bin keeps Korean byte-exact; times are UTC in DATETIME(6).
CREATE TABLE homeshopping_channels (
    id     BIGINT       NOT NULL,
    code   VARCHAR(32)  NOT NULL,
    name   VARCHAR(100) NOT NULL,
    number INT          NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY homeshopping_channels_code_key (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

--bun:split

CREATE TABLE homeshopping_broadcasts (
    id         BIGINT       NOT NULL,
    channel_id BIGINT       NOT NULL,
    title      VARCHAR(200) NOT NULL,
    starts_at  DATETIME(6)  NOT NULL,
    ends_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY homeshopping_broadcasts_starts_at_idx (starts_at),
    KEY homeshopping_broadcasts_channel_idx (channel_id, starts_at),
    CONSTRAINT homeshopping_broadcasts_times_check CHECK (ends_at > starts_at),
    CONSTRAINT homeshopping_broadcasts_channel_fkey FOREIGN KEY (channel_id) REFERENCES homeshopping_channels (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

--bun:split

CREATE TABLE homeshopping_broadcast_products (
    broadcast_id BIGINT       NOT NULL,
    pos          INT          NOT NULL,
    product_name VARCHAR(200) NOT NULL,
    ingredient   VARCHAR(50)  NOT NULL DEFAULT '',
    price        BIGINT       NOT NULL,
    sale_price   BIGINT       NOT NULL,
    is_main      BOOLEAN      NOT NULL,
    PRIMARY KEY (broadcast_id, pos),
    KEY homeshopping_broadcast_products_ingredient_idx (ingredient),
    CONSTRAINT homeshopping_broadcast_products_price_check CHECK (price >= 0 AND sale_price >= 0 AND sale_price <= price),
    CONSTRAINT homeshopping_broadcast_products_broadcast_fkey FOREIGN KEY (broadcast_id) REFERENCES homeshopping_broadcasts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

--bun:split

CREATE TABLE homeshopping_alarms (
    user_id      BIGINT      NOT NULL,
    broadcast_id BIGINT      NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, broadcast_id),
    KEY homeshopping_alarms_broadcast_idx (broadcast_id),
    CONSTRAINT homeshopping_alarms_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT homeshopping_alarms_broadcast_fkey FOREIGN KEY (broadcast_id) REFERENCES homeshopping_broadcasts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

--bun:split

CREATE TABLE homeshopping_revision (
    id       INT    NOT NULL,
    revision BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT homeshopping_revision_one_row CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

--bun:split

INSERT INTO homeshopping_revision (id, revision) VALUES (1, 0);
