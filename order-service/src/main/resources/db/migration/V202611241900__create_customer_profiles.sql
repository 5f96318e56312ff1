-- The customer profile read model, from user-service's UserProfileChanged: the newest version wins
-- (the upsert's guard). A deleted user's row stays as a tombstone (erased_at, every personal column
-- NULL), so that a late profile event cannot bring them back.
CREATE TABLE customer_profiles
(
    customer_id      UUID                     NOT NULL PRIMARY KEY,
    email            VARCHAR(254),
    first_name       VARCHAR(100),
    last_name        VARCHAR(100),
    default_shipping JSONB,
    default_billing  JSONB,
    version          BIGINT                   NOT NULL,
    changed_at       TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    erased_at        TIMESTAMP WITH TIME ZONE
);
