-- Stores: a vendor sells through one or more. A deleted store keeps its row (its products' rows
-- name it) and frees its slug.
CREATE TABLE stores
(
    id          UUID                     NOT NULL PRIMARY KEY,
    owner_id    UUID                     NOT NULL,
    name        VARCHAR(100)             NOT NULL,
    slug        VARCHAR(60)              NOT NULL,
    description VARCHAR(2000),
    active      BOOLEAN                  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at  TIMESTAMP WITH TIME ZONE,
    version     BIGINT                   NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX stores_slug_key ON stores (slug) WHERE deleted_at IS NULL;
CREATE INDEX stores_owner_id_idx ON stores (owner_id);
CREATE INDEX stores_name_idx ON stores (name, id) WHERE deleted_at IS NULL;
