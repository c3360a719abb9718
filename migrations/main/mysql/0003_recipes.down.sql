DROP TABLE IF EXISTS recipe_bookmarks;

--bun:split

DROP TABLE IF EXISTS recipe_ratings;

--bun:split

DROP TABLE IF EXISTS recipe_steps;

--bun:split

DROP TABLE IF EXISTS recipe_ingredients;

--bun:split

DROP TABLE IF EXISTS recipes;
