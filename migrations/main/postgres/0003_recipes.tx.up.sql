-- Recipes: the catalogue (recipes, their ingredients and steps), users'
-- ratings and bookmarks, in one transaction. Recipe ids come from the
-- importer, so seeding is idempotent by id.
CREATE TABLE recipes (
    id      BIGINT       PRIMARY KEY,
    name    VARCHAR(200) NOT NULL,
    summary TEXT         NOT NULL,
    cuisine VARCHAR(16)  NOT NULL,
    level   VARCHAR(16)  NOT NULL,
    minutes INTEGER      NOT NULL CONSTRAINT recipes_minutes_check CHECK (minutes BETWEEN 0 AND 1440),
    source  VARCHAR(200) NOT NULL
);

--bun:split

-- amount is the text as written ("1/2대"); quantity, quantity_max and unit
-- are what recipe.ParseAmount read from it. ingredient_key joins products.
CREATE TABLE recipe_ingredients (
    recipe_id      BIGINT           NOT NULL REFERENCES recipes (id) ON DELETE CASCADE,
    seq            INTEGER          NOT NULL,
    name           VARCHAR(50)      NOT NULL,
    ingredient_key VARCHAR(50)      NOT NULL,
    amount         VARCHAR(50)      NOT NULL,
    quantity       DOUBLE PRECISION NOT NULL,
    quantity_max   DOUBLE PRECISION NOT NULL,
    unit           VARCHAR(20)      NOT NULL,
    kind           VARCHAR(16)      NOT NULL CONSTRAINT recipe_ingredients_kind_check CHECK (kind IN ('main', 'sub', 'seasoning')),
    PRIMARY KEY (recipe_id, seq)
);

--bun:split

CREATE INDEX recipe_ingredients_key_idx ON recipe_ingredients (ingredient_key);

--bun:split

CREATE TABLE recipe_steps (
    recipe_id BIGINT  NOT NULL REFERENCES recipes (id) ON DELETE CASCADE,
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
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    recipe_id  BIGINT      NOT NULL REFERENCES recipes (id) ON DELETE CASCADE,
    stars      SMALLINT    NOT NULL CONSTRAINT recipe_ratings_stars_check CHECK (stars BETWEEN 1 AND 5),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, recipe_id)
);

--bun:split

CREATE INDEX recipe_ratings_recipe_idx ON recipe_ratings (recipe_id);

--bun:split

CREATE TABLE recipe_bookmarks (
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    recipe_id  BIGINT      NOT NULL REFERENCES recipes (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, recipe_id)
);

--bun:split

CREATE INDEX recipe_bookmarks_user_created_idx ON recipe_bookmarks (user_id, created_at);

--bun:split

CREATE INDEX recipe_bookmarks_recipe_idx ON recipe_bookmarks (recipe_id);
