-- Carts: a user's (owner_id, no token) or a guest's (token_hash, the SHA-256 of the token the guest
-- holds; the token itself is never stored). A guest cart merged into its user's cart at sign-in is
-- retired: it keeps its row, emptied, with the user as owner, so the same user may keep sending its
-- token harmlessly while anyone else gets a 404.
CREATE TABLE carts
(
    id         UUID                     NOT NULL PRIMARY KEY,
    owner_id   UUID,
    token_hash VARCHAR(64),
    currency   VARCHAR(3),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at TIMESTAMP WITH TIME ZONE,
    version    BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT carts_owner_or_token CHECK (owner_id IS NOT NULL OR token_hash IS NOT NULL)
);
CREATE UNIQUE INDEX carts_user_key ON carts (owner_id) WHERE token_hash IS NULL;
CREATE UNIQUE INDEX carts_token_hash_key ON carts (token_hash) WHERE token_hash IS NOT NULL;

CREATE TABLE cart_items
(
    id               UUID                     NOT NULL PRIMARY KEY,
    cart_id          UUID                     NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    product_id       UUID                     NOT NULL,
    sku              VARCHAR(64)              NOT NULL,
    quantity         INT                      NOT NULL CHECK (quantity > 0),
    price_when_added NUMERIC(19, 4)           NOT NULL,
    added_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX cart_items_line_key ON cart_items (cart_id, product_id, lower(sku));
