-- Behaviour events. event_id is a client-made UUID in text form, so a retried
-- send is a duplicate key, not a second event. user_id is null for anonymous
-- events; item_type/item_id are null for events about no item (a search).
CREATE TABLE events (
    event_id    TEXT      PRIMARY KEY NOT NULL,
    user_id     INTEGER,
    type        TEXT      NOT NULL,
    item_type   TEXT,
    item_id     TEXT,
    at          TIMESTAMP NOT NULL,
    props       TEXT      NOT NULL DEFAULT '{}' CHECK (json_valid(props)),
    received_at TIMESTAMP NOT NULL
);

--bun:split

CREATE INDEX events_user_id_at_idx ON events (user_id, at);

--bun:split

CREATE INDEX events_item_idx ON events (item_type, item_id, at);

--bun:split

CREATE INDEX events_at_idx ON events (at);
