-- Orders: what a customer bought, at what prices, where it goes and how it is paid. Lines and
-- addresses are the order's own copies: later catalog or profile changes do not touch them.
CREATE TABLE orders
(
    id                    UUID                     NOT NULL PRIMARY KEY,
    number                VARCHAR(20)              NOT NULL,
    customer_id           UUID                     NOT NULL,
    status                VARCHAR(20)              NOT NULL,
    currency              VARCHAR(3)               NOT NULL,
    subtotal              NUMERIC(19, 4)           NOT NULL CHECK (subtotal >= 0),
    tax                   NUMERIC(19, 4)           NOT NULL CHECK (tax >= 0),
    shipping              NUMERIC(19, 4)           NOT NULL CHECK (shipping >= 0),
    total                 NUMERIC(19, 4)           NOT NULL CHECK (total >= 0),
    payment_method        VARCHAR(20)              NOT NULL,
    shipping_address      JSONB                    NOT NULL,
    billing_address       JSONB                    NOT NULL,
    notes                 VARCHAR(1000),
    recommendation_source VARCHAR(50),
    recommendation_id     VARCHAR(100),
    cancellation_reason   VARCHAR(1000),
    refund_due            BOOLEAN                  NOT NULL DEFAULT FALSE,
    placed_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at               TIMESTAMP WITH TIME ZONE,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT                   NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX orders_number_key ON orders (number);
CREATE INDEX orders_customer_placed_idx ON orders (customer_id, placed_at DESC);
CREATE INDEX orders_status_placed_idx ON orders (status, placed_at DESC);
CREATE INDEX orders_placed_idx ON orders (placed_at DESC);

CREATE TABLE order_lines
(
    id         UUID           NOT NULL PRIMARY KEY,
    order_id   UUID           NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position   INT            NOT NULL,
    product_id UUID           NOT NULL,
    sku        VARCHAR(64)    NOT NULL,
    name       VARCHAR(200)   NOT NULL,
    unit_price NUMERIC(19, 4) NOT NULL CHECK (unit_price >= 0),
    quantity   INT            NOT NULL CHECK (quantity > 0),
    line_total NUMERIC(19, 4) NOT NULL CHECK (line_total >= 0)
);
CREATE INDEX order_lines_order_id_idx ON order_lines (order_id);

-- Every status an order had, when, and why (a note, and who or which event moved it).
CREATE TABLE order_status_changes
(
    id          UUID                     NOT NULL PRIMARY KEY,
    order_id    UUID                     NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    from_status VARCHAR(20),
    to_status   VARCHAR(20)              NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by  VARCHAR(100)             NOT NULL,
    note        VARCHAR(1000)
);
CREATE INDEX order_status_changes_order_id_idx ON order_status_changes (order_id, changed_at);

-- Checkout's Idempotency-Key memory, per customer: the hash of the request that used the key and
-- the order it made. Rows older than emporium.orders.idempotency-key-ttl (24 h) no longer count.
CREATE TABLE checkout_keys
(
    customer_id     UUID                     NOT NULL,
    idempotency_key VARCHAR(255)             NOT NULL,
    request_hash    VARCHAR(64)              NOT NULL,
    order_id        UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (customer_id, idempotency_key)
);
CREATE INDEX checkout_keys_created_at_idx ON checkout_keys (created_at);
