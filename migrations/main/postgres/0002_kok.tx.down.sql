DROP TABLE IF EXISTS kok_order_lines;

--bun:split

DROP TABLE IF EXISTS kok_orders;

--bun:split

DROP TABLE IF EXISTS kok_cart_items;

--bun:split

DROP TABLE IF EXISTS kok_wishes;

--bun:split

DROP TABLE IF EXISTS kok_catalog_meta;

--bun:split

DROP TABLE IF EXISTS kok_products;
