-- RSA key pairs that sign access tokens. The newest is the active one; a key superseded by a
-- rotation gets retire_after (when the last token it signed has expired) and stays in the JWKS
-- until then.
CREATE TABLE signing_keys
(
    kid          VARCHAR(64)              NOT NULL PRIMARY KEY,
    private_key  TEXT                     NOT NULL,
    public_key   TEXT                     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    retire_after TIMESTAMP WITH TIME ZONE
);
CREATE INDEX signing_keys_created_at_idx ON signing_keys (created_at DESC);
