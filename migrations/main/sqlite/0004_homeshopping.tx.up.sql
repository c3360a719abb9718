-- Home shopping: channels, broadcasts with their products, alarms, and the
-- revision every import bumps (read models poll it to know they are stale).
-- TEXT compares with the BINARY collation: Korean is kept byte for byte.
-- Timestamps hold what bun's sqlitedialect writes: UTC text that sorts
-- chronologically. Foreign keys are on (bunsql.Open sets the pragma).
CREATE TABLE homeshopping_channels (
    id     INTEGER PRIMARY KEY,
    code   TEXT    NOT NULL,
    name   TEXT    NOT NULL,
    number INTEGER NOT NULL
);

--bun:split

CREATE UNIQUE INDEX homeshopping_channels_code_key ON homeshopping_channels (code);

--bun:split

CREATE TABLE homeshopping_broadcasts (
    id         INTEGER   PRIMARY KEY,
    channel_id INTEGER   NOT NULL REFERENCES homeshopping_channels (id),
    title      TEXT      NOT NULL,
    starts_at  TIMESTAMP NOT NULL,
    ends_at    TIMESTAMP NOT NULL,
    CHECK (ends_at > starts_at)
);

--bun:split

CREATE INDEX homeshopping_broadcasts_starts_at_idx ON homeshopping_broadcasts (starts_at);

--bun:split

CREATE INDEX homeshopping_broadcasts_channel_idx ON homeshopping_broadcasts (channel_id, starts_at);

--bun:split

CREATE TABLE homeshopping_broadcast_products (
    broadcast_id INTEGER NOT NULL REFERENCES homeshopping_broadcasts (id) ON DELETE CASCADE,
    pos          INTEGER NOT NULL,
    product_name TEXT    NOT NULL,
    ingredient   TEXT    NOT NULL DEFAULT '',
    price        INTEGER NOT NULL,
    sale_price   INTEGER NOT NULL,
    is_main      BOOLEAN NOT NULL,
    PRIMARY KEY (broadcast_id, pos),
    CHECK (price >= 0 AND sale_price >= 0 AND sale_price <= price)
);

--bun:split

CREATE INDEX homeshopping_broadcast_products_ingredient_idx ON homeshopping_broadcast_products (ingredient);

--bun:split

CREATE TABLE homeshopping_alarms (
    user_id      INTEGER   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    broadcast_id INTEGER   NOT NULL REFERENCES homeshopping_broadcasts (id) ON DELETE CASCADE,
    created_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, broadcast_id)
);

--bun:split

CREATE INDEX homeshopping_alarms_broadcast_idx ON homeshopping_alarms (broadcast_id);

--bun:split

CREATE TABLE homeshopping_revision (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL
);

--bun:split

INSERT INTO homeshopping_revision (id, revision) VALUES (1, 0);
