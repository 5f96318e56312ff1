-- A user's address book (at most 20, enforced by the service under a per-user advisory lock). At
-- most one default shipping and one default billing address per user: the partial unique indexes
-- below back the service, which clears the previous default first.
CREATE TABLE addresses
(
    id               UUID                     NOT NULL PRIMARY KEY,
    user_id          UUID                     NOT NULL REFERENCES users (id),
    label            VARCHAR(10)              NOT NULL CHECK (label IN ('HOME', 'WORK', 'OTHER')),
    recipient_name   VARCHAR(100)             NOT NULL,
    line1            VARCHAR(200)             NOT NULL,
    line2            VARCHAR(200),
    city             VARCHAR(100)             NOT NULL,
    region           VARCHAR(100),
    postal_code      VARCHAR(16),
    country          VARCHAR(2)               NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    phone            VARCHAR(20),
    default_shipping BOOLEAN                  NOT NULL DEFAULT FALSE,
    default_billing  BOOLEAN                  NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT                   NOT NULL DEFAULT 0
);
CREATE INDEX addresses_user_idx ON addresses (user_id, created_at);
CREATE UNIQUE INDEX addresses_default_shipping_key ON addresses (user_id) WHERE default_shipping;
CREATE UNIQUE INDEX addresses_default_billing_key ON addresses (user_id) WHERE default_billing;
