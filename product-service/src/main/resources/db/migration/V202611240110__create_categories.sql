-- Categories: one tree. A category with children cannot be deleted (the foreign key says so too).
CREATE TABLE categories
(
    id          UUID                     NOT NULL PRIMARY KEY,
    parent_id   UUID REFERENCES categories (id),
    name        VARCHAR(100)             NOT NULL,
    slug        VARCHAR(60)              NOT NULL,
    description VARCHAR(1000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT categories_not_own_parent CHECK (parent_id <> id)
);
CREATE UNIQUE INDEX categories_slug_key ON categories (slug);
CREATE INDEX categories_parent_id_idx ON categories (parent_id);
