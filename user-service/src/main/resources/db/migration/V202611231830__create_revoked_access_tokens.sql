-- Access tokens signed out before they expire (by jti), and per user the instant before which
-- every token counts as revoked (sign-out everywhere, deactivation). The user service refuses them
-- itself; other services learn of them from the revocation events.
CREATE TABLE revoked_access_tokens
(
    jti        VARCHAR(64)              NOT NULL PRIMARY KEY,
    user_id    UUID                     NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX revoked_access_tokens_expires_at_idx ON revoked_access_tokens (expires_at);

ALTER TABLE users ADD COLUMN sessions_revoked_before TIMESTAMP WITH TIME ZONE;
