CREATE TABLE products
(
    id             UUID                     NOT NULL PRIMARY KEY,
    name           VARCHAR(200)             NOT NULL,
    description    TEXT,
    price_amount   NUMERIC(19, 4)           NOT NULL CHECK (price_amount > 0),
    price_currency VARCHAR(3)                 NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT                   NOT NULL DEFAULT 0
);
CREATE INDEX products_created_at_idx ON products (created_at DESC);
