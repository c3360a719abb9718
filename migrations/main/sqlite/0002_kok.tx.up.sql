-- The kok mall: products, wishlists, carts and orders, in one transaction.
-- TEXT compares with BINARY: Korean is matched byte for byte. Product ids
-- come from the importer (a plain INTEGER PRIMARY KEY, never generated).
CREATE TABLE kok_products (
    id            INTEGER   PRIMARY KEY NOT NULL,
    name          TEXT      NOT NULL,
    brand         TEXT      NOT NULL,
    store         TEXT      NOT NULL,
    category      TEXT      NOT NULL,
    unit          TEXT      NOT NULL,
    ingredient    TEXT      NOT NULL,
    price         INTEGER   NOT NULL CHECK (price >= 0),
    discount_rate INTEGER   NOT NULL CHECK (discount_rate BETWEEN 0 AND 100),
    review_score  REAL      NOT NULL,
    review_count  INTEGER   NOT NULL,
    kind          TEXT      NOT NULL,
    created_at    TIMESTAMP NOT NULL
);

--bun:split

-- One row: bumped by every import, so a process can tell its in-memory
-- catalogue is stale even when count and max(id) did not move.
CREATE TABLE kok_catalog_meta (
    id       INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    revision INTEGER NOT NULL
);

--bun:split

INSERT INTO kok_catalog_meta (id, revision) VALUES (1, 0);

--bun:split

CREATE TABLE kok_wishes (
    user_id    INTEGER   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    product_id INTEGER   NOT NULL REFERENCES kok_products (id) ON DELETE CASCADE,
    added_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, product_id)
);

--bun:split

CREATE INDEX kok_wishes_user_added_idx ON kok_wishes (user_id, added_at);

--bun:split

CREATE INDEX kok_wishes_product_idx ON kok_wishes (product_id);

--bun:split

CREATE TABLE kok_cart_items (
    id         INTEGER   PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    product_id INTEGER   NOT NULL REFERENCES kok_products (id) ON DELETE CASCADE,
    quantity   INTEGER   NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    added_at   TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

--bun:split

CREATE UNIQUE INDEX kok_cart_items_user_product_key ON kok_cart_items (user_id, product_id);

--bun:split

CREATE INDEX kok_cart_items_product_idx ON kok_cart_items (product_id);

--bun:split

-- At most one order per (user, idempotency key): the unique index is what
-- makes concurrent retries of one order place it exactly once.
CREATE TABLE kok_orders (
    id              INTEGER   PRIMARY KEY AUTOINCREMENT,
    user_id         INTEGER   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    idempotency_key TEXT      NOT NULL,
    fingerprint     TEXT      NOT NULL,
    status          TEXT      NOT NULL,
    memo            TEXT      NOT NULL,
    quantity        INTEGER   NOT NULL,
    total           INTEGER   NOT NULL,
    placed_at       TIMESTAMP NOT NULL
);

--bun:split

CREATE UNIQUE INDEX kok_orders_user_key_key ON kok_orders (user_id, idempotency_key);

--bun:split

CREATE INDEX kok_orders_user_placed_idx ON kok_orders (user_id, placed_at);

--bun:split

-- Lines copy the product as it was ordered; no foreign key to kok_products,
-- so history outlives a product.
CREATE TABLE kok_order_lines (
    order_id      INTEGER NOT NULL REFERENCES kok_orders (id) ON DELETE CASCADE,
    line_no       INTEGER NOT NULL,
    product_id    INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    brand         TEXT    NOT NULL,
    unit          TEXT    NOT NULL,
    ingredient    TEXT    NOT NULL,
    quantity      INTEGER NOT NULL,
    price         INTEGER NOT NULL,
    discount_rate INTEGER NOT NULL,
    sale_price    INTEGER NOT NULL,
    total         INTEGER NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
