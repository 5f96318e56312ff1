-- Each signed-in shopper's recently viewed products: one row per product, the latest read wins;
-- the views feature keeps the newest 50 (emporium.catalog.views.recently-viewed).
CREATE TABLE recently_viewed
(
    user_id    UUID                     NOT NULL,
    product_id UUID                     NOT NULL,
    viewed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, product_id)
);
CREATE INDEX recently_viewed_user_idx ON recently_viewed (user_id, viewed_at DESC);
