-- Failed sign-ins per login (the SHA-256 of the normalised email or username, so that failed
-- attempts store no address, known or not). A login with too many recent failures is locked for a
-- while, whether an account has it or not: the lock reveals nothing about which accounts exist.
CREATE TABLE login_attempts
(
    login_hash      VARCHAR(64)              NOT NULL PRIMARY KEY,
    failures        INTEGER                  NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX login_attempts_last_failure_at_idx ON login_attempts (last_failure_at);
