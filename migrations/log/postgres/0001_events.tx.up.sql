-- Behaviour events. event_id is a client-made UUID, so a retried send is a
-- duplicate key, not a second event. user_id is null for anonymous events;
-- item_type/item_id are null for events about no item (a search).
-- No foreign keys: the log role may live in another database than users.
CREATE TABLE events (
    event_id    UUID        PRIMARY KEY,
    user_id     BIGINT,
    type        VARCHAR(32) NOT NULL,
    item_type   VARCHAR(32),
    item_id     VARCHAR(64),
    at          TIMESTAMPTZ NOT NULL,
    props       JSONB       NOT NULL DEFAULT '{}',
    received_at TIMESTAMPTZ NOT NULL
);

--bun:split

CREATE INDEX events_user_id_at_idx ON events (user_id, at);

--bun:split

CREATE INDEX events_item_idx ON events (item_type, item_id, at);

--bun:split

CREATE INDEX events_at_idx ON events (at);
