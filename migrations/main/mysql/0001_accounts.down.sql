DROP TABLE IF EXISTS refresh_tokens;

--bun:split

DROP TABLE IF EXISTS users;
