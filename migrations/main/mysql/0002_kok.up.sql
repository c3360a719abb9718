-- The kok mall: products, wishlists, carts and orders. MariaDB runs DDL
-- outside transactions, so this file is not .tx. utf8mb4_bin keeps Korean
-- byte-exact. Product ids come from the importer (no AUTO_INCREMENT).
CREATE TABLE kok_products (
    id            BIGINT       NOT NULL,
    name          VARCHAR(200) NOT NULL,
    brand         VARCHAR(100) NOT NULL,
    store         VARCHAR(100) NOT NULL,
    category      VARCHAR(100) NOT NULL,
    unit          VARCHAR(50)  NOT NULL,
    ingredient    VARCHAR(50)  NOT NULL,
    price         BIGINT       NOT NULL,
    discount_rate INT          NOT NULL,
    review_score  DOUBLE       NOT NULL,
    review_count  BIGINT       NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT kok_products_price_check CHECK (price >= 0),
    CONSTRAINT kok_products_discount_check CHECK (discount_rate BETWEEN 0 AND 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

--bun:split

-- One row: bumped by every import, so a process can tell its in-memory
-- catalogue is stale even when count and max(id) did not move.
CREATE TABLE kok_catalog_meta (
    id       INT    NOT NULL,
    revision BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT kok_catalog_meta_one_row CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

--bun:split

INSERT INTO kok_catalog_meta (id, revision) VALUES (1, 0);

--bun:split

CREATE TABLE kok_wishes (
    user_id    BIGINT      NOT NULL,
    product_id BIGINT      NOT NULL,
    added_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, product_id),
    KEY kok_wishes_user_added_idx (user_id, added_at),
    KEY kok_wishes_product_idx (product_id),
    CONSTRAINT kok_wishes_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT kok_wishes_product_fkey FOREIGN KEY (product_id) REFERENCES kok_products (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

--bun:split

CREATE TABLE kok_cart_items (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    user_id    BIGINT      NOT NULL,
    product_id BIGINT      NOT NULL,
    quantity   INT         NOT NULL,
    added_at   DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY kok_cart_items_user_product_key (user_id, product_id),
    KEY kok_cart_items_product_idx (product_id),
    CONSTRAINT kok_cart_items_quantity_check CHECK (quantity BETWEEN 1 AND 99),
    CONSTRAINT kok_cart_items_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT kok_cart_items_product_fkey FOREIGN KEY (product_id) REFERENCES kok_products (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

--bun:split

-- At most one order per (user, idempotency key): the unique key is what
-- makes concurrent retries of one order place it exactly once.
CREATE TABLE kok_orders (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    user_id         BIGINT       NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    fingerprint     VARCHAR(64)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    memo            VARCHAR(200) NOT NULL,
    quantity        INT          NOT NULL,
    total           BIGINT       NOT NULL,
    placed_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY kok_orders_user_key_key (user_id, idempotency_key),
    KEY kok_orders_user_placed_idx (user_id, placed_at),
    CONSTRAINT kok_orders_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

--bun:split

-- Lines copy the product as it was ordered; no foreign key to kok_products,
-- so history outlives a product.
CREATE TABLE kok_order_lines (
    order_id      BIGINT       NOT NULL,
    line_no       INT          NOT NULL,
    product_id    BIGINT       NOT NULL,
    name          VARCHAR(200) NOT NULL,
    brand         VARCHAR(100) NOT NULL,
    unit          VARCHAR(50)  NOT NULL,
    ingredient    VARCHAR(50)  NOT NULL,
    quantity      INT          NOT NULL,
    price         BIGINT       NOT NULL,
    discount_rate INT          NOT NULL,
    sale_price    BIGINT       NOT NULL,
    total         BIGINT       NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT kok_order_lines_order_fkey FOREIGN KEY (order_id) REFERENCES kok_orders (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
