CREATE TABLE users
(
    id            UUID                     NOT NULL PRIMARY KEY,
    email         VARCHAR(254)             NOT NULL,
    username      VARCHAR(30)              NOT NULL,
    password_hash VARCHAR(255)             NOT NULL,
    first_name    VARCHAR(100)             NOT NULL,
    last_name     VARCHAR(100)             NOT NULL,
    phone         VARCHAR(20),
    role          VARCHAR(20)              NOT NULL CHECK (role IN ('CUSTOMER', 'VENDOR', 'MANAGER', 'ADMIN')),
    active        BOOLEAN                  NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT                   NOT NULL DEFAULT 0
);
-- The constraints decide uniqueness (no check-then-insert race); the service maps their names to
-- the field of a 409 problem. Emails are stored normalised (trimmed, lower case); usernames keep
-- their case but are unique regardless of it.
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE INDEX users_role_idx ON users (role);

-- Opaque refresh tokens, stored as SHA-256 hashes. Every rotation adds a row to the same family;
-- presenting a rotated token again revokes the family.
CREATE TABLE refresh_tokens
(
    id         UUID                     NOT NULL PRIMARY KEY,
    token_hash VARCHAR(64)              NOT NULL UNIQUE,
    family_id  UUID                     NOT NULL,
    user_id    UUID                     NOT NULL REFERENCES users (id),
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    rotated_at TIMESTAMP WITH TIME ZONE,
    revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
