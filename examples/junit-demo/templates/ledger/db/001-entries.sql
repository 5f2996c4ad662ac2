CREATE TABLE entries (id serial PRIMARY KEY, what text NOT NULL, amount numeric(10, 2) NOT NULL);
