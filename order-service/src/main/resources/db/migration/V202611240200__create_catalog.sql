-- The catalog as order-service knows it: a read model kept current by product-service's events
-- (docs/events.md). A deleted product keeps a row (a tombstone) so that a late ProductCreated or
-- ProductUpdated cannot bring it back. Name and price are null only on a tombstone of a product we
-- never saw created.
CREATE TABLE catalog_products
(
    product_id     UUID                     NOT NULL PRIMARY KEY,
    store_id       UUID,
    name           VARCHAR(200),
    price_amount   NUMERIC(19, 4),
    price_currency VARCHAR(3),
    active         BOOLEAN                  NOT NULL,
    deleted        BOOLEAN                  NOT NULL DEFAULT FALSE,
    version        BIGINT                   NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Available stock per variant; product-service compares SKUs ignoring case, so the key is lower case.
-- No foreign key: a StockChanged may be handled before its product's ProductCreated.
CREATE TABLE catalog_stock
(
    product_id UUID                     NOT NULL,
    sku_key    VARCHAR(64)              NOT NULL,
    sku        VARCHAR(64)              NOT NULL,
    available  INT                      NOT NULL CHECK (available >= 0),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (product_id, sku_key)
);
