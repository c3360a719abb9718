-- Home shopping: channels, broadcasts with their products, alarms, and the
-- revision every import bumps (read models poll it to know they are stale).
-- Times are TIMESTAMPTZ (instants; sessions run in UTC).
CREATE TABLE homeshopping_channels (
    id     BIGINT       PRIMARY KEY,
    code   VARCHAR(32)  NOT NULL,
    name   VARCHAR(100) NOT NULL,
    number INT          NOT NULL,
    CONSTRAINT homeshopping_channels_code_key UNIQUE (code)
);

--bun:split

CREATE TABLE homeshopping_broadcasts (
    id         BIGINT       PRIMARY KEY,
    channel_id BIGINT       NOT NULL REFERENCES homeshopping_channels (id),
    title      VARCHAR(200) NOT NULL,
    starts_at  TIMESTAMPTZ  NOT NULL,
    ends_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT homeshopping_broadcasts_times_check CHECK (ends_at > starts_at)
);

--bun:split

CREATE INDEX homeshopping_broadcasts_starts_at_idx ON homeshopping_broadcasts (starts_at);

--bun:split

CREATE INDEX homeshopping_broadcasts_channel_idx ON homeshopping_broadcasts (channel_id, starts_at);

--bun:split

CREATE TABLE homeshopping_broadcast_products (
    broadcast_id BIGINT       NOT NULL REFERENCES homeshopping_broadcasts (id) ON DELETE CASCADE,
    pos          INT          NOT NULL,
    product_name VARCHAR(200) NOT NULL,
    ingredient   VARCHAR(50)  NOT NULL DEFAULT '',
    price        BIGINT       NOT NULL,
    sale_price   BIGINT       NOT NULL,
    is_main      BOOLEAN      NOT NULL,
    PRIMARY KEY (broadcast_id, pos),
    CONSTRAINT homeshopping_broadcast_products_price_check CHECK (price >= 0 AND sale_price >= 0 AND sale_price <= price)
);

--bun:split

CREATE INDEX homeshopping_broadcast_products_ingredient_idx ON homeshopping_broadcast_products (ingredient);

--bun:split

CREATE TABLE homeshopping_alarms (
    user_id      BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    broadcast_id BIGINT      NOT NULL REFERENCES homeshopping_broadcasts (id) ON DELETE CASCADE,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, broadcast_id)
);

--bun:split

CREATE INDEX homeshopping_alarms_broadcast_idx ON homeshopping_alarms (broadcast_id);

--bun:split

CREATE TABLE homeshopping_revision (
    id       INT    PRIMARY KEY CHECK (id = 1),
    revision BIGINT NOT NULL
);

--bun:split

INSERT INTO homeshopping_revision (id, revision) VALUES (1, 0);
