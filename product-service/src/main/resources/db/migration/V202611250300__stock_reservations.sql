-- Stock reservations of the checkout saga: one row per order (RESERVED, SOLD, RELEASED, FAILED, or
-- CANCELLED when the cancellation came before the order), and the stock taken per variant.
CREATE TABLE stock_reservations
(
    order_id   UUID                     NOT NULL PRIMARY KEY,
    status     VARCHAR(16)              NOT NULL CHECK (status IN ('RESERVED', 'SOLD', 'RELEASED', 'FAILED', 'CANCELLED')),
    expires_at TIMESTAMP WITH TIME ZONE,
    reason     VARCHAR(200),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX stock_reservations_due_idx ON stock_reservations (expires_at) WHERE status = 'RESERVED';

CREATE TABLE stock_reservation_lines
(
    order_id   UUID        NOT NULL REFERENCES stock_reservations (order_id),
    variant_id UUID        NOT NULL REFERENCES product_variants (id),
    product_id UUID        NOT NULL,
    sku        VARCHAR(64) NOT NULL,
    quantity   INT         NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, variant_id)
);
