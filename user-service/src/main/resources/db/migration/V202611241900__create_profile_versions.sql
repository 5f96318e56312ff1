-- The version of each user's UserProfileChanged events: one more per event. Its row is locked by
-- the transaction that announces a change until it commits, so versions follow the commits.
CREATE TABLE profile_versions
(
    user_id UUID   NOT NULL PRIMARY KEY REFERENCES users (id),
    version BIGINT NOT NULL
);
