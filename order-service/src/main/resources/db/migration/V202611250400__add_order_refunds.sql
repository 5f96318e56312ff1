-- The refunds payment-service reported (PaymentRefunded), one row per refund: a refund reported
-- twice, under another event id, is counted once. refunded_amount is their sum, kept on the order.
ALTER TABLE orders
    ADD COLUMN refunded_amount NUMERIC(19, 4) NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0);

CREATE TABLE order_refunds
(
    order_id  UUID           NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    refund_id VARCHAR(100)   NOT NULL,
    amount    NUMERIC(19, 4) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (order_id, refund_id)
);
