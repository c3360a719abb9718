-- Recipes: the catalogue (recipes, their ingredients and steps), users'
-- ratings and bookmarks. MariaDB runs DDL outside transactions, so this file
-- is not .tx. utf8mb4_bin keeps Korean byte-exact. Recipe ids come from the
-- importer (no AUTO_INCREMENT), so seeding is idempotent by id.
CREATE TABLE recipes (
    id      BIGINT       NOT NULL,
    name    VARCHAR(200) NOT NULL,
    summary TEXT         NOT NULL,
    cuisine VARCHAR(16)  NOT NULL,
    level   VARCHAR(16)  NOT NULL,
    minutes INT          NOT NULL,
    source  VARCHAR(200) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT recipes_minutes_check CHECK (minutes BETWEEN 0 AND 1440)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

--bun:split

-- amount is the text as written ("1/2대"); quantity, quantity_max and unit
-- are what recipe.ParseAmount read from it. ingredient_key joins products.
CREATE TABLE recipe_ingredients (
    recipe_id      BIGINT      NOT NULL,
    seq            INT         NOT NULL,
    name           VARCHAR(50) NOT NULL,
    ingredient_key VARCHAR(50) NOT NULL,
    amount         VARCHAR(50) NOT NULL,
    quantity       DOUBLE      NOT NULL,
    quantity_max   DOUBLE      NOT NULL,
    unit           VARCHAR(20) NOT NULL,
    kind           VARCHAR(16) NOT NULL,
    PRIMARY KEY (recipe_id, seq),
    KEY recipe_ingredients_key_idx (ingredient_key),
    CONSTRAINT recipe_ingredients_kind_check CHECK (kind IN ('main', 'sub', 'seasoning')),
    CONSTRAINT recipe_ingredients_recipe_fkey FOREIGN KEY (recipe_id) REFERENCES recipes (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

--bun:split

CREATE TABLE recipe_steps (
    recipe_id BIGINT NOT NULL,
    step_no   INT    NOT NULL,
    body      TEXT   NOT NULL,
    tip       TEXT   NOT NULL,
    PRIMARY KEY (recipe_id, step_no),
    CONSTRAINT recipe_steps_recipe_fkey FOREIGN KEY (recipe_id) REFERENCES recipes (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

--bun:split

-- One rating per user and recipe; averages are computed from count and sum
-- so every engine answers the same number. Deleting an account deletes its
-- ratings and bookmarks.
CREATE TABLE recipe_ratings (
    user_id    BIGINT      NOT NULL,
    recipe_id  BIGINT      NOT NULL,
    stars      SMALLINT    NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, recipe_id),
    KEY recipe_ratings_recipe_idx (recipe_id),
    CONSTRAINT recipe_ratings_stars_check CHECK (stars BETWEEN 1 AND 5),
    CONSTRAINT recipe_ratings_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT recipe_ratings_recipe_fkey FOREIGN KEY (recipe_id) REFERENCES recipes (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

--bun:split

CREATE TABLE recipe_bookmarks (
    user_id    BIGINT      NOT NULL,
    recipe_id  BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, recipe_id),
    KEY recipe_bookmarks_user_created_idx (user_id, created_at),
    KEY recipe_bookmarks_recipe_idx (recipe_id),
    CONSTRAINT recipe_bookmarks_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT recipe_bookmarks_recipe_fkey FOREIGN KEY (recipe_id) REFERENCES recipes (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
