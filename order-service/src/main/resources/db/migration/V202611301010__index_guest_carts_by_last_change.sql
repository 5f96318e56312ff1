-- Guest carts (a token, no owner) not changed for emporium.cart.guest-retention are deleted
-- by GuestCartCleanup; updated_at is their last change (every add, quantity change, removal,
-- emptying and merge sets it). This index finds the stale ones without reading users' carts.
CREATE INDEX carts_guest_updated_at_idx ON carts (updated_at) WHERE owner_id IS NULL AND token_hash IS NOT NULL;
