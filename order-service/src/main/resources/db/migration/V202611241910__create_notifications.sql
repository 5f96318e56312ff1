-- Order emails: one per order and kind (the unique key makes a redelivered event a no-op). PENDING
-- ones are sent from next_attempt_at on (a sender claims them by moving it forward); SENT, SKIPPED
-- (no email known, or the customer erased: reason says which) and FAILED (given up after
-- emporium.notifications.max-attempts; reason holds the last error) are final.
CREATE TABLE notifications
(
    id              UUID                     NOT NULL PRIMARY KEY,
    order_id        UUID                     NOT NULL,
    kind            VARCHAR(20)              NOT NULL CHECK (kind IN ('ORDER_CONFIRMED', 'ORDER_SHIPPED', 'ORDER_CANCELLED')),
    customer_id     UUID                     NOT NULL,
    recipient       VARCHAR(254),
    subject         VARCHAR(300),
    body            TEXT,
    status          VARCHAR(10)              NOT NULL CHECK (status IN ('PENDING', 'SENT', 'SKIPPED', 'FAILED')),
    reason          VARCHAR(500),
    attempts        INTEGER                  NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT notifications_order_kind_key UNIQUE (order_id, kind)
);
CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notifications_customer_idx ON notifications (customer_id);
