-- An account holds a set of roles (at least one: the service refuses to remove the last). The
-- access token's roles claim lists them. Existing accounts keep the single role they had.
CREATE TABLE user_roles
(
    user_id UUID        NOT NULL REFERENCES users (id),
    role    VARCHAR(20) NOT NULL CHECK (role IN ('CUSTOMER', 'VENDOR', 'MANAGER', 'ADMIN')),
    PRIMARY KEY (user_id, role)
);
CREATE INDEX user_roles_role_idx ON user_roles (role);

INSERT INTO user_roles (user_id, role)
SELECT id, role
FROM users;

DROP INDEX users_role_idx;
ALTER TABLE users DROP COLUMN role;
