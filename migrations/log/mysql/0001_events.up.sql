-- Behaviour events. event_id is a client-made UUID (text form), so a retried
-- send is a duplicate key, not a second event. user_id is null for anonymous
-- events; item_type/item_id are null for events about no item (a search).
-- No foreign keys: the log role may live in another database than users.
CREATE TABLE events (
    event_id    CHAR(36)    NOT NULL,
    user_id     BIGINT      NULL,
    type        VARCHAR(32) NOT NULL,
    item_type   VARCHAR(32) NULL,
    item_id     VARCHAR(64) NULL,
    at          DATETIME(6) NOT NULL,
    props       JSON        NOT NULL DEFAULT '{}',
    received_at DATETIME(6) NOT NULL,
    PRIMARY KEY (event_id),
    KEY events_user_id_at_idx (user_id, at),
    KEY events_item_idx (item_type, item_id, at),
    KEY events_at_idx (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
