-- Payments: one per order, created when order-service asks for the money (PaymentRequested). Only
-- a card's brand and last four digits are kept, never its number or CVC. refunded_amount is the
-- sum of the payment's refunds and can never exceed what was captured.
CREATE TABLE payments
(
    id              UUID                     NOT NULL PRIMARY KEY,
    order_id        UUID                     NOT NULL,
    order_number    VARCHAR(20)              NOT NULL,
    customer_id     UUID                     NOT NULL,
    amount          NUMERIC(19, 4)           NOT NULL CHECK (amount >= 0),
    currency        VARCHAR(3)               NOT NULL,
    method          VARCHAR(20)              NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    refunded_amount NUMERIC(19, 4)           NOT NULL DEFAULT 0,
    card_brand      VARCHAR(20),
    card_last4      VARCHAR(4),
    processor_id    VARCHAR(255),
    failure_reason  VARCHAR(500),
    attempts        INT                      NOT NULL DEFAULT 0,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    captured_at     TIMESTAMP WITH TIME ZONE,
    version         BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT payments_refunds_within_amount CHECK (refunded_amount >= 0 AND refunded_amount <= amount)
);
CREATE UNIQUE INDEX payments_order_key ON payments (order_id);
CREATE UNIQUE INDEX payments_processor_id_key ON payments (processor_id) WHERE processor_id IS NOT NULL;
CREATE INDEX payments_customer_created_idx ON payments (customer_id, created_at DESC);
CREATE INDEX payments_status_created_idx ON payments (status, created_at DESC);
CREATE INDEX payments_created_idx ON payments (created_at DESC);

-- Refunds of a payment, full or partial; the processor's refund id is unique, so a webhook telling
-- of a refund we made ourselves is recognised.
CREATE TABLE refunds
(
    id                  UUID                     NOT NULL PRIMARY KEY,
    payment_id          UUID                     NOT NULL REFERENCES payments (id),
    amount              NUMERIC(19, 4)           NOT NULL CHECK (amount > 0),
    reason              VARCHAR(500)             NOT NULL,
    processor_refund_id VARCHAR(255)             NOT NULL,
    requested_by        VARCHAR(100)             NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX refunds_payment_idx ON refunds (payment_id, created_at);
CREATE UNIQUE INDEX refunds_processor_refund_key ON refunds (processor_refund_id);

-- Orders cancelled before their PaymentRequested arrived (another topic: any order is possible), so
-- that a late request is not charged.
CREATE TABLE cancelled_orders
(
    order_id     UUID                     NOT NULL PRIMARY KEY,
    cancelled_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- POST /payments Idempotency-Keys, per customer, for 24 h: the request's hash and what it did.
CREATE TABLE payment_keys
(
    customer_id     UUID                     NOT NULL,
    idempotency_key VARCHAR(255)             NOT NULL,
    request_hash    VARCHAR(64)              NOT NULL,
    payment_id      UUID,
    decline_code    VARCHAR(100),
    decline_message VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (customer_id, idempotency_key)
);
CREATE INDEX payment_keys_created_at_idx ON payment_keys (created_at);

-- Processor webhook events handled, by the processor's event id: a replay is refused.
CREATE TABLE webhook_events
(
    event_id    VARCHAR(255)             NOT NULL PRIMARY KEY,
    type        VARCHAR(100)             NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
