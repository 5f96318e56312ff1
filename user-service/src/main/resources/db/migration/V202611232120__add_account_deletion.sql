-- A deleted account keeps its row (orders refer to its id) but not its personal data: email and
-- username become tombstones ("deleted:<id>", which no registration can take: neither is a valid
-- email or username), so the unique indexes stay satisfied. Usernames stay limited to 30
-- characters by validation; the column is wider for the tombstones.
ALTER TABLE users
    ALTER COLUMN username TYPE VARCHAR(40),
    ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
