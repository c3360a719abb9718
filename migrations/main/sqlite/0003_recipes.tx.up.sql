-- Recipes: the catalogue (recipes, their ingredients and steps), users'
-- ratings and bookmarks, in one transaction. TEXT compares with BINARY:
-- Korean is matched byte for byte. Recipe ids come from the importer, so
-- seeding is idempotent by id.
CREATE TABLE recipes (
    id      INTEGER PRIMARY KEY NOT NULL,
    name    TEXT    NOT NULL,
    summary TEXT    NOT NULL,
    cuisine TEXT    NOT NULL,
    level   TEXT    NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
    source  TEXT    NOT NULL
);

--bun:split

-- amount is the text as written ("1/2대"); quantity, quantity_max and unit
-- are what recipe.ParseAmount read from it. ingredient_key joins products.
CREATE TABLE recipe_ingredients (
    recipe_id      INTEGER NOT NULL REFERENCES recipes (id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    name           TEXT    NOT NULL,
    ingredient_key TEXT    NOT NULL,
    amount         TEXT    NOT NULL,
    quantity       REAL    NOT NULL,
    quantity_max   REAL    NOT NULL,
    unit           TEXT    NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('main', 'sub', 'seasoning')),
    PRIMARY KEY (recipe_id, seq)
);

--bun:split

CREATE INDEX recipe_ingredients_key_idx ON recipe_ingredients (ingredient_key);

--bun:split

CREATE TABLE recipe_steps (
    recipe_id INTEGER NOT NULL REFERENCES recipes (id) ON DELETE CASCADE,
    step_no   INTEGER NOT NULL,
    body      TEXT    NOT NULL,
    tip       TEXT    NOT NULL,
    PRIMARY KEY (recipe_id, step_no)
);

--bun:split

-- One rating per user and recipe; averages are computed from count and sum
-- so every engine answers the same number. Deleting an account deletes its
-- ratings and bookmarks.
CREATE TABLE recipe_ratings (
    user_id    INTEGER   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    recipe_id  INTEGER   NOT NULL REFERENCES recipes (id) ON DELETE CASCADE,
    stars      INTEGER   NOT NULL CHECK (stars BETWEEN 1 AND 5),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, recipe_id)
);

--bun:split

CREATE INDEX recipe_ratings_recipe_idx ON recipe_ratings (recipe_id);

--bun:split

CREATE TABLE recipe_bookmarks (
    user_id    INTEGER   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    recipe_id  INTEGER   NOT NULL REFERENCES recipes (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, recipe_id)
);

--bun:split

CREATE INDEX recipe_bookmarks_user_created_idx ON recipe_bookmarks (user_id, created_at);

--bun:split

CREATE INDEX recipe_bookmarks_recipe_idx ON recipe_bookmarks (recipe_id);
