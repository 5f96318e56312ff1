-- Wishlists: one row per shopper and product (the primary key makes adding idempotent). Rows of
-- products deleted since stay and are left out when the list is read.
CREATE TABLE wishlist_items
(
    user_id    UUID                     NOT NULL,
    product_id UUID                     NOT NULL,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, product_id)
);
CREATE INDEX wishlist_items_user_idx ON wishlist_items (user_id, added_at DESC);
