DROP TABLE IF EXISTS homeshopping_revision;

--bun:split

DROP TABLE IF EXISTS homeshopping_alarms;

--bun:split

DROP TABLE IF EXISTS homeshopping_broadcast_products;

--bun:split

DROP TABLE IF EXISTS homeshopping_broadcasts;

--bun:split

DROP TABLE IF EXISTS homeshopping_channels;
