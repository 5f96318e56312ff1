-- What admins did to accounts, written in the transaction of the change: who (actor_id), what
-- (action), to whom (target_id), when, and the account before and after (JSON snapshots without
-- password hashes). Rows are never changed, except that deleting an account strips its personal
-- data from the snapshots. The identity column orders rows of the same instant.
CREATE TABLE audit_log
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id     UUID                     NOT NULL,
    action       VARCHAR(30)              NOT NULL,
    target_id    UUID                     NOT NULL,
    before_state JSONB,
    after_state  JSONB
);
CREATE INDEX audit_log_occurred_at_idx ON audit_log (occurred_at DESC, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, occurred_at DESC);
CREATE INDEX audit_log_target_idx ON audit_log (target_id, occurred_at DESC);
